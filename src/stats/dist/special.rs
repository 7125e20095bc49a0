//! Log-gamma, log-beta and `log(1 + u) - u`, written so that their absolute error stays near
//! one rounding even for large arguments. The distribution functions exponentiate these
//! values, so an absolute error in a logarithm becomes the relative error of a probability.

/// `ln(sqrt(2π))`.
pub(crate) const LN_SQRT_2PI: f64 = 0.918_938_533_204_672_8;

/// Remainder of Stirling's formula, `lgamma(x) - ((x - ½) ln x - x + ln √(2π))`, for `x >= 10`.
///
/// The asymptotic series `Σ B₂ₖ / (2k (2k - 1) x²ᵏ⁻¹)` truncated after eight terms; at
/// `x = 10` the first omitted term is below 2e-18.
pub(crate) fn stirling_remainder(x: f64) -> f64 {
    // B₂ₖ / (2k (2k - 1)) for k = 1..8.
    const COEF: [f64; 8] = [
        1.0 / 12.0,
        -1.0 / 360.0,
        1.0 / 1260.0,
        -1.0 / 1680.0,
        1.0 / 1188.0,
        -691.0 / 360_360.0,
        1.0 / 156.0,
        -3617.0 / 122_400.0,
    ];
    let inv_x2 = 1.0 / (x * x);
    let series = COEF.iter().rev().fold(0.0, |acc, &c| acc * inv_x2 + c);
    series / x
}

/// Natural log of the gamma function for `x > 0` (`NaN` otherwise).
///
/// Stirling's series for `x >= 10`; below that the argument is shifted up by the recurrence
/// `Γ(x) = Γ(x + n) / (x (x + 1) … (x + n - 1))`; small whole numbers use the exact
/// factorial. Absolute error about 1e-15.
pub(crate) fn ln_gamma(x: f64) -> f64 {
    if x.is_nan() || x <= 0.0 {
        return f64::NAN;
    }
    if x.is_infinite() {
        return f64::INFINITY;
    }
    if x.fract() == 0.0 && x <= 18.0 {
        // (x - 1)! is exact in a double up to 17!.
        let mut factorial = 1.0;
        let mut k = 2.0;
        while k < x {
            factorial *= k;
            k += 1.0;
        }
        return factorial.ln();
    }
    if x >= 10.0 {
        return (x - 0.5) * x.ln() - x + LN_SQRT_2PI + stirling_remainder(x);
    }
    let shift = (10.0 - x).ceil();
    let mut product = 1.0;
    let mut i = 0.0;
    while i < shift {
        product *= x + i;
        i += 1.0;
    }
    ln_gamma(x + shift) - product.ln()
}

/// `ln B(a, b) = ln Γ(a) + ln Γ(b) - ln Γ(a + b)` for positive `a`, `b`.
///
/// When an argument is large the three log-gammas nearly cancel; the Stirling remainders are
/// combined first and the large terms are written as logarithms of ratios, so the result
/// keeps an absolute error near one rounding.
pub(crate) fn ln_beta(a: f64, b: f64) -> f64 {
    let (p, q) = if a < b { (a, b) } else { (b, a) };
    if p.is_nan() || p <= 0.0 {
        return f64::NAN;
    }
    if q.is_infinite() {
        return f64::NEG_INFINITY;
    }
    let sum = p + q;
    if p >= 10.0 {
        let corr = stirling_remainder(p) + stirling_remainder(q) - stirling_remainder(sum);
        -0.5 * q.ln() + LN_SQRT_2PI + corr + (p - 0.5) * (p / sum).ln() + q * (-p / sum).ln_1p()
    } else if q >= 10.0 {
        let corr = stirling_remainder(q) - stirling_remainder(sum);
        ln_gamma(p) + corr + p - p * sum.ln() + (q - 0.5) * (-p / sum).ln_1p()
    } else {
        ln_gamma(p) + ln_gamma(q) - ln_gamma(sum)
    }
}

/// `ln(1 + u) - u` for `u > -1`, accurate also for small `|u|` where the two terms cancel.
///
/// For `|u| <= 0.5` it uses `ln(1 + u) = 2 atanh(r)`, `r = u / (2 + u)`, whose odd series
/// leaves `-r u + 2 (r³/3 + r⁵/5 + …)` once the linear term is removed exactly.
pub(crate) fn ln_1p_minus(u: f64) -> f64 {
    if u.abs() > 0.5 {
        return u.ln_1p() - u;
    }
    let r = u / (2.0 + u);
    let r2 = r * r;
    let mut term = r * r2;
    let mut sum = 0.0;
    let mut k = 3.0;
    loop {
        let add = term / k;
        sum += add;
        if add.abs() <= f64::EPSILON * 1e-3 * sum.abs() {
            break;
        }
        term *= r2;
        k += 2.0;
    }
    2.0 * sum - r * u
}

/// tan x for 0 ≤ x ≤ π/4: the polynomial kernel of fdlibm's `tan` (as in Rust's `libm`,
/// `k_tan`), which is all `tan` does in this range. The general `tan` adds an argument
/// reduction for any x, several KB of WebAssembly that the Cauchy quantile never needs.
pub(crate) fn tan_within_quarter_pi(x: f64) -> f64 {
    // The coefficients and π/4 by their bits, as fdlibm gives them.
    const T: [f64; 13] = [
        f64::from_bits(0x3FD5_5555_5555_5563),
        f64::from_bits(0x3FC1_1111_1110_FE7A),
        f64::from_bits(0x3FAB_A1BA_1BB3_41FE),
        f64::from_bits(0x3F96_64F4_8406_D637),
        f64::from_bits(0x3F82_26E3_E96E_8493),
        f64::from_bits(0x3F6D_6D22_C956_0328),
        f64::from_bits(0x3F57_DBC8_FEE0_8315),
        f64::from_bits(0x3F43_44D8_F2F2_6501),
        f64::from_bits(0x3F30_26F7_1A8D_1068),
        f64::from_bits(0x3F14_7E88_A037_92A6),
        f64::from_bits(0x3F12_B80F_32F0_A7E9),
        f64::from_bits(0xBEF3_75CB_DB60_5373),
        f64::from_bits(0x3EFB_2A70_74BF_7AD4),
    ];
    const PIO4: f64 = std::f64::consts::FRAC_PI_4;
    const PIO4_LO: f64 = f64::from_bits(0x3C81_A626_3314_5C07);
    // From about 0.6744 on, tan x = tan(π/4 - y) is computed from the smaller y (the same
    // threshold on the high word as fdlibm). The test below holds the results within one unit
    // in the last place of the host's `tan`, whose last rounding step may differ.
    let big = (x.to_bits() >> 32) as u32 >= 0x3FE5_9428;
    let x = if big { (PIO4 - x) + PIO4_LO } else { x };
    let z = x * x;
    let w = z * z;
    let r = T[1] + w * (T[3] + w * (T[5] + w * (T[7] + w * (T[9] + w * T[11]))));
    let v = z * (T[2] + w * (T[4] + w * (T[6] + w * (T[8] + w * (T[10] + w * T[12])))));
    let s = z * x;
    let r = z * (s * (r + v)) + s * T[0];
    let w = x + r;
    if big {
        1.0 - 2.0 * (x + (r - w * w / (w + 1.0)))
    } else {
        w
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rel(a: f64, b: f64) -> f64 {
        ((a - b) / b).abs()
    }

    #[test]
    fn ln_gamma_known_values() {
        // ln Γ(1/2) = ln √π, ln Γ(10) = ln 9!, ln Γ(101) = ln 100! (absolute error ~1e-15)
        assert!((ln_gamma(0.5) - 0.572_364_942_924_700_1).abs() < 3e-15);
        assert!((ln_gamma(0.1) - 2.252_712_651_734_206).abs() < 3e-15);
        assert!(rel(ln_gamma(10.0), 362_880f64.ln()) < 1e-15);
        assert!(rel(ln_gamma(101.0), 363.739_375_555_563_47) < 1e-15);
        assert_eq!((ln_gamma(1.0), ln_gamma(2.0)), (0.0, 0.0));
    }

    #[test]
    fn ln_beta_matches_gamma_form() {
        for &(a, b) in &[(0.5, 0.5), (3.0, 12.0), (500.0, 0.5), (40.0, 60.0)] {
            let direct = ln_gamma(a) + ln_gamma(b) - ln_gamma(a + b);
            assert!((ln_beta(a, b) - direct).abs() < 1e-12, "{a} {b}");
        }
        // B(1, b) = 1/b
        assert!((ln_beta(1.0, 30.0) + 30f64.ln()).abs() < 4e-15);
    }

    #[test]
    fn ln_1p_minus_series_and_direct_agree() {
        for &u in &[-0.4_f64, -1e-3, 1e-8, 0.3, 0.5] {
            let expect = u.ln_1p() - u;
            let got = ln_1p_minus(u);
            assert!((got - expect).abs() <= 1e-16 + 1e-9 * expect.abs(), "{u}");
        }
        // Leading term −u²/2 for tiny u.
        assert!(rel(ln_1p_minus(1e-10), -5e-21) < 1e-9);
    }

    #[test]
    fn tan_within_quarter_pi_is_within_one_unit_in_the_last_place() {
        for i in 0..=10_000 {
            let x = std::f64::consts::FRAC_PI_4 * f64::from(i) / 10_000.0;
            let (got, want) = (super::tan_within_quarter_pi(x), x.tan());
            let ulps = (got.to_bits() as i64 - want.to_bits() as i64).abs();
            assert!(ulps <= 1, "tan({x}) = {got}, want {want}");
        }
    }
}
