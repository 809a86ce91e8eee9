//! What the signed minutes state, as the minutes code covers it, and the canonical encoding the
//! code is the SHA-256 of (docs/bundle-format.md §Minutes code).

use crate::ballot_box::BoxFingerprint;
use crate::counted::Counted;
use crate::encoding::{Encoder, BOX_COUNTED_TAG, MINUTES_CODE_TAG};
use crate::minutes::Minutes;
use crate::poll::Poll;
use crate::rule::{Electorate, Method};

use super::dto::{OutcomeDto, TallyDto};
use super::minutes_code::MinutesCode;

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
    // And one only when some items were voted by hands or on paper (issue 19): how each was
    // voted and the paper ballots' figures, which the tally alone does not say.
    if !minutes.counted().is_empty() {
        e.str(COUNTED_TRAILER);
        encode_counted(&mut e, minutes.counted());
    }
    e
}

/// How each item voted elsewhere was voted, and its counts, then the paper ballots' figures.
fn encode_counted(e: &mut Encoder, counted: &Counted) {
    e.len(counted.items().len());
    for c in counted.items() {
        e.str(&c.item);
        e.str(c.by.code());
        e.len(c.counts.len());
        for &n in &c.counts {
            e.u64(n);
        }
        e.u64(c.blank);
    }
    e.opt(counted.paper(), |e, p| {
        e.u64(p.issued);
        e.u64(p.returned);
        e.u64(p.invalid);
    });
}

/// The fingerprint of a bundle's box (docs/bundle-format.md §Box fingerprint): the tablet's box
/// (`BallotBox::fingerprint`) when every item was voted on it; when some were voted by hands or
/// on paper, SHA-256 over that, the meeting's place and time and the counted items, so that two
/// meetings of one poll whose tablet took no ballot (both all by hands, say) are never one box
/// to a collector, which keys boxes by their fingerprint.
pub(super) fn box_fingerprint(tablet: BoxFingerprint, minutes: &Minutes) -> BoxFingerprint {
    if minutes.counted().is_empty() {
        return tablet;
    }
    let mut e = Encoder::tagged(BOX_COUNTED_TAG);
    e.raw(tablet.as_bytes());
    e.str(minutes.place());
    e.str(minutes.time());
    encode_counted(&mut e, minutes.counted());
    BoxFingerprint::from_bytes(e.sha256())
}

/// Tags the items voted by hands or on paper in the minutes code's encoding (after the issued
/// trailer).
const COUNTED_TRAILER: &str = "counted";

/// Tags the count of ballots issued in the minutes code's encoding (after the forms trailer).
const ISSUED_TRAILER: &str = "ballots_issued";
