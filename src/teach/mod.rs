//! Teaching: the guided walkthrough a lecturer clicks through. Each step sets the view and
//! captions it with facts from the bundle and numbers recomputed by the pure core; a test checks
//! that every number in a caption's prose is one FACTS.md states.

pub mod walkthrough;

pub use walkthrough::{caption, steps, view_after_walkthrough, Caption, Step};
