//! No network at run time: during a session that operates every control on the page, the
//! browser requests nothing beyond the page's own origin, and the server sees only the files
//! of the build.

use trial_explorer_e2e::{repo_root, Session};

/// Operate every button, checkbox and select of the page once, in document order.
const OPERATE_EVERY_CONTROL: &str = r#"
let operated = 0;
for (const el of Array.from(document.querySelectorAll('button, input[type=checkbox], input[type=radio], select'))) {
  if (el.disabled || el.closest('[hidden]')) continue;
  if (el.tagName === 'SELECT') {
    for (let i = 0; i < el.options.length; i++) { el.selectedIndex = i; el.dispatchEvent(new Event('change', { bubbles: true })); }
  } else {
    el.click();
  }
  operated++;
}
return operated;
"#;

const RESOURCES: &str =
    "return performance.getEntriesByType('resource').map((e) => e.name).concat([location.href]);";

#[tokio::test(flavor = "multi_thread")]
async fn a_full_session_requests_nothing_beyond_the_page_origin() -> thirtyfour::prelude::WebDriverResult<()>
{
    let page = Session::open(1280, 1000, "").await?;
    for _ in 0..2 {
        let operated = page.eval(OPERATE_EVERY_CONTROL).await?.as_i64().unwrap_or(0);
        assert!(operated >= 1, "no control was operated");
        tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    }
    let urls = page.eval(RESOURCES).await?;
    let urls: Vec<String> =
        urls.as_array().unwrap().iter().filter_map(|u| u.as_str()).map(String::from).collect();
    let origin = page.server.origin();
    let foreign: Vec<&String> = urls
        .iter()
        .filter(|u| {
            !(u.starts_with(&format!("{origin}/")) || u.starts_with("blob:") || u.starts_with("data:"))
        })
        .collect();
    assert!(foreign.is_empty(), "requests beyond {origin}: {foreign:?}");
    for path in page.server.requests() {
        let file = path.trim_start_matches('/').split(['?', '#']).next().unwrap_or_default().to_string();
        let served = file.is_empty() || repo_root().join("dist").join(&file).is_file();
        assert!(served, "the page asked for {path}, which is not part of the build");
    }
    assert!(!page.exists("#panic-message").await?);
    let errors = page.errors().await?;
    assert!(errors.is_empty(), "the page reported errors: {errors:?}");
    page.close().await
}
