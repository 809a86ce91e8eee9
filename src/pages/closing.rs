//! Closing voting: a confirmation that states the count, and the PIN.

use phieu_core::Lang;
use yew::prelude::*;

use crate::components::pin_pad::PinPad;
use crate::i18n::kiosk::kiosk;

#[derive(Properties, PartialEq)]
pub struct ClosingProps {
    pub lang: Lang,
    pub count: usize,
    pub notice: Option<AttrValue>,
    pub locked: bool,
    pub on_pin: Callback<String>,
    pub on_cancel: Callback<()>,
}

#[function_component(Closing)]
pub fn closing(props: &ClosingProps) -> Html {
    let t = kiosk(props.lang);
    html! {
        <div class="closing">
            <h1>{ t.close_title }</h1>
            <p class="big-count">{ t.close_question.replace("{n}", &props.count.to_string()) }</p>
            if let Some(n) = &props.notice { <p class="problem" role="alert">{ n }</p> }
            <PinPad label={t.close_pin} submit={t.close_confirm} delete={t.delete_digit}
                    on_submit={props.on_pin.clone()} disabled={props.locked} />
            <button type="button" class="button button-secondary" onclick={props.on_cancel.reform(|_: MouseEvent| ())}>
                { t.cancel }
            </button>
        </div>
    }
}
