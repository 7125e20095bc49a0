//! Harness for the end-to-end tests: a static server for `dist/` on 127.0.0.1, chromedriver in
//! its own process group, and a Chromium session that records page errors from the first byte.

pub mod axe;
pub mod browser;
pub mod probe;
pub mod server;
pub mod session;

pub use browser::{Browser, Page};
pub use server::StaticServer;
pub use session::Session;

use std::path::PathBuf;

/// Every endpoint view's id, as the page's endpoint picker and links name them.
pub const ENDPOINTS: [&str; 6] = ["response", "cd4", "cd8", "cd4_cd8_ratio", "response_week", "safety"];

/// The repository root (this crate lives in `e2e/`).
pub fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).parent().expect("e2e has a parent").to_path_buf()
}

/// Where screenshots go for people to look at: `target/screenshots/` at the repository root.
pub fn screenshot_dir() -> PathBuf {
    let dir = repo_root().join("target").join("screenshots");
    std::fs::create_dir_all(&dir).expect("screenshot folder can be created");
    dir
}
