//! The voter's screens: welcome, one question per screen, review, confirm. Everything a voter
//! needs is on the screen in very large type; nothing of the previous voter is.

use phieu_core::{Lang, Poll};
use yew::prelude::*;

use std::rc::Rc;

use crate::components::listen::Listen;
use crate::components::question::Question;
use crate::components::reading_pick::ReadingPick;
use crate::components::review::{Look, Review};
use crate::i18n::kiosk::kiosk;
use crate::i18n::speech::question_lines;
use crate::state::meeting::{Step, Voting};
use crate::state::reading::{self, Reading};
use crate::state::VoterAction;

#[derive(Properties, PartialEq)]
pub struct VoterProps {
    pub lang: Lang,
    pub poll: std::rc::Rc<Poll>,
    pub voting: Voting,
    pub on_action: Callback<VoterAction>,
    /// No welcome screen before the first question (a field survey's respondent): Back is not
    /// shown where it would lead nowhere (issue 22, item 9).
    #[prop_or_default]
    pub no_welcome: bool,
    /// The device reads aloud in Vietnamese: each question and the review offer "Nghe"
    /// (issue 20, item 1).
    #[prop_or_default]
    pub listen: bool,
}

#[function_component(Voter)]
pub fn voter(props: &VoterProps) -> Html {
    let t = kiosk(props.lang);
    let lang = props.lang;
    let poll = &props.poll;
    let v = &props.voting;
    let act = |a: VoterAction| props.on_action.reform(move |_: MouseEvent| a.clone());
    // The language this voter reads the poll in (issue 20, item 3): this component's own, so it
    // goes with the ballot's elements when the next voter's come (a fresh key per ballot).
    let reading = use_state(Reading::default);
    let choices = use_memo(poll.clone(), |poll| reading::choices(poll));
    let picker = {
        let reading_handle = reading.clone();
        let on_pick = Callback::from(move |r: Reading| reading_handle.set(r));
        (!choices.is_empty()).then(|| html! {
            <ReadingPick {lang} choices={choices.clone()} reading={(*reading).clone()} {on_pick} />
        })
    };
    let reading = (*reading).clone();

    // Every new screen starts at its top, with focus on its heading for screen readers.
    {
        let step = v.step;
        use_effect_with(step, |_| {
            crate::edge::dom::scroll_to_top();
            crate::edge::dom::focus("voter-heading");
        });
    }

    let banner = v
        .test
        .then(|| html! { <p class="test-banner" role="note">{ t.test_banner }</p> });
    let screen = match v.step {
        Step::Welcome => html! {
            <div class="voter-welcome">
                <h1 id="voter-heading" tabindex="-1" class="huge">{ t.welcome }</h1>
                { for picker.clone() }
                <p class="voter-poll" lang={reading.code(lang)}>{ reading.text(poll.title(), lang) }</p>
                <p class="voter-hint">{ t.welcome_hint }</p>
                <button type="button" class="button button-huge" onclick={act(VoterAction::Forward)}>{ t.start }</button>
            </div>
        },
        Step::Question(i) => {
            let item = poll.items()[i].clone();
            let (at, of) = v.progress(poll).unwrap_or((1, 1));
            let first = v.back(poll).step == Step::Welcome;
            let can_go_back = !(props.no_welcome && first);
            // Without a welcome screen the first question is the first screen.
            let picker = picker.clone().filter(|_| props.no_welcome && first);
            let on_answer = props.on_action.reform(move |a| VoterAction::Answer(i, a));
            let problem = v
                .problem
                .as_ref()
                .map(|p| AttrValue::from(p.advice(lang, poll)));
            html! {
                <div class="voter-question">
                    <p id="voter-heading" tabindex="-1" class="progress">
                        { t.question_of(at, of) }
                    </p>
                    { for picker }
                    if props.listen {
                        <Listen {lang} lines={Rc::new(question_lines(&item))} />
                    }
                    <Question {lang} {item} answer={v.answers[i].clone()} {on_answer} {problem} page_heading=true reading={reading.clone()} />
                    <div class={classes!("voter-nav", (!can_go_back).then_some("voter-nav-first"))}>
                        if can_go_back {
                            <button type="button" class="button button-secondary button-big" onclick={act(VoterAction::Back)}>
                                { "← " }{ t.back }
                            </button>
                        }
                        <button type="button" class="button button-big" onclick={act(VoterAction::Forward)}>
                            { t.next }{ " →" }
                        </button>
                    </div>
                </div>
            }
        }
        Step::Review | Step::Saving => html! {
            <Review {lang} poll={poll.clone()} voting={v.clone()}
                    on_action={props.on_action.clone()} look={Look::App} listen={props.listen} {reading} />
        },
    };
    html! {
        <div class={classes!("voter", v.test.then_some("voter-test"))}>
            { for banner }
            { screen }
        </div>
    }
}
