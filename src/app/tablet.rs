//! The tablet page (`index.html`): the meeting in progress, screen by screen: the officer's
//! console and the logic-and-accuracy test, the PIN pad, the voter's screens, the receipt and
//! the confirmation that closes voting. With no meeting in progress it sends the officer to the
//! office page (setup, or the results of the meeting just closed).

use yew::prelude::*;

use super::{not_ready, use_elsewhere, use_root};
use crate::components::header::Header;
use crate::components::outbox_pump::OutboxPump;
use crate::edge::route;
use crate::effects;
use crate::pages::closing::Closing;
use crate::pages::field::{Close, Failed, Respondent, Resume, Staff};
use crate::pages::locked::Locked;
use crate::pages::officer::Officer;
use crate::pages::receipt::ReceiptScreen;
use crate::pages::voter::Voter;
use crate::state::field::{Draft, FieldAction, FieldScreen};
use crate::state::meeting::{Meeting, Phase, Step, Voting};
use crate::state::{Action, Doc, Intent, Model, Page, Screen, VoterAction};

#[function_component(TabletApp)]
pub fn tablet_app() -> Html {
    let (store, dispatch) = use_root();
    let model = &store.0;

    // Storage, the one-tab lock and the meeting, once; and the hand-over of a meeting the
    // office page has just created (its console opens without the PIN, that once).
    {
        let dispatch = dispatch.clone();
        use_effect_with((), move |()| {
            // A field survey's address opens its session straight on the first question.
            if route::current_page() == Page::Survey {
                return effects::field::start(route::survey_src(), dispatch);
            }
            let hand_over = route::take_hand_over();
            effects::start(Callback::from(move |action: Action| {
                let handed = match (&action, &hand_over) {
                    (Action::Started(Some(m)), Some(id)) if &m.id == id => Some(id.clone()),
                    _ => None,
                };
                // A field survey in progress opens as one (its draft and counts), not on a PIN.
                if let Action::Started(Some(m)) = &action {
                    if m.field.is_some() && m.phase != Phase::Closed {
                        return effects::field::open(m.clone(), dispatch.clone());
                    }
                }
                dispatch.emit(action);
                if let Some(id) = handed {
                    dispatch.emit(Action::HandedOver(id));
                }
            }))
        });
    }

    // A survey's address typed over this page's changes only the hash: load it afresh, so
    // its session opens as on a first visit.
    {
        let first = use_mut_ref(|| model.page);
        use_effect_with(model.page, move |page| {
            if *page == Page::Survey && *first.borrow() != Page::Survey {
                route::reload();
            }
        });
    }

    let go = model.elsewhere(Doc::Tablet);
    let moving = go.is_some();
    use_elsewhere(go);

    let on_lang = dispatch.reform(Action::SetLang);
    // While a voter holds the tablet, the header offers only the language.
    let kiosk_mode = matches!(
        model.screen,
        Screen::Voter(_)
            | Screen::Receipt(_)
            | Screen::Pin(_)
            | Screen::ConfirmClose
            | Screen::Field(_)
    );

    html! {
        // The outbox pump sends waiting bundles whatever this page shows (components::outbox_pump).
        <OutboxPump>
            <Header lang={model.lang} here={Doc::Tablet} page={model.page} {on_lang}
                    kiosk={kiosk_mode} />
            <main id="main" class="page">
                { not_ready(model, moving).unwrap_or_else(|| meeting(model, &dispatch)) }
            </main>
        </OutboxPump>
    }
}

/// The meeting in progress on this tablet, screen by screen.
fn meeting(model: &Model, dispatch: &Callback<Action>) -> Html {
    let lang = model.lang;
    let notice = model
        .notice
        .as_ref()
        .map(|n| AttrValue::from(n.get(lang).to_owned()));
    if let Screen::Field(FieldScreen::Failed(why)) = &model.screen {
        return html! {
            <Failed {lang} why={why.get(lang).to_owned()} on_retry={Callback::from(|()| route::reload())} />
        };
    }
    let Some(m) = model.meeting.as_ref() else {
        // Never shown: without a meeting the tablet page moves to setup.
        return Html::default();
    };
    if m.field.is_some() {
        return field_survey(model, m, dispatch);
    }
    let with_meeting = |f: fn(Meeting, Callback<Action>)| {
        let dispatch = dispatch.clone();
        let m = m.clone();
        Callback::from(move |()| f(m.clone(), dispatch.clone()))
    };
    let pin_locked = m.pin_wait(js_sys::Date::now()).is_some();
    let on_pin = |intent: Intent| {
        let dispatch = dispatch.clone();
        let m = m.clone();
        Callback::from(move |pin: String| {
            effects::try_pin(m.clone(), pin, intent, dispatch.clone())
        })
    };

    match &model.screen {
        Screen::Officer => {
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
        Screen::Pin(intent) => html! {
            <Locked {lang} paused={m.phase == Phase::Paused} {notice} locked={pin_locked}
                    on_pin={on_pin(*intent)} />
        },
        Screen::Voter(voting) => {
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
        Screen::Receipt(code) => html! {
            <ReceiptScreen {lang} code={code.clone()} test={m.phase == Phase::Testing}
                           on_done={dispatch.reform(|()| Action::ReceiptDone)} />
        },
        Screen::ConfirmClose => html! {
            <Closing {lang} count={m.ballots.len()} {notice} locked={pin_locked}
                     on_pin={on_pin(Intent::Close)} on_cancel={dispatch.reform(|()| Action::ShowOfficer)} />
        },
        // Never shown: the tablet page moves to the office page for these, and a field
        // survey's screens belong to a field session (`field_survey`).
        Screen::Setup | Screen::Results | Screen::Field(_) => Html::default(),
    }
}

/// A field survey on the staff member's own device: the respondent's form, the resume screen,
/// the staff member's screen between respondents, closing (`state::field`).
fn field_survey(model: &Model, m: &Meeting, dispatch: &Callback<Action>) -> Html {
    let lang = model.lang;
    let notice = model
        .notice
        .as_ref()
        .map(|n| AttrValue::from(n.get(lang).to_owned()));
    let session = model.field.clone().unwrap_or_default();
    let field_action = |a: FieldAction| dispatch.reform(move |()| Action::Field(a.clone()));
    match &model.screen {
        Screen::Voter(voting) => {
            let on_action = {
                let dispatch = dispatch.clone();
                let m = m.clone();
                let voting = voting.clone();
                let days = session.days.clone();
                Callback::from(move |a: VoterAction| {
                    let confirm = matches!(a, VoterAction::Confirm);
                    if confirm && voting.step != Step::Review {
                        return;
                    }
                    // A respondent has no welcome screen to go back to.
                    if matches!(a, VoterAction::Back) && voting.back(&m.poll).step == Step::Welcome
                    {
                        return;
                    }
                    dispatch.emit(Action::Vote(a));
                    if confirm {
                        effects::field::commit(
                            m.clone(),
                            voting.answers.clone(),
                            days.clone(),
                            dispatch.clone(),
                        );
                    }
                })
            };
            let on_change = {
                let dispatch = dispatch.clone();
                let id = m.id.clone();
                Callback::from(move |v: Voting| {
                    effects::field::save_draft(id.clone(), v, dispatch.clone())
                })
            };
            // A fresh key per respondent: nothing of one survives to the next.
            html! {
                <Respondent key={format!("respondent-{}", m.ballots.len())} {lang}
                            poll={m.poll.clone()} voting={voting.clone()} {on_action} {on_change}
                            on_staff={field_action(FieldAction::Staff)} />
            }
        }
        Screen::Field(FieldScreen::Resume(draft)) => {
            let on_discard = {
                let dispatch = dispatch.clone();
                let id = m.id.clone();
                Callback::from(move |()| effects::field::discard(id.clone(), dispatch.clone()))
            };
            html! {
                <Resume {lang} poll={m.poll.clone()} draft={draft.clone()}
                        on_resume={field_action(FieldAction::Resume)} {on_discard} />
            }
        }
        Screen::Field(FieldScreen::Between { saved }) => html! {
            <Staff key={format!("staff-{}", m.ballots.len())} {lang} poll={m.poll.clone()}
                   saved={*saved} days={session.days.clone()} today={session.today.clone()}
                   paused={session.paused.as_ref().is_some_and(|v| Draft::of(v).is_some())} {notice}
                   on_next={field_action(FieldAction::Next)}
                   on_close={field_action(FieldAction::AskClose)} />
        },
        Screen::Field(FieldScreen::Close) => {
            let on_close = {
                let dispatch = dispatch.clone();
                let m = m.clone();
                let days = session.days.clone();
                Callback::from(move |(place, staff): (String, String)| {
                    effects::field::close(m.clone(), days.clone(), place, staff, dispatch.clone())
                })
            };
            let unfinished = session
                .paused
                .as_ref()
                .is_some_and(|v| Draft::of(v).is_some());
            html! {
                <Close {lang} count={m.ballots.len()} place={m.place.clone()} {unfinished} {notice}
                       {on_close} on_cancel={field_action(FieldAction::CancelClose)} />
            }
        }
        // Never shown: a field session has no officer's screens, and a closed one moves to
        // the office page.
        _ => Html::default(),
    }
}
