//! The poll designer (`#/designer` on the office page): officers and Fatherland Front staff
//! make their own poll on the tablet without writing JSON.
//!
//! Three screens over one [`Designer`] model: the start (drafts on this device, a blank poll of
//! each kind, the templates, a copy of the poll chosen on setup, a poll file), the editor (the
//! poll's facts, its kind and rule, its questions; each problem the core finds shown next to its
//! field as the officer types), and the preview (the voter's own screens, where nothing is
//! cast). Drafts are saved in IndexedDB a moment after the last keystroke and when the page is
//! hidden; that and every other I/O of the designer is `effects::designer`, which this page
//! calls and which answers with a [`DesignerAction`]. "Use this poll" hands a checked copy to the meeting setup: from then
//! on that poll and its hash are fixed, and the designer only ever edits its own draft.

use std::rc::Rc;

use phieu_core::{Lang, Poll, PollKind};
use yew::prelude::*;

use crate::components::designer::item_list::ItemList;
use crate::components::designer::poll_sections::{about, rule};
use crate::components::designer::{dom_id, Editor};
use crate::components::file_pick::FilePick;
use crate::edge::poll_loader::TemplateEntry;
use crate::edge::{dom, drafts, file_input};
use crate::effects::designer as effects;
use crate::i18n::designer::{kind_name, problem_message, problem_place, words};
use crate::pages::voter::Voter;
use crate::state::designer::{
    Designer, DesignerAction, DraftSummary, FieldProblem, NewDraft, OpenDraft, Preview, SaveState,
};

#[derive(Properties, PartialEq)]
pub struct DesignerProps {
    pub lang: Lang,
    /// The poll chosen on the setup page, offered as a copy to edit.
    #[prop_or_default]
    pub current: Option<Rc<Poll>>,
    /// "Use this poll": a checked poll for the meeting setup.
    pub on_use: Callback<Rc<Poll>>,
}

/// Yew's reducer wrapper around the plain model.
#[derive(PartialEq)]
struct Store(Designer);

impl Reducible for Store {
    type Action = DesignerAction;
    fn reduce(self: Rc<Self>, action: DesignerAction) -> Rc<Self> {
        Rc::new(Store(self.0.apply(action)))
    }
}

#[function_component(DesignerPage)]
pub fn designer_page(props: &DesignerProps) -> Html {
    let lang = props.lang;
    let store = use_reducer(|| Store(Designer::default()));
    let dispatch: Callback<DesignerAction> = {
        let d = store.dispatcher();
        Callback::from(move |a| d.dispatch(a))
    };
    let designer = &store.0;

    // The drafts on this device, read once; the draft this tab had open comes back.
    {
        let dispatch = dispatch.clone();
        use_effect_with((), move |()| effects::list(dispatch, true));
    }
    // Which draft is open survives a reload of this tab (once the drafts are read: before,
    // the one to reopen is still being looked for).
    {
        let key = designer.open.as_ref().map(|o| o.key.clone());
        let read = designer.drafts.is_some();
        use_effect_with((key, read), |(key, read)| {
            if *read {
                effects::remember_open(key.as_deref());
            }
        });
    }
    // A save a moment after the last edit: each edit restarts the wait.
    {
        let pending = designer
            .open
            .as_ref()
            .filter(|o| o.save == SaveState::Unsaved)
            .map(|o| (o.key.clone(), o.revision));
        let store = store.clone();
        let dispatch = dispatch.clone();
        use_effect_with(pending, move |pending| {
            let timer = pending
                .as_ref()
                .map(|_| effects::save_after_pause(store.0.clone(), dispatch));
            move || drop(timer)
        });
    }
    // And at once when the page is hidden or closed.
    let latest = use_mut_ref(Designer::default);
    *latest.borrow_mut() = designer.clone();
    {
        let latest = latest.clone();
        use_effect_with((), move |()| {
            let listeners = effects::save_on_hide(latest);
            move || drop(listeners)
        });
    }

    let on_new = {
        let dispatch = dispatch.clone();
        Callback::from(move |new: NewDraft| effects::new_draft(new, &dispatch))
    };
    let on_close = {
        let dispatch = dispatch.clone();
        let designer = designer.clone();
        Callback::from(move |()| effects::close(&designer, dispatch.clone()))
    };
    let on_save_again = {
        let dispatch = dispatch.clone();
        let designer = designer.clone();
        Callback::from(move |()| effects::save(&designer, dispatch.clone()))
    };

    let notice = designer.notice.as_ref().map(|n| n.get(lang).to_owned());
    let body = match (&designer.open, &designer.preview) {
        (Some(_), Some(preview)) => html! {
            <PreviewScreen {lang} preview={preview.clone()} dispatch={dispatch.clone()} />
        },
        (Some(open), None) => html! {
            <EditorScreen {lang} open={open.clone()} dispatch={dispatch.clone()}
                          on_use={props.on_use.clone()} {on_close} {on_save_again} />
        },
        (None, _) => html! {
            <StartScreen {lang} drafts={designer.drafts.clone()} unreadable={designer.unreadable}
                         current={props.current.clone()} {on_new} dispatch={dispatch.clone()} />
        },
    };
    html! {
        <div class="designer">
            if let Some(n) = notice { <p class="problem" role="alert">{ n }</p> }
            { body }
        </div>
    }
}

// ---------------------------------------------------------------------------------------------
// Start

#[derive(Properties, PartialEq)]
struct StartProps {
    lang: Lang,
    drafts: Option<Vec<DraftSummary>>,
    unreadable: usize,
    current: Option<Rc<Poll>>,
    on_new: Callback<NewDraft>,
    dispatch: Callback<DesignerAction>,
}

#[function_component(StartScreen)]
fn start_screen(props: &StartProps) -> Html {
    let lang = props.lang;
    let w = words(lang);
    let templates = use_state(|| None::<Result<Vec<TemplateEntry>, String>>);
    {
        let templates = templates.clone();
        use_effect_with(lang, move |lang| {
            effects::templates(*lang, Callback::from(move |list| templates.set(Some(list))));
        });
    }
    let confirm_delete = use_state(|| None::<String>);

    let open_saved = |key: String| {
        let dispatch = props.dispatch.clone();
        Callback::from(move |_: MouseEvent| effects::open_saved(key.clone(), dispatch.clone()))
    };
    let delete = |key: String| {
        let dispatch = props.dispatch.clone();
        let confirm_delete = confirm_delete.clone();
        Callback::from(move |_: MouseEvent| {
            confirm_delete.set(None);
            effects::delete(key.clone(), dispatch.clone());
        })
    };
    let ask_delete = |key: Option<String>| {
        let confirm_delete = confirm_delete.clone();
        Callback::from(move |_: MouseEvent| confirm_delete.set(key.clone()))
    };
    let from_template = |entry: TemplateEntry| {
        let dispatch = props.dispatch.clone();
        Callback::from(move |_: MouseEvent| effects::from_template(entry.url(), dispatch.clone()))
    };
    let on_file = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |e: Event| {
            if let Some(file) = file_input::picked(&e).into_iter().next() {
                effects::from_file(file, dispatch.clone());
            }
        })
    };

    let drafts_list = match &props.drafts {
        None => html! { <p class="status" role="status">{ w.loading_drafts }</p> },
        Some(list) if list.is_empty() => html! { <p class="hint">{ w.no_drafts }</p> },
        Some(list) => html! {
            <ul class="d-drafts">
                { for list.iter().map(|d| {
                    let title = if d.title.trim().is_empty() { w.untitled.to_owned() } else { d.title.clone() };
                    let confirming = confirm_delete.as_deref() == Some(d.key.as_str());
                    html! {
                        <li key={d.key.clone()} class="d-draft">
                            <div class="d-draft-text">
                                <strong>{ title.clone() }</strong>
                                <span class="hint">
                                    { format!("{} · {} · {}", kind_name(d.kind, lang).0,
                                              w.item_count(d.items),
                                              w.saved_at(drafts::local_time(d.saved_ms))) }
                                </span>
                            </div>
                            if confirming {
                                <div class="d-confirm" role="alert">
                                    <button type="button" class="button button-danger" onclick={delete(d.key.clone())}>
                                        { w.delete_for_good }
                                    </button>
                                    <button type="button" class="button button-secondary" onclick={ask_delete(None)}>
                                        { w.keep }
                                    </button>
                                </div>
                            } else {
                                <div class="d-tools">
                                    <button type="button" class="button" onclick={open_saved(d.key.clone())}
                                            aria-label={format!("{}: {title}", w.open)}>{ w.open }</button>
                                    <button type="button" class="button button-secondary"
                                            onclick={ask_delete(Some(d.key.clone()))}
                                            aria-label={format!("{}: {title}", w.delete)}>{ w.delete }</button>
                                </div>
                            }
                        </li>
                    }
                }) }
            </ul>
        },
    };
    let template_list = match &*templates {
        None => html! { <p class="status" role="status">{ w.loading_templates }</p> },
        Some(Err(why)) => html! { <p class="problem">{ why }</p> },
        Some(Ok(list)) => html! {
            <ul class="d-choices">
                { for list.iter().map(|entry| html! {
                    <li><button type="button" class="d-choice" onclick={from_template(entry.clone())}>
                        { entry.title(lang) }
                    </button></li>
                }) }
            </ul>
        },
    };

    html! {
        <div class="d-start">
            <h1>{ w.title }</h1>
            <p class="lead">{ w.intro }</p>
            <section class="d-section" aria-labelledby="d-drafts-h">
                <h2 id="d-drafts-h">{ w.drafts_heading }</h2>
                { drafts_list }
                if props.unreadable > 0 {
                    <p class="hint">{ w.unreadable(props.unreadable) }</p>
                }
            </section>
            <section class="d-section" aria-labelledby="d-new-h">
                <h2 id="d-new-h">{ w.new_heading }</h2>
                if let Some(poll) = &props.current {
                    <h3>{ w.copy_heading }</h3>
                    <p class="hint">{ w.copy_hint }</p>
                    <button type="button" class="d-choice"
                            onclick={props.on_new.reform({
                                let poll = poll.clone();
                                move |_: MouseEvent| NewDraft::Copy(poll.clone())
                            })}>
                        { poll.title().get(lang) }
                    </button>
                }
                <h3>{ w.blank_heading }</h3>
                <p class="hint">{ w.blank_hint }</p>
                <ul class="d-choices">
                    { for PollKind::ALL.into_iter().map(|kind| {
                        let (name, what) = kind_name(kind, lang);
                        html! {
                            <li><button type="button" class="d-choice"
                                        onclick={props.on_new.reform(move |_: MouseEvent| NewDraft::Blank(kind))}>
                                <strong>{ name }</strong>
                                <span class="d-choice-hint">{ what }</span>
                            </button></li>
                        }
                    }) }
                </ul>
                <h3>{ w.template_heading }</h3>
                { template_list }
                <div class="d-field">
                    <label for="d-import">{ w.import_label }</label>
                    <p class="hint" id="d-import-hint">{ w.import_hint }</p>
                    <FilePick {lang} id="d-import" accept=".json,application/json"
                              describedby="d-import-hint" onchange={on_file} />
                </div>
            </section>
        </div>
    }
}

// ---------------------------------------------------------------------------------------------
// Editor

#[derive(Properties, PartialEq)]
struct EditorProps {
    lang: Lang,
    open: OpenDraft,
    dispatch: Callback<DesignerAction>,
    on_use: Callback<Rc<Poll>>,
    on_close: Callback<()>,
    on_save_again: Callback<()>,
}

#[function_component(EditorScreen)]
fn editor_screen(props: &EditorProps) -> Html {
    let lang = props.lang;
    let w = words(lang);
    let open = &props.open;
    // The core's verdict on the draft, once per edit.
    let checked = {
        let draft = open.draft.clone();
        use_memo((open.key.clone(), open.revision), move |_| draft.check())
    };
    let problems: Rc<Vec<FieldProblem>> =
        Rc::new((*checked).as_ref().err().cloned().unwrap_or_default());
    let ed = Editor {
        lang,
        draft: Rc::new(open.draft.clone()),
        problems,
        on_edit: props.dispatch.reform(DesignerAction::Edit),
    };
    let draft = &open.draft;
    let poll = (*checked).as_ref().ok();

    let save_status = match &open.save {
        SaveState::Saved => {
            html! { <p class="d-save d-saved" role="status">{ "✓ " }{ w.saved }</p> }
        }
        SaveState::Unsaved => html! { <p class="d-save" role="status">{ w.saving }</p> },
        SaveState::Failed(why) => html! {
            <div class="d-save d-save-failed" role="alert">
                <p class="problem">{ format!("{}: {}", w.save_failed, why.get(lang)) }</p>
                <button type="button" class="button button-secondary"
                        onclick={props.on_save_again.reform(|_: MouseEvent| ())}>{ w.save_again }</button>
            </div>
        },
    };
    // The checked poll, a copy per screen: what is previewed, exported or used is frozen.
    let checked_poll = poll.map(|p| Rc::new(p.clone()));
    let with_poll = |f: Callback<Rc<Poll>>| {
        let checked_poll = checked_poll.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(p) = &checked_poll {
                f.emit(p.clone());
            }
        })
    };
    let on_preview = with_poll(props.dispatch.reform(DesignerAction::StartPreview));
    let on_export = with_poll({
        let dispatch = props.dispatch.clone();
        Callback::from(move |p: Rc<Poll>| effects::export(&p, &dispatch))
    });
    let on_use = with_poll(props.on_use.clone());
    let ready = poll.is_some();
    // A form imported without Vietnamese (issue 23, item 6): how many labels still need it.
    let missing_vi = draft.missing_vietnamese().len();
    // The poll's title in the page's language when it has one, marked with its own language
    // (a screen reader reads Vietnamese words in an English page with a Vietnamese voice).
    let heading_title = match (lang, draft.title.vi.trim(), draft.title.en.trim()) {
        (Lang::En, _, en) if !en.is_empty() => html! { <span lang="en">{ en }</span> },
        // An imported form's title before its Vietnamese is written (issue 23, item 6).
        (_, "", en) if !en.is_empty() => html! { <span lang="en">{ en }</span> },
        (_, "", _) if !draft.title.second.trim().is_empty() => html! {
            <span lang={draft.second_lang.clone()}>{ draft.title.second.trim() }</span>
        },
        (_, "", _) => html! { { w.untitled } },
        (_, vi, _) => html! { <span lang="vi">{ vi }</span> },
    };

    let status = match (&*checked, ed.problems.first()) {
        (Ok(poll), _) => html! {
            <div id="d-problems" class="d-status d-status-ok" tabindex="-1">
                <p class="ok">{ w.ready }</p>
                <p class="hint">
                    { format!("{}: ", w.fingerprint) }<span class="mono">{ poll.hash().to_hex()[..16].to_owned() }{ "…" }</span>
                </p>
                <p class="hint">{ w.frozen_note }</p>
            </div>
        },
        (Err(_), Some(first)) => {
            let target = dom_id(draft, first.field);
            let go = Callback::from(move |_: MouseEvent| dom::focus(&target));
            let more = ed.problems.len() - 1;
            html! {
                <div id="d-problems" class="d-status d-status-bad" tabindex="-1">
                    <p>
                        <strong>{ w.not_ready }</strong>{ " " }
                        { for problem_place(first.field, lang).map(|place| html! { <>{ place }{ ": " }</> }) }
                        { problem_message(first, draft, lang) }
                    </p>
                    if more > 0 { <p class="hint">{ w.more_problems(more) }</p> }
                    <button type="button" class="button button-secondary" onclick={go}>{ w.go_to_problem }</button>
                </div>
            }
        }
        (Err(_), None) => html! {},
    };

    html! {
        <div class="d-editor">
            <div class="d-toolbar">
                <button type="button" class="button button-secondary" onclick={props.on_close.reform(|_: MouseEvent| ())}>
                    { "← " }{ w.to_list }
                </button>
                { save_status }
                <div class="d-toolbar-actions">
                    <button type="button" class="button button-secondary" disabled={!ready} onclick={on_preview}>{ w.preview }</button>
                    <button type="button" class="button button-secondary" disabled={!ready} onclick={on_export}>{ w.export }</button>
                    <button type="button" class="button" disabled={!ready} onclick={on_use}>{ w.use_poll }</button>
                </div>
            </div>
            <h1>{ w.editor_label }{ ": " }{ heading_title }</h1>
            if missing_vi > 0 {
                <p class="d-missing-vi warning" role="note">
                    { w.missing_vi_banner(missing_vi) }
                </p>
            }
            { status }
            { about(&ed) }
            { rule(&ed) }
            <ItemList editor={ed.clone()} />
        </div>
    }
}

// ---------------------------------------------------------------------------------------------
// Preview

#[derive(Properties, PartialEq)]
struct PreviewProps {
    lang: Lang,
    preview: Preview,
    dispatch: Callback<DesignerAction>,
}

#[function_component(PreviewScreen)]
fn preview_screen(props: &PreviewProps) -> Html {
    let lang = props.lang;
    let w = words(lang);
    let p = &props.preview;
    let back = props
        .dispatch
        .reform(|_: MouseEvent| DesignerAction::EndPreview);
    let again = {
        let poll = p.poll.clone();
        props
            .dispatch
            .reform(move |_: MouseEvent| DesignerAction::StartPreview(poll.clone()))
    };
    html! {
        <div class="d-preview">
            <div class="d-preview-bar">
                <p class="d-preview-banner" role="note">{ w.preview_banner }</p>
                <button type="button" class="button button-secondary" onclick={back.clone()}>
                    { "← " }{ w.back_to_editor }
                </button>
            </div>
            if p.finished {
                <div class="d-preview-done">
                    <h1 id="voter-heading" tabindex="-1">{ w.preview_done }</h1>
                    <div class="actions">
                        <button type="button" class="button button-big" onclick={again}>{ w.preview_again }</button>
                        <button type="button" class="button button-secondary button-big" onclick={back}>{ w.back_to_editor }</button>
                    </div>
                </div>
            } else {
                <Voter {lang} poll={p.poll.clone()} voting={p.voting.clone()}
                       on_action={props.dispatch.reform(DesignerAction::Vote)} />
            }
        </div>
    }
}
