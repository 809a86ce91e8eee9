//! The survey page (`survey.html`): a field survey on a staff member's own device, and nothing
//! else (docs/field-survey.md): the poll fetched and checked, the respondent's screens, the
//! resume screen after an interruption, the staff member's screen between respondents, and
//! closing into a closed meeting, whose results the office page shows. No officer's console,
//! no PIN pad and no outbox pump: the office page sends the closed survey's bundle. A
//! village's decision or election runs here too, as forms handed to households: the roll's
//! setup, then the officer's screen with the household roll between forms.

use yew::prelude::*;

use super::{not_ready, notice, use_elsewhere, use_root};
use crate::components::header::Header;
use crate::edge::route;
use crate::effects;
use crate::i18n::field::field;
use crate::pages::field::{Close, Failed, Households, NewRoll, Respondent, Resume, Staff};
use crate::state::field::{FieldAction, FieldScreen, Household, Roll};
use crate::state::meeting::{Meeting, Step, Voting};
use crate::state::{Action, Device, Doc, Model, Page, Screen, VoterAction};
use phieu_core::Answer;

#[function_component(SurveyApp)]
pub fn survey_app() -> Html {
    let (store, dispatch) = use_root();
    let model = &store.0;

    let go = model.elsewhere(Doc::Survey);
    let moving = go.is_some();

    // The poll of the address (`?src=`) fetched while storage opens, then the first question
    // at once; without one, the session in progress on this device.
    {
        let dispatch = dispatch.clone();
        use_effect_with((), move |()| {
            if !moving {
                effects::field::start(route::survey_src(), dispatch);
            }
        });
    }

    // The first question may have been drawn before the wasm (`assets/first-question.js`): once
    // this page shows its own first screen, that drawing goes, and an option tapped on it is
    // the new respondent's answer.
    {
        let settled = moving || model.device != Device::Starting;
        let fresh = match (&model.screen, &model.meeting) {
            (Screen::Voter(v), Some(m))
                if v.step == Step::Question(0) && v.answers.iter().all(|a| *a == Answer::Blank) =>
            {
                Some(m.poll.clone())
            }
            _ => None,
        };
        let dispatch = dispatch.clone();
        use_effect_with(settled, move |settled| {
            if *settled {
                effects::field::take_over_early(fresh, &dispatch);
            }
        });
    }

    // A survey's address typed over this page's hash changes only the hash: load it afresh,
    // so its session opens as on a first visit.
    {
        let first = use_mut_ref(|| model.page);
        use_effect_with(model.page, move |page| {
            if *page == Page::Survey && *first.borrow() != Page::Survey {
                route::reload();
            }
        });
    }

    use_elsewhere(go);

    let on_lang = dispatch.reform(Action::SetLang);
    html! {
        <>
            <Header lang={model.lang} here={Doc::Survey} page={model.page} {on_lang}
                    nav={model.offers_nav(Doc::Survey)} />
            <main id="main" class="page">
                { not_ready(model, moving).unwrap_or_else(|| survey(model, &dispatch)) }
            </main>
        </>
    }
}

/// The field survey on this device, screen by screen.
fn survey(model: &Model, dispatch: &Callback<Action>) -> Html {
    let lang = model.lang;
    if let Screen::Field(FieldScreen::Failed(why)) = &model.screen {
        return html! {
            <Failed {lang} why={why.get(lang).to_owned()} on_retry={Callback::from(|()| route::reload())} />
        };
    }
    if let Screen::Field(FieldScreen::NewRoll(poll)) = &model.screen {
        let on_start = {
            let dispatch = dispatch.clone();
            let poll = poll.clone();
            Callback::from(move |(total, names): (String, String)| {
                match Roll::new(&total, &names) {
                    Ok(roll) => effects::field::begin_forms(poll.clone(), roll, dispatch.clone()),
                    Err(e) => dispatch.emit(Action::Notice(Some(e.notice()))),
                }
            })
        };
        return html! { <NewRoll {lang} poll={poll.clone()} notice={notice(model)} {on_start} /> };
    }
    match model.meeting.as_ref() {
        Some(m) if m.field.is_some() => field_survey(model, m, dispatch),
        // Never shown: the survey page moves to the page that shows anything else.
        _ => Html::default(),
    }
}

/// A field session's screens, with the staff member told of damaged records (left out of the
/// count, and put in the minutes) between respondents and when closing.
fn field_survey(model: &Model, m: &Meeting, dispatch: &Callback<Action>) -> Html {
    let damaged = model.field.as_ref().map_or(0, |s| s.damaged);
    let staff_screen = matches!(
        model.screen,
        Screen::Field(FieldScreen::Between { .. } | FieldScreen::Close)
    );
    let note = (damaged > 0 && staff_screen).then(|| {
        let words = field(model.lang).damaged(damaged);
        html! { <p class="warning damaged" role="alert">{ words }</p> }
    });
    html! {
        <>
            { for note }
            { field_screens(model, m, dispatch) }
        </>
    }
}

/// The respondent's form, the resume screen,
/// the staff member's screen between respondents, closing (`state::field`).
fn field_screens(model: &Model, m: &Meeting, dispatch: &Callback<Action>) -> Html {
    let lang = model.lang;
    let notice = notice(model);
    let session = model.field.clone().unwrap_or_default();
    let field_action = |a: FieldAction| dispatch.reform(move |()| Action::Field(a.clone()));
    // A collection by forms: between forms, the officer's screen with the household roll. A
    // household's form set aside is offered back even with nothing answered: its household is
    // marked, and another household's form would lose it.
    if let (Screen::Field(FieldScreen::Between { saved }), Some(roll)) =
        (&model.screen, session.roll.clone())
    {
        let on_hand = {
            let dispatch = dispatch.clone();
            let (m, roll) = (m.clone(), roll.clone());
            Callback::from(move |n: Household| {
                effects::field::hand(&m, roll.clone(), n, dispatch.clone())
            })
        };
        return html! {
            <Households key={format!("households-{}", m.ballots.len())} {lang} poll={m.poll.clone()}
                        {roll} collected={m.ballots.len()} saved={*saved} days={session.days.clone()}
                        today={session.today.clone()} paused={session.paused.is_some()} {notice}
                        {on_hand} on_back={field_action(FieldAction::Next)}
                        on_close={field_action(FieldAction::AskClose)} />
        };
    }
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
                let m = m.clone();
                Callback::from(move |v: Voting| effects::field::save_draft(&m, v, dispatch.clone()))
            };
            // A fresh key per respondent: nothing of one survives to the next.
            let handed = session.roll.as_ref().map_or(0, Roll::answered_count);
            html! {
                <Respondent key={format!("respondent-{}-{handed}", m.ballots.len())} {lang}
                            poll={m.poll.clone()} voting={voting.clone()} {on_action} {on_change}
                            on_staff={field_action(FieldAction::Staff)} listen={model.speech.ready()} />
            }
        }
        Screen::Field(FieldScreen::Resume(draft)) => {
            let on_discard = {
                let dispatch = dispatch.clone();
                let m = m.clone();
                Callback::from(move |()| effects::field::discard(&m, dispatch.clone()))
            };
            html! {
                <Resume {lang} poll={m.poll.clone()} draft={draft.clone()}
                        on_resume={field_action(FieldAction::Resume)} {on_discard} />
            }
        }
        Screen::Field(FieldScreen::Between { saved }) => html! {
            <Staff key={format!("staff-{}", m.ballots.len())} {lang} poll={m.poll.clone()}
                   saved={*saved} days={session.days.clone()} today={session.today.clone()}
                   paused={session.unfinished()} {notice}
                   on_next={field_action(FieldAction::Next)}
                   on_close={field_action(FieldAction::AskClose)} />
        },
        Screen::Field(FieldScreen::Close) => {
            let on_close = {
                let dispatch = dispatch.clone();
                let m = m.clone();
                let days = session.days.clone();
                let roll = session.roll.clone();
                let damaged = session.damaged;
                Callback::from(move |names: (String, String)| {
                    effects::field::close(
                        m.clone(),
                        days.clone(),
                        roll.clone(),
                        names,
                        damaged,
                        dispatch.clone(),
                    )
                })
            };
            let unfinished = session.unfinished();
            let households = session.roll.as_ref().map(Roll::total);
            html! {
                <Close {lang} count={m.ballots.len()} {households} place={m.place.clone()} {unfinished} {notice}
                       {on_close} on_cancel={field_action(FieldAction::CancelClose)} />
            }
        }
        // Never shown: a field session has no officer's screens, and a closed one moves to
        // the office page.
        _ => Html::default(),
    }
}
