//! The app's effects: each does its browser I/O (storage, random salts, the clock) and reports
//! back to the model with an [`Action`]. Handlers in `app.rs` start them; nothing here draws.

pub mod cast;
pub mod designer;
pub mod field;
pub mod office;
pub mod outbox;
pub mod past;
pub mod speech;
pub mod words;

use std::rc::Rc;

use phieu_core::{BallotBox, BoxLoader, Lang};
use yew::Callback;

use crate::edge::store::{self, BoxKind, StoreError};
use crate::edge::{open_ballot, pause, random, tab_lock};
use crate::state::meeting::{Admit, Meeting, Phase, PinVerdict, TestResult};
use crate::state::meeting_record;
use crate::state::{Action, Device, Intent, Loading, Notice, Storage};
use words::effects_words;

fn storage_notice(e: &StoreError) -> Notice {
    Notice::each(|l| e.message(l))
}

/// The clock (ms since the epoch), read here so that views and the model never read it
/// themselves: the model's decisions take the time as a value (`Meeting::pin_wait`).
pub fn now() -> f64 {
    js_sys::Date::now()
}

fn spawn(f: impl std::future::Future<Output = ()> + 'static) {
    yew::platform::spawn_local(f);
}

/// Opens storage, takes the one-tab lock and reads the meeting back, box and all, its poll with
/// the page's reader (`meeting_record::ReadPoll`).
pub fn start(read_poll: meeting_record::ReadPoll, dispatch: Callback<Action>) {
    speech::find(dispatch.clone());
    spawn(async move {
        if !tab_lock::acquire().await {
            dispatch.emit(Action::DeviceUnusable(Device::OtherTab));
            return;
        }
        let store = match store::shared().await {
            Ok(s) => s,
            Err(e) => {
                dispatch.emit(Action::DeviceUnusable(Device::NoStorage(Notice::each(
                    |l| e.message(l),
                ))));
                return;
            }
        };
        let persisted = store::persist().await;
        let estimate = store::estimate().await;
        dispatch.emit(Action::Storage(Storage {
            persisted,
            quota: estimate.map(|(q, _)| q),
            usage: estimate.map(|(_, u)| u),
        }));
        let records = match store.meetings().await {
            Ok(r) => r,
            Err(e) => {
                dispatch.emit(Action::DeviceUnusable(Device::NoStorage(Notice::each(
                    |l| e.message(l),
                ))));
                return;
            }
        };
        let mut meetings: Vec<Meeting> = records
            .iter()
            .filter_map(|r| meeting_record::from_json(r, read_poll).ok())
            .collect();
        // The meeting in progress, if any; else the last one closed (set up last: records
        // from before the date was kept come after), to show its results.
        meetings.sort_by(|a, b| {
            (a.phase == Phase::Closed)
                .cmp(&(b.phase == Phase::Closed))
                .then_with(|| {
                    let created = |m: &Meeting| m.created.unwrap_or(f64::NEG_INFINITY);
                    created(b).total_cmp(&created(a))
                })
        });
        let Some(meeting) = meetings.into_iter().next() else {
            dispatch.emit(Action::Started(None));
            return;
        };
        match with_box_shown(&store, meeting, Some(&dispatch)).await {
            Ok((meeting, damaged)) => {
                dispatch.emit(Action::Started(Some(meeting)));
                if damaged > 0 {
                    dispatch.emit(Action::Notice(Some(Notice::each(|l| {
                        effects_words(l).damaged_records(damaged)
                    }))));
                }
            }
            Err(e) => dispatch.emit(Action::DeviceUnusable(Device::NoStorage(Notice::each(
                |l| e.message(l),
            )))),
        }
    });
}

/// How long reading a box back works before it gives the page a turn (`edge::pause`), in
/// milliseconds: well under the 50 ms after which a task is "long" and a tap waits.
const SLICE_MS: f64 = 30.0;

/// Rebuilds a box from its stored openings, each checked against the poll and its commitment.
/// Returns the box and how many records were damaged (never counted): not text, not an opening
/// of this poll, or a repeat of a ballot already in the box. The store hands the openings over sorted
/// by commitment, which the core's loader builds the box from in one pass. The work is done in
/// slices of about [`SLICE_MS`], the page given a turn between them; after each slice
/// `progress` hears how many openings are read of how many.
async fn load_box(
    store: &store::Store,
    meeting: &Meeting,
    kind: BoxKind,
    progress: &dyn Fn(Loading),
) -> Result<(BallotBox, usize), StoreError> {
    let openings = store.opening_list(kind, &meeting.id).await?;
    let total = openings.len();
    let mut loader = BoxLoader::with_capacity((*meeting.poll).clone(), total as usize);
    let mut damaged = 0;
    let mut started = pause::clock();
    let mut sliced = false;
    for i in 0..total {
        // The clock is read every 16 openings: a survey's opening takes some 15 µs.
        if i % 16 == 0 && i > 0 && pause::clock() - started >= SLICE_MS {
            progress(Loading { done: i, total });
            pause::turn().await;
            sliced = true;
            started = pause::clock();
        }
        if openings.get(i).is_none_or(|o| loader.add(&o).is_err()) {
            damaged += 1;
        }
    }
    // A box that took more than one slice is built in a slice of its own: with 100,000 ballots
    // that takes some 20 ms (a box read in one slice is built in a millisecond or two).
    if sliced {
        progress(Loading { done: total, total });
        pause::turn().await;
    }
    let (ballots, repeats) = loader.finish();
    Ok((ballots, damaged + repeats))
}

/// A meeting with its real box rebuilt from the ballot store (`load_box`), and how many stored
/// records were damaged and left out: the tablet, a field session and the list of past
/// meetings all read a meeting back this way.
async fn with_box(store: &store::Store, meeting: Meeting) -> Result<(Meeting, usize), StoreError> {
    with_box_shown(store, meeting, None).await
}

/// As [`with_box`]; while the page waits for it, the model hears how far it has come
/// ([`Action::Loading`]), and that it is over.
async fn with_box_shown(
    store: &store::Store,
    mut meeting: Meeting,
    dispatch: Option<&Callback<Action>>,
) -> Result<(Meeting, usize), StoreError> {
    let progress = |loading| {
        if let Some(d) = dispatch {
            d.emit(Action::Loading(Some(loading)));
        }
    };
    let read = load_box(store, &meeting, BoxKind::Real, &progress).await;
    if let Some(d) = dispatch {
        d.emit(Action::Loading(None));
    }
    let (ballots, damaged) = read?;
    meeting.ballots = Rc::new(ballots);
    Ok((meeting, damaged))
}

/// Stores the meeting record; the model changes only once it is on disk.
pub fn save(meeting: Meeting, dispatch: Callback<Action>) {
    spawn(async move {
        match save_now(&meeting).await {
            Ok(()) => dispatch.emit(Action::MeetingStored(meeting)),
            Err(e) => dispatch.emit(Action::Notice(Some(storage_notice(&e)))),
        }
    });
}

async fn save_now(meeting: &Meeting) -> Result<(), StoreError> {
    store::shared()
        .await?
        .put_meeting(&meeting.id, &meeting_record::to_json(meeting))
        .await
}

/// The voter's "not cast" notice, with `why` (a clause, in every language) inside it.
fn not_cast(why: impl Fn(Lang) -> String) -> Action {
    Action::NotCast(Notice::each(|l| effects_words(l).not_cast(why(l))))
}

/// Casts a confirmed ballot (`effects::cast`): a fresh random salt, the commitment by the core,
/// and a write that must be committed to disk before the receipt is shown.
pub fn cast(
    meeting: Meeting,
    answers: Vec<phieu_core::Answer>,
    test: bool,
    dispatch: Callback<Action>,
) {
    spawn(async move {
        let sealed = cast::salt().and_then(|salt| cast::seal(&meeting.poll, answers, salt));
        let ballot = match sealed {
            Ok(b) => b,
            Err(e) => {
                dispatch.emit(not_cast(|l| e.message(l)));
                return;
            }
        };
        let receipt = ballot.receipt().to_string();
        let kind = if test { BoxKind::Test } else { BoxKind::Real };
        let mut ballots = None;
        let mut test_ballot = None;
        if test {
            test_ballot = Some(Rc::new(ballot.clone()));
        } else {
            let mut next = (*meeting.ballots).clone();
            if let Err(e) = next.cast(ballot.clone()) {
                dispatch.emit(not_cast(|l| e.message(l)));
                return;
            }
            ballots = Some(Rc::new(next));
        }
        let written = match store::shared().await {
            Ok(s) => cast::cast(&s, kind, &meeting.id, &ballot).await,
            Err(e) => Err(e),
        };
        drop(ballot);
        match written {
            Ok(_) => {
                // The ballot is in the box: a reload from here on is not an unfinished ballot.
                if !test {
                    open_ballot::clear(&meeting.id);
                }
                dispatch.emit(Action::Cast {
                    receipt,
                    ballots,
                    test_ballot,
                })
            }
            Err(e) => dispatch.emit(not_cast(|l| e.message(l))),
        }
    });
}

/// Lets the next voter in (or the officer, for a test ballot). A real voter's ballot is counted
/// as issued and stored before the first screen shows (issue 19, item 3), and marked open, so a
/// reload before Confirm is told on the lock screen and the console (`edge::open_ballot`).
pub fn start_voter(meeting: &Meeting, test: bool, dispatch: &Callback<Action>) {
    if test {
        dispatch.emit(Action::StartVoter { test });
        return;
    }
    let issued = meeting.issuing();
    let dispatch = dispatch.clone();
    spawn(async move {
        match save_now(&issued).await {
            Ok(()) => {
                open_ballot::mark(&issued.id, issued.ballots.len());
                dispatch.emit(Action::MeetingStored(issued));
                dispatch.emit(Action::StartVoter { test });
            }
            Err(e) => dispatch.emit(Action::Notice(Some(storage_notice(&e)))),
        }
    });
}

/// Draws this sitting's voter-admission code from the CSPRNG (`state::meeting::Admit`). Without
/// Web Crypto there is none, and the officer lets each voter in from the console.
pub fn draw_admit(dispatch: &Callback<Action>) {
    if let Some(bytes) = random::bytes16() {
        let [a, b, c, d, ..] = bytes;
        dispatch.emit(Action::Admit(Some(Admit::from_random([a, b, c, d]))));
    }
}

/// A voter-admission code typed on the lock screen: the right one lets the next voter in; a
/// wrong one is counted with the wrong PINs (stored first, for the minutes) and three void it.
pub fn admit(meeting: Meeting, admit: Admit, typed: String, dispatch: Callback<Action>) {
    let (after, verdict) = admit.attempt(&typed);
    let Some(notice) = verdict.notice() else {
        start_voter(&meeting, false, &dispatch);
        return;
    };
    let mut next = meeting;
    next.pin_wrong_total = next.pin_wrong_total.saturating_add(1);
    spawn(async move {
        match save_now(&next).await {
            Ok(()) => {
                dispatch.emit(Action::MeetingStored(next));
                dispatch.emit(Action::AdmitMissed {
                    admit: after,
                    notice,
                });
            }
            Err(e) => dispatch.emit(Action::Notice(Some(storage_notice(&e)))),
        }
    });
}

/// After the tablet page has read its meeting back: what became of a ballot a voter held
/// when the page went away.
pub fn settle_open_ballot(meeting: &Meeting, dispatch: &Callback<Action>) {
    if let Some((last, abandoned)) = open_ballot::settle(&meeting.id, meeting.ballots.len()) {
        dispatch.emit(Action::Reloaded { last, abandoned });
    }
}

/// Reads the test box back from storage for the logic-and-accuracy check.
pub fn check_test(meeting: Meeting, dispatch: Callback<Action>) {
    spawn(async move {
        let read =
            async { load_box(&store::shared().await?, &meeting, BoxKind::Test, &|_| ()).await };
        match read.await {
            Ok((ballots, _)) => dispatch.emit(Action::TestChecked(Rc::new(ballots))),
            Err(e) => dispatch.emit(Action::Notice(Some(storage_notice(&e)))),
        }
    });
}

/// Ends the test: records its result, empties the test box, opens voting.
pub fn open_voting(meeting: Meeting, result: TestResult, dispatch: Callback<Action>) {
    spawn(async move {
        let mut open = meeting;
        open.test = Some(result);
        open.phase = Phase::Open;
        let done = async {
            let store = store::shared().await?;
            store.clear(BoxKind::Test, &open.id).await?;
            save_now(&open).await
        };
        match done.await {
            Ok(()) => {
                dispatch.emit(Action::TestCleared);
                dispatch.emit(Action::MeetingStored(open));
            }
            Err(e) => dispatch.emit(Action::Notice(Some(storage_notice(&e)))),
        }
    });
}

/// Checks a PIN. A wrong one is counted (and stored, so a reload does not reset the count or
/// lift a lock: the rules are `Meeting::attempt_pin` and `Meeting::pin_step`); a right one does
/// what it was asked for.
pub fn try_pin(meeting: Meeting, pin: String, intent: Intent, dispatch: Callback<Action>) {
    spawn(async move {
        let (next, verdict) = meeting.pin_step(&pin, now(), intent == Intent::Close);
        let Some(next) = next else {
            dispatch.emit(Action::Notice(verdict.notice()));
            return;
        };
        let right = verdict == PinVerdict::Right;
        match save_now(&next).await {
            Err(e) => dispatch.emit(Action::Notice(Some(storage_notice(&e)))),
            Ok(()) => {
                if right && intent == Intent::CancelBallot {
                    // Not abandoned by a reload: cancelled, and counted as issued, not returned.
                    open_ballot::clear(&next.id);
                }
                dispatch.emit(Action::MeetingStored(next));
                if right && intent == Intent::CancelBallot {
                    dispatch.emit(Action::BallotCancelled);
                }
                if right && intent == Intent::Officer {
                    dispatch.emit(Action::ShowOfficer);
                }

                if !right {
                    dispatch.emit(Action::Notice(verdict.notice()));
                }
            }
        }
    });
}

/// Checks the PIN for a step outside the voting flow (confirming a new upload address): the
/// same count and locks as [`try_pin`], stored first; `done` hears `Ok` for the right PIN, or
/// what to tell the officer.
pub fn confirm_pin(
    meeting: Meeting,
    pin: String,
    dispatch: Callback<Action>,
    done: Callback<Result<(), Notice>>,
) {
    spawn(async move {
        let (next, verdict) = meeting.pin_step(&pin, now(), false);
        let Some(next) = next else {
            if let Some(notice) = verdict.notice() {
                done.emit(Err(notice));
            }
            return;
        };
        match save_now(&next).await {
            Err(e) => done.emit(Err(storage_notice(&e))),
            Ok(()) => {
                dispatch.emit(Action::MeetingStored(next));
                done.emit(verdict.notice().map_or(Ok(()), Err));
            }
        }
    });
}

/// Pauses or resumes voting.
/// One step of the officer's counts (issue 19): a show of hands entered, a paper count's tap,
/// recount or ballots issued. The meeting after it shows at once (a counter taps the next
/// ballot without waiting for the disk) and is stored, so a closed tab loses no counted
/// ballot; a refused step says why and changes nothing.
pub fn meeting_step(
    meeting: &Meeting,
    step: impl FnOnce(&Meeting) -> Result<Meeting, Notice>,
    dispatch: Callback<Action>,
) {
    match step(meeting) {
        Ok(next) => {
            dispatch.emit(Action::MeetingStored(next.clone()));
            save(next, dispatch);
        }
        Err(notice) => dispatch.emit(Action::Notice(Some(notice))),
    }
}

pub fn set_phase(meeting: Meeting, phase: Phase, dispatch: Callback<Action>) {
    let mut next = meeting;
    next.phase = phase;
    save(next, dispatch);
}
