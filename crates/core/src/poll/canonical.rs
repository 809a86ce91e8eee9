//! The canonical encoding of a checked poll, the bytes its hash is computed over
//! (docs/bundle-format.md §Poll hash): every field in a fixed order, lengths before lists, so the
//! hash does not depend on JSON key order or whitespace; what later versions of the format added
//! is appended only when present, so older polls keep their hash.

use super::*;
use crate::encoding::{Encoder, POLL_TAG};

/// The canonical encoding of a poll (docs/bundle-format.md §Poll hash).
pub(super) fn encode(poll: &Poll) -> Encoder {
    fn text(e: &mut Encoder, t: &Text) {
        e.str(t.vi());
        e.opt(t.en(), |e, s| e.str(s));
    }
    fn choices(e: &mut Encoder, options: &[Choice]) {
        e.len(options.len());
        for c in options {
            e.str(&c.id);
            text(e, &c.label);
            e.bool(c.free_text);
            e.opt(c.value, |e, v| e.i64(v));
        }
    }
    fn condition(e: &mut Encoder, c: &Condition) {
        e.str(&c.item);
        e.len(c.any_of.len());
        for o in &c.any_of {
            e.str(o);
        }
    }
    fn combined(e: &mut Encoder, c: &ShowIf) {
        match c {
            ShowIf::When(c) => {
                e.byte(0);
                condition(e, c);
            }
            ShowIf::All(parts) | ShowIf::Any(parts) => {
                e.byte(if matches!(c, ShowIf::All(_)) { 1 } else { 2 });
                e.len(parts.len());
                parts.iter().for_each(|p| combined(e, p));
            }
        }
    }
    let mut e = Encoder::tagged(POLL_TAG);
    e.str(&poll.id);
    e.str(poll.kind.name());
    text(&mut e, &poll.title);
    e.opt(poll.subject.as_ref(), text);
    e.str(&poll.place.commune);
    e.str(&poll.place.village);
    e.str(poll.rule.preset.name());
    e.opt(poll.rule.target.as_ref(), |e, t| {
        e.str(&t.item);
        e.len(t.options.len());
        for o in &t.options {
            e.str(o);
        }
        e.u64(t.numerator);
        e.u64(t.denominator);
    });
    e.len(poll.items.len());
    for item in &poll.items {
        e.str(&item.id);
        e.str(item.kind.name());
        e.bool(item.required);
        text(&mut e, &item.label);
        e.opt(item.person.as_ref(), |e, p| {
            e.str(&p.name);
            e.opt(p.position.as_ref(), text);
        });
        // A combined show_if is hashed in the trailer, so one condition keeps its old bytes.
        e.opt(
            item.show_if.as_ref().and_then(ShowIf::as_condition),
            condition,
        );
        match &item.kind {
            ItemKind::Single { options } | ItemKind::Scale { options } => choices(&mut e, options),
            ItemKind::Multiple { options, min, max } => {
                choices(&mut e, options);
                e.u64(*min);
                e.u64(*max);
            }
            ItemKind::Number { min, max } => {
                e.i64(*min);
                e.i64(*max);
            }
            ItemKind::Text { max_len } => e.u64(*max_len),
        }
    }
    // What version 1 of the format did not have is appended only when present, each behind its
    // name, so every poll written before keeps its hash (docs/bundle-format.md §Poll hash).
    if let Some(matter) = poll.rule.matter {
        e.str("matter");
        e.str(matter.name());
    }
    if let Some(t) = poll
        .rule
        .target
        .as_ref()
        .filter(|t| t.of != TargetBase::Electorate)
    {
        e.str("target_of");
        e.str(t.of.name());
    }
    let default = publishes_by_default(poll.kind);
    let overrides: Vec<(usize, bool)> = poll
        .items
        .iter()
        .enumerate()
        .filter(|(_, i)| i.publish != default)
        .map(|(n, i)| (n, i.publish))
        .collect();
    if !overrides.is_empty() {
        e.str("publish");
        e.len(overrides.len());
        for (n, publish) in overrides {
            e.u64(n as u64);
            e.bool(publish);
        }
    }
    let combinations: Vec<(usize, &ShowIf)> = poll
        .items
        .iter()
        .enumerate()
        .filter_map(|(n, i)| i.show_if.as_ref().map(|c| (n, c)))
        .filter(|(_, c)| c.as_condition().is_none())
        .collect();
    if !combinations.is_empty() {
        e.str("show_if");
        e.len(combinations.len());
        for (n, c) in combinations {
            e.u64(n as u64);
            combined(&mut e, c);
        }
    }
    // Texts in other languages than Vietnamese and English: for every text, in the order
    // above, its translations by tag (sorted by tag); only when the poll has any.
    let texts = poll.texts();
    if texts.iter().any(|t| !t.others().is_empty()) {
        e.str("languages");
        for t in texts {
            e.len(t.others().len());
            for (tag, s) in t.others() {
                e.str(tag.as_str());
                e.str(s);
            }
        }
    }
    e
}
