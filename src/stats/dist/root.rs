//! Safeguarded Newton iterations used to invert distribution functions and to solve the
//! conditional odds-ratio equations. Newton steps converge quadratically near the root; a
//! bracket kept from the signs seen so far catches the steps that overshoot.

const MAX_ITER: usize = 300;

/// Solves `ln T(x) = ln target` for `x` in `(0, upper)`, where `T` is a tail probability that
/// is monotone in `x` (`increasing` tells which way).
///
/// `eval(x)` returns `(ln T(x), d ln T / d ln x)`. Steps are multiplicative,
/// `x ← x·exp(δ)`, which suits quantiles spanning many orders of magnitude (a Student t
/// quantile at 1e-10 with one degree of freedom is 3e9) and keeps full relative precision
/// in `x`. Steps that leave the bracket are replaced by (geometric) bisection.
pub(crate) fn solve_log_tail(
    target: f64,
    start: f64,
    upper: f64,
    increasing: bool,
    eval: impl Fn(f64) -> (f64, f64),
) -> f64 {
    let ln_target = target.ln();
    let (mut lo, mut hi) = (0.0_f64, upper);
    let mut x = if start > lo && start < hi { start } else { bisect(lo, hi, 1.0) };
    let mut previous_step = f64::INFINITY;
    for _ in 0..MAX_ITER {
        let (ln_t, slope) = eval(x);
        let h = ln_t - ln_target;
        if h == 0.0 {
            return x;
        }
        // The root lies to the right of x when T must still move towards the target that way.
        if (h < 0.0) == increasing {
            lo = x;
        } else {
            hi = x;
        }
        let delta = -h / slope;
        if delta.abs() < 1e-14 {
            // Converged: the correction is at rounding level (and may not even move x).
            return x * delta.exp();
        }
        let newton = x * delta.exp();
        let next = if newton.is_finite() && newton > lo && newton < hi { newton } else { bisect(lo, hi, x) };
        let step = (next / x - 1.0).abs();
        // Quadratic convergence: after a step below 1e-14 the error is at rounding level;
        // tiny steps that stop shrinking mean rounding noise in the tail was reached.
        if next == x || step < 1e-14 || (step < 1e-9 && step > 0.5 * previous_step) {
            return next;
        }
        previous_step = step;
        x = next;
    }
    x
}

/// A point inside `(lo, hi)` for positive quantities, halving on the log scale when the
/// bracket spans more than a factor of four.
fn bisect(lo: f64, hi: f64, current: f64) -> f64 {
    if hi.is_infinite() {
        return if lo > 0.0 { lo * 16.0 } else { current.max(1.0) * 16.0 };
    }
    if lo <= 0.0 {
        return hi / 16.0;
    }
    if hi / lo > 4.0 {
        (lo * hi).sqrt()
    } else {
        0.5 * (lo + hi)
    }
}

/// Solves `f(θ) = 0` on the whole real line for an increasing `f`, where `eval(θ)` returns
/// `(f(θ), f'(θ))`.
///
/// Newton steps are capped at `max_step` (the functions here are sigmoid in θ, and a step
/// from a flat part can overshoot far); once a sign change is bracketed, steps leaving the
/// bracket fall back to bisection.
pub(crate) fn solve_increasing(start: f64, max_step: f64, eval: impl Fn(f64) -> (f64, f64)) -> f64 {
    let (mut lo, mut hi) = (f64::NEG_INFINITY, f64::INFINITY);
    let mut theta = start;
    let mut previous_step = f64::INFINITY;
    for _ in 0..MAX_ITER {
        let (f, slope) = eval(theta);
        if f == 0.0 {
            return theta;
        }
        if f < 0.0 {
            lo = theta;
        } else {
            hi = theta;
        }
        let newton_step = (-f / slope).clamp(-max_step, max_step);
        if newton_step.abs() <= 1e-15 * theta.abs().max(1.0) {
            return theta + newton_step;
        }
        let newton = theta + newton_step;
        let next = if newton.is_finite() && newton > lo && newton < hi {
            newton
        } else if lo.is_finite() && hi.is_finite() {
            0.5 * (lo + hi)
        } else if lo.is_finite() {
            lo + max_step
        } else {
            hi - max_step
        };
        let step = (next - theta).abs();
        let scale = theta.abs().max(1.0);
        // Done when the step is negligible, or when tiny steps stop shrinking (rounding
        // noise in f has been reached).
        if step <= 1e-15 * scale || (step < 1e-9 * scale && step > 0.5 * previous_step) {
            return next;
        }
        previous_step = step;
        theta = next;
    }
    theta
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn log_tail_solves_power_law() {
        // T(x) = x^-3 decreasing; T = 1e-12 at x = 1e4.
        let x = solve_log_tail(1e-12, 2.0, f64::INFINITY, false, |x| (-3.0 * x.ln(), -3.0));
        assert!((x / 1e4 - 1.0).abs() < 1e-14);
    }

    #[test]
    fn increasing_solves_logistic() {
        // mean of a logistic: f(θ) = 1/(1+e^-θ) - 0.9 → θ = ln 9
        let theta = solve_increasing(0.0, 2.0, |t| {
            let s = 1.0 / (1.0 + (-t).exp());
            (s - 0.9, s * (1.0 - s))
        });
        assert!((theta - 9f64.ln()).abs() < 1e-14);
    }
}
