//! Continuous outcomes: per-group summaries (n, mean, SD, SE, t-based CI), standardized
//! effect sizes, and change from baseline for paired measurements.

use super::dist;
use super::interval::{check_level, Interval};
use super::ttest::{one_sample_t_test, TTest};
use super::StatsError;

/// Summary statistics of one group: size, mean and sample standard deviation (`n - 1`
/// denominator). Published results often give only these, so every test accepts them.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct GroupSummary {
    n: usize,
    mean: f64,
    sd: f64,
}

/// Rejects `NaN` and infinite measurements, naming the group and the position.
pub(crate) fn check_values(values: &[f64], what: &str) -> Result<(), StatsError> {
    match values.iter().position(|v| !v.is_finite()) {
        Some(index) => Err(StatsError::InvalidValue { what: what.to_string(), index, value: values[index] }),
        None => Ok(()),
    }
}

/// Mean with a second-pass correction (as R's `mean`), and the sum of squared deviations.
pub(crate) fn mean_and_sum_of_squares(values: &[f64]) -> (f64, f64) {
    let n = values.len() as f64;
    let rough = values.iter().sum::<f64>() / n;
    let mean = rough + values.iter().map(|v| v - rough).sum::<f64>() / n;
    let ss = values.iter().map(|v| (v - mean).powi(2)).sum();
    (mean, ss)
}

impl GroupSummary {
    /// A summary from published numbers.
    ///
    /// ```
    /// use trial_explorer::stats::means::GroupSummary;
    /// let arm = GroupSummary::new(24, 10.0, 2.0).unwrap();
    /// assert!((arm.se() - 2.0 / 24f64.sqrt()).abs() < 1e-15);
    /// ```
    pub fn new(n: usize, mean: f64, sd: f64) -> Result<Self, StatsError> {
        Self::labelled(n, mean, sd, "group")
    }

    /// Like [`GroupSummary::new`], naming the group in error messages. A variance needs at
    /// least two observations.
    pub fn labelled(n: usize, mean: f64, sd: f64, what: &str) -> Result<Self, StatsError> {
        if n == 0 {
            return Err(StatsError::Empty { what: what.to_string() });
        }
        if n == 1 {
            return Err(StatsError::TooFewObservations { what: what.to_string(), needed: 2, found: 1 });
        }
        if !mean.is_finite() {
            return Err(StatsError::InvalidParameter { what: format!("{what}: mean"), value: mean });
        }
        if !(sd >= 0.0 && sd.is_finite()) {
            return Err(StatsError::InvalidParameter {
                what: format!("{what}: standard deviation"),
                value: sd,
            });
        }
        Ok(GroupSummary { n, mean, sd })
    }

    /// Summary of raw measurements.
    ///
    /// ```
    /// use trial_explorer::stats::means::GroupSummary;
    /// let s = GroupSummary::from_values(&[2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0]).unwrap();
    /// assert_eq!(s.mean(), 5.0);
    /// assert!((s.sd() - (32.0f64 / 7.0).sqrt()).abs() < 1e-15);
    /// ```
    pub fn from_values(values: &[f64]) -> Result<Self, StatsError> {
        Self::from_values_labelled(values, "group")
    }

    /// Like [`GroupSummary::from_values`], naming the group in error messages.
    pub fn from_values_labelled(values: &[f64], what: &str) -> Result<Self, StatsError> {
        check_values(values, what)?;
        if values.len() < 2 {
            // Delegate the n = 0 / n = 1 errors.
            return Self::labelled(values.len(), 0.0, 0.0, what);
        }
        let (mean, ss) = mean_and_sum_of_squares(values);
        let sd = (ss / (values.len() - 1) as f64).sqrt();
        Self::labelled(values.len(), mean, sd, what)
    }

    /// Number of observations.
    pub fn n(&self) -> usize {
        self.n
    }

    /// Sample mean.
    pub fn mean(&self) -> f64 {
        self.mean
    }

    /// Sample standard deviation.
    pub fn sd(&self) -> f64 {
        self.sd
    }

    /// Sample variance.
    pub fn variance(&self) -> f64 {
        self.sd * self.sd
    }

    /// Standard error of the mean, `sd / √n`.
    pub fn se(&self) -> f64 {
        self.sd / (self.n as f64).sqrt()
    }

    /// t-based confidence interval for the mean, `mean ∓ qt(1 - α/2, n - 1) · se` (as
    /// `t.test(x)$conf.int`).
    ///
    /// ```
    /// use trial_explorer::stats::means::GroupSummary;
    /// let ci = GroupSummary::new(24, 0.8, 1.0).unwrap().mean_ci(0.95).unwrap();
    /// assert!((ci.lower - 0.377_737_033_495_681_83).abs() < 1e-14);
    /// ```
    pub fn mean_ci(&self, level: f64) -> Result<Interval, StatsError> {
        let level = check_level(level, "mean")?;
        let alpha = 1.0 - level;
        let t_crit = dist::qt(1.0 - alpha / 2.0, (self.n - 1) as f64).unwrap_or(f64::NAN);
        Ok(Interval { lower: self.mean - t_crit * self.se(), upper: self.mean + t_crit * self.se() })
    }
}

/// Pooled standard deviation `√(((n1-1)s1² + (n2-1)s2²)/(n1 + n2 - 2))`, the common SD
/// that Student's t-test and Cohen's d assume.
///
/// ```
/// use trial_explorer::stats::means::{pooled_sd, GroupSummary};
/// let sp = pooled_sd(&GroupSummary::new(3, 100.0, 15.0).unwrap(), &GroupSummary::new(3, 90.0, 10.0).unwrap());
/// assert!((sp - 162.5f64.sqrt()).abs() < 1e-13);
/// ```
pub fn pooled_sd(g1: &GroupSummary, g2: &GroupSummary) -> f64 {
    let (n1, n2) = (g1.n as f64, g2.n as f64);
    (((n1 - 1.0) * g1.variance() + (n2 - 1.0) * g2.variance()) / (n1 + n2 - 2.0)).sqrt()
}

/// Cohen's d with the pooled SD, `(m1 - m2)/s_pooled`: the difference between arms in
/// units of patient-to-patient variation. Undefined when both SDs are zero.
///
/// ```
/// use trial_explorer::stats::means::{cohen_d, GroupSummary};
/// let d = cohen_d(&GroupSummary::new(24, 10.0, 2.0).unwrap(), &GroupSummary::new(24, 8.5, 2.5).unwrap());
/// assert!((d.unwrap() - 0.662_589_156_449_079_2).abs() < 1e-14);
/// ```
pub fn cohen_d(g1: &GroupSummary, g2: &GroupSummary) -> Result<f64, StatsError> {
    let sp = pooled_sd(g1, g2);
    if sp == 0.0 {
        return Err(StatsError::Undefined {
            what: "Cohen's d: both groups have zero standard deviation".to_string(),
        });
    }
    Ok((g1.mean - g2.mean) / sp)
}

/// Standardized mean change `d_z = mean / sd` of paired differences (or of one sample):
/// the effect size that [`crate::stats::power::min_standardized_change`] thresholds.
///
/// ```
/// use trial_explorer::stats::means::{standardized_change, GroupSummary};
/// let dz = standardized_change(&GroupSummary::new(12, -2.3, 4.1).unwrap()).unwrap();
/// assert!((dz + 0.560_975_609_756_097_6).abs() < 1e-15);
/// ```
pub fn standardized_change(changes: &GroupSummary) -> Result<f64, StatsError> {
    if changes.sd == 0.0 {
        return Err(StatsError::Undefined {
            what: "standardized change: the changes have zero standard deviation".to_string(),
        });
    }
    Ok(changes.mean / changes.sd)
}

/// Change from baseline in one group measured twice (e.g. CD4 count at entry and at
/// follow-up).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ChangeFromBaseline {
    /// Summary at baseline.
    pub baseline: GroupSummary,
    /// Summary at follow-up.
    pub follow_up: GroupSummary,
    /// Summary of the per-patient changes `follow_up - baseline`.
    pub change: GroupSummary,
    /// Paired t-test of mean change 0, with the CI of the mean change.
    pub test: TTest,
}

/// Change from baseline for paired measurements, `follow_up[i] - baseline[i]` per patient,
/// with the paired t-test (equal to R's `t.test(follow_up, baseline, paired = TRUE)`).
///
/// ```
/// use trial_explorer::stats::means::change_from_baseline;
/// let c = change_from_baseline(&[310.0, 250.0, 402.0], &[355.0, 301.0, 420.0], 0.95).unwrap();
/// assert!((c.change.mean() - 38.0).abs() < 1e-12);
/// assert_eq!(c.test.df, 2.0);
/// ```
pub fn change_from_baseline(
    baseline: &[f64],
    follow_up: &[f64],
    level: f64,
) -> Result<ChangeFromBaseline, StatsError> {
    if follow_up.len() != baseline.len() {
        return Err(StatsError::LengthMismatch {
            what: "change from baseline: follow-up values".to_string(),
            expected: baseline.len(),
            found: follow_up.len(),
        });
    }
    let baseline_summary = GroupSummary::from_values_labelled(baseline, "baseline")?;
    let follow_up_summary = GroupSummary::from_values_labelled(follow_up, "follow-up")?;
    let changes: Vec<f64> = follow_up.iter().zip(baseline).map(|(f, b)| f - b).collect();
    let change = GroupSummary::from_values_labelled(&changes, "change from baseline")?;
    let test = one_sample_t_test(&change, 0.0, level)?;
    Ok(ChangeFromBaseline { baseline: baseline_summary, follow_up: follow_up_summary, change, test })
}
