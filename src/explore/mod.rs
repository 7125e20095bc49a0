//! From the bundle and the reader's choices to what the screen shows.
//!
//! Everything here is pure: components and charts read the views built here and compute
//! nothing of their own, so every number on screen is tested natively.

pub mod overview;
pub mod shown;

pub use overview::{overview, ArmRow, Overview};
pub use shown::Shown;
