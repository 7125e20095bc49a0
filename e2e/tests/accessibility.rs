//! axe-core on every endpoint view, with the range overlay, in reported-only mode, in the
//! walkthrough and in presentation mode, on light and on dark paper: no serious or critical
//! violations.

use trial_explorer_e2e::axe::serious_violations;
use trial_explorer_e2e::{Page, Session, ENDPOINTS};

/// axe finds no serious or critical violation on the page as it is now (`context` says where).
async fn assert_clean(page: &Page, context: &str) -> thirtyfour::prelude::WebDriverResult<()> {
    let found = serious_violations(page).await?;
    assert!(found.is_empty(), "serious accessibility violations {context}: {found:#?}");
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn every_view_has_no_serious_accessibility_violations() -> thirtyfour::prelude::WebDriverResult<()> {
    let page = Session::open(1024, 768, "").await?;
    assert_clean(&page, "on the first screen").await?;
    tour(&page, "").await?;
    // The same tour on dark paper.
    page.click("#theme-dark").await?;
    page.wait_for("html.theme-dark").await?;
    tour(&page, ", dark").await?;
    page.close().await
}

/// Every endpoint, reported-only mode, the range overlay, a walkthrough step and presentation
/// mode, each checked; `theme` names the paper in messages. Leaves the page on the response
/// view with everything closed.
async fn tour(page: &Page, theme: &str) -> thirtyfour::prelude::WebDriverResult<()> {
    for endpoint in ENDPOINTS {
        page.click(&format!("#endpoint-{endpoint}")).await?;
        assert_clean(page, &format!("on {endpoint}{theme}")).await?;
    }
    page.click("#endpoint-response").await?;
    page.click("#reported-only").await?;
    assert_clean(page, &format!("in reported-only mode{theme}")).await?;
    page.click("#reported-only").await?;
    page.click("#show-ensemble").await?;
    assert_clean(page, &format!("with the range overlay{theme}")).await?;
    page.click("#show-ensemble").await?;
    page.click("#walkthrough-start").await?;
    page.click("#walkthrough-next").await?;
    assert_clean(page, &format!("in the walkthrough{theme}")).await?;
    page.click("#present-toggle").await?;
    assert_clean(page, &format!("in presentation mode{theme}")).await?;
    page.click("#present-toggle").await?;
    page.click("#walkthrough-close").await?;
    page.click("#endpoint-response").await
}

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
