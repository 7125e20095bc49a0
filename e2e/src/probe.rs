//! Measurements taken inside the page, installed before it loads so they see the first frame.

use serde_json::json;
use thirtyfour::prelude::*;

use crate::browser::Page;

/// Checks every animation frame for the main chart's drawn lines and records the time since
/// navigation start of the first frame that has them.
const FIRST_CHART_PROBE: &str = r#"
window.__firstChartMs = null;
(function watch() {
  const drawn = document.querySelectorAll('#main-drawing svg polyline, #main-drawing svg path').length;
  if (drawn > 0) { window.__firstChartMs = performance.now(); return; }
  requestAnimationFrame(watch);
})();
"#;

/// Install the first-chart probe for the next page load.
pub async fn install_first_chart_probe(page: &Page) -> WebDriverResult<()> {
    page.driver
        .cdp()
        .send_raw("Page.addScriptToEvaluateOnNewDocument", json!({ "source": FIRST_CHART_PROBE }))
        .await?;
    Ok(())
}

/// Milliseconds from navigation start to the first drawn chart, waiting up to 10 s.
pub async fn first_chart_ms(page: &Page) -> WebDriverResult<Option<f64>> {
    for _ in 0..200 {
        if let Some(ms) = page.eval("return window.__firstChartMs;").await?.as_f64() {
            return Ok(Some(ms));
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    Ok(None)
}

/// Record a measurement under `target/measurements/NAME.txt` (printed by the test command).
pub fn record(name: &str, line: &str) {
    let dir = crate::repo_root().join("target").join("measurements");
    std::fs::create_dir_all(&dir).expect("measurement folder can be created");
    std::fs::write(dir.join(format!("{name}.txt")), format!("{line}\n")).expect("measurement can be written");
    println!("{line}");
}
