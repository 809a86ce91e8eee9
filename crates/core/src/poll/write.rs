//! A checked poll back into its raw shape, in the format's field order (`Poll::to_json`, and the
//! poll a bundle embeds): `Poll::from_json` of the result gives back an equal poll with the same
//! hash.

use super::dto::{
    ChoiceDto, ConditionDto, ItemDto, PersonDto, PlaceDto, PollDto, RuleDto, TargetDto, TextDto,
};
use super::*;

impl Poll {
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

fn text_dto(t: &Text) -> TextDto {
    TextDto {
        vi: t.vi().into(),
        en: t.en().map(Into::into),
        others: t
            .others()
            .iter()
            .map(|(tag, s)| (tag.as_str().to_owned(), s.clone()))
            .collect(),
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
