//! The tablet page (`index.html`): render the meeting in progress into the page body.
fn main() {
    yew::Renderer::<phieu::app::tablet::TabletApp>::new().render();
}
