//! The auditor's verify page: drop an audit bundle (and optionally a public summary) and see
//! whether everything checks out.

use phieu_core::Lang;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct VerifyProps {
    pub lang: Lang,
}

#[function_component(Verify)]
pub fn verify(props: &VerifyProps) -> Html {
    let _ = props.lang;
    html! {}
}
