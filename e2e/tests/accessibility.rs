//! axe-core on every endpoint view, with the range overlay, in reported-only mode, in the
//! walkthrough and in presentation mode, on light and on dark paper: no serious or critical
//! violations.

use trial_explorer_e2e::axe::serious_violations;
use trial_explorer_e2e::Session;

#[tokio::test(flavor = "multi_thread")]
async fn every_view_has_no_serious_accessibility_violations() -> thirtyfour::prelude::WebDriverResult<()> {
    let page = Session::open(1024, 768, "").await?;
    let found = serious_violations(&page).await?;
    assert!(found.is_empty(), "serious accessibility violations: {found:#?}");
    page.click("#reported-only").await?;
    let found = serious_violations(&page).await?;
    assert!(found.is_empty(), "serious accessibility violations in reported-only mode: {found:#?}");
    page.click("#reported-only").await?;
    for endpoint in ENDPOINTS {
        page.click(&format!("#endpoint-{endpoint}")).await?;
        let found = serious_violations(&page).await?;
        assert!(found.is_empty(), "serious accessibility violations on {endpoint}: {found:#?}");
    }
    page.click("#endpoint-response").await?;
    page.click("#show-ensemble").await?;
    let found = serious_violations(&page).await?;
    assert!(found.is_empty(), "serious accessibility violations with the range overlay: {found:#?}");
    page.click("#walkthrough-start").await?;
    page.click("#walkthrough-next").await?;
    let found = serious_violations(&page).await?;
    assert!(found.is_empty(), "serious accessibility violations in the walkthrough: {found:#?}");
    page.click("#present-toggle").await?;
    let found = serious_violations(&page).await?;
    assert!(found.is_empty(), "serious accessibility violations in presentation mode: {found:#?}");
    page.click("#present-toggle").await?;
    page.click("#walkthrough-close").await?;

    // The same on dark paper: every endpoint, then the walkthrough and presentation mode.
    page.click("#theme-dark").await?;
    page.wait_for("html.theme-dark").await?;
    for endpoint in ENDPOINTS {
        page.click(&format!("#endpoint-{endpoint}")).await?;
        let found = serious_violations(&page).await?;
        assert!(found.is_empty(), "serious accessibility violations on {endpoint}, dark: {found:#?}");
    }
    page.click("#reported-only").await?;
    let found = serious_violations(&page).await?;
    assert!(found.is_empty(), "serious accessibility violations in reported-only mode, dark: {found:#?}");
    page.click("#reported-only").await?;
    page.click("#walkthrough-start").await?;
    page.click("#present-toggle").await?;
    let found = serious_violations(&page).await?;
    assert!(found.is_empty(), "serious accessibility violations presenting on dark paper: {found:#?}");
    page.close().await
}

const ENDPOINTS: [&str; 6] = ["response", "cd4", "cd8", "cd4_cd8_ratio", "response_week", "safety"];

/// The check itself can fail: an image without a text alternative is reported as critical.
#[tokio::test(flavor = "multi_thread")]
async fn axe_reports_an_image_without_alt_text() -> thirtyfour::prelude::WebDriverResult<()> {
    let page = Session::open(1024, 768, "").await?;
    page.eval("const i = document.createElement('img'); i.src = 'missing.png'; document.body.appendChild(i); return 0;")
        .await?;
    let found = serious_violations(&page).await?;
    assert!(found.iter().any(|v| v.id == "image-alt"), "{found:#?}");
    page.close().await
}
