//! The statistics engine: every estimate and test the app shows is computed here.
//!
//! Pure Rust, no web types. Conventions follow R's `survival` package and base `stats`
//! so that results can be checked against R to the last digits.

pub mod contingency; // chi-square and two-sample prop.test for a 2x2 table
pub mod dist; // distribution functions with R's names and accuracy
pub mod error; // typed errors shared by the engine
pub mod fisher; // Fisher's exact test, conditional MLE odds ratio and its exact CI
pub mod interval; // confidence intervals and level validation
pub mod proportions; // counts x/n, single-proportion intervals and tests
pub mod risk; // risk difference (Newcombe), risk ratio, odds ratio, NNT

pub use error::StatsError;
