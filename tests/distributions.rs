//! Every value of `tests/fixtures/distributions.json` (R 4.2.2) reproduced by
//! `trial_explorer::stats::dist`: qnorm, pnorm, qt, pt, qchisq, pchisq over both tails down to
//! 1e-10 (and values down to 1e-300), df 1, 2, non-integer df and up to 1000.

mod rref;

use rref::{assert_close, fixture, num, rel_diff};
use trial_explorer::stats::dist;

/// Relative tolerance for every fixture value (the README's suggested setting).
const TOL: f64 = 1e-12;

fn evaluate(f: &str, x: f64, df: f64, lower: bool) -> f64 {
    let value = match (f, lower) {
        ("qnorm", true) => Some(dist::qnorm(x)),
        ("qnorm", false) => Some(dist::qnorm_upper(x)),
        ("pnorm", true) => Some(dist::pnorm(x)),
        ("pnorm", false) => Some(dist::pnorm_upper(x)),
        ("qt", true) => dist::qt(x, df),
        ("qt", false) => dist::qt_upper(x, df),
        ("pt", true) => dist::pt(x, df),
        ("pt", false) => dist::pt_upper(x, df),
        ("qchisq", true) => dist::qchisq(x, df),
        ("qchisq", false) => dist::qchisq_upper(x, df),
        ("pchisq", true) => dist::pchisq(x, df),
        ("pchisq", false) => dist::pchisq_upper(x, df),
        _ => panic!("unknown function {f}"),
    };
    value.unwrap_or_else(|| panic!("{f}({x}, {df}) rejected its arguments"))
}

fn check_family(family: &str) -> usize {
    let fx = fixture("distributions.json");
    let mut checked = 0;
    let mut worst = (0.0, String::new());
    for v in fx["values"].as_array().expect("values") {
        let f = v["fn"].as_str().expect("fn");
        if f != family {
            continue;
        }
        let x = num(&v["x"]);
        let df = v.get("df").map(num).unwrap_or(f64::NAN);
        let lower = v["lower_tail"].as_bool().expect("lower_tail");
        let expected = num(&v["value"]);
        let got = evaluate(f, x, df, lower);
        let call = v["r"].as_str().expect("r");
        assert_close(got, expected, TOL, call);
        let d = rel_diff(got, expected);
        if d > worst.0 {
            worst = (d, call.to_string());
        }
        checked += 1;
    }
    println!("{family}: {checked} values, worst {:e} at {}", worst.0, worst.1);
    checked
}

#[test]
fn qnorm_matches_r() {
    assert_eq!(check_family("qnorm"), 18);
}

#[test]
fn pnorm_matches_r() {
    assert_eq!(check_family("pnorm"), 20);
}

#[test]
fn qt_matches_r() {
    assert!(check_family("qt") >= 200);
}

#[test]
fn pt_matches_r() {
    assert!(check_family("pt") >= 200);
}

#[test]
fn qchisq_matches_r() {
    assert!(check_family("qchisq") >= 150);
}

#[test]
fn pchisq_matches_r() {
    assert!(check_family("pchisq") >= 150);
}

#[test]
fn every_fixture_value_is_covered() {
    let fx = fixture("distributions.json");
    let total = fx["values"].as_array().expect("values").len();
    let families = ["qnorm", "pnorm", "qt", "pt", "qchisq", "pchisq"];
    let covered: usize = families.iter().map(|f| check_family(f)).sum();
    assert_eq!(covered, total);
}

#[test]
fn boundaries_follow_r() {
    assert_eq!(dist::qnorm(0.0), f64::NEG_INFINITY);
    assert_eq!(dist::qnorm(1.0), f64::INFINITY);
    assert!(dist::qnorm(1.5).is_nan());
    assert!(dist::qnorm(f64::NAN).is_nan());
    assert_eq!(dist::qt(0.0, 3.0), Some(f64::NEG_INFINITY));
    assert_eq!(dist::qt(1.0, 3.0), Some(f64::INFINITY));
    assert_eq!(dist::qchisq(0.0, 3.0), Some(0.0));
    assert_eq!(dist::qchisq_upper(0.0, 3.0), Some(f64::INFINITY));
    assert_eq!(dist::pchisq(-1.0, 2.0), Some(0.0));
    assert_eq!(dist::pchisq_upper(-1.0, 2.0), Some(1.0));
    assert_eq!(dist::pt(f64::INFINITY, 4.0), Some(1.0));
    assert_eq!(dist::pt(f64::NEG_INFINITY, 4.0), Some(0.0));
    assert_eq!(dist::pnorm(f64::NEG_INFINITY), 0.0);
    assert_eq!(dist::pnorm_upper(f64::NEG_INFINITY), 1.0);
}

#[test]
fn invalid_parameters_are_rejected_not_panicking() {
    assert_eq!(dist::pt(1.0, 0.0), None);
    assert_eq!(dist::pt(1.0, -2.0), None);
    assert_eq!(dist::pt(f64::NAN, 2.0), None);
    assert_eq!(dist::qt(1.2, 5.0), None);
    assert_eq!(dist::qt(0.5, f64::NAN), None);
    assert_eq!(dist::pchisq(1.0, 0.0), None);
    assert_eq!(dist::pchisq_upper(1.0, f64::INFINITY), None);
    assert_eq!(dist::qchisq(-0.1, 1.0), None);
    assert_eq!(dist::qchisq_upper(0.5, -1.0), None);
    assert_eq!(dist::pf_upper(1.0, 0.0, 3.0), None);
    assert_eq!(dist::qbeta(0.5, 0.0, 1.0), None);
    assert_eq!(dist::dbinom(1, 3, 1.5), None);
    assert_eq!(dist::dhyper(1, 2, 2, 5), None);
}

#[test]
fn t_with_infinite_df_is_normal() {
    assert_eq!(dist::pt(1.5, f64::INFINITY), Some(dist::pnorm(1.5)));
    assert_eq!(dist::qt(0.975, f64::INFINITY), Some(dist::qnorm(0.975)));
}

#[test]
fn f_tail_with_one_numerator_df_is_two_sided_t() {
    for &(t, df) in &[(0.4, 3.0), (2.295_276_167_028_018, 46.0), (7.0, 2.5)] {
        let f = dist::pf_upper(t * t, 1.0, df).unwrap();
        let two_sided = 2.0 * dist::pt(-t, df).unwrap();
        assert_close(f, two_sided, 1e-13, "pf_upper vs pt");
        let lower = dist::pf(t * t, 1.0, df).unwrap();
        assert_close(lower, 1.0 - two_sided, 1e-13, "pf vs pt");
    }
}

#[test]
fn beta_quantile_inverts_beta_cdf() {
    for &(p, a, b) in &[(0.025, 23.0, 2.0), (0.975, 1.0, 24.0), (1e-8, 0.5, 3.0), (0.5, 40.0, 60.0)] {
        let q = dist::qbeta(p, a, b).unwrap();
        assert_close(dist::pbeta(q, a, b).unwrap(), p, 1e-13, "pbeta(qbeta)");
        let qu = dist::qbeta_upper(p, a, b).unwrap();
        assert_close(dist::pbeta_upper(qu, a, b).unwrap(), p, 1e-13, "pbeta_upper(qbeta_upper)");
    }
}

#[test]
fn binomial_tails_add_up() {
    // pbinom(8, 24, 0.5) from exact integer sums: Σ_{k<=8} C(24, k) / 2^24 = 1271626 / 16777216.
    let lower = dist::pbinom(8, 24, 0.5).unwrap();
    assert_close(lower, 1_271_626.0 / 16_777_216.0, 1e-14, "pbinom");
    let upper = dist::pbinom_upper(8, 24, 0.5).unwrap();
    assert_close(upper, 1.0 - 1_271_626.0 / 16_777_216.0, 1e-14, "pbinom upper");
    let p12 = dist::dbinom(12, 24, 0.5).unwrap();
    assert_close(p12, 2_704_156.0 / 16_777_216.0, 1e-14, "dbinom");
    assert_eq!(dist::dbinom(25, 24, 0.5), Some(0.0));
}

mod round_trips {
    use proptest::prelude::*;
    use trial_explorer::stats::dist;

    fn rel(a: f64, b: f64) -> f64 {
        ((a - b) / b).abs()
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]

        #[test]
        fn qt_inverts_pt(p in 1e-12f64..0.999_999, df in 0.2f64..2000.0) {
            let q = dist::qt(p, df).unwrap();
            let back = dist::pt(q, df).unwrap();
            // Compare the smaller tail, which carries the relative precision.
            let (got, want) = if p < 0.5 { (back, p) } else { (1.0 - back, 1.0 - p) };
            prop_assert!(rel(got, want) < 1e-11, "qt({p}, {df}) = {q}, pt gives {back}");
        }

        #[test]
        fn qchisq_inverts_pchisq(p in 1e-12f64..0.999_999, df in 0.2f64..500.0) {
            let q = dist::qchisq(p, df).unwrap();
            let lower = dist::pchisq(q, df).unwrap();
            let upper = dist::pchisq_upper(q, df).unwrap();
            let (got, want) = if p < 0.5 { (lower, p) } else { (upper, 1.0 - p) };
            prop_assert!(rel(got, want) < 1e-11, "qchisq({p}, {df}) = {q}");
        }

        #[test]
        fn qbeta_inverts_pbeta(p in 1e-10f64..0.999_999, a in 0.2f64..200.0, b in 0.2f64..200.0) {
            let q = dist::qbeta(p, a, b).unwrap();
            let lower = dist::pbeta(q, a, b).unwrap();
            let upper = dist::pbeta_upper(q, a, b).unwrap();
            let (got, want) = if p < 0.5 { (lower, p) } else { (upper, 1.0 - p) };
            // Near x = 1 the beta quantile itself is limited by the spacing of doubles: with a
            // small b, one double more or less moves the upper tail, about (1 − x)^b, by far more
            // than 1e-9 of it. There the quantile must be right to the last double: the target
            // tail lies between the tails at its two neighbours.
            let tail = |x: f64| {
                if p < 0.5 { dist::pbeta(x, a, b).unwrap() } else { dist::pbeta_upper(x, a, b).unwrap() }
            };
            let last_double = q > 0.0 && q < 1.0 && {
                let (below, above) = (f64::from_bits(q.to_bits() - 1), f64::from_bits(q.to_bits() + 1));
                (tail(below) - want) * (tail(above) - want) <= 0.0
            };
            prop_assert!(
                rel(got, want) < 1e-9 || q > 1.0 - 1e-12 || last_double,
                "qbeta({p}, {a}, {b}) = {q}"
            );
        }

        #[test]
        fn tails_are_complementary(x in -40.0f64..40.0, df in 0.3f64..300.0) {
            let (lo, up) = (dist::pt(x, df).unwrap(), dist::pt_upper(x, df).unwrap());
            prop_assert!((lo + up - 1.0).abs() < 1e-14);
            let c = x.abs() * 3.0;
            let (lo, up) = (dist::pchisq(c, df).unwrap(), dist::pchisq_upper(c, df).unwrap());
            prop_assert!((lo + up - 1.0).abs() < 1e-14);
        }
    }
}
