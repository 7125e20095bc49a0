// If the explorer cannot start, say so instead of "Loading…" forever.
//
// The app removes the loading header (#page-loading) as its first step. Until then, this script
// watches for what stops a start: a browser without WebAssembly, a file of the page that does
// not load (the capture phase sees a <link> or <script> failing), and the start-up promise
// failing (a download cut short, a damaged .wasm, a trap while starting). Once the header is
// gone the app reports its own errors (src/ui/panic.rs), so this script does nothing more.
//
// It is a separate file because the page's Content-Security-Policy allows no inline script
// other than Trunk's start-up module.
(function () {
  "use strict";

  // One sentence, whether or not the browser's message ends with a full stop, without the
  // "Uncaught Error:" the browser puts before an error no code caught.
  function sentence(text) {
    text = String(text).trim().replace(/^Uncaught\s+/, "").replace(/^[A-Za-z]*Error:\s*/, "");
    return /[.!?]$/.test(text) ? text : text + ".";
  }

  // The first reason found is shown; a reason that says more (`specific`) replaces one that
  // does not, since a failed import reports a bare error before or after its file's own.
  var shown = null;

  function fail(reason, specific) {
    var header = document.getElementById("page-loading");
    if (!header) return;
    var line = header.querySelector(".design");
    if (!line || shown === "specific" || (shown && !specific)) return;
    shown = specific ? "specific" : "general";
    line.setAttribute("role", "alert");
    line.textContent =
      "The explorer could not start: " + sentence(reason) +
      " It needs a browser with JavaScript and WebAssembly; reload the page to try again.";
  }

  function whenReady(callback) {
    if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", callback);
    } else {
      callback();
    }
  }

  if (typeof WebAssembly !== "object") {
    whenReady(function () {
      fail("this browser does not run WebAssembly");
    });
    return;
  }

  window.addEventListener(
    "error",
    function (event) {
      var target = event.target;
      if (target && target !== window && (target.src || target.href)) {
        var name = String(target.src || target.href).split("/").pop();
        whenReady(function () {
          fail("a file of the page (" + name + ") did not load", true);
        });
      } else {
        whenReady(function () {
          fail(event.message || "an error while starting", Boolean(event.message));
        });
      }
    },
    true
  );

  window.addEventListener("unhandledrejection", function (event) {
    var reason = event.reason;
    var text = reason && reason.message ? reason.message : String(reason);
    whenReady(function () {
      fail(text, true);
    });
  });
})();
