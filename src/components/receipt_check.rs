//! The receipt check: a voter or officer types a receipt code and learns "counted in this box"
//! or "not found", nothing else (never what the ballot said). A code that cannot be a receipt
//! (wrong length, a character outside the alphabet, a mistyped symbol caught by the check
//! character) gets the core's message in the interface language.

use phieu_core::{Lang, Receipt, ReceiptError};
use yew::prelude::*;

use crate::edge::form::input_value;
use crate::i18n::results::strings;

#[derive(Properties, PartialEq)]
pub struct ReceiptCheckProps {
    pub lang: Lang,
    /// Whether the box holds a ballot with this receipt.
    pub contains: Callback<Receipt, bool>,
}

#[derive(Clone, PartialEq)]
enum Answer {
    None,
    Found,
    NotFound,
    Bad(ReceiptError),
}

#[function_component(ReceiptCheck)]
pub fn receipt_check(props: &ReceiptCheckProps) -> Html {
    let t = strings(props.lang);
    let code = use_state(String::new);
    let answer = use_state(|| Answer::None);
    let oninput = {
        let code = code.clone();
        let answer = answer.clone();
        Callback::from(move |e: InputEvent| {
            code.set(input_value(&e));
            answer.set(Answer::None);
        })
    };
    let onsubmit = {
        let code = code.clone();
        let answer = answer.clone();
        let contains = props.contains.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            answer.set(match Receipt::parse(&code) {
                Ok(r) if contains.emit(r) => Answer::Found,
                Ok(_) => Answer::NotFound,
                Err(error) => Answer::Bad(error),
            });
        })
    };
    html! {
        <section class="receipt-check screen-only" aria-labelledby="receipt-heading">
            <h2 id="receipt-heading">{ t.receipt_heading }</h2>
            <p class="hint">{ t.receipt_hint }</p>
            <form class="receipt-form" {onsubmit}>
                <label for="receipt-code">{ t.receipt_label }</label>
                <div class="receipt-row">
                    <input id="receipt-code" class="receipt-input" type="text" autocomplete="off"
                           autocapitalize="characters" spellcheck="false" value={(*code).clone()} {oninput} />
                    <button type="submit" class="button">{ t.receipt_check }</button>
                </div>
            </form>
            <div role="status" class="receipt-answer">
                { match &*answer {
                    Answer::None => html! {},
                    Answer::Found => html! { <p class="verdict ok">{ "✓ " }{ t.receipt_found }</p> },
                    Answer::NotFound => html! { <p class="verdict bad">{ "✗ " }{ t.receipt_not_found }</p> },
                    Answer::Bad(error) => html! { <p class="verdict bad">{ error.message(props.lang) }</p> },
                } }
            </div>
        </section>
    }
}
