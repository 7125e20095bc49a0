//! Proportions `x/n`: the count types shared by the 2×2 comparisons, and the
//! single-proportion intervals and tests (Wilson, `prop.test`, Clopper–Pearson, Wald,
//! `binom.test`) exactly as R computes them.

use super::dist;
use super::interval::{check_level, Interval};
use super::StatsError;

/// `events` out of `size` subjects, with `0 <= events <= size` and `size >= 1`.
///
/// Counts arrive as signed integers from the data layer so that a negative count is
/// reported, not silently wrapped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Proportion {
    events: u64,
    size: u64,
}

impl Proportion {
    /// Validates `events` out of `size`.
    ///
    /// ```
    /// use trial_explorer::stats::proportions::Proportion;
    /// let responders = Proportion::new(23, 24).unwrap();
    /// assert_eq!(responders.estimate(), 23.0 / 24.0);
    /// assert!(Proportion::new(25, 24).is_err());
    /// ```
    pub fn new(events: i64, size: i64) -> Result<Self, StatsError> {
        Self::labelled(events, size, "proportion")
    }

    /// Like [`Proportion::new`], naming the group in error messages.
    pub fn labelled(events: i64, size: i64, what: &str) -> Result<Self, StatsError> {
        if size < 0 {
            return Err(StatsError::NegativeCount { what: format!("{what} size"), value: size });
        }
        if events < 0 {
            return Err(StatsError::NegativeCount { what: format!("{what} events"), value: events });
        }
        if size == 0 {
            return Err(StatsError::Empty { what: what.to_string() });
        }
        if events > size {
            return Err(StatsError::CountExceedsTotal { what: what.to_string(), count: events, total: size });
        }
        Ok(Proportion { events: events as u64, size: size as u64 })
    }

    /// Number of events `x`.
    pub fn events(&self) -> u64 {
        self.events
    }

    /// Group size `n`.
    pub fn size(&self) -> u64 {
        self.size
    }

    /// Number without the event, `n - x`.
    pub fn non_events(&self) -> u64 {
        self.size - self.events
    }

    /// The observed proportion `x/n`.
    pub fn estimate(&self) -> f64 {
        self.events as f64 / self.size as f64
    }
}

/// Two-sided normal critical value as R's `prop.test` forms it: `qnorm((1 + level)/2)`.
pub(crate) fn z_two_sided(level: f64) -> f64 {
    dist::qnorm((1.0 + level) / 2.0)
}

/// Score (Wilson) interval with continuity correction `yates`, in the arithmetic of R's
/// one-sample `prop.test`. With `yates = 0` this is the Wilson interval.
fn score_interval(prop: Proportion, z: f64, yates: f64) -> Interval {
    let n = prop.size as f64;
    let estimate = prop.estimate();
    let z22n = z * z / (2.0 * n);
    let limit = |pc: f64, sign: f64| {
        (pc + z22n + sign * z * (pc * (1.0 - pc) / n + z22n / (2.0 * n)).sqrt()) / (1.0 + 2.0 * z22n)
    };
    let pc_upper = estimate + yates / n;
    let upper = if pc_upper >= 1.0 { 1.0 } else { limit(pc_upper, 1.0) };
    let pc_lower = estimate - yates / n;
    let lower = if pc_lower <= 0.0 { 0.0 } else { limit(pc_lower, -1.0) };
    Interval { lower: lower.max(0.0), upper: upper.min(1.0) }
}

/// Wilson score interval for a single proportion — the interval the app shows for a
/// response rate, because unlike the Wald interval it stays inside `[0, 1]` and keeps its
/// coverage with 24 patients per arm. Equals `prop.test(x, n, correct = FALSE)$conf.int`;
/// the lower limit is exactly 0 when `x = 0`, the upper exactly 1 when `x = n`.
///
/// ```
/// use trial_explorer::stats::proportions::{wilson_interval, Proportion};
/// let ci = wilson_interval(Proportion::new(17, 24).unwrap(), 0.95).unwrap();
/// assert!((ci.lower - 0.508_323_063_355_033_7).abs() < 1e-13);
/// assert!((ci.upper - 0.850_853_518_030_391_3).abs() < 1e-13);
/// ```
pub fn wilson_interval(prop: Proportion, level: f64) -> Result<Interval, StatsError> {
    let level = check_level(level, "Wilson interval")?;
    Ok(score_interval(prop, z_two_sided(level), 0.0))
}

/// Wald interval `p ∓ z √(p(1-p)/n)`, not clipped to `[0, 1]` — shown only to contrast with
/// the score interval (it can exceed 1, as for 23/24).
///
/// ```
/// use trial_explorer::stats::proportions::{wald_interval, Proportion};
/// let ci = wald_interval(Proportion::new(23, 24).unwrap(), 0.95).unwrap();
/// assert!(ci.upper > 1.0);
/// assert!(((ci.lower + ci.upper) / 2.0 - 23.0 / 24.0).abs() < 1e-15);
/// ```
pub fn wald_interval(prop: Proportion, level: f64) -> Result<Interval, StatsError> {
    let level = check_level(level, "Wald interval")?;
    let p = prop.estimate();
    let half = z_two_sided(level) * (p * (1.0 - p) / prop.size as f64).sqrt();
    Ok(Interval { lower: p - half, upper: p + half })
}

/// Clopper–Pearson "exact" interval, R's `binom.test(x, n)$conf.int`: the beta quantiles
/// `qbeta(α/2, x, n - x + 1)` and `qbeta(1 - α/2, x + 1, n - x)`, with 0 at `x = 0` and
/// 1 at `x = n`. Guaranteed coverage, at the price of width.
///
/// ```
/// use trial_explorer::stats::proportions::{clopper_pearson_interval, Proportion};
/// let ci = clopper_pearson_interval(Proportion::new(23, 24).unwrap(), 0.95).unwrap();
/// assert!((ci.lower / 0.788_798_316_543_026_9 - 1.0).abs() < 1e-12);
/// assert!((ci.upper / 0.998_945_647_554_530_3 - 1.0).abs() < 1e-12);
/// ```
pub fn clopper_pearson_interval(prop: Proportion, level: f64) -> Result<Interval, StatsError> {
    let level = check_level(level, "Clopper-Pearson interval")?;
    let alpha = (1.0 - level) / 2.0;
    let (x, n) = (prop.events as f64, prop.size as f64);
    let lower = if prop.events == 0 { 0.0 } else { dist::qbeta(alpha, x, n - x + 1.0).unwrap_or(f64::NAN) };
    let upper = if prop.events == prop.size {
        1.0
    } else {
        dist::qbeta(1.0 - alpha, x + 1.0, n - x).unwrap_or(f64::NAN)
    };
    Ok(Interval { lower, upper })
}

/// Result of R's one-sample `prop.test(x, n, p = p0)`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct OneSampleProportionTest {
    /// Pearson X² against the null proportion (1 df).
    pub statistic: f64,
    /// `pchisq(statistic, 1, lower.tail = FALSE)`.
    pub p_value: f64,
    /// Score interval (continuity-corrected when requested).
    pub ci: Interval,
    /// Continuity correction actually used: `min(0.5, |x - n p0|)`, or 0.
    pub yates: f64,
}

/// R's one-sample `prop.test(x, n, p = p0, correct)`.
///
/// With `correct = true` R shrinks the correction to `|x - n p0|` near the null value (it
/// vanishes at 12/24 for `p0 = ½`), and the same correction enters the interval.
///
/// ```
/// use trial_explorer::stats::proportions::{prop_test_one_sample, Proportion};
/// let t = prop_test_one_sample(Proportion::new(17, 24).unwrap(), 0.5, true, 0.95).unwrap();
/// assert_eq!(t.statistic, 3.375);
/// assert!((t.p_value / 0.066_192_579_722_193_39 - 1.0).abs() < 1e-12);
/// ```
pub fn prop_test_one_sample(
    prop: Proportion,
    p0: f64,
    correct: bool,
    level: f64,
) -> Result<OneSampleProportionTest, StatsError> {
    let level = check_level(level, "one-sample proportion test")?;
    if !(p0 > 0.0 && p0 < 1.0) {
        return Err(StatsError::InvalidParameter {
            what: "one-sample proportion test: null proportion".to_string(),
            value: p0,
        });
    }
    let (x, n) = (prop.events as f64, prop.size as f64);
    let yates = if correct { 0.5_f64.min((x - n * p0).abs()) } else { 0.0 };
    let observed = [x, n - x];
    let expected = [n * p0, n * (1.0 - p0)];
    let statistic: f64 =
        observed.iter().zip(expected).map(|(o, e)| ((o - e).abs() - yates).powi(2) / e).sum();
    let p_value = dist::pchisq_upper(statistic, 1.0).unwrap_or(f64::NAN);
    Ok(OneSampleProportionTest {
        statistic,
        p_value,
        ci: score_interval(prop, z_two_sided(level), yates),
        yates,
    })
}

/// Largest group size the exact binomial test enumerates (it visits every outcome).
pub const MAX_BINOMIAL_SIZE: u64 = 10_000_000;

/// Two-sided exact binomial test of `p = p0`, R's `binom.test(x, n, p0)$p.value`: the
/// probability of all outcomes no more likely than the observed one (relative tolerance
/// 1e-7, as R).
///
/// ```
/// use trial_explorer::stats::proportions::{binom_test, Proportion};
/// let p = binom_test(Proportion::new(9, 10).unwrap(), 0.5).unwrap();
/// assert!((p - 0.021_484_375).abs() < 1e-15); // 22/1024
/// ```
pub fn binom_test(prop: Proportion, p0: f64) -> Result<f64, StatsError> {
    if !(0.0..=1.0).contains(&p0) {
        return Err(StatsError::InvalidParameter {
            what: "binomial test: null proportion".to_string(),
            value: p0,
        });
    }
    const REL_ERR: f64 = 1.0 + 1e-7;
    let (x, n) = (prop.events, prop.size);
    if n > MAX_BINOMIAL_SIZE {
        return Err(StatsError::InvalidParameter {
            what: "binomial test: group too large to enumerate outcomes".to_string(),
            value: n as f64,
        });
    }
    let pmf = |k: u64| dist::dbinom(k, n, p0).unwrap_or(f64::NAN);
    let lower = |k: u64| dist::pbinom(k, n, p0).unwrap_or(f64::NAN);
    let upper = |k: u64| dist::pbinom_upper(k, n, p0).unwrap_or(f64::NAN);
    let d = pmf(x) * REL_ERR;
    let mean = n as f64 * p0;
    let xf = x as f64;
    let p_value = if xf == mean {
        1.0
    } else if xf < mean {
        let y = (mean.ceil() as u64..=n).filter(|&i| pmf(i) <= d).count() as u64;
        lower(x) + upper(n - y)
    } else {
        let y = (0..=mean.floor() as u64).filter(|&i| pmf(i) <= d).count() as u64;
        let left = if y == 0 { 0.0 } else { lower(y - 1) };
        left + upper(x - 1)
    };
    Ok(p_value.min(1.0))
}

/// Two independent groups as a 2×2 table: rows are the groups, columns event / no event.
/// Odds ratios are odds(group 1) / odds(group 2), differences `p1 - p2`, ratios `p1/p2`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TwoByTwo {
    /// Group 1 (first row).
    pub group1: Proportion,
    /// Group 2 (second row).
    pub group2: Proportion,
}

impl TwoByTwo {
    /// Validates `x1/n1` and `x2/n2`.
    ///
    /// ```
    /// use trial_explorer::stats::proportions::TwoByTwo;
    /// let table = TwoByTwo::new(23, 24, 17, 24).unwrap();
    /// assert_eq!(table.group2.events(), 17);
    /// ```
    pub fn new(x1: i64, n1: i64, x2: i64, n2: i64) -> Result<Self, StatsError> {
        Ok(TwoByTwo {
            group1: Proportion::labelled(x1, n1, "group 1")?,
            group2: Proportion::labelled(x2, n2, "group 2")?,
        })
    }

    /// Cells in R's column-major order of `matrix(c(x1, x2, n1 - x1, n2 - x2), nrow = 2)`.
    pub(crate) fn cells(&self) -> [f64; 4] {
        [
            self.group1.events as f64,
            self.group2.events as f64,
            self.group1.non_events() as f64,
            self.group2.non_events() as f64,
        ]
    }
}
