//! The reader's own data in the browser: a digitised CSV replaces the reconstruction and the
//! claims are re-checked; a bad file is refused with its message and changes nothing; a
//! hostile file name stays text; the reset goes back to the reconstruction.

use serde_json::json;
use thirtyfour::prelude::*;
use trial_explorer_e2e::{Page, Session};

/// Put a file into the picker as if the reader had chosen it.
async fn choose_file(page: &Page, name: &str, text: &str) -> WebDriverResult<()> {
    choose_bytes(page, name, text.as_bytes()).await
}

/// Put a file of these bytes into the picker, as `choose_file`.
async fn choose_bytes(page: &Page, name: &str, bytes: &[u8]) -> WebDriverResult<()> {
    page.driver
        .execute(
            r#"const [name, bytes] = arguments;
               const input = document.querySelector('#import-file');
               const files = new DataTransfer();
               files.items.add(new File([new Uint8Array(bytes)], name, { type: 'text/plain' }));
               input.files = files.files;
               input.dispatchEvent(new Event('change', { bubbles: true }));"#,
            vec![json!(name), json!(bytes)],
        )
        .await?;
    Ok(())
}

async fn status(page: &Page, starts: &str) -> WebDriverResult<String> {
    for _ in 0..100 {
        let text = page.text("#import-status").await.unwrap_or_default();
        if text.starts_with(starts) {
            return Ok(text);
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    panic!("the import status never started with {starts:?}");
}

async fn outcome(page: &Page, claim: &str) -> WebDriverResult<String> {
    let element = page.wait_for(&format!("[data-claim={claim}]")).await?;
    Ok(element.attr("data-outcome").await?.unwrap_or_default())
}

/// Everyone who responds does so at week 48: the same 23/24 and 17/24, less evidence in time.
fn late_responses() -> String {
    let mut csv = String::from("arm,time,event\n");
    for (arm, responders) in [("low", 23), ("placebo", 17)] {
        for i in 0..24 {
            let (time, event) = if i < responders { (48, 1) } else { (96, 0) };
            csv.push_str(&format!("{arm},{time},{event}\n"));
        }
    }
    csv
}

#[tokio::test(flavor = "multi_thread")]
async fn imported_data_replace_the_reconstruction_and_bad_files_change_nothing() -> WebDriverResult<()> {
    let page = Session::open(1280, 1000, "").await?;
    assert_eq!(outcome(&page, "response_low_vs_control").await?, "reproduced");

    choose_file(&page, "late.csv", &late_responses()).await?;
    let loaded = status(&page, "Loaded").await?;
    assert_eq!(
        loaded,
        "Loaded late.csv: 1 patient dataset (48 records). The views and the published claims now use its data, labelled imported."
    );
    // Said in a live region that was in the page before the message: one a screen reader hears.
    let region = "return document.querySelector('#import-status').parentElement.getAttribute('role');";
    assert_eq!(page.eval(region).await?, json!("status"));
    assert_eq!(outcome(&page, "response_low_vs_control").await?, "not-reproduced");
    assert!(page.text("#claims").await?.contains("imported"));
    // A copied link carries the view's settings only; beside it the page says so, naming the file.
    page.click("#copy-link").await?;
    assert_eq!(
        page.text("#permalink-note").await?,
        "The link carries the view, not the data imported here (late.csv): opened elsewhere it shows the published results and the reconstruction, unless that reader imports the same files."
    );
    page.screenshot("import-late-responses").await?;

    // The reconstruction stays one choice away: the view analyses it again when picked, while
    // the claims keep checking the latest data.
    let options =
        page.eval("return [...document.querySelectorAll('#dataset option')].map(o => o.value);").await?;
    assert_eq!(options, json!(["reconstructed-response", "late.csv"]));
    page.select("#dataset", "reconstructed-response").await?;
    let legend = page.text_content_with("#main-drawing", "Low dose (reconstructed data)").await?;
    assert!(legend.contains("Low dose (reconstructed data)"), "{legend}");
    assert_eq!(outcome(&page, "response_low_vs_control").await?, "not-reproduced");
    // The pick outlasts a look at another endpoint, whose view analyses its own data.
    page.click("#endpoint-cd4").await?;
    page.wait_for("#endpoint-cd4[aria-pressed=true]").await?;
    page.click("#endpoint-response").await?;
    page.wait_for("#endpoint-response[aria-pressed=true]").await?;
    assert_eq!(
        page.eval("return document.querySelector('#dataset').value;").await?,
        json!("reconstructed-response")
    );
    assert!(page.text_content("#main-drawing").await?.contains("Low dose (reconstructed data)"));
    page.select("#dataset", "late.csv").await?;
    page.select("#dataset", "reconstructed-response").await?;

    choose_file(&page, "bad.csv", "arm,time\nlow,12\n").await?;
    let refused = status(&page, "bad.csv").await?;
    assert_eq!(page.eval(region).await?, json!("alert"), "a refusal is said at once");
    assert_eq!(
        refused,
        "bad.csv, line 1: expected the columns arm,time,event (in any order) for endpoint 'response', found 'arm,time'; rename the header. \
         Nothing was changed: the published facts, the reconstruction and late.csv stay loaded."
    );
    assert_eq!(
        outcome(&page, "response_low_vs_control").await?,
        "not-reproduced",
        "the refused file changed the data"
    );

    // Saved as Latin-1, "placébo" has a byte the browser's text would quietly replace.
    choose_bytes(&page, "latin.csv", b"arm,time,event\nplac\xe9bo,24,0\n").await?;
    assert_eq!(
        status(&page, "latin.csv").await?,
        "latin.csv, line 2, character 5: the byte 0xE9 there is not UTF-8 text, as when the file is saved as Latin-1; \
         save it as UTF-8 and load it again. Nothing was changed: the published facts, the reconstruction and late.csv stay loaded."
    );

    let hostile = "<img src=x onerror=window.__pwned=1>.csv";
    choose_file(&page, hostile, &late_responses()).await?;
    let loaded = status(&page, "Loaded").await?;
    assert!(loaded.contains(hostile), "{loaded}");
    // A new file is what the views analyse, whatever was picked before it.
    assert_eq!(page.eval("return document.querySelector('#dataset').value;").await?, json!(hostile));
    assert!(page.text_content("#main-drawing").await?.contains("Low dose (imported data (<img"));
    let injected = page
        .eval("return document.querySelectorAll('main img').length + (window.__pwned ? 100 : 0);")
        .await?;
    assert_eq!(injected.as_i64(), Some(0), "a file name became markup");

    page.click("#import-reset").await?;
    status(&page, "Back to the published facts").await?;
    assert_eq!(outcome(&page, "response_low_vs_control").await?, "reproduced");
    assert!(!page.exists("#dataset").await?, "one dataset left, nothing to pick");
    assert!(page.text_content("#main-drawing").await?.contains("Low dose (reconstructed data)"));
    let errors = page.errors().await?;
    assert!(errors.is_empty(), "the page reported errors: {errors:?}");
    page.close().await
}

/// On a phone, a long file name (the data picker names it, the chart's legend and title too)
/// neither widens the page nor runs off the chart.
#[tokio::test(flavor = "multi_thread")]
async fn a_long_file_name_fits_a_phone() -> WebDriverResult<()> {
    let page = Session::open(360, 740, "").await?;
    let name = "digitised-figure-2-late-responses-from-the-supplement.csv";
    choose_file(&page, name, &late_responses()).await?;
    status(&page, "Loaded").await?;
    page.wait_for("#dataset").await?;
    let (wide, overflow) = page.wider_than_screen().await?;
    assert_eq!(wide, json!([]), "wider than a 360 px phone after the import");
    assert!(overflow <= 0, "the page scrolls sideways ({overflow})");
    // Every text of the chart lies inside the drawing as shown.
    let outside = page
        .eval(
            "const svg = document.querySelector('#main-drawing svg'); const box = svg.getBoundingClientRect();
             return [...svg.querySelectorAll('text')].filter(t => {
               const r = t.getBoundingClientRect(); return r.left < box.left - 1 || r.right > box.right + 1;
             }).map(t => t.textContent);",
        )
        .await?;
    assert_eq!(outside, json!([]));
    assert!(page.text_content("#main-drawing").await?.contains("supplement.csv"));
    page.eval("document.querySelector('#main-chart').scrollIntoView();").await?;
    page.screenshot("import-phone-360").await?;
    page.close().await
}

/// A reader holding the paper imports its CD4 summaries as a JSON bundle: a week-48 mean and
/// mean changes from baseline. In the browser the CD4 view draws the mean as a labelled
/// diamond and lists it in its table, the statistics set each imported change beside the
/// computed one, and the claims are re-checked on the changes, labelled imported: a rise as
/// large as the paper's P reproduces its claim, a small one does not.
#[tokio::test(flavor = "multi_thread")]
async fn digitised_summaries_are_shown_and_re_checked() -> WebDriverResult<()> {
    let page = Session::open(1280, 1000, "").await?;
    assert_eq!(outcome(&page, "cd4_rise_high").await?, "reproduced");
    let mut bundle: serde_json::Value =
        serde_json::from_str(include_str!("../../data/nct01213186.json")).expect("the bundle");
    let fact =
        |value: f64| json!({ "value": value, "provenance": { "kind": "illustrative", "why": "Figure 2" } });
    let n = json!({ "value": 24, "provenance": { "kind": "illustrative", "why": "Figure 2" } });
    let change = |arm: &str, mean: f64| {
        json!({ "endpoint": "cd4", "arm": arm, "visit": "w48",
            "measure": { "kind": "continuous", "baseline": "w0", "n": n, "mean": fact(mean), "sd": fact(50.0) } })
    };
    bundle["results"] = json!([
        { "endpoint": "cd4", "arm": "high", "visit": "w48",
          "measure": { "kind": "continuous", "n": n, "mean": fact(231.5), "sd": fact(60.2) } },
        change("high", 60.0),
        change("low", 15.0),
    ]);
    bundle["tests"] = json!([]);
    bundle["statements"] = json!([]);
    choose_file(&page, "figure-2.json", &bundle.to_string()).await?;
    assert_eq!(
        status(&page, "Loaded").await?,
        "Loaded figure-2.json: 3 results. The views and the published claims now use its data, labelled imported."
    );

    page.click("#endpoint-cd4").await?;
    page.wait_for("#endpoint-cd4[aria-pressed=true]").await?;
    let drawing = page.text_content_with("#main-drawing", "imported 231.5").await?;
    assert!(drawing.contains("imported 231.5") && drawing.contains("◇ imported mean"), "{drawing}");
    let beside = page
        .eval(
            "const l = [...document.querySelectorAll('#statistics li.stat')].find(e => e.dataset.subject === 'High dose: Week 48 vs Baseline' && e.dataset.statistic === 'Mean change');
             return l ? l.querySelector('.published').textContent : null;",
        )
        .await?;
    assert_eq!(beside, json!(" · mean 60.0, SD 50.0, n 24imported"));
    page.click("#chart-data summary").await?;
    page.wait_for("#chart-data table").await?;
    let tables = page.text("#chart-data").await?;
    assert!(
        tables.contains("Mean CD4+ T count (cells/mm³) as the bundle gives it (not computed here)"),
        "{tables}"
    );

    assert_eq!(outcome(&page, "cd4_rise_high").await?, "reproduced");
    assert_eq!(outcome(&page, "cd4_rise_low").await?, "not-reproduced");
    let card = page.text("[data-claim=cd4_rise_low]").await?;
    assert!(card.contains("+15.0 (n = 24)") && card.contains("imported"), "{card}");
    page.screenshot("import-digitised-summaries").await?;
    let errors = page.errors().await?;
    assert!(errors.is_empty(), "the page reported errors: {errors:?}");
    page.close().await
}
