//! The voter's "Nghe" (listen) button (issue 20, item 1): reads the screen's lines aloud in
//! Vietnamese, one after another; tapped again, it stops. Only drawn when the device has a
//! Vietnamese voice. Leaving the screen stops the reading, so nothing of one voter's screen is
//! heard on the next one; the line being read is this button's own state, stored nowhere.

use std::rc::Rc;

use phieu_core::Lang;
use yew::prelude::*;

use crate::edge::speech;
use crate::i18n::speech::speech_words;

#[derive(Properties, PartialEq)]
pub struct ListenProps {
    pub lang: Lang,
    /// What is read, in order.
    pub lines: Rc<Vec<String>>,
}

#[function_component(Listen)]
pub fn listen(props: &ListenProps) -> Html {
    let w = speech_words(props.lang);
    // The line being read, while reading.
    let reading = use_state_eq(|| None::<usize>);
    // Other lines (another question) or leaving the screen: the reading stops.
    {
        let reading = reading.clone();
        use_effect_with(props.lines.clone(), move |_| {
            move || {
                speech::stop();
                reading.set(None);
            }
        });
    }
    let onclick = {
        let reading = reading.clone();
        let lines = props.lines.clone();
        Callback::from(move |_: MouseEvent| {
            if reading.is_some() {
                speech::stop();
                reading.set(None);
            } else {
                let on_line = {
                    let reading = reading.clone();
                    Callback::from(move |k: Option<usize>| reading.set(k))
                };
                if speech::speak(&lines, on_line) {
                    reading.set(Some(0));
                }
            }
        })
    };
    let on = reading.is_some();
    html! {
        <button type="button" class={classes!("button", "button-big", "button-listen", on.then_some("reading"))}
                aria-pressed={if on { "true" } else { "false" }} {onclick}>
            if on {
                <svg viewBox="0 0 24 24" width="28" height="28" aria-hidden="true" focusable="false">
                    <rect x="6" y="6" width="12" height="12" fill="currentColor" />
                </svg>
            } else {
                // A loudspeaker (the shape of Material Icons' "volume_up", Apache-2.0).
                <svg viewBox="0 0 24 24" width="28" height="28" aria-hidden="true" focusable="false">
                    <path fill="currentColor" d="M3 9v6h4l5 5V4L7 9H3zm13.5 3A4.5 4.5 0 0 0 14 7.97v8.05A4.5 4.5 0 0 0 16.5 12zM14 3.23v2.06a7 7 0 0 1 0 13.42v2.06A9 9 0 0 0 14 3.23z" />
                </svg>
            }
            <span>{ if on { w.stop } else { w.listen } }</span>
        </button>
    }
}
