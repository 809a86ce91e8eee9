//! The designer's wording of the core's problems: ids become question numbers and option words,
//! a rule that does not fit its matter is said in words, and every word exists in both
//! languages.

use phieu_core::{Lang, PollKind};

use super::*;
use crate::state::designer::{Edit, ItemPreset};

fn message_of(draft: &Draft, lang: Lang) -> String {
    let problems = draft.check().expect_err("a problem");
    problem_message(&problems[0], draft, lang)
}

fn survey() -> Draft {
    [
        Edit::Title(Lang::Vi, "Khảo sát".into()),
        Edit::Commune("Xã A".into()),
        Edit::AddItem(ItemPreset::YesNo),
        Edit::ItemLabel(0, Lang::Vi, "Một".into()),
        Edit::AddItem(ItemPreset::Text),
        Edit::ItemLabel(1, Lang::Vi, "Hai".into()),
    ]
    .into_iter()
    .fold(Draft::blank(PollKind::Survey, "s".into()), |d, e| {
        d.apply(e)
    })
}

#[test]
fn ids_become_question_numbers_and_option_words() {
    let s = survey();
    assert!(s.check().is_ok());
    // A condition on a question that is now below: said with its number.
    let below = s
        .apply(Edit::ShowIfItem(0, Some(s.items[1].key)))
        .apply(Edit::MoveItem { from: 1, to: 0 })
        .apply(Edit::ShowIfItem(1, Some(s.items[0].key)));
    let m = message_of(&below, Lang::Vi);
    assert!(m.starts_with("Câu 2 phải đứng trước câu này"), "{m}");
    // The text question is no condition.
    let text = s.apply(Edit::MoveItem { from: 1, to: 0 });
    let text = text.apply(Edit::ShowIfItem(1, Some(text.items[0].key)));
    assert_eq!(
        message_of(&text, Lang::En),
        "Question 1 has no options to test (only single, multiple or scale questions do)."
    );
    // Options the rule needs: said in words, not ids.
    let decision = s
        .apply(Edit::Kind(PollKind::Decision))
        .apply(Edit::Matter(phieu_core::Matter::VillageRules));
    assert_eq!(
        message_of(&decision, Lang::Vi),
        "Câu này phải có các lựa chọn: Đồng ý, Không đồng ý."
    );
    // A plain reason is the core's own, without the JSON path.
    let empty = s.apply(Edit::Title(Lang::Vi, String::new()));
    assert_eq!(message_of(&empty, Lang::Vi), "Không được để trống.");
    assert_eq!(message_of(&empty, Lang::En), "Must not be empty.");
    let nan = s
        .apply(Edit::ItemType(1, crate::state::designer::ItemType::Number))
        .apply(Edit::Min(1, "mười".into()));
    assert_eq!(message_of(&nan, Lang::Vi), "“mười” không phải số nguyên.");
}

#[test]
fn a_rule_that_does_not_fit_the_matter_is_said_in_words_not_ids_issue_16() {
    let mut d = [
        Edit::Title(Lang::Vi, "Hương ước".into()),
        Edit::Commune("Xã A".into()),
        Edit::AddItem(ItemPreset::Decision),
        Edit::ItemLabel(0, Lang::Vi, "Thông qua hương ước?".into()),
        Edit::Matter(phieu_core::Matter::VillageRules),
    ]
    .into_iter()
    .fold(Draft::blank(PollKind::Decision, "h".into()), |d, e| {
        d.apply(e)
    });
    assert!(d.check().is_ok());
    // Only a record written by hand can hold such a pair; it is still said in words.
    d.preset = phieu_core::Preset::MajorityPresent;
    for lang in [Lang::Vi, Lang::En] {
        let m = message_of(&d, lang);
        assert!(!m.contains("majority"), "{m}");
        assert!(!m.contains("village_rules"), "{m}");
    }
    assert!(message_of(&d, Lang::Vi).contains("trên 50% tổng số đại diện hộ gia đình"));
    let mut blank = d.clone();
    blank.matter = None;
    assert!(message_of(&blank, Lang::Vi).starts_with("Hãy chọn việc cần biểu quyết"));
}

#[test]
fn every_word_exists_in_both_languages() {
    for matter in phieu_core::Matter::ALL {
        assert_ne!(matter_name(matter, Lang::Vi), matter_name(matter, Lang::En));
        assert_ne!(matter_rule(matter, Lang::Vi), matter_rule(matter, Lang::En));
        // A rule is said in words: never a preset id.
        assert!(!matter_rule(matter, Lang::En).contains('_'));
    }
    for kind in PollKind::ALL {
        assert_ne!(kind_name(kind, Lang::Vi), kind_name(kind, Lang::En));
        for preset in ItemPreset::for_kind(kind) {
            let (vi, en) = (
                preset_name(*preset, Lang::Vi),
                preset_name(*preset, Lang::En),
            );
            assert!(!vi.is_empty() && !en.is_empty());
        }
    }
    for preset in phieu_core::Preset::ALL {
        assert_ne!(
            electorate_name(preset, Lang::Vi),
            electorate_name(preset, Lang::En)
        );
    }
}
