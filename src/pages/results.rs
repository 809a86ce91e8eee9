//! Results of a closed ballot box: per item and option the count and its share of the **total
//! electorate** (never of ballots cast), blanks and invalid ballots, the outcome sentence from the
//! core (which cites the article applied), bar charts, survey means and written answers (sorted,
//! never in cast order); then the fingerprint and the minutes code, the exports, the receipt check
//! and the minutes.

use std::rc::Rc;

use phieu_core::report::{results_csv, results_csv_semicolon, BoxEntry};
use phieu_core::results::item_rows;
use phieu_core::{AuditBundle, Item, ItemKind, ItemTally, Lang, Preset, Receipt};
use yew::prelude::*;

use crate::components::bar_chart::{Bar, BarChart};
use crate::components::code_panel::CodePanel;
use crate::components::receipt_check::ReceiptCheck;
use crate::edge::download::{self, download, DownloadError};
use crate::edge::print::{print, PrintJob};
use crate::i18n::results::{electorate_words, strings};
use crate::i18n::Electors;
use crate::pages::minutes::{item_title, CountingMinutes, ReceiptList};

#[derive(Properties, PartialEq)]
pub struct ResultsProps {
    pub lang: Lang,
    pub bundle: Rc<AuditBundle>,
    /// The boxes a merged bundle came from: the minutes list every one.
    #[prop_or_default]
    pub boxes: Option<Rc<Vec<BoxEntry>>>,
    /// The audit file was saved (the meeting may then be deleted from the device).
    #[prop_or_default]
    pub on_exported: Callback<()>,
}

#[function_component(Results)]
pub fn results(props: &ResultsProps) -> Html {
    let lang = props.lang;
    let t = strings(lang);
    let bundle = &props.bundle;
    let tally = bundle.tally();
    let electorate = bundle.electorate();
    let download_error = use_state(|| None::<DownloadError>);
    // Why the Excel workbook could not be made (more ballots than a sheet has rows …).
    let xlsx_error = use_state(|| None::<phieu_xlsform::export::ExportError>);

    // Files are named after the poll and the box, so several boxes of one poll never collide.
    let stem = format!(
        "phieu-{}-{}",
        bundle.poll().id(),
        bundle.fingerprint().short()
    );
    let save =
        |suffix: &'static str, media: &'static str, make: fn(&AuditBundle, Lang) -> String| {
            let bundle = props.bundle.clone();
            let name = format!("{stem}-{suffix}");
            let download_error = download_error.clone();
            Callback::from(move |_: MouseEvent| {
                download_error.set(download(&name, media, &make(&bundle, lang)).err());
            })
        };
    // The audit file, and word that it was saved (only when the browser took it).
    let on_bundle = {
        let bundle = props.bundle.clone();
        let name = format!("{stem}-audit.json");
        let download_error = download_error.clone();
        let on_exported = props.on_exported.clone();
        Callback::from(move |_: MouseEvent| {
            let saved = download(&name, download::JSON, &bundle.to_json());
            if saved.is_ok() {
                on_exported.emit(());
            }
            download_error.set(saved.err());
        })
    };
    let on_summary = save("public.json", download::JSON, |b, _| {
        b.public_summary().to_json()
    });
    let on_csv = save("ket-qua.csv", download::CSV, results_csv);
    let on_csv_semicolon = save("ket-qua-excel-vn.csv", download::CSV, results_csv_semicolon);
    let on_xlsx = {
        let bundle = props.bundle.clone();
        let name = format!("{stem}-ket-qua.xlsx");
        let download_error = download_error.clone();
        let xlsx_error = xlsx_error.clone();
        Callback::from(move |_: MouseEvent| {
            match phieu_xlsform::export::results_xlsx(&bundle, lang) {
                Ok(bytes) => {
                    xlsx_error.set(None);
                    download_error
                        .set(download::download_bytes(&name, download::XLSX, &bytes).err());
                }
                Err(e) => xlsx_error.set(Some(e)),
            }
        })
    };
    let on_receipts = Callback::from(|_: MouseEvent| print(PrintJob::Receipts));
    let contains = {
        let bundle = props.bundle.clone();
        Callback::from(move |r: Receipt| bundle.ballot_box().contains_receipt(&r))
    };

    let named = electorate_words(Electors::of(bundle.poll()), lang);
    // A survey's results speak of opinions collected, as its minutes do (issue 22, item 6).
    let survey = Electors::of(bundle.poll()) == Electors::Asked;
    let fact =
        |label: &str, value: String| html! { <><dt>{ label.to_owned() }</dt><dd>{ value }</dd></> };
    let counted = bundle.minutes().counted();
    let pw = crate::i18n::paper::paper_words(lang);
    html! {
        <div class="results">
            <section class="screen-only" aria-labelledby="results-heading">
                <h1 id="results-heading">{ if survey { t.results_heading_survey } else { t.results_heading } }</h1>
                <p class="results-poll">{ bundle.poll().title().get(lang) }</p>
                <dl class="facts">
                    if electorate.method() == phieu_core::Method::HouseholdForms {
                        { fact(t.method, t.method_forms.to_owned()) }
                    }
                    { fact(named.total, electorate.total().to_string()) }
                    if let Some(present) = electorate.present() {
                        { fact(named.present, present.to_string()) }
                    }
                    // The tablet's ballots, unless it took none (every item by hands or on
                    // paper: issue 19); the paper ballots' figures when there were some.
                    if !counted.covers(bundle.poll()) {
                        { fact(if survey { t.forms_returned } else { t.ballots_cast }, tally.ballots().to_string()) }
                        { fact(t.ballots_valid, tally.valid_ballots().to_string()) }
                        { fact(t.ballots_blank, (tally.ballots() - tally.valid_ballots()).to_string()) }
                    }
                    if let Some(p) = counted.paper() {
                        { fact(pw.issued, p.issued.to_string()) }
                        { fact(pw.returned, p.returned.to_string()) }
                        { fact(pw.valid, p.valid().to_string()) }
                        { fact(pw.invalid_count, p.invalid.to_string()) }
                    }
                </dl>
                if bundle.outcomes().is_empty() {
                    <p class="outcome neutral">{ t.no_decision }</p>
                }
                { for bundle.poll().items().iter().zip(tally.items()).enumerate()
                    .map(|(i, (item, it))| view_item(i, item, it, bundle, lang)) }
            </section>

            <section class="screen-only" aria-labelledby="fingerprint-heading">
                <h2 id="fingerprint-heading" class="visually-hidden">{ t.fingerprint_heading }</h2>
                <CodePanel short={bundle.fingerprint().short()} full={bundle.fingerprint().to_hex()}
                           testid="fingerprint-short" heading={t.fingerprint_heading}
                           full_label={t.fingerprint_full} hint={Some(AttrValue::from(t.fingerprint_hint))} />
                <CodePanel short={bundle.minutes_code().short()} full={bundle.minutes_code().to_hex()}
                           testid="minutes-code-short" heading={t.minutes_code_heading}
                           full_label={t.fingerprint_full} hint={Some(AttrValue::from(t.minutes_code_hint))} />
                if let Some(boxes) = &props.boxes {
                    <h3>{ t.boxes_heading }</h3>
                    <table class="results-table">
                        <thead><tr><th>{ t.box_column }</th><th>{ t.fingerprint_heading }</th><th>{ t.minutes_code_heading }</th><th>{ t.count }</th><th>{ t.where_when }</th></tr></thead>
                        <tbody>{ for boxes.iter().enumerate().map(|(i, b)| html! {
                            <tr><td>{ i + 1 }</td><td class="mono">{ b.fingerprint().short() }</td>
                                <td class="mono">{ b.minutes_code().short() }</td>
                                <td>{ b.ballots() }</td><td>{ format!("{}, {}", b.place(), b.time()) }</td></tr>
                        }) }</tbody>
                    </table>
                }
            </section>

            <section class="screen-only exports" aria-labelledby="exports-heading">
                <h2 id="exports-heading">{ t.exports_heading }</h2>
                <div class="actions">
                    <button type="button" class="button" onclick={on_bundle}>{ t.download_bundle }</button>
                    <button type="button" class="button secondary" onclick={on_summary}>{ t.download_summary }</button>
                    <button type="button" class="button secondary" onclick={on_csv}>{ t.download_csv }</button>
                    <button type="button" class="button secondary" onclick={on_csv_semicolon}>{ t.download_csv_semicolon }</button>
                    <button type="button" class="button secondary" onclick={on_xlsx}>{ t.download_xlsx }</button>
                    <button type="button" class="button secondary" onclick={on_receipts}>
                        { format!("{} ({} {})", t.print_receipts, tally.ballots(), t.receipts_count) }
                    </button>
                </div>
                if let Some(e) = &*download_error {
                    <p class="error" role="alert">{ e.message(lang) }</p>
                }
                if let Some(e) = &*xlsx_error {
                    <p class="error" role="alert">{ e.message(lang) }</p>
                }
            </section>

            <ReceiptCheck {lang} {contains} />
            <CountingMinutes {lang} bundle={props.bundle.clone()} boxes={props.boxes.clone()} />
            <ReceiptList bundle={props.bundle.clone()} />
        </div>
    }
}

/// The threshold line of a household rule on the chart (display only: the decision is the
/// core's integer comparison).
fn marker(preset: Preset) -> Option<(u64, AttrValue)> {
    match preset {
        Preset::TwoThirdsHouseholds => Some((6_667, "2/3".into())),
        Preset::MajorityHouseholds => Some((5_000, "1/2".into())),
        _ => None,
    }
}

fn view_item(index: usize, item: &Item, it: &ItemTally, bundle: &AuditBundle, lang: Lang) -> Html {
    let t = strings(lang);
    let electorate = bundle.electorate();
    let free: Vec<&str> = it.free_texts().collect();
    // The core's rows, as the CSV, the workbook, the minutes and `phieu inspect` have them:
    // options or "answered", then skipped by the poll's logic (không hỏi) apart from left blank
    // (issue 22, item 6).
    let rows: Vec<_> = item_rows(item, it)
        .iter()
        .map(|row| {
            let share = row.share(electorate);
            (
                row.label(lang).to_owned(),
                row.count(),
                share.percent(lang),
                share.basis_points().unwrap_or(0),
            )
        })
        .collect();
    let bars = rows
        .iter()
        .map(|(label, count, percent, bp)| Bar {
            label: label.clone().into(),
            value: format!("{count} · {percent}").into(),
            basis_points: *bp,
        })
        .collect::<Vec<_>>();
    let named = electorate_words(Electors::of(bundle.poll()), lang);
    let heading_id = format!("result-item-{index}");
    // A board with several seats has one outcome per candidate (and one if seats stay empty).
    let outcomes: Vec<_> = bundle
        .outcomes()
        .iter()
        .filter(|o| o.item() == item.id())
        .collect();
    html! {
        <section class="result-item" aria-labelledby={heading_id.clone()}>
            <h2 id={heading_id.clone()}>{ format!("{}. {}", index + 1, item_title(item, lang)) }</h2>
            { for outcomes.iter().map(|o| html! {
                <p class={classes!("outcome", if o.passed() { "passed" } else { "not-passed" })}>
                    <span class="visually-hidden">{ format!("{}: ", t.outcome) }</span>
                    { o.sentence(lang) }
                </p>
            }) }
            <div class="result-body">
                <table class="results-table">
                    <thead><tr><th scope="col">{ t.option }</th><th scope="col">{ t.count }</th>
                        <th scope="col">{ named.share_of }</th></tr></thead>
                    <tbody>{ for rows.iter().map(|(label, count, percent, _)| html! {
                        <tr><th scope="row">{ label.clone() }</th><td>{ *count }</td><td>{ percent.clone() }</td></tr>
                    }) }</tbody>
                </table>
                <BarChart id={format!("chart-{index}")} caption={named.chart} {bars}
                          marker={marker(bundle.poll().rule().preset())} />
            </div>
            if let Some(mean) = it.mean() {
                <p class="mean">{ format!("{}: {}", t.mean, mean.display(lang)) }</p>
            }
            if matches!(item.kind(), ItemKind::Text { .. }) || item.kind().options().iter().any(|o| o.free_text()) {
                <h3>{ t.free_texts }</h3>
                if free.is_empty() {
                    <p>{ t.no_free_texts }</p>
                } else {
                    <ul class="free-texts">{ for free.iter().map(|f| html! { <li>{ *f }</li> }) }</ul>
                }
            }
        </section>
    }
}
