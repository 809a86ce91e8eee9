//! Merge the boxes of several tablets, clusters (cụm dân cư, D59 3.1đ) or sittings of one poll
//! into one tally. Each file is verified on its own first; then it joins the boxes only if the
//! merge still holds (same poll, same electorate, no box and no ballot twice), so a refused file
//! leaves what is already there untouched. The merged result is shown like any closed box, and
//! its minutes list every box with its fingerprint and count.

use std::rc::Rc;

use phieu_core::report::{merge_bundles, BoxEntry, MergeBundlesError, MergedBundle};
use phieu_core::{AuditBundle, Lang, VerifyError};
use yew::prelude::*;

use crate::components::file_pick::FilePick;

use crate::edge::file_input::{self, FileError, PickedFile, MAX_BYTES};
use crate::effects;
use crate::i18n::results::strings;
use crate::pages::results::Results;

#[derive(Properties, PartialEq)]
pub struct MergeProps {
    pub lang: Lang,
}

/// Why one file did not join the boxes; rendered in the language of the moment.
#[derive(Clone, Debug, PartialEq)]
enum Problem {
    Unreadable(FileError),
    Unverified(String, VerifyError),
    Refused(String, MergeBundlesError),
}

#[derive(Clone, Debug, Default, PartialEq)]
struct MergeState {
    /// File name and verified bundle of each box, in the order added.
    files: Vec<(String, Rc<AuditBundle>)>,
    merged: Option<(Rc<AuditBundle>, Rc<Vec<BoxEntry>>)>,
    problems: Vec<Problem>,
}

enum MergeAction {
    /// New files were picked: forget the last problems.
    Picked,
    Read(String, Result<String, FileError>),
    Remove(usize),
    Clear,
}

fn merged_of(files: &[(String, Rc<AuditBundle>)]) -> Result<MergedBundle, MergeBundlesError> {
    let bundles: Vec<AuditBundle> = files.iter().map(|(_, b)| (**b).clone()).collect();
    merge_bundles(&bundles)
}

fn parts(m: MergedBundle) -> (Rc<AuditBundle>, Rc<Vec<BoxEntry>>) {
    let (bundle, boxes) = m.into_parts();
    (Rc::new(bundle), Rc::new(boxes))
}

impl Reducible for MergeState {
    type Action = MergeAction;

    fn reduce(self: Rc<Self>, action: MergeAction) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            MergeAction::Picked => next.problems.clear(),
            MergeAction::Read(_, Err(e)) => next.problems.push(Problem::Unreadable(e)),
            MergeAction::Read(name, Ok(text)) => match AuditBundle::verify(&text) {
                Err(e) => next.problems.push(Problem::Unverified(name, e)),
                Ok(bundle) => {
                    let mut files = next.files.clone();
                    files.push((name.clone(), Rc::new(bundle)));
                    match merged_of(&files) {
                        Ok(m) => {
                            next.files = files;
                            next.merged = Some(parts(m));
                        }
                        Err(e) => next.problems.push(Problem::Refused(name, e)),
                    }
                }
            },
            MergeAction::Remove(i) => {
                if i < next.files.len() {
                    next.files.remove(i);
                }
                // What remains merged before, so it merges again.
                next.merged = merged_of(&next.files).ok().map(parts);
                next.problems.clear();
            }
            MergeAction::Clear => next = MergeState::default(),
        }
        Rc::new(next)
    }
}

impl Problem {
    fn message(&self, lang: Lang) -> String {
        let t = strings(lang);
        match self {
            Problem::Unreadable(e) => e.message(lang),
            // Sentences without field paths (issue 22); the paths are for `phieu --json`.
            Problem::Unverified(name, e) => {
                format!(
                    "«{name}»: {}: {}",
                    t.merge_unreadable,
                    e.plain_message(lang)
                )
            }
            Problem::Refused(name, e) => {
                format!("«{name}»: {}: {}", t.merge_refused, e.plain_message(lang))
            }
        }
    }
}

#[function_component(Merge)]
pub fn merge(props: &MergeProps) -> Html {
    let lang = props.lang;
    let t = strings(lang);
    let state = use_reducer(MergeState::default);

    let read = {
        let dispatch = state.dispatcher();
        move |files: Vec<PickedFile>| {
            dispatch.dispatch(MergeAction::Picked);
            let dispatch = dispatch.clone();
            // One file after another, in the order picked, so the boxes keep that order.
            let done = Callback::from(move |(name, text)| {
                dispatch.dispatch(MergeAction::Read(name, text))
            });
            effects::office::read_texts_in_order(files, MAX_BYTES, done);
        }
    };
    let onchange = {
        let read = read.clone();
        Callback::from(move |e: Event| read(file_input::picked(&e)))
    };
    let ondrop = Callback::from(move |e: DragEvent| read(file_input::dropped(&e)));
    let ondragover = Callback::from(|e: DragEvent| file_input::allow_drop(&e));
    let on_clear = {
        let dispatch = state.dispatcher();
        Callback::from(move |_: MouseEvent| dispatch.dispatch(MergeAction::Clear))
    };

    html! {
        <div class="merge">
            <section class="screen-only" aria-labelledby="merge-heading">
                <h1 id="merge-heading">{ t.merge_heading }</h1>
                <p>{ t.merge_intro }</p>
                <div class="dropzone" {ondrop} {ondragover}>
                    <p class="dropzone-hint" aria-hidden="true">{ t.drop_here }</p>
                    <div class="file-field">
                        <label for="merge-files">{ t.merge_files }</label>
                        <FilePick {lang} id="merge-files" multiple=true accept=".json,application/json" {onchange} />
                    </div>
                </div>
                if !state.problems.is_empty() {
                    <div class="error" role="alert">
                        { for state.problems.iter().map(|p| html! { <p>{ p.message(lang) }</p> }) }
                    </div>
                }
                if !state.files.is_empty() {
                    <table class="results-table boxes-table">
                        <caption>{ t.boxes_heading }</caption>
                        <thead><tr>
                            <th scope="col">{ t.box_column }</th><th scope="col">{ t.file_column }</th>
                            <th scope="col">{ t.fingerprint_heading }</th><th scope="col">{ t.count }</th>
                            <th scope="col"><span class="visually-hidden">{ t.remove_box }</span></th>
                        </tr></thead>
                        <tbody>{ for state.files.iter().enumerate().map(|(i, (name, b))| {
                            let dispatch = state.dispatcher();
                            let onclick = Callback::from(move |_: MouseEvent| dispatch.dispatch(MergeAction::Remove(i)));
                            html! {
                                <tr>
                                    <td>{ i + 1 }</td>
                                    <td class="file-name">{ name.clone() }</td>
                                    <td class="mono">{ b.fingerprint().short() }</td>
                                    <td>{ b.tally().ballots() }</td>
                                    <td><button type="button" class="button secondary small-button"
                                                aria-label={format!("{} {}", t.remove_box, i + 1)} {onclick}>
                                        { t.remove_box }
                                    </button></td>
                                </tr>
                            }
                        }) }</tbody>
                    </table>
                    <button type="button" class="button secondary" onclick={on_clear}>{ t.clear_boxes }</button>
                }
            </section>
            if let Some((bundle, boxes)) = &state.merged {
                <section class="screen-only merged-heading">
                    <h2>{ t.merged_heading }</h2>
                </section>
                <Results {lang} bundle={bundle.clone()} boxes={Some(boxes.clone())} />
            }
        </div>
    }
}
