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
    // The app reads its state from the URL and writes it back; start every test from a bare
    // address so one test's view does not open the next.
    let history = web_sys::window().unwrap().history().unwrap();
    history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some("?")).unwrap();
    let container: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&container).unwrap();
    let handle = leptos::mount::mount_to(container.clone(), App);
    handle.forget();
    container
}

/// Open the "Chart data as tables" fold (its tables are built only while it is open).
/// The browser's own `toggle` event comes in a later task, so it is dispatched here directly.
async fn open_tables(root: &HtmlElement) {
    let details = root.query_selector("#chart-data").unwrap().expect("the tables' fold");
    details.set_attribute("open", "").unwrap();
    details.dispatch_event(&web_sys::Event::new("toggle").unwrap()).unwrap();
    settle().await;
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
    assert!(root.query_selector("#allocation-chart svg rect").unwrap().is_some());
    let design = text_of(&root, "#design-details");
    assert!(design.contains("CD4 count ≤ 250 and > 50 cells/mm³"), "{design}");
    assert!(design.contains("ClinicalTrials.gov"), "{design}");
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
    assert!(root.query_selector("#allocation-chart svg rect").unwrap().is_some());
    assert_eq!(text_of(&root, "#arms-table").matches("≈ 24").count(), 3);
}

fn click(root: &HtmlElement, selector: &str) {
    let element: HtmlElement = root
        .query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no element matches {selector}"))
        .unchecked_into();
    element.click();
}

fn count(root: &HtmlElement, selector: &str) -> u32 {
    root.query_selector_all(selector).unwrap().length()
}

#[wasm_bindgen_test]
async fn turning_an_arm_off_removes_its_rows_and_tests_then_restores_them() {
    let root = mount_app();
    settle().await;
    assert_eq!(text_of(&root, "#chart-data"), "Chart data as tables", "tables are built only when opened");
    open_tables(&root).await;
    assert!(text_of(&root, "#chart-data").contains("Low dose"));
    assert_eq!(count(&root, "#statistics li.stat[data-subject='Low dose vs Placebo']"), 5);
    click(&root, "#arm-low");
    settle().await;
    assert_eq!(
        root.query_selector("#arm-low").unwrap().unwrap().get_attribute("aria-pressed").as_deref(),
        Some("false")
    );
    assert!(!text_of(&root, "#chart-data").contains("Low dose"), "{}", text_of(&root, "#chart-data"));
    assert_eq!(count(&root, "#statistics li.stat[data-subject*='Low dose']"), 0);
    assert!(text_of(&root, "#chart-data").contains("Placebo"));
    click(&root, "#arm-low");
    settle().await;
    assert_eq!(count(&root, "#statistics li.stat[data-subject='Low dose vs Placebo']"), 5);
}

#[wasm_bindgen_test]
async fn endpoints_switch_the_title_tables_and_controls() {
    let root = mount_app();
    settle().await;
    assert_eq!(text_of(&root, "#view-title"), "Immunological response");
    assert!(root.query_selector("#horizon").unwrap().is_some());
    open_tables(&root).await;
    click(&root, "#endpoint-cd4");
    settle().await;
    assert_eq!(text_of(&root, "#view-title"), "CD4+ T count");
    assert!(text_of(&root, "#chart-data").contains("Tests for CD4+ T count"));
    assert!(
        root.query_selector("#horizon").unwrap().is_none(),
        "the horizon applies to the response curves only"
    );
    assert_eq!(count(&root, "#visit-chips button, .visit-chips button"), 9);
    click(&root, "#endpoint-safety");
    settle().await;
    assert!(text_of(&root, "#safety").contains("Serious adverse events per arm"));
    assert_eq!(count(&root, "#statistics li.stat"), 0);
    assert_eq!(count(&root, ".arm-toggles"), 0, "safety has no per-arm numbers to toggle");
}

#[wasm_bindgen_test]
async fn reported_only_removes_every_reconstructed_badge() {
    let root = mount_app();
    settle().await;
    open_tables(&root).await;
    assert!(count(&root, ".badge-reconstructed") > 20);
    click(&root, "#reported-only");
    settle().await;
    assert_eq!(count(&root, ".badge-reconstructed"), 0);
    let statistics = text_of(&root, "#statistics");
    assert!(statistics.contains("reported P = 0.004"), "{statistics}");
    // The figures hidden for one reason are listed once, with the reason.
    assert_eq!(statistics.matches("hidden in reported-only mode").count(), 2, "{statistics}");
    assert_eq!(
        count(&root, "#claims .verdict-reproduced"),
        5,
        "the verdicts stay in place, their text hidden"
    );
    assert!(text_of(&root, "#claims").contains("Verdict hidden"));
}

#[wasm_bindgen_test]
fn panic_message_is_visible_text() {
    show_panic_message("index out of bounds");
    let message = document().get_element_by_id("panic-message").expect("message inserted");
    assert_eq!(message.get_attribute("role").as_deref(), Some("alert"));
    assert!(message.text_content().unwrap().ends_with("Details: index out of bounds"));
    message.remove();
}
