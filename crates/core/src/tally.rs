//! Tallies: per item and option the number of answers, blanks, the sorted free-text answers and
//! the sums behind means (docs/bundle-format.md §Tally). A tally is a sum of ballots, so adding
//! ballots one at a time, counting a whole box at once, and merging the tallies of several boxes
//! all give the same result; free text is kept sorted, never in cast order (domain brief,
//! "Secrecy"). Shares are always taken of the total electorate (`Share`, domain brief "Who
//! votes, and the denominator"), never of ballots cast.

use std::collections::BTreeMap;

use crate::ballot::{shown, Answer, Ballot};
use crate::counted::Counted;
use crate::i18n::tally_words;
use crate::lang::Lang;
use crate::poll::{Item, ItemKind, Poll, PollHash};

/// Why a ballot or a tally cannot be added to a tally.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TallyError {
    #[error("{}", tally_words(Lang::En).wrong_poll(found, expected))]
    WrongPoll { expected: PollHash, found: PollHash },
}

impl TallyError {
    pub fn path(&self) -> &'static str {
        "poll_hash"
    }

    pub fn message(&self, lang: Lang) -> String {
        match self {
            TallyError::WrongPoll { expected, found } => {
                tally_words(lang).wrong_poll(found, expected)
            }
        }
    }
}

/// The count of one item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemTally {
    blank: u64,
    /// Of `blank`, the ballots the poll's logic did not ask this item (`show_if` false): known
    /// when the tally was counted from ballots, `None` when it was read from a file without
    /// the openings (a public summary), whose tally holds `blank` alone (issue 22, item 6).
    not_asked: Option<u64>,
    counts: Vec<u64>,
    free_text: BTreeMap<String, u64>,
    sum: i128,
    summed: u64,
}

impl ItemTally {
    fn new(kind: &ItemKind) -> ItemTally {
        ItemTally {
            blank: 0,
            not_asked: Some(0),
            counts: vec![0; kind.options().len()],
            free_text: BTreeMap::new(),
            sum: 0,
            summed: 0,
        }
    }

    /// Ballots that left this item blank or were not shown it: the `blank` of the bundle's
    /// tally (docs/bundle-format.md §Tally).
    pub fn blank(&self) -> u64 {
        self.blank
    }

    /// Of [`ItemTally::blank`], the ballots that were not asked this item because the poll's
    /// logic skipped it (không hỏi); `None` when the tally was read from a file without the
    /// ballots' openings, which cannot tell the two apart.
    pub fn not_asked(&self) -> Option<u64> {
        self.not_asked
    }

    /// Of [`ItemTally::blank`], the ballots that were asked this item and left it blank (để
    /// trống); `None` when [`ItemTally::not_asked`] is unknown.
    pub fn left_blank(&self) -> Option<u64> {
        self.not_asked.map(|n| self.blank - n)
    }

    /// The rows every front end shows under an item's answers (the results page, the minutes,
    /// the CLI, CSV and XLSX): "Để trống" alone for an item always asked; for an item the
    /// poll's logic may skip (`show_if`), "Không hỏi" and "Để trống" apart, or together when
    /// the tally cannot tell them apart (issue 22, item 6). The counts add up to
    /// [`ItemTally::blank`].
    pub fn unanswered(&self, item: &Item) -> Vec<(Unanswered, u64)> {
        match (item.show_if(), self.not_asked) {
            (None, _) => vec![(Unanswered::LeftBlank, self.blank)],
            (Some(_), Some(not_asked)) => vec![
                (Unanswered::NotAsked, not_asked),
                (Unanswered::LeftBlank, self.blank - not_asked),
            ],
            (Some(_), None) => vec![(Unanswered::BlankOrNotAsked, self.blank)],
        }
    }

    /// Answers per option, in poll order; empty for number and text items.
    pub fn counts(&self) -> &[u64] {
        &self.counts
    }

    /// Free-text answers ("Ý kiến khác" and text items), sorted by their UTF-8 bytes, each repeated
    /// as often as it was given.
    pub fn free_texts(&self) -> impl Iterator<Item = &str> {
        self.free_text.iter().flat_map(|(t, n)| {
            // Counts fit in memory already, so they fit in usize.
            std::iter::repeat_n(t.as_str(), usize::try_from(*n).unwrap_or(usize::MAX))
        })
    }

    /// The sum and count behind the mean of a number or scale item.
    pub fn mean(&self) -> Option<Mean> {
        (self.summed > 0).then_some(Mean {
            sum: self.sum,
            count: self.summed,
        })
    }

    pub(crate) fn from_parts(
        blank: u64,
        counts: Vec<u64>,
        free_text: BTreeMap<String, u64>,
        sum: i128,
        summed: u64,
    ) -> ItemTally {
        ItemTally {
            blank,
            not_asked: None,
            counts,
            free_text,
            sum,
            summed,
        }
    }

    /// Counts one free-text answer, copying the text only the first time it is seen (counting
    /// 100 000 ballots in the browser should not allocate once per ballot).
    fn count_text(&mut self, text: &str, times: u64) {
        match self.free_text.get_mut(text) {
            Some(n) => *n += times,
            None => {
                self.free_text.insert(text.to_owned(), times);
            }
        }
    }

    fn merge(&mut self, other: &ItemTally) {
        self.blank += other.blank;
        self.not_asked = self.not_asked.zip(other.not_asked).map(|(a, b)| a + b);
        for (a, b) in self.counts.iter_mut().zip(&other.counts) {
            *a += b;
        }
        for (t, n) in &other.free_text {
            self.count_text(t, *n);
        }
        self.sum += other.sum;
        self.summed += other.summed;
    }
}

/// Why a ballot gave no answer to an item, as [`ItemTally::unanswered`] counts it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unanswered {
    /// Asked, and left blank (để trống).
    LeftBlank,
    /// Not asked: the poll's logic skipped the item after an earlier answer (không hỏi).
    NotAsked,
    /// Either: a tally read from a file without the ballots cannot tell which.
    BlankOrNotAsked,
}

impl Unanswered {
    /// The row's label for people.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Unanswered::LeftBlank => tally_words(lang).left_blank,
            Unanswered::NotAsked => tally_words(lang).not_asked,
            Unanswered::BlankOrNotAsked => tally_words(lang).blank_or_not_asked,
        }
    }
}

/// The tally of a set of ballots of one poll.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tally {
    poll_hash: PollHash,
    ballots: u64,
    blank_ballots: u64,
    items: Vec<ItemTally>,
}

impl Tally {
    /// The tally of no ballots.
    pub fn new(poll: &Poll) -> Tally {
        Tally {
            poll_hash: poll.hash(),
            ballots: 0,
            blank_ballots: 0,
            items: poll
                .items()
                .iter()
                .map(|i| ItemTally::new(i.kind()))
                .collect(),
        }
    }

    /// Counts a set of ballots at once.
    pub fn of<'a>(
        poll: &Poll,
        ballots: impl IntoIterator<Item = &'a Ballot>,
    ) -> Result<Tally, TallyError> {
        let mut t = Tally::new(poll);
        for b in ballots {
            t.add(poll, b)?;
        }
        Ok(t)
    }

    /// Counts one more ballot. `poll` must be the poll this tally was made for.
    pub fn add(&mut self, poll: &Poll, ballot: &Ballot) -> Result<(), TallyError> {
        for found in [poll.hash(), ballot.poll_hash()] {
            if found != self.poll_hash {
                return Err(TallyError::WrongPoll {
                    expected: self.poll_hash,
                    found,
                });
            }
        }
        self.ballots += 1;
        if ballot.is_blank() {
            self.blank_ballots += 1;
        }
        for (i, ((item, answer), t)) in poll
            .items()
            .iter()
            .zip(ballot.answers())
            .zip(&mut self.items)
            .enumerate()
        {
            let options = item.kind().options();
            let index = |id: &str| options.iter().position(|c| c.id() == id);
            match answer {
                Answer::Blank => {
                    t.blank += 1;
                    // A valid ballot leaves blank every item its logic hides (§Ballot).
                    if item.show_if().is_some() && !shown(poll, ballot.answers(), i) {
                        t.not_asked = t.not_asked.map(|n| n + 1);
                    }
                }
                Answer::Choice { option, free_text } => {
                    if let Some(i) = index(option) {
                        t.counts[i] += 1;
                        if let Some(v) = options[i].value() {
                            t.sum += i128::from(v);
                            t.summed += 1;
                        }
                    }
                    if let Some(text) = free_text {
                        t.count_text(text, 1);
                    }
                }
                Answer::Choices {
                    options: chosen,
                    free_text,
                } => {
                    for o in chosen {
                        if let Some(i) = index(o) {
                            t.counts[i] += 1;
                        }
                    }
                    if let Some(text) = free_text {
                        t.count_text(text, 1);
                    }
                }
                Answer::Number(n) => {
                    t.sum += i128::from(*n);
                    t.summed += 1;
                }
                Answer::Text(text) => t.count_text(text, 1),
            }
        }
        Ok(())
    }

    /// The tally with the counts of the items voted by hands or on paper (`crate::counted`) in
    /// place of the tablet's, which left them blank on every ballot. The means of a scale item
    /// are summed from its options' values as the tablet would have.
    pub fn with_counted(mut self, poll: &Poll, counted: &Counted) -> Tally {
        for c in counted.items() {
            let Some(i) = poll.items().iter().position(|it| it.id() == c.item) else {
                continue;
            };
            let (mut sum, mut summed) = (0i128, 0u64);
            for (o, &n) in poll.items()[i].kind().options().iter().zip(&c.counts) {
                if let Some(v) = o.value() {
                    sum += i128::from(v) * i128::from(n);
                    summed += n;
                }
            }
            self.items[i] = ItemTally {
                blank: c.blank,
                not_asked: Some(0),
                counts: c.counts.clone(),
                free_text: BTreeMap::new(),
                sum,
                summed,
            };
        }
        self
    }

    /// Adds another tally of the same poll (several tablets, clusters or sittings, D59 3.1đ).
    pub fn merge(&mut self, other: &Tally) -> Result<(), TallyError> {
        if other.poll_hash != self.poll_hash {
            return Err(TallyError::WrongPoll {
                expected: self.poll_hash,
                found: other.poll_hash,
            });
        }
        self.ballots += other.ballots;
        self.blank_ballots += other.blank_ballots;
        for (a, b) in self.items.iter_mut().zip(&other.items) {
            a.merge(b);
        }
        Ok(())
    }

    pub fn poll_hash(&self) -> PollHash {
        self.poll_hash
    }

    /// Ballots cast (issued and returned: the tablet issues a ballot only to cast it).
    pub fn ballots(&self) -> u64 {
        self.ballots
    }

    /// Ballots with every item blank (phiếu trắng).
    pub fn blank_ballots(&self) -> u64 {
        self.blank_ballots
    }

    /// Ballots with at least one answer.
    pub fn valid_ballots(&self) -> u64 {
        self.ballots - self.blank_ballots
    }

    /// One tally per poll item, in poll order.
    pub fn items(&self) -> &[ItemTally] {
        &self.items
    }

    /// The count of option `option` of item `item`, if both exist.
    pub fn count(&self, poll: &Poll, item: &str, option: &str) -> Option<u64> {
        let i = poll.items().iter().position(|x| x.id() == item)?;
        let o = poll.items()[i].option_index(option)?;
        self.items.get(i)?.counts.get(o).copied()
    }

    /// This tally as a file without the ballots' openings states it: the same counts, without
    /// telling skipped items from blank ones ([`ItemTally::not_asked`] is `None`).
    pub(crate) fn without_openings(&self) -> Tally {
        let mut t = self.clone();
        for it in &mut t.items {
            it.not_asked = None;
        }
        t
    }

    pub(crate) fn from_parts(
        poll_hash: PollHash,
        ballots: u64,
        blank_ballots: u64,
        items: Vec<ItemTally>,
    ) -> Tally {
        Tally {
            poll_hash,
            ballots,
            blank_ballots,
            items,
        }
    }
}

/// A count as a share of a denominator, for display only: legal decisions never use it
/// (`crate::rule` compares integers).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Share {
    count: u64,
    of: u64,
}

impl Share {
    pub fn new(count: u64, of: u64) -> Share {
        Share { count, of }
    }

    pub fn count(&self) -> u64 {
        self.count
    }

    pub fn of(&self) -> u64 {
        self.of
    }

    /// Hundredths of a percent, rounded half up; `None` when the denominator is 0.
    pub fn basis_points(&self) -> Option<u64> {
        if self.of == 0 {
            return None;
        }
        let bp =
            (u128::from(self.count) * 20_000 + u128::from(self.of)) / (2 * u128::from(self.of));
        u64::try_from(bp).ok()
    }

    /// `"67,00%"` in Vietnamese, `"67.00%"` in English; `"—"` when the denominator is 0.
    pub fn percent(&self, lang: Lang) -> String {
        match self.basis_points() {
            None => "—".into(),
            Some(bp) => {
                let sep = tally_words(lang).decimal_separator;
                format!("{}{sep}{:02}%", bp / 100, bp % 100)
            }
        }
    }
}

/// A mean as an exact fraction `sum / count`; rendered with two decimals for display only.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Mean {
    sum: i128,
    count: u64,
}

impl Mean {
    pub fn sum(&self) -> i128 {
        self.sum
    }

    pub fn count(&self) -> u64 {
        self.count
    }

    /// `"4,25"` in Vietnamese, `"4.25"` in English, rounded half away from zero.
    pub fn display(&self, lang: Lang) -> String {
        let count = i128::from(self.count.max(1));
        let scaled = self.sum.saturating_mul(200);
        let hundredths = if scaled >= 0 {
            (scaled + count) / (2 * count)
        } else {
            (scaled - count) / (2 * count)
        };
        let sign = if hundredths < 0 { "-" } else { "" };
        let abs = hundredths.unsigned_abs();
        let sep = tally_words(lang).decimal_separator;
        format!("{sign}{}{sep}{:02}", abs / 100, abs % 100)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ballot::Salt;

    /// A survey's tally tells the ballots its logic did not ask an item (không hỏi) from those
    /// asked who left it blank (để trống), and keeps their sum as the file's `blank` (issue 22,
    /// item 6). `ly_do` is asked only of the dissatisfied.
    #[test]
    fn not_asked_is_counted_apart_from_left_blank() {
        let poll = Poll::from_json(include_str!("../tests/data/survey-poll.json")).unwrap();
        let ballot = |n: u8, satisfaction: &str, reason: Answer| {
            let answers = vec![
                Answer::choice(satisfaction),
                reason,
                Answer::Blank,
                Answer::Blank,
            ];
            Ballot::new(&poll, answers, Salt::from_bytes([n; 16])).unwrap()
        };
        let ballots = [
            ballot(1, "hai_long", Answer::Blank),
            ballot(2, "rat_hai_long", Answer::Blank),
            ballot(3, "khong_hai_long", Answer::Blank),
            ballot(4, "khong_hai_long", Answer::Text("Đường hỏng".into())),
        ];
        let tally = Tally::of(&poll, &ballots).unwrap();
        let reason = &tally.items()[1];
        assert_eq!(reason.blank(), 3);
        assert_eq!(reason.not_asked(), Some(2));
        assert_eq!(reason.left_blank(), Some(1));
        // An item without a condition is always asked.
        assert_eq!(tally.items()[2].not_asked(), Some(0));
        assert_eq!(tally.items()[2].left_blank(), Some(4));
        // Merging sums both; a tally read from a file without openings does not know.
        let mut twice = tally.clone();
        twice.merge(&tally).unwrap();
        assert_eq!(twice.items()[1].not_asked(), Some(4));
        let unknown = ItemTally::from_parts(3, Vec::new(), BTreeMap::new(), 0, 0);
        assert_eq!((unknown.not_asked(), unknown.left_blank()), (None, None));
        let mut merged = ItemTally::new(poll.items()[1].kind());
        merged.merge(&unknown);
        assert_eq!(merged.not_asked(), None);
        // What every front end shows.
        assert_eq!(
            reason.unanswered(&poll.items()[1]),
            [(Unanswered::NotAsked, 2), (Unanswered::LeftBlank, 1)]
        );
        assert_eq!(
            tally.items()[2].unanswered(&poll.items()[2]),
            [(Unanswered::LeftBlank, 4)]
        );
        assert_eq!(
            unknown.unanswered(&poll.items()[1]),
            [(Unanswered::BlankOrNotAsked, 3)]
        );
    }

    #[test]
    fn shares_round_half_up() {
        assert_eq!(Share::new(67, 100).percent(Lang::Vi), "67,00%");
        assert_eq!(Share::new(2, 3).percent(Lang::En), "66.67%");
        assert_eq!(Share::new(1, 8).basis_points(), Some(1250));
        assert_eq!(Share::new(1, 0).percent(Lang::En), "—");
    }

    #[test]
    fn means_are_exact_until_display() {
        let m = Mean { sum: 17, count: 4 };
        assert_eq!(m.display(Lang::Vi), "4,25");
        let m = Mean { sum: -5, count: 3 };
        assert_eq!(m.display(Lang::En), "-1.67");
        let m = Mean { sum: 2, count: 3 };
        assert_eq!(m.display(Lang::En), "0.67");
    }
}
