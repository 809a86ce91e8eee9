//! "Hand the tablet back": what the tablet shows between voters, and whether the last ballot
//! went into the box (known, never guessed). Only the officer's PIN goes on.

use phieu_core::Lang;
use yew::prelude::*;

use crate::components::pin_pad::PinPad;
use crate::i18n::kiosk::kiosk;
use crate::state::meeting::LastBallot;

#[derive(Properties, PartialEq)]
pub struct LockedProps {
    pub lang: Lang,
    pub paused: bool,
    pub notice: Option<AttrValue>,
    pub on_pin: Callback<String>,
    pub locked: bool,
    /// What became of the last voter's ballot: said, never guessed (issue 22, item 2).
    #[prop_or_default]
    pub last: Option<LastBallot>,
}

#[function_component(Locked)]
pub fn locked(props: &LockedProps) -> Html {
    let t = kiosk(props.lang);
    html! {
        <div class="locked">
            <h1 class="huge">{ t.hand_back }</h1>
            { match props.last {
                Some(LastBallot::Recorded) => html! {
                    <p class="voter-hint last-ballot ok" role="status">{ "✓ " }{ t.last_recorded }</p>
                },
                Some(LastBallot::Abandoned) => html! {
                    <p class="voter-hint last-ballot problem" role="status">{ t.last_abandoned }</p>
                },
                None => html! { <p class="voter-hint">{ t.hand_back_hint }</p> },
            } }
            if props.paused { <p class="warning">{ t.paused_banner }</p> }
            if let Some(n) = &props.notice { <p class="problem" role="alert">{ n }</p> }
            <PinPad label={t.officer_pin} submit={t.unlock} delete={t.delete_digit}
                    on_submit={props.on_pin.clone()} disabled={props.locked} />
        </div>
    }
}
