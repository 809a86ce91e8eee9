//! The poll designer's model: a poll as the officer is making it (a [`Draft`]), the edits that
//! change it ([`Edit`]), where each problem the core finds belongs on the form ([`Field`]), and
//! the designer's session around it (which draft is open, whether it is saved, the preview).
//!
//! A draft is not a poll: it may be half typed, with empty labels and numbers that are not
//! numbers yet. [`Draft::check`] fills in the core's raw poll (`phieu_core::poll::dto`, the
//! format of docs/poll-format.md) and lets `Poll::try_from` decide, with the same checks as
//! `Poll::from_json`; the core's error names a field path, which
//! [`Field::of_path`] maps back to the field on the form, so the message appears next to what
//! the officer is typing. Only a checked [`Poll`] leaves the designer (exported, previewed or
//! used for a meeting); its hash is fixed from then on, and the designer keeps editing its own
//! draft, never the poll a meeting holds.
//!
//! Items and options carry a `key` that never changes while the draft lives: skip logic and
//! the survey target refer to keys, so renaming an id, reordering or deleting never makes a
//! reference point at the wrong question. Ids are written out only when the poll is built.
//!
//! Plain Rust, no Yew and no browser: every edit and every mapping is a native unit test
//! (`designer/tests.rs`).

use std::rc::Rc;

use phieu_core::poll::dto::{
    ChoiceDto, ConditionDto, ItemDto, PersonDto, PlaceDto, PollDto, RuleDto, TargetDto, TextDto,
};
use phieu_core::{ItemKind, Lang, Matter, Poll, PollError, PollKind, Preset, TargetBase};
use serde::{Deserialize, Serialize};

use super::meeting::Voting;
use super::{Notice, VoterAction};

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
}

impl Label {
    pub fn new(vi: &str, en: &str) -> Label {
        Label {
            vi: vi.into(),
            en: en.into(),
            en_for: None,
        }
    }

    /// Whether the Vietnamese was changed after the English was written, so the English may no
    /// longer say the same (the designer flags it beside the English field).
    pub fn en_is_stale(&self) -> bool {
        !self.en.trim().is_empty() && self.en_for.as_ref().is_some_and(|was| *was != self.vi)
    }

    fn from_text(text: &phieu_core::Text) -> Label {
        Label::new(text.vi(), text.en().unwrap_or(""))
    }

    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Vi => &self.vi,
            Lang::En => &self.en,
        }
    }

    fn set(&mut self, lang: Lang, value: String) {
        match lang {
            Lang::Vi => {
                if !self.en.trim().is_empty() && self.en_for.is_none() {
                    self.en_for = Some(std::mem::take(&mut self.vi));
                }
                self.vi = value;
            }
            Lang::En => {
                // English typed now is written for the Vietnamese as it stands.
                self.en = value;
                self.en_for = None;
            }
        }
    }

    fn is_blank(&self) -> bool {
        self.vi.trim().is_empty() && self.en.trim().is_empty()
    }

    /// The format's Text: English only when typed (an empty English field means none).
    fn to_dto(&self) -> TextDto {
        TextDto {
            vi: self.vi.clone(),
            en: (!self.en.trim().is_empty()).then(|| self.en.clone()),
        }
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

    fn each_mut(&mut self, f: &mut impl FnMut(&mut ShowIf)) {
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

    fn has_person(&self) -> bool {
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

// ---------------------------------------------------------------------------------------------
// The questions the designer offers, with the wording the law fixes (domain brief, "Ballot
// wording"; docs/poll-format.md §Kinds).

/// A kind of question the officer can add in one tap, already worded.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ItemPreset {
    /// Đồng ý / Không đồng ý / Ý kiến khác (D59 5.2d).
    Decision,
    /// An election with a list of candidates, one option per name (D59 3.5d).
    Candidates,
    /// An election with one candidate: Đồng ý / Không đồng ý, the item naming the person.
    OneCandidate,
    /// A board with several seats (Ban Thanh tra nhân dân, Ban Giám sát đầu tư của cộng đồng):
    /// a `multiple` item of candidates whose `max` is the number of seats (docs/poll-format.md
    /// §Board elections; docs/legal.md §7).
    Board,
    /// Tín nhiệm cao / Tín nhiệm / Tín nhiệm thấp for one official (R96 3).
    Rating,
    /// Tín nhiệm / Không tín nhiệm for one official (R96, L87 64).
    ConfidenceVote,
    YesNo,
    /// Hài lòng / Không hài lòng (new-rural satisfaction surveys).
    Satisfaction,
    Single,
    Multiple,
    /// Rất không hài lòng … Rất hài lòng, valued 1 to 5.
    Scale5,
    Number,
    Text,
}

impl ItemPreset {
    /// The questions that fit a poll of `kind`: in every kind but a survey each single-choice
    /// item is decided by the rule and must carry the rule's options, so only those are offered
    /// besides the undecided types.
    pub fn for_kind(kind: PollKind) -> &'static [ItemPreset] {
        use ItemPreset as P;
        match kind {
            PollKind::Decision => &[P::Decision, P::Multiple, P::Scale5, P::Number, P::Text],
            PollKind::Election => &[P::Candidates, P::OneCandidate, P::Board, P::Text],
            PollKind::ConfidenceRating => &[P::Rating, P::Text],
            PollKind::ConfidenceVote => &[P::ConfidenceVote, P::Text],
            PollKind::Survey => &[
                P::YesNo,
                P::Satisfaction,
                P::Single,
                P::Multiple,
                P::Scale5,
                P::Number,
                P::Text,
            ],
        }
    }

    fn item_type(self) -> ItemType {
        match self {
            ItemPreset::Multiple | ItemPreset::Board => ItemType::Multiple,
            ItemPreset::Scale5 => ItemType::Scale,
            ItemPreset::Number => ItemType::Number,
            ItemPreset::Text => ItemType::Text,
            _ => ItemType::Single,
        }
    }
}

/// A standard option: its id (fixed where a rule counts it), its words and whether it takes
/// the voter's own words.
struct Standard {
    id: &'static str,
    vi: &'static str,
    en: &'static str,
    free_text: bool,
}

const fn std_option(id: &'static str, vi: &'static str, en: &'static str) -> Standard {
    Standard {
        id,
        vi,
        en,
        free_text: false,
    }
}

const AGREE: Standard = std_option("dong_y", "Đồng ý", "Agree");
const DISAGREE: Standard = std_option("khong_dong_y", "Không đồng ý", "Disagree");
const OTHER_OPINION: Standard = Standard {
    id: "y_kien_khac",
    vi: "Ý kiến khác",
    en: "Other opinion",
    free_text: true,
};
const HIGH_CONFIDENCE: Standard = std_option("tin_nhiem_cao", "Tín nhiệm cao", "High confidence");
const CONFIDENCE: Standard = std_option("tin_nhiem", "Tín nhiệm", "Confidence");
const LOW_CONFIDENCE: Standard = std_option("tin_nhiem_thap", "Tín nhiệm thấp", "Low confidence");
const NO_CONFIDENCE: Standard = std_option("khong_tin_nhiem", "Không tín nhiệm", "No confidence");
const YES: Standard = std_option("co", "Có", "Yes");
const NO: Standard = std_option("khong", "Không", "No");
const SATISFIED: Standard = std_option("hai_long", "Hài lòng", "Satisfied");
const NOT_SATISFIED: Standard = std_option("khong_hai_long", "Không hài lòng", "Not satisfied");
const SCALE5: [Standard; 5] = [
    std_option(
        "rat_khong_hai_long",
        "Rất không hài lòng",
        "Very dissatisfied",
    ),
    std_option("khong_hai_long", "Không hài lòng", "Dissatisfied"),
    std_option("binh_thuong", "Bình thường", "Neither"),
    std_option("hai_long", "Hài lòng", "Satisfied"),
    std_option("rat_hai_long", "Rất hài lòng", "Very satisfied"),
];

/// The option ids the rule counts on a decided item of `kind`, and whether they must be the
/// item's only options (docs/poll-format.md §Kinds). `agree_disagree` is whether an election
/// item is the one-candidate form.
fn fixed_options(kind: PollKind, agree_disagree: bool) -> (&'static [Standard], bool) {
    match kind {
        PollKind::Decision => (&[AGREE, DISAGREE], false),
        PollKind::Election if agree_disagree => (&[AGREE, DISAGREE], true),
        PollKind::ConfidenceRating => (&[HIGH_CONFIDENCE, CONFIDENCE, LOW_CONFIDENCE], true),
        PollKind::ConfidenceVote => (&[CONFIDENCE, NO_CONFIDENCE], true),
        PollKind::Election | PollKind::Survey => (&[], false),
    }
}

// ---------------------------------------------------------------------------------------------
// Edits

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
            next_key: 1,
        }
    }

    /// A copy of a checked poll to edit (a template, an imported file, the poll on setup).
    /// `Draft::from_poll(p).check()` gives back `p`, with the same hash.
    pub fn from_poll(poll: &Poll) -> Draft {
        let mut draft = Draft::blank(poll.kind(), poll.id().to_owned());
        draft.title = Label::from_text(poll.title());
        draft.subject = poll.subject().map(Label::from_text).unwrap_or_default();
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
                label: Label::from_text(item.label()),
                person_name: item
                    .person()
                    .map(|p| p.name().to_owned())
                    .unwrap_or_default(),
                person_position: item
                    .person()
                    .and_then(|p| p.position())
                    .map(Label::from_text)
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
                    label: Label::from_text(choice.label()),
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

    fn new_key(&mut self) -> u32 {
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
    fn with_matter_from_preset(mut self) -> Draft {
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

    /// Whether option `option` of item `index` is one the rule counts: it can be relabelled,
    /// but not deleted or given another id.
    pub fn locked_option(&self, index: usize, option: usize) -> bool {
        if !self.decided(index) {
            return false;
        }
        let item = &self.items[index];
        let Some(o) = item.options.get(option) else {
            return false;
        };
        let (fixed, _) = fixed_options(self.kind, self.agree_disagree(item));
        fixed.iter().any(|s| s.id == o.id)
    }

    /// Whether new options may be added to item `index` (not where the rule fixes them all).
    pub fn options_open(&self, index: usize) -> bool {
        match self.items.get(index) {
            Some(item) if item.kind.has_options() => {
                !self.decided(index) || !fixed_options(self.kind, self.agree_disagree(item)).1
            }
            _ => false,
        }
    }

    /// Whether the person fields matter for item `index`: rating and confidence-vote rows, an
    /// election's one candidate, or any item that already names someone.
    pub fn shows_person(&self, index: usize) -> bool {
        let Some(item) = self.items.get(index) else {
            return false;
        };
        item.has_person()
            || (self.decided(index)
                && match self.kind {
                    PollKind::ConfidenceRating | PollKind::ConfidenceVote => true,
                    PollKind::Election => self.agree_disagree(item),
                    _ => false,
                })
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

    /// An election item is in its one-candidate form when it offers agree or disagree.
    fn agree_disagree(&self, item: &ItemDraft) -> bool {
        self.kind == PollKind::Election
            && item
                .options
                .iter()
                .any(|o| o.id == AGREE.id || o.id == DISAGREE.id)
    }

    /// A fresh item id `q1`, `q2`, … that no item has.
    fn fresh_item_id(&self) -> String {
        (self.items.len() + 1..)
            .map(|n| format!("q{n}"))
            .find(|id| self.items.iter().all(|i| &i.id != id))
            .unwrap_or_default()
    }

    fn standard(&mut self, s: &Standard) -> OptionDraft {
        OptionDraft {
            key: self.new_key(),
            id: s.id.into(),
            label: Label::new(s.vi, s.en),
            free_text: s.free_text,
            value: String::new(),
        }
    }

    fn blank_option(&mut self, item: &ItemDraft) -> OptionDraft {
        let id = (item.options.len() + 1..)
            .map(|n| format!("o{n}"))
            .find(|id| item.options.iter().all(|o| &o.id != id))
            .unwrap_or_default();
        OptionDraft {
            key: self.new_key(),
            id,
            label: Label::default(),
            free_text: false,
            value: String::new(),
        }
    }

    fn new_item(&mut self, preset: ItemPreset) -> ItemDraft {
        let mut item = ItemDraft {
            key: self.new_key(),
            id: self.fresh_item_id(),
            kind: preset.item_type(),
            // A comment field is optional; every other question expects an answer.
            required: preset != ItemPreset::Text,
            label: Label::default(),
            person_name: String::new(),
            person_position: Label::default(),
            show_if: None,
            kept_show_if: None,
            options: Vec::new(),
            choose_min: String::new(),
            choose_max: String::new(),
            min: String::new(),
            max: String::new(),
            max_len: String::new(),
        };
        let standards: &[Standard] = match preset {
            ItemPreset::Decision => &[AGREE, DISAGREE, OTHER_OPINION],
            ItemPreset::OneCandidate => &[AGREE, DISAGREE],
            ItemPreset::Rating => &[HIGH_CONFIDENCE, CONFIDENCE, LOW_CONFIDENCE],
            ItemPreset::ConfidenceVote => &[CONFIDENCE, NO_CONFIDENCE],
            ItemPreset::YesNo => &[YES, NO],
            ItemPreset::Satisfaction => &[SATISFIED, NOT_SATISFIED],
            ItemPreset::Scale5 => &SCALE5,
            _ => &[],
        };
        for s in standards {
            let option = self.standard(s);
            item.options.push(option);
        }
        if preset == ItemPreset::Scale5 {
            for (n, o) in item.options.iter_mut().enumerate() {
                o.value = (n + 1).to_string();
            }
        }
        if preset == ItemPreset::Board {
            // The number of seats is set per election (domain brief, "Boards with several
            // seats"): left for the officer to type, and asked for until typed.
            item.choose_min = "0".into();
            for _ in 0..3 {
                let option = self.blank_option(&item);
                item.options.push(option);
            }
        }
        if matches!(
            preset,
            ItemPreset::Candidates | ItemPreset::Single | ItemPreset::Multiple
        ) {
            for _ in 0..2 {
                let option = self.blank_option(&item);
                item.options.push(option);
            }
        }
        if preset == ItemPreset::Number {
            item.min = "0".into();
            item.max = "100".into();
        }
        item
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

    /// One condition with today's ids (an answer since deleted is left out; an emptied list
    /// is then the core's problem to name).
    fn condition_dto(&self, c: &ShowIf) -> Option<ConditionDto> {
        let target = &self.items[self.item_at(c.item)?];
        let any_of: Vec<String> = c
            .any_of
            .iter()
            .filter_map(|k| target.option_at(*k).map(|j| target.options[j].id.clone()))
            .collect();
        Some(ConditionDto {
            item: Some(target.id.clone()),
            any_of: Some(any_of),
            ..ConditionDto::default()
        })
    }

    fn kept_dto(&self, k: &KeptShowIf) -> Option<ConditionDto> {
        match k {
            KeptShowIf::When(c) => self.condition_dto(c),
            KeptShowIf::All(parts) | KeptShowIf::Any(parts) => {
                let parts: Vec<ConditionDto> = parts
                    .iter()
                    .map(|p| self.kept_dto(p))
                    .collect::<Option<_>>()?;
                Some(if matches!(k, KeptShowIf::All(_)) {
                    ConditionDto {
                        all: Some(parts),
                        ..ConditionDto::default()
                    }
                } else {
                    ConditionDto {
                        any: Some(parts),
                        ..ConditionDto::default()
                    }
                })
            }
        }
    }

    /// Takes every reference to option `key` of item `item` out of the conditions and the
    /// target (the option is gone or no longer what they meant).
    fn forget_option(&mut self, item: u32, key: u32) {
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

    fn standard_options(&mut self, i: usize) {
        let Some(item) = self.items.get(i).cloned() else {
            return;
        };
        if !self.decided(i) {
            return;
        }
        let (fixed, exact) = fixed_options(self.kind, self.agree_disagree(&item));
        if fixed.is_empty() {
            return;
        }
        let mut options = Vec::new();
        for s in fixed {
            match item.options.iter().find(|o| o.id == s.id) {
                Some(existing) => options.push(OptionDraft {
                    free_text: false,
                    ..existing.clone()
                }),
                None => options.push(self.standard(s)),
            }
        }
        if !exact {
            options.extend(
                item.options
                    .iter()
                    .filter(|o| fixed.iter().all(|s| s.id != o.id))
                    .cloned(),
            );
        }
        let gone: Vec<u32> = item
            .options
            .iter()
            .filter(|o| options.iter().all(|k| k.key != o.key))
            .map(|o| o.key)
            .collect();
        self.items[i].options = options;
        for key in gone {
            self.forget_option(item.key, key);
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

/// The keys of `item`'s options with the ids `ids`, in that order.
fn option_keys(item: &ItemDraft, ids: &[String]) -> Vec<u32> {
    ids.iter()
        .filter_map(|id| item.options.iter().find(|o| &o.id == id).map(|o| o.key))
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Fields and problems

/// Where on the form a field of the draft is. Core errors name a JSON path
/// (`items[2].options[0].label.vi`); [`Field::of_path`] turns it into one of these.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    /// The poll as a whole: a problem the designer cannot place on one field.
    Poll,
    PollId,
    Kind,
    Title(Lang),
    Subject(Lang),
    Commune,
    Village,
    Preset,
    /// What a decision decides.
    Matter,
    /// The survey target's item, its options, and its fraction.
    TargetItem,
    TargetOptions,
    TargetFraction,
    /// The list of questions (none at all, none the rule can decide, too many).
    Items,
    Item(usize, ItemField),
}

/// A field of one item.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ItemField {
    /// The item as a whole.
    Whole,
    Id,
    Type,
    Label(Lang),
    /// The person's name (also where "this item must name a person" belongs).
    PersonName,
    PersonPosition(Lang),
    /// The question the item is shown after (also "a decided item is shown to everyone").
    ShowIfItem,
    ShowIfAnswers,
    /// The list of options (too few, not the ones the rule counts).
    Options,
    /// The lower and upper bound: of a number, or of how many options a `multiple` allows.
    Min,
    Max,
    MaxLen,
    Option(usize, OptionField),
}

/// A field of one option.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum OptionField {
    Whole,
    Id,
    Label(Lang),
    FreeText,
    Value,
}

/// One segment of a core path: a name and an optional index (`options[2]`).
fn segments(path: &str) -> Vec<(&str, Option<usize>)> {
    if path.is_empty() {
        return Vec::new();
    }
    path.split('.')
        .map(|seg| match seg.split_once('[') {
            Some((name, rest)) => (name, rest.trim_end_matches(']').parse().ok()),
            None => (seg, None),
        })
        .collect()
}

fn lang_of(rest: &[(&str, Option<usize>)]) -> Lang {
    match rest {
        [("en", None)] => Lang::En,
        _ => Lang::Vi,
    }
}

impl Field {
    /// The field a core error path names (docs/poll-format.md: every error names its path).
    /// A path the designer has no field for falls back to the nearest whole it belongs to.
    pub fn of_path(path: &str) -> Field {
        match segments(path).as_slice() {
            [("id", None)] => Field::PollId,
            [("kind", None)] => Field::Kind,
            [("title", None), rest @ ..] => Field::Title(lang_of(rest)),
            [("subject", None), rest @ ..] => Field::Subject(lang_of(rest)),
            [("place", None), ("commune", None)] => Field::Commune,
            [("place", None), ("village", None)] => Field::Village,
            [("rule", None), ("preset", None)] => Field::Preset,
            [("rule", None), ("matter", None)] => Field::Matter,
            [("rule", None), ("target", None), ("item", None)] => Field::TargetItem,
            [("rule", None), ("target", None), ("options", _)] => Field::TargetOptions,
            [("rule", None), ("target", None), ..] => Field::TargetFraction,
            [("items", None)] => Field::Items,
            [("items", Some(i)), rest @ ..] => Field::Item(*i, item_field(rest)),
            _ => Field::Poll,
        }
    }
}

fn item_field(rest: &[(&str, Option<usize>)]) -> ItemField {
    match rest {
        [("id", None)] => ItemField::Id,
        [("type", None)] => ItemField::Type,
        [("label", None), r @ ..] => ItemField::Label(lang_of(r)),
        [("person", None)] | [("person", None), ("name", None)] => ItemField::PersonName,
        [("person", None), ("position", None), r @ ..] => ItemField::PersonPosition(lang_of(r)),
        [("show_if", None)] | [("show_if", None), ("item", None)] => ItemField::ShowIfItem,
        [("show_if", None), ("any_of", _), ..] => ItemField::ShowIfAnswers,
        // A kept combined condition is not edited field by field: its problems show at the
        // question's choice of condition.
        [("show_if", None), ("all" | "any", _), ..] => ItemField::ShowIfItem,
        [("options", None)] => ItemField::Options,
        [("options", Some(j)), r @ ..] => ItemField::Option(*j, option_field(r)),
        [("min", None)] => ItemField::Min,
        [("max", None)] => ItemField::Max,
        [("max_len", None)] => ItemField::MaxLen,
        _ => ItemField::Whole,
    }
}

fn option_field(rest: &[(&str, Option<usize>)]) -> OptionField {
    match rest {
        [("id", None)] => OptionField::Id,
        [("label", None), r @ ..] => OptionField::Label(lang_of(r)),
        [("free_text", None)] => OptionField::FreeText,
        [("value", None)] => OptionField::Value,
        _ => OptionField::Whole,
    }
}

/// What is wrong with a field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    /// The core refused the poll here (its error carries the reason and the data).
    Core(PollError),
    /// What was typed in a number field is not a whole number (the core never sees it).
    NotANumber { text: String },
    /// A board's number of seats is not typed: the format would take every candidate as a
    /// seat, which no election means (docs/poll-format.md §Board elections).
    SeatsMissing,
}

/// A problem and the field it belongs next to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldProblem {
    pub field: Field,
    pub problem: Problem,
}

/// A typed number: empty is `None`; anything else must be a whole number.
fn number<T: std::str::FromStr>(
    field: Field,
    text: &str,
    problems: &mut Vec<FieldProblem>,
) -> Option<T> {
    let t = text.trim();
    if t.is_empty() {
        return None;
    }
    match t.parse() {
        Ok(n) => Some(n),
        Err(_) => {
            problems.push(FieldProblem {
                field,
                problem: Problem::NotANumber { text: t.to_owned() },
            });
            None
        }
    }
}

impl Draft {
    /// The poll in the format of docs/poll-format.md, and the problems of the number fields
    /// that could not be written into it (those fields are left out, or 0 where required, and
    /// the core's own complaint about them is then not shown twice).
    fn to_dto(&self) -> (PollDto, Vec<FieldProblem>) {
        let mut problems = Vec::new();
        let matter = match (self.kind, self.matter) {
            (PollKind::Decision, Some(matter)) => Some(matter.name().to_owned()),
            _ => None,
        };
        let target = match (self.preset, &self.target) {
            (Preset::None, Some(t)) => {
                let item = t.item.and_then(|k| self.item_at(k)).map(|i| &self.items[i]);
                let ids: Vec<String> = item
                    .map(|item| {
                        t.options
                            .iter()
                            .filter_map(|k| item.option_at(*k).map(|j| item.options[j].id.clone()))
                            .collect()
                    })
                    .unwrap_or_default();
                let fraction = Field::TargetFraction;
                let numerator: u64 = number(fraction, &t.numerator, &mut problems).unwrap_or(0);
                let denominator: u64 = number(fraction, &t.denominator, &mut problems).unwrap_or(0);
                Some(TargetDto {
                    item: item.map(|i| i.id.clone()).unwrap_or_default(),
                    options: ids,
                    numerator,
                    denominator,
                    of: t.of_ballots.then(|| TargetBase::Ballots.name().to_owned()),
                })
            }
            _ => None,
        };
        let items: Vec<ItemDto> = (0..self.items.len())
            .map(|i| self.item_dto(i, &mut problems))
            .collect();
        for i in (0..self.items.len()).filter(|&i| self.board(i)) {
            let max = Field::Item(i, ItemField::Max);
            if self.items[i].choose_max.trim().is_empty() && problems.iter().all(|p| p.field != max)
            {
                problems.push(FieldProblem {
                    field: max,
                    problem: Problem::SeatsMissing,
                });
            }
        }
        let poll = PollDto {
            format: phieu_core::poll::POLL_FORMAT.into(),
            version: phieu_core::poll::POLL_VERSION,
            id: self.id.clone(),
            kind: self.kind.name().into(),
            title: self.title.to_dto(),
            subject: (!self.subject.is_blank()).then(|| self.subject.to_dto()),
            place: PlaceDto {
                commune: self.commune.clone(),
                village: self.village.clone(),
            },
            rule: RuleDto {
                preset: self.preset.name().into(),
                matter,
                target,
            },
            items,
        };
        (poll, problems)
    }

    fn item_dto(&self, i: usize, problems: &mut Vec<FieldProblem>) -> ItemDto {
        let item = &self.items[i];
        let at = |f: ItemField| Field::Item(i, f);
        let person = item.has_person().then(|| PersonDto {
            name: item.person_name.clone(),
            position: (!item.person_position.is_blank()).then(|| item.person_position.to_dto()),
        });
        // A condition always names an item still in the draft (deleting an item deletes the
        // conditions on it).
        let show_if = match (&item.show_if, &item.kept_show_if) {
            (Some(c), _) => self.condition_dto(c),
            (None, Some(k)) => self.kept_dto(k),
            (None, None) => None,
        };
        let mut v = ItemDto {
            id: item.id.clone(),
            kind: item.kind.name().into(),
            required: item.required,
            label: item.label.to_dto(),
            person,
            show_if,
            options: None,
            min: None,
            max: None,
            max_len: None,
            publish: None,
        };
        match item.kind {
            ItemType::Single | ItemType::Multiple | ItemType::Scale => {
                let scale = item.kind == ItemType::Scale;
                let options: Vec<ChoiceDto> = item
                    .options
                    .iter()
                    .enumerate()
                    .map(|(j, o)| {
                        let field = at(ItemField::Option(j, OptionField::Value));
                        ChoiceDto {
                            id: o.id.clone(),
                            label: o.label.to_dto(),
                            free_text: o.free_text && !scale,
                            value: if scale {
                                number::<i64>(field, &o.value, problems)
                            } else {
                                None
                            },
                        }
                    })
                    .collect();
                v.options = Some(options);
                if self.board(i) {
                    // A voter may keep no name at all (a blank ballot for the board).
                    v.min = Some(0);
                    v.max = number::<i64>(at(ItemField::Max), &item.choose_max, problems);
                } else if item.kind == ItemType::Multiple {
                    v.min = number::<i64>(at(ItemField::Min), &item.choose_min, problems);
                    v.max = number::<i64>(at(ItemField::Max), &item.choose_max, problems);
                }
            }
            ItemType::Number => {
                v.min = number::<i64>(at(ItemField::Min), &item.min, problems);
                v.max = number::<i64>(at(ItemField::Max), &item.max, problems);
            }
            ItemType::Text => {
                // A length is a count: "-1" is not one, so it is refused here like "abc".
                v.max_len = number::<u64>(at(ItemField::MaxLen), &item.max_len, problems);
            }
        }
        v
    }

    /// The draft as a poll, or every problem to fix first. The number fields are checked here
    /// (all of them); the rest is the core's `Poll::try_from` (the checks of `Poll::from_json`
    /// after the JSON is read), which stops at its first
    /// problem, in the order of the document: the officer fixes it, and the next one shows.
    pub fn check(&self) -> Result<Poll, Vec<FieldProblem>> {
        let (dto, mut problems) = self.to_dto();
        match Poll::try_from(dto) {
            Ok(poll) if problems.is_empty() => Ok(poll),
            Ok(_) => Err(problems),
            Err(e) => {
                let field = Field::of_path(e.path());
                if problems.iter().all(|p| p.field != field) {
                    problems.push(FieldProblem {
                        field,
                        problem: Problem::Core(e),
                    });
                }
                Err(problems)
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Drafts on the device

/// The record format of the drafts store: the draft and when it was last saved (for the
/// order of the list; a draft is not a ballot, and its time reveals nothing about a vote).
pub const DRAFT_FORMAT: &str = "phieu/draft";

/// The version of the draft record this build writes. Version 2 (bundle format 2) added a
/// decision's `matter`; a record without `version` is version 1, from before it.
pub const DRAFT_VERSION: u32 = 2;

fn version_one() -> u32 {
    1
}

/// A draft as stored, under its own random `key`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SavedDraft {
    pub format: String,
    #[serde(default = "version_one")]
    pub version: u32,
    pub key: String,
    pub saved_ms: f64,
    pub draft: Draft,
}

impl SavedDraft {
    pub fn new(key: String, saved_ms: f64, draft: Draft) -> SavedDraft {
        SavedDraft {
            format: DRAFT_FORMAT.into(),
            version: DRAFT_VERSION,
            key,
            saved_ms,
            draft,
        }
    }

    /// The record's text.
    pub fn encode(&self) -> String {
        // Strings, numbers and booleans only: serialising cannot fail.
        serde_json::to_string(self).unwrap_or_default()
    }

    /// A record read back, or `None` when it is not a draft this build can read. A version 1
    /// decision opens with the matter of its preset, and is version 2 from then on.
    pub fn decode(text: &str) -> Option<SavedDraft> {
        let mut saved = serde_json::from_str::<SavedDraft>(text)
            .ok()
            .filter(|d| d.format == DRAFT_FORMAT && d.version <= DRAFT_VERSION)?;
        if saved.version < 2 {
            saved.draft = saved.draft.with_matter_from_preset();
            saved.version = DRAFT_VERSION;
        }
        Some(saved)
    }
}

/// One line of the list of drafts.
#[derive(Clone, Debug, PartialEq)]
pub struct DraftSummary {
    pub key: String,
    pub title: String,
    pub kind: PollKind,
    pub items: usize,
    /// When it was last saved (ms since the epoch), to tell two drafts of one title apart.
    pub saved_ms: f64,
}

// ---------------------------------------------------------------------------------------------
// The designer's session

/// Whether the open draft is on disk.
#[derive(Clone, Debug, PartialEq)]
pub enum SaveState {
    Saved,
    /// Edited since the last save; a save is due shortly.
    Unsaved,
    /// The last save failed (storage full, refused): the draft is still here, in memory.
    Failed(Notice),
}

/// The draft being edited.
#[derive(Clone, Debug, PartialEq)]
pub struct OpenDraft {
    pub key: String,
    pub draft: Draft,
    /// Counts edits; a save reports the revision it wrote, so an older save finishing late
    /// never marks newer edits as saved.
    pub revision: u64,
    pub save: SaveState,
}

/// The voter's screens over the draft's poll, where nothing is cast.
#[derive(Clone, Debug, PartialEq)]
pub struct Preview {
    pub poll: Rc<Poll>,
    pub voting: Voting,
    /// The voter confirmed: the preview says nothing was cast.
    pub finished: bool,
}

/// The designer: the drafts on this device, the one open, the preview.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Designer {
    /// The saved drafts, most recent first; `None` until read.
    pub drafts: Option<Vec<DraftSummary>>,
    /// Records in the store this build cannot read (kept, never deleted).
    pub unreadable: usize,
    pub open: Option<OpenDraft>,
    pub preview: Option<Preview>,
    /// Why the last import, template or storage action failed.
    pub notice: Option<Notice>,
}

/// How a new draft starts.
#[derive(Clone, Debug, PartialEq)]
pub enum NewDraft {
    Blank(PollKind),
    /// A copy of a checked poll: a template, a file, the poll chosen on setup.
    Copy(Rc<Poll>),
}

/// What happens to the designer.
#[derive(Clone, Debug)]
pub enum DesignerAction {
    /// The drafts store was read: each record's text.
    Listed(Vec<String>),
    /// Opens a draft: a saved one (`stored`), or a new one (blank, from a template or a file,
    /// a copy of a poll), which is saved at once.
    Open {
        key: String,
        draft: Box<Draft>,
        stored: bool,
    },
    /// Back to the list; the draft stays saved.
    Close,
    Edit(Edit),
    /// The save of `revision` is on disk.
    Saved(u64),
    SaveFailed(Notice),
    /// A saved draft was deleted.
    Deleted(String),
    /// Shows the voter's screens over this poll (a checked copy of the draft).
    StartPreview(Rc<Poll>),
    Vote(VoterAction),
    EndPreview,
    Notice(Option<Notice>),
}

fn summary(saved: &SavedDraft) -> DraftSummary {
    DraftSummary {
        key: saved.key.clone(),
        title: saved.draft.title.vi.clone(),
        kind: saved.draft.kind,
        items: saved.draft.items.len(),
        saved_ms: saved.saved_ms,
    }
}

impl Designer {
    /// The designer after `action`.
    pub fn apply(&self, action: DesignerAction) -> Designer {
        let mut next = self.clone();
        match action {
            DesignerAction::Listed(records) => {
                let mut read: Vec<SavedDraft> = records
                    .iter()
                    .filter_map(|r| SavedDraft::decode(r))
                    .collect();
                next.unreadable = records.len() - read.len();
                read.sort_by(|a, b| b.saved_ms.total_cmp(&a.saved_ms));
                next.drafts = Some(read.iter().map(summary).collect());
            }
            DesignerAction::Open { key, draft, stored } => {
                next.open = Some(OpenDraft {
                    key,
                    draft: *draft,
                    revision: 0,
                    save: if stored {
                        SaveState::Saved
                    } else {
                        SaveState::Unsaved
                    },
                });
                next.preview = None;
                next.notice = None;
            }
            DesignerAction::Close => {
                next.open = None;
                next.preview = None;
            }
            DesignerAction::Edit(edit) => {
                if let Some(open) = &mut next.open {
                    open.draft = open.draft.apply(edit);
                    open.revision += 1;
                    open.save = SaveState::Unsaved;
                }
            }
            DesignerAction::Saved(revision) => {
                if let Some(open) = next.open.as_mut().filter(|o| o.revision == revision) {
                    open.save = SaveState::Saved;
                }
            }
            DesignerAction::SaveFailed(why) => {
                if let Some(open) = &mut next.open {
                    open.save = SaveState::Failed(why);
                }
            }
            DesignerAction::Deleted(key) => {
                if let Some(list) = &mut next.drafts {
                    list.retain(|d| d.key != key);
                }
                if next.open.as_ref().is_some_and(|o| o.key == key) {
                    next.open = None;
                }
            }
            DesignerAction::StartPreview(poll) => {
                next.preview = Some(Preview {
                    voting: Voting::new(&poll, false),
                    poll,
                    finished: false,
                });
            }
            DesignerAction::Vote(v) => {
                if let Some(p) = &mut next.preview {
                    let poll = &p.poll;
                    match v {
                        VoterAction::Answer(i, a) => p.voting = p.voting.answer(poll, i, a),
                        VoterAction::Forward => p.voting = p.voting.forward(poll),
                        VoterAction::Back => p.voting = p.voting.back(poll),
                        VoterAction::Change(i) => p.voting = p.voting.change(i),
                        // Nothing is cast from a preview: it ends with a word saying so.
                        VoterAction::Confirm => p.finished = true,
                    }
                }
            }
            DesignerAction::EndPreview => next.preview = None,
            DesignerAction::Notice(n) => next.notice = n,
        }
        next
    }

    /// The record to write for the open draft now, with the revision it holds; `None` when
    /// nothing needs saving.
    pub fn to_save(&self, now_ms: f64) -> Option<(u64, String)> {
        let open = self.open.as_ref()?;
        (open.save != SaveState::Saved).then(|| {
            let saved = SavedDraft::new(open.key.clone(), now_ms, open.draft.clone());
            (open.revision, saved.encode())
        })
    }
}

#[cfg(test)]
mod tests;
