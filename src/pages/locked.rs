//! "Hand the tablet back": what the tablet shows between voters, and whether the last ballot
//! went into the box (known, never guessed). While voting is open and the sitting has a voter-
//! admission code, the pad takes those 3 digits and lets the next voter straight in (issue 22,
//! item 4); the officer's full PIN opens the console.

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
    /// The sitting has a voter-admission code: the short pad is offered first.
    #[prop_or_default]
    pub admit: bool,
    #[prop_or_default]
    pub on_admit: Callback<String>,
    /// Large text for the next voter (issue 20, item 2): a toggle beside the short pad.
    #[prop_or_default]
    pub large: bool,
    #[prop_or_default]
    pub on_large: Callback<bool>,
}

#[function_component(Locked)]
pub fn locked(props: &LockedProps) -> Html {
    let t = kiosk(props.lang);
    // The officer's choice between the short code and the full PIN, for this screen only.
    let full_pin = use_state(|| false);
    let short = props.admit && !props.paused && !*full_pin;
    let switch = {
        let full_pin = full_pin.clone();
        Callback::from(move |_: MouseEvent| full_pin.set(!*full_pin))
    };
    let pad = if short {
        html! {
            <>
                <PinPad label={t.admit_label} submit={t.unlock} delete={t.delete_digit}
                        length={crate::state::meeting::ADMIT_DIGITS}
                        on_submit={props.on_admit.clone()} disabled={props.locked} />
                <p class="hint">{ t.admit_hint }</p>
                <button type="button" class="button button-secondary large-toggle" aria-pressed={props.large.to_string()}
                        onclick={props.on_large.reform({ let on = !props.large; move |_: MouseEvent| on })}>
                    { if props.large { "✓ " } else { "" } }{ t.large_next }
                </button>
            </>
        }
    } else {
        html! {
            <PinPad label={t.officer_pin} submit={t.unlock} delete={t.delete_digit}
                    on_submit={props.on_pin.clone()} disabled={props.locked} />
        }
    };
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
            { pad }
            if props.admit && !props.paused {
                <button type="button" class="button button-secondary pin-switch" onclick={switch}>
                    { if short { t.use_pin } else { t.use_admit } }
                </button>
            }
        </div>
    }
}
