//! The tablet page (`index.html`): the meeting in progress, screen by screen: the officer's
//! console and the logic-and-accuracy test, the PIN pad, the voter's screens, the receipt and
//! the confirmation that closes voting. With no meeting in progress it sends the officer to the
//! office page (setup, or the results of the meeting just closed); a field survey in progress,
//! or an old survey address (`index.html#/survey?src=…`), to the survey page.

use phieu_core::Poll;
use yew::prelude::*;

use super::{not_ready, notice, use_elsewhere, use_root};
use crate::components::header::Header;
use crate::components::outbox_pump::OutboxPump;
use crate::components::pin_pad::PinPad;
use crate::edge::route;
use crate::effects;
use crate::i18n::kiosk::kiosk;
use crate::pages::closing::Closing;
use crate::pages::locked::Locked;
use crate::pages::officer::Officer;
use crate::pages::receipt::ReceiptScreen;
use crate::pages::voter::Voter;
use crate::state::meeting::{Meeting, Phase, Proceedings, Step};
use crate::state::{Action, Doc, Intent, Model, Screen, VoterAction};

#[function_component(TabletApp)]
pub fn tablet_app() -> Html {
    let (store, dispatch) = use_root();
    let model = &store.0;

    let go = model.elsewhere(Doc::Tablet);
    let moving = go.is_some();

    // Storage, the one-tab lock and the meeting, once; and the hand-over of a meeting the
    // office page has just created (its console opens without the PIN, that once). Not when
    // the address is another page's (an old survey address): the browser is moving there.
    {
        let dispatch = dispatch.clone();
        use_effect_with((), move |()| {
            if moving {
                return;
            }
            let hand_over = route::take_hand_over();
            // The poll was checked before it was stored: the smaller reader is enough.
            effects::start(
                Poll::from_json_plain,
                Callback::from(move |action: Action| {
                    let handed = match (&action, &hand_over) {
                        (Action::Started(Some(m)), Some(id)) if &m.id == id => Some(id.clone()),
                        _ => None,
                    };
                    let reread = match &action {
                        Action::Started(Some(m)) => Some(m.clone()),
                        _ => None,
                    };
                    dispatch.emit(action);
                    // A voter held the tablet when the page went away: say what became of
                    // the ballot (the lock screen, the console).
                    if let Some(m) = reread {
                        effects::settle_open_ballot(&m, &dispatch);
                    }
                    if let Some(id) = handed {
                        dispatch.emit(Action::HandedOver(id));
                    }
                }),
            )
        });
    }

    use_elsewhere(go);

    // The console of an open sitting draws its voter-admission code once (memory only).
    let wants_code = model.screen == Screen::Officer
        && model.admit.is_none()
        && model
            .meeting
            .as_ref()
            .is_some_and(|m| m.phase == Phase::Open);
    {
        let dispatch = dispatch.clone();
        use_effect_with(wants_code, move |wants| {
            if *wants {
                effects::draw_admit(&dispatch);
            }
        });
    }

    let on_lang = dispatch.reform(Action::SetLang);
    // While a voter holds the tablet, the browser's Back stays on the ballot (edge::route).
    let voter_holds = matches!(
        model.screen,
        Screen::Voter(_) | Screen::Receipt(_) | Screen::CancelBallot(_)
    );
    use_effect_with(voter_holds, |holds| {
        let guard = holds.then(route::hold_back).flatten();
        move || drop(guard)
    });

    // Large text and high contrast, set by the officer, on the voter's own screens only.
    let large = model.large && voter_holds;
    html! {
        // The outbox pump sends waiting bundles whatever this page shows (components::outbox_pump).
        <OutboxPump>
            <Header lang={model.lang} here={Doc::Tablet} page={model.page} {on_lang}
                    nav={model.offers_nav(Doc::Tablet)} />
            <main id="main" class={classes!("page", large.then_some("voter-large"))}>
                { not_ready(model, moving).unwrap_or_else(|| meeting(model, &dispatch)) }
            </main>
        </OutboxPump>
    }
}

/// The meeting in progress on this tablet, screen by screen.
fn meeting(model: &Model, dispatch: &Callback<Action>) -> Html {
    let lang = model.lang;
    let notice = notice(model);
    let Some(m) = model.meeting.as_ref() else {
        // Never shown: without a meeting the tablet page moves to setup.
        return Html::default();
    };
    let with_meeting = |f: fn(Meeting, Callback<Action>)| {
        let dispatch = dispatch.clone();
        let m = m.clone();
        Callback::from(move |()| f(m.clone(), dispatch.clone()))
    };
    let pin_locked = m.pin_wait(effects::now()).is_some();
    let on_pin = |intent: Intent| {
        let dispatch = dispatch.clone();
        let m = m.clone();
        Callback::from(move |pin: String| {
            effects::try_pin(m.clone(), pin, intent, dispatch.clone())
        })
    };

    // Closing keeps what the officer typed for the minutes with the meeting, stored with the
    // PIN attempt (a wrong PIN keeps it too, so nothing typed is lost).
    let on_close_pin = {
        let dispatch = dispatch.clone();
        let m = m.clone();
        Callback::from(move |(pin, proceedings): (String, Proceedings)| {
            let meeting = Meeting {
                proceedings,
                ..m.clone()
            };
            effects::try_pin(meeting, pin, Intent::Close, dispatch.clone())
        })
    };

    let start_voter = |test: bool| {
        let dispatch = dispatch.clone();
        let m = m.clone();
        Callback::from(move |()| effects::start_voter(&m, test, &dispatch))
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
                             low_storage={model.storage.is_some_and(|s| s.low())}
                             abandoned={model.abandoned}
                             on_test_ballot={start_voter(true)}
                             on_check_test={with_meeting(effects::check_test)}
                             {on_open}
                             on_next_voter={start_voter(false)}
                             {on_phase}
                             on_close={dispatch.reform(|()| Action::ConfirmClose)}
                             on_lock={dispatch.reform(|()| Action::Lock)}
                             admit={model.admit.as_ref().map(|a| AttrValue::from(a.code().to_owned()))}
                             on_redraw={{
                                 let dispatch = dispatch.clone();
                                 Callback::from(move |()| effects::draw_admit(&dispatch))
                             }}
                             large={model.large} keep_large={model.keep_large}
                             on_large={dispatch.reform(Action::SetLarge)}
                             on_keep_large={dispatch.reform(Action::KeepLarge)}
                             on_hands={{
                                 let dispatch = dispatch.clone();
                                 let m = m.clone();
                                 Callback::from(move |(at, typed): (usize, Vec<String>)| {
                                     effects::meeting_step(&m, |m| m.enter_hands(at, &typed), dispatch.clone())
                                 })
                             }}
                             on_paper_tap={{
                                 let dispatch = dispatch.clone();
                                 let m = m.clone();
                                 Callback::from(move |(k, tap)| {
                                     effects::meeting_step(&m, |m| m.paper_step(|p, _, _| p.tap(k, tap)), dispatch.clone())
                                 })
                             }}
                             on_paper_recount={{
                                 let dispatch = dispatch.clone();
                                 let m = m.clone();
                                 Callback::from(move |k| {
                                     effects::meeting_step(&m, |m| m.paper_step(|p, poll, _| p.recount(k, poll)), dispatch.clone())
                                 })
                             }}
                             on_paper_issued={{
                                 let dispatch = dispatch.clone();
                                 let m = m.clone();
                                 Callback::from(move |typed: String| {
                                     effects::meeting_step(&m, |m| m.paper_step(|p, _, limit| p.set_issued(&typed, limit)), dispatch.clone())
                                 })
                             }} />
                </>
            }
        }
        Screen::Pin(intent) => {
            let on_admit = {
                let dispatch = dispatch.clone();
                let m = m.clone();
                let admit = model.admit.clone();
                Callback::from(move |typed: String| {
                    if let Some(admit) = admit.clone() {
                        effects::admit(m.clone(), admit, typed, dispatch.clone());
                    }
                })
            };
            let admit =
                *intent == Intent::Officer && m.phase == Phase::Open && model.admit.is_some();
            html! {
                <Locked {lang} paused={m.phase == Phase::Paused} {notice} locked={pin_locked}
                        last={model.last_ballot} {admit} {on_admit}
                        large={model.large} on_large={dispatch.reform(Action::SetLarge)}
                        on_pin={on_pin(*intent)} />
            }
        }
        Screen::CancelBallot(_) => {
            let t = kiosk(lang);
            html! {
                <div class="locked cancel-turn">
                    <h1>{ t.cancel_turn_title }</h1>
                    <p class="voter-hint">{ t.cancel_turn_body }</p>
                    if let Some(n) = &notice { <p class="problem" role="alert">{ n }</p> }
                    <button type="button" class="button button-big" onclick={dispatch.reform(|_: MouseEvent| Action::BackToBallot)}>
                        { t.back_to_ballot }
                    </button>
                    <PinPad label={t.officer_pin} submit={t.cancel_turn_ok} delete={t.delete_digit}
                            on_submit={on_pin(Intent::CancelBallot)} disabled={pin_locked} />
                </div>
            }
        }
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
            // The officer's way out when a voter walks away (not for the officer's own test ballots).
            let cancel = (!voting.test && voting.step != Step::Saving).then(|| html! {
                <p class="officer-cancel">
                    <button type="button" class="link-button" onclick={dispatch.reform(|_: MouseEvent| Action::CancelBallot)}>
                        { kiosk(lang).cancel_turn }
                    </button>
                </p>
            });
            // A fresh key per ballot: no element (and no text field's undo) survives a voter.
            html! {
                <>
                    <Voter key={format!("ballot-{}-{}-{}", m.ballots.len(), model.test.entered.len(), m.issued.unwrap_or(0))}
                           {lang} poll={m.poll.clone()} voting={voting.clone()} {on_action}
                           listen={model.speech.ready()} />
                    { for cancel }
                </>
            }
        }
        Screen::Receipt(code) => html! {
            <ReceiptScreen {lang} code={code.clone()} test={m.phase == Phase::Testing}
                           on_done={dispatch.reform(|()| Action::ReceiptDone)} />
        },
        Screen::ConfirmClose => html! {
            <Closing {lang} count={m.ballots.len()} proceedings={m.proceedings.clone()} {notice}
                     locked={pin_locked} on_pin={on_close_pin}
                     on_cancel={dispatch.reform(|()| Action::ShowOfficer)} />
        },
        // Never shown: the tablet page moves to the office page for these, and a field
        // survey's screens are the survey page's.
        Screen::Setup | Screen::Results | Screen::Field(_) => Html::default(),
    }
}
