//! Entry point: render the app into the page body.
fn main() {
    yew::Renderer::<phieu::app::App>::new().render();
}
