//! A field survey's working storage in a real browser (`edge::field_store`): a draft is there
//! after a new connection and a put replaces it; counting a response and forgetting its draft
//! happen together; each session counts its own days, read back in date order; a household
//! roll is kept per session in its own store, apart from drafts and days; the route's `src` is
//! a path on this site.

use phieu::edge::field_store::{today, FieldStore};
use phieu::edge::route::survey_src_of_hash;
use phieu::state::field::{Draft, Roll};
use phieu::state::meeting::Step;
use phieu_core::{Answer, Poll};
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;

const SURVEY20: &str = include_str!("../../assets/polls/survey20.json");

async fn fresh(name: &str) -> FieldStore {
    let factory = gloo::utils::window().indexed_db().unwrap().unwrap();
    let request = factory.delete_database(name).unwrap();
    let done = js_sys::Promise::new(&mut |resolve, _| request.set_onsuccess(Some(&resolve)));
    JsFuture::from(done).await.unwrap();
    FieldStore::open_named(name).await.expect("IndexedDB opens")
}

fn draft(poll: &Poll, first: &str, step: Step) -> Draft {
    let mut answers = vec![Answer::Blank; poll.items().len()];
    answers[0] = Answer::choice(first);
    Draft {
        step,
        answers,
        salt: None,
    }
}

#[wasm_bindgen_test]
async fn a_draft_survives_a_new_connection_and_is_forgotten_when_its_response_is_counted() {
    let poll = Poll::from_json(SURVEY20).unwrap();
    let store = fresh("phieu-test-field").await;
    assert_eq!(store.draft("field-a").await.unwrap(), None);
    let one = draft(&poll, "hai_long", Step::Question(2));
    store.put_draft("field-a", &one.to_json()).await.unwrap();
    let two = draft(&poll, "khong_hai_long", Step::Question(1));
    store.put_draft("field-a", &two.to_json()).await.unwrap();
    store.put_draft("field-b", &one.to_json()).await.unwrap();
    store.close();

    let again = FieldStore::open_named("phieu-test-field").await.unwrap();
    let back = Draft::from_json(&poll, &again.draft("field-a").await.unwrap().unwrap());
    assert_eq!(back, Some(two), "the last put wins");

    again
        .count_and_forget("field-a", "2026-11-25")
        .await
        .unwrap();
    assert_eq!(again.draft("field-a").await.unwrap(), None);
    assert!(
        again.draft("field-b").await.unwrap().is_some(),
        "another session's draft stays"
    );
    again
        .count_and_forget("field-a", "2026-11-24")
        .await
        .unwrap();
    again
        .count_and_forget("field-a", "2026-11-25")
        .await
        .unwrap();
    again
        .count_and_forget("field-b", "2026-11-25")
        .await
        .unwrap();
    assert_eq!(
        again.days("field-a").await.unwrap(),
        vec![("2026-11-24".to_owned(), 1), ("2026-11-25".to_owned(), 2)]
    );
    assert_eq!(
        again.days("field-b").await.unwrap(),
        vec![("2026-11-25".to_owned(), 1)]
    );
    assert_eq!(again.days("field-c").await.unwrap(), vec![]);

    again.delete_draft("field-b").await.unwrap();
    assert_eq!(again.draft("field-b").await.unwrap(), None);
    // Deleting what is not there is not an error.
    again.delete_draft("field-b").await.unwrap();
}

/// Issue 16, item 2: the roll of a collection by forms survives a new connection, a put
/// replaces it, and it is its own record: counting a form and forgetting its draft leave it as
/// it was.
#[wasm_bindgen_test]
async fn a_household_roll_survives_a_new_connection_apart_from_drafts_and_days() {
    let store = fresh("phieu-test-field-roll").await;
    assert_eq!(store.roll("field-f").await.unwrap(), None);
    let roll = Roll::new("5", "Nguyễn Văn An").unwrap();
    store.put_roll("field-f", &roll.to_json()).await.unwrap();
    let marked = roll.mark(4).unwrap().mark(2).unwrap();
    store.put_roll("field-f", &marked.to_json()).await.unwrap();
    store
        .count_and_forget("field-f", "2026-11-24")
        .await
        .unwrap();
    store.close();

    let again = FieldStore::open_named("phieu-test-field-roll")
        .await
        .unwrap();
    let back = Roll::from_json(&again.roll("field-f").await.unwrap().unwrap());
    assert_eq!(back, Some(marked));
    assert_eq!(again.roll("field-g").await.unwrap(), None);
    assert_eq!(
        again.days("field-f").await.unwrap(),
        vec![("2026-11-24".to_owned(), 1)]
    );
}

/// A device that ran a survey before forms existed has `phieu-field` at version 1 (drafts and
/// days only): opening it creates `rolls` and keeps the draft of the respondent in progress.
#[wasm_bindgen_test]
async fn a_version_1_field_database_gains_the_roll_store_and_keeps_its_draft() {
    use wasm_bindgen::{closure::Closure, JsCast};
    let name = "phieu-test-field-v1";
    let factory = gloo::utils::window().indexed_db().unwrap().unwrap();
    let gone = factory.delete_database(name).unwrap();
    let done = js_sys::Promise::new(&mut |resolve, _| gone.set_onsuccess(Some(&resolve)));
    JsFuture::from(done).await.unwrap();
    // Version 1 as it was: two stores, one draft.
    let request = factory.open_with_u32(name, 1).unwrap();
    let upgrade = Closure::<dyn FnMut(web_sys::Event)>::new({
        let request = request.clone();
        move |_| {
            let db: web_sys::IdbDatabase = request.result().unwrap().dyn_into().unwrap();
            let drafts = db.create_object_store("drafts").unwrap();
            db.create_object_store("days").unwrap();
            drafts
                .put_with_key(&"old draft".into(), &"field-old".into())
                .unwrap();
        }
    });
    request.set_onupgradeneeded(Some(upgrade.as_ref().unchecked_ref()));
    let opened = js_sys::Promise::new(&mut |resolve, _| request.set_onsuccess(Some(&resolve)));
    JsFuture::from(opened).await.unwrap();
    let v1: web_sys::IdbDatabase = request.result().unwrap().dyn_into().unwrap();
    assert_eq!(v1.version(), 1.0);
    v1.close();

    let store = FieldStore::open_named(name)
        .await
        .expect("the upgrade opens");
    assert_eq!(
        store.draft("field-old").await.unwrap().as_deref(),
        Some("old draft")
    );
    let roll = Roll::new("3", "").unwrap().mark(1).unwrap();
    store.put_roll("field-new", &roll.to_json()).await.unwrap();
    let back = store.roll("field-new").await.unwrap().unwrap();
    assert_eq!(Roll::from_json(&back), Some(roll));
}

#[wasm_bindgen_test]
fn today_is_a_local_date_and_the_route_names_a_poll_on_this_site() {
    let day = today();
    assert_eq!(day.len(), 10);
    assert_eq!(&day[4..5], "-");
    assert_eq!(
        survey_src_of_hash("#/survey?src=polls/survey20.json").as_deref(),
        Some("polls/survey20.json")
    );
    // The survey page's own address names it in its query.
    assert_eq!(
        survey_src_of_hash("?lang=en&src=polls/survey20.json").as_deref(),
        Some("polls/survey20.json")
    );
    assert_eq!(
        survey_src_of_hash("#/survey?lang=en&src=templates%2Fkhao-sat-mttq.json").as_deref(),
        Some("templates/khao-sat-mttq.json")
    );
    for foreign in [
        "#/survey",
        "#/survey?src=",
        "#/survey?src=https://evil.example/p.json",
        "#/survey?src=//evil.example/p.json",
        "#/survey?src=/etc/p.json",
        "?src=https://evil.example/p.json",
        "#/survey?src=data:application/json,{}",
    ] {
        assert_eq!(survey_src_of_hash(foreign), None, "{foreign}");
    }
}
