// If the explorer cannot start, say so instead of "Loading…" forever.
//
// Until the app starts (Trunk's "TrunkApplicationStarted" event; the app has by then removed
// the loading header, #page-loading), this script watches for what stops a start: a browser
// without WebAssembly, the app's script or .wasm not loading, and the start-up failing (a
// download cut short, a damaged .wasm, a trap while starting). The reason is put in the
// header. Once the app has taken the header away, a trap (in the release build a Rust panic
// stops the WebAssembly at once, without the app's panic hook, src/ui/panic.rs) puts the hook's
// alert at the top of the page, so a page that has stopped answering says so.
//
// It is a separate file because the page's Content-Security-Policy allows no inline script
// other than Trunk's start-up module.
(function () {
  "use strict";

  // How much a reason says, so that the most telling one is shown whatever order they arrive
  // in: a bare error (a failed import reports one) < a file that did not load < the
  // browser's or loader's own message.
  var BARE = 1, FILE = 2, MESSAGE = 3;
  var shown = 0;

  // One sentence, whether or not the browser's message ends with a full stop, without the
  // "Uncaught Error:" the browser puts before an error no code caught.
  function sentence(text) {
    text = String(text).trim().replace(/^Uncaught\s+/, "").replace(/^[A-Za-z]*Error:\s*/, "");
    return /[.!?]$/.test(text) ? text : text + ".";
  }

  function fail(reason, weight, advice) {
    var header = document.getElementById("page-loading");
    var line = header && header.querySelector(".design");
    if (!line || weight <= shown) return;
    shown = weight;
    line.setAttribute("role", "alert");
    line.textContent = "The explorer could not start: " + sentence(reason) + " " + advice;
  }

  function whenReady(callback) {
    if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", callback);
    } else {
      callback();
    }
  }

  var RELOAD = "Reload the page to try again.";

  if (typeof WebAssembly !== "object") {
    whenReady(function () {
      fail("this browser does not run WebAssembly", MESSAGE,
        "It needs a browser with JavaScript and WebAssembly turned on.");
    });
    return;
  }

  // Only the files the start needs: scripts, the module preload and the .wasm preload. A
  // missing icon or stylesheet does not stop the app.
  function neededForStart(element) {
    if (element.tagName === "SCRIPT") return true;
    if (element.tagName !== "LINK") return false;
    var rel = element.getAttribute("rel");
    return rel === "modulepreload" || (rel === "preload" && /\.wasm$/.test(element.getAttribute("href") || ""));
  }

  function onError(event) {
    var target = event.target;
    if (target && target !== window && target.tagName) {
      if (!neededForStart(target)) return;
      var url = target.src || target.href;
      // Trunk's inline start-up module has no address of its own: it fails when a file it
      // imports does, and that file's preload names it.
      var reason = url
        ? "a file of the page (" + String(url).split("/").pop() + ") did not load"
        : "a script of the page did not load";
      whenReady(function () {
        fail(reason, url ? FILE : BARE, RELOAD);
      });
    } else {
      whenReady(function () {
        fail(event.message || "an error while starting", event.message ? MESSAGE : BARE, RELOAD);
      });
    }
  }

  function onRejection(event) {
    var reason = event.reason;
    var text = reason && reason.message ? reason.message : String(reason);
    whenReady(function () {
      fail(text, MESSAGE, RELOAD);
    });
  }

  // The alert src/ui/panic.rs shows (same id and words), unless the hook has shown it already.
  // Listening from the start: the app takes the loading header away before its first render,
  // so a trap in that render has no header to report in. While the header is there, the
  // start's own message (onError) says why.
  function onTrap(event) {
    var error = event.type === "unhandledrejection" ? event.reason : event.error;
    if (!(error instanceof WebAssembly.RuntimeError) || document.getElementById("panic-message") ||
        document.getElementById("page-loading") || !document.body) return;
    var alert = document.createElement("div");
    alert.id = "panic-message";
    alert.setAttribute("role", "alert");
    alert.textContent = "The explorer stopped because of an internal error; reload the page to start again. " +
      "Details: " + sentence(error.message);
    document.body.prepend(alert);
  }

  function stopWatching() {
    window.removeEventListener("error", onError, true);
    window.removeEventListener("unhandledrejection", onRejection);
    window.removeEventListener("TrunkApplicationStarted", stopWatching);
  }

  // The capture phase also sees a <script> or <link> failing, which does not bubble.
  window.addEventListener("error", onError, true);
  window.addEventListener("unhandledrejection", onRejection);
  window.addEventListener("TrunkApplicationStarted", stopWatching);
  window.addEventListener("error", onTrap);
  window.addEventListener("unhandledrejection", onTrap);
})();
