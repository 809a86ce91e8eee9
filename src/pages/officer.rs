//! The officer's console: the phase, the number of ballots cast (never what is in them),
//! unlock the next voter, pause, close; before voting, the logic-and-accuracy test.

use phieu_core::Lang;
use yew::prelude::*;

use crate::components::hands::HandsPanel;
use crate::components::paper_sheet::PaperPanel;
use crate::i18n::kiosk::{kiosk, storage_words};
use crate::state::accuracy::TestCheck;
use crate::state::meeting::{Meeting, Phase, TestResult};
use crate::state::paper::Tap;
use crate::state::Test;

#[derive(Properties, PartialEq)]
pub struct OfficerProps {
    pub lang: Lang,
    pub meeting: Meeting,
    pub test: Test,
    pub low_storage: bool,
    /// A ballot was left unfinished (a reload mid-ballot): how many in this meeting.
    #[prop_or_default]
    pub abandoned: Option<u32>,
    pub on_test_ballot: Callback<()>,
    pub on_check_test: Callback<()>,
    pub on_open: Callback<TestResult>,
    pub on_next_voter: Callback<()>,
    pub on_phase: Callback<Phase>,
    pub on_close: Callback<()>,
    pub on_lock: Callback<()>,
    /// This sitting's voter-admission code, shown only here (`state::meeting::Admit`).
    #[prop_or_default]
    pub admit: Option<AttrValue>,
    #[prop_or_default]
    pub on_redraw: Callback<()>,
    /// Large text for the next voter, and whether it stays on (issue 20, item 2).
    #[prop_or_default]
    pub large: bool,
    #[prop_or_default]
    pub keep_large: bool,
    #[prop_or_default]
    pub on_large: Callback<bool>,
    #[prop_or_default]
    pub on_keep_large: Callback<bool>,
    /// The show of hands of an item typed by the officer (its position, one text per option).
    #[prop_or_default]
    pub on_hands: Callback<(usize, Vec<String>)>,
    /// A paper count's taps, recounts and ballots issued (issue 19, item 5).
    #[prop_or_default]
    pub on_paper_tap: Callback<(usize, Tap)>,
    #[prop_or_default]
    pub on_paper_recount: Callback<usize>,
    #[prop_or_default]
    pub on_paper_issued: Callback<String>,
}

#[function_component(Officer)]
pub fn officer(props: &OfficerProps) -> Html {
    let t = kiosk(props.lang);
    let lang = props.lang;
    let m = &props.meeting;
    let click = |cb: &Callback<()>| cb.reform(|_: MouseEvent| ());
    let phase = match m.phase {
        Phase::Testing => t.phase_testing,
        Phase::Open => t.phase_open,
        Phase::Paused => t.phase_paused,
        Phase::Closed => "",
    };

    let test_panel = (m.phase == Phase::Testing).then(|| {
        let checked = props.test.check(&m.poll);
        let table = checked.as_ref().map(|TestCheck { entered, read_back, result }| {
            let on_open = {
                let result = result.clone();
                props.on_open.reform(move |_: MouseEvent| result.clone())
            };
            html! {
                <>
                    <table class="test-table">
                        <thead><tr>
                            <th scope="col">{ t.test_option }</th>
                            <th scope="col">{ t.test_expected }</th>
                            <th scope="col">{ t.test_counted }</th>
                        </tr></thead>
                        <tbody>
                        { for m.poll.items().iter().enumerate().flat_map(|(i, item)| {
                            let e = &entered.tally().items()[i];
                            let r = &read_back.tally().items()[i];
                            let rows: Vec<Html> = item.kind().options().iter().enumerate().map(|(j, c)| html! {
                                <tr>
                                    <th scope="row">{ format!("{} — {}", item.label().get(lang), c.label().get(lang)) }</th>
                                    <td>{ e.counts()[j] }</td>
                                    <td>{ r.counts()[j] }</td>
                                </tr>
                            }).chain(std::iter::once(html! {
                                <tr>
                                    <th scope="row">{ format!("{} — {}", item.label().get(lang), t.blank) }</th>
                                    <td>{ e.blank() }</td>
                                    <td>{ r.blank() }</td>
                                </tr>
                            })).collect();
                            rows
                        }) }
                        </tbody>
                    </table>
                    <p>{ format!("{}: ", t.test_fingerprint) }<strong class="mono">{ &result.fingerprint }</strong></p>
                    if result.passed {
                        <p class="ok" role="status">{ "✓ " }{ t.test_passed }</p>
                        <button type="button" class="button button-big" onclick={on_open}>{ t.open_voting }</button>
                    } else {
                        <p class="problem" role="alert">{ "✗ " }{ t.test_failed }</p>
                    }
                </>
            }
        });
        html! {
            <section class="panel" aria-labelledby="test-h">
                <h2 id="test-h">{ t.test_title }</h2>
                <p>{ t.test_intro }</p>
                <p class="big-count">{ format!("{}: ", t.test_entered) }<strong>{ props.test.entered.len() }</strong></p>
                <div class="actions">
                    <button type="button" class="button" onclick={click(&props.on_test_ballot)}>{ t.cast_test_ballot }</button>
                    <button type="button" class="button button-secondary" onclick={click(&props.on_check_test)}
                            disabled={props.test.entered.is_empty()}>{ t.check_test }</button>
                </div>
                { for table }
            </section>
        }
    });

    let set_phase = |p: Phase| props.on_phase.reform(move |_: MouseEvent| p);
    let blocker = m.close_blocker();
    html! {
        <div class="officer">
            <h1>{ t.officer_title }</h1>
            <p class="phase" role="status">{ phase }</p>
            if props.low_storage { <p class="warning" role="alert">{ storage_words(lang).low }</p> }
            if let Some(n) = props.abandoned {
                <p class="warning abandoned" role="alert">{ t.abandoned_notice(n) }</p>
            }
            <p class="poll-name">{ m.poll.title().get(lang) }</p>
            if !m.hands.is_empty() && matches!(m.phase, Phase::Open | Phase::Paused) {
                <HandsPanel {lang} meeting={m.clone()} on_save={props.on_hands.clone()} />
            }
            if m.paper.is_some() && matches!(m.phase, Phase::Open | Phase::Paused) {
                <PaperPanel {lang} meeting={m.clone()} on_tap={props.on_paper_tap.clone()}
                            on_recount={props.on_paper_recount.clone()} on_issued={props.on_paper_issued.clone()} />
            }
            if m.no_tablet_ballots() && m.phase != Phase::Closed {
                <section class="panel" aria-label={t.close_voting}>
                    if let Some(why) = &blocker { <p class="hint">{ why.get(lang) }</p> }
                    <div class="actions">
                        <button type="button" class="button button-danger" onclick={click(&props.on_close)}
                                disabled={blocker.is_some()}>{ t.close_voting }</button>
                    </div>
                </section>
            } else if m.phase != Phase::Testing {
                <section class="panel" aria-labelledby="count-h">
                    <h2 id="count-h">{ t.cast_so_far }</h2>
                    <p class="big-count" aria-live="polite">
                        <strong>{ m.ballots.len() }</strong>
                        { format!(" {} {}", t.of_electorate, m.electorate.total()) }
                    </p>
                    if let Some(i) = m.issued {
                        <p class="issued">
                            { t.issued_line(i, m.ballots.len().to_string()) }
                            // A voter let in who did not confirm: the same difference the
                            // minutes print (issue 19, item 3).
                            if let Some(n) = m.not_returned().filter(|&n| n > 0) {
                                { t.not_returned_part(n) }
                            }
                        </p>
                    }
                    <p class="hint">{ t.never_choices }</p>
                    <div class="actions">
                        if m.phase == Phase::Open {
                            <button type="button" class="button button-big" onclick={click(&props.on_next_voter)}>{ t.next_voter }</button>
                            <button type="button" class="button button-secondary" onclick={set_phase(Phase::Paused)}>{ t.pause }</button>
                        } else {
                            <button type="button" class="button button-big" onclick={set_phase(Phase::Open)}>{ t.resume }</button>
                        }
                        <button type="button" class="button button-danger" onclick={click(&props.on_close)}
                                disabled={blocker.is_some()}>{ t.close_voting }</button>
                    </div>
                    if let Some(why) = &blocker { <p class="hint">{ why.get(lang) }</p> }
                </section>
            }
            if let (Phase::Open, Some(code), false) = (m.phase, &props.admit, m.no_tablet_ballots()) {
                <section class="panel admit" aria-labelledby="admit-h">
                    <h2 id="admit-h">{ t.admit_title }</h2>
                    <p class="admit-code mono" aria-label={code.chars().map(String::from).collect::<Vec<_>>().join(" ")}>{ code }</p>
                    <p class="hint">{ t.admit_body }</p>
                    <button type="button" class="button button-secondary" onclick={click(&props.on_redraw)}>{ t.admit_redraw }</button>
                </section>
            }
            if m.phase == Phase::Open && !m.no_tablet_ballots() {
                <section class="panel large-text" aria-labelledby="large-h">
                    <h2 id="large-h">{ t.large_title }</h2>
                    <p class="hint">{ t.large_hint }</p>
                    <label class="field-check">
                        <input type="checkbox" checked={props.large}
                               onchange={props.on_large.reform(|e: Event| crate::edge::form::checked(&e))} />
                        <span>{ t.large_next }</span>
                    </label>
                    <label class="field-check">
                        <input type="checkbox" checked={props.keep_large}
                               onchange={props.on_keep_large.reform(|e: Event| crate::edge::form::checked(&e))} />
                        <span>{ t.large_keep }</span>
                    </label>
                </section>
            }
            { for test_panel }
            <p class="hint wrong-pins" role="status">{ t.wrong_pins(m.pin_wrong_total) }</p>
            <button type="button" class="button button-secondary" onclick={click(&props.on_lock)}>{ t.lock }</button>
        </div>
    }
}
