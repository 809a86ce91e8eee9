//! The editor's sections about the poll as a whole: its facts (title, subject, commune,
//! village, id) and its kind and rule (a decision's matter, the other kinds' preset, a survey's
//! optional target). The questions are `item_list` and `item_card`.

use phieu_core::{Lang, Matter, PollKind, Preset};
use yew::prelude::*;

use super::fields::{checkbox, input, pair, problem_line, Input, Pair, Shape};
use super::language_name;
use super::{dom_id, Editor};
use crate::edge::form::select_value;
use crate::i18n::designer::{
    electorate_name, kind_name, matter_name, matter_rule, matter_words, words,
};
use crate::i18n::rule_name;
use crate::state::designer::{Edit, Field, LabelAt};

/// The poll's facts: its title and subject in both languages, the commune and village, and
/// (folded away) its id.
pub fn about(ed: &Editor) -> Html {
    let (lang, draft) = (ed.lang, &ed.draft);
    let w = words(lang);
    let id = |f: Field| dom_id(draft, f);
    html! {
        <section class="d-section" aria-labelledby="d-about-h">
            <h2 id="d-about-h">{ w.about_heading }</h2>
            { pair(Pair {
                ids: [id(Field::Title(Lang::Vi)), id(Field::Title(Lang::En))],
                title: w.poll_title, hint: None, label: &draft.title,
                problems: [ed.problem(Field::Title(Lang::Vi)), ed.problem(Field::Title(Lang::En))],
                shape: Shape::Lines, lang,
                on_input: ed.on_edit.reform(|(l, v)| Edit::Title(l, v)),
                second: ed.second(LabelAt::Title, &id(Field::Title(Lang::Vi))),
            }) }
            { pair(Pair {
                ids: [id(Field::Subject(Lang::Vi)), id(Field::Subject(Lang::En))],
                title: w.subject, hint: Some(w.subject_hint), label: &draft.subject,
                problems: [ed.problem(Field::Subject(Lang::Vi)), ed.problem(Field::Subject(Lang::En))],
                shape: Shape::Lines, lang,
                on_input: ed.on_edit.reform(|(l, v)| Edit::Subject(l, v)),
                second: ed.second(LabelAt::Subject, &id(Field::Subject(Lang::Vi))),
            }) }
            { second_language(ed) }
            <div class="d-row">
                { input(Input {
                    id: id(Field::Commune), label: w.commune, hint: None, value: &draft.commune,
                    problem: ed.problem(Field::Commune), shape: Shape::Line, lang: Some(Lang::Vi),
                    on_input: ed.edit(Edit::Commune),
                }) }
                { input(Input {
                    id: id(Field::Village), label: w.village, hint: Some(w.village_hint),
                    value: &draft.village, problem: ed.problem(Field::Village), shape: Shape::Line,
                    lang: Some(Lang::Vi), on_input: ed.edit(Edit::Village),
                }) }
            </div>
            <details class="d-advanced" open={ed.problem(Field::PollId).is_some()}>
                <summary>{ w.advanced }</summary>
                { input(Input {
                    id: id(Field::PollId), label: w.poll_id, hint: Some(w.id_hint), value: &draft.id,
                    problem: ed.problem(Field::PollId), shape: Shape::Line, lang: None,
                    on_input: ed.edit(Edit::PollId),
                }) }
            </details>
        </section>
    }
}

/// The languages offered as a poll's second language: those of Vietnam's peoples and
/// neighbours phieu knows by name (`LangTag::endonym`).
const SECOND_LANGUAGES: [&str; 14] = [
    "km", "hmn", "th", "lo", "zh", "tyz", "blt", "rad", "cjm", "jra", "bdq", "mtq", "nut", "ko",
];

/// The choice of the poll's second language (issue 20, item 3).
fn second_language(ed: &Editor) -> Html {
    let w = words(ed.lang);
    let current = ed.draft.second_lang.clone();
    let mut tags: Vec<String> = SECOND_LANGUAGES.iter().map(|t| (*t).to_owned()).collect();
    if !current.is_empty() && !tags.contains(&current) {
        tags.insert(0, current.clone());
    }
    let onchange = ed
        .on_edit
        .reform(|e: Event| Edit::SecondLanguage(select_value(&e)));
    html! {
        <div class="d-field">
            <label for="d-second-lang">{ w.second_lang }</label>
            <p class="hint" id="d-second-lang-hint">{ w.second_lang_hint }</p>
            <select id="d-second-lang" aria-describedby="d-second-lang-hint" {onchange}>
                <option value="" selected={current.is_empty()}>{ w.no_second_lang }</option>
                { for tags.iter().map(|t| html! {
                    <option value={t.clone()} selected={*t == current} lang={t.clone()}>{ language_name(t) }</option>
                }) }
            </select>
        </div>
    }
}

/// A large radio button with a name and a line of explanation.
fn radio(
    group: &str,
    id: String,
    checked: bool,
    name: &str,
    what: Option<&str>,
    onchange: Callback<Event>,
) -> Html {
    html! {
        <label class={classes!("d-radio", checked.then_some("d-radio-on"))} for={id.clone()}>
            <input {id} type="radio" name={group.to_owned()} {checked} {onchange} />
            <span>
                <strong>{ name }</strong>
                if let Some(w) = what { <span class="d-choice-hint">{ w }</span> }
            </span>
        </label>
    }
}

/// The kind of poll and its rule: a decision's matter, another kind's preset, and a survey's
/// target.
pub fn rule(ed: &Editor) -> Html {
    let (lang, draft) = (ed.lang, &ed.draft);
    let w = words(lang);
    let pick = |e: Edit| ed.on_edit.reform(move |_: Event| e.clone());
    html! {
        <section class="d-section" aria-labelledby="d-rule-h">
            <h2 id="d-rule-h">{ w.rule_heading }</h2>
            <fieldset class="d-radios" id={dom_id(draft, Field::Kind)} tabindex="-1">
                <legend>{ w.kind_legend }</legend>
                { for PollKind::ALL.into_iter().map(|kind| {
                    let (name, what) = kind_name(kind, lang);
                    radio("d-kind", format!("d-kind-{}", kind.name()), draft.kind == kind, name, Some(what),
                          pick(Edit::Kind(kind)))
                }) }
                { problem_line("d-kind", ed.problem(Field::Kind).as_ref()) }
            </fieldset>
            if draft.kind == PollKind::Decision {
                { matter(ed) }
            } else {
                <fieldset class="d-radios" id={dom_id(draft, Field::Preset)} tabindex="-1">
                    <legend>{ w.rule_legend }</legend>
                    { for draft.kind.allowed_presets().iter().map(|&preset| {
                        radio("d-rule", format!("d-rule-{}", preset.name()), draft.preset == preset,
                              rule_name(preset, lang), None, pick(Edit::Preset(preset)))
                    }) }
                    { problem_line("d-rule", ed.problem(Field::Preset).as_ref()) }
                    <p class="d-electorate">
                        <strong>{ w.electorate }{ ": " }</strong>{ electorate_name(draft.preset, lang) }
                        { ". " }{ w.electorate_note }
                    </p>
                    if draft.kind == PollKind::Election {
                        <p class="d-electorate">{ matter_words(lang).quorum_note }</p>
                    }
                </fieldset>
            }
            if draft.preset == Preset::None { { target(ed) } }
        </section>
    }
}

/// What a decision decides (docs/poll-format.md §Matters): one radio per matter, in the law's
/// words; the rule follows and is said in words with its article, never as a preset id.
fn matter(ed: &Editor) -> Html {
    let (lang, draft) = (ed.lang, &ed.draft);
    let (w, m) = (words(lang), matter_words(lang));
    let pick = |e: Edit| ed.on_edit.reform(move |_: Event| e.clone());
    // A file whose preset does not fit its matter is said here too: there is no preset to pick.
    let problem = ed
        .problem(Field::Matter)
        .or_else(|| ed.problem(Field::Preset));
    html! {
        <fieldset class={classes!("d-radios", problem.as_ref().map(|_| "d-bad"))} id="d-matter" tabindex="-1"
                  aria-describedby="d-matter-hint">
            <legend>{ m.matter_legend }</legend>
            <p class="hint" id="d-matter-hint">{ m.matter_hint }</p>
            { for Matter::ALL.into_iter().map(|matter| {
                radio("d-matter", format!("d-matter-{}", matter.name()), draft.matter == Some(matter),
                      matter_name(matter, lang), None, pick(Edit::Matter(matter)))
            }) }
            { problem_line("d-matter", problem.as_ref()) }
            if let Some(matter) = draft.matter {
                <p class="d-electorate d-rule-follows">
                    <strong>{ m.rule_follows }{ ": " }</strong>{ matter_rule(matter, lang) }{ "." }
                </p>
                <p class="d-electorate">
                    <strong>{ w.electorate }{ ": " }</strong>{ electorate_name(matter.preset(), lang) }
                    { ". " }{ w.electorate_note }
                </p>
                if matter != Matter::Conference {
                    <p class="d-electorate">{ m.quorum_note }</p>
                }
            }
        </fieldset>
    }
}

/// A survey's optional target: which question, which answers, what share of the electorate.
fn target(ed: &Editor) -> Html {
    let (lang, draft) = (ed.lang, &ed.draft);
    let w = words(lang);
    let on = draft.target.is_some();
    let body = draft.target.as_ref().map(|t| {
        let item_id = dom_id(draft, Field::TargetItem);
        let item_problem = ed.problem(Field::TargetItem);
        let onchange = ed.on_edit.reform(|e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            Edit::TargetItem(select.value().parse().ok())
        });
        let counted = t.item.and_then(|k| draft.item_at(k)).map(|i| &draft.items[i]);
        let options_id = dom_id(draft, Field::TargetOptions);
        let options_problem = ed.problem(Field::TargetOptions);
        let fraction_problem = ed.problem(Field::TargetFraction);
        html! {
            <>
                <div class="d-field">
                    <label for={item_id.clone()}>{ w.target_item }</label>
                    <select id={item_id.clone()} {onchange} aria-invalid={item_problem.as_ref().map(|_| "true")}>
                        <option value="" selected={t.item.is_none()}>{ w.target_pick }</option>
                        { for draft.items.iter().enumerate().filter(|(_, i)| i.kind.has_options()).map(|(n, i)| html! {
                            <option value={i.key.to_string()} selected={t.item == Some(i.key)}>
                                { format!("{} — {}", w.question_n(n + 1), i.label.get(lang)) }
                            </option>
                        }) }
                    </select>
                    { problem_line(&item_id, item_problem.as_ref()) }
                </div>
                if let Some(item) = counted {
                    <fieldset id={options_id.clone()} tabindex="-1" class={classes!("d-answers", options_problem.as_ref().map(|_| "d-bad"))}>
                        <legend>{ w.target_options }</legend>
                        { for item.options.iter().map(|o| {
                            let key = o.key;
                            checkbox(format!("{options_id}-{key}"), o.label.get(lang), t.options.contains(&key),
                                     ed.on_edit.reform(move |v| Edit::TargetOption(key, v)))
                        }) }
                        { problem_line(&options_id, options_problem.as_ref()) }
                    </fieldset>
                }
                <div class={classes!("d-row", fraction_problem.as_ref().map(|_| "d-bad"))}>
                    { input(Input {
                        id: "d-target-numerator".into(), label: w.target_numerator, hint: None,
                        value: &t.numerator, problem: None, shape: Shape::Number, lang: None,
                        on_input: ed.edit(Edit::TargetNumerator),
                    }) }
                    { input(Input {
                        id: "d-target-denominator".into(), label: w.target_denominator, hint: None,
                        value: &t.denominator, problem: None, shape: Shape::Number, lang: None,
                        on_input: ed.edit(Edit::TargetDenominator),
                    }) }
                </div>
                <p class="hint">{ if t.of_ballots { w.target_hint_ballots } else { w.target_hint } }</p>
                { problem_line("d-target-fraction", fraction_problem.as_ref()) }
                { checkbox("d-target-of-ballots".into(), w.target_of_ballots, t.of_ballots,
                           ed.on_edit.reform(Edit::TargetOfBallots)) }
            </>
        }
    });
    html! {
        <fieldset class="d-target">
            <legend>{ w.target_legend }</legend>
            { checkbox("d-target-on".into(), w.target_on, on, ed.on_edit.reform(Edit::Target)) }
            { for body }
        </fieldset>
    }
}
