//! The statistics engine: every estimate and test the app shows is computed here.
//!
//! Pure Rust, no web types. Conventions follow R's `survival` package and base `stats`
//! so that results can be checked against R to the last digits.

pub mod anova; // one-way ANOVA from raw data or group summaries
pub mod contingency; // chi-square and two-sample prop.test for a 2x2 table
pub mod dist; // distribution functions with R's names and accuracy
pub mod error;
pub mod fisher; // Fisher's exact test, conditional MLE odds ratio and its exact CI
pub mod interval; // confidence intervals and level validation
pub mod means; // group summaries, effect sizes, change from baseline
pub mod power; // smallest standardized effects a t-test can detect
pub mod proportions; // counts x/n, single-proportion intervals and tests
pub mod risk; // risk difference (Newcombe), risk ratio, odds ratio, NNT
pub mod ttest; // Welch, Student, one-sample and paired t-tests

pub use error::StatsError;
