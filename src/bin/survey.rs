//! The survey page (`survey.html`): render a field survey into the page body.
fn main() {
    yew::Renderer::<phieu::app::survey::SurveyApp>::new().render();
}
