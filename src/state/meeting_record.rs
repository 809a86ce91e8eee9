//! How a meeting is kept in storage: a versioned JSON record (no ballots, no times of casting;
//! the ballots are in their own store, keyed by commitment).

use std::rc::Rc;

use phieu_core::{BallotBox, Electorate, Method, PinHash, Poll, PollError};
use serde::{Deserialize, Serialize};

use super::meeting::{FieldFacts, Hands, Meeting, Phase, Proceedings, TestResult};
use super::paper::{Mark, Paper, PaperCount, Sheet};

const RECORD_VERSION: u32 = 1;

#[derive(Serialize, Deserialize)]
struct MeetingRecord {
    version: u32,
    id: String,
    /// The poll definition exactly as validated (`Poll::to_json`): its hash is frozen here.
    poll: String,
    total: u64,
    present: Option<u64>,
    /// How the ballots are collected: `"household_forms"` for forms handed to every household
    /// (`Electorate::by_household_forms`); absent for a meeting, and in records written before
    /// forms existed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    method: Option<String>,
    place: String,
    time: String,
    board: Vec<String>,
    witnesses: Vec<String>,
    pin: String,
    phase: String,
    test: Option<TestRecord>,
    pin_failures: u32,
    /// Until when the officer's PIN is locked after 5 wrong tries (ms since the epoch). The
    /// only clock reading stored, and it is about the officer, never about a ballot.
    pin_locked_until: f64,
    /// How often the PIN has locked in this meeting (each lock doubles the next), and every
    /// wrong PIN typed in it (for the minutes). Absent in records written before either
    /// existed: no lock then, and the wrong PINs in a row are all that is known.
    #[serde(default)]
    pin_lockouts: u32,
    #[serde(default)]
    pin_wrong_total: u32,
    /// A field survey's facts (`state::field`); absent for a meeting, and in records written
    /// before field surveys existed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    field: Option<FieldRecord>,
    /// What the officer typed at closing for the minutes (chair, secretary, when the count
    /// ended, complaints); absent until then, and in records written before it existed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    proceedings: Option<ProceedingsRecord>,
    /// Ballots issued (unlocks for a voter); absent for a field survey and in records written
    /// before the count existed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    issued: Option<u64>,
    /// When the meeting was set up here (ms since the epoch); absent in older records.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    created: Option<f64>,
    /// The audit bundle was saved to a file; absent (false) until then.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    exported: bool,
    /// The items voted by a show of hands and their counts once entered (issue 19, item 4);
    /// absent when every item is voted on the tablet, and in records written before.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    hands: Vec<HandsRecord>,
    /// A paper count's issued ballots and each counter's recorded papers (issue 19, item 5):
    /// a paper is `null` when invalid, else one entry per item, `null` for blank or the options
    /// chosen. In the order the board read them out of the paper box, which says nothing of
    /// who cast them. Absent for a meeting voted on the tablet.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    paper: Option<PaperRecord>,
}

/// One paper ballot as stored: `None` when invalid, else per item `None` (blank) or the
/// options chosen.
type PaperRec = Option<Vec<Option<Vec<usize>>>>;

#[derive(Serialize, Deserialize)]
struct PaperRecord {
    issued: Option<u64>,
    sheets: [Vec<PaperRec>; 2],
}

fn paper_record(count: &PaperCount) -> PaperRecord {
    let sheet = |s: &Sheet| {
        s.papers()
            .iter()
            .map(|p| match p {
                Paper::Invalid => None,
                Paper::Valid(marks) => Some(
                    marks
                        .iter()
                        .map(|m| match m {
                            Mark::Blank => None,
                            Mark::Chosen(o) => Some(o.clone()),
                        })
                        .collect(),
                ),
            })
            .collect()
    };
    PaperRecord {
        issued: count.issued,
        sheets: [sheet(&count.sheets[0]), sheet(&count.sheets[1])],
    }
}

fn paper_count(poll: &Poll, r: PaperRecord) -> Result<PaperCount, String> {
    let sheet = |papers: Vec<PaperRec>| {
        let papers = papers
            .into_iter()
            .map(|p| match p {
                None => Paper::Invalid,
                Some(marks) => Paper::Valid(
                    marks
                        .into_iter()
                        .map(|m| m.map_or(Mark::Blank, Mark::Chosen))
                        .collect(),
                ),
            })
            .collect();
        Sheet::restore(poll, papers).map_err(|e| format!("paper count: {e:?}"))
    };
    let [a, b] = r.sheets;
    Ok(PaperCount {
        issued: r.issued,
        sheets: [sheet(a)?, sheet(b)?],
    })
}

#[derive(Serialize, Deserialize)]
struct HandsRecord {
    item: String,
    counts: Option<Vec<u64>>,
}

#[derive(Serialize, Deserialize)]
struct ProceedingsRecord {
    chair: String,
    secretary: String,
    closed_at: String,
    complaints: String,
}

#[derive(Serialize, Deserialize)]
struct FieldRecord {
    staff: String,
    summary: String,
}

#[derive(Serialize, Deserialize)]
struct TestRecord {
    ballots: u64,
    fingerprint: String,
    passed: bool,
}

/// The record of `meeting`, as JSON.
pub fn to_json(meeting: &Meeting) -> String {
    let record = MeetingRecord {
        version: RECORD_VERSION,
        id: meeting.id.clone(),
        poll: meeting.poll.to_json(),
        total: meeting.electorate.total(),
        present: meeting.electorate.present(),
        method: match meeting.electorate.method() {
            Method::Meeting => None,
            Method::HouseholdForms => Some(Method::HOUSEHOLD_FORMS.to_owned()),
        },
        place: meeting.place.clone(),
        time: meeting.time.clone(),
        board: meeting.board.clone(),
        witnesses: meeting.witnesses.clone(),
        pin: meeting.pin.to_stored(),
        phase: meeting.phase.name().into(),
        test: meeting.test.as_ref().map(|t| TestRecord {
            ballots: t.ballots,
            fingerprint: t.fingerprint.clone(),
            passed: t.passed,
        }),
        pin_failures: meeting.pin_failures,
        pin_locked_until: meeting.pin_locked_until,
        pin_lockouts: meeting.pin_lockouts,
        pin_wrong_total: meeting.pin_wrong_total,
        field: meeting.field.as_ref().map(|f| FieldRecord {
            staff: f.staff.clone(),
            summary: f.summary.clone(),
        }),
        proceedings: (meeting.proceedings != Proceedings::default()).then(|| {
            let p = meeting.proceedings.clone();
            ProceedingsRecord {
                chair: p.chair,
                secretary: p.secretary,
                closed_at: p.closed_at,
                complaints: p.complaints,
            }
        }),
        issued: meeting.issued,
        created: meeting.created,
        exported: meeting.exported,
        hands: meeting
            .hands
            .iter()
            .map(|h| HandsRecord {
                item: h.item.clone(),
                counts: h.counts.clone(),
            })
            .collect(),
        paper: meeting.paper.as_ref().map(paper_record),
    };
    serde_json::to_string(&record).unwrap_or_default()
}

/// How a page reads the poll inside a record: [`Poll::from_json_plain`] where the page has no
/// other use for the field paths of JSON errors (the tablet, the survey page), [`Poll::from_json`]
/// where it has (the office page's setup): each page links one reader of the poll format, not
/// two. The poll was checked before it was stored, so either gives the same poll.
pub type ReadPoll = fn(&str) -> Result<Poll, PollError>;

/// Reads a record back, its poll with `read_poll`; the ballot box is filled separately from
/// the ballot store.
pub fn from_json(json: &str, read_poll: ReadPoll) -> Result<Meeting, String> {
    let r: MeetingRecord = serde_json::from_str(json).map_err(|e| e.to_string())?;
    if r.version != RECORD_VERSION {
        return Err(format!(
            "meeting record version {} is not supported",
            r.version
        ));
    }
    // The poll as the tablet asks it: without the items voted by hands or on paper.
    let defined = read_poll(&r.poll).map_err(|e| e.to_string())?;
    let paper = r.paper.map(|p| paper_count(&defined, p)).transpose()?;
    let poll = if paper.is_some() {
        let all: Vec<String> = defined.items().iter().map(|i| i.id().to_owned()).collect();
        defined.voted_elsewhere(all.iter().map(String::as_str))
    } else {
        defined.voted_elsewhere(r.hands.iter().map(|h| h.item.as_str()))
    };
    let electorate = match r.method.as_deref() {
        None => Electorate::new(r.total, r.present),
        Some(Method::HOUSEHOLD_FORMS) if r.present.is_none() => {
            Electorate::by_household_forms(r.total)
        }
        Some(other) => return Err(format!("unknown method {other:?} in a meeting record")),
    };
    Ok(Meeting {
        electorate: electorate.map_err(|e| e.to_string())?,
        ballots: Rc::new(BallotBox::new(poll.clone())),
        poll: Rc::new(poll),
        id: r.id,
        place: r.place,
        time: r.time,
        board: r.board,
        witnesses: r.witnesses,
        pin: PinHash::from_stored(&r.pin).ok_or("the PIN record is damaged")?,
        phase: Phase::from_name(&r.phase).ok_or("unknown phase")?,
        test: r.test.map(|t| TestResult {
            ballots: t.ballots,
            fingerprint: t.fingerprint,
            passed: t.passed,
        }),
        pin_failures: r.pin_failures,
        pin_locked_until: r.pin_locked_until,
        pin_lockouts: r.pin_lockouts,
        pin_wrong_total: r.pin_wrong_total.max(r.pin_failures),
        field: r.field.map(|f| FieldFacts {
            staff: f.staff,
            summary: f.summary,
        }),
        proceedings: r
            .proceedings
            .map(|p| Proceedings {
                chair: p.chair,
                secretary: p.secretary,
                closed_at: p.closed_at,
                complaints: p.complaints,
            })
            .unwrap_or_default(),
        issued: r.issued,
        created: r.created,
        exported: r.exported,
        hands: r
            .hands
            .into_iter()
            .map(|h| Hands {
                item: h.item,
                counts: h.counts,
            })
            .collect(),
        paper,
    })
}
