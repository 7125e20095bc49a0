//! Distribution functions used by the tests and intervals, as thin wrappers over `statrs`
//! with R's names, so formulas read like the R code they are checked against.

use statrs::distribution::{ChiSquared, ContinuousCDF, Normal, StudentsT};

fn std_normal() -> Normal {
    Normal::new(0.0, 1.0).expect("standard normal parameters are valid")
}

/// Standard normal quantile, R's `qnorm(p)`.
pub fn qnorm(p: f64) -> f64 {
    std_normal().inverse_cdf(p)
}

/// Standard normal CDF, R's `pnorm(x)`.
pub fn pnorm(x: f64) -> f64 {
    std_normal().cdf(x)
}

/// Upper tail of the standard normal, R's `pnorm(x, lower.tail = FALSE)`.
pub fn pnorm_upper(x: f64) -> f64 {
    std_normal().sf(x)
}

/// Student t CDF, R's `pt(x, df)`. `None` when `df` is not positive.
pub fn pt(x: f64, df: f64) -> Option<f64> {
    StudentsT::new(0.0, 1.0, df).ok().map(|d| d.cdf(x))
}

/// Student t quantile, R's `qt(p, df)`. `None` when `df` is not positive.
pub fn qt(p: f64, df: f64) -> Option<f64> {
    StudentsT::new(0.0, 1.0, df).ok().map(|d| d.inverse_cdf(p))
}

/// Upper tail of chi-square, R's `pchisq(x, df, lower.tail = FALSE)`.
pub fn pchisq_upper(x: f64, df: f64) -> Option<f64> {
    ChiSquared::new(df).ok().map(|d| d.sf(x))
}
