//! The top bar: the app's name and the language switch.

use phieu_core::Lang;
use yew::prelude::*;

use crate::i18n::{other, strings};

#[derive(Properties, PartialEq)]
pub struct HeaderProps {
    pub lang: Lang,
    pub on_lang: Callback<Lang>,
}

#[function_component(Header)]
pub fn header(props: &HeaderProps) -> Html {
    let t = strings(props.lang);
    let target = other(props.lang);
    let onclick = props.on_lang.reform(move |_: MouseEvent| target);
    html! {
        <header class="topbar">
            <div class="brand">
                <span class="brand-name">{ t.app_name }</span>
                <span class="brand-tagline">{ t.tagline }</span>
            </div>
            <button type="button" class="lang-switch" lang={target.code()}
                    title={t.switch_to_label} {onclick}>
                { t.switch_to }
            </button>
        </header>
    }
}
