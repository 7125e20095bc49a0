//! Chromium driven through chromedriver. chromedriver runs in its own process group and the
//! whole group is killed on drop, so a failing test never leaves a browser behind.

use std::net::TcpListener;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{json, Value};
use thirtyfour::prelude::*;

/// Installed on every new document before the page's own scripts: records console errors,
/// uncaught exceptions, rejected promises and CSP violations where the test can read them.
const ERROR_RECORDER: &str = r#"
window.__pageErrors = [];
(function () {
  const record = (kind, text) => window.__pageErrors.push(kind + ": " + text);
  const consoleError = console.error.bind(console);
  console.error = (...args) => { record("console.error", args.map(String).join(" ")); consoleError(...args); };
  window.addEventListener("error", (e) => record("uncaught", e.message || String(e)));
  window.addEventListener("unhandledrejection", (e) => record("unhandled rejection", String(e.reason)));
  document.addEventListener("securitypolicyviolation", (e) => record("csp", e.violatedDirective + " " + e.blockedURI + " at " + e.sourceFile + ":" + e.lineNumber + " " + (e.target && e.target.outerHTML ? e.target.outerHTML.slice(0, 120) : "")));
})();
"#;

/// A running chromedriver.
pub struct Browser {
    child: Child,
    port: u16,
    profile: PathBuf,
}

impl Browser {
    /// Start chromedriver on a free local port and wait until it answers.
    pub fn start() -> Browser {
        let port = TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        let mut command = Command::new("/usr/bin/chromedriver");
        command.arg(format!("--port={port}")).stdout(Stdio::null()).stderr(Stdio::null());
        std::os::unix::process::CommandExt::process_group(&mut command, 0);
        let child = command
            .spawn()
            .expect("chromedriver starts (installed by scripts/setup.sh --browser as chromium-driver)");
        let deadline = Instant::now() + Duration::from_secs(20);
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(Instant::now() < deadline, "chromedriver did not listen on port {port} within 20 s");
            std::thread::sleep(Duration::from_millis(50));
        }
        let profile = crate::repo_root().join("target").join(format!("chromium-profile-{port}"));
        let _ = std::fs::remove_dir_all(&profile);
        Browser { child, port, profile }
    }

    /// Open a fresh headless Chromium window of the given size.
    pub async fn open(&self, width: u32, height: u32) -> WebDriverResult<Page> {
        let mut caps = DesiredCapabilities::chrome();
        caps.set_binary("/usr/bin/chromium")?;
        for arg in [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-quic",
            "--hide-scrollbars",
        ] {
            caps.add_arg(arg)?;
        }
        caps.add_arg(&format!("--user-data-dir={}", self.profile.display()))?;
        caps.add_arg(&format!("--window-size={width},{height}"))?;
        let driver = WebDriver::new(format!("http://127.0.0.1:{}", self.port), caps).await?;
        let devtools = driver.cdp();
        devtools
            .send_raw("Page.addScriptToEvaluateOnNewDocument", json!({ "source": ERROR_RECORDER }))
            .await?;
        devtools
            .send_raw(
                "Emulation.setDeviceMetricsOverride",
                json!({ "width": width, "height": height, "deviceScaleFactor": 1, "mobile": false }),
            )
            .await?;
        Ok(Page { driver })
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        // The negative id names the process group: chromedriver and every Chromium it started.
        let _ = Command::new("kill").args(["-s", "KILL", "--", &format!("-{}", self.child.id())]).status();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.profile);
    }
}

/// One browser window with helpers that wait instead of sleeping.
pub struct Page {
    pub driver: WebDriver,
}

impl Page {
    /// Navigate and wait until the app has mounted (the title is on the page), or has said
    /// why it could not (a load error, a panic, or the loading header's start failure).
    pub async fn load(&self, url: &str) -> WebDriverResult<()> {
        self.driver.goto(url).await?;
        self.wait_for("#trial-title, .load-error, #panic-message, #page-loading [role=alert]").await?;
        Ok(())
    }

    /// Wait up to 10 s for an element.
    pub async fn wait_for(&self, css: &str) -> WebDriverResult<WebElement> {
        self.driver.query(By::Css(css)).wait(Duration::from_secs(10), Duration::from_millis(20)).first().await
    }

    /// Text of the first element matching `css`.
    pub async fn text(&self, css: &str) -> WebDriverResult<String> {
        self.wait_for(css).await?.text().await
    }

    /// Whether any element matches `css` right now.
    pub async fn exists(&self, css: &str) -> WebDriverResult<bool> {
        Ok(!self.driver.find_all(By::Css(css)).await?.is_empty())
    }

    /// Click the first element matching `css`.
    pub async fn click(&self, css: &str) -> WebDriverResult<()> {
        self.wait_for(css).await?.click().await
    }

    /// Run a script and return its value.
    pub async fn eval(&self, script: &str) -> WebDriverResult<Value> {
        Ok(self.driver.execute(script, Vec::new()).await?.json().clone())
    }

    /// `textContent` of the first element matching `css`, hidden or not (e.g. inside a closed
    /// `<details>`), or "" when nothing matches.
    pub async fn text_content(&self, css: &str) -> WebDriverResult<String> {
        let script =
            format!("const e = document.querySelector({}); return e ? e.textContent : '';", json!(css));
        Ok(self.eval(&script).await?.as_str().unwrap_or_default().to_string())
    }

    /// `textContent` of the first element matching `css` once it contains `needle`, waiting up
    /// to two seconds for the page to redraw; the last text read when it never does, for the
    /// caller's assertion to show.
    pub async fn text_content_with(&self, css: &str, needle: &str) -> WebDriverResult<String> {
        let mut text = String::new();
        for _ in 0..100 {
            text = self.text_content(css).await?;
            if text.contains(needle) {
                break;
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        Ok(text)
    }

    /// Pick `value` in the `<select>` matching `css`, as a reader would, firing `change`.
    pub async fn select(&self, css: &str, value: &str) -> WebDriverResult<()> {
        self.wait_for(css).await?;
        let script = format!(
            "const s = document.querySelector({}); s.value = {}; s.dispatchEvent(new Event('change', {{ bubbles: true }}));",
            json!(css),
            json!(value)
        );
        self.eval(&script).await?;
        Ok(())
    }

    /// Shapes drawn in the SVG inside the element matching `css` whose stroke or fill is
    /// `hex` (e.g. "#0072B2"; any case), or all drawn shapes when `hex` is empty; -1 when
    /// there is no drawing.
    pub async fn shapes_in(&self, css: &str, hex: &str) -> WebDriverResult<i64> {
        let script = format!(
            "const svg = document.querySelector({} + ' svg'); if (!svg) return -1;
             const hex = {}.toLowerCase();
             return [...svg.querySelectorAll('polyline, path, line, rect, circle, polygon, text')]
               .filter(e => hex === '' || (e.getAttribute('stroke') || '').toLowerCase() === hex
                                       || (e.getAttribute('fill') || '').toLowerCase() === hex).length;",
            json!(css),
            json!(hex)
        );
        Ok(self.eval(&script).await?.as_i64().unwrap_or(-1))
    }

    /// The main chart as the page shows it: the drawing's width, and its smallest type in CSS
    /// pixels as shown; `None` without a chart.
    pub async fn drawn_chart(&self) -> WebDriverResult<Option<(f64, f64)>> {
        let drawn = self
            .eval(
                "const svg = document.querySelector('#main-drawing svg');
                 if (!svg) return null;
                 const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
                 const sizes = [...svg.querySelectorAll('text')].map(t => parseFloat(t.getAttribute('font-size')));
                 return [svg.viewBox.baseVal.width, Math.min(...sizes) * scale];",
            )
            .await?;
        Ok(drawn.as_array().map(|d| (d[0].as_f64().unwrap_or(0.0), d[1].as_f64().unwrap_or(0.0))))
    }

    /// Elements that reach past the right edge of the window (up to five, as
    /// `TAG#id.class`), outside the boxes that scroll on their own (`.table-scroll`), and how
    /// far the page scrolls sideways: a layout that fits has none and 0.
    pub async fn wider_than_screen(&self) -> WebDriverResult<(Value, i64)> {
        let wide = self
            .eval(
                "const width = document.documentElement.clientWidth;
                 return [...document.querySelectorAll('body *')]
                   .filter(e => !e.closest('.table-scroll'))
                   .filter(e => { const r = e.getBoundingClientRect(); return r.width > 0 && r.right > width + 1; })
                   .slice(0, 5).map(e => e.tagName + '#' + e.id + '.' + e.getAttribute('class'));",
            )
            .await?;
        let overflow = self.eval("return document.documentElement.scrollWidth - window.innerWidth;").await?;
        Ok((wide, overflow.as_i64().unwrap_or(1)))
    }

    /// Run an asynchronous script (its last argument is the callback) and return its value.
    pub async fn eval_async(&self, script: &str) -> WebDriverResult<Value> {
        Ok(self.driver.execute_async(script, Vec::new()).await?.json().clone())
    }

    /// The address bar's query once the app has written the latest state to it. The app
    /// writes it up to 200 ms after a change; a page timer set now for longer fires after the
    /// app's.
    pub async fn search(&self) -> WebDriverResult<String> {
        let script = "const done = arguments[arguments.length - 1]; \
                      setTimeout(() => done(location.search), 300);";
        Ok(self.eval_async(script).await?.as_str().unwrap_or_default().to_string())
    }

    /// Errors the page recorded since it loaded.
    pub async fn errors(&self) -> WebDriverResult<Vec<String>> {
        let value = self.eval("return window.__pageErrors || [];").await?;
        Ok(value
            .as_array()
            .map(|a| a.iter().map(|v| v.as_str().unwrap_or_default().to_string()).collect())
            .unwrap_or_default())
    }

    /// Save a PNG of the viewport under `target/screenshots/NAME.png` and return its path.
    pub async fn screenshot(&self, name: &str) -> WebDriverResult<PathBuf> {
        let png = self.driver.screenshot_as_png().await?;
        let path = crate::screenshot_dir().join(format!("{name}.png"));
        std::fs::write(&path, png).expect("screenshot can be written");
        Ok(path)
    }

    /// Close the window.
    pub async fn close(self) -> WebDriverResult<()> {
        self.driver.quit().await
    }
}
