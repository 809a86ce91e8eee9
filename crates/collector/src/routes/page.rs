//! `GET /`: a small page listing the boxes received, whether each counts, and the log; every
//! piece of text from a poll or a token escaped (`phieu_core::html::escape`).

use std::collections::BTreeMap;

use axum::extract::State;
use axum::response::{Html, IntoResponse, Response};
use phieu_core::html::escape as esc;

use super::answer::internal;
use super::state::Shared;
use crate::store::BoxState;

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
    let mut h = String::from(
        "<!doctype html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\">\n<title>phieu collect</title>\n<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}td,th{border:1px solid #999;padding:.3em .6em;text-align:left}td.n{text-align:right}code{font-size:.9em}</style>\n</head>\n<body>\n<h1>Hòm phiếu đã nhận <small>/ Boxes received</small></h1>\n",
    );
    h.push_str(&format!(
        "<p>{} hòm phiếu / boxes · <a href=\"/villages\">/villages</a>. Một hòm phiếu chỉ được tính khi đã xác nhận bằng mã trên biên bản giấy đã ký / A box counts only once confirmed with the code on its signed paper minutes.</p>\n",
        rows.len()
    ));
    h.push_str("<table>\n<tr><th>Xã / Commune</th><th>Thôn / Village</th><th>Cuộc lấy ý kiến / Poll</th><th>Mã kiểm tra hòm phiếu / Fingerprint</th><th>Phiếu / Ballots</th><th>Cổng / Portal</th><th>Trạng thái / State</th><th>Kết quả / Tally</th></tr>\n");
    for r in &rows {
        let short = phieu_core::BoxFingerprint::from_hex(&r.fingerprint)
            .map(|f| f.short())
            .unwrap_or_default();
        let state = match states.get(&r.fingerprint) {
            Some(BoxState::Confirmed) => "đã xác nhận, được tính / confirmed, counted",
            Some(BoxState::Quarantined) => "đã cách ly, không tính / quarantined, not counted",
            _ => "đã nhận, chưa xác nhận / received, not confirmed",
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
    h.push_str("</table>\n<h2>Nhật ký <small>/ Log</small></h2>\n<table>\n<tr><th>Lúc / At (UTC s)</th><th>Việc / Action</th><th>Đối tượng / Subject</th><th>Người làm / By</th><th>Lý do / Reason</th></tr>\n");
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
