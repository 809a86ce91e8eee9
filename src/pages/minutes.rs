//! The counting minutes as a print page, regenerated from an audit bundle, and the receipt-code
//! list for the notice board. The minutes are laid out once, in the core
//! (`phieu_core::minutes::layout`, which follows the kind of poll: D59 Mẫu 02 for a village
//! meeting, Mẫu 04 for forms handed to households, a People's Council's confidence vote, a staff
//! conference, a survey); this page only maps its blocks to HTML, adds a QR code to each code
//! and makes one copy per recipient.
//!
//! The minutes are always in Vietnamese (they are the legal record); the buttons around them
//! follow the interface language. The screen shows the first copy, print shows all of them
//! (assets/print.css), or one when "Print 1 copy" asks for it.

use std::rc::Rc;

use phieu_core::minutes::layout::{minutes_layout, Block, CodeKind, Record, DOTS};
use phieu_core::report::{receipt_codes, BoxEntry};
use phieu_core::{AuditBundle, Lang};
use yew::prelude::*;

use crate::components::code_panel::qr_svg;
use crate::edge::print::{print, PrintJob};
use crate::i18n::results::{strings, MINUTES};

pub use phieu_core::minutes::layout::item_title;

#[derive(Properties, PartialEq)]
pub struct CountingMinutesProps {
    pub lang: Lang,
    pub bundle: Rc<AuditBundle>,
    /// The boxes a merged bundle came from, listed in the minutes.
    #[prop_or_default]
    pub boxes: Option<Rc<Vec<BoxEntry>>>,
}

#[function_component(CountingMinutes)]
pub fn counting_minutes(props: &CountingMinutesProps) -> Html {
    let t = strings(props.lang);
    let print_all = Callback::from(|_: MouseEvent| print(PrintJob::MinutesThreeCopies));
    let print_one = Callback::from(|_: MouseEvent| print(PrintJob::MinutesOneCopy));
    let boxes: &[BoxEntry] = props.boxes.as_deref().map_or(&[], |b| b.as_slice());
    let layout = minutes_layout(Record::of_audit(&props.bundle).with_boxes(boxes), Lang::Vi);
    let copies = layout.recipients.len();
    // Rendered once and cloned into every copy: a QR code is the costly part.
    let body: Html = layout.blocks.iter().map(block).collect();
    html! {
        <section class="minutes-preview" aria-labelledby="minutes-preview-heading">
            <div class="screen-only">
                <h2 id="minutes-preview-heading">{ t.minutes_preview }</h2>
                <p class="hint">{ t.minutes_in_vietnamese }</p>
                <div class="actions">
                    <button type="button" class="button" onclick={print_all}>{ t.print_three }</button>
                    <button type="button" class="button secondary" onclick={print_one}>{ t.print_one }</button>
                </div>
            </div>
            <div class="minutes-doc" lang="vi">
                { for layout.recipients.iter().enumerate().map(|(n, recipient)| {
                    let m = &MINUTES;
                    html! {
                        <article class="minutes-copy" aria-label={format!("{} {}/{copies}: {}", m.copy, n + 1, recipient)}>
                            <p class="copy-mark">{ format!("{} {}/{copies} — {}: {}", m.copy, n + 1, m.recipient, recipient) }</p>
                            { body.clone() }
                        </article>
                    }
                }) }
            </div>
        </section>
    }
}

/// One block of the core's layout as the print page shows it.
fn block(b: &Block) -> Html {
    let m = &MINUTES;
    match b {
        Block::Heading { issuer, nation } => {
            let lines = |lines: &[String]| -> Html {
                lines
                    .iter()
                    .enumerate()
                    .map(|(i, l)| {
                        // The last line of each side is underlined, as on the paper form.
                        let class = if i + 1 == lines.len() {
                            "strong underline"
                        } else if i == 0 {
                            "strong"
                        } else {
                            ""
                        };
                        html! { <p class={class}>{ l }</p> }
                    })
                    .collect()
            };
            html! {
                <header class="minutes-heading">
                    <div class="issuer">{ lines(issuer) }</div>
                    <div class="nation">{ lines(nation) }</div>
                </header>
            }
        }
        Block::Title(t) => html! { <h1 class="minutes-title">{ t }</h1> },
        Block::Subject(t) => html! { <p class="minutes-subject">{ t }</p> },
        Block::Section(t) => html! { <h2>{ t }</h2> },
        Block::Line(l) => html! { <p>{ l }</p> },
        Block::List { label, entries } => html! {
            <>
                <p>{ format!("{label}:") }</p>
                if entries.is_empty() {
                    <p class="dots">{ DOTS }</p>
                } else {
                    <ol class="names">{ for entries.iter().map(|e| html! { <li>{ e }</li> }) }</ol>
                }
            </>
        },
        Block::Figures(figures) => html! {
            <ul class="figures">
                { for figures.iter().map(|(label, value)| html! {
                    <li><span>{ label }{ ": " }</span><strong>{ value }</strong></li>
                }) }
            </ul>
        },
        Block::Table {
            caption,
            head,
            rows,
        } => html! {
            <section class="minutes-item">
                if !caption.is_empty() {
                    <h3>{ caption }</h3>
                }
                <table class="minutes-table">
                    <thead><tr>{ for head.iter().map(|h| html! { <th>{ h }</th> }) }</tr></thead>
                    <tbody>
                        { for rows.iter().map(|row| html! {
                            <tr>{ for row.iter().map(|c| html! { <td>{ c }</td> }) }</tr>
                        }) }
                    </tbody>
                </table>
            </section>
        },
        Block::Outcome { label, sentence } => html! {
            <p class="minutes-outcome"><strong>{ format!("{label}: ") }</strong>{ sentence }</p>
        },
        Block::Code {
            code,
            label,
            short,
            full,
            note,
        } => {
            let minutes = *code == CodeKind::Minutes;
            html! {
                <section class={classes!("minutes-fingerprint", minutes.then_some("minutes-code"))}>
                    <div>
                        <p>{ label }{ ":" }</p>
                        <p class="fingerprint-short" data-testid={minutes.then_some("minutes-code-printed")}>{ short }</p>
                        if !minutes {
                            <p class="fingerprint-full">{ format!("{}: ", m.fingerprint_full) }<span class="mono">{ full }</span></p>
                        }
                        <p class="small">{ note }</p>
                    </div>
                    <div class="fingerprint-qr">{ qr_svg(full) }</div>
                </section>
            }
        }
        Block::Signatures(sigs) => html! {
            <section class="signatures">
                { for sigs.iter().map(|(role, name)| html! {
                    <div class="signature">
                        <p class="strong">{ role.to_uppercase() }</p>
                        <p class="small">{ m.sign }</p>
                        <div class="signature-space"></div>
                        <p class="strong">{ name }</p>
                    </div>
                }) }
            </section>
        },
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
