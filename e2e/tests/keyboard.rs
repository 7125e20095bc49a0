//! Keyboard only: Tab reaches every control on the page, each with a visible focus ring and
//! at least 24 × 24 px, and every kind of control is operated from the keyboard (Enter, Space, arrows, Esc) with the
//! view, the address and the page changing as a click would change them.

use serde_json::{json, Value};
use thirtyfour::common::keys::TypingData;
use thirtyfour::prelude::*;
use trial_explorer_e2e::{Page, Session};

/// Names an element the same way for the list of controls and for the focused element.
const KEY_OF: &str = "window.__keyOf = e => e.id || (e.tagName.toLowerCase() + ':' + (e.textContent || '').trim().slice(0, 40) + ' in #' + ((e.parentElement && e.parentElement.closest('[id]')) || {}).id);";

/// Every control a reader could operate right now: enabled, rendered, not folded away. Of a
/// radio group only the chosen radio is a Tab stop; the arrow keys move within the group.
const CONTROLS: &str = "return [...document.querySelectorAll('button, input, select, textarea, summary, a[href], [tabindex]:not([tabindex=\"-1\"])')]
  .filter(e => !e.disabled && e.getClientRects().length > 0)
  .filter(e => !(e.type === 'radio' && !e.checked && document.querySelector('input[type=radio][name=\"' + e.name + '\"]:checked')))
  .map(window.__keyOf);";

/// The focused element, and whether its focus is drawn: `:focus-visible` with an outline at
/// least 2 px wide in a colour other than the background.
const FOCUSED: &str = "const e = document.activeElement;
  if (!e || e === document.body) return { key: '', visible: false };
  const s = getComputedStyle(e);
  const visible = e.matches(':focus-visible') && s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2
    && s.outlineColor !== getComputedStyle(document.body).backgroundColor;
  return { key: window.__keyOf(e), visible };";

async fn press(page: &Page, key: impl Into<TypingData>) -> WebDriverResult<()> {
    page.driver.action_chain().send_keys(key).perform().await?;
    tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    Ok(())
}

async fn focused(page: &Page) -> WebDriverResult<(String, bool)> {
    let f = page.eval(FOCUSED).await?;
    Ok((f["key"].as_str().unwrap_or_default().to_string(), f["visible"].as_bool() == Some(true)))
}

/// Press Tab until the element matching `css` has the focus; fail if 250 presses never get
/// there. Each stop on the way must show its focus.
async fn tab_to(page: &Page, css: &str) -> WebDriverResult<()> {
    let here = format!("return !!document.activeElement && document.activeElement.matches({});", json!(css));
    for _ in 0..250 {
        if page.eval(&here).await?.as_bool() == Some(true) {
            let (key, visible) = focused(page).await?;
            assert!(visible, "{key} has the focus but does not show it");
            return Ok(());
        }
        press(page, Key::Tab).await?;
    }
    panic!("Tab never reached {css}");
}

/// The id of the focused element, once the page has drawn its next frame (the app moves the
/// focus in one).
async fn focused_id(page: &Page) -> WebDriverResult<String> {
    let script = "const done = arguments[arguments.length - 1]; \
                  requestAnimationFrame(() => requestAnimationFrame(() => done(document.activeElement?.id || '')));";
    Ok(page.eval_async(script).await?.as_str().unwrap_or_default().to_string())
}

async fn attr(page: &Page, css: &str, name: &str) -> WebDriverResult<Value> {
    page.eval(&format!(
        "const e = document.querySelector({}); return e ? e.getAttribute({}) : null;",
        json!(css),
        json!(name)
    ))
    .await
}

async fn open() -> WebDriverResult<Session> {
    let page = Session::open(1366, 900, "").await?;
    page.eval(&format!("{KEY_OF} return 0;")).await?;
    Ok(page)
}

#[tokio::test(flavor = "multi_thread")]
async fn tab_reaches_every_control_with_a_visible_focus() -> WebDriverResult<()> {
    let page = open().await?;
    // With the walkthrough open and the folds opened, so their controls are on the page too.
    for fold in ["#design-details", "#chart-data"] {
        page.eval(&format!("document.querySelector({}).open = true; return 0;", json!(fold))).await?;
    }
    page.click("#walkthrough-start").await?;
    page.eval("document.activeElement.blur(); return 0;").await?;
    let controls: Vec<String> = serde_json::from_value(page.eval(CONTROLS).await?).unwrap();
    assert!(controls.len() > 40, "the page has its controls: {controls:?}");
    // Every target is at least 24 × 24 CSS px: a checkbox or radio counts with its label,
    // which takes its clicks; values inside sentences and tables are inline and exempt.
    let small = page
        .eval(
            "return [...document.querySelectorAll('button, input, select, textarea, summary')]
               .filter(e => !e.disabled && e.getClientRects().length > 0)
               .filter(e => { const t = (e.type === 'checkbox' || e.type === 'radio') ? (e.closest('label') || e) : e;
                              const r = t.getBoundingClientRect(); return r.width < 24 || r.height < 24; })
               .map(e => window.__keyOf(e) + ' ' + Math.round(e.getBoundingClientRect().width) + 'x' + Math.round(e.getBoundingClientRect().height));",
        )
        .await?;
    assert_eq!(small, json!([]), "targets smaller than 24 x 24 px");

    let mut reached = Vec::new();
    let mut hidden_focus = Vec::new();
    for _ in 0..controls.len() + 20 {
        press(&page, Key::Tab).await?;
        let (key, visible) = focused(&page).await?;
        if key.is_empty() {
            continue;
        }
        if !visible {
            hidden_focus.push(key.clone());
        }
        reached.push(key);
    }
    let missed: Vec<&String> = controls.iter().filter(|c| !reached.contains(c)).collect();
    assert!(missed.is_empty(), "Tab never reaches {missed:?}");
    assert!(hidden_focus.is_empty(), "focus not visible on {hidden_focus:?}");
    let errors = page.errors().await?;
    assert!(errors.is_empty(), "the page reported errors: {errors:?}");
    page.close().await
}

#[tokio::test(flavor = "multi_thread")]
async fn every_kind_of_control_is_operated_from_the_keyboard() -> WebDriverResult<()> {
    let page = open().await?;

    // Endpoint buttons: Enter and Space.
    tab_to(&page, "#endpoint-cd4").await?;
    press(&page, Key::Enter).await?;
    assert!(page.text("#view-title").await?.contains("CD4"));
    // Visit chips and the change-from-baseline switch exist for CD4.
    tab_to(&page, "#visit-w48").await?;
    let before = attr(&page, "#visit-w48", "aria-pressed").await?;
    press(&page, " ").await?;
    assert_ne!(attr(&page, "#visit-w48", "aria-pressed").await?, before, "Space toggles a visit");
    tab_to(&page, "#change-from-baseline").await?;
    press(&page, " ").await?;
    assert!(page.search().await?.contains("change=1"), "Space ticks a checkbox: {}", page.search().await?);
    tab_to(&page, "#endpoint-response").await?;
    press(&page, " ").await?;
    assert!(page.text("#view-title").await?.to_lowercase().contains("response"));

    // Arm toggles.
    tab_to(&page, "#arm-low").await?;
    press(&page, Key::Enter).await?;
    assert_eq!(attr(&page, "#arm-low", "aria-pressed").await?, json!("false"));
    press(&page, " ").await?;
    assert_eq!(attr(&page, "#arm-low", "aria-pressed").await?, json!("true"));

    // Selects: arrow keys change the value.
    for (select, param) in [("#ci-level", "ci="), ("#horizon", "horizon=")] {
        tab_to(&page, select).await?;
        let was = page.search().await?;
        // Down picks the next option; at the last option, Up picks the one before.
        press(&page, Key::Down).await?;
        if page.search().await? == was {
            press(&page, Key::Up).await?;
        }
        let now = page.search().await?;
        assert!(now != was && now.contains(param), "{select}: {was} -> {now}");
    }

    // Switches.
    tab_to(&page, "#show-ensemble").await?;
    press(&page, " ").await?;
    assert!(page.search().await?.contains("range=1"), "{}", page.search().await?);
    press(&page, " ").await?;
    tab_to(&page, "#reported-only").await?;
    press(&page, " ").await?;
    assert!(page.search().await?.contains("reported=1"));
    press(&page, " ").await?;

    // The week slider under the chart: an arrow key goes to the curves' next step (from
    // where it starts, at week 0).
    tab_to(&page, "#readout-week").await?;
    press(&page, Key::Right).await?;
    assert!(
        page.text("#chart-readout").await?.starts_with("Week 12:"),
        "{}",
        page.text("#chart-readout").await?
    );
    press(&page, Key::Right).await?;
    assert!(
        page.text("#chart-readout").await?.starts_with("Week 24:"),
        "{}",
        page.text("#chart-readout").await?
    );

    // A fold: Enter opens it.
    tab_to(&page, "#chart-data summary").await?;
    press(&page, Key::Enter).await?;
    assert_eq!(page.eval("return document.querySelector('#chart-data').open;").await?, json!(true));

    // Theme.
    tab_to(&page, "#theme-dark").await?;
    press(&page, Key::Enter).await?;
    page.wait_for("html.theme-dark").await?;
    tab_to(&page, "#theme-light").await?;
    press(&page, " ").await?;
    page.wait_for("html.theme-light").await?;

    // The walkthrough: start, next, previous, close; the focus follows the reader's place
    // where the button pressed is replaced, and Escape closes it.
    tab_to(&page, "#walkthrough-start").await?;
    press(&page, Key::Enter).await?;
    assert_eq!(page.text("#walkthrough-title").await?, "The design");
    assert_eq!(focused_id(&page).await?, "walkthrough-next", "the focus moves into the walkthrough");
    tab_to(&page, "#walkthrough-next").await?;
    press(&page, Key::Enter).await?;
    press(&page, Key::Enter).await?;
    assert_eq!(page.text("#walkthrough-title").await?, "The response curves");
    // A screen reader hears the step's place, title and caption, not its buttons again.
    let said = page.eval("return document.querySelector('#walkthrough-said').textContent;").await?;
    assert!(
        said.as_str().is_some_and(
            |s| s.starts_with("Step 3 of 8: The response curves. Kaplan–Meier cumulative probability")
        ),
        "{said}"
    );
    assert_eq!(
        attr(&page, "#walkthrough", "aria-live").await?,
        Value::Null,
        "the step's panel, buttons and all, is live"
    );
    tab_to(&page, "#walkthrough-prev").await?;
    press(&page, Key::Enter).await?;
    assert_eq!(page.text("#walkthrough-title").await?, "Who was eligible");
    tab_to(&page, "#walkthrough-close").await?;
    press(&page, Key::Enter).await?;
    assert!(!page.exists("#walkthrough-title").await?);
    assert_eq!(focused_id(&page).await?, "walkthrough-start", "the focus returns to Start");
    press(&page, Key::Enter).await?;
    page.wait_for("#walkthrough-title").await?;
    press(&page, Key::Escape).await?;
    for _ in 0..50 {
        if !page.exists("#walkthrough-title").await? {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    assert!(!page.exists("#walkthrough-title").await?, "Escape closes the walkthrough");
    assert_eq!(focused_id(&page).await?, "walkthrough-start");

    // Presentation mode: in with Enter, out with Esc.
    tab_to(&page, "#present-toggle").await?;
    press(&page, Key::Enter).await?;
    assert_eq!(page.eval("return document.body.classList.contains('presenting');").await?, json!(true));
    assert_eq!(focused_id(&page).await?, "present-toggle", "the focus stays on the toggle");
    // Closing the walkthrough there: Start is hidden, so the focus goes to the presentation's
    // own button rather than to the page.
    press(&page, Key::Right).await?;
    page.wait_for("#walkthrough-title").await?;
    tab_to(&page, "#walkthrough-close").await?;
    press(&page, Key::Enter).await?;
    assert_eq!(focused_id(&page).await?, "present-toggle", "the focus after Close in presentation");
    press(&page, Key::Escape).await?;
    assert_eq!(page.eval("return document.body.classList.contains('presenting');").await?, json!(false));
    assert_eq!(focused_id(&page).await?, "present-toggle");

    // The simulation lab: a radio group moved with the arrows, a number typed, a select, and
    // Run with Enter.
    tab_to(&page, "#scenario-data").await?;
    press(&page, Key::Down).await?;
    assert_eq!(page.eval("return document.querySelector('#scenario-set').checked;").await?, json!(true));
    // Tab selects the text of the field it enters, so the digit typed replaces it.
    tab_to(&page, "#hazard-ratio").await?;
    press(&page, "3").await?;
    assert_eq!(page.eval("return document.querySelector('#hazard-ratio').value;").await?, json!("3"));
    tab_to(&page, "#sim-trials").await?;
    press(&page, Key::Up).await?;
    press(&page, Key::Up).await?;
    tab_to(&page, "#sim-run").await?;
    press(&page, Key::Enter).await?;
    let summary = page.text("#sim-summary").await?;
    assert!(summary.starts_with("1,000 trials in"), "the lab ran 1,000 trials: {summary}");
    // Run is disabled while the trials run; the focus comes back to it after.
    assert_eq!(focused_id(&page).await?, "sim-run", "the focus after a run");

    // The import format select.
    tab_to(&page, "#import-endpoint").await?;
    let was = page.eval("return document.querySelector('#import-endpoint').value;").await?;
    press(&page, Key::Down).await?;
    if page.eval("return document.querySelector('#import-endpoint').value;").await? == was {
        press(&page, Key::Up).await?;
    }
    let now = page.eval("return document.querySelector('#import-endpoint').value;").await?;
    assert_ne!(was, now, "arrow keys change the import format");

    let errors = page.errors().await?;
    assert!(errors.is_empty(), "the page reported errors: {errors:?}");
    page.screenshot("keyboard-focus").await?;
    page.close().await
}

/// The page's first stops are links past the controls and values to each part of the page,
/// shown when focused; one followed, the next Tab is inside the part it names.
#[tokio::test(flavor = "multi_thread")]
async fn skip_links_lead_past_the_values_to_each_part() -> WebDriverResult<()> {
    let page = open().await?;
    press(&page, Key::Tab).await?;
    let (key, visible) = focused(&page).await?;
    assert!(key.starts_with("a:Skip to the view's options"), "the first stop: {key}");
    assert!(visible, "the first skip link does not show its focus");
    let in_view = "const r = document.activeElement.getBoundingClientRect();
                   return r.top >= 0 && r.bottom <= innerHeight && r.width >= 24 && r.height >= 24;";
    assert_eq!(page.eval(in_view).await?, json!(true), "a focused skip link is on screen");
    page.screenshot("skip-link").await?;
    let unresolved = page
        .eval("return [...document.querySelectorAll('.skip-links a')].map(a => a.getAttribute('href')).filter(h => !document.querySelector(h));")
        .await?;
    assert_eq!(unresolved, json!([]), "skip links to nothing");
    for (text, part) in
        [("Skip to the published claims", "#claims"), ("Skip to the simulation lab", "#simulation")]
    {
        page.eval("document.activeElement.blur(); return 0;").await?;
        tab_to(&page, &format!("a[href=\"{part}\"]")).await?;
        assert!(focused(&page).await?.0.starts_with(&format!("a:{text}")));
        press(&page, Key::Enter).await?;
        // The part lands below the options, which stay at the top of a screen this high.
        let clear = format!(
            "return document.querySelector({}).getBoundingClientRect().top >= document.querySelector('.controls').getBoundingClientRect().bottom - 1;",
            json!(part)
        );
        assert_eq!(page.eval(&clear).await?, json!(true), "{text}: the part is under the sticky options");
        press(&page, Key::Tab).await?;
        let inside = page.eval(&format!("return !!document.activeElement.closest({});", json!(part))).await?;
        assert_eq!(inside, json!(true), "after {text}, Tab reaches {}", focused(&page).await?.0);
        // Out of sight again once passed.
        let hidden = format!(
            "return document.querySelector('a[href=\"{part}\"]').getBoundingClientRect().bottom <= 0;"
        );
        assert_eq!(page.eval(&hidden).await?, json!(true), "{text} stays on screen");
    }
    page.close().await
}
