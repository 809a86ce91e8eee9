//! The root component: owns the [`Model`], runs the effects, picks the page.

use std::rc::Rc;

use yew::prelude::*;

use crate::components::header::Header;
use crate::edge::{poll_loader, prefs};
use crate::pages::poll_preview::PollPreview;
use crate::state::{Action, Model, PollState};

/// Yew's reducer wrapper around the plain model.
#[derive(PartialEq)]
struct Store(Model);

impl Reducible for Store {
    type Action = Action;
    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        Rc::new(Store(self.0.apply(action)))
    }
}

#[function_component(App)]
pub fn app() -> Html {
    let store = use_reducer(|| Store(Model::new(prefs::initial_lang())));
    let model = &store.0;

    // Persistence is one effect keyed by the language.
    use_effect_with(model.lang, |lang| prefs::remember_lang(*lang));

    // Load the demo poll whenever the state says so (first render, or "try again").
    {
        let dispatch = store.dispatcher();
        let loading = matches!(model.poll, PollState::Loading);
        use_effect_with(loading, move |loading| {
            if *loading {
                yew::platform::spawn_local(async move {
                    let loaded = poll_loader::load_poll(poll_loader::DEMO_POLL_URL).await;
                    dispatch.dispatch(Action::PollLoaded(loaded.map(Rc::new).map_err(Rc::new)));
                });
            }
        });
    }

    let on_lang = {
        let dispatch = store.dispatcher();
        Callback::from(move |lang| dispatch.dispatch(Action::SetLang(lang)))
    };
    let on_retry = {
        let dispatch = store.dispatcher();
        Callback::from(move |()| dispatch.dispatch(Action::LoadPoll))
    };

    html! {
        <>
            <Header lang={model.lang} {on_lang} />
            <main id="main" class="page">
                <PollPreview lang={model.lang} poll={model.poll.clone()} {on_retry} />
            </main>
        </>
    }
}
