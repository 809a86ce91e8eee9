//! What can be wrong with a poll definition. Every error names the JSON field path it is about
//! (for example `items[0].options[2].label.vi`) and carries the data a person needs to fix it;
//! `PollError::message` renders it in Vietnamese or English for the app, the CLI and a server alike.

use crate::i18n::poll_words;
use crate::lang::{BadTag, Lang};

/// A poll definition that cannot be accepted, and where.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{path}: {kind}")]
pub struct PollError {
    path: String,
    kind: PollErrorKind,
}

impl PollError {
    pub(crate) fn new(path: impl Into<String>, kind: PollErrorKind) -> PollError {
        PollError {
            path: path.into(),
            kind,
        }
    }

    /// The JSON field path, such as `items[1].show_if.item`; empty for the whole document.
    pub fn path(&self) -> &str {
        &self.path
    }

    pub fn kind(&self) -> &PollErrorKind {
        &self.kind
    }

    /// A sentence for people, with the field path, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        let what = self.kind.message(lang);
        if self.path.is_empty() {
            what
        } else {
            format!("{}: {what}", self.path)
        }
    }
}

/// The reason a poll definition is refused (docs/poll-format.md §Validation).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PollErrorKind {
    Json {
        line: usize,
        column: usize,
        detail: String,
    },
    UnknownFormat {
        found: String,
    },
    UnsupportedVersion {
        found: u64,
    },
    Empty,
    TooLong {
        len: usize,
        max: usize,
    },
    TooMany {
        found: usize,
        max: usize,
    },
    BadId {
        id: String,
    },
    Duplicate {
        id: String,
    },
    UnknownKind {
        found: String,
    },
    UnknownItemType {
        found: String,
    },
    UnknownPreset {
        found: String,
    },
    PresetNotForKind {
        preset: String,
        kind: String,
    },
    NoItems,
    TooFewOptions {
        min: usize,
        found: usize,
    },
    NotAllowed {
        field: &'static str,
        item_type: String,
    },
    Missing {
        field: &'static str,
    },
    BadRange {
        min: i64,
        max: i64,
    },
    OutOfRange {
        found: i64,
        min: i64,
        max: i64,
    },
    MultipleFreeText,
    UnknownItem {
        id: String,
    },
    UnknownOption {
        item: String,
        option: String,
    },
    NotChoosable {
        id: String,
    },
    DecidedItemConditional,
    NoDecidedItem {
        kind: String,
    },
    WrongOptions {
        expected: Vec<&'static str>,
        found: Vec<String>,
    },
    PersonRequired,
    BadFraction {
        numerator: u64,
        denominator: u64,
    },
    MatterRequired,
    UnknownMatter {
        found: String,
    },
    PresetNotForMatter {
        preset: String,
        matter: &'static str,
        expected: &'static str,
    },
    BoardCandidate {
        found: String,
    },
    TargetOnSeveralChoices {
        item: String,
    },
    UnknownTargetBase {
        found: String,
    },
    ConditionShape,
    TooFewConditions {
        found: usize,
    },
    TooDeep {
        max: usize,
    },
    BadLanguage {
        tag: String,
        why: BadTag,
    },
    DuplicateLanguage {
        tag: String,
    },
}

/// In English, for `--json` and logs: the reason's English message (a tag refused also names
/// why, as the code knows it).
impl std::fmt::Display for PollErrorKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PollErrorKind::BadLanguage { tag, why } => write!(
                f,
                "{tag:?} is not a language this text can be written in ({why:?})"
            ),
            _ => f.write_str(&self.message(Lang::En)),
        }
    }
}

impl std::error::Error for PollErrorKind {}

impl PollErrorKind {
    /// The reason in `lang`, without the field path.
    pub fn message(&self, lang: Lang) -> String {
        use PollErrorKind as K;
        match self {
            K::Json {
                line,
                column,
                detail,
            } => poll_words(lang).json(line, column, detail),
            K::UnknownFormat { found } => poll_words(lang).unknown_format(format!("{found:?}")),
            K::UnsupportedVersion { found } => poll_words(lang).unsupported_version(found),
            K::Empty => poll_words(lang).empty.into(),
            K::TooLong { len, max } => poll_words(lang).too_long(len, max),
            K::TooMany { found, max } => poll_words(lang).too_many(found, max),
            K::BadId { id } => poll_words(lang).bad_id(format!("{id:?}")),
            K::Duplicate { id } => poll_words(lang).duplicate(format!("{id:?}")),
            K::UnknownKind { found } => poll_words(lang).unknown_kind(format!("{found:?}")),
            K::UnknownItemType { found } => {
                poll_words(lang).unknown_item_type(format!("{found:?}"))
            }
            K::UnknownPreset { found } => poll_words(lang).unknown_preset(format!("{found:?}")),
            K::PresetNotForKind { preset, kind } => {
                poll_words(lang).preset_not_for_kind(format!("{preset:?}"), format!("{kind:?}"))
            }
            K::NoItems => poll_words(lang).no_items.into(),
            K::TooFewOptions { min, found } => poll_words(lang).too_few_options(min, found),
            K::NotAllowed { field, item_type } => {
                poll_words(lang).not_allowed(format!("{field:?}"), format!("{item_type:?}"))
            }
            K::Missing { field } => poll_words(lang).missing(format!("{field:?}")),
            K::BadRange { min, max } => poll_words(lang).bad_range(min, max),
            K::OutOfRange { found, min, max } => poll_words(lang).out_of_range(min, max, found),
            K::MultipleFreeText => poll_words(lang).multiple_free_text.into(),
            K::UnknownItem { id } => poll_words(lang).unknown_item(format!("{id:?}")),
            K::UnknownOption { item, option } => {
                poll_words(lang).unknown_option(format!("{item:?}"), format!("{option:?}"))
            }
            K::NotChoosable { id } => poll_words(lang).not_choosable(format!("{id:?}")),
            K::DecidedItemConditional => poll_words(lang).decided_item_conditional.into(),
            K::NoDecidedItem { kind } => poll_words(lang).no_decided_item(format!("{kind:?}")),
            K::WrongOptions { expected, found } => {
                poll_words(lang).wrong_options(format!("{expected:?}"), format!("{found:?}"))
            }
            K::PersonRequired => poll_words(lang).person_required.into(),
            K::BadFraction {
                numerator,
                denominator,
            } => poll_words(lang).bad_fraction(numerator, denominator),
            K::MatterRequired => poll_words(lang).matter_required.into(),
            K::UnknownMatter { found } => poll_words(lang).unknown_matter(format!("{found:?}")),
            K::PresetNotForMatter {
                preset,
                matter,
                expected,
            } => poll_words(lang).preset_not_for_matter(
                format!("{preset:?}"),
                format!("{matter:?}"),
                format!("{expected:?}"),
            ),
            K::UnknownTargetBase { found } => {
                poll_words(lang).unknown_target_base(format!("{found:?}"))
            }
            K::TargetOnSeveralChoices { item } => {
                poll_words(lang).target_on_several_choices(format!("{item:?}"))
            }
            K::ConditionShape => poll_words(lang).condition_shape.to_owned(),
            K::TooFewConditions { found } => poll_words(lang).too_few_conditions(found),
            K::TooDeep { max } => poll_words(lang).too_deep(max),
            K::BadLanguage {
                tag,
                why: BadTag::Malformed,
            } => poll_words(lang).bad_language_malformed(format!("{tag:?}")),
            K::BadLanguage {
                tag,
                why: BadTag::OwnSlot,
            } => poll_words(lang).bad_language_own_slot(format!("{tag:?}")),
            K::BadLanguage {
                tag,
                why: BadTag::NoLanguage,
            } => poll_words(lang).bad_language_no_language(format!("{tag:?}")),
            K::DuplicateLanguage { tag } => poll_words(lang).duplicate_language(format!("{tag:?}")),
            K::BoardCandidate { found } => poll_words(lang).board_candidate(format!("{found:?}")),
        }
    }
}
