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
            lang.pick("đại biểu", "delegates")
        }
        (_, Preset::Conference) => lang.pick("người được triệu tập", "people convened"),
        (PollKind::Survey, _) => lang.pick("người được hỏi", "people asked"),
        _ => lang.pick("hộ", "households"),
    }
}

fn write(v: &Verified, lang: Lang, out: &mut dyn Write) -> std::io::Result<()> {
    let poll = v.poll();
    let e = v.electorate();
    let t = v.tally();
    let unit = electorate_unit(poll, lang);
    let kind = lang.pick("Loại tệp", "File");
    let kind_name = match v {
        Verified::Audit(_) => lang.pick("tệp kiểm tra (đã kiểm lại)", "audit bundle (verified)"),
        Verified::Summary(_) => lang.pick(
            "bản tóm tắt công khai (đã kiểm những gì kiểm được khi không có nội dung phiếu)",
            "public summary (verified as far as it can be without the openings)",
        ),
    };
    writeln!(out, "{kind}: {kind_name}")?;
    writeln!(
        out,
        "{}: {}",
        lang.pick("Cuộc lấy ý kiến", "Poll"),
        poll.title().get(lang)
    )?;
    if let Some(subject) = poll.subject() {
        writeln!(
            out,
            "{}: {}",
            lang.pick("Về việc", "Subject"),
            subject.get(lang)
        )?;
    }
    // A commune-wide poll (no village, as an XLSForm imported without --village) names the
    // commune alone, not ", Xã …".
    let place = match poll.place().village().trim() {
        "" => poll.place().commune().to_owned(),
        village => format!("{village}, {}", poll.place().commune()),
    };
    writeln!(out, "{}: {place}", lang.pick("Nơi", "Place"))?;
    writeln!(
        out,
        "{}: {} · {}: {}",
        lang.pick("Loại", "Kind"),
        poll.kind().name(),
        lang.pick("Quy tắc", "Rule"),
        poll.rule().preset().name()
    )?;
    writeln!(out, "poll_hash: {}", poll.hash().to_hex())?;
    writeln!(
        out,
        "{}: {} {unit}{}",
        lang.pick("Tổng số (mẫu số)", "Electorate (denominator)"),
        e.total(),
        match e.present() {
            Some(p) => format!(" · {} {p}", lang.pick("có mặt", "present")),
            None => String::new(),
        }
    )?;
    writeln!(
        out,
        "{}: {} ({} {}, {} {})",
        lang.pick("Số phiếu", "Ballots"),
        t.ballots(),
        lang.pick("có ý kiến", "with answers"),
        t.valid_ballots(),
        lang.pick("phiếu trắng", "blank"),
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
            lang.pick("Câu", "Item"),
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
                lang.pick("Trung bình:", "Mean:"),
                mean.display(lang),
                mean.count(),
                lang.pick("câu trả lời", "answers")
            )?;
        }
        let texts: Vec<&str> = it.free_texts().collect();
        if !texts.is_empty() {
            writeln!(
                out,
                "  {} ({}):",
                lang.pick("Ý kiến ghi thêm", "Written answers"),
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
            lang.pick(
                "Kết quả: không có quyết định (khảo sát ý kiến).",
                "Outcome: nothing to decide (an opinion survey)."
            )
        )?;
    } else {
        writeln!(out, "{}", lang.pick("Kết quả:", "Outcome:"))?;
        for o in v.outcomes() {
            writeln!(out, "  {}: {}", o.item(), o.sentence(lang))?;
        }
    }
    writeln!(out)?;
    writeln!(
        out,
        "{}: {}",
        lang.pick("Mã kiểm tra hòm phiếu", "Box check code"),
        v.fingerprint().short()
    )?;
    writeln!(out, "  {}", v.fingerprint().to_hex())?;
    writeln!(
        out,
        "{}: {} ({})",
        lang.pick("Mã biên bản (minutes code)", "Minutes code"),
        v.minutes_code().short(),
        v.minutes_code().to_hex()
    )
}
