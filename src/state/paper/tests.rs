use phieu_core::Poll;

use super::*;

/// Two items: yes or no (single) and four names, at most two chosen (multiple). The sheet
/// does not depend on the kind of poll: a survey is the shortest to write.
fn poll() -> Poll {
    Poll::from_json(
        r#"{"format":"phieu/poll","version":1,"id":"paper-test","kind":"survey",
            "title":{"vi":"Họp thôn"},
            "place":{"commune":"Xã Tam Hưng","village":"Thôn Đồng Tâm"},"rule":{"preset":"none"},
            "items":[
              {"id":"road","type":"single","label":{"vi":"Làm đường?"},
               "options":[{"id":"yes","label":{"vi":"Đồng ý"}},{"id":"no","label":{"vi":"Không đồng ý"}}]},
              {"id":"board","type":"multiple","min":0,"max":2,"label":{"vi":"Bầu ban"},
               "options":[{"id":"a","label":{"vi":"An"}},{"id":"b","label":{"vi":"Bình"}},
                          {"id":"c","label":{"vi":"Cường"}},{"id":"d","label":{"vi":"Dung"}}]}
            ]}"#,
    )
    .unwrap_or_else(|e| panic!("{e:?}"))
}

fn counted(taps: &[Tap]) -> Sheet {
    let mut sheet = Sheet::new(&poll()).expect("choices only");
    for &t in taps {
        sheet.tap(t).expect("a tap the sheet takes");
    }
    sheet
}

#[test]
fn one_ballot_is_marked_item_by_item_then_the_next_starts() {
    let sheet = counted(&[Tap::Option(0), Tap::Option(1), Tap::Option(3), Tap::Done]);
    assert_eq!(
        sheet.papers(),
        &[Paper::Valid(vec![
            Mark::Chosen(vec![0]),
            Mark::Chosen(vec![1, 3])
        ])]
    );
    assert_eq!(sheet.item(), 0);
    assert!(!sheet.marking());
    let c = sheet.counts();
    assert_eq!((c.ballots, c.invalid), (1, 0));
    assert_eq!(c.items[0].options, vec![1, 0]);
    assert_eq!(c.items[1].options, vec![0, 1, 0, 1]);
}

#[test]
fn blank_items_and_invalid_ballots_are_counted_apart() {
    let sheet = counted(&[
        Tap::Blank,
        Tap::Done, // nothing ticked on the board: blank
        Tap::Option(1),
        Tap::Invalid, // found invalid part-way: the whole ballot
        Tap::Invalid,
    ]);
    let c = sheet.counts();
    assert_eq!((c.ballots, c.invalid), (3, 2));
    assert_eq!((c.items[0].blank, c.items[1].blank), (1, 1));
    assert_eq!(
        c.items[0].options,
        vec![0, 0],
        "the invalid ballot's tap is not counted"
    );
}

#[test]
fn a_tick_tapped_twice_is_taken_back_and_no_more_than_max_is_taken() {
    let mut sheet = counted(&[Tap::Option(0), Tap::Option(2), Tap::Option(2)]);
    assert!(sheet.ticked().is_empty());
    sheet.tap(Tap::Option(0)).unwrap();
    sheet.tap(Tap::Option(1)).unwrap();
    assert_eq!(sheet.tap(Tap::Option(2)), Err(Refused::TooMany { max: 2 }));
    assert_eq!(sheet.ticked(), &[0, 1]);
    assert_eq!(sheet.tap(Tap::Option(9)), Err(Refused::NoSuchOption));
}

#[test]
fn done_is_only_for_a_multiple_choice_item() {
    let mut sheet = counted(&[]);
    assert_eq!(sheet.tap(Tap::Done), Err(Refused::NotMultiple));
    assert!(sheet.papers().is_empty());
}

#[test]
fn undo_takes_back_the_ballot_being_marked_then_the_last_recorded() {
    let mut sheet = counted(&[Tap::Option(0), Tap::Done, Tap::Option(1)]);
    assert!(sheet.marking());
    sheet.tap(Tap::Undo).unwrap();
    assert!(!sheet.marking());
    assert_eq!(sheet.papers().len(), 1, "the recorded ballot stays");
    sheet.tap(Tap::Undo).unwrap();
    assert!(sheet.papers().is_empty());
    assert_eq!(sheet.tap(Tap::Undo), Err(Refused::NothingToUndo));
    assert_eq!(sheet.counts().ballots, 0);
}

#[test]
fn words_and_numbers_cannot_be_counted_on_the_sheet() {
    let poll = Poll::from_json(
        r#"{"format":"phieu/poll","version":1,"id":"s","kind":"survey","title":{"vi":"Khảo sát"},
            "place":{"commune":"Xã Tam Hưng","village":"Thôn Đồng Tâm"},"rule":{"preset":"none"},
            "items":[{"id":"age","type":"number","label":{"vi":"Tuổi"},"min":18,"max":120}]}"#,
    )
    .unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(Sheet::new(&poll), Err(SheetError::NotAChoice { item: 0 }));
}

#[test]
fn two_counters_agree_or_every_difference_is_named_by_item() {
    let a = counted(&[
        Tap::Option(0),
        Tap::Done,
        Tap::Option(1),
        Tap::Option(0),
        Tap::Done,
    ]);
    assert!(differences(&a.counts(), &a.counts()).is_empty());
    // The second counter heard "Không đồng ý" on the second ballot.
    let b = counted(&[
        Tap::Option(0),
        Tap::Done,
        Tap::Option(1),
        Tap::Option(1),
        Tap::Option(0),
        Tap::Done,
    ]);
    let d = differences(&a.counts(), &b.counts());
    assert_eq!(
        d,
        vec![Difference::Option {
            item: 1,
            option: 1,
            a: 0,
            b: 1
        }]
    );
    assert_eq!(d[0].item(), Some(1));
    // One ballot fewer: the ballots first, then the items it touched.
    let c = counted(&[Tap::Option(0), Tap::Done]);
    let d = differences(&a.counts(), &c.counts());
    assert_eq!(d[0], Difference::Ballots { a: 2, b: 1 });
    assert!(d[1..].iter().all(|x| x.item().is_some()));
}
