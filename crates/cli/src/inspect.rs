//! `phieu inspect FILE`: what a verified bundle says, for a person: the poll, the electorate
//! (the denominator), the ballots, each item's counts with their share **of the total
//! electorate** (domain brief, "the denominator"), the outcomes with the sentence that cites the
//! article applied, and the box fingerprint in its short (read aloud) and full forms.

use std::io::Write;

use phieu_core::results::{item_rows, RowKind};
use phieu_core::{Lang, Poll, PollKind, Preset};

use crate::args::InspectArgs;
use crate::error::CliError;
use crate::load::{self, Verified};
use crate::status::Status;
use crate::words::inspect_words;

pub fn run(args: &InspectArgs, lang: Lang, out: &mut dyn Write) -> Result<Status, CliError> {
    let verified = load::load(&args.file)?;
    write(&verified, lang, out).map_err(|source| CliError::Write {
        path: "-".into(),
        source,
    })?;
    Ok(Status::Good)
}

/// What the electorate counts, in the poll's words: households for a village, delegates for a
/// council, people convened for a conference.
pub fn electorate_unit(poll: &Poll, lang: Lang) -> &'static str {
    let w = inspect_words(lang);
    match (poll.kind(), poll.rule().preset()) {
        (PollKind::ConfidenceRating | PollKind::ConfidenceVote, _) => w.unit_delegates,
        (_, Preset::Conference) => w.unit_convened,
        (PollKind::Survey, _) => w.unit_asked,
        _ => w.unit_households,
    }
}

fn write(v: &Verified, lang: Lang, out: &mut dyn Write) -> std::io::Result<()> {
    let poll = v.poll();
    let e = v.electorate();
    let t = v.tally();
    let w = inspect_words(lang);
    let unit = electorate_unit(poll, lang);
    let kind = w.file_kind;
    let kind_name = match v {
        Verified::Audit(_) => w.audit_bundle,
        Verified::Summary(_) => w.public_summary,
    };
    writeln!(out, "{kind}: {kind_name}")?;
    writeln!(out, "{}: {}", w.poll, poll.title().get(lang))?;
    if let Some(subject) = poll.subject() {
        writeln!(out, "{}: {}", w.subject, subject.get(lang))?;
    }
    // A commune-wide poll (no village, as an XLSForm imported without --village) names the
    // commune alone, not ", Xã …".
    let place = match poll.place().village().trim() {
        "" => poll.place().commune().to_owned(),
        village => format!("{village}, {}", poll.place().commune()),
    };
    writeln!(out, "{}: {place}", w.place)?;
    writeln!(
        out,
        "{}: {} · {}: {}",
        w.kind,
        poll.kind().name(),
        w.rule,
        poll.rule().preset().name()
    )?;
    writeln!(out, "poll_hash: {}", poll.hash().to_hex())?;
    writeln!(
        out,
        "{}: {} {unit}{}",
        w.electorate,
        e.total(),
        match e.present() {
            Some(p) => format!(" · {} {p}", w.present),
            None => String::new(),
        }
    )?;
    writeln!(
        out,
        "{}: {} ({} {}, {} {})",
        w.ballots,
        t.ballots(),
        w.with_answers,
        t.valid_ballots(),
        w.blank,
        t.blank_ballots()
    )?;
    writeln!(out, "{}", w.shares(e.total(), unit))?;
    for (i, (item, it)) in poll.items().iter().zip(t.items()).enumerate() {
        writeln!(out)?;
        let who = item
            .person()
            .map(|p| format!(" — {}", p.name()))
            .unwrap_or_default();
        writeln!(
            out,
            "{} {} ({}){who}: {}",
            w.item,
            i + 1,
            item.id(),
            item.label().get(lang)
        )?;
        let width = item
            .kind()
            .options()
            .iter()
            .map(|c| c.label().get(lang).chars().count())
            .max()
            .unwrap_or(0);
        // The core's rows (`results::item_rows`): the options, padded to one column, then
        // skipped by the poll's logic apart from left blank (issue 22, item 6); a number's or a
        // text's answers are told by their mean and their written answers below.
        for row in item_rows(item, it) {
            let (label, n) = (row.label(lang), row.count());
            match row.kind() {
                RowKind::Choice(_) => {
                    let pad = width.saturating_sub(label.chars().count());
                    writeln!(
                        out,
                        "  {label}{:pad$}  {n:>6}  {:>7}",
                        "",
                        row.share(e).percent(lang)
                    )?;
                }
                RowKind::Unanswered(_) => writeln!(out, "  {label}: {n}")?,
                RowKind::Answered => {}
            }
        }
        if let Some(mean) = it.mean() {
            writeln!(
                out,
                "  {} {} ({} {})",
                w.mean,
                mean.display(lang),
                mean.count(),
                w.answers
            )?;
        }
        let texts: Vec<&str> = it.free_texts().collect();
        if !texts.is_empty() {
            writeln!(out, "  {} ({}):", w.written_answers, texts.len())?;
            for text in texts {
                writeln!(out, "    · {text}")?;
            }
        }
    }
    writeln!(out)?;
    if v.outcomes().is_empty() {
        writeln!(out, "{}", w.nothing_to_decide)?;
    } else {
        writeln!(out, "{}", w.outcome)?;
        for o in v.outcomes() {
            writeln!(out, "  {}: {}", o.item(), o.sentence(lang))?;
        }
    }
    writeln!(out)?;
    writeln!(out, "{}: {}", w.box_check_code, v.fingerprint().short())?;
    writeln!(out, "  {}", v.fingerprint().to_hex())?;
    writeln!(
        out,
        "{}: {} ({})",
        w.minutes_code,
        v.minutes_code().short(),
        v.minutes_code().to_hex()
    )
}
