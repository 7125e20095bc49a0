//! Log-rank / G-rho tests against R's `survdiff` (tests/fixtures/logrank_*.json), pairwise
//! comparisons, and error cases.

mod survival_fixture;

use serde_json::Value;
use survival_fixture::{assert_close, f, floats, load, split_stratum, Data};
use trial_explorer::stats::adjust::{p_adjust, PAdjust};
use trial_explorer::stats::logrank::{log_rank, log_rank_stratified, pairwise_log_rank, LogRank};
use trial_explorer::stats::StatsError;

/// Rows of `data` whose `column` is one of the test's groups, with labels in the test's order.
fn subset(data: &Data, test: &Value) -> (Vec<f64>, Vec<bool>, Vec<usize>, Vec<usize>) {
    let names: Vec<(String, String)> =
        test["groups"].as_array().unwrap().iter().map(|g| split_stratum(g.as_str().unwrap())).collect();
    let column = data.column(&names[0].0);
    let strata_column = test.get("strata").map(|s| {
        let names: Vec<(String, String)> =
            s["names"].as_array().unwrap().iter().map(|n| split_stratum(n.as_str().unwrap())).collect();
        let levels: Vec<String> = names.iter().map(|(_, l)| l.clone()).collect();
        data.labels(&names[0].0, &levels)
    });
    let (mut times, mut events, mut groups, mut strata) = (vec![], vec![], vec![], vec![]);
    for i in 0..column.len() {
        if let Some(g) = names.iter().position(|(_, level)| *level == column[i]) {
            times.push(data.times[i]);
            events.push(data.events[i]);
            groups.push(g);
            strata.push(strata_column.as_ref().map_or(0, |s| s[i]));
        }
    }
    (times, events, groups, strata)
}

fn check_test(got: &LogRank, want: &Value, label: &str) {
    let k = got.n.len();
    assert_eq!(got.n.iter().map(|&n| n as f64).collect::<Vec<_>>(), floats(&want["n"]), "{label}: n");
    let (observed, expected, o_minus_e) =
        (floats(&want["observed"]), floats(&want["expected"]), floats(&want["o_minus_e"]));
    for g in 0..k {
        assert_close(got.observed[g], observed[g], &format!("{label}: observed[{g}]"));
        assert_close(got.expected[g], expected[g], &format!("{label}: expected[{g}]"));
        assert_close(got.o_minus_e()[g], o_minus_e[g], &format!("{label}: O-E[{g}]"));
        let variance = floats(&want["variance_matrix"][g]);
        for (h, &want_gh) in variance.iter().enumerate() {
            assert_close(got.variance[g][h], want_gh, &format!("{label}: V[{g}][{h}]"));
        }
        let oe2_over_v = (got.observed[g] - got.expected[g]).powi(2) / got.variance[g][g];
        assert_close(oe2_over_v, f(&want["oe2_over_v"][g]), &format!("{label}: (O-E)^2/V[{g}]"));
    }
    assert_close(got.chisq, f(&want["chisq"]), &format!("{label}: chisq"));
    assert_eq!(got.df as f64, f(&want["df"]), "{label}: df");
    assert_close(got.p_value, f(&want["p_value"]), &format!("{label}: p"));
    match want.get("z_group1") {
        Some(z) => assert_close(got.z().unwrap(), f(z), &format!("{label}: z")),
        None => assert_eq!(got.z(), None),
    }
}

fn run_fixture(name: &str) -> usize {
    let fixture = load(name);
    let data = Data::of(&fixture);
    let tests = fixture["tests"].as_array().unwrap();
    for want in tests {
        let label = format!("{name} {}", want["r_call"].as_str().unwrap());
        assert_eq!(f(&want["rho"]), 0.0);
        let (times, events, groups, strata) = subset(&data, want);
        let got = match want.get("strata") {
            None => log_rank(&times, &events, &groups, 0.0).unwrap(),
            Some(_) => log_rank_stratified(&times, &events, &groups, &strata, 0.0).unwrap(),
        };
        check_test(&got, want, &label);
        if let Some(s) = want.get("strata") {
            for (g, (o_row, e_row)) in s["observed_by_stratum"]
                .as_array()
                .unwrap()
                .iter()
                .zip(s["expected_by_stratum"].as_array().unwrap())
                .enumerate()
            {
                for (st, totals) in got.by_stratum.iter().enumerate() {
                    assert_close(totals.observed[g], f(&o_row[st]), &format!("{label}: O[{g}] stratum {st}"));
                    assert_close(totals.expected[g], f(&e_row[st]), &format!("{label}: E[{g}] stratum {st}"));
                }
            }
            let per_stratum: Vec<f64> =
                got.by_stratum.iter().map(|t| t.n.iter().sum::<usize>() as f64).collect();
            assert_eq!(per_stratum, floats(&s["n"]), "{label}: stratum sizes");
        }
    }
    tests.len()
}

#[test]
fn aml_log_rank_matches_survdiff() {
    assert_eq!(run_fixture("logrank_aml"), 1);
}

#[test]
fn ovarian_plain_and_stratified_tests_match_survdiff() {
    assert_eq!(run_fixture("logrank_ovarian"), 3);
}

#[test]
fn toy_three_group_and_subset_tests_match_survdiff() {
    // Includes group C without events (positive expected) and the 3-group df = 2 solve.
    assert_eq!(run_fixture("logrank_toy"), 3);
}

#[test]
fn unstratified_test_equals_a_single_stratum() {
    let fixture = load("logrank_ovarian");
    let data = Data::of(&fixture);
    let (times, events, groups, _) = subset(&data, &fixture["tests"][0]);
    let plain = log_rank(&times, &events, &groups, 0.0).unwrap();
    let one_stratum = log_rank_stratified(&times, &events, &groups, &vec![0; times.len()], 0.0).unwrap();
    assert_eq!(plain, one_stratum);
}

#[test]
fn peto_peto_weights_follow_the_pooled_left_continuous_curve() {
    // rho = 1 on aml. No R fixture exists for rho != 0; these values were derived with exact
    // rational arithmetic from survdiff's formulas (weights S(t-) of the pooled KM applied to O
    // and E, squared in V), and p = erfc(sqrt(chisq / 2)) for 1 df.
    let fixture = load("logrank_aml");
    let data = Data::of(&fixture);
    let (times, events, groups, _) = subset(&data, &fixture["tests"][0]);
    let got = log_rank(&times, &events, &groups, 1.0).unwrap();
    assert_eq!(got.rho, 1.0);
    assert_close(got.observed[0], 3.845410628019324, "Peto O[0]");
    assert_close(got.observed[1], 7.181504485852312, "Peto O[1]");
    assert_close(got.expected[0], 6.142857142857143, "Peto E[0]");
    assert_close(got.expected[1], 4.884057971014493, "Peto E[1]");
    assert_close(got.variance[0][0], 1.8991470284115888, "Peto V[0][0]");
    assert_close(got.variance[0][1], -1.8991470284115888, "Peto V[0][1]");
    assert_close(got.chisq, 2.7792795447517724, "Peto chisq");
    assert_close(got.p_value, 0.09549111540649266, "Peto p");
}

#[test]
fn pairwise_tests_equal_subset_tests_and_adjust_over_pairs() {
    let fixture = load("logrank_toy");
    let data = Data::of(&fixture);
    let (times, events, groups, _) = subset(&data, &fixture["tests"][0]);
    let pairs = pairwise_log_rank(&times, &events, &groups, 0.0, PAdjust::Holm).unwrap();
    let labels: Vec<(usize, usize)> = pairs.iter().map(|p| p.groups).collect();
    assert_eq!(labels, vec![(0, 1), (0, 2), (1, 2)]);
    // A vs B and B vs C are the fixture's subset tests.
    check_test(pairs[0].test.as_ref().unwrap(), &fixture["tests"][1], "pairwise A vs B");
    check_test(pairs[2].test.as_ref().unwrap(), &fixture["tests"][2], "pairwise B vs C");
    let raw: Vec<f64> = pairs.iter().map(|p| p.p_value().unwrap()).collect();
    let holm = p_adjust(&raw, PAdjust::Holm).unwrap();
    for (pair, want) in pairs.iter().zip(holm) {
        assert_eq!(pair.p_adjusted, Some(want));
    }
    // A vs C is the smallest p of the three, so Holm multiplies it by 3.
    assert_eq!(pairs[1].p_adjusted, Some(3.0 * raw[1]));
}

#[test]
fn pairwise_pairs_without_events_are_reported_and_left_out_of_the_adjustment() {
    // Groups 1 and 2 have no events: their pair is undefined, the other two are adjusted as 2.
    let times = [1.0, 2.0, 3.0, 4.0, 5.0, 6.0];
    let events = [true, true, false, false, false, false];
    let groups = [0, 0, 1, 1, 2, 2];
    let pairs = pairwise_log_rank(&times, &events, &groups, 0.0, PAdjust::Bonferroni).unwrap();
    assert_eq!(pairs[2].test, Err(StatsError::NoEvents { what: "pairwise_log_rank".into() }));
    assert_eq!(pairs[2].p_adjusted, None);
    for pair in &pairs[..2] {
        assert_eq!(pair.p_adjusted, Some((2.0 * pair.p_value().unwrap()).min(1.0)));
    }
}

#[test]
fn relabelling_groups_only_permutes_the_result() {
    let fixture = load("logrank_toy");
    let data = Data::of(&fixture);
    let (times, events, groups, _) = subset(&data, &fixture["tests"][0]);
    let swapped: Vec<usize> = groups.iter().map(|&g| [2, 0, 1][g]).collect();
    let a = log_rank(&times, &events, &groups, 0.0).unwrap();
    let b = log_rank(&times, &events, &swapped, 0.0).unwrap();
    assert_close(b.chisq, a.chisq, "chisq after relabelling");
    assert_eq!(b.observed, vec![a.observed[1], a.observed[2], a.observed[0]]);
}

#[test]
fn groups_never_at_risk_at_an_event_leave_the_test() {
    // Group 1 is censored before the first event: it has nothing expected, so survdiff drops it.
    let times = [5.0, 6.0, 7.0, 8.0, 1.0, 2.0, 9.0, 10.0];
    let events = [true, true, false, true, false, false, true, false];
    let groups = [0, 0, 0, 0, 1, 1, 2, 2];
    let test = log_rank(&times, &events, &groups, 0.0).unwrap();
    assert_eq!(test.expected[1], 0.0);
    assert_eq!(test.df, 1);
    let two = log_rank(&times[..6], &events[..6], &groups[..6], 0.0);
    assert_eq!(two, Err(StatsError::NotAtRisk { what: "log_rank".into(), group: 1 }));
}

#[test]
fn input_errors_name_the_problem() {
    let t = [1.0, 2.0, 3.0];
    let e = [true, false, true];
    assert_eq!(log_rank(&[], &[], &[], 0.0), Err(StatsError::Empty { what: "log_rank: times".into() }));
    assert_eq!(
        log_rank(&t, &e[..2], &[0, 1, 1], 0.0),
        Err(StatsError::LengthMismatch { what: "log_rank: events".into(), expected: 3, found: 2 })
    );
    assert_eq!(
        log_rank(&t, &e, &[0, 1], 0.0),
        Err(StatsError::LengthMismatch { what: "log_rank: groups".into(), expected: 3, found: 2 })
    );
    assert_eq!(
        log_rank(&[1.0, -0.5, 2.0], &e, &[0, 1, 1], 0.0),
        Err(StatsError::InvalidValue {
            what: "log_rank: times (must be finite and >= 0)".into(),
            index: 1,
            value: -0.5
        })
    );
    assert_eq!(
        log_rank(&t, &e, &[0, 0, 0], 0.0),
        Err(StatsError::TooFewGroups { what: "log_rank: groups".into(), found: 1 })
    );
    assert_eq!(
        log_rank(&t, &e, &[0, 2, 2], 0.0),
        Err(StatsError::EmptyGroup { what: "log_rank: groups".into(), group: 1 })
    );
    assert_eq!(
        log_rank(&t, &[false; 3], &[0, 1, 1], 0.0),
        Err(StatsError::NoEvents { what: "log_rank".into() })
    );
    assert_eq!(
        log_rank(&t, &e, &[0, 1, 1], f64::INFINITY),
        Err(StatsError::InvalidParameter { what: "log_rank: rho".into(), value: f64::INFINITY })
    );
    assert_eq!(
        log_rank_stratified(&t, &e, &[0, 1, 1], &[0, 0], 0.0),
        Err(StatsError::LengthMismatch { what: "log_rank_stratified: strata".into(), expected: 3, found: 2 })
    );
    assert_eq!(
        log_rank_stratified(&t, &e, &[0, 1, 1], &[1, 1, 1], 0.0),
        Err(StatsError::EmptyGroup { what: "log_rank_stratified: strata".into(), group: 0 })
    );
    assert_eq!(
        pairwise_log_rank(&t, &e, &[1, 1, 1], 0.0, PAdjust::Holm),
        Err(StatsError::EmptyGroup { what: "pairwise_log_rank: groups".into(), group: 0 })
    );
    assert_eq!(
        StatsError::NoEvents { what: "log_rank".into() }.to_string(),
        "log_rank: no events, every observation is censored"
    );
    assert_eq!(
        StatsError::TooFewGroups { what: "log_rank: groups".into(), found: 1 }.to_string(),
        "log_rank: groups: needs at least 2 groups, found 1"
    );
}
