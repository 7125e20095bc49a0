//! One test's page on the release build: the static server for `dist/`, chromedriver and a
//! Chromium window, started together and stopped together.

use std::ops::Deref;
use std::path::Path;

use thirtyfour::prelude::WebDriverResult;

use crate::{repo_root, Browser, Page, StaticServer};

/// A window on the release build. Derefs to its [`Page`]; the fields drop in order, the page
/// before the browser before the server.
pub struct Session {
    pub page: Page,
    pub browser: Browser,
    pub server: StaticServer,
}

impl Session {
    /// A `width` × `height` window on a fresh server for `dist/`, not yet navigated (a test
    /// may set things up before the page loads).
    pub async fn start(width: u32, height: u32) -> WebDriverResult<Session> {
        Session::serve(&repo_root().join("dist"), width, height).await
    }

    /// [`Session::start`] on another folder than `dist/`, such as a copy a test has damaged.
    pub async fn serve(root: &Path, width: u32, height: u32) -> WebDriverResult<Session> {
        let server = StaticServer::start(root);
        let browser = Browser::start();
        let page = browser.open(width, height).await?;
        Ok(Session { page, browser, server })
    }

    /// [`Session::start`], then the app at `query` ("" for the default view, or a link's
    /// query such as "?endpoint=cd4").
    pub async fn open(width: u32, height: u32, query: &str) -> WebDriverResult<Session> {
        let session = Session::start(width, height).await?;
        session.page.load(&session.url(query)).await?;
        Ok(session)
    }

    /// The app's address with `query`.
    pub fn url(&self, query: &str) -> String {
        format!("{}/{query}", self.server.origin())
    }

    /// Close the window.
    pub async fn close(self) -> WebDriverResult<()> {
        self.page.close().await
    }
}

impl Deref for Session {
    type Target = Page;

    fn deref(&self) -> &Page {
        &self.page
    }
}
