//! The receipt: a green tick, the code in large type, and "done". After 60 seconds without a
//! touch the tablet locks by itself, so a voter who walks away leaves nothing on screen; the
//! seconds left are shown.

use phieu_core::Lang;
use yew::prelude::*;

use crate::i18n::kiosk::kiosk;

/// How long the receipt stays without a touch (ms).
pub const RECEIPT_IDLE_MS: u32 = 60_000;

#[derive(Properties, PartialEq)]
pub struct ReceiptProps {
    pub lang: Lang,
    pub code: AttrValue,
    pub test: bool,
    pub on_done: Callback<()>,
}

#[function_component(ReceiptScreen)]
pub fn receipt(props: &ReceiptProps) -> Html {
    let t = kiosk(props.lang);
    // Looked up from the receipt itself, so it is found inside an embedded poll's shadow root.
    let own = use_node_ref();
    // The seconds left, shown, so the voter sees the screen will go back by itself (issue 22,
    // item 5) instead of a silent minute.
    let left = use_state(|| RECEIPT_IDLE_MS / 1000);
    {
        let on_done = props.on_done.clone();
        let own = own.clone();
        let left = left.clone();
        use_effect_with(props.code.clone(), move |_| {
            crate::edge::dom::focus_in(&own, "#receipt-done");
            let timeout =
                gloo::timers::callback::Timeout::new(RECEIPT_IDLE_MS, move || on_done.emit(()));
            let started = RECEIPT_IDLE_MS / 1000;
            let mut ticks = 0;
            let tick = gloo::timers::callback::Interval::new(1_000, move || {
                ticks += 1;
                left.set(started.saturating_sub(ticks));
            });
            move || {
                drop(timeout);
                drop(tick);
            }
        });
    }
    let onclick = props.on_done.reform(|_: MouseEvent| ());
    html! {
        <div class="receipt" ref={own}>
            if props.test { <p class="test-banner" role="note">{ t.test_banner }</p> }
            <p class="receipt-tick" aria-hidden="true">{ "✓" }</p>
            <h1 class="huge">{ t.receipt_title }</h1>
            <p class="voter-hint">{ t.receipt_hint }</p>
            <p class="receipt-code" aria-label={props.code.replace('-', " ")}>{ &props.code }</p>
            <button id="receipt-done" type="button" class="button button-huge" {onclick}>{ t.done }</button>
            <p class="receipt-countdown">{ t.receipt_countdown(*left) }</p>
        </div>
    }
}
