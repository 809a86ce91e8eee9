//! The counting minutes' metadata (Biên bản kiểm phiếu, D59 form 02) that travels in a bundle:
//! where and when the meeting was held, as the officer typed it (never a clock reading and never
//! a per-ballot time), the counting board and the two witnesses (D59 3.5c), and the result line
//! of the logic-and-accuracy test run before voting opened, and what the form also asks: who
//! chaired and who took the minutes, when the count ended, and any complaint raised during it
//! ("Khiếu nại, tố cáo (nếu có)"). Commune and village come from the poll; the electorate and
//! attendance from `Electorate`. Every field is covered by the minutes code
//! (docs/bundle-format.md §Minutes code).

use std::ops::RangeInclusive;

pub mod layout;

use crate::counted::{Counted, CountedError};
use crate::i18n::minutes_words;
use crate::lang::Lang;
use crate::poll::Poll;
use crate::rule::Electorate;

const MAX_FIELD: usize = 2_000;
/// The most names a merged board or witness list may hold: 5 per sitting for 20 sittings.
const MAX_NAMES: usize = 100;

/// Minutes metadata, checked.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct Minutes {
    place: String,
    time: String,
    board: Vec<String>,
    witnesses: Vec<String>,
    logic_and_accuracy_test: String,
    chair: String,
    secretary: String,
    closed_at: String,
    complaints: String,
    wrong_pins: u64,
    issued: Option<u64>,
    /// The items voted by hands or on paper, with their counts; empty when every item was
    /// voted on the tablet.
    counted: Counted,
}

/// Why minutes metadata is refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MinutesError {
    BoardSize {
        found: usize,
    },
    Witnesses {
        found: usize,
    },
    Empty {
        path: String,
    },
    TooLong {
        path: String,
        len: usize,
        max: usize,
    },
}

/// In English: the message with its field path, for `--json` and logs.
impl std::fmt::Display for MinutesError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for MinutesError {}

impl MinutesError {
    pub fn path(&self) -> String {
        match self {
            MinutesError::BoardSize { .. } => "minutes.board".into(),
            MinutesError::Witnesses { .. } => "minutes.witnesses".into(),
            MinutesError::Empty { path } | MinutesError::TooLong { path, .. } => path.clone(),
        }
    }

    pub fn message(&self, lang: Lang) -> String {
        let w = minutes_words(lang);
        match self {
            MinutesError::BoardSize { found } => w.board_size(found),
            MinutesError::Witnesses { found } => w.witnesses(found),
            MinutesError::Empty { path } => w.empty(path),
            MinutesError::TooLong { path, len, max } => w.too_long(path, len, max),
        }
    }
}

fn field(path: String, s: String, may_be_empty: bool) -> Result<String, MinutesError> {
    if !may_be_empty && s.trim().is_empty() {
        return Err(MinutesError::Empty { path });
    }
    let len = s.chars().count();
    if len > MAX_FIELD {
        return Err(MinutesError::TooLong {
            path,
            len,
            max: MAX_FIELD,
        });
    }
    Ok(s)
}

impl Minutes {
    /// Checks minutes metadata. A board, when given, has 3 to 5 members and the witnesses, when
    /// given, are 2 (D59 3.5c); both may be empty for a door-to-door survey, which has neither.
    pub fn new(
        place: String,
        time: String,
        board: Vec<String>,
        witnesses: Vec<String>,
        logic_and_accuracy_test: String,
    ) -> Result<Minutes, MinutesError> {
        Minutes::checked(
            (place, time, board, witnesses, logic_and_accuracy_test),
            (3..=5, 2..=2),
        )
    }

    fn checked(
        (place, time, board, witnesses, logic_and_accuracy_test): (
            String,
            String,
            Vec<String>,
            Vec<String>,
            String,
        ),
        (board_size, witness_count): (RangeInclusive<usize>, RangeInclusive<usize>),
    ) -> Result<Minutes, MinutesError> {
        if !board.is_empty() && !board_size.contains(&board.len()) {
            return Err(MinutesError::BoardSize { found: board.len() });
        }
        if !witnesses.is_empty() && !witness_count.contains(&witnesses.len()) {
            return Err(MinutesError::Witnesses {
                found: witnesses.len(),
            });
        }
        let board = board
            .into_iter()
            .enumerate()
            .map(|(i, n)| field(format!("minutes.board[{i}]"), n, false))
            .collect::<Result<_, _>>()?;
        let witnesses = witnesses
            .into_iter()
            .enumerate()
            .map(|(i, n)| field(format!("minutes.witnesses[{i}]"), n, false))
            .collect::<Result<_, _>>()?;
        Ok(Minutes {
            place: field("minutes.place".into(), place, true)?,
            time: field("minutes.time".into(), time, true)?,
            board,
            witnesses,
            logic_and_accuracy_test: field(
                "minutes.logic_and_accuracy_test".into(),
                logic_and_accuracy_test,
                true,
            )?,
            ..Minutes::default()
        })
    }

    /// The same minutes with the meeting's chair and secretary, the time the count ended, as
    /// typed, and the complaints raised during the count (each may be empty).
    pub fn with_proceedings(
        self,
        chair: String,
        secretary: String,
        closed_at: String,
        complaints: String,
    ) -> Result<Minutes, MinutesError> {
        Ok(Minutes {
            chair: field("minutes.chair".into(), chair, true)?,
            secretary: field("minutes.secretary".into(), secretary, true)?,
            closed_at: field("minutes.closed_at".into(), closed_at, true)?,
            complaints: field("minutes.complaints".into(), complaints, true)?,
            ..self
        })
    }

    /// The minutes of several boxes merged into one (`merge::merge_bundles`): the boards and
    /// witnesses of every sitting, so more names than one sitting has. A board still has at
    /// least 3 members and the witnesses are still at least 2 when given (each sitting's own
    /// 3–5 and 2 were checked by `new` when its minutes were made). A bundle reader uses this,
    /// since it cannot tell a merged file from a single sitting's.
    pub fn joined(
        place: String,
        time: String,
        board: Vec<String>,
        witnesses: Vec<String>,
        logic_and_accuracy_test: String,
    ) -> Result<Minutes, MinutesError> {
        Minutes::checked(
            (place, time, board, witnesses, logic_and_accuracy_test),
            (3..=MAX_NAMES, 2..=MAX_NAMES),
        )
    }

    /// The meeting place as typed, e.g. "Nhà văn hóa thôn Đồng Tâm".
    pub fn place(&self) -> &str {
        &self.place
    }

    /// The meeting's date and time as typed by the officer, e.g. "14 giờ 00, ngày 12/4/2026".
    pub fn time(&self) -> &str {
        &self.time
    }

    /// Members of the counting board (Ban kiểm phiếu).
    pub fn board(&self) -> &[String] {
        &self.board
    }

    pub fn witnesses(&self) -> &[String] {
        &self.witnesses
    }

    /// The result line of the logic-and-accuracy test, e.g. "Kiểm thử: 3 phiếu mẫu, kết quả đúng".
    pub fn logic_and_accuracy_test(&self) -> &str {
        &self.logic_and_accuracy_test
    }

    /// The same minutes recording `n` wrong tries of the officer's PIN during the meeting
    /// (issue 17: a guessed PIN leaves a trace on the paper).
    pub fn with_wrong_pins(self, n: u64) -> Minutes {
        Minutes {
            wrong_pins: n,
            ..self
        }
    }

    /// How many times a wrong PIN was entered during the meeting (0 when none, or not counted).
    pub fn wrong_pins(&self) -> u64 {
        self.wrong_pins
    }

    /// The same minutes recording `n` ballots issued: each time the tablet was unlocked for a
    /// voter (issue 19, item 3). A voter who walked away, or whose ballot the officer cancelled,
    /// was issued a ballot that was not returned. Not given for forms and surveys, which count
    /// what they hand out otherwise, nor by a phieu older than this count.
    pub fn with_issued(self, n: u64) -> Minutes {
        Minutes {
            issued: Some(n),
            ..self
        }
    }

    /// The same minutes stating the items voted by a show of hands or on paper and their
    /// counts, checked against the poll and the electorate ([`Counted::check`]).
    pub fn with_counted(
        self,
        counted: Counted,
        poll: &Poll,
        electorate: &Electorate,
    ) -> Result<Minutes, CountedError> {
        counted.check(poll, electorate.present(), electorate.total())?;
        Ok(Minutes { counted, ..self })
    }

    /// The same minutes with the counted items of `other`, already checked with its bundle
    /// (merging a single box keeps them).
    pub(crate) fn with_counted_of(self, other: &Minutes) -> Minutes {
        Minutes {
            counted: other.counted.clone(),
            ..self
        }
    }

    /// The items voted by hands or on paper (empty: all on the tablet).
    pub fn counted(&self) -> &Counted {
        &self.counted
    }

    /// The ballots issued, when the tablet counted them (see [`Minutes::with_issued`]).
    pub fn issued(&self) -> Option<u64> {
        self.issued
    }

    /// Who chaired the meeting (chủ trì), as typed; empty when not given.
    pub fn chair(&self) -> &str {
        &self.chair
    }

    /// Who took the minutes (thư ký), as typed; empty when not given.
    pub fn secretary(&self) -> &str {
        &self.secretary
    }

    /// When the count ended, as typed by the officer (never a clock reading of a ballot).
    pub fn closed_at(&self) -> &str {
        &self.closed_at
    }

    /// Complaints or denunciations raised during the count, as written; empty for none.
    pub fn complaints(&self) -> &str {
        &self.complaints
    }
}
