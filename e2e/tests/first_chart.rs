//! Measures (does not assert) how soon the first chart is visible after navigation: median
//! over several fresh loads, recorded for BENCHMARKS.md. Budget: 1 s on this machine.

use trial_explorer_e2e::probe::{first_chart_ms, install_first_chart_probe, record};
use trial_explorer_e2e::Session;

const LOADS: usize = 7;

#[tokio::test(flavor = "multi_thread")]
async fn first_chart_visible_after_navigation() -> thirtyfour::prelude::WebDriverResult<()> {
    let page = Session::start(1280, 1000).await?;
    install_first_chart_probe(&page).await?;
    let mut times = Vec::new();
    for _ in 0..LOADS {
        // The server sends `Cache-Control: no-store`, so every load fetches the build again.
        page.load(&page.url("")).await?;
        let ms = first_chart_ms(&page).await?;
        times.push(ms.expect("a chart was drawn within 10 s"));
    }
    times.sort_by(f64::total_cmp);
    let median = times[LOADS / 2];
    record(
        "first-chart",
        &format!(
            "first chart visible: median {median:.0} ms after navigation (min {:.0}, max {:.0}, {LOADS} loads, headless Chromium, release build)",
            times[0],
            times[LOADS - 1]
        ),
    );
    page.close().await
}
