//! Leptos components: they read views from `explore` and draw with `chart`; they hold no
//! statistics of their own. Browser-only (wasm32).

pub mod allocation_chart;
pub mod app;
pub mod overview;
pub mod panic;
pub mod provenance;

pub use app::App;

/// Install the panic hook and mount the app on `<body>`.
pub fn start() {
    panic::install_hook();
    leptos::mount::mount_to_body(App);
}
