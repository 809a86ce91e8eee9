//! The IndexedDB ballot store in a real browser: what is committed is there after a new
//! connection, a retried cast is stored once, the test box never mixes with the real box, and
//! a full disk is told to the officer in words.

use phieu::edge::store::{BoxKind, Cast, Store, StoreError};
use phieu_core::{Answer, Ballot, Lang, Poll, Salt};
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;

async fn fresh(name: &str) -> Store {
    let factory = gloo::utils::window().indexed_db().unwrap().unwrap();
    let request = factory.delete_database(name).unwrap();
    fired(|f| request.set_onsuccess(Some(f))).await;
    Store::open_named(name).await.expect("IndexedDB opens")
}

fn ballot(choice: &str, salt: u8) -> Ballot {
    let poll = Poll::from_json(super::DEMO).unwrap();
    Ballot::new(
        &poll,
        vec![Answer::choice(choice)],
        Salt::from_bytes([salt; 16]),
    )
    .unwrap()
}

async fn cast(store: &Store, kind: BoxKind, b: &Ballot) -> Cast {
    store
        .cast(kind, "m1", &b.commitment().to_hex(), &b.to_opening_json())
        .await
        .expect("cast is committed")
}

#[wasm_bindgen_test]
async fn a_committed_ballot_is_there_after_a_new_connection() {
    let store = fresh("phieu-test-durable").await;
    let b = ballot("dong_y", 1);
    assert_eq!(cast(&store, BoxKind::Real, &b).await, Cast::Stored);
    store.close();

    let again = Store::open_named("phieu-test-durable").await.unwrap();
    assert_eq!(
        again.openings(BoxKind::Real, "m1").await.unwrap(),
        vec![Some(b.to_opening_json())]
    );
    assert_eq!(
        again.count(BoxKind::Real, "m2").await.unwrap(),
        0,
        "other meetings are apart"
    );
}

#[wasm_bindgen_test]
async fn a_retried_cast_is_stored_once() {
    let store = fresh("phieu-test-retry").await;
    let b = ballot("khong_dong_y", 2);
    assert_eq!(cast(&store, BoxKind::Real, &b).await, Cast::Stored);
    assert_eq!(cast(&store, BoxKind::Real, &b).await, Cast::AlreadyStored);
    assert_eq!(store.count(BoxKind::Real, "m1").await.unwrap(), 1);
}

#[wasm_bindgen_test]
async fn ballots_come_back_sorted_by_commitment_never_in_casting_order() {
    let store = fresh("phieu-test-order").await;
    let mut ballots: Vec<Ballot> = (1..=6).map(|i| ballot("dong_y", i)).collect();
    for b in &ballots {
        cast(&store, BoxKind::Real, b).await;
    }
    ballots.sort_by_key(|b| b.commitment().to_hex());
    let sorted: Vec<Option<String>> = ballots.iter().map(|b| Some(b.to_opening_json())).collect();
    assert_eq!(store.openings(BoxKind::Real, "m1").await.unwrap(), sorted);
}

/// The list a large box is read back from a slice at a time holds the same openings, in the
/// same order, as the whole read.
#[wasm_bindgen_test]
async fn the_opening_list_hands_over_what_the_whole_read_does() {
    let store = fresh("phieu-test-list").await;
    for i in 1..=5 {
        cast(&store, BoxKind::Real, &ballot("dong_y", i)).await;
    }
    let whole = store.openings(BoxKind::Real, "m1").await.unwrap();
    let list = store.opening_list(BoxKind::Real, "m1").await.unwrap();
    assert_eq!(list.len(), 5);
    assert_eq!(
        (0..list.len()).map(|i| list.get(i)).collect::<Vec<_>>(),
        whole
    );
    assert_eq!(list.get(5), None);
    assert!(store
        .opening_list(BoxKind::Real, "m2")
        .await
        .unwrap()
        .is_empty());
}

/// A turn (`edge::pause::turn`) gives the page a task of its own: a timer set before a run
/// of turns fires during them (were a turn only a microtask, the timer would wait for the
/// whole run, and the run would end by the clock).
#[wasm_bindgen_test]
async fn turns_let_a_waiting_timer_run() {
    use std::cell::Cell;
    use std::rc::Rc;
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;

    let fired = Rc::new(Cell::new(false));
    let on_timer = {
        let fired = fired.clone();
        Closure::<dyn FnMut()>::new(move || fired.set(true))
    };
    gloo::utils::window()
        .set_timeout_with_callback_and_timeout_and_arguments_0(on_timer.as_ref().unchecked_ref(), 0)
        .unwrap();
    let start = js_sys::Date::now();
    while !fired.get() && js_sys::Date::now() - start < 2000.0 {
        phieu::edge::pause::turn().await;
    }
    assert!(fired.get(), "the timer ran between turns");
}

#[wasm_bindgen_test]
async fn the_test_box_never_mixes_with_the_real_box() {
    let store = fresh("phieu-test-la").await;
    cast(&store, BoxKind::Test, &ballot("dong_y", 3)).await;
    cast(&store, BoxKind::Real, &ballot("dong_y", 4)).await;
    assert_eq!(store.count(BoxKind::Test, "m1").await.unwrap(), 1);
    assert_eq!(store.count(BoxKind::Real, "m1").await.unwrap(), 1);
    store.clear(BoxKind::Test, "m1").await.unwrap();
    assert_eq!(store.count(BoxKind::Test, "m1").await.unwrap(), 0);
    assert_eq!(store.count(BoxKind::Real, "m1").await.unwrap(), 1);
}

#[wasm_bindgen_test]
async fn meetings_are_stored_and_deleted_with_their_boxes() {
    let store = fresh("phieu-test-meetings").await;
    store.put_meeting("m1", "{\"a\":1}").await.unwrap();
    store.put_meeting("m1", "{\"a\":2}").await.unwrap();
    cast(&store, BoxKind::Real, &ballot("dong_y", 5)).await;
    assert_eq!(
        store.meetings().await.unwrap(),
        vec!["{\"a\":2}".to_owned()]
    );
    store.delete_meeting("m1").await.unwrap();
    assert!(store.meetings().await.unwrap().is_empty());
    assert_eq!(store.count(BoxKind::Real, "m1").await.unwrap(), 0);
}

/// Waits until the handler `set` installs (a request's `onsuccess`, a transaction's
/// `oncomplete`) is called.
async fn fired(set: impl Fn(&js_sys::Function)) {
    JsFuture::from(js_sys::Promise::new(&mut |resolve, _| set(&resolve)))
        .await
        .unwrap();
}

#[wasm_bindgen_test]
async fn a_record_that_is_not_text_comes_back_as_damaged_never_dropped() {
    let store = fresh("phieu-test-not-text").await;
    let b = ballot("dong_y", 7);
    cast(&store, BoxKind::Real, &b).await;
    store.close();

    // Written past the store, as a foreign script on the same origin could: a number, keyed
    // after the real ballot in meeting m1.
    let factory = gloo::utils::window().indexed_db().unwrap().unwrap();
    let open = factory.open("phieu-test-not-text").unwrap();
    fired(|f| open.set_onsuccess(Some(f))).await;
    let db: web_sys::IdbDatabase = open.result().unwrap().into();
    let tx = db
        .transaction_with_str_and_mode("ballots", web_sys::IdbTransactionMode::Readwrite)
        .unwrap();
    let key = js_sys::Array::of2(&"m1".into(), &"ff".repeat(32).into());
    tx.object_store("ballots")
        .unwrap()
        .put_with_key(&42.into(), &key)
        .unwrap();
    fired(|f| tx.set_oncomplete(Some(f))).await;
    db.close();

    let again = Store::open_named("phieu-test-not-text").await.unwrap();
    assert_eq!(
        again.openings(BoxKind::Real, "m1").await.unwrap(),
        vec![Some(b.to_opening_json()), None]
    );
}

#[wasm_bindgen_test]
fn a_full_disk_is_told_in_both_languages() {
    let quota =
        web_sys::DomException::new_with_message_and_name("quota", "QuotaExceededError").unwrap();
    let error = StoreError::from_js(&quota);
    assert_eq!(error, StoreError::Full);
    assert!(error.message(Lang::Vi).contains("đầy"));
    assert!(error.message(Lang::En).contains("full"));
    let other = web_sys::DomException::new_with_message_and_name("x", "UnknownError").unwrap();
    assert!(matches!(StoreError::from_js(&other), StoreError::Failed(_)));
}
