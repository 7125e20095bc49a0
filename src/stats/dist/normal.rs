//! Standard normal distribution: Cody's rational Chebyshev approximations for the CDF
//! (both tails computed directly) and Wichura's AS 241 for the quantile.

/// `1 / √(2π)`.
const INV_SQRT_2PI: f64 = 0.398_942_280_401_432_7;

/// Lower and upper tail `(P[X <= x], P[X > x])` of the standard normal.
///
/// W. J. Cody (1969/1993, SPECFUN `ANORM`): a rational approximation of `Φ` near zero,
/// and of `exp(x²/2) Φ(-|x|)` beyond. The factor `exp(-x²/2)` is split as
/// `exp(-xs²/2) exp(-(x - xs)(x + xs)/2)` with `xs = ⌊16x⌋/16`, so the square is formed
/// without rounding and the far tail keeps full relative accuracy (down to `pnorm(-37)`).
pub(crate) fn normal_tails(x: f64) -> (f64, f64) {
    const A: [f64; 5] =
        [2.2352520354606837, 161.02823106855587, 1067.6894854603709, 18154.98125334356, 0.06568233791820745];
    const B: [f64; 4] = [47.202581904688245, 976.0985517377767, 10260.932208618979, 45507.78933502673];
    const C: [f64; 9] = [
        0.39894151208813466,
        8.883149794388377,
        93.50665613217785,
        597.2702763948002,
        2494.5375852903726,
        6848.190450536283,
        11602.65143764735,
        9842.714838383978,
        1.0765576773720192e-08,
    ];
    const D: [f64; 8] = [
        22.266688044328117,
        235.387901782625,
        1519.3775994075547,
        6485.558298266761,
        18615.571640885097,
        34900.95272114598,
        38912.00328609327,
        19685.429676859992,
    ];
    const P: [f64; 6] = [
        0.215898534057957,
        0.12740116116024736,
        0.022235277870649807,
        0.0014216191932278934,
        2.9112874951168793e-05,
        0.023073441764940174,
    ];
    const Q: [f64; 5] = [
        1.284260096144911,
        0.4682382124808651,
        0.06598813786892856,
        0.0037823963320275824,
        7.297515550839662e-05,
    ];

    if x.is_nan() {
        return (f64::NAN, f64::NAN);
    }
    let y = x.abs();
    if y <= 0.674_489_75 {
        // Central range: Φ(x) = ½ + x R(x²).
        let xsq = if y > f64::EPSILON * 0.5 { x * x } else { 0.0 };
        let mut num = A[4] * xsq;
        let mut den = xsq;
        for i in 0..3 {
            num = (num + A[i]) * xsq;
            den = (den + B[i]) * xsq;
        }
        let temp = x * (num + A[3]) / (den + B[3]);
        return (0.5 + temp, 0.5 - temp);
    }
    // Tail probability Φ(-|x|); swapped at the end when x > 0.
    let small_tail = if y > 40.0 {
        0.0
    } else {
        let rational = if y <= 32f64.sqrt() {
            let mut num = C[8] * y;
            let mut den = y;
            for i in 0..7 {
                num = (num + C[i]) * y;
                den = (den + D[i]) * y;
            }
            (num + C[7]) / (den + D[7])
        } else {
            let xsq = 1.0 / (x * x);
            let mut num = P[5] * xsq;
            let mut den = xsq;
            for i in 0..4 {
                num = (num + P[i]) * xsq;
                den = (den + Q[i]) * xsq;
            }
            let r = xsq * (num + P[4]) / (den + Q[4]);
            (INV_SQRT_2PI - r) / y
        };
        let ys = (y * 16.0).trunc() / 16.0;
        let del = (y - ys) * (y + ys);
        (-ys * ys * 0.5).exp() * (-del * 0.5).exp() * rational
    };
    let big_tail = 1.0 - small_tail;
    if x > 0.0 {
        (big_tail, small_tail)
    } else {
        (small_tail, big_tail)
    }
}

/// Standard normal density.
pub(crate) fn normal_density(x: f64) -> f64 {
    INV_SQRT_2PI * (-0.5 * x * x).exp()
}

/// Lower-tail standard normal quantile by Wichura's AS 241 (`PPND16`, Applied Statistics
/// 37, 1988), relative accuracy about 1e-16.
///
/// The tail branches work with `r = min(p, 1 - p)` as given, so an upper-tail quantile is
/// obtained exactly as `-normal_quantile(p_upper)`.
pub(crate) fn normal_quantile(p: f64) -> f64 {
    const A: [f64; 8] = [
        3.3871328727963665,
        133.14166789178438,
        1971.5909503065513,
        13731.69376550946,
        45921.95393154987,
        67265.7709270087,
        33430.57558358813,
        2509.0809287301227,
    ];
    const B: [f64; 8] = [
        1.0,
        42.31333070160091,
        687.1870074920579,
        5394.196021424751,
        21213.794301586597,
        39307.89580009271,
        28729.085735721943,
        5226.495278852854,
    ];
    const C: [f64; 8] = [
        1.4234371107496835,
        4.630337846156546,
        5.769497221460691,
        3.6478483247632045,
        1.2704582524523684,
        0.2417807251774506,
        0.022723844989269184,
        0.0007745450142783414,
    ];
    const D: [f64; 8] = [
        1.0,
        2.053191626637759,
        1.6763848301838038,
        0.6897673349851,
        0.14810397642748008,
        0.015198666563616457,
        0.0005475938084995345,
        1.0507500716444169e-09,
    ];
    const E: [f64; 8] = [
        6.657904643501103,
        5.463784911164114,
        1.7848265399172913,
        0.29656057182850487,
        0.026532189526576124,
        0.0012426609473880784,
        2.7115555687434876e-05,
        2.0103343992922881e-07,
    ];
    const F: [f64; 8] = [
        1.0,
        0.599832206555888,
        0.1369298809227358,
        0.014875361290850615,
        0.0007868691311456133,
        1.8463183175100548e-05,
        1.421511758316446e-07,
        2.0442631033899397e-15,
    ];
    fn poly(c: &[f64; 8], r: f64) -> f64 {
        c.iter().rev().fold(0.0, |acc, &k| acc * r + k)
    }

    if p.is_nan() || !(0.0..=1.0).contains(&p) {
        return f64::NAN;
    }
    if p == 0.0 {
        return f64::NEG_INFINITY;
    }
    if p == 1.0 {
        return f64::INFINITY;
    }
    let q = p - 0.5;
    if q.abs() <= 0.425 {
        let r = 0.180_625 - q * q;
        return q * poly(&A, r) / poly(&B, r);
    }
    let tail = if q < 0.0 { p } else { 1.0 - p };
    let r = (-tail.ln()).sqrt();
    let value = if r <= 5.0 {
        let r = r - 1.6;
        poly(&C, r) / poly(&D, r)
    } else {
        let r = r - 5.0;
        poly(&E, r) / poly(&F, r)
    };
    if q < 0.0 {
        -value
    } else {
        value
    }
}
