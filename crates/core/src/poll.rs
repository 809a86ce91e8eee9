//! Poll definitions: what is asked, of whom, and by which rule it is decided. A poll arrives as
//! JSON (docs/poll-format.md), is read into the raw `dto` shape, and is then checked into a
//! `Poll` whose invariants hold for the rest of the program: ids are unique, options exist,
//! skip logic only looks backwards, and the rule preset fits the kind of poll (domain brief,
//! "Rule presets"). The poll hash is SHA-256 over the canonical encoding of the checked poll
//! (docs/bundle-format.md §Poll hash), so it does not depend on JSON key order or whitespace.
//!
//! This module holds the types and their readers; the checks that turn the raw shape into a
//! `Poll` are in `check`, the canonical encoding behind the hash in `canonical`, and the way back
//! from a `Poll` to its raw shape (`to_json`) in `write`.

mod canonical;
mod check;
pub mod dto;
mod error;
mod write;

pub use error::{PollError, PollErrorKind};

use crate::encoding::digest_newtype;
use crate::i18n::rule_words;
use crate::lang::{Lang, LangTag, Text};
use canonical::encode;
use dto::PollDto;

digest_newtype!(
    /// SHA-256 of a poll's canonical encoding (docs/bundle-format.md §Poll hash). Every ballot
    /// commitment includes it, so a ballot cannot be moved to another poll.
    PollHash
);

/// The `format` field every poll document carries.
pub const POLL_FORMAT: &str = "phieu/poll";
/// The only poll format version this crate reads and writes.
pub const POLL_VERSION: u64 = 1;

// Limits keep a hostile or mistaken file from making the tablet allocate without bound; they are
// far above any real village poll (docs/poll-format.md §Limits).
const MAX_ID: usize = 64;
const MAX_LABEL: usize = 2_000;
/// The most languages one text is written in besides Vietnamese and English: far above a
/// village's needs, low enough that a hostile file cannot multiply a poll's size.
const MAX_LANGUAGES: usize = 8;
const MAX_ITEMS: usize = 500;
const MAX_OPTIONS: usize = 200;
/// The most characters a text item's `max_len` may allow (docs/poll-format.md §Limits): the one
/// bound every writer of a poll (the designer, the XLSForm importer) checks against.
pub const MAX_TEXT_LEN: u64 = 5_000;
/// The most answer tests one `show_if` combines, and how deeply `all`/`any` nest
/// (docs/poll-format.md §Skip logic): far above a real form's gates, low enough that a hostile
/// file cannot make every screen walk a huge tree.
const MAX_CONDITIONS: usize = 32;
const MAX_CONDITION_DEPTH: usize = 3;
const DEFAULT_TEXT_LEN: u64 = 500;

// Option ids the rules count, fixed by the ballot wording of D59 5.2d and R96 (domain brief,
// "Ballot wording"), so that the rule never has to guess which option means "agree".
pub(crate) const AGREE: &str = "dong_y";
pub(crate) const DISAGREE: &str = "khong_dong_y";
pub(crate) const HIGH_CONFIDENCE: &str = "tin_nhiem_cao";
pub(crate) const CONFIDENCE: &str = "tin_nhiem";
pub(crate) const LOW_CONFIDENCE: &str = "tin_nhiem_thap";
pub(crate) const NO_CONFIDENCE: &str = "khong_tin_nhiem";

/// What kind of matter a poll settles; it fixes which rule presets and option sets are allowed
/// (docs/poll-format.md §Kinds).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PollKind {
    /// A community decision: Đồng ý / Không đồng ý / Ý kiến khác (L 15, D59 5.2d).
    Decision,
    /// Electing a village head or board members: a candidate list (D59 3.5d).
    Election,
    /// Lấy phiếu tín nhiệm: high / confidence / low, one item per official (R96 3, L87 63).
    ConfidenceRating,
    /// Bỏ phiếu tín nhiệm: confidence / no confidence (R96, L87 64).
    ConfidenceVote,
    /// An opinion survey: no decision, only counts, shares and means (L 25-28, L 34).
    Survey,
}

impl PollKind {
    pub const ALL: [PollKind; 5] = [
        PollKind::Decision,
        PollKind::Election,
        PollKind::ConfidenceRating,
        PollKind::ConfidenceVote,
        PollKind::Survey,
    ];

    /// The JSON name, such as `"confidence_rating"`.
    pub fn name(self) -> &'static str {
        match self {
            PollKind::Decision => "decision",
            PollKind::Election => "election",
            PollKind::ConfidenceRating => "confidence_rating",
            PollKind::ConfidenceVote => "confidence_vote",
            PollKind::Survey => "survey",
        }
    }

    pub fn from_name(name: &str) -> Option<PollKind> {
        PollKind::ALL.into_iter().find(|k| k.name() == name)
    }

    /// The presets that may decide a poll of this kind (domain brief, "Rule presets").
    pub fn allowed_presets(self) -> &'static [Preset] {
        match self {
            PollKind::Decision => &[
                Preset::TwoThirdsHouseholds,
                Preset::MajorityHouseholds,
                Preset::MajorityPresent,
                Preset::Conference,
            ],
            // D59 3.5d: a village head is elected with more than half of all households.
            PollKind::Election => &[Preset::MajorityHouseholds],
            PollKind::ConfidenceRating => &[Preset::ConfidenceRating],
            PollKind::ConfidenceVote => &[Preset::ConfidenceVote],
            PollKind::Survey => &[Preset::None],
        }
    }
}

/// A rule preset from the domain brief's table; the arithmetic lives in `crate::rule`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Preset {
    /// agree × 3 ≥ households × 2 (L 15.1-2, L 21.1).
    TwoThirdsHouseholds,
    /// agree × 2 > households (L 15.3-6, L 21.1).
    MajorityHouseholds,
    /// agree × 2 > present (D59 3.5).
    MajorityPresent,
    /// low × 2 > delegates; low × 3 ≥ delegates × 2 (R96 3, L87 63).
    ConfidenceRating,
    /// no_confidence × 2 > delegates (R96, L87 64.3).
    ConfidenceVote,
    /// valid iff present × 3 ≥ convened × 2; passes iff agree × 2 > present (L 51, L 69).
    Conference,
    /// No decision (surveys), with an optional target share.
    None,
}

impl Preset {
    pub const ALL: [Preset; 7] = [
        Preset::TwoThirdsHouseholds,
        Preset::MajorityHouseholds,
        Preset::MajorityPresent,
        Preset::ConfidenceRating,
        Preset::ConfidenceVote,
        Preset::Conference,
        Preset::None,
    ];

    /// The JSON name, such as `"two_thirds_households"`.
    pub fn name(self) -> &'static str {
        match self {
            Preset::TwoThirdsHouseholds => "two_thirds_households",
            Preset::MajorityHouseholds => "majority_households",
            Preset::MajorityPresent => "majority_present",
            Preset::ConfidenceRating => "confidence_rating",
            Preset::ConfidenceVote => "confidence_vote",
            Preset::Conference => "conference",
            Preset::None => "none",
        }
    }

    /// The rule in words for an officer, never its JSON name: "quá nửa số người có mặt".
    pub fn words(self, lang: Lang) -> &'static str {
        let w = rule_words(lang);
        match self {
            Preset::TwoThirdsHouseholds => w.preset_two_thirds_households,
            Preset::MajorityHouseholds => w.preset_majority_households,
            Preset::MajorityPresent => w.preset_majority_present,
            Preset::ConfidenceRating => w.preset_confidence_rating,
            Preset::ConfidenceVote => w.preset_confidence_vote,
            Preset::Conference => w.preset_conference,
            Preset::None => w.preset_none,
        }
    }

    pub fn from_name(name: &str) -> Option<Preset> {
        Preset::ALL.into_iter().find(|p| p.name() == name)
    }
}

/// What a community decision is about (docs/poll-format.md §Matters). The law sends each matter
/// to its own rule (docs/legal.md), so a decision poll names its matter and the parser refuses a
/// preset the law does not give that matter: a village rule counted against those present would
/// "pass" with 31 of 60 present, which the law does not allow.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Matter {
    /// Contributions to public works, collecting and spending people's money: at least
    /// two-thirds of all households (L 15.1-2).
    Contribution,
    /// Village rules (hương ước, quy ước): more than half of all households (L 15.3, D61 10).
    VillageRules,
    /// Electing or dismissing ("cho thôi làm") the village head by a decision: more than half
    /// of all households (L 15.4). An election with candidates is a poll of kind `election`.
    VillageHead,
    /// Electing or dismissing members of the People's Inspection Board or the Community
    /// Investment Supervision Board by a decision: more than half of all households (L 15.5).
    Boards,
    /// Other matters the village decides itself: more than half of all households (L 15.4-6).
    SelfGovernance,
    /// A procedural vote at the meeting (secretary, counting board, how to vote): more than half
    /// of those present (D59 3.5).
    Procedural,
    /// A resolution of an agency's or enterprise's staff conference (L 51, L 69).
    Conference,
}

impl Matter {
    pub const ALL: [Matter; 7] = [
        Matter::Contribution,
        Matter::VillageRules,
        Matter::VillageHead,
        Matter::Boards,
        Matter::SelfGovernance,
        Matter::Procedural,
        Matter::Conference,
    ];

    /// The JSON name, such as `"village_rules"`.
    pub fn name(self) -> &'static str {
        match self {
            Matter::Contribution => "contribution",
            Matter::VillageRules => "village_rules",
            Matter::VillageHead => "village_head",
            Matter::Boards => "boards",
            Matter::SelfGovernance => "self_governance",
            Matter::Procedural => "procedural",
            Matter::Conference => "conference",
        }
    }

    pub fn from_name(name: &str) -> Option<Matter> {
        Matter::ALL.into_iter().find(|m| m.name() == name)
    }

    /// The one preset the law gives this matter.
    pub fn preset(self) -> Preset {
        match self {
            Matter::Contribution => Preset::TwoThirdsHouseholds,
            Matter::VillageRules
            | Matter::VillageHead
            | Matter::Boards
            | Matter::SelfGovernance => Preset::MajorityHouseholds,
            Matter::Procedural => Preset::MajorityPresent,
            Matter::Conference => Preset::Conference,
        }
    }
}

/// How a poll is decided: a preset, the matter of a decision, and for surveys an optional target
/// share.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Rule {
    preset: Preset,
    matter: Option<Matter>,
    target: Option<Target>,
}

impl Rule {
    pub fn preset(&self) -> Preset {
        self.preset
    }

    /// What a decision poll decides; `None` for every other kind.
    pub fn matter(&self) -> Option<Matter> {
        self.matter
    }

    pub fn target(&self) -> Option<&Target> {
        self.target.as_ref()
    }
}

/// A survey target such as "at least 90% of households satisfied" (new-rural practice): met
/// when the chosen options' count × denominator ≥ base × numerator, where the base is the total
/// electorate or, when the poll says so, the ballots collected.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Target {
    item: String,
    options: Vec<String>,
    numerator: u64,
    denominator: u64,
    of: TargetBase,
}

/// What a survey target is a share of (issue 16, item 9). A satisfaction target such as "≥ 90%
/// satisfied" is in practice a share of the forms collected, not of every household.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum TargetBase {
    /// The total electorate, as every legal threshold is (the default).
    #[default]
    Electorate,
    /// The ballots (forms) collected.
    Ballots,
}

impl TargetBase {
    /// The JSON name, written only for `Ballots`.
    pub fn name(self) -> &'static str {
        match self {
            TargetBase::Electorate => "electorate",
            TargetBase::Ballots => "ballots",
        }
    }
}

impl Target {
    pub fn item(&self) -> &str {
        &self.item
    }

    /// The option ids whose answers count towards the target.
    pub fn options(&self) -> &[String] {
        &self.options
    }

    pub fn numerator(&self) -> u64 {
        self.numerator
    }

    pub fn denominator(&self) -> u64 {
        self.denominator
    }

    /// What the target is a share of.
    pub fn of(&self) -> TargetBase {
        self.of
    }
}

/// Where the poll is held: the commune and the village (thôn, tổ dân phố). An empty village means
/// a commune-wide poll.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Place {
    commune: String,
    village: String,
}

impl Place {
    pub fn commune(&self) -> &str {
        &self.commune
    }

    pub fn village(&self) -> &str {
        &self.village
    }
}

/// The person an item is about: an official being rated, or the single candidate of an election.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Person {
    name: String,
    position: Option<Text>,
}

impl Person {
    pub fn name(&self) -> &str {
        &self.name
    }

    pub fn position(&self) -> Option<&Text> {
        self.position.as_ref()
    }
}

/// One option of a choice item.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Choice {
    id: String,
    label: Text,
    free_text: bool,
    value: Option<i64>,
}

impl Choice {
    pub fn id(&self) -> &str {
        &self.id
    }

    pub fn label(&self) -> &Text {
        &self.label
    }

    /// Whether choosing this option lets the voter write their own words ("Ý kiến khác").
    pub fn free_text(&self) -> bool {
        self.free_text
    }

    /// The numeric value of a scale point (only on `scale` items), used for means.
    pub fn value(&self) -> Option<i64> {
        self.value
    }
}

/// What a voter may answer to an item (docs/poll-format.md §Item types).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum ItemKind {
    /// Exactly one option (yes/no, satisfaction, decisions, candidates).
    Single { options: Vec<Choice> },
    /// Between `min` and `max` options.
    Multiple {
        options: Vec<Choice>,
        min: u64,
        max: u64,
    },
    /// One point of a scale whose options carry integer values (5-point satisfaction).
    Scale { options: Vec<Choice> },
    /// A whole number in `min..=max`.
    Number { min: i64, max: i64 },
    /// Free text of at most `max_len` characters.
    Text { max_len: u64 },
}

impl ItemKind {
    /// The JSON `type` name.
    pub fn name(&self) -> &'static str {
        match self {
            ItemKind::Single { .. } => "single",
            ItemKind::Multiple { .. } => "multiple",
            ItemKind::Scale { .. } => "scale",
            ItemKind::Number { .. } => "number",
            ItemKind::Text { .. } => "text",
        }
    }

    /// The options of a choice item; empty for number and text.
    pub fn options(&self) -> &[Choice] {
        match self {
            ItemKind::Single { options }
            | ItemKind::Multiple { options, .. }
            | ItemKind::Scale { options } => options,
            ItemKind::Number { .. } | ItemKind::Text { .. } => &[],
        }
    }
}

/// One test of skip logic: the earlier item `item` was answered with one of `any_of`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Condition {
    item: String,
    any_of: Vec<String>,
}

impl Condition {
    pub fn item(&self) -> &str {
        &self.item
    }

    pub fn any_of(&self) -> &[String] {
        &self.any_of
    }
}

/// Skip logic (docs/poll-format.md §Skip logic): one [`Condition`], or several combined. `All`
/// is met when every part is (a consent gate on a group and a question's own test), `Any` when
/// at least one is. Each has at least two parts; the tree is at most
/// [`MAX_CONDITION_DEPTH`] combinations deep with at most [`MAX_CONDITIONS`] conditions.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum ShowIf {
    When(Condition),
    All(Vec<ShowIf>),
    Any(Vec<ShowIf>),
}

impl ShowIf {
    /// The one condition, when this is not a combination (what the designer edits).
    pub fn as_condition(&self) -> Option<&Condition> {
        match self {
            ShowIf::When(c) => Some(c),
            ShowIf::All(_) | ShowIf::Any(_) => None,
        }
    }

    /// Every condition tested, in the order written.
    pub fn conditions(&self) -> Vec<&Condition> {
        let mut out = Vec::new();
        self.collect(&mut out);
        out
    }

    fn collect<'a>(&'a self, out: &mut Vec<&'a Condition>) {
        match self {
            ShowIf::When(c) => out.push(c),
            ShowIf::All(parts) | ShowIf::Any(parts) => {
                parts.iter().for_each(|p| p.collect(out));
            }
        }
    }

    /// Whether it is met, given whether each condition is.
    pub fn is_met(&self, met: &impl Fn(&Condition) -> bool) -> bool {
        match self {
            ShowIf::When(c) => met(c),
            ShowIf::All(parts) => parts.iter().all(|p| p.is_met(met)),
            ShowIf::Any(parts) => parts.iter().any(|p| p.is_met(met)),
        }
    }
}

/// One question of a poll.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Item {
    id: String,
    label: Text,
    kind: ItemKind,
    required: bool,
    person: Option<Person>,
    show_if: Option<ShowIf>,
    publish: bool,
}

impl Item {
    pub fn id(&self) -> &str {
        &self.id
    }

    pub fn label(&self) -> &Text {
        &self.label
    }

    pub fn kind(&self) -> &ItemKind {
        &self.kind
    }

    /// Whether a voter who is shown this item must answer it.
    pub fn required(&self) -> bool {
        self.required
    }

    pub fn person(&self) -> Option<&Person> {
        self.person.as_ref()
    }

    pub fn show_if(&self) -> Option<&ShowIf> {
        self.show_if.as_ref()
    }

    /// Whether written answers to this item (a text item's, or an "Ý kiến khác" option's) appear
    /// in the public summary. The audit bundle keeps them all (docs/security.md §Written answers).
    pub fn publishes_written_answers(&self) -> bool {
        self.publish
    }

    /// The position of option `id` in this item, if it has one.
    pub fn option_index(&self, id: &str) -> Option<usize> {
        self.kind.options().iter().position(|c| c.id == id)
    }
}

/// A checked poll definition. Construct it with `Poll::from_json`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Poll {
    id: String,
    kind: PollKind,
    title: Text,
    subject: Option<Text>,
    place: Place,
    rule: Rule,
    items: Vec<Item>,
    hash: PollHash,
    /// Per item, whether this meeting votes it by hands or on paper rather than on the tablet
    /// ([`Poll::voted_elsewhere`]); empty when none is. Not part of the poll's definition or
    /// hash: a meeting's choice, stated in its minutes (`crate::counted`).
    elsewhere: Vec<bool>,
}

/// A JSON error at `path` (empty: the path is not known), with serde_json's message without
/// the position it ends with (the error carries the line and column).
fn json_error(path: String, e: serde_json::Error) -> PollError {
    let (line, column) = (e.line(), e.column());
    let detail = e.to_string();
    let suffix = format!(" at line {line} column {column}");
    let detail = detail.strip_suffix(&suffix).unwrap_or(&detail).to_owned();
    PollError::new(
        path,
        PollErrorKind::Json {
            line,
            column,
            detail,
        },
    )
}

impl Poll {
    /// The same poll, for a meeting that votes the items `ids` by a show of hands or on paper
    /// (`crate::counted`): the tablet hides them as it hides an item its skip logic leaves
    /// out, so every tablet ballot leaves them blank. The hash is unchanged.
    pub fn voted_elsewhere<'a>(&self, ids: impl IntoIterator<Item = &'a str>) -> Poll {
        let ids: Vec<&str> = ids.into_iter().collect();
        let elsewhere: Vec<bool> = self.items.iter().map(|i| ids.contains(&i.id())).collect();
        Poll {
            elsewhere: if elsewhere.contains(&true) {
                elsewhere
            } else {
                Vec::new()
            },
            ..self.clone()
        }
    }

    /// Whether item `index` is voted by hands or on paper at this meeting, not on the tablet.
    pub fn is_voted_elsewhere(&self, index: usize) -> bool {
        self.elsewhere.get(index).copied().unwrap_or(false)
    }

    /// Whether any item is voted by hands or on paper.
    pub fn any_voted_elsewhere(&self) -> bool {
        !self.elsewhere.is_empty()
    }

    /// Reads and checks a poll definition (docs/poll-format.md).
    pub fn from_json(json: &str) -> Result<Poll, PollError> {
        let de = &mut serde_json::Deserializer::from_str(json);
        let dto: PollDto = serde_path_to_error::deserialize(de).map_err(|e| {
            let path = e.path().to_string();
            json_error(
                if path == "." { String::new() } else { path },
                e.into_inner(),
            )
        })?;
        Poll::try_from(dto)
    }

    /// Reads and checks a poll definition as [`Poll::from_json`] does, with the same checks and
    /// the same errors, except that a JSON syntax or type error names only its line and column,
    /// not its field path (`items[2].options`). Every check after the JSON is read still names
    /// its path. For pages that must stay small (`serde_path_to_error` is a second copy of
    /// every deserializer of the format, 6.8 KB gzip of wasm): the field-survey page, and
    /// reading back a poll that was checked before it was stored.
    pub fn from_json_plain(json: &str) -> Result<Poll, PollError> {
        let dto: PollDto = serde_json::from_str(json).map_err(|e| json_error(String::new(), e))?;
        Poll::try_from(dto)
    }

    /// The poll as JSON in the format's field order, pretty-printed. `Poll::from_json` of the
    /// result gives back an equal poll with the same hash.
    pub fn to_json(&self) -> String {
        // Serialising plain strings, integers and booleans cannot fail.
        serde_json::to_string_pretty(&self.to_dto()).unwrap_or_default()
    }

    pub fn id(&self) -> &str {
        &self.id
    }

    pub fn kind(&self) -> PollKind {
        self.kind
    }

    pub fn title(&self) -> &Text {
        &self.title
    }

    /// The subject line for "BIÊN BẢN KIỂM PHIẾU về việc …" (D59 form 02).
    pub fn subject(&self) -> Option<&Text> {
        self.subject.as_ref()
    }

    pub fn place(&self) -> &Place {
        &self.place
    }

    pub fn rule(&self) -> &Rule {
        &self.rule
    }

    pub fn items(&self) -> &[Item] {
        &self.items
    }

    pub fn item(&self, id: &str) -> Option<&Item> {
        self.items.iter().find(|i| i.id == id)
    }

    /// The items the rule decides: every single-choice item of a poll that is not a survey, and
    /// the multiple-choice items of an election (a board with several seats; docs/poll-format.md
    /// §Kinds).
    pub fn decided_items(&self) -> impl Iterator<Item = (usize, &Item)> {
        let kind = self.kind;
        self.items.iter().enumerate().filter(move |(_, i)| {
            kind != PollKind::Survey
                && (matches!(i.kind, ItemKind::Single { .. })
                    || (kind == PollKind::Election && matches!(i.kind, ItemKind::Multiple { .. })))
        })
    }

    /// Whether this poll is decided at a village meeting of household representatives, valid
    /// only when more than half of them attend: every decision but a staff conference's, and
    /// every election (domain brief, "Quorum"; `rule::decide` applies it).
    pub fn is_village_meeting(&self) -> bool {
        match self.kind {
            PollKind::Decision => self.rule.preset != Preset::Conference,
            PollKind::Election => true,
            _ => false,
        }
    }

    /// Every text of the poll in the order of its canonical encoding (docs/bundle-format.md
    /// §Poll hash): the title, the subject, then each item's label, its person's position and
    /// its options' labels.
    pub fn texts(&self) -> Vec<&Text> {
        let mut out: Vec<&Text> = vec![&self.title];
        out.extend(self.subject.as_ref());
        for item in &self.items {
            out.push(&item.label);
            out.extend(item.person.as_ref().and_then(|p| p.position.as_ref()));
            out.extend(item.kind.options().iter().map(|c| &c.label));
        }
        out
    }

    /// The languages the poll is written in besides Vietnamese and English, sorted by tag: those
    /// a voter may choose to read it in (with English, when the poll has any). A text without one
    /// of them shows its Vietnamese.
    pub fn languages(&self) -> Vec<LangTag> {
        let mut tags: Vec<LangTag> = self
            .texts()
            .into_iter()
            .flat_map(|t| t.others().iter().map(|(tag, _)| tag.clone()))
            .collect();
        tags.sort();
        tags.dedup();
        tags
    }

    /// Whether any text of the poll has English.
    pub fn has_english(&self) -> bool {
        self.texts().iter().any(|t| t.en().is_some())
    }

    /// SHA-256 over the canonical encoding (docs/bundle-format.md §Poll hash).
    pub fn hash(&self) -> PollHash {
        self.hash
    }

    /// The canonical encoding the poll hash is computed over.
    pub fn canonical_bytes(&self) -> Vec<u8> {
        encode(self).bytes().to_vec()
    }
}

/// Whether an item's written answers are published when the poll does not say: not in a
/// survey, whose answers are anonymous and whose words can name their writer; yes in every
/// other kind, whose minutes read "Ý kiến khác" aloud.
fn publishes_by_default(kind: PollKind) -> bool {
    kind != PollKind::Survey
}

#[cfg(test)]
mod tests;
