//! The last phase: the place and the title (from the settings sheet or the options), the poll
//! filled in as the core's raw poll and checked by the core like any other, and a core error
//! placed on the cell it came from.

use phieu_core::poll::dto::{ChoiceDto, ItemDto, PlaceDto, PollDto, RuleDto, TextDto};
use phieu_core::poll::{POLL_FORMAT, POLL_VERSION};
use phieu_core::{LangTag, Poll, PollError, PollKind, Preset};

use super::columns::Slot;
use super::cond::*;
use super::draft::*;
use super::importer::*;
use crate::name::slug;
use crate::problem::{Location, Problem, ProblemKind};
use crate::sheet::Sheet;

/// A text as the poll carries it, its second language under `second`'s tag.
pub(super) fn text_dto(w: &Words, second: Option<&LangTag>) -> TextDto {
    TextDto {
        vi: w.vi.clone(),
        en: w.en.clone(),
        others: match (second, &w.second) {
            (Some(tag), Some(s)) => vec![(tag.as_str().to_owned(), s.clone())],
            _ => Vec::new(),
        },
    }
}

/// The raw poll with a stand-in wherever a Vietnamese text is empty (its English, else its
/// second language), only to let the core check everything else of a form without Vietnamese;
/// it is never kept, shown or written.
fn with_stand_ins(dto: &PollDto) -> PollDto {
    let fill = |t: &mut TextDto| {
        if t.vi.is_empty() {
            let stand_in =
                t.en.clone()
                    .or_else(|| t.others.first().map(|(_, s)| s.clone()));
            t.vi = stand_in.unwrap_or_default();
        }
    };
    let mut dto = dto.clone();
    fill(&mut dto.title);
    for item in &mut dto.items {
        fill(&mut item.label);
        for option in item.options.iter_mut().flatten() {
            fill(&mut option.label);
        }
    }
    dto
}

/// A question as the poll carries it (docs/poll-format.md §Items).
pub(super) fn item_dto(d: &Draft, second: Option<&LangTag>) -> ItemDto {
    let options = |options: &[DraftOption]| -> Option<Vec<ChoiceDto>> {
        Some(
            options
                .iter()
                .map(|o| ChoiceDto {
                    id: o.id.clone(),
                    label: text_dto(&o.words, second),
                    free_text: o.free_text,
                    value: o.value,
                })
                .collect(),
        )
    };
    let mut item = ItemDto {
        id: d.id.clone(),
        kind: String::new(),
        required: d.required,
        label: text_dto(&d.words, second),
        person: None,
        show_if: d.show_if.as_ref().map(Cond::dto),
        options: None,
        min: None,
        max: None,
        max_len: None,
        publish: None,
    };
    let kind = match &d.kind {
        DraftKind::Single { options: o, scale } => {
            item.options = options(o);
            if *scale {
                "scale"
            } else {
                "single"
            }
        }
        DraftKind::Multiple {
            options: o,
            min,
            max,
        } => {
            item.options = options(o);
            // At most the number of options, far below i64::MAX.
            item.min = Some(i64::try_from(*min).unwrap_or(i64::MAX));
            item.max = Some(i64::try_from(*max).unwrap_or(i64::MAX));
            "multiple"
        }
        DraftKind::Number { min, max } => {
            item.min = Some(*min);
            item.max = Some(*max);
            "number"
        }
        DraftKind::Text { max_len } => {
            item.max_len = *max_len;
            "text"
        }
    };
    item.kind = kind.into();
    item
}

impl Importer {
    /// The poll, checked by the core like any other, or every problem found.
    pub(super) fn build(
        mut self,
        survey: &Sheet,
        settings: &Settings,
        options: &ImportOptions,
    ) -> Result<Imported, Vec<Problem>> {
        let place = self.place(settings, options);
        let head = self.head(settings, options);
        let (Some((commune, village)), Some((id, title)), true) =
            (place, head, self.problems.is_empty())
        else {
            return Err(self.problems);
        };
        let second = self.langs.second.as_ref();
        // The title is in the form's own language: Vietnamese unless the form has none.
        let title = match (&self.no_vietnamese, self.own_slot, second) {
            (None, _, _) => Words {
                vi: title,
                ..Words::default()
            },
            (Some(_), Some(Slot::Second), Some(_)) => Words {
                second: Some(title),
                ..Words::default()
            },
            (Some(_), _, _) => Words {
                en: Some(title),
                ..Words::default()
            },
        };
        let dto = PollDto {
            format: POLL_FORMAT.into(),
            version: POLL_VERSION,
            id,
            kind: PollKind::Survey.name().into(),
            title: text_dto(&title, second),
            subject: None,
            place: PlaceDto { commune, village },
            rule: RuleDto {
                preset: Preset::None.name().into(),
                matter: None,
                target: None,
            },
            items: self.drafts.iter().map(|d| item_dto(d, second)).collect(),
        };
        if self.no_vietnamese.is_some() {
            return match Poll::try_from(with_stand_ins(&dto)) {
                Ok(_) => Ok(Imported {
                    poll: ImportedPoll::NeedsVietnamese(dto),
                    skipped: self.skipped,
                }),
                Err(e) => Err(vec![Problem::new(
                    self.locate(&e, settings, survey),
                    ProblemKind::Poll(e),
                )]),
            };
        }
        match Poll::try_from(dto) {
            Ok(poll) => Ok(Imported {
                poll: ImportedPoll::Ready(poll),
                skipped: self.skipped,
            }),
            Err(e) => Err(vec![Problem::new(
                self.locate(&e, settings, survey),
                ProblemKind::Poll(e),
            )]),
        }
    }

    /// The commune and village: the officer's, else the `settings` sheet's.
    pub(super) fn place(
        &mut self,
        settings: &Settings,
        options: &ImportOptions,
    ) -> Option<(String, String)> {
        let given = |o: &Option<String>| {
            o.as_deref()
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_owned)
        };
        let from_sheet = |key: &str| {
            settings
                .get(key)
                .map(|(v, _)| v.clone())
                .filter(|s| !s.is_empty())
        };
        let village = given(&options.village)
            .or_else(|| from_sheet("village"))
            .unwrap_or_default();
        match given(&options.commune).or_else(|| from_sheet("commune")) {
            Some(commune) => Some((commune, village)),
            None => {
                self.problem(Location::sheet("settings"), ProblemKind::NoCommune);
                None
            }
        }
    }

    /// The poll id and title: `form_id` and `form_title`, else the file name (as pyxform does).
    pub(super) fn head(
        &mut self,
        settings: &Settings,
        options: &ImportOptions,
    ) -> Option<(String, String)> {
        let stem = options.file_stem.trim();
        let title_cell = settings.get("form_title").filter(|(v, _)| !v.is_empty());
        let id = match settings.get("form_id").filter(|(v, _)| !v.is_empty()) {
            Some((form_id, at)) => match slug(form_id) {
                Some(id) => id,
                None => {
                    self.problem(
                        at.clone(),
                        ProblemKind::BadFormId {
                            found: form_id.clone(),
                        },
                    );
                    return None;
                }
            },
            None => {
                let source = if stem.is_empty() {
                    title_cell.map_or("", |(v, _)| v.as_str())
                } else {
                    stem
                };
                match slug(source) {
                    Some(id) => id,
                    None => {
                        self.problem(
                            Location::sheet("settings"),
                            ProblemKind::BadFormId {
                                found: source.into(),
                            },
                        );
                        return None;
                    }
                }
            }
        };
        let title = match title_cell {
            Some((t, _)) => t.clone(),
            None if !stem.is_empty() => stem.to_owned(),
            None => id.clone(),
        };
        Some((id, title))
    }

    /// The cell a core error is about: `items[3].options[1].label.vi` is the label of the choice
    /// behind the second option of the fourth item.
    pub(super) fn locate(&self, e: &PollError, settings: &Settings, survey: &Sheet) -> Location {
        let path = e.path();
        if let Some(rest) = path.strip_prefix("items[") {
            let (index, rest) = rest.split_once(']').unwrap_or((rest, ""));
            if let Some(d) = index.parse::<usize>().ok().and_then(|i| self.drafts.get(i)) {
                if let Some(opt) = rest.strip_prefix(".options[") {
                    let j = opt
                        .split_once(']')
                        .and_then(|(j, _)| j.parse::<usize>().ok());
                    if let Some(o) = j.and_then(|j| d.kind.options().get(j)) {
                        return o.at.clone();
                    }
                }
                return if rest.starts_with(".label") {
                    d.label_at.clone()
                } else if rest.starts_with(".id") {
                    d.name_at.clone()
                } else if rest.starts_with(".show_if") {
                    d.relevant_at.clone().unwrap_or_else(|| d.type_at.clone())
                } else if rest.starts_with(".min") || rest.starts_with(".max") || rest.is_empty() {
                    d.constraint_at.clone().unwrap_or_else(|| d.type_at.clone())
                } else {
                    d.type_at.clone()
                };
            }
            return Location::sheet(survey.name());
        }
        let key = match path.split('.').next().unwrap_or("") {
            "id" => "form_id",
            "title" => "form_title",
            "place" => "commune",
            _ => return Location::sheet(survey.name()),
        };
        settings
            .get(key)
            .map_or_else(|| Location::sheet("settings"), |(_, at)| at.clone())
    }
}
