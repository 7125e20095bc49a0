//! Leptos components: they read views from `explore` and draw with `chart`; they hold no
//! statistics of their own. Browser-only (wasm32).
//!
//! - [`app`]: loading and page layout; [`state`]: the selection signal and the view memo;
//! - [`overview`]: the header (trial at a glance); [`controls`]: the control bar;
//! - [`panels`]: chart, data tables, statistics, notices, safety and claims;
//! - [`provenance`]: how a value shows where it comes from; [`panic`]: the panic hook;
//! - [`permalink`]: the state in the URL, the link notices and "copy link";
//! - [`presentation`]: the lecture-hall mode and its keys;
//! - [`theme`]: light and dark pages, following the system until the reader picks;
//! - [`media`]: media queries as signals (the system's colour scheme, a phone's width);
//! - [`focus`]: the keyboard focus moved where a pressed button is replaced or disabled.

pub mod allocation_chart;
pub mod app;
pub mod clipboard;
pub mod controls;
pub mod focus;
pub mod media;
pub mod overview;
pub mod panels;
pub mod panic;
pub mod permalink;
pub mod presentation;
pub mod provenance;
pub mod state;
pub mod theme;

pub use app::App;

/// Install the panic hook, take away the title `index.html` shows while loading, and mount
/// the app on `<body>` in its place.
pub fn start() {
    panic::install_hook();
    if let Some(loading) = leptos::prelude::document().get_element_by_id("page-loading") {
        loading.remove();
    }
    leptos::mount::mount_to_body(App);
}
