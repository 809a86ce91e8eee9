//! The survey page (`survey.html`): render a field survey into the page body. The poll's
//! download and storage's opening begin first, so they run while Yew draws the page. When the
//! page's own script is drawing the first question from the poll (`edge::early`), the app
//! starts once that is done (at most a second): the main thread is then the drawing's first.
//! (The page's start-up script already waits for it before it fetches the wasm: `scripts/build`,
//! `--wasm-after-early`; this is for a start-up script that did not.)
fn main() {
    wasm_bindgen_futures::spawn_local(async {
        phieu::edge::early::settled().await;
        phieu::effects::field::prepare(phieu::edge::route::survey_src());
        yew::Renderer::<phieu::app::survey::SurveyApp>::new().render();
    });
}
