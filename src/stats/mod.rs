//! The statistics engine: every estimate and test the app shows is computed here.
//!
//! Pure Rust, no web types. Conventions follow R's `survival` package and base `stats`
//! so that results can be checked against R to the last digits (`tests/fixtures/`).
//!
//! # Where is it computed
//!
//! Each quantity the app shows, the function that computes it, and the R call it reproduces.
//! Survival inputs are parallel slices: `times` (finite, >= 0), `events` (true = event,
//! false = censored) and `groups` (labels `0..k`, group 0 the reference).
//!
//! ## Survival (time to response)
//!
//! | quantity | function | R |
//! |---|---|---|
//! | Kaplan–Meier survival S(t), one curve per arm | [`km::kaplan_meier_by_group`] | `survfit(Surv(t, e) ~ g)` |
//! | Kaplan–Meier survival, one pooled curve | [`km::kaplan_meier`] | `survfit(Surv(t, e) ~ 1)` |
//! | pointwise confidence band of S(t) (log, log-log, plain) | [`km::KaplanMeier::confidence_band`] | `lower`, `upper` of `survfit` |
//! | cumulative incidence 1 − S(t) and its band | [`km::KaplanMeier::cumulative_incidence`], [`km::KaplanMeier::cumulative_incidence_band`] | `1 - surv` |
//! | S at a chosen time | [`km::KaplanMeier::survival_at`] | `summary(fit, times = t)` |
//! | numbers at risk, cumulative events and censorings | [`km::KaplanMeier::risk_table`] | survminer's risk table |
//! | median survival and its limits | [`km::KaplanMeier::median`] | `print(fit)` |
//! | restricted mean survival time | [`km::KaplanMeier::restricted_mean`] | `print(fit, rmean = h)` |
//! | Greenwood SE, Nelson–Aalen cumulative hazard | [`km::KaplanMeier::std_err`], [`km::KaplanMeier::cumhaz`] | `std.err`, `cumhaz` |
//! | **log-rank test** (chi-square, p, observed and expected) | [`logrank::log_rank`] with `rho = 0.0` | `survdiff(Surv(t, e) ~ g)` |
//! | Peto–Peto (G-rho) test | [`logrank::log_rank`] with `rho = 1.0` | `survdiff(..., rho = 1)` |
//! | stratified log-rank test | [`logrank::log_rank_stratified`] | `survdiff(... + strata(s))` |
//! | pairwise log-rank tests, adjusted p | [`logrank::pairwise_log_rank`] | survminer's `pairwise_survdiff` |
//! | signed log-rank z of a two-arm test | [`logrank::LogRank::z`] | `(O - E) / sqrt(V)` |
//! | **hazard ratio** (Cox, Efron or Breslow ties) | [`cox::cox_ph`], then [`cox::CoxFit::hazard_ratio`] | `coxph(Surv(t, e) ~ g)` |
//! | hazard-ratio confidence limits | [`cox::CoxFit::hazard_ratio_ci`] | `summary(coxph)$conf.int` |
//! | Wald, score and likelihood-ratio tests of the Cox model | fields of [`cox::CoxFit`] | `summary(coxph)` |
//!
//! ## Two-by-two tables (responders by a visit)
//!
//! | quantity | function | R |
//! |---|---|---|
//! | **Fisher's exact test**, conditional MLE odds ratio and exact CI | [`fisher::fisher_exact`] | `fisher.test` |
//! | chi-square test (with or without Yates) | [`contingency::chisq_test`] | `chisq.test` |
//! | two-sample test of proportions, CI of the difference | [`contingency::prop_test_two_sample`] | `prop.test(x, n)` |
//! | risk difference with Newcombe (hybrid score) and Wald intervals | [`risk::risk_difference`] | Newcombe 1998, method 10 |
//! | risk ratio (Katz), sample odds ratio (Woolf) | [`risk::risk_ratio`], [`risk::odds_ratio`] | log-scale Wald intervals |
//! | number needed to treat | [`risk::number_needed`] | `1 / RD` (Altman) |
//!
//! ## One proportion
//!
//! | quantity | function | R |
//! |---|---|---|
//! | Wilson (score) interval | [`proportions::wilson_interval`] | `prop.test(x, n, correct = FALSE)$conf.int` |
//! | Clopper–Pearson interval | [`proportions::clopper_pearson_interval`] | `binom.test(x, n)$conf.int` |
//! | Wald interval | [`proportions::wald_interval`] | `p ± z sqrt(p(1 - p)/n)` |
//! | one-sample test of a proportion | [`proportions::prop_test_one_sample`] | `prop.test(x, n, p)` |
//! | exact binomial test | [`proportions::binom_test`] | `binom.test(x, n, p)` |
//!
//! ## Means (CD4 counts and other continuous endpoints)
//!
//! | quantity | function | R |
//! |---|---|---|
//! | group mean, SD, SE and CI of the mean | [`means::GroupSummary`], [`means::GroupSummary::mean_ci`] | `mean`, `sd`, `t.test(x)$conf.int` |
//! | Welch and Student two-sample t-tests | [`ttest::welch_t_test`], [`ttest::student_t_test`] (from summaries); [`ttest::welch_t_test_values`], [`ttest::student_t_test_values`] | `t.test(x, y)`, `var.equal = TRUE` |
//! | one-sample and paired t-tests | [`ttest::one_sample_t_test`], [`ttest::paired_t_test`], [`ttest::paired_t_test_from_summary`] | `t.test(x, mu = )`, `paired = TRUE` |
//! | change from baseline | [`means::change_from_baseline`] | — |
//! | pooled SD, Cohen's d, standardized change | [`means::pooled_sd`], [`means::cohen_d`], [`means::standardized_change`] | — |
//! | one-way ANOVA | [`anova::one_way_anova`], [`anova::one_way_anova_from_summaries`] | `oneway.test(var.equal = TRUE)` |
//! | smallest standardized effect a t-test declares significant | [`power::min_standardized_change`], [`power::min_standardized_difference`] | `qt(1 - α/2, df)` |
//!
//! ## Shared
//!
//! | quantity | function | R |
//! |---|---|---|
//! | multiple-comparison adjusted p-values (Holm, Bonferroni, BH) | [`adjust::p_adjust`] | `p.adjust` |
//! | normal, t, chi-square, F, beta, binomial, hypergeometric distributions | [`dist`] (`pnorm`, `qt`, `pchisq_upper`, …) | same names |
//! | confidence intervals | [`interval::Interval`] (alias [`limits::ConfidenceLimits`]) | — |
//! | errors: what is wrong and where | [`StatsError`] | — |
//!
//! Every public function has a runnable example in its documentation (`cargo test --doc`).
//! Speed is measured by `benches/survival.rs` and `tests/wasm_bench.rs` (`scripts/bench.sh`,
//! results in `BENCHMARKS.md`).

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
