//! The poll templates shipped in `assets/templates/` (issue 7): `index.json` lists exactly the
//! template files, in the order the app's picker shows them, each with the poll's own title;
//! every template is a valid poll that takes a ballot and is decided by its rule.
//!
//! Everything goes through one helper, `check`, so a new template is covered by listing it in
//! `index.json`. Run with `cargo test -p phieu --test templates`.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use phieu_core::{
    decide, is_shown, Answer, Ballot, BallotBox, Electorate, ItemKind, Lang, Poll, Salt,
};
use serde_json::Value;

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/templates")
}

/// One entry of `index.json`: the file and its title (`vi`, optional `en`).
struct Entry {
    file: String,
    vi: String,
    en: Option<String>,
}

fn index() -> Vec<Entry> {
    let text = std::fs::read_to_string(dir().join("index.json")).expect("index.json is readable");
    let list: Vec<Value> = serde_json::from_str(&text).expect("index.json is a JSON list");
    list.iter()
        .enumerate()
        .map(|(i, e)| {
            let obj = e
                .as_object()
                .unwrap_or_else(|| panic!("index[{i}] is not an object"));
            let mut keys: Vec<&str> = obj.keys().map(String::as_str).collect();
            keys.sort_unstable();
            assert_eq!(keys, ["file", "title"], "index[{i}]: fields");
            let title = &obj["title"];
            Entry {
                file: obj["file"]
                    .as_str()
                    .unwrap_or_else(|| panic!("index[{i}].file is not a string"))
                    .to_owned(),
                vi: title["vi"]
                    .as_str()
                    .unwrap_or_else(|| panic!("index[{i}].title.vi is not a string"))
                    .to_owned(),
                en: title.get("en").map(|en| {
                    en.as_str()
                        .unwrap_or_else(|| panic!("index[{i}].title.en is not a string"))
                        .to_owned()
                }),
            }
        })
        .collect()
}

/// One valid answer to item `index`, given the answers to the items before it: blank when skip
/// logic hides it, else the first option (of a single or scale item), the first `min` options
/// (at least one) of a multiple item, `min` for a number, "..." for text.
fn answer(poll: &Poll, answers: &[Answer], index: usize) -> Answer {
    if !is_shown(poll, answers, index) {
        return Answer::Blank;
    }
    match poll.items()[index].kind() {
        ItemKind::Single { options } | ItemKind::Scale { options } => {
            Answer::choice(options[0].id())
        }
        ItemKind::Multiple { options, min, .. } => {
            let n = usize::try_from(*min).unwrap().max(1);
            let chosen = &options[..n];
            Answer::Choices {
                options: chosen.iter().map(|c| c.id().to_owned()).collect(),
                free_text: chosen
                    .iter()
                    .any(|c| c.free_text())
                    .then(|| "...".to_owned()),
            }
        }
        ItemKind::Number { min, .. } => Answer::Number(*min),
        ItemKind::Text { .. } => Answer::Text("...".into()),
    }
}

/// Checks one template given as text: it parses, its title is the one `index.json` shows, it
/// takes one valid ballot, and the tally is decided by its rule (100 households, 80 present)
/// with one outcome per decided item, plus one for a survey target.
fn check_poll(file: &str, json: &str, vi: &str, en: Option<&str>) {
    let poll = Poll::from_json(json).unwrap_or_else(|e| {
        panic!(
            "{file}: not a valid poll at {}: {}",
            e.path(),
            e.message(Lang::En)
        )
    });
    assert_eq!(
        poll.title().vi(),
        vi,
        "{file}: title.vi differs from index.json"
    );
    assert_eq!(
        poll.title().en(),
        en,
        "{file}: title.en differs from index.json"
    );

    let mut answers = Vec::new();
    for index in 0..poll.items().len() {
        let a = answer(&poll, &answers, index);
        answers.push(a);
    }
    let ballot = Ballot::new(&poll, answers, Salt::from_bytes([7; 16])).unwrap_or_else(|e| {
        panic!(
            "{file}: ballot refused at {}: {}",
            e.path(),
            e.message(Lang::En)
        )
    });
    let mut ballot_box = BallotBox::new(poll.clone());
    ballot_box
        .cast(ballot)
        .unwrap_or_else(|e| panic!("{file}: cast refused: {}", e.message(Lang::En)));
    assert_eq!(
        ballot_box.tally().ballots(),
        1,
        "{file}: ballots in the tally"
    );

    let electorate = Electorate::new(100, Some(80)).expect("electorate is valid");
    let outcomes = decide(&poll, ballot_box.tally(), &electorate)
        .unwrap_or_else(|e| panic!("{file}: not decided: {}", e.message(Lang::En)));
    // One outcome per decided item, but a board's: one per candidate and one when seats stay
    // unfilled (issue 16); plus one for a survey target.
    let expected: usize = poll
        .decided_items()
        .map(|(_, item)| match item.kind() {
            ItemKind::Multiple { .. } => outcomes
                .iter()
                .filter(|o| o.item() == item.id())
                .count()
                .max(1),
            _ => 1,
        })
        .sum::<usize>()
        + usize::from(poll.rule().target().is_some());
    assert_eq!(outcomes.len(), expected, "{file}: outcomes");
    for (_, item) in poll.decided_items() {
        assert!(
            outcomes.iter().any(|o| o.item() == item.id()),
            "{file}: {} has no outcome",
            item.id()
        );
    }
    for outcome in &outcomes {
        assert!(
            !outcome.sentence(Lang::Vi).is_empty(),
            "{file}: outcome of {} has no sentence",
            outcome.item()
        );
    }
}

/// Checks the template `file` of `assets/templates/` against its `index.json` title.
fn check(entry: &Entry) {
    let path = dir().join(&entry.file);
    let json = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: cannot read: {e}", entry.file));
    check_poll(&entry.file, &json, &entry.vi, entry.en.as_deref());
}

#[test]
fn index_lists_exactly_the_template_files() {
    let listed: Vec<String> = index().into_iter().map(|e| e.file).collect();
    let unique: BTreeSet<&String> = listed.iter().collect();
    assert_eq!(unique.len(), listed.len(), "index.json lists a file twice");
    let on_disk: BTreeSet<String> = std::fs::read_dir(dir())
        .expect("assets/templates is readable")
        .map(|e| {
            e.expect("directory entry")
                .file_name()
                .into_string()
                .expect("UTF-8 name")
        })
        .filter(|name| name.ends_with(".json") && name != "index.json")
        .collect();
    assert_eq!(
        unique.into_iter().cloned().collect::<BTreeSet<_>>(),
        on_disk,
        "index.json must list exactly the *.json files of assets/templates"
    );
}

#[test]
fn index_titles_are_distinct() {
    // The picker selects by title.
    let entries = index();
    let titles: BTreeSet<&str> = entries.iter().map(|e| e.vi.as_str()).collect();
    assert_eq!(titles.len(), entries.len(), "two templates share a title");
}

#[test]
fn every_template_parses_takes_a_ballot_and_is_decided() {
    let entries = index();
    assert!(!entries.is_empty(), "index.json lists no template");
    for entry in &entries {
        check(entry);
    }
}

/// The check is not vacuous: a template with a preset the format does not know fails it.
#[test]
#[should_panic(expected = "dong-gop-cong-trinh.json: not a valid poll at rule")]
fn a_template_with_an_unknown_preset_fails_the_check() {
    let entry = index()
        .into_iter()
        .find(|e| e.file == "dong-gop-cong-trinh.json")
        .expect("the contribution template is listed");
    let json = std::fs::read_to_string(dir().join(&entry.file)).unwrap();
    let broken = json.replace("\"two_thirds_households\"", "\"hai_phan_ba\"");
    assert_ne!(broken, json);
    check_poll(&entry.file, &broken, &entry.vi, entry.en.as_deref());
}

/// A preset the kind does not allow fails it too (a survey decided by households).
#[test]
#[should_panic(expected = "hai-long-nong-thon-moi.json: not a valid poll at rule")]
fn a_template_with_a_preset_not_for_its_kind_fails_the_check() {
    let entry = index()
        .into_iter()
        .find(|e| e.file == "hai-long-nong-thon-moi.json")
        .expect("the satisfaction template is listed");
    let json = std::fs::read_to_string(dir().join(&entry.file)).unwrap();
    let mut poll: Value = serde_json::from_str(&json).unwrap();
    poll["rule"] = serde_json::json!({ "preset": "majority_households" });
    check_poll(
        &entry.file,
        &poll.to_string(),
        &entry.vi,
        entry.en.as_deref(),
    );
}

/// The board template (issue 16): the Community Investment Supervision Board of a project, not
/// the People's Inspection Board, which is commune-wide with one member per village (L 36.1;
/// docs/legal.md §7). Up to 5 residents are elected at the village meeting (D59 Điều 17).
#[test]
fn the_board_template_elects_up_to_five_of_seven_and_states_a_tie_at_the_last_seat() {
    let entry = index()
        .into_iter()
        .find(|e| e.file == "bau-ban-giam-sat.json")
        .expect("the board template is listed");
    let json = std::fs::read_to_string(dir().join(&entry.file)).unwrap();
    let poll = Poll::from_json(&json).unwrap();
    assert_eq!(poll.kind().name(), "election");
    assert!(poll
        .subject()
        .unwrap()
        .vi()
        .contains("Điều 17 Nghị định 59/2023/NĐ-CP"));
    let item = &poll.items()[0];
    let ItemKind::Multiple { options, min, max } = item.kind() else {
        panic!("the board is a multiple item");
    };
    assert_eq!((options.len(), *min, *max), (7, 0, 5));

    // 10 households, 9 present: A 9, B 8, C 7 votes; D, E, F 6 each (more than half of 10),
    // G none. Three are elected; D, E and F tie for the last two seats; 3 of 5 are filled.
    let wanted = [9, 8, 7, 6, 6, 6, 0];
    let mut kept: Vec<Vec<usize>> = vec![Vec::new(); 9];
    for (candidate, votes) in wanted.iter().enumerate() {
        let mut voters: Vec<usize> = (0..9).collect();
        voters.sort_by_key(|v| kept[*v].len());
        for v in voters.into_iter().take(*votes) {
            kept[v].push(candidate);
        }
    }
    let mut ballot_box = BallotBox::new(poll.clone());
    for (n, names) in kept.iter_mut().enumerate() {
        names.sort_unstable();
        assert!(names.len() <= 5, "a voter keeps at most 5 names");
        let answer = Answer::Choices {
            options: names.iter().map(|c| options[*c].id().to_owned()).collect(),
            free_text: None,
        };
        let salt = Salt::from_bytes([u8::try_from(n).unwrap(); 16]);
        ballot_box
            .cast(Ballot::new(&poll, vec![answer], salt).unwrap())
            .unwrap();
    }
    let electorate = Electorate::new(10, Some(9)).unwrap();
    let outcomes = decide(&poll, ballot_box.tally(), &electorate).unwrap();
    let results: Vec<&str> = outcomes.iter().map(|o| o.result()).collect();
    assert_eq!(
        results,
        [
            "elected",
            "elected",
            "elected",
            "tied_for_last_seat",
            "tied_for_last_seat",
            "tied_for_last_seat",
            "not_elected",
            "seats_unfilled"
        ]
    );
    assert!(outcomes[7]
        .sentence(Lang::Vi)
        .starts_with("Bầu được 3/5 thành viên"));
}
