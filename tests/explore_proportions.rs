//! Response by week: counts derived from the published percentages, or counted in data.

mod explore_common;

use explore_common::{close, with_events};
use trial_explorer::explore::{compute, CountSource, EndpointChoice, NoticeKind, Selection};
use trial_explorer::trial::default_bundle;

fn by_week() -> Selection {
    Selection { endpoint: EndpointChoice::ResponseWeek, ..Selection::default() }
}

#[test]
fn derived_counts_give_wilson_intervals_and_fisher_p_beside_the_derived_value() {
    let view = compute(&default_bundle().unwrap(), &by_week());
    let v = view.proportions().unwrap();
    assert_eq!(v.source, Some(CountSource::BundleCounts));
    let placebo = v.arms.iter().find(|a| a.arm.id == "placebo").unwrap();
    let p = placebo.proportion.as_ref().unwrap();
    let (lo, hi) = p.interval.unwrap();
    assert!(close(lo, 0.508_323_063_355_033_7, 1e-13) && close(hi, 0.850_853_518_030_391_3, 1e-13));
    assert_eq!(p.shown.text, "17/24 = 70.8% (95% CI 50.8% to 85.1%)");
    assert_eq!(p.shown.provenance.label(), "derived");
    let high = v.arms.iter().find(|a| a.arm.id == "high").unwrap();
    assert!(high.proportion.as_ref().unwrap_err().starts_with("not reported in the published abstract"));
    let low = v.comparisons.iter().find(|c| c.arm.id == "low").unwrap();
    assert!(close(low.counts.fisher.as_ref().unwrap().value, 0.047_923_631_141_308_95, 1e-14));
    let rd = low.counts.risk_difference.as_ref().unwrap();
    assert_eq!(rd.value, 0.25);
    assert!(close(rd.interval.unwrap().0, 0.035_167_472_100_746, 1e-12));
    assert_eq!(rd.shown.text, "+25.0 percentage points (95% CI 3.5 to 45.3)");
    let published = low.published_p.as_ref().unwrap();
    assert_eq!(published.text, "derived P ≈ 0.048 (Fisher's exact test, two-sided)");
    assert_eq!(
        low.counts.number_needed.as_ref().unwrap().text,
        "4 patients for one more responder with Low dose (95% CI 2.2 to 28.4)"
    );
}

#[test]
fn patient_data_is_counted_at_the_chosen_week_with_the_derived_count_beside() {
    let view = compute(&with_events(), &by_week());
    let v = view.proportions().unwrap();
    assert!(matches!(&v.source, Some(CountSource::Patients(d)) if d.dataset == "events.csv"));
    let low = v.arms.iter().find(|a| a.arm.id == "low").unwrap();
    let count = low.count.clone().unwrap();
    assert_eq!((count.responded, count.followed, count.censored_before), (3, 3, 1));
    assert_eq!(low.published.as_ref().unwrap().shown.text, "derived 23/24");
    assert!(view.notices.iter().any(|n| n.text.starts_with("1 patient(s) censored before Week 96")));
    // At week 24: low 2/4, placebo 1/4; no derived count at that week.
    let view = compute(&with_events(), &Selection { response_week: "w24".into(), ..by_week() });
    let v = view.proportions().unwrap();
    let low = v.arms.iter().find(|a| a.arm.id == "low").unwrap();
    assert_eq!(low.proportion.as_ref().unwrap().value, 0.5);
    assert!(low.published.is_none());
    let c = v.comparisons.iter().find(|c| c.arm.id == "low").unwrap();
    assert!(c.published_p.is_none());
    assert_eq!(c.counts.risk_difference.as_ref().unwrap().value, 0.25);
}

#[test]
fn reported_only_hides_the_derived_counts_and_says_why() {
    let view = compute(&default_bundle().unwrap(), &Selection { reported_only: true, ..by_week() });
    let v = view.proportions().unwrap();
    assert!(v.source.is_none());
    assert!(v.arms.iter().all(|a| a.proportion.is_err()));
    assert!(v.comparisons.is_empty(), "the only published test here is derived");
    assert!(view.notices.iter().any(|n| n.kind == NoticeKind::Hidden && n.text.contains("derived")));
    // Saying why does not give the hidden counts away.
    assert!(
        view.notices.iter().all(|n| !n.text.contains("23/24") && !n.text.contains("17/24")),
        "{:?}",
        view.notices
    );
}

/// With nobody responding by the week in either arm, every table with those margins is the
/// same one, and the odds ratio is not defined: the view says so instead of R's 0. Where one
/// arm has responders, the estimate stands (here ∞: placebo has none).
#[test]
fn the_odds_ratio_of_two_arms_without_responders_is_not_estimable() {
    let at = |week: &str| {
        let view = compute(&with_events(), &Selection { response_week: week.into(), ..by_week() });
        let c = view.proportions().unwrap().comparisons.iter().find(|c| c.arm.id == "low").unwrap().clone();
        c.counts.fisher.unwrap().shown.text
    };
    // By week 12 the low-dose arm has one responder of four, placebo none.
    assert_eq!(at("w12"), "P = 1.000 (odds ratio ∞)");
    let late = explore_common::late_responses();
    let view = compute(&late, &Selection { response_week: "w12".into(), ..by_week() });
    let c = view.proportions().unwrap().comparisons.iter().find(|c| c.arm.id == "low").unwrap().clone();
    assert_eq!(
        c.counts.fisher.unwrap().shown.text,
        "P = 1.000 (odds ratio not estimable: no responders in either arm)"
    );
}

/// The other margin that leaves one table: everybody responded by the week in both arms. An
/// arm whose every patient was censored before the week is named as having none counted. A
/// difference of one patient in one is "1 patient", not "1 patients".
#[test]
fn degenerate_counts_are_worded_for_a_reader() {
    let at = |csv: &str, week: &str| {
        let bundle = explore_common::with_responses(csv, "d.csv");
        let view = compute(&bundle, &Selection { response_week: week.into(), ..by_week() });
        view.proportions().unwrap().comparisons.iter().find(|c| c.arm.id == "low").unwrap().counts.clone()
    };
    let all = at("arm,time,event\nlow,12,1\nlow,24,1\nplacebo,12,1\nplacebo,36,1\n", "w48");
    assert_eq!(
        all.fisher.unwrap().shown.text,
        "P = 1.000 (odds ratio not estimable: every patient in both arms responded)"
    );
    // The response view's counts by its horizon (the by-week view says so before counting).
    let short = trial_explorer::trial::import::import_patient_csv(
        &default_bundle().unwrap(),
        "arm,time,event\nlow,12,1\nlow,24,1\nplacebo,12,0\nplacebo,12,0\n",
        "short.csv",
        "response",
    )
    .unwrap();
    let view = compute(&short, &Selection { horizon_weeks: 48, ..Selection::default() });
    let c = &view.response().unwrap().comparisons[1];
    assert_eq!(
        c.at_horizon.fisher.as_ref().unwrap_err(),
        "not computable: every Placebo patient was censored before the week, so none is counted"
    );
    let one = at("arm,time,event\nlow,12,1\nlow,24,1\nplacebo,60,0\nplacebo,60,0\n", "w48");
    assert!(one.number_needed.unwrap().text.starts_with("1 patient for one more responder with Low dose"));
}
