//! The statistics engine: every estimate and test the app shows is computed here.
//!
//! Pure Rust, no web types. Conventions follow R's `survival` package and base `stats`
//! so that results can be checked against R to the last digits.

pub mod adjust;
pub mod cox;
pub mod dist;
pub mod error;
pub mod km;
pub mod limits;
pub mod logrank;
mod risk_set;
mod spd;

pub use error::StatsError;
