//! The embedded poll as Yew draws it, and the effects it runs (load, cast, close). One
//! [`EmbedApp`] per `<phieu-poll>` or iframe, each with its own [`Flow`]; what the host must
//! hear goes out through the `emit` callback as an [`EmbedMessage`], what the host asks comes in
//! through the [`Inbox`].
//!
//! Storage is the app's own IndexedDB wrapper (`edge::store`, durability `strict`) on a
//! database of its own, `phieu-embed`: a box is keyed by the poll's hash and the box name, and
//! a closed box has a record in its `meetings` store, so a reload shows the results again.

use std::cell::RefCell;
use std::rc::Rc;

use phieu_core::{
    decide, item_rows, AuditBundle, Ballot, BallotBox, Electorate, ItemKind, Lang, Poll,
    PublicSummary, RowKind,
};
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use crate::components::listen::Listen;
use crate::components::question::Question;
use crate::components::reading_pick::ReadingPick;
use crate::components::review::{Look, Review};
use crate::edge::poll_loader;
use crate::edge::store::{BoxKind, Store, StoreError};
use crate::effects;
use crate::embed::flow::{self, Closed, Flow, Screen, Step};
use crate::embed::protocol::{tally_value, EmbedMessage, HostMessage, Mode, Options, PollSource};
use crate::embed::words::words;
use crate::i18n::kiosk::kiosk;
use crate::i18n::speech::question_lines;
use crate::pages::receipt::ReceiptScreen;
use crate::state::meeting::{Step as VoterStep, Voting};
use crate::state::reading::{self, Reading};
use crate::state::{Notice, VoterAction};

/// The embed's own database: never the app's `phieu`, so a portal's kiosk and a tablet
/// meeting on one origin cannot mix.
pub const DB_NAME: &str = "phieu-embed";

/// Where the host's commands reach a mounted poll. Commands sent before the poll has drawn
/// once wait in the queue.
#[derive(Clone, Default)]
pub struct Inbox(Rc<RefCell<Waiting>>);

/// The mounted poll's receiver (once it has drawn) and the commands that came before it.
type Waiting = (Option<Callback<HostMessage>>, Vec<HostMessage>);

impl PartialEq for Inbox {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl Inbox {
    pub fn send(&self, message: HostMessage) {
        let receiver = self.0.borrow().0.clone();
        match receiver {
            Some(cb) => cb.emit(message),
            None => self.0.borrow_mut().1.push(message),
        }
    }

    fn listen(&self, cb: Callback<HostMessage>) {
        let waiting = {
            let mut inner = self.0.borrow_mut();
            inner.0 = Some(cb.clone());
            std::mem::take(&mut inner.1)
        };
        for m in waiting {
            cb.emit(m);
        }
    }
}

/// Whether this poll may take ballots. Open for the element (its host is the page it runs in)
/// and for an iframe whose parent the browser names and the allow-list holds; shut for an
/// iframe whose parent only the address names, until the parent's first message proves its
/// origin (`embed::frame`, `AllowList::check_parent`). Read when a ballot is confirmed.
#[derive(Clone)]
pub struct Gate(Rc<std::cell::Cell<bool>>);

impl Default for Gate {
    fn default() -> Gate {
        Gate(Rc::new(std::cell::Cell::new(true)))
    }
}

impl PartialEq for Gate {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl Gate {
    pub fn shut(&self) {
        self.0.set(false);
    }

    pub fn open(&self) {
        self.0.set(true);
    }

    pub fn is_open(&self) -> bool {
        self.0.get()
    }
}

#[derive(Properties, PartialEq)]
pub struct EmbedProps {
    pub options: Options,
    pub emit: Callback<EmbedMessage>,
    pub inbox: Inbox,
    #[prop_or_default]
    pub gate: Gate,
}

struct Reduced(Flow);

impl Reducible for Reduced {
    type Action = Step;
    fn reduce(self: Rc<Self>, step: Step) -> Rc<Self> {
        Rc::new(Reduced(self.0.apply(step)))
    }
}

fn error(emit: &Callback<EmbedMessage>, code: &str, notice: &Notice, lang: Lang) {
    emit.emit(EmbedMessage::Error {
        code: code.to_owned(),
        message: notice.get(lang).to_owned(),
    });
}

thread_local! {
    static STORE: RefCell<Option<Store>> = const { RefCell::new(None) };
}

/// One connection to `phieu-embed` for every embedded poll of the page.
async fn shared_store() -> Result<Store, StoreError> {
    if let Some(store) = STORE.with(|s| s.borrow().clone()) {
        return Ok(store);
    }
    let store = Store::open_named(DB_NAME).await?;
    STORE.with(|s| *s.borrow_mut() = Some(store.clone()));
    Ok(store)
}

fn store_notice(e: StoreError) -> Notice {
    Notice::each(|l| e.message(l))
}

fn box_id(poll: &Poll, name: &str) -> String {
    format!("{}:{}", poll.hash().to_hex(), name)
}

fn closed_record(id: &str) -> String {
    serde_json::json!({ "embed_box": id, "closed": true }).to_string()
}

/// The box read back from storage, as the core rebuilds it from its openings.
async fn read_box(store: &Store, poll: &Poll, id: &str) -> Result<BallotBox, Notice> {
    let mut bx = BallotBox::new(poll.clone());
    for opening in store
        .openings(BoxKind::Real, id)
        .await
        .map_err(store_notice)?
    {
        let opening = opening.ok_or_else(|| Notice::each(|l| words(l).record_damaged))?;
        let ballot = Ballot::from_opening_json(poll, &opening)
            .map_err(|e| Notice::each(|l| e.message(l)))?;
        bx.cast(ballot)
            .map_err(|e| Notice::each(|l| e.message(l)))?;
    }
    Ok(bx)
}

fn closed_of(bx: BallotBox, electorate: Option<u64>) -> Closed {
    let electorate = electorate.and_then(|n| Electorate::new(n, None).ok());
    let outcomes = electorate
        .as_ref()
        .and_then(|e| decide(bx.poll(), bx.tally(), e).ok())
        .unwrap_or_default();
    Closed {
        poll: Rc::new(bx.poll().clone()),
        tally: bx.tally().clone(),
        fingerprint: bx.fingerprint(),
        electorate,
        outcomes,
    }
}

fn closed_message(c: &Closed) -> EmbedMessage {
    EmbedMessage::Closed {
        fingerprint: c.fingerprint.to_hex(),
        tally: tally_value(&c.poll, &c.tally, &c.fingerprint),
    }
}

async fn fetch_text(url: &str) -> Result<String, Notice> {
    let failed = |d: String| Notice::each(|l| words(l).fetch_failed(&d));
    let response = gloo::net::http::Request::get(url)
        .send()
        .await
        .map_err(|e| failed(e.to_string()))?;
    if !response.ok() {
        return Err(failed(format!("HTTP {}", response.status())));
    }
    response.text().await.map_err(|e| failed(e.to_string()))
}

/// Results mode: the bundle (or public summary) checked by the core, then its tally.
async fn open_results(source: PollSource) -> Result<Closed, Notice> {
    let text = match source {
        PollSource::Url(url) => fetch_text(&url).await?,
        PollSource::Inline(text) => text,
    };
    match AuditBundle::verify(&text) {
        Ok(b) => Ok(Closed {
            poll: Rc::new(b.poll().clone()),
            tally: b.tally().clone(),
            fingerprint: b.fingerprint(),
            electorate: Some(*b.electorate()),
            outcomes: b.outcomes().to_vec(),
        }),
        Err(bundle_error) => match PublicSummary::verify(&text) {
            Ok(s) => Ok(Closed {
                poll: Rc::new(s.poll().clone()),
                tally: s.tally().clone(),
                fingerprint: s.fingerprint(),
                electorate: Some(*s.electorate()),
                outcomes: s.outcomes().to_vec(),
            }),
            Err(_) => Err(Notice::each(|l| {
                words(l).because(words(l).bundle_failed, bundle_error.message(l))
            })),
        },
    }
}

/// Kiosk and survey: the poll, and what this device's box for it holds.
async fn open_poll(source: PollSource, options: &Options) -> Result<Step, Notice> {
    let poll = match source {
        PollSource::Url(url) => poll_loader::load_poll(&url)
            .await
            .map_err(|e| Notice::each(|l| e.message(l)))?,
        PollSource::Inline(text) => {
            Poll::from_json(&text).map_err(|e| Notice::each(|l| e.message(l)))?
        }
    };
    let store = shared_store().await.map_err(store_notice)?;
    let id = box_id(&poll, &options.box_name);
    let closed = store
        .meetings()
        .await
        .map_err(store_notice)?
        .contains(&closed_record(&id));
    let (ballots, closed) = if closed {
        let bx = read_box(&store, &poll, &id).await?;
        (
            bx.len() as u32,
            Some(Rc::new(closed_of(bx, options.electorate))),
        )
    } else {
        (
            store
                .count(BoxKind::Real, &id)
                .await
                .map_err(store_notice)?,
            None,
        )
    };
    Ok(Step::Opened {
        poll: Rc::new(poll),
        ballots,
        closed,
    })
}

/// Loads the poll or bundle and reports the outcome to the flow and the host.
fn open(
    source: PollSource,
    options: Options,
    lang: Lang,
    dispatch: Callback<Step>,
    emit: Callback<EmbedMessage>,
) {
    dispatch.emit(Step::Loading);
    spawn_local(async move {
        let mode = options.mode;
        let opened = if mode == Mode::Results {
            open_results(source).await.map(|c| {
                let poll = c.poll.clone();
                let closed = Rc::new(c);
                Step::Opened {
                    poll,
                    ballots: closed.tally.ballots() as u32,
                    closed: Some(closed),
                }
            })
        } else {
            open_poll(source, &options).await
        };
        match opened {
            Ok(step) => {
                let Step::Opened { poll, closed, .. } = &step else {
                    return;
                };
                let refused = if closed.is_none() {
                    Flow::refuses(mode, poll)
                } else {
                    None
                };
                emit.emit(EmbedMessage::Ready {
                    mode,
                    poll: poll.id().to_owned(),
                    lang,
                });
                // A kiosk box closed with too few ballots (by a build without the minimum) is
                // not reported either: its tally could name a voter's choice.
                if let Some(closed) = closed {
                    match flow::too_few(mode, closed.tally.ballots()) {
                        Some(why) => error(&emit, "close-refused", &why, lang),
                        None => emit.emit(closed_message(closed)),
                    }
                }
                if let Some(refused) = refused {
                    error(&emit, "mode-refused", &refused, lang);
                }
                dispatch.emit(step);
            }
            Err(notice) => {
                error(&emit, "load-failed", &notice, lang);
                dispatch.emit(Step::Failed(notice));
            }
        }
    });
}

/// Casts a confirmed ballot (`effects::cast`, as the tablet does): on disk (committed) before the
/// receipt and before the host hears.
fn cast(
    poll: Rc<Poll>,
    voting: Voting,
    options: &Options,
    gate: Gate,
    lang: Lang,
    dispatch: Callback<Step>,
    emit: Callback<EmbedMessage>,
) {
    let id = box_id(&poll, &options.box_name);
    spawn_local(async move {
        let not_cast = |why: Notice| {
            let notice = Notice::each(|l| words(l).because(words(l).not_cast, why.get(l)));
            error(&emit, "not-cast", &notice, lang);
            dispatch.emit(Step::NotCast(notice));
        };
        // A page whose origin is not proved to be an allowed portal takes no ballot.
        if !gate.is_open() {
            return not_cast(Notice::each(|l| words(l).not_allowed));
        }
        let sealed =
            effects::cast::salt().and_then(|salt| effects::cast::seal(&poll, voting.answers, salt));
        let ballot = match sealed {
            Ok(b) => b,
            Err(e) => return not_cast(Notice::each(|l| e.message(l))),
        };
        let written = match shared_store().await {
            Ok(s) => effects::cast::cast(&s, BoxKind::Real, &id, &ballot).await,
            Err(e) => Err(e),
        };
        match written {
            Ok(_) => {
                let receipt = ballot.receipt().to_string();
                drop(ballot);
                emit.emit(EmbedMessage::Cast {
                    receipt: receipt.clone(),
                });
                dispatch.emit(Step::Cast(receipt));
            }
            Err(e) => not_cast(Notice::each(|l| e.message(l))),
        }
    });
}

/// Closes a kiosk's box: read back, tallied by the core, marked closed on disk, then shown.
fn close(
    poll: Rc<Poll>,
    options: &Options,
    lang: Lang,
    dispatch: Callback<Step>,
    emit: Callback<EmbedMessage>,
) {
    let id = box_id(&poll, &options.box_name);
    let electorate = options.electorate;
    spawn_local(async move {
        let closed = async {
            let store = shared_store().await.map_err(store_notice)?;
            let bx = read_box(&store, &poll, &id).await?;
            store
                .put_meeting(&id, &closed_record(&id))
                .await
                .map_err(store_notice)?;
            Ok::<_, Notice>(closed_of(bx, electorate))
        };
        match closed.await {
            Ok(c) => {
                let c = Rc::new(c);
                emit.emit(closed_message(&c));
                dispatch.emit(Step::Closed(c));
            }
            Err(notice) => error(&emit, "close-failed", &notice, lang),
        }
    });
}

#[function_component(EmbedApp)]
pub fn embed_app(props: &EmbedProps) -> Html {
    let flow = use_reducer(|| Reduced(Flow::new(props.options.mode, props.options.lang)));
    let dispatch = {
        let flow = flow.dispatcher();
        Callback::from(move |s: Step| flow.dispatch(s))
    };
    let f = &flow.0;
    let lang = f.lang;
    // Whether the device reads aloud in Vietnamese (issue 20, item 1): "Nghe" on each question
    // and on the review, as on the tablet.
    let listen = use_state_eq(|| false);
    {
        let listen = listen.clone();
        use_effect_with((), move |_| {
            spawn_local(
                async move { listen.set(crate::edge::speech::find_voice().await.is_some()) },
            );
        });
    }

    // First load from the options; later loads come by `load-poll`.
    {
        let (options, dispatch, emit) =
            (props.options.clone(), dispatch.clone(), props.emit.clone());
        use_effect_with((), move |_| match options.source.clone() {
            Some(source) => open(source, options, lang, dispatch, emit),
            None => {
                dispatch.emit(Step::Failed(Notice::each(|l| words(l).no_poll)));
            }
        });
    }

    // The host's commands. The callback is replaced on every render, so it sees today's flow.
    {
        let (inbox, options, dispatch, emit) = (
            props.inbox.clone(),
            props.options.clone(),
            dispatch.clone(),
            props.emit.clone(),
        );
        let refusal = f.close_refusal();
        let poll = f.poll.clone();
        inbox
            .clone()
            .listen(Callback::from(move |m: HostMessage| match m {
                HostMessage::SetLang(l) => dispatch.emit(Step::SetLang(l)),
                HostMessage::LoadPoll(source) => open(
                    source,
                    options.clone(),
                    lang,
                    dispatch.clone(),
                    emit.clone(),
                ),
                HostMessage::Close => match (&poll, &refusal) {
                    (Some(poll), None) => {
                        close(poll.clone(), &options, lang, dispatch.clone(), emit.clone())
                    }
                    (_, Some(why)) => error(&emit, "close-refused", why, lang),
                    (None, None) => {}
                },
            }));
    }

    // A confirmed ballot is cast once, when the flow enters Saving.
    {
        let saving = f.confirming().cloned();
        let poll = f.poll.clone();
        let (options, dispatch, emit) =
            (props.options.clone(), dispatch.clone(), props.emit.clone());
        let gate = props.gate.clone();
        use_effect_with(saving.is_some(), move |now| {
            if let (true, Some(v), Some(poll)) = (*now, saving, poll) {
                cast(poll, v, &options, gate, lang, dispatch, emit);
            }
        });
    }

    // A new screen takes the focus to its heading (a voter on the keyboard or a screen reader
    // goes on from there, as on the tablet), but only when the voter moved on from a screen
    // and the focus was in this poll or was lost with the button that led here: never when a
    // poll has just loaded (the portal's page would jump to it), nor away from the portal's
    // page (an officer's button there closes the box).
    let own = use_node_ref();
    {
        let own = own.clone();
        let last = use_mut_ref(|| None);
        use_effect_with(screen_key(&f.screen), move |key| {
            let before = last.borrow_mut().replace(*key);
            let moved_on = matches!(before, Some((shown, _)) if shown != LOADING);
            if moved_on && crate::edge::dom::focus_within_or_lost(&own) {
                crate::edge::dom::focus_in(&own, ".phieu-focus");
            }
        });
    }

    // The language this voter reads the poll in (issue 20, item 3), chosen on the welcome
    // screen; the next voter starts again in the page's language.
    let reading = use_state(Reading::default);
    {
        let reading = reading.clone();
        let receipt = matches!(f.screen, Screen::Receipt(_));
        use_effect_with(receipt, move |r| {
            if *r {
                reading.set(Reading::default());
            }
        });
    }
    let choices = use_memo(f.poll.clone(), |p| {
        p.as_deref().map(reading::choices).unwrap_or_default()
    });
    let picker = (!choices.is_empty()).then(|| {
        let handle = reading.clone();
        html! {
            <ReadingPick {lang} choices={choices.clone()} reading={(*reading).clone()}
                         on_pick={Callback::from(move |r| handle.set(r))}
                         button_class="phieu-button phieu-secondary reading-choice" />
        }
    });

    let w = words(lang);
    let other = crate::i18n::other(lang);
    let toggle = {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.emit(Step::SetLang(other)))
    };
    let body = match &f.screen {
        Screen::Loading => html! { <p class="phieu-status" role="status">{ w.loading }</p> },
        Screen::Failed(n) => html! {
            <div class="phieu-failed" role="alert">
                <h2 class="phieu-focus" tabindex="-1">{ w.failed_title }</h2>
                <p>{ n.get(lang) }</p>
            </div>
        },
        Screen::Voting(v) => match &f.poll {
            Some(poll) => voter(
                lang,
                poll,
                v,
                dispatch.reform(Step::Vote),
                *listen,
                (&reading, picker),
            ),
            None => Html::default(),
        },
        Screen::Receipt(code) => {
            let survey = f.mode == Mode::Survey;
            let on_done = if survey {
                Callback::noop()
            } else {
                dispatch.reform(|_| Step::NextVoter)
            };
            html! {
                <div class="phieu-receipt">
                    if survey {
                        <h2 class="phieu-huge phieu-focus" tabindex="-1">{ "✓ " }{ w.thanks_title }</h2>
                        <p>{ w.thanks }</p>
                        <p class="phieu-code" aria-label={code.replace('-', " ")}>{ code }</p>
                    } else {
                        <ReceiptScreen {lang} code={AttrValue::from(code.clone())} test={false} {on_done} />
                    }
                </div>
            }
        }
        Screen::Answered => html! {
            <div class="phieu-receipt">
                <h2 class="phieu-focus" tabindex="-1">{ w.answered_title }</h2>
                <p>{ w.answered }</p>
            </div>
        },
        Screen::Closed(c) => results(lang, c),
    };
    let title = f.poll.as_ref().map(|p| {
        html! {
            <p class="phieu-title" lang={reading.code(lang)}>{ reading.text(p.title(), lang) }</p>
        }
    });
    html! {
        <div class={classes!("phieu", format!("phieu-{}", f.mode.name()))} lang={lang.code()} ref={own}>
            <div class="phieu-bar">
                { for title }
                <button type="button" class="phieu-lang" lang={other.code()} onclick={toggle}>
                    { other.name() }
                </button>
            </div>
            { body }
        </div>
    }
}

/// [`screen_key`] of the loading screen.
const LOADING: u8 = 0;

/// Which screen is shown, for moving the focus when it changes: the question's index counts,
/// a ballot being stored is still the review.
fn screen_key(screen: &Screen) -> (u8, Option<VoterStep>) {
    match screen {
        Screen::Loading => (LOADING, None),
        Screen::Failed(_) => (1, None),
        Screen::Voting(v) if v.step == VoterStep::Saving => (2, Some(VoterStep::Review)),
        Screen::Voting(v) => (2, Some(v.step)),
        Screen::Receipt(_) => (3, None),
        Screen::Answered => (4, None),
        Screen::Closed(_) => (5, None),
    }
}

/// The voter's screens: the app's walk and its `Question`, without the tablet's page-wide
/// chores (scrolling the window to the top would scroll the portal's page).
/// The room of a question's opinion field while the field is closed: the same label and
/// text box, invisible and out of reach, so the question is as tall whatever the voter chose
/// and the iframe's `resize` never tells the portal that "Ý kiến khác" was picked (issue 17).
fn reserve(label: &str, item: &phieu_core::Item, answer: &phieu_core::Answer) -> Html {
    use phieu_core::Answer;
    let options = item.kind().options();
    let opens = |id: &str| options.iter().any(|c| c.id() == id && c.free_text());
    let open = match answer {
        Answer::Choice { option, .. } => opens(option),
        Answer::Choices { options, .. } => options.iter().any(|o| opens(o)),
        _ => false,
    };
    if open || !options.iter().any(|c| c.free_text()) {
        return Html::default();
    }
    html! {
        <div class="free-text phieu-reserve" aria-hidden="true">
            <label>{ label }</label>
            <textarea class="answer-text" rows="3" tabindex="-1" disabled=true />
        </div>
    }
}

fn voter(
    lang: Lang,
    poll: &Rc<Poll>,
    v: &Voting,
    on: Callback<VoterAction>,
    listen: bool,
    (reading, picker): (&Reading, Option<Html>),
) -> Html {
    let t = kiosk(lang);
    let act = |a: VoterAction| on.reform(move |_: MouseEvent| a.clone());
    match v.step {
        VoterStep::Welcome => html! {
            <div class="phieu-welcome">
                <h2 class="phieu-huge phieu-focus" tabindex="-1">{ t.welcome }</h2>
                { for picker }
                <p>{ t.welcome_hint }</p>
                <button type="button" class="phieu-button phieu-button-big" onclick={act(VoterAction::Forward)}>{ t.start }</button>
            </div>
        },
        VoterStep::Question(i) => {
            let item = poll.items()[i].clone();
            let (at, of) = v.progress(poll).unwrap_or((1, 1));
            let on_answer = on.reform(move |a| VoterAction::Answer(i, a));
            let problem = v
                .problem
                .as_ref()
                .map(|p| AttrValue::from(p.advice(lang, poll)));
            html! {
                <div class="phieu-question" key={format!("q{i}")}>
                    <p class="phieu-progress phieu-focus" tabindex="-1">
                        { t.question_of(at, of) }
                    </p>
                    if listen {
                        <Listen {lang} lines={Rc::new(question_lines(&item))} />
                    }
                    <Question {lang} item={item.clone()} answer={v.answers[i].clone()} {on_answer} {problem} reading={reading.clone()} />
                    { reserve(t.your_opinion, &item, &v.answers[i]) }
                    <div class="phieu-nav">
                        <button type="button" class="phieu-button phieu-secondary" onclick={act(VoterAction::Back)}>{ "← " }{ t.back }</button>
                        <button type="button" class="phieu-button" onclick={act(VoterAction::Forward)}>{ t.next }{ " →" }</button>
                    </div>
                </div>
            }
        }
        VoterStep::Review | VoterStep::Saving => html! {
            <Review {lang} poll={poll.clone()} voting={v.clone()} on_action={on} look={Look::Embed} {listen} reading={reading.clone()} />
        },
    }
}

/// A closed box's results: per item each option's count and share (of the total electorate
/// when known, else of the ballots), the outcome under the rule, and the fingerprint.
fn results(lang: Lang, c: &Closed) -> Html {
    let w = words(lang);
    let of = c
        .electorate
        .as_ref()
        .map_or(c.tally.ballots(), Electorate::total);
    let share = |n: u64| phieu_core::Share::new(n, of);
    let bar = |n: u64| {
        let width = share(n).basis_points().unwrap_or(0) as f64 / 100.0;
        html! {
            <svg class="phieu-meter" viewBox="0 0 100 4" preserveAspectRatio="none" aria-hidden="true">
                <rect class="phieu-meter-track" width="100" height="4" />
                <rect class="phieu-meter-fill" width={format!("{width:.2}")} height="4" />
            </svg>
        }
    };
    html! {
        <div class="phieu-results">
            <h2 class="phieu-focus" tabindex="-1">{ w.results_title }</h2>
            <p class="phieu-count">
                { format!("{}: {}", w.ballots, c.tally.ballots()) }
                if let Some(e) = &c.electorate { { format!(" {} {}", w.of_electorate, e.total()) } }
            </p>
            { for c.poll.items().iter().zip(c.tally.items()).map(|(item, t)| html! {
                <section class="phieu-result-item">
                    <h3>{ item.label().get(lang) }</h3>
                    <ul class="phieu-result-options">
                        // The rows the results page, the minutes and the exports show
                        // (phieu_core::results): options or "answered", then why unanswered.
                        { for item_rows(item, t).into_iter().map(|row| {
                            let n = row.count();
                            if matches!(row.kind(), RowKind::Unanswered(_)) {
                                html! {
                                    <li class="phieu-blank">
                                        <span class="phieu-option">{ row.label(lang) }</span>
                                        <span class="phieu-figure">{ n }</span>
                                    </li>
                                }
                            } else {
                                html! {
                                    <li>
                                        <span class="phieu-option">{ row.label(lang) }</span>
                                        <span class="phieu-figure">{ format!("{n} · {}", share(n).percent(lang)) }</span>
                                        { bar(n) }
                                    </li>
                                }
                            }
                        }) }
                    </ul>
                    if let (Some(mean), true) = (t.mean(), matches!(item.kind(), ItemKind::Number { .. } | ItemKind::Scale { .. })) {
                        <p>{ format!("{}: {}", w.mean, mean.display(lang)) }</p>
                    }
                    { for c.outcomes.iter().filter(|o| o.item() == item.id()).map(|o| html! {
                        <p class={classes!("phieu-outcome", o.passed().then_some("phieu-passed"))}>{ o.sentence(lang) }</p>
                    }) }
                </section>
            }) }
            <p class="phieu-fingerprint">
                { format!("{}: ", w.fingerprint) }<strong>{ c.fingerprint.short() }</strong>
                <br />{ w.fingerprint_hint }
            </p>
        </div>
    }
}
