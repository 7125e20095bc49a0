//! Distribution functions with R's names and R's accuracy.
//!
//! Every p-value and interval in the app goes through these functions, and the app promises
//! R's numbers to the last digits, so they are implemented here rather than taken from a
//! general-purpose crate: `statrs` 0.19 loses up to 1e-10 relative in `pnorm` and fails
//! outright for `qt`/`qchisq` in the far tails (e.g. `qt(1e-10, 1)`). Each upper tail is
//! computed directly, never as `1 - lower`, so tiny p-values keep full relative precision.
//!
//! Conventions: functions that cannot fail return `f64` (with `NaN` for a `NaN` or
//! out-of-range probability, like R); functions with parameters return `None` when a
//! parameter is invalid (non-positive or `NaN` degrees of freedom, probability outside
//! `[0, 1]`, `NaN` argument). Nothing panics.

mod beta_inc;
mod chisq;
mod discrete;
mod gamma_inc;
mod normal;
pub(crate) mod root;
mod snedecor;
mod special;
mod student;

/// Standard normal quantile, R's `qnorm(p)`: `-∞` at 0, `+∞` at 1, `NaN` outside `[0, 1]`.
///
/// ```
/// use trial_explorer::stats::dist::qnorm;
/// assert_eq!(qnorm(0.975), 1.9599639845400536); // R prints all 17 digits alike
/// ```
pub fn qnorm(p: f64) -> f64 {
    normal::normal_quantile(p)
}

/// Upper-tail standard normal quantile, R's `qnorm(p, lower.tail = FALSE)`; exact for tiny
/// `p` where `qnorm(1 - p)` would lose digits.
///
/// ```
/// use trial_explorer::stats::dist::qnorm_upper;
/// assert_eq!(qnorm_upper(1e-10), 6.361340902404056);
/// ```
pub fn qnorm_upper(p: f64) -> f64 {
    -normal::normal_quantile(p)
}

/// Standard normal CDF, R's `pnorm(x)`.
///
/// ```
/// use trial_explorer::stats::dist::pnorm;
/// assert!((pnorm(-8.0) / 6.220_960_574_271_785e-16 - 1.0).abs() < 1e-14);
/// ```
pub fn pnorm(x: f64) -> f64 {
    normal::normal_tails(x).0
}

/// Upper tail of the standard normal, R's `pnorm(x, lower.tail = FALSE)`.
///
/// ```
/// use trial_explorer::stats::dist::pnorm_upper;
/// assert_eq!(pnorm_upper(8.0), 6.220960574271785e-16);
/// ```
pub fn pnorm_upper(x: f64) -> f64 {
    normal::normal_tails(x).1
}

/// Standard normal density, R's `dnorm(x)`.
///
/// ```
/// use trial_explorer::stats::dist::dnorm;
/// let peak = 1.0 / (2.0 * std::f64::consts::PI).sqrt();
/// assert!((dnorm(0.0) / peak - 1.0).abs() < 1e-15);
/// assert_eq!(dnorm(-1.5), dnorm(1.5));
/// ```
pub fn dnorm(x: f64) -> f64 {
    normal::normal_density(x)
}

fn valid_t_df(df: f64) -> bool {
    df > 0.0
}

fn valid_df(df: f64) -> bool {
    df > 0.0 && df.is_finite()
}

fn valid_probability(p: f64) -> bool {
    (0.0..=1.0).contains(&p)
}

/// Student t CDF, R's `pt(x, df)`. `df` may be non-integer or `+∞` (normal limit).
/// `None` when `df` is not positive or an argument is `NaN`.
///
/// ```
/// use trial_explorer::stats::dist::pt;
/// // Two-sided p-value of t = -3.9192 on 23 df.
/// let p = 2.0 * pt(-3.919_183_588_453_085, 23.0).unwrap();
/// assert!((p / 0.000_687_434_385_637_401_4 - 1.0).abs() < 1e-12);
/// ```
pub fn pt(x: f64, df: f64) -> Option<f64> {
    if x.is_nan() || !valid_t_df(df) {
        return None;
    }
    let tail = student::student_tail(x, df);
    Some(if x < 0.0 { tail } else { 1.0 - tail })
}

/// Upper tail of Student t, R's `pt(x, df, lower.tail = FALSE)`.
///
/// ```
/// use trial_explorer::stats::dist::pt_upper;
/// let p = pt_upper(10.0, 23.0).unwrap();
/// assert!((p / 3.822_311_553_919_248e-10 - 1.0).abs() < 1e-12);
/// ```
pub fn pt_upper(x: f64, df: f64) -> Option<f64> {
    pt(-x, df)
}

/// Student t quantile, R's `qt(p, df)`. `None` when `df` is not positive or `p` is outside
/// `[0, 1]`.
///
/// ```
/// use trial_explorer::stats::dist::qt;
/// assert!((qt(0.975, 23.0).unwrap() / 2.068_657_610_419_048 - 1.0).abs() < 1e-14);
/// assert_eq!(qt(0.5, 7.3), Some(0.0));
/// ```
pub fn qt(p: f64, df: f64) -> Option<f64> {
    if !valid_probability(p) || !valid_t_df(df) {
        return None;
    }
    Some(if p == 0.5 {
        0.0
    } else if p == 0.0 {
        f64::NEG_INFINITY
    } else if p == 1.0 {
        f64::INFINITY
    } else if p < 0.5 {
        -student::student_upper_quantile(p, df)
    } else {
        student::student_upper_quantile(1.0 - p, df)
    })
}

/// Upper-tail Student t quantile, R's `qt(p, df, lower.tail = FALSE)`.
///
/// ```
/// use trial_explorer::stats::dist::qt_upper;
/// let q = qt_upper(1e-10, 1.0).unwrap();
/// assert!((q / 3_183_098_861.837_906_4 - 1.0).abs() < 1e-12);
/// ```
pub fn qt_upper(p: f64, df: f64) -> Option<f64> {
    if !valid_probability(p) || !valid_t_df(df) {
        return None;
    }
    // Exact symmetry: the upper quantile at p is minus the lower quantile at p.
    qt(p, df).map(|q| -q)
}

/// Chi-square CDF, R's `pchisq(x, df)`. `None` for non-positive/infinite `df` or `NaN` `x`.
///
/// ```
/// use trial_explorer::stats::dist::pchisq;
/// let p = pchisq(1.0, 1.0).unwrap();
/// assert!((p / 0.682_689_492_137_086 - 1.0).abs() < 1e-13);
/// ```
pub fn pchisq(x: f64, df: f64) -> Option<f64> {
    if x.is_nan() || !valid_df(df) {
        return None;
    }
    Some(chisq::chisq_tails(x, df).0)
}

/// Upper tail of chi-square, R's `pchisq(x, df, lower.tail = FALSE)`, computed directly so
/// that e.g. `pchisq(100, 1, lower.tail = FALSE) = 1.5e-23` keeps all its digits.
///
/// ```
/// use trial_explorer::stats::dist::pchisq_upper;
/// let p = pchisq_upper(5.4, 1.0).unwrap();
/// assert!((p / 0.020_136_751_550_346_353 - 1.0).abs() < 1e-13);
/// ```
pub fn pchisq_upper(x: f64, df: f64) -> Option<f64> {
    if x.is_nan() || !valid_df(df) {
        return None;
    }
    Some(chisq::chisq_tails(x, df).1)
}

/// Chi-square quantile, R's `qchisq(p, df)`.
///
/// ```
/// use trial_explorer::stats::dist::qchisq;
/// assert!((qchisq(0.95, 1.0).unwrap() / 3.841_458_820_694_124 - 1.0).abs() < 1e-14);
/// ```
pub fn qchisq(p: f64, df: f64) -> Option<f64> {
    if !valid_probability(p) || !valid_df(df) {
        return None;
    }
    Some(match p {
        0.0 => 0.0,
        1.0 => f64::INFINITY,
        _ => chisq::chisq_quantile(p, df, true),
    })
}

/// Upper-tail chi-square quantile, R's `qchisq(p, df, lower.tail = FALSE)`.
///
/// ```
/// use trial_explorer::stats::dist::qchisq_upper;
/// let q = qchisq_upper(1e-10, 1.0).unwrap();
/// assert!((q / 41.821_456_364_761_296 - 1.0).abs() < 1e-12);
/// ```
pub fn qchisq_upper(p: f64, df: f64) -> Option<f64> {
    if !valid_probability(p) || !valid_df(df) {
        return None;
    }
    Some(match p {
        0.0 => f64::INFINITY,
        1.0 => 0.0,
        _ => chisq::chisq_quantile(p, df, false),
    })
}

/// F distribution CDF, R's `pf(x, df1, df2)`.
///
/// ```
/// use trial_explorer::stats::dist::{pf, pf_upper};
/// let (lower, upper) = (pf(3.0, 2.0, 10.0).unwrap(), pf_upper(3.0, 2.0, 10.0).unwrap());
/// assert!((lower + upper - 1.0).abs() < 1e-15);
/// // With df1 = 2 the upper tail has a closed form: (1 + 2x/df2)^(-df2/2).
/// assert!((upper / (1.0f64 + 2.0 * 3.0 / 10.0).powf(-5.0) - 1.0).abs() < 1e-13);
/// assert_eq!(pf(1.0, 0.0, 10.0), None);
/// ```
pub fn pf(x: f64, df1: f64, df2: f64) -> Option<f64> {
    if x.is_nan() || !valid_df(df1) || !valid_df(df2) {
        return None;
    }
    Some(snedecor::f_tails(x, df1, df2).0)
}

/// Upper tail of the F distribution, R's `pf(x, df1, df2, lower.tail = FALSE)`: the ANOVA
/// p-value.
///
/// ```
/// use trial_explorer::stats::dist::{pf_upper, pt};
/// // With one numerator df, F = t² and the F tail is the two-sided t p-value.
/// let p_f = pf_upper(2.5f64.powi(2), 1.0, 10.0).unwrap();
/// let p_t = 2.0 * pt(-2.5, 10.0).unwrap();
/// assert!((p_f / p_t - 1.0).abs() < 1e-13);
/// ```
pub fn pf_upper(x: f64, df1: f64, df2: f64) -> Option<f64> {
    if x.is_nan() || !valid_df(df1) || !valid_df(df2) {
        return None;
    }
    Some(snedecor::f_tails(x, df1, df2).1)
}

fn valid_shapes(a: f64, b: f64) -> bool {
    valid_df(a) && valid_df(b)
}

/// Beta CDF, R's `pbeta(x, a, b)`.
///
/// ```
/// use trial_explorer::stats::dist::pbeta;
/// assert!((pbeta(0.3, 1.0, 1.0).unwrap() - 0.3).abs() < 1e-15); // uniform
/// assert!((pbeta(0.3, 2.0, 1.0).unwrap() - 0.09).abs() < 1e-15); // x^2
/// assert!((pbeta(0.5, 7.5, 7.5).unwrap() - 0.5).abs() < 1e-14); // symmetric
/// ```
pub fn pbeta(x: f64, a: f64, b: f64) -> Option<f64> {
    if x.is_nan() || !valid_shapes(a, b) {
        return None;
    }
    let x = x.clamp(0.0, 1.0);
    Some(beta_inc::beta_tails(a, b, x, 1.0 - x).lower)
}

/// Upper tail of the beta distribution, R's `pbeta(x, a, b, lower.tail = FALSE)`.
///
/// ```
/// use trial_explorer::stats::dist::pbeta_upper;
/// // 1 - x^3 for Beta(3, 1), computed directly: no cancellation near x = 1.
/// let x = 1.0 - 1e-9;
/// assert!((pbeta_upper(x, 3.0, 1.0).unwrap() / (1.0 - x * x * x) - 1.0).abs() < 1e-6);
/// assert!((pbeta_upper(0.5, 3.0, 1.0).unwrap() - 0.875).abs() < 1e-15);
/// ```
pub fn pbeta_upper(x: f64, a: f64, b: f64) -> Option<f64> {
    if x.is_nan() || !valid_shapes(a, b) {
        return None;
    }
    let x = x.clamp(0.0, 1.0);
    Some(beta_inc::beta_tails(a, b, x, 1.0 - x).upper)
}

/// Beta quantile, R's `qbeta(p, a, b)`; the Clopper–Pearson limits are beta quantiles.
///
/// ```
/// use trial_explorer::stats::dist::qbeta;
/// // Lower Clopper–Pearson limit for 17/24: qbeta(0.025, 17, 8).
/// let lower = qbeta(0.025, 17.0, 8.0).unwrap();
/// assert!((lower / 0.489_052_186_142_167 - 1.0).abs() < 1e-12);
/// ```
pub fn qbeta(p: f64, a: f64, b: f64) -> Option<f64> {
    if !valid_probability(p) || !valid_shapes(a, b) {
        return None;
    }
    Some(match p {
        0.0 => 0.0,
        1.0 => 1.0,
        _ => beta_inc::beta_quantile(p, a, b, true),
    })
}

/// Upper-tail beta quantile, R's `qbeta(p, a, b, lower.tail = FALSE)`.
///
/// ```
/// use trial_explorer::stats::dist::{qbeta, qbeta_upper};
/// // Upper Clopper–Pearson limit for 17/24: the quantile leaving 2.5% above it in Beta(18, 7).
/// let upper = qbeta_upper(0.025, 18.0, 7.0).unwrap();
/// assert!((upper / qbeta(0.975, 18.0, 7.0).unwrap() - 1.0).abs() < 1e-12);
/// ```
pub fn qbeta_upper(p: f64, a: f64, b: f64) -> Option<f64> {
    if !valid_probability(p) || !valid_shapes(a, b) {
        return None;
    }
    Some(match p {
        0.0 => 1.0,
        1.0 => 0.0,
        _ => beta_inc::beta_quantile(p, a, b, false),
    })
}

/// Binomial probability, R's `dbinom(x, n, p)`; 0 when `x > n`, `None` when `p` is outside
/// `[0, 1]`.
///
/// ```
/// use trial_explorer::stats::dist::dbinom;
/// assert!((dbinom(9, 10, 0.5).unwrap() / (10.0 / 1024.0) - 1.0).abs() < 1e-14);
/// ```
pub fn dbinom(x: u64, n: u64, p: f64) -> Option<f64> {
    if !valid_probability(p) {
        return None;
    }
    if x > n {
        return Some(0.0);
    }
    Some(discrete::binomial_pmf(x as f64, n as f64, p, 1.0 - p))
}

/// Binomial CDF `P(X <= x)`, R's `pbinom(x, n, p)`, as the incomplete beta
/// `I_(1-p)(n - x, x + 1)`.
///
/// ```
/// use trial_explorer::stats::dist::pbinom;
/// assert!((pbinom(1, 10, 0.5).unwrap() / (11.0 / 1024.0) - 1.0).abs() < 1e-14);
/// ```
pub fn pbinom(x: u64, n: u64, p: f64) -> Option<f64> {
    if !valid_probability(p) {
        return None;
    }
    if x >= n {
        return Some(1.0);
    }
    let (x, n) = (x as f64, n as f64);
    Some(beta_inc::beta_tails(n - x, x + 1.0, 1.0 - p, p).lower)
}

/// Binomial upper tail `P(X > x)`, R's `pbinom(x, n, p, lower.tail = FALSE)`.
///
/// ```
/// use trial_explorer::stats::dist::pbinom_upper;
/// assert!((pbinom_upper(8, 10, 0.5).unwrap() / (11.0 / 1024.0) - 1.0).abs() < 1e-14);
/// ```
pub fn pbinom_upper(x: u64, n: u64, p: f64) -> Option<f64> {
    if !valid_probability(p) {
        return None;
    }
    if x >= n {
        return Some(0.0);
    }
    let (x, n) = (x as f64, n as f64);
    Some(beta_inc::beta_tails(n - x, x + 1.0, 1.0 - p, p).upper)
}

/// Hypergeometric probability, R's `dhyper(x, m, n, k)`: `x` events among `k` draws from
/// `m` events and `n` non-events. This is the null distribution of Fisher's exact test.
/// `None` when `k > m + n`.
///
/// ```
/// use trial_explorer::stats::dist::dhyper;
/// // Observed 23/24 vs 17/24: 40 events, 8 non-events, 24 in group 1.
/// let p = dhyper(23, 40, 8, 24).unwrap();
/// assert!((p / 0.022_012_768_371_127_55 - 1.0).abs() < 1e-12);
/// ```
pub fn dhyper(x: u64, m: u64, n: u64, k: u64) -> Option<f64> {
    if k > m + n {
        return None;
    }
    Some(discrete::hypergeometric_pmf(x as f64, m as f64, n as f64, k as f64))
}
