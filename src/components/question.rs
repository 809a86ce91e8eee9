//! One question of a ballot, as a voter answers it: choices as large buttons (a radio group
//! or checkboxes, arrow keys to move), a number field, or a text field. A choice marked
//! `free_text` ("Ý kiến khác") opens a field for the voter's own words.

use phieu_core::{Answer, Item, ItemKind, Lang};
use yew::prelude::*;

use crate::edge::dom;
use crate::edge::form::input_value;
use crate::i18n::kiosk::kiosk;
use crate::state::reading::Reading;

#[derive(Properties, PartialEq)]
pub struct QuestionProps {
    pub lang: Lang,
    pub item: Item,
    pub answer: Answer,
    pub on_answer: Callback<Answer>,
    /// Why the voter cannot go on, next to the question.
    #[prop_or_default]
    pub problem: Option<AttrValue>,
    /// The question is its page's main heading (`h1`): on the tablet, the
    /// survey page and the designer's preview. Inside a host's page (the
    /// embedding) it stays an `h2` under the host's own headings.
    #[prop_or_default]
    pub page_heading: bool,
    /// The language the voter reads the poll in (issue 20, item 3); by default the app's.
    #[prop_or_default]
    pub reading: Reading,
}

fn chosen(answer: &Answer) -> Vec<&str> {
    match answer {
        Answer::Choice { option, .. } => vec![option.as_str()],
        Answer::Choices { options, .. } => options.iter().map(String::as_str).collect(),
        _ => Vec::new(),
    }
}

fn free_text(answer: &Answer) -> String {
    match answer {
        Answer::Choice { free_text, .. } | Answer::Choices { free_text, .. } => {
            free_text.clone().unwrap_or_default()
        }
        _ => String::new(),
    }
}

#[function_component(Question)]
pub fn question(props: &QuestionProps) -> Html {
    let t = kiosk(props.lang);
    let lang = props.lang;
    let reading = &props.reading;
    let item = &props.item;
    let focus_to = use_state(|| None::<usize>);
    // Looked up from the question itself, so it is found inside an embedded poll's shadow root.
    let own = use_node_ref();
    {
        let item_id = item.id().to_owned();
        let own = own.clone();
        use_effect_with(*focus_to, move |to| {
            if let Some(i) = to {
                dom::focus_in(&own, &format!("[id=\"q-{item_id}-opt-{i}\"]"));
            }
        });
    }
    let label_id = format!("q-{}-label", item.id());
    let problem_id = format!("q-{}-problem", item.id());
    let described = props.problem.as_ref().map(|_| problem_id.clone());
    let person = item.person().map(|p| {
        html! {
            <p class="question-person">
                <strong>{ p.name() }</strong>
                { for p.position().map(|pos| html! { <>{ " — " }{ reading.text(pos, lang) }</> }) }
            </p>
        }
    });

    let body = match item.kind() {
        ItemKind::Single { options } | ItemKind::Scale { options } => {
            let current = chosen(&props.answer);
            let text = free_text(&props.answer);
            let selected = options.iter().position(|c| current.contains(&c.id()));
            let pick = |index: usize| {
                let on_answer = props.on_answer.clone();
                let id = options[index].id().to_owned();
                let keep = options[index]
                    .free_text()
                    .then(|| text.clone())
                    .filter(|t| !t.is_empty());
                move || {
                    on_answer.emit(Answer::Choice {
                        option: id.clone(),
                        free_text: keep.clone(),
                    })
                }
            };
            let onkeydown = {
                let on_answer = props.on_answer.clone();
                let ids: Vec<String> = options.iter().map(|c| c.id().to_owned()).collect();
                let focus_to = focus_to.clone();
                Callback::from(move |e: KeyboardEvent| {
                    let n = ids.len();
                    let at = selected.unwrap_or(0);
                    let to = match e.key().as_str() {
                        "ArrowDown" | "ArrowRight" => (at + 1) % n,
                        "ArrowUp" | "ArrowLeft" => (at + n - 1) % n,
                        _ => return,
                    };
                    e.prevent_default();
                    on_answer.emit(Answer::choice(ids[to].clone()));
                    // Focus follows the choice once the new state is drawn (the free-text
                    // field may appear below it).
                    focus_to.set(Some(to));
                })
            };
            let free_field = selected
                .filter(|&i| options[i].free_text())
                .map(|i| free_text_field(props, t.your_opinion, Some(i)));
            html! {
                <>
                    <p class="question-how">{ t.choose_one }</p>
                    <div class="choices" role="radiogroup" aria-labelledby={label_id.clone()}
                         aria-describedby={described.clone()} {onkeydown}>
                        { for options.iter().enumerate().map(|(i, c)| {
                            let on = selected == Some(i);
                            let onclick = { let pick = pick(i); Callback::from(move |_: MouseEvent| pick()) };
                            html! {
                                <button type="button" role="radio" id={format!("q-{}-opt-{i}", item.id())}
                                        class={classes!("choice", on.then_some("chosen"))}
                                        aria-checked={if on { "true" } else { "false" }}
                                        tabindex={if on || (selected.is_none() && i == 0) { "0" } else { "-1" }}
                                        {onclick}>
                                    <span class="choice-mark" aria-hidden="true">{ if on { "✓" } else { "" } }</span>
                                    <span class="choice-label" lang={reading.code(lang)}>{ reading.text(c.label(), lang) }</span>
                                </button>
                            }
                        }) }
                    </div>
                    { for free_field }
                </>
            }
        }
        ItemKind::Multiple { options, max, .. } => {
            let current: Vec<String> = chosen(&props.answer)
                .into_iter()
                .map(str::to_owned)
                .collect();
            // Once the maximum is ticked the other options are off, and say why (issue 22,
            // item 3): a fifth tick is refused at once, not at Tiếp.
            let limited = (*max as usize) < options.len();
            let full = limited && current.len() as u64 >= *max;
            let full_id = format!("q-{}-full", item.id());
            let text = free_text(&props.answer);
            let toggle = |id: String| {
                let on_answer = props.on_answer.clone();
                let current = current.clone();
                let text = text.clone();
                Callback::from(move |_: MouseEvent| {
                    let mut next = current.clone();
                    match next.iter().position(|o| *o == id) {
                        Some(p) => {
                            next.remove(p);
                        }
                        None => next.push(id.clone()),
                    }
                    on_answer.emit(Answer::Choices {
                        options: next,
                        free_text: Some(text.clone()).filter(|t| !t.is_empty()),
                    });
                })
            };
            let free_on = options
                .iter()
                .any(|c| c.free_text() && current.iter().any(|o| o == c.id()));
            html! {
                <>
                    <p class="question-how">
                        { if limited { t.choose_at_most(max) } else { t.choose_many.to_owned() } }
                    </p>
                    <div class="choices" role="group" aria-labelledby={label_id.clone()}
                         aria-describedby={described.clone()}>
                        { for options.iter().map(|c| {
                            let on = current.iter().any(|o| o == c.id());
                            let off = full && !on;
                            html! {
                                <button type="button" role="checkbox"
                                        class={classes!("choice", "choice-multi", on.then_some("chosen"))}
                                        aria-checked={if on { "true" } else { "false" }}
                                        disabled={off}
                                        aria-describedby={off.then(|| full_id.clone())}
                                        onclick={toggle(c.id().to_owned())}>
                                    <span class="choice-mark" aria-hidden="true">{ if on { "✓" } else { "" } }</span>
                                    <span class="choice-label" lang={reading.code(lang)}>{ reading.text(c.label(), lang) }</span>
                                </button>
                            }
                        }) }
                    </div>
                    if full {
                        <p class="question-full" id={full_id.clone()} role="status">
                            { t.max_reached(max) }
                        </p>
                    }
                    if free_on { { free_text_field(props, t.your_opinion, None) } }
                </>
            }
        }
        ItemKind::Number { min, max } => {
            let value = match &props.answer {
                Answer::Number(n) => n.to_string(),
                _ => String::new(),
            };
            let on_answer = props.on_answer.clone();
            let oninput = Callback::from(move |e: InputEvent| {
                let v = input_value(&e);
                on_answer.emit(match v.trim().parse::<i64>() {
                    Ok(n) => Answer::Number(n),
                    Err(_) => Answer::Blank,
                });
            });
            html! {
                <>
                    <label class="question-how" for={format!("q-{}-number", item.id())}>
                        { format!("{} ({min} – {max})", t.type_number) }
                    </label>
                    <input id={format!("q-{}-number", item.id())} class="answer-number" type="number"
                           inputmode="numeric" min={min.to_string()} max={max.to_string()}
                           aria-describedby={described.clone()} {value} {oninput} />
                </>
            }
        }
        ItemKind::Text { max_len } => {
            let value = match &props.answer {
                Answer::Text(s) => s.clone(),
                _ => String::new(),
            };
            let on_answer = props.on_answer.clone();
            let oninput = Callback::from(move |e: InputEvent| {
                on_answer.emit(Answer::Text(input_value(&e)));
            });
            html! {
                <>
                    <label class="question-how" for={format!("q-{}-text", item.id())}>{ t.type_text }</label>
                    <textarea id={format!("q-{}-text", item.id())} class="answer-text" rows="4"
                              maxlength={max_len.to_string()} autocomplete="off"
                              aria-describedby={described.clone()} {value} {oninput} />
                </>
            }
        }
    };

    html! {
        <section class="question" ref={own}>
            <@{if props.page_heading { "h1" } else { "h2" }} class="question-label" id={label_id} lang={reading.code(lang)}>
                { reading.text(item.label(), lang) }
            </@>
            { for person }
            { body }
            if let Some(problem) = &props.problem {
                <p class="problem" id={problem_id} role="alert">{ problem }</p>
            }
        </section>
    }
}

/// The field for a free-text choice's own words. `single` is the chosen option's index for a
/// single-choice item (so the words stay with that choice), `None` for a multiple item.
fn free_text_field(props: &QuestionProps, label: &str, single: Option<usize>) -> Html {
    let id = format!("q-{}-free", props.item.id());
    let value = free_text(&props.answer);
    let on_answer = props.on_answer.clone();
    let answer = props.answer.clone();
    let oninput = Callback::from(move |e: InputEvent| {
        let words = Some(input_value(&e)).filter(|t| !t.is_empty());
        on_answer.emit(match (&answer, single) {
            (Answer::Choice { option, .. }, Some(_)) => Answer::Choice {
                option: option.clone(),
                free_text: words,
            },
            (Answer::Choices { options, .. }, None) => Answer::Choices {
                options: options.clone(),
                free_text: words,
            },
            (other, _) => other.clone(),
        });
    });
    html! {
        <div class="free-text">
            <label for={id.clone()}>{ label }</label>
            <textarea {id} class="answer-text" rows="3" maxlength="1000" autocomplete="off"
                      {value} {oninput} />
        </div>
    }
}
