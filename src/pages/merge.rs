//! Merge the boxes of several tablets, clusters or sittings of one poll into one tally.

use phieu_core::Lang;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct MergeProps {
    pub lang: Lang,
}

#[function_component(Merge)]
pub fn merge(props: &MergeProps) -> Html {
    let _ = props.lang;
    html! {}
}
