//! The simulation lab in Chromium: 10,000 simulated trials finish with a power and a
//! histogram (the time is recorded for BENCHMARKS.md), a set hazard ratio of 1 gives about α,
//! a setting changed after a run marks its result out of date, one out of range is named at
//! its field, and a run can be cancelled.

use trial_explorer_e2e::probe::record;
use trial_explorer_e2e::{Page, Session};

async fn finished(page: &Page) -> thirtyfour::prelude::WebDriverResult<String> {
    for _ in 0..400 {
        if page.exists("#sim-summary").await? {
            return page.text("#sim-summary").await;
        }
        tokio::time::sleep(std::time::Duration::from_millis(25)).await;
    }
    panic!("the simulation did not finish within 10 s");
}

/// The number after `prefix` in `text`, e.g. the milliseconds in "10,000 trials in 412 ms".
fn number_after(text: &str, prefix: &str) -> f64 {
    let rest = &text[text.find(prefix).unwrap_or_else(|| panic!("no {prefix:?} in {text}")) + prefix.len()..];
    rest.split(|c: char| !(c.is_ascii_digit() || c == '.')).next().unwrap().parse().unwrap()
}

/// Sets the text of the number field `css` as typing does (an `input` event).
async fn type_into(page: &Page, css: &str, text: &str) -> thirtyfour::prelude::WebDriverResult<()> {
    page.eval(&format!(
        "const f = document.querySelector({}); f.value = {}; f.dispatchEvent(new Event('input')); return 0;",
        serde_json::json!(css),
        serde_json::json!(text)
    ))
    .await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn ten_thousand_trials_report_power_and_can_be_cancelled() -> thirtyfour::prelude::WebDriverResult<()> {
    let page = Session::open(1280, 1000, "").await?;

    page.click("#sim-run").await?;
    let summary = finished(&page).await?;
    assert!(summary.starts_with("10,000 trials in"), "{summary}");
    let power = number_after(&summary, "Power at α = 0.05: ");
    assert!(power > 50.0 && power < 100.0, "{summary}");
    let ms = number_after(&summary, "10,000 trials in ");
    record("simulation", &format!("simulation: 10,000 replays of low dose vs placebo (24 per arm) in {ms:.0} ms in headless Chromium, release build, in chunks of 1,000 per animation frame; power {power}%"));
    assert_eq!(page.eval("return document.querySelectorAll('.p-bar').length;").await?.as_i64(), Some(24));
    page.eval("document.querySelector('#sim-result').scrollIntoView({ block: 'end' }); return 0;").await?;
    page.screenshot("simulation-lab").await?;

    // Typing an effect sets it: the "set it" choice is taken, and what is typed counts.
    type_into(&page, "#hazard-ratio", "1").await?;
    let set = page.eval("return document.querySelector('#scenario-set').checked;").await?;
    assert_eq!(set, serde_json::json!(true), "typing a hazard ratio chooses to set the effect");
    page.click("#sim-run").await?;
    let null = finished(&page).await?;
    let type_one = number_after(&null, "Power at α = 0.05: ");
    assert!((type_one - 5.0).abs() < 1.5, "under no effect about 5% are significant: {null}");
    assert!(!page.exists("#sim-stale").await?, "a result run with the settings shown is marked out of date");

    // A changed setting marks the result as out of date; one out of range is named at its
    // field and cannot be run.
    type_into(&page, "#hazard-ratio", "1.5").await?;
    page.wait_for("#sim-stale").await?;
    type_into(&page, "#control-pct", "150").await?;
    assert_eq!(
        page.text("#sim-settings-error").await?,
        "Placebo responders by week 96: 150% is out of range; type a number from 1% to 99%."
    );
    assert_eq!(
        page.eval("return document.querySelector('#sim-run').disabled;").await?,
        serde_json::json!(true)
    );
    assert_eq!(
        page.eval("return document.querySelector('#control-pct').getAttribute('aria-invalid');").await?,
        serde_json::json!("true")
    );
    // Each field is described by its own message: the hazard ratio, in range, by none.
    let described = "const f = document.querySelector(arguments[0]);
                     return document.getElementById(f.getAttribute('aria-describedby')).textContent;";
    let described = |css: &'static str| page.driver.execute(described, vec![serde_json::json!(css)]);
    assert!(described("#control-pct")
        .await?
        .json()
        .as_str()
        .is_some_and(|t| t.contains("150% is out of range")));
    assert_eq!(described("#hazard-ratio").await?.json(), &serde_json::json!(""));
    // The message quotes what is typed, so a screen reader hears it once the field is left,
    // not at every key.
    let said = "return document.querySelector('#sim-settings-said').textContent;";
    assert_eq!(page.eval(said).await?, serde_json::json!(""), "the message is said while typing");
    page.eval("document.querySelector('#control-pct').dispatchEvent(new Event('change')); return 0;").await?;
    assert_eq!(
        page.eval(said).await?,
        serde_json::json!(
            "Placebo responders by week 96: 150% is out of range; type a number from 1% to 99%."
        )
    );
    // A key typed after that empties it: it quoted a value no longer there.
    type_into(&page, "#control-pct", "200").await?;
    assert_eq!(page.eval(said).await?, serde_json::json!(""), "a message quoting what was typed before");
    type_into(&page, "#control-pct", "150").await?;
    page.screenshot("simulation-out-of-range").await?;
    type_into(&page, "#control-pct", "70.8").await?;
    assert_eq!(page.text("#sim-settings-error").await?, "");
    assert_eq!(
        page.eval("return document.querySelector('#sim-run').disabled;").await?,
        serde_json::json!(false)
    );

    // Start, then cancel in the first frame where Cancel is enabled: well before 10 chunks.
    let busy = page
        .driver
        .execute_async(
            r#"const done = arguments[arguments.length - 1];
               document.querySelector('#sim-run').click();
               const tick = () => {
                 const cancel = document.querySelector('#sim-cancel');
                 if (!cancel.disabled) {
                   const busy = document.querySelector('#sim-result').getAttribute('aria-busy');
                   cancel.click();
                   done(busy);
                 } else { requestAnimationFrame(tick); }
               };
               requestAnimationFrame(tick);"#,
            Vec::new(),
        )
        .await?;
    // While it runs the result's live region is busy, so a screen reader waits for the end
    // instead of reading each thousand trials; done, it is not.
    assert_eq!(busy.json(), &serde_json::json!("true"), "busy while running");
    let cancelled = page.text("#sim-cancelled").await?;
    let idle = page.eval("return document.querySelector('#sim-result').getAttribute('aria-busy');").await?;
    assert_eq!(idle, serde_json::json!("false"));
    assert!(cancelled.starts_with("Cancelled after ") && !cancelled.contains("10,000"), "{cancelled}");
    let errors = page.errors().await?;
    assert!(errors.is_empty(), "the page reported errors: {errors:?}");
    page.close().await
}
