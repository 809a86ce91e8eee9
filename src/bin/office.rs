//! The office page (`office.html`): render setup, results, verify and merge into the page body.
fn main() {
    yew::Renderer::<phieu::app::office::OfficeApp>::new().render();
}
