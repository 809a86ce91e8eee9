//! The embedded poll's model: what one `<phieu-poll>` (or one iframe) shows, changed only by
//! [`Step`]s. Plain Rust, no Yew and no browser, like `state.rs`; each embedded poll holds its
//! own [`Flow`], so several on one page never share a screen or an answer.
//!
//! The voter's walk is the app's own ([`Voting`] in `state::meeting`): the same checks, the
//! same skip logic, the answers dropped when the receipt appears.

use std::rc::Rc;

use phieu_core::{BoxFingerprint, Electorate, Lang, Outcome, Poll, PollKind, Tally};

use crate::embed::protocol::Mode;
use crate::embed::words::words;
use crate::state::meeting::{Step as VoterStep, Voting};
use crate::state::{Notice, VoterAction};

/// The fewest ballots a kiosk box may be closed with, and its tally reported with. A portal
/// could otherwise open a fresh box (`box=`) per voter and close it after one ballot, and read
/// that voter's choice off the tally (issue 17; docs/embedding.md §Closing).
pub const MIN_BALLOTS_TO_CLOSE: u64 = 5;

/// Why a kiosk box of `ballots` may not be closed or reported yet, if so (results mode shows a
/// published bundle, which is the publisher's decision, and is not held back).
pub fn too_few(mode: Mode, ballots: u64) -> Option<Notice> {
    (mode == Mode::Kiosk && ballots < MIN_BALLOTS_TO_CLOSE)
        .then(|| Notice::each(|lang| words(lang).too_few(MIN_BALLOTS_TO_CLOSE, ballots)))
}

/// A box that is closed: what the results screen shows and what the host receives.
#[derive(Clone, Debug, PartialEq)]
pub struct Closed {
    pub poll: Rc<Poll>,
    pub tally: Tally,
    pub fingerprint: BoxFingerprint,
    /// The legal denominator, when the host gave it (kiosk) or the bundle holds it (results):
    /// then each share is of the total electorate and the outcome is stated.
    pub electorate: Option<Electorate>,
    pub outcomes: Vec<Outcome>,
}

/// What the embedded poll shows.
#[derive(Clone, Debug, PartialEq)]
pub enum Screen {
    Loading,
    /// Nothing can be done: the poll or bundle did not load, storage is refused, the mode does
    /// not fit the poll. The words are in both languages.
    Failed(Notice),
    Voting(Voting),
    /// The ballot is on disk; its receipt code. Kiosk: "done" gives the next voter a fresh
    /// ballot. Survey: the respondent's thanks, for good.
    Receipt(String),
    /// Survey: this device already answered this survey (after a reload).
    Answered,
    Closed(Rc<Closed>),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Flow {
    pub mode: Mode,
    pub lang: Lang,
    pub poll: Option<Rc<Poll>>,
    pub screen: Screen,
    /// The ballots in the device's box for this poll (read back on opening, one more per cast).
    pub ballots: u64,
}

/// Everything that happens to an embedded poll.
#[derive(Clone, Debug)]
pub enum Step {
    SetLang(Lang),
    /// A new poll or bundle is being loaded (first load or `load-poll`).
    Loading,
    /// The poll is loaded and the device's box for it read: how many ballots it holds and
    /// whether it was closed.
    Opened {
        poll: Rc<Poll>,
        ballots: u32,
        closed: Option<Rc<Closed>>,
    },
    Failed(Notice),
    Vote(VoterAction),
    Cast(String),
    /// The ballot could not be stored: it was NOT cast (the review stays, with the reason).
    NotCast(Notice),
    /// The receipt's "done" (kiosk): the next voter's fresh ballot.
    NextVoter,
    Closed(Rc<Closed>),
}

impl Flow {
    pub fn new(mode: Mode, lang: Lang) -> Flow {
        Flow {
            mode,
            lang,
            poll: None,
            screen: Screen::Loading,
            ballots: 0,
        }
    }

    /// Why `mode` cannot run `poll`, if it cannot: a survey is answered alone on one's own
    /// device, which only an opinion survey allows; a decision or a confidence vote needs the
    /// meeting (kiosk), where the ballot's secrecy is kept by the shared device.
    pub fn refuses(mode: Mode, poll: &Poll) -> Option<Notice> {
        (mode == Mode::Survey && poll.kind() != PollKind::Survey)
            .then(|| Notice::each(|lang| words(lang).survey_refused))
    }

    pub fn apply(&self, step: Step) -> Flow {
        let mut next = self.clone();
        match step {
            Step::SetLang(lang) => next.lang = lang,
            Step::Loading => {
                next.poll = None;
                next.screen = Screen::Loading;
            }
            Step::Opened {
                poll,
                ballots,
                closed,
            } => {
                next.ballots = u64::from(ballots);
                next.screen = match (closed, Flow::refuses(self.mode, &poll)) {
                    (Some(closed), _) => match too_few(self.mode, closed.tally.ballots()) {
                        Some(why) => Screen::Failed(why),
                        None => Screen::Closed(closed),
                    },
                    (None, Some(refused)) => Screen::Failed(refused),
                    (None, None) if self.mode == Mode::Survey && ballots > 0 => Screen::Answered,
                    (None, None) => Screen::Voting(Voting::new(&poll, false)),
                };
                next.poll = Some(poll);
            }
            Step::Failed(notice) => next.screen = Screen::Failed(notice),
            Step::Vote(action) => {
                let (Some(poll), Screen::Voting(voting)) = (&self.poll, &self.screen) else {
                    return next;
                };
                next.screen = Screen::Voting(match action {
                    VoterAction::Answer(i, a) => voting.answer(poll, i, a),
                    VoterAction::Forward => voting.forward(poll),
                    VoterAction::Back => voting.back(poll),
                    VoterAction::Change(i) => voting.change(i),
                    VoterAction::Confirm => {
                        let mut saving = voting.clone();
                        saving.step = VoterStep::Saving;
                        saving.not_cast = None;
                        saving
                    }
                });
            }
            // The answers leave memory here: the receipt holds only its code.
            Step::Cast(receipt) => {
                next.screen = Screen::Receipt(receipt);
                next.ballots += 1;
            }
            Step::NotCast(notice) => {
                if let Screen::Voting(voting) = &mut next.screen {
                    voting.step = VoterStep::Review;
                    voting.not_cast = Some(notice.get(self.lang).to_owned());
                }
            }
            Step::NextVoter => {
                if let (Mode::Kiosk, Some(poll), Screen::Receipt(_)) =
                    (self.mode, &self.poll, &self.screen)
                {
                    next.screen = Screen::Voting(Voting::new(poll, false));
                }
            }
            Step::Closed(closed) => next.screen = Screen::Closed(closed),
        }
        next
    }

    /// The ballot being confirmed, if the voter just pressed Confirm: the answers to cast.
    pub fn confirming(&self) -> Option<&Voting> {
        match &self.screen {
            Screen::Voting(v) if v.step == VoterStep::Saving => Some(v),
            _ => None,
        }
    }

    /// Why the host may not close voting now, in both languages; `None` when it may: a kiosk
    /// with its poll open, no ballot being written, and at least [`MIN_BALLOTS_TO_CLOSE`].
    pub fn close_refusal(&self) -> Option<Notice> {
        if !self.may_close() {
            let mode = self.mode.name();
            return Some(Notice::each(|lang| words(lang).close_refused(mode)));
        }
        too_few(self.mode, self.ballots)
    }

    /// Whether the host may close voting now (kiosk, a poll open, no ballot being written).
    pub fn may_close(&self) -> bool {
        self.mode == Mode::Kiosk
            && self.poll.is_some()
            && matches!(self.screen, Screen::Voting(_) | Screen::Receipt(_))
            && self.confirming().is_none()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use phieu_core::Answer;

    const DEMO: &str = include_str!("../../assets/polls/demo.json");
    const SURVEY: &str = include_str!("../../assets/polls/survey20.json");

    fn opened(mode: Mode, json: &str, ballots: u32) -> Flow {
        let poll = Rc::new(Poll::from_json(json).unwrap());
        Flow::new(mode, Lang::Vi).apply(Step::Opened {
            poll,
            ballots,
            closed: None,
        })
    }

    #[test]
    fn a_kiosk_takes_voter_after_voter_and_forgets_each() {
        let f = opened(Mode::Kiosk, DEMO, 3);
        let f = f
            .apply(Step::Vote(VoterAction::Forward))
            .apply(Step::Vote(VoterAction::Answer(0, Answer::choice("dong_y"))))
            .apply(Step::Vote(VoterAction::Forward))
            .apply(Step::Vote(VoterAction::Confirm));
        assert!(f.confirming().is_some());
        assert!(!f.may_close(), "no close while a ballot is being written");
        let f = f.apply(Step::Cast("ABCD".into()));
        assert_eq!(f.screen, Screen::Receipt("ABCD".into()));
        assert!(f.may_close());
        let f = f.apply(Step::NextVoter);
        let Screen::Voting(v) = &f.screen else {
            panic!("a fresh ballot")
        };
        assert!(v.answers.iter().all(Answer::is_blank));
    }

    #[test]
    fn a_failed_write_keeps_the_review_and_says_not_cast() {
        let f = opened(Mode::Kiosk, DEMO, 0)
            .apply(Step::Vote(VoterAction::Forward))
            .apply(Step::Vote(VoterAction::Answer(0, Answer::choice("dong_y"))))
            .apply(Step::Vote(VoterAction::Forward))
            .apply(Step::Vote(VoterAction::Confirm))
            .apply(Step::NotCast(Notice::each(|l| words(l).not_cast)));
        let Screen::Voting(v) = &f.screen else {
            panic!("still voting")
        };
        assert_eq!(v.step, VoterStep::Review);
        assert_eq!(v.not_cast.as_deref(), Some(words(Lang::Vi).not_cast));
    }

    #[test]
    fn a_survey_is_answered_once_and_only_for_surveys() {
        assert!(matches!(
            opened(Mode::Survey, DEMO, 0).screen,
            Screen::Failed(_)
        ));
        assert!(matches!(
            opened(Mode::Survey, SURVEY, 0).screen,
            Screen::Voting(_)
        ));
        assert_eq!(opened(Mode::Survey, SURVEY, 1).screen, Screen::Answered);
        let f = opened(Mode::Survey, SURVEY, 0).apply(Step::Cast("R".into()));
        assert_eq!(
            f.apply(Step::NextVoter).screen,
            Screen::Receipt("R".into()),
            "a survey's thanks stay"
        );
        assert!(!f.may_close());
    }

    #[test]
    fn a_kiosk_closes_only_with_five_ballots_said_in_both_languages() {
        let mut f = opened(Mode::Kiosk, DEMO, 3);
        let why = f.close_refusal().expect("3 ballots are too few");
        assert!(
            why.get(Lang::Vi).contains("ít nhất 5 phiếu, hiện có 3"),
            "{}",
            why.get(Lang::Vi)
        );
        assert!(
            why.get(Lang::En).contains("at least 5 ballots and holds 3"),
            "{}",
            why.get(Lang::En)
        );
        f = f.apply(Step::Cast("A".into()));
        assert!(f.close_refusal().is_some(), "4 are still too few");
        f = f.apply(Step::NextVoter).apply(Step::Cast("B".into()));
        assert_eq!(f.ballots, 5);
        assert_eq!(f.close_refusal(), None);
        assert!(opened(Mode::Survey, SURVEY, 9).close_refusal().is_some());
    }

    #[test]
    fn a_closed_box_with_too_few_ballots_shows_no_tally() {
        let poll = Rc::new(Poll::from_json(DEMO).unwrap());
        let mut bx = phieu_core::BallotBox::new((*poll).clone());
        let ballot = phieu_core::Ballot::new(
            &poll,
            vec![Answer::choice("dong_y")],
            phieu_core::Salt::from_bytes([7; 16]),
        )
        .unwrap();
        bx.cast(ballot).unwrap();
        let closed = Rc::new(Closed {
            poll: poll.clone(),
            tally: bx.tally().clone(),
            fingerprint: bx.fingerprint(),
            electorate: None,
            outcomes: vec![],
        });
        let step = || Step::Opened {
            poll: poll.clone(),
            ballots: 1,
            closed: Some(closed.clone()),
        };
        let kiosk = Flow::new(Mode::Kiosk, Lang::En).apply(step());
        assert!(
            matches!(kiosk.screen, Screen::Failed(_)),
            "{:?}",
            kiosk.screen
        );
        let results = Flow::new(Mode::Results, Lang::En).apply(step());
        assert!(matches!(results.screen, Screen::Closed(_)));
    }
}
