//! Presentation mode: entered by its button, driven by real key presses, left with Esc.

use thirtyfour::prelude::*;
use trial_explorer_e2e::{Page, Session};

async fn press(page: &Page, key: impl Into<thirtyfour::common::keys::TypingData>) -> WebDriverResult<()> {
    page.driver.action_chain().send_keys(key).perform().await?;
    tokio::time::sleep(std::time::Duration::from_millis(60)).await;
    Ok(())
}

async fn presenting(page: &Page) -> WebDriverResult<bool> {
    Ok(page.eval("return document.body.classList.contains('presenting');").await?.as_bool() == Some(true))
}

#[tokio::test(flavor = "multi_thread")]
async fn presentation_mode_is_driven_by_keys() -> WebDriverResult<()> {
    let page = Session::open(1280, 800, "").await?;
    page.click("#present-toggle").await?;
    assert!(presenting(&page).await?);
    assert!(page.search().await?.ends_with("&present=1"));
    let controls_shown =
        page.eval("return getComputedStyle(document.querySelector('.controls')).display;").await?;
    assert_eq!(controls_shown.as_str(), Some("none"), "the control bar is tucked away");
    // Drawn as wide as its column (in steps), so its larger type is shown at its own size, and
    // never shrunk: at most a step's width narrower than its column, it fills it.
    let (drawn, smallest) = page.drawn_chart().await?.expect("a chart");
    let shown = page
        .eval("return document.querySelector('#main-drawing svg').getBoundingClientRect().width;")
        .await?;
    let shown = shown.as_f64().unwrap_or(0.0);
    assert!(shown >= drawn && shown < drawn + 40.0, "drawn {drawn} px wide, shown {shown} px wide");
    // At 1280 × 800 the step's column takes 40%, so that its numbers are in view.
    assert!(drawn >= 680.0, "drawn only {drawn} px wide at 1280 × 800");
    assert!(smallest >= 16.0, "chart text shown at {smallest:.1} px in presentation");

    // Each key's change is said as well as shown, for a screen reader in the room.
    let said = "return document.querySelector('#present-said').textContent;";
    press(&page, "2").await?;
    let title = page.text("#view-title").await?;
    assert!(title.contains("CD4"));
    assert_eq!(page.eval(said).await?.as_str(), Some(title.as_str()));
    press(&page, "1").await?;
    assert!(page.text("#view-title").await?.to_lowercase().contains("response"));
    press(&page, "l").await?;
    let low = page.eval("return document.querySelector('#arm-low').getAttribute('aria-pressed');").await?;
    assert_eq!(low.as_str(), Some("false"), "l turns the low-dose arm off");
    assert_eq!(page.eval(said).await?.as_str(), Some("Low dose hidden"));
    press(&page, "l").await?;
    assert_eq!(page.eval(said).await?.as_str(), Some("Low dose shown"));
    press(&page, "r").await?;
    assert!(page.search().await?.contains("reported=1"));
    assert_eq!(page.eval(said).await?.as_str(), Some("Reported only: on"));
    press(&page, "r").await?;
    press(&page, "c").await?;
    assert!(page.search().await?.contains("ci=99"));
    assert_eq!(page.eval(said).await?.as_str(), Some("99% confidence level"));
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
    let back = page.drawn_chart().await?.map(|(drawn, _)| drawn);
    assert_eq!(back, Some(800.0), "back to the page's chart");
    let errors = page.errors().await?;
    assert!(errors.is_empty(), "the page reported errors: {errors:?}");
    page.close().await
}

/// Leaving presentation puts the reader back where they were on the page, the button that
/// left it (which keeps the keyboard focus) in view, however far the presentation was scrolled.
#[tokio::test(flavor = "multi_thread")]
async fn leaving_presentation_gives_back_the_place_on_the_page() -> WebDriverResult<()> {
    let page = Session::open(1366, 768, "").await?;
    // Scrolled down the page a little, the button still in view.
    page.eval(
        "const top = document.querySelector('#present-toggle').getBoundingClientRect().top;
         window.scrollTo(0, Math.max(0, top - 40));",
    )
    .await?;
    let before = page.eval("return window.scrollY;").await?.as_f64().unwrap_or(-1.0);
    assert!(before > 0.0, "the page scrolled to the button first ({before})");
    page.click("#present-toggle").await?;
    assert!(presenting(&page).await?);
    page.eval("window.scrollTo(0, document.documentElement.scrollHeight);").await?;
    press(&page, Key::Escape).await?;
    assert!(!presenting(&page).await?);
    tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    let after = page.eval("return window.scrollY;").await?.as_f64().unwrap_or(-1.0);
    assert!((after - before).abs() < 1.0, "scrolled to {after}, was at {before} before presenting");
    let focused = page
        .eval(
            "const e = document.activeElement, r = e.getBoundingClientRect();
             return [e.id, r.top >= 0 && r.bottom <= window.innerHeight];",
        )
        .await?;
    assert_eq!(focused, serde_json::json!(["present-toggle", true]), "the focused button in view");
    page.close().await
}

/// A key that redraws the view while a value in it has the focus: the focus does not fall back
/// to the page, it goes to the button that leaves presentation.
#[tokio::test(flavor = "multi_thread")]
async fn a_key_that_redraws_the_view_keeps_the_focus_on_the_page() -> WebDriverResult<()> {
    let page = Session::open(1366, 900, "?present=1").await?;
    page.wait_for("#statistics .value[tabindex]").await?;
    page.eval("document.querySelector('#statistics .value[tabindex]').focus();").await?;
    press(&page, "2").await?;
    assert!(page.text("#view-title").await?.contains("CD4"));
    tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    let focused = page.eval("return document.activeElement.id;").await?;
    assert_eq!(focused, serde_json::json!("present-toggle"));
    page.close().await
}

/// A lecturer's projector: every walkthrough step, presented at 1024 × 768, fits the width of
/// the screen, its Previous, Next and Close buttons are in view whatever the caption, and so
/// are its caption and chart, the chart's type shown at presentation size; at 1366 × 768 (a
/// laptop on a projector) and 1280 × 720 (a 720p projector) too.
#[tokio::test(flavor = "multi_thread")]
async fn every_presented_step_fits_a_1024_projector_with_its_buttons_in_view() -> WebDriverResult<()> {
    steps_fit(1024, 768).await?;
    steps_fit(1366, 768).await?;
    steps_fit(1280, 800).await?;
    steps_fit(1280, 720).await
}

async fn steps_fit(width: u32, height: u32) -> WebDriverResult<()> {
    let page = Session::open(width, height, "?step=1&present=1").await?;
    page.wait_for("#walkthrough-next").await?;
    for step in 1..=8 {
        let expected = format!("Step {step} of 8");
        let mut count = String::new();
        for _ in 0..100 {
            count = page.text("#walkthrough .step-count").await?;
            if count == expected {
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(20)).await;
        }
        assert_eq!(count, expected);
        let overflow = page.eval("return document.documentElement.scrollWidth - window.innerWidth;").await?;
        assert!(overflow.as_i64().unwrap_or(1) <= 0, "{width} px, step {step} scrolls sideways ({overflow})");
        let hidden = page
            .eval(
                "return ['#walkthrough-prev', '#walkthrough-next', '#walkthrough-close']
                   .filter(id => { const r = document.querySelector(id).getBoundingClientRect();
                                   return r.top < 0 || r.bottom > window.innerHeight || r.right > window.innerWidth; });",
            )
            .await?;
        assert_eq!(hidden, serde_json::json!([]), "{width} px, step {step}: buttons out of view");
        // The lecturer need not scroll to show the step: its caption and its whole chart are
        // in view, and on a wide screen its recomputed numbers too (on a 4:3 one they may
        // run on).
        let in_view = if width >= 1280 {
            "['#walkthrough-caption', '#main-drawing svg', '#walkthrough .recomputed']"
        } else {
            "['#walkthrough-caption', '#main-drawing svg']"
        };
        let below = page
            .eval(&format!(
                "return {in_view}.filter(css => {{ const e = document.querySelector(css);
                   return e && e.getBoundingClientRect().bottom > window.innerHeight; }});"
            ))
            .await?;
        assert_eq!(below, serde_json::json!([]), "{width} px, step {step}: below the fold");
        // The chart's type at the size presentation draws it, not shrunk to fit the column.
        if let Some((drawn, smallest)) = page.drawn_chart().await? {
            assert!(
                smallest >= 16.0,
                "{width} px, step {step}: chart text shown at {smallest:.1} px ({drawn} px drawing)"
            );
        }
        if step == 4 {
            page.screenshot(&format!("presentation-{width}-step-4")).await?;
        }
        if step < 8 {
            page.click("#walkthrough-next").await?;
        }
    }
    // Another → on the last step keeps it open there.
    press(&page, Key::Right).await?;
    assert_eq!(page.text("#walkthrough .step-count").await?, "Step 8 of 8");
    page.close().await
}

/// On a wide screen the presentation drawing is scaled up to its column rather than left at
/// its own size beside blank paper, so its type grows with the screen.
#[tokio::test(flavor = "multi_thread")]
async fn on_a_wide_screen_the_presented_chart_fills_its_column() -> WebDriverResult<()> {
    let page = Session::open(1920, 1080, "?present=1").await?;
    page.wait_for("#main-drawing svg").await?;
    let (drawn, smallest) = page.drawn_chart().await?.expect("a chart");
    assert_eq!(drawn, 1000.0, "the full presentation drawing");
    let widths = page
        .eval(
            "const w = css => document.querySelector(css).getBoundingClientRect().width;
             return [w('#main-drawing svg'), w('#main-chart')];",
        )
        .await?;
    let [shown, column] = [0, 1].map(|i| widths[i].as_f64().unwrap_or(0.0));
    assert!(shown > column - 4.0, "shown {shown} px wide in a {column} px column");
    assert!(smallest >= 22.0, "chart text shown at {smallest:.1} px on a 1920 px screen");
    page.screenshot("presentation-1920").await?;
    page.close().await
}

/// On a screen narrower than 1000 px, presentation is one column with the chart first, so the
/// room sees the chart rather than the step's caption (the arrow keys drive the steps).
#[tokio::test(flavor = "multi_thread")]
async fn on_a_narrow_screen_the_presented_chart_comes_first() -> WebDriverResult<()> {
    let page = Session::open(800, 600, "?step=3&present=1").await?;
    page.wait_for("#main-drawing svg").await?;
    let tops = page
        .eval(
            "const top = css => document.querySelector(css).getBoundingClientRect().top;
             return [top('#main-drawing svg'), top('#walkthrough'), window.innerHeight];",
        )
        .await?;
    let [chart, walkthrough, screen] = [0, 1, 2].map(|i| tops[i].as_f64().unwrap_or(f64::NAN));
    assert!(chart < walkthrough, "the chart at {chart} px, the step at {walkthrough} px");
    assert!(chart < screen / 3.0, "the chart starts at {chart} px of {screen}");
    page.screenshot("presentation-800-step-3").await?;
    page.close().await
}

/// Where the screen's height caps the presented chart, the drawing is narrower than its box and
/// centred in it; pointing at a week's tick still reads that week.
#[tokio::test(flavor = "multi_thread")]
async fn the_readout_reads_the_week_under_the_pointer_in_presentation() -> WebDriverResult<()> {
    let page = Session::open(1366, 768, "?present=1").await?;
    page.wait_for("#main-drawing svg").await?;
    for week in ["12", "48", "84"] {
        page.eval(&format!(
            "const tick = [...document.querySelectorAll('#main-drawing svg text')].find(t => t.textContent === '{week}');
             const r = tick.getBoundingClientRect();
             tick.dispatchEvent(new MouseEvent('mousemove', {{ clientX: r.left + r.width / 2, clientY: r.top - 40, bubbles: true }}));
             return 0;"
        ))
        .await?;
        let readout = page.text("#chart-readout").await?;
        assert!(readout.starts_with(&format!("Week {week}:")), "pointing at {week}: {readout}");
    }
    page.close().await
}
