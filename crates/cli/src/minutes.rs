//! `phieu minutes FILE [--html]`: the counting minutes (Biên bản kiểm phiếu, D59 form 02) of a
//! verified bundle: the national heading; the commune People's Committee and the village; the
//! subject; time and place; the counting board and the two witnesses (D59 3.5c); the total
//! electorate (the denominator), those present; ballots issued, returned, valid and blank; per
//! item and option the count and its share **of the total electorate**; the outcome under the
//! rule with the article it applies; the box fingerprint; the three copies; and a signature line
//! for every board member and both witnesses.
//!
//! On the tablet every voter is issued exactly one ballot and casts it, so "issued" and
//! "returned" are both the number of ballots in the box. The minutes are laid out once as
//! [`Block`]s and rendered as plain text or as printable HTML.

use std::io::Write;

use phieu_core::Lang;

use crate::args::MinutesArgs;
use crate::error::CliError;
use crate::inspect::electorate_unit;
use crate::load::{self, Verified};
use crate::{tr, Status};

pub fn run(args: &MinutesArgs, lang: Lang, out: &mut dyn Write) -> Result<Status, CliError> {
    let verified = load::load(&args.file)?;
    let blocks = blocks(&verified, lang);
    let text = if args.html {
        html(&blocks, lang)
    } else {
        text(&blocks)
    };
    out.write_all(text.as_bytes())
        .map_err(|source| CliError::Write {
            path: "-".into(),
            source,
        })?;
    Ok(Status::Good)
}

/// One piece of the minutes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// Centred, bold.
    Heading(Vec<String>),
    Title(String),
    Line(String),
    /// A label and numbered names.
    List(String, Vec<String>),
    /// Rows of (label, count, share).
    Table(String, Vec<(String, String, String)>),
    /// (role, name) pairs, each given a line to sign on.
    Signatures(Vec<(String, String)>),
}

/// The minutes of `v` in `lang` (the legal record is the Vietnamese one).
pub fn blocks(v: &Verified, lang: Lang) -> Vec<Block> {
    let poll = v.poll();
    let m = v.minutes();
    let e = v.electorate();
    let t = v.tally();
    let unit = electorate_unit(poll, lang);
    let dash = || "—".to_owned();
    let or_dash = |s: &str| if s.is_empty() { dash() } else { s.to_owned() };
    let mut b = vec![
        Block::Heading(vec![
            tr(
                lang,
                "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                "SOCIALIST REPUBLIC OF VIETNAM",
            )
            .into(),
            tr(
                lang,
                "Độc lập - Tự do - Hạnh phúc",
                "Independence - Freedom - Happiness",
            )
            .into(),
        ]),
        Block::Line(format!(
            "{} {}",
            tr(lang, "ỦY BAN NHÂN DÂN", "PEOPLE'S COMMITTEE OF"),
            poll.place().commune().to_uppercase()
        )),
        Block::Line(poll.place().village().to_uppercase()),
        Block::Title(tr(lang, "BIÊN BẢN KIỂM PHIẾU", "COUNTING MINUTES").into()),
        Block::Line(format!(
            "{} {}",
            tr(lang, "về việc", "on"),
            poll.subject().unwrap_or(poll.title()).get(lang)
        )),
        Block::Line(format!(
            "{}: {}",
            tr(lang, "Thời gian", "Time"),
            or_dash(m.time())
        )),
        Block::Line(format!(
            "{}: {}",
            tr(lang, "Địa điểm", "Place"),
            or_dash(m.place())
        )),
        Block::List(
            tr(lang, "Ban kiểm phiếu gồm", "Counting board").into(),
            m.board().to_vec(),
        ),
        Block::List(
            tr(
                lang,
                "Người chứng kiến việc kiểm phiếu",
                "Witnesses of the count",
            )
            .into(),
            m.witnesses().to_vec(),
        ),
        Block::Line(format!(
            "{} ({unit}): {}",
            tr(lang, "Tổng số cử tri", "Total electorate"),
            e.total()
        )),
        Block::Line(format!(
            "{}: {}",
            tr(lang, "Số có mặt", "Present"),
            e.present().map_or_else(dash, |p| p.to_string())
        )),
        Block::Line(format!(
            "{}: {} · {}: {} · {}: {} · {}: {}",
            tr(lang, "Số phiếu phát ra", "Ballots issued"),
            t.ballots(),
            tr(lang, "thu vào", "returned"),
            t.ballots(),
            tr(lang, "hợp lệ", "valid"),
            t.valid_ballots(),
            tr(lang, "không hợp lệ/phiếu trắng", "invalid/blank"),
            t.blank_ballots()
        )),
    ];
    if !m.logic_and_accuracy_test().is_empty() {
        b.push(Block::Line(format!(
            "{}: {}",
            tr(
                lang,
                "Chạy thử trước khi bỏ phiếu",
                "Test run before voting"
            ),
            m.logic_and_accuracy_test()
        )));
    }
    for (i, (item, it)) in poll.items().iter().zip(t.items()).enumerate() {
        let who = item
            .person()
            .map(|p| format!(" — {}", p.name()))
            .unwrap_or_default();
        let mut rows: Vec<(String, String, String)> = item
            .kind()
            .options()
            .iter()
            .zip(it.counts())
            .map(|(c, n)| {
                (
                    c.label().get(lang).to_owned(),
                    n.to_string(),
                    e.share(*n).percent(lang),
                )
            })
            .collect();
        rows.push((
            tr(lang, "Để trống", "Blank").into(),
            it.blank().to_string(),
            e.share(it.blank()).percent(lang),
        ));
        if let Some(mean) = it.mean() {
            rows.push((
                tr(lang, "Trung bình", "Mean").into(),
                mean.display(lang),
                String::new(),
            ));
        }
        b.push(Block::Table(
            format!(
                "{} {}{who}: {}",
                tr(lang, "Câu", "Item"),
                i + 1,
                item.label().get(lang)
            ),
            rows,
        ));
        let texts: Vec<String> = it.free_texts().map(str::to_owned).collect();
        if !texts.is_empty() {
            b.push(Block::List(
                tr(lang, "Ý kiến khác", "Other opinions").into(),
                texts,
            ));
        }
    }
    b.push(Block::Line(format!(
        "{} {}.",
        tr(lang, "Tỷ lệ tính trên tổng số", "Shares are of all"),
        unit
    )));
    if v.outcomes().is_empty() {
        b.push(Block::Line(
            tr(
                lang,
                "Kết quả: khảo sát ý kiến, không có quyết định.",
                "Outcome: an opinion survey, nothing to decide.",
            )
            .into(),
        ));
    }
    for o in v.outcomes() {
        b.push(Block::Line(format!(
            "{} ({}): {}",
            tr(lang, "Kết quả", "Outcome"),
            o.item(),
            o.sentence(lang)
        )));
    }
    b.push(Block::Line(format!(
        "{}: {} ({})",
        tr(lang, "Mã kiểm tra hòm phiếu", "Box check code"),
        v.fingerprint().short(),
        v.fingerprint().to_hex()
    )));
    for (label, value) in [
        (tr(lang, "Chủ trì", "Chaired by"), m.chair()),
        (tr(lang, "Thư ký", "Secretary"), m.secretary()),
        (
            tr(lang, "Kết thúc kiểm phiếu lúc", "Count ended at"),
            m.closed_at(),
        ),
        (
            tr(
                lang,
                "Khiếu nại, tố cáo (nếu có)",
                "Complaints raised (if any)",
            ),
            m.complaints(),
        ),
    ] {
        if !value.is_empty() {
            b.push(Block::Line(format!("{label}: {value}")));
        }
    }
    b.push(Block::Line(format!(
        "{}: {}",
        tr(
            lang,
            "Số lần nhập sai mã PIN của cán bộ trong cuộc họp",
            "Wrong tries of the officer's PIN during the meeting"
        ),
        m.wrong_pins()
    )));
    b.push(Block::Line(
        tr(
            lang,
            "Biên bản được lập thành 03 bản: 01 bản gửi Ủy ban nhân dân xã, 01 bản gửi Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam xã, 01 bản lưu tại thôn, tổ dân phố.",
            "Made in 3 copies: one for the commune People's Committee, one for the standing committee of the commune Fatherland Front, one for the village archive.",
        )
        .into(),
    ));
    let mut signatures: Vec<(String, String)> = m
        .board()
        .iter()
        .enumerate()
        .map(|(i, n)| {
            let role = if i == 0 {
                tr(lang, "Trưởng Ban kiểm phiếu", "Head of the counting board")
            } else {
                tr(lang, "Thành viên Ban kiểm phiếu", "Counting board member")
            };
            (role.to_owned(), n.clone())
        })
        .collect();
    signatures.extend(m.witnesses().iter().map(|n| {
        (
            tr(lang, "Người chứng kiến", "Witness").to_owned(),
            n.clone(),
        )
    }));
    if signatures.is_empty() {
        // A meeting without a recorded board still signs: leave blank lines to fill in by hand.
        for _ in 0..3 {
            signatures.push((
                tr(lang, "Thành viên Ban kiểm phiếu", "Counting board member").into(),
                String::new(),
            ));
        }
        for _ in 0..2 {
            signatures.push((
                tr(lang, "Người chứng kiến", "Witness").into(),
                String::new(),
            ));
        }
    }
    b.push(Block::Signatures(signatures));
    // The code a paper copy is checked against (docs/bundle-format.md §Minutes code), beside the
    // signatures on every copy: it covers everything above.
    b.push(Block::Line(format!(
        "{}: {}",
        tr(
            lang,
            "Mã biên bản (đối chiếu tệp với biên bản giấy: phieu verify --paper)",
            "Minutes code (to check a file against this paper: phieu verify --paper)"
        ),
        v.minutes_code().short()
    )));
    b
}

/// Plain text, 80 columns where the content allows.
pub fn text(blocks: &[Block]) -> String {
    let mut s = String::new();
    let centre = |s: &mut String, line: &str| {
        let pad = 80usize.saturating_sub(line.chars().count()) / 2;
        s.push_str(&" ".repeat(pad));
        s.push_str(line);
        s.push('\n');
    };
    for b in blocks {
        match b {
            Block::Heading(lines) => {
                for l in lines {
                    centre(&mut s, l);
                }
                s.push('\n');
            }
            Block::Title(t) => {
                s.push('\n');
                centre(&mut s, t);
            }
            Block::Line(l) => {
                s.push_str(l);
                s.push('\n');
            }
            Block::List(label, names) => {
                s.push_str(label);
                s.push(':');
                if names.is_empty() {
                    s.push_str(" —");
                }
                s.push('\n');
                for (i, n) in names.iter().enumerate() {
                    s.push_str(&format!("  {}. {n}\n", i + 1));
                }
            }
            Block::Table(label, rows) => {
                s.push('\n');
                s.push_str(label);
                s.push('\n');
                let w = rows.iter().map(|r| r.0.chars().count()).max().unwrap_or(0);
                for (l, n, p) in rows {
                    let pad = w - l.chars().count();
                    let row = format!("  {l}{:pad$}  {n:>6}  {p:>7}", "");
                    s.push_str(row.trim_end());
                    s.push('\n');
                }
                s.push('\n');
            }
            Block::Signatures(sigs) => {
                s.push('\n');
                for (role, name) in sigs {
                    s.push_str(&format!(
                        "{role}: {name}\n    ({}) ..................................\n",
                        if name.is_empty() {
                            "ký, ghi rõ họ tên / sign, full name"
                        } else {
                            "ký / sign"
                        }
                    ));
                }
            }
        }
    }
    s
}

/// A standalone printable HTML page.
pub fn html(blocks: &[Block], lang: Lang) -> String {
    let mut s = format!(
        "<!doctype html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n<style>\nbody {{ font-family: \"Times New Roman\", serif; font-size: 14pt; max-width: 50em; margin: 2em auto; }}\n.heading, h1 {{ text-align: center; }}\n.heading {{ font-weight: bold; }}\nh1 {{ font-size: 16pt; margin-bottom: 0; }}\ntable {{ border-collapse: collapse; margin: 0.5em 0 1em; }}\ntd {{ border: 1px solid #000; padding: 0.2em 0.6em; }}\ntd.n {{ text-align: right; }}\n.signatures {{ display: grid; grid-template-columns: 1fr 1fr; gap: 2em; margin-top: 2em; }}\n.signature {{ text-align: center; min-height: 7em; }}\n</style>\n</head>\n<body>\n",
        lang.code(),
        esc(tr(lang, "Biên bản kiểm phiếu", "Counting minutes"))
    );
    for b in blocks {
        match b {
            Block::Heading(lines) => {
                s.push_str("<p class=\"heading\">");
                s.push_str(
                    &lines
                        .iter()
                        .map(|l| esc(l))
                        .collect::<Vec<_>>()
                        .join("<br>"),
                );
                s.push_str("</p>\n");
            }
            Block::Title(t) => s.push_str(&format!("<h1>{}</h1>\n", esc(t))),
            Block::Line(l) => s.push_str(&format!("<p>{}</p>\n", esc(l))),
            Block::List(label, names) => {
                s.push_str(&format!("<p>{}:", esc(label)));
                if names.is_empty() {
                    s.push_str(" —</p>\n");
                    continue;
                }
                s.push_str("</p>\n<ol>\n");
                for n in names {
                    s.push_str(&format!("<li>{}</li>\n", esc(n)));
                }
                s.push_str("</ol>\n");
            }
            Block::Table(label, rows) => {
                s.push_str(&format!("<p><b>{}</b></p>\n<table>\n", esc(label)));
                for (l, n, p) in rows {
                    s.push_str(&format!(
                        "<tr><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td></tr>\n",
                        esc(l),
                        esc(n),
                        esc(p)
                    ));
                }
                s.push_str("</table>\n");
            }
            Block::Signatures(sigs) => {
                s.push_str("<div class=\"signatures\">\n");
                for (role, name) in sigs {
                    s.push_str(&format!(
                        "<div class=\"signature\"><b>{}</b><br><i>({})</i><br><br><br><br>{}</div>\n",
                        esc(role),
                        esc(tr(lang, "ký, ghi rõ họ tên", "signature, full name")),
                        esc(name)
                    ));
                }
                s.push_str("</div>\n");
            }
        }
    }
    s.push_str("</body>\n</html>\n");
    s
}

/// Escapes text for HTML element content and attribute values.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}
