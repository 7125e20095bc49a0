//! Every quantity in `tests/fixtures/proportions.json` (R 4.2.2): Fisher's exact test and
//! its odds ratio, chi-square with and without Yates, two- and one-sample `prop.test`,
//! Newcombe / Wald risk-difference intervals, risk ratio, sample odds ratio, NNT, and the
//! single-proportion Wilson, Clopper–Pearson, `binom.test` and Wald results.

mod rref;

use rref::{assert_close, fixture, int, num};
use serde_json::Value;
use trial_explorer::stats::contingency::{chisq_test, prop_test_two_sample};
use trial_explorer::stats::fisher::fisher_exact;
use trial_explorer::stats::interval::Interval;
use trial_explorer::stats::proportions::{
    binom_test, clopper_pearson_interval, prop_test_one_sample, wald_interval, wilson_interval, Proportion,
    TwoByTwo,
};
use trial_explorer::stats::risk::{number_needed, odds_ratio, risk_difference, risk_ratio, NntInterval};
use trial_explorer::stats::StatsError;

/// Closed-form quantities.
const TOL: f64 = 1e-12;
/// Quantities solved iteratively (Fisher's conditional MLE and its interval), compared with
/// the fixture's `tight` block that R solved with `uniroot(tol = 1e-15)`; they agree to
/// about 1e-14, so the closed-form tolerance applies to them too.
const TOL_SOLVED: f64 = 1e-12;
/// R's own `fisher.test` output solves for `ψ` (when below 1) or `1/ψ` on `(0, 1)` with
/// uniroot's default tolerance `.Machine$double.eps^0.25 ≈ 1.22e-4` on that scale.
const TOL_R_UNIROOT: f64 = 1.3e-4;
const LEVEL: f64 = 0.95;

fn pairs() -> Vec<Value> {
    fixture("proportions.json")["pairs"].as_array().expect("pairs").clone()
}

fn table(pair: &Value) -> TwoByTwo {
    TwoByTwo::new(int(&pair["x1"]), int(&pair["n1"]), int(&pair["x2"]), int(&pair["n2"]))
        .expect("valid table")
}

fn label(pair: &Value) -> String {
    pair["label"].as_str().expect("label").to_string()
}

/// Compares with R's loosely solved `fisher.test` value on the scale R solved on.
#[track_caller]
fn assert_uniroot_close(got: f64, r: &Value, what: &str) {
    let r = num(r);
    let scale = |v: f64| if v > 1.0 { 1.0 / v } else { v };
    let d = (scale(got) - scale(r)).abs();
    assert!(d <= TOL_R_UNIROOT, "{what}: got {got}, fisher.test gives {r} ({d:e} on R's root scale)");
}

fn assert_interval(ci: Interval, lower: &Value, upper: &Value, tol: f64, what: &str) {
    assert_close(ci.lower, num(lower), tol, &format!("{what} lower"));
    assert_close(ci.upper, num(upper), tol, &format!("{what} upper"));
}

#[test]
fn headline_fisher_23_of_24_vs_17_of_24() {
    let test = fisher_exact(&TwoByTwo::new(23, 24, 17, 24).unwrap(), LEVEL).unwrap();
    assert_close(test.p_value, 0.047_923_631_141_308_95, TOL, "Fisher p");
    assert!(test.p_value < 0.05);
}

#[test]
fn fisher_matches_r() {
    for pair in pairs() {
        let name = label(&pair);
        let f = &pair["fisher"];
        let test = fisher_exact(&table(&pair), LEVEL).unwrap();
        assert_close(test.p_value, num(&f["p_value"]), TOL, &format!("{name} p"));
        let tight = &f["tight"];
        assert_close(test.p_value, num(&tight["p_value"]), TOL, &format!("{name} p"));
        assert_close(
            test.odds_ratio,
            num(&tight["odds_ratio_cond_mle"]),
            TOL_SOLVED,
            &format!("{name} conditional MLE"),
        );
        assert_interval(
            test.ci,
            &tight["or_ci_lower"],
            &tight["or_ci_upper"],
            TOL_SOLVED,
            &format!("{name} odds-ratio CI"),
        );
        // R's printed (loosely solved) values agree to its root-finding tolerance.
        assert_uniroot_close(test.odds_ratio, &f["odds_ratio_cond_mle"], &name);
        assert_uniroot_close(test.ci.lower, &f["or_ci_lower"], &name);
        assert_uniroot_close(test.ci.upper, &f["or_ci_upper"], &name);
    }
}

#[test]
fn chisq_matches_r() {
    for pair in pairs() {
        let name = label(&pair);
        let t = table(&pair);
        for (key, yates) in [("chisq_yates", true), ("chisq_no_yates", false)] {
            let r = &pair[key];
            let test = chisq_test(&t, yates).unwrap();
            let what = format!("{name} {key}");
            assert_close(test.statistic, num(&r["statistic"]), TOL, &what);
            assert_eq!(test.df, num(&r["df"]), "{what} df");
            assert_close(test.p_value, num(&r["p_value"]), TOL, &what);
            if yates {
                assert_eq!(test.yates, num(&r["yates_used"]), "{what} correction");
            } else {
                assert_eq!(test.yates, 0.0);
            }
            let warned = !r["warnings"].as_array().expect("warnings").is_empty();
            assert_eq!(test.min_expected < 5.0, warned, "{what} warning");
            let expected = pair["expected_counts"].as_array().expect("expected");
            for (i, row) in expected.iter().enumerate() {
                for (j, e) in row.as_array().expect("row").iter().enumerate() {
                    assert_close(test.expected[i][j], num(e), TOL, &format!("{what} E[{i}][{j}]"));
                }
            }
        }
    }
}

#[test]
fn two_sample_prop_test_matches_r() {
    for pair in pairs() {
        let name = label(&pair);
        let t = table(&pair);
        for (key, correct) in [("prop_test_cc", true), ("prop_test_no_cc", false)] {
            let r = &pair[key];
            let test = prop_test_two_sample(&t, correct, LEVEL).unwrap();
            let what = format!("{name} {key}");
            assert_close(test.statistic, num(&r["statistic"]), TOL, &what);
            assert_close(test.p_value, num(&r["p_value"]), TOL, &what);
            assert_interval(test.ci, &r["diff_ci_lower"], &r["diff_ci_upper"], TOL, &what);
            let warned = !r["warnings"].as_array().expect("warnings").is_empty();
            assert_eq!(test.min_expected < 5.0, warned, "{what} warning");
            assert_close(
                test.estimate,
                num(&pair["p1"]) - num(&pair["p2"]),
                TOL,
                &format!("{what} estimate"),
            );
        }
    }
}

#[test]
fn risk_difference_matches_r() {
    for pair in pairs() {
        let name = label(&pair);
        let r = &pair["risk_difference"];
        let rd = risk_difference(&table(&pair), LEVEL).unwrap();
        assert_close(rd.estimate, num(&r["estimate"]), TOL, &format!("{name} RD"));
        let nc = &r["newcombe_hybrid_score"];
        assert_interval(rd.newcombe, &nc["lower"], &nc["upper"], TOL, &format!("{name} Newcombe"));
        assert_interval(rd.wald, &r["wald"]["lower"], &r["wald"]["upper"], TOL, &format!("{name} Wald"));
        let t = table(&pair);
        for (group, key) in [(t.group1, "wilson_g1"), (t.group2, "wilson_g2")] {
            let w = wilson_interval(group, LEVEL).unwrap();
            assert_interval(w, &nc[key][0], &nc[key][1], TOL, &format!("{name} {key}"));
        }
    }
}

#[test]
fn risk_ratio_and_odds_ratio_match_r() {
    for pair in pairs() {
        let name = label(&pair);
        let t = table(&pair);
        for (key, est) in [
            ("risk_ratio", risk_ratio(&t, LEVEL).unwrap()),
            ("odds_ratio_sample", odds_ratio(&t, LEVEL).unwrap()),
        ] {
            let r = &pair[key];
            let what = format!("{name} {key}");
            assert_close(est.estimate, num(&r["estimate"]), TOL, &what);
            assert_close(est.se_log, num(&r["se_log"]), TOL, &format!("{what} se"));
            assert_interval(est.ci, &r["lower"], &r["upper"], TOL, &what);
        }
        assert_close(t.group1.estimate(), num(&pair["p1"]), TOL, &format!("{name} p1"));
        assert_close(t.group2.estimate(), num(&pair["p2"]), TOL, &format!("{name} p2"));
    }
}

#[test]
fn nnt_matches_r() {
    for pair in pairs() {
        let name = label(&pair);
        let r = &pair["nnt"];
        let nnt = number_needed(&table(&pair), LEVEL).unwrap();
        assert_close(nnt.estimate, num(&r["estimate"]), TOL, &format!("{name} NNT"));
        assert_eq!(nnt.estimate_ceiling, num(&r["estimate_ceiling"]), "{name} ceiling");
        let nc = &r["from_newcombe"];
        assert_close(nnt.inv_lower, num(&nc["inv_lower"]), TOL, &format!("{name} 1/L"));
        assert_close(nnt.inv_upper, num(&nc["inv_upper"]), TOL, &format!("{name} 1/U"));
        let includes_zero = nc["ci_includes_zero"].as_bool().expect("bool");
        assert_eq!(nnt.ci_includes_zero, includes_zero, "{name}");
        match nnt.interval() {
            NntInterval::Bounded { lower, upper } => {
                assert!(!includes_zero);
                assert_eq!((lower, upper), (nnt.inv_upper, nnt.inv_lower));
                assert!(lower <= nnt.estimate && nnt.estimate <= upper, "{name}");
            }
            NntInterval::ThroughInfinity { group1_more_from, group2_more_from } => {
                assert!(includes_zero);
                assert_eq!(group1_more_from, nnt.inv_upper);
                assert_eq!(group2_more_from, -nnt.inv_lower);
            }
        }
    }
}

#[test]
fn nnt_when_risks_are_equal_is_infinite() {
    let nnt = number_needed(&TwoByTwo::new(12, 24, 12, 24).unwrap(), LEVEL).unwrap();
    assert_eq!(nnt.estimate, f64::INFINITY);
    assert_eq!(nnt.estimate_ceiling, f64::INFINITY);
    assert_close(nnt.inv_upper, 3.807_263_195_275_088_4, TOL, "1/U");
    assert_eq!(
        nnt.interval(),
        NntInterval::ThroughInfinity { group1_more_from: nnt.inv_upper, group2_more_from: nnt.inv_upper }
    );
}

fn check_single(r: &Value, what: &str) {
    let prop = Proportion::new(int(&r["x"]), int(&r["n"])).unwrap();
    assert_close(prop.estimate(), num(&r["p"]), TOL, &format!("{what} p"));
    let w = wilson_interval(prop, LEVEL).unwrap();
    assert_interval(w, &r["wilson"]["lower"], &r["wilson"]["upper"], TOL, &format!("{what} Wilson"));
    for (key, correct) in [("prop_test_no_cc", false), ("prop_test_cc", true)] {
        let t = prop_test_one_sample(prop, 0.5, correct, LEVEL).unwrap();
        let e = &r[key];
        let what = format!("{what} {key}");
        assert_interval(t.ci, &e["lower"], &e["upper"], TOL, &what);
        assert_close(t.statistic, num(&e["statistic"]), TOL, &format!("{what} statistic"));
        assert_close(t.p_value, num(&e["p_value"]), TOL, &format!("{what} p"));
        if correct {
            assert_eq!(t.yates, num(&e["yates_used"]), "{what} correction");
        }
    }
    let cp = &r["clopper_pearson"];
    let ci = clopper_pearson_interval(prop, LEVEL).unwrap();
    assert_interval(ci, &cp["lower"], &cp["upper"], TOL, &format!("{what} Clopper-Pearson"));
    let p = binom_test(prop, 0.5).unwrap();
    assert_close(p, num(&cp["p_value_vs_half"]), TOL, &format!("{what} binom.test"));
    let wald = wald_interval(prop, LEVEL).unwrap();
    assert_interval(wald, &r["wald"]["lower"], &r["wald"]["upper"], TOL, &format!("{what} Wald"));
}

#[test]
fn single_proportions_match_r() {
    let fx = fixture("proportions.json");
    for (i, r) in fx["single_proportions"].as_array().expect("singles").iter().enumerate() {
        check_single(r, &format!("single #{i}"));
    }
    for pair in pairs() {
        for g in ["g1", "g2"] {
            check_single(&pair["single"][g], &format!("{} {g}", label(&pair)));
        }
    }
}

#[test]
fn degenerate_table_has_one_point_support() {
    // No events in either group: Fisher p = 1, odds ratio 0, CI [0, ∞].
    let t = TwoByTwo::new(0, 10, 0, 12).unwrap();
    let f = fisher_exact(&t, LEVEL).unwrap();
    assert_eq!(f.p_value, 1.0);
    assert_eq!(f.odds_ratio, 0.0);
    assert_eq!(f.ci, Interval { lower: 0.0, upper: f64::INFINITY });
    assert_eq!(
        chisq_test(&t, true),
        Err(StatsError::Undefined {
            what: "chi-square test: an outcome column has total 0 (expected count 0)".into()
        })
    );
}

#[test]
fn fisher_at_support_edges() {
    // All of group 1 and none of group 2: x at the top of its support.
    let f = fisher_exact(&TwoByTwo::new(6, 6, 0, 6).unwrap(), LEVEL).unwrap();
    assert_eq!(f.odds_ratio, f64::INFINITY);
    assert_eq!(f.ci.upper, f64::INFINITY);
    assert!(f.ci.lower > 1.0);
    // 2/924 = the two extreme tables of C(12, 6).
    assert_close(f.p_value, 2.0 / 924.0, TOL, "edge p");
}

#[test]
fn invalid_counts_are_reported() {
    assert_eq!(
        TwoByTwo::new(25, 24, 17, 24),
        Err(StatsError::CountExceedsTotal { what: "group 1".into(), count: 25, total: 24 })
    );
    assert_eq!(
        TwoByTwo::new(23, 24, -1, 24),
        Err(StatsError::NegativeCount { what: "group 2 events".into(), value: -1 })
    );
    assert_eq!(
        TwoByTwo::new(0, -3, 1, 2),
        Err(StatsError::NegativeCount { what: "group 1 size".into(), value: -3 })
    );
    assert_eq!(TwoByTwo::new(1, 2, 0, 0), Err(StatsError::Empty { what: "group 2".into() }));
    let e = Proportion::new(30, 24).unwrap_err();
    assert_eq!(e.to_string(), "proportion: 30 events exceed the group size 24");
    let e = TwoByTwo::new(23, 24, -1, 24).unwrap_err();
    assert_eq!(e.to_string(), "group 2 events: count cannot be negative (-1)");
}

#[test]
fn confidence_level_outside_unit_interval_is_rejected() {
    let t = TwoByTwo::new(23, 24, 17, 24).unwrap();
    let prop = t.group1;
    let bad = |what: &str, value: f64| StatsError::InvalidParameter {
        what: format!("{what}: confidence level"),
        value,
    };
    assert_eq!(wilson_interval(prop, 1.0), Err(bad("Wilson interval", 1.0)));
    assert_eq!(wald_interval(prop, 0.0), Err(bad("Wald interval", 0.0)));
    assert_eq!(clopper_pearson_interval(prop, 95.0), Err(bad("Clopper-Pearson interval", 95.0)));
    assert_eq!(fisher_exact(&t, -0.5), Err(bad("Fisher exact test", -0.5)));
    assert_eq!(risk_difference(&t, 1.5), Err(bad("risk difference", 1.5)));
    assert_eq!(risk_ratio(&t, 2.0), Err(bad("risk ratio", 2.0)));
    assert_eq!(odds_ratio(&t, 0.0), Err(bad("odds ratio", 0.0)));
    assert_eq!(prop_test_two_sample(&t, true, 1.0), Err(bad("two-sample proportion test", 1.0)));
    let nan = wilson_interval(prop, f64::NAN).unwrap_err();
    assert_eq!(nan.to_string(), "Wilson interval: confidence level: parameter out of range (NaN)");
    assert_eq!(
        prop_test_one_sample(prop, 1.5, true, 0.95),
        Err(StatsError::InvalidParameter {
            what: "one-sample proportion test: null proportion".into(),
            value: 1.5
        })
    );
}

#[test]
fn zero_cells_give_non_finite_ratios_not_panics() {
    let t = TwoByTwo::new(0, 24, 17, 24).unwrap();
    let rr = risk_ratio(&t, LEVEL).unwrap();
    assert_eq!(rr.estimate, 0.0);
    assert_eq!(rr.se_log, f64::INFINITY);
    let or = odds_ratio(&t, LEVEL).unwrap();
    assert_eq!(or.estimate, 0.0);
    let f = fisher_exact(&t, LEVEL).unwrap();
    assert_eq!(f.odds_ratio, 0.0);
    assert_eq!(f.ci.lower, 0.0);
    assert!(f.ci.upper.is_finite() && f.ci.upper > 0.0);
}

#[test]
fn absurdly_large_tables_are_refused_not_enumerated() {
    let t = TwoByTwo::new(3_000_000, 6_000_000, 3_000_000, 6_000_000).unwrap();
    assert_eq!(
        fisher_exact(&t, LEVEL),
        Err(StatsError::InvalidParameter {
            what: "Fisher exact test: too many possible tables to enumerate".into(),
            value: 6_000_001.0
        })
    );
    let p = Proportion::new(5, 20_000_000).unwrap();
    assert_eq!(
        binom_test(p, 0.5),
        Err(StatsError::InvalidParameter {
            what: "binomial test: group too large to enumerate outcomes".into(),
            value: 2e7
        })
    );
}

/// The whole number of patients is counted from the counts, not from the difference as a
/// float: 11/24 - 5/24 is 0.24999999999999997 in floats, whose reciprocal (4.000000000000001)
/// rounds up to 5, while the difference is 6/24 and the number needed 4, as for 12/24 - 6/24.
#[test]
fn nnt_rounds_up_the_exact_reciprocal_of_the_difference() {
    assert_eq!(11.0 / 24.0 - 5.0 / 24.0, 0.249_999_999_999_999_97);
    for (x1, x2, whole) in [
        (11, 5, 4.0),
        (12, 6, 4.0),
        (5, 11, 4.0),
        (23, 17, 4.0),
        (4, 3, 24.0),
        (5, 8, 8.0),
        (10, 3, 4.0),
        (9, 5, 6.0),
    ] {
        let nnt = number_needed(&TwoByTwo::new(x1, 24, x2, 24).unwrap(), LEVEL).unwrap();
        assert_eq!(nnt.estimate_ceiling, whole, "{x1}/24 vs {x2}/24");
    }
    // Unequal groups: 1/(7/10 - 2/8) = 1/0.45 = 2.22…, so 3.
    let nnt = number_needed(&TwoByTwo::new(7, 10, 2, 8).unwrap(), LEVEL).unwrap();
    assert_eq!(nnt.estimate_ceiling, 3.0);
    // Counts whose products pass 64 bits fall back to floats: 1/2 - 1/4, so 4.
    let n = 6_000_000_000;
    let nnt = number_needed(&TwoByTwo::new(n / 2, n, n / 4, n).unwrap(), LEVEL).unwrap();
    assert_eq!(nnt.estimate_ceiling, 4.0);
}
