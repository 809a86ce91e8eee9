//! The root component: owns the [`Model`], runs the effects, picks the page.

use std::rc::Rc;

use yew::prelude::*;

use crate::components::header::Header;
use crate::edge::{poll_loader, prefs, route};
use crate::pages::merge::Merge;
use crate::pages::poll_preview::PollPreview;
use crate::pages::verify::Verify;
use crate::state::{Action, Model, Page, PollState};

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
    let store = use_reducer(|| Store(Model::new(prefs::initial_lang(), route::current_page())));
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

    // The address bar names the page: follow it when a link or Back changes it.
    {
        let dispatch = store.dispatcher();
        use_effect_with((), move |()| {
            let listener =
                gloo::events::EventListener::new(&gloo::utils::window(), "hashchange", move |_| {
                    dispatch.dispatch(Action::Navigate(route::current_page()))
                });
            move || drop(listener)
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
            <Header lang={model.lang} page={model.page} {on_lang} />
            <main id="main" class="page">
                { match model.page {
                    Page::Home => html! {
                        <PollPreview lang={model.lang} poll={model.poll.clone()} {on_retry} />
                    },
                    Page::Verify => html! { <Verify lang={model.lang} /> },
                    Page::Merge => html! { <Merge lang={model.lang} /> },
                } }
            </main>
        </>
    }
}
