//! Poll definitions: what is asked, of whom, and by which rule it is decided. A poll arrives as
//! JSON (docs/poll-format.md), is read into the raw `dto` shape, and is then checked into a
//! `Poll` whose invariants hold for the rest of the program: ids are unique, options exist,
//! skip logic only looks backwards, and the rule preset fits the kind of poll (domain brief,
//! "Rule presets"). The poll hash is SHA-256 over the canonical encoding of the checked poll
//! (docs/bundle-format.md §Poll hash), so it does not depend on JSON key order or whitespace.

pub(crate) mod dto;
mod error;

use std::collections::HashSet;

pub use error::{PollError, PollErrorKind};

use crate::encoding::{digest_newtype, Encoder, POLL_TAG};
use crate::lang::{Lang, Text};
use dto::{
    ChoiceDto, ConditionDto, ItemDto, PersonDto, PlaceDto, PollDto, RuleDto, TargetDto, TextDto,
};

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
        let (vi, en) = match self {
            Preset::TwoThirdsHouseholds => (
                "từ hai phần ba tổng số hộ gia đình trở lên đồng ý",
                "at least two-thirds of all households agree",
            ),
            Preset::MajorityHouseholds => (
                "quá nửa tổng số hộ gia đình đồng ý",
                "more than half of all households agree",
            ),
            Preset::MajorityPresent => (
                "quá nửa số người có mặt đồng ý",
                "more than half of those present agree",
            ),
            Preset::ConfidenceRating => ("lấy phiếu tín nhiệm", "confidence rating"),
            Preset::ConfidenceVote => ("bỏ phiếu tín nhiệm", "confidence vote"),
            Preset::Conference => (
                "hội nghị: quá nửa số người dự đồng ý",
                "conference: more than half of the attendees agree",
            ),
            Preset::None => (
                "lấy ý kiến, không biểu quyết",
                "opinion survey, no decision",
            ),
        };
        match lang {
            Lang::Vi => vi,
            Lang::En => en,
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

    /// SHA-256 over the canonical encoding (docs/bundle-format.md §Poll hash).
    pub fn hash(&self) -> PollHash {
        self.hash
    }

    /// The canonical encoding the poll hash is computed over.
    pub fn canonical_bytes(&self) -> Vec<u8> {
        encode(self).bytes().to_vec()
    }

    pub(crate) fn to_dto(&self) -> PollDto {
        PollDto {
            format: POLL_FORMAT.into(),
            version: POLL_VERSION,
            id: self.id.clone(),
            kind: self.kind.name().into(),
            title: text_dto(&self.title),
            subject: self.subject.as_ref().map(text_dto),
            place: PlaceDto {
                commune: self.place.commune.clone(),
                village: self.place.village.clone(),
            },
            rule: RuleDto {
                preset: self.rule.preset.name().into(),
                matter: self.rule.matter.map(|m| m.name().into()),
                target: self.rule.target.as_ref().map(|t| TargetDto {
                    item: t.item.clone(),
                    options: t.options.clone(),
                    numerator: t.numerator,
                    denominator: t.denominator,
                    of: (t.of == TargetBase::Ballots).then(|| t.of.name().into()),
                }),
            },
            items: self
                .items
                .iter()
                .map(|i| item_dto(i, publishes_by_default(self.kind)))
                .collect(),
        }
    }
}

/// Whether an item's written answers are published when the poll does not say: not in a
/// survey, whose answers are anonymous and whose words can name their writer; yes in every
/// other kind, whose minutes read "Ý kiến khác" aloud.
fn publishes_by_default(kind: PollKind) -> bool {
    kind != PollKind::Survey
}

fn text_dto(t: &Text) -> TextDto {
    TextDto {
        vi: t.vi().into(),
        en: t.en().map(Into::into),
    }
}

fn condition_dto(c: &ShowIf) -> ConditionDto {
    let mut dto = ConditionDto::default();
    match c {
        ShowIf::When(c) => {
            dto.item = Some(c.item.clone());
            dto.any_of = Some(c.any_of.clone());
        }
        ShowIf::All(parts) => dto.all = Some(parts.iter().map(condition_dto).collect()),
        ShowIf::Any(parts) => dto.any = Some(parts.iter().map(condition_dto).collect()),
    }
    dto
}

fn item_dto(item: &Item, publish_default: bool) -> ItemDto {
    let mut dto = ItemDto {
        id: item.id.clone(),
        kind: item.kind.name().into(),
        required: item.required,
        label: text_dto(&item.label),
        person: item.person.as_ref().map(|p| PersonDto {
            name: p.name.clone(),
            position: p.position.as_ref().map(text_dto),
        }),
        show_if: item.show_if.as_ref().map(condition_dto),
        options: None,
        min: None,
        max: None,
        max_len: None,
        // Written only when it differs from the default: one spelling per poll.
        publish: (item.publish != publish_default).then_some(item.publish),
    };
    let choices = |options: &[Choice]| {
        options
            .iter()
            .map(|c| ChoiceDto {
                id: c.id.clone(),
                label: text_dto(&c.label),
                free_text: c.free_text,
                value: c.value,
            })
            .collect()
    };
    match &item.kind {
        ItemKind::Single { options } | ItemKind::Scale { options } => {
            dto.options = Some(choices(options));
        }
        ItemKind::Multiple { options, min, max } => {
            dto.options = Some(choices(options));
            // min and max are bounded by the option count (at most MAX_OPTIONS).
            dto.min = i64::try_from(*min).ok();
            dto.max = i64::try_from(*max).ok();
        }
        ItemKind::Number { min, max } => {
            dto.min = Some(*min);
            dto.max = Some(*max);
        }
        ItemKind::Text { max_len } => dto.max_len = Some(*max_len),
    }
    dto
}

/// The canonical encoding of a poll (docs/bundle-format.md §Poll hash).
fn encode(poll: &Poll) -> Encoder {
    fn text(e: &mut Encoder, t: &Text) {
        e.str(t.vi());
        e.opt(t.en(), |e, s| e.str(s));
    }
    fn choices(e: &mut Encoder, options: &[Choice]) {
        e.len(options.len());
        for c in options {
            e.str(&c.id);
            text(e, &c.label);
            e.bool(c.free_text);
            e.opt(c.value, |e, v| e.i64(v));
        }
    }
    fn condition(e: &mut Encoder, c: &Condition) {
        e.str(&c.item);
        e.len(c.any_of.len());
        for o in &c.any_of {
            e.str(o);
        }
    }
    fn combined(e: &mut Encoder, c: &ShowIf) {
        match c {
            ShowIf::When(c) => {
                e.byte(0);
                condition(e, c);
            }
            ShowIf::All(parts) | ShowIf::Any(parts) => {
                e.byte(if matches!(c, ShowIf::All(_)) { 1 } else { 2 });
                e.len(parts.len());
                parts.iter().for_each(|p| combined(e, p));
            }
        }
    }
    let mut e = Encoder::tagged(POLL_TAG);
    e.str(&poll.id);
    e.str(poll.kind.name());
    text(&mut e, &poll.title);
    e.opt(poll.subject.as_ref(), text);
    e.str(&poll.place.commune);
    e.str(&poll.place.village);
    e.str(poll.rule.preset.name());
    e.opt(poll.rule.target.as_ref(), |e, t| {
        e.str(&t.item);
        e.len(t.options.len());
        for o in &t.options {
            e.str(o);
        }
        e.u64(t.numerator);
        e.u64(t.denominator);
    });
    e.len(poll.items.len());
    for item in &poll.items {
        e.str(&item.id);
        e.str(item.kind.name());
        e.bool(item.required);
        text(&mut e, &item.label);
        e.opt(item.person.as_ref(), |e, p| {
            e.str(&p.name);
            e.opt(p.position.as_ref(), text);
        });
        // A combined show_if is hashed in the trailer, so one condition keeps its old bytes.
        e.opt(
            item.show_if.as_ref().and_then(ShowIf::as_condition),
            condition,
        );
        match &item.kind {
            ItemKind::Single { options } | ItemKind::Scale { options } => choices(&mut e, options),
            ItemKind::Multiple { options, min, max } => {
                choices(&mut e, options);
                e.u64(*min);
                e.u64(*max);
            }
            ItemKind::Number { min, max } => {
                e.i64(*min);
                e.i64(*max);
            }
            ItemKind::Text { max_len } => e.u64(*max_len),
        }
    }
    // What version 1 of the format did not have is appended only when present, each behind its
    // name, so every poll written before keeps its hash (docs/bundle-format.md §Poll hash).
    if let Some(matter) = poll.rule.matter {
        e.str("matter");
        e.str(matter.name());
    }
    if let Some(t) = poll
        .rule
        .target
        .as_ref()
        .filter(|t| t.of != TargetBase::Electorate)
    {
        e.str("target_of");
        e.str(t.of.name());
    }
    let default = publishes_by_default(poll.kind);
    let overrides: Vec<(usize, bool)> = poll
        .items
        .iter()
        .enumerate()
        .filter(|(_, i)| i.publish != default)
        .map(|(n, i)| (n, i.publish))
        .collect();
    if !overrides.is_empty() {
        e.str("publish");
        e.len(overrides.len());
        for (n, publish) in overrides {
            e.u64(n as u64);
            e.bool(publish);
        }
    }
    let combinations: Vec<(usize, &ShowIf)> = poll
        .items
        .iter()
        .enumerate()
        .filter_map(|(n, i)| i.show_if.as_ref().map(|c| (n, c)))
        .filter(|(_, c)| c.as_condition().is_none())
        .collect();
    if !combinations.is_empty() {
        e.str("show_if");
        e.len(combinations.len());
        for (n, c) in combinations {
            e.u64(n as u64);
            combined(&mut e, c);
        }
    }
    e
}

// ---------------------------------------------------------------------------------------------
// Checking (docs/poll-format.md §Validation)

fn err(path: impl Into<String>, kind: PollErrorKind) -> PollError {
    PollError::new(path, kind)
}

fn check_id(path: &str, id: &str) -> Result<String, PollError> {
    let ok = !id.is_empty()
        && id.len() <= MAX_ID
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_' || b == b'-');
    if ok {
        Ok(id.to_owned())
    } else {
        Err(err(path, PollErrorKind::BadId { id: id.to_owned() }))
    }
}

fn check_str(path: &str, s: String, may_be_empty: bool) -> Result<String, PollError> {
    if !may_be_empty && s.trim().is_empty() {
        return Err(err(path, PollErrorKind::Empty));
    }
    let len = s.chars().count();
    if len > MAX_LABEL {
        return Err(err(
            path,
            PollErrorKind::TooLong {
                len,
                max: MAX_LABEL,
            },
        ));
    }
    Ok(s)
}

fn check_text(path: &str, t: TextDto) -> Result<Text, PollError> {
    let vi = check_str(&format!("{path}.vi"), t.vi, false)?;
    let en = match t.en {
        Some(en) => Some(check_str(&format!("{path}.en"), en, false)?),
        None => None,
    };
    Ok(Text::new(vi, en))
}

fn check_count(path: &str, found: usize, max: usize) -> Result<(), PollError> {
    if found > max {
        Err(err(path, PollErrorKind::TooMany { found, max }))
    } else {
        Ok(())
    }
}

impl TryFrom<PollDto> for Poll {
    type Error = PollError;

    fn try_from(dto: PollDto) -> Result<Poll, PollError> {
        if dto.format != POLL_FORMAT {
            return Err(err(
                "format",
                PollErrorKind::UnknownFormat { found: dto.format },
            ));
        }
        if dto.version != POLL_VERSION {
            return Err(err(
                "version",
                PollErrorKind::UnsupportedVersion { found: dto.version },
            ));
        }
        let id = check_id("id", &dto.id)?;
        let kind = PollKind::from_name(&dto.kind)
            .ok_or_else(|| err("kind", PollErrorKind::UnknownKind { found: dto.kind }))?;
        let title = check_text("title", dto.title)?;
        let subject = match dto.subject {
            Some(s) => Some(check_text("subject", s)?),
            None => None,
        };
        let place = Place {
            commune: check_str("place.commune", dto.place.commune, false)?,
            village: check_str("place.village", dto.place.village, true)?,
        };
        if dto.items.is_empty() {
            return Err(err("items", PollErrorKind::NoItems));
        }
        check_count("items", dto.items.len(), MAX_ITEMS)?;
        let mut items: Vec<Item> = Vec::with_capacity(dto.items.len());
        for (i, item) in dto.items.into_iter().enumerate() {
            let path = format!("items[{i}]");
            let item = check_item(&path, item, &items, kind)?;
            if items.iter().any(|earlier| earlier.id == item.id) {
                return Err(err(
                    format!("{path}.id"),
                    PollErrorKind::Duplicate { id: item.id },
                ));
            }
            items.push(item);
        }
        let rule = check_rule(dto.rule, kind, &items)?;
        check_kind(kind, &items)?;
        let mut poll = Poll {
            id,
            kind,
            title,
            subject,
            place,
            rule,
            items,
            hash: PollHash([0; 32]),
        };
        poll.hash = PollHash(encode(&poll).sha256());
        Ok(poll)
    }
}

fn check_item(
    path: &str,
    dto: ItemDto,
    earlier: &[Item],
    poll_kind: PollKind,
) -> Result<Item, PollError> {
    let id = check_id(&format!("{path}.id"), &dto.id)?;
    let label = check_text(&format!("{path}.label"), dto.label)?;
    let person = match dto.person {
        Some(p) => Some(Person {
            name: check_str(&format!("{path}.person.name"), p.name, false)?,
            position: match p.position {
                Some(t) => Some(check_text(&format!("{path}.person.position"), t)?),
                None => None,
            },
        }),
        None => None,
    };
    let show_if = match dto.show_if {
        Some(c) => Some(check_show_if(&format!("{path}.show_if"), c, earlier)?),
        None => None,
    };
    let type_name = dto.kind.clone();
    let not_allowed = |field: &'static str| {
        err(
            format!("{path}.{field}"),
            PollErrorKind::NotAllowed {
                field,
                item_type: type_name.clone(),
            },
        )
    };
    let kind = match dto.kind.as_str() {
        "single" | "multiple" | "scale" => {
            if dto.max_len.is_some() {
                return Err(not_allowed("max_len"));
            }
            let scale = dto.kind == "scale";
            let Some(options) = dto.options else {
                return Err(err(
                    format!("{path}.options"),
                    PollErrorKind::Missing { field: "options" },
                ));
            };
            let options = check_choices(&format!("{path}.options"), options, scale)?;
            match dto.kind.as_str() {
                "multiple" => {
                    let count = options.len() as u64;
                    let top = i64::try_from(count).unwrap_or(i64::MAX);
                    let min = dto.min.unwrap_or(0);
                    let max = dto.max.unwrap_or(top);
                    // Each bound is reported at its own field, so an editor can show the
                    // message next to the number that is wrong.
                    let lo = in_range(&format!("{path}.min"), min, 0, top)?;
                    let hi = in_range(&format!("{path}.max"), max, 1, top)?;
                    if lo > hi {
                        return Err(err(
                            format!("{path}.max"),
                            PollErrorKind::BadRange { min, max },
                        ));
                    }
                    ItemKind::Multiple {
                        options,
                        min: lo,
                        max: hi,
                    }
                }
                _ => {
                    if dto.min.is_some() {
                        return Err(not_allowed("min"));
                    }
                    if dto.max.is_some() {
                        return Err(not_allowed("max"));
                    }
                    if scale {
                        ItemKind::Scale { options }
                    } else {
                        ItemKind::Single { options }
                    }
                }
            }
        }
        "number" => {
            if dto.options.is_some() {
                return Err(not_allowed("options"));
            }
            if dto.max_len.is_some() {
                return Err(not_allowed("max_len"));
            }
            let (Some(min), Some(max)) = (dto.min, dto.max) else {
                let field = if dto.min.is_none() { "min" } else { "max" };
                return Err(err(
                    format!("{path}.{field}"),
                    PollErrorKind::Missing { field },
                ));
            };
            if min > max {
                return Err(err(
                    format!("{path}.max"),
                    PollErrorKind::BadRange { min, max },
                ));
            }
            ItemKind::Number { min, max }
        }
        "text" => {
            if dto.options.is_some() {
                return Err(not_allowed("options"));
            }
            if dto.min.is_some() {
                return Err(not_allowed("min"));
            }
            if dto.max.is_some() {
                return Err(not_allowed("max"));
            }
            let max_len = dto.max_len.unwrap_or(DEFAULT_TEXT_LEN);
            if max_len == 0 || max_len > MAX_TEXT_LEN {
                return Err(err(
                    format!("{path}.max_len"),
                    PollErrorKind::OutOfRange {
                        found: i64::try_from(max_len).unwrap_or(i64::MAX),
                        min: 1,
                        max: MAX_TEXT_LEN as i64,
                    },
                ));
            }
            ItemKind::Text { max_len }
        }
        _ => {
            return Err(err(
                format!("{path}.type"),
                PollErrorKind::UnknownItemType { found: dto.kind },
            ))
        }
    };
    Ok(Item {
        id,
        label,
        kind,
        required: dto.required,
        person,
        show_if,
        publish: dto.publish.unwrap_or(publishes_by_default(poll_kind)),
    })
}

/// `value` as a count within `min..=max`, or an error at `path` that names the allowed range.
fn in_range(path: &str, value: i64, min: i64, max: i64) -> Result<u64, PollError> {
    match u64::try_from(value) {
        Ok(v) if (min..=max).contains(&value) => Ok(v),
        _ => Err(err(
            path,
            PollErrorKind::OutOfRange {
                found: value,
                min,
                max,
            },
        )),
    }
}

fn check_choices(path: &str, dtos: Vec<ChoiceDto>, scale: bool) -> Result<Vec<Choice>, PollError> {
    if dtos.len() < 2 {
        return Err(err(
            path,
            PollErrorKind::TooFewOptions {
                min: 2,
                found: dtos.len(),
            },
        ));
    }
    check_count(path, dtos.len(), MAX_OPTIONS)?;
    let mut seen = HashSet::new();
    let mut options = Vec::with_capacity(dtos.len());
    let mut free_texts = 0;
    for (j, c) in dtos.into_iter().enumerate() {
        let p = format!("{path}[{j}]");
        let id = check_id(&format!("{p}.id"), &c.id)?;
        if !seen.insert(id.clone()) {
            return Err(err(format!("{p}.id"), PollErrorKind::Duplicate { id }));
        }
        let label = check_text(&format!("{p}.label"), c.label)?;
        if c.free_text {
            if scale {
                return Err(err(
                    format!("{p}.free_text"),
                    PollErrorKind::NotAllowed {
                        field: "free_text",
                        item_type: "scale".into(),
                    },
                ));
            }
            free_texts += 1;
            if free_texts > 1 {
                return Err(err(
                    format!("{p}.free_text"),
                    PollErrorKind::MultipleFreeText,
                ));
            }
        }
        match (scale, c.value) {
            (true, None) => {
                return Err(err(
                    format!("{p}.value"),
                    PollErrorKind::Missing { field: "value" },
                ))
            }
            (false, Some(_)) => {
                return Err(err(
                    format!("{p}.value"),
                    PollErrorKind::NotAllowed {
                        field: "value",
                        item_type: "single or multiple".into(),
                    },
                ))
            }
            _ => {}
        }
        options.push(Choice {
            id,
            label,
            free_text: c.free_text,
            value: c.value,
        });
    }
    Ok(options)
}

/// Checks a show_if: one condition on an earlier item, or `all`/`any` of at least two, at
/// most [`MAX_CONDITION_DEPTH`] deep and [`MAX_CONDITIONS`] conditions in all. Only earlier
/// items can be named, so no condition can depend on itself or a later answer.
fn check_show_if(path: &str, c: ConditionDto, earlier: &[Item]) -> Result<ShowIf, PollError> {
    let mut count = 0;
    let show_if = check_condition(path, c, earlier, 1, &mut count)?;
    if count > MAX_CONDITIONS {
        return Err(err(
            path,
            PollErrorKind::TooMany {
                found: count,
                max: MAX_CONDITIONS,
            },
        ));
    }
    Ok(show_if)
}

fn check_condition(
    path: &str,
    c: ConditionDto,
    earlier: &[Item],
    depth: usize,
    count: &mut usize,
) -> Result<ShowIf, PollError> {
    let shape = || err(path, PollErrorKind::ConditionShape);
    match c {
        ConditionDto {
            item: Some(item),
            any_of: Some(any_of),
            all: None,
            any: None,
        } => {
            *count += 1;
            let Some(target) = earlier.iter().find(|i| i.id == item) else {
                return Err(err(
                    format!("{path}.item"),
                    PollErrorKind::UnknownItem { id: item },
                ));
            };
            check_option_list(path, "any_of", target, &any_of)?;
            Ok(ShowIf::When(Condition { item, any_of }))
        }
        ConditionDto {
            item: None,
            any_of: None,
            all,
            any,
        } => {
            let (field, parts, all) = match (all, any) {
                (Some(parts), None) => ("all", parts, true),
                (None, Some(parts)) => ("any", parts, false),
                _ => return Err(shape()),
            };
            let at = format!("{path}.{field}");
            if depth > MAX_CONDITION_DEPTH {
                return Err(err(
                    at,
                    PollErrorKind::TooDeep {
                        max: MAX_CONDITION_DEPTH,
                    },
                ));
            }
            if parts.len() < 2 {
                return Err(err(
                    at,
                    PollErrorKind::TooFewConditions { found: parts.len() },
                ));
            }
            let parts = parts
                .into_iter()
                .enumerate()
                .map(|(k, p)| check_condition(&format!("{at}[{k}]"), p, earlier, depth + 1, count))
                .collect::<Result<Vec<_>, _>>()?;
            Ok(if all {
                ShowIf::All(parts)
            } else {
                ShowIf::Any(parts)
            })
        }
        _ => Err(shape()),
    }
}

/// Checks a non-empty list of distinct option ids of a choice item.
fn check_option_list(
    path: &str,
    field: &str,
    item: &Item,
    ids: &[String],
) -> Result<(), PollError> {
    if item.kind.options().is_empty() {
        return Err(err(
            format!("{path}.item"),
            PollErrorKind::NotChoosable {
                id: item.id.clone(),
            },
        ));
    }
    if ids.is_empty() {
        return Err(err(format!("{path}.{field}"), PollErrorKind::Empty));
    }
    let mut seen = HashSet::new();
    for (k, o) in ids.iter().enumerate() {
        let p = format!("{path}.{field}[{k}]");
        if item.option_index(o).is_none() {
            return Err(err(
                p,
                PollErrorKind::UnknownOption {
                    item: item.id.clone(),
                    option: o.clone(),
                },
            ));
        }
        if !seen.insert(o) {
            return Err(err(p, PollErrorKind::Duplicate { id: o.clone() }));
        }
    }
    Ok(())
}

fn check_rule(dto: RuleDto, kind: PollKind, items: &[Item]) -> Result<Rule, PollError> {
    let preset = Preset::from_name(&dto.preset).ok_or_else(|| {
        err(
            "rule.preset",
            PollErrorKind::UnknownPreset {
                found: dto.preset.clone(),
            },
        )
    })?;
    if !kind.allowed_presets().contains(&preset) {
        return Err(err(
            "rule.preset",
            PollErrorKind::PresetNotForKind {
                preset: dto.preset,
                kind: kind.name().into(),
            },
        ));
    }
    let matter = match (kind, dto.matter) {
        (PollKind::Decision, None) => {
            return Err(err("rule.matter", PollErrorKind::MatterRequired));
        }
        (PollKind::Decision, Some(name)) => {
            let Some(matter) = Matter::from_name(&name) else {
                return Err(err(
                    "rule.matter",
                    PollErrorKind::UnknownMatter { found: name },
                ));
            };
            if matter.preset() != preset {
                return Err(err(
                    "rule.preset",
                    PollErrorKind::PresetNotForMatter {
                        preset: dto.preset,
                        matter: matter.name(),
                        expected: matter.preset().name(),
                    },
                ));
            }
            Some(matter)
        }
        (_, None) => None,
        (_, Some(_)) => {
            return Err(err(
                "rule.matter",
                PollErrorKind::NotAllowed {
                    field: "matter",
                    item_type: kind.name().into(),
                },
            ))
        }
    };
    let target = match dto.target {
        None => None,
        Some(_) if preset != Preset::None => {
            return Err(err(
                "rule.target",
                PollErrorKind::NotAllowed {
                    field: "target",
                    item_type: preset.name().into(),
                },
            ))
        }
        Some(t) => {
            let Some(item) = items.iter().find(|i| i.id == t.item) else {
                return Err(err(
                    "rule.target.item",
                    PollErrorKind::UnknownItem { id: t.item },
                ));
            };
            check_option_list("rule.target", "options", item, &t.options)?;
            // On a multiple item, counts of several options add choices, not ballots: 57 of 40
            // could "meet" a target. One option counts the ballots that chose it.
            if matches!(item.kind, ItemKind::Multiple { .. }) && t.options.len() > 1 {
                return Err(err(
                    "rule.target.options",
                    PollErrorKind::TargetOnSeveralChoices {
                        item: t.item.clone(),
                    },
                ));
            }
            if t.denominator == 0 || t.numerator == 0 || t.numerator > t.denominator {
                return Err(err(
                    "rule.target",
                    PollErrorKind::BadFraction {
                        numerator: t.numerator,
                        denominator: t.denominator,
                    },
                ));
            }
            let of = match t.of.as_deref() {
                None | Some("electorate") => TargetBase::Electorate,
                Some("ballots") => TargetBase::Ballots,
                Some(other) => {
                    return Err(err(
                        "rule.target.of",
                        PollErrorKind::UnknownTargetBase {
                            found: other.to_owned(),
                        },
                    ))
                }
            };
            Some(Target {
                item: t.item,
                options: t.options,
                numerator: t.numerator,
                denominator: t.denominator,
                of,
            })
        }
    };
    Ok(Rule {
        preset,
        matter,
        target,
    })
}

/// A board election's item: candidates only (no agree/disagree, no written option), shown to
/// every voter, each candidate named in the option's label.
fn check_board(path: &str, item: &Item, options: &[Choice]) -> Result<(), PollError> {
    if item.show_if.is_some() {
        return Err(err(
            format!("{path}.show_if"),
            PollErrorKind::DecidedItemConditional,
        ));
    }
    if let Some(j) = options
        .iter()
        .position(|c| c.id == AGREE || c.id == DISAGREE)
    {
        return Err(err(
            format!("{path}.options[{j}].id"),
            PollErrorKind::BoardCandidate {
                found: options[j].id.clone(),
            },
        ));
    }
    if let Some(j) = options.iter().position(|c| c.free_text) {
        return Err(err(
            format!("{path}.options[{j}].free_text"),
            PollErrorKind::NotAllowed {
                field: "free_text",
                item_type: "election".into(),
            },
        ));
    }
    Ok(())
}

/// The option sets each kind's decided items must have (domain brief, "Ballot wording").
fn check_kind(kind: PollKind, items: &[Item]) -> Result<(), PollError> {
    if kind == PollKind::Survey {
        return Ok(());
    }
    let mut decided = 0;
    for (i, item) in items.iter().enumerate() {
        let options = match &item.kind {
            ItemKind::Single { options } => options,
            // A board with several seats: each option is a candidate and a voter keeps at most
            // `max` of them, the number of seats (domain brief, "Boards with several seats").
            ItemKind::Multiple { options, .. } if kind == PollKind::Election => {
                check_board(&format!("items[{i}]"), item, options)?;
                decided += 1;
                continue;
            }
            _ => continue,
        };
        decided += 1;
        let path = format!("items[{i}]");
        if item.show_if.is_some() {
            return Err(err(
                format!("{path}.show_if"),
                PollErrorKind::DecidedItemConditional,
            ));
        }
        let ids: Vec<String> = options.iter().map(|c| c.id.clone()).collect();
        let has = |id: &str| ids.iter().any(|o| o == id);
        let wrong = |expected: Vec<&'static str>| {
            err(
                format!("{path}.options"),
                PollErrorKind::WrongOptions {
                    expected,
                    found: ids.clone(),
                },
            )
        };
        match kind {
            // D59 5.2d: Đồng ý / Không đồng ý, optionally Ý kiến khác.
            PollKind::Decision => {
                if !has(AGREE) || !has(DISAGREE) {
                    return Err(wrong(vec![AGREE, DISAGREE]));
                }
            }
            PollKind::ConfidenceRating => {
                if ids != [HIGH_CONFIDENCE, CONFIDENCE, LOW_CONFIDENCE] {
                    return Err(wrong(vec![HIGH_CONFIDENCE, CONFIDENCE, LOW_CONFIDENCE]));
                }
                if item.person.is_none() {
                    return Err(err(format!("{path}.person"), PollErrorKind::PersonRequired));
                }
            }
            PollKind::ConfidenceVote => {
                if ids != [CONFIDENCE, NO_CONFIDENCE] {
                    return Err(wrong(vec![CONFIDENCE, NO_CONFIDENCE]));
                }
                if item.person.is_none() {
                    return Err(err(format!("{path}.person"), PollErrorKind::PersonRequired));
                }
            }
            // Domain brief, "Ballot wording": with one candidate the choice is agree/disagree,
            // and the item names the candidate; otherwise each option is a candidate.
            PollKind::Election => {
                if has(AGREE) || has(DISAGREE) {
                    if ids != [AGREE, DISAGREE] {
                        return Err(wrong(vec![AGREE, DISAGREE]));
                    }
                    if item.person.is_none() {
                        return Err(err(format!("{path}.person"), PollErrorKind::PersonRequired));
                    }
                } else if let Some(j) = options.iter().position(|c| c.free_text) {
                    return Err(err(
                        format!("{path}.options[{j}].free_text"),
                        PollErrorKind::NotAllowed {
                            field: "free_text",
                            item_type: "election".into(),
                        },
                    ));
                }
            }
            PollKind::Survey => {}
        }
    }
    if decided == 0 {
        return Err(err(
            "items",
            PollErrorKind::NoDecidedItem {
                kind: kind.name().into(),
            },
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Lang;

    const DEMO: &str = include_str!("../../../assets/polls/demo.json");

    #[test]
    fn demo_poll_is_valid_and_round_trips() {
        let poll = Poll::from_json(DEMO).unwrap();
        assert_eq!(poll.kind(), PollKind::Decision);
        assert_eq!(poll.rule().preset(), Preset::TwoThirdsHouseholds);
        assert!(poll.items()[0].kind().options()[2].free_text());
        let again = Poll::from_json(&poll.to_json()).unwrap();
        assert_eq!(again, poll);
        assert_eq!(again.hash(), poll.hash());
    }

    #[test]
    fn hash_ignores_key_order_and_whitespace() {
        let value: serde_json::Value = serde_json::from_str(DEMO).unwrap();
        let compact = serde_json::to_string(&value).unwrap();
        assert_eq!(
            Poll::from_json(&compact).unwrap().hash(),
            Poll::from_json(DEMO).unwrap().hash()
        );
        // A changed label changes the hash.
        let changed = DEMO.replace("500.000", "600.000");
        assert_ne!(
            Poll::from_json(&changed).unwrap().hash(),
            Poll::from_json(DEMO).unwrap().hash()
        );
    }

    fn error_of(json: &str) -> PollError {
        Poll::from_json(json).unwrap_err()
    }

    fn with(find: &str, replace: &str) -> String {
        assert!(DEMO.contains(find), "{find}");
        DEMO.replacen(find, replace, 1)
    }

    /// The plain reader gives the same poll, and the same error for every check after the
    /// JSON; a JSON error keeps its line, column and message, only its field path is gone.
    #[test]
    fn the_plain_reader_checks_the_same() {
        let plain = Poll::from_json_plain(DEMO).unwrap();
        assert_eq!(plain, Poll::from_json(DEMO).unwrap());
        assert_eq!(plain.hash(), Poll::from_json(DEMO).unwrap().hash());
        for json in [
            with("\"phieu/poll\"", "\"x\""),
            with("\"Đồng ý\"", "\"  \""),
            with("\"id\": \"q1\"", "\"id\": \"Q 1\""),
        ] {
            assert_eq!(Poll::from_json_plain(&json).unwrap_err(), error_of(&json));
        }
        let json = with("\"required\": true", "\"required\": \"yes\"");
        let (full, plain) = (error_of(&json), Poll::from_json_plain(&json).unwrap_err());
        assert_eq!(full.path(), "items[0].required");
        assert_eq!(plain.path(), "");
        assert_eq!(plain.kind(), full.kind(), "same line, column and detail");
        assert!(
            plain.message(Lang::Vi).contains("dòng"),
            "{}",
            plain.message(Lang::Vi)
        );
    }

    #[test]
    fn errors_name_the_field() {
        let cases = [
            (with("\"phieu/poll\"", "\"x\""), "format"),
            (with("\"version\": 1", "\"version\": 2"), "version"),
            (with("\"decision\"", "\"vote\""), "kind"),
            (with("\"two_thirds_households\"", "\"none\""), "rule.preset"),
            (with("\"Đồng ý\"", "\"  \""), "items[0].options[0].label.vi"),
            (
                with("\"khong_dong_y\"", "\"dong_y\""),
                "items[0].options[1].id",
            ),
            (
                with("\"type\": \"single\"", "\"type\": \"grid\""),
                "items[0].type",
            ),
            (
                with("\"required\": true", "\"requird\": true"),
                "items[0].requird",
            ),
            (with("\"id\": \"q1\"", "\"id\": \"Q 1\""), "items[0].id"),
        ];
        for (json, path) in cases {
            let e = error_of(&json);
            assert_eq!(e.path(), path, "{e}");
            assert!(!e.message(Lang::Vi).is_empty());
            assert_ne!(e.message(Lang::Vi), e.message(Lang::En));
        }
    }

    #[test]
    fn syntax_errors_carry_line_and_column() {
        let e = error_of("{\n  \"format\": ");
        match e.kind() {
            PollErrorKind::Json { line, .. } => assert_eq!(*line, 2),
            other => panic!("{other:?}"),
        }
    }

    /// The demo poll with a second item, given as the JSON of its type-specific fields.
    fn with_item(kind: &str, fields: &str) -> String {
        let item =
            format!(r#"{{"id": "q2", "type": "{kind}", "label": {{"vi": "Câu hai"}}{fields}}}"#);
        let json = with("\n  ]\n}", &format!(",\n{item}\n  ]\n}}"));
        // The edit must have made a second item, not broken the document.
        assert!(json.contains("\"q2\""));
        json
    }

    const THREE_OPTIONS: &str = r#", "options": [
        {"id": "a", "label": {"vi": "A"}}, {"id": "b", "label": {"vi": "B"}},
        {"id": "c", "label": {"vi": "C"}}]"#;

    #[test]
    fn range_errors_name_the_bound_that_is_wrong() {
        // Each case: the item's type, its fields, the path and the kind of error expected.
        let out = |found, min, max| PollErrorKind::OutOfRange { found, min, max };
        let cases = [
            (
                "number",
                r#", "min": 5, "max": 1"#.to_owned(),
                "items[1].max",
                PollErrorKind::BadRange { min: 5, max: 1 },
            ),
            (
                "multiple",
                format!(r#"{THREE_OPTIONS}, "min": 4"#),
                "items[1].min",
                out(4, 0, 3),
            ),
            (
                "multiple",
                format!(r#"{THREE_OPTIONS}, "min": -1"#),
                "items[1].min",
                out(-1, 0, 3),
            ),
            (
                "multiple",
                format!(r#"{THREE_OPTIONS}, "max": 7"#),
                "items[1].max",
                out(7, 1, 3),
            ),
            (
                "multiple",
                format!(r#"{THREE_OPTIONS}, "max": 0"#),
                "items[1].max",
                out(0, 1, 3),
            ),
            (
                "multiple",
                format!(r#"{THREE_OPTIONS}, "min": 3, "max": 2"#),
                "items[1].max",
                PollErrorKind::BadRange { min: 3, max: 2 },
            ),
            (
                "text",
                r#", "max_len": 0"#.to_owned(),
                "items[1].max_len",
                out(0, 1, 5000),
            ),
            (
                "text",
                r#", "max_len": 5001"#.to_owned(),
                "items[1].max_len",
                out(5001, 1, 5000),
            ),
        ];
        for (kind, fields, path, expected) in cases {
            let e = error_of(&with_item(kind, &fields));
            assert_eq!((e.path(), e.kind()), (path, &expected), "{kind}{fields}");
            assert_ne!(e.message(Lang::Vi), e.message(Lang::En));
        }
        // The bounds themselves are accepted.
        for (kind, fields) in [
            ("number", r#", "min": 1, "max": 1"#.to_owned()),
            (
                "multiple",
                format!(r#"{THREE_OPTIONS}, "min": 3, "max": 3"#),
            ),
            (
                "multiple",
                format!(r#"{THREE_OPTIONS}, "min": 0, "max": 1"#),
            ),
            ("text", r#", "max_len": 5000"#.to_owned()),
            ("text", r#", "max_len": 1"#.to_owned()),
        ] {
            let json = with_item(kind, &fields);
            assert!(Poll::from_json(&json).is_ok(), "{kind}{fields}");
        }
        let e = out(9, 1, 5);
        assert_eq!(e.message(Lang::En), "must be between 1 and 5, found 9");
        assert_eq!(e.message(Lang::Vi), "phải từ 1 đến 5, nhưng là 9");
    }

    #[test]
    fn decision_needs_agree_and_disagree() {
        let e = error_of(&with("\"dong_y\"", "\"ung_ho\""));
        assert_eq!(e.path(), "items[0].options");
        assert!(matches!(e.kind(), PollErrorKind::WrongOptions { .. }));
    }

    /// A survey of three questions and a fourth whose `show_if` is `condition` (JSON).
    fn gated(condition: &str) -> String {
        format!(
            r#"{{"format": "phieu/poll", "version": 1, "id": "ks", "kind": "survey",
            "title": {{"vi": "Khảo sát"}}, "place": {{"commune": "Xã A", "village": ""}},
            "rule": {{"preset": "none"}}, "items": [
              {{"id": "dong_y_tham_gia", "type": "single", "label": {{"vi": "Đồng ý tham gia?"}},
               "options": [{{"id": "co", "label": {{"vi": "Có"}}}}, {{"id": "khong", "label": {{"vi": "Không"}}}}]}},
              {{"id": "nguon_nuoc", "type": "multiple", "label": {{"vi": "Nguồn nước?"}},
               "options": [{{"id": "gieng", "label": {{"vi": "Giếng"}}}}, {{"id": "may", "label": {{"vi": "Nước máy"}}}}, {{"id": "song", "label": {{"vi": "Sông"}}}}]}},
              {{"id": "so_nguoi", "type": "number", "label": {{"vi": "Số người?"}}, "min": 0, "max": 30}},
              {{"id": "vi_sao", "type": "text", "label": {{"vi": "Vì sao?"}}, "show_if": {condition}}}
            ]}}"#
        )
    }

    const GATE: &str = r#"{"item": "dong_y_tham_gia", "any_of": ["co"]}"#;
    const WELL: &str = r#"{"item": "nguon_nuoc", "any_of": ["gieng"]}"#;
    const RIVER: &str = r#"{"item": "nguon_nuoc", "any_of": ["song"]}"#;

    /// A consent gate AND (a well OR a river): the shape of a Kobo group's relevant and a row's
    /// own (issue 23, item 3).
    fn gate_and_well_or_river() -> String {
        format!(r#"{{"all": [{GATE}, {{"any": [{WELL}, {RIVER}]}}]}}"#)
    }

    #[test]
    fn combined_conditions_are_read_written_and_hashed_once() {
        let poll = Poll::from_json(&gated(&gate_and_well_or_river())).unwrap();
        let show_if = poll.items()[3].show_if().unwrap();
        assert!(show_if.as_condition().is_none());
        let tested: Vec<&str> = show_if.conditions().iter().map(|c| c.item()).collect();
        assert_eq!(tested, ["dong_y_tham_gia", "nguon_nuoc", "nguon_nuoc"]);
        // The canonical form writes the combination back in the same shape, and reads back equal.
        let json = poll.to_json();
        assert!(
            json.contains("\"show_if\": {\n        \"all\": [\n          {\n            \"item\": \"dong_y_tham_gia\","),
            "{json}"
        );
        let again = Poll::from_json(&json).unwrap();
        assert_eq!(again, poll);
        assert_eq!(again.hash(), poll.hash());
        // all and any, the order of their parts and a single condition all hash apart.
        let hashes: Vec<PollHash> = [
            gate_and_well_or_river(),
            format!(r#"{{"any": [{GATE}, {{"any": [{WELL}, {RIVER}]}}]}}"#),
            format!(r#"{{"all": [{GATE}, {{"all": [{WELL}, {RIVER}]}}]}}"#),
            format!(r#"{{"all": [{{"any": [{WELL}, {RIVER}]}}, {GATE}]}}"#),
            format!(r#"{{"all": [{GATE}, {WELL}]}}"#),
            GATE.to_owned(),
        ]
        .iter()
        .map(|c| Poll::from_json(&gated(c)).unwrap().hash())
        .collect();
        let distinct: HashSet<&PollHash> = hashes.iter().collect();
        assert_eq!(distinct.len(), hashes.len());
    }

    /// A poll with one condition per item hashes exactly as before combinations existed: the
    /// item's slot keeps its bytes and the trailer stays empty (the pinned vectors in
    /// tests/core.rs hold the survey's real hash; this pins the encoding's shape).
    #[test]
    fn a_single_condition_keeps_its_encoding() {
        let poll = Poll::from_json(&gated(GATE)).unwrap();
        let mut tail = Encoder::tagged("");
        tail.opt(Some(()), |e, ()| {
            e.str("dong_y_tham_gia");
            e.len(1);
            e.str("co");
        });
        let bytes = encode(&poll).bytes().to_vec();
        let find = |needle: &[u8]| bytes.windows(needle.len()).any(|w| w == needle);
        // The tag's own bytes come first in `tail`; the option and the condition follow.
        let tag_len = Encoder::tagged("").bytes().len();
        assert!(find(&tail.bytes()[tag_len..]));
        assert!(!find(b"show_if"), "no trailer for a single condition");
        let combined = Poll::from_json(&gated(&gate_and_well_or_river())).unwrap();
        let bytes = encode(&combined).bytes().to_vec();
        assert!(bytes.windows(7).any(|w| w == b"show_if"));
    }

    #[test]
    fn combined_conditions_are_checked() {
        let cases: Vec<(String, &str, &str)> = vec![
            // A later item, or the item itself (a cycle): only earlier items can be named.
            (
                format!(r#"{{"all": [{GATE}, {{"item": "vi_sao", "any_of": ["x"]}}]}}"#),
                "items[3].show_if.all[1].item",
                "UnknownItem",
            ),
            (
                format!(r#"{{"any": [{WELL}, {{"item": "khong_co", "any_of": ["x"]}}]}}"#),
                "items[3].show_if.any[1].item",
                "UnknownItem",
            ),
            (
                format!(r#"{{"all": [{GATE}, {{"item": "nguon_nuoc", "any_of": ["ao"]}}]}}"#),
                "items[3].show_if.all[1].any_of[0]",
                "UnknownOption",
            ),
            (
                format!(r#"{{"all": [{GATE}, {{"item": "so_nguoi", "any_of": ["1"]}}]}}"#),
                "items[3].show_if.all[1].item",
                "NotChoosable",
            ),
            (
                format!(r#"{{"all": [{GATE}]}}"#),
                "items[3].show_if.all",
                "TooFewConditions",
            ),
            (r#"{"any": []}"#.to_owned(), "items[3].show_if.any", "TooFewConditions"),
            (
                format!(r#"{{"all": [{GATE}, {WELL}], "any": [{GATE}, {WELL}]}}"#),
                "items[3].show_if",
                "ConditionShape",
            ),
            (
                format!(r#"{{"item": "dong_y_tham_gia", "any_of": ["co"], "all": [{GATE}, {WELL}]}}"#),
                "items[3].show_if",
                "ConditionShape",
            ),
            (
                r#"{"item": "dong_y_tham_gia"}"#.to_owned(),
                "items[3].show_if",
                "ConditionShape",
            ),
            (
                format!(r#"{{"all": [{GATE}, {{"any": [{WELL}, {{"all": [{GATE}, {{"any": [{WELL}, {RIVER}]}}]}}]}}]}}"#),
                "items[3].show_if.all[1].any[1].all[1].any",
                "TooDeep",
            ),
            (
                format!(r#"{{"all": [{}]}}"#, vec![GATE; 33].join(", ")),
                "items[3].show_if",
                "TooMany",
            ),
            (
                r#"{"all": [{"item": "dong_y_tham_gia", "any_of": ["co"], "none_of": ["khong"]}, {"item": "nguon_nuoc", "any_of": ["gieng"]}]}"#.to_owned(),
                "items[3].show_if.all[0].none_of",
                "Json",
            ),
        ];
        for (condition, path, kind) in cases {
            let e = error_of(&gated(&condition));
            assert_eq!(e.path(), path, "{condition}: {e}");
            assert!(
                format!("{:?}", e.kind()).starts_with(kind),
                "{condition}: {e}"
            );
            assert_ne!(e.message(Lang::Vi), e.message(Lang::En));
        }
        // Three levels of all and any, and 32 conditions, are taken.
        for condition in [
            format!(r#"{{"all": [{GATE}, {{"any": [{WELL}, {{"all": [{GATE}, {RIVER}]}}]}}]}}"#),
            format!(r#"{{"all": [{}]}}"#, vec![GATE; 32].join(", ")),
        ] {
            assert!(Poll::from_json(&gated(&condition)).is_ok(), "{condition}");
        }
    }

    #[test]
    fn combined_conditions_decide_what_is_shown() {
        use crate::ballot::{check_answer, is_shown, Answer};
        let poll = Poll::from_json(&gated(&gate_and_well_or_river())).unwrap();
        let answers = |consent: Option<&str>, water: &[&str]| -> Vec<Answer> {
            vec![
                consent.map_or(Answer::Blank, Answer::choice),
                if water.is_empty() {
                    Answer::Blank
                } else {
                    Answer::Choices {
                        options: water.iter().map(|w| (*w).to_owned()).collect(),
                        free_text: None,
                    }
                },
                Answer::Blank,
                Answer::Text("xa".into()),
            ]
        };
        let cases = [
            (Some("co"), &["gieng"][..], true),
            (Some("co"), &["may", "song"][..], true),
            (Some("co"), &["may"][..], false),
            (Some("co"), &[][..], false),
            (Some("khong"), &["gieng"][..], false),
            (None, &["gieng", "song"][..], false),
        ];
        for (consent, water, shown) in cases {
            let mut a = answers(consent, water);
            assert_eq!(is_shown(&poll, &a, 3), shown, "{consent:?} {water:?}");
            // A hidden item's answer is refused, a shown one is taken.
            assert_eq!(check_answer(&poll, &mut a, 3).is_ok(), shown);
        }
    }
}
