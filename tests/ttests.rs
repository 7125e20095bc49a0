//! t-tests, group summaries, ANOVA and minimum detectable effects: every value of
//! `tests/fixtures/ttests.json` (R 4.2.2), ANOVA against hand-expanded formulas, and the
//! error cases of the means engine.

mod rref;

use rref::{assert_close, fixture, num};
use serde_json::Value;
use trial_explorer::stats::anova::{one_way_anova, one_way_anova_from_summaries};
use trial_explorer::stats::dist;
use trial_explorer::stats::means::{
    change_from_baseline, cohen_d, pooled_sd, standardized_change, GroupSummary,
};
use trial_explorer::stats::power::{min_standardized_change, min_standardized_difference};
use trial_explorer::stats::ttest::{
    one_sample_t_test, paired_t_test, student_t_test, student_t_test_values, welch_t_test,
    welch_t_test_values, TTest,
};
use trial_explorer::stats::StatsError;

const TOL: f64 = 1e-12;
const LEVEL: f64 = 0.95;

fn summary(v: &Value) -> GroupSummary {
    GroupSummary::new(v["n"].as_u64().expect("n") as usize, num(&v["mean"]), num(&v["sd"]))
        .expect("valid summary")
}

fn assert_test(t: &TTest, r: &Value, what: &str) {
    assert_close(t.t, num(&r["t"]), TOL, &format!("{what} t"));
    if r.get("df").is_some() {
        assert_close(t.df, num(&r["df"]), TOL, &format!("{what} df"));
    }
    assert_close(t.p_value, num(&r["p_value"]), TOL, &format!("{what} p"));
    assert_close(t.ci.lower, num(&r["ci_lower"]), TOL, &format!("{what} CI lower"));
    assert_close(t.ci.upper, num(&r["ci_upper"]), TOL, &format!("{what} CI upper"));
    if r.get("se").is_some() {
        assert_close(t.se, num(&r["se"]), TOL, &format!("{what} se"));
        assert_close(t.t_crit, num(&r["t_crit"]), TOL, &format!("{what} t_crit"));
    }
}

/// `n` values with exactly (to rounding) the given mean and SD, as the fixture's
/// `check_t_test` samples: a fixed pattern standardized and rescaled.
fn sample_with(n: usize, mean: f64, sd: f64) -> Vec<f64> {
    let base: Vec<f64> = (0..n).map(|i| ((i * 7) % n) as f64 + (i as f64).sqrt()).collect();
    let m = base.iter().sum::<f64>() / n as f64;
    let s = (base.iter().map(|b| (b - m).powi(2)).sum::<f64>() / (n - 1) as f64).sqrt();
    base.iter().map(|b| mean + sd * (b - m) / s).collect()
}

#[test]
fn two_sample_tests_from_summaries_match_r() {
    let fx = fixture("ttests.json");
    for (i, case) in fx["two_sample"].as_array().expect("cases").iter().enumerate() {
        let (g1, g2) = (summary(&case["group1"]), summary(&case["group2"]));
        let what = format!("case {i}");
        let welch = welch_t_test(&g1, &g2, LEVEL).unwrap();
        assert_test(&welch, &case["welch"], &format!("{what} Welch"));
        let student = student_t_test(&g1, &g2, LEVEL).unwrap();
        assert_test(&student, &case["student"], &format!("{what} Student"));
        let diff = num(&case["mean_difference"]);
        assert_close(welch.estimate, diff, TOL, &format!("{what} difference"));
        assert_close(student.estimate, diff, TOL, &format!("{what} difference"));
        let sp = num(&case["student"]["pooled_sd"]);
        assert_close(pooled_sd(&g1, &g2), sp, TOL, &format!("{what} pooled SD"));
        let d = cohen_d(&g1, &g2).unwrap();
        assert_close(d, num(&case["cohen_d_pooled"]), TOL, &format!("{what} Cohen's d"));
    }
}

#[test]
fn two_sample_tests_from_raw_data_match_r_t_test() {
    let fx = fixture("ttests.json");
    for (i, case) in fx["two_sample"].as_array().expect("cases").iter().enumerate() {
        let g = |k: &str| {
            let v = &case[k];
            sample_with(v["n"].as_u64().unwrap() as usize, num(&v["mean"]), num(&v["sd"]))
        };
        let (x, y) = (g("group1"), g("group2"));
        let check = &case["check_t_test"];
        let what = format!("case {i} raw");
        assert_test(&welch_t_test_values(&x, &y, LEVEL).unwrap(), &check["welch"], &what);
        assert_test(&student_t_test_values(&x, &y, LEVEL).unwrap(), &check["student"], &what);
    }
}

#[test]
fn paired_tests_match_r() {
    let fx = fixture("ttests.json");
    for (i, case) in fx["paired"].as_array().expect("paired").iter().enumerate() {
        let what = format!("paired case {i}");
        let n = case["n"].as_u64().unwrap() as usize;
        let (mean, sd) = (num(&case["mean_diff"]), num(&case["sd_diff"]));
        let changes = GroupSummary::new(n, mean, sd).unwrap();
        let t = one_sample_t_test(&changes, 0.0, LEVEL).unwrap();
        assert_test(&t, case, &what);
        assert_eq!(t.estimate, mean);
        let dz = standardized_change(&changes).unwrap();
        assert_close(dz, num(&case["dz"]), TOL, &format!("{what} dz"));

        // Raw pairs: differences with this mean and SD on top of an arbitrary baseline.
        let d = sample_with(n, mean, sd);
        let baseline: Vec<f64> = (0..n).map(|k| 300.0 + 17.0 * k as f64).collect();
        let follow_up: Vec<f64> = baseline.iter().zip(&d).map(|(b, d)| b + d).collect();
        let raw = paired_t_test(&follow_up, &baseline, LEVEL).unwrap();
        assert_test(&raw, &case["check_t_test"], &format!("{what} raw"));
        assert_eq!(raw.df, num(&case["df"]));
        let change = change_from_baseline(&baseline, &follow_up, LEVEL).unwrap();
        assert_test(&change.test, &case["check_t_test"], &format!("{what} change"));
        assert_close(change.change.mean(), mean, TOL, &format!("{what} mean change"));
        assert_close(change.change.sd(), sd, TOL, &format!("{what} SD of change"));
        assert_eq!(change.change.n(), n);
    }
}

#[test]
fn mean_ci_is_the_one_sample_t_interval() {
    let g = GroupSummary::new(12, -2.3, 4.1).unwrap();
    let ci = g.mean_ci(LEVEL).unwrap();
    assert_close(ci.lower, -4.905_015_718_055_623, TOL, "lower");
    assert_close(ci.upper, 0.305_015_718_055_622_55, TOL, "upper");
    assert_close(g.se(), 1.183_568_051_838_732_8, TOL, "se");
    // Other levels: the 99% interval is wider, with qt(0.995, 11).
    let ci99 = g.mean_ci(0.99).unwrap();
    let half = dist::qt(0.995, 11.0).unwrap() * g.se();
    assert_close(ci99.upper, -2.3 + half, TOL, "99% upper");
}

#[test]
fn minimum_standardized_change_matches_r() {
    let fx = fixture("ttests.json");
    for case in fx["min_standardized_change"].as_array().expect("cases") {
        let n = case["n"].as_u64().unwrap() as usize;
        let alpha = num(&case["alpha_two_sided"]);
        let m = min_standardized_change(n, alpha).unwrap();
        let what = case["r_call"].as_str().unwrap();
        assert_close(m.t_crit, num(&case["t_crit"]), TOL, what);
        assert_close(m.d_min, num(&case["d_min"]), TOL, what);
        assert_eq!(m.df, (n - 1) as f64);
        // At d_min the two-sided p-value is alpha.
        let p = 2.0 * dist::pt(-m.d_min * (n as f64).sqrt(), m.df).unwrap();
        assert_close(p, num(&case["p_at_d_min"]), TOL, &format!("{what} p at d_min"));
        assert_close(p, alpha, 1e-12, &format!("{what} p at d_min vs alpha"));
    }
    for case in fx["min_standardized_difference_two_sample"].as_array().expect("cases") {
        let n = case["n_per_arm"].as_u64().unwrap() as usize;
        let m = min_standardized_difference(n, n, num(&case["alpha_two_sided"])).unwrap();
        let what = case["r_call"].as_str().unwrap();
        assert_close(m.t_crit, num(&case["t_crit"]), TOL, what);
        assert_close(m.d_min, num(&case["d_min"]), TOL, what);
    }
}

#[test]
fn headline_min_change_for_24_patients_at_0_001() {
    let m = min_standardized_change(24, 0.001).unwrap();
    // d must exceed about 0.77, i.e. |t| > 3.77 on 23 df.
    assert!((m.d_min - 0.77).abs() < 0.005);
    assert!((m.t_crit - 3.77).abs() < 0.005);
}

#[test]
fn welch_is_antisymmetric_in_the_groups() {
    let a = GroupSummary::new(10, 20.0, 5.0).unwrap();
    let b = GroupSummary::new(30, 15.0, 8.0).unwrap();
    let ab = welch_t_test(&a, &b, LEVEL).unwrap();
    let ba = welch_t_test(&b, &a, LEVEL).unwrap();
    assert_eq!(ab.t, -ba.t);
    assert_eq!(ab.df, ba.df);
    assert_eq!(ab.p_value, ba.p_value);
    assert_eq!(ab.ci.lower, -ba.ci.upper);
}

// ---------------------------------------------------------------- one-way ANOVA

/// Three small groups whose ANOVA is expanded by hand below.
const A: [f64; 4] = [4.0, 5.5, 6.0, 7.5];
const B: [f64; 3] = [3.0, 3.5, 6.5];
const C: [f64; 5] = [8.0, 9.0, 10.5, 12.0, 9.5];

#[test]
fn anova_matches_hand_expanded_formulas() {
    // Group means 23/4, 13/3, 49/5; grand mean 85/12.
    let (ma, mb, mc): (f64, f64, f64) = (23.0 / 4.0, 13.0 / 3.0, 49.0 / 5.0);
    let grand = 85.0 / 12.0;
    let ssb = 4.0 * (ma - grand) * (ma - grand)
        + 3.0 * (mb - grand) * (mb - grand)
        + 5.0 * (mc - grand) * (mc - grand);
    // Within: Σ (y - ȳ)² written out per observation.
    let ssw = (4.0 - ma) * (4.0 - ma)
        + (5.5 - ma) * (5.5 - ma)
        + (6.0 - ma) * (6.0 - ma)
        + (7.5 - ma) * (7.5 - ma)
        + (3.0 - mb) * (3.0 - mb)
        + (3.5 - mb) * (3.5 - mb)
        + (6.5 - mb) * (6.5 - mb)
        + (8.0 - mc) * (8.0 - mc)
        + (9.0 - mc) * (9.0 - mc)
        + (10.5 - mc) * (10.5 - mc)
        + (12.0 - mc) * (12.0 - mc)
        + (9.5 - mc) * (9.5 - mc);
    let f = (ssb / 2.0) / (ssw / 9.0);
    // With 2 numerator df the F tail has the closed form (1 + 2f/d2)^(-d2/2).
    let p = (1.0 + 2.0 * f / 9.0).powf(-4.5);

    let a = one_way_anova(&[&A, &B, &C]).unwrap();
    assert_eq!((a.groups, a.n), (3, 12));
    assert_eq!((a.df_between, a.df_within), (2.0, 9.0));
    assert_close(a.grand_mean, grand, TOL, "grand mean");
    assert_close(a.ss_between, ssb, TOL, "SSB");
    assert_close(a.ss_within, ssw, TOL, "SSW");
    assert_close(a.f, f, TOL, "F");
    assert_close(a.p_value, p, TOL, "p");

    let summaries: Vec<GroupSummary> =
        [&A[..], &B[..], &C[..]].iter().map(|g| GroupSummary::from_values(g).unwrap()).collect();
    let s = one_way_anova_from_summaries(&summaries).unwrap();
    assert_close(s.f, f, TOL, "F from summaries");
    assert_close(s.p_value, p, TOL, "p from summaries");
}

#[test]
fn anova_with_two_groups_is_student_t_squared() {
    let anova = one_way_anova(&[&A, &C]).unwrap();
    let t = student_t_test_values(&A, &C, LEVEL).unwrap();
    assert_close(anova.f, t.t * t.t, TOL, "F = t²");
    assert_close(anova.p_value, t.p_value, TOL, "p");
    assert_eq!(anova.df_within, t.df);
    let g = [GroupSummary::new(24, 10.0, 2.0).unwrap(), GroupSummary::new(24, 8.5, 2.5).unwrap()];
    let from_summaries = one_way_anova_from_summaries(&g).unwrap();
    // Fixture case 0: Student t = 2.295276167028018, p = 0.026327170813611613.
    assert_close(from_summaries.f, 2.295_276_167_028_018f64.powi(2), TOL, "F");
    assert_close(from_summaries.p_value, 0.026_327_170_813_611_613, TOL, "p");
}

#[test]
fn anova_allows_singleton_groups_when_others_vary() {
    let a = one_way_anova(&[&[5.0], &[1.0, 3.0]]).unwrap();
    // Means 5 and 2, grand 3: SSB = 4 + 2 = 6, SSW = 2, F = 6 / (2/1) = 3.
    assert_close(a.f, 3.0, TOL, "F");
    assert_close(a.p_value, 2.0 * dist::pt(-3f64.sqrt(), 1.0).unwrap(), TOL, "p");
}

// ---------------------------------------------------------------- errors

#[test]
fn summaries_need_two_observations() {
    assert_eq!(GroupSummary::from_values(&[]), Err(StatsError::Empty { what: "group".into() }));
    assert_eq!(
        GroupSummary::from_values_labelled(&[3.0], "arm B"),
        Err(StatsError::TooFewObservations { what: "arm B".into(), needed: 2, found: 1 })
    );
    assert_eq!(
        GroupSummary::new(1, 3.0, 0.0).unwrap_err().to_string(),
        "group: needs at least 2 observations, found 1"
    );
    assert_eq!(
        GroupSummary::new(5, 1.0, -0.5),
        Err(StatsError::InvalidParameter { what: "group: standard deviation".into(), value: -0.5 })
    );
    assert_eq!(
        GroupSummary::new(5, f64::INFINITY, 1.0),
        Err(StatsError::InvalidParameter { what: "group: mean".into(), value: f64::INFINITY })
    );
}

#[test]
fn non_finite_values_are_located() {
    let err = GroupSummary::from_values_labelled(&[1.0, 2.0, f64::NAN], "arm A").unwrap_err();
    assert!(matches!(err, StatsError::InvalidValue { index: 2, value, .. } if value.is_nan()));
    assert_eq!(err.to_string(), "arm A: invalid value NaN at position 2");
    assert_eq!(
        welch_t_test_values(&[1.0, 2.0], &[f64::INFINITY, 1.0], LEVEL),
        Err(StatsError::InvalidValue { what: "group 2".into(), index: 0, value: f64::INFINITY })
    );
    let err = paired_t_test(&[1.0, f64::NAN], &[1.0, 2.0], LEVEL).unwrap_err();
    assert_eq!(err.to_string(), "paired t-test: first measurements: invalid value NaN at position 1");
    assert_eq!(
        one_way_anova(&[&[1.0, 2.0], &[3.0, f64::NEG_INFINITY]]),
        Err(StatsError::InvalidValue {
            what: "one-way ANOVA: group 2".into(),
            index: 1,
            value: f64::NEG_INFINITY
        })
    );
}

#[test]
fn zero_variance_is_undefined() {
    let flat = GroupSummary::new(5, 2.0, 0.0).unwrap();
    assert_eq!(
        welch_t_test(&flat, &flat, LEVEL),
        Err(StatsError::Undefined {
            what: "Welch t-test: zero standard error (the data are constant)".into()
        })
    );
    assert_eq!(
        student_t_test(&flat, &flat, LEVEL),
        Err(StatsError::Undefined {
            what: "Student t-test: zero standard error (the data are constant)".into()
        })
    );
    assert_eq!(
        paired_t_test(&[2.0, 3.0, 4.0], &[1.0, 2.0, 3.0], LEVEL),
        Err(StatsError::Undefined {
            what: "paired t-test: zero standard error (the data are constant)".into()
        })
    );
    assert_eq!(
        one_way_anova(&[&[1.0, 1.0], &[2.0, 2.0]]),
        Err(StatsError::Undefined { what: "one-way ANOVA: no variation within groups".into() })
    );
    assert_eq!(
        cohen_d(&flat, &flat),
        Err(StatsError::Undefined { what: "Cohen's d: both groups have zero standard deviation".into() })
    );
    assert_eq!(
        standardized_change(&flat),
        Err(StatsError::Undefined {
            what: "standardized change: the changes have zero standard deviation".into()
        })
    );
}

#[test]
fn mismatched_pairs_are_rejected() {
    assert_eq!(
        paired_t_test(&[1.0, 2.0, 3.0], &[1.0, 2.0], LEVEL),
        Err(StatsError::LengthMismatch {
            what: "paired t-test: second measurements".into(),
            expected: 3,
            found: 2
        })
    );
    assert_eq!(
        change_from_baseline(&[1.0, 2.0], &[1.0, 2.0, 3.0], LEVEL),
        Err(StatsError::LengthMismatch {
            what: "change from baseline: follow-up values".into(),
            expected: 2,
            found: 3
        })
    );
    assert_eq!(
        change_from_baseline(&[1.0], &[2.0], LEVEL),
        Err(StatsError::TooFewObservations { what: "baseline".into(), needed: 2, found: 1 })
    );
}

#[test]
fn level_and_alpha_outside_unit_interval_are_rejected() {
    let g = GroupSummary::new(24, 10.0, 2.0).unwrap();
    let h = GroupSummary::new(24, 8.5, 2.5).unwrap();
    let bad = |what: &str, value: f64| StatsError::InvalidParameter { what: what.into(), value };
    assert_eq!(welch_t_test(&g, &h, 1.0), Err(bad("Welch t-test: confidence level", 1.0)));
    assert_eq!(student_t_test(&g, &h, 0.0), Err(bad("Student t-test: confidence level", 0.0)));
    assert_eq!(one_sample_t_test(&g, 0.0, 95.0), Err(bad("one-sample t-test: confidence level", 95.0)));
    assert_eq!(g.mean_ci(-0.1), Err(bad("mean: confidence level", -0.1)));
    assert_eq!(
        min_standardized_change(24, 1.0),
        Err(bad("minimum standardized change: significance level", 1.0))
    );
    assert_eq!(
        min_standardized_difference(24, 24, 0.0),
        Err(bad("minimum standardized difference: significance level", 0.0))
    );
    let nan = welch_t_test(&g, &h, f64::NAN).unwrap_err();
    assert_eq!(nan.to_string(), "Welch t-test: confidence level: parameter out of range (NaN)");
}

#[test]
fn too_few_observations_for_tests_and_anova() {
    assert_eq!(
        min_standardized_change(1, 0.05),
        Err(StatsError::TooFewObservations {
            what: "minimum standardized change".into(),
            needed: 2,
            found: 1
        })
    );
    assert_eq!(
        one_way_anova(&[&[1.0, 2.0, 3.0]]),
        Err(StatsError::TooFewObservations { what: "one-way ANOVA: groups".into(), needed: 2, found: 1 })
    );
    assert_eq!(
        one_way_anova(&[&[1.0], &[2.0]]),
        Err(StatsError::TooFewObservations {
            what: "one-way ANOVA: observations (one more than the number of groups)".into(),
            needed: 3,
            found: 2
        })
    );
    assert_eq!(
        one_way_anova(&[&[1.0, 2.0], &[]]),
        Err(StatsError::Empty { what: "one-way ANOVA: group 2".into() })
    );
    assert_eq!(
        welch_t_test_values(&[1.0, 2.0], &[4.0], LEVEL),
        Err(StatsError::TooFewObservations { what: "group 2".into(), needed: 2, found: 1 })
    );
}

/// The reason a view shows leaves out the engine's name for the test (`log_rank`) and keeps the
/// cause: constant data give a zero standard error, and the reader is told so.
#[test]
fn a_reason_keeps_the_cause_and_drops_the_engines_name() {
    let e = welch_t_test_values(&[5.0, 5.0, 5.0], &[7.0, 7.0, 7.0], 0.95).unwrap_err();
    // Named in words already, the test stays in the reason.
    assert_eq!(
        e.reason(),
        "Welch t-test: zero standard error (the data are constant): undefined for these data"
    );
    let e = StatsError::NoEvents { what: "log_rank".into() };
    assert_eq!(
        (e.to_string().as_str(), e.reason().as_str()),
        ("log_rank: no events, every observation is censored", "no events, every observation is censored")
    );
    let e = one_way_anova(&[&[1.0, 1.0], &[2.0, 2.0], &[3.0, 3.0]]).unwrap_err();
    assert_eq!(e.reason(), "one-way ANOVA: no variation within groups: undefined for these data");
    let e = StatsError::NotAtRisk { what: "log_rank".into(), group: 1 };
    assert_eq!(e.reason(), "group 1 has nobody at risk at any event time");
    assert_eq!(e.reason_naming(&["Placebo", "Low dose"]), "Low dose has nobody at risk at any event time");
    assert_eq!(e.reason_naming(&["Placebo"]), "group 1 has nobody at risk at any event time");
}
