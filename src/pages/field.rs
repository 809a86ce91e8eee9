//! A field survey's screens (`state::field`): the respondent's form (the voter's own screens,
//! with a bar for the staff member under them), the resume screen after an interruption, the
//! staff member's screen between respondents with the counts per day, and closing; for a
//! collection by forms handed to households, the roll's setup ([`NewRoll`]) and the officer's
//! screen with the household roll ([`Households`]).

use std::rc::Rc;

use phieu_core::{Lang, Poll};
use yew::prelude::*;

use crate::edge::{dom, form};
use crate::i18n::field::field;
use crate::pages::voter::Voter;
use crate::state::field::{Days, Draft, Household, Roll};
use crate::state::meeting::{Step, Voting};
use crate::state::VoterAction;

fn click(cb: &Callback<()>) -> Callback<MouseEvent> {
    cb.reform(|_: MouseEvent| ())
}

/// Focus on a new screen's heading, from the top, for keyboards and screen readers.
#[hook]
fn use_heading(id: &'static str) {
    use_effect_with((), move |()| {
        dom::scroll_to_top();
        dom::focus(id);
    });
}

#[derive(Properties, PartialEq)]
pub struct RespondentProps {
    pub lang: Lang,
    pub poll: Rc<Poll>,
    pub voting: Voting,
    pub on_action: Callback<VoterAction>,
    /// The walk changed (an answer, a step): the caller keeps it on disk.
    pub on_change: Callback<Voting>,
    pub on_staff: Callback<()>,
    /// The device reads aloud in Vietnamese (issue 20, item 1).
    #[prop_or_default]
    pub listen: bool,
}

/// One respondent's form: the voter's screens, each change kept as a draft at once.
#[function_component(Respondent)]
pub fn respondent(props: &RespondentProps) -> Html {
    let t = field(props.lang);
    {
        let on_change = props.on_change.clone();
        use_effect_with(props.voting.clone(), move |v| on_change.emit(v.clone()));
    }
    let saving = props.voting.step == Step::Saving;
    html! {
        <div class="field-respondent">
            <Voter lang={props.lang} poll={props.poll.clone()} voting={props.voting.clone()}
                   on_action={props.on_action.clone()} no_welcome=true listen={props.listen} />
            <div class="field-staff-bar">
                <p class="hint">{ t.staff_hint }</p>
                <button type="button" class="button button-secondary" disabled={saving}
                        onclick={click(&props.on_staff)}>{ t.staff_button }</button>
            </div>
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct ResumeProps {
    pub lang: Lang,
    pub poll: Rc<Poll>,
    pub draft: Draft,
    pub on_resume: Callback<()>,
    pub on_discard: Callback<()>,
}

/// After a reload or a restart: continue the unfinished respondent, or discard the form.
#[function_component(Resume)]
pub fn resume(props: &ResumeProps) -> Html {
    let t = field(props.lang);
    use_heading("field-heading");
    let at = match props.draft.step {
        Step::Question(_) => {
            let (i, _) = props
                .draft
                .voting(&props.poll)
                .progress(&props.poll)
                .unwrap_or((1, 1));
            t.resume_at(i)
        }
        _ => t.resume_at_review.to_owned(),
    };
    html! {
        <section class="field-screen field-resume">
            <h1 id="field-heading" tabindex="-1">{ t.resume_title }</h1>
            <p class="lead">{ t.resume_text(props.draft.answered().to_string()) }</p>
            <p class="lead">{ at }</p>
            <div class="field-actions">
                <button type="button" class="button button-big" onclick={click(&props.on_resume)}>
                    { t.resume }
                </button>
                <button type="button" class="button button-secondary button-big"
                        aria-describedby="field-discard-hint" onclick={click(&props.on_discard)}>
                    { t.discard }
                </button>
            </div>
            <p id="field-discard-hint" class="hint">{ t.discard_hint }</p>
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub struct StaffProps {
    pub lang: Lang,
    pub poll: Rc<Poll>,
    /// Right after a response was saved.
    pub saved: bool,
    pub days: Days,
    pub today: AttrValue,
    /// A respondent is set aside and can be taken back.
    pub paused: bool,
    pub notice: Option<AttrValue>,
    pub on_next: Callback<()>,
    pub on_close: Callback<()>,
}

/// The count of each day, once there is more than one day (the survey's and the forms' staff
/// screens).
fn per_day(d: &Days, lang: Lang) -> Html {
    if d.0.len() < 2 {
        return Html::default();
    }
    let t = field(lang);
    html! {
        <table class="test-table field-days">
            <caption>{ t.per_day }</caption>
            <thead><tr><th scope="col">{ t.day }</th><th scope="col">{ t.responses }</th></tr></thead>
            <tbody>
                { for d.0.iter().map(|(day, n)| html! {
                    <tr><th scope="row">{ Days::written(day) }</th><td>{ n }</td></tr>
                }) }
            </tbody>
        </table>
    }
}

/// The staff member's screen between respondents: today's and the total count, next, close.
#[function_component(Staff)]
pub fn staff(props: &StaffProps) -> Html {
    let t = field(props.lang);
    use_heading("field-heading");
    let d = &props.days;
    html! {
        <section class="field-screen field-staff">
            if props.saved {
                <p class="field-saved ok" role="status">{ "✓ " }{ t.saved }</p>
            }
            if let Some(n) = &props.notice { <p class="problem" role="alert">{ n }</p> }
            <h1 id="field-heading" tabindex="-1">{ t.staff_title }</h1>
            <p class="poll-name">{ props.poll.title().get(props.lang) }</p>
            <div class="field-counts">
                <p class="big-count field-today">{ t.today }{ ": " }<strong>{ d.on(&props.today) }</strong></p>
                <p class="big-count field-total">{ t.total }{ ": " }<strong>{ d.total() }</strong></p>
            </div>
            <div class="field-actions">
                <button type="button" class="button button-huge" onclick={click(&props.on_next)}>
                    { if props.paused { t.back_to_respondent } else { t.next } }
                </button>
            </div>
            { per_day(d, props.lang) }
            <p class="hint">{ t.counts_hint }</p>
            <div class="field-actions field-close-row">
                <button type="button" class="button button-secondary" onclick={click(&props.on_close)}>
                    { t.close }
                </button>
            </div>
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub struct NewRollProps {
    pub lang: Lang,
    pub poll: Rc<Poll>,
    pub notice: Option<AttrValue>,
    /// The total households and the pasted names, as typed.
    pub on_start: Callback<(String, String)>,
}

/// A village's decision or election opened for forms: the total households (numbered 1..N)
/// and, optionally, a pasted list of their names.
#[function_component(NewRoll)]
pub fn new_roll(props: &NewRollProps) -> Html {
    let t = field(props.lang);
    use_heading("field-heading");
    let total = use_state(String::new);
    let names = use_state(String::new);
    let onsubmit = {
        let (total, names) = (total.clone(), names.clone());
        let on_start = props.on_start.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            on_start.emit(((*total).clone(), (*names).clone()));
        })
    };
    let on_total = {
        let total = total.clone();
        Callback::from(move |e: InputEvent| total.set(form::input_value(&e)))
    };
    let on_names = {
        let names = names.clone();
        Callback::from(move |e: InputEvent| names.set(form::input_value(&e)))
    };
    html! {
        <form class="field-screen field-roll" {onsubmit}>
            <h1 id="field-heading" tabindex="-1">{ t.roll_title }</h1>
            <p class="poll-name">{ props.poll.title().get(props.lang) }</p>
            <p class="lead">{ t.roll_text }</p>
            if let Some(n) = &props.notice { <p class="problem" role="alert">{ n }</p> }
            <div class="field">
                <label for="roll-total">{ t.roll_total }</label>
                <p class="hint" id="roll-total-hint">{ t.roll_total_hint }</p>
                <input id="roll-total" type="text" inputmode="numeric" required=true
                       aria-describedby="roll-total-hint" value={(*total).clone()} oninput={on_total} />
            </div>
            <div class="field">
                <label for="roll-names">{ t.roll_names }</label>
                <p class="hint" id="roll-names-hint">{ t.roll_names_hint }</p>
                <textarea id="roll-names" rows="8" aria-describedby="roll-names-hint"
                          value={(*names).clone()} oninput={on_names} />
            </div>
            <div class="field-actions">
                <button type="submit" class="button button-huge">{ t.roll_start }</button>
            </div>
        </form>
    }
}

#[derive(Properties, PartialEq)]
pub struct HouseholdsProps {
    pub lang: Lang,
    pub poll: Rc<Poll>,
    pub roll: Roll,
    /// Forms in the box.
    pub collected: usize,
    pub saved: bool,
    pub days: Days,
    pub today: AttrValue,
    /// A household's form is set aside and can be taken back.
    pub paused: bool,
    pub notice: Option<AttrValue>,
    /// Mark this household and open its form.
    pub on_hand: Callback<Household>,
    pub on_back: Callback<()>,
    pub on_close: Callback<()>,
}

/// The officer's screen of a collection by forms: how many households answered, the roll, a
/// household chosen (by number or in the list) and confirmed before its form opens.
#[function_component(Households)]
pub fn households(props: &HouseholdsProps) -> Html {
    let t = field(props.lang);
    use_heading("field-heading");
    let typed = use_state(String::new);
    let chosen = use_state(|| None::<Household>);
    let roll = &props.roll;
    let d = &props.days;
    // A household that cannot take a form (answered already, or not on the roll) is refused
    // at once, with the roll's message; any other is confirmed first.
    let choose = {
        let chosen = chosen.clone();
        let roll = roll.clone();
        let on_hand = props.on_hand.clone();
        Callback::from(move |n: Household| match roll.mark(n) {
            Ok(_) => chosen.set(Some(n)),
            Err(_) => on_hand.emit(n),
        })
    };
    let on_typed = {
        let typed = typed.clone();
        Callback::from(move |e: InputEvent| typed.set(form::input_value(&e)))
    };
    let on_number = {
        let (typed, choose) = (typed.clone(), choose.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            // Anything but a number is no household: the roll refuses it with its message.
            choose.emit(typed.trim().parse::<Household>().unwrap_or(0));
        })
    };
    let named = |n: Household| match roll.name(n) {
        Some(name) => format!("{} · {name}", t.forms_hand_to(n)),
        None => t.forms_hand_to(n),
    };
    let picker = if props.paused {
        html! {
            <div class="field-actions">
                <button type="button" class="button button-huge" onclick={click(&props.on_back)}>
                    { t.forms_back }
                </button>
            </div>
        }
    } else if let Some(n) = *chosen {
        let hand = props.on_hand.reform(move |_: MouseEvent| n);
        let other = {
            let chosen = chosen.clone();
            Callback::from(move |_: MouseEvent| chosen.set(None))
        };
        html! {
            <div class="field-hand-confirm">
                <p class="big-count" id="field-chosen">{ named(n) }</p>
                <div class="field-actions">
                    <button type="button" class="button button-huge" aria-describedby="field-chosen"
                            onclick={hand}>{ t.forms_hand }</button>
                    <button type="button" class="button button-secondary button-big" onclick={other}>
                        { t.forms_other }
                    </button>
                </div>
            </div>
        }
    } else {
        html! {
            <>
                <form class="field-hand" onsubmit={on_number}>
                    <div class="field">
                        <label for="field-household">{ t.forms_household }</label>
                        <p class="hint" id="field-household-hint">{ t.forms_household_hint }</p>
                        <input id="field-household" type="text" inputmode="numeric"
                               aria-describedby="field-household-hint"
                               value={(*typed).clone()} oninput={on_typed} />
                    </div>
                    <button type="submit" class="button button-big">{ t.forms_choose }</button>
                </form>
                <h2>{ t.forms_roll }</h2>
                <ul class="field-roll-list">
                    { for roll.households().map(|(n, name)| {
                        let done = roll.has_answered(n);
                        let onclick = choose.reform(move |_: MouseEvent| n);
                        html! {
                            <li>
                                <button type="button" class={classes!("roll-household", done.then_some("roll-done"))}
                                        {onclick}>
                                    <span class="roll-number">{ n }</span>{ " " }
                                    <span class="roll-name">{ name.unwrap_or_default().to_owned() }</span>
                                    if done { { " " }<span class="roll-mark">{ "✓ " }{ t.forms_done }</span> }
                                </button>
                            </li>
                        }
                    }) }
                </ul>
            </>
        }
    };
    // A refusal (a notice) puts the officer back on the choice.
    {
        let chosen = chosen.clone();
        use_effect_with(props.notice.clone(), move |n| {
            if n.is_some() {
                chosen.set(None);
            }
        });
    }
    html! {
        <section class="field-screen field-staff field-forms">
            // A refusal replaces the "saved" line: one message at a time.
            if props.saved && props.notice.is_none() {
                <p class="field-saved ok" role="status">{ "✓ " }{ t.saved }</p>
            }
            if let Some(n) = &props.notice { <p class="problem" role="alert">{ n }</p> }
            <h1 id="field-heading" tabindex="-1">{ t.forms_title }</h1>
            <p class="poll-name">{ props.poll.title().get(props.lang) }</p>
            <div class="field-counts">
                <p class="big-count field-answered">{ t.forms_answered }{ ": " }<strong>{ roll.answered_count() }</strong>{ format!(" / {}", roll.total()) }</p>
                <p class="big-count field-total">{ t.forms_collected }{ ": " }<strong>{ props.collected }</strong></p>
                <p class="big-count field-today">{ t.today }{ ": " }<strong>{ d.on(&props.today) }</strong></p>
            </div>
            { picker }
            { per_day(d, props.lang) }
            <p class="hint">{ t.forms_hint }</p>
            <div class="field-actions field-close-row">
                <button type="button" class="button button-secondary" onclick={click(&props.on_close)}>
                    { t.forms_close }
                </button>
            </div>
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub struct CloseProps {
    pub lang: Lang,
    pub count: usize,
    /// A collection by forms: the total households (the screen says so, in its words).
    #[prop_or_default]
    pub households: Option<u32>,
    /// The place as the poll names it, to start from.
    pub place: AttrValue,
    pub unfinished: bool,
    pub notice: Option<AttrValue>,
    pub on_close: Callback<(String, String)>,
    pub on_cancel: Callback<()>,
}

/// "Close the survey with N responses?": a deliberate step for a one-person survey (a box to
/// tick, then the button), with the facts the minutes need.
#[function_component(Close)]
pub fn close(props: &CloseProps) -> Html {
    let t = field(props.lang);
    use_heading("field-heading");
    let place = use_state(|| props.place.to_string());
    let staff = use_state(String::new);
    let sure = use_state(|| false);
    let closing = use_state(|| false);
    // A refusal (a notice) lets the staff member try again.
    {
        let closing = closing.clone();
        use_effect_with(props.notice.clone(), move |_| closing.set(false));
    }
    let none = props.count == 0;
    let onsubmit = {
        let (place, staff, sure, closing) =
            (place.clone(), staff.clone(), sure.clone(), closing.clone());
        let on_close = props.on_close.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if *sure && !none {
                closing.set(true);
                on_close.emit(((*place).clone(), (*staff).clone()));
            }
        })
    };
    let on_place = {
        let place = place.clone();
        Callback::from(move |e: InputEvent| place.set(form::input_value(&e)))
    };
    let on_staff = {
        let staff = staff.clone();
        Callback::from(move |e: InputEvent| staff.set(form::input_value(&e)))
    };
    let on_sure = {
        let sure = sure.clone();
        Callback::from(move |_: Event| sure.set(!*sure))
    };
    let forms = props.households;
    let (title, text, place_label, staff_label, check, confirm) = match forms {
        Some(total) => (
            t.forms_close_title,
            t.forms_close_text(props.count, total),
            t.forms_place,
            t.forms_staff_name,
            t.forms_close_check,
            t.forms_close_confirm,
        ),
        None => (
            t.close_title,
            t.close_text(props.count),
            t.place,
            t.staff_name,
            t.close_check,
            t.close_confirm,
        ),
    };
    html! {
        <form class="field-screen field-close" {onsubmit}>
            <h1 id="field-heading" tabindex="-1">{ title }</h1>
            if none {
                <p class="problem" role="alert">{ t.close_none }</p>
            } else {
                <p class="big-count">{ text }</p>
            }
            if props.unfinished { <p class="warning">{ t.close_unfinished }</p> }
            if let Some(n) = &props.notice { <p class="problem" role="alert">{ n }</p> }
            <div class="field">
                <label for="field-place">{ place_label }</label>
                <p class="hint" id="field-place-hint">{ t.place_hint }</p>
                <input id="field-place" type="text" required=true aria-describedby="field-place-hint"
                       value={(*place).clone()} oninput={on_place} />
            </div>
            <div class="field">
                <label for="field-staff">{ staff_label }</label>
                <p class="hint" id="field-staff-hint">{ t.staff_name_hint }</p>
                <input id="field-staff" type="text" autocomplete="name" aria-describedby="field-staff-hint"
                       value={(*staff).clone()} oninput={on_staff} />
            </div>
            <label class="field-check">
                <input type="checkbox" checked={*sure} disabled={none} onchange={on_sure} />
                <span>{ check }</span>
            </label>
            <div class="field-actions">
                <button type="submit" class="button button-big button-danger"
                        disabled={!*sure || none || *closing}>
                    { if *closing { t.closing } else { confirm } }
                </button>
                <button type="button" class="button button-secondary button-big"
                        onclick={click(&props.on_cancel)}>{ t.cancel }</button>
            </div>
        </form>
    }
}

#[derive(Properties, PartialEq)]
pub struct FailedProps {
    pub lang: Lang,
    pub why: AttrValue,
    pub on_retry: Callback<()>,
}

/// The survey's poll could not be opened: why, and try again.
#[function_component(Failed)]
pub fn failed(props: &FailedProps) -> Html {
    let t = field(props.lang);
    html! {
        <section class="error" role="alert">
            <h1>{ t.failed_title }</h1>
            <p>{ props.why.clone() }</p>
            <button type="button" class="button" onclick={click(&props.on_retry)}>{ t.retry }</button>
        </section>
    }
}
