//! `phieu minutes FILE [--html]`: the counting minutes of a verified bundle, as the core lays
//! them out for the kind of poll (`phieu_core::minutes::layout`: D59 Mẫu 02 for a village
//! meeting, Mẫu 04 for forms handed to every household, a People's Council's confidence rating
//! or vote, a staff conference, a survey), rendered here as plain text or as a printable HTML
//! page. The text prints one copy and names every recipient; the HTML page holds one copy per
//! recipient, each marked with it, as the app's print page does.

use std::io::Write;

use phieu_core::html::escape as esc;
use phieu_core::minutes::layout::{minutes_layout, Block, Layout, Record, DOTS};
use phieu_core::Lang;

use crate::args::MinutesArgs;
use crate::error::CliError;
use crate::load::{self, Verified};
use crate::status::Status;
use crate::words::minutes_words;

pub fn run(args: &MinutesArgs, lang: Lang, out: &mut dyn Write) -> Result<Status, CliError> {
    let verified = load::load(&args.file)?;
    let layout = layout(&verified, lang);
    let text = if args.html {
        html(&layout, lang)
    } else {
        text(&layout, lang)
    };
    out.write_all(text.as_bytes())
        .map_err(|source| CliError::Write {
            path: "-".into(),
            source,
        })?;
    Ok(Status::Good)
}

/// The minutes of `v` in `lang` (the legal record is the Vietnamese one), laid out by the core.
pub fn layout(v: &Verified, lang: Lang) -> Layout {
    let record = match v {
        Verified::Audit(b) => Record::of_audit(b),
        Verified::Summary(s) => Record::of_summary(s),
    };
    minutes_layout(record, lang)
}

/// Plain text, 80 columns where the content allows: one copy, its recipients listed.
pub fn text(layout: &Layout, lang: Lang) -> String {
    let mut s = String::new();
    let centre = |s: &mut String, line: &str| {
        let pad = 80usize.saturating_sub(line.chars().count()) / 2;
        s.push_str(&" ".repeat(pad));
        s.push_str(line);
        s.push('\n');
    };
    for b in &layout.blocks {
        match b {
            Block::Heading { issuer, nation } => {
                for l in nation {
                    centre(&mut s, l);
                }
                s.push('\n');
                for l in issuer {
                    s.push_str(l);
                    s.push('\n');
                }
            }
            Block::Title(t) => {
                s.push('\n');
                centre(&mut s, t);
            }
            Block::Subject(l) => {
                centre(&mut s, l);
                s.push('\n');
            }
            Block::Section(l) => {
                s.push('\n');
                s.push_str(l);
                s.push('\n');
            }
            Block::Line(l) => {
                s.push_str(l);
                s.push('\n');
            }
            Block::List { label, entries } => {
                s.push_str(label);
                s.push(':');
                if entries.is_empty() {
                    s.push(' ');
                    s.push_str(DOTS);
                }
                s.push('\n');
                for (i, n) in entries.iter().enumerate() {
                    s.push_str(&format!("  {}. {n}\n", i + 1));
                }
            }
            Block::Figures(figures) => {
                for (label, value) in figures {
                    s.push_str(&format!("{label}: {value}\n"));
                }
            }
            Block::Table {
                caption,
                head,
                rows,
            } => {
                s.push('\n');
                if !caption.is_empty() {
                    s.push_str(caption);
                    s.push('\n');
                }
                let columns = head.len();
                let width = |c: usize| {
                    std::iter::once(head)
                        .chain(rows)
                        .map(|r| r.get(c).map_or(0, |x| x.chars().count()))
                        .max()
                        .unwrap_or(0)
                };
                let widths: Vec<usize> = (0..columns).map(width).collect();
                for row in std::iter::once(head).chain(rows) {
                    let mut line = String::from(" ");
                    for (c, cell) in row.iter().enumerate() {
                        let pad = widths[c] - cell.chars().count();
                        // The first column reads left to right; figures line up on the right.
                        if c == 0 {
                            line.push_str(&format!(" {cell}{:pad$}", ""));
                        } else {
                            line.push_str(&format!("  {:pad$}{cell}", ""));
                        }
                    }
                    s.push_str(line.trim_end());
                    s.push('\n');
                }
                s.push('\n');
            }
            Block::Outcome { label, sentence } => {
                s.push_str(&format!("{label}: {sentence}\n"));
            }
            Block::Code {
                label, short, full, ..
            } => {
                s.push_str(&format!("{label}: {short} ({full})\n"));
            }
            Block::Signatures(sigs) => {
                s.push_str(&format!(
                    "{}: {}\n",
                    minutes_words(lang).recipients,
                    layout.recipients.join("; ")
                ));
                s.push('\n');
                for (role, name) in sigs {
                    s.push_str(&format!(
                        "{role}: {name}\n    ({}) ..................................\n",
                        if name.is_empty() {
                            minutes_words(lang).sign_full_name
                        } else {
                            minutes_words(lang).sign
                        }
                    ));
                }
                s.push('\n');
            }
        }
    }
    s
}

/// A standalone printable HTML page: one copy per recipient, each on its own page.
pub fn html(layout: &Layout, lang: Lang) -> String {
    let mut s = format!(
        "<!doctype html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n<style>\nbody {{ font-family: \"Times New Roman\", serif; font-size: 14pt; max-width: 50em; margin: 2em auto; }}\n.heading {{ display: flex; justify-content: space-between; text-align: center; font-weight: bold; }}\nh1, .subject {{ text-align: center; }}\nh1 {{ font-size: 16pt; margin-bottom: 0; }}\nh2 {{ font-size: 14pt; }}\n.copy {{ break-after: page; }}\n.copy:last-child {{ break-after: auto; }}\n.copy-mark {{ text-align: right; font-style: italic; }}\ntable {{ border-collapse: collapse; margin: 0.5em 0 1em; }}\ntd, th {{ border: 1px solid #000; padding: 0.2em 0.6em; }}\ntd.n {{ text-align: right; }}\n.signatures {{ display: grid; grid-template-columns: 1fr 1fr; gap: 2em; margin-top: 2em; }}\n.signature {{ text-align: center; min-height: 7em; }}\n</style>\n</head>\n<body>\n",
        lang.code(),
        esc(minutes_words(lang).title)
    );
    let copies = layout.recipients.len();
    for (n, recipient) in layout.recipients.iter().enumerate() {
        s.push_str(&format!(
            "<article class=\"copy\">\n<p class=\"copy-mark\">{} {}/{copies} — {}: {}</p>\n",
            esc(minutes_words(lang).copy),
            n + 1,
            esc(minutes_words(lang).copy_for),
            esc(recipient)
        ));
        for b in &layout.blocks {
            html_block(&mut s, b, lang);
        }
        s.push_str("</article>\n");
    }
    s.push_str("</body>\n</html>\n");
    s
}

fn html_block(s: &mut String, b: &Block, lang: Lang) {
    let lines = |lines: &[String]| {
        lines
            .iter()
            .map(|l| esc(l))
            .collect::<Vec<_>>()
            .join("<br>")
    };
    match b {
        Block::Heading { issuer, nation } => s.push_str(&format!(
            "<div class=\"heading\"><p>{}</p><p>{}</p></div>\n",
            lines(issuer),
            lines(nation)
        )),
        Block::Title(t) => s.push_str(&format!("<h1>{}</h1>\n", esc(t))),
        Block::Subject(t) => s.push_str(&format!("<p class=\"subject\">{}</p>\n", esc(t))),
        Block::Section(t) => s.push_str(&format!("<h2>{}</h2>\n", esc(t))),
        Block::Line(l) => s.push_str(&format!("<p>{}</p>\n", esc(l))),
        Block::List { label, entries } => {
            s.push_str(&format!("<p>{}:", esc(label)));
            if entries.is_empty() {
                s.push_str(&format!(" {DOTS}</p>\n"));
                return;
            }
            s.push_str("</p>\n<ol>\n");
            for n in entries {
                s.push_str(&format!("<li>{}</li>\n", esc(n)));
            }
            s.push_str("</ol>\n");
        }
        Block::Figures(figures) => {
            for (label, value) in figures {
                s.push_str(&format!("<p>{}: {}</p>\n", esc(label), esc(value)));
            }
        }
        Block::Table {
            caption,
            head,
            rows,
        } => {
            if !caption.is_empty() {
                s.push_str(&format!("<p><b>{}</b></p>\n", esc(caption)));
            }
            s.push_str("<table>\n<tr>");
            for h in head {
                s.push_str(&format!("<th>{}</th>", esc(h)));
            }
            s.push_str("</tr>\n");
            for row in rows {
                s.push_str("<tr>");
                for (c, cell) in row.iter().enumerate() {
                    let class = if c == 0 { "" } else { " class=\"n\"" };
                    s.push_str(&format!("<td{class}>{}</td>", esc(cell)));
                }
                s.push_str("</tr>\n");
            }
            s.push_str("</table>\n");
        }
        Block::Outcome { label, sentence } => s.push_str(&format!(
            "<p><b>{}:</b> {}</p>\n",
            esc(label),
            esc(sentence)
        )),
        Block::Code {
            label,
            short,
            full,
            note,
            ..
        } => s.push_str(&format!(
            "<p>{}: <b>{}</b><br><small>{} · {}</small></p>\n",
            esc(label),
            esc(short),
            esc(full),
            esc(note)
        )),
        Block::Signatures(sigs) => {
            s.push_str("<div class=\"signatures\">\n");
            for (role, name) in sigs {
                s.push_str(&format!(
                    "<div class=\"signature\"><b>{}</b><br><i>({})</i><br><br><br><br>{}</div>\n",
                    esc(role),
                    esc(minutes_words(lang).signature_full_name),
                    esc(name)
                ));
            }
            s.push_str("</div>\n");
        }
    }
}
