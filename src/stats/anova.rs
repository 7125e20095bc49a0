//! One-way analysis of variance across the trial's arms (equal variances, as R's
//! `oneway.test(var.equal = TRUE)` / `anova(lm(y ~ group))`).

use super::dist;
use super::means::{check_values, mean_and_sum_of_squares, GroupSummary};
use super::StatsError;

/// One-way ANOVA table.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct OneWayAnova {
    /// Number of groups `k`.
    pub groups: usize,
    /// Total number of observations `N`.
    pub n: usize,
    /// Weighted mean of all observations.
    pub grand_mean: f64,
    /// Between-group sum of squares `Σ nᵢ (ȳᵢ - ȳ)²`.
    pub ss_between: f64,
    /// Within-group sum of squares `Σ (nᵢ - 1) sᵢ²`.
    pub ss_within: f64,
    /// `k - 1`.
    pub df_between: f64,
    /// `N - k`.
    pub df_within: f64,
    /// `ss_between / df_between / (ss_within / df_within)`.
    pub f: f64,
    /// `pf(f, df_between, df_within, lower.tail = FALSE)`.
    pub p_value: f64,
}

/// Per-group `(n, mean, sum of squared deviations)`.
type GroupMoments = (usize, f64, f64);

fn table(groups: &[GroupMoments]) -> Result<OneWayAnova, StatsError> {
    let k = groups.len();
    if k < 2 {
        return Err(StatsError::TooFewObservations {
            what: "one-way ANOVA: groups".to_string(),
            needed: 2,
            found: k,
        });
    }
    let n: usize = groups.iter().map(|g| g.0).sum();
    if n <= k {
        return Err(StatsError::TooFewObservations {
            what: "one-way ANOVA: observations (one more than the number of groups)".to_string(),
            needed: k + 1,
            found: n,
        });
    }
    let grand_mean = groups.iter().map(|g| g.0 as f64 * g.1).sum::<f64>() / n as f64;
    let ss_between: f64 = groups.iter().map(|g| g.0 as f64 * (g.1 - grand_mean).powi(2)).sum();
    let ss_within: f64 = groups.iter().map(|g| g.2).sum();
    if ss_within == 0.0 {
        return Err(StatsError::Undefined { what: "one-way ANOVA: no variation within groups".to_string() });
    }
    let df_between = (k - 1) as f64;
    let df_within = (n - k) as f64;
    let f = (ss_between / df_between) / (ss_within / df_within);
    let p_value = dist::pf_upper(f, df_between, df_within).unwrap_or(f64::NAN);
    Ok(OneWayAnova { groups: k, n, grand_mean, ss_between, ss_within, df_between, df_within, f, p_value })
}

/// One-way ANOVA from raw measurements, one slice per group. Groups may have a single
/// observation as long as some group has two.
///
/// ```
/// use trial_explorer::stats::anova::one_way_anova;
/// let a = one_way_anova(&[&[1.0, 2.0, 3.0], &[2.0, 4.0, 6.0], &[5.0, 6.0, 7.0]]).unwrap();
/// assert_eq!((a.df_between, a.df_within), (2.0, 6.0));
/// assert!((a.f - 6.0).abs() < 1e-13); // (SSB 24 / 2) / (SSW 12 / 6)
/// ```
pub fn one_way_anova(groups: &[&[f64]]) -> Result<OneWayAnova, StatsError> {
    let mut moments = Vec::with_capacity(groups.len());
    for (i, values) in groups.iter().enumerate() {
        let what = format!("one-way ANOVA: group {}", i + 1);
        if values.is_empty() {
            return Err(StatsError::Empty { what });
        }
        check_values(values, &what)?;
        let (mean, ss) = mean_and_sum_of_squares(values);
        moments.push((values.len(), mean, ss));
    }
    table(&moments)
}

/// One-way ANOVA from published summaries (n, mean, SD) of each group.
///
/// ```
/// use trial_explorer::stats::anova::one_way_anova_from_summaries;
/// use trial_explorer::stats::means::GroupSummary;
/// let g = [
///     GroupSummary::new(3, 2.0, 1.0).unwrap(),
///     GroupSummary::new(3, 4.0, 2.0).unwrap(),
///     GroupSummary::new(3, 6.0, 1.0).unwrap(),
/// ];
/// let a = one_way_anova_from_summaries(&g).unwrap();
/// assert!((a.f - 6.0).abs() < 1e-13);
/// ```
pub fn one_way_anova_from_summaries(groups: &[GroupSummary]) -> Result<OneWayAnova, StatsError> {
    let moments: Vec<GroupMoments> =
        groups.iter().map(|g| (g.n(), g.mean(), (g.n() - 1) as f64 * g.variance())).collect();
    table(&moments)
}
