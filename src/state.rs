//! The app's model: what is on screen and why, changed only by [`Action`]s.
//!
//! Plain Rust with no Yew and no browser in it, so every transition is a unit test. The
//! view layer wraps [`Model`] in a reducer (see `app.rs`); event handlers only dispatch, and
//! the effects in `effects.rs` report back with actions.

pub mod accuracy;
pub mod designer;
pub mod field;
pub mod load_error;
pub mod meeting;
pub mod meeting_record;
pub mod notice;
pub mod outbox;
pub mod paper;
pub mod past;
pub mod reading;
pub mod setup;
pub mod speech;
pub mod words;

use std::rc::Rc;

use phieu_core::{Ballot, BallotBox, Lang, Poll};

pub use accuracy::Test;
pub use load_error::LoadError;
use meeting::{Admit, LastBallot, Meeting, Phase, Voting};
pub use notice::Notice;

/// Where the poll shown on the setup page stands.
#[derive(Clone, Debug)]
pub enum PollState {
    Loading,
    Ready(Rc<Poll>),
    Failed(Rc<LoadError>),
}

/// Two states are the same when they hold the very same poll or error: cheap, and all a
/// re-render needs to know.
impl PartialEq for PollState {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (PollState::Loading, PollState::Loading) => true,
            (PollState::Ready(a), PollState::Ready(b)) => Rc::ptr_eq(a, b),
            (PollState::Failed(a), PollState::Failed(b)) => Rc::ptr_eq(a, b),
            _ => false,
        }
    }
}

/// The HTML pages the app is built into, each with its own (smaller) wasm.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Doc {
    /// `index.html`: what a voting tablet needs: the officer's console, the test, the PIN pad,
    /// the voter's screens and the receipt. Nothing else is in its download.
    Tablet,
    /// `office.html`: preparing a meeting, results, minutes, exports, upload, verify, merge.
    Office,
    /// `survey.html`: a field survey on a staff member's own device, and nothing else: the
    /// respondent's screens, resume, the staff member's screen, closing (`state::field`).
    Survey,
}

/// The pages an address can name (see `edge::route`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Page {
    /// The meeting on this tablet: on the tablet page, voting; on the office page, the results
    /// of the last closed meeting (or setup when there is none).
    Home,
    /// Preparing a new meeting (office page).
    Setup,
    /// The auditor's check of an audit bundle (office page).
    Verify,
    /// Merging the boxes of several tablets or sittings (office page).
    Merge,
    /// The poll designer (office page): makes a poll without writing JSON.
    Designer,
    /// The meetings kept on this device, to reopen or delete (office page; `state::past`).
    Meetings,
    /// A field survey on the staff member's own device (`survey.html?src=POLL`; the old
    /// address `index.html#/survey?src=POLL` moves there): the first question at once, one
    /// respondent after another (`state::field`).
    Survey,
}

impl Page {
    /// The page that shows `self` when the browser is on `here`.
    pub fn doc(self, here: Doc) -> Doc {
        match self {
            Page::Home => here,
            Page::Survey => Doc::Survey,
            Page::Setup | Page::Verify | Page::Merge | Page::Designer | Page::Meetings => {
                Doc::Office
            }
        }
    }
}

/// Where the browser must go because the page it is on cannot show what the model holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Go {
    pub doc: Doc,
    pub page: Page,
    /// The meeting just created on the office page: the tablet page opens it on the officer's
    /// console instead of the PIN pad (the officer set that PIN a moment ago). Held for one
    /// page load in the tab's session storage (`edge::route::go`), never in the address.
    pub hand_over: Option<String>,
}

/// Whether this device can keep ballots safely.
#[derive(Clone, Debug, PartialEq)]
pub enum Device {
    /// Storage is being opened and the meeting read back.
    Starting,
    Ready,
    /// IndexedDB cannot be used: no meeting may be opened (said before, not mid-meeting, in
    /// every language).
    NoStorage(Notice),
    /// Another tab has the meeting open: this one only says so.
    OtherTab,
}

/// How far reading a meeting's box back has come (`effects::load_box`), for a progress bar
/// while the page waits: the tablet after a reload, the office page opening a meeting.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Loading {
    pub done: u32,
    pub total: u32,
}

impl Loading {
    /// Boxes from this size on show a bar: a smaller one is read back in well under a second,
    /// even on a slow tablet, and a bar would only flash.
    pub const SHOWN_FROM: u32 = 5000;

    /// Whether the wait deserves a bar.
    pub fn shown(&self) -> bool {
        self.total >= Loading::SHOWN_FROM
    }
}

/// What the PIN is asked for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Intent {
    /// The officer's screens (from the "hand the tablet back" screen).
    Officer,
    /// Close voting, after the confirmation that states the count.
    Close,
    /// Cancel the turn of a voter who walked away mid-ballot (the ballot is issued and not
    /// returned; issue 19, item 3).
    CancelBallot,
}

/// The screen of the meeting flow.
#[derive(Clone, Debug, PartialEq)]
pub enum Screen {
    /// No meeting yet: choose the poll, enter the electorate and the names, set the PIN.
    Setup,
    /// The officer's console: the count (never the choices), unlock, pause, close, the test.
    Officer,
    /// "Hand the tablet back": the PIN pad for `Intent`.
    Pin(Intent),
    /// One voter's ballot.
    Voter(Voting),
    /// The officer's PIN to cancel this voter's turn; the voter's answers so far stay in memory
    /// until then, so "back to the ballot" loses nothing.
    CancelBallot(Voting),
    /// The receipt code, in large type, for the voter who just cast.
    Receipt(String),
    /// "Close voting with N ballots?"
    ConfirmClose,
    /// Voting is closed: results, minutes, exports.
    Results,
    /// A field survey's own screens (resume, between respondents, close).
    Field(field::FieldScreen),
}

/// What the browser says of this site's storage: whether it will keep our data under storage
/// pressure (`navigator.storage.persist()`), and the quota and usage it estimates. Each is
/// `None` where the browser does not say.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Storage {
    pub persisted: Option<bool>,
    pub quota: Option<u64>,
    pub usage: Option<u64>,
}

impl Storage {
    /// Free space below which the officer is warned before opening (bytes): about 5,000
    /// ballots.
    pub const LOW: u64 = 10 * 1024 * 1024;

    /// Bytes the site may still store, when the browser says.
    pub fn free(&self) -> Option<u64> {
        Some(self.quota?.saturating_sub(self.usage?))
    }

    /// Whether the free space is below [`Storage::LOW`]; unknown space is not "low".
    pub fn low(&self) -> bool {
        self.free().is_some_and(|f| f < Storage::LOW)
    }
}

/// Everything the app shows.
#[derive(Clone, Debug, PartialEq)]
pub struct Model {
    pub lang: Lang,
    pub page: Page,
    pub poll: PollState,
    pub device: Device,
    /// What the browser said of this site's storage at start: shown on the setup screen, and
    /// its warning on the officer's console too.
    pub storage: Option<Storage>,
    pub meeting: Option<Meeting>,
    pub screen: Screen,
    pub test: Test,
    /// A message for the officer about the last action (storage failure, wrong PIN …).
    pub notice: Option<Notice>,
    /// The field survey's counts per day and the respondent set aside (field sessions only).
    pub field: Option<field::Session>,
    /// What became of the last voter's ballot, for the lock screen; `None` when no voter has
    /// held the tablet since it was last locked by the officer or reloaded without one.
    pub last_ballot: Option<LastBallot>,
    /// A ballot was left unfinished (a reload mid-ballot): the console says so, with how many
    /// in this meeting, until the next voter is let in.
    pub abandoned: Option<u32>,
    /// This sitting's voter-admission code (`meeting::Admit`): in memory only.
    pub admit: Option<Admit>,
    /// The meetings kept on this device, once read (the office page's list).
    pub past: Option<Vec<past::Past>>,
    /// A box being read back from storage, while the page waits for it.
    pub loading: Option<Loading>,
    /// The voter's screens in large text and high contrast (issue 20, item 2), set by the
    /// officer for the next voter; `keep_large`: for every voter after too, until turned off.
    pub large: bool,
    pub keep_large: bool,
    /// Whether this device reads aloud in Vietnamese (issue 20, item 1).
    pub speech: speech::Speech,
}

/// Everything that can happen to the model.
#[derive(Clone, Debug)]
pub enum Action {
    SetLang(Lang),
    /// The address changed (a link or the Back button).
    Navigate(Page),
    /// A new attempt to load the poll has started (first load or "try again").
    LoadPoll,
    PollLoaded(Result<Rc<Poll>, Rc<LoadError>>),
    /// A poll file chosen by the officer replaces the demo poll on the setup page.
    PollChosen(Rc<Poll>),
    /// Storage is open and the meeting (if any) read back.
    Started(Option<Meeting>),
    /// Reading a box back has come this far (`None`: it is over, or failed).
    Loading(Option<Loading>),
    DeviceUnusable(Device),
    /// What the browser said of this site's storage (issue 19, item 2).
    Storage(Storage),
    /// What the browser said of a Vietnamese voice (issue 20, item 1).
    Speech(speech::Speech),
    /// The meeting was created or changed and the change is stored.
    MeetingStored(Meeting),
    /// Show the officer's console (after a right PIN, or on creating the meeting).
    ShowOfficer,
    /// The office page created meeting `id` and handed the tablet over: the officer's console
    /// opens without the PIN, once, while that meeting is still in its test.
    HandedOver(String),
    /// Back to "hand the tablet back".
    Lock,
    AskPin(Intent),
    /// The officer sets large text and high contrast for the next voter.
    SetLarge(bool),
    /// … and whether it stays on for the voters after.
    KeepLarge(bool),
    /// The meetings kept on this device were read (`state::past`).
    Past(Vec<past::Past>),
    /// A voter-admission code was drawn (or voided: `None`).
    Admit(Option<Admit>),
    /// A wrong admission code was typed on the lock screen (and counted as a wrong PIN): the
    /// code after it (`None`: void) and what to say.
    AdmitMissed {
        admit: Option<Admit>,
        notice: Notice,
    },
    /// The voter's screen asks for the officer's PIN to cancel this turn.
    CancelBallot,
    /// Back from that PIN pad to the ballot, answers kept.
    BackToBallot,
    /// The officer cancelled the turn: the ballot was not cast; the console says so.
    BallotCancelled,
    /// Unlock the tablet for one voter (or one test ballot).
    StartVoter {
        test: bool,
    },
    /// The voter's walk through the ballot.
    Vote(VoterAction),
    /// The ballot is committed to storage; the box now holds it.
    Cast {
        receipt: String,
        ballots: Option<Rc<BallotBox>>,
        test_ballot: Option<Rc<Ballot>>,
    },
    /// After a reload: what became of the ballot a voter held, and how many ballots of this
    /// meeting were left unfinished in all.
    Reloaded {
        last: LastBallot,
        abandoned: u32,
    },
    /// The ballot could not be stored: it was not cast. The message says why.
    NotCast(Notice),
    /// The voter closed the receipt (or it timed out).
    ReceiptDone,
    TestChecked(Rc<BallotBox>),
    TestCleared,
    ConfirmClose,
    /// After a meeting closed: prepare another (the closed one stays in storage).
    NewMeeting,
    Notice(Option<Notice>),
    /// A field survey's own steps (`state::field`).
    Field(field::FieldAction),
}

/// What the voter does on the ballot screens.
#[derive(Clone, Debug)]
pub enum VoterAction {
    Answer(usize, phieu_core::Answer),
    Forward,
    Back,
    Change(usize),
    Confirm,
}

impl Model {
    pub fn new(lang: Lang, page: Page) -> Self {
        Model {
            lang,
            page,
            poll: PollState::Loading,
            device: Device::Starting,
            storage: None,
            meeting: None,
            screen: Screen::Setup,
            test: Test::default(),
            notice: None,
            field: None,
            last_ballot: None,
            abandoned: None,
            admit: None,
            past: None,
            loading: None,
            large: false,
            keep_large: false,
            speech: speech::Speech::Unknown,
        }
    }

    /// The screen a meeting opens on after a reload: whoever holds the tablet must show the
    /// PIN, except when voting is over and the results are public.
    fn resting_screen(meeting: Option<&Meeting>) -> Screen {
        match meeting.map(|m| m.phase) {
            None => Screen::Setup,
            Some(Phase::Closed) => Screen::Results,
            Some(_) => Screen::Pin(Intent::Officer),
        }
    }

    /// The model after `action`.
    pub fn apply(&self, action: Action) -> Model {
        let mut next = self.clone();
        match action {
            Action::SetLang(lang) => next.lang = lang,
            Action::Navigate(page) => next.page = page,
            Action::LoadPoll => next.poll = PollState::Loading,
            Action::PollLoaded(Ok(poll)) | Action::PollChosen(poll) => {
                next.poll = PollState::Ready(poll)
            }
            Action::PollLoaded(Err(error)) => next.poll = PollState::Failed(error),
            Action::Loading(loading) => next.loading = loading,
            Action::Started(meeting) => {
                next.loading = None;
                next.device = Device::Ready;
                next.screen = Model::resting_screen(meeting.as_ref());
                next.meeting = meeting;
            }
            Action::DeviceUnusable(device) => {
                next.loading = None;
                next.device = device;
            }
            Action::Storage(storage) => next.storage = Some(storage),
            Action::Speech(speech) => next.speech = speech,
            Action::MeetingStored(meeting) => {
                // A meeting new to this page (just created) opens on the officer's console.
                if next.meeting.as_ref().is_none_or(|m| m.id != meeting.id) {
                    next.screen = Screen::Officer;
                }
                if meeting.phase == Phase::Closed {
                    next.screen = Screen::Results;
                }
                // A pause or the close voids the admission code: the console draws a new one
                // when voting opens again.
                if meeting.phase != Phase::Open {
                    next.admit = None;
                }
                next.meeting = Some(meeting);
                next.notice = None;
            }
            Action::ShowOfficer => {
                next.screen = Screen::Officer;
                next.notice = None;
            }
            Action::HandedOver(id) => {
                let fresh = next
                    .meeting
                    .as_ref()
                    // Just set up: before its test, or open at once when every item is
                    // voted by hands (no test, no ballot).
                    .is_some_and(|m| {
                        m.id == id
                            && (m.phase == Phase::Testing
                                || (m.phase == Phase::Open && m.no_tablet_ballots()))
                    });
                if fresh && next.screen == Screen::Pin(Intent::Officer) {
                    next.screen = Screen::Officer;
                }
            }
            Action::Lock => {
                next.screen = Model::resting_screen(next.meeting.as_ref());
                next.last_ballot = None;
            }
            Action::Reloaded { last, abandoned } => {
                next.last_ballot = Some(last);
                if last == LastBallot::Abandoned {
                    next.abandoned = Some(abandoned);
                }
            }
            Action::Past(list) => next.past = Some(past::ordered(list)),
            Action::SetLarge(on) => {
                next.large = on;
                next.keep_large &= on;
            }
            Action::KeepLarge(keep) => {
                next.keep_large = keep;
                next.large |= keep;
            }
            Action::Admit(admit) => next.admit = admit,
            Action::AdmitMissed { admit, notice } => {
                next.admit = admit;
                next.notice = Some(notice);
            }
            Action::CancelBallot => {
                if let Screen::Voter(voting) = &next.screen {
                    if voting.step != meeting::Step::Saving {
                        next.screen = Screen::CancelBallot(voting.clone());
                        next.notice = None;
                    }
                }
            }
            Action::BackToBallot => {
                if let Screen::CancelBallot(voting) = &next.screen {
                    next.screen = Screen::Voter(voting.clone());
                    next.notice = None;
                }
            }
            Action::BallotCancelled => {
                next.screen = Screen::Officer;
                next.last_ballot = None;
                next.large &= next.keep_large;
                next.notice = Some(Notice::each(|l| {
                    crate::state::words::meeting_says(l).turn_cancelled
                }));
            }
            Action::AskPin(intent) => {
                next.screen = Screen::Pin(intent);
                next.notice = None;
            }
            Action::StartVoter { test } => {
                // Only an open meeting takes real ballots, only a testing one takes test ballots.
                if let Some(m) = &next.meeting {
                    let allowed = match m.phase {
                        Phase::Testing => test,
                        Phase::Open => !test,
                        _ => false,
                    };
                    if allowed {
                        next.screen = Screen::Voter(Voting::new(&m.poll, test));
                        next.last_ballot = None;
                        next.abandoned = None;
                    }
                }
            }
            Action::Vote(v) => {
                let (Some(m), Screen::Voter(voting)) = (&next.meeting, &next.screen) else {
                    return next;
                };
                let poll = &m.poll;
                let voting = match v {
                    VoterAction::Answer(i, a) => voting.answer(poll, i, a),
                    VoterAction::Forward => voting.forward(poll),
                    VoterAction::Back => voting.back(poll),
                    VoterAction::Change(i) => voting.change(i),
                    VoterAction::Confirm => {
                        let mut saving = voting.clone();
                        saving.step = meeting::Step::Saving;
                        saving.not_cast = None;
                        saving
                    }
                };
                next.screen = Screen::Voter(voting);
            }
            Action::Cast {
                receipt,
                ballots,
                test_ballot,
            } => {
                // The answers leave memory here: the receipt screen holds only the code.
                next.screen = Screen::Receipt(receipt);
                if let (Some(m), Some(b)) = (next.meeting.as_mut(), ballots) {
                    m.ballots = b;
                }
                if let Some(t) = test_ballot {
                    next.test.entered.push(t);
                    next.test.checked = None;
                }
            }
            Action::NotCast(notice) => {
                if let Screen::Voter(voting) = &mut next.screen {
                    voting.step = meeting::Step::Review;
                    voting.not_cast = Some(notice.get(next.lang).to_owned());
                }
                next.notice = Some(notice);
            }
            Action::ReceiptDone => {
                next.screen = match next.meeting.as_ref().map(|m| m.phase) {
                    // During the test the officer casts the test ballots: back to the console.
                    Some(Phase::Testing) => Screen::Officer,
                    _ => Model::resting_screen(next.meeting.as_ref()),
                };
                next.last_ballot = Some(LastBallot::Recorded);
                next.large &= next.keep_large;
            }
            Action::TestChecked(read_back) => next.test.checked = Some(read_back),
            Action::TestCleared => next.test = Test::default(),
            Action::ConfirmClose => {
                next.screen = Screen::ConfirmClose;
                next.notice = None;
            }
            Action::NewMeeting => {
                next.notice = None;
                next.meeting = None;
                next.screen = Screen::Setup;
                next.test = Test::default();
            }
            Action::Notice(n) => next.notice = n,
            Action::Field(a) => apply_field(&mut next, a),
        }
        next
    }
}

/// Applies a field action to `next` (the model being built by [`Model::apply`]). Here, beside
/// [`Model`], so that `state::field` needs nothing of this module (no import loop).
fn apply_field(next: &mut Model, action: field::FieldAction) {
    match action {
        field::FieldAction::Started {
            meeting,
            draft,
            days,
            today,
            roll,
            damaged,
        } => {
            next.device = Device::Ready;
            // Whatever the roll's setup said (a total refused) is over; a notice of the
            // opening itself (a sealed response not finished) stays.
            if matches!(next.screen, Screen::Field(field::FieldScreen::NewRoll(_))) {
                next.notice = None;
            }
            next.screen = match (draft, &roll) {
                (Some(d), _) => Screen::Field(field::FieldScreen::Resume(d)),
                // Forms: a household is chosen on the roll before any form opens.
                (None, Some(_)) => Screen::Field(field::FieldScreen::Between { saved: false }),
                (None, None) => Screen::Voter(field::respondent(&meeting.poll)),
            };
            next.meeting = Some(*meeting);
            next.field = Some(field::Session {
                days,
                today,
                paused: None,
                roll,
                damaged,
            });
        }
        field::FieldAction::NeedsRoll(poll) => {
            next.device = Device::Ready;
            next.screen = Screen::Field(field::FieldScreen::NewRoll(poll));
        }
        field::FieldAction::Handed(roll) => {
            // Only from the officer's screen: a second "hand" (a double tap) opens no form
            // over the one already open.
            let between = matches!(
                next.screen,
                Screen::Field(field::FieldScreen::Between { .. })
            );
            if let (true, Some(m), Some(s)) = (between, &next.meeting, next.field.as_mut()) {
                s.roll = Some(roll);
                s.paused = None;
                next.notice = None;
                next.screen = Screen::Voter(field::respondent(&m.poll));
            }
        }
        field::FieldAction::Failed(why) => {
            next.device = Device::Ready;
            next.screen = Screen::Field(field::FieldScreen::Failed(why));
        }
        field::FieldAction::Resume => {
            if let (Screen::Field(field::FieldScreen::Resume(d)), Some(m)) =
                (&next.screen, &next.meeting)
            {
                next.screen = Screen::Voter(d.voting(&m.poll));
            }
        }
        field::FieldAction::Discard => {
            let forms = next.field.as_ref().is_some_and(|s| s.roll.is_some());
            if forms {
                // The household stays marked: its form was handed over (module `roll`).
                next.screen = Screen::Field(field::FieldScreen::Between { saved: false });
            } else if let Some(m) = &next.meeting {
                next.screen = Screen::Voter(field::respondent(&m.poll));
            }
        }
        field::FieldAction::Saved {
            ballots,
            days,
            today,
        } => {
            // The answers leave memory here, as a voter's do at the receipt.
            if let Some(m) = next.meeting.as_mut() {
                m.ballots = ballots;
            }
            next.notice = None;
            let (roll, damaged) = next.field.take().map_or((None, 0), |s| (s.roll, s.damaged));
            next.field = Some(field::Session {
                days,
                today,
                paused: None,
                roll,
                damaged,
            });
            next.screen = Screen::Field(field::FieldScreen::Between { saved: true });
        }
        field::FieldAction::Staff => {
            if let (Screen::Voter(v), Some(s)) = (&next.screen, next.field.as_mut()) {
                s.paused = Some(v.clone());
                next.screen = Screen::Field(field::FieldScreen::Between { saved: false });
            }
        }
        field::FieldAction::Next => {
            let forms = next.field.as_ref().is_some_and(|s| s.roll.is_some());
            let paused = next.field.as_mut().and_then(|s| s.paused.take());
            match (&next.meeting, paused) {
                (Some(_), Some(v)) => next.screen = Screen::Voter(v),
                // Forms: the next form opens only for a household marked on the roll.
                (Some(_), None) if forms => {}
                (Some(m), None) => next.screen = Screen::Voter(field::respondent(&m.poll)),
                (None, _) => {}
            }
        }
        field::FieldAction::AskClose => {
            next.notice = None;
            next.screen = Screen::Field(field::FieldScreen::Close);
        }
        field::FieldAction::CancelClose => {
            next.notice = None;
            next.screen = Screen::Field(field::FieldScreen::Between { saved: false });
        }
    }
}

impl Model {
    /// Whether the header offers the links to the other pages on `here`. Not while storage is
    /// opening or the browser is about to move to another page: a link tapped then would race
    /// the move, and the move wins (an auditor who tapped "verify" on a fresh tablet landed on
    /// setup). Not while a voter holds the tablet, nor ever on the survey page (the device is
    /// in a respondent's hands).
    pub fn offers_nav(&self, here: Doc) -> bool {
        let voter_holds = matches!(
            self.screen,
            Screen::Voter(_)
                | Screen::Receipt(_)
                | Screen::Pin(_)
                | Screen::ConfirmClose
                | Screen::CancelBallot(_)
        );
        here != Doc::Survey
            && self.device != Device::Starting
            && self.elsewhere(here).is_none()
            && !(here == Doc::Tablet && voter_holds)
    }

    /// Where the browser must go, when the page it is on (`here`) cannot show what the model
    /// holds: the tablet page has no setup, results, verify, merge or field survey; the office
    /// page does not run a meeting or a field survey in progress; the survey page runs nothing
    /// but a field survey. `None` while storage is still being opened.
    pub fn elsewhere(&self, here: Doc) -> Option<Go> {
        let go = |doc, page, hand_over| {
            Some(Go {
                doc,
                page,
                hand_over,
            })
        };
        if self.page.doc(here) != here {
            return go(self.page.doc(here), self.page, None);
        }
        if self.device != Device::Ready {
            return None;
        }
        // A field survey in progress runs on its own page.
        let surveying = |m: &Meeting| m.field.is_some() && m.phase != Phase::Closed;
        match here {
            Doc::Tablet => match (&self.screen, &self.meeting) {
                (_, Some(m)) if surveying(m) => go(Doc::Survey, Page::Survey, None),
                (Screen::Results, Some(_)) => go(Doc::Office, Page::Home, None),
                (Screen::Setup | Screen::Results, _) | (_, None) => {
                    go(Doc::Office, Page::Setup, None)
                }
                _ => None,
            },
            Doc::Office => match &self.meeting {
                Some(m) if surveying(m) => go(Doc::Survey, Page::Survey, None),
                Some(m) if m.phase != Phase::Closed => {
                    // Only the creation of a meeting shows the console on this page.
                    let created = self.screen == Screen::Officer;
                    go(Doc::Tablet, Page::Home, created.then(|| m.id.clone()))
                }
                _ => None,
            },
            Doc::Survey => match (&self.screen, &self.meeting) {
                // A field survey's screens, even the one saying its poll could not be opened.
                (Screen::Field(_), _) => None,
                (_, Some(m)) if surveying(m) => None,
                // Closed: its results are the office page's.
                (_, Some(m)) if m.phase == Phase::Closed => go(Doc::Office, Page::Home, None),
                // A meeting (never opened here, but found in storage) is the tablet's.
                (_, Some(_)) => go(Doc::Tablet, Page::Home, None),
                (_, None) => None,
            },
        }
    }
}

#[cfg(test)]
mod tests;
