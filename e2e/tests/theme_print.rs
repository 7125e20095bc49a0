//! Dark mode and print: the page follows the system colour scheme until the reader picks a
//! theme, remembers the pick, draws the chart on the same paper as the page, and prints each
//! view on one light page without its controls.

use base64::Engine;
use serde_json::json;
use thirtyfour::prelude::*;
use trial_explorer_e2e::{Page, Session, ENDPOINTS};

/// The chart's paper colours (chart::ChartStyle::paper).
const LIGHT_PAPER: &str = "#FFFFFF";
const DARK_PAPER: &str = "#16181D";

async fn emulate_scheme(page: &Page, scheme: &str) -> WebDriverResult<()> {
    page.driver
        .cdp()
        .send_raw(
            "Emulation.setEmulatedMedia",
            json!({ "features": [{ "name": "prefers-color-scheme", "value": scheme }] }),
        )
        .await?;
    Ok(())
}

/// The `<html>` theme class and the page's computed background.
async fn page_theme(page: &Page) -> WebDriverResult<(String, String)> {
    let class = page.eval("return document.documentElement.className;").await?;
    let background = page.eval("return getComputedStyle(document.body).backgroundColor;").await?;
    Ok((class.as_str().unwrap_or_default().to_string(), background.as_str().unwrap_or_default().to_string()))
}

/// Whether the main chart is drawn on `paper`: its background, the first shape plotters
/// draws, is filled with that colour.
/// Waits up to a second for the redraw that follows a change.
async fn on_paper(page: &Page, paper: &str) -> WebDriverResult<bool> {
    for _ in 0..50 {
        let fill = page
            .eval("const r = document.querySelector('#main-drawing svg rect'); return r ? r.getAttribute('fill') : '';")
            .await?;
        if fill.as_str().is_some_and(|f| f.eq_ignore_ascii_case(paper)) {
            return Ok(true);
        }
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    Ok(false)
}

async fn wait_for_class(page: &Page, class: &str) -> WebDriverResult<()> {
    for _ in 0..100 {
        if page_theme(page).await?.0.contains(class) {
            return Ok(());
        }
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    panic!("<html> never got the class {class}: {:?}", page_theme(page).await?);
}

#[tokio::test(flavor = "multi_thread")]
async fn the_theme_follows_the_system_until_the_reader_picks_one() -> WebDriverResult<()> {
    let page = Session::start(1280, 900).await?;
    emulate_scheme(&page, "dark").await?;
    page.load(&page.url("")).await?;
    wait_for_class(&page, "theme-dark").await?;
    assert_eq!(page_theme(&page).await?.1, "rgb(22, 24, 29)", "dark page");
    assert_eq!(
        page.eval("return document.querySelector('#theme-system').getAttribute('aria-pressed');")
            .await?
            .as_str(),
        Some("true")
    );
    assert!(on_paper(&page, DARK_PAPER).await?, "the chart is drawn on dark paper");
    assert_eq!(page.shapes_in("#main-drawing", LIGHT_PAPER).await?, 0, "no white left on the dark chart");
    page.screenshot("dark-mode").await?;

    // The system turns light: a page that follows it turns light too, chart included.
    emulate_scheme(&page, "light").await?;
    wait_for_class(&page, "theme-light").await?;
    assert_eq!(page_theme(&page).await?.1, "rgb(255, 255, 255)");
    assert!(on_paper(&page, LIGHT_PAPER).await?, "the chart is redrawn on light paper");

    // The reader picks dark; it stays dark whatever the system says, and after a reload.
    page.click("#theme-dark").await?;
    wait_for_class(&page, "theme-dark").await?;
    emulate_scheme(&page, "light").await?;
    page.load(&page.url("")).await?;
    wait_for_class(&page, "theme-dark").await?;
    assert_eq!(
        page.eval("return document.querySelector('#theme-dark').getAttribute('aria-pressed');")
            .await?
            .as_str(),
        Some("true")
    );
    assert!(on_paper(&page, DARK_PAPER).await?);

    // The reader picks light on a dark system.
    emulate_scheme(&page, "dark").await?;
    page.click("#theme-light").await?;
    wait_for_class(&page, "theme-light").await?;
    assert_eq!(page_theme(&page).await?.1, "rgb(255, 255, 255)");
    assert!(on_paper(&page, LIGHT_PAPER).await?);

    // Back to the system's choice.
    page.click("#theme-system").await?;
    wait_for_class(&page, "theme-dark").await?;
    let errors = page.errors().await?;
    assert!(errors.is_empty(), "the page reported errors: {errors:?}");
    page.close().await
}

/// Every walkthrough step, a view with long notes (changes from baseline) and a step printed
/// while presenting each print on one page, from a desktop's window and a phone's: the notes
/// run under the chart and the statistics, across the page, and presentation is a mode of the
/// screen only.
#[tokio::test(flavor = "multi_thread")]
async fn every_step_and_long_notes_print_on_one_page() -> WebDriverResult<()> {
    for (width, height) in [(1280, 900), (390, 844)] {
        let page = Session::start(width, height).await?;
        let steps = (1..=8).map(|step| format!("?step={step}"));
        for query in steps.chain(["?endpoint=cd4&change=1".to_string(), "?step=5&present=1".to_string()]) {
            page.load(&page.url(&query)).await?;
            page.wait_for("#main-drawing svg, #safety").await?;
            let pdf = print_pdf(&page).await?;
            assert_eq!(pdf_pages(&pdf), 1, "{query} at {width} px prints on one page");
        }
        page.close().await?;
    }
    Ok(())
}

/// Pages of a PDF, counted by its page objects.
fn pdf_pages(pdf: &[u8]) -> usize {
    let text = String::from_utf8_lossy(pdf);
    text.match_indices("/Type /Page")
        .filter(|(i, _)| !text[i + "/Type /Page".len()..].starts_with('s'))
        .count()
}

async fn print_pdf(page: &Page) -> WebDriverResult<Vec<u8>> {
    let printed = page
        .driver
        .cdp()
        .send_raw("Page.printToPDF", json!({ "preferCSSPageSize": true, "printBackground": true }))
        .await?;
    let data = printed["data"].as_str().expect("printToPDF returns data");
    Ok(base64::engine::general_purpose::STANDARD.decode(data).expect("base64 PDF"))
}

#[tokio::test(flavor = "multi_thread")]
async fn each_view_prints_on_one_light_page_without_controls() -> WebDriverResult<()> {
    let page = Session::open(1280, 900, "").await?;
    for endpoint in ENDPOINTS {
        page.click(&format!("#endpoint-{endpoint}")).await?;
        let pdf = print_pdf(&page).await?;
        assert!(pdf.starts_with(b"%PDF"), "{endpoint}: not a PDF");
        assert_eq!(pdf_pages(&pdf), 1, "{endpoint} prints on one page");
    }
    page.click("#endpoint-response").await?;
    page.click("#walkthrough-start").await?;
    page.click("#walkthrough-next").await?;
    page.click("#walkthrough-next").await?;
    let pdf = print_pdf(&page).await?;
    assert_eq!(pdf_pages(&pdf), 1, "a walkthrough step prints on one page");

    // What the print shows: the view, its statistics and caption; no control or button.
    page.driver.cdp().send_raw("Emulation.setEmulatedMedia", json!({ "media": "print" })).await?;
    for hidden in [
        ".controls",
        "#present-toggle",
        "#theme-switch-group",
        "#import",
        "#export",
        "#simulation",
        "#claims",
    ] {
        let shown = page
            .eval(&format!(
                "const e = document.querySelector({}); return e ? getComputedStyle(e).display : 'none';",
                json!(hidden)
            ))
            .await?;
        assert_eq!(shown.as_str(), Some("none"), "{hidden} is not printed");
    }
    for shown in ["#main-drawing", "#statistics", "#walkthrough-title", "#trial-title"] {
        assert!(page.wait_for(shown).await?.is_displayed().await?, "{shown} is printed");
    }
    page.screenshot("print-view").await?;
    page.driver.cdp().send_raw("Emulation.setEmulatedMedia", json!({ "media": "" })).await?;

    // On a dark page the chart is redrawn on light paper before printing, and back after.
    page.click("#theme-dark").await?;
    wait_for_class(&page, "theme-dark").await?;
    assert!(on_paper(&page, DARK_PAPER).await?);
    // Light at once, before the print layout that follows the event.
    let fill = page
        .eval("window.dispatchEvent(new Event('beforeprint')); return document.querySelector('#main-drawing svg rect').getAttribute('fill');")
        .await?;
    assert_eq!(fill.as_str().map(str::to_uppercase).as_deref(), Some(LIGHT_PAPER), "printed on light paper");
    assert!(on_paper(&page, LIGHT_PAPER).await?, "and kept light while printing");
    page.eval("window.dispatchEvent(new Event('afterprint')); return 0;").await?;
    assert!(on_paper(&page, DARK_PAPER).await?, "dark again after printing");
    let errors = page.errors().await?;
    assert!(errors.is_empty(), "the page reported errors: {errors:?}");
    page.close().await
}
