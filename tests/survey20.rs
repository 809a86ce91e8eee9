//! The 20-question survey of the first-load benchmark (issue 10): `assets/polls/survey20.json`
//! is a valid poll that takes ballots down every skip-logic path, and
//! `bench/first_load/surveyjs/survey20.json` asks SurveyJS exactly the same questions, so the
//! benchmark compares the same form. The SurveyJS file is written by
//! `bench/first_load/surveyjs/convert.mjs`; this test catches a hand edit of either file.
//! Run with `cargo test -p phieu --test survey20`.

use std::path::Path;

use phieu_core::{
    decide, is_shown, Answer, Ballot, BallotBox, Choice, Electorate, Item, ItemKind, Lang, Poll,
    Salt, Text,
};
use serde_json::{json, Value};

fn read(path: &str) -> String {
    let full = Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("{path}: cannot read: {e}"))
}

fn poll() -> Poll {
    Poll::from_json(&read("assets/polls/survey20.json")).unwrap_or_else(|e| {
        panic!(
            "survey20.json: not a valid poll at {}: {}",
            e.path(),
            e.message(Lang::En)
        )
    })
}

/// The answer to item `index` of a voter who takes option `pick` (modulo the option count)
/// wherever there is a choice: blank where skip logic hides the item, else `pick`'s option (of
/// a multiple item, as many options from there as its minimum asks, at least one), `max` for a
/// number and a sentence for a text.
fn answer(poll: &Poll, answers: &[Answer], index: usize, pick: usize) -> Answer {
    if !is_shown(poll, answers, index) {
        return Answer::Blank;
    }
    let free = |on: bool| on.then(|| "Ý kiến riêng của hộ".to_owned());
    match poll.items()[index].kind() {
        ItemKind::Single { options } | ItemKind::Scale { options } => {
            let option = &options[pick % options.len()];
            Answer::Choice {
                option: option.id().to_owned(),
                free_text: free(option.free_text()),
            }
        }
        ItemKind::Multiple { options, min, .. } => {
            let n = usize::try_from(*min).unwrap().max(1);
            let chosen: Vec<_> = (0..n)
                .map(|k| &options[(pick + k) % options.len()])
                .collect();
            let mut ids: Vec<String> = chosen.iter().map(|c| c.id().to_owned()).collect();
            // Options of a multiple item are kept in poll order.
            ids.sort_by_key(|id| options.iter().position(|o| o.id() == id));
            Answer::Choices {
                options: ids,
                free_text: free(chosen.iter().any(|c| c.free_text())),
            }
        }
        ItemKind::Number { max, .. } => Answer::Number(*max),
        ItemKind::Text { .. } => Answer::Text("Đề nghị làm thêm đèn đường.".into()),
    }
}

fn ballot(poll: &Poll, pick: usize, salt: u8) -> Ballot {
    let mut answers = Vec::new();
    for index in 0..poll.items().len() {
        let a = answer(poll, &answers, index, pick);
        answers.push(a);
    }
    Ballot::new(poll, answers, Salt::from_bytes([salt; 16])).unwrap_or_else(|e| {
        panic!(
            "pick {pick}: ballot refused at {}: {}",
            e.path(),
            e.message(Lang::En)
        )
    })
}

#[test]
fn the_survey_has_twenty_questions_of_every_type() {
    let poll = poll();
    assert_eq!(poll.items().len(), 20);
    let kinds: Vec<&str> = poll.items().iter().map(|i| i.kind().name()).collect();
    for kind in ["single", "multiple", "scale", "number", "text"] {
        assert!(kinds.contains(&kind), "no {kind} item");
    }
    assert!(
        poll.items()
            .iter()
            .filter(|i| i.show_if().is_some())
            .count()
            >= 3
    );
    // The benchmark waits for the first question's first option: a plain choice.
    assert!(matches!(poll.items()[0].kind(), ItemKind::Single { .. }));
}

#[test]
fn ballots_down_every_path_are_cast_tallied_and_decided() {
    let poll = poll();
    let mut the_box = BallotBox::new(poll.clone());
    // Picks 0 to 6 reach every option of the largest items, so every skip-logic branch is
    // both shown and hidden on some ballot.
    for pick in 0..7 {
        let b = ballot(&poll, pick, pick as u8);
        the_box.cast(b).expect("cast");
    }
    assert_eq!(the_box.tally().ballots(), 7);
    for item in poll.items().iter().filter(|i| i.show_if().is_some()) {
        let index = poll
            .items()
            .iter()
            .position(|i| i.id() == item.id())
            .unwrap();
        let shown = the_box.tally().items()[index].blank();
        assert!(
            shown > 0 && shown < 7,
            "{}: skip logic never or always hides it ({shown} of 7 blank)",
            item.id()
        );
    }
    let outcomes = decide(
        &poll,
        the_box.tally(),
        &Electorate::new(120, Some(90)).unwrap(),
    )
    .expect("decided");
    assert_eq!(outcomes.len(), 1, "the survey's one satisfaction target");
}

fn text(t: &Text) -> Value {
    match t.en() {
        Some(en) => json!({ "vi": t.vi(), "en": en }),
        None => json!({ "vi": t.vi() }),
    }
}

/// The SurveyJS question that asks `item` (see the mapping in convert.mjs).
fn expected_question(poll: &Poll, item: &Item) -> Value {
    let mut q = json!({ "name": item.id(), "title": text(item.label()) });
    let choices = |q: &mut Value, options: &[Choice]| {
        q["choices"] = options
            .iter()
            .filter(|o| !o.free_text())
            .map(|o| json!({ "value": o.id(), "text": text(o.label()) }))
            .collect();
        if let Some(other) = options.iter().find(|o| o.free_text()) {
            q["showOtherItem"] = json!(true);
            q["otherText"] = text(other.label());
        }
    };
    match item.kind() {
        ItemKind::Single { options } => {
            q["type"] = json!("radiogroup");
            choices(&mut q, options);
        }
        ItemKind::Multiple { options, min, max } => {
            q["type"] = json!("checkbox");
            choices(&mut q, options);
            if *min > 0 {
                q["minSelectedChoices"] = json!(min);
            }
            if usize::try_from(*max).unwrap() < options.len() {
                q["maxSelectedChoices"] = json!(max);
            }
        }
        ItemKind::Scale { options } => {
            q["type"] = json!("rating");
            q["rateValues"] = options
                .iter()
                .map(|o| json!({ "value": o.value(), "text": text(o.label()) }))
                .collect();
        }
        ItemKind::Number { min, max } => {
            q["type"] = json!("text");
            q["inputType"] = json!("number");
            q["min"] = json!(min);
            q["max"] = json!(max);
        }
        ItemKind::Text { max_len } => {
            q["type"] = json!("comment");
            q["maxLength"] = json!(max_len);
        }
    }
    if item.required() {
        q["isRequired"] = json!(true);
    }
    // survey20 has single conditions only; SurveyJS's expression of a combined one is not needed.
    if let Some(show_if) = item.show_if().and_then(|c| c.as_condition()) {
        let shown_by = poll
            .items()
            .iter()
            .find(|i| i.id() == show_if.item())
            .expect("show_if names an earlier item");
        let values: Vec<String> = show_if
            .any_of()
            .iter()
            .map(|id| match shown_by.kind() {
                ItemKind::Scale { options } => options
                    .iter()
                    .find(|o| o.id() == id)
                    .and_then(|o| o.value())
                    .expect("a scale option has a value")
                    .to_string(),
                _ => format!("'{id}'"),
            })
            .collect();
        q["visibleIf"] = json!(format!(
            "{{{}}} anyof [{}]",
            show_if.item(),
            values.join(", ")
        ));
    }
    q
}

#[test]
fn the_surveyjs_form_asks_the_same_questions() {
    let poll = poll();
    let survey: Value = serde_json::from_str(&read("bench/first_load/surveyjs/survey20.json"))
        .expect("the SurveyJS form is JSON");
    assert_eq!(survey["locale"], "vi");
    assert_eq!(survey["questionsOnPageMode"], "questionPerPage");
    assert_eq!(survey["title"], text(poll.title()));
    let questions = survey["elements"].as_array().expect("elements");
    assert_eq!(questions.len(), poll.items().len());
    for (item, question) in poll.items().iter().zip(questions) {
        assert_eq!(
            question,
            &expected_question(&poll, item),
            "SurveyJS question for {}",
            item.id()
        );
    }
}
