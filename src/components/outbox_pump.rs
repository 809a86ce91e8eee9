//! The outbox pump at the root of a page: runs the pump (`effects::outbox`, which sends the
//! audit bundles waiting in the upload outbox whatever screen is showing) and hands the outbox
//! to the screens below as an [`OutboxContext`]. It draws nothing of its own.

use yew::prelude::*;

use crate::effects::outbox::use_outbox_pump;
pub use crate::effects::outbox::OutboxContext;

#[derive(Properties, PartialEq)]
pub struct OutboxPumpProps {
    /// The page: it can read the outbox through [`OutboxContext`].
    #[prop_or_default]
    pub children: Html,
}

/// Wraps a page's whole tree (`<OutboxPump>{ … }</OutboxPump>` at the root of the tablet page
/// and of the office page), so the pump runs for as long as the page is open.
#[function_component(OutboxPump)]
pub fn outbox_pump(props: &OutboxPumpProps) -> Html {
    let context = use_outbox_pump();
    html! {
        <ContextProvider<OutboxContext> {context}>
            { props.children.clone() }
        </ContextProvider<OutboxContext>>
    }
}
