//! The NCT01213186 results explorer.
//!
//! Data flows one way: the embedded bundle ([`trial`]) is validated once, the pure core
//! ([`stats`], [`reconstruct`], [`claims`], [`explore`], [`chart`]) turns it and the reader's
//! choices into numbers and drawings, and only the browser layer (`ui`, wasm32 only) touches
//! the page. Everything outside `ui` compiles and is tested on the host with plain `cargo test`.

pub mod chart; // drawing functions, through plotters onto the charts' own SVG backend
pub mod claims; // each published result re-checked against the loaded patient data
pub mod explore; // views built from the bundle and the reader's choices
pub mod reconstruct; // pseudo-patient data satisfying every published constraint, from a seed
pub mod share; // the page state as a URL query, read back safely from any link
pub mod simulate; // the simulation lab: replaying the trial under an assumed effect
pub mod stats; // the statistics engine
pub mod teach; // the guided walkthrough: steps that set the view, captions from facts and recomputed numbers
pub mod trial; // the bundle: schema, provenance, validation, import
#[cfg(target_arch = "wasm32")]
pub mod ui;
