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
use crate::words::{command_words, Said};

fn read(path: &PathBuf) -> Result<String, CliError> {
    std::fs::read_to_string(path).map_err(|source| CliError::Read {
        path: path.clone(),
        source,
    })
}

/// A usage error about the file `path`: `why` in each language, after the file's name.
fn usage(path: &std::path::Path, why: impl Fn(Lang) -> String) -> CliError {
    CliError::Usage(Said::new(|l| format!("{}: {}", path.display(), why(l))))
}

pub fn run(args: &SimulateArgs, lang: Lang, out: &mut dyn Write) -> Result<Status, CliError> {
    let poll =
        Poll::from_json(&read(&args.poll)?).map_err(|e| usage(&args.poll, |l| e.message(l)))?;
    let lists = answers_from_json(&read(&args.ballots)?)
        .map_err(|e| usage(&args.ballots, |l| e.message(l)))?;
    let electorate = Electorate::new(args.total, args.present)
        .map_err(|e| usage(&args.poll, |l| e.message(l)))?;
    let mut the_box = BallotBox::new(poll.clone());
    for (i, answers) in lists.into_iter().enumerate() {
        let mut salt = [0u8; 16];
        getrandom::fill(&mut salt)
            .map_err(|e| CliError::Usage(Said::new(|l| command_words(l).no_random(e))))?;
        let ballot = Ballot::new(&poll, answers, Salt::from_bytes(salt))
            .map_err(|e| usage(&args.ballots, |l| command_words(l).ballot(i, e.message(l))))?;
        // Fresh random salts make two equal ballots distinct: a cast cannot collide.
        the_box
            .cast(ballot)
            .map_err(|e| usage(&args.ballots, |l| command_words(l).ballot(i, e.message(l))))?;
    }
    let minutes = Minutes::new(
        args.place.clone(),
        args.time.clone(),
        vec![],
        vec![],
        String::new(),
    )
    .map_err(|e| usage(&args.poll, |l| e.message(l)))?;
    let bundle = AuditBundle::new(the_box, electorate, minutes)
        .map_err(|e| usage(&args.ballots, |l| e.message(l)))?;
    std::fs::write(&args.out, bundle.to_json()).map_err(|source| CliError::Write {
        path: args.out.clone(),
        source,
    })?;
    let n = bundle.tally().ballots();
    let (fp, code) = (bundle.fingerprint().short(), bundle.minutes_code().short());
    let line = command_words(lang).simulated(args.out.display(), n, fp, code);
    writeln!(out, "{line}").map_err(|source| CliError::Write {
        path: "-".into(),
        source,
    })?;
    Ok(Status::Good)
}
