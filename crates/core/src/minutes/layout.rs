//! The counting minutes laid out once, as [`Block`]s that every front end renders: the CLI as
//! text and as printable HTML, the app as its print page. The layout follows the kind of poll
//! ([`MinutesKind`]): a village meeting prints D59 Mẫu 02 (commune People's Committee and
//! village heading, household representatives, two household witnesses, three copies); opinion
//! forms handed to every household print D59 Mẫu 04's title and count forms issued and returned,
//! with no one present and so no quorum; a People's Council's confidence rating or vote counts
//! delegates and has no household witnesses; a staff conference counts those convened and
//! states its two-thirds quorum (L 51, L 69); a survey counts the people asked and is signed by
//! whoever made the record. docs/legal.md §12 says which of these wordings were read in an
//! official form and which were not.
//!
//! Shares are always of the total electorate (domain brief, "the denominator"). Nothing here
//! decides anything: outcomes come from `crate::rule`, and the quorum lines repeat the same
//! integer tests (`rule::more_than_half`, `rule::at_least_two_thirds`).

mod kind;
mod words;

pub use kind::MinutesKind;

use crate::ballot_box::BoxFingerprint;
use crate::bundle::{AuditBundle, MinutesCode, PublicSummary};
use crate::counted::By;
use crate::i18n::layout_words;
use crate::lang::Lang;
use crate::merge::BoxEntry;
use crate::minutes::Minutes;
use crate::poll::{Item, Poll, PollKind};
use crate::results::item_rows;
use crate::rule::{Electorate, Outcome};
use crate::tally::Tally;
use words::{quorum, words};

/// Dots left for a person to fill in by hand on the paper.
pub const DOTS: &str = "……………………………………";

/// One piece of the minutes, in reading order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// The issuer (left, e.g. the commune People's Committee and the village) and the national
    /// heading (right); a text rendering puts them one under the other.
    Heading {
        issuer: Vec<String>,
        nation: Vec<String>,
    },
    Title(String),
    /// The "Về việc …" line under the title.
    Subject(String),
    /// A numbered part of the minutes ("I. SỐ LIỆU CHUNG").
    Section(String),
    Line(String),
    /// A label and numbered entries; no entries means dots to fill in by hand.
    List {
        label: String,
        entries: Vec<String>,
    },
    /// (label, value) pairs, one a line.
    Figures(Vec<(String, String)>),
    /// A captioned table: a head row and rows of as many cells.
    Table {
        caption: String,
        head: Vec<String>,
        rows: Vec<Vec<String>>,
    },
    /// The outcome of an item under the rule, as a sentence.
    Outcome {
        label: String,
        sentence: String,
    },
    /// A code printed for checking: the box check code or the minutes code, short and in full
    /// (a front end may add a QR code of `full`).
    Code {
        code: CodeKind,
        label: String,
        short: String,
        full: String,
        note: String,
    },
    /// Signature lines, one per (role, name); an empty name is written by hand.
    Signatures(Vec<(String, String)>),
}

/// Which code a [`Block::Code`] shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CodeKind {
    /// The box check code (fingerprint of every ballot in the box).
    Box,
    /// The minutes code, which a paper copy is checked against (docs/bundle-format.md §Minutes
    /// code); it stands after the signatures.
    Minutes,
}

/// The minutes of one closed box: its kind, the recipients of its copies (one copy each), the
/// sentence saying so, and the blocks of one copy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Layout {
    pub kind: MinutesKind,
    pub recipients: Vec<String>,
    pub blocks: Vec<Block>,
}

/// What the minutes are made from: an audit bundle's or a public summary's parts, and for a
/// merged bundle the boxes it came from.
#[derive(Debug, Clone, Copy)]
pub struct Record<'a> {
    pub poll: &'a Poll,
    pub electorate: &'a Electorate,
    pub minutes: &'a Minutes,
    pub tally: &'a Tally,
    pub outcomes: &'a [Outcome],
    pub fingerprint: BoxFingerprint,
    pub minutes_code: MinutesCode,
    pub boxes: &'a [BoxEntry],
}

impl<'a> Record<'a> {
    pub fn of_audit(b: &'a AuditBundle) -> Record<'a> {
        Record {
            poll: b.poll(),
            electorate: b.electorate(),
            minutes: b.minutes(),
            tally: b.tally(),
            outcomes: b.outcomes(),
            fingerprint: b.fingerprint(),
            minutes_code: b.minutes_code(),
            boxes: &[],
        }
    }

    pub fn of_summary(s: &'a PublicSummary) -> Record<'a> {
        Record {
            poll: s.poll(),
            electorate: s.electorate(),
            minutes: s.minutes(),
            tally: s.tally(),
            outcomes: s.outcomes(),
            fingerprint: s.fingerprint(),
            minutes_code: s.minutes_code(),
            boxes: &[],
        }
    }

    /// The same record listing the boxes a merged bundle came from.
    pub fn with_boxes(self, boxes: &'a [BoxEntry]) -> Record<'a> {
        Record { boxes, ..self }
    }
}

fn or_dots(s: &str) -> String {
    if s.trim().is_empty() {
        DOTS.to_owned()
    } else {
        s.to_owned()
    }
}

/// An item's title in the minutes: its label, and the person it is about (a rating, a vote).
pub fn item_title(item: &Item, lang: Lang) -> String {
    match item.person() {
        Some(p) => match p.position() {
            Some(pos) => format!(
                "{} — {}, {}",
                item.label().get(lang),
                p.name(),
                pos.get(lang)
            ),
            None => format!("{} — {}", item.label().get(lang), p.name()),
        },
        None => item.label().get(lang).to_owned(),
    }
}

/// The minutes of `r` in `lang` (the legal record is the Vietnamese one).
pub fn minutes_layout(r: Record<'_>, lang: Lang) -> Layout {
    let lw = layout_words(lang);
    let kind = MinutesKind::of(r.poll, r.electorate);
    let w = words(kind, lang);
    let m = r.minutes;
    let e = r.electorate;
    let t = r.tally;
    let place = r.poll.place();
    let subject = r.poll.subject().unwrap_or(r.poll.title()).get(lang);
    let mut b = Vec::new();

    // Heading and title.
    let committee = format!(
        "{} {}",
        lw.peoples_committee_of.to_owned(),
        place.commune().to_uppercase()
    );
    let mut issuer = match kind {
        MinutesKind::Council => vec![format!(
            "{} {}",
            lw.peoples_council_of.to_owned(),
            place.commune().to_uppercase()
        )],
        _ => vec![committee],
    };
    if !place.village().is_empty() && kind != MinutesKind::Council {
        issuer.push(place.village().to_uppercase());
    }
    b.push(Block::Heading {
        issuer,
        nation: vec![
            lw.socialist_republic_of_vietnam.to_owned(),
            lw.independence_freedom_happiness.to_owned(),
        ],
    });
    b.push(Block::Title(match (kind, r.poll.kind()) {
        (MinutesKind::Survey, _) => lw.record_of_the_opinion_forms_collected.to_owned(),
        (MinutesKind::Council, PollKind::ConfidenceRating) => {
            lw.counting_minutes_of_the_confidence_rating.to_owned()
        }
        (MinutesKind::Council, _) => lw.counting_minutes_of_the_confidence_vote.to_owned(),
        _ => lw.counting_minutes.to_owned(),
    }));
    b.push(Block::Subject(match kind {
        // D59 Mẫu 04's title.
        MinutesKind::HouseholdForms => {
            format!("{} {subject}", lw.subject_household_forms.to_owned())
        }
        _ => format!("{} {subject}", lw.subject_on.to_owned()),
    }));

    // When, where, who.
    if kind.is_meeting() {
        b.push(Block::Line(format!(
            "{} {}, {} {}.",
            lw.today_at.to_owned(),
            or_dots(m.time()),
            lw.at_place.to_owned(),
            or_dots(m.place())
        )));
        b.push(Block::Figures(vec![
            (lw.chaired_by.to_owned(), or_dots(m.chair())),
            (lw.secretary.to_owned(), or_dots(m.secretary())),
        ]));
    } else {
        b.push(Block::Figures(vec![
            (
                lw.when_opinions_were_collected.to_owned(),
                or_dots(m.time()),
            ),
            (lw.place.to_owned(), or_dots(m.place())),
        ]));
    }
    let village_board = matches!(
        kind,
        MinutesKind::VillageMeeting | MinutesKind::HouseholdForms
    );
    match kind {
        MinutesKind::Survey => b.push(Block::Figures(vec![(
            lw.recorded_by.to_owned(),
            or_dots(m.secretary()),
        )])),
        _ => {
            // D59 Mẫu 02 names the head of the board "Tổ trưởng", the others "Thành viên".
            let (head, member) = if village_board {
                (lw.head_village.to_owned(), lw.member.to_owned())
            } else {
                (lw.head_council.to_owned(), lw.member.to_owned())
            };
            b.push(Block::List {
                label: lw.the_counting_board.to_owned(),
                entries: m
                    .board()
                    .iter()
                    .enumerate()
                    .map(|(i, n)| format!("{n} — {}", if i == 0 { &head } else { &member }))
                    .collect(),
            });
        }
    }
    // Household witnesses only where households vote (D59 3.5, Mẫu 02); forms list them when
    // some were recorded.
    if kind == MinutesKind::VillageMeeting
        || (kind == MinutesKind::HouseholdForms && !m.witnesses().is_empty())
    {
        b.push(Block::List {
            label: lw.household_representatives_witnessing_the_count.to_owned(),
            entries: m.witnesses().to_vec(),
        });
    }

    // I. Figures.
    b.push(Block::Section(lw.i_figures.to_owned()));
    let mut figures = vec![(w.total.clone(), e.total().to_string())];
    match kind {
        MinutesKind::HouseholdForms => {
            figures.push((lw.forms_issued.to_owned(), e.total().to_string()));
            figures.push((lw.forms_returned.to_owned(), t.ballots().to_string()));
        }
        MinutesKind::Survey => {
            if e.present().is_some() {
                figures.push((w.present.clone(), quorum(kind, e, lang)));
            }
            figures.push((lw.forms_returned.to_owned(), t.ballots().to_string()));
        }
        _ if m.counted().covers(r.poll) => {
            // Every item voted by hands or on paper (issue 19): the tablet took no ballot, so
            // the paper's figures below stand alone.
            figures.push((w.present.clone(), quorum(kind, e, lang)));
        }
        _ => {
            figures.push((w.present.clone(), quorum(kind, e, lang)));
            // A ballot is issued each time the tablet is unlocked for a voter (issue 19, item
            // 3); a bundle from before that count has every ballot issued to be cast.
            let issued = m.issued().unwrap_or(t.ballots());
            figures.push((lw.ballots_issued.to_owned(), issued.to_string()));
            figures.push((lw.ballots_returned.to_owned(), t.ballots().to_string()));
            if let Some(n) = issued.checked_sub(t.ballots()).filter(|&n| n > 0) {
                figures.push((lw.issued_not_returned.to_owned(), n.to_string()));
            }
        }
    }
    let counted = m.counted();
    if !counted.covers(r.poll) {
        figures.push((lw.valid.to_owned(), t.valid_ballots().to_string()));
        figures.push((
            lw.blank_nothing_marked.to_owned(),
            t.blank_ballots().to_string(),
        ));
    }
    // The paper ballots of the items voted on paper, as the board counted them.
    if let Some(p) = counted.paper() {
        figures.extend([
            (lw.paper_ballots_issued.to_owned(), p.issued.to_string()),
            (lw.paper_ballots_returned.to_owned(), p.returned.to_string()),
            (lw.valid_paper_ballots.to_owned(), p.valid().to_string()),
            (lw.invalid_paper_ballots.to_owned(), p.invalid.to_string()),
        ]);
    }
    b.push(Block::Figures(figures));
    if counted.items().iter().any(|c| c.by == By::Paper) {
        b.push(Block::Line(lw.paper_count_note.to_owned()));
    }
    if kind == MinutesKind::HouseholdForms {
        b.push(Block::Line(lw.household_forms_note.to_owned()));
    }
    // The kiosk writes the test's result as a whole sentence; print it as written.
    b.push(Block::Line(if m.logic_and_accuracy_test().is_empty() {
        format!(
            "{}: {}",
            lw.test_run_before_voting.to_owned(),
            lw.not_recorded.to_owned()
        )
    } else {
        m.logic_and_accuracy_test().to_owned()
    }));

    // II. Per item.
    b.push(Block::Section(w.per_item.clone()));
    for (i, (item, it)) in r.poll.items().iter().zip(t.items()).enumerate() {
        let share = |n: u64| e.share(n).percent(lang);
        let free: Vec<String> = it.free_texts().map(str::to_owned).collect();
        // The rows every front end shows (`results::item_rows`): options or "answered", then
        // skipped by the poll's logic (không hỏi) apart from left blank (issue 22, item 6).
        let rows: Vec<Vec<String>> = item_rows(item, it)
            .iter()
            .map(|row| {
                vec![
                    row.label(lang).to_owned(),
                    row.count().to_string(),
                    share(row.count()),
                ]
            })
            .collect();
        let by = counted.by(item.id());
        let counted_as = match by {
            Some(By::Hands) => lw.hands.to_owned(),
            _ => lw.ballots.to_owned(),
        };
        b.push(Block::Table {
            caption: format!("{}. {}", i + 1, item_title(item, lang)),
            head: vec![lw.option.to_owned(), counted_as, lw.share.to_owned()],
            rows,
        });
        if let Some(by) = by {
            b.push(Block::Line(format!("{}.", by.label(lang))));
        }
        if let Some(mean) = it.mean() {
            b.push(Block::Line(format!(
                "{}: {}",
                lw.mean.to_owned(),
                mean.display(lang)
            )));
        }
        if !free.is_empty() {
            b.push(Block::List {
                label: lw.written_opinions.to_owned(),
                entries: free,
            });
        }
        // A board with several seats has one outcome per candidate.
        for o in r.outcomes.iter().filter(|o| o.item() == item.id()) {
            b.push(Block::Outcome {
                label: lw.outcome.to_owned(),
                sentence: o.sentence(lang),
            });
        }
    }
    if r.outcomes.is_empty() {
        b.push(Block::Outcome {
            label: lw.outcome.to_owned(),
            sentence: lw.survey_nothing_to_decide.to_owned(),
        });
    }

    // III. The boxes of a merged bundle.
    if !r.boxes.is_empty() {
        b.push(Block::Section(lw.iii_boxes_merged.to_owned()));
        b.push(Block::Table {
            caption: String::new(),
            head: vec![
                lw.box_column.to_owned(),
                lw.box_check_code.to_owned(),
                lw.minutes_code.to_owned(),
                lw.ballots.to_owned(),
                lw.place_time.to_owned(),
            ],
            rows: r
                .boxes
                .iter()
                .enumerate()
                .map(|(i, x)| {
                    vec![
                        (i + 1).to_string(),
                        x.fingerprint().short(),
                        x.minutes_code().short(),
                        x.ballots().to_string(),
                        format!("{}, {}", x.place(), x.time()),
                    ]
                })
                .collect(),
        });
    }

    b.push(Block::Code {
        code: CodeKind::Box,
        label: lw.box_check_code.to_owned(),
        short: r.fingerprint.short(),
        full: r.fingerprint.to_hex(),
        note: lw.box_check_code_note.to_owned(),
    });

    // The end of the count. A survey is not a meeting: it has no count that ends at an hour
    // ("vào hồi" is a meeting's clock time, not a date) and no officer's PIN; it states when
    // its responses were summed up only if that was recorded (issue 22, item 6).
    let mut closing = Vec::new();
    if kind != MinutesKind::Survey {
        closing.push((lw.the_count_ended_at.to_owned(), or_dots(m.closed_at())));
    } else if !m.closed_at().is_empty() {
        closing.push((lw.forms_summed_up_on.to_owned(), m.closed_at().to_owned()));
    }
    if kind != MinutesKind::Survey || !m.complaints().is_empty() {
        closing.push((
            lw.complaints_raised_if_any.to_owned(),
            or_dots(m.complaints()),
        ));
    }
    if kind != MinutesKind::Survey {
        closing.push((lw.wrong_pin_tries.to_owned(), m.wrong_pins().to_string()));
    }
    if !closing.is_empty() {
        b.push(Block::Figures(closing));
    }
    b.push(Block::Line(w.copies.clone()));

    // Signatures: the board, head first, and the household witnesses; lines to fill in by hand
    // when the file names no one.
    let member = lw.counting_board_member.to_owned();
    let mut sigs: Vec<(String, String)> = Vec::new();
    if kind == MinutesKind::Survey {
        sigs.push((lw.recorded_by.to_owned(), m.secretary().to_owned()));
    } else if m.board().is_empty() {
        sigs.push((w.board_head.clone(), String::new()));
        sigs.push((member.clone(), String::new()));
        sigs.push((member.clone(), String::new()));
    } else {
        sigs.extend(m.board().iter().enumerate().map(|(i, n)| {
            let role = if i == 0 { &w.board_head } else { &member };
            (role.clone(), n.clone())
        }));
    }
    let witness = lw.witness.to_owned();
    if kind == MinutesKind::VillageMeeting && m.witnesses().is_empty() {
        sigs.push((witness.clone(), String::new()));
        sigs.push((witness.clone(), String::new()));
    } else if matches!(
        kind,
        MinutesKind::VillageMeeting | MinutesKind::HouseholdForms
    ) {
        sigs.extend(m.witnesses().iter().map(|n| (witness.clone(), n.clone())));
    }
    b.push(Block::Signatures(sigs));

    // The code a paper copy is checked against (docs/bundle-format.md §Minutes code), on every
    // copy after the signatures: it covers everything above.
    b.push(Block::Code {
        code: CodeKind::Minutes,
        label: lw.minutes_code.to_owned(),
        short: r.minutes_code.short(),
        full: r.minutes_code.to_hex(),
        note: lw.minutes_code_note.to_owned(),
    });

    Layout {
        kind,
        recipients: w.recipients,
        blocks: b,
    }
}

#[cfg(test)]
mod tests;
