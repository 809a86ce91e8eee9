//! The meetings kept on this device (issue 19, item 1): newest first, each with its subject,
//! place, date and where it stands; a closed one reopens on its results and minutes; one whose
//! ballots live on elsewhere (sent and acknowledged, or saved to a file) may be deleted after
//! two confirmations that say what goes; a record that cannot be read is listed, not hidden.

use phieu_core::Lang;
use yew::prelude::*;

use crate::edge::route;
use crate::i18n::past::past_words;
use crate::state::past::{Past, PastMeeting, Standing};
use crate::state::Doc;

#[derive(Properties, PartialEq)]
pub struct PastProps {
    pub lang: Lang,
    /// `None` while the list is read.
    pub past: Option<Vec<Past>>,
    pub notice: Option<AttrValue>,
    pub on_open: Callback<String>,
    pub on_delete: Callback<PastMeeting>,
}

/// How far the officer is in deleting one meeting: asked once, or asked the second time.
#[derive(Clone, PartialEq)]
enum Deleting {
    First(String),
    Last(String),
}

#[function_component(PastMeetings)]
pub fn past_meetings(props: &PastProps) -> Html {
    let w = past_words(props.lang);
    let deleting = use_state(|| None::<Deleting>);
    let Some(list) = &props.past else {
        return html! { <p role="status">{ w.loading }</p> };
    };
    let entry = |p: &Past| match p {
        Past::Damaged { id, why, ballots } => html! {
            <li class="past damaged">
                <p class="problem">{ w.damaged(id, ballots) }</p>
                <details><summary>{ w.details }</summary><code>{ why }</code></details>
            </li>
        },
        Past::Meeting(m) => {
            let standing = match m.standing {
                Standing::InProgress => w.in_progress,
                Standing::Closed => w.closed,
                Standing::Waiting => w.waiting,
                Standing::Uploaded => w.uploaded,
            };
            let exported = (m.exported && m.standing != Standing::Uploaded)
                .then(|| format!(" · {}", w.exported));
            let set = |to: Option<Deleting>| {
                let deleting = deleting.clone();
                Callback::from(move |_: MouseEvent| deleting.set(to.clone()))
            };
            let actions = match (&*deleting, m.standing == Standing::InProgress) {
                (Some(Deleting::First(id)), _) if *id == m.id => html! {
                    <div class="confirm" role="alertdialog" aria-label={w.delete}>
                        <p>{ w.confirm_first(m.title.get(props.lang), m.ballots) }</p>
                        <div class="actions">
                            <button type="button" class="button button-danger" onclick={set(Some(Deleting::Last(m.id.clone())))}>{ w.confirm_go_on }</button>
                            <button type="button" class="button button-secondary" onclick={set(None)}>{ w.keep }</button>
                        </div>
                    </div>
                },
                (Some(Deleting::Last(id)), _) if *id == m.id => {
                    let on_delete = {
                        let (entry, deleting) = (m.clone(), deleting.clone());
                        props.on_delete.reform(move |_: MouseEvent| {
                            deleting.set(None);
                            entry.clone()
                        })
                    };
                    html! {
                        <div class="confirm" role="alertdialog" aria-label={w.delete}>
                            <p><strong>{ w.confirm_last }</strong></p>
                            <div class="actions">
                                <button type="button" class="button button-danger" onclick={on_delete}>{ w.confirm_delete }</button>
                                <button type="button" class="button button-secondary" onclick={set(None)}>{ w.keep }</button>
                            </div>
                        </div>
                    }
                }
                (_, true) => html! {
                    <a class="button" href={route::file_of(Doc::Tablet)}>{ w.go_tablet }</a>
                },
                (_, false) => {
                    let on_open = {
                        let id = m.id.clone();
                        props.on_open.reform(move |_: MouseEvent| id.clone())
                    };
                    html! {
                        <div class="actions">
                            <button type="button" class="button" onclick={on_open}>{ w.open }</button>
                            if m.may_delete() {
                                <button type="button" class="button button-secondary" onclick={set(Some(Deleting::First(m.id.clone())))}>{ w.delete }</button>
                            } else {
                                <p class="hint">{ w.cannot_delete }</p>
                            }
                        </div>
                    }
                }
            };
            html! {
                <li class="past">
                    <h2>{ m.title.get(props.lang) }</h2>
                    <p class="past-facts">
                        { if m.time.is_empty() { w.undated.to_owned() } else { m.time.clone() } }
                        if !m.place.is_empty() { { " · " }{ &m.place } }
                        { " · " }{ w.ballots(m.ballots) }
                        if m.field { { " · " }{ w.survey } }
                    </p>
                    <p class={classes!("past-standing", (m.standing == Standing::Uploaded).then_some("ok"))}>
                        { standing }{ exported.unwrap_or_default() }
                    </p>
                    { actions }
                </li>
            }
        }
    };
    html! {
        <section class="past-meetings" aria-labelledby="past-h">
            <h1 id="past-h">{ w.title }</h1>
            <p class="hint">{ w.intro }</p>
            if let Some(n) = &props.notice { <p class="notice" role="status">{ n }</p> }
            if list.is_empty() {
                <p>{ w.none }</p>
            } else {
                <ul class="past-list">{ for list.iter().map(entry) }</ul>
            }
        </section>
    }
}
