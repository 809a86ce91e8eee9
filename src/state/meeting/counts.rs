//! What a meeting counts off the tablet (issue 19): the items voted by a show of hands and the
//! counts the officer enters, a paper count's steps, whether the vote may close, and the
//! fingerprint its bundle is uploaded under.

use phieu_core::{By, Counted, CountedItem, Lang, Poll};

use super::{Meeting, Phase};
use crate::state::notice::Notice;
use crate::state::paper::PaperCount;
use crate::state::words::meeting_says as says;

impl Meeting {
    /// The fingerprint its audit bundle carries, the key of its upload: the box's, or for a
    /// meeting with items voted by hands or on paper, the bundle's own (which covers them;
    /// `None` while the counts are not complete).
    pub fn bundle_fingerprint(&self) -> Option<String> {
        if self.hands.is_empty() && self.paper.is_none() {
            return Some(self.ballots.fingerprint().to_hex());
        }
        self.audit_bundle(Lang::Vi)
            .ok()
            .map(|b| b.fingerprint().to_hex())
    }

    /// The meeting after one step of its paper count (a tap, a recount, the ballots issued:
    /// `state::paper`); refused with the reason when the meeting counts no paper, when voting
    /// has closed, or when the step is refused.
    pub fn paper_step(
        &self,
        step: impl FnOnce(&mut PaperCount, &Poll, u64) -> Result<(), Notice>,
    ) -> Result<Meeting, Notice> {
        if self.phase == Phase::Closed {
            return Err(Notice::each(|l| says(l).count_closed));
        }
        let mut next = self.clone();
        let limit = self.electorate.present().unwrap_or(self.electorate.total());
        let count = next
            .paper
            .as_mut()
            .ok_or_else(|| Notice::each(|l| says(l).no_paper_count))?;
        step(count, &self.poll, limit)?;
        Ok(next)
    }

    /// Whether every item is voted by hands: the tablet takes no ballot at this meeting.
    pub fn all_by_hands(&self) -> bool {
        !self.hands.is_empty() && self.hands.len() == self.poll.items().len()
    }

    /// Whether the tablet takes no ballot at this meeting (all by hands, or on paper).
    pub fn no_tablet_ballots(&self) -> bool {
        self.all_by_hands() || self.paper.is_some()
    }

    /// Why the vote cannot close yet (a show of hands not entered, a paper count not agreed),
    /// for the officer; `None` when it can.
    pub fn close_blocker(&self) -> Option<Notice> {
        if let Some(paper) = &self.paper {
            return paper.blocker();
        }
        self.hands_missing()
            .map(|_| Notice::each(|l| says(l).hands_missing))
    }

    /// The first item voted by hands whose counts were not entered yet (its position in the
    /// poll): the vote cannot close before they are.
    pub fn hands_missing(&self) -> Option<usize> {
        self.hands
            .iter()
            .find(|h| h.counts.is_none())
            .and_then(|h| self.poll.items().iter().position(|i| i.id() == h.item))
    }

    /// The meeting with the hands counted for item `at` (its position in the poll), typed one
    /// per option; those present who raised no hand are the rest. Refused, with the reason
    /// for the officer, when a count is not a whole number or they add up to more than the
    /// number present; nothing changes then.
    pub fn enter_hands(&self, at: usize, typed: &[String]) -> Result<Meeting, Notice> {
        let item = self
            .poll
            .items()
            .get(at)
            .ok_or_else(|| Notice::each(|l| says(l).no_such_question))?;
        let Some(slot) = self.hands.iter().position(|h| h.item == item.id()) else {
            return Err(Notice::each(|l| says(l).not_by_hands));
        };
        if self.phase == Phase::Closed {
            return Err(Notice::each(|l| says(l).hands_closed));
        }
        let options = item.kind().options();
        let mut counts = Vec::with_capacity(options.len());
        for (option, text) in options.iter().zip(typed) {
            match text.trim().parse::<u64>() {
                Ok(n) => counts.push(n),
                Err(_) => {
                    return Err(Notice::each(|l| {
                        says(l).hands_not_digits(option.label().get(l))
                    }))
                }
            }
        }
        if counts.len() != options.len() {
            return Err(Notice::each(|l| says(l).hands_all_options));
        }
        let present = self.electorate.present().unwrap_or(0);
        let sum: u128 = counts.iter().map(|&n| u128::from(n)).sum();
        if sum > u128::from(present) {
            return Err(Notice::each(|l| says(l).hands_over_present(sum, present)));
        }
        let mut next = self.clone();
        next.hands[slot].counts = Some(counts);
        Ok(next)
    }

    /// The items voted by hands with their counts, for the minutes; the officer's sentence
    /// when one has not been entered.
    pub(super) fn counted(&self) -> Result<Counted, String> {
        if let Some(paper) = &self.paper {
            return paper
                .counted(&self.poll)
                .map_err(|n| n.get(Lang::Vi).to_owned());
        }
        let present = self.electorate.present().unwrap_or(0);
        let items = self
            .hands
            .iter()
            .map(|h| {
                let counts = h.counts.clone().ok_or_else(|| {
                    let label = self
                        .poll
                        .items()
                        .iter()
                        .find(|i| i.id() == h.item)
                        .map_or(h.item.as_str(), |i| i.label().vi());
                    format!("Chưa nhập kết quả giơ tay của câu «{label}».")
                })?;
                let blank = present.saturating_sub(counts.iter().sum());
                Ok(CountedItem {
                    item: h.item.clone(),
                    by: By::Hands,
                    counts,
                    blank,
                })
            })
            .collect::<Result<Vec<_>, String>>()?;
        Ok(Counted::new(items, None))
    }
}
