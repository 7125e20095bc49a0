//! Binomial and hypergeometric probabilities by Loader's saddle-point form ("Fast and
//! accurate computation of binomial probabilities", 2000): the probability is written as
//! `exp(-deviance terms) / √(2π x (n - x)/n)`, which avoids the cancellation of large
//! log-factorials and keeps full relative accuracy far into the tails.

use super::special::{ln_gamma, stirling_remainder, LN_SQRT_2PI};

/// `ln n! - ((n + ½) ln n - n + ln √(2π))`, the error of Stirling's formula, for `n >= 1`.
fn stirling_error(n: f64) -> f64 {
    if n >= 10.0 {
        // ln n! = ln n + ln Γ(n), so the error equals the Stirling remainder of Γ(n).
        stirling_remainder(n)
    } else {
        ln_gamma(n + 1.0) - (n + 0.5) * n.ln() + n - LN_SQRT_2PI
    }
}

/// Deviance term `x ln(x/m) + m - x >= 0`, by the series in `v = (x - m)/(x + m)` when `x`
/// is close to `m` (where the direct form cancels).
fn deviance(x: f64, m: f64) -> f64 {
    if (x - m).abs() < 0.1 * (x + m) {
        let v = (x - m) / (x + m);
        let v2 = v * v;
        let mut s = (x - m) * v;
        let mut ej = 2.0 * x * v;
        let mut j = 1.0;
        loop {
            ej *= v2;
            j += 2.0;
            let next = s + ej / j;
            if next == s {
                return s;
            }
            s = next;
        }
    }
    x * (x / m).ln() + m - x
}

/// Binomial probability `P(X = x)` for `X ~ Bin(n, p)`, `q = 1 - p` given separately;
/// `x` and `n` are whole numbers with `0 <= x <= n`.
pub(crate) fn binomial_pmf(x: f64, n: f64, p: f64, q: f64) -> f64 {
    if p == 0.0 {
        return if x == 0.0 { 1.0 } else { 0.0 };
    }
    if q == 0.0 {
        return if x == n { 1.0 } else { 0.0 };
    }
    if x == 0.0 {
        if n == 0.0 {
            return 1.0;
        }
        let lc = if p < 0.1 { -deviance(n, n * q) - n * p } else { n * q.ln() };
        return lc.exp();
    }
    if x == n {
        let lc = if q < 0.1 { -deviance(n, n * p) - n * q } else { n * p.ln() };
        return lc.exp();
    }
    let lc = stirling_error(n)
        - stirling_error(x)
        - stirling_error(n - x)
        - deviance(x, n * p)
        - deviance(n - x, n * q);
    let lf = std::f64::consts::TAU.ln() + x.ln() + (-x / n).ln_1p();
    (lc - 0.5 * lf).exp()
}

/// Hypergeometric probability of `x` white balls in `k` draws from an urn with `m` white and
/// `n` black balls (R's `dhyper(x, m, n, k)`), as a ratio of three binomial probabilities
/// with the common `p = k/(m + n)`.
pub(crate) fn hypergeometric_pmf(x: f64, m: f64, n: f64, k: f64) -> f64 {
    let total = m + n;
    if x < 0.0 || x > k || x > m || k - x > n {
        return 0.0;
    }
    if k == 0.0 || k == total {
        return 1.0;
    }
    let p = k / total;
    let q = (total - k) / total;
    let p1 = binomial_pmf(x, m, p, q);
    let p2 = binomial_pmf(k - x, n, p, q);
    let p3 = binomial_pmf(k, total, p, q);
    p1 * p2 / p3
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn binomial_matches_exact_fractions() {
        // C(24, 12) / 2^24
        let exact = 2_704_156.0 / 16_777_216.0;
        assert!((binomial_pmf(12.0, 24.0, 0.5, 0.5) / exact - 1.0).abs() < 1e-14);
        assert!((binomial_pmf(0.0, 24.0, 0.5, 0.5) / 2f64.powi(-24) - 1.0).abs() < 1e-14);
        assert!((binomial_pmf(3.0, 10.0, 0.3, 0.7) / 0.266_827_932 - 1.0).abs() < 1e-14);
    }

    #[test]
    fn hypergeometric_matches_exact_fraction() {
        // P(X = 23) with m = 40 events, n = 8 non-events, k = 24 drawn:
        // C(40,23) C(8,1) / C(48,24)
        let exact = 88_732_378_800.0 * 8.0 / 32_247_603_683_100.0;
        let got = hypergeometric_pmf(23.0, 40.0, 8.0, 24.0);
        assert!((got / exact - 1.0).abs() < 1e-14, "{got} {exact}");
    }
}
