//! The designer's model: drafts round-trip every shipped poll, every edit does what it says
//! and nothing else, and every problem the core can find in a draft lands on its field.

use std::rc::Rc;

use phieu_core::{
    Answer, ItemKind, Lang, Matter, Poll, PollErrorKind, PollKind, Preset, TargetBase,
};
use serde_json::Value;

use super::*;
use crate::state::meeting::Step;

fn read(path: &str) -> String {
    let full = format!("{}/{path}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("{full}: {e}"))
}

/// Every poll the app ships: the demo, the 20-question benchmark survey, every template.
fn shipped_polls() -> Vec<(String, Poll)> {
    #[derive(serde::Deserialize)]
    struct Entry {
        file: String,
    }
    let index: Vec<Entry> = serde_json::from_str(&read("assets/templates/index.json")).unwrap();
    assert_eq!(
        index.len(),
        10,
        "the nine templates of issue #7 and the board of issue 16"
    );
    let mut paths = vec![
        "assets/polls/demo.json".to_owned(),
        "assets/polls/survey20.json".to_owned(),
    ];
    paths.extend(index.iter().map(|e| format!("assets/templates/{}", e.file)));
    paths
        .into_iter()
        .map(|p| {
            let poll = Poll::from_json(&read(&p)).unwrap_or_else(|e| panic!("{p}: {e}"));
            (p, poll)
        })
        .collect()
}

#[test]
fn every_shipped_poll_round_trips_through_a_draft_with_its_hash() {
    for (path, poll) in shipped_polls() {
        let draft = Draft::from_poll(&poll);
        let again = draft.check().unwrap_or_else(|p| panic!("{path}: {p:?}"));
        assert_eq!(again, poll, "{path}");
        assert_eq!(again.hash(), poll.hash(), "{path}");
        // And through the drafts store.
        let saved = SavedDraft::new("k".into(), 1.0, draft.clone());
        let back = SavedDraft::decode(&saved.encode()).unwrap();
        assert_eq!(back.draft, draft, "{path}");
    }
}

/// The one problem a draft has (the test fails when it has none, or several).
fn only_problem(draft: &Draft) -> FieldProblem {
    let problems = draft.check().expect_err("the draft should have a problem");
    assert_eq!(problems.len(), 1, "{problems:?}");
    problems.into_iter().next().unwrap()
}

fn core_kind(p: &FieldProblem) -> &PollErrorKind {
    match &p.problem {
        Problem::Core(e) => e.kind(),
        other => panic!("not a core problem: {other:?}"),
    }
}

/// Applies edits in order.
fn edited(draft: &Draft, edits: impl IntoIterator<Item = Edit>) -> Draft {
    edits.into_iter().fold(draft.clone(), |d, e| d.apply(e))
}

/// The journey's poll, made from blank: a yes/no question, and a single-choice question
/// shown only to those who answered yes.
fn built_from_blank() -> Draft {
    let draft = Draft::blank(PollKind::Survey, "phieu-thu".into());
    edited(
        &draft,
        [
            Edit::Title(Lang::Vi, "Lấy ý kiến về sân chơi".into()),
            Edit::Commune("Xã Tân Hòa".into()),
            Edit::Village("Thôn Bình An".into()),
            Edit::AddItem(ItemPreset::YesNo),
            Edit::ItemLabel(0, Lang::Vi, "Thôn có cần sân chơi không?".into()),
            Edit::AddItem(ItemPreset::Single),
            Edit::ItemLabel(1, Lang::Vi, "Đặt sân chơi ở đâu?".into()),
            Edit::OptionLabel(1, 0, Lang::Vi, "Cạnh nhà văn hóa".into()),
            Edit::OptionLabel(1, 1, Lang::Vi, "Cạnh trường học".into()),
        ],
    )
}

fn with_skip_logic(draft: &Draft) -> Draft {
    let yes = draft.items[0].options[0].key;
    edited(
        draft,
        [
            Edit::ShowIfItem(1, Some(draft.items[0].key)),
            Edit::ShowIfAnswer(1, yes, true),
        ],
    )
}

#[test]
fn a_poll_built_from_blank_is_a_valid_poll_with_skip_logic() {
    let draft = with_skip_logic(&built_from_blank());
    let poll = draft.check().unwrap();
    assert_eq!(poll.kind(), PollKind::Survey);
    assert_eq!(poll.rule().preset(), Preset::None);
    assert_eq!(poll.items().len(), 2);
    let ids: Vec<&str> = poll.items().iter().map(|i| i.id()).collect();
    assert_eq!(ids, ["q1", "q2"]);
    let yes_no: Vec<&str> = poll.items()[0]
        .kind()
        .options()
        .iter()
        .map(|o| o.label().vi())
        .collect();
    assert_eq!(yes_no, ["Có", "Không"]);
    let c = poll.items()[1].show_if().unwrap().as_condition().unwrap();
    assert_eq!((c.item(), c.any_of()), ("q1", &["co".to_owned()][..]));
    // English left empty is no English: the Vietnamese shows in both languages.
    assert_eq!(poll.title().en(), None);
    assert_eq!(poll.items()[1].label().get(Lang::En), "Đặt sân chơi ở đâu?");
    assert!(poll.subject().is_none());
    // The preview walks the skip logic as the voter would: "Không" skips the second question.
    let mut designer = Designer::default().apply(DesignerAction::StartPreview(Rc::new(poll)));
    for action in [
        VoterAction::Forward,
        VoterAction::Answer(0, Answer::choice("khong".to_owned())),
        VoterAction::Forward,
    ] {
        designer = designer.apply(DesignerAction::Vote(action));
    }
    let preview = designer.preview.as_ref().unwrap();
    assert_eq!(preview.voting.step, Step::Review);
    assert!(!preview.finished);
    let designer = designer.apply(DesignerAction::Vote(VoterAction::Confirm));
    assert!(designer.preview.as_ref().unwrap().finished);
    assert!(designer.apply(DesignerAction::EndPreview).preview.is_none());
}

#[test]
fn every_offered_question_makes_a_valid_poll_of_its_kind() {
    for kind in PollKind::ALL {
        for preset in ItemPreset::for_kind(kind) {
            let mut draft = edited(
                &Draft::blank(kind, "p".into()),
                [
                    Edit::Title(Lang::Vi, "Phiếu".into()),
                    Edit::Commune("Xã A".into()),
                    // Written out only for a decision.
                    Edit::Matter(Matter::SelfGovernance),
                ],
            );
            // A kind that decides needs one decided question besides the undecided ones.
            if preset.item_type() != ItemType::Single && kind != PollKind::Survey {
                draft = draft.apply(Edit::AddItem(ItemPreset::for_kind(kind)[0]));
            }
            draft = draft.apply(Edit::AddItem(*preset));
            for i in 0..draft.items.len() {
                draft = draft.apply(Edit::ItemLabel(i, Lang::Vi, format!("Câu {i}")));
                if draft.shows_person(i) {
                    draft = draft.apply(Edit::PersonName(i, "Nguyễn Văn A".into()));
                }
                if draft.board(i) {
                    draft = draft.apply(Edit::ChooseMax(i, "2".into()));
                }
                for j in 0..draft.items[i].options.len() {
                    if draft.items[i].options[j].label.vi.is_empty() {
                        draft = draft.apply(Edit::OptionLabel(i, j, Lang::Vi, format!("Ý {j}")));
                    }
                }
            }
            let poll = draft
                .check()
                .unwrap_or_else(|p| panic!("{kind:?} {preset:?}: {p:?}"));
            assert_eq!(poll.kind(), kind);
        }
    }
}

#[test]
fn paths_of_core_errors_map_to_fields() {
    use Field as F;
    use ItemField as I;
    use OptionField as O;
    let cases = [
        ("", F::Poll),
        ("format", F::Poll),
        ("id", F::PollId),
        ("kind", F::Kind),
        ("title.vi", F::Title(Lang::Vi)),
        ("title.en", F::Title(Lang::En)),
        ("subject.vi", F::Subject(Lang::Vi)),
        ("subject.en", F::Subject(Lang::En)),
        ("place.commune", F::Commune),
        ("place.village", F::Village),
        ("rule.preset", F::Preset),
        ("rule.target", F::TargetFraction),
        ("rule.target.item", F::TargetItem),
        ("rule.target.options", F::TargetOptions),
        ("rule.target.options[1]", F::TargetOptions),
        ("items", F::Items),
        ("items[3]", F::Item(3, I::Whole)),
        ("items[0].id", F::Item(0, I::Id)),
        ("items[0].type", F::Item(0, I::Type)),
        ("items[12].label.vi", F::Item(12, I::Label(Lang::Vi))),
        ("items[2].label.en", F::Item(2, I::Label(Lang::En))),
        ("items[2].person", F::Item(2, I::PersonName)),
        ("items[2].person.name", F::Item(2, I::PersonName)),
        (
            "items[2].person.position.en",
            F::Item(2, I::PersonPosition(Lang::En)),
        ),
        ("items[1].show_if", F::Item(1, I::ShowIfItem)),
        ("items[1].show_if.item", F::Item(1, I::ShowIfItem)),
        ("items[1].show_if.any_of", F::Item(1, I::ShowIfAnswers)),
        ("items[1].show_if.any_of[2]", F::Item(1, I::ShowIfAnswers)),
        ("items[1].options", F::Item(1, I::Options)),
        ("items[1].options[4].id", F::Item(1, I::Option(4, O::Id))),
        (
            "items[1].options[4].label.vi",
            F::Item(1, I::Option(4, O::Label(Lang::Vi))),
        ),
        (
            "items[1].options[0].free_text",
            F::Item(1, I::Option(0, O::FreeText)),
        ),
        (
            "items[1].options[0].value",
            F::Item(1, I::Option(0, O::Value)),
        ),
        (
            "items[1].options[0].zzz",
            F::Item(1, I::Option(0, O::Whole)),
        ),
        ("items[1].min", F::Item(1, I::Min)),
        ("items[1].max", F::Item(1, I::Max)),
        ("items[1].max_len", F::Item(1, I::MaxLen)),
        ("items[1].requird", F::Item(1, I::Whole)),
        ("nonsense.path", F::Poll),
    ];
    for (path, field) in cases {
        assert_eq!(Field::of_path(path), field, "{path}");
    }
}

/// The survey above with valid content, to break one field at a time.
fn good() -> Draft {
    let draft = with_skip_logic(&built_from_blank());
    assert!(draft.check().is_ok());
    draft
}

/// Checks that `edits` on a good draft give exactly one core problem, at `field`, of a kind
/// that `kind` accepts.
fn check_core(
    base: &Draft,
    edits: Vec<Edit>,
    field: Field,
    kind: impl Fn(&PollErrorKind) -> bool,
) -> Draft {
    let draft = edited(base, edits.clone());
    let p = only_problem(&draft);
    assert_eq!(p.field, field, "{edits:?}");
    assert!(kind(core_kind(&p)), "{edits:?}: {:?}", core_kind(&p));
    draft
}

#[test]
fn each_problem_of_a_survey_lands_on_its_field() {
    use Field as F;
    use ItemField as I;
    use OptionField as O;
    use PollErrorKind as K;
    let g = good();
    let empty = |k: &K| matches!(k, K::Empty);
    check_core(
        &g,
        vec![Edit::Title(Lang::Vi, "  ".into())],
        F::Title(Lang::Vi),
        empty,
    );
    check_core(&g, vec![Edit::Commune(String::new())], F::Commune, empty);
    check_core(
        &g,
        vec![Edit::Subject(Lang::En, "about".into())],
        F::Subject(Lang::Vi),
        empty,
    );
    check_core(&g, vec![Edit::PollId("Phiếu 1".into())], F::PollId, |k| {
        matches!(k, K::BadId { .. })
    });
    check_core(
        &g,
        vec![Edit::ItemLabel(1, Lang::Vi, String::new())],
        F::Item(1, I::Label(Lang::Vi)),
        empty,
    );
    check_core(
        &g,
        vec![Edit::OptionLabel(1, 1, Lang::Vi, String::new())],
        F::Item(1, I::Option(1, O::Label(Lang::Vi))),
        empty,
    );
    check_core(
        &g,
        vec![Edit::ItemId(1, "q1".into())],
        F::Item(1, I::Id),
        |k| matches!(k, K::Duplicate { id } if id == "q1"),
    );
    check_core(
        &g,
        vec![Edit::OptionId(1, 1, "o1".into())],
        F::Item(1, I::Option(1, O::Id)),
        |k| matches!(k, K::Duplicate { .. }),
    );
    check_core(
        &g,
        vec![Edit::DeleteOption(1, 1)],
        F::Item(1, I::Options),
        |k| matches!(k, K::TooFewOptions { min: 2, found: 1 }),
    );
    check_core(
        &g,
        vec![
            Edit::AddOption(1),
            Edit::OptionLabel(1, 2, Lang::Vi, "Khác".into()),
            Edit::FreeText(1, 0, true),
            Edit::FreeText(1, 2, true),
        ],
        F::Item(1, I::Option(2, O::FreeText)),
        |k| matches!(k, K::MultipleFreeText),
    );
    // Skip logic: no answer ticked, or a condition on a question that moved below.
    let yes = g.items[0].options[0].key;
    check_core(
        &g,
        vec![Edit::ShowIfAnswer(1, yes, false)],
        F::Item(1, I::ShowIfAnswers),
        empty,
    );
    check_core(
        &g,
        vec![Edit::MoveItem { from: 1, to: 0 }],
        F::Item(0, I::ShowIfItem),
        |k| matches!(k, K::UnknownItem { id } if id == "q1"),
    );
    // Numbers: a range upside down, a bound outside what the core allows.
    let n = edited(&g, [Edit::AddItem(ItemPreset::Number)]);
    let label = Edit::ItemLabel(2, Lang::Vi, "Bao nhiêu người?".into());
    check_core(
        &n,
        vec![
            label.clone(),
            Edit::Min(2, "10".into()),
            Edit::Max(2, "2".into()),
        ],
        F::Item(2, I::Max),
        |k| matches!(k, K::BadRange { min: 10, max: 2 }),
    );
    check_core(
        &n,
        vec![label.clone(), Edit::Max(2, String::new())],
        F::Item(2, I::Max),
        |k| matches!(k, K::Missing { field: "max" }),
    );
    let m = edited(&g, [Edit::ItemType(1, ItemType::Multiple)]);
    assert!(m.check().is_ok());
    check_core(
        &m,
        vec![Edit::ChooseMax(1, "5".into())],
        F::Item(1, I::Max),
        |k| {
            matches!(
                k,
                K::OutOfRange {
                    found: 5,
                    min: 1,
                    max: 2
                }
            )
        },
    );
    check_core(
        &m,
        vec![Edit::ChooseMin(1, "3".into())],
        F::Item(1, I::Min),
        |k| matches!(k, K::OutOfRange { found: 3, .. }),
    );
    let t = edited(&g, [Edit::ItemType(1, ItemType::Text)]);
    assert!(t.check().is_ok());
    check_core(
        &t,
        vec![Edit::MaxLen(1, "0".into())],
        F::Item(1, I::MaxLen),
        |k| {
            matches!(
                k,
                K::OutOfRange {
                    found: 0,
                    min: 1,
                    max: 5000
                }
            )
        },
    );
    // A condition on an item that no longer has options.
    check_core(
        &g,
        vec![Edit::ItemType(0, ItemType::Text)],
        F::Item(1, I::ShowIfItem),
        |k| matches!(k, K::NotChoosable { .. }),
    );
    // A scale point without a value.
    let s = edited(&g, [Edit::ItemType(1, ItemType::Scale)]);
    assert!(s.check().is_ok(), "{:?}", s.check().err());
    check_core(
        &s,
        vec![Edit::OptionValue(1, 1, String::new())],
        F::Item(1, I::Option(1, O::Value)),
        |k| matches!(k, K::Missing { field: "value" }),
    );
    // Nothing at all to ask.
    check_core(
        &g,
        vec![Edit::DeleteItem(1), Edit::DeleteItem(0)],
        F::Items,
        |k| matches!(k, K::NoItems),
    );
}

#[test]
fn typed_numbers_that_are_not_numbers_are_said_at_their_field_all_at_once() {
    use Field as F;
    use ItemField as I;
    let draft = edited(
        &good(),
        [
            Edit::AddItem(ItemPreset::Number),
            Edit::ItemLabel(2, Lang::Vi, "Bao nhiêu?".into()),
            Edit::Min(2, "một".into()),
            Edit::Max(2, "1,5".into()),
            Edit::AddItem(ItemPreset::Text),
            Edit::ItemLabel(3, Lang::Vi, "Ý kiến".into()),
            Edit::MaxLen(3, "-1".into()),
        ],
    );
    let problems = draft.check().unwrap_err();
    let fields: Vec<Field> = problems.iter().map(|p| p.field).collect();
    // The core's "min is required" for the unreadable min is not said a second time.
    assert_eq!(
        fields,
        [
            F::Item(2, I::Min),
            F::Item(2, I::Max),
            F::Item(3, I::MaxLen)
        ]
    );
    assert!(problems
        .iter()
        .all(|p| matches!(p.problem, Problem::NotANumber { .. })));
    assert_eq!(
        problems[0].problem,
        Problem::NotANumber {
            text: "một".into()
        }
    );
}

#[test]
fn each_problem_of_a_decision_lands_on_its_field() {
    use Field as F;
    use ItemField as I;
    use PollErrorKind as K;
    let decision = edited(
        &Draft::blank(PollKind::Decision, "d".into()),
        [
            Edit::Title(Lang::Vi, "Biểu quyết".into()),
            Edit::Commune("Xã A".into()),
        ],
    );
    // A blank decision does not guess what it decides: the matter is asked for first.
    assert_eq!(decision.matter, None);
    let decision = decision.apply(Edit::Matter(Matter::Contribution));
    assert_eq!(decision.preset, Preset::TwoThirdsHouseholds);
    check_core(&decision, vec![], F::Items, |k| matches!(k, K::NoItems));
    // A comment alone: nothing for the rule to decide.
    let d = check_core(
        &decision,
        vec![
            Edit::AddItem(ItemPreset::Text),
            Edit::ItemLabel(0, Lang::Vi, "Ý kiến".into()),
        ],
        F::Items,
        |k| matches!(k, K::NoDecidedItem { .. }),
    );
    let d = edited(
        &d,
        [
            Edit::AddItem(ItemPreset::Decision),
            Edit::ItemLabel(1, Lang::Vi, "Đồng ý góp tiền?".into()),
        ],
    );
    assert!(d.check().is_ok());
    // A decided item must be shown to everyone.
    let d = edited(
        &d,
        [
            Edit::AddItem(ItemPreset::Multiple),
            Edit::MoveItem { from: 2, to: 0 },
            Edit::ItemLabel(0, Lang::Vi, "Góp bằng gì?".into()),
            Edit::OptionLabel(0, 0, Lang::Vi, "Tiền".into()),
            Edit::OptionLabel(0, 1, Lang::Vi, "Ngày công".into()),
        ],
    );
    assert!(d.check().is_ok());
    let money = d.items[0].options[0].key;
    check_core(
        &d,
        vec![
            Edit::ShowIfItem(2, Some(d.items[0].key)),
            Edit::ShowIfAnswer(2, money, true),
        ],
        F::Item(2, I::ShowIfItem),
        |k| matches!(k, K::DecidedItemConditional),
    );
    // A comment is no condition: it has no options to test.
    check_core(
        &d,
        vec![Edit::ShowIfItem(2, Some(d.items[1].key))],
        F::Item(2, I::ShowIfItem),
        |k| matches!(k, K::NotChoosable { .. }),
    );
    let d = edited(&d, [Edit::DeleteItem(0)]);
    // The rule counts Đồng ý and Không đồng ý: they cannot be deleted or renamed...
    assert!(d.locked_option(1, 0) && d.locked_option(1, 1) && !d.locked_option(1, 2));
    assert_eq!(d.apply(Edit::DeleteOption(1, 0)), d);
    assert_eq!(d.apply(Edit::OptionId(1, 1, "khong".into())), d);
    assert_eq!(d.apply(Edit::DeleteOption(1, 2)).items[1].options.len(), 2);
    // ...but a survey's question turned into a decision lacks them, and is told so at its
    // options, and one edit gives them back without losing the other options.
    let survey = good();
    let turned = check_core(
        &survey,
        vec![
            Edit::Kind(PollKind::Decision),
            Edit::Matter(Matter::Contribution),
            Edit::ShowIfItem(1, None),
        ],
        F::Item(0, I::Options),
        |k| matches!(k, K::WrongOptions { .. }),
    );
    assert_eq!(turned.preset, Preset::TwoThirdsHouseholds);
    let fixed = turned.apply(Edit::StandardOptions(0));
    let ids: Vec<&str> = fixed.items[0]
        .options
        .iter()
        .map(|o| o.id.as_str())
        .collect();
    assert_eq!(ids, ["dong_y", "khong_dong_y", "co", "khong"]);
    let problems = fixed.check().unwrap_err();
    assert_eq!(problems[0].field, F::Item(1, I::Options));
}

#[test]
fn ratings_need_a_person_and_exactly_the_rule_s_options() {
    use Field as F;
    use ItemField as I;
    use PollErrorKind as K;
    let rating = edited(
        &Draft::blank(PollKind::ConfidenceRating, "r".into()),
        [
            Edit::Title(Lang::Vi, "Lấy phiếu tín nhiệm".into()),
            Edit::Commune("Xã A".into()),
            Edit::AddItem(ItemPreset::Rating),
            Edit::ItemLabel(0, Lang::Vi, "Chủ tịch UBND xã".into()),
        ],
    );
    assert_eq!(rating.preset, Preset::ConfidenceRating);
    assert!(rating.shows_person(0));
    assert!(!rating.options_open(0));
    let r = check_core(&rating, vec![], F::Item(0, I::PersonName), |k| {
        matches!(k, K::PersonRequired)
    });
    let r = r.apply(Edit::PersonName(0, "Trần Văn B".into()));
    assert!(r.check().is_ok());
    // Only the position, no name: the name is what is missing.
    check_core(
        &r,
        vec![
            Edit::PersonName(0, String::new()),
            Edit::PersonPosition(0, Lang::Vi, "Chủ tịch".into()),
        ],
        F::Item(0, I::PersonName),
        |k| matches!(k, K::Empty),
    );
    // A preset that cannot decide a rating is not taken.
    assert_eq!(r.apply(Edit::Preset(Preset::MajorityHouseholds)), r);
}

#[test]
fn a_survey_target_checks_its_item_options_and_fraction() {
    use Field as F;
    use PollErrorKind as K;
    let g = good();
    let on = g.apply(Edit::Target(true));
    check_core(&on, vec![], F::TargetItem, |k| {
        matches!(k, K::UnknownItem { .. })
    });
    let with_item = on.apply(Edit::TargetItem(Some(g.items[0].key)));
    check_core(&with_item, vec![], F::TargetOptions, |k| {
        matches!(k, K::Empty)
    });
    let yes = g.items[0].options[0].key;
    let full = with_item.apply(Edit::TargetOption(yes, true));
    let poll = full.check().unwrap();
    let t = poll.rule().target().unwrap();
    assert_eq!(
        (t.item(), t.options(), t.numerator(), t.denominator()),
        ("q1", &["co".to_owned()][..], 90, 100)
    );
    check_core(
        &full,
        vec![Edit::TargetNumerator("0".into())],
        F::TargetFraction,
        |k| matches!(k, K::BadFraction { .. }),
    );
    let bad = full.apply(Edit::TargetDenominator("trăm".into()));
    let p = only_problem(&bad);
    assert_eq!(p.field, F::TargetFraction);
    assert!(matches!(p.problem, Problem::NotANumber { .. }));
    // A decision keeps the target in the draft but has none; back to a survey, it is there.
    let decided = full.apply(Edit::Kind(PollKind::Decision));
    assert!(decided.target.is_some());
    let back = decided.apply(Edit::Kind(PollKind::Survey));
    assert_eq!(back.preset, Preset::None);
    assert_eq!(back.check().unwrap(), poll);
    assert!(full.apply(Edit::Target(false)).target.is_none());
    // Issue 16, item 9: the target may count on the forms collected, and a poll that says so
    // comes back into the designer saying so.
    assert_eq!(t.of(), TargetBase::Electorate);
    let of_ballots = full.apply(Edit::TargetOfBallots(true));
    let counted = of_ballots.check().unwrap();
    assert_eq!(counted.rule().target().unwrap().of(), TargetBase::Ballots);
    assert_eq!(Draft::from_poll(&counted).check().unwrap(), counted);
}

#[test]
fn moving_items_and_options_keeps_every_reference() {
    let g = good();
    // Down by one, up by one, and a drag from first to last, all by position.
    let three = edited(
        &g,
        [
            Edit::AddItem(ItemPreset::Text),
            Edit::ItemLabel(2, Lang::Vi, "Góp ý".into()),
        ],
    );
    let ids = |d: &Draft| d.items.iter().map(|i| i.id.clone()).collect::<Vec<_>>();
    let moved = three.apply(Edit::MoveItem { from: 2, to: 0 });
    assert_eq!(ids(&moved), ["q3", "q1", "q2"]);
    assert!(moved.check().is_ok(), "q2 is still after q1");
    let dragged = three.apply(Edit::MoveItem { from: 0, to: 2 });
    assert_eq!(ids(&dragged), ["q2", "q3", "q1"]);
    assert_eq!(three.apply(Edit::MoveItem { from: 0, to: 3 }), three);
    assert_eq!(three.apply(Edit::MoveItem { from: 1, to: 1 }), three);
    // Renaming the question and the answer of a condition keeps the condition.
    let renamed = edited(
        &g,
        [
            Edit::ItemId(0, "can_san_choi".into()),
            Edit::OptionId(0, 0, "can".into()),
        ],
    );
    let poll = renamed.check().unwrap();
    let c = poll.items()[1].show_if().unwrap().as_condition().unwrap();
    assert_eq!(
        (c.item(), c.any_of()),
        ("can_san_choi", &["can".to_owned()][..])
    );
    // Reordering options changes the ballot's order, not the condition.
    let swapped = g.apply(Edit::MoveOption {
        item: 0,
        from: 0,
        to: 1,
    });
    let poll = swapped.check().unwrap();
    let first = poll.items()[0].kind().options()[0].id();
    assert_eq!(first, "khong");
    assert_eq!(
        poll.items()[1]
            .show_if()
            .unwrap()
            .as_condition()
            .unwrap()
            .any_of(),
        ["co"]
    );
}

#[test]
fn deleting_takes_references_with_it() {
    let g = good().apply(Edit::Target(true));
    let g = edited(
        &g,
        [
            Edit::TargetItem(Some(g.items[0].key)),
            Edit::TargetOption(g.items[0].options[0].key, true),
        ],
    );
    assert!(g.check().is_ok());
    // The answer a condition and the target count on is deleted: both forget it (and the
    // empty condition is then the one problem, at the answers).
    let no_yes = g.apply(Edit::DeleteOption(0, 0));
    assert!(no_yes.items[1].show_if.as_ref().unwrap().any_of.is_empty());
    assert!(no_yes.target.as_ref().unwrap().options.is_empty());
    // The question itself is deleted: the other one is shown to everyone, the target has no item.
    let no_q1 = g.apply(Edit::DeleteItem(0));
    assert_eq!(no_q1.items.len(), 1);
    assert!(no_q1.items[0].show_if.is_none());
    assert_eq!(no_q1.target.as_ref().unwrap().item, None);
    // Out of range: nothing.
    assert_eq!(g.apply(Edit::DeleteItem(9)), g);
    assert_eq!(g.apply(Edit::DeleteOption(0, 9)), g);
    assert_eq!(g.apply(Edit::ItemLabel(9, Lang::Vi, "x".into())), g);
}

#[test]
fn switching_the_type_loses_nothing_typed() {
    let g = good();
    let there_and_back = edited(
        &g,
        [
            Edit::ItemType(1, ItemType::Number),
            Edit::ItemType(1, ItemType::Text),
            Edit::ItemType(1, ItemType::Single),
        ],
    );
    assert_eq!(there_and_back.items[1].options, g.items[1].options);
    assert_eq!(there_and_back.check().unwrap(), g.check().unwrap());
    // A number offers a range; a scale numbers its points and drops free text.
    let n = g.apply(Edit::ItemType(1, ItemType::Number));
    assert_eq!(
        (n.items[1].min.as_str(), n.items[1].max.as_str()),
        ("0", "100")
    );
    let s = edited(
        &g,
        [
            Edit::FreeText(1, 1, true),
            Edit::ItemType(1, ItemType::Scale),
        ],
    );
    let values: Vec<&str> = s.items[1]
        .options
        .iter()
        .map(|o| o.value.as_str())
        .collect();
    assert_eq!(values, ["1", "2"]);
    assert!(s.items[1].options.iter().all(|o| !o.free_text));
    let s3 = s.apply(Edit::AddOption(1));
    assert_eq!(s3.items[1].options[2].value, "3");
    assert_eq!(s3.items[1].options[2].id, "o3");
}

#[test]
fn kinds_bring_their_rules() {
    let d = Draft::blank(PollKind::Survey, "x".into());
    assert_eq!(d.preset, Preset::None);
    for kind in PollKind::ALL {
        let k = d.apply(Edit::Kind(kind));
        assert!(kind.allowed_presets().contains(&k.preset), "{kind:?}");
    }
    // A decision's rule follows from its matter; a preset alone changes nothing.
    let decision = d.apply(Edit::Kind(PollKind::Decision));
    assert_eq!(
        decision.apply(Edit::Preset(Preset::MajorityHouseholds)),
        decision
    );
    let majority = decision.apply(Edit::Matter(Matter::VillageRules));
    assert_eq!(majority.preset, Preset::MajorityHouseholds);
    // Still allowed for an election: kept.
    let election = majority.apply(Edit::Kind(PollKind::Election));
    assert_eq!(election.preset, Preset::MajorityHouseholds);
}

#[test]
fn conditions_offer_the_earlier_choice_questions() {
    let g = edited(
        &good(),
        [
            Edit::AddItem(ItemPreset::Text),
            Edit::AddItem(ItemPreset::YesNo),
        ],
    );
    assert_eq!(g.condition_candidates(0), Vec::<usize>::new());
    assert_eq!(g.condition_candidates(1), [0]);
    // The text question is no condition; the one below it may use both choice questions.
    assert_eq!(g.condition_candidates(3), [0, 1]);
    // A question moved above the one it depends on still lists it, so the problem can be seen.
    let moved = g.apply(Edit::MoveItem { from: 1, to: 0 });
    assert_eq!(moved.condition_candidates(0), [1]);
}

fn record(key: &str, ms: f64, title: &str) -> String {
    let draft =
        Draft::blank(PollKind::Survey, "x".into()).apply(Edit::Title(Lang::Vi, title.into()));
    SavedDraft::new(key.into(), ms, draft).encode()
}

#[test]
fn the_list_is_most_recent_first_and_keeps_count_of_unreadable_records() {
    let d = Designer::default().apply(DesignerAction::Listed(vec![
        record("a", 10.0, "Cũ"),
        "{not json".into(),
        record("b", 30.0, "Mới"),
        r#"{"format":"other","key":"c","saved_ms":1,"draft":{}}"#.into(),
    ]));
    let titles: Vec<&str> = d
        .drafts
        .as_ref()
        .unwrap()
        .iter()
        .map(|s| s.title.as_str())
        .collect();
    assert_eq!(titles, ["Mới", "Cũ"]);
    assert_eq!(d.unreadable, 2);
    let d = d.apply(DesignerAction::Deleted("b".into()));
    assert_eq!(d.drafts.unwrap().len(), 1);
}

#[test]
fn saving_follows_the_revisions() {
    let draft = good();
    let d = Designer::default().apply(DesignerAction::Open {
        key: "k".into(),
        draft: Box::new(draft.clone()),
        stored: true,
    });
    assert_eq!(d.to_save(1.0), None, "a stored draft needs no save");
    let new = Designer::default().apply(DesignerAction::Open {
        key: "n".into(),
        draft: Box::new(draft.clone()),
        stored: false,
    });
    assert!(new.to_save(1.0).is_some(), "a new draft is saved at once");

    let d = d.apply(DesignerAction::Edit(Edit::Commune("Xã B".into())));
    let (first, text) = d.to_save(5.0).unwrap();
    assert_eq!(first, 1);
    let saved = SavedDraft::decode(&text).unwrap();
    assert_eq!((saved.key.as_str(), saved.saved_ms), ("k", 5.0));
    assert_eq!(saved.draft.commune, "Xã B");
    // Another keystroke lands while that save is on its way: it stays unsaved.
    let d = d.apply(DesignerAction::Edit(Edit::Commune("Xã Bắc".into())));
    let d = d.apply(DesignerAction::Saved(first));
    assert_eq!(d.open.as_ref().unwrap().save, SaveState::Unsaved);
    let (second, _) = d.to_save(6.0).unwrap();
    let d = d.apply(DesignerAction::Saved(second));
    assert_eq!(d.open.as_ref().unwrap().save, SaveState::Saved);
    // A failed save keeps the draft in memory and asks to be tried again.
    let failed = d
        .apply(DesignerAction::Edit(Edit::Village("Thôn C".into())))
        .apply(DesignerAction::SaveFailed(Notice::each(|l| {
            l.pick("đầy", "full")
        })));
    assert!(matches!(
        failed.open.as_ref().unwrap().save,
        SaveState::Failed(_)
    ));
    assert!(failed.to_save(7.0).is_some());
    assert_eq!(failed.open.as_ref().unwrap().draft.village, "Thôn C");
    // Closing keeps nothing open; deleting the open draft closes it.
    assert!(d.apply(DesignerAction::Close).open.is_none());
    assert!(d.apply(DesignerAction::Deleted("k".into())).open.is_none());
    // Edits with nothing open change nothing.
    let none = Designer::default();
    assert_eq!(
        none.apply(DesignerAction::Edit(Edit::Commune("x".into()))),
        none
    );
}

#[test]
fn records_that_are_not_drafts_are_not_read() {
    assert_eq!(SavedDraft::decode(""), None);
    assert_eq!(SavedDraft::decode("{}"), None);
    let mut v: serde_json::Value = serde_json::from_str(&record("a", 1.0, "t")).unwrap();
    v["draft"]["kind"] = "vote".into();
    assert_eq!(SavedDraft::decode(&v.to_string()), None);
}

/// A decision with one decided question, about `matter`.
fn decision_about(matter: Option<Matter>) -> Draft {
    let mut edits = vec![
        Edit::Title(Lang::Vi, "Biểu quyết".into()),
        Edit::Commune("Xã A".into()),
        Edit::AddItem(ItemPreset::Decision),
        Edit::ItemLabel(0, Lang::Vi, "Đồng ý?".into()),
    ];
    edits.extend(matter.map(Edit::Matter));
    edited(&Draft::blank(PollKind::Decision, "d".into()), edits)
}

#[test]
fn a_decision_chooses_its_matter_and_the_rule_follows_issue_16() {
    for matter in Matter::ALL {
        let draft = decision_about(Some(matter));
        assert_eq!(draft.preset, matter.preset(), "{matter:?}");
        let poll = draft
            .check()
            .unwrap_or_else(|p| panic!("{matter:?}: {p:?}"));
        assert_eq!(poll.rule().matter(), Some(matter));
        assert_eq!(poll.rule().preset(), matter.preset());
        assert!(
            poll.to_json()
                .contains(&format!("\"matter\": \"{}\"", matter.name())),
            "{matter:?}"
        );
        // Another kind leaves the matter out of the poll, and back it comes with its rule.
        let election = draft.apply(Edit::Kind(PollKind::Election));
        assert_eq!(election.preset, Preset::MajorityHouseholds);
        let back = election.apply(Edit::Kind(PollKind::Decision));
        assert_eq!(back.preset, matter.preset(), "{matter:?}");
        assert_eq!(back.check().unwrap().rule().matter(), Some(matter));
    }
    // Until a matter is chosen the decision is not a poll, and says where to choose.
    let problems = decision_about(None).check().unwrap_err();
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].field, Field::Matter);
}

/// The record a build before bundle format 2 saved: no `version`, no `matter`.
fn version_one_record(draft: &Draft) -> String {
    let mut record: Value =
        serde_json::from_str(&SavedDraft::new("k".into(), 1.0, draft.clone()).encode()).unwrap();
    let object = record.as_object_mut().unwrap();
    object.remove("version");
    object["draft"].as_object_mut().unwrap().remove("matter");
    record.to_string()
}

#[test]
fn a_draft_saved_before_matters_opens_with_the_matter_of_its_preset_issue_16() {
    for (preset, matter) in [
        (Preset::TwoThirdsHouseholds, Matter::Contribution),
        (Preset::MajorityHouseholds, Matter::SelfGovernance),
        (Preset::MajorityPresent, Matter::Procedural),
        (Preset::Conference, Matter::Conference),
    ] {
        let mut old = decision_about(None);
        old.preset = preset;
        let opened = SavedDraft::decode(&version_one_record(&old)).unwrap();
        assert_eq!(opened.version, DRAFT_VERSION);
        assert_eq!(opened.draft.matter, Some(matter), "{preset:?}");
        let poll = opened.draft.check().unwrap();
        assert_eq!(poll.rule().preset(), preset);
    }
    // A survey saved then has no matter to find.
    let survey = SavedDraft::decode(&version_one_record(&good())).unwrap();
    assert_eq!(survey.draft.matter, None);
    // A blank decision saved now is not given one on reopening: the officer still chooses.
    let blank = SavedDraft::new("k".into(), 1.0, decision_about(None));
    assert_eq!(
        SavedDraft::decode(&blank.encode()).unwrap().draft.matter,
        None
    );
    // A record of a later version than this build reads is left alone, unread.
    let later = blank.encode().replace("\"version\":2", "\"version\":3");
    assert_eq!(SavedDraft::decode(&later), None);
}

/// An election of a board: seven candidates.
fn board() -> Draft {
    let mut draft = edited(
        &Draft::blank(PollKind::Election, "ban-giam-sat".into()),
        [
            Edit::Title(Lang::Vi, "Bầu Ban Giám sát đầu tư của cộng đồng".into()),
            Edit::Commune("Xã A".into()),
            Edit::AddItem(ItemPreset::Board),
            Edit::ItemLabel(0, Lang::Vi, "Bầu thành viên".into()),
        ],
    );
    while draft.items[0].options.len() < 7 {
        draft = draft.apply(Edit::AddOption(0));
    }
    for j in 0..7 {
        draft = draft.apply(Edit::OptionLabel(
            0,
            j,
            Lang::Vi,
            format!("Ứng cử viên {j}"),
        ));
    }
    draft
}

#[test]
fn a_board_is_a_multiple_of_candidates_with_its_seats_issue_16() {
    use ItemField as I;
    let draft = board();
    assert!(draft.decided(0) && draft.board(0));
    // The number of seats is asked for: the format's default would make every candidate a seat.
    let p = only_problem(&draft);
    assert_eq!(p.field, Field::Item(0, I::Max));
    assert_eq!(p.problem, Problem::SeatsMissing);
    let five = draft.apply(Edit::ChooseMax(0, "5".into()));
    let poll = five.check().unwrap();
    match poll.items()[0].kind() {
        ItemKind::Multiple { min, max, options } => {
            assert_eq!((*min, *max, options.len()), (0, 5, 7));
        }
        other => panic!("{other:?}"),
    }
    // A minimum typed before the item was a board is not written: a voter may keep no name.
    let typed = five
        .apply(Edit::ItemType(0, ItemType::Single))
        .apply(Edit::ChooseMin(0, "3".into()))
        .apply(Edit::ItemType(0, ItemType::Multiple));
    assert_eq!(typed.check().unwrap(), poll);
    // More seats than candidates, and agree/disagree among the names, are said at their field.
    let eight = only_problem(&five.apply(Edit::ChooseMax(0, "8".into())));
    assert_eq!(eight.field, Field::Item(0, I::Max));
    let agree = only_problem(&five.apply(Edit::OptionId(0, 0, "dong_y".into())));
    assert_eq!(agree.field, Field::Item(0, I::Option(0, OptionField::Id)));
    assert!(matches!(
        core_kind(&agree),
        PollErrorKind::BoardCandidate { .. }
    ));
    // The template of a board comes back whole, seats included.
    assert_eq!(Draft::from_poll(&poll).check().unwrap(), poll);
    // In a survey the same item is a plain multiple choice, not a board.
    assert!(!five.apply(Edit::Kind(PollKind::Survey)).board(0));
}

/// An imported survey's combined condition (a consent gate and a question's own test, issue
/// 23): the designer keeps it as it came, by keys, and says so; it survives renames and moves
/// that keep it valid, a move that breaks it is a problem at the question's condition, and
/// choosing a condition or deleting a question it names replaces it, as for a single one.
#[test]
fn a_combined_condition_is_kept_as_it_is() {
    let poll = Poll::from_json(
        r#"{"format": "phieu/poll", "version": 1, "id": "ks", "kind": "survey",
        "title": {"vi": "Khảo sát nước"}, "place": {"commune": "Xã A", "village": ""},
        "rule": {"preset": "none"}, "items": [
          {"id": "dong_y", "type": "single", "label": {"vi": "Đồng ý tham gia?"},
           "options": [{"id": "co", "label": {"vi": "Có"}}, {"id": "khong", "label": {"vi": "Không"}}]},
          {"id": "nguon", "type": "multiple", "label": {"vi": "Nguồn nước?"},
           "options": [{"id": "gieng", "label": {"vi": "Giếng"}}, {"id": "may", "label": {"vi": "Nước máy"}}, {"id": "song", "label": {"vi": "Sông"}}]},
          {"id": "vi_sao", "type": "text", "label": {"vi": "Vì sao?"},
           "show_if": {"all": [{"item": "dong_y", "any_of": ["co"]},
                               {"any": [{"item": "nguon", "any_of": ["gieng"]}, {"item": "nguon", "any_of": ["song"]}]}]}}
        ]}"#,
    )
    .unwrap();
    let draft = Draft::from_poll(&poll);
    assert!(draft.items[2].show_if.is_none());
    let kept = draft.items[2].kept_show_if.clone().expect("kept");
    // Written back exactly: the same poll, the same hash.
    let again = draft.check().unwrap();
    assert_eq!(again, poll);
    assert_eq!(again.hash(), poll.hash());
    // Said in words on the question, in both languages.
    assert_eq!(
        crate::i18n::designer::describe_kept(&draft, &kept, Lang::Vi),
        "Câu 1 = Có và (Câu 2 = Giếng hoặc Câu 2 = Sông)"
    );
    assert_eq!(
        crate::i18n::designer::describe_kept(&draft, &kept, Lang::En),
        "Question 1 = Có and (Question 2 = Giếng or Question 2 = Sông)"
    );
    // Renamed questions and answers: the condition follows them.
    let renamed = edited(
        &draft,
        [
            Edit::ItemId(0, "dong_y_tham_gia".into()),
            Edit::OptionId(1, 2, "song_suoi".into()),
        ],
    );
    let c = renamed.check().unwrap();
    let tested: Vec<(&str, Vec<String>)> = c.items()[2]
        .show_if()
        .unwrap()
        .conditions()
        .iter()
        .map(|c| (c.item(), c.any_of().to_vec()))
        .collect();
    assert_eq!(
        tested,
        [
            ("dong_y_tham_gia", vec!["co".to_owned()]),
            ("nguon", vec!["gieng".to_owned()]),
            ("nguon", vec!["song_suoi".to_owned()]),
        ]
    );
    // The question moved above one it tests: the core's problem lands on its condition.
    let moved = draft.apply(Edit::MoveItem { from: 2, to: 1 });
    let problems = moved.check().unwrap_err();
    assert!(
        problems
            .iter()
            .any(|p| p.field == Field::Item(1, ItemField::ShowIfItem)),
        "{problems:?}"
    );
    // Choosing "always" or another condition replaces it.
    let always = draft.apply(Edit::ShowIfItem(2, None));
    assert!(always.items[2].kept_show_if.is_none());
    assert!(always.check().unwrap().items()[2].show_if().is_none());
    let simple = draft.apply(Edit::ShowIfItem(2, Some(draft.items[0].key)));
    assert!(simple.items[2].kept_show_if.is_none());
    assert!(simple.items[2].show_if.is_some());
    // Deleting a question it names deletes it; deleting an answer it names takes the answer out.
    let no_consent = draft.apply(Edit::DeleteItem(0));
    assert!(no_consent.items[1].kept_show_if.is_none());
    // (The test of "Sông" alone is then empty: a problem at the question's condition.)
    let no_river = edited(
        &draft,
        [Edit::DeleteOption(1, 2), Edit::ChooseMax(1, String::new())],
    );
    assert!(!no_river.items[2].kept_show_if.as_ref().unwrap().names(99));
    let problems = no_river.check().unwrap_err();
    assert!(
        problems
            .iter()
            .any(|p| p.field == Field::Item(2, ItemField::ShowIfItem)),
        "{problems:?}"
    );
    // A draft saved with a kept condition reads back the same.
    let saved = serde_json::to_string(&draft).unwrap();
    assert_eq!(serde_json::from_str::<Draft>(&saved).unwrap(), draft);
}

/// Issue 22, item 8: the English of a label is flagged once the Vietnamese changes after it
/// was written, and no longer once the English is edited or the Vietnamese is put back; a
/// downloaded poll is named after its own id (`effects::designer::export`, `{id}.json`), kept here.
#[test]
fn english_written_before_the_vietnamese_changed_is_flagged() {
    let draft = built_from_blank();
    assert!(!draft.title.en_is_stale());
    let english = edited(
        &draft,
        [Edit::Title(Lang::En, "About the playground".into())],
    );
    assert!(!english.title.en_is_stale());
    let changed = edited(
        &english,
        [Edit::Title(Lang::Vi, "Lấy ý kiến về nhà văn hóa".into())],
    );
    assert!(changed.title.en_is_stale());
    // Typing more Vietnamese keeps the flag; the flag survives a save and a reload.
    let more = edited(
        &changed,
        [Edit::Title(
            Lang::Vi,
            "Lấy ý kiến về nhà văn hóa thôn".into(),
        )],
    );
    assert!(more.title.en_is_stale());
    let stored: Draft = serde_json::from_str(&serde_json::to_string(&more).unwrap()).unwrap();
    assert!(stored.title.en_is_stale());
    // Writing the English again, or putting the Vietnamese back, clears it.
    let rewritten = edited(
        &more,
        [Edit::Title(Lang::En, "About the village hall".into())],
    );
    assert!(!rewritten.title.en_is_stale());
    let put_back = edited(&more, [Edit::Title(Lang::Vi, draft.title.vi.clone())]);
    assert!(!put_back.title.en_is_stale());
    // No English, nothing to flag.
    let vi_only = edited(&draft, [Edit::Title(Lang::Vi, "Khác".into())]);
    assert!(!vi_only.title.en_is_stale());
}

// ---------------------------------------------------------------------------------------------
// The second language (issue 20, item 3) and forms imported without Vietnamese (issue 23, item 6)

/// A poll in Vietnamese, English and Khmer comes into the designer with Khmer as its second
/// language and goes out as the same poll, with the same hash.
#[test]
fn a_poll_in_khmer_round_trips_through_a_draft() {
    let poll = Poll::from_json(&read("tests/data/poll-khmer.json")).unwrap();
    let draft = Draft::from_poll(&poll);
    assert_eq!(draft.second_lang, "km");
    assert_eq!(draft.items[0].options[0].label.second, "យល់ព្រម");
    let again = draft.check().unwrap();
    assert_eq!(again, poll);
    assert_eq!(again.hash(), poll.hash());
    // Saved and read back, the draft is the same.
    let saved = SavedDraft::new("k".into(), 1.0, draft.clone());
    assert_eq!(SavedDraft::decode(&saved.encode()).unwrap().draft, draft);
}

#[test]
fn the_second_language_is_chosen_and_typed() {
    let poll = Poll::from_json(&read("assets/polls/demo.json")).unwrap();
    let draft = Draft::from_poll(&poll)
        .apply(Edit::SecondLanguage("hmn".into()))
        .apply(Edit::SecondText(LabelAt::Option(0, 0), "Pom zoo".into()))
        .apply(Edit::SecondText(
            LabelAt::Title,
            "Pab nyiaj ua txoj kev".into(),
        ));
    let checked = draft.check().unwrap();
    assert_eq!(
        checked.items()[0].kind().options()[0].label().in_tag("hmn"),
        "Pom zoo"
    );
    assert_eq!(checked.title().in_tag("hmn"), "Pab nyiaj ua txoj kev");
    assert_ne!(checked.hash(), poll.hash());
    // No second language: what was typed in it stays in the draft, out of the poll.
    let none = draft.apply(Edit::SecondLanguage(String::new()));
    assert_eq!(none.items[0].options[0].label.second, "Pom zoo");
    assert_eq!(none.check().unwrap().hash(), poll.hash());
    // A tag the core refuses is its problem, shown on the form.
    let bad = draft.apply(Edit::SecondLanguage("Hmong".into()));
    assert!(bad.check().is_err());
}

/// An English-only form's raw poll (as `phieu_xlsform` gives it) opens as a draft with every
/// Vietnamese label empty and marked, and becomes a poll once they are written.
#[test]
fn a_form_without_vietnamese_opens_with_every_label_marked() {
    use phieu_core::poll::dto::PollDto;
    let json = r#"{"format": "phieu/poll", "version": 1, "id": "road_survey", "kind": "survey",
      "title": {"vi": "", "en": "Road survey"}, "place": {"commune": "Xã Tân Hòa", "village": ""},
      "rule": {"preset": "none"},
      "items": [
        {"id": "road", "type": "single", "required": true,
         "label": {"vi": "", "en": "Do you agree to build the concrete road?"},
         "options": [{"id": "yes", "label": {"vi": "", "en": "Yes"}},
                     {"id": "no", "label": {"vi": "", "en": "No"}}]},
        {"id": "why", "type": "text", "label": {"vi": "", "en": "Why?"}, "max_len": 500}]}"#;
    let dto: PollDto = serde_json::from_str(json).unwrap();
    let draft = Draft::from_raw(&dto).unwrap();
    assert_eq!(draft.title.vi, "");
    assert_eq!(draft.title.en, "Road survey");
    assert_eq!(draft.items[0].label.vi, "");
    assert_eq!(draft.items[0].options[1].label.en, "No");
    let marked = draft.missing_vietnamese();
    assert_eq!(
        marked,
        [
            Field::Title(Lang::Vi),
            Field::Item(0, ItemField::Label(Lang::Vi)),
            Field::Item(0, ItemField::Option(0, OptionField::Label(Lang::Vi))),
            Field::Item(0, ItemField::Option(1, OptionField::Label(Lang::Vi))),
            Field::Item(1, ItemField::Label(Lang::Vi)),
        ]
    );
    // Every one is a problem at once, each on its own field (the first in the core's words,
    // the others as missing Vietnamese): no preview, download or use.
    let problems = draft.check().unwrap_err();
    for field in &marked {
        assert!(
            problems.iter().any(|p| p.field == *field),
            "{field:?}: {problems:?}"
        );
    }
    let marked_as_missing = problems
        .iter()
        .filter(|p| p.problem == Problem::NoVietnamese)
        .count();
    assert_eq!(marked_as_missing, marked.len() - 1);
    // Written in Vietnamese, it is a poll, English beside it.
    let written = draft
        .apply(Edit::Title(Lang::Vi, "Khảo sát làm đường".into()))
        .apply(Edit::ItemLabel(
            0,
            Lang::Vi,
            "Ông/bà có đồng ý làm đường?".into(),
        ))
        .apply(Edit::OptionLabel(0, 0, Lang::Vi, "Có".into()))
        .apply(Edit::OptionLabel(0, 1, Lang::Vi, "Không".into()))
        .apply(Edit::ItemLabel(1, Lang::Vi, "Vì sao?".into()));
    assert!(written.missing_vietnamese().is_empty());
    let poll = written.check().unwrap();
    assert_eq!(
        poll.items()[0].label().en(),
        Some("Do you agree to build the concrete road?")
    );
    // A blank new draft marks nothing: only a label written in another language is marked.
    assert!(Draft::blank(PollKind::Survey, "x".into())
        .missing_vietnamese()
        .is_empty());
}
