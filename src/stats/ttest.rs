//! t-tests for means: Welch and Student two-sample tests, one-sample and paired tests, from
//! summary statistics or raw data, in the arithmetic of R's `t.test`.

use super::dist;
use super::interval::{check_level, Interval};
use super::means::{check_values, GroupSummary};
use super::StatsError;

/// Result of a t-test.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TTest {
    /// Mean difference (two-sample: `mean1 - mean2`; paired: mean of `x - y`;
    /// one-sample: `mean - mu`).
    pub estimate: f64,
    /// Standard error of the estimate.
    pub se: f64,
    /// `estimate / se`.
    pub t: f64,
    /// Degrees of freedom (non-integer for Welch).
    pub df: f64,
    /// Two-sided p-value `2 pt(-|t|, df)`.
    pub p_value: f64,
    /// `qt(1 - α/2, df)`.
    pub t_crit: f64,
    /// `estimate ∓ t_crit · se` (shifted by `mu` for one-sample tests).
    pub ci: Interval,
}

fn finish(estimate: f64, se: f64, df: f64, level: f64, what: &str) -> Result<TTest, StatsError> {
    if se == 0.0 {
        return Err(StatsError::Undefined {
            what: format!("{what}: zero standard error (the data are constant)"),
        });
    }
    let t = estimate / se;
    let alpha = 1.0 - level;
    let t_crit = dist::qt(1.0 - alpha / 2.0, df).unwrap_or(f64::NAN);
    let p_value = 2.0 * dist::pt(-t.abs(), df).unwrap_or(f64::NAN);
    Ok(TTest {
        estimate,
        se,
        t,
        df,
        p_value,
        t_crit,
        ci: Interval { lower: estimate - t_crit * se, upper: estimate + t_crit * se },
    })
}

/// Welch's two-sample t-test (unequal variances) from summaries, R's default
/// `t.test(x, y)`: `se = √(s1²/n1 + s2²/n2)`, Welch–Satterthwaite df. The default for
/// comparing arms, since it does not assume equal spread.
///
/// ```
/// use trial_explorer::stats::means::GroupSummary;
/// use trial_explorer::stats::ttest::welch_t_test;
/// let a = GroupSummary::new(24, 10.0, 2.0).unwrap();
/// let b = GroupSummary::new(24, 8.5, 2.5).unwrap();
/// let t = welch_t_test(&a, &b, 0.95).unwrap();
/// assert!((t.df - 43.885_357_548_240_64).abs() < 1e-12);
/// assert!((t.p_value / 0.026_555_560_775_941_227 - 1.0).abs() < 1e-12);
/// ```
pub fn welch_t_test(g1: &GroupSummary, g2: &GroupSummary, level: f64) -> Result<TTest, StatsError> {
    let level = check_level(level, "Welch t-test")?;
    let v1 = g1.variance() / g1.n() as f64;
    let v2 = g2.variance() / g2.n() as f64;
    let se = (v1 + v2).sqrt();
    let df = (v1 + v2).powi(2) / (v1 * v1 / (g1.n() - 1) as f64 + v2 * v2 / (g2.n() - 1) as f64);
    finish(g1.mean() - g2.mean(), se, df, level, "Welch t-test")
}

/// Student's two-sample t-test (pooled variance), `t.test(x, y, var.equal = TRUE)`:
/// `se = s_p √(1/n1 + 1/n2)`, `df = n1 + n2 - 2`.
///
/// ```
/// use trial_explorer::stats::means::GroupSummary;
/// use trial_explorer::stats::ttest::student_t_test;
/// let a = GroupSummary::new(24, 10.0, 2.0).unwrap();
/// let b = GroupSummary::new(24, 8.5, 2.5).unwrap();
/// let t = student_t_test(&a, &b, 0.95).unwrap();
/// assert_eq!(t.df, 46.0);
/// assert!((t.p_value / 0.026_327_170_813_611_613 - 1.0).abs() < 1e-12);
/// ```
pub fn student_t_test(g1: &GroupSummary, g2: &GroupSummary, level: f64) -> Result<TTest, StatsError> {
    let level = check_level(level, "Student t-test")?;
    let (n1, n2) = (g1.n() as f64, g2.n() as f64);
    let sp = super::means::pooled_sd(g1, g2);
    let se = sp * (1.0 / n1 + 1.0 / n2).sqrt();
    finish(g1.mean() - g2.mean(), se, n1 + n2 - 2.0, level, "Student t-test")
}

/// One-sample t-test of `mean = mu`, `t.test(x, mu = mu)`; with the summary of paired
/// differences and `mu = 0` it is the paired t-test.
///
/// ```
/// use trial_explorer::stats::means::GroupSummary;
/// use trial_explorer::stats::ttest::one_sample_t_test;
/// // 24 paired differences with mean 0.8 and SD 1.
/// let t = one_sample_t_test(&GroupSummary::new(24, 0.8, 1.0).unwrap(), 0.0, 0.95).unwrap();
/// assert!((t.t - 3.919_183_588_453_085).abs() < 1e-13);
/// assert_eq!(t.df, 23.0);
/// ```
pub fn one_sample_t_test(g: &GroupSummary, mu: f64, level: f64) -> Result<TTest, StatsError> {
    let level = check_level(level, "one-sample t-test")?;
    if !mu.is_finite() {
        return Err(StatsError::InvalidParameter {
            what: "one-sample t-test: null mean".to_string(),
            value: mu,
        });
    }
    let mut test = finish(g.mean() - mu, g.se(), (g.n() - 1) as f64, level, "one-sample t-test")?;
    test.ci.lower += mu;
    test.ci.upper += mu;
    Ok(test)
}

/// Paired t-test from the summary of the per-patient differences (n, mean, SD), as often
/// published: the one-sample test of mean difference 0.
///
/// ```
/// use trial_explorer::stats::means::GroupSummary;
/// use trial_explorer::stats::ttest::paired_t_test_from_summary;
/// let changes = GroupSummary::new(12, -2.3, 4.1).unwrap();
/// let t = paired_t_test_from_summary(&changes, 0.95).unwrap();
/// assert!((t.p_value / 0.078_005_424_579_516_4 - 1.0).abs() < 1e-12);
/// ```
pub fn paired_t_test_from_summary(changes: &GroupSummary, level: f64) -> Result<TTest, StatsError> {
    one_sample_t_test(changes, 0.0, level)
}

/// Welch's t-test from raw measurements of two groups (`t.test(x, y)`).
///
/// ```
/// use trial_explorer::stats::ttest::welch_t_test_values;
/// let t = welch_t_test_values(&[5.1, 6.3, 5.8, 7.0], &[4.2, 4.9, 5.0], 0.95).unwrap();
/// assert!(t.estimate > 0.0 && t.df < 5.0);
/// ```
pub fn welch_t_test_values(x: &[f64], y: &[f64], level: f64) -> Result<TTest, StatsError> {
    let g1 = GroupSummary::from_values_labelled(x, "group 1")?;
    let g2 = GroupSummary::from_values_labelled(y, "group 2")?;
    welch_t_test(&g1, &g2, level)
}

/// Student's t-test from raw measurements of two groups
/// (`t.test(x, y, var.equal = TRUE)`).
///
/// ```
/// use trial_explorer::stats::ttest::student_t_test_values;
/// let t = student_t_test_values(&[5.1, 6.3, 5.8, 7.0], &[4.2, 4.9, 5.0], 0.95).unwrap();
/// assert_eq!(t.df, 5.0);
/// ```
pub fn student_t_test_values(x: &[f64], y: &[f64], level: f64) -> Result<TTest, StatsError> {
    let g1 = GroupSummary::from_values_labelled(x, "group 1")?;
    let g2 = GroupSummary::from_values_labelled(y, "group 2")?;
    student_t_test(&g1, &g2, level)
}

/// Paired t-test on `x[i] - y[i]`, R's `t.test(x, y, paired = TRUE)`.
///
/// ```
/// use trial_explorer::stats::ttest::paired_t_test;
/// let t = paired_t_test(&[5.0, 7.0, 9.0], &[4.0, 5.0, 6.0], 0.95).unwrap();
/// assert_eq!(t.estimate, 2.0);
/// assert_eq!(t.df, 2.0);
/// ```
pub fn paired_t_test(x: &[f64], y: &[f64], level: f64) -> Result<TTest, StatsError> {
    if x.len() != y.len() {
        return Err(StatsError::LengthMismatch {
            what: "paired t-test: second measurements".to_string(),
            expected: x.len(),
            found: y.len(),
        });
    }
    check_values(x, "paired t-test: first measurements")?;
    check_values(y, "paired t-test: second measurements")?;
    let differences: Vec<f64> = x.iter().zip(y).map(|(a, b)| a - b).collect();
    let d = GroupSummary::from_values_labelled(&differences, "paired differences")?;
    let level = check_level(level, "paired t-test")?;
    finish(d.mean(), d.se(), (d.n() - 1) as f64, level, "paired t-test")
}
