//! Properties that must hold for any valid input, not only the fixture cases: p-values are
//! probabilities, intervals bracket their estimates, Welch's test is antisymmetric.

use proptest::prelude::*;
use trial_explorer::stats::anova::one_way_anova;
use trial_explorer::stats::contingency::{chisq_test, prop_test_two_sample};
use trial_explorer::stats::fisher::fisher_exact;
use trial_explorer::stats::means::GroupSummary;
use trial_explorer::stats::proportions::{
    binom_test, clopper_pearson_interval, prop_test_one_sample, wilson_interval, Proportion, TwoByTwo,
};
use trial_explorer::stats::risk::risk_difference;
use trial_explorer::stats::ttest::{welch_t_test, welch_t_test_values};

/// `x/n` with `1 <= n <= 60`.
fn proportion() -> impl Strategy<Value = (i64, i64)> {
    (1i64..=60).prop_flat_map(|n| (0..=n, Just(n)))
}

fn table() -> impl Strategy<Value = TwoByTwo> {
    (proportion(), proportion()).prop_map(|((x1, n1), (x2, n2))| TwoByTwo::new(x1, n1, x2, n2).unwrap())
}

fn level() -> impl Strategy<Value = f64> {
    prop_oneof![Just(0.95), Just(0.9), Just(0.99), 0.5f64..0.999]
}

fn is_probability(p: f64) -> bool {
    (0.0..=1.0).contains(&p)
}

fn summary() -> impl Strategy<Value = GroupSummary> {
    (2usize..60, -1e3f64..1e3, 0.01f64..100.0)
        .prop_map(|(n, mean, sd)| GroupSummary::new(n, mean, sd).unwrap())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn fisher_p_is_in_unit_interval(t in table(), level in level()) {
        let f = fisher_exact(&t, level).unwrap();
        prop_assert!(f.p_value > 0.0 && f.p_value <= 1.0, "p = {}", f.p_value);
        prop_assert!(f.ci.lower <= f.odds_ratio && f.odds_ratio <= f.ci.upper,
            "{:?} outside {:?}", f.odds_ratio, f.ci);
    }

    #[test]
    fn wilson_and_clopper_pearson_bracket_the_estimate((x, n) in proportion(), level in level()) {
        let p = Proportion::new(x, n).unwrap();
        let est = p.estimate();
        for ci in [wilson_interval(p, level).unwrap(), clopper_pearson_interval(p, level).unwrap()] {
            prop_assert!(0.0 <= ci.lower && ci.upper <= 1.0, "{ci:?}");
            prop_assert!(ci.contains(est), "{est} outside {ci:?}");
        }
    }

    #[test]
    fn welch_t_is_antisymmetric(a in summary(), b in summary(), level in level()) {
        let ab = welch_t_test(&a, &b, level).unwrap();
        let ba = welch_t_test(&b, &a, level).unwrap();
        prop_assert_eq!(ab.t, -ba.t);
        prop_assert_eq!(ab.df, ba.df);
        prop_assert_eq!(ab.p_value, ba.p_value);
        prop_assert!(is_probability(ab.p_value));
        prop_assert!(ab.ci.contains(ab.estimate));
    }

    #[test]
    fn welch_from_raw_data_is_antisymmetric(
        x in prop::collection::vec(-50.0f64..50.0, 2..30),
        y in prop::collection::vec(-50.0f64..50.0, 2..30),
    ) {
        // Constant samples are rejected, not a property failure.
        if let (Ok(xy), Ok(yx)) = (welch_t_test_values(&x, &y, 0.95), welch_t_test_values(&y, &x, 0.95)) {
            prop_assert_eq!(xy.t, -yx.t);
            prop_assert!(is_probability(xy.p_value));
        }
    }

    #[test]
    fn two_by_two_p_values_are_probabilities(t in table(), level in level()) {
        for yates in [false, true] {
            if let Ok(c) = chisq_test(&t, yates) {
                prop_assert!(is_probability(c.p_value), "chisq p = {}", c.p_value);
                prop_assert!(c.statistic >= 0.0);
            }
            if let Ok(p) = prop_test_two_sample(&t, yates, level) {
                prop_assert!(is_probability(p.p_value), "prop.test p = {}", p.p_value);
                prop_assert!(p.ci.lower >= -1.0 && p.ci.upper <= 1.0);
            }
        }
        let rd = risk_difference(&t, level).unwrap();
        prop_assert!(rd.newcombe.contains(rd.estimate), "{:?}", rd);
        prop_assert!(rd.newcombe.lower >= -1.0 && rd.newcombe.upper <= 1.0);
    }

    #[test]
    fn single_proportion_p_values_are_probabilities((x, n) in proportion(), p0 in 0.01f64..0.99) {
        let p = Proportion::new(x, n).unwrap();
        let b = binom_test(p, p0).unwrap();
        prop_assert!(b > 0.0 && b <= 1.0, "binom.test p = {b}");
        for correct in [false, true] {
            let t = prop_test_one_sample(p, p0, correct, 0.95).unwrap();
            prop_assert!(is_probability(t.p_value));
            prop_assert!(0.0 <= t.ci.lower && t.ci.upper <= 1.0);
        }
    }

    #[test]
    fn anova_p_is_a_probability(
        groups in prop::collection::vec(prop::collection::vec(-20.0f64..20.0, 2..10), 2..5)
    ) {
        let slices: Vec<&[f64]> = groups.iter().map(|g| g.as_slice()).collect();
        if let Ok(a) = one_way_anova(&slices) {
            prop_assert!(is_probability(a.p_value), "p = {}", a.p_value);
            prop_assert!(a.f >= 0.0);
        }
    }
}
