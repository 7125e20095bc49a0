//! Fisher's exact test for a 2×2 table and the conditional maximum-likelihood odds ratio
//! with its exact confidence interval, as R's `fisher.test`.
//!
//! Given all margins, the count `X` in the top-left cell follows the (noncentral)
//! hypergeometric distribution with odds ratio `ψ`: `P(X = j) ∝ dhyper(j) ψʲ`. Everything
//! below is computed from that distribution over its support, in `θ = ln ψ`.

use super::dist::{self, root::solve_increasing};
use super::interval::{check_level, Interval};
use super::proportions::TwoByTwo;
use super::StatsError;

/// Largest number of possible tables (support points) the exact test enumerates; far
/// beyond any trial table, it keeps memory bounded for absurd input.
pub const MAX_EXACT_SUPPORT: u64 = 1_000_000;

/// Result of Fisher's exact test.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FisherExactTest {
    /// Two-sided p-value: probability of all tables no more likely than the observed one.
    pub p_value: f64,
    /// Conditional maximum-likelihood odds ratio (0 or ∞ at the ends of the support).
    pub odds_ratio: f64,
    /// Exact interval for the odds ratio, inverting the two one-sided tests.
    pub ci: Interval,
}

/// The conditional distribution of the top-left count given the margins.
struct ConditionalDistribution {
    /// Smallest possible count.
    lo: u64,
    /// `ln dhyper(j)` for `j = lo..=hi`.
    log_null: Vec<f64>,
}

impl ConditionalDistribution {
    fn new(table: &TwoByTwo) -> Result<Self, StatsError> {
        let (g1, g2) = (table.group1, table.group2);
        let events = g1.events() + g2.events();
        let non_events = g1.non_events() + g2.non_events();
        let drawn = g1.size();
        let lo = drawn.saturating_sub(non_events);
        let hi = drawn.min(events);
        if hi - lo >= MAX_EXACT_SUPPORT {
            return Err(StatsError::InvalidParameter {
                what: "Fisher exact test: too many possible tables to enumerate".to_string(),
                value: (hi - lo + 1) as f64,
            });
        }
        let log_null =
            (lo..=hi).map(|j| dist::dhyper(j, events, non_events, drawn).unwrap_or(0.0).ln()).collect();
        Ok(ConditionalDistribution { lo, log_null })
    }

    fn hi(&self) -> u64 {
        self.lo + self.log_null.len() as u64 - 1
    }

    /// Probabilities over the support at log odds ratio `theta`, as R's `dnhyper`.
    fn probabilities(&self, theta: f64) -> Vec<f64> {
        let logs: Vec<f64> =
            self.log_null.iter().enumerate().map(|(i, l)| l + theta * (self.lo + i as u64) as f64).collect();
        let max = logs.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        let weights: Vec<f64> = logs.iter().map(|l| (l - max).exp()).collect();
        let total: f64 = weights.iter().sum();
        weights.iter().map(|w| w / total).collect()
    }

    /// Mean and variance of the count at `theta`.
    fn moments(&self, theta: f64) -> (f64, f64) {
        let probs = self.probabilities(theta);
        let support = || (0..probs.len()).map(|i| (self.lo + i as u64) as f64);
        let mean: f64 = support().zip(&probs).map(|(j, p)| j * p).sum();
        let var: f64 = support().zip(&probs).map(|(j, p)| (j - mean).powi(2) * p).sum();
        (mean, var)
    }

    /// `(ln P(X ≥ x), d/dθ ln P(X ≥ x))` when `upper`, else the same for `P(X ≤ x)`.
    /// The derivative is `E[X | tail] - E[X]`.
    fn log_tail(&self, x: u64, theta: f64, upper: bool) -> (f64, f64) {
        let probs = self.probabilities(theta);
        let (mut mass, mut first_moment, mut mean) = (0.0, 0.0, 0.0);
        for (i, p) in probs.iter().enumerate() {
            let j = self.lo + i as u64;
            mean += j as f64 * p;
            if (upper && j >= x) || (!upper && j <= x) {
                mass += p;
                first_moment += j as f64 * p;
            }
        }
        (mass.ln(), first_moment / mass - mean)
    }
}

/// Fisher's exact test, R's `fisher.test(matrix(c(x1, x2, n1 - x1, n2 - x2), nrow = 2))`.
///
/// The p-value sums the null probabilities of all tables with
/// `P(table) <= P(observed) · (1 + 1e-7)` (R's tolerance for ties). The odds ratio is the
/// conditional MLE, solving `E_ψ[X] = x`; the interval solves `P_ψ(X >= x) = α/2` and
/// `P_ψ(X <= x) = α/2`. R finds these roots only to about 1e-4; here they are solved to
/// rounding level, so they agree with R's printout to its 4–5 reliable digits. A table
/// with a zero margin has a one-point support: p = 1, odds ratio 0, interval `[0, ∞]`.
///
/// ```
/// use trial_explorer::stats::fisher::fisher_exact;
/// use trial_explorer::stats::proportions::TwoByTwo;
/// let test = fisher_exact(&TwoByTwo::new(23, 24, 17, 24).unwrap(), 0.95).unwrap();
/// assert!((test.p_value / 0.047_923_631_141_308_95 - 1.0).abs() < 1e-12);
/// assert!((test.odds_ratio / 9.083_442_272_115_406 - 1.0).abs() < 1e-10);
/// ```
pub fn fisher_exact(table: &TwoByTwo, level: f64) -> Result<FisherExactTest, StatsError> {
    let level = check_level(level, "Fisher exact test")?;
    let dist = ConditionalDistribution::new(table)?;
    let x = table.group1.events();
    let (lo, hi) = (dist.lo, dist.hi());
    let null = dist.probabilities(0.0);
    let observed = null[(x - lo) as usize] * (1.0 + 1e-7);
    let p_value: f64 = null.iter().filter(|&&p| p <= observed).sum();

    let odds_ratio = if x == lo {
        0.0
    } else if x == hi {
        f64::INFINITY
    } else {
        let theta = solve_increasing(0.0, 2.0, |t| {
            let (mean, var) = dist.moments(t);
            (mean - x as f64, var)
        });
        theta.exp()
    };

    let alpha = (1.0 - level) / 2.0;
    let start = if odds_ratio > 0.0 && odds_ratio.is_finite() { odds_ratio.ln() } else { 0.0 };
    let lower = if x == lo {
        0.0
    } else {
        let theta = solve_increasing(start, 2.0, |t| {
            let (ln_p, slope) = dist.log_tail(x, t, true);
            (ln_p - alpha.ln(), slope)
        });
        theta.exp()
    };
    let upper = if x == hi {
        f64::INFINITY
    } else {
        let theta = solve_increasing(start, 2.0, |t| {
            let (ln_p, slope) = dist.log_tail(x, t, false);
            (alpha.ln() - ln_p, -slope)
        });
        theta.exp()
    };
    Ok(FisherExactTest { p_value: p_value.min(1.0), odds_ratio, ci: Interval { lower, upper } })
}
