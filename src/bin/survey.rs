//! The survey page (`survey.html`): render a field survey into the page body. The poll's
//! download and storage's opening begin first, so they run while Yew draws the page.
fn main() {
    phieu::effects::field::prepare(phieu::edge::route::survey_src());
    yew::Renderer::<phieu::app::survey::SurveyApp>::new().render();
}
