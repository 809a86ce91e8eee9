//! Labelled fields of the designer. Each shows its problem right below it, marks itself invalid
//! and points to the problem with `aria-describedby`, so a screen reader says both.

use phieu_core::Lang;
use yew::prelude::*;

use crate::i18n::designer::words;
use crate::state::designer::Label;

/// What kind of box a field is.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// One line of text.
    Line,
    /// A few lines (a question's wording).
    Lines,
    /// A whole number (a numeric keyboard on a tablet).
    Number,
}

/// One field.
pub struct Input<'a> {
    pub id: String,
    pub label: &'a str,
    pub hint: Option<&'a str>,
    pub value: &'a str,
    pub problem: Option<String>,
    pub shape: Shape,
    /// The language the officer types in, for spell-checkers and screen readers.
    pub lang: Option<Lang>,
    pub on_input: Callback<String>,
}

/// A field's problem line (or nothing), with the id `aria-describedby` names.
pub fn problem_line(id: &str, problem: Option<&String>) -> Html {
    match problem {
        Some(p) => html! { <p class="problem d-problem" id={format!("{id}-problem")}>{ p }</p> },
        None => html! {},
    }
}

fn described_by(id: &str, hint: bool, problem: bool) -> Option<String> {
    let ids: Vec<String> = [
        hint.then(|| format!("{id}-hint")),
        problem.then(|| format!("{id}-problem")),
    ]
    .into_iter()
    .flatten()
    .collect();
    (!ids.is_empty()).then(|| ids.join(" "))
}

pub fn input(field: Input) -> Html {
    let Input {
        id,
        label,
        hint,
        value,
        problem,
        shape,
        lang,
        on_input,
    } = field;
    let described = described_by(&id, hint.is_some(), problem.is_some());
    let invalid = problem.as_ref().map(|_| "true");
    let lang_attr = lang.map(|l| l.code());
    let box_ = match shape {
        Shape::Lines => {
            let oninput = Callback::from(move |e: InputEvent| {
                let input: web_sys::HtmlTextAreaElement = e.target_unchecked_into();
                on_input.emit(input.value());
            });
            html! {
                <textarea id={id.clone()} rows="2" value={value.to_owned()} {oninput}
                          lang={lang_attr} aria-invalid={invalid}
                          aria-describedby={described.clone()} />
            }
        }
        Shape::Line | Shape::Number => {
            let oninput = Callback::from(move |e: InputEvent| {
                let input: web_sys::HtmlInputElement = e.target_unchecked_into();
                on_input.emit(input.value());
            });
            let number = shape == Shape::Number;
            html! {
                <input id={id.clone()} type="text" value={value.to_owned()} {oninput}
                       inputmode={number.then_some("numeric")} autocomplete="off"
                       class={classes!(number.then_some("d-number"))}
                       lang={lang_attr} aria-invalid={invalid}
                       aria-describedby={described.clone()} />
            }
        }
    };
    html! {
        <div class={classes!("d-field", problem.as_ref().map(|_| "d-bad"))}>
            <label for={id.clone()}>{ label }</label>
            if let Some(h) = hint { <p class="hint" id={format!("{id}-hint")}>{ h }</p> }
            { box_ }
            { problem_line(&id, problem.as_ref()) }
        </div>
    }
}

/// A large checkbox with its label.
pub fn checkbox(id: String, label: &str, checked: bool, on_change: Callback<bool>) -> Html {
    let onchange = Callback::from(move |e: Event| {
        let input: web_sys::HtmlInputElement = e.target_unchecked_into();
        on_change.emit(input.checked());
    });
    html! {
        <label class="d-check" for={id.clone()}>
            <input {id} type="checkbox" {checked} {onchange} />
            <span>{ label }</span>
        </label>
    }
}

/// The field of a label in the draft's second language (issue 20, item 3).
pub struct SecondField {
    pub id: String,
    /// The language's BCP 47 tag, and its name to show.
    pub tag: String,
    pub name: String,
    pub on_input: Callback<String>,
}

/// A text in Vietnamese with its optional English, under one heading. `ids` are the two
/// fields' element ids; `problems` their problems.
pub struct Pair<'a> {
    pub ids: [String; 2],
    pub title: &'a str,
    pub hint: Option<&'a str>,
    pub label: &'a Label,
    pub problems: [Option<String>; 2],
    pub shape: Shape,
    pub lang: Lang,
    pub on_input: Callback<(Lang, String)>,
    /// The field in the second language, when the draft has one.
    pub second: Option<SecondField>,
}

pub fn pair(p: Pair) -> Html {
    let w = words(p.lang);
    let [vi_id, en_id] = p.ids;
    let [vi_problem, en_problem] = p.problems;
    let bad = vi_problem.is_some() || en_problem.is_some();
    html! {
        <fieldset class={classes!("d-pair", bad.then_some("d-bad"))}>
            <legend>{ p.title }</legend>
            if let Some(h) = p.hint { <p class="hint">{ h }</p> }
            { input(Input {
                id: vi_id, label: w.in_vi, hint: None, value: &p.label.vi, problem: vi_problem,
                shape: p.shape, lang: Some(Lang::Vi),
                on_input: p.on_input.reform(|v| (Lang::Vi, v)),
            }) }
            { input(Input {
                id: en_id, label: w.in_en, hint: None, value: &p.label.en, problem: en_problem,
                shape: p.shape, lang: Some(Lang::En),
                on_input: p.on_input.reform(|v| (Lang::En, v)),
            }) }
            if p.label.en_is_stale() {
                <p class="d-stale" role="note">{ w.en_stale }</p>
            }
            if let Some(s) = p.second {
                <div class="d-second" lang={s.tag.clone()}>
                    { input(Input {
                        id: s.id, label: &w.in_second(&s.name), hint: None,
                        value: &p.label.second, problem: None, shape: p.shape, lang: None,
                        on_input: s.on_input,
                    }) }
                </div>
            }
        </fieldset>
    }
}
