//! The release build, served on 127.0.0.1 and driven in Chromium: the first screen shows the
//! trial, the arms and the chart, reacts to the reported-only switch, and never panics.

use trial_explorer_e2e::Session;

#[tokio::test(flavor = "multi_thread")]
async fn first_screen_shows_trial_arms_and_chart_without_errors() -> thirtyfour::prelude::WebDriverResult<()>
{
    let page = Session::open(1280, 1000, "").await?;

    assert!(!page.exists("#panic-message").await?, "the panic message is shown on a normal load");
    assert!(!page.exists("#page-loading").await?, "the loading header is replaced by the app");
    assert_eq!(page.eval("return document.querySelectorAll('h1').length;").await?, serde_json::json!(1));
    let policy = page
        .eval("return document.querySelector('meta[http-equiv=\"Content-Security-Policy\"]')?.content || '';")
        .await?;
    let policy = policy.as_str().unwrap_or_default();
    assert!(policy.contains("'wasm-unsafe-eval'") && policy.contains("default-src 'none'"), "{policy}");
    assert!(!policy.replace("'wasm-unsafe-eval'", "").contains("unsafe-eval"), "{policy}");
    assert!(!policy.contains("unsafe-inline"), "no inline style or script beyond the hashed one: {policy}");
    let title = page.text("#trial-title").await?;
    assert!(
        title.starts_with("Human umbilical cord mesenchymal stem cell transfusion in immune non-responders"),
        "{title}"
    );
    assert!(page.text(".registry-id").await?.contains("NCT01213186"));
    assert!(page.text(".design").await?.contains("Phase II, randomized, double-blinded"));
    let arms = page.text("#arms-table").await?;
    for expected in [
        "High dose",
        "hUC-MSC 1.5 × 10^6 cells per kg body weight",
        "Low dose",
        "hUC-MSC 0.5 × 10^6 cells per kg body weight",
        "Placebo",
    ] {
        assert!(arms.contains(expected), "arms table lacks {expected}: {arms}");
    }
    assert_eq!(arms.matches("≈ 24").count(), 3, "{arms}");

    let shapes = page.shapes_in("#allocation-chart", "").await?;
    assert!(shapes > 10, "the allocation chart looks blank ({shapes} shapes)");
    for arm in ["#D55E00", "#0072B2", "#000000"] {
        assert!(page.shapes_in("#allocation-chart", arm).await? >= 1, "no bar in {arm}");
    }
    page.screenshot("first-screen").await?;

    page.click("#reported-only").await?;
    page.wait_for("#allocation-hidden").await?;
    let arms = page.text("#arms-table").await?;
    assert_eq!(arms.matches("not reported (derived value hidden)").count(), 3, "{arms}");
    assert!(!page.exists("#allocation-chart").await?);
    page.screenshot("first-screen-reported-only").await?;

    page.click("#reported-only").await?;
    page.wait_for("#allocation-chart svg").await?;

    let errors = page.errors().await?;
    assert!(errors.is_empty(), "the page reported errors: {errors:?}");
    let outside: Vec<String> = page.server.requests().into_iter().filter(|p| !p.starts_with('/')).collect();
    assert!(outside.is_empty(), "unexpected request targets: {outside:?}");
    page.close().await
}

/// Opening "Eligibility, allocation and sources" on a wide screen, where the arms sit beside
/// the title: the opened lists and chart wrap within the arms' column, the title keeps its
/// room, the header ends where its content does, and nothing overlaps or widens the page.
#[tokio::test(flavor = "multi_thread")]
async fn the_folded_details_open_beside_the_title_without_squeezing_it(
) -> thirtyfour::prelude::WebDriverResult<()> {
    for width in [1200, 1280, 1366, 1600] {
        let page = Session::open(width, 900, "").await?;
        page.click("#design-details summary").await?;
        page.wait_for("#design-details[open] #allocation-chart svg").await?;
        let layout = page
            .eval(
                "const box = s => document.querySelector(s).getBoundingClientRect();
                 const [registry, title, facts, glance, details, chart, header] =
                   ['.registry-id', '#trial-title', '.trial-header .facts', '.trial-header .glance', '#design-details',
                    '#allocation-chart', '.trial-header'].map(box);
                 const last = document.querySelector('#design-details').lastElementChild.getBoundingClientRect();
                 return [title.width, glance.left - title.right, glance.right - Math.max(details.right, chart.right),
                         document.documentElement.scrollWidth - window.innerWidth,
                         facts.bottom - registry.top, header.bottom - Math.max(facts.bottom, last.bottom)];",
            )
            .await?;
        let [title, gap, inside, wider, lines, blank] =
            [0, 1, 2, 3, 4, 5].map(|i| layout[i].as_f64().unwrap_or(f64::NAN));
        assert!(blank <= 40.0, "{width} px: {blank} px of blank header under the opened details");
        assert!(title >= 380.0, "{width} px: the title is squeezed to {title} px");
        assert!(lines <= 260.0, "{width} px: the title's lines are spread over {lines} px");
        assert!(gap >= 0.0, "{width} px: the arms' column runs {} px over the title", -gap);
        assert!(inside >= -0.5, "{width} px: the opened details stick {} px out of their column", -inside);
        assert!(wider <= 0.0, "{width} px: the page is {wider} px wider than the window");
        if width == 1280 {
            page.screenshot("design-details-open").await?;
        }
        let errors = page.errors().await?;
        assert!(errors.is_empty(), "the page reported errors: {errors:?}");
        page.close().await?;
    }
    Ok(())
}
