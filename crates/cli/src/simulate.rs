//! `phieu simulate POLL --ballots FILE --total N [--present N] --out OUT`: makes an audit bundle
//! from a poll and a list of ballots without the browser, for portals' test suites and load
//! tests. Each ballot gets a fresh 16-byte salt from the operating system's random source, as
//! the app draws its salts from `crypto.getRandomValues`: a simulated bundle is as hard to open
//! from its public summary as a real one. What it writes verifies with `phieu verify`.

use std::io::Write;
use std::path::PathBuf;

use phieu_core::{
    answers_from_json, AuditBundle, Ballot, BallotBox, Electorate, Lang, Minutes, Poll, Salt,
};

use crate::args::SimulateArgs;
use crate::error::CliError;
use crate::status::Status;

fn read(path: &PathBuf) -> Result<String, CliError> {
    std::fs::read_to_string(path).map_err(|source| CliError::Read {
        path: path.clone(),
        source,
    })
}

fn usage(path: &std::path::Path, vi: String, en: String) -> CliError {
    CliError::Usage {
        vi: format!("{}: {vi}", path.display()),
        en: format!("{}: {en}", path.display()),
    }
}

pub fn run(args: &SimulateArgs, lang: Lang, out: &mut dyn Write) -> Result<Status, CliError> {
    let poll = Poll::from_json(&read(&args.poll)?)
        .map_err(|e| usage(&args.poll, e.message(Lang::Vi), e.message(Lang::En)))?;
    let lists = answers_from_json(&read(&args.ballots)?)
        .map_err(|e| usage(&args.ballots, e.message(Lang::Vi), e.message(Lang::En)))?;
    let electorate = Electorate::new(args.total, args.present)
        .map_err(|e| usage(&args.poll, e.message(Lang::Vi), e.message(Lang::En)))?;
    let mut the_box = BallotBox::new(poll.clone());
    for (i, answers) in lists.into_iter().enumerate() {
        let mut salt = [0u8; 16];
        getrandom::fill(&mut salt).map_err(|e| CliError::Usage {
            vi: format!("không lấy được số ngẫu nhiên từ hệ điều hành: {e}"),
            en: format!("the operating system's random source failed: {e}"),
        })?;
        let ballot = Ballot::new(&poll, answers, Salt::from_bytes(salt)).map_err(|e| {
            usage(
                &args.ballots,
                format!("phiếu {i}: {}", e.message(Lang::Vi)),
                format!("ballot {i}: {}", e.message(Lang::En)),
            )
        })?;
        // Fresh random salts make two equal ballots distinct: a cast cannot collide.
        the_box.cast(ballot).map_err(|e| {
            usage(
                &args.ballots,
                format!("phiếu {i}: {}", e.message(Lang::Vi)),
                format!("ballot {i}: {}", e.message(Lang::En)),
            )
        })?;
    }
    let minutes = Minutes::new(
        args.place.clone(),
        args.time.clone(),
        vec![],
        vec![],
        String::new(),
    )
    .map_err(|e| usage(&args.poll, e.message(Lang::Vi), e.message(Lang::En)))?;
    let bundle = AuditBundle::new(the_box, electorate, minutes)
        .map_err(|e| usage(&args.ballots, e.message(Lang::Vi), e.message(Lang::En)))?;
    std::fs::write(&args.out, bundle.to_json()).map_err(|source| CliError::Write {
        path: args.out.clone(),
        source,
    })?;
    let n = bundle.tally().ballots();
    let (fp, code) = (bundle.fingerprint().short(), bundle.minutes_code().short());
    let line = lang.pick(
        format!(
            "{}: {n} phiếu, mã kiểm tra hòm phiếu {fp}, mã biên bản {code}",
            args.out.display()
        ),
        format!(
            "{}: {n} ballots, box check code {fp}, minutes code {code}",
            args.out.display()
        ),
    );
    writeln!(out, "{line}").map_err(|source| CliError::Write {
        path: "-".into(),
        source,
    })?;
    Ok(Status::Good)
}
