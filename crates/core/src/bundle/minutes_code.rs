//! The minutes code: SHA-256 over everything the signed minutes state (docs/bundle-format.md
//! §Minutes code), its canonical encoding, and how a code printed on paper is compared with it.

use crate::ballot_box::BoxFingerprint;
use crate::encoding::{digest_newtype, Encoder, MINUTES_CODE_TAG};
use crate::minutes::Minutes;
use crate::poll::Poll;
use crate::rule::{Electorate, Method};

use super::dto::{OutcomeDto, TallyDto};

digest_newtype!(
    /// SHA-256 over everything the signed minutes state: poll hash, box fingerprint, electorate,
    /// the minutes' facts, the published tally and every outcome (docs/bundle-format.md §Minutes
    /// code). Its first 16 hex digits are printed on every copy of the paper minutes; a file
    /// whose code does not begin with them is not the file whose minutes were signed.
    MinutesCode
);

impl MinutesCode {
    /// The code as printed on the minutes: 16 upper-case hex digits in groups of four,
    /// "3F2A-91C0-…", the same shape as the box fingerprint's.
    pub fn short(&self) -> String {
        crate::ballot_box::grouped_hex(&self.as_bytes()[..8])
    }

    /// Whether `printed` (what someone typed or scanned from the paper: the 16 digits of
    /// `short`, or all 64, in either case, with or without spaces and dashes) is this code.
    /// Fewer than 16 digits never match: a shorter prefix is too easy to forge.
    pub fn matches_paper(&self, printed: &str) -> bool {
        MinutesCode::paper_digits(printed).is_some_and(|digits| self.to_hex().starts_with(&digits))
    }

    /// A code as someone typed it, written as the minutes print it (its first 16 digits, upper
    /// case, in groups of four), to say which code was compared; `None` if it cannot be a code.
    pub fn as_printed(printed: &str) -> Option<String> {
        let digits = MinutesCode::paper_digits(printed)?;
        Some(crate::ballot_box::grouped(&digits[..16]))
    }

    /// The hex digits of a code as printed (16 or 64 of them; case, spaces and dashes do not
    /// matter), lower-case; `None` for anything else, so a mistyped code is told apart from a
    /// code of another file.
    pub fn paper_digits(printed: &str) -> Option<String> {
        let digits: String = printed
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '-')
            .flat_map(char::to_lowercase)
            .collect();
        let hex = digits.bytes().all(|b| b.is_ascii_hexdigit());
        (hex && (digits.len() == 16 || digits.len() == 64)).then_some(digits)
    }
}

/// What the signed minutes state, as the minutes code covers it (docs/bundle-format.md
/// §Minutes code): the tally and outcomes as the public summary writes them, so the summary
/// alone can recompute it. `tally` may be either view: the written answers of an item that does
/// not publish them are never encoded (and a public summary has none to encode).
pub(super) struct Stated<'a> {
    pub(super) poll: &'a Poll,
    pub(super) fingerprint: BoxFingerprint,
    pub(super) electorate: &'a Electorate,
    pub(super) minutes: &'a Minutes,
    pub(super) tally: &'a TallyDto,
    pub(super) outcomes: &'a [OutcomeDto],
}

pub(super) fn minutes_code(stated: Stated<'_>) -> MinutesCode {
    MinutesCode::from_bytes(minutes_code_encoding(stated).sha256())
}

/// The canonical encoding the minutes code is SHA-256 of.
pub(super) fn minutes_code_encoding(
    Stated {
        poll,
        fingerprint,
        electorate,
        minutes,
        tally,
        outcomes,
    }: Stated<'_>,
) -> Encoder {
    let mut e = Encoder::tagged(MINUTES_CODE_TAG);
    e.raw(poll.hash().as_bytes());
    e.raw(fingerprint.as_bytes());
    e.u64(electorate.total());
    e.opt(electorate.present(), |e, p| e.u64(p));
    e.str(minutes.place());
    e.str(minutes.time());
    e.str(minutes.closed_at());
    e.str(minutes.chair());
    e.str(minutes.secretary());
    for list in [minutes.board(), minutes.witnesses()] {
        e.len(list.len());
        for name in list {
            e.str(name);
        }
    }
    e.str(minutes.logic_and_accuracy_test());
    e.str(minutes.complaints());
    e.u64(minutes.wrong_pins());
    e.u64(tally.ballots);
    e.u64(tally.blank_ballots);
    e.len(tally.items.len());
    for (published, item) in poll
        .items()
        .iter()
        .map(|i| i.publishes_written_answers())
        .zip(&tally.items)
    {
        e.str(&item.item);
        e.u64(item.blank);
        e.len(item.options.len());
        for o in &item.options {
            e.str(&o.option);
            e.u64(o.count);
        }
        let written: &[String] = if published { &item.free_text } else { &[] };
        e.len(written.len());
        for t in written {
            e.str(t);
        }
        e.opt(item.mean.as_ref(), |e, m| {
            e.i128(m.sum);
            e.u64(m.count);
        });
    }
    e.len(outcomes.len());
    for o in outcomes {
        e.str(&o.item);
        e.str(&o.result);
        e.u64(o.count);
        e.u64(o.of);
        e.opt(o.option.as_deref(), |e, s| e.str(s));
        e.str(&o.sentence_vi);
        e.str(&o.sentence_en);
    }
    // A trailer only for forms, so that the codes of every meeting's minutes stay as they were.
    if electorate.method() == Method::HouseholdForms {
        e.str(Method::HOUSEHOLD_FORMS);
    }
    // And one only when the tablet counted the ballots it issued, for the same reason.
    if let Some(n) = minutes.issued() {
        e.str(ISSUED_TRAILER);
        e.u64(n);
    }
    e
}

/// Tags the count of ballots issued in the minutes code's encoding (after the forms trailer).
const ISSUED_TRAILER: &str = "ballots_issued";
