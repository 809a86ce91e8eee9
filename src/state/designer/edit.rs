//! The edits: everything the officer can do to a draft ([`Edit`]), and [`Draft::apply`], which
//! makes the draft after one. Deleting an item or an option also takes every reference to it
//! out of the skip logic and the target.

use phieu_core::{Lang, Matter, PollKind, Preset};

use super::draft::{Draft, ItemDraft, ItemType, OptionDraft, ShowIf, TargetDraft};
use super::preset::ItemPreset;

/// Which label of the draft an edit of its second language is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LabelAt {
    Title,
    Subject,
    Item(usize),
    PersonPosition(usize),
    Option(usize, usize),
}

/// Everything the officer can do to a draft. Indices are positions in the draft as shown;
/// an edit naming a position that does not exist changes nothing.
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    PollId(String),
    /// Changes the kind; the rule follows when it no longer fits.
    Kind(PollKind),
    Title(Lang, String),
    Subject(Lang, String),
    Commune(String),
    Village(String),
    /// Ignored when the preset cannot decide a poll of the draft's kind, and for a decision,
    /// whose rule follows from its matter.
    Preset(Preset),
    /// What a decision decides; its rule follows (docs/poll-format.md §Matters).
    Matter(Matter),
    /// Gives a survey a target, or takes it away.
    Target(bool),
    TargetItem(Option<u32>),
    /// Counts option (a key) towards the target, or not.
    TargetOption(u32, bool),
    TargetNumerator(String),
    TargetDenominator(String),
    /// Counts the target on the forms collected (`true`) or on the total electorate.
    TargetOfBallots(bool),
    AddItem(ItemPreset),
    DeleteItem(usize),
    /// Moves an item to position `to` (the others shift), by the arrows or by dragging.
    MoveItem {
        from: usize,
        to: usize,
    },
    ItemId(usize, String),
    ItemType(usize, ItemType),
    ItemLabel(usize, Lang, String),
    Required(usize, bool),
    PersonName(usize, String),
    PersonPosition(usize, Lang, String),
    /// Shows the item only after the item with this key is answered (`None`: always shown).
    ShowIfItem(usize, Option<u32>),
    /// Ticks or unticks one answer (an option key) of the skip-logic condition.
    ShowIfAnswer(usize, u32, bool),
    ChooseMin(usize, String),
    ChooseMax(usize, String),
    Min(usize, String),
    Max(usize, String),
    MaxLen(usize, String),
    AddOption(usize),
    DeleteOption(usize, usize),
    MoveOption {
        item: usize,
        from: usize,
        to: usize,
    },
    OptionId(usize, usize, String),
    OptionLabel(usize, usize, Lang, String),
    FreeText(usize, usize, bool),
    OptionValue(usize, usize, String),
    /// Gives a decided item the options its poll's rule counts, keeping the labels of those
    /// it already has (and, where the rule allows others, the others).
    StandardOptions(usize),
    /// The one language besides Vietnamese and English the poll is written in, by its BCP 47
    /// tag (`km`); empty for none (issue 20, item 3). What was typed in it is kept.
    SecondLanguage(String),
    /// A label's text in the second language.
    SecondText(LabelAt, String),
}

impl Draft {
    /// The draft after `edit`.
    pub fn apply(&self, edit: Edit) -> Draft {
        let mut next = self.clone();
        next.edit(edit);
        next
    }

    fn edit(&mut self, edit: Edit) {
        match edit {
            Edit::PollId(v) => self.id = v,
            Edit::Kind(kind) => {
                self.kind = kind;
                if !kind.allowed_presets().contains(&self.preset) {
                    self.preset = kind.allowed_presets()[0];
                }
                if let (PollKind::Decision, Some(matter)) = (kind, self.matter) {
                    self.preset = matter.preset();
                }
            }
            Edit::Title(lang, v) => self.title.set(lang, v),
            Edit::Subject(lang, v) => self.subject.set(lang, v),
            Edit::Commune(v) => self.commune = v,
            Edit::Village(v) => self.village = v,
            Edit::Preset(p) => {
                if self.kind != PollKind::Decision && self.kind.allowed_presets().contains(&p) {
                    self.preset = p;
                }
            }
            Edit::Matter(matter) => {
                self.matter = Some(matter);
                if self.kind == PollKind::Decision {
                    self.preset = matter.preset();
                }
            }
            Edit::Target(on) => {
                self.target = on.then(|| {
                    self.target.clone().unwrap_or(TargetDraft {
                        item: None,
                        options: Vec::new(),
                        numerator: "90".into(),
                        denominator: "100".into(),
                        of_ballots: false,
                    })
                });
            }
            Edit::TargetItem(key) => {
                if let Some(t) = &mut self.target {
                    if t.item != key {
                        t.item = key;
                        t.options.clear();
                    }
                }
            }
            Edit::TargetOption(key, on) => {
                if let Some(t) = &mut self.target {
                    t.options.retain(|k| *k != key);
                    if on {
                        t.options.push(key);
                    }
                }
            }
            Edit::TargetNumerator(v) => {
                if let Some(t) = &mut self.target {
                    t.numerator = v;
                }
            }
            Edit::TargetDenominator(v) => {
                if let Some(t) = &mut self.target {
                    t.denominator = v;
                }
            }
            Edit::TargetOfBallots(on) => {
                if let Some(t) = &mut self.target {
                    t.of_ballots = on;
                }
            }
            Edit::AddItem(preset) => {
                let item = self.new_item(preset);
                self.items.push(item);
            }
            Edit::DeleteItem(i) => {
                if i >= self.items.len() {
                    return;
                }
                let gone = self.items.remove(i).key;
                // A question shown after the deleted one is shown to everyone again, and a
                // target on it has nothing left to count.
                for other in &mut self.items {
                    if other.show_if.as_ref().is_some_and(|c| c.item == gone) {
                        other.show_if = None;
                    }
                    if other.kept_show_if.as_ref().is_some_and(|k| k.names(gone)) {
                        other.kept_show_if = None;
                    }
                }
                if let Some(t) = self.target.as_mut().filter(|t| t.item == Some(gone)) {
                    t.item = None;
                    t.options.clear();
                }
            }
            Edit::MoveItem { from, to } => move_within(&mut self.items, from, to),
            Edit::AddOption(i) => {
                if let Some(item) = self.items.get(i).cloned() {
                    let mut option = self.blank_option(&item);
                    if item.kind == ItemType::Scale {
                        option.value = (item.options.len() + 1).to_string();
                    }
                    self.items[i].options.push(option);
                }
            }
            Edit::DeleteOption(i, j) => {
                if self.locked_option(i, j) {
                    return;
                }
                let Some(item) = self.items.get_mut(i) else {
                    return;
                };
                if j >= item.options.len() {
                    return;
                }
                let (item_key, gone) = (item.key, item.options.remove(j).key);
                self.forget_option(item_key, gone);
            }
            Edit::OptionId(i, j, v) => {
                if !self.locked_option(i, j) {
                    if let Some(o) = self.option_mut(i, j) {
                        o.id = v;
                    }
                }
            }
            Edit::StandardOptions(i) => self.standard_options(i),
            Edit::SecondLanguage(tag) => {
                let tag = tag.trim().to_owned();
                // A language the poll already had beyond the slot moves into it.
                for label in self.labels_mut() {
                    if let Some(at) = label.more.iter().position(|(t, _)| *t == tag) {
                        let (_, text) = label.more.remove(at);
                        if label.second.trim().is_empty() {
                            label.second = text;
                        }
                    }
                }
                self.second_lang = tag;
            }
            Edit::SecondText(at, v) => {
                let label = match at {
                    LabelAt::Title => Some(&mut self.title),
                    LabelAt::Subject => Some(&mut self.subject),
                    LabelAt::Item(i) => self.items.get_mut(i).map(|item| &mut item.label),
                    LabelAt::PersonPosition(i) => {
                        self.items.get_mut(i).map(|item| &mut item.person_position)
                    }
                    LabelAt::Option(i, j) => self.option_mut(i, j).map(|o| &mut o.label),
                };
                if let Some(label) = label {
                    label.second = v;
                }
            }
            edit => self.edit_item(edit),
        }
    }

    fn option_mut(&mut self, i: usize, j: usize) -> Option<&mut OptionDraft> {
        self.items.get_mut(i)?.options.get_mut(j)
    }

    /// The edits of one item's own fields.
    fn edit_item(&mut self, edit: Edit) {
        match edit {
            Edit::ItemId(i, v) => self.with_item(i, |item| item.id = v),
            Edit::ItemType(i, kind) => self.with_item(i, |item| set_type(item, kind)),
            Edit::ItemLabel(i, lang, v) => self.with_item(i, |item| item.label.set(lang, v)),
            Edit::Required(i, v) => self.with_item(i, |item| item.required = v),
            Edit::PersonName(i, v) => self.with_item(i, |item| item.person_name = v),
            Edit::PersonPosition(i, lang, v) => {
                self.with_item(i, |item| item.person_position.set(lang, v))
            }
            Edit::ShowIfItem(i, key) => self.with_item(i, |item| {
                // Any choice made here replaces a kept combined condition, "always" included.
                if item.show_if.as_ref().map(|c| c.item) != key || item.kept_show_if.is_some() {
                    item.kept_show_if = None;
                    item.show_if = key.map(|item| ShowIf {
                        item,
                        any_of: Vec::new(),
                    });
                }
            }),
            Edit::ShowIfAnswer(i, key, on) => self.with_item(i, |item| {
                if let Some(c) = &mut item.show_if {
                    c.any_of.retain(|k| *k != key);
                    if on {
                        c.any_of.push(key);
                    }
                }
            }),
            Edit::ChooseMin(i, v) => self.with_item(i, |item| item.choose_min = v),
            Edit::ChooseMax(i, v) => self.with_item(i, |item| item.choose_max = v),
            Edit::Min(i, v) => self.with_item(i, |item| item.min = v),
            Edit::Max(i, v) => self.with_item(i, |item| item.max = v),
            Edit::MaxLen(i, v) => self.with_item(i, |item| item.max_len = v),
            Edit::MoveOption { item, from, to } => {
                self.with_item(item, |item| move_within(&mut item.options, from, to))
            }
            Edit::OptionLabel(i, j, lang, v) => {
                if let Some(o) = self.option_mut(i, j) {
                    o.label.set(lang, v);
                }
            }
            Edit::FreeText(i, j, v) => {
                if let Some(o) = self.option_mut(i, j) {
                    o.free_text = v;
                }
            }
            Edit::OptionValue(i, j, v) => {
                if let Some(o) = self.option_mut(i, j) {
                    o.value = v;
                }
            }
            // The poll-wide edits are handled by `edit`.
            _ => {}
        }
    }

    fn with_item(&mut self, i: usize, f: impl FnOnce(&mut ItemDraft)) {
        if let Some(item) = self.items.get_mut(i) {
            f(item);
        }
    }
}

/// Moves `list[from]` to position `to`; out-of-range positions change nothing.
fn move_within<T>(list: &mut Vec<T>, from: usize, to: usize) {
    if from < list.len() && to < list.len() && from != to {
        let x = list.remove(from);
        list.insert(to, x);
    }
}

/// A new type for an item. Switching to a choice type makes sure there are two option rows to
/// fill; to a scale, numbers the options that have no value and drops free text (a scale point
/// takes none); to a number, offers 0 to 100 when no range was typed.
fn set_type(item: &mut ItemDraft, kind: ItemType) {
    item.kind = kind;
    if kind == ItemType::Scale {
        for (n, o) in item.options.iter_mut().enumerate() {
            o.free_text = false;
            if o.value.trim().is_empty() {
                o.value = (n + 1).to_string();
            }
        }
    }
    if kind == ItemType::Number && item.min.is_empty() && item.max.is_empty() {
        item.min = "0".into();
        item.max = "100".into();
    }
}
