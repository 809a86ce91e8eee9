//! `phieu import-xlsform FORM.xlsx -o POLL.json`: an XLSForm survey (the form Kobo and ODK users
//! already have) into a phieu poll of kind `survey`, with `phieu_xlsform::import`, the same code
//! the office page runs (docs/xlsform.md). Every problem is printed to stderr, gathered by cause
//! with its sheet, rows and column as Excel shows them, and the command exits 1 without writing
//! anything; what phieu left out on purpose (ODK's automatic `start`/`end` fields, a closing
//! note) and its warnings are listed on stdout beside the poll it wrote. `--json` prints one
//! object on stdout instead, every message in both languages, for portals and scripts.

use phieu_core::Lang;
use phieu_xlsform::{group_problems, group_skipped, import, Group, ImportOptions};
use serde::Serialize;
use std::io::Write;

use crate::args::ImportXlsformArgs;
use crate::error::CliError;
use crate::status::Status;
use crate::words::{import_words, Said};

/// What `--json` prints (docs/cli.md §import-xlsform).
#[derive(Debug, Serialize)]
struct Report {
    ok: bool,
    form: String,
    /// The poll written (only when `ok`).
    #[serde(skip_serializing_if = "Option::is_none")]
    out: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    poll_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    poll_hash: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    questions: Option<usize>,
    /// What stops the import, gathered by cause (empty when `ok`).
    problems: Vec<Finding>,
    /// What was left out on purpose, and the warnings.
    notices: Vec<Finding>,
}

/// One cause, with its place and rows.
#[derive(Debug, Serialize)]
struct Finding {
    /// The kind's name, such as `MissingLabel` (docs/xlsform.md §Problems).
    kind: String,
    /// The sheet; empty for the whole file.
    sheet: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    column: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    header: Option<String>,
    /// Rows as Excel numbers them; empty for a whole sheet or column.
    rows: Vec<u32>,
    /// The whole line, place and reason, in every language (`"vi"`, `"en"`…).
    #[serde(flatten)]
    said: Said,
}

fn finding(g: &Group) -> Finding {
    Finding {
        kind: g.kind().to_owned(),
        sheet: g.at().sheet_name().to_owned(),
        column: g.at().column_ref().map(|c| c.letter().to_owned()),
        header: g.at().column_ref().map(|c| c.header().to_owned()),
        rows: g.rows().to_vec(),
        said: Said::new(|l| g.message(l)),
    }
}

pub fn run(args: &ImportXlsformArgs, lang: Lang, out: &mut dyn Write) -> Result<Status, CliError> {
    run_with(args, lang, out, &mut std::io::stderr().lock())
}

/// As [`run`], writing the problems to `err`.
pub fn run_with(
    args: &ImportXlsformArgs,
    lang: Lang,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<Status, CliError> {
    let bytes = std::fs::read(&args.form).map_err(|source| CliError::Read {
        path: args.form.clone(),
        source,
    })?;
    let options = ImportOptions {
        commune: args.commune.clone(),
        village: args.village.clone(),
        file_stem: args
            .form
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default(),
    };
    let stdout_err = |source| CliError::Write {
        path: "-".into(),
        source,
    };
    let form = args.form.display();
    let w = import_words(lang);
    let mut report = Report {
        ok: false,
        form: form.to_string(),
        out: None,
        poll_id: None,
        poll_hash: None,
        questions: None,
        problems: Vec::new(),
        notices: Vec::new(),
    };
    let json = |report: &Report, out: &mut dyn Write| -> Result<(), CliError> {
        let text = serde_json::to_string_pretty(report).map_err(|e| CliError::Write {
            path: "-".into(),
            source: std::io::Error::other(e),
        })?;
        writeln!(out, "{text}").map_err(stdout_err)
    };
    let imported = match import(&bytes, &options) {
        Ok(i) => i,
        Err(problems) => {
            let groups = group_problems(&problems);
            if args.json {
                report.problems = groups.iter().map(finding).collect();
                json(&report, out)?;
                return Ok(Status::Bad);
            }
            let n = groups.len();
            let head = if n == 1 {
                w.problems_one(&form, n)
            } else {
                w.problems(&form, n)
            };
            let mut text = format!("phieu: {head}");
            for g in &groups {
                text.push_str(&format!("\n  - {}", g.message(lang)));
            }
            writeln!(err, "{text}").map_err(stdout_err)?;
            return Ok(Status::Bad);
        }
    };
    let notices = group_skipped(imported.skipped());
    let Some(poll) = imported.poll() else {
        // A form without Vietnamese labels (issue 23, item 6): a poll needs them, and the command
        // writes only a poll. The office page imports it into the designer to write them.
        let said: Vec<&Group> = notices
            .iter()
            .filter(|g| g.kind() == "NoVietnamese")
            .collect();
        if args.json {
            report.problems = said.iter().map(|g| finding(g)).collect();
            json(&report, out)?;
            return Ok(Status::Bad);
        }
        let mut text = format!("phieu: {form}:");
        for g in &said {
            text.push_str(&format!("\n  - {}", g.message(lang)));
        }
        text.push('\n');
        text.push_str(w.no_poll_written);
        writeln!(err, "{text}").map_err(stdout_err)?;
        return Ok(Status::Bad);
    };
    std::fs::write(&args.out, poll.to_json()).map_err(|source| CliError::Write {
        path: args.out.clone(),
        source,
    })?;
    let (n, id, path) = (poll.items().len(), poll.id(), args.out.display());
    if args.json {
        report.ok = true;
        report.out = Some(path.to_string());
        report.poll_id = Some(id.to_owned());
        report.poll_hash = Some(poll.hash().to_hex());
        report.questions = Some(n);
        report.notices = notices.iter().map(finding).collect();
        json(&report, out)?;
        return Ok(Status::Good);
    }
    let questions = if n == 1 {
        w.questions_one(n)
    } else {
        w.questions(n)
    };
    let mut text = w.imported(&form, &path, id, questions);
    if !notices.is_empty() {
        text.push('\n');
        text.push_str(w.left_out);
        for g in &notices {
            text.push_str(&format!("\n  - {}", g.message(lang)));
        }
    }
    writeln!(out, "{text}").map_err(stdout_err)?;
    Ok(Status::Good)
}
