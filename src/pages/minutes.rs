//! The counting minutes as a print page: Biên bản kiểm phiếu, D59 form 02 (domain brief, "The
//! meeting and its paper trail"), regenerated from an audit bundle, and the receipt-code list
//! for the notice board.
//!
//! The minutes are always in Vietnamese (they are the legal record); the buttons around them
//! follow the interface language. The page holds three copies, each marked with its recipient
//! (commune People's Committee, commune Fatherland Front, village archive); the screen shows the
//! first, print shows all three (assets/print.css), or one when "Print 1 copy" asks for it.

use std::rc::Rc;

use phieu_core::report::{receipt_codes, BoxEntry};
use phieu_core::{AuditBundle, Item, ItemKind, Lang};
use yew::prelude::*;

use crate::components::code_panel::qr_svg;
use crate::edge::print::{print, PrintJob};
use crate::i18n::results::{minutes_electorate, strings, MINUTES};
use crate::i18n::Electors;

#[derive(Properties, PartialEq)]
pub struct CountingMinutesProps {
    pub lang: Lang,
    pub bundle: Rc<AuditBundle>,
    /// The boxes a merged bundle came from, listed in the minutes.
    #[prop_or_default]
    pub boxes: Option<Rc<Vec<BoxEntry>>>,
}

/// An item's title in the minutes: its label, and the person it is about (a rating, a vote).
pub fn item_title(item: &Item, lang: Lang) -> String {
    match item.person() {
        Some(p) => match p.position() {
            Some(pos) => format!(
                "{} — {}, {}",
                item.label().get(lang),
                p.name(),
                pos.get(lang)
            ),
            None => format!("{} — {}", item.label().get(lang), p.name()),
        },
        None => item.label().get(lang).to_owned(),
    }
}

#[function_component(CountingMinutes)]
pub fn counting_minutes(props: &CountingMinutesProps) -> Html {
    let t = strings(props.lang);
    let print_three = Callback::from(|_: MouseEvent| print(PrintJob::MinutesThreeCopies));
    let print_one = Callback::from(|_: MouseEvent| print(PrintJob::MinutesOneCopy));
    let qr = qr_svg(&props.bundle.fingerprint().to_hex());
    let code_qr = qr_svg(&props.bundle.minutes_code().to_hex());
    html! {
        <section class="minutes-preview" aria-labelledby="minutes-preview-heading">
            <div class="screen-only">
                <h2 id="minutes-preview-heading">{ t.minutes_preview }</h2>
                <p class="hint">{ t.minutes_in_vietnamese }</p>
                <div class="actions">
                    <button type="button" class="button" onclick={print_three}>{ t.print_three }</button>
                    <button type="button" class="button secondary" onclick={print_one}>{ t.print_one }</button>
                </div>
            </div>
            <div class="minutes-doc" lang="vi">
                { for MINUTES.recipients.iter().enumerate().map(|(n, recipient)| {
                    copy(&props.bundle, props.boxes.as_deref(), n, recipient, (qr.clone(), code_qr.clone()))
                }) }
            </div>
        </section>
    }
}

fn copy(
    bundle: &AuditBundle,
    boxes: Option<&Vec<BoxEntry>>,
    n: usize,
    recipient: &str,
    (qr, code_qr): (Html, Html),
) -> Html {
    let m = &MINUTES;
    let vi = Lang::Vi;
    let poll = bundle.poll();
    let place = poll.place();
    let minutes = bundle.minutes();
    let electorate = bundle.electorate();
    let tally = bundle.tally();
    let subject = poll.subject().unwrap_or(poll.title()).get(vi);
    let fingerprint = bundle.fingerprint();
    let present = electorate
        .present()
        .map_or(m.not_recorded.to_owned(), |p| p.to_string());
    let total = electorate.total();
    let named = minutes_electorate(Electors::of(poll));
    let figure = |label: &str, value: String| {
        html! { <li><span>{ label }{ ": " }</span><strong>{ value }</strong></li> }
    };
    html! {
        <article class="minutes-copy" aria-label={format!("{} {}/3: {}", m.copy, n + 1, recipient)}>
            <p class="copy-mark">{ format!("{} {}/3 — {}: {}", m.copy, n + 1, m.recipient, recipient) }</p>
            <header class="minutes-heading">
                <div class="issuer">
                    <p>{ format!("{} {}", m.committee, place.commune().to_uppercase()) }</p>
                    <p class="strong underline">{ place.village().to_uppercase() }</p>
                </div>
                <div class="nation">
                    <p class="strong">{ m.nation }</p>
                    <p class="strong underline">{ m.motto }</p>
                </div>
            </header>
            <h1 class="minutes-title">{ m.title }</h1>
            <p class="minutes-subject">{ format!("{} {}", m.about, subject) }</p>
            <p>{ format!("{} {}, {} {}, {}", m.opening, minutes.time(), m.at, minutes.place(),
                if minutes.board().is_empty() { m.no_board } else { m.board }) }</p>
            if minutes.board().is_empty() {
                <p class="dots">{ "……………………………………………………" }</p>
            } else {
                <ol class="names">{ for minutes.board().iter().map(|name| html! { <li>{ name }</li> }) }</ol>
            }
            if !minutes.witnesses().is_empty() {
                <p>{ m.witnesses }</p>
                <ol class="names">{ for minutes.witnesses().iter().map(|name| html! { <li>{ name }</li> }) }</ol>
            }
            <p>{ m.proceeded }</p>

            <h2>{ m.figures }</h2>
            <ol class="figures">
                { figure(named.total, total.to_string()) }
                { figure(named.present, present) }
                { figure(m.issued, tally.ballots().to_string()) }
                { figure(m.returned, tally.ballots().to_string()) }
                { figure(m.valid, tally.valid_ballots().to_string()) }
                { figure(m.blank_ballots, (tally.ballots() - tally.valid_ballots()).to_string()) }
            </ol>

            <h2>{ named.per_item }</h2>
            { for poll.items().iter().zip(tally.items()).enumerate().map(|(i, (item, it))| {
                let share = |count: u64| electorate.share(count).percent(vi);
                // A board with several seats has one outcome per candidate.
                let outcomes: Vec<_> = bundle.outcomes().iter().filter(|o| o.item() == item.id()).collect();
                let free: Vec<&str> = it.free_texts().collect();
                html! {
                    <section class="minutes-item">
                        <h3>{ format!("{}. {}", i + 1, item_title(item, vi)) }</h3>
                        <table class="minutes-table">
                            <thead><tr><th>{ m.option }</th><th>{ m.count }</th><th>{ m.share }</th></tr></thead>
                            <tbody>
                                { match item.kind() {
                                    ItemKind::Number { .. } | ItemKind::Text { .. } => {
                                        let answered = it.mean().map_or(free.len() as u64, |m| m.count());
                                        html! { <tr><td>{ m.answered }</td><td>{ answered }</td><td>{ share(answered) }</td></tr> }
                                    }
                                    kind => kind.options().iter().zip(it.counts()).map(|(o, c)| html! {
                                        <tr><td>{ o.label().get(vi) }</td><td>{ *c }</td><td>{ share(*c) }</td></tr>
                                    }).collect::<Html>(),
                                } }
                                <tr class="blank-row"><td>{ m.blank }</td><td>{ it.blank() }</td><td>{ share(it.blank()) }</td></tr>
                            </tbody>
                        </table>
                        if let Some(mean) = it.mean() {
                            <p>{ format!("{}: {}", m.mean, mean.display(vi)) }</p>
                        }
                        if !free.is_empty() {
                            <p>{ m.free_texts }{ ":" }</p>
                            <ul class="free-texts">{ for free.iter().map(|f| html! { <li>{ *f }</li> }) }</ul>
                        }
                        { for outcomes.iter().map(|o| html! {
                            <p class="minutes-outcome"><strong>{ format!("{}: ", m.outcome) }</strong>{ o.sentence(vi) }</p>
                        }) }
                    </section>
                }
            }) }
            if bundle.outcomes().is_empty() {
                <p class="minutes-outcome"><strong>{ format!("{}: ", m.outcome) }</strong>{ m.no_decision }</p>
            }
            // The kiosk writes the test's result as a whole sentence; print it as written.
            <p class="test-line">{ if minutes.logic_and_accuracy_test().is_empty() {
                format!("{}: {}", m.test_line, m.not_recorded)
            } else {
                minutes.logic_and_accuracy_test().to_owned()
            } }</p>

            if let Some(boxes) = boxes {
                <h2>{ m.boxes }</h2>
                <table class="minutes-table">
                    <thead><tr><th>{ m.box_column }</th><th>{ m.fingerprint }</th><th>{ m.minutes_code }</th><th>{ m.count }</th><th>{ m.where_when }</th></tr></thead>
                    <tbody>
                        { for boxes.iter().enumerate().map(|(i, b)| html! {
                            <tr>
                                <td>{ i + 1 }</td>
                                <td class="mono">{ b.fingerprint().short() }</td>
                                <td class="mono">{ b.minutes_code().short() }</td>
                                <td>{ b.ballots() }</td>
                                <td>{ format!("{}, {}", b.place(), b.time()) }</td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            }

            <section class="minutes-fingerprint">
                <div>
                    <p>{ m.fingerprint }{ ":" }</p>
                    <p class="fingerprint-short">{ fingerprint.short() }</p>
                    <p class="fingerprint-full">{ format!("{}: ", m.fingerprint_full) }<span class="mono">{ fingerprint.to_hex() }</span></p>
                    <p class="small">{ m.fingerprint_note }</p>
                </div>
                <div class="fingerprint-qr">{ qr }</div>
            </section>

            { for [
                (m.chair, minutes.chair()),
                (m.secretary, minutes.secretary()),
                (m.closed_at, minutes.closed_at()),
                (m.complaints, minutes.complaints()),
            ].into_iter().filter(|(_, v)| !v.is_empty()).map(|(label, value)| html! {
                <p>{ format!("{label}: {value}") }</p>
            }) }
            <p>{ format!("{}: {}", m.wrong_pins, minutes.wrong_pins()) }</p>

            <p>{ m.copies }</p>

            <section class="signatures">
                { for minutes.board().iter().enumerate().map(|(i, name)| {
                    signature(if i == 0 { m.board_head } else { m.board_member }, name)
                }) }
                if minutes.board().is_empty() {
                    { signature(m.recorder, "") }
                }
                { for minutes.witnesses().iter().map(|name| signature(m.witness, name)) }
            </section>

            // The code a paper copy is checked against (docs/bundle-format.md §Minutes code), on
            // every copy beside the signatures: it covers everything above.
            <section class="minutes-fingerprint minutes-code">
                <div>
                    <p>{ m.minutes_code }{ ":" }</p>
                    <p class="fingerprint-short" data-testid="minutes-code-printed">{ bundle.minutes_code().short() }</p>
                    <p class="small">{ m.minutes_code_note }</p>
                </div>
                <div class="fingerprint-qr">{ code_qr }</div>
            </section>
        </article>
    }
}

fn signature(role: &str, name: &str) -> Html {
    html! {
        <div class="signature">
            <p class="strong">{ role.to_uppercase() }</p>
            <p class="small">{ MINUTES.sign }</p>
            <div class="signature-space"></div>
            <p class="strong">{ name.to_owned() }</p>
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct ReceiptListProps {
    pub bundle: Rc<AuditBundle>,
}

/// The receipt codes of every counted ballot for the notice board: printed only when asked.
#[function_component(ReceiptList)]
pub fn receipt_list(props: &ReceiptListProps) -> Html {
    let m = &MINUTES;
    let poll = props.bundle.poll();
    let codes = receipt_codes(&props.bundle.public_summary());
    html! {
        <article class="receipts-doc" lang="vi">
            <h1 class="minutes-title">{ m.receipts_title }</h1>
            <p class="minutes-subject">{ poll.title().get(Lang::Vi) }</p>
            <p>{ format!("{}, {} · {}: {} · {} {}", poll.place().village(), poll.place().commune(),
                m.fingerprint, props.bundle.fingerprint().short(), codes.len(), m.ballots_unit) }</p>
            <p>{ m.receipts_intro }</p>
            <ol class="receipt-codes">{ for codes.iter().map(|c| html! { <li class="mono">{ c.to_string() }</li> }) }</ol>
        </article>
    }
}
