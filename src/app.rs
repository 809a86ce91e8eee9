//! The root component: owns the [`Model`], starts the effects, picks the page.
//!
//! Handlers here only dispatch actions or start an effect (`effects.rs`) that reports back
//! with actions; pages and components never touch the model directly.

use std::rc::Rc;

use phieu_core::{AuditBundle, Lang, Poll};
use yew::prelude::*;

use crate::components::header::Header;
use crate::edge::{poll_loader, prefs, random, route};
use crate::effects;
use crate::i18n::kiosk::kiosk;
use crate::pages::closing::Closing;
use crate::pages::locked::Locked;
use crate::pages::merge::Merge;
use crate::pages::officer::Officer;
use crate::pages::receipt::ReceiptScreen;
use crate::pages::results::Results;
use crate::pages::setup::Setup;
use crate::pages::verify::Verify;
use crate::pages::voter::Voter;
use crate::state::meeting::{Meeting, Phase, Step};
use crate::state::setup::{check, FieldProblem, SetupForm};
use crate::state::{Action, Device, Intent, Model, Page, PollState, Screen, VoterAction};

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
    let dispatch: Callback<Action> = {
        let d = store.dispatcher();
        Callback::from(move |a| d.dispatch(a))
    };

    // Persistence of the language is one effect keyed by it.
    use_effect_with(model.lang, |lang| prefs::remember_lang(*lang));

    // Storage, the one-tab lock, the meeting and the offline cache, once.
    {
        let dispatch = dispatch.clone();
        use_effect_with((), move |()| {
            crate::edge::offline::register_service_worker();
            effects::start(dispatch)
        });
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

    // The address bar names the page: follow it when a link or Back changes it.
    {
        let dispatch = dispatch.clone();
        use_effect_with((), move |()| {
            let listener =
                gloo::events::EventListener::new(&gloo::utils::window(), "hashchange", move |_| {
                    dispatch.emit(Action::Navigate(route::current_page()))
                });
            move || drop(listener)
        });
    }

    let on_lang = dispatch.reform(Action::SetLang);
    // While a voter holds the tablet, the header offers only the language.
    let kiosk_mode = model.page == Page::Home
        && matches!(
            model.screen,
            Screen::Voter(_) | Screen::Receipt(_) | Screen::Pin(_) | Screen::ConfirmClose
        );

    html! {
        <>
            <Header lang={model.lang} page={model.page} {on_lang} kiosk={kiosk_mode} />
            <main id="main" class="page">
                { match model.page {
                    Page::Home => home(model, &dispatch),
                    Page::Verify => html! { <Verify lang={model.lang} /> },
                    Page::Merge => html! { <Merge lang={model.lang} /> },
                } }
            </main>
        </>
    }
}

/// The meeting on this tablet, screen by screen.
fn home(model: &Model, dispatch: &Callback<Action>) -> Html {
    let lang = model.lang;
    let t = kiosk(lang);
    let notice = model
        .notice
        .as_ref()
        .map(|n| AttrValue::from(n.get(lang).to_owned()));
    match &model.device {
        Device::Starting => return html! { <p class="status" role="status">{ t.starting }</p> },
        Device::NoStorage(why) => {
            return html! {
                <section class="error" role="alert">
                    <h1>{ t.no_storage_title }</h1>
                    { for why.lines().map(|l| html! { <p>{ l }</p> }) }
                </section>
            }
        }
        Device::OtherTab => {
            return html! {
                <section class="error" role="alert">
                    <h1>{ t.other_tab_title }</h1>
                    <p>{ t.other_tab }</p>
                </section>
            }
        }
        Device::Ready => {}
    }
    let meeting = model.meeting.clone();
    let with_meeting = |f: fn(Meeting, Callback<Action>)| {
        let dispatch = dispatch.clone();
        let meeting = meeting.clone();
        Callback::from(move |()| {
            if let Some(m) = meeting.clone() {
                f(m, dispatch.clone());
            }
        })
    };
    let pin_locked = meeting
        .as_ref()
        .is_some_and(|m| m.pin_wait(js_sys::Date::now()).is_some());
    let on_pin = |intent: Intent| {
        let dispatch = dispatch.clone();
        let meeting = meeting.clone();
        Callback::from(move |pin: String| {
            if let Some(m) = meeting.clone() {
                effects::try_pin(m, pin, intent, dispatch.clone());
            }
        })
    };

    match (&model.screen, meeting.as_ref()) {
        (Screen::Setup, _) | (_, None) => {
            let on_create = {
                let dispatch = dispatch.clone();
                let poll = match &model.poll {
                    PollState::Ready(p) => Some(p.clone()),
                    _ => None,
                };
                Callback::from(move |form: SetupForm| {
                    create_meeting(&form, poll.clone(), &dispatch)
                })
            };
            html! {
                <Setup {lang} poll={model.poll.clone()} low_storage={model.low_storage.is_some()}
                       on_retry={dispatch.reform(|()| Action::LoadPoll)}
                       on_poll={dispatch.reform(Action::PollChosen)} {on_create} />
            }
        }
        (Screen::Officer, Some(m)) => {
            let on_open = {
                let dispatch = dispatch.clone();
                let m = m.clone();
                Callback::from(move |result| {
                    effects::open_voting(m.clone(), result, dispatch.clone())
                })
            };
            let on_phase = {
                let dispatch = dispatch.clone();
                let m = m.clone();
                Callback::from(move |phase| effects::set_phase(m.clone(), phase, dispatch.clone()))
            };
            html! {
                <>
                    if let Some(n) = &notice { <p class="problem" role="alert">{ n }</p> }
                    <Officer {lang} meeting={m.clone()} test={model.test.clone()}
                             low_storage={model.low_storage.is_some()}
                             on_test_ballot={dispatch.reform(|()| Action::StartVoter { test: true })}
                             on_check_test={with_meeting(effects::check_test)}
                             {on_open}
                             on_next_voter={dispatch.reform(|()| Action::StartVoter { test: false })}
                             {on_phase}
                             on_close={dispatch.reform(|()| Action::ConfirmClose)}
                             on_lock={dispatch.reform(|()| Action::Lock)} />
                </>
            }
        }
        (Screen::Pin(intent), Some(m)) => html! {
            <Locked {lang} paused={m.phase == Phase::Paused} {notice} locked={pin_locked}
                    on_pin={on_pin(*intent)} />
        },
        (Screen::Voter(voting), Some(m)) => {
            let on_action = {
                let dispatch = dispatch.clone();
                let m = m.clone();
                let voting = voting.clone();
                Callback::from(move |a: VoterAction| {
                    let confirm = matches!(a, VoterAction::Confirm);
                    if confirm && voting.step != Step::Review {
                        return;
                    }
                    dispatch.emit(Action::Vote(a));
                    if confirm {
                        effects::cast(
                            m.clone(),
                            voting.answers.clone(),
                            voting.test,
                            dispatch.clone(),
                        );
                    }
                })
            };
            // A fresh key per ballot: no element (and no text field's undo) survives a voter.
            html! {
                <Voter key={format!("ballot-{}-{}", m.ballots.len(), model.test.entered.len())}
                       {lang} poll={m.poll.clone()} voting={voting.clone()} {on_action} />
            }
        }
        (Screen::Receipt(code), Some(m)) => html! {
            <ReceiptScreen {lang} code={code.clone()} test={m.phase == Phase::Testing}
                           on_done={dispatch.reform(|()| Action::ReceiptDone)} />
        },
        (Screen::ConfirmClose, Some(m)) => html! {
            <Closing {lang} count={m.ballots.len()} {notice} locked={pin_locked}
                     on_pin={on_pin(Intent::Close)} on_cancel={dispatch.reform(|()| Action::ShowOfficer)} />
        },
        (Screen::Results, Some(m)) => results(m, lang, dispatch),
    }
}

fn create_meeting(
    form: &SetupForm,
    poll: Option<Rc<Poll>>,
    dispatch: &Callback<Action>,
) -> Vec<FieldProblem> {
    let (Some(poll), Some(salt), Some(id)) = (poll, random::bytes16(), random::id()) else {
        return vec![FieldProblem::new(
            "total",
            "Máy này không tạo được số ngẫu nhiên an toàn: không thể bỏ phiếu kín.",
            "This device cannot make secure random numbers: a secret ballot is impossible.",
        )];
    };
    match check(form, poll, id, salt) {
        Ok(meeting) => {
            effects::save(meeting, dispatch.clone());
            Vec::new()
        }
        Err(problems) => problems,
    }
}

/// After closing: the results of this tablet's box, from the audit bundle the core builds.
fn results(m: &Meeting, lang: Lang, dispatch: &Callback<Action>) -> Html {
    let t = kiosk(lang);
    let bundle = m
        .minutes()
        .map_err(|e| e.message(lang))
        .and_then(|minutes| {
            AuditBundle::new((*m.ballots).clone(), m.electorate, minutes)
                .map_err(|e| e.message(lang))
        });
    html! {
        <div class="meeting-results">
            { match bundle {
                Ok(b) => {
                    let (bundle_json, fingerprint) = (Rc::new(b.to_json()), b.fingerprint().to_hex());
                    html! { <>
                        <Results {lang} bundle={Rc::new(b)} />
                        <crate::components::upload::Upload {lang} {bundle_json} {fingerprint} />
                    </> }
                }
                Err(why) => html! { <p class="problem" role="alert">{ why }</p> },
            } }
            <button type="button" class="button button-secondary no-print"
                    onclick={dispatch.reform(|_: MouseEvent| Action::NewMeeting)}>{ t.new_meeting }</button>
        </div>
    }
}
