//! The results edge and components in a real browser: picked files are read as text and a huge
//! one is refused before reading, with a message naming it; a download starts without an error;
//! the results component renders the counts as shares of the total electorate, the outcome
//! sentence, the minutes in three copies and the receipt list.

use std::rc::Rc;

use phieu::edge::download::{download, CSV};
use phieu::edge::file_input::{FileError, PickedFile};
use phieu::pages::results::{Results, ResultsProps};
use phieu_core::{AuditBundle, Lang};
use wasm_bindgen_test::*;

const BUNDLE: &str = include_str!("../data/demo-all.json");

#[wasm_bindgen_test]
async fn a_picked_file_is_read_as_text() {
    let file = PickedFile::from_text("demo-all.json", BUNDLE).unwrap();
    assert_eq!(file.size, BUNDLE.len() as u64);
    assert_eq!(file.read_text(1 << 20).await.unwrap(), BUNDLE);
}

#[wasm_bindgen_test]
async fn a_file_over_the_limit_is_refused_by_name_in_both_languages() {
    let file = PickedFile::from_text("huge.json", BUNDLE).unwrap();
    let error = file.read_text(100).await.unwrap_err();
    assert!(
        matches!(error, FileError::TooLarge { size, limit: 100, .. } if size == BUNDLE.len() as u64)
    );
    assert!(error.message(Lang::Vi).starts_with("«huge.json»: tệp nặng"));
    assert!(error
        .message(Lang::En)
        .starts_with("“huge.json”: the file is"));
}

#[wasm_bindgen_test]
fn a_download_starts() {
    download("phieu-test.csv", CSV, "\u{feff}a,b\r\n").expect("blob, object URL and <a download>");
}

#[wasm_bindgen_test]
async fn the_results_render_shares_of_the_total_and_three_copies_of_the_minutes() {
    let bundle = Rc::new(AuditBundle::verify(BUNDLE).expect("the fixture verifies"));
    let root = gloo::utils::document().create_element("div").unwrap();
    gloo::utils::body().append_child(&root).unwrap();
    yew::Renderer::<Results>::with_root_and_props(
        root.clone(),
        ResultsProps {
            lang: Lang::Vi,
            bundle,
            boxes: None,
            on_exported: Default::default(),
        },
    )
    .render();
    // Let the scheduler render.
    let later = js_sys::Promise::new(&mut |resolve, _| {
        let _ = gloo::utils::window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 50);
    });
    wasm_bindgen_futures::JsFuture::from(later).await.unwrap();
    let text = root.text_content().unwrap_or_default();
    assert!(text.contains(
        "Được thông qua: 8/12 đại diện hộ gia đình đồng ý (từ 2/3 tổng số đại diện hộ gia đình trở lên, khoản 1 Điều 21 Luật 10/2022/QH15)"
    ));
    // The minutes code beside the fingerprint (issue 15).
    assert!(text.contains("Mã biên bản"));
    assert!(
        text.contains("66,67%"),
        "8 of the 12 households, not of the 11 ballots"
    );
    assert!(!text.contains("72,73%"), "never a share of ballots cast");
    assert_eq!(
        root.query_selector_all(".minutes-copy").unwrap().length(),
        3
    );
    assert_eq!(
        root.query_selector_all(".receipt-codes li")
            .unwrap()
            .length(),
        11
    );
    assert_eq!(root.query_selector_all(".bar-chart").unwrap().length(), 1);
    root.remove();
}
