//! The officer's entry of a show of hands (issue 19, item 4): for each item the meeting votes
//! by hands, the hands raised per option, those present who raised none, and a save. What is
//! typed stays here until saved; the meeting checks it (`Meeting::enter_hands`).

use phieu_core::Lang;
use yew::prelude::*;

use crate::edge::form::input_value;
use crate::i18n::hands::hands_words;
use crate::state::meeting::Meeting;

#[derive(Properties, PartialEq)]
pub struct HandsProps {
    pub lang: Lang,
    pub meeting: Meeting,
    /// The item's position in the poll and what was typed, one per option.
    pub on_save: Callback<(usize, Vec<String>)>,
}

#[function_component(HandsPanel)]
pub fn hands_panel(props: &HandsProps) -> Html {
    let w = hands_words(props.lang);
    let m = &props.meeting;
    let present = m.electorate.present().unwrap_or(0);
    html! {
        <section class="panel hands" aria-labelledby="hands-h">
            <h2 id="hands-h">{ w.panel_title }</h2>
            if m.all_by_hands() { <p>{ w.all_by_hands }</p> }
            <p class="hint">{ w.panel_hint }</p>
            <p>{ w.present_line(present) }</p>
            { for m.hands.iter().filter_map(|h| {
                let at = m.poll.items().iter().position(|i| i.id() == h.item)?;
                Some(html! {
                    <HandsItem key={h.item.clone()} lang={props.lang} meeting={m.clone()} {at}
                               saved={h.counts.clone()} on_save={props.on_save.clone()} />
                })
            }) }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct ItemProps {
    lang: Lang,
    meeting: Meeting,
    at: usize,
    saved: Option<Vec<u64>>,
    on_save: Callback<(usize, Vec<String>)>,
}

#[function_component(HandsItem)]
fn hands_item(props: &ItemProps) -> Html {
    let w = hands_words(props.lang);
    let lang = props.lang;
    let item = &props.meeting.poll.items()[props.at];
    let options = item.kind().options();
    let typed = {
        let saved = props.saved.clone();
        let n = options.len();
        use_state(move || match saved {
            Some(counts) => counts.iter().map(u64::to_string).collect(),
            None => vec![String::new(); n],
        })
    };
    let present = props.meeting.electorate.present().unwrap_or(0);
    let sum: u64 = typed
        .iter()
        .filter_map(|t| t.trim().parse::<u64>().ok())
        .sum();
    let onsubmit = {
        let typed = typed.clone();
        let on_save = props.on_save.clone();
        let at = props.at;
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            on_save.emit((at, (*typed).clone()));
        })
    };
    let saved_now = props.saved.as_ref().is_some_and(|c| {
        c.iter()
            .map(u64::to_string)
            .eq(typed.iter().map(|t| t.trim().to_owned()))
    });
    html! {
        <form class="hands-item" {onsubmit} novalidate=true aria-labelledby={format!("hands-q-{}", props.at)}>
                <h3 id={format!("hands-q-{}", props.at)}>{ format!("{}. {}", props.at + 1, item.label().get(lang)) }</h3>
                { for options.iter().enumerate().map(|(j, option)| {
                    let id = format!("hands-{}-{j}", props.at);
                    let oninput = {
                        let typed = typed.clone();
                        Callback::from(move |e: InputEvent| {
                            let mut next = (*typed).clone();
                            next[j] = input_value(&e);
                            typed.set(next);
                        })
                    };
                    html! {
                        <div class="field field-inline">
                            <label for={id.clone()}>{ format!("{} — {}", option.label().get(lang), w.hands_for) }</label>
                            <input id={id} type="text" inputmode="numeric" autocomplete="off"
                                   value={typed[j].clone()} {oninput} />
                        </div>
                    }
                }) }
                <p class="hint" aria-live="polite">{ w.no_hand(present.saturating_sub(sum).to_string()) }</p>
                <div class="actions">
                    <button type="submit" class="button">{ w.save }</button>
                    if saved_now { <span class="ok" role="status">{ "✓ " }{ w.saved }</span> }
                </div>
        </form>
    }
}
