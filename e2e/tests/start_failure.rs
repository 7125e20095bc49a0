//! A page whose app cannot start says so and why, in place of "Loading…": the release build is
//! copied, one file is taken away or damaged, and the copy is served. A page whose app stops
//! after the start (a trap: the release build aborts on a panic) says that too.

use std::path::{Path, PathBuf};

use serde_json::json;
use trial_explorer_e2e::{repo_root, Session};

/// A fresh copy of `dist/` under `target/`, named for the case.
fn copy_of_dist(case: &str) -> PathBuf {
    let from = repo_root().join("dist");
    let to = repo_root().join("target").join("start-failure").join(case);
    let _ = std::fs::remove_dir_all(&to);
    std::fs::create_dir_all(&to).expect("the copy's folder can be created");
    for entry in std::fs::read_dir(&from).expect("dist/ is built").flatten() {
        if entry.path().is_file() {
            std::fs::copy(entry.path(), to.join(entry.file_name())).expect("a file of dist/ copies");
        }
    }
    to
}

/// The one file in `dir` whose name ends with `suffix`.
fn file_ending(dir: &Path, suffix: &str) -> PathBuf {
    let found: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("the copy is readable")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.to_string_lossy().ends_with(suffix))
        .collect();
    assert_eq!(found.len(), 1, "expected one file ending {suffix} in {}: {found:?}", dir.display());
    found[0].clone()
}

/// Load the copy at `root` and return the loading header's message once it is an alert.
/// `before` runs in the page before any of its own scripts ("" for nothing).
async fn message_on(
    root: &Path,
    before: &str,
    screenshot: &str,
) -> thirtyfour::prelude::WebDriverResult<String> {
    let page = Session::serve(root, 1000, 700).await?;
    if !before.is_empty() {
        page.driver
            .cdp()
            .send_raw("Page.addScriptToEvaluateOnNewDocument", json!({ "source": before }))
            .await?;
    }
    page.load(&page.url("")).await?;
    page.wait_for("#page-loading .design[role=alert]").await?;
    let message = page.text("#page-loading .design").await?;
    assert!(!page.exists("#trial-title").await?, "the app must not have started");
    page.screenshot(screenshot).await?;
    page.close().await?;
    Ok(message)
}

fn assert_says_why(message: &str, why: &str) {
    assert!(message.starts_with("The explorer could not start: "), "{message}");
    assert!(message.contains(why), "the message does not say {why:?}: {message}");
    assert!(message.ends_with(". Reload the page to try again."), "{message}");
    assert!(!message.contains(".."), "{message}");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_missing_webassembly_file_is_named_with_the_servers_answer(
) -> thirtyfour::prelude::WebDriverResult<()> {
    let root = copy_of_dist("missing-wasm");
    let wasm = file_ending(&root, "_bg.wasm");
    std::fs::remove_file(&wasm).expect("the .wasm can be removed");
    let name = wasm.file_name().unwrap().to_string_lossy().into_owned();
    let message = message_on(&root, "", "start-failure-missing-wasm").await?;
    // wasm-bindgen's loader names the file and the server's answer.
    assert_says_why(&message, "failed to fetch Wasm: 404 Not Found fetching '");
    assert!(message.contains(&format!("/{name}'.")), "{message}");
    assert!(!message.contains("Uncaught") && !message.contains("Error:"), "{message}");
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn a_damaged_webassembly_file_gives_the_browsers_reason() -> thirtyfour::prelude::WebDriverResult<()> {
    let root = copy_of_dist("damaged-wasm");
    let wasm = file_ending(&root, "_bg.wasm");
    std::fs::write(&wasm, b"<!doctype html><p>not a WebAssembly module</p>")
        .expect("the .wasm can be overwritten");
    let message = message_on(&root, "", "start-failure-damaged-wasm").await?;
    println!("damaged .wasm: {message}");
    // Chromium's compile error names the module's missing magic number.
    assert_says_why(&message, "magic word");
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn a_missing_script_is_named() -> thirtyfour::prelude::WebDriverResult<()> {
    let root = copy_of_dist("missing-js");
    let js = std::fs::read_dir(&root)
        .expect("the copy is readable")
        .flatten()
        .map(|e| e.path())
        .find(|p| {
            let name = p.file_name().unwrap().to_string_lossy();
            name.starts_with("trial-explorer-") && name.ends_with(".js")
        })
        .expect("the app's JavaScript is in dist/");
    std::fs::remove_file(&js).expect("the .js can be removed");
    let name = js.file_name().unwrap().to_string_lossy().into_owned();
    let message = message_on(&root, "", "start-failure-missing-js").await?;
    assert_says_why(&message, &format!("({name}) did not load."));
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn a_browser_without_webassembly_is_told_so() -> thirtyfour::prelude::WebDriverResult<()> {
    let root = repo_root().join("dist");
    let message = message_on(&root, "delete window.WebAssembly;", "start-failure-no-webassembly").await?;
    assert_eq!(
        message,
        "The explorer could not start: this browser does not run WebAssembly. It needs a browser with \
         JavaScript and WebAssembly turned on."
    );
    Ok(())
}

/// The stylesheet is not needed to start: without it the app starts, unstyled, and no alert
/// was raised on the way.
#[tokio::test(flavor = "multi_thread")]
async fn a_missing_stylesheet_does_not_stop_the_start() -> thirtyfour::prelude::WebDriverResult<()> {
    let root = copy_of_dist("missing-stylesheet");
    std::fs::remove_file(file_ending(&root, ".css")).expect("the stylesheet can be removed");
    let page = Session::serve(&root, 1000, 700).await?;
    page.driver
        .cdp()
        .send_raw(
            "Page.addScriptToEvaluateOnNewDocument",
            json!({ "source": "new MutationObserver((changes) => { for (const c of changes) if (c.target.getAttribute && c.target.getAttribute('role') === 'alert') window.__startAlert = true; }).observe(document, { subtree: true, attributes: true, attributeFilter: ['role'] });" }),
        )
        .await?;
    page.load(&page.url("")).await?;
    assert!(page.exists("#trial-title").await?, "the app started");
    assert_eq!(page.eval("return window.__startAlert === true;").await?, json!(false), "an alert was raised");
    page.close().await
}

/// A real WebAssembly trap, uncaught, in a timer: a module whose one function is `unreachable`.
const TRAP_SOON: &str =
    "const bytes = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 4, 1, 96, 0, 0, 3, 2, 1, 0, \
     7, 5, 1, 1, 102, 0, 0, 10, 5, 1, 3, 0, 0, 11]); \
     setTimeout(new WebAssembly.Instance(new WebAssembly.Module(bytes)).exports.f, 0); return true;";

/// The release build aborts on a panic without running the app's hook, so a trap after the
/// start must still put the alert at the top of the page ([`TRAP_SOON`]); an ordinary script
/// error raises no alert.
#[tokio::test(flavor = "multi_thread")]
async fn a_trap_after_the_start_is_reported() -> thirtyfour::prelude::WebDriverResult<()> {
    let page = Session::open(1000, 700, "").await?;
    page.eval("setTimeout(() => { throw new Error('not from the app'); }, 0); return true;").await?;
    let after = page.eval_async("const done = arguments[arguments.length - 1]; setTimeout(done, 100);");
    after.await?;
    assert!(!page.exists("#panic-message").await?, "a script error is not a trap");
    page.eval(TRAP_SOON).await?;
    page.wait_for("#panic-message[role=alert]").await?;
    assert_eq!(
        page.text("#panic-message").await?,
        "The explorer stopped because of an internal error; reload the page to start again. Details: unreachable."
    );
    assert_eq!(page.eval("return document.body.firstElementChild.id;").await?, json!("panic-message"));
    page.eval("Promise.reject(new WebAssembly.RuntimeError('again')); return true;").await?;
    let after = page.eval_async("const done = arguments[arguments.length - 1]; setTimeout(done, 100);");
    after.await?;
    assert_eq!(page.eval("return document.querySelectorAll('#panic-message').length;").await?, json!(1));
    page.screenshot("trap-after-start").await?;
    page.close().await
}

/// A trap after the app has taken the loading header away but before the start is announced
/// (a panic in the first render) gets the same alert: the start's event is held back here, so
/// the page is in that state when the trap comes.
#[tokio::test(flavor = "multi_thread")]
async fn a_trap_in_the_first_render_is_reported() -> thirtyfour::prelude::WebDriverResult<()> {
    let root = repo_root().join("dist");
    let page = Session::serve(&root, 1000, 700).await?;
    page.driver
        .cdp()
        .send_raw(
            "Page.addScriptToEvaluateOnNewDocument",
            json!({ "source": "window.addEventListener('TrunkApplicationStarted', e => e.stopImmediatePropagation(), true);" }),
        )
        .await?;
    page.load(&page.url("")).await?;
    assert!(!page.exists("#page-loading").await?, "the app took the loading header away");
    page.eval(TRAP_SOON).await?;
    page.wait_for("#panic-message[role=alert]").await?;
    assert!(page
        .text("#panic-message")
        .await?
        .starts_with("The explorer stopped because of an internal error"));
    page.close().await
}
