//! The effects of a field survey (`state::field`): opening the session for a poll, keeping the
//! respondent's draft, committing a response exactly as a ballot is cast, closing. A village's
//! decision or election runs the same way as a collection by forms handed to households, with
//! its household roll stored apart from the box (`state::field::roll`): starting one, and
//! marking a household before its form opens.

use std::rc::Rc;

use phieu_core::{Answer, PinHash, Poll};
use yew::platform::pinned::oneshot;
use yew::Callback;

use super::cast::NotCast;
use super::words::effects_words;
use super::{cast, not_cast, save_now, spawn, storage_notice, with_box_shown};
use crate::edge::early;
use crate::edge::field_store::{self, FieldStore};
use crate::edge::poll_loader::{self, LoadError};
use crate::edge::store::{self, BoxKind, StoreError};
use crate::edge::{random, tab_lock};
use crate::state::field::{self, Days, Draft, FieldAction, Household, Roll};
use crate::state::meeting::{Meeting, Phase, Voting};
use crate::state::meeting_record;
use crate::state::{Action, Device, Notice, VoterAction};

fn failed(dispatch: &Callback<Action>, why: Notice) {
    dispatch.emit(Action::Field(FieldAction::Failed(why)));
}

fn store_failed(dispatch: &Callback<Action>, e: &StoreError) {
    dispatch.emit(Action::DeviceUnusable(Device::NoStorage(Notice::each(
        |l| e.message(l),
    ))));
}

/// Storage as a field session needs it: the one-tab lock taken, the connection open, the
/// meeting records read.
enum Storage {
    OtherTab,
    Failed(StoreError),
    Open(store::Store, Vec<String>),
}

async fn open_storage() -> Storage {
    if !tab_lock::acquire().await {
        return Storage::OtherTab;
    }
    let opened = async {
        let store = store::shared().await?;
        let records = store.meetings().await?;
        Ok::<_, StoreError>((store, records))
    };
    match opened.await {
        Ok((store, records)) => Storage::Open(store, records),
        Err(e) => Storage::Failed(e),
    }
}

/// What opening a session waits for, under way: the poll's download (when the address names
/// one) and storage.
struct Begun {
    poll: Option<oneshot::Receiver<Result<Poll, LoadError>>>,
    storage: oneshot::Receiver<Storage>,
}

thread_local! {
    static BEGUN: std::cell::RefCell<Option<Begun>> = const { std::cell::RefCell::new(None) };
}

fn begin(src: Option<String>) -> Begun {
    // The page's first question may be drawn already (`edge::early`): nothing more is drawn
    // there, and its download of the poll is this one.
    early::claim();
    let poll = src.map(|src| {
        let (sender, receiver) = oneshot::channel();
        spawn(async move {
            let loaded = match early::poll_text(&src).await {
                Some(text) => {
                    text.and_then(|t| Poll::from_json_plain(&t).map_err(LoadError::Invalid))
                }
                None => poll_loader::load_poll_plain(&src).await,
            };
            let _ = sender.send(loaded);
        });
        receiver
    });
    let (sender, storage) = oneshot::channel();
    spawn(async move {
        let _ = sender.send(open_storage().await);
    });
    Begun { poll, storage }
}

/// The page's own first screen is drawn: the early drawing of the first question
/// (`edge::early`) goes, and what was tapped there (an option, then perhaps Tiếp) is done here,
/// when that screen is a new respondent's first question (`fresh`: that poll, nothing answered
/// yet).
pub fn take_over_early(fresh: Option<Rc<Poll>>, dispatch: &Callback<Action>) {
    if let Some(poll) = fresh {
        let taps = early::take(&poll);
        if let Some(answer) = taps.answer {
            dispatch.emit(Action::Vote(VoterAction::Answer(0, answer)));
        }
        if taps.forward {
            dispatch.emit(Action::Vote(VoterAction::Forward));
        }
    }
    early::dismiss();
}

/// Starts the poll's download and storage's opening for the session at `src` before anything
/// is drawn: the survey page's `main` calls it before mounting Yew, so that both run while the
/// page draws itself the first time; `start` then takes them over. (Taking the one-tab lock
/// twice in one tab would wait for ever, hence one beginning per page.)
pub fn prepare(src: Option<String>) {
    BEGUN.with(|b| *b.borrow_mut() = Some(begin(src)));
}

/// Opens the field session for the poll at `src`: fetches the poll while storage opens, then
/// resumes this poll's open session (its box, draft and counts) or starts one. No other
/// download: the first question is drawn as soon as both are ready. Without `src` (the tablet
/// or office page sent a session in progress here), the session in progress is resumed. What
/// `prepare` began is taken over (it was begun for the same address).
pub fn start(src: Option<String>, dispatch: Callback<Action>) {
    super::speech::find(dispatch.clone());
    let begun = BEGUN
        .with(|b| b.borrow_mut().take())
        .unwrap_or_else(|| begin(src));
    spawn(async move {
        let (store, records) = match begun.storage.await {
            Ok(Storage::Open(store, records)) => (store, records),
            Ok(Storage::OtherTab) => {
                return dispatch.emit(Action::DeviceUnusable(Device::OtherTab));
            }
            Ok(Storage::Failed(e)) => return store_failed(&dispatch, &e),
            // The opening task ended without an answer: only a stopped page does that.
            Err(_) => return,
        };
        let Some(poll) = begun.poll else {
            return resume(store, records, dispatch).await;
        };
        let poll = match poll.await {
            Ok(Ok(poll)) => Rc::new(poll),
            Ok(Err(e)) => return failed(&dispatch, Notice::each(|l| e.message(l))),
            Err(_) => {
                let e = LoadError::Network("cancelled".into());
                return failed(&dispatch, Notice::each(|l| e.message(l)));
            }
        };
        let forms = field::by_forms(&poll);
        if poll.kind() != phieu_core::PollKind::Survey && !forms {
            return failed(
                &dispatch,
                Notice::each(|l| effects_words(l).field_not_for_households),
            );
        }
        let hash = poll.hash();
        let session = open_sessions(&records).find(|m| m.poll.hash() == hash);
        let (meeting, damaged) = match session {
            Some(m) => match with_box_shown(&store, m, Some(&dispatch)).await {
                Ok(opened) => opened,
                Err(e) => return store_failed(&dispatch, &e),
            },
            // A collection by forms starts with its roll: asked first (`begin_forms`).
            None if forms => {
                return dispatch.emit(Action::Field(FieldAction::NeedsRoll(poll)));
            }
            None => match new_session(poll, None) {
                Some(m) => (m, 0),
                None => return no_random(&dispatch),
            },
        };
        open_session(meeting, damaged, true, dispatch).await;
    });
}

/// Resumes the field session in progress on this device, if there is one; else says that the
/// address names no survey.
async fn resume(store: store::Store, records: Vec<String>, dispatch: Callback<Action>) {
    let Some(meeting) = open_sessions(&records).next() else {
        return failed(
            &dispatch,
            Notice::each(|l| effects_words(l).field_no_survey),
        );
    };
    match with_box_shown(&store, meeting, Some(&dispatch)).await {
        Ok((meeting, damaged)) => open_session(meeting, damaged, false, dispatch).await,
        Err(e) => store_failed(&dispatch, &e),
    }
}

/// The field sessions not yet closed among the stored meeting records.
fn open_sessions(records: &[String]) -> impl Iterator<Item = Meeting> + '_ {
    records
        .iter()
        .filter_map(|r| meeting_record::from_json(r, Poll::from_json_plain).ok())
        .filter(|m| m.field.is_some() && m.phase != Phase::Closed)
}

fn no_random(dispatch: &Callback<Action>) {
    failed(dispatch, Notice::each(|l| effects_words(l).field_no_random))
}

/// A new session's meeting: a random id, and a PIN hash of random digits nobody is told (a
/// field session never asks for a PIN; the record's format wants one). With a roll, a
/// collection by forms over its households.
fn new_session(poll: Rc<Poll>, roll: Option<&Roll>) -> Option<Meeting> {
    let id = random::id()?;
    let secret: String = random::bytes16()?
        .iter()
        .take(8)
        .map(|b| char::from(b'0' + b % 10))
        .collect();
    let pin = PinHash::new(&secret, &secret, random::bytes16()?).ok()?;
    let meeting = match roll {
        Some(roll) => field::new_forms_session(poll, id, pin, roll),
        None => field::new_session(poll, id, pin),
    };
    // The date it is set up, for the office page's list of meetings (never a ballot's time).
    Some(Meeting {
        created: Some(js_sys::Date::now()),
        ..meeting
    })
}

/// Starts a collection by forms of `poll` over `roll`: the roll is stored (in `phieu-field`,
/// apart from the box) before the session's record, so a session by forms never exists
/// without its roll.
pub fn begin_forms(poll: Rc<Poll>, roll: Roll, dispatch: Callback<Action>) {
    spawn(async move {
        let Some(meeting) = new_session(poll, Some(&roll)) else {
            return no_random(&dispatch);
        };
        let stored = async {
            field_store::shared()
                .await?
                .put_roll(&meeting.id, &roll.to_json())
                .await
        };
        if let Err(e) = stored.await {
            return dispatch.emit(Action::Notice(Some(storage_notice(&e))));
        }
        open_session(meeting, 0, true, dispatch).await;
    });
}

/// Marks `household` on the roll, on disk, before its form opens; a household already marked
/// is refused with a message and nothing changes. Only the set of households is written: no
/// time, no order, nothing of the form to come. The form's empty draft is written with the
/// roll, so a reload before its first answer offers it back.
pub fn hand(meeting: &Meeting, roll: Roll, household: Household, dispatch: Callback<Action>) {
    let marked = match roll.mark(household) {
        Ok(r) => r,
        Err(e) => return dispatch.emit(Action::Notice(Some(e.notice()))),
    };
    let meeting_id = meeting.id.clone();
    let draft = Draft::handed(&meeting.poll).to_json();
    spawn(async move {
        let stored = async {
            field_store::shared()
                .await?
                .put_roll_and_draft(&meeting_id, &marked.to_json(), &draft)
                .await
        };
        match stored.await {
            Ok(()) => dispatch.emit(Action::Field(FieldAction::Handed(marked))),
            Err(e) => dispatch.emit(Action::Notice(Some(storage_notice(&e)))),
        }
    });
}

/// Reads the session's draft and counts and shows it; a sealed draft (confirmed, then
/// interrupted) is committed first with its own salt. A new session's record is stored after
/// the first question is drawn.
async fn open_session(
    mut meeting: Meeting,
    damaged: usize,
    store_record: bool,
    dispatch: Callback<Action>,
) {
    let fs = match field_store::shared().await {
        Ok(fs) => fs,
        Err(e) => return store_failed(&dispatch, &e),
    };
    let mut draft = match fs.draft(&meeting.id).await {
        Ok(d) => d.and_then(|json| Draft::from_json(&meeting.poll, &json)),
        Err(e) => return store_failed(&dispatch, &e),
    };
    let today = field_store::today();
    if let Some(salt) = draft.as_ref().and_then(|d| d.salt) {
        let answers = draft.take().map(|d| d.answers).unwrap_or_default();
        match finish(&fs, &meeting, answers, salt, &today).await {
            Ok(Some(ballots)) => meeting.ballots = ballots,
            Ok(None) => {}
            Err(e) => dispatch.emit(Action::Notice(Some(Notice::each(|l| e.message(l))))),
        }
    }
    let days = match fs.days(&meeting.id).await {
        Ok(d) => Days::of(d),
        Err(e) => return store_failed(&dispatch, &e),
    };
    let roll = if field::is_forms(&meeting) {
        match fs.roll(&meeting.id).await {
            Ok(r) => match r.as_deref().and_then(Roll::from_json) {
                Some(roll) => Some(roll),
                None => {
                    return failed(
                        &dispatch,
                        Notice::each(|l| effects_words(l).field_roll_lost),
                    )
                }
            },
            Err(e) => return store_failed(&dispatch, &e),
        }
    } else {
        None
    };
    // For the page's early drawing of the first question, next time (`edge::early`).
    early::note_unfinished(meeting.poll.id(), draft.is_some());
    dispatch.emit(Action::Field(FieldAction::Started {
        meeting: Box::new(meeting.clone()),
        draft,
        days,
        today,
        roll,
        damaged,
    }));
    if store_record {
        if let Err(e) = save_now(&meeting).await {
            dispatch.emit(Action::Notice(Some(storage_notice(&e))));
        }
    }
}

/// Writes a response to the box and then counts it and deletes the draft. The ballot's put is
/// keyed by its commitment, so finishing an interrupted commit again stores nothing twice.
/// Returns the box with the ballot when it was not in `meeting`'s box yet.
async fn finish(
    fs: &FieldStore,
    meeting: &Meeting,
    answers: Vec<Answer>,
    salt: [u8; 16],
    today: &str,
) -> Result<Option<Rc<phieu_core::BallotBox>>, NotCast> {
    let ballot = cast::seal(&meeting.poll, answers, salt)?;
    let mut next = (*meeting.ballots).clone();
    let new = next.cast(ballot.clone()).is_ok();
    save_now(meeting).await?;
    cast::cast(&store::shared().await?, BoxKind::Real, &meeting.id, &ballot).await?;
    fs.count_and_forget(&meeting.id, today).await?;
    Ok(new.then(|| Rc::new(next)))
}

/// Keeps the respondent's answers and step, as they are now, on disk.
pub fn save_draft(meeting: &Meeting, voting: Voting, dispatch: Callback<Action>) {
    let Some(draft) = Draft::of(&voting) else {
        return;
    };
    early::note_unfinished(meeting.poll.id(), true);
    let meeting_id = meeting.id.clone();
    spawn(async move {
        let stored = async {
            field_store::shared()
                .await?
                .put_draft(&meeting_id, &draft.to_json())
                .await
        };
        if let Err(e) = stored.await {
            dispatch.emit(Action::Notice(Some(storage_notice(&e))));
        }
    });
}

/// Discards the interrupted respondent's draft.
pub fn discard(meeting: &Meeting, dispatch: Callback<Action>) {
    dispatch.emit(Action::Field(FieldAction::Discard));
    let (meeting_id, poll_id) = (meeting.id.clone(), meeting.poll.id().to_owned());
    spawn(async move {
        let deleted = async { field_store::shared().await?.delete_draft(&meeting_id).await };
        match deleted.await {
            Ok(()) => early::note_unfinished(&poll_id, false),
            Err(e) => dispatch.emit(Action::Notice(Some(storage_notice(&e)))),
        }
    });
}

/// Commits a confirmed response exactly as a ballot is cast (a fresh salt, the commitment by
/// the core, a `strict` write), counts it for today and deletes the draft. The staff member's
/// "saved" screen comes only after all of it is on disk. The draft is sealed with the salt
/// first, so a device dying half-way finishes the same response on its next start.
pub fn commit(
    meeting: Meeting,
    answers: Vec<Answer>,
    days_before: Days,
    dispatch: Callback<Action>,
) {
    spawn(async move {
        let salt = match cast::salt() {
            Ok(salt) => salt,
            Err(e) => {
                dispatch.emit(not_cast(|l| e.message(l)));
                return;
            }
        };
        let today = field_store::today();
        let sealed = Draft {
            step: crate::state::meeting::Step::Review,
            answers: answers.clone(),
            salt: Some(salt),
        };
        // Until the ballot is in the box, a failure means NOT saved: the respondent confirms
        // again (a new salt: the sealed one was never stored).
        let cast = async {
            let fs = field_store::shared().await?;
            fs.put_draft(&meeting.id, &sealed.to_json()).await?;
            let ballot = cast::seal(&meeting.poll, answers, salt)?;
            let mut ballots = (*meeting.ballots).clone();
            let _ = ballots.cast(ballot.clone());
            save_now(&meeting).await?;
            cast::cast(&store::shared().await?, BoxKind::Real, &meeting.id, &ballot).await?;
            Ok::<_, NotCast>((fs, ballots))
        };
        let (fs, ballots) = match cast.await {
            Ok(x) => x,
            Err(e) => {
                dispatch.emit(not_cast(|l| e.message(l)));
                return;
            }
        };
        // The response is saved. Counting it (and forgetting its draft) is one transaction;
        // should it fail, the sealed draft makes the next start count it.
        let counted = async {
            fs.count_and_forget(&meeting.id, &today).await?;
            fs.days(&meeting.id).await
        };
        let (days, notice) = match counted.await {
            Ok(days) => {
                early::note_unfinished(meeting.poll.id(), false);
                (Days::of(days), None)
            }
            Err(e) => (
                days_before,
                Some(Notice::each(|l| {
                    super::words::effects_words(l).day_not_counted(e.message(l))
                })),
            ),
        };
        dispatch.emit(Action::Field(FieldAction::Saved {
            ballots: Rc::new(ballots),
            days,
            today,
        }));
        if notice.is_some() {
            dispatch.emit(Action::Notice(notice));
        }
    });
}

/// Closes the survey: the box becomes final, the respondents its electorate, the minutes say
/// who ran it and how many responded each day. Any unfinished respondent is discarded.
pub fn close(
    meeting: Meeting,
    days: Days,
    roll: Option<Roll>,
    (place, staff): (String, String),
    damaged: usize,
    dispatch: Callback<Action>,
) {
    let closed = match field::closed(&meeting, &days, roll.as_ref(), &place, &staff) {
        Ok(mut m) => {
            m.field = m.field.map(|f| f.with_damaged(damaged));
            m
        }
        Err(why) => {
            dispatch.emit(Action::Notice(Some(why)));
            return;
        }
    };
    spawn(async move {
        let done = async {
            save_now(&closed).await?;
            field_store::shared().await?.delete_draft(&closed.id).await
        };
        match done.await {
            Ok(()) => dispatch.emit(Action::MeetingStored(closed)),
            Err(e) => dispatch.emit(Action::Notice(Some(storage_notice(&e)))),
        }
    });
}
