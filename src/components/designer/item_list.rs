//! The list of questions: each card keyed by its item's key (so a card and its focus move with
//! the question), a drag by the handle that highlights the place it will land and moves the
//! question there on release, and the buttons that add a question of the kinds that fit.

use yew::prelude::*;

use super::item_card::{DragStep, ItemCard};
use super::{dom_id, Editor};
use crate::edge::drag;
use crate::i18n::designer::{preset_name, words};
use crate::state::designer::{Edit, Field, ItemPreset};

#[derive(Properties, PartialEq)]
pub struct ItemListProps {
    pub editor: Editor,
}

#[function_component(ItemList)]
pub fn item_list(props: &ItemListProps) -> Html {
    let ed = &props.editor;
    let w = words(ed.lang);
    // The card being dragged and the row it is over: held where every render's callback
    // reads the same value (a card that was not redrawn keeps an older callback), and copied
    // into state to draw the highlight.
    let held = use_mut_ref(|| None::<(usize, usize)>);
    let dragging = use_state(|| None::<(usize, usize)>);
    let on_drag = {
        let dragging = dragging.clone();
        let on_edit = ed.on_edit.clone();
        Callback::from(move |step: DragStep| {
            let now = *held.borrow();
            let next = match step {
                DragStep::Start(i, e) => {
                    // A mouse drags with its main button only; a finger or a pen always.
                    if e.pointer_type() == "mouse" && e.button() != 0 {
                        return;
                    }
                    e.prevent_default();
                    drag::capture(&e);
                    Some((i, i))
                }
                DragStep::Move(e) => {
                    let Some((from, over)) = now else {
                        return;
                    };
                    drag::scroll_near_edge(&e);
                    Some((from, drag::row_under(&e).unwrap_or(over)))
                }
                DragStep::End => {
                    if let Some((from, to)) = now.filter(|(from, to)| from != to) {
                        on_edit.emit(Edit::MoveItem { from, to });
                    }
                    None
                }
                DragStep::Cancel => None,
            };
            if next != now {
                *held.borrow_mut() = next;
                dragging.set(next);
            }
        })
    };
    let list_id = dom_id(&ed.draft, Field::Items);
    let list_problem = ed.problem(Field::Items);
    html! {
        <section class="d-section" aria-labelledby="d-items-h">
            <h2 id="d-items-h">{ w.items_heading }</h2>
            <div id={list_id.clone()} tabindex="-1" class={classes!("d-items", list_problem.as_ref().map(|_| "d-bad"))}>
                if ed.draft.items.is_empty() { <p class="hint">{ w.no_items }</p> }
                { for ed.draft.items.iter().enumerate().map(|(i, item)| {
                    let (is_dragged, is_over) = match *dragging {
                        Some((from, over)) => (from == i, over == i && from != i),
                        None => (false, false),
                    };
                    html! {
                        <ItemCard key={item.key} editor={ed.clone()} index={i}
                                  dragging={is_dragged} drag_over={is_over} on_drag={on_drag.clone()} />
                    }
                }) }
                { super::fields::problem_line(&list_id, list_problem.as_ref()) }
            </div>
            <fieldset class="d-add-items">
                <legend>{ w.add_item }</legend>
                { for ItemPreset::for_kind(ed.draft.kind).iter().map(|&preset| html! {
                    <button type="button" class="button button-secondary d-add"
                            onclick={ed.on_edit.reform(move |_: MouseEvent| Edit::AddItem(preset))}>
                        { "+ " }{ preset_name(preset, ed.lang) }
                    </button>
                }) }
            </fieldset>
        </section>
    }
}
