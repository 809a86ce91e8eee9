//! Setup: the officer checks the ballot, enters the electorate, the counting board and the
//! witnesses, and sets the PIN. The form is this page's own; it becomes a meeting only through
//! `state::setup::check`, whose problems come back and are shown next to their fields.
//!
//! The poll comes from the demo, a template, a poll file, the designer (`#/designer`, linked
//! here) or an XLSForm workbook (`phieu_xlsform::import`): a form with problems lists every one
//! by sheet, row and column, and changes nothing on this page.

use std::rc::Rc;

use phieu_core::{may_vote, By, Lang, Poll};
use yew::prelude::*;

use crate::components::file_pick::FilePick;

use crate::edge::file_input;
use crate::edge::form::{input_value, select_value};
use crate::edge::poll_loader::TemplateEntry;
use crate::edge::route;
use crate::effects;
use crate::effects::office::PollChoice;
use crate::i18n::designer::setup_words;
use crate::i18n::hands::hands_words;
use crate::i18n::kiosk::{kiosk, present_hints, size, storage_words};
use crate::i18n::paper::paper_words;
use crate::i18n::speech::speech_words;
use crate::i18n::Electors;
use crate::pages::poll_preview::PollPreview;
use crate::state::setup::XlsForm;
use crate::state::setup::{
    needs_household_witnesses, quorum_warning, Attendance, FieldProblem, SetupForm,
};
use crate::state::speech::Speech;
use crate::state::{Doc, Notice, Page, PollState, Storage};

/// What a template or poll file chosen comes to: the poll replaces the one shown (and what an
/// XLSForm gave is forgotten), or why it could not be used is shown.
fn chosen(
    on_poll: &Callback<Rc<Poll>>,
    choice_problem: &UseStateHandle<Option<Notice>>,
    xls: &UseStateHandle<Option<XlsForm>>,
) -> Callback<PollChoice> {
    let (on_poll, choice_problem, xls) = (on_poll.clone(), choice_problem.clone(), xls.clone());
    Callback::from(move |choice: PollChoice| match choice {
        Ok(poll) => {
            choice_problem.set(None);
            xls.set(None);
            on_poll.emit(poll);
        }
        Err(words) => choice_problem.set(Some(words)),
    })
}

/// What the last XLSForm gave, in `lang`.
fn view_xlsform(xls: &XlsForm, lang: Lang) -> Html {
    let w = setup_words(lang);
    match xls {
        XlsForm::Reading => html! { <p class="status" role="status">{ w.reading }</p> },
        XlsForm::Unread(why) => html! {
            <p class="problem" role="alert">{ why.get(lang) }</p>
        },
        XlsForm::Problems { file, problems } => html! {
            <div class="xlsform-problems" role="alert">
                <p class="problem">{ if problems.len() == 1 { w.one_problem(file) } else { w.problems(file, problems.len()) } }</p>
                <ul>{ for problems.iter().map(|p| html! { <li>{ p.message(lang) }</li> }) }</ul>
            </div>
        },
        XlsForm::Imported {
            file,
            questions,
            skipped,
        } => html! {
            <div class="xlsform-imported" role="status">
                <p>{ if *questions == 1 { w.imported_one(file) } else { w.imported(file, questions) } }</p>
                if !skipped.is_empty() {
                    <p>{ w.left_out }</p>
                    <ul>{ for skipped.iter().map(|s| html! { <li>{ s.message(lang) }</li> }) }</ul>
                }
            </div>
        },
        XlsForm::NeedsVietnamese { file } => html! {
            <p class="warning" role="status">{ w.needs_vietnamese(file) }</p>
        },
    }
}

/// Whether the browser will keep the ballots, how much space is used and free, and a warning
/// when it is short (issue 19, item 2). Nothing until the browser has answered.
fn storage_note(storage: Option<Storage>, lang: Lang) -> Html {
    let Some(s) = storage else {
        return Html::default();
    };
    let w = storage_words(lang);
    let kept = match s.persisted {
        Some(true) => w.kept,
        Some(false) => w.not_kept,
        None => w.unknown,
    };
    let space = s
        .free()
        .zip(s.usage)
        .map(|(free, used)| w.space(size(used, lang), size(free, lang)));
    html! {
        <section class="setup-storage" aria-labelledby="setup-storage-h">
            <h2 id="setup-storage-h">{ w.heading }</h2>
            <p class={classes!((s.persisted != Some(true)).then_some("warning"))}>{ kept }</p>
            if let Some(space) = space { <p class="storage-space">{ space }</p> }
            if s.low() { <p class="warning" role="alert">{ w.low }</p> }
        </section>
    }
}

/// Whether voters can have their screens read aloud on this device, with which voice, and
/// whether it works offline (issue 20, item 1). Nothing until the browser has answered.
fn speech_note(speech: &Speech, lang: Lang) -> Html {
    let w = speech_words(lang);
    let (text, warn) = match speech {
        Speech::Unknown => return Html::default(),
        Speech::Missing => (w.missing.to_owned(), true),
        Speech::Ready(v) if v.offline => (w.ready(&v.name), false),
        Speech::Ready(v) => (w.ready_online(&v.name), true),
    };
    html! {
        <section class="setup-speech" aria-labelledby="setup-speech-h">
            <h2 id="setup-speech-h">{ w.heading }</h2>
            <p class={classes!(warn.then_some("warning"))}>{ text }</p>
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub struct SetupProps {
    pub lang: Lang,
    pub poll: PollState,
    /// What the browser said of this site's storage, once it has.
    pub storage: Option<Storage>,
    /// Whether this device reads aloud in Vietnamese (issue 20, item 1).
    #[prop_or_default]
    pub speech: Speech,
    pub on_retry: Callback<()>,
    /// A template or a poll file was chosen and is valid.
    pub on_poll: Callback<Rc<Poll>>,
    /// Checks the form; returns its problems (none: the meeting is being created).
    pub on_create: Callback<SetupForm, Vec<FieldProblem>>,
}

/// One labelled text field bound to a form string.
fn field(
    id: &'static str,
    label: &str,
    hint: Option<&str>,
    value: &str,
    problem: Option<&str>,
    numeric: bool,
    on_change: Callback<String>,
) -> Html {
    let oninput = Callback::from(move |e: InputEvent| {
        on_change.emit(input_value(&e));
    });
    let hint_id = format!("{id}-hint");
    let problem_id = format!("{id}-problem");
    let described = [
        hint.map(|_| hint_id.clone()),
        problem.map(|_| problem_id.clone()),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" ");
    html! {
        <div class={classes!("field", problem.map(|_| "field-bad"))}>
            <label for={id}>{ label }</label>
            if let Some(h) = hint { <p class="hint" id={hint_id}>{ h }</p> }
            <input {id} type="text"
                   inputmode={if numeric { "numeric" } else { "text" }}
                   value={value.to_owned()} {oninput} autocomplete="off"
                   aria-invalid={problem.map(|_| "true")}
                   aria-describedby={(!described.is_empty()).then_some(described)} />
            if let Some(p) = problem { <p class="problem" id={problem_id}>{ p }</p> }
        </div>
    }
}

#[function_component(Setup)]
pub fn setup(props: &SetupProps) -> Html {
    let t = kiosk(props.lang);
    let lang = props.lang;
    let form = use_state(|| SetupForm {
        board: vec![String::new(); 5],
        witnesses: vec![String::new(); 2],
        ..SetupForm::default()
    });
    let problems = use_state(Vec::<FieldProblem>::new);
    let problem = |field: &str| {
        problems
            .iter()
            .find(|p| p.field == field)
            .map(|p| p.get(lang).to_owned())
    };
    let set = |f: fn(&mut SetupForm, String)| {
        let form = form.clone();
        Callback::from(move |v: String| {
            let mut next = (*form).clone();
            f(&mut next, v);
            form.set(next);
        })
    };
    let set_name = |list: fn(&mut SetupForm) -> &mut Vec<String>, i: usize| {
        let form = form.clone();
        Callback::from(move |v: String| {
            let mut next = (*form).clone();
            list(&mut next)[i] = v;
            form.set(next);
        })
    };
    // Each failed submit takes the officer to the first field to fix.
    let form_ref = use_node_ref();
    let submits = use_state(|| 0u32);
    {
        let form_ref = form_ref.clone();
        let failed = !problems.is_empty();
        use_effect_with(*submits, move |_| {
            if failed {
                crate::edge::dom::focus_first_problem(&form_ref);
            }
        });
    }
    let onsubmit = {
        let form = form.clone();
        let problems = problems.clone();
        let on_create = props.on_create.clone();
        let submits = submits.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            problems.set(on_create.emit((*form).clone()));
            submits.set(*submits + 1);
        })
    };
    let electors = match &props.poll {
        PollState::Ready(p) => Electors::of(p),
        _ => Electors::Households,
    };
    let ready = matches!(props.poll, PollState::Ready(_));
    // Household witnesses only at a village meeting (not a council, a conference or a survey).
    let witnesses = match &props.poll {
        PollState::Ready(p) => needs_household_witnesses(p),
        _ => true,
    };
    // Whether the number present is required, and the warning while it is too low.
    let (present_hint, present_warning) = match &props.poll {
        PollState::Ready(p) => (
            match Attendance::of(p) {
                Attendance::VillageMeeting => present_hints(lang).village_meeting,
                Attendance::Conference => present_hints(lang).conference,
                Attendance::Optional => t.present_hint,
            },
            quorum_warning(&form, p),
        ),
        _ => (t.present_hint, None),
    };

    // The templates shipped with the app, listed once.
    let templates = use_state(Vec::<TemplateEntry>::new);
    {
        let templates = templates.clone();
        use_effect_with((), move |()| {
            effects::office::load_templates(Callback::from(move |list| templates.set(list)));
        });
    }
    // Why the last chosen template or file could not be used, in both languages.
    let choice_problem = use_state(|| None::<Notice>);
    // What the last XLSForm chosen gave; forgotten when another poll is chosen.
    let xls = use_state(|| None::<XlsForm>);
    let on_template = {
        let templates = templates.clone();
        let on_poll = props.on_poll.clone();
        let choice_problem = choice_problem.clone();
        let xls = xls.clone();
        Callback::from(move |e: Event| {
            let index = select_value(&e).parse::<usize>().ok();
            let Some(entry) = index.and_then(|i| templates.get(i).cloned()) else {
                return;
            };
            effects::office::load_template(entry, chosen(&on_poll, &choice_problem, &xls));
        })
    };
    let on_file = {
        let on_poll = props.on_poll.clone();
        let choice_problem = choice_problem.clone();
        let xls = xls.clone();
        Callback::from(move |e: Event| {
            let Some(file) = file_input::picked(&e).into_iter().next() else {
                return;
            };
            effects::office::read_poll_file(file, chosen(&on_poll, &choice_problem, &xls));
        })
    };
    let on_xlsform = {
        let on_poll = props.on_poll.clone();
        let choice_problem = choice_problem.clone();
        let xls = xls.clone();
        Callback::from(move |e: Event| {
            if let Some(file) = file_input::picked(&e).into_iter().next() {
                choice_problem.set(None);
                xls.set(Some(XlsForm::Reading));
                let xls = xls.clone();
                let done = Callback::from(move |gave| xls.set(Some(gave)));
                effects::office::import_xlsform(file, done, on_poll.clone());
            }
        })
    };
    let w = setup_words(lang);
    let choice_problem_text = choice_problem.as_ref().map(|why| why.get(lang).to_owned());

    html! {
        <div class="setup">
            <h1>{ t.setup_title }</h1>
            <p class="lead">{ t.setup_intro }</p>
            { storage_note(props.storage, lang) }
            { speech_note(&props.speech, lang) }
            <section class="setup-poll" aria-labelledby="setup-poll-h">
                <h2 id="setup-poll-h">{ t.poll_heading }</h2>
                <div class="poll-choice">
                    if !templates.is_empty() {
                        <div class="field">
                            <label for="template">{ t.choose_template }</label>
                            <select id="template" onchange={on_template}>
                                <option value="" selected=true>{ t.template_placeholder }</option>
                                { for templates.iter().enumerate().map(|(i, entry)| html! {
                                    <option value={i.to_string()}>{ entry.title(lang) }</option>
                                }) }
                            </select>
                        </div>
                    }
                    <div class="field">
                        <label for="poll-file">{ t.choose_poll_file }</label>
                        <FilePick {lang} id="poll-file" accept=".json,application/json" onchange={on_file} />
                    </div>
                    <div class="field">
                        <label for="xlsform-file">{ w.xlsform_label }</label>
                        <FilePick {lang} id="xlsform-file" describedby="xlsform-hint"
                                  accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                                  onchange={on_xlsform} />
                    </div>
                    <div class="field design-entry">
                        <a class="button secondary" href={route::href(Doc::Office, Page::Designer, &route::search())}
                           aria-describedby="design-hint">{ w.design }</a>
                    </div>
                    <p class="hint poll-choice-hints">
                        <span id="xlsform-hint">{ w.xlsform_hint }</span>{ " " }
                        <span id="design-hint">{ w.design_hint }</span>
                    </p>
                    if let Some(p) = choice_problem_text { <p class="problem" role="alert">{ p }</p> }
                    if let Some(x) = &*xls { { view_xlsform(x, lang) } }
                </div>
                <PollPreview lang={lang} poll={props.poll.clone()} on_retry={props.on_retry.clone()} />
            </section>
            if ready {
                <form class="setup-form" ref={form_ref} {onsubmit} novalidate=true>
                    <fieldset>
                        <legend>{ t.electorate_heading }</legend>
                        { field("total", t.total(electors),
                                Some(t.total_hint), &form.total, problem("total").as_deref(), true,
                                set(|f, v| f.total = v)) }
                        { field("present", t.present(electors), Some(present_hint), &form.present,
                                problem("present").as_deref(), true, set(|f, v| f.present = v)) }
                        if let Some(w) = &present_warning {
                            <p class="warning quorum-warning" id="present-warning" role="status">{ w.get(lang) }</p>
                        }
                    </fieldset>
                    <fieldset>
                        <legend>{ t.meeting_heading }</legend>
                        { field("place", t.place, Some(t.place_hint), &form.place,
                                problem("place").as_deref(), false, set(|f, v| f.place = v)) }
                        { field("time", t.time, Some(t.time_hint), &form.time,
                                problem("time").as_deref(), false, set(|f, v| f.time = v)) }
                    </fieldset>
                    { hands_choice(&props.poll, &form, problem("paper"), lang) }
                    <fieldset class={classes!(problem("board").map(|_| "field-bad"))}>
                        <legend>{ t.board }</legend>
                        <p class="hint">{ t.board_hint }</p>
                        { for (0..5).map(|i| field(
                            ["board-0", "board-1", "board-2", "board-3", "board-4"][i],
                            &format!("{} {}", t.member, i + 1), None, &form.board[i], None, false,
                            set_name(|f| &mut f.board, i))) }
                        if let Some(p) = problem("board") { <p class="problem" role="alert">{ p }</p> }
                    </fieldset>
                    if witnesses {
                    <fieldset class={classes!(problem("witnesses").map(|_| "field-bad"))}>
                        <legend>{ t.witnesses }</legend>
                        { for (0..2).map(|i| field(
                            ["witness-0", "witness-1"][i],
                            &format!("{} {}", t.witness, i + 1), None, &form.witnesses[i], None, false,
                            set_name(|f| &mut f.witnesses, i))) }
                        if let Some(p) = problem("witnesses") { <p class="problem" role="alert">{ p }</p> }
                    </fieldset>
                    }
                    <fieldset>
                        <legend>{ t.pin_heading }</legend>
                        <p class="hint">{ t.pin_hint }</p>
                        { pin_field("pin", t.new_pin, &form.pin, problem("pin").as_deref(), set(|f, v| f.pin = v)) }
                        { pin_field("pin-again", t.pin_again, &form.pin_again, None, set(|f, v| f.pin_again = v)) }
                    </fieldset>
                    if !problems.is_empty() { <p class="problem" role="alert">{ t.fix_problems }</p> }
                    <button type="submit" class="button button-big">{ t.create }</button>
                </form>
            }
        </div>
    }
}

/// How the meeting votes (issue 19): on paper ballots counted with the tablet, when every item
/// can be; else item by item, the ones that may be voted by a show of hands each with its box.
/// Nothing for a poll that allows neither (a confidence vote is secret, a survey is not a
/// meeting).
fn hands_choice(
    poll: &PollState,
    form: &UseStateHandle<SetupForm>,
    problem: Option<String>,
    lang: Lang,
) -> Html {
    let PollState::Ready(poll) = poll else {
        return Html::default();
    };
    let w = hands_words(lang);
    let p = paper_words(lang);
    let on_paper = (0..poll.items().len()).all(|at| may_vote(poll, at, By::Paper));
    let items: Vec<Html> = poll
        .items()
        .iter()
        .enumerate()
        .filter(|(at, _)| may_vote(poll, *at, By::Hands))
        .map(|(at, item)| {
            let id = item.id().to_owned();
            let checked = form.hands.contains(&id);
            let onchange = {
                let form = form.clone();
                Callback::from(move |e: Event| {
                    let mut next = (*form).clone();
                    next.hands.retain(|h| *h != id);
                    if crate::edge::form::checked(&e) {
                        next.hands.push(id.clone());
                    }
                    form.set(next);
                })
            };
            html! {
                <label class="field-check hands-choice">
                    <input type="checkbox" {checked} {onchange} />
                    <span>{ format!("{}. {} — {}", at + 1, item.label().get(lang), w.by_hands) }</span>
                </label>
            }
        })
        .collect();
    if items.is_empty() && !on_paper {
        return Html::default();
    }
    let on_paper_change = {
        let form = form.clone();
        Callback::from(move |e: Event| {
            let mut next = (*form).clone();
            next.paper = crate::edge::form::checked(&e);
            form.set(next);
        })
    };
    html! {
        <fieldset class={classes!("hands-setup", problem.as_ref().map(|_| "field-bad"))}>
            <legend>{ w.setup_heading }</legend>
            if on_paper {
                <label class="field-check paper-choice">
                    <input type="checkbox" checked={form.paper} onchange={on_paper_change} />
                    <span>{ p.setup_label }</span>
                </label>
                <p class="hint">{ p.setup_hint }</p>
            }
            if !form.paper && !items.is_empty() {
                <p class="hint">{ w.setup_hint }</p>
                { for items }
            }
            if let Some(p) = problem { <p class="problem" role="alert">{ p }</p> }
        </fieldset>
    }
}

fn pin_field(
    id: &'static str,
    label: &str,
    value: &str,
    problem: Option<&str>,
    on_change: Callback<String>,
) -> Html {
    let oninput = Callback::from(move |e: InputEvent| {
        on_change.emit(input_value(&e));
    });
    html! {
        <div class={classes!("field", problem.map(|_| "field-bad"))}>
            <label for={id}>{ label }</label>
            <input {id} type="password" inputmode="numeric" autocomplete="new-password"
                   value={value.to_owned()} {oninput} aria-invalid={problem.map(|_| "true")} />
            if let Some(p) = problem { <p class="problem">{ p }</p> }
        </div>
    }
}
