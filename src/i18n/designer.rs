//! The words of the poll designer, and the designer's wording of the core's poll errors: the
//! core decides what is wrong and where (`PollError`); here a few of its reasons are said the
//! way an officer who never saw the JSON understands them (question numbers instead of ids,
//! the option names instead of their ids). Every other reason is the core's own message.
//!
//! The words themselves are `words` (the designer's own, and its names for kinds, item types
//! and electorates) and `matter` (a decision's matter and its rule, the setup page's words);
//! the wording of problems is here.

mod matter;
mod words;

use phieu_core::{Lang, PollErrorKind};

pub use matter::{matter_name, matter_rule, matter_words, setup_words, MatterWords, SetupWords};
pub use words::{electorate_name, kind_name, preset_name, type_name, words, Words};

use crate::state::designer::{Draft, Field, FieldProblem, ItemField, KeptShowIf, Problem};

/// The words of a standard option id, for "this question must offer …".
fn option_words(id: &str, lang: Lang) -> String {
    let w = words(lang);
    match id {
        "dong_y" => w.option_dong_y,
        "khong_dong_y" => w.option_khong_dong_y,
        "tin_nhiem_cao" => w.option_tin_nhiem_cao,
        "tin_nhiem" => w.option_tin_nhiem,
        "tin_nhiem_thap" => w.option_tin_nhiem_thap,
        "khong_tin_nhiem" => w.option_khong_tin_nhiem,
        other => other,
    }
    .to_owned()
}

/// The number shown for the item with id `id` ("3" for the third question), or the id itself.
fn question_number(draft: &Draft, id: &str) -> String {
    draft
        .items
        .iter()
        .position(|i| i.id == id)
        .map_or_else(|| id.to_owned(), |i| (i + 1).to_string())
}

/// The sentence shown next to a field for `problem`.
/// Where a problem is, named as the designer labels it ("Câu 2, lựa chọn 1", "Tiêu đề phiếu"),
/// for the summary at the top, which is far from the field (issue 22, item 8). `None` for a
/// problem of the poll as a whole or of its list of questions: the message says it.
pub fn problem_place(field: Field, lang: Lang) -> Option<String> {
    let w = words(lang);
    // The label without its parenthesis: "Về việc (ghi trong …)" is "Về việc".
    let short = |label: &str| label.split(" (").next().unwrap_or(label).to_owned();
    Some(match field {
        Field::Poll | Field::Items => return None,
        Field::PollId => w.poll_id.into(),
        Field::Kind => w.kind_legend.into(),
        Field::Preset => w.rule_legend.into(),
        Field::Title(_) => w.poll_title.into(),
        Field::Subject(_) => short(w.subject),
        Field::Commune => w.commune.into(),
        Field::Village => w.village.into(),
        Field::Matter => matter_words(lang).matter_legend.into(),
        Field::TargetItem | Field::TargetOptions | Field::TargetFraction => short(w.target_legend),
        Field::Item(i, ItemField::Option(j, _)) => format!(
            "{}, {}",
            w.question_n(i + 1),
            w.option_n(j + 1).to_lowercase()
        ),
        Field::Item(i, _) => w.question_n(i + 1),
    })
}

pub fn problem_message(problem: &FieldProblem, draft: &Draft, lang: Lang) -> String {
    let w = words(lang);
    let m = matter_words(lang);
    let error = match &problem.problem {
        Problem::NotANumber { text } => return w.not_a_number(text),
        Problem::SeatsMissing => return m.seats_missing.into(),
        Problem::NoVietnamese => return w.no_vietnamese.into(),
        Problem::Core(e) => e,
    };
    if problem.field == Field::Poll {
        // Not placed on a field: the path says where.
        return error.message(lang);
    }
    use PollErrorKind as K;
    let at_item = |f: ItemField| matches!(problem.field, Field::Item(_, g) if g == f);
    match error.kind() {
        K::UnknownItem { id } if at_item(ItemField::ShowIfItem) => {
            w.condition_below(question_number(draft, id))
        }
        K::UnknownItem { .. } if problem.field == Field::TargetItem => w.pick_target_item.into(),
        K::NotChoosable { id } => w.condition_not_choosable(question_number(draft, id)),
        K::Empty if at_item(ItemField::ShowIfAnswers) => w.pick_condition_answer.into(),
        K::DecidedItemConditional => w.decided_shown_to_all.into(),
        K::WrongOptions { expected, .. } => {
            let list: Vec<String> = expected.iter().map(|id| option_words(id, lang)).collect();
            w.wrong_options(list.join(", "))
        }
        K::NoDecidedItem { .. } => w.no_decided_item(kind_name(draft.kind, lang).0),
        K::PersonRequired => w.person_required.into(),
        K::MatterRequired | K::UnknownMatter { .. } => m.pick_matter.into(),
        // Said in words, never with the preset ids the core's message names.
        K::PresetNotForMatter { .. } => match draft.matter {
            Some(matter) => m.preset_not_for_matter(matter_rule(matter, lang)),
            None => m.pick_matter.into(),
        },
        K::BoardCandidate { .. } => m.board_candidate.into(),
        K::Missing {
            field: "min" | "max",
        } => w.number_bound_missing.into(),
        K::Missing { field: "value" } => w.value_missing.into(),
        K::NotAllowed {
            field: "free_text", ..
        } => w.free_text_not_here.into(),
        // Everything else is said as the core says it, without the JSON path (the message
        // stands next to its field), as a sentence.
        kind => sentence(&kind.message(lang)),
    }
}

/// A kept combined condition in words, for the question that carries it: "câu 1 = Có và
/// (câu 2 = Giếng hoặc Sông)".
pub fn describe_kept(draft: &Draft, k: &KeptShowIf, lang: Lang) -> String {
    let w = words(lang);
    match k {
        KeptShowIf::When(c) => {
            let Some(t) = draft.item_at(c.item) else {
                return String::new();
            };
            let target = &draft.items[t];
            let answers: Vec<String> = c
                .any_of
                .iter()
                .filter_map(|k| target.option_at(*k))
                .map(|j| {
                    let label = &target.options[j].label;
                    let text = label.get(lang).trim();
                    if text.is_empty() {
                        label.vi.trim().to_owned()
                    } else {
                        text.to_owned()
                    }
                })
                .collect();
            format!("{} = {}", w.question_n(t + 1), answers.join(w.kept_or))
        }
        KeptShowIf::All(parts) | KeptShowIf::Any(parts) => {
            let join = if matches!(k, KeptShowIf::All(_)) {
                w.kept_and
            } else {
                w.kept_or
            };
            parts
                .iter()
                .map(|p| match p {
                    KeptShowIf::When(_) => describe_kept(draft, p, lang),
                    _ => format!("({})", describe_kept(draft, p, lang)),
                })
                .collect::<Vec<_>>()
                .join(join)
        }
    }
}

/// `text` with a capital first letter and a full stop.
fn sentence(text: &str) -> String {
    let mut chars = text.chars();
    let Some(first) = chars.next() else {
        return String::new();
    };
    let mut s: String = first.to_uppercase().chain(chars).collect();
    if !s.ends_with(['.', '?', '!']) {
        s.push('.');
    }
    s
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod place_tests;
