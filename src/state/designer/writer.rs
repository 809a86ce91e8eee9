//! Writing the poll: the draft fills in the core's raw poll (`phieu_core::poll::dto`, the one
//! writer of the format, docs/poll-format.md), with the problems of the number fields that are
//! not numbers; [`Draft::check`] hands it to `Poll::try_from` and places the core's verdict on
//! its field.

use phieu_core::poll::dto::{
    ChoiceDto, ConditionDto, ItemDto, PersonDto, PlaceDto, PollDto, RuleDto, TargetDto, TextDto,
};
use phieu_core::{Poll, PollKind, Preset, TargetBase};

use super::draft::{Draft, ItemType, KeptShowIf, Label, ShowIf};
use super::field::{Field, FieldProblem, ItemField, OptionField, Problem};

impl Draft {
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
            title: self.title.to_dto(&self.second_lang),
            subject: (!self.subject.is_blank()).then(|| self.subject.to_dto(&self.second_lang)),
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
            position: (!item.person_position.is_blank())
                .then(|| item.person_position.to_dto(&self.second_lang)),
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
            label: item.label.to_dto(&self.second_lang),
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
                            label: o.label.to_dto(&self.second_lang),
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
        // Every label written in another language without its Vietnamese, all at once (an
        // imported form's, issue 23, item 6): the core names only the first (on its field, its
        // own words), these the others.
        let missing: Vec<FieldProblem> = self
            .missing_vietnamese()
            .into_iter()
            .map(|field| FieldProblem {
                field,
                problem: Problem::NoVietnamese,
            })
            .collect();
        let result = match Poll::try_from(dto) {
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
        };
        match result {
            Ok(poll) if missing.is_empty() => Ok(poll),
            Ok(_) => Err(missing),
            Err(mut problems) => {
                for p in missing {
                    if problems.iter().all(|q| q.field != p.field) {
                        problems.push(p);
                    }
                }
                Err(problems)
            }
        }
    }
}

impl Label {
    /// The format's Text: English only when typed (an empty English field means none), the
    /// second language under its tag likewise, and any further language kept from the poll.
    fn to_dto(&self, second_lang: &str) -> TextDto {
        let second = (!second_lang.is_empty() && !self.second.trim().is_empty())
            .then(|| (second_lang.to_owned(), self.second.clone()));
        TextDto {
            vi: self.vi.clone(),
            en: (!self.en.trim().is_empty()).then(|| self.en.clone()),
            others: second.into_iter().chain(self.more.clone()).collect(),
        }
    }
}
