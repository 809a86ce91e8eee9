//! The draft: a poll as the officer is making it, half typed (labels that may be empty,
//! numbers that are text until checked), with the keys that keep skip logic and the target
//! pointing at the right question and answer whatever is renamed or moved; how a checked poll
//! becomes one (`Draft::from_poll`), and what the form asks of it (which item is decided, which
//! questions a condition may name).

use phieu_core::poll::dto::{PollDto, TextDto};
use phieu_core::{ItemKind, Lang, Matter, Poll, PollKind, Preset, TargetBase};

use super::field::{Field, ItemField, OptionField};
use serde::{Deserialize, Serialize};

/// A label as the officer types it: Vietnamese, and English that may stay empty (then the
/// poll has no English for it and shows the Vietnamese).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Label {
    pub vi: String,
    #[serde(default)]
    pub en: String,
    /// The Vietnamese the English was written for, kept when the Vietnamese changes after the
    /// English was typed; `None` while the two are in step (issue 22, item 8).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    en_for: Option<String>,
    /// The text in the draft's second language ([`Draft::second_lang`]; issue 20, item 3), empty
    /// when none.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub second: String,
    /// Texts in further languages of a poll the draft was made from, kept as they were and
    /// written back (the designer edits one language besides Vietnamese and English).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub more: Vec<(String, String)>,
}

impl Label {
    pub fn new(vi: &str, en: &str) -> Label {
        Label {
            vi: vi.into(),
            en: en.into(),
            en_for: None,
            second: String::new(),
            more: Vec::new(),
        }
    }

    /// Whether the Vietnamese was changed after the English was written, so the English may no
    /// longer say the same (the designer flags it beside the English field).
    pub fn en_is_stale(&self) -> bool {
        !self.en.trim().is_empty() && self.en_for.as_ref().is_some_and(|was| *was != self.vi)
    }

    /// The label of a checked text, its `second` language in the second slot.
    fn from_text(text: &phieu_core::Text, second: &str) -> Label {
        let mut label = Label::new(text.vi(), text.en().unwrap_or(""));
        for (tag, s) in text.others() {
            if tag.as_str() == second {
                label.second = s.clone();
            } else {
                label.more.push((tag.to_string(), s.clone()));
            }
        }
        label
    }

    /// Whether its Vietnamese is missing although it is written in another language: an
    /// imported form's label before the officer writes it (issue 23, item 6).
    pub fn lacks_vietnamese(&self) -> bool {
        self.vi.trim().is_empty()
            && !(self.en.trim().is_empty() && self.second.trim().is_empty() && self.more.is_empty())
    }

    /// The text of the Vietnamese or the English slot of the poll format (`Lang` names the
    /// slot here: any other interface language edits the English slot).
    pub fn get(&self, lang: Lang) -> &str {
        lang.pick(&self.vi, &self.en)
    }

    pub(super) fn set(&mut self, lang: Lang, value: String) {
        match lang {
            Lang::Vi => {
                if !self.en.trim().is_empty() && self.en_for.is_none() {
                    self.en_for = Some(std::mem::take(&mut self.vi));
                }
                self.vi = value;
            }
            _ => {
                // English typed now is written for the Vietnamese as it stands.
                self.en = value;
                self.en_for = None;
            }
        }
    }

    pub(super) fn is_blank(&self) -> bool {
        self.vi.trim().is_empty()
            && self.en.trim().is_empty()
            && self.second.trim().is_empty()
            && self.more.is_empty()
    }
}

/// What a voter may answer to an item (docs/poll-format.md §Items).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemType {
    Single,
    Multiple,
    Scale,
    Number,
    Text,
}

impl ItemType {
    pub const ALL: [ItemType; 5] = [
        ItemType::Single,
        ItemType::Multiple,
        ItemType::Scale,
        ItemType::Number,
        ItemType::Text,
    ];

    /// The format's `type` name.
    pub fn name(self) -> &'static str {
        match self {
            ItemType::Single => "single",
            ItemType::Multiple => "multiple",
            ItemType::Scale => "scale",
            ItemType::Number => "number",
            ItemType::Text => "text",
        }
    }

    /// Whether the voter picks among options (and the item can be a skip-logic condition).
    pub fn has_options(self) -> bool {
        matches!(
            self,
            ItemType::Single | ItemType::Multiple | ItemType::Scale
        )
    }
}

/// One option of a choice item. `value` is a scale point's number, as typed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OptionDraft {
    pub key: u32,
    pub id: String,
    pub label: Label,
    #[serde(default)]
    pub free_text: bool,
    #[serde(default)]
    pub value: String,
}

/// Skip logic: show the item only when the item `item` (a key) was answered with one of the
/// options `any_of` (keys), in the order the officer ticked them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShowIf {
    pub item: u32,
    pub any_of: Vec<u32>,
}

/// A combined condition (`all`/`any`, docs/poll-format.md §Skip logic), such as an imported
/// form's consent gate joined with a question's own test. The designer does not edit one: it
/// keeps it as it is, by keys (so renaming a question or an answer keeps it), writes it back into
/// the poll, and says so on the question; choosing a condition there replaces it, deleting a
/// question it names deletes it (as for a single condition), docs/designer.md.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum KeptShowIf {
    When(ShowIf),
    All(Vec<KeptShowIf>),
    Any(Vec<KeptShowIf>),
}

impl KeptShowIf {
    /// Whether a condition in it tests the item `key`.
    pub fn names(&self, key: u32) -> bool {
        match self {
            KeptShowIf::When(c) => c.item == key,
            KeptShowIf::All(parts) | KeptShowIf::Any(parts) => parts.iter().any(|p| p.names(key)),
        }
    }

    pub(super) fn each_mut(&mut self, f: &mut impl FnMut(&mut ShowIf)) {
        match self {
            KeptShowIf::When(c) => f(c),
            KeptShowIf::All(parts) | KeptShowIf::Any(parts) => {
                parts.iter_mut().for_each(|p| p.each_mut(f));
            }
        }
    }
}

/// One question. The fields of every type are kept, whatever the type now is, so switching
/// the type back and forth loses nothing the officer typed; only the current type's fields go
/// into the poll.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ItemDraft {
    pub key: u32,
    pub id: String,
    pub kind: ItemType,
    pub required: bool,
    pub label: Label,
    /// The person the item is about (an official rated, a single candidate); empty when none.
    #[serde(default)]
    pub person_name: String,
    #[serde(default)]
    pub person_position: Label,
    #[serde(default)]
    pub show_if: Option<ShowIf>,
    /// A combined condition kept as it came (only while `show_if` is `None`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kept_show_if: Option<KeptShowIf>,
    #[serde(default)]
    pub options: Vec<OptionDraft>,
    /// How many options a `multiple` item allows; empty means the format's default.
    #[serde(default)]
    pub choose_min: String,
    #[serde(default)]
    pub choose_max: String,
    /// The range of a `number` item.
    #[serde(default)]
    pub min: String,
    #[serde(default)]
    pub max: String,
    /// The longest answer of a `text` item; empty means the format's default.
    #[serde(default)]
    pub max_len: String,
}

impl ItemDraft {
    /// The position of the option `key`, if the item still has it.
    pub fn option_at(&self, key: u32) -> Option<usize> {
        self.options.iter().position(|o| o.key == key)
    }

    pub(super) fn has_person(&self) -> bool {
        !self.person_name.trim().is_empty() || !self.person_position.is_blank()
    }
}

/// A survey's target ("at least 90 of every 100 households satisfied"), as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TargetDraft {
    /// The item counted (a key), once picked.
    pub item: Option<u32>,
    /// The options that count towards the target (keys of the item's options).
    pub options: Vec<u32>,
    pub numerator: String,
    pub denominator: String,
    /// The target is a share of the forms collected, not of the total electorate
    /// (docs/poll-format.md §Rule). Drafts saved before this field read as `false`.
    #[serde(default)]
    pub of_ballots: bool,
}

/// A poll being made. Serialised as is into the drafts store (see [`SavedDraft`]).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Draft {
    pub id: String,
    #[serde(with = "kind_name")]
    pub kind: PollKind,
    pub title: Label,
    /// Completes "BIÊN BẢN KIỂM PHIẾU về việc …"; left out of the poll when both are empty.
    #[serde(default)]
    pub subject: Label,
    pub commune: String,
    #[serde(default)]
    pub village: String,
    #[serde(with = "preset_name")]
    pub preset: Preset,
    /// What a decision decides (docs/poll-format.md §Matters); the rule follows from it. `None`
    /// until the officer chooses: a blank decision does not guess what it is about. Kept when
    /// the kind changes, but written out only for a decision.
    #[serde(default, with = "matter_name")]
    pub matter: Option<Matter>,
    /// Kept while the rule is not `none`, but written out only with it.
    #[serde(default)]
    pub target: Option<TargetDraft>,
    pub items: Vec<ItemDraft>,
    /// The BCP 47 tag of the one language besides Vietnamese and English the officer writes the
    /// poll in (`km`; issue 20, item 3); empty for none. Each label's `second` is in it.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub second_lang: String,
    /// The next key to hand out to a new item or option.
    next_key: u32,
}

mod kind_name {
    use phieu_core::PollKind;
    use serde::{de::Error, Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(kind: &PollKind, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(kind.name())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<PollKind, D::Error> {
        let name = String::deserialize(d)?;
        PollKind::from_name(&name).ok_or_else(|| D::Error::custom(format!("kind {name:?}")))
    }
}

mod matter_name {
    use phieu_core::Matter;
    use serde::{de::Error, Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(matter: &Option<Matter>, s: S) -> Result<S::Ok, S::Error> {
        match matter {
            Some(m) => s.serialize_some(m.name()),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Matter>, D::Error> {
        match Option::<String>::deserialize(d)? {
            None => Ok(None),
            Some(name) => Matter::from_name(&name)
                .map(Some)
                .ok_or_else(|| D::Error::custom(format!("matter {name:?}"))),
        }
    }
}

mod preset_name {
    use phieu_core::Preset;
    use serde::{de::Error, Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(preset: &Preset, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(preset.name())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Preset, D::Error> {
        let name = String::deserialize(d)?;
        Preset::from_name(&name).ok_or_else(|| D::Error::custom(format!("preset {name:?}")))
    }
}

impl Draft {
    /// An empty poll of `kind` with the id `id` (the caller makes it unique, e.g. at random).
    pub fn blank(kind: PollKind, id: String) -> Draft {
        Draft {
            id,
            kind,
            title: Label::default(),
            subject: Label::default(),
            commune: String::new(),
            village: String::new(),
            preset: kind.allowed_presets()[0],
            matter: None,
            target: None,
            items: Vec::new(),
            second_lang: String::new(),
            next_key: 1,
        }
    }

    /// A copy of a checked poll to edit (a template, an imported file, the poll on setup).
    /// `Draft::from_poll(p).check()` gives back `p`, with the same hash.
    pub fn from_poll(poll: &Poll) -> Draft {
        let mut draft = Draft::blank(poll.kind(), poll.id().to_owned());
        // The poll's first language besides Vietnamese and English is the one the designer
        // edits; any further one is kept as it is.
        draft.second_lang = poll
            .languages()
            .first()
            .map(|t| t.to_string())
            .unwrap_or_default();
        let second = draft.second_lang.clone();
        let from_text = |t: &phieu_core::Text| Label::from_text(t, &second);
        draft.title = from_text(poll.title());
        draft.subject = poll.subject().map(from_text).unwrap_or_default();
        draft.commune = poll.place().commune().to_owned();
        draft.village = poll.place().village().to_owned();
        draft.preset = poll.rule().preset();
        draft.matter = poll.rule().matter();
        for item in poll.items() {
            let key = draft.new_key();
            let mut d = ItemDraft {
                key,
                id: item.id().to_owned(),
                kind: ItemType::Single,
                required: item.required(),
                label: from_text(item.label()),
                person_name: item
                    .person()
                    .map(|p| p.name().to_owned())
                    .unwrap_or_default(),
                person_position: item
                    .person()
                    .and_then(|p| p.position())
                    .map(from_text)
                    .unwrap_or_default(),
                show_if: None,
                kept_show_if: None,
                options: Vec::new(),
                choose_min: String::new(),
                choose_max: String::new(),
                min: String::new(),
                max: String::new(),
                max_len: String::new(),
            };
            d.kind = match item.kind() {
                ItemKind::Single { .. } => ItemType::Single,
                ItemKind::Multiple { min, max, .. } => {
                    d.choose_min = min.to_string();
                    d.choose_max = max.to_string();
                    ItemType::Multiple
                }
                ItemKind::Scale { .. } => ItemType::Scale,
                ItemKind::Number { min, max } => {
                    d.min = min.to_string();
                    d.max = max.to_string();
                    ItemType::Number
                }
                ItemKind::Text { max_len } => {
                    d.max_len = max_len.to_string();
                    ItemType::Text
                }
            };
            for choice in item.kind().options() {
                let key = draft.new_key();
                d.options.push(OptionDraft {
                    key,
                    id: choice.id().to_owned(),
                    label: from_text(choice.label()),
                    free_text: choice.free_text(),
                    value: choice.value().map(|v| v.to_string()).unwrap_or_default(),
                });
            }
            // A checked poll's conditions name earlier items and their options.
            if let Some(show_if) = item.show_if() {
                match show_if.as_condition() {
                    Some(c) => d.show_if = draft.show_if_of(c),
                    None => d.kept_show_if = draft.kept_of(show_if),
                }
            }
            draft.items.push(d);
        }
        draft.target = poll.rule().target().and_then(|t| {
            let item = draft.items.iter().find(|i| i.id == t.item())?;
            Some(TargetDraft {
                item: Some(item.key),
                options: option_keys(item, t.options()),
                numerator: t.numerator().to_string(),
                denominator: t.denominator().to_string(),
                of_ballots: t.of() == TargetBase::Ballots,
            })
        });
        draft
    }

    /// A draft of a raw poll the core refuses only because Vietnamese texts are missing: an
    /// XLSForm written in another language (issue 23, item 6, `phieu_xlsform::ImportedPoll`).
    /// The draft holds each text as the form had it, every Vietnamese label the form lacked
    /// empty, for the officer to write ([`Label::lacks_vietnamese`] marks them). `None` when the
    /// raw poll has another problem. The core checks it with a stand-in in each empty
    /// Vietnamese text, which is never kept: the draft is built from the checked poll, then each
    /// Vietnamese text is put back as the raw poll has it.
    pub fn from_raw(dto: &PollDto) -> Option<Draft> {
        let mut stand_in = dto.clone();
        let fill = |t: &mut TextDto| {
            if t.vi.trim().is_empty() {
                let other =
                    t.en.clone()
                        .or_else(|| t.others.first().map(|(_, s)| s.clone()));
                t.vi = other.unwrap_or_default();
            }
        };
        fill(&mut stand_in.title);
        stand_in.subject.iter_mut().for_each(fill);
        for item in &mut stand_in.items {
            fill(&mut item.label);
            if let Some(p) = item.person.as_mut().and_then(|p| p.position.as_mut()) {
                fill(p);
            }
            item.options
                .iter_mut()
                .flatten()
                .for_each(|o| fill(&mut o.label));
        }
        let poll = Poll::try_from(stand_in).ok()?;
        let mut draft = Draft::from_poll(&poll);
        draft.title.vi = dto.title.vi.clone();
        if let Some(s) = &dto.subject {
            draft.subject.vi = s.vi.clone();
        }
        for (d, item) in draft.items.iter_mut().zip(&dto.items) {
            d.label.vi = item.label.vi.clone();
            if let Some(p) = item.person.as_ref().and_then(|p| p.position.as_ref()) {
                d.person_position.vi = p.vi.clone();
            }
            for (o, c) in d.options.iter_mut().zip(item.options.iter().flatten()) {
                o.label.vi = c.label.vi.clone();
            }
        }
        Some(draft)
    }

    /// Every label whose Vietnamese is missing although it is written in another language, with
    /// the field it is typed in (issue 23, item 6): the designer marks each.
    pub fn missing_vietnamese(&self) -> Vec<Field> {
        let mut out = Vec::new();
        if self.title.lacks_vietnamese() {
            out.push(Field::Title(Lang::Vi));
        }
        if self.subject.lacks_vietnamese() {
            out.push(Field::Subject(Lang::Vi));
        }
        for (i, item) in self.items.iter().enumerate() {
            if item.label.lacks_vietnamese() {
                out.push(Field::Item(i, ItemField::Label(Lang::Vi)));
            }
            if item.person_position.lacks_vietnamese() {
                out.push(Field::Item(i, ItemField::PersonPosition(Lang::Vi)));
            }
            for (j, o) in item.options.iter().enumerate() {
                if o.label.lacks_vietnamese() {
                    out.push(Field::Item(
                        i,
                        ItemField::Option(j, OptionField::Label(Lang::Vi)),
                    ));
                }
            }
        }
        out
    }

    /// Every label of the draft, to set the second language of each in one pass.
    pub(super) fn labels_mut(&mut self) -> Vec<&mut Label> {
        let mut out: Vec<&mut Label> = vec![&mut self.title, &mut self.subject];
        for item in &mut self.items {
            out.push(&mut item.label);
            out.push(&mut item.person_position);
            out.extend(item.options.iter_mut().map(|o| &mut o.label));
        }
        out
    }

    pub(super) fn new_key(&mut self) -> u32 {
        let key = self.next_key;
        self.next_key += 1;
        key
    }

    /// The position of the item with `key`.
    pub fn item_at(&self, key: u32) -> Option<usize> {
        self.items.iter().position(|i| i.key == key)
    }

    /// Whether item `index` is decided by the rule: a single-choice item of any poll but a
    /// survey, and an election's multiple-choice item, a board (docs/poll-format.md §Kinds). It
    /// must be shown to everyone and carry the rule's options.
    pub fn decided(&self, index: usize) -> bool {
        self.kind != PollKind::Survey
            && self.items.get(index).is_some_and(|i| {
                i.kind == ItemType::Single
                    || (i.kind == ItemType::Multiple && self.kind == PollKind::Election)
            })
    }

    /// Whether item `index` is a board with several seats: an election's multiple-choice item,
    /// whose upper bound is the number of seats.
    pub fn board(&self, index: usize) -> bool {
        self.kind == PollKind::Election
            && self
                .items
                .get(index)
                .is_some_and(|i| i.kind == ItemType::Multiple)
    }

    /// A draft saved before decisions named their matter (draft record version 1) opens with
    /// the matter its preset was used for: every preset of a decision belongs to one matter,
    /// or to several that share its rule, of which the widest is chosen (docs/designer.md).
    pub(super) fn with_matter_from_preset(mut self) -> Draft {
        if self.kind == PollKind::Decision && self.matter.is_none() {
            self.matter = match self.preset {
                Preset::TwoThirdsHouseholds => Some(Matter::Contribution),
                Preset::MajorityHouseholds => Some(Matter::SelfGovernance),
                Preset::MajorityPresent => Some(Matter::Procedural),
                Preset::Conference => Some(Matter::Conference),
                _ => None,
            };
        }
        self
    }

    /// Takes every reference to option `key` of item `item` out of the conditions and the
    /// target (the option is gone or no longer what they meant).
    pub(super) fn forget_option(&mut self, item: u32, key: u32) {
        for other in &mut self.items {
            if let Some(c) = other.show_if.as_mut().filter(|c| c.item == item) {
                c.any_of.retain(|k| *k != key);
            }
            if let Some(kept) = &mut other.kept_show_if {
                kept.each_mut(&mut |c| {
                    if c.item == item {
                        c.any_of.retain(|k| *k != key);
                    }
                });
            }
        }
        if let Some(t) = self.target.as_mut().filter(|t| t.item == Some(item)) {
            t.options.retain(|k| *k != key);
        }
    }

    /// The items item `index` may be shown after: the choice items before it, and the one it
    /// is shown after now even if it has since moved below (the core then says so).
    pub fn condition_candidates(&self, index: usize) -> Vec<usize> {
        let current = self
            .items
            .get(index)
            .and_then(|i| i.show_if.as_ref())
            .and_then(|c| self.item_at(c.item));
        (0..self.items.len())
            .filter(|&i| {
                i != index
                    && ((i < index && self.items[i].kind.has_options()) || Some(i) == current)
            })
            .collect()
    }

    /// A fresh item id `q1`, `q2`, … that no item has.
    pub(super) fn fresh_item_id(&self) -> String {
        (self.items.len() + 1..)
            .map(|n| format!("q{n}"))
            .find(|id| self.items.iter().all(|i| &i.id != id))
            .unwrap_or_default()
    }

    /// A single condition of a checked poll, by keys (it names an earlier item of the draft).
    fn show_if_of(&self, c: &phieu_core::Condition) -> Option<ShowIf> {
        let target = self.items.iter().find(|i| i.id == c.item())?;
        Some(ShowIf {
            item: target.key,
            any_of: option_keys(target, c.any_of()),
        })
    }

    /// A combined condition of a checked poll, by keys.
    fn kept_of(&self, show_if: &phieu_core::ShowIf) -> Option<KeptShowIf> {
        use phieu_core::ShowIf as S;
        Some(match show_if {
            S::When(c) => KeptShowIf::When(self.show_if_of(c)?),
            S::All(parts) => KeptShowIf::All(
                parts
                    .iter()
                    .map(|p| self.kept_of(p))
                    .collect::<Option<_>>()?,
            ),
            S::Any(parts) => KeptShowIf::Any(
                parts
                    .iter()
                    .map(|p| self.kept_of(p))
                    .collect::<Option<_>>()?,
            ),
        })
    }
}

/// The keys of `item`'s options with the ids `ids`, in that order.
fn option_keys(item: &ItemDraft, ids: &[String]) -> Vec<u32> {
    ids.iter()
        .filter_map(|id| item.options.iter().find(|o| &o.id == id).map(|o| o.key))
        .collect()
}
