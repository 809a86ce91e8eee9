//! The buttons a voter chooses the poll's language with, on the first screen (issue 20, item
//! 3): each language by its own name, in its own script (`ភាសាខ្មែរ`), marked with its `lang`
//! so the device draws it with a font for that script. Shown only for a poll written in a
//! language besides Vietnamese and English (`state::reading::choices`).

use std::rc::Rc;

use phieu_core::Lang;
use yew::prelude::*;

use crate::i18n::kiosk::kiosk;
use crate::state::reading::Reading;

#[derive(Properties, PartialEq)]
pub struct ReadingPickProps {
    pub lang: Lang,
    /// The languages, by tag, with their names (`state::reading::choices`).
    pub choices: Rc<Vec<(String, String)>>,
    pub reading: Reading,
    pub on_pick: Callback<Reading>,
    /// The class of each button (the tablet's and the embed's looks differ).
    #[prop_or(AttrValue::Static("button button-secondary reading-choice"))]
    pub button_class: AttrValue,
}

#[function_component(ReadingPick)]
pub fn reading_pick(props: &ReadingPickProps) -> Html {
    let t = kiosk(props.lang);
    html! {
        <div class="reading-pick" role="group" aria-labelledby="reading-heading">
            <p class="reading-heading" id="reading-heading">{ t.reading_heading }</p>
            <div class="reading-choices">
                { for props.choices.iter().map(|(tag, name)| {
                    let on = props.reading.is(tag, props.lang);
                    let pick = Reading::tag(tag.clone());
                    html! {
                        <button type="button" lang={tag.clone()}
                                class={classes!(props.button_class.to_string(), on.then_some("chosen"))}
                                aria-pressed={if on { "true" } else { "false" }}
                                onclick={props.on_pick.reform(move |_: MouseEvent| pick.clone())}>
                            { name }
                        </button>
                    }
                }) }
            </div>
        </div>
    }
}
