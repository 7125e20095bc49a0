//! F distribution through the incomplete beta function:
//! `P(F > f) = I_x(d₂/2, d₁/2)` with `x = d₂ / (d₂ + d₁ f)`.

use super::beta_inc::beta_tails;

/// `(P[F <= f], P[F > f])` for `F ~ F(d1, d2)`, `f >= 0`.
pub(crate) fn f_tails(f: f64, d1: f64, d2: f64) -> (f64, f64) {
    if f <= 0.0 {
        return (0.0, 1.0);
    }
    if f.is_infinite() {
        return (1.0, 0.0);
    }
    let u = d1 * f / d2;
    let (x, y) = if u.is_finite() { (1.0 / (1.0 + u), u / (1.0 + u)) } else { (d2 / (d1 * f), 1.0) };
    let t = beta_tails(0.5 * d2, 0.5 * d1, x, y);
    (t.upper, t.lower)
}
