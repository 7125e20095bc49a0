//! Chi-square distribution as Gamma(ν/2, 2): tails from the incomplete gamma function,
//! quantiles by Newton steps on the logarithm of the relevant tail.

use super::gamma_inc::gamma_tails;
use super::normal::normal_quantile;
use super::root::solve_log_tail;
use super::special::ln_gamma;

/// `(P[X <= x], P[X > x])` for `X ~ χ²(df)`, `df > 0`.
pub(crate) fn chisq_tails(x: f64, df: f64) -> (f64, f64) {
    let g = gamma_tails(0.5 * df, 0.5 * x);
    (g.lower, g.upper)
}

/// The `x` with `P[X <= x] = p` (`lower`) or `P[X > x] = p`, for `0 < p < 1`.
///
/// The equation is solved on whichever tail is the smaller probability (`1 - p` is exact
/// for `p >= ½`), so both extreme lower quantiles (1e-40 at df = ½) and extreme upper
/// quantiles keep full relative precision.
pub(crate) fn chisq_quantile(p: f64, df: f64, lower: bool) -> f64 {
    let a = 0.5 * df;
    let (target, solve_lower) = match (lower, p <= 0.5) {
        (true, true) => (p, true),
        (true, false) => (1.0 - p, false),
        (false, true) => (p, false),
        (false, false) => (1.0 - p, true),
    };
    let start = starting_point(target, df, solve_lower);
    solve_log_tail(target, start, f64::INFINITY, solve_lower, |x| {
        let g = gamma_tails(a, 0.5 * x);
        if solve_lower {
            (g.lower.ln(), g.x_density / g.lower)
        } else {
            (g.upper.ln(), -g.x_density / g.upper)
        }
    })
}

/// Wilson–Hilferty cube-root approximation, or, for lower tails that are small for the
/// degrees of freedom (`df < -1.24 ln p`, as in AS 91), the leading term
/// `P ≈ (x/2)^a / Γ(a + 1)` of the series.
fn starting_point(target: f64, df: f64, solve_lower: bool) -> f64 {
    let a = 0.5 * df;
    let z = if solve_lower { normal_quantile(target) } else { -normal_quantile(target) };
    let c = 2.0 / (9.0 * df);
    let wilson_hilferty = df * (1.0 - c + z * c.sqrt()).powi(3);
    if solve_lower && (df < -1.24 * target.ln() || wilson_hilferty <= 0.0) {
        return 2.0 * ((target.ln() + ln_gamma(a + 1.0)) / a).exp();
    }
    if wilson_hilferty > 0.0 {
        wilson_hilferty
    } else {
        df
    }
}
