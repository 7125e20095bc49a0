//! Student t distribution through the incomplete beta function:
//! `P(T > |t|) = ½ I_x(ν/2, ½)` with `x = ν / (ν + t²)`.

use super::beta_inc::beta_tails;
use super::normal::{normal_quantile, normal_tails};
use super::root::solve_log_tail;
use super::special::{ln_beta, tan_within_quarter_pi};

/// `P(T > |t|)` for `df > 0` (infinite `df` is the normal limit).
pub(crate) fn student_tail(t: f64, df: f64) -> f64 {
    let t = t.abs();
    if t == 0.0 {
        return 0.5;
    }
    if df.is_infinite() {
        return normal_tails(t).1;
    }
    if t.is_infinite() {
        return 0.0;
    }
    // x = ν/(ν + t²) and y = t²/(ν + t²), each to a couple of roundings.
    let u = t / df * t;
    let (x, y) = if u.is_finite() { (1.0 / (1.0 + u), u / (1.0 + u)) } else { (df / t / t, 1.0) };
    0.5 * beta_tails(0.5 * df, 0.5, x, y).lower
}

/// Density of t with `df` degrees of freedom (used only as a Newton slope).
fn student_density(t: f64, df: f64) -> f64 {
    (-0.5 * df.ln() - ln_beta(0.5 * df, 0.5) - 0.5 * (df + 1.0) * (t / df * t).ln_1p()).exp()
}

/// The `q > 0` with `P(T > q) = tail`, for `0 < tail < ½`.
///
/// One and two degrees of freedom have closed forms; otherwise Newton steps on
/// `ln P(T > q)` against `ln q`, starting from the normal quantile. The t tail is a power
/// law, `ln P` is nearly linear in `ln q`, so a handful of steps reach full precision.
pub(crate) fn student_upper_quantile(tail: f64, df: f64) -> f64 {
    if df.is_infinite() {
        return -normal_quantile(tail);
    }
    if df == 1.0 {
        // Cauchy: q = cot(π·tail); near the centre written as tan(π(½ - tail)) (exact ½ - tail).
        return if tail < 0.25 {
            1.0 / tan_within_quarter_pi(std::f64::consts::PI * tail)
        } else {
            tan_within_quarter_pi(std::f64::consts::PI * (0.5 - tail))
        };
    }
    if df == 2.0 {
        // P(T > q) = ½(1 - q/√(2 + q²))  ⇒  q = (1 - 2p)/√(2p(1 - p)).
        return (1.0 - 2.0 * tail) / (2.0 * tail * (1.0 - tail)).sqrt();
    }
    let start = -normal_quantile(tail);
    solve_log_tail(tail, start, f64::INFINITY, false, |q| {
        let s = student_tail(q, df);
        (s.ln(), -q * student_density(q, df) / s)
    })
}
