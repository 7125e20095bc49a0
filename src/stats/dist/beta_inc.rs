//! Regularized incomplete beta function `I_x(a, b)` and its complement, each computed
//! directly; the Student t, F and binomial tails are all expressed through it.

use super::special::{ln_1p_minus, ln_beta, stirling_remainder, LN_SQRT_2PI};

const MAX_TERMS: usize = 100_000;

/// Both tails of the Beta(a, b) distribution at `x`, plus the density factor.
#[derive(Debug, Clone, Copy)]
pub(crate) struct BetaTails {
    /// `I_x(a, b)`.
    pub lower: f64,
    /// `1 - I_x(a, b) = I_y(b, a)`.
    pub upper: f64,
    /// `x^a y^b / B(a, b)` (equals `x y` times the Beta density).
    pub kernel: f64,
}

/// `a ln(x/x₀)`, split as `a·(ln(1 + u) - u)` plus the linear part `a·u`,
/// `u = (x - x₀)/x₀`, when `|u| <= ½`; otherwise the whole logarithm and no linear part.
fn log_ratio_parts(a: f64, x: f64, x0: f64) -> (f64, Option<f64>) {
    let u = (x - x0) / x0;
    if u.abs() <= 0.5 {
        (a * ln_1p_minus(u), Some(a * u))
    } else {
        (a * (x / x0).ln(), None)
    }
}

/// `x^a y^b / B(a, b)` with `y = 1 - x` supplied by the caller (it is often known more
/// accurately than `1 - x`).
///
/// With both shape parameters large the exponent is rewritten around the mode
/// `x₀ = a/(a+b)`: `a ln(x/x₀) + b ln(y/y₀) + ½ ln(ab/(a+b)) - ln √(2π) + Stirling
/// remainders`, where the linear parts `a u + b v = 0` cancel exactly.
fn beta_kernel(a: f64, b: f64, x: f64, y: f64) -> f64 {
    if a >= 10.0 && b >= 10.0 {
        let sum = a + b;
        let (x0, y0) = (a / sum, b / sum);
        let (dx, lx) = log_ratio_parts(a, x, x0);
        let (dy, ly) = log_ratio_parts(b, y, y0);
        // a·u + b·v = 0 exactly; only a part left beside a full logarithm is added back.
        let linear = match (lx, ly) {
            (Some(_), Some(_)) => 0.0,
            (l1, l2) => l1.unwrap_or(0.0) + l2.unwrap_or(0.0),
        };
        let corr = stirling_remainder(sum) - stirling_remainder(a) - stirling_remainder(b);
        (dx + dy + linear + 0.5 * (a * b / sum).ln() - LN_SQRT_2PI + corr).exp()
    } else {
        (a * x.ln() + b * y.ln() - ln_beta(a, b)).exp()
    }
}

/// `I_x(a, b)` and `1 - I_x(a, b)` for `a, b > 0`, `0 <= x <= 1`, `y = 1 - x`.
///
/// The continued fraction of DLMF 8.17.22 converges quickly for `x < (a+1)/(a+b+2)`; beyond
/// that point the symmetry `1 - I_x(a, b) = I_y(b, a)` puts the other tail in that region.
/// The tail evaluated by the fraction is the smaller one, so it keeps full relative accuracy.
pub(crate) fn beta_tails(a: f64, b: f64, x: f64, y: f64) -> BetaTails {
    if x <= 0.0 {
        return BetaTails { lower: 0.0, upper: 1.0, kernel: 0.0 };
    }
    if y <= 0.0 {
        return BetaTails { lower: 1.0, upper: 0.0, kernel: 0.0 };
    }
    let kernel = beta_kernel(a, b, x, y);
    if x < (a + 1.0) / (a + b + 2.0) {
        let lower = (kernel / a * continued_fraction(a, b, x)).min(1.0);
        BetaTails { lower, upper: 1.0 - lower, kernel }
    } else {
        let upper = (kernel / b * continued_fraction(b, a, y)).min(1.0);
        BetaTails { lower: 1.0 - upper, upper, kernel }
    }
}

/// The continued fraction `1/(1 + d₁/(1 + d₂/(1 + …)))` with
/// `d₂ₘ₊₁ = -(a+m)(a+b+m)x / ((a+2m)(a+2m+1))` and `d₂ₘ = m(b-m)x / ((a+2m-1)(a+2m))`,
/// by the modified Lentz method.
fn continued_fraction(a: f64, b: f64, x: f64) -> f64 {
    const TINY: f64 = 1e-300;
    let guard = |v: f64| if v.abs() < TINY { TINY } else { v };
    let mut c = 1.0;
    let mut d = 1.0 / guard(1.0 - (a + b) * x / (a + 1.0));
    let mut h = d;
    for m in 1..MAX_TERMS {
        let m = m as f64;
        let m2 = 2.0 * m;
        let even = m * (b - m) * x / ((a + m2 - 1.0) * (a + m2));
        d = 1.0 / guard(1.0 + even * d);
        c = guard(1.0 + even / c);
        h *= d * c;
        let odd = -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1.0));
        d = 1.0 / guard(1.0 + odd * d);
        c = guard(1.0 + odd / c);
        let step = d * c;
        h *= step;
        if (step - 1.0).abs() <= f64::EPSILON {
            break;
        }
    }
    h
}

/// The `x` with `I_x(a, b) = p` (`lower`) or `1 - I_x(a, b) = p`, for `0 < p < 1`.
///
/// Newton steps on the logarithm of the smaller tail, from a normal approximation (or, when
/// that falls outside (0, 1), from the leading power term of the tail), bracketed in (0, 1).
pub(crate) fn beta_quantile(p: f64, a: f64, b: f64, lower: bool) -> f64 {
    let (target, solve_lower) = match (lower, p <= 0.5) {
        (true, true) => (p, true),
        (true, false) => (1.0 - p, false),
        (false, true) => (p, false),
        (false, false) => (1.0 - p, true),
    };
    let start = starting_point(target, a, b, solve_lower);
    super::root::solve_log_tail(target, start, 1.0, solve_lower, |x| {
        let y = 1.0 - x;
        let t = beta_tails(a, b, x, y);
        if solve_lower {
            (t.lower.ln(), t.kernel / (y * t.lower))
        } else {
            (t.upper.ln(), -t.kernel / (y * t.upper))
        }
    })
}

fn starting_point(target: f64, a: f64, b: f64, solve_lower: bool) -> f64 {
    let sum = a + b;
    let mean = a / sum;
    let sd = (a * b / (sum * sum * (sum + 1.0))).sqrt();
    let z = super::normal::normal_quantile(target);
    let normal = if solve_lower { mean + z * sd } else { mean - z * sd };
    if normal > 0.0 && normal < 1.0 {
        return normal;
    }
    let ln_b = ln_beta(a, b);
    if solve_lower {
        ((target.ln() + a.ln() + ln_b) / a).exp()
    } else {
        1.0 - ((target.ln() + b.ln() + ln_b) / b).exp()
    }
}
