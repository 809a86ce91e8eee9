//! Results of a closed ballot box: counts, shares of the total electorate, outcomes, charts,
//! exports and the receipt check.

use std::rc::Rc;

use phieu_core::{AuditBundle, Lang};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ResultsProps {
    pub lang: Lang,
    pub bundle: Rc<AuditBundle>,
}

#[function_component(Results)]
pub fn results(props: &ResultsProps) -> Html {
    let _ = (&props.lang, &props.bundle);
    html! {}
}
