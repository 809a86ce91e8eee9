//! `GET /`: a small page listing the boxes received, whether each counts, and the log; every
//! piece of text from a poll or a token escaped (`phieu_core::html::escape`).

use std::collections::BTreeMap;

use axum::extract::State;
use axum::response::{Html, IntoResponse, Response};
use phieu_core::html::escape as esc;

use super::answer::internal;
use super::state::Shared;
use crate::store::BoxState;
use crate::words::{page_words, PageWords, Said};

/// `GET /`: a small page listing the boxes received, whether each counts, and the log.
pub async fn index(State(s): State<Shared>) -> Response {
    let (rows, states, log) = match (
        s.store.boxes().await,
        s.store.states().await,
        s.store.whole_log().await,
    ) {
        (Ok(r), Ok(st), Ok(l)) => (r, st.into_iter().collect::<BTreeMap<_, _>>(), l),
        (Err(e), _, _) | (_, Err(e), _) | (_, _, Err(e)) => return internal(&e),
    };
    // One page for every reader: each text in every language, «Xã / Commune».
    let all = |word: fn(&'static PageWords) -> &'static str| {
        Said::new(|l| word(page_words(l))).joined(" / ")
    };
    let heading = |word: fn(&'static PageWords) -> &'static str| {
        let said = Said::new(|l| word(page_words(l)));
        let (first, rest) = said.split_first();
        format!("{first} <small>/ {}</small>", rest.join(" / "))
    };
    let mut h = format!(
        "<!doctype html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n<title>phieu collect</title>\n<style>body{{font-family:sans-serif;margin:2em}}table{{border-collapse:collapse}}td,th{{border:1px solid #999;padding:.3em .6em;text-align:left}}td.n{{text-align:right}}code{{font-size:.9em}}</style>\n</head>\n<body>\n<h1>{}</h1>\n",
        heading(|w| w.boxes_received)
    );
    h.push_str(&format!(
        "<p>{} {} · <a href=\"/villages\">/villages</a>. {}.</p>\n",
        rows.len(),
        all(|w| w.boxes),
        all(|w| w.counts_once_confirmed)
    ));
    h.push_str("<table>\n<tr>");
    let columns: [fn(&'static PageWords) -> &'static str; 8] = [
        |w| w.commune,
        |w| w.village,
        |w| w.poll,
        |w| w.fingerprint,
        |w| w.ballots,
        |w| w.portal,
        |w| w.state,
        |w| w.tally,
    ];
    for column in columns {
        h.push_str(&format!("<th>{}</th>", all(column)));
    }
    h.push_str("</tr>\n");
    for r in &rows {
        let short = phieu_core::BoxFingerprint::from_hex(&r.fingerprint)
            .map(|f| f.short())
            .unwrap_or_default();
        let state = match states.get(&r.fingerprint) {
            Some(BoxState::Confirmed) => all(|w| w.confirmed),
            Some(BoxState::Quarantined) => all(|w| w.quarantined),
            _ => all(|w| w.received),
        };
        // The public summary only: the bundle with its openings is for auditors.
        h.push_str(&format!(
            "<tr><td>{}</td><td>{}</td><td>{}</td><td><a href=\"/bundles/{}/summary\"><code>{}</code></a></td><td class=\"n\">{}</td><td>{}</td><td>{}</td><td><a href=\"/polls/{}/tally\">tally</a></td></tr>\n",
            esc(&r.commune),
            esc(&r.village),
            esc(&r.title),
            esc(&r.fingerprint),
            esc(&short),
            r.ballots,
            esc(&r.portal),
            state,
            esc(&r.poll_hash),
        ));
    }
    h.push_str(&format!(
        "</table>\n<h2>{}</h2>\n<table>\n<tr><th>{} (UTC s)</th>",
        heading(|w| w.log),
        all(|w| w.at)
    ));
    let columns: [fn(&'static PageWords) -> &'static str; 4] =
        [|w| w.action, |w| w.subject, |w| w.by, |w| w.reason];
    for column in columns {
        h.push_str(&format!("<th>{}</th>", all(column)));
    }
    h.push_str("</tr>\n");
    for e in &log {
        h.push_str(&format!(
            "<tr><td class=\"n\">{}</td><td>{}</td><td><code>{}</code></td><td>{}</td><td>{}</td></tr>\n",
            e.at,
            esc(&e.action),
            esc(&e.subject),
            esc(&e.actor),
            esc(&e.reason),
        ));
    }
    h.push_str("</table>\n</body>\n</html>\n");
    Html(h).into_response()
}
