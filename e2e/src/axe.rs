//! Accessibility checks with axe-core, injected into the page under test. axe-core comes from
//! the npm registry into `.tools/` (scripts/setup.sh --browser); nothing is fetched at run time.

use serde_json::Value;
use thirtyfour::prelude::*;

use crate::browser::Page;

/// One rule axe found broken, with a few of the elements that break it.
#[derive(Debug, Clone, PartialEq)]
pub struct Violation {
    pub id: String,
    pub impact: String,
    pub help: String,
    pub nodes: Vec<String>,
}

const RUN_AXE: &str = r#"
const done = arguments[arguments.length - 1];
axe.run(document, { resultTypes: ["violations"] })
  .then((r) => done(r.violations.map((v) => ({
    id: v.id, impact: v.impact || "", help: v.help,
    nodes: v.nodes.slice(0, 3).map((n) => n.target.join(" ")),
  }))))
  .catch((e) => done([{ id: "axe-error", impact: "critical", help: String(e), nodes: [] }]));
"#;

/// Run axe on the page as it is now and return every violation.
pub async fn violations(page: &Page) -> WebDriverResult<Vec<Violation>> {
    let path = crate::repo_root().join(".tools/node_modules/axe-core/axe.min.js");
    let source = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{} unreadable ({e}); run scripts/setup.sh --browser", path.display()));
    page.driver.execute(&format!("{source}\nreturn true;"), Vec::new()).await?;
    let found = page.driver.execute_async(RUN_AXE, Vec::new()).await?.json().clone();
    Ok(found.as_array().map(|list| list.iter().map(violation).collect()).unwrap_or_default())
}

/// Only the violations that block people: axe's "serious" and "critical".
pub async fn serious_violations(page: &Page) -> WebDriverResult<Vec<Violation>> {
    Ok(violations(page)
        .await?
        .into_iter()
        .filter(|v| v.impact == "serious" || v.impact == "critical")
        .collect())
}

fn violation(v: &Value) -> Violation {
    let text = |key: &str| v.get(key).and_then(Value::as_str).unwrap_or_default().to_string();
    Violation {
        id: text("id"),
        impact: text("impact"),
        help: text("help"),
        nodes: v
            .get("nodes")
            .and_then(Value::as_array)
            .map(|n| n.iter().filter_map(Value::as_str).map(String::from).collect())
            .unwrap_or_default(),
    }
}
