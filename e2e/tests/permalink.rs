//! Permalinks in the browser: a link restores its view and the URL follows every change;
//! broken or hostile links load the default view with a visible, dismissible notice.

use trial_explorer_e2e::Session;

/// The default view's canonical query.
const DEFAULT: &str = "?endpoint=response&arms=high,low,placebo&ref=placebo&visits=w0,w48,w96&horizon=96&ci=95&reported=0&range=0&change=0&at=w48&week=w96";

#[tokio::test(flavor = "multi_thread")]
async fn a_link_restores_its_view_and_the_url_follows_changes() -> thirtyfour::prelude::WebDriverResult<()> {
    let page = Session::start(1280, 1000).await?;
    let link = "?endpoint=cd4&arms=low,placebo&ref=placebo&visits=w0,w48&horizon=48&ci=90&reported=0&range=0&change=1&at=w48&week=w96";
    page.load(&page.url(link)).await?;
    assert_eq!(page.search().await?, link);
    assert!(!page.exists("#link-notices").await?);
    assert!(page.text("#view-title").await?.contains("CD4"));
    assert_eq!(page.eval("return document.querySelector('#ci-level').value;").await?.as_str(), Some("90%"));
    page.click("#endpoint-safety").await?;
    let search = page.search().await?;
    assert!(search.starts_with("?endpoint=safety&arms=low,placebo"), "{search}");
    page.close().await
}

#[tokio::test(flavor = "multi_thread")]
async fn broken_links_load_the_default_view_with_a_notice() -> thirtyfour::prelude::WebDriverResult<()> {
    let page = Session::start(1280, 1000).await?;
    let broken = [
        ("?endpoint=resp", "'endpoint=resp' was ignored"),
        ("?horizon=abc", "'horizon=abc' was ignored"),
        ("?horizon=99999999999999999999", "'horizon=99999999999999999999' was ignored"),
        ("?arms=ultra", "'arms=ultra' was ignored"),
        ("?ci=97.5", "'ci=97.5' was ignored"),
        (
            "?endpoint=%3Cscript%3Ewindow.__pwned%3D1%3C%2Fscript%3E",
            "'endpoint=<script>window.__pwned=1</script>' was ignored",
        ),
        (
            "?endpoint=%3Cimg%20src%3Dx%20onerror%3Dwindow.__pwned%3D1%3E",
            "'endpoint=<img src=x onerror=window.__pwned=1>' was ignored",
        ),
        ("?step=999", "'step=999' was ignored"),
        ("?endpoint=%zz", "contains a % not followed by two hexadecimal digits"),
        ("?theme=dark&ci=95&ci=99", "'theme' was ignored"),
        ("?endpoint=cd", "'endpoint=cd' was ignored"),
    ];
    for (query, says) in broken {
        page.load(&page.url(query)).await?;
        let notice = page.text("#link-notices").await?;
        assert!(notice.contains(says), "{query}: {notice}");
        assert_eq!(page.search().await?, DEFAULT, "{query} did not fall back");
        let pwned = page.eval("return !!window.__pwned || document.querySelectorAll('#link-notices img, #link-notices script').length > 0;").await?;
        assert_eq!(pwned.as_bool(), Some(false), "{query} injected markup");
    }
    page.click("#dismiss-link-notices").await?;
    assert!(!page.exists("#link-notices").await?);
    // The button went with the notice; the keyboard focus goes on to the next control.
    tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    let focused = page.eval("return document.activeElement.id;").await?;
    assert_eq!(focused, serde_json::json!("walkthrough-start"));
    let errors = page.errors().await?;
    assert!(errors.is_empty(), "the page reported errors: {errors:?}");
    page.close().await
}

#[tokio::test(flavor = "multi_thread")]
async fn the_walkthrough_advances_with_captions_that_match_its_views(
) -> thirtyfour::prelude::WebDriverResult<()> {
    let page = Session::open(1280, 1000, "").await?;
    page.click("#walkthrough-start").await?;
    assert!(page.text("#walkthrough-caption").await?.starts_with("Phase II, randomized, double-blinded"));
    for _ in 0..3 {
        page.click("#walkthrough-next").await?;
    }
    assert_eq!(page.text("#walkthrough-title").await?, "Why timing matters");
    let caption = page.text("#walkthrough-caption").await?;
    assert!(caption.contains("Fisher's exact P ≈ 0.048") && caption.contains("P = 0.004"), "{caption}");
    assert!(page.text("#walkthrough-numbers").await?.contains("P = 0.0479"));
    let search = page.search().await?;
    assert!(search.contains("endpoint=response_week") && search.ends_with("&step=4"), "{search}");
    page.screenshot("walkthrough-step-4").await?;
    // The link to a step reopens that step.
    page.load(&page.url(&search)).await?;
    assert_eq!(page.text("#walkthrough-title").await?, "Why timing matters");
    // Leaving the step's endpoint: the step says so, and "Show this step" sets its view again.
    page.click("#endpoint-cd4").await?;
    page.wait_for("#endpoint-cd4[aria-pressed=true]").await?;
    assert_eq!(
        page.text("#walkthrough-caption").await?,
        "The view has changed since this step was opened; “Show this step” sets it again."
    );
    page.click("#walkthrough-again").await?;
    page.wait_for("#endpoint-response_week[aria-pressed=true]").await?;
    assert!(page.text("#walkthrough-caption").await?.contains("Fisher's exact P ≈ 0.048"));
    page.click("#walkthrough-close").await?;
    assert!(page.exists("#walkthrough-start").await?);
    // A link that names only the step, as typed into a lecture's slides, opens the step with
    // its own view; one that also names a view keeps that view.
    page.load(&page.url("?step=4&present=1")).await?;
    page.wait_for("#endpoint-response_week[aria-pressed=true]").await?;
    assert!(page.text("#walkthrough-caption").await?.contains("Fisher's exact P ≈ 0.048"));
    assert!(page.search().await?.contains("endpoint=response_week"));
    page.load(&page.url("?endpoint=cd4&step=4")).await?;
    page.wait_for("#endpoint-cd4[aria-pressed=true]").await?;
    assert!(page.text("#walkthrough-caption").await?.starts_with("The view has changed"));
    page.close().await
}

/// Closing the walkthrough gives the reader's own view back, as it was before the walkthrough
/// opened; a view the reader changed during a step stays. The pickers show each step's
/// choices, even after the reader picked others.
#[tokio::test(flavor = "multi_thread")]
async fn closing_the_walkthrough_goes_back_to_the_readers_view() -> thirtyfour::prelude::WebDriverResult<()> {
    let page = Session::open(1280, 1000, "").await?;
    let shown = |id: &str| format!("return document.querySelector('#{id}').value;");
    page.select("#ci-level", "99%").await?;
    page.select("#horizon", "w60").await?;
    page.click("#walkthrough-start").await?;
    page.wait_for("#walkthrough-next").await?;
    assert_eq!(page.eval(&shown("ci-level")).await?, "95%", "the step's confidence level is not shown");
    assert_eq!(page.eval(&shown("horizon")).await?, "w96", "the step's follow-up is not shown");
    page.click("#walkthrough-close").await?;
    page.wait_for("#walkthrough-start").await?;
    assert_eq!(page.eval(&shown("ci-level")).await?, "99%", "the reader's confidence level is not shown");
    assert_eq!(page.eval(&shown("horizon")).await?, "w60", "the reader's follow-up is not shown");
    page.click("#endpoint-cd8").await?;
    page.wait_for("#endpoint-cd8[aria-pressed=true]").await?;
    page.click("#walkthrough-start").await?;
    page.wait_for("#endpoint-response[aria-pressed=true]").await?;
    for _ in 0..3 {
        page.click("#walkthrough-next").await?;
    }
    page.wait_for("#endpoint-response_week[aria-pressed=true]").await?;
    page.click("#walkthrough-close").await?;
    page.wait_for("#endpoint-cd8[aria-pressed=true]").await?;
    assert!(page.text("#view-title").await?.contains("CD8"));
    // Changed during a step: the reader's change stays.
    page.click("#walkthrough-start").await?;
    page.wait_for("#endpoint-response[aria-pressed=true]").await?;
    page.click("#endpoint-cd4").await?;
    page.wait_for("#endpoint-cd4[aria-pressed=true]").await?;
    page.click("#walkthrough-close").await?;
    page.wait_for("#walkthrough-start").await?;
    tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    assert!(page.exists("#endpoint-cd4[aria-pressed=true]").await?, "the reader's change was undone");
    // Opened from a link that names a step, there is no earlier view: the step's view stays.
    page.load(&page.url("?step=4")).await?;
    page.wait_for("#endpoint-response_week[aria-pressed=true]").await?;
    page.click("#walkthrough-close").await?;
    page.wait_for("#walkthrough-start").await?;
    tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    assert!(
        page.exists("#endpoint-response_week[aria-pressed=true]").await?,
        "the link's step view was left"
    );
    page.close().await
}

/// The address bar is written a moment after a change, with the latest state: a burst of
/// clicks ends in the last view's link, and "Copy link" right after a click copies that click's
/// view, not the one before.
#[tokio::test(flavor = "multi_thread")]
async fn the_link_after_a_burst_of_clicks_and_the_copied_link_are_current(
) -> thirtyfour::prelude::WebDriverResult<()> {
    let page = Session::start(1280, 1000).await?;
    page.load(&page.url("")).await?;
    page.wait_for("#arm-low").await?;
    // Four clicks in one script: no time for the address bar between them.
    page.eval(
        "for (const id of ['#arm-low', '#arm-high', '#arm-low', '#endpoint-cd4']) \
         document.querySelector(id).click();",
    )
    .await?;
    let search = page.search().await?;
    assert!(search.starts_with("?endpoint=cd4&arms=low,placebo&"), "{search}");
    // A click and "Copy link" at once.
    page.eval("document.querySelector('#arm-high').click(); document.querySelector('#copy-link').click();")
        .await?;
    page.wait_for("#permalink").await?;
    // What the copy did is said in a live region.
    let role =
        page.eval("return document.querySelector('#permalink').closest('[role=status]') !== null;").await?;
    assert_eq!(role.as_bool(), Some(true), "the copied link is in a live region");
    // With nothing imported, there is nothing the link leaves behind to say.
    assert_eq!(page.text_content("#permalink-note").await?, "");
    let copied = page.eval("return document.querySelector('#permalink').value;").await?;
    let copied = copied.as_str().unwrap_or_default();
    assert!(
        copied.starts_with(&format!("{}/?endpoint=cd4&arms=high,low,placebo&", page.server.origin())),
        "{copied}"
    );
    assert_eq!(page.errors().await?, Vec::<String>::new());
    page.close().await
}
