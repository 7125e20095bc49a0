//! The statistics engine: every estimate and test the app shows is computed here.
//!
//! Pure Rust, no web types. Conventions follow R's `survival` package and base `stats`
//! so that results can be checked against R to the last digits.

pub mod dist;
pub mod error;

pub use error::StatsError;
