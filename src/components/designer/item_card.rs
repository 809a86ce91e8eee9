//! One question in the designer: its type, its wording in Vietnamese and English, whether an
//! answer is required, the person it is about, its options (or its number range, or its
//! length), when it is shown (skip logic), and its ids. Moved by arrows or by its drag handle,
//! deleted after a confirmation.

use phieu_core::{Lang, PollErrorKind};
use yew::prelude::*;

use super::fields::{checkbox, input, pair, problem_line, Input, Pair, Shape};
use super::{dom_id, Editor};
use crate::i18n::designer::{describe_kept, matter_words, type_name, words};
use crate::state::designer::{
    Edit, Field, ItemDraft, ItemField, ItemType, LabelAt, OptionField, Problem,
};

/// What the drag handle of a card reports.
#[derive(Clone, Debug)]
pub enum DragStep {
    /// The pointer went down on the handle of card `index`.
    Start(usize, PointerEvent),
    Move(PointerEvent),
    /// The pointer was lifted: the card lands where it is.
    End,
    /// The browser took the pointer away (a scroll, a call): nothing moves.
    Cancel,
}

#[derive(Properties)]
pub struct ItemCardProps {
    pub editor: Editor,
    pub index: usize,
    /// This card is being dragged, or another card is being dragged over it.
    pub dragging: bool,
    pub drag_over: bool,
    pub on_drag: Callback<DragStep>,
}

/// What a card shows, borrowed from the draft: two cards that show the same need no new
/// render. (Typing in one question then redraws that question, not all of them.)
#[derive(PartialEq)]
struct Shown<'a> {
    item: Option<&'a ItemDraft>,
    count: usize,
    kind: phieu_core::PollKind,
    lang: Lang,
    problems: Vec<(Field, String)>,
    /// The questions it may be shown after: position, and what their choice reads.
    candidates: Vec<(usize, &'a crate::state::designer::Label)>,
    /// The options of the question it is shown after.
    condition: Option<&'a [crate::state::designer::OptionDraft]>,
}

impl ItemCardProps {
    fn shown(&self) -> Shown<'_> {
        let (draft, i) = (&self.editor.draft, self.index);
        let item = draft.items.get(i);
        Shown {
            item,
            count: draft.items.len(),
            kind: draft.kind,
            lang: self.editor.lang,
            problems: self
                .editor
                .problems
                .iter()
                .filter(|p| matches!(p.field, Field::Item(j, _) if j == i))
                .map(|p| (p.field, self.editor.problem(p.field).unwrap_or_default()))
                .collect(),
            candidates: draft
                .condition_candidates(i)
                .into_iter()
                .map(|c| (c, &draft.items[c].label))
                .collect(),
            condition: item
                .and_then(|it| it.show_if.as_ref())
                .and_then(|c| draft.item_at(c.item))
                .map(|t| draft.items[t].options.as_slice()),
        }
    }
}

/// The callbacks are left out: edits go to the designer's one dispatcher, by position (which
/// is compared), and the drag steps to state that every render shares.
impl PartialEq for ItemCardProps {
    fn eq(&self, other: &Self) -> bool {
        self.index == other.index
            && self.dragging == other.dragging
            && self.drag_over == other.drag_over
            && self.shown() == other.shown()
    }
}

/// The first `max` characters of `text`, with an ellipsis when cut.
fn short(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_owned()
    } else {
        let cut: String = text.chars().take(max).collect();
        format!("{}…", cut.trim_end())
    }
}

#[function_component(ItemCard)]
pub fn item_card(props: &ItemCardProps) -> Html {
    let ed = &props.editor;
    let (lang, draft, i) = (ed.lang, &ed.draft, props.index);
    let w = words(lang);
    let confirm = use_state(|| false);
    let Some(item) = draft.items.get(i) else {
        return html! {};
    };
    let n = (i + 1).to_string();
    let at = |f: ItemField| Field::Item(i, f);
    let id = |f: ItemField| dom_id(draft, at(f));
    let problem = |f: ItemField| ed.problem(at(f));
    let heading = format!("{}-h", id(ItemField::Whole));
    let last = i + 1 == draft.items.len();
    let edit = |e: Edit| ed.on_edit.reform(move |_: MouseEvent| e.clone());

    // The drag handle: the pointer is captured on it, so its moves and release come here.
    let handle = {
        let start = props
            .on_drag
            .reform(move |e: PointerEvent| DragStep::Start(i, e));
        let moved = props.on_drag.reform(DragStep::Move);
        let up = props.on_drag.reform(|_: PointerEvent| DragStep::End);
        let cancel = props.on_drag.reform(|_: PointerEvent| DragStep::Cancel);
        html! {
            <div class="d-drag" title={w.drag(&n)} aria-hidden="true"
                 onpointerdown={start} onpointermove={moved} onpointerup={up}
                 onpointercancel={cancel}>{ "⠿" }</div>
        }
    };
    let on_delete = {
        let confirm = confirm.clone();
        Callback::from(move |_: MouseEvent| confirm.set(true))
    };
    let on_keep = {
        let confirm = confirm.clone();
        Callback::from(move |_: MouseEvent| confirm.set(false))
    };
    let on_delete_for_good = {
        let confirm = confirm.clone();
        let on_edit = ed.on_edit.clone();
        Callback::from(move |_: MouseEvent| {
            confirm.set(false);
            on_edit.emit(Edit::DeleteItem(i));
        })
    };

    let on_type = {
        let on_edit = ed.on_edit.clone();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            if let Some(kind) = ItemType::ALL
                .into_iter()
                .find(|k| k.name() == select.value())
            {
                on_edit.emit(Edit::ItemType(i, kind));
            }
        })
    };
    let type_id = id(ItemField::Type);

    html! {
        <article id={id(ItemField::Whole)} data-drag-row={i.to_string()} tabindex="-1"
                 class={classes!("d-item", props.dragging.then_some("d-dragging"),
                                 props.drag_over.then_some("d-drag-over"))}
                 aria-labelledby={heading.clone()}>
            <header class="d-item-head">
                { handle }
                <h3 id={heading}>{ w.question_n(&n) }</h3>
                if draft.decided(i) { <span class="d-badge">{ w.decided }</span> }
                <div class="d-tools">
                    <button type="button" class="d-icon" disabled={i == 0}
                            aria-label={w.move_up(&n)}
                            onclick={edit(Edit::MoveItem { from: i, to: i.saturating_sub(1) })}>{ "↑" }</button>
                    <button type="button" class="d-icon" disabled={last}
                            aria-label={w.move_down(&n)}
                            onclick={edit(Edit::MoveItem { from: i, to: i + 1 })}>{ "↓" }</button>
                    <button type="button" class="d-delete" onclick={on_delete}>{ w.delete_item }</button>
                </div>
            </header>
            if *confirm {
                <div class="d-confirm" role="alert">
                    <p>{ w.delete_item_confirm(&n) }</p>
                    <button type="button" class="button button-danger" onclick={on_delete_for_good}>{ w.delete_item_yes }</button>
                    <button type="button" class="button button-secondary" onclick={on_keep}>{ w.keep }</button>
                </div>
            }
            <div class="d-row d-item-meta">
                <div class="d-field">
                    <label for={type_id.clone()}>{ w.item_type }</label>
                    <select id={type_id} onchange={on_type}>
                        { for ItemType::ALL.into_iter().map(|k| html! {
                            <option value={k.name()} selected={k == item.kind}>{ type_name(k, lang) }</option>
                        }) }
                    </select>
                </div>
                { checkbox(format!("{}-required", id(ItemField::Whole)), w.required, item.required,
                           ed.on_edit.reform(move |v| Edit::Required(i, v))) }
            </div>
            { pair(Pair {
                ids: [id(ItemField::Label(Lang::Vi)), id(ItemField::Label(Lang::En))],
                title: w.question_text, hint: None, label: &item.label,
                problems: [problem(ItemField::Label(Lang::Vi)), problem(ItemField::Label(Lang::En))],
                shape: Shape::Lines, lang,
                on_input: ed.on_edit.reform(move |(l, v)| Edit::ItemLabel(i, l, v)),
                second: ed.second(LabelAt::Item(i), &id(ItemField::Label(Lang::Vi))),
            }) }
            if draft.shows_person(i) { { person(ed, i, item) } }
            { body(ed, i, item) }
            { skip_logic(ed, i, item) }
            { advanced(ed, i, item) }
        </article>
    }
}

fn person(ed: &Editor, i: usize, item: &ItemDraft) -> Html {
    let w = words(ed.lang);
    let at = |f: ItemField| Field::Item(i, f);
    let id = |f: ItemField| dom_id(&ed.draft, at(f));
    html! {
        <div class="d-person">
            { input(Input {
                id: id(ItemField::PersonName), label: w.person_name, hint: None,
                value: &item.person_name, problem: ed.problem(at(ItemField::PersonName)),
                shape: Shape::Line, lang: Some(Lang::Vi),
                on_input: ed.edit(move |v| Edit::PersonName(i, v)),
            }) }
            { pair(Pair {
                ids: [id(ItemField::PersonPosition(Lang::Vi)), id(ItemField::PersonPosition(Lang::En))],
                title: w.person_position, hint: None, label: &item.person_position,
                problems: [ed.problem(at(ItemField::PersonPosition(Lang::Vi))),
                           ed.problem(at(ItemField::PersonPosition(Lang::En)))],
                shape: Shape::Line, lang: ed.lang,
                on_input: ed.on_edit.reform(move |(l, v)| Edit::PersonPosition(i, l, v)),
                second: ed.second(LabelAt::PersonPosition(i), &id(ItemField::PersonPosition(Lang::Vi))),
            }) }
        </div>
    }
}

/// A number field of item `i`.
fn number(
    ed: &Editor,
    i: usize,
    f: ItemField,
    label: &str,
    hint: Option<&str>,
    value: &str,
    edit: fn(usize, String) -> Edit,
) -> Html {
    let field = Field::Item(i, f);
    input(Input {
        id: dom_id(&ed.draft, field),
        label,
        hint,
        value,
        problem: ed.problem(field),
        shape: Shape::Number,
        lang: None,
        on_input: ed.on_edit.reform(move |v| edit(i, v)),
    })
}

/// What the voter answers: options, a number range, or the length of a written answer.
fn body(ed: &Editor, i: usize, item: &ItemDraft) -> Html {
    let w = words(ed.lang);
    match item.kind {
        ItemType::Single | ItemType::Scale => options(ed, i, item),
        // A board: the upper bound is the number of seats, and a voter may keep no name.
        ItemType::Multiple if ed.draft.board(i) => {
            let m = matter_words(ed.lang);
            html! {
                <>
                    { options(ed, i, item) }
                    <div class="d-row">
                        { number(ed, i, ItemField::Max, m.seats, Some(m.seats_hint), &item.choose_max, Edit::ChooseMax) }
                    </div>
                </>
            }
        }
        ItemType::Multiple => html! {
            <>
                { options(ed, i, item) }
                <div class="d-row">
                    { number(ed, i, ItemField::Min, w.choose_min, Some(w.choose_hint), &item.choose_min, Edit::ChooseMin) }
                    { number(ed, i, ItemField::Max, w.choose_max, Some(w.choose_hint), &item.choose_max, Edit::ChooseMax) }
                </div>
            </>
        },
        ItemType::Number => html! {
            <div class="d-row">
                { number(ed, i, ItemField::Min, w.number_min, None, &item.min, Edit::Min) }
                { number(ed, i, ItemField::Max, w.number_max, None, &item.max, Edit::Max) }
            </div>
        },
        ItemType::Text => number(
            ed,
            i,
            ItemField::MaxLen,
            w.max_len,
            Some(w.max_len_hint),
            &item.max_len,
            Edit::MaxLen,
        ),
    }
}

fn options(ed: &Editor, i: usize, item: &ItemDraft) -> Html {
    let (lang, draft) = (ed.lang, &ed.draft);
    let w = words(lang);
    let at = |f: ItemField| Field::Item(i, f);
    let list_id = dom_id(draft, at(ItemField::Options));
    let list_problem = ed.problem(at(ItemField::Options));
    let wrong_options = ed.problems.iter().any(|p| {
        p.field == at(ItemField::Options)
            && matches!(&p.problem, Problem::Core(e) if matches!(e.kind(), PollErrorKind::WrongOptions { .. }))
    });
    let count = item.options.len();
    let scale = item.kind == ItemType::Scale;
    let edit = |e: Edit| ed.on_edit.reform(move |_: MouseEvent| e.clone());
    html! {
        <fieldset class={classes!("d-options", list_problem.as_ref().map(|_| "d-bad"))} id={list_id.clone()}
                  tabindex="-1" aria-describedby={list_problem.as_ref().map(|_| format!("{list_id}-problem"))}>
            <legend>{ w.options }</legend>
            { problem_line(&list_id, list_problem.as_ref()) }
            if wrong_options {
                <button type="button" class="button button-secondary" onclick={edit(Edit::StandardOptions(i))}>
                    { w.standard_options }
                </button>
            }
            <ul class="d-option-list">
                { for item.options.iter().enumerate().map(|(j, o)| {
                    let m = (j + 1).to_string();
                    let of = |f: OptionField| at(ItemField::Option(j, f));
                    let locked = draft.locked_option(i, j);
                    html! {
                        <li key={o.key} class="d-option">
                            { pair(Pair {
                                ids: [dom_id(draft, of(OptionField::Label(Lang::Vi))),
                                      dom_id(draft, of(OptionField::Label(Lang::En)))],
                                title: &w.option_n(&m),
                                hint: locked.then_some(w.locked_option),
                                label: &o.label,
                                problems: [ed.problem(of(OptionField::Label(Lang::Vi))),
                                           ed.problem(of(OptionField::Label(Lang::En)))],
                                shape: Shape::Line, lang,
                                on_input: ed.on_edit.reform(move |(l, v)| Edit::OptionLabel(i, j, l, v)),
                                second: ed.second(LabelAt::Option(i, j), &dom_id(draft, of(OptionField::Label(Lang::Vi)))),
                            }) }
                            <div class="d-option-foot">
                                if matches!(item.kind, ItemType::Single | ItemType::Multiple) {
                                    { checkbox(dom_id(draft, of(OptionField::FreeText)), w.free_text, o.free_text,
                                               ed.on_edit.reform(move |v| Edit::FreeText(i, j, v))) }
                                }
                                if scale {
                                    { input(Input {
                                        id: dom_id(draft, of(OptionField::Value)), label: w.value, hint: None,
                                        value: &o.value, problem: ed.problem(of(OptionField::Value)),
                                        shape: Shape::Number, lang: None,
                                        on_input: ed.on_edit.reform(move |v| Edit::OptionValue(i, j, v)),
                                    }) }
                                }
                                <div class="d-tools">
                                    <button type="button" class="d-icon" disabled={j == 0}
                                            aria-label={w.option_up(&m)}
                                            onclick={edit(Edit::MoveOption { item: i, from: j, to: j.saturating_sub(1) })}>{ "↑" }</button>
                                    <button type="button" class="d-icon" disabled={j + 1 == count}
                                            aria-label={w.option_down(&m)}
                                            onclick={edit(Edit::MoveOption { item: i, from: j, to: j + 1 })}>{ "↓" }</button>
                                    if !locked {
                                        <button type="button" class="d-delete"
                                                aria-label={w.delete_option(&m)}
                                                onclick={edit(Edit::DeleteOption(i, j))}>{ w.delete }</button>
                                    }
                                </div>
                            </div>
                            { problem_line(&dom_id(draft, of(OptionField::FreeText)),
                                           ed.problem(of(OptionField::FreeText)).as_ref()) }
                        </li>
                    }
                }) }
            </ul>
            if draft.options_open(i) {
                <button type="button" class="button button-secondary d-add" onclick={edit(Edit::AddOption(i))}>
                    { "+ " }{ w.add_option }
                </button>
            }
        </fieldset>
    }
}

/// The value of the choice standing for a kept combined condition (not an item key).
const KEPT: &str = "kept";

/// "Show this question: always / only when question N is answered with …".
fn skip_logic(ed: &Editor, i: usize, item: &ItemDraft) -> Html {
    let (lang, draft) = (ed.lang, &ed.draft);
    let w = words(lang);
    let candidates = draft.condition_candidates(i);
    let kept = item.kept_show_if.as_ref();
    if candidates.is_empty() && item.show_if.is_none() && kept.is_none() {
        return html! {};
    }
    // A decided question is shown to everyone: the choice is offered only to undo one.
    if draft.decided(i) && item.show_if.is_none() && kept.is_none() {
        return html! {};
    }
    let at = |f: ItemField| Field::Item(i, f);
    let select_id = dom_id(draft, at(ItemField::ShowIfItem));
    let select_problem = ed.problem(at(ItemField::ShowIfItem));
    let current = item.show_if.as_ref().map(|c| c.item);
    let onchange = {
        let on_edit = ed.on_edit.clone();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            // The kept combined condition stays while it is the one chosen.
            if select.value() != KEPT {
                on_edit.emit(Edit::ShowIfItem(i, select.value().parse().ok()));
            }
        })
    };
    let answers = item.show_if.as_ref().and_then(|c| {
        let target = &draft.items[draft.item_at(c.item)?];
        let answers_id = dom_id(draft, at(ItemField::ShowIfAnswers));
        let problem = ed.problem(at(ItemField::ShowIfAnswers));
        Some(html! {
            <fieldset class={classes!("d-answers", problem.as_ref().map(|_| "d-bad"))} id={answers_id.clone()}
                      tabindex="-1" aria-describedby={problem.as_ref().map(|_| format!("{answers_id}-problem"))}>
                <legend>{ w.answers }</legend>
                { for target.options.iter().enumerate().map(|(j, o)| {
                    let ticked = c.any_of.contains(&o.key);
                    let key = o.key;
                    let words = if o.label.vi.trim().is_empty() {
                        w.option_n(j + 1)
                    } else {
                        o.label.get(lang).trim().to_owned()
                    };
                    let words = if words.is_empty() { o.label.vi.clone() } else { words };
                    checkbox(format!("{answers_id}-{key}"), &words, ticked,
                             ed.on_edit.reform(move |on| Edit::ShowIfAnswer(i, key, on)))
                }) }
                { problem_line(&answers_id, problem.as_ref()) }
            </fieldset>
        })
    });
    html! {
        <div class={classes!("d-skip", select_problem.as_ref().map(|_| "d-bad"))}>
            <div class="d-field">
                <label for={select_id.clone()}>{ w.show_if }</label>
                <select id={select_id.clone()} {onchange} aria-invalid={select_problem.as_ref().map(|_| "true")}
                        aria-describedby={select_problem.as_ref().map(|_| format!("{select_id}-problem"))}>
                    if kept.is_some() {
                        <option value={KEPT} selected=true>{ w.kept_option }</option>
                    }
                    <option value="" selected={current.is_none() && kept.is_none()}>{ w.always }</option>
                    { for candidates.iter().map(|&c| {
                        let other = &draft.items[c];
                        let label = other.label.get(lang).trim();
                        let label = if label.is_empty() { other.label.vi.trim() } else { label };
                        html! {
                            <option value={other.key.to_string()} selected={current == Some(other.key)}>
                                { w.only_after(c + 1, short(label, 60)) }
                            </option>
                        }
                    }) }
                </select>
                { problem_line(&select_id, select_problem.as_ref()) }
            </div>
            if let Some(k) = kept {
                <p class="d-kept">{ w.kept_condition }{ " " }{ describe_kept(draft, k, lang) }</p>
            }
            { for answers }
        </div>
    }
}

/// The ids written into the poll file: out of the way, opened by itself when one has a problem.
fn advanced(ed: &Editor, i: usize, item: &ItemDraft) -> Html {
    let (lang, draft) = (ed.lang, &ed.draft);
    let w = words(lang);
    let at = |f: ItemField| Field::Item(i, f);
    let open = ed.item_has_problem(i, |f| {
        matches!(f, ItemField::Id | ItemField::Option(_, OptionField::Id))
    });
    html! {
        <details class="d-advanced" {open}>
            <summary>{ w.advanced }</summary>
            { input(Input {
                id: dom_id(draft, at(ItemField::Id)), label: w.item_id, hint: Some(w.id_hint),
                value: &item.id, problem: ed.problem(at(ItemField::Id)), shape: Shape::Line, lang: None,
                on_input: ed.edit(move |v| Edit::ItemId(i, v)),
            }) }
            if item.kind.has_options() {
                { for item.options.iter().enumerate().filter(|(j, _)| !draft.locked_option(i, *j)).map(|(j, o)| {
                    let field = at(ItemField::Option(j, OptionField::Id));
                    input(Input {
                        id: dom_id(draft, field), label: &w.option_id(j + 1),
                        hint: None, value: &o.id, problem: ed.problem(field), shape: Shape::Line, lang: None,
                        on_input: ed.edit(move |v| Edit::OptionId(i, j, v)),
                    })
                }) }
            }
        </details>
    }
}
