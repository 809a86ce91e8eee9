//! The tablet as the tally sheet of paper ballots (issue 19, item 5): the board reads each
//! paper ballot aloud and a counter taps what it says, one ballot after another; two counters
//! count in turn, each seeing only their own counts, and the two counts are compared item by
//! item. The sheet's rules are `state::paper`; this only draws and sends taps.

use phieu_core::{Lang, Poll};
use yew::prelude::*;

use crate::edge::form::input_value;
use crate::i18n::paper::{paper_words, PaperWords};
use crate::state::meeting::Meeting;
use crate::state::paper::{Difference, PaperCount, Sheet, Tap};

#[derive(Properties, PartialEq)]
pub struct PaperProps {
    pub lang: Lang,
    pub meeting: Meeting,
    /// A tap of counter 0 or 1.
    pub on_tap: Callback<(usize, Tap)>,
    /// Counter 0 or 1 starts again from the first ballot.
    pub on_recount: Callback<usize>,
    /// The paper ballots issued, as typed.
    pub on_issued: Callback<String>,
}

#[function_component(PaperPanel)]
pub fn paper_panel(props: &PaperProps) -> Html {
    let w = paper_words(props.lang);
    let lang = props.lang;
    let active = use_state(|| 0usize);
    let confirm_recount = use_state(|| None::<usize>);
    let issued = {
        let stored = props.meeting.paper.as_ref().and_then(|c| c.issued);
        use_state(move || stored.map(|n| n.to_string()).unwrap_or_default())
    };
    let Some(count) = props.meeting.paper.as_ref() else {
        return Html::default();
    };
    let poll = &props.meeting.poll;
    let k = *active;
    let sheet = &count.sheets[k];

    let on_issued = {
        let issued = issued.clone();
        let cb = props.on_issued.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            cb.emit((*issued).clone());
        })
    };
    let choose = |i: usize| {
        let active = active.clone();
        let confirm = confirm_recount.clone();
        Callback::from(move |_: MouseEvent| {
            active.set(i);
            confirm.set(None);
        })
    };
    let counter_button = |i: usize| {
        let n = count.sheets[i].papers().len();
        html! {
            <button type="button" class={classes!("button", (i != k).then_some("button-secondary"))}
                    aria-pressed={(i == k).to_string()} onclick={choose(i)}>
                { w.counter_n(i + 1, n) }
            </button>
        }
    };
    let recount = {
        let confirm = confirm_recount.clone();
        let cb = props.on_recount.clone();
        match *confirm_recount {
            Some(i) if i == k => html! {
                <div class="actions" role="group" aria-label={w.recount_sure(k + 1)}>
                    <p class="warning">{ w.recount_sure(k + 1) }</p>
                    <button type="button" class="button button-danger" onclick={{
                        let confirm = confirm.clone();
                        Callback::from(move |_: MouseEvent| { cb.emit(k); confirm.set(None); })
                    }}>{ w.recount_yes }</button>
                    <button type="button" class="button button-secondary"
                            onclick={Callback::from(move |_: MouseEvent| confirm.set(None))}>{ w.recount_no }</button>
                </div>
            },
            _ => html! {
                <button type="button" class="button button-secondary"
                        onclick={Callback::from(move |_: MouseEvent| confirm.set(Some(k)))}>
                    { w.recount(k + 1) }
                </button>
            },
        }
    };

    html! {
        <section class="panel paper" aria-labelledby="paper-h">
            <h2 id="paper-h">{ w.title }</h2>
            <p class="hint">{ w.hint }</p>
            <form class="paper-issued" onsubmit={on_issued} novalidate=true>
                <div class="field field-inline">
                    <label for="paper-issued">{ w.issued }</label>
                    <input id="paper-issued" type="text" inputmode="numeric" autocomplete="off"
                           value={(*issued).clone()}
                           oninput={{
                               let issued = issued.clone();
                               Callback::from(move |e: InputEvent| issued.set(input_value(&e)))
                           }} />
                </div>
                <button type="submit" class="button button-secondary">{ w.save_issued }</button>
                if let Some(n) = count.issued { <span class="ok" role="status">{ w.issued_saved(n) }</span> }
            </form>
            <div class="actions counters" role="group" aria-label={w.counters.to_owned()}>
                { counter_button(0) }
                { counter_button(1) }
            </div>
            { sheet_view(poll, sheet, k, lang, w, &props.on_tap) }
            { recount }
            { reconciliation(poll, count, lang, w) }
        </section>
    }
}

/// The sheet of counter `k`: the item being marked with a button per option, blank, invalid,
/// undo, and this counter's running counts.
fn sheet_view(
    poll: &Poll,
    sheet: &Sheet,
    k: usize,
    lang: Lang,
    w: &PaperWords,
    on_tap: &Callback<(usize, Tap)>,
) -> Html {
    let at = sheet.item();
    let item = &poll.items()[at];
    let multiple = matches!(item.kind(), phieu_core::ItemKind::Multiple { .. });
    let tap = |t: Tap| on_tap.reform(move |_: MouseEvent| (k, t));
    let counts = sheet.counts();
    html! {
        <div class="sheet" aria-labelledby="sheet-h">
            <h3 id="sheet-h">
                { w.ballot_n(k + 1, counts.ballots + 1) }
            </h3>
            <p class="sheet-item">{ format!("{} {}/{}: {}", w.question, at + 1, poll.items().len(), item.label().get(lang)) }</p>
            <div class="sheet-options">
                { for item.kind().options().iter().enumerate().map(|(j, option)| {
                    let pressed = multiple.then(|| sheet.ticked().contains(&j).to_string());
                    html! {
                        <button type="button" class="button button-big sheet-option" aria-pressed={pressed}
                                onclick={tap(Tap::Option(j))}>{ option.label().get(lang) }</button>
                    }
                }) }
            </div>
            <div class="actions">
                if multiple {
                    <button type="button" class="button button-big" onclick={tap(Tap::Done)}>{ w.done }</button>
                }
                <button type="button" class="button button-secondary" onclick={tap(Tap::Blank)}>{ w.blank }</button>
                <button type="button" class="button button-danger" onclick={tap(Tap::Invalid)}>{ w.invalid }</button>
                <button type="button" class="button button-secondary" onclick={tap(Tap::Undo)}>{ w.undo }</button>
            </div>
            <table class="sheet-counts">
                <caption>{ w.counts_of(k + 1) }</caption>
                <tbody>
                    <tr><th scope="row">{ w.ballots }</th><td>{ counts.ballots }</td></tr>
                    <tr><th scope="row">{ w.invalid_count }</th><td>{ counts.invalid }</td></tr>
                    { for poll.items().iter().zip(&counts.items).enumerate().flat_map(|(i, (item, c))| {
                        let rows: Vec<Html> = item.kind().options().iter().zip(&c.options).map(|(o, n)| html! {
                            <tr><th scope="row">{ format!("{}. {} — {}", i + 1, short(item.label().get(lang)), o.label().get(lang)) }</th><td>{ *n }</td></tr>
                        }).chain(std::iter::once(html! {
                            <tr><th scope="row">{ format!("{}. {} — {}", i + 1, short(item.label().get(lang)), w.blank) }</th><td>{ c.blank }</td></tr>
                        })).collect();
                        rows
                    }) }
                </tbody>
            </table>
        </div>
    }
}

/// The two counts compared, once both counters have counted.
fn reconciliation(poll: &Poll, count: &PaperCount, lang: Lang, w: &PaperWords) -> Html {
    let Some(differences) = count.differences() else {
        return html! { <p class="hint">{ w.need_two }</p> };
    };
    if differences.is_empty() {
        return html! { <p class="ok agree" role="status">{ "✓ " }{ w.agree }</p> };
    }
    let option = |item: usize, option: usize| {
        let it = &poll.items()[item];
        format!(
            "{}. {} — {}",
            item + 1,
            short(it.label().get(lang)),
            it.kind().options()[option].label().get(lang)
        )
    };
    html! {
        <div class="differences" role="alert">
            <p class="problem">{ w.differ }</p>
            <ul>
                { for differences.iter().map(|d| {
                    let (what, a, b) = match d {
                        Difference::Ballots { a, b } => (w.ballots.to_owned(), a, b),
                        Difference::Invalid { a, b } => (w.invalid_count.to_owned(), a, b),
                        Difference::Option { item, option: o, a, b } => (option(*item, *o), a, b),
                        Difference::Blank { item, a, b } => (
                            format!("{}. {} — {}", item + 1, short(poll.items()[*item].label().get(lang)), w.blank),
                            a,
                            b,
                        ),
                    };
                    html! { <li>{ w.difference(&what, a, b) }</li> }
                }) }
            </ul>
        </div>
    }
}

/// A question's label cut to its first 60 characters, for the counts' rows.
fn short(label: &str) -> String {
    match label.char_indices().nth(60) {
        Some((at, _)) => format!("{}…", &label[..at]),
        None => label.to_owned(),
    }
}
