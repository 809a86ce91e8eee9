//! The auditor's verify page, offline: choose or drop an audit bundle (and optionally a public
//! summary) and see, in plain words, whether every commitment, the fingerprint, the tally and the
//! minutes code check out; with the code printed on the paper minutes typed in, whether this is
//! the file whose minutes were signed (the one check a self-consistent forgery cannot pass); the
//! codes to compare with the paper; and the minutes regenerated from the bundle. Anything that
//! does not check out is named exactly, with the core's `Discrepancy` messages (which ballot,
//! which count, claimed and recounted).

use std::rc::Rc;

use phieu_core::{
    AuditBundle, Discrepancy, Lang, MinutesCode, PublicSummary, Receipt, VerifyError,
};
use yew::prelude::*;

use crate::components::file_pick::FilePick;

use crate::components::code_panel::CodePanel;
use crate::components::receipt_check::ReceiptCheck;
use crate::edge::file_input::{self, FileError, PickedFile, MAX_BYTES};
use crate::edge::form::input_value;
use crate::effects;
use crate::i18n::results::{strings, Strings};
use crate::pages::results::Results;

#[derive(Properties, PartialEq)]
pub struct VerifyProps {
    pub lang: Lang,
}

/// Which file a pick fills.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Slot {
    Bundle,
    Summary,
    /// Dropped: decided by the file's `format`.
    Auto,
}

/// One file as far as it got.
#[derive(Clone, Debug, PartialEq)]
enum Loaded<T> {
    Empty,
    Reading(String),
    Unreadable(FileError),
    Checked {
        name: String,
        result: Result<Rc<T>, VerifyError>,
    },
}

#[derive(Clone, Debug, PartialEq)]
struct VerifyState {
    bundle: Loaded<AuditBundle>,
    summary: Loaded<PublicSummary>,
}

enum VerifyAction {
    Reading(Slot, String),
    Read(Slot, String, Result<String, FileError>),
}

/// Whether a text is a public summary (its `format` comes first, docs/bundle-format.md).
fn is_summary(text: &str) -> bool {
    text.get(..80)
        .unwrap_or(text)
        .contains("\"format\": \"phieu/public-summary\"")
}

impl Reducible for VerifyState {
    type Action = VerifyAction;

    fn reduce(self: Rc<Self>, action: VerifyAction) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            VerifyAction::Reading(Slot::Summary, name) => next.summary = Loaded::Reading(name),
            VerifyAction::Reading(_, name) => next.bundle = Loaded::Reading(name),
            VerifyAction::Read(slot, _, Err(error)) => match slot {
                Slot::Summary => next.summary = Loaded::Unreadable(error),
                _ => next.bundle = Loaded::Unreadable(error),
            },
            VerifyAction::Read(slot, name, Ok(text)) => {
                if slot == Slot::Summary || (slot == Slot::Auto && is_summary(&text)) {
                    let result = PublicSummary::verify(&text).map(Rc::new);
                    next.summary = Loaded::Checked { name, result };
                } else {
                    let result = AuditBundle::verify(&text).map(Rc::new);
                    next.bundle = Loaded::Checked { name, result };
                }
            }
        }
        Rc::new(next)
    }
}

/// A check's result.
enum Status {
    Ok,
    Failed(Vec<String>),
    NotRun,
}

struct Check {
    label: String,
    status: Status,
}

/// The four checks of an audit bundle, with each discrepancy under the check it belongs to.
fn bundle_checks(
    name: &str,
    result: &Result<Rc<AuditBundle>, VerifyError>,
    t: &Strings,
    lang: Lang,
) -> Vec<Check> {
    let labels = [
        format!("«{name}»: {}", t.check_file),
        match result {
            Ok(b) => format!(
                "{} ({} {})",
                t.check_commitments,
                b.tally().ballots(),
                t.ballots_unit
            ),
            Err(_) => t.check_commitments.to_owned(),
        },
        t.check_fingerprint.to_owned(),
        t.check_tally.to_owned(),
        t.check_seal.to_owned(),
    ];
    let mut found: [Vec<String>; 5] = Default::default();
    let parsed = match result {
        Ok(_) => true,
        Err(VerifyError::Parse(e)) => {
            // A sentence without the field path (issue 22); the path is for `phieu --json`.
            found[0].push(e.plain_message(lang));
            false
        }
        Err(VerifyError::Mismatch(list)) => {
            for d in list {
                let slot = match d {
                    Discrepancy::PollHash { .. }
                    | Discrepancy::InvalidBallot { .. }
                    | Discrepancy::Commitment { .. }
                    | Discrepancy::Order { .. } => 1,
                    Discrepancy::Fingerprint { .. } => 2,
                    Discrepancy::Count { .. } | Discrepancy::Electorate(_) => 3,
                    Discrepancy::MinutesCode { .. } | Discrepancy::Issued { .. } => 4,
                };
                found[slot].push(d.plain_message(lang));
            }
            true
        }
    };
    labels
        .into_iter()
        .zip(found)
        .enumerate()
        .map(|(i, (label, messages))| Check {
            label,
            status: if !messages.is_empty() {
                Status::Failed(messages)
            } else if i > 0 && !parsed {
                Status::NotRun
            } else {
                Status::Ok
            },
        })
        .collect()
}

fn summary_check(
    name: &str,
    result: &Result<Rc<PublicSummary>, VerifyError>,
    bundle: Option<&AuditBundle>,
    t: &Strings,
    lang: Lang,
) -> Check {
    let label = format!(
        "«{name}»: {}",
        if bundle.is_some() {
            t.check_summary
        } else {
            t.check_summary_alone
        }
    );
    let status = match (result, bundle) {
        (Err(e), _) => Status::Failed(e.plain_message(lang).lines().map(String::from).collect()),
        (Ok(summary), Some(bundle)) => {
            let found = summary.verify_against(bundle);
            if found.is_empty() {
                Status::Ok
            } else {
                Status::Failed(found.iter().map(|d| d.plain_message(lang)).collect())
            }
        }
        (Ok(_), None) => Status::Ok,
    };
    Check { label, status }
}

/// Whether the verified file is the one whose paper minutes carry `printed` (docs/bundle-format.md
/// §Minutes code); `None` when nothing was typed.
fn paper_check(printed: &str, code: MinutesCode, t: &Strings) -> Option<Check> {
    if printed.trim().is_empty() {
        return None;
    }
    let status = match MinutesCode::paper_digits(printed) {
        None => Status::Failed(vec![t.paper_code_malformed.to_owned()]),
        Some(_) if code.matches_paper(printed) => Status::Ok,
        Some(_) => Status::Failed(vec![t.paper_code_differs(
            code.short(),
            MinutesCode::as_printed(printed).unwrap_or_default(),
        )]),
    };
    Some(Check {
        label: t.check_paper.to_owned(),
        status,
    })
}

fn view_check(check: &Check, t: &Strings) -> Html {
    let (class, mark, word) = match &check.status {
        Status::Ok => ("check ok", "✓", t.check_ok),
        Status::Failed(_) => ("check bad", "✗", t.check_failed),
        Status::NotRun => ("check not-run", "–", t.check_not_run),
    };
    html! {
        <li class={class}>
            <span class="check-mark" aria-hidden="true">{ mark }</span>
            <div>
                <p class="check-label"><strong>{ format!("{word}: ") }</strong>{ check.label.clone() }</p>
                if let Status::Failed(messages) = &check.status {
                    <ul class="discrepancies">{ for messages.iter().map(|m| html! { <li>{ m.clone() }</li> }) }</ul>
                }
            </div>
        </li>
    }
}

#[function_component(Verify)]
pub fn verify(props: &VerifyProps) -> Html {
    let lang = props.lang;
    let t = strings(lang);
    let state = use_reducer(|| VerifyState {
        bundle: Loaded::Empty,
        summary: Loaded::Empty,
    });

    let read = {
        let dispatch = state.dispatcher();
        move |slot: Slot, files: Vec<PickedFile>| {
            for file in files {
                let dispatch = dispatch.clone();
                dispatch.dispatch(VerifyAction::Reading(slot, file.name.clone()));
                let done = Callback::from(move |(name, text)| {
                    dispatch.dispatch(VerifyAction::Read(slot, name, text))
                });
                effects::office::read_text(file, MAX_BYTES, done);
            }
        }
    };
    let on_bundle = {
        let read = read.clone();
        Callback::from(move |e: Event| read(Slot::Bundle, file_input::picked(&e)))
    };
    let on_summary = {
        let read = read.clone();
        Callback::from(move |e: Event| read(Slot::Summary, file_input::picked(&e)))
    };
    let ondrop = Callback::from(move |e: DragEvent| read(Slot::Auto, file_input::dropped(&e)));
    let paper = use_state(String::new);
    let on_paper = {
        let paper = paper.clone();
        Callback::from(move |e: InputEvent| paper.set(input_value(&e)))
    };
    let ondragover = Callback::from(|e: DragEvent| file_input::allow_drop(&e));

    let mut checks = Vec::new();
    let mut problems = Vec::new();
    let mut reading = None;
    let mut verified_bundle = None;
    match &state.bundle {
        Loaded::Empty => {}
        Loaded::Reading(name) => reading = Some(name.clone()),
        Loaded::Unreadable(e) => problems.push(e.message(lang)),
        Loaded::Checked { name, result } => {
            checks.extend(bundle_checks(name, result, t, lang));
            verified_bundle = result.as_ref().ok().cloned();
        }
    }
    let mut verified_summary = None;
    match &state.summary {
        Loaded::Empty => {}
        Loaded::Reading(name) => reading = Some(name.clone()),
        Loaded::Unreadable(e) => problems.push(e.message(lang)),
        Loaded::Checked { name, result } => {
            checks.push(summary_check(
                name,
                result,
                verified_bundle.as_deref(),
                t,
                lang,
            ));
            verified_summary = result.as_ref().ok().cloned();
        }
    }
    let code = verified_bundle
        .as_ref()
        .map(|b| b.minutes_code())
        .or_else(|| verified_summary.as_ref().map(|s| s.minutes_code()));
    if let Some(check) = code.and_then(|code| paper_check(&paper, code, t)) {
        checks.push(check);
    }
    let all_ok = checks.iter().all(|c| matches!(c.status, Status::Ok));

    html! {
        <div class="verify">
            <section class="screen-only" aria-labelledby="verify-heading">
                <h1 id="verify-heading">{ t.verify_heading }</h1>
                <p>{ t.verify_intro }</p>
                <div class="dropzone" {ondrop} {ondragover}>
                    <p class="dropzone-hint" aria-hidden="true">{ t.drop_here }</p>
                    <div class="file-field">
                        <label for="bundle-file">{ t.bundle_file }</label>
                        <FilePick {lang} id="bundle-file" accept=".json,application/json" onchange={on_bundle} />
                    </div>
                    <div class="file-field">
                        <label for="summary-file">{ t.summary_file }</label>
                        <FilePick {lang} id="summary-file" accept=".json,application/json" onchange={on_summary} />
                    </div>
                </div>
                <div class="field">
                    <label for="paper-code">{ t.paper_code_label }</label>
                    <p class="hint" id="paper-code-hint">{ t.paper_code_hint }</p>
                    <input id="paper-code" type="text" class="mono" autocomplete="off" spellcheck="false"
                           aria-describedby="paper-code-hint" value={(*paper).clone()} oninput={on_paper} />
                </div>
                if let Some(name) = reading {
                    <p class="status" role="status">{ format!("{} «{name}»", t.reading) }</p>
                }
                if !problems.is_empty() {
                    <div class="error" role="alert">
                        { for problems.iter().map(|p| html! { <p>{ p.clone() }</p> }) }
                    </div>
                }
                if !checks.is_empty() {
                    <section class={classes!("verdict-panel", if all_ok { "ok" } else { "bad" })}
                             aria-labelledby="verdict">
                        <h2 id="verdict" role={(!all_ok).then_some("alert")}>
                            { if all_ok { format!("✓ {}", t.all_ok) } else { format!("✗ {}", t.not_ok) } }
                        </h2>
                        <ul class="checks">{ for checks.iter().map(|c| view_check(c, t)) }</ul>
                    </section>
                }
            </section>
            if let Some(bundle) = verified_bundle {
                <section class="screen-only">
                    <h2>{ t.compare_with_paper }</h2>
                    <CodePanel short={bundle.minutes_code().short()} full={bundle.minutes_code().to_hex()}
                               testid="minutes-code-short" heading={t.minutes_code_heading}
                               full_label={t.fingerprint_full} qr=true />
                    <CodePanel short={bundle.fingerprint().short()} full={bundle.fingerprint().to_hex()}
                               testid="fingerprint-short" heading={t.fingerprint_heading}
                               full_label={t.fingerprint_full} qr=true />
                    <h2>{ t.regenerated }</h2>
                </section>
                <Results {lang} {bundle} />
            } else if let Some(summary) = verified_summary {
                <section class="screen-only">
                    <h2>{ t.compare_with_paper }</h2>
                    <CodePanel short={summary.minutes_code().short()} full={summary.minutes_code().to_hex()}
                               testid="minutes-code-short" heading={t.minutes_code_heading}
                               full_label={t.fingerprint_full} qr=true />
                    <CodePanel short={summary.fingerprint().short()} full={summary.fingerprint().to_hex()}
                               testid="fingerprint-short" heading={t.fingerprint_heading}
                               full_label={t.fingerprint_full} qr=true />
                </section>
                <ReceiptCheck {lang} contains={Callback::from(move |r: Receipt| summary.contains_receipt(&r))} />
            }
        </div>
    }
}
