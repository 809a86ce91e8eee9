//! The questions the designer offers, with the wording the law fixes (domain brief, "Ballot
//! wording"; docs/poll-format.md §Kinds): a kind of question added in one tap
//! ([`ItemPreset`]), the standard options and the ids a rule counts, keeping a decided item's
//! options to those, and which of its options the form locks and whether it names a person.

use phieu_core::PollKind;

use super::draft::{Draft, ItemDraft, ItemType, Label, OptionDraft};

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

    pub(super) fn item_type(self) -> ItemType {
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

impl Draft {
    fn standard(&mut self, s: &Standard) -> OptionDraft {
        OptionDraft {
            key: self.new_key(),
            id: s.id.into(),
            label: Label::new(s.vi, s.en),
            free_text: s.free_text,
            value: String::new(),
        }
    }

    pub(super) fn blank_option(&mut self, item: &ItemDraft) -> OptionDraft {
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

    pub(super) fn new_item(&mut self, preset: ItemPreset) -> ItemDraft {
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

    pub(super) fn standard_options(&mut self, i: usize) {
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

    /// An election item is in its one-candidate form when it offers agree or disagree.
    fn agree_disagree(&self, item: &ItemDraft) -> bool {
        self.kind == PollKind::Election
            && item
                .options
                .iter()
                .any(|o| o.id == AGREE.id || o.id == DISAGREE.id)
    }
}
