//! The NCT01213186 results explorer.
//!
//! Data flows one way: the embedded bundle ([`trial`]) is validated once, the pure core
//! ([`stats`], [`explore`], [`chart`]) turns it and the reader's choices into numbers and
//! drawings, and only the browser layer (`ui`, wasm32 only) touches the page. Everything
//! outside `ui` compiles and is tested on the host with plain `cargo test`.

pub mod chart;
pub mod claims;
pub mod explore;
pub mod reconstruct;
pub mod stats;
pub mod trial;
#[cfg(target_arch = "wasm32")]
pub mod ui;
