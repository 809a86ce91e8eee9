//! The designer's drafts store in a real browser: a saved draft is there after a new
//! connection, a save replaces the record under the same key, a deleted draft is gone, and the
//! records read back are the designer's own format.

use phieu::edge::drafts::Drafts;
use phieu::state::designer::{Draft, Edit, SavedDraft};
use phieu_core::{Lang, Poll, PollKind};
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;

async fn fresh(name: &str) -> Drafts {
    let factory = gloo::utils::window().indexed_db().unwrap().unwrap();
    let request = factory.delete_database(name).unwrap();
    let done = js_sys::Promise::new(&mut |resolve, _| request.set_onsuccess(Some(&resolve)));
    JsFuture::from(done).await.unwrap();
    Drafts::open_named(name).await.expect("IndexedDB opens")
}

fn record(key: &str, title: &str) -> String {
    let draft =
        Draft::blank(PollKind::Survey, "p".into()).apply(Edit::Title(Lang::Vi, title.into()));
    SavedDraft::new(key.into(), 1.0, draft).encode()
}

#[wasm_bindgen_test]
async fn a_saved_draft_is_there_after_a_new_connection_and_a_save_replaces_it() {
    let drafts = fresh("phieu-test-drafts").await;
    drafts.put("a", &record("a", "Một")).await.unwrap();
    drafts.put("b", &record("b", "Hai")).await.unwrap();
    drafts.put("a", &record("a", "Một, sửa lại")).await.unwrap();
    drafts.close();

    let again = Drafts::open_named("phieu-test-drafts").await.unwrap();
    let all = again.all().await.unwrap();
    assert_eq!(all.len(), 2, "one record per key");
    let a = SavedDraft::decode(&again.get("a").await.unwrap().unwrap()).unwrap();
    assert_eq!(a.draft.title.vi, "Một, sửa lại");
    assert_eq!(again.get("zzz").await.unwrap(), None);

    again.delete("a").await.unwrap();
    let left: Vec<String> = again
        .all()
        .await
        .unwrap()
        .iter()
        .filter_map(|r| SavedDraft::decode(r))
        .map(|d| d.key)
        .collect();
    assert_eq!(left, ["b"]);
    // Deleting what is not there is not an error.
    again.delete("a").await.unwrap();
}

#[wasm_bindgen_test]
async fn a_template_saved_as_a_draft_comes_back_as_the_same_poll() {
    let drafts = fresh("phieu-test-drafts-poll").await;
    let poll = Poll::from_json(super::DEMO).unwrap();
    let saved = SavedDraft::new("t".into(), 2.0, Draft::from_poll(&poll));
    drafts.put("t", &saved.encode()).await.unwrap();
    let back = SavedDraft::decode(&drafts.get("t").await.unwrap().unwrap()).unwrap();
    assert_eq!(back.draft.check().unwrap().hash(), poll.hash());
}
