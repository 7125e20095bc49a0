//! Component tests in headless Chromium (wasm-bindgen-test): mount, click, wait a tick, read the DOM.
#![cfg(target_arch = "wasm32")]

use trial_explorer::ui::{panic::show_panic_message, App};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// Mount the app into a fresh container and keep it mounted for the test's duration.
fn mount_app() -> HtmlElement {
    let container: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&container).unwrap();
    let handle = leptos::mount::mount_to(container.clone(), App);
    handle.forget();
    container
}

async fn settle() {
    for _ in 0..4 {
        leptos::task::tick().await;
    }
}

fn text_of(root: &HtmlElement, selector: &str) -> String {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no element matches {selector}"))
        .text_content()
        .unwrap_or_default()
}

#[wasm_bindgen_test]
async fn app_shows_the_trial_and_its_arms() {
    let root = mount_app();
    settle().await;
    assert!(
        text_of(&root, "#trial-title").starts_with("Human umbilical cord mesenchymal stem cell transfusion")
    );
    assert!(text_of(&root, ".registry-id").contains("NCT01213186"));
    let rows = root.query_selector_all("#arms-table tbody tr").unwrap();
    assert_eq!(rows.length(), 3);
    let table = text_of(&root, "#arms-table");
    for expected in ["High dose", "Low dose", "Placebo", "1.5 × 10^6", "0.5 × 10^6", "≈ 24"] {
        assert!(table.contains(expected), "arms table lacks {expected}: {table}");
    }
    assert!(root.query_selector("#allocation-chart canvas").unwrap().is_some());
}

#[wasm_bindgen_test]
async fn reported_only_hides_derived_sizes_and_the_chart_then_restores_them() {
    let root = mount_app();
    settle().await;
    let switch: HtmlInputElement = root.query_selector("#reported-only").unwrap().unwrap().unchecked_into();
    switch.click();
    settle().await;
    let table = text_of(&root, "#arms-table");
    assert_eq!(table.matches("not reported (derived value hidden)").count(), 3, "{table}");
    assert!(root.query_selector("#allocation-chart").unwrap().is_none());
    assert!(text_of(&root, "#allocation-hidden").contains("derived, not reported"));
    // Reported values stay visible.
    assert!(table.contains("1.5 × 10^6"));

    switch.click();
    settle().await;
    assert!(root.query_selector("#allocation-chart canvas").unwrap().is_some());
    assert_eq!(text_of(&root, "#arms-table").matches("≈ 24").count(), 3);
}

#[wasm_bindgen_test]
fn panic_message_is_visible_text() {
    show_panic_message("index out of bounds");
    let message = document().get_element_by_id("panic-message").expect("message inserted");
    assert_eq!(message.get_attribute("role").as_deref(), Some("alert"));
    assert!(message.text_content().unwrap().ends_with("Details: index out of bounds"));
    message.remove();
}
