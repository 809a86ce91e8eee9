//! What can be wrong with a poll definition. Every error names the JSON field path it is about
//! (for example `items[0].options[2].label.vi`) and carries the data a person needs to fix it;
//! `PollError::message` renders it in Vietnamese or English for the app, the CLI and a server alike.

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
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PollErrorKind {
    #[error("not valid JSON at line {line}, column {column}: {detail}")]
    Json {
        line: usize,
        column: usize,
        detail: String,
    },
    #[error("format must be \"phieu/poll\", found {found:?}")]
    UnknownFormat { found: String },
    #[error("version {found} is not supported (this phieu reads version 1)")]
    UnsupportedVersion { found: u64 },
    #[error("must not be empty")]
    Empty,
    #[error("is {len} characters long, at most {max} allowed")]
    TooLong { len: usize, max: usize },
    #[error("has {found} entries, at most {max} allowed")]
    TooMany { found: usize, max: usize },
    #[error("id {id:?} must be 1-64 characters of a-z, 0-9, '_' or '-'")]
    BadId { id: String },
    #[error("id {id:?} is used twice")]
    Duplicate { id: String },
    #[error("unknown poll kind {found:?}")]
    UnknownKind { found: String },
    #[error("unknown item type {found:?}")]
    UnknownItemType { found: String },
    #[error("unknown rule preset {found:?}")]
    UnknownPreset { found: String },
    #[error("rule preset {preset:?} cannot decide a poll of kind {kind:?}")]
    PresetNotForKind { preset: String, kind: String },
    #[error("a poll needs at least one item")]
    NoItems,
    #[error("needs at least {min} options, found {found}")]
    TooFewOptions { min: usize, found: usize },
    #[error("field {field:?} is not allowed on an item of type {item_type:?}")]
    NotAllowed {
        field: &'static str,
        item_type: String,
    },
    #[error("field {field:?} is required here")]
    Missing { field: &'static str },
    #[error("minimum {min} is greater than maximum {max}")]
    BadRange { min: i64, max: i64 },
    #[error("must be between {min} and {max}, found {found}")]
    OutOfRange { found: i64, min: i64, max: i64 },
    #[error("at most one option of an item may take free text")]
    MultipleFreeText,
    #[error("no item with id {id:?} comes before this one")]
    UnknownItem { id: String },
    #[error("item {item:?} has no option {option:?}")]
    UnknownOption { item: String, option: String },
    #[error("item {id:?} has no options to test (only single, multiple and scale items do)")]
    NotChoosable { id: String },
    #[error("an item decided by the rule must be shown to every voter (no show_if)")]
    DecidedItemConditional,
    #[error(
        "a poll of kind {kind:?} needs at least one single-choice item for the rule to decide"
    )]
    NoDecidedItem { kind: String },
    #[error("options must be exactly {expected:?}, found {found:?}")]
    WrongOptions {
        expected: Vec<&'static str>,
        found: Vec<String>,
    },
    #[error("this item must name the person it is about (field \"person\")")]
    PersonRequired,
    #[error("target {numerator}/{denominator} must be a fraction above 0 and at most 1")]
    BadFraction { numerator: u64, denominator: u64 },
    #[error("a decision must say what it decides (rule.matter: contribution, village_rules, village_head, boards, self_governance, procedural or conference), since the law gives each matter its own rule")]
    MatterRequired,
    #[error("unknown matter {found:?} (contribution, village_rules, village_head, boards, self_governance, procedural or conference)")]
    UnknownMatter { found: String },
    #[error("rule preset {preset:?} cannot decide a matter of kind {matter:?}: the law decides it by {expected:?} (docs/legal.md)")]
    PresetNotForMatter {
        preset: String,
        matter: &'static str,
        expected: &'static str,
    },
    #[error(
        "option {found:?} cannot stand on a board election's list: each option is a candidate"
    )]
    BoardCandidate { found: String },
    #[error("a target on the multiple-choice item {item:?} may name one option only: several options count choices, not ballots, and could exceed the electorate")]
    TargetOnSeveralChoices { item: String },
    #[error("unknown target denominator {found:?} (\"electorate\", the default, or \"ballots\")")]
    UnknownTargetBase { found: String },
    #[error("a show_if is either {{\"item\", \"any_of\"}}, or {{\"all\": [...]}}, or {{\"any\": [...]}}")]
    ConditionShape,
    #[error("combines {found} conditions: \"all\" and \"any\" need at least 2")]
    TooFewConditions { found: usize },
    #[error("conditions nest too deeply: at most {max} levels of \"all\" and \"any\"")]
    TooDeep { max: usize },
    #[error("{tag:?} is not a language this text can be written in ({why:?})")]
    BadLanguage { tag: String, why: BadTag },
    #[error("the text in language {tag:?} is written twice")]
    DuplicateLanguage { tag: String },
}

impl PollErrorKind {
    /// The reason in `lang`, without the field path.
    pub fn message(&self, lang: Lang) -> String {
        use PollErrorKind as K;
        match self {
            K::Json {
                line,
                column,
                detail,
            } => lang.pick(
                format!("không phải JSON hợp lệ ở dòng {line}, cột {column}: {detail}"),
                format!("not valid JSON at line {line}, column {column}: {detail}"),
            ),
            K::UnknownFormat { found } => lang.pick(
                format!("định dạng phải là \"phieu/poll\", nhưng là {found:?}"),
                format!("format must be \"phieu/poll\", found {found:?}"),
            ),
            K::UnsupportedVersion { found } => lang.pick(
                format!("không hỗ trợ phiên bản {found} (phieu này đọc phiên bản 1)"),
                format!("version {found} is not supported (this phieu reads version 1)"),
            ),
            K::Empty => lang.pick("không được để trống".into(), "must not be empty".into()),
            K::TooLong { len, max } => lang.pick(
                format!("dài {len} ký tự, tối đa {max}"),
                format!("is {len} characters long, at most {max} allowed"),
            ),
            K::TooMany { found, max } => lang.pick(
                format!("có {found} mục, tối đa {max}"),
                format!("has {found} entries, at most {max} allowed"),
            ),
            K::BadId { id } => lang.pick(
                format!("mã {id:?} phải gồm 1-64 ký tự a-z, 0-9, '_' hoặc '-'"),
                format!("id {id:?} must be 1-64 characters of a-z, 0-9, '_' or '-'"),
            ),
            K::Duplicate { id } => lang.pick(
                format!("mã {id:?} bị dùng hai lần"),
                format!("id {id:?} is used twice"),
            ),
            K::UnknownKind { found } => lang.pick(
                format!("loại cuộc lấy ý kiến {found:?} không xác định"),
                format!("unknown poll kind {found:?}"),
            ),
            K::UnknownItemType { found } => lang.pick(
                format!("loại câu hỏi {found:?} không xác định"),
                format!("unknown item type {found:?}"),
            ),
            K::UnknownPreset { found } => lang.pick(
                format!("quy tắc {found:?} không xác định"),
                format!("unknown rule preset {found:?}"),
            ),
            K::PresetNotForKind { preset, kind } => lang.pick(
                format!("quy tắc {preset:?} không áp dụng cho loại {kind:?}"),
                format!("rule preset {preset:?} cannot decide a poll of kind {kind:?}"),
            ),
            K::NoItems => lang.pick(
                "cần ít nhất một câu hỏi".into(),
                "a poll needs at least one item".into(),
            ),
            K::TooFewOptions { min, found } => lang.pick(
                format!("cần ít nhất {min} lựa chọn, chỉ có {found}"),
                format!("needs at least {min} options, found {found}"),
            ),
            K::NotAllowed { field, item_type } => lang.pick(
                format!("trường {field:?} không dùng cho câu hỏi loại {item_type:?}"),
                format!("field {field:?} is not allowed on an item of type {item_type:?}"),
            ),
            K::Missing { field } => lang.pick(
                format!("thiếu trường {field:?}"),
                format!("field {field:?} is required here"),
            ),
            K::BadRange { min, max } => lang.pick(
                format!("giá trị nhỏ nhất {min} lớn hơn giá trị lớn nhất {max}"),
                format!("minimum {min} is greater than maximum {max}"),
            ),
            K::OutOfRange { found, min, max } => lang.pick(
                format!("phải từ {min} đến {max}, nhưng là {found}"),
                format!("must be between {min} and {max}, found {found}"),
            ),
            K::MultipleFreeText => lang.pick(
                "mỗi câu hỏi chỉ có tối đa một lựa chọn ghi ý kiến".into(),
                "at most one option of an item may take free text".into(),
            ),
            K::UnknownItem { id } => lang.pick(
                format!("không có câu hỏi mã {id:?} đứng trước câu này"),
                format!("no item with id {id:?} comes before this one"),
            ),
            K::UnknownOption { item, option } => lang.pick(
                format!("câu hỏi {item:?} không có lựa chọn {option:?}"),
                format!("item {item:?} has no option {option:?}"),
            ),
            K::NotChoosable { id } => lang.pick(
                format!("câu hỏi {id:?} không có lựa chọn để so (chỉ câu một lựa chọn, nhiều lựa chọn và thang điểm có)"),
                format!("item {id:?} has no options to test (only single, multiple and scale items do)"),
            ),
            K::DecidedItemConditional => lang.pick(
                "câu hỏi được quyết định theo quy tắc phải hiện cho mọi người (không có show_if)".into(),
                "an item decided by the rule must be shown to every voter (no show_if)".into(),
            ),
            K::NoDecidedItem { kind } => lang.pick(
                format!("loại {kind:?} cần ít nhất một câu hỏi một lựa chọn để quyết định"),
                format!("a poll of kind {kind:?} needs at least one single-choice item for the rule to decide"),
            ),
            K::WrongOptions { expected, found } => lang.pick(
                format!("các lựa chọn phải đúng là {expected:?}, nhưng là {found:?}"),
                format!("options must be exactly {expected:?}, found {found:?}"),
            ),
            K::PersonRequired => lang.pick(
                "câu hỏi này phải ghi người được lấy phiếu (trường \"person\")".into(),
                "this item must name the person it is about (field \"person\")".into(),
            ),
            K::BadFraction {
                numerator,
                denominator,
            } => lang.pick(
                format!("chỉ tiêu {numerator}/{denominator} phải là phân số lớn hơn 0 và không quá 1"),
                format!("target {numerator}/{denominator} must be a fraction above 0 and at most 1"),
            ),
            K::MatterRequired => lang.pick(
                "phải ghi nội dung cần quyết định thuộc loại nào (rule.matter: contribution – đóng góp, village_rules – hương ước, quy ước, village_head – bầu, cho thôi làm Trưởng thôn, boards – bầu, cho thôi làm thành viên Ban Thanh tra nhân dân, Ban Giám sát đầu tư của cộng đồng, self_governance – việc khác của cộng đồng, procedural – việc thủ tục của hội nghị, conference – hội nghị cán bộ, công chức, người lao động), vì pháp luật quy định cách quyết định riêng cho từng loại".into(),
                self.to_string(),
            ),
            K::UnknownMatter { found } => lang.pick(
                format!("loại nội dung {found:?} không có (contribution, village_rules, village_head, boards, self_governance, procedural hoặc conference)"),
                self.to_string(),
            ),
            K::PresetNotForMatter { preset, matter, expected } => lang.pick(
                format!("quy tắc {preset:?} không được dùng cho nội dung loại {matter:?}: pháp luật quy định quyết định theo {expected:?} (xem docs/legal.md)"),
                self.to_string(),
            ),
            K::UnknownTargetBase { found } => lang.pick(
                format!("mẫu số của chỉ tiêu {found:?} không có (\"electorate\": tổng số cử tri, mặc định; hoặc \"ballots\": số phiếu thu về)"),
                self.to_string(),
            ),
            K::TargetOnSeveralChoices { item } => lang.pick(
                format!("chỉ tiêu trên câu nhiều lựa chọn {item:?} chỉ được chọn một lựa chọn: cộng nhiều lựa chọn là đếm số lựa chọn, không phải số phiếu, và có thể vượt tổng số cử tri"),
                self.to_string(),
            ),
            K::ConditionShape => lang.pick(
                "điều kiện hiện câu hỏi (show_if) phải là {\"item\", \"any_of\"}, hoặc {\"all\": [...]}, hoặc {\"any\": [...]}".into(),
                self.to_string(),
            ),
            K::TooFewConditions { found } => lang.pick(
                format!("ghép {found} điều kiện: \"all\" và \"any\" cần ít nhất 2"),
                self.to_string(),
            ),
            K::TooDeep { max } => lang.pick(
                format!("điều kiện lồng nhau quá sâu: tối đa {max} tầng \"all\" và \"any\""),
                self.to_string(),
            ),
            K::BadLanguage { tag, why: BadTag::Malformed } => lang.pick(
                format!("{tag:?} không phải mã ngôn ngữ BCP 47: hãy ghi mã 2 hoặc 3 chữ thường như \"km\" (tiếng Khmer), \"hmn\" (tiếng H'Mông), \"th\" (tiếng Thái Lan), có thể thêm chữ viết và vùng (\"hmn-Latn\", \"km-KH\")"),
                format!("{tag:?} is not a BCP 47 language tag: write a code of 2 or 3 lower-case letters such as \"km\" (Khmer), \"hmn\" (Hmong), \"th\" (Thai), optionally with a script and a region (\"hmn-Latn\", \"km-KH\")"),
            ),
            K::BadLanguage { tag, why: BadTag::OwnSlot } => lang.pick(
                format!("{tag:?} là tiếng Việt hoặc tiếng Anh, đã có ô riêng: hãy ghi vào \"vi\" hoặc \"en\""),
                format!("{tag:?} is Vietnamese or English, which have their own slots: write it as \"vi\" or \"en\""),
            ),
            K::BadLanguage { tag, why: BadTag::NoLanguage } => lang.pick(
                format!("{tag:?} không chỉ một ngôn ngữ nào người đọc được: hãy ghi mã của ngôn ngữ"),
                format!("{tag:?} names no language a voter reads: write the language's own code"),
            ),
            K::DuplicateLanguage { tag } => lang.pick(
                format!("nội dung bằng ngôn ngữ {tag:?} được ghi hai lần"),
                self.to_string(),
            ),
            K::BoardCandidate { found } => lang.pick(
                format!("lựa chọn {found:?} không thể là người ứng cử trong danh sách bầu ban: mỗi lựa chọn là một người ứng cử"),
                self.to_string(),
            ),
        }
    }
}
