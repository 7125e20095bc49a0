//! Presentation mode: entered by its button, driven by real key presses, left with Esc.

use thirtyfour::prelude::*;
use trial_explorer_e2e::{repo_root, Browser, Page, StaticServer};

async fn press(page: &Page, key: impl Into<thirtyfour::common::keys::TypingData>) -> WebDriverResult<()> {
    page.driver.action_chain().send_keys(key).perform().await?;
    tokio::time::sleep(std::time::Duration::from_millis(60)).await;
    Ok(())
}

async fn presenting(page: &Page) -> WebDriverResult<bool> {
    Ok(page.eval("return document.body.classList.contains('presenting');").await?.as_bool() == Some(true))
}

async fn canvas_width(page: &Page) -> WebDriverResult<i64> {
    Ok(page.eval("return document.querySelector('#main-canvas').width;").await?.as_i64().unwrap_or(0))
}

#[tokio::test(flavor = "multi_thread")]
async fn presentation_mode_is_driven_by_keys() -> WebDriverResult<()> {
    let server = StaticServer::start(&repo_root().join("dist"));
    let browser = Browser::start();
    let page = browser.open(1280, 800).await?;
    page.load(&format!("{}/", server.origin())).await?;
    page.click("#present-toggle").await?;
    assert!(presenting(&page).await?);
    assert!(page.eval("return location.search;").await?.as_str().unwrap_or_default().ends_with("&present=1"));
    let controls_shown =
        page.eval("return getComputedStyle(document.querySelector('.controls')).display;").await?;
    assert_eq!(controls_shown.as_str(), Some("none"), "the control bar is tucked away");
    assert_eq!(canvas_width(&page).await?, 1000, "the chart is drawn larger, with larger type");

    press(&page, "2").await?;
    assert!(page.text("#view-title").await?.contains("CD4"));
    press(&page, "1").await?;
    assert!(page.text("#view-title").await?.to_lowercase().contains("response"));
    press(&page, "l").await?;
    let low = page.eval("return document.querySelector('#arm-low').getAttribute('aria-pressed');").await?;
    assert_eq!(low.as_str(), Some("false"), "l turns the low-dose arm off");
    press(&page, "l").await?;
    press(&page, "r").await?;
    assert!(page.eval("return location.search;").await?.as_str().unwrap_or_default().contains("reported=1"));
    press(&page, "r").await?;
    press(&page, "c").await?;
    assert!(page.eval("return location.search;").await?.as_str().unwrap_or_default().contains("ci=99"));
    press(&page, Key::Right).await?;
    press(&page, Key::Right).await?;
    press(&page, Key::Right).await?;
    assert_eq!(page.text("#walkthrough-title").await?, "The response curves");
    press(&page, Key::Left).await?;
    assert_eq!(page.text("#walkthrough-title").await?, "Who was eligible");
    press(&page, Key::Right).await?;
    page.screenshot("presentation-mode").await?;

    press(&page, Key::Escape).await?;
    assert!(!presenting(&page).await?);
    assert_eq!(canvas_width(&page).await?, 800, "back to the page's chart");
    let errors = page.errors().await?;
    assert!(errors.is_empty(), "the page reported errors: {errors:?}");
    page.close().await
}

/// On a high-density display the canvas has a device pixel per screen pixel, and keeps its
/// size on the page; presentation mode scales the same way.
#[tokio::test(flavor = "multi_thread")]
async fn a_high_density_display_gets_a_sharp_chart() -> WebDriverResult<()> {
    let server = StaticServer::start(&repo_root().join("dist"));
    let browser = Browser::start();
    let page = browser.open(1280, 800).await?;
    page.driver
        .cdp()
        .send_raw(
            "Emulation.setDeviceMetricsOverride",
            serde_json::json!({ "width": 1280, "height": 800, "deviceScaleFactor": 2, "mobile": false }),
        )
        .await?;
    page.load(&format!("{}/", server.origin())).await?;
    page.wait_for("#main-canvas").await?;
    assert_eq!(canvas_width(&page).await?, 1600, "two device pixels per CSS pixel");
    let shown = page.eval("return document.querySelector('#main-canvas').clientWidth;").await?;
    assert!(shown.as_i64().unwrap() <= 800, "still at most 800 px wide on the page: {shown}");
    page.click("#present-toggle").await?;
    assert_eq!(canvas_width(&page).await?, 2000);
    let errors = page.errors().await?;
    assert!(errors.is_empty(), "the page reported errors: {errors:?}");
    page.close().await
}
