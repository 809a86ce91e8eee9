//! `phieu collect`: serve until Ctrl-C, or do one of its subcommands (`token add|list|revoke`,
//! `quarantine`) on the database and exit.

use std::io::Write;

use phieu_core::Lang;

use crate::args::{CollectAction, CollectArgs, TokenAction};
use crate::collector::Collector;
use crate::config::{database_url, redacted, Config};
use crate::error::CollectError;
use crate::store::{BoxState, LogEntry, Store};
use crate::tokens::Tokens;
use crate::words::command_words;

/// `phieu collect`: serves until Ctrl-C, or runs the subcommand given.
pub fn run(args: &CollectArgs, lang: Lang, out: &mut dyn Write) -> Result<(), CollectError> {
    if let Some(action) = &args.action {
        return run_action(args, action, lang, out);
    }
    let config = Config::from_args(args)?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(CollectError::Serve)?;
    let database = redacted(&config.database);
    let no_tokens = config.tokens.is_empty();
    let legacy: Vec<String> = config
        .tokens
        .iter()
        .filter(|t| t.legacy)
        .map(|t| t.name.clone())
        .collect();
    runtime.block_on(async {
        let collector = Collector::start(config).await?;
        let url = collector.url();
        let mut say = |line: String| {
            let _ = writeln!(out, "{line}");
        };
        let w = command_words(lang);
        say(w.listening(url, &database));
        if no_tokens {
            say(w.no_tokens.to_owned());
        }
        for name in &legacy {
            say(w.token_without_commune(format!("{name:?}")));
        }
        let _ = out.flush();
        let _ = tokio::signal::ctrl_c().await;
        collector.stop().await
    })
}

/// `phieu collect token …` and `phieu collect quarantine …`: one change to the database (or
/// one line printed), then exit.
fn run_action(
    args: &CollectArgs,
    action: &CollectAction,
    lang: Lang,
    out: &mut dyn Write,
) -> Result<(), CollectError> {
    let url = database_url(&args.database);
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(CollectError::Serve)?;
    runtime.block_on(async {
        let store = Store::open(&url)
            .await
            .map_err(|error| CollectError::Database {
                url: redacted(&url),
                error,
            })?;
        let db = |error| CollectError::Database {
            url: redacted(&url),
            error,
        };
        let mut say = |line: String| {
            let _ = writeln!(out, "{line}");
        };
        let done = match action {
            CollectAction::Token(TokenAction::Add(a)) => {
                if store.revoked(&a.name).await.map_err(db)? {
                    return Err(CollectError::RevokedName(a.name.clone()));
                }
                let mut line = format!(
                    "{}={};role={};commune={}",
                    a.name,
                    fresh_secret().map_err(CollectError::Serve)?,
                    a.roles.join(","),
                    a.commune
                );
                if !a.villages.is_empty() {
                    line.push_str(&format!(";villages={}", a.villages.join("|")));
                }
                // The line is checked as the collector will read it.
                Tokens::parse(std::slice::from_ref(&line), None)?;
                if let Some(path) = &args.tokens_file {
                    std::fs::OpenOptions::new()
                        .create(true)
                        .append(true)
                        .open(path)
                        .and_then(|mut f| writeln!(f, "{line}"))
                        .map_err(|source| CollectError::Write {
                            path: path.clone(),
                            source,
                        })?;
                }
                say(line);
                Ok(())
            }
            CollectAction::Token(TokenAction::List) => {
                let tokens = Tokens::parse(&args.tokens, args.tokens_file.as_deref())?;
                for t in tokens.iter() {
                    let revoked = store.revoked(&t.name).await.map_err(db)?;
                    let roles: Vec<&str> = t.roles.iter().map(|r| r.word()).collect();
                    say(format!(
                        "{}\t{}\t{}\t{}",
                        t.name,
                        roles.join(","),
                        t.scope.describe(),
                        if revoked {
                            command_words(lang).revoked_state
                        } else {
                            command_words(lang).active_state
                        }
                    ));
                }
                Ok(())
            }
            CollectAction::Token(TokenAction::Revoke(a)) => {
                store
                    .log(&LogEntry {
                        at: unix_now(),
                        action: "revoke".to_owned(),
                        subject: a.name.clone(),
                        actor: a.by.clone(),
                        reason: a.reason.clone(),
                        generation: 0,
                    })
                    .await
                    .map_err(db)?;
                say(command_words(lang).revoked(format!("{:?}", a.name)));
                Ok(())
            }
            CollectAction::Quarantine(a) => {
                let fp = a.fingerprint.trim().to_ascii_lowercase();
                match store.box_of(&fp).await.map_err(db)? {
                    None => return Err(CollectError::NoSuchBox(fp)),
                    Some((_, BoxState::Quarantined)) => {}
                    Some(_) => store
                        .quarantine(&LogEntry {
                            at: unix_now(),
                            action: "quarantine".to_owned(),
                            subject: fp.clone(),
                            actor: a.by.clone(),
                            reason: a.reason.clone(),
                            generation: 0,
                        })
                        .await
                        .map_err(db)?,
                }
                say(command_words(lang).quarantined(&fp));
                Ok(())
            }
        };
        store.close().await;
        done
    })
}

/// 24 random bytes from the operating system, as 48 hex digits.
fn fresh_secret() -> std::io::Result<String> {
    use std::io::Read;
    let mut bytes = [0u8; 24];
    std::fs::File::open("/dev/urandom")?.read_exact(&mut bytes)?;
    Ok(bytes.iter().map(|b| format!("{b:02x}")).collect())
}

fn unix_now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
}
