//! `phieu inspect FILE`: what a verified bundle says, for a person: the poll, the electorate
//! (the denominator), the ballots, each item's counts with their share **of the total
//! electorate** (domain brief, "the denominator"), the outcomes with the sentence that cites the
//! article applied, and the box fingerprint in its short (read aloud) and full forms.

use std::io::Write;

use phieu_core::{Lang, Poll, PollKind, Preset};

use crate::args::InspectArgs;
use crate::error::CliError;
use crate::load::{self, Verified};
use crate::{tr, Status};

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
    match (poll.kind(), poll.rule().preset()) {
        (PollKind::ConfidenceRating | PollKind::ConfidenceVote, _) => {
            tr(lang, "đại biểu", "delegates")
        }
        (_, Preset::Conference) => tr(lang, "người được triệu tập", "people convened"),
        (PollKind::Survey, _) => tr(lang, "người được hỏi", "people asked"),
        _ => tr(lang, "hộ", "households"),
    }
}

fn write(v: &Verified, lang: Lang, out: &mut dyn Write) -> std::io::Result<()> {
    let poll = v.poll();
    let e = v.electorate();
    let t = v.tally();
    let unit = electorate_unit(poll, lang);
    let kind = tr(lang, "Loại tệp", "File");
    let kind_name = match v {
        Verified::Audit(_) => tr(
            lang,
            "tệp kiểm tra (đã kiểm lại)",
            "audit bundle (verified)",
        ),
        Verified::Summary(_) => tr(
            lang,
            "bản tóm tắt công khai (đã kiểm những gì kiểm được khi không có nội dung phiếu)",
            "public summary (verified as far as it can be without the openings)",
        ),
    };
    writeln!(out, "{kind}: {kind_name}")?;
    writeln!(
        out,
        "{}: {}",
        tr(lang, "Cuộc lấy ý kiến", "Poll"),
        poll.title().get(lang)
    )?;
    if let Some(subject) = poll.subject() {
        writeln!(
            out,
            "{}: {}",
            tr(lang, "Về việc", "Subject"),
            subject.get(lang)
        )?;
    }
    writeln!(
        out,
        "{}: {}, {}",
        tr(lang, "Nơi", "Place"),
        poll.place().village(),
        poll.place().commune()
    )?;
    writeln!(
        out,
        "{}: {} · {}: {}",
        tr(lang, "Loại", "Kind"),
        poll.kind().name(),
        tr(lang, "Quy tắc", "Rule"),
        poll.rule().preset().name()
    )?;
    writeln!(out, "poll_hash: {}", poll.hash().to_hex())?;
    writeln!(
        out,
        "{}: {} {unit}{}",
        tr(lang, "Tổng số (mẫu số)", "Electorate (denominator)"),
        e.total(),
        match e.present() {
            Some(p) => format!(" · {} {p}", tr(lang, "có mặt", "present")),
            None => String::new(),
        }
    )?;
    writeln!(
        out,
        "{}: {} ({} {}, {} {})",
        tr(lang, "Số phiếu", "Ballots"),
        t.ballots(),
        tr(lang, "có ý kiến", "with answers"),
        t.valid_ballots(),
        tr(lang, "phiếu trắng", "blank"),
        t.blank_ballots()
    )?;
    writeln!(
        out,
        "{}",
        match lang {
            Lang::Vi => format!(
                "Tỷ lệ tính trên tổng số {} {unit}, không phải trên số phiếu.",
                e.total()
            ),
            Lang::En => format!(
                "Shares are of all {} {unit}, not of the ballots cast.",
                e.total()
            ),
        }
    )?;
    for (i, (item, it)) in poll.items().iter().zip(t.items()).enumerate() {
        writeln!(out)?;
        let who = item
            .person()
            .map(|p| format!(" — {}", p.name()))
            .unwrap_or_default();
        writeln!(
            out,
            "{} {} ({}){who}: {}",
            tr(lang, "Câu", "Item"),
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
        for (choice, n) in item.kind().options().iter().zip(it.counts()) {
            let label = choice.label().get(lang);
            let pad = width.saturating_sub(label.chars().count());
            writeln!(
                out,
                "  {label}{:pad$}  {n:>6}  {:>7}",
                "",
                e.share(*n).percent(lang)
            )?;
        }
        // Skipped by the poll's logic apart from left blank (issue 22, item 6).
        for (why, n) in it.unanswered(item) {
            writeln!(out, "  {}: {n}", why.label(lang))?;
        }
        if let Some(mean) = it.mean() {
            writeln!(
                out,
                "  {} {} ({} {})",
                tr(lang, "Trung bình:", "Mean:"),
                mean.display(lang),
                mean.count(),
                tr(lang, "câu trả lời", "answers")
            )?;
        }
        let texts: Vec<&str> = it.free_texts().collect();
        if !texts.is_empty() {
            writeln!(
                out,
                "  {} ({}):",
                tr(lang, "Ý kiến ghi thêm", "Written answers"),
                texts.len()
            )?;
            for text in texts {
                writeln!(out, "    · {text}")?;
            }
        }
    }
    writeln!(out)?;
    if v.outcomes().is_empty() {
        writeln!(
            out,
            "{}",
            tr(
                lang,
                "Kết quả: không có quyết định (khảo sát ý kiến).",
                "Outcome: nothing to decide (an opinion survey)."
            )
        )?;
    } else {
        writeln!(out, "{}", tr(lang, "Kết quả:", "Outcome:"))?;
        for o in v.outcomes() {
            writeln!(out, "  {}: {}", o.item(), o.sentence(lang))?;
        }
    }
    writeln!(out)?;
    writeln!(
        out,
        "{}: {}",
        tr(lang, "Mã kiểm tra hòm phiếu", "Box check code"),
        v.fingerprint().short()
    )?;
    writeln!(out, "  {}", v.fingerprint().to_hex())?;
    writeln!(
        out,
        "{}: {} ({})",
        tr(lang, "Mã biên bản (minutes code)", "Minutes code"),
        v.minutes_code().short(),
        v.minutes_code().to_hex()
    )
}
