//! Closing voting: a confirmation that states the count, what the minutes record of the
//! meeting's proceedings (chair, secretary, when the count ended, complaints; each optional,
//! the minutes print lines to fill by hand for what is left empty), and the PIN.

use phieu_core::Lang;
use yew::prelude::*;

use crate::components::pin_pad::PinPad;
use crate::edge::form::input_value;
use crate::i18n::kiosk::{closing_words, kiosk};
use crate::state::meeting::Proceedings;

#[derive(Properties, PartialEq)]
pub struct ClosingProps {
    pub lang: Lang,
    pub count: usize,
    /// What was typed before (kept with the meeting), to start from.
    pub proceedings: Proceedings,
    pub notice: Option<AttrValue>,
    pub locked: bool,
    /// The PIN, with the proceedings as typed (tidied).
    pub on_pin: Callback<(String, Proceedings)>,
    pub on_cancel: Callback<()>,
}

#[function_component(Closing)]
pub fn closing(props: &ClosingProps) -> Html {
    let t = kiosk(props.lang);
    let w = closing_words(props.lang);
    let typed = {
        let start = props.proceedings.clone();
        use_state(move || start)
    };
    let set = |f: fn(&mut Proceedings, String)| {
        let typed = typed.clone();
        Callback::from(move |e: InputEvent| {
            let mut next = (*typed).clone();
            f(&mut next, input_value(&e));
            typed.set(next);
        })
    };
    let line =
        |id: &'static str, label: &'static str, value: &str, oninput: Callback<InputEvent>| {
            html! {
                <div class="field">
                    <label for={id}>{ label }</label>
                    <input {id} type="text" value={value.to_owned()} {oninput} autocomplete="off"
                           maxlength={Proceedings::MAX_LEN.to_string()} />
                </div>
            }
        };
    let on_submit = {
        let typed = typed.clone();
        let on_pin = props.on_pin.clone();
        Callback::from(move |pin: String| on_pin.emit((pin, (*typed).clone().tidied())))
    };
    html! {
        <div class="closing">
            <h1>{ t.close_title }</h1>
            <p class="big-count">{ t.close_question(props.count) }</p>
            <fieldset class="proceedings">
                <legend>{ w.legend }</legend>
                <p class="hint">{ w.hint }</p>
                { line("close-chair", w.chair, &typed.chair, set(|p, v| p.chair = v)) }
                { line("close-secretary", w.secretary, &typed.secretary, set(|p, v| p.secretary = v)) }
                { line("close-closed-at", w.closed_at, &typed.closed_at, set(|p, v| p.closed_at = v)) }
                <div class="field">
                    <label for="close-complaints">{ w.complaints }</label>
                    <textarea id="close-complaints" rows="2" value={typed.complaints.clone()}
                              oninput={set(|p, v| p.complaints = v)}
                              maxlength={Proceedings::MAX_LEN.to_string()} />
                </div>
            </fieldset>
            if let Some(n) = &props.notice { <p class="problem" role="alert">{ n }</p> }
            <PinPad label={t.close_pin} submit={t.close_confirm} delete={t.delete_digit}
                    on_submit={on_submit} disabled={props.locked} />
            <button type="button" class="button button-secondary" onclick={props.on_cancel.reform(|_: MouseEvent| ())}>
                { t.cancel }
            </button>
        </div>
    }
}
