//! The top bar: the app's name and the language switch.

use phieu_core::Lang;
use yew::prelude::*;

use crate::edge::route;
use crate::i18n::{other, strings};
use crate::state::{Doc, Page};

#[derive(Properties, PartialEq)]
pub struct HeaderProps {
    pub lang: Lang,
    /// The HTML page this header is on: links to the other one are full addresses.
    pub here: Doc,
    pub page: Page,
    pub on_lang: Callback<Lang>,
    /// The links to the other pages ([`crate::state::Model::offers_nav`]); without them the
    /// header offers only the language switch (a voter holds the tablet, or the page is moving).
    pub nav: bool,
}

#[function_component(Header)]
pub fn header(props: &HeaderProps) -> Html {
    let t = strings(props.lang);
    let target = other(props.lang);
    let onclick = props.on_lang.reform(move |_: MouseEvent| target);
    let search = route::search();
    // Setup is part of the meeting: the "meeting" link is current there too.
    let current = match props.page {
        Page::Setup => Page::Home,
        page => page,
    };
    html! {
        <header class="topbar">
            <div class="brand">
                <span class="brand-name">{ t.app_name }</span>
                <span class="brand-tagline">{ t.tagline }</span>
            </div>
            if props.nav {
            <nav class="nav" aria-label={t.nav_label}>
                { for [(Page::Home, t.nav_home), (Page::Meetings, t.nav_meetings), (Page::Verify, t.nav_verify), (Page::Merge, t.nav_merge)]
                    .into_iter()
                    .map(|(page, label)| html! {
                        <a href={route::href(props.here, page, &search)}
                           aria-current={(current == page).then_some("page")}>{ label }</a>
                    }) }
            </nav>
            }
            <button type="button" class="lang-switch" lang={target.code()}
                    title={t.switch_to_label(target.name())} {onclick}>
                { target.name() }
            </button>
        </header>
    }
}
