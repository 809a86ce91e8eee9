//! `phieu verify FILE…`: recomputes each audit bundle (every commitment, the fingerprint, the
//! tally, the outcomes, the minutes code) and each public summary (what it can alone: its counts
//! add up and its outcomes follow), and checks every public summary against its audit bundle when
//! both are given. With `--paper CODE` it also says whether each file is the one whose signed
//! minutes carry that code: the only check a self-consistent forgery cannot pass. The report
//! names exactly what differs: which ballot, which count (docs/cli.md §verify).

use std::io::Write;
use std::path::{Path, PathBuf};

use phieu_core::{AuditBundle, Lang, MinutesCode, PublicSummary, VerifyError};
use serde::Serialize;

use crate::args::VerifyArgs;
use crate::error::CliError;
use crate::load::{self, Kind, Verified};
use crate::progress::Files;
use crate::status::Status;
use crate::words::{verify_words, Said};

/// The whole report, as `--json` prints it.
#[derive(Debug, Serialize)]
pub struct Report {
    pub ok: bool,
    pub files: Vec<FileReport>,
}

/// What one file showed.
#[derive(Debug, Serialize)]
pub struct FileReport {
    pub file: String,
    /// `audit-bundle` or `public-summary`.
    pub kind: &'static str,
    /// `ok`, `mismatch` or `unreadable`.
    pub status: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub poll_hash: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fingerprint: Option<String>,
    /// The minutes code this file gives (docs/bundle-format.md §Minutes code).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub minutes_code: Option<String>,
    /// With `--paper`: whether this file's minutes code is the one printed on the paper.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub matches_paper: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ballots: Option<u64>,
    /// The items voted by a show of hands or on paper (`hands`, `paper`): their counts are as
    /// the minutes state them, checked to add up but not recounted (issue 19).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub counted_elsewhere: Vec<String>,
    /// For a public summary: the audit bundle it was checked against.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub checked_against: Option<String>,
    pub problems: Vec<Problem>,
}

/// One difference, in every language (`"vi"`, `"en"`… beside `"path"` in `--json`).
#[derive(Debug, Clone, Serialize)]
pub struct Problem {
    pub path: String,
    #[serde(flatten)]
    pub said: Said,
}

impl Problem {
    fn message(&self, lang: Lang) -> &str {
        self.said.get(lang)
    }
}

pub fn run(args: &VerifyArgs, lang: Lang, out: &mut dyn Write) -> Result<Status, CliError> {
    // A mistyped code is a usage error, checked before any file is read.
    let paper = match &args.paper {
        None => None,
        Some(printed) => Some(MinutesCode::paper_digits(printed).ok_or_else(|| {
            CliError::Usage(Said::new(|l| {
                verify_words(l).bad_paper_code(format!("{printed:?}"))
            }))
        })?),
    };
    let paths: Vec<&PathBuf> = args.files.iter().chain(&args.summary).collect();
    let bar = Files::start(paths.len());
    let mut reports = Vec::with_capacity(paths.len());
    let mut audits: Vec<(usize, AuditBundle)> = Vec::new();
    let mut summaries: Vec<(usize, PublicSummary)> = Vec::new();
    let mut unreadable = None;
    for path in &paths {
        bar.file(path);
        let (report, verified) = check_file(path);
        match verified {
            Ok(Some(Verified::Audit(b))) => audits.push((reports.len(), *b)),
            Ok(Some(Verified::Summary(s))) => summaries.push((reports.len(), *s)),
            Ok(None) => {}
            Err(e) => {
                unreadable.get_or_insert(e);
            }
        }
        reports.push(report);
        bar.done_one();
    }
    bar.finish();
    for (i, summary) in &summaries {
        let Some((j, bundle)) = audit_for(summary, &audits) else {
            continue;
        };
        let against = reports[*j].file.clone();
        let report = &mut reports[*i];
        report.checked_against = Some(against);
        report
            .problems
            .extend(summary.verify_against(bundle).iter().map(|d| Problem {
                path: d.path(),
                said: Said::new(|l| d.message(l)),
            }));
        if !report.problems.is_empty() {
            report.status = "mismatch";
        }
    }
    if let Some(paper) = &paper {
        for report in reports.iter_mut().filter(|r| r.status != "unreadable") {
            check_paper(report, paper);
        }
    }
    let report = Report {
        ok: reports.iter().all(|r| r.status == "ok"),
        files: reports,
    };
    let written = if args.json {
        serde_json::to_writer_pretty(&mut *out, &report)
            .map_err(std::io::Error::from)
            .and_then(|()| writeln!(out))
    } else {
        write_text(&report, lang, out)
    };
    written.map_err(|source| CliError::Write {
        path: PathBuf::from("-"),
        source,
    })?;
    // A verified box of a million ballots is some two million allocations: freeing them takes
    // longer than writing the report. Another thread frees them, and `phieu` exits without
    // waiting for it (the process ends; the memory goes with it).
    let verified = (audits, summaries);
    std::thread::spawn(move || drop(verified));
    if let Some(e) = unreadable {
        return Err(e);
    }
    Ok(if report.ok { Status::Good } else { Status::Bad })
}

/// Compares a file's minutes code with the one printed on the paper (`--paper`): a file that
/// does not carry it is not the file whose minutes were signed, whatever else it says.
fn check_paper(report: &mut FileReport, paper: &str) {
    let Some(code) = report
        .minutes_code
        .as_deref()
        .and_then(MinutesCode::from_hex)
    else {
        // It did not verify: its own problems already say no.
        report.matches_paper = Some(false);
        return;
    };
    let matches = code.matches_paper(paper);
    report.matches_paper = Some(matches);
    if !matches {
        let short = code.short();
        let printed = MinutesCode::as_printed(paper).unwrap_or_default();
        report.status = "mismatch";
        report.problems.push(Problem {
            path: "minutes_code".into(),
            said: Said::new(|l| verify_words(l).not_the_paper(&short, &printed)),
        });
    }
}

/// Verifies one file. `Ok(None)` when it was read but did not verify; `Err` when unreadable.
fn check_file(path: &Path) -> (FileReport, Result<Option<Verified>, CliError>) {
    let mut report = FileReport {
        file: path.display().to_string(),
        kind: Kind::AuditBundle.name(),
        status: "ok",
        poll_hash: None,
        fingerprint: None,
        minutes_code: None,
        matches_paper: None,
        ballots: None,
        counted_elsewhere: Vec::new(),
        checked_against: None,
        problems: Vec::new(),
    };
    let bytes = match Contents::of(path) {
        Ok(bytes) => bytes,
        Err(source) => {
            let e = CliError::Read {
                path: path.to_owned(),
                source,
            };
            report.status = "unreadable";
            report.problems.push(Problem {
                path: String::new(),
                said: Said::new(|l| e.message(l)),
            });
            return (report, Err(e));
        }
    };
    // Bytes that are not UTF-8 are a file that says no (a bundle is UTF-8 JSON), not one that
    // cannot be read: exit 1, as for any other changed byte (the tamper suite, issue #10).
    let json = match std::str::from_utf8(&bytes) {
        Ok(json) => json,
        Err(e) => {
            let at = e.valid_up_to();
            report.status = "mismatch";
            report.problems.push(Problem {
                path: String::new(),
                said: Said::new(|l| verify_words(l).not_text(at)),
            });
            return (report, Ok(None));
        }
    };
    let spinner = crate::progress::Spinner::start(path);
    let (kind, result) = load::verify_text(json);
    spinner.finish();
    report.kind = kind.name();
    match result {
        Ok(v) => {
            report.poll_hash = Some(v.poll().hash().to_hex());
            report.fingerprint = Some(v.fingerprint().to_hex());
            report.minutes_code = Some(v.minutes_code().to_hex());
            report.ballots = Some(v.tally().ballots());
            report.counted_elsewhere = v
                .minutes()
                .counted()
                .items()
                .iter()
                .map(|c| format!("{}: {}", c.item, c.by.code()))
                .collect();
            (report, Ok(Some(v)))
        }
        Err(e) => {
            report.status = "mismatch";
            report.problems = problems(&e);
            (report, Ok(None))
        }
    }
}

/// Files at least this large are mapped rather than read.
const MAP_FROM: u64 = 8 * 1024 * 1024;

/// A file's bytes. A large one is mapped (as ripgrep maps a large file): read into fresh memory,
/// each of its pages would be zeroed by the kernel, faulted in and copied to; mapped, the pages
/// the kernel already caches are used as they are. For a bundle of 1,000,000 ballots (226 MiB)
/// those faults, the zeroing and the copy were most of the kernel's 42 % of the profile
/// (docs/performance.md, "What was done about the misses").
enum Contents {
    Read(Vec<u8>),
    Mapped(memmap2::Mmap),
}

impl Contents {
    fn of(path: &Path) -> std::io::Result<Contents> {
        let file = std::fs::File::open(path)?;
        if file.metadata()?.len() < MAP_FROM {
            let mut bytes = Vec::new();
            std::io::Read::read_to_end(&mut &file, &mut bytes)?;
            return Ok(Contents::Read(bytes));
        }
        // SAFETY: the map is private and read-only, and lives as long as `Contents`. A file
        // truncated by another process while it is verified would stop the process with
        // SIGBUS, and one rewritten meanwhile would be verified in a mix of its two versions:
        // the same caveat as ripgrep's, for files an auditor has at hand, not ones being written.
        let map = unsafe { memmap2::Mmap::map(&file)? };
        Ok(Contents::Mapped(map))
    }
}

impl std::ops::Deref for Contents {
    type Target = [u8];

    fn deref(&self) -> &[u8] {
        match self {
            Contents::Read(bytes) => bytes,
            Contents::Mapped(map) => map,
        }
    }
}

fn problems(e: &VerifyError) -> Vec<Problem> {
    match e {
        VerifyError::Parse(p) => vec![Problem {
            path: p.path(),
            said: Said::new(|l| p.message(l)),
        }],
        VerifyError::Mismatch(list) => list
            .iter()
            .map(|d| Problem {
                path: d.path(),
                said: Said::new(|l| d.message(l)),
            })
            .collect(),
    }
}

/// The audit bundle a summary should match: the one with its fingerprint, else the one of its
/// poll, else the only audit bundle given.
fn audit_for<'a>(
    summary: &PublicSummary,
    audits: &'a [(usize, AuditBundle)],
) -> Option<&'a (usize, AuditBundle)> {
    let same_poll = |a: &&(usize, AuditBundle)| a.1.poll().hash() == summary.poll().hash();
    audits
        .iter()
        .find(|a| same_poll(a) && a.1.fingerprint() == summary.fingerprint())
        .or_else(|| audits.iter().find(same_poll))
        .or(if audits.len() == 1 {
            audits.first()
        } else {
            None
        })
}

fn write_text(report: &Report, lang: Lang, out: &mut dyn Write) -> std::io::Result<()> {
    let w = verify_words(lang);
    for f in &report.files {
        if f.status == "unreadable" {
            // Printed to stderr by main, with exit code 2.
            continue;
        }
        let kind = match f.kind {
            "public-summary" => w.public_summary,
            _ => w.check_file,
        };
        if f.problems.is_empty() {
            let short = f
                .fingerprint
                .as_deref()
                .and_then(phieu_core::BoxFingerprint::from_hex)
                .map(|fp| fp.short())
                .unwrap_or_default();
            let n = f.ballots.unwrap_or(0);
            let code = f
                .minutes_code
                .as_deref()
                .and_then(MinutesCode::from_hex)
                .map(|c| c.short())
                .unwrap_or_default();
            let mut detail = match (&f.checked_against, f.kind) {
                (Some(a), _) => w.matches_check_file(a),
                (None, "public-summary") => w.checked_alone.to_owned(),
                (None, _) => w.every_ballot.to_owned(),
            };
            // Counts from a show of hands or paper ballots add up, but no file can recount
            // them: the paper is their evidence (issue 19).
            if !f.counted_elsewhere.is_empty() {
                detail.push_str(&w.counted_elsewhere(f.counted_elsewhere.len()));
            }
            let paper = match f.matches_paper {
                Some(true) => w.paper_matches,
                _ => "",
            };
            writeln!(
                out,
                "{}{detail}{paper}",
                w.verified(&f.file, kind, n, short, code)
            )?;
        } else {
            let n = f.problems.len();
            let head = if n == 1 {
                w.mismatch_one(&f.file, kind, n)
            } else {
                w.mismatch(&f.file, kind, n)
            };
            writeln!(out, "{head}")?;
            if let Some(a) = &f.checked_against {
                writeln!(out, "  {}", w.against(a))?;
            }
            for p in &f.problems {
                writeln!(out, "  - {}", p.message(lang))?;
            }
        }
    }
    let total = report.files.len();
    let good = report.files.iter().filter(|f| f.status == "ok").count();
    writeln!(out, "{}", w.result(good, total))
}
