//! Large-sample tests for a 2×2 table: Pearson's chi-square (with and without Yates'
//! correction) and the two-sample `prop.test`, in R's arithmetic.

use super::dist;
use super::interval::{check_level, Interval};
use super::proportions::{z_two_sided, TwoByTwo};
use super::StatsError;

/// Pearson chi-square test of a 2×2 table, as `chisq.test`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ChiSquareTest {
    /// `Σ (|O - E| - Y)² / E`.
    pub statistic: f64,
    /// Degrees of freedom (1 for a 2×2 table).
    pub df: f64,
    /// `pchisq(statistic, 1, lower.tail = FALSE)`.
    pub p_value: f64,
    /// Continuity correction `Y` used: `min(0.5, |O - E|)` with Yates, else 0.
    pub yates: f64,
    /// Expected counts under independence; rows are the groups, columns event / no event.
    pub expected: [[f64; 2]; 2],
    /// Smallest expected count; below 5 R warns that the approximation may be incorrect.
    pub min_expected: f64,
}

/// Pearson chi-square test of independence, R's `chisq.test(table, correct = yates)`.
///
/// R caps Yates' correction at `|O - E|`, so a table that is already as close to
/// independence as its integers allow gets a statistic of 0, not a negative correction.
/// A zero row or column total makes an expected count 0 and the statistic undefined.
///
/// ```
/// use trial_explorer::stats::contingency::chisq_test;
/// use trial_explorer::stats::proportions::TwoByTwo;
/// let table = TwoByTwo::new(23, 24, 17, 24).unwrap();
/// let yates = chisq_test(&table, true).unwrap();
/// assert_eq!(yates.statistic, 3.75);
/// assert!((yates.p_value / 0.052_807_511_416_113_37 - 1.0).abs() < 1e-12);
/// ```
pub fn chisq_test(table: &TwoByTwo, yates: bool) -> Result<ChiSquareTest, StatsError> {
    let observed = table.cells();
    let rows = [table.group1.size() as f64, table.group2.size() as f64];
    let cols = [observed[0] + observed[1], observed[2] + observed[3]];
    let total = rows[0] + rows[1];
    if cols.contains(&0.0) {
        return Err(StatsError::Undefined {
            what: "chi-square test: an outcome column has total 0 (expected count 0)".to_string(),
        });
    }
    // outer(row sums, column sums) / n, column-major like the observed cells.
    let expected = [
        rows[0] * cols[0] / total,
        rows[1] * cols[0] / total,
        rows[0] * cols[1] / total,
        rows[1] * cols[1] / total,
    ];
    let correction = if yates {
        observed.iter().zip(expected).map(|(o, e)| (o - e).abs()).fold(0.5, f64::min)
    } else {
        0.0
    };
    let statistic = pearson_sum(&observed, &expected, correction);
    Ok(ChiSquareTest {
        statistic,
        df: 1.0,
        p_value: dist::pchisq_upper(statistic, 1.0).unwrap_or(f64::NAN),
        yates: correction,
        expected: [[expected[0], expected[2]], [expected[1], expected[3]]],
        min_expected: smallest(&expected),
    })
}

fn smallest(values: &[f64; 4]) -> f64 {
    values.iter().copied().fold(f64::INFINITY, f64::min)
}

fn pearson_sum(observed: &[f64; 4], expected: &[f64; 4], correction: f64) -> f64 {
    observed.iter().zip(expected).map(|(o, e)| ((o - e).abs() - correction).powi(2) / e).sum()
}

/// Result of the two-sample `prop.test`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TwoSampleProportionTest {
    /// Pearson X² (equal to `chisq_test` with the same correction).
    pub statistic: f64,
    /// `pchisq(statistic, 1, lower.tail = FALSE)`.
    pub p_value: f64,
    /// `p1 - p2`.
    pub estimate: f64,
    /// Wald interval for `p1 - p2`, widened by the continuity correction, clipped to `[-1, 1]`.
    pub ci: Interval,
    /// Correction used: `min(0.5, |p1 - p2| / (1/n1 + 1/n2))`, or 0.
    pub yates: f64,
    /// Smallest expected count; below 5 R warns that the approximation may be incorrect.
    pub min_expected: f64,
}

/// R's `prop.test(c(x1, x2), c(n1, n2), correct)`: the chi-square test of equal proportions
/// and the interval `D ∓ (z √(p1 q1/n1 + p2 q2/n2) + Y (1/n1 + 1/n2))` for `D = p1 - p2`.
///
/// ```
/// use trial_explorer::stats::contingency::prop_test_two_sample;
/// use trial_explorer::stats::proportions::TwoByTwo;
/// let table = TwoByTwo::new(23, 24, 17, 24).unwrap();
/// let t = prop_test_two_sample(&table, false, 0.95).unwrap();
/// assert!((t.ci.lower / 0.051_356_023_405_926_35 - 1.0).abs() < 1e-12);
/// ```
pub fn prop_test_two_sample(
    table: &TwoByTwo,
    correct: bool,
    level: f64,
) -> Result<TwoSampleProportionTest, StatsError> {
    let level = check_level(level, "two-sample proportion test")?;
    let (g1, g2) = (table.group1, table.group2);
    let (n1, n2) = (g1.size() as f64, g2.size() as f64);
    let (p1, p2) = (g1.estimate(), g2.estimate());
    let delta = p1 - p2;
    let inv_n = 1.0 / n1 + 1.0 / n2;
    let yates = if correct { 0.5_f64.min(delta.abs() / inv_n) } else { 0.0 };
    let z = z_two_sided(level);
    let width = z * (p1 * (1.0 - p1) / n1 + p2 * (1.0 - p2) / n2).sqrt() + yates * inv_n;
    let ci = Interval { lower: (delta - width).max(-1.0), upper: (delta + width).min(1.0) };
    let pooled = (g1.events() + g2.events()) as f64 / (n1 + n2);
    if pooled == 0.0 || pooled == 1.0 {
        return Err(StatsError::Undefined {
            what: "two-sample proportion test: no events or no non-events in either group".to_string(),
        });
    }
    let observed = table.cells();
    let expected = [n1 * pooled, n2 * pooled, n1 * (1.0 - pooled), n2 * (1.0 - pooled)];
    let statistic = pearson_sum(&observed, &expected, yates);
    Ok(TwoSampleProportionTest {
        statistic,
        p_value: dist::pchisq_upper(statistic, 1.0).unwrap_or(f64::NAN),
        estimate: delta,
        ci,
        yates,
        min_expected: smallest(&expected),
    })
}
