//! Exports: PNG and SVG of the chart, CSV of the tables and JSON of the bundle are saved as
//! valid files; the citation names the paper and the view.

use std::path::{Path, PathBuf};
use std::time::Duration;

use base64::Engine;
use serde_json::json;
use trial_explorer_e2e::{repo_root, Page, Session};

async fn saved(dir: &Path, name: &str) -> PathBuf {
    let path = dir.join(name);
    for _ in 0..100 {
        if path.is_file() && std::fs::metadata(&path).map(|m| m.len() > 0).unwrap_or(false) {
            return path;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("{name} was not downloaded into {}", dir.display());
}

/// Width and height from a PNG's IHDR chunk, after checking the signature.
fn png_size(bytes: &[u8]) -> (u32, u32) {
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n", "not a PNG");
    assert_eq!(&bytes[12..16], b"IHDR");
    let word = |at: usize| u32::from_be_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]]);
    (word(16), word(20))
}

/// Red, green, blue and alpha of a PNG's top-left pixel (the chart's paper), given as base64:
/// decoded by the browser through an image and a canvas.
const CORNER_PIXEL: &str = "const done = arguments[arguments.length - 1]; \
    (async (data) => { \
      const image = new Image(); image.src = 'data:image/png;base64,' + data; await image.decode(); \
      const canvas = document.createElement('canvas'); canvas.width = 1; canvas.height = 1; \
      const context = canvas.getContext('2d'); context.drawImage(image, 0, 0); \
      done(Array.from(context.getImageData(0, 0, 1, 1).data)); \
    })";

async fn allow_downloads(page: &Page, dir: &Path) -> thirtyfour::prelude::WebDriverResult<()> {
    page.driver
        .cdp()
        .send_raw(
            "Browser.setDownloadBehavior",
            json!({ "behavior": "allow", "downloadPath": dir.to_string_lossy() }),
        )
        .await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn chart_tables_and_data_download_as_valid_files() -> thirtyfour::prelude::WebDriverResult<()> {
    let dir = repo_root().join("target").join("downloads");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let page = Session::start(1280, 1000).await?;
    allow_downloads(&page, &dir).await?;
    page.load(&page.url("")).await?;

    page.click("#export-png").await?;
    let png = std::fs::read(saved(&dir, "nct01213186-response.png").await).unwrap();
    // The SVG export's drawing (1200 × 800) at two device pixels per drawing pixel.
    assert_eq!(png_size(&png), (2400, 1600));

    page.click("#export-svg").await?;
    let svg = std::fs::read_to_string(saved(&dir, "nct01213186-response.svg").await).unwrap();
    assert!(svg.starts_with("<svg") && svg.trim_end().ends_with("</svg>"));
    assert!(svg.contains("width=\"1200\"") && svg.contains("Number at risk") && svg.contains("Low dose"));
    assert!(
        svg.contains("Source: Wang et al.") && svg.contains("doi:10.1038/s41392-021-00607-2"),
        "no source line"
    );

    page.click("#export-csv").await?;
    let csv = std::fs::read_to_string(saved(&dir, "nct01213186-response-tables.csv").await).unwrap();
    assert!(csv.starts_with("table,row,column,value,estimate,lower,upper,provenance\r\n"));
    // The number behind "95.8% (95% CI …)": Kaplan–Meier at week 96 of the reconstruction,
    // 23 of 24 low-dose patients, unrounded, as a proportion.
    let low = csv
        .lines()
        .find(|l| l.starts_with("Cumulative probability of response by week 96,Low dose,Estimate,"));
    let fields: Vec<&str> = low.expect("the low-dose estimate row").split(',').collect();
    assert_eq!(fields[4], "0.9583333333333334");
    let (lower, upper): (f64, f64) = (fields[5].parse().unwrap(), fields[6].parse().unwrap());
    assert!(lower < 0.9583 && 0.9584 < upper && upper <= 1.0, "{fields:?}");
    assert!(csv.contains(",reconstructed\r\n") && csv.contains(",reported\r\n"));

    page.click("#export-json").await?;
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(saved(&dir, "nct01213186-bundle.json").await).unwrap())
            .unwrap();
    assert_eq!(json["trial"]["registry_id"]["value"], "NCT01213186");
    assert!(json["patient_data"]["time_to_event"].as_array().is_some_and(|a| !a.is_empty()));

    page.click("#citation summary").await?;
    assert!(page.text("#citation-paper-bibtex").await?.contains("doi     = {10.1038/s41392-021-00607-2}"));
    assert!(page.text("#citation-view-bibtex").await?.contains("\\url{http://127.0.0.1:"));
    // The view's link follows the view at once, without waiting for the address bar.
    page.eval("document.querySelector('#endpoint-cd8').click();").await?;
    let cited = page.text("#citation-view-bibtex").await?;
    assert!(cited.contains("?endpoint=cd8&"), "{cited}");
    // Copied, or, where the browser refuses the clipboard, said so with what to do instead.
    page.click("#copy-view-bibtex").await?;
    page.wait_for("#citation-copied:not(:empty)").await?;
    let said = page.text("#citation-copied").await?;
    assert!(
        said == "Copied the view's BibTeX."
            || said == "The browser did not allow copying; select the view's BibTeX above and copy it.",
        "{said}"
    );

    // On dark paper the page's chart is dark, but the exported PNG is on light paper, as
    // printed: its corner pixel, read back through an image in the page, is the light paper.
    page.click("#theme-dark").await?;
    page.wait_for("html.theme-dark").await?;
    page.click("#export-png").await?;
    let png = std::fs::read(saved(&dir, "nct01213186-cd8.png").await).unwrap();
    assert_eq!(png_size(&png), (2400, 1600));
    let corner = page
        .eval_async(&format!("{CORNER_PIXEL}('{}');", base64::engine::general_purpose::STANDARD.encode(&png)))
        .await?;
    assert_eq!(corner, json!([255, 255, 255, 255]), "the exported PNG is not on light paper");

    // The safety view is statements: no chart to save, and the page says so before a click.
    page.click("#endpoint-safety").await?;
    page.wait_for("#export-no-chart").await?;
    assert_eq!(page.text("#export-no-chart").await?, "This view has no chart; its contents export as CSV.");
    for button in
        ["#export-png[aria-describedby=export-no-chart]", "#export-svg[aria-describedby=export-no-chart]"]
    {
        assert_eq!(
            page.eval(&format!("return document.querySelector('{button}').disabled;")).await?,
            json!(true)
        );
    }
    page.click("#export-csv").await?;
    let csv = std::fs::read_to_string(saved(&dir, "nct01213186-safety-tables.csv").await).unwrap();
    assert!(csv.contains(",reported\r\n"), "{csv}");
    page.click("#endpoint-cd4").await?;
    page.wait_for("#export-png:not([disabled])").await?;
    assert!(!page.exists("#export-no-chart").await?);
    let errors = page.errors().await?;
    assert!(errors.is_empty(), "the page reported errors: {errors:?}");
    page.close().await
}
