//! Checking a poll (docs/poll-format.md §Validation): the raw shape read from JSON becomes a
//! `Poll` only through `TryFrom<PollDto>`, which names the path of the first problem: ids unique
//! and well formed, labels within their limits, options that exist, skip logic that looks only
//! backwards, and a rule preset that fits the kind of poll and its matter.

use std::collections::HashSet;

use super::canonical::encode;
use super::dto::{ChoiceDto, ConditionDto, ItemDto, PollDto, RuleDto, TextDto};
use super::*;

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
    check_count(path, t.others.len(), MAX_LANGUAGES)?;
    let mut text = Text::new(vi, en);
    for (tag, s) in t.others {
        let at = format!("{path}.{tag}");
        let parsed = LangTag::parse(&tag).map_err(|why| {
            err(
                &at,
                PollErrorKind::BadLanguage {
                    tag: tag.clone(),
                    why,
                },
            )
        })?;
        if text.others().iter().any(|(t, _)| *t == parsed) {
            return Err(err(&at, PollErrorKind::DuplicateLanguage { tag }));
        }
        text = text.with(parsed, check_str(&at, s, false)?);
    }
    Ok(text)
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
            elsewhere: Vec::new(),
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
