//! Cox model against R's `coxph` (tests/fixtures/coxph_*.json), and error cases.
//!
//! Tolerances: quantities at coef = 0 (null log-likelihood, score test) are closed-form and
//! are compared at 1e-12 relative. The fitted coefficient, its SE and the log-likelihood are
//! compared with the fixtures' `tight_fit` (R refit with eps = 1e-13) at 1e-12. R's default
//! fit stops at eps = 1e-9 on the log-likelihood, so its coef / SE are only good to about
//! 1e-8 relative: the Wald test, z, HR and its CI are compared with those printed values at
//! 1e-7, and with the same formulas applied to the tight coef / SE at 1e-12.
//! R's tight fit itself stops on a relative log-likelihood change of 1e-13, which leaves the aml
//! Efron coefficient 6e-14 from the maximum; a 50-digit Newton iteration (Python `decimal`) on
//! the same partial likelihoods gives the exact maxima, matched here at 1e-14.

mod survival_fixture;

use serde_json::Value;
use survival_fixture::{assert_close, assert_close_rel, f, load, Data};
use trial_explorer::stats::cox::{cox_ph, CoxFit, Ties};
use trial_explorer::stats::dist::{pchisq_upper, qnorm};
use trial_explorer::stats::logrank::log_rank;
use trial_explorer::stats::StatsError;

/// Tolerance for comparisons with R's default (eps = 1e-9) fit.
const DEFAULT_FIT: f64 = 1e-7;

fn fixture_data(name: &str) -> (Value, Vec<f64>, Vec<bool>, Vec<usize>) {
    let fixture = load(name);
    let data = Data::of(&fixture);
    let groups = match name {
        "coxph_aml" => data.labels("x", &["Maintained".into(), "Nonmaintained".into()]),
        _ => data.labels("rx", &["1".into(), "2".into()]),
    };
    (fixture.clone(), data.times.clone(), data.events.clone(), groups)
}

fn check_fit(got: &CoxFit, want: &Value, label: &str) {
    assert_eq!(got.n as f64, f(&want["n"]), "{label}: n");
    assert_eq!(got.n_event as f64, f(&want["n_event"]), "{label}: events");
    let tight = &want["tight_fit"];
    assert_close(got.coef[0], f(&tight["coef"]), &format!("{label}: coef (tight)"));
    assert_close(got.se[0], f(&tight["se"]), &format!("{label}: se (tight)"));
    assert_close(got.loglik, f(&tight["loglik"]), &format!("{label}: loglik (tight)"));
    assert_close(got.loglik, f(&want["loglik"]), &format!("{label}: loglik"));
    assert_close(got.loglik_null, f(&want["loglik_null"]), &format!("{label}: loglik null"));
    for (test, key) in [(&got.score, "score_test"), (&got.likelihood_ratio, "lr_test")] {
        assert_close(test.statistic, f(&want[key]["statistic"]), &format!("{label}: {key}"));
        assert_close(test.p_value, f(&want[key]["p"]), &format!("{label}: {key} p"));
        assert_eq!(test.df as f64, f(&want[key]["df"]), "{label}: {key} df");
    }

    // Against R's printed default fit (converged to ~1e-8 only).
    let default =
        |got: f64, key: &str| assert_close_rel(got, f(&want[key]), DEFAULT_FIT, &format!("{label}: {key}"));
    default(got.coef[0], "coef");
    default(got.se[0], "se");
    default(got.z()[0], "z");
    default(got.hazard_ratio()[0], "hr");
    let ci = got.hazard_ratio_ci(0.95).unwrap()[0];
    default(ci.lower, "hr_lower");
    default(ci.upper, "hr_upper");
    default(got.p_values()[0], "p_wald_coef");
    assert_close_rel(got.wald.statistic, f(&want["wald_test"]["statistic"]), DEFAULT_FIT, "wald");
    assert_close_rel(got.wald.p_value, f(&want["wald_test"]["p"]), DEFAULT_FIT, "wald p");

    // The same formulas on the tight coef / se, to full precision.
    let (b, se) = (f(&tight["coef"]), f(&tight["se"]));
    let z = qnorm(0.975);
    assert_close(ci.lower, (b - z * se).exp(), &format!("{label}: HR lower (tight)"));
    assert_close(ci.upper, (b + z * se).exp(), &format!("{label}: HR upper (tight)"));
    assert_close(got.wald.statistic, (b / se) * (b / se), &format!("{label}: wald (tight)"));
    assert_close(
        got.wald.p_value,
        pchisq_upper((b / se).powi(2), 1.0).unwrap(),
        &format!("{label}: wald p (tight)"),
    );
}

#[test]
fn aml_efron_and_breslow_match_coxph() {
    let (fixture, times, events, groups) = fixture_data("coxph_aml");
    for (ties, key) in [(Ties::Efron, "efron"), (Ties::Breslow, "breslow")] {
        let fit = cox_ph(&times, &events, &groups, ties).unwrap();
        assert_eq!(fit.ties, ties);
        check_fit(&fit, &fixture["fits"][key], &format!("aml {key}"));
    }
}

#[test]
fn ovarian_efron_and_breslow_match_coxph() {
    let (fixture, times, events, groups) = fixture_data("coxph_ovarian");
    for (ties, key) in [(Ties::Efron, "efron"), (Ties::Breslow, "breslow")] {
        let fit = cox_ph(&times, &events, &groups, ties).unwrap();
        check_fit(&fit, &fixture["fits"][key], &format!("ovarian {key}"));
    }
}

#[test]
fn estimates_agree_with_a_50_digit_reference() {
    // (fixture, ties, coef, se, loglik) from 50-significant-digit Newton iterations.
    let reference = [
        ("coxph_aml", Ties::Efron, 0.9155325750147731, 0.5119342751720094, -41.03261559645837),
        ("coxph_aml", Ties::Breslow, 0.9042197236862112, 0.5122479073041887, -41.25011435006887),
        ("coxph_ovarian", Ties::Efron, -0.5963800493927138, 0.5869895263665023, -34.45921379673805),
        ("coxph_ovarian", Ties::Breslow, -0.5963800493927138, 0.5869895263665023, -34.45921379673805),
    ];
    for (name, ties, coef, se, loglik) in reference {
        let (_, times, events, groups) = fixture_data(name);
        let fit = cox_ph(&times, &events, &groups, ties).unwrap();
        let label = format!("{name} {ties:?}");
        assert_close_rel(fit.coef[0], coef, 1e-14, &format!("{label}: coef"));
        assert_close_rel(fit.se[0], se, 1e-14, &format!("{label}: se"));
        assert_close_rel(fit.loglik, loglik, 1e-14, &format!("{label}: loglik"));
    }
}

#[test]
fn without_tied_events_the_score_test_is_the_log_rank_test() {
    // ovarian has no tied event times; a third group keeps the 2-df case honest too.
    let (_, times, events, groups) = fixture_data("coxph_ovarian");
    let fit = cox_ph(&times, &events, &groups, Ties::Efron).unwrap();
    let test = log_rank(&times, &events, &groups, 0.0).unwrap();
    assert_close(fit.score.statistic, test.chisq, "score = log-rank");
    let three: Vec<usize> = (0..times.len()).map(|i| if i % 3 == 0 { 2 } else { groups[i] }).collect();
    let fit = cox_ph(&times, &events, &three, Ties::Breslow).unwrap();
    let test = log_rank(&times, &events, &three, 0.0).unwrap();
    assert_eq!((fit.coef.len(), fit.score.df), (2, 2));
    assert_close(fit.score.statistic, test.chisq, "3-group score = log-rank");
}

#[test]
fn swapping_the_reference_group_negates_the_log_hazard_ratio() {
    let (_, times, events, groups) = fixture_data("coxph_aml");
    let fit = cox_ph(&times, &events, &groups, Ties::Efron).unwrap();
    assert!(fit.iterations <= 10);
    let shifted: Vec<usize> = groups.iter().map(|&g| 1 - g).collect();
    let mirrored = cox_ph(&times, &events, &shifted, Ties::Efron).unwrap();
    // Swapping the reference group negates the log hazard ratio, with the same SE and loglik.
    assert_close(mirrored.coef[0], -fit.coef[0], "mirrored coef");
    assert_close(mirrored.se[0], fit.se[0], "mirrored se");
    assert_close(mirrored.loglik, fit.loglik, "mirrored loglik");
}

#[test]
fn input_errors_name_the_problem() {
    let t = [1.0, 2.0, 3.0, 4.0];
    let e = [true, false, true, true];
    let g = [0, 0, 1, 1];
    assert_eq!(cox_ph(&[], &[], &[], Ties::Efron), Err(StatsError::Empty { what: "cox_ph: times".into() }));
    assert_eq!(
        cox_ph(&t, &e, &g[..3], Ties::Efron),
        Err(StatsError::LengthMismatch { what: "cox_ph: groups".into(), expected: 4, found: 3 })
    );
    assert_eq!(
        cox_ph(&t, &e[..1], &g, Ties::Efron),
        Err(StatsError::LengthMismatch { what: "cox_ph: events".into(), expected: 4, found: 1 })
    );
    assert!(matches!(
        cox_ph(&[1.0, f64::NAN, 3.0, 4.0], &e, &g, Ties::Efron),
        Err(StatsError::InvalidValue { ref what, index: 1, value }) if what == "cox_ph: times (must be finite and >= 0)" && value.is_nan()
    ));
    assert_eq!(
        cox_ph(&t, &e, &[0; 4], Ties::Efron),
        Err(StatsError::TooFewGroups { what: "cox_ph: groups".into(), found: 1 })
    );
    assert_eq!(
        cox_ph(&t, &e, &[0, 0, 2, 2], Ties::Efron),
        Err(StatsError::EmptyGroup { what: "cox_ph: groups".into(), group: 1 })
    );
    assert_eq!(
        cox_ph(&t, &[false; 4], &g, Ties::Breslow),
        Err(StatsError::NoEvents { what: "cox_ph".into() })
    );
    // Group 0 is censored before the first event: nothing to compare it with.
    assert_eq!(
        cox_ph(&[1.0, 2.0, 3.0, 4.0], &[false, false, true, true], &g, Ties::Efron),
        Err(StatsError::NotAtRisk { what: "cox_ph".into(), group: 0 })
    );
    // Group 1 never has an event while at risk with group 0: the hazard ratio is 0.
    let monotone = cox_ph(&[1.0, 2.0, 3.0, 4.0], &[true, true, false, false], &g, Ties::Efron);
    assert_eq!(monotone, Err(StatsError::NotConverged { what: "cox_ph".into(), iterations: 40 }));
    assert_eq!(
        monotone.unwrap_err().to_string(),
        "cox_ph: did not converge in 40 iterations (a hazard ratio may be infinite)"
    );
    assert_eq!(
        StatsError::NotAtRisk { what: "cox_ph".into(), group: 0 }.to_string(),
        "cox_ph: group 0 has nobody at risk at any event time"
    );
    let (_, times, events, groups) = fixture_data("coxph_aml");
    let fit = cox_ph(&times, &events, &groups, Ties::Efron).unwrap();
    assert_eq!(
        fit.hazard_ratio_ci(0.0),
        Err(StatsError::InvalidParameter {
            what: "confidence level (must be between 0 and 1)".into(),
            value: 0.0
        })
    );
}

/// SplitMix64 uniforms on (0, 1), the generator of the benchmark.
fn uniforms(seed: u64) -> impl FnMut() -> f64 {
    let mut state = seed;
    move || {
        state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^= z >> 31;
        ((z >> 11) as f64 + 0.5) / (1u64 << 53) as f64
    }
}

#[test]
fn large_samples_converge_to_rounding() {
    // A million subjects, exponential times (HR 0.7), 20% censoring. The expected values come
    // from an independent Newton iteration with exactly rounded sums (Python math.fsum) over
    // the same data: a plain running sum of the ~1e6-sized log-likelihood is too noisy to
    // steer step-halving (it once left the estimate 6e-7 off).
    let n = 1_000_000;
    let mut u = uniforms(20_100_913 + n as u64);
    let (mut times, mut events, mut groups) = (vec![], vec![], vec![]);
    for i in 0..n {
        let rate = if i % 2 == 0 { 1.0 } else { 0.7 };
        times.push(-u().ln() / rate);
        events.push(u() >= 0.2);
        groups.push(i % 2);
    }
    let fit = cox_ph(&times, &events, &groups, Ties::Efron).unwrap();
    assert_close_rel(fit.coef[0], -0.3577055313940629, 1e-13, "large-sample coef");
    assert_close(fit.se[0], 1.0 / 194309.83671988803_f64.sqrt(), "large-sample se");
    assert!(fit.iterations <= 6, "{} iterations", fit.iterations);
}
