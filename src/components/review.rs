//! The review screen: every answer the voter gave, each with "change", and Back and Confirm;
//! the reason a ballot was not cast, when it was not. One screen for the tablet, the field
//! survey and the embedded poll, drawn in the look of the page it is on ([`Look`]).

use std::rc::Rc;

use phieu_core::{Lang, Poll};
use yew::prelude::*;

use crate::components::listen::Listen;
use crate::i18n::kiosk::kiosk;
use crate::i18n::speech::review_lines;
use crate::state::meeting::{Step, Voting};
use crate::state::reading::{answer_in_words, Reading};
use crate::state::VoterAction;

/// Whose look the review takes: the app's pages (`assets/style.css`), or an embedded poll's
/// (`assets/embed/embed.css`, classes prefixed `phieu-` so a portal's own styles never clash).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Look {
    /// The tablet and the survey page: the page's `h1`, found by its id, and Enter confirms.
    App,
    /// Inside a portal's page: a section's `h2`, found by its class.
    Embed,
}

/// The class names and heading of one look.
struct Classes {
    root: &'static str,
    heading: &'static str,
    heading_id: Option<&'static str>,
    heading_class: Option<&'static str>,
    hint: Option<&'static str>,
    list: &'static str,
    item: Option<&'static str>,
    question: &'static str,
    answer: &'static str,
    change: &'static str,
    nav: &'static str,
    back: &'static str,
    confirm: &'static str,
}

impl Look {
    fn classes(self) -> Classes {
        match self {
            Look::App => Classes {
                root: "voter-review",
                heading: "h1",
                heading_id: Some("voter-heading"),
                heading_class: None,
                hint: Some("voter-hint"),
                list: "review-list",
                item: Some("review-item"),
                question: "review-question",
                answer: "review-answer",
                change: "button button-secondary",
                nav: "voter-nav",
                back: "button button-secondary button-big",
                confirm: "button button-big button-confirm",
            },
            Look::Embed => Classes {
                root: "phieu-review",
                heading: "h2",
                heading_id: None,
                heading_class: Some("phieu-focus"),
                hint: None,
                list: "phieu-review-list",
                item: None,
                question: "phieu-review-q",
                answer: "phieu-review-a",
                change: "phieu-button phieu-secondary",
                nav: "phieu-nav",
                back: "phieu-button phieu-secondary",
                confirm: "phieu-button phieu-confirm",
            },
        }
    }
}

/// What the review draws: the ballot, and where the voter's taps go.
#[derive(Properties, PartialEq)]
pub struct ReviewProps {
    pub lang: Lang,
    pub poll: std::rc::Rc<Poll>,
    /// The ballot at its review (or saving) step.
    pub voting: Voting,
    pub on_action: Callback<VoterAction>,
    pub look: Look,
    /// The device reads aloud in Vietnamese: "Nghe" reads the choices back before Confirm
    /// (issue 20, item 1).
    #[prop_or_default]
    pub listen: bool,
    /// The language the voter reads the poll in (issue 20, item 3); by default the app's.
    #[prop_or_default]
    pub reading: Reading,
}

/// The review screen of `voting`, in `look`.
#[function_component(Review)]
pub fn review(props: &ReviewProps) -> Html {
    let t = kiosk(props.lang);
    let lang = props.lang;
    let reading = &props.reading;
    let poll = &props.poll;
    let v = &props.voting;
    let c = props.look.classes();
    let act = |a: VoterAction| props.on_action.reform(move |_: MouseEvent| a.clone());
    let saving = v.step == Step::Saving;
    let onkeydown = (props.look == Look::App).then(|| {
        let on_action = props.on_action.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Enter" && !saving {
                e.prevent_default();
                on_action.emit(VoterAction::Confirm);
            }
        })
    });
    html! {
        <div class={c.root} {onkeydown}>
            <@{c.heading} id={c.heading_id} class={c.heading_class} tabindex="-1">{ t.review_title }</@>
            <p class={c.hint}>{ t.review_hint }</p>
            if props.listen {
                <Listen {lang} lines={Rc::new(review_lines(poll, v.review(poll)))} />
            }
            <ol class={c.list}>
                { for v.review(poll).map(|(i, a)| html! {
                    <li class={c.item}>
                        <p class={c.question} lang={reading.code(lang)}>{ reading.text(poll.items()[i].label(), lang) }</p>
                        <p class={c.answer}>{ answer_in_words(poll, i, a, reading, lang, t.blank) }</p>
                        <button type="button" class={c.change} disabled={saving}
                                onclick={act(VoterAction::Change(i))}
                                aria-label={format!("{}: {}", t.change, reading.text(poll.items()[i].label(), lang))}>
                            { t.change }
                        </button>
                    </li>
                }) }
            </ol>
            if let Some(not_cast) = &v.not_cast {
                <p class="problem" role="alert">{ not_cast }</p>
            }
            <div class={c.nav}>
                <button type="button" class={c.back} disabled={saving}
                        onclick={act(VoterAction::Back)}>{ "← " }{ t.back }</button>
                <button type="button" class={c.confirm} disabled={saving}
                        onclick={act(VoterAction::Confirm)}>
                    { if saving { t.saving } else { t.confirm } }
                </button>
            </div>
        </div>
    }
}
