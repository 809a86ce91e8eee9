//! The root components, one per HTML page, and what they share.
//!
//! The app is built into several pages from this one library, each with its own wasm so that a
//! voting tablet downloads only what voting needs (see ARCHITECTURE.md, bird's-eye view):
//! [`tablet::TabletApp`] (`index.html`: the officer's console, the test, the PIN pad, the
//! voter's screens), [`office::OfficeApp`] (`office.html`: setup, results, minutes, exports,
//! upload, verify, merge) and [`survey::SurveyApp`] (`survey.html`: a field survey). All hold
//! the same [`Model`] and keep everything in IndexedDB, so moving from one page to another
//! loses nothing; [`Model::elsewhere`] says when to move.
//!
//! Handlers here only dispatch actions or start an effect (`effects.rs`) that reports back
//! with actions; pages and components never touch the model directly.

pub mod office;
pub mod survey;
pub mod tablet;

use std::rc::Rc;

use yew::prelude::*;

use crate::edge::{prefs, route};
use crate::i18n::kiosk::kiosk;
use crate::state::{Action, Device, Go, Model};

/// Yew's reducer wrapper around the plain model.
#[derive(PartialEq)]
pub(crate) struct Store(pub(crate) Model);

impl Reducible for Store {
    type Action = Action;
    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        Rc::new(Store(self.0.apply(action)))
    }
}

/// What every root starts with: the model and its dispatcher, the language remembered, the
/// offline cache registered, and the address followed when a link or Back changes it.
#[hook]
pub(crate) fn use_root() -> (UseReducerHandle<Store>, Callback<Action>) {
    let store = use_reducer(|| Store(Model::new(prefs::initial_lang(), route::current_page())));
    let dispatch: Callback<Action> = {
        let d = store.dispatcher();
        Callback::from(move |a| d.dispatch(a))
    };

    // Persistence of the language is one effect keyed by it.
    use_effect_with(store.0.lang, |lang| prefs::remember_lang(*lang));

    {
        let dispatch = dispatch.clone();
        use_effect_with((), move |()| {
            crate::edge::offline::register_service_worker();
            let listener =
                gloo::events::EventListener::new(&gloo::utils::window(), "hashchange", move |_| {
                    dispatch.emit(Action::Navigate(route::current_page()))
                });
            move || drop(listener)
        });
    }
    (store, dispatch)
}

/// Moves to the other HTML page when the model says this one cannot show it.
#[hook]
pub(crate) fn use_elsewhere(go: Option<Go>) {
    use_effect_with(go, |go| {
        if let Some(go) = go {
            route::go(go);
        }
    });
}

/// The notice for the officer or staff member, in the page's language.
pub(crate) fn notice(model: &Model) -> Option<AttrValue> {
    model
        .notice
        .as_ref()
        .map(|n| AttrValue::from(n.get(model.lang).to_owned()))
}

/// What to show instead of the meeting while this device cannot run one (storage opening,
/// refused, or the meeting open in another tab), or while moving to the other page.
pub(crate) fn not_ready(model: &Model, moving: bool) -> Option<Html> {
    let t = kiosk(model.lang);
    match &model.device {
        Device::Ready if !moving => None,
        Device::Starting | Device::Ready => Some(html! {
            <>
                <p class="status" role="status">{ t.starting }</p>
                { box_loading(model) }
            </>
        }),
        Device::NoStorage(why) => Some(html! {
            <section class="error" role="alert">
                <h1>{ t.no_storage_title }</h1>
                // Said in every language, the page's first: nothing else of phieu can be used,
                // and whoever is asked for help may read another language.
                { for std::iter::once(model.lang)
                    .chain(phieu_core::Lang::ALL.into_iter().filter(|l| *l != model.lang))
                    .map(|l| html! { <p lang={l.code()}>{ why.get(l) }</p> }) }
            </section>
        }),
        Device::OtherTab => Some(html! {
            <section class="error" role="alert">
                <h1>{ t.other_tab_title }</h1>
                <p>{ t.other_tab }</p>
            </section>
        }),
    }
}

/// A bar while a large box is read back from storage (`state::Loading`); nothing otherwise.
pub(crate) fn box_loading(model: &Model) -> Html {
    let Some(loading) = model.loading.filter(|l| l.shown()) else {
        return Html::default();
    };
    let label = kiosk(model.lang).reading_box(loading.done, loading.total);
    html! {
        <div class="box-loading">
            <label for="box-loading">{ label }</label>
            <progress id="box-loading" max={loading.total.to_string()}
                      value={loading.done.to_string()} />
        </div>
    }
}
