//! A PIN pad the size of a thumb: ten digit keys, delete, and the submit key, plus a password
//! field so a keyboard works too. The digits typed are kept only in this component and
//! cleared after each submit.

use yew::prelude::*;

use crate::edge::form::input_value;

#[derive(Properties, PartialEq)]
pub struct PinPadProps {
    /// The field's label ("Officer's PIN").
    pub label: AttrValue,
    pub submit: AttrValue,
    pub delete: AttrValue,
    pub on_submit: Callback<String>,
    /// Disables the pad (while a PIN is checked, or locked after 5 wrong tries).
    #[prop_or_default]
    pub disabled: bool,
    /// A code of exactly this many digits, sent as soon as the last one is typed (the voter-
    /// admission code: three taps, no OK). `None`: a PIN of any length up to the maximum, sent
    /// with the OK key.
    #[prop_or_default]
    pub length: Option<usize>,
}

#[function_component(PinPad)]
pub fn pin_pad(props: &PinPadProps) -> Html {
    let pin = use_state(String::new);
    let input_ref = use_node_ref();
    let max = props.length.unwrap_or(phieu_core::pin::PIN_MAX);

    // The digits typed so far become `typed`: a code of the set length goes at once.
    let typed = {
        let pin = pin.clone();
        let on_submit = props.on_submit.clone();
        let length = props.length;
        move |typed: String| {
            if length == Some(typed.len()) {
                on_submit.emit(typed);
                pin.set(String::new());
            } else {
                pin.set(typed);
            }
        }
    };
    let press = |digit: char| {
        let pin = pin.clone();
        let typed = typed.clone();
        Callback::from(move |_: MouseEvent| {
            if pin.len() < max {
                typed(format!("{}{digit}", *pin));
            }
        })
    };
    let delete = {
        let pin = pin.clone();
        Callback::from(move |_: MouseEvent| {
            let mut p = (*pin).clone();
            p.pop();
            pin.set(p);
        })
    };
    let oninput = {
        let typed = typed.clone();
        Callback::from(move |e: InputEvent| {
            let digits: String = input_value(&e)
                .chars()
                .filter(char::is_ascii_digit)
                .take(max)
                .collect();
            typed(digits);
        })
    };
    let onsubmit = {
        let pin = pin.clone();
        let on_submit = props.on_submit.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if !pin.is_empty() {
                on_submit.emit((*pin).clone());
                pin.set(String::new());
            }
        })
    };

    html! {
        <form class="pin-pad" {onsubmit}>
            <label class="pin-label" for="pin-input">{ &props.label }</label>
            <input id="pin-input" ref={input_ref} class="pin-input" type="password"
                   inputmode="numeric" autocomplete="off" maxlength={max.to_string()}
                   value={(*pin).clone()} {oninput} disabled={props.disabled} />
            <div class="pin-keys">
                { for "123456789".chars().map(|d| html! {
                    <button type="button" class="pin-key" onclick={press(d)}
                            disabled={props.disabled}>{ d }</button>
                }) }
                <button type="button" class="pin-key pin-key-delete" onclick={delete}
                        disabled={props.disabled}>{ &props.delete }</button>
                <button type="button" class="pin-key" onclick={press('0')}
                        disabled={props.disabled}>{ "0" }</button>
                <button type="submit" class="pin-key pin-key-ok"
                        disabled={props.disabled || pin.is_empty()}>{ &props.submit }</button>
            </div>
        </form>
    }
}
