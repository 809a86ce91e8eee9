//! The first page: the poll on this device, as the voters will read it.
//!
//! Shows the title, the place, how the result is decided, and each question with its
//! choices. Voting itself happens in the kiosk flow; this page casts nothing.

use phieu_core::{Item, Lang, Poll};
use yew::prelude::*;

use crate::i18n::{rule_name, strings};
use crate::state::PollState;

#[derive(Properties, PartialEq)]
pub struct PollPreviewProps {
    pub lang: Lang,
    pub poll: PollState,
    pub on_retry: Callback<()>,
}

#[function_component(PollPreview)]
pub fn poll_preview(props: &PollPreviewProps) -> Html {
    let t = strings(props.lang);
    match &props.poll {
        PollState::Loading => html! {
            <p class="status" role="status">{ t.loading_poll }</p>
        },
        PollState::Failed(error) => {
            let onclick = props.on_retry.reform(|_: MouseEvent| ());
            html! {
                <section class="error" role="alert">
                    <h2>{ t.poll_failed }</h2>
                    <p>{ error.message(props.lang) }</p>
                    <button type="button" class="button" {onclick}>{ t.retry }</button>
                </section>
            }
        }
        PollState::Ready(poll) => view_poll(poll, props.lang),
    }
}

fn view_poll(poll: &Poll, lang: Lang) -> Html {
    let t = strings(lang);
    let place = poll.place();
    html! {
        <article class="poll">
            <h2 class="poll-title">{ poll.title().get(lang) }</h2>
            <p class="preview-note">{ t.preview_note }</p>
            <dl class="facts">
                <dt>{ t.place }</dt>
                <dd>{ format!("{}, {}", place.village(), place.commune()) }</dd>
                <dt>{ t.rule }</dt>
                <dd>{ rule_name(poll.rule().preset(), lang) }</dd>
            </dl>
            { for poll.items().iter().enumerate().map(|(n, item)| view_item(n, item, lang)) }
            <p class="fingerprint">{ format!("{}: {}", t.poll_fingerprint, poll.hash().to_hex()) }</p>
        </article>
    }
}

fn view_item(index: usize, item: &Item, lang: Lang) -> Html {
    let t = strings(lang);
    let label_id = format!("item-{index}-label");
    html! {
        <section class="item">
            <p class="item-meta">
                { format!("{} {} · {}", t.question, index + 1, if item.required() { t.required } else { t.optional }) }
            </p>
            <h3 class="item-label" id={label_id.clone()}>{ item.label().get(lang) }</h3>
            <ul class="options" aria-labelledby={label_id}>
                { for item.kind().options().iter().map(|option| html! {
                    <li class="option">
                        <span class="option-mark" aria-hidden="true"></span>
                        <span>
                            { option.label().get(lang) }
                            if option.free_text() {
                                <br /><span class="option-hint">{ t.free_text_hint }</span>
                            }
                        </span>
                    </li>
                }) }
            </ul>
        </section>
    }
}
