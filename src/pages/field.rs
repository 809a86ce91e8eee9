//! A field survey's screens (`state::field`): the respondent's form (the voter's own screens,
//! with a bar for the staff member under them), the resume screen after an interruption, the
//! staff member's screen between respondents with the counts per day, and closing.

use std::rc::Rc;

use phieu_core::{Lang, Poll};
use yew::prelude::*;

use crate::edge::{dom, form};
use crate::i18n::field::field;
use crate::pages::voter::Voter;
use crate::state::field::{Days, Draft};
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
                   on_action={props.on_action.clone()} />
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
            t.resume_at.replace("{i}", &i.to_string())
        }
        _ => t.resume_at_review.to_owned(),
    };
    html! {
        <section class="field-screen field-resume">
            <h1 id="field-heading" tabindex="-1">{ t.resume_title }</h1>
            <p class="lead">{ t.resume_text.replace("{n}", &props.draft.answered().to_string()) }</p>
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
            if d.0.len() > 1 {
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
pub struct CloseProps {
    pub lang: Lang,
    pub count: usize,
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
    html! {
        <form class="field-screen field-close" {onsubmit}>
            <h1 id="field-heading" tabindex="-1">{ t.close_title }</h1>
            if none {
                <p class="problem" role="alert">{ t.close_none }</p>
            } else {
                <p class="big-count">{ t.close_text.replace("{n}", &props.count.to_string()) }</p>
            }
            if props.unfinished { <p class="warning">{ t.close_unfinished }</p> }
            if let Some(n) = &props.notice { <p class="problem" role="alert">{ n }</p> }
            <div class="field">
                <label for="field-place">{ t.place }</label>
                <p class="hint" id="field-place-hint">{ t.place_hint }</p>
                <input id="field-place" type="text" required=true aria-describedby="field-place-hint"
                       value={(*place).clone()} oninput={on_place} />
            </div>
            <div class="field">
                <label for="field-staff">{ t.staff_name }</label>
                <p class="hint" id="field-staff-hint">{ t.staff_name_hint }</p>
                <input id="field-staff" type="text" autocomplete="name" aria-describedby="field-staff-hint"
                       value={(*staff).clone()} oninput={on_staff} />
            </div>
            <label class="field-check">
                <input type="checkbox" checked={*sure} disabled={none} onchange={on_sure} />
                <span>{ t.close_check }</span>
            </label>
            <div class="field-actions">
                <button type="submit" class="button button-big button-danger"
                        disabled={!*sure || none || *closing}>
                    { if *closing { t.closing } else { t.close_confirm } }
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
