//! The office page (`office.html`): preparing a meeting and designing its poll, the results of
//! the meeting just closed (minutes, exports, upload), and the auditor's verify and merge pages.
//! A meeting in progress is run on the tablet page: this page sends the browser there.

use std::rc::Rc;

use phieu_core::{Lang, Poll};
use yew::prelude::*;

use super::{box_loading, not_ready, use_elsewhere, use_root};
use crate::components::header::Header;
use crate::components::outbox_pump::OutboxPump;
use crate::components::upload::Upload;
use crate::edge::{poll_loader, random, route};
use crate::effects;
use crate::i18n::kiosk::kiosk;
use crate::pages::designer::DesignerPage;
use crate::pages::merge::Merge;
use crate::pages::past::PastMeetings;
use crate::pages::results::Results;
use crate::pages::setup::Setup;
use crate::pages::verify::Verify;
use crate::state::meeting::{Meeting, Phase};
use crate::state::setup::{check, FieldProblem, SetupForm};
use crate::state::{Action, Doc, Model, Page, PollState, Screen};

#[function_component(OfficeApp)]
pub fn office_app() -> Html {
    let (store, dispatch) = use_root();
    let model = &store.0;

    // Storage, the one-tab lock and the meeting (in progress, or the last one closed), once.
    {
        let dispatch = dispatch.clone();
        // Setup reads polls with their error paths: the same reader, not a second one.
        use_effect_with((), move |()| effects::start(Poll::from_json, dispatch));
    }

    // Load the demo poll whenever the state says so (first render, or "try again").
    {
        let dispatch = dispatch.clone();
        let loading = matches!(model.poll, PollState::Loading);
        use_effect_with(loading, move |loading| {
            if *loading {
                yew::platform::spawn_local(async move {
                    let loaded = poll_loader::load_poll(poll_loader::DEMO_POLL_URL).await;
                    dispatch.emit(Action::PollLoaded(loaded.map(Rc::new).map_err(Rc::new)));
                });
            }
        });
    }

    // Each page of the office opens at its top (issue 22, item 8): the designer, followed from
    // the middle of setup, does not open scrolled halfway down.
    use_effect_with(model.page, |_| crate::edge::dom::scroll_to_top());

    // The list of meetings is read each time the officer opens it.
    {
        let dispatch = dispatch.clone();
        let ready = matches!(model.device, crate::state::Device::Ready);
        use_effect_with((model.page, ready), move |(page, ready)| {
            if *page == Page::Meetings && *ready {
                effects::past::list(dispatch);
            }
        });
    }

    let go = model.elsewhere(Doc::Office);
    let moving = go.is_some();
    use_elsewhere(go);

    let on_lang = dispatch.reform(Action::SetLang);
    html! {
        // The outbox pump sends waiting bundles whatever this page shows (components::outbox_pump).
        <OutboxPump>
            <Header lang={model.lang} here={Doc::Office} page={model.page} {on_lang}
                    nav={model.offers_nav(Doc::Office)} />
            <main id="main" class="page">
                { match model.page {
                    Page::Verify => html! { <Verify lang={model.lang} /> },
                    Page::Merge => html! { <Merge lang={model.lang} /> },
                    Page::Meetings => not_ready(model, moving)
                        .unwrap_or_else(|| past(model, &dispatch)),
                    Page::Designer => not_ready(model, moving)
                        .unwrap_or_else(|| designer(model, &dispatch)),
                    Page::Home | Page::Setup | Page::Survey => not_ready(model, moving)
                        .unwrap_or_else(|| meeting(model, &dispatch)),
                } }
            </main>
        </OutboxPump>
    }
}

/// The meetings kept on this device (`state::past`).
fn past(model: &Model, dispatch: &Callback<Action>) -> Html {
    let notice = model
        .notice
        .as_ref()
        .map(|n| AttrValue::from(n.get(model.lang).to_owned()));
    let on_open = {
        let dispatch = dispatch.clone();
        Callback::from(move |id: String| effects::past::open(id, dispatch.clone()))
    };
    let on_delete = {
        let dispatch = dispatch.clone();
        Callback::from(move |entry| effects::past::delete(entry, dispatch.clone()))
    };
    html! {
        <>
            { box_loading(model) }
            <PastMeetings lang={model.lang} past={model.past.clone()} {notice} {on_open} {on_delete} />
        </>
    }
}

/// The poll designer. It edits its own draft; "use this poll" hands a checked copy to setup
/// (ARCHITECTURE.md: the designer never edits a poll in use).
fn designer(model: &Model, dispatch: &Callback<Action>) -> Html {
    let current = match &model.poll {
        PollState::Ready(p) => Some(p.clone()),
        _ => None,
    };
    let on_use = {
        let dispatch = dispatch.clone();
        Callback::from(move |poll: Rc<Poll>| {
            dispatch.emit(Action::PollChosen(poll));
            route::show(Page::Setup);
        })
    };
    html! { <DesignerPage lang={model.lang} {current} {on_use} /> }
}

/// No meeting in progress: the results of the last one closed, or setup of the next.
fn meeting(model: &Model, dispatch: &Callback<Action>) -> Html {
    let lang = model.lang;
    let notice = model.notice.as_ref().map(|n| n.get(lang).to_owned());
    let closed = model
        .meeting
        .as_ref()
        .filter(|m| m.phase == Phase::Closed && model.screen == Screen::Results);
    if let (Page::Home, Some(m)) = (model.page, closed) {
        return html! {
            <>
                if let Some(n) = notice { <p class="problem" role="alert">{ n }</p> }
                <ClosedResults meeting={m.clone()} {lang} dispatch={dispatch.clone()} />
            </>
        };
    }
    let on_create = {
        let dispatch = dispatch.clone();
        let poll = match &model.poll {
            PollState::Ready(p) => Some(p.clone()),
            _ => None,
        };
        Callback::from(move |form: SetupForm| create_meeting(&form, poll.clone(), &dispatch))
    };
    html! {
        <>
            if let Some(n) = notice { <p class="problem" role="alert">{ n }</p> }
            <Setup {lang} poll={model.poll.clone()} storage={model.storage} speech={model.speech.clone()}
                   on_retry={dispatch.reform(|()| Action::LoadPoll)}
                   on_poll={dispatch.reform(Action::PollChosen)} {on_create} />
        </>
    }
}

fn create_meeting(
    form: &SetupForm,
    poll: Option<Rc<Poll>>,
    dispatch: &Callback<Action>,
) -> Vec<FieldProblem> {
    let (Some(poll), Some(salt), Some(id)) = (poll, random::bytes16(), random::id()) else {
        return vec![FieldProblem::each("total", |l| {
            crate::state::words::meeting_says(l).no_secure_random
        })];
    };
    match check(form, poll, id, salt) {
        Ok(meeting) => {
            effects::past::create(meeting, dispatch.clone());
            Vec::new()
        }
        Err(problems) => problems,
    }
}

#[derive(Properties, PartialEq)]
struct ClosedProps {
    meeting: Meeting,
    lang: Lang,
    dispatch: Callback<Action>,
}

/// After closing: the results of this tablet's box, from the audit bundle the core builds
/// (`Meeting::audit_bundle`), with its JSON and fingerprint: built once for each meeting and
/// language, not on every render.
#[function_component(ClosedResults)]
fn closed_results(props: &ClosedProps) -> Html {
    let ClosedProps {
        meeting: m,
        lang,
        dispatch,
    } = props;
    let lang = *lang;
    let t = kiosk(lang);
    let bundle = use_memo((m.clone(), lang), |(m, lang)| {
        m.audit_bundle(*lang).map(|b| {
            let (json, fingerprint) = (Rc::new(b.to_json()), b.fingerprint().to_hex());
            (Rc::new(b), json, fingerprint)
        })
    });
    html! {
        <div class="meeting-results">
            { match &*bundle {
                Ok((b, bundle_json, fingerprint)) => {
                    let (bundle, bundle_json, fingerprint) = (b.clone(), bundle_json.clone(), fingerprint.clone());
                    // Changing where bundles go takes the officer's PIN (issue 17).
                    let on_pin = {
                        let (m, dispatch) = (m.clone(), dispatch.clone());
                        Callback::from(move |(pin, done)| {
                            effects::confirm_pin(m.clone(), pin, dispatch.clone(), done)
                        })
                    };
                    // Saving the audit file lets the meeting be deleted from the device later.
                    let on_exported = {
                        let (m, dispatch) = (m.clone(), dispatch.clone());
                        Callback::from(move |()| effects::past::exported(m.clone(), dispatch.clone()))
                    };
                    html! { <>
                        <Results {lang} {bundle} {on_exported} />
                        <Upload {lang} {bundle_json} {fingerprint} {on_pin} />
                    </> }
                }
                Err(why) => html! { <p class="problem" role="alert">{ why }</p> },
            } }
            <button type="button" class="button button-secondary no-print"
                    onclick={dispatch.reform(|_: MouseEvent| Action::NewMeeting)}>{ t.new_meeting }</button>
            <p class="hint no-print">{ t.new_meeting_hint }</p>
        </div>
    }
}
