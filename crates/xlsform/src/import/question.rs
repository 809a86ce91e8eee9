//! A question row: its type, its id, its label, its options from its list (a `likert` list as a
//! scale), its `constraint` and `required`, and a question that would identify the respondent.

use phieu_core::Lang;

use super::choices::*;
use super::columns::*;
use super::draft::*;
use super::importer::*;
use super::rows::*;
use crate::i18n::import_words;
use crate::name::id_of;
use crate::problem::{Identity, Location, ProblemKind, SkipKind};

/// Whether a text or number question asks who the respondent is (issue 23, item 7): by its
/// name or its label, in Vietnamese or English.
pub(super) fn identifying(id: &str, vi: &str, en: Option<&str>) -> Option<Identity> {
    let label = format!("{} {}", vi, en.unwrap_or("")).to_lowercase();
    let id_has = |words: &[&str]| words.iter().any(|w| id.contains(w));
    let label_has = |words: &[&str]| words.iter().any(|w| label.contains(w));
    if id_has(&[
        "cccd",
        "cmnd",
        "id_number",
        "national_id",
        "can_cuoc",
        "passport",
    ]) || label_has(&[
        "cccd",
        "cmnd",
        "căn cước",
        "chứng minh",
        "id number",
        "identity card",
        "national id",
        "passport",
    ]) {
        Some(Identity::IdNumber)
    } else if id_has(&["phone", "dien_thoai", "sdt", "mobile"])
        || label_has(&["điện thoại", "sđt", "phone number", "mobile"])
    {
        Some(Identity::Phone)
    } else if id == "name"
        || id_has(&[
            "ho_ten",
            "hoten",
            "ho_va_ten",
            "full_name",
            "fullname",
            "respondent_name",
            "ten_nguoi_tra_loi",
            "ten_chu_ho",
        ])
        || label_has(&[
            "họ tên",
            "họ và tên",
            "tên người trả lời",
            "tên chủ hộ",
            "your name",
            "full name",
            "respondent's name",
            "name of the respondent",
        ])
    {
        Some(Identity::Name)
    } else {
        None
    }
}

impl Importer {
    /// A question: its type, name, label, `required`, constraint and condition are each checked,
    /// whatever the others gave; it becomes an item only when nothing was wrong with it.
    pub(super) fn question(&mut self, r: &Row, lists: &mut Lists, type_text: &str) {
        let before = self.problems.len();
        let type_at = r.type_at();
        let parsed = question_type(type_text);
        let mut kind = match parsed {
            QuestionType::Select {
                multiple,
                list,
                other,
            } => self.select(r, lists, multiple, list, other),
            QuestionType::Number => Some(DraftKind::Number {
                min: i64::from(i32::MIN),
                max: i64::from(i32::MAX),
            }),
            QuestionType::Text => Some(DraftKind::Text { max_len: None }),
            QuestionType::Decimal => {
                self.problem(type_at.clone(), ProblemKind::Decimal);
                None
            }
            QuestionType::Refused => {
                self.problem(
                    type_at.clone(),
                    ProblemKind::UnsupportedType {
                        found: type_text.into(),
                    },
                );
                None
            }
        };
        let asked = !matches!(parsed, QuestionType::Refused | QuestionType::Decimal);
        let name = r.name().to_owned();
        let name_at = r.survey.at(r.i, r.name_col);
        let id = self.question_id(&name, &name_at, r.excel_row());
        let (words, label_at) = r.labels();
        // A refused type (a calculate, say) has no label to ask with: not a second problem. A
        // form without Vietnamese needs a label in its own language.
        let unlabelled = match self.vi_header {
            Some(_) => words.vi.is_empty(),
            None => words.is_empty() && !self.preamble.iter().any(|p| !p.words.is_empty()),
        };
        if asked && unlabelled {
            self.missing_label(label_at.clone());
        }
        let required = match yes_no(r.cell(Role::Required)) {
            Some(required) => required,
            None => {
                let found = r.cell(Role::Required).to_owned();
                self.problem(
                    r.at_or_type(Role::Required),
                    ProblemKind::BadRequired { found },
                );
                false
            }
        };
        let constraint = r.cell(Role::Constraint);
        let constraint_at = r.at(Role::Constraint).filter(|_| !constraint.is_empty());
        if let (Some(k), Some(at)) = (&mut kind, &constraint_at) {
            if let Err(p) = apply_constraint(k, constraint, self.max_text_len) {
                self.problem(at.clone(), p);
            }
        }
        let condition = self.row_condition(r);
        let earlier = match &kind {
            Some(k @ (DraftKind::Single { .. } | DraftKind::Multiple { .. })) => Earlier::Select {
                id: id.clone().unwrap_or_default(),
                multiple: matches!(k, DraftKind::Multiple { .. }),
                choices: Some(
                    k.options()
                        .iter()
                        .map(|o| (o.name.clone(), o.id.clone()))
                        .collect(),
                ),
                item: None,
            },
            None if matches!(parsed, QuestionType::Select { .. }) => Earlier::Select {
                id: id.clone().unwrap_or_default(),
                multiple: matches!(parsed, QuestionType::Select { multiple: true, .. }),
                choices: None,
                item: None,
            },
            _ => Earlier::NotChoice { item: None },
        };
        if !asked {
            // The notes before a refused row wait for the next question.
            if !name.is_empty() {
                self.earlier.insert(name, earlier);
            }
            return;
        }
        let label = self.label(r, &words, &label_at);
        if let Some(what) = kind
            .as_ref()
            .filter(|k| matches!(k, DraftKind::Number { .. } | DraftKind::Text { .. }))
            .and_then(|_| {
                let en = label.en.as_deref().or(label.second.as_deref());
                identifying(id.as_deref().unwrap_or(""), &label.vi, en)
            })
        {
            self.notice(label_at.clone(), SkipKind::Identifying { what });
        }
        let ok = self.problems.len() == before;
        let index = self.drafts.len();
        let pushed = ok && kind.is_some() && id.is_some();
        if !name.is_empty() {
            let item = pushed.then_some(index);
            self.earlier.insert(
                name,
                match earlier {
                    Earlier::Select {
                        id,
                        multiple,
                        choices,
                        ..
                    } => Earlier::Select {
                        id,
                        multiple,
                        choices,
                        item,
                    },
                    Earlier::NotChoice { .. } => Earlier::NotChoice { item },
                },
            );
        }
        if let (true, Some(kind), Some(id)) = (pushed, kind, id) {
            self.drafts.push(Draft {
                id,
                words: label,
                required,
                kind,
                relevant_at: condition.as_ref().map(|c| c.at.clone()),
                show_if: condition.map(|c| c.cond),
                type_at,
                name_at,
                label_at,
                constraint_at,
            });
        }
    }

    /// The options of a select, from its list; `None` with the problem reported.
    pub(super) fn select(
        &mut self,
        r: &Row,
        lists: &mut Lists,
        multiple: bool,
        list: Option<&str>,
        other: bool,
    ) -> Option<DraftKind> {
        let type_at = r.type_at();
        let Some(list) = list else {
            self.problem(type_at, ProblemKind::MissingListName);
            return None;
        };
        match lists {
            Lists::NoSheet => {
                if !self.missing_choices_reported {
                    self.problem(Location::sheet("choices"), ProblemKind::MissingSheet);
                    self.missing_choices_reported = true;
                }
                None
            }
            // The sheet's missing column was reported; every list is unknown.
            Lists::Unreadable => None,
            Lists::Read(lists) => match lists.get_mut(list) {
                None => {
                    self.problem(type_at, ProblemKind::MissingList { list: list.into() });
                    None
                }
                Some(l) => {
                    if !l.reported {
                        l.reported = true;
                        self.choice_problems.extend(l.problems.iter().cloned());
                    }
                    if l.problems.is_empty() {
                        let l = l.clone();
                        self.options(&l, list, other, multiple, r)
                    } else {
                        None
                    }
                }
            },
        }
    }

    /// The item id of a question's name; `None` with the problem reported.
    pub(super) fn question_id(&mut self, name: &str, at: &Location, row: u32) -> Option<String> {
        if name.is_empty() {
            self.problem(at.clone(), ProblemKind::MissingName);
            return None;
        }
        let Some(id) = id_of(name) else {
            self.problem(at.clone(), ProblemKind::BadName { name: name.into() });
            return None;
        };
        if let Some(first_row) = self.ids.get(&id).copied() {
            self.problem(
                at.clone(),
                ProblemKind::DuplicateName {
                    name: name.into(),
                    id,
                    first_row,
                },
            );
            return None;
        }
        self.ids.insert(id.clone(), row);
        Some(id)
    }

    /// The options of a select from its list (and "Khác" for `or_other`); a `likert` list with
    /// whole-number names becomes a scale with those values, another is said to stay a single
    /// choice.
    pub(super) fn options(
        &mut self,
        list: &List,
        list_name: &str,
        other: bool,
        multiple: bool,
        r: &Row,
    ) -> Option<DraftKind> {
        let type_at = r.type_at();
        let mut options: Vec<DraftOption> = list
            .choices
            .iter()
            .map(|c| DraftOption {
                name: c.name.clone(),
                id: c.id.clone(),
                words: c.words.clone(),
                free_text: false,
                value: None,
                at: c.at.clone(),
            })
            .collect();
        if options.len() < 2 {
            self.problem(
                type_at,
                ProblemKind::TooFewChoices {
                    list: list_name.into(),
                    found: options.len(),
                },
            );
            return None;
        }
        if other {
            if let Some(c) = options.iter().find(|o| o.id == "other") {
                let first_row = c.at.row_number().unwrap_or(0);
                self.problem(
                    type_at,
                    ProblemKind::DuplicateName {
                        name: "other".into(),
                        id: "other".into(),
                        first_row,
                    },
                );
                return None;
            }
            options.push(DraftOption {
                name: "other".into(),
                id: "other".into(),
                words: Words {
                    vi: import_words(Lang::Vi).other_choice.into(),
                    en: Some(import_words(Lang::En).other_choice.into()),
                    second: None,
                },
                free_text: true,
                value: None,
                at: type_at,
            });
        }
        if multiple {
            let max = options.len() as u64;
            return Some(DraftKind::Multiple {
                options,
                min: 0,
                max,
            });
        }
        let likert = r.cell(Role::Appearance).to_lowercase().contains("likert");
        let values: Option<Vec<i64>> = options.iter().map(|o| o.name.parse::<i64>().ok()).collect();
        let scale = match values {
            Some(values) if !other && likert => {
                for (o, v) in options.iter_mut().zip(values) {
                    o.value = Some(v);
                }
                true
            }
            _ => {
                if likert {
                    self.notice(
                        r.at_or_type(Role::Appearance),
                        SkipKind::LikertWithoutValues,
                    );
                }
                false
            }
        };
        Some(DraftKind::Single { options, scale })
    }
}
