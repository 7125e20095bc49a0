//! The statistics engine: every estimate and test the app shows is computed here.
//!
//! Pure Rust, no web types. Conventions follow R's `survival` package and base `stats`
//! so that results can be checked against R to the last digits.

pub mod adjust; // p-value adjustment for multiple comparisons (Holm, Bonferroni, BH)
pub mod anova; // one-way ANOVA from raw data or group summaries
pub mod contingency; // chi-square and two-sample prop.test for a 2x2 table
pub mod cox; // Cox proportional hazards for a group factor (Efron, Breslow)
pub mod dist; // distribution functions with R's names and accuracy
pub mod error; // typed errors: what is wrong and where
pub mod fisher; // Fisher's exact test, conditional MLE odds ratio and its exact CI
pub mod interval; // confidence intervals and level validation
pub mod km; // Kaplan-Meier survival, CIs, risk table, median, restricted mean
pub mod limits; // lower/upper confidence limits shared by the survival methods
pub mod logrank; // log-rank / G-rho tests, stratified and pairwise
pub mod means; // group summaries, effect sizes, change from baseline
pub mod power; // smallest standardized effects a t-test can detect
pub mod proportions; // counts x/n, single-proportion intervals and tests
pub mod risk; // risk difference (Newcombe), risk ratio, odds ratio, NNT
mod risk_set; // validated, sorted event table shared by KM, log-rank and Cox
mod spd; // Cholesky solve for the small symmetric systems of the Cox fit
pub mod ttest; // Welch, Student, one-sample and paired t-tests

pub use error::StatsError;
