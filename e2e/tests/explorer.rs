//! The explorer in the release build: every endpoint, arm toggle, visit and horizon is
//! clicked, and the recomputed numbers on screen are checked against the published ones.

use serde_json::Value;
use thirtyfour::prelude::{Key, WebDriverResult};
use trial_explorer_e2e::{repo_root, Page, Session, ENDPOINTS};

/// Low dose on the chart: Okabe–Ito blue.
const LOW_BLUE: &str = "#0072B2";
const MAIN_DRAWING: &str = "#main-drawing";

async fn open(width: u32, height: u32) -> WebDriverResult<Session> {
    let page = Session::open(width, height, "").await?;
    page.wait_for("#statistics .stat").await?;
    // The chart's tables are built while their fold is open.
    page.click("#chart-data summary").await?;
    page.wait_for("#chart-data table").await?;
    Ok(page)
}

/// The statistic line for `subject` whose name starts with `statistic`: (value, text).
async fn stat(page: &Page, subject: &str, statistic: &str) -> WebDriverResult<(Option<f64>, String)> {
    let script = format!(
        "const l = [...document.querySelectorAll('#statistics li.stat')].find(e => e.dataset.subject === {} && e.dataset.statistic.startsWith({}));
         return l ? [l.dataset.value ?? null, l.textContent] : null;",
        serde_json::json!(subject),
        serde_json::json!(statistic)
    );
    let found = page.eval(&script).await?;
    let Value::Array(pair) = found else { panic!("no statistic '{statistic}' for '{subject}' on screen") };
    let value = pair[0].as_str().and_then(|v| v.parse().ok());
    Ok((value, pair[1].as_str().unwrap_or_default().to_string()))
}

async fn choose_endpoint(page: &Page, id: &str, title: &str) -> WebDriverResult<()> {
    page.click(&format!("#endpoint-{id}")).await?;
    let shown = page.text("#view-title").await?;
    assert_eq!(shown, title);
    Ok(())
}

async fn inked(page: &Page) -> WebDriverResult<i64> {
    page.shapes_in(MAIN_DRAWING, "").await
}

async fn count(page: &Page, css: &str) -> WebDriverResult<i64> {
    Ok(page
        .eval(&format!("return document.querySelectorAll({}).length;", serde_json::json!(css)))
        .await?
        .as_i64()
        .unwrap())
}

#[tokio::test(flavor = "multi_thread")]
async fn every_endpoint_recomputes_beside_the_published_numbers() -> WebDriverResult<()> {
    let page = open(1366, 900).await?;

    // Response: low dose vs placebo, log-rank beside the published P.
    let (p, text) = stat(&page, "Low dose vs Placebo", "Log-rank P").await?;
    let p = p.expect("a log-rank P");
    assert!((0.0035..0.0045).contains(&p), "log-rank P {p}");
    assert!(text.contains("P = 0.0041") && text.contains("reconstructed"), "{text}");
    assert!(text.contains("reported P = 0.004"), "{text}");
    let (fisher, _) = stat(&page, "Low dose vs Placebo", "Fisher's exact P, responders by week 96").await?;
    assert_eq!(format!("{:.4}", fisher.unwrap()), "0.0479");
    assert!(page.text("#missing-arms").await?.contains("Not reported in the published abstract"));
    assert!(inked(&page).await? > 80, "the response chart looks blank");
    let tables = page.text_content("#chart-data").await?;
    assert!(tables.contains("Patients at risk") && tables.contains("95% CI lower"), "{tables}");
    page.screenshot("endpoint-response").await?;

    // Pointing at week 30 reads the steps in effect there (week 24) exactly.
    page.eval(
        "const c = document.querySelector('#main-drawing'); const r = c.getBoundingClientRect();
         const x = r.left + (108 + 668 * 30 / 96) * r.width / 800;
         c.dispatchEvent(new MouseEvent('mousemove', { clientX: x, clientY: r.top + 200, bubbles: true }));",
    )
    .await?;
    let readout = page.text("#chart-readout").await?;
    assert!(readout.contains("Low dose 41.7% (95% CI 18.2% to 58.4%) from week 24"), "{readout}");
    page.screenshot("endpoint-response-hover").await?;
    // The readout follows the view: an arm turned off leaves it.
    page.click("#arm-low").await?;
    let readout = page.text("#chart-readout").await?;
    assert!(readout.contains("Placebo 4.2%") && !readout.contains("Low dose"), "{readout}");
    page.click("#arm-low").await?;
    // From the keyboard or by touch: the slider under the chart chooses the week, its arrow
    // keys going from one step of the curves to the next, and says the readout as its value.
    let readout_at = |key: Key| {
        let page = &page;
        async move {
            page.driver.action_chain().send_keys(key).perform().await?;
            page.text("#chart-readout").await
        }
    };
    page.eval("document.querySelector('#readout-week').focus(); return 0;").await?;
    let readout = readout_at(Key::End).await?;
    assert!(readout.starts_with("Week 96: Low dose 95.8% (95% CI 71.6% to 99.4%) from week 96"), "{readout}");
    let readout = readout_at(Key::Left).await?;
    assert!(readout.starts_with("Week 84: Low dose 87.5%"), "{readout}");
    let spoken =
        page.eval("return document.querySelector('#readout-week').getAttribute('aria-valuetext');").await?;
    assert!(
        spoken.as_str().is_some_and(|s| s.starts_with(
            "Week 84. Low dose, reconstructed: 87.5% (95% CI 64.0% to 95.7%) from week 84. Placebo, reconstructed:"
        )),
        "{spoken}"
    );
    readout_at(Key::Home).await?;
    let readout = readout_at(Key::Right).await?;
    assert!(readout.starts_with("Week 12: Low dose 33.3%"), "the first step after week 0: {readout}");
    // The pointer reads its own week, and the slider follows it, there to stay when the
    // pointer leaves (a finger never does).
    page.eval(
        "const c = document.querySelector('#main-drawing'); const r = c.getBoundingClientRect();
         const x = r.left + (108 + 668 * 30 / 96) * r.width / 800;
         c.dispatchEvent(new MouseEvent('mousemove', { clientX: x, clientY: r.top + 200, bubbles: true }));
         c.dispatchEvent(new MouseEvent('mouseleave'));",
    )
    .await?;
    assert!(page.text("#chart-readout").await?.starts_with("Week 30:"), "the pointer's week");
    assert_eq!(page.eval("return document.querySelector('#readout-week').value;").await?, "30");
    // Its handle stands under the week it reads on the plot's axis.
    let under = page
        .eval(
            "const s = document.querySelector('#readout-week'); const r = s.getBoundingClientRect();
             const d = document.querySelector('#main-drawing').getBoundingClientRect();
             const handle = r.left + 8 + (r.width - 16) * s.value / s.max;
             return Math.abs(handle - (d.left + (108 + 668 * s.value / 96) * d.width / 800));",
        )
        .await?;
    assert!(under.as_f64().is_some_and(|px| px < 3.0), "the handle is {under} px from its week on the axis");

    // A week past a horizon brought in is read, and shown, at the horizon, and again where it
    // was once the horizon allows.
    let slider = "return document.querySelector('#readout-week').value;";
    readout_at(Key::End).await?;
    page.select("#horizon", "w48").await?;
    assert!(page.text("#chart-readout").await?.starts_with("Week 48:"));
    assert_eq!(page.eval(slider).await?, "48");
    page.select("#horizon", "w96").await?;
    assert!(page.text("#chart-readout").await?.starts_with("Week 96:"));
    assert_eq!(page.eval(slider).await?, "96");

    // Horizon and confidence level, chosen without dragging.
    page.select("#horizon", "w48").await?;
    // A notice the change brings is said; the list itself is not a live region: it is
    // rewritten whole at each change, so it would read every notice again.
    let said = "return document.querySelector('#notices-said').textContent;";
    let cut = page.eval(said).await?;
    assert!(cut.as_str().is_some_and(|t| t.starts_with("Follow-up is cut at week 48")), "{cut}");
    let live = "return document.querySelectorAll('#notices [aria-live], #notices[aria-live], #notices [role]').length;";
    assert_eq!(page.eval(live).await?, serde_json::json!(1), "only the region that says what is new is live");
    page.wait_for("li.stat[data-statistic^=\"Fisher's exact P, responders by week 48\"]").await?;
    let (p48, _) = stat(&page, "Low dose vs Placebo", "Log-rank P").await?;
    assert_ne!(p48, Some(p), "the horizon did not change the test");
    assert!(page.text_content("#chart-data").await?.contains("by week 48"));
    page.select("#ci-level", "80%").await?;
    assert!(page.text_content("#chart-data").await?.contains("80% CI lower"));
    page.select("#horizon", "w96").await?;
    page.select("#ci-level", "95%").await?;

    // The range consistent with the publication.
    page.click("#show-ensemble").await?;
    page.wait_for("li.stat[data-statistic=\"Log-rank P across reconstructions\"]").await?;
    let (_, spread) = stat(&page, "Low dose vs Placebo", "Log-rank P across reconstructions").await?;
    assert!(spread.contains("100"), "{spread}");
    page.screenshot("endpoint-response-ensemble").await?;
    page.click("#show-ensemble").await?;

    // Reference arm: low dose as reference compares placebo with it.
    page.select("#reference-arm", "low").await?;
    page.wait_for("li.stat[data-subject=\"Placebo vs Low dose\"]").await?;
    page.select("#reference-arm", "placebo").await?;
    page.wait_for("li.stat[data-subject=\"Low dose vs Placebo\"]").await?;

    // CD4: the published within-arm P beside the recomputed one; visits and change.
    choose_endpoint(&page, "cd4", "CD4+ T count").await?;
    assert!(!page.exists("#chart-readout").await?, "the curves' readout outlives the curves");
    let (paired, text) = stat(&page, "Low dose: Week 48 vs Baseline", "Paired t-test P").await?;
    assert!(paired.unwrap() < 0.001 && text.contains("reported P < 0.001"), "{text}");
    let (anova, _) = stat(&page, "All shown arms at Week 48", "One-way ANOVA P").await?;
    assert!(anova.unwrap() > 0.05);
    assert!(inked(&page).await? > 50, "the CD4 chart looks blank");
    page.screenshot("endpoint-cd4").await?;
    assert!(page.text_content("#chart-data").await?.contains("Week 96"));
    page.click("#visit-w96").await?;
    let means = page.text_content("#chart-data table").await?;
    assert!(!means.contains("Week 96") && means.contains("Week 48"), "{means}");
    page.click("#visit-w96").await?;
    page.click("#change-from-baseline").await?;
    assert!(page.text("#main-chart figcaption").await?.contains("change from baseline"));
    page.select("#compare-visit", "w96").await?;
    stat(&page, "Low dose: Week 96 vs Baseline", "Paired t-test P").await?;
    page.screenshot("endpoint-cd4-change").await?;

    for (id, title) in [("cd8", "CD8+ T count"), ("cd4_cd8_ratio", "CD4/CD8 ratio")] {
        choose_endpoint(&page, id, title).await?;
        assert!(inked(&page).await? > 50, "the {id} chart looks blank");
        assert!(page.text_content("#chart-data").await?.contains(&format!("Tests for {title}")));
        page.screenshot(&format!("endpoint-{id}")).await?;
    }

    // Response at a chosen week: Fisher beside the P derived from the published counts.
    choose_endpoint(&page, "response_week", "Response by week").await?;
    let (fisher, text) = stat(&page, "Low dose vs Placebo", "Fisher's exact P by Week 96").await?;
    assert_eq!(format!("{:.4}", fisher.unwrap()), "0.0479");
    assert!(text.contains("derived P ≈ 0.048"), "{text}");
    assert!(inked(&page).await? > 30, "the responders chart looks blank");
    page.screenshot("endpoint-response_week").await?;
    page.select("#response-week", "w48").await?;
    let (fisher48, _) = stat(&page, "Low dose vs Placebo", "Fisher's exact P by Week 48").await?;
    assert_ne!(fisher48, fisher);

    // Safety: the published statements and what is not reported; no chart.
    choose_endpoint(&page, "safety", "Safety").await?;
    let safety = page.text("#safety").await?;
    assert!(safety.contains("safe and well tolerated") && safety.contains("Serious adverse events per arm"));
    // No chart, so its tables are the view's, not a chart's.
    assert_eq!(page.text("#chart-data summary").await?, "The view's data as tables");
    assert!(!page.wait_for("#main-chart").await?.is_displayed().await?);
    page.screenshot("endpoint-safety").await?;

    // Claims: every published result reproduced, numbers side by side.
    assert_eq!(count(&page, "#claims article.claim[data-outcome=reproduced]").await?, 5);
    assert!(page.text("#claims").await?.contains("P = 0.0041"));
    page.eval("document.querySelector('#claims').scrollIntoView();").await?;
    page.screenshot("claims").await?;

    let errors = page.errors().await?;
    assert!(errors.is_empty(), "the page reported errors: {errors:?}");
    page.close().await
}

#[tokio::test(flavor = "multi_thread")]
async fn turning_an_arm_off_removes_it_from_curve_tables_and_tests() -> WebDriverResult<()> {
    let page = open(1366, 900).await?;
    let blue = page.shapes_in(MAIN_DRAWING, LOW_BLUE).await?;
    assert!(blue > 5, "the low-dose curve is not drawn ({blue} blue shapes)");
    assert!(page.text_content("#chart-data").await?.contains("Low dose"));
    // The drawing's accessible name says each arm's value, and follows the toggle.
    let name = "return document.querySelector('#main-drawing').getAttribute('aria-label');";
    let spoken = page.eval(name).await?.as_str().unwrap_or_default().to_string();
    assert!(spoken.contains("Low dose: 95.8% (95% CI 71.6% to 99.4%) by week 96"), "{spoken}");

    page.click("#arm-low").await?;
    page.wait_for("#arm-low[aria-pressed=false]").await?;
    assert_eq!(page.shapes_in(MAIN_DRAWING, LOW_BLUE).await?, 0, "low-dose ink remains");
    let spoken = page.eval(name).await?.as_str().unwrap_or_default().to_string();
    assert!(spoken.contains("Placebo: 70.8%") && !spoken.contains("Low dose"), "{spoken}");
    assert!(!page.text_content("#chart-data").await?.contains("Low dose"));
    assert_eq!(count(&page, "#statistics li.stat[data-subject*=\"Low dose\"]").await?, 0);
    // The other arms stay.
    assert!(page.text_content("#chart-data").await?.contains("Placebo"));

    page.click("#arm-low").await?;
    page.wait_for("#arm-low[aria-pressed=true]").await?;
    assert_eq!(page.shapes_in(MAIN_DRAWING, LOW_BLUE).await?, blue);
    stat(&page, "Low dose vs Placebo", "Log-rank P").await?;
    page.close().await
}

#[tokio::test(flavor = "multi_thread")]
async fn reported_only_hides_every_reconstructed_value() -> WebDriverResult<()> {
    let page = open(1366, 900).await?;
    assert!(count(&page, ".badge-reconstructed").await? > 20);
    page.click("#reported-only").await?;
    // The notice it brings is said, once.
    let said = page.eval("return document.querySelector('#notices-said').textContent;").await?;
    assert!(
        said.as_str().is_some_and(|t| t.starts_with("Reported only: curves, the at-risk table")),
        "{said}"
    );
    for (id, title) in [
        ("response", "Immunological response"),
        ("cd4", "CD4+ T count"),
        ("cd8", "CD8+ T count"),
        ("cd4_cd8_ratio", "CD4/CD8 ratio"),
        ("response_week", "Response by week"),
        ("safety", "Safety"),
    ] {
        choose_endpoint(&page, id, title).await?;
        assert_eq!(count(&page, ".badge-reconstructed").await?, 0, "{id}: a reconstructed value is shown");
        assert_eq!(
            count(&page, "#statistics li.stat[data-value]").await?,
            0,
            "{id}: a computed test is shown"
        );
    }
    choose_endpoint(&page, "response", "Immunological response").await?;
    let stats = page.text("#statistics").await?;
    assert!(stats.contains("reported P = 0.004"), "{stats}");
    assert!(!page.exists("#chart-readout").await?, "a hint to point at curves that are not drawn");
    page.screenshot("reported-only").await?;
    page.click("#reported-only").await?;
    page.wait_for(".badge-reconstructed").await?;
    page.close().await
}

#[tokio::test(flavor = "multi_thread")]
async fn fits_a_projector_and_is_keyboard_operable() -> WebDriverResult<()> {
    let page = open(1024, 768).await?;
    let overflow = page.eval("return document.documentElement.scrollWidth - window.innerWidth;").await?;
    assert!(overflow.as_i64().unwrap() <= 0, "the page scrolls sideways at 1024 px ({overflow})");
    // Every control is at least 24 × 24 px (a checkbox with its label, which takes its clicks)
    // and has a label.
    let small = page
        .eval(
            "return [...document.querySelectorAll('.controls button, .controls select, .controls input')]
               .filter(e => { const r = (e.type === 'checkbox' ? e.closest('label') : e).getBoundingClientRect(); return r.width < 24 || r.height < 24; })
               .map(e => e.id);",
        )
        .await?;
    assert_eq!(small, serde_json::json!([]), "controls smaller than 24 px");
    let unlabelled = page
        .eval(
            "return [...document.querySelectorAll('.controls select, .controls input')]
               .filter(e => !e.closest('label')).map(e => e.id);",
        )
        .await?;
    assert_eq!(unlabelled, serde_json::json!([]));
    // Keyboard: focus the low-dose toggle and press Space.
    let toggle = page.wait_for("#arm-low").await?;
    toggle.focus().await?;
    toggle.send_keys(" ").await?;
    page.wait_for("#arm-low[aria-pressed=false]").await?;
    page.screenshot("projector-1024").await?;
    page.close().await
}

/// Phones held upright, 390, 360 and 320 px wide: on every endpoint's view nothing makes the page
/// scroll sideways (the claims' cards and tables included; wide data tables scroll in their
/// own box), and the chart is drawn for the phone, its type readable.
#[tokio::test(flavor = "multi_thread")]
async fn fits_a_phone_on_every_view() -> WebDriverResult<()> {
    for (width, height) in [(390, 844), (360, 740), (320, 568)] {
        let page = open(width, height).await?;
        for endpoint in ENDPOINTS {
            page.click(&format!("#endpoint-{endpoint}")).await?;
            page.wait_for(&format!("#endpoint-{endpoint}[aria-pressed=true]")).await?;
            let (wide, overflow) = page.wider_than_screen().await?;
            assert_eq!(wide, serde_json::json!([]), "{endpoint}: wider than a {width} px phone");
            assert!(overflow <= 0, "{endpoint} at {width} px: the page scrolls sideways ({overflow})");
            // The chart is drawn for the phone (360 px wide), so its smallest type, 12 px in
            // the drawing, reads at about 10 px on the screen rather than the desktop
            // drawing's 5 (at 320 px, in a column of about 290, 9.5 px).
            if endpoint != "safety" {
                let (drawn, px) = page.drawn_chart().await?.expect("a chart on every endpoint but safety");
                assert_eq!(drawn, 360.0, "{endpoint}: not drawn at the phone size");
                let least = if width < 360 { 9.4 } else { 9.5 };
                assert!(px >= least, "{endpoint} at {width} px: chart text shown at {px:.1} px");
            }
        }
        page.screenshot(&format!("phone-{width}")).await?;
        page.click("#endpoint-response").await?;
        page.wait_for("#endpoint-response[aria-pressed=true]").await?;
        page.eval("document.querySelector('#main-chart').scrollIntoView();").await?;
        page.screenshot(&format!("phone-{width}-chart")).await?;
        page.close().await?;
    }
    Ok(())
}

/// The claims' cards and the citations on a phone: each card's figures stay inside the card
/// (badges included), its column headings are not broken mid-word, and the view's link in
/// "How to cite" wraps instead of widening the page.
#[tokio::test(flavor = "multi_thread")]
async fn claims_and_citations_fit_a_phone() -> WebDriverResult<()> {
    let page = open(390, 844).await?;
    page.wait_for(".claim table").await?;
    let outside = page
        .eval(
            "return [...document.querySelectorAll('.claim')].flatMap(card => {
               const right = card.getBoundingClientRect().right;
               return [...card.querySelectorAll('table, .badge, td, th')]
                 .filter(e => e.getBoundingClientRect().right > right + 0.5)
                 .map(e => card.dataset.claim + ': ' + e.tagName + '.' + e.className + ' ' + e.textContent.slice(0, 30));
             });",
        )
        .await?;
    assert_eq!(outside, serde_json::json!([]), "past the right edge of their card");
    let broken = page
        .eval(
            "return [...document.querySelectorAll('.claim th[scope=col]')].filter(th => {
               const range = document.createRange(); range.selectNodeContents(th);
               return range.getClientRects().length > 1;
             }).map(th => th.textContent);",
        )
        .await?;
    assert_eq!(broken, serde_json::json!([]), "column headings over two lines");
    page.eval("document.querySelector('#claims').scrollIntoView();").await?;
    page.screenshot("phone-390-claims").await?;
    page.click("#citation summary").await?;
    page.wait_for("#citation[open] #citation-view-bibtex").await?;
    let (wide, overflow) = page.wider_than_screen().await?;
    assert_eq!(wide, serde_json::json!([]), "the citations are wider than a 390 px phone");
    assert!(overflow <= 0, "with the citations open the page scrolls sideways ({overflow})");
    page.close().await
}

/// A value's source shows at the foot of the screen while the value has the focus, since its
/// tooltip shows only to a mouse: tapped on a phone, and reached with Tab.
#[tokio::test(flavor = "multi_thread")]
async fn a_tapped_value_shows_where_it_comes_from() -> WebDriverResult<()> {
    let page = Session::open(390, 844, "").await?;
    let bar = "const bar = document.querySelector('#value-source');
               const box = bar.getBoundingClientRect();
               return [bar.textContent, box.height > 0 && Math.abs(box.bottom - window.innerHeight) < 1];";
    assert_eq!(page.eval(bar).await?, serde_json::json!(["", false]), "the bar is hidden at first");
    let value = "#statistics .value[tabindex]";
    page.click(value).await?;
    let title =
        page.eval(&format!("return document.querySelector('{value}').getAttribute('title');")).await?;
    assert!(title.as_str().is_some_and(|t| t.contains(" — Reconstructed")), "{title}");
    assert_eq!(page.eval(bar).await?, serde_json::json!([title, true]), "the tapped value's source");
    // The page moves so that the bar does not hide the value it explains.
    let clear = format!(
        "const done = arguments[arguments.length - 1];
         requestAnimationFrame(() => requestAnimationFrame(() => done(
           document.querySelector('{value}').getBoundingClientRect().bottom
             <= document.querySelector('#value-source').getBoundingClientRect().top)));"
    );
    assert_eq!(page.eval_async(&clear).await?, serde_json::json!(true), "the bar hides the value");
    page.screenshot("value-source-phone").await?;
    // A tap passes through the bar to what is under it.
    let through = "const bar = document.querySelector('#value-source').getBoundingClientRect();
                   const under = document.elementFromPoint(bar.left + bar.width / 2, bar.top + bar.height / 2);
                   return under !== null && under.id !== 'value-source';";
    assert_eq!(page.eval(through).await?, serde_json::json!(true), "the bar takes taps");
    // Escape puts it away, as it does a tooltip; the value keeps the focus.
    page.driver.action_chain().send_keys(thirtyfour::prelude::Key::Escape).perform().await?;
    assert_eq!(page.eval(bar).await?, serde_json::json!(["", false]), "Escape hides the bar");
    let kept =
        page.eval(&format!("return document.activeElement === document.querySelector('{value}');")).await?;
    assert_eq!(kept, serde_json::json!(true), "the value keeps the focus");
    // Tapped again, the value (which kept the focus, so gets no focus event) shows it again,
    // and so does Enter.
    page.click(value).await?;
    assert_eq!(page.eval(bar).await?, serde_json::json!([title, true]), "a second tap after Escape");
    page.driver.action_chain().send_keys(Key::Escape).perform().await?;
    page.driver.action_chain().send_keys(Key::Enter).perform().await?;
    assert_eq!(page.eval(bar).await?, serde_json::json!([title, true]), "Enter after Escape");
    page.eval("document.activeElement.blur(); return 0;").await?;
    assert_eq!(page.eval(bar).await?, serde_json::json!(["", false]), "hidden again without the focus");
    // The last value of the page, tapped, is scrolled above the bar: the page has room for it.
    page.click("#statistics .value[tabindex]:last-of-type").await?;
    let last = "const values = document.querySelectorAll('#statistics .value[tabindex]');
                const value = values[values.length - 1]; value.focus();
                const done = arguments[arguments.length - 1];
                requestAnimationFrame(() => requestAnimationFrame(() => done(
                  value.getBoundingClientRect().bottom <= document.querySelector('#value-source').getBoundingClientRect().top)));";
    assert_eq!(page.eval_async(last).await?, serde_json::json!(true), "the last value stays under the bar");
    page.close().await?;
    // In presentation too, where the statistics end the page.
    let page = Session::open(1280, 800, "?step=3&present=1").await?;
    page.wait_for("#statistics .value[tabindex]").await?;
    assert_eq!(page.eval_async(last).await?, serde_json::json!(true), "in presentation");
    page.close().await
}

/// A tablet or a phone on its side (600 px), and a window resized: the chart is drawn as wide
/// as its column allows, so its type is shown at about its own size (12 px and more) rather
/// than the desktop drawing's shrunk to 7–9 px; a wide window gets the desktop drawing again,
/// and a column narrowed without the window is followed too.
#[tokio::test(flavor = "multi_thread")]
async fn the_chart_is_drawn_to_fit_a_narrow_column_and_follows_a_resize() -> WebDriverResult<()> {
    let page = open(600, 800).await?;
    for endpoint in ENDPOINTS.into_iter().filter(|e| *e != "safety") {
        page.click(&format!("#endpoint-{endpoint}")).await?;
        page.wait_for(&format!("#endpoint-{endpoint}[aria-pressed=true]")).await?;
        let (width, smallest) = page.drawn_chart().await?.expect("a chart");
        assert_eq!(width, 520.0, "{endpoint}: drawn {width} px wide in a 532 px column");
        assert!(smallest >= 11.5, "{endpoint}: chart text shown at {smallest:.1} px");
    }
    page.click("#endpoint-response").await?;
    page.wait_for("#endpoint-response[aria-pressed=true]").await?;
    page.screenshot("tablet-600").await?;
    for (window, drawn) in [(1280, 800.0), (700, 600.0), (1280, 800.0)] {
        page.driver
            .cdp()
            .send_raw(
                "Emulation.setDeviceMetricsOverride",
                serde_json::json!({ "width": window, "height": 800, "deviceScaleFactor": 1, "mobile": false }),
            )
            .await?;
        drawn_width_becomes(&page, drawn, &format!("after resizing the window to {window} px")).await?;
    }
    // The column narrowed with the window unchanged (as a scrollbar or a panel beside it would).
    page.eval("document.querySelector('#main-drawing').style.maxWidth = '650px';").await?;
    drawn_width_becomes(&page, 640.0, "after the drawing's box narrowed to 650 px").await?;
    page.eval("document.querySelector('#main-drawing').style.maxWidth = '';").await?;
    drawn_width_becomes(&page, 800.0, "after the drawing's box widened again").await?;
    page.close().await
}

/// Waits up to two seconds for the chart to be drawn `drawn` px wide.
async fn drawn_width_becomes(page: &Page, drawn: f64, when: &str) -> WebDriverResult<()> {
    let mut width = 0.0;
    for _ in 0..100 {
        width = page.drawn_chart().await?.map_or(0.0, |(w, _)| w);
        if width == drawn {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    assert_eq!(width, drawn, "{when}");
    Ok(())
}

/// Toggle latency: the low-dose arm toggled 100 times; for each, the time from the click to
/// the end of the task in which the view was recomputed and the DOM and chart updated, and to
/// the next animation frame. Printed and written to `target/toggle-latency.txt`.
#[tokio::test(flavor = "multi_thread")]
async fn toggle_latency_is_measured() -> WebDriverResult<()> {
    const SCRIPT: &str = r#"
const done = arguments[arguments.length - 1];
(async () => {
  const button = document.querySelector('#arm-low');
  const afterTasks = () => new Promise(r => { const ch = new MessageChannel(); ch.port1.onmessage = () => r(); ch.port2.postMessage(0); });
  const frame = () => new Promise(r => requestAnimationFrame(() => r()));
  const updated = [], toFrame = [];
  for (let i = 0; i < 100; i++) {
    await frame();
    const before = button.getAttribute('aria-pressed');
    const t0 = performance.now();
    button.click();
    await afterTasks();
    const t1 = performance.now();
    await frame();
    const t2 = performance.now();
    if (button.getAttribute('aria-pressed') === before) throw new Error('toggle ' + i + ' did not change the view');
    updated.push(t1 - t0); toFrame.push(t2 - t0);
  }
  done({ updated, toFrame });
})().catch(e => done({ error: String(e) }));
"#;
    let page = open(1366, 900).await?;
    // `open` unfolded the tables; folded again, the page is as a reader first sees it.
    page.click("#chart-data summary").await?;
    page.driver.set_script_timeout(std::time::Duration::from_secs(120)).await?;
    let result = page.eval_async(SCRIPT).await?;
    assert!(result.get("error").is_none(), "{result}");
    let series = |key: &str| -> Vec<f64> {
        let mut v: Vec<f64> = result[key].as_array().unwrap().iter().map(|x| x.as_f64().unwrap()).collect();
        v.sort_by(f64::total_cmp);
        v
    };
    let (updated, to_frame) = (series("updated"), series("toFrame"));
    assert_eq!(updated.len(), 100);
    let pick = |v: &[f64], q: f64| v[((v.len() as f64 * q).ceil() as usize).saturating_sub(1)];
    let report = format!(
        "toggle latency over 100 low-dose toggles (Chromium {}): click -> view recomputed, DOM and chart updated: median {:.1} ms, p95 {:.1} ms; click -> next animation frame: median {:.1} ms, p95 {:.1} ms\n",
        page.eval("return navigator.userAgent.match(/Chrome\\/([0-9.]+)/)?.[1] || 'unknown';").await?.as_str().unwrap_or("?"),
        pick(&updated, 0.5),
        pick(&updated, 0.95),
        pick(&to_frame, 0.5),
        pick(&to_frame, 0.95),
    );
    print!("{report}");
    std::fs::write(repo_root().join("target").join("toggle-latency.txt"), &report)
        .expect("report can be written");
    page.close().await
}
