//! Properties every survival result must have, on random data with many ties.

use proptest::prelude::*;
use trial_explorer::stats::adjust::{p_adjust, PAdjust};
use trial_explorer::stats::cox::{cox_ph, Ties};
use trial_explorer::stats::km::{kaplan_meier, CiType};
use trial_explorer::stats::logrank::log_rank;

/// Subjects as (time, event, group); integer-valued times in a short range force ties.
fn subjects(max_groups: usize) -> impl Strategy<Value = Vec<(f64, bool, usize)>> {
    prop::collection::vec((0u32..25, any::<bool>(), 0..max_groups), 1..80)
        .prop_map(|v| v.into_iter().map(|(t, e, g)| (f64::from(t) * 0.5, e, g)).collect())
}

/// Renumbers group labels 0.. in order of first appearance, so no label is empty.
fn dense(groups: &[usize]) -> Vec<usize> {
    let mut seen: Vec<usize> = Vec::new();
    groups
        .iter()
        .map(|g| {
            seen.iter().position(|s| s == g).unwrap_or_else(|| {
                seen.push(*g);
                seen.len() - 1
            })
        })
        .collect()
}

fn columns(s: &[(f64, bool, usize)]) -> (Vec<f64>, Vec<bool>, Vec<usize>) {
    let times = s.iter().map(|x| x.0).collect();
    let events = s.iter().map(|x| x.1).collect();
    let groups: Vec<usize> = s.iter().map(|x| x.2).collect();
    (times, events, dense(&groups))
}

proptest! {
    #[test]
    fn survival_is_non_increasing_and_a_probability(s in subjects(1)) {
        let (times, events, _) = columns(&s);
        let fit = kaplan_meier(&times, &events).unwrap();
        let surv = fit.surv();
        prop_assert!(surv.iter().all(|&x| (0.0..=1.0).contains(&x)));
        prop_assert!(surv.windows(2).all(|w| w[1] <= w[0]));
        prop_assert!(fit.std_err().iter().all(|&se| se >= 0.0));
        prop_assert_eq!(fit.n(), times.len());
        prop_assert_eq!(fit.n_event().iter().sum::<usize>() + fit.n_censor().iter().sum::<usize>(), times.len());
    }

    #[test]
    fn the_estimate_lies_within_its_confidence_interval(s in subjects(1), level in 0.5f64..0.999) {
        let (times, events, _) = columns(&s);
        let fit = kaplan_meier(&times, &events).unwrap();
        for ci in [CiType::Log, CiType::LogLog, CiType::Plain] {
            let band = fit.confidence_band(level, ci).unwrap();
            for (limits, &surv) in band.iter().zip(fit.surv()) {
                if let Some(l) = limits {
                    let slack = 1e-12;
                    prop_assert!(l.lower <= surv + slack && surv <= l.upper + slack,
                        "{:?}: {} not in [{}, {}]", ci, surv, l.lower, l.upper);
                    prop_assert!(l.lower >= 0.0 && l.upper <= 1.0);
                }
            }
            let incidence = fit.cumulative_incidence_band(level, ci).unwrap();
            for (limits, inc) in incidence.iter().zip(fit.cumulative_incidence()) {
                if let Some(l) = limits {
                    prop_assert!(l.lower <= inc + 1e-12 && inc <= l.upper + 1e-12);
                }
            }
        }
    }

    #[test]
    fn median_and_restricted_mean_are_consistent_with_the_curve(s in subjects(1), horizon in 0.0f64..15.0) {
        let (times, events, _) = columns(&s);
        let fit = kaplan_meier(&times, &events).unwrap();
        if let Some(m) = fit.median(0.95, CiType::Log).unwrap().median {
            prop_assert!(fit.survival_at(m).unwrap() <= 0.5 + 1e-8);
        }
        let rm = fit.restricted_mean(horizon).unwrap();
        prop_assert!(rm.mean >= 0.0 && rm.mean <= horizon + 1e-12);
        prop_assert!(rm.mean >= horizon * fit.survival_at(horizon).unwrap() - 1e-12);
        prop_assert!(rm.std_err >= 0.0);
    }

    #[test]
    fn log_rank_is_invariant_to_relabelling_groups(s in subjects(4), rho in prop::sample::select(vec![0.0, 1.0])) {
        let (times, events, groups) = columns(&s);
        let k = groups.iter().max().unwrap() + 1;
        // Reverse the label order: k-1-g.
        let relabelled: Vec<usize> = groups.iter().map(|g| k - 1 - g).collect();
        match (log_rank(&times, &events, &groups, rho), log_rank(&times, &events, &relabelled, rho)) {
            (Ok(a), Ok(b)) => {
                prop_assert!((a.chisq - b.chisq).abs() <= 1e-9 * a.chisq.abs().max(1.0), "{} vs {}", a.chisq, b.chisq);
                prop_assert_eq!(a.df, b.df);
                prop_assert!((0.0..=1.0).contains(&a.p_value));
                prop_assert!(a.chisq >= -1e-12);
                let total_o: f64 = a.observed.iter().sum();
                let total_e: f64 = a.expected.iter().sum();
                prop_assert!((total_o - total_e).abs() <= 1e-9 * total_o.max(1.0));
            }
            (Err(a), Err(b)) => prop_assert_eq!(std::mem::discriminant(&a), std::mem::discriminant(&b)),
            (a, b) => prop_assert!(false, "one labelling failed: {:?} / {:?}", a, b),
        }
    }

    #[test]
    fn cox_tests_give_probabilities(s in subjects(3)) {
        let (times, events, groups) = columns(&s);
        for ties in [Ties::Efron, Ties::Breslow] {
            if let Ok(fit) = cox_ph(&times, &events, &groups, ties) {
                for test in [fit.wald, fit.score, fit.likelihood_ratio] {
                    prop_assert!((0.0..=1.0).contains(&test.p_value));
                }
                prop_assert!(fit.loglik >= fit.loglik_null - 1e-9 * fit.loglik_null.abs());
                prop_assert!(fit.se.iter().all(|se| *se > 0.0));
            }
        }
    }

    #[test]
    fn adjusted_p_values_are_ordered(p in prop::collection::vec(0.0f64..=1.0, 0..12)) {
        let holm = p_adjust(&p, PAdjust::Holm).unwrap();
        let bonferroni = p_adjust(&p, PAdjust::Bonferroni).unwrap();
        let bh = p_adjust(&p, PAdjust::BenjaminiHochberg).unwrap();
        for i in 0..p.len() {
            prop_assert!(p[i] <= bh[i] && bh[i] <= holm[i] && holm[i] <= bonferroni[i] && bonferroni[i] <= 1.0);
        }
    }
}
