//! The upload outbox in a real browser: a bundle put twice is one item, its state is on disk
//! for the next connection (a reload), pressing "upload" again never resets a sent bundle, every
//! state reads back as written, and the backoff with the browser's random jitter stays within
//! its schedule. Also the officer's portal settings in `localStorage`, and the outbox pump
//! (`components::outbox_pump`) mounted alone against a stand-in collector: it resumes what an
//! earlier page left, backs off after a failure, and sends at once when the browser is online.

use std::rc::Rc;

use phieu::edge::outbox::{decode, encode, Outbox};
use phieu::edge::upload::{jitter, load_settings, save_settings, Settings, SETTINGS_KEY};
use phieu::state::outbox::{
    backoff_ms, Accepted, Item, ItemState, Reason, Retry, FIRST_DELAY_MS, MAX_DELAY_MS,
};
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;

const FP: &str = "bc2403d2d2ca9805b95a23a767cf713acae40c0e088afb491093797ae15c1f9a";
const FP2: &str = "2446000000000000000000000000000000000000000000000000000000000000";

async fn fresh(name: &str) -> Outbox {
    let factory = gloo::utils::window().indexed_db().unwrap().unwrap();
    let request = factory.delete_database(name).unwrap();
    let done = js_sys::Promise::new(&mut |resolve, _| request.set_onsuccess(Some(&resolve)));
    JsFuture::from(done).await.unwrap();
    Outbox::open_named(name).await.expect("IndexedDB opens")
}

fn item(fingerprint: &str, state: ItemState) -> Item {
    Item {
        fingerprint: fingerprint.into(),
        short: "BC24-03D2-D2CA-9805".into(),
        bundle: Rc::new(r#"{"format":"phieu/audit-bundle"}"#.into()),
        state,
    }
}

#[wasm_bindgen_test]
async fn a_bundle_put_twice_is_one_item() {
    let outbox = fresh("phieu-outbox-test-twice").await;
    outbox.put(&item(FP, ItemState::new(1.0))).await.unwrap();
    let failed =
        ItemState::new(1.0).after(phieu::state::outbox::Outcome::Retry(Retry::Offline), 1.0, 0);
    outbox.put(&item(FP, failed.clone())).await.unwrap();
    let all = outbox.all().await.unwrap();
    assert_eq!(
        all,
        vec![item(FP, failed)],
        "the second put replaced the first"
    );

    outbox.put(&item(FP2, ItemState::new(2.0))).await.unwrap();
    let keys: Vec<String> = outbox
        .all()
        .await
        .unwrap()
        .into_iter()
        .map(|i| i.fingerprint)
        .collect();
    assert_eq!(keys, [FP2, FP], "sorted by fingerprint, one each");
}

#[wasm_bindgen_test]
async fn the_state_is_there_after_a_new_connection() {
    let outbox = fresh("phieu-outbox-test-durable").await;
    let sent = item(FP, ItemState::Sent(Accepted::AlreadyStored));
    outbox.put(&sent).await.unwrap();
    outbox.close();

    let again = Outbox::open_named("phieu-outbox-test-durable")
        .await
        .unwrap();
    assert_eq!(again.get(FP).await.unwrap(), Some(sent));
    assert_eq!(again.get(FP2).await.unwrap(), None);
}

#[wasm_bindgen_test]
async fn uploading_again_never_resets_a_sent_bundle() {
    let outbox = fresh("phieu-outbox-test-enqueue").await;
    let first = outbox.enqueue(item(FP, ItemState::new(5.0))).await.unwrap();
    assert_eq!(first.state, ItemState::new(5.0));
    outbox
        .put(&item(FP, ItemState::Sent(Accepted::Stored)))
        .await
        .unwrap();
    let again = outbox.enqueue(item(FP, ItemState::new(9.0))).await.unwrap();
    assert_eq!(again.state, ItemState::Sent(Accepted::Stored));
    assert_eq!(outbox.all().await.unwrap().len(), 1);
}

#[wasm_bindgen_test]
fn every_state_reads_back_as_written() {
    let states = [
        ItemState::new(1_700_000_000_000.0),
        ItemState::Waiting {
            failures: 3,
            next_try_ms: 1_700_000_008_000.0,
            last: Some(Retry::Server(503)),
        },
        ItemState::Waiting {
            failures: 1,
            next_try_ms: 2.0,
            last: Some(Retry::Unexpected(200)),
        },
        ItemState::Waiting {
            failures: 2,
            next_try_ms: 2.0,
            last: Some(Retry::Timeout),
        },
        ItemState::Sent(Accepted::Stored),
        ItemState::Sent(Accepted::AlreadyStored),
        ItemState::Refused {
            status: 401,
            reasons: vec![Reason {
                vi: "thiếu hoặc sai mã tải lên".into(),
                en: "missing or wrong upload token".into(),
            }],
        },
    ];
    for state in states {
        let it = item(FP, state);
        assert_eq!(decode(&encode(&it)), Some(it));
    }
    assert_eq!(decode("not json"), None);
    assert_eq!(
        decode(r#"{"fingerprint":"a","short":"A","bundle":"{}","state":"lost"}"#),
        None
    );
}

#[wasm_bindgen_test]
fn the_backoff_with_the_browsers_jitter_stays_in_its_schedule() {
    let draws: Vec<u16> = (0..16).map(|_| jitter()).collect();
    assert!(
        draws.iter().any(|d| *d != draws[0]),
        "jitter comes from crypto.getRandomValues: {draws:?}"
    );
    for failures in 1..=12u32 {
        let base = (FIRST_DELAY_MS << (failures - 1).min(20)).min(MAX_DELAY_MS);
        for d in &draws {
            let wait = backoff_ms(failures, *d);
            assert!(
                wait >= base * 3 / 4 && wait <= base,
                "{failures}: {wait} not in [{}, {base}]",
                base * 3 / 4
            );
        }
    }
}

#[wasm_bindgen_test]
fn the_portal_settings_are_remembered() {
    let storage = gloo::utils::window().local_storage().unwrap().unwrap();
    storage.remove_item(SETTINGS_KEY).unwrap();
    assert_eq!(load_settings().settings, Settings::default());
    let settings = Settings {
        url: "https://xa.example.vn/phieu/bundles".into(),
        token: "0123456789abcdef".into(),
    };
    assert!(save_settings(&settings));
    let loaded = load_settings();
    assert_eq!(loaded.settings, settings);
    assert_eq!(loaded.proposed, None, "the test page has no ?upload=");

    // Issue 17: a link's `?upload=` is only proposed; the saved address and token stand.
    let history = gloo::utils::window().history().unwrap();
    let here = gloo::utils::window().location().href().unwrap();
    history
        .replace_state_with_url(
            &wasm_bindgen::JsValue::NULL,
            "",
            Some("?upload=http%3A%2F%2F127.0.0.1%3A9%2Fsteal"),
        )
        .unwrap();
    let linked = load_settings();
    history
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&here))
        .unwrap();
    assert_eq!(linked.settings, settings, "the link changes nothing saved");
    assert_eq!(linked.proposed.as_deref(), Some("http://127.0.0.1:9/steal"));

    storage.set_item(SETTINGS_KEY, "{broken").unwrap();
    assert_eq!(load_settings().settings, Settings::default());
    storage.remove_item(SETTINGS_KEY).unwrap();
}

#[wasm_bindgen_test]
async fn a_portal_that_cannot_be_reached_is_tried_again_later() {
    // Port 9 (discard) on loopback: nothing listens, the connection is refused at once.
    let endpoint = phieu::state::outbox::Endpoint::parse("http://127.0.0.1:9/", "0123456789abcdef")
        .expect("a valid endpoint");
    assert_eq!(endpoint.url, "http://127.0.0.1:9/bundles");
    assert_eq!(
        phieu::edge::upload::send(&endpoint, FP, "{}").await,
        phieu::state::outbox::Outcome::Retry(Retry::Network)
    );
}

/// Resolves after `ms` milliseconds.
async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        gloo::utils::window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    JsFuture::from(promise).await.unwrap();
}

/// The item of `FP` in the app's outbox once `ready` holds for it, read through a connection
/// of the test's own (what is on disk). Gives up after 10 s (the runner stops a test at 20 s)
/// with the last state seen.
async fn wait_for(what: &str, ready: impl Fn(&ItemState) -> bool) -> Item {
    let outbox = Outbox::open().await.unwrap();
    let mut last = None;
    for _ in 0..100 {
        last = outbox.get(FP).await.unwrap();
        if let Some(item) = &last {
            if ready(&item.state) {
                outbox.close();
                return item.clone();
            }
        }
        sleep(100).await;
    }
    panic!("{what}: still {last:?}");
}

/// Runs `body` as a script in the page (the fake collector below).
fn script(body: &str) {
    js_sys::Function::new_no_args(body)
        .call0(&JsValue::NULL)
        .unwrap();
}

#[wasm_bindgen_test]
async fn the_pump_sends_what_an_earlier_page_left_retries_and_wakes_when_online() {
    use phieu::components::outbox_pump::{OutboxPump, OutboxPumpProps};

    // An earlier page (or meeting) left a bundle waiting in the app's own outbox, after eight
    // failed tries: its next try is far off. A page that opens tries it at once.
    let _ = fresh(phieu::edge::outbox::DB_NAME).await;
    let earlier = Outbox::open().await.unwrap();
    let bundle = r#"{"format":"phieu/audit-bundle","version":1}"#;
    let left = Item {
        bundle: Rc::new(bundle.into()),
        ..item(
            FP,
            ItemState::Waiting {
                failures: 8,
                next_try_ms: js_sys::Date::now() + 3_600_000.0,
                last: Some(Retry::Offline),
            },
        )
    };
    earlier.put(&left).await.unwrap();
    earlier.close();
    let storage = gloo::utils::window().local_storage().unwrap().unwrap();
    assert!(save_settings(&Settings {
        url: "https://xa.example.vn/phieu/bundles".into(),
        token: "0123456789abcdef".into(),
    }));

    // A collector standing in for the portal: the first try fails on the network, then it
    // stores. Every request is recorded.
    script(&format!(
        r#"
        window.__outboxCalls = [];
        window.__realFetch = window.fetch;
        window.fetch = async (request) => {{
            const body = await request.text();
            window.__outboxCalls.push({{
                url: request.url, method: request.method,
                auth: request.headers.get('Authorization'), body }});
            if (window.__outboxCalls.length === 1) throw new TypeError('Failed to fetch');
            return new Response(
                JSON.stringify({{ status: 'stored', fingerprint: '{FP}', vi: 'đã lưu', en: 'stored' }}),
                {{ status: 201, headers: {{ 'Content-Type': 'application/json' }} }});
        }};
        "#
    ));

    // A page opens: the pump, with nothing on screen that shows the outbox.
    let root = gloo::utils::document().create_element("div").unwrap();
    gloo::utils::body().append_child(&root).unwrap();
    let app = yew::Renderer::<OutboxPump>::with_root_and_props(
        root.clone(),
        OutboxPumpProps {
            children: Default::default(),
        },
    )
    .render();

    // It resumes at once; the try fails, so the bundle waits again, now 225 to 300 s (the
    // ninth failure).
    let before = js_sys::Date::now();
    let failed = wait_for("the first try fails", |s| {
        !matches!(s, ItemState::Waiting { failures: 8, .. })
    })
    .await;
    match failed.state {
        ItemState::Waiting {
            failures: 9,
            next_try_ms,
            last: Some(Retry::Network),
        } => assert!(
            next_try_ms >= before + (MAX_DELAY_MS * 3 / 4) as f64,
            "backs off: {next_try_ms} vs {before}"
        ),
        other => panic!("after a network failure: {other:?}"),
    }

    // The network comes back: the waiting bundle is sent now, minutes before its backoff ends
    // (the wait below gives up long before).
    gloo::utils::window()
        .dispatch_event(&web_sys::Event::new("online").unwrap())
        .unwrap();
    let sent = wait_for("sent once online", |s| !s.is_waiting()).await;
    assert_eq!(sent.state, ItemState::Sent(Accepted::Stored));

    let calls = js_sys::Reflect::get(&gloo::utils::window(), &"__outboxCalls".into()).unwrap();
    let calls = js_sys::Array::from(&calls);
    assert_eq!(calls.length(), 2, "one failed try, one that stored");
    for call in calls.iter() {
        let field = |name: &str| {
            js_sys::Reflect::get(&call, &name.into())
                .unwrap()
                .as_string()
                .unwrap()
        };
        assert_eq!(field("url"), "https://xa.example.vn/phieu/bundles");
        assert_eq!(field("method"), "POST");
        assert_eq!(field("auth"), "Bearer 0123456789abcdef");
        assert_eq!(field("body"), bundle, "the bundle's exact bytes");
    }

    app.destroy();
    root.remove();
    script("window.fetch = window.__realFetch; delete window.__outboxCalls;");
    storage.remove_item(SETTINGS_KEY).unwrap();
}
