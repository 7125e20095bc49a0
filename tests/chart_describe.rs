//! The chart in words (its accessible name): each arm's values and the marked published
//! values, following the selection, and where every number is.

mod explore_common;

use explore_common::reconstructed;
use trial_explorer::chart::text_alternative;
use trial_explorer::explore::{compute, EndpointChoice, Selection};

const TABLES: &str = "Every number is in \"Chart data as tables\" under the chart.";

#[test]
fn the_response_chart_says_each_arms_value_and_the_marked_ones() {
    let b = reconstructed();
    let all = text_alternative(&compute(&b, &Selection::default())).unwrap();
    assert_eq!(
        all,
        format!(
            "Cumulative probability of immunological response: curves from reconstructed data. \
             High dose: no curve drawn. Low dose: 95.8% (95% CI 71.6% to 99.4%) by week 96. \
             Placebo: 70.8% (95% CI 45.6% to 84.4%) by week 96. \
             Marked: reported 95.8% for Low dose, reported 70.8% for Placebo. {TABLES}"
        )
    );
    // It follows the selection: an arm turned off, an earlier horizon.
    let mut s = Selection { horizon_weeks: 48, ..Selection::default() };
    s.arms.remove("low");
    let fewer = text_alternative(&compute(&b, &s)).unwrap();
    assert!(!fewer.contains("Low dose"), "{fewer}");
    assert!(fewer.contains("Placebo: 41.7% (95% CI 18.2% to 58.4%) by week 48."), "{fewer}");
}

#[test]
fn the_means_and_counts_charts_say_each_arms_values() {
    let b = reconstructed();
    let cd4 =
        text_alternative(&compute(&b, &Selection { endpoint: EndpointChoice::Cd4, ..Selection::default() }));
    let cd4 = cd4.unwrap();
    assert!(cd4.starts_with("CD4+ T count: mean (95% CI, cells/mm³) from reconstructed data. High dose: "));
    assert!(cd4.contains(
        "Placebo: 160.5 (95% CI 142.6 to 178.5) at Baseline, 160.2 (95% CI 142.6 to 177.9) at Week 48"
    ));
    assert!(cd4.ends_with(TABLES));
    let by_week = Selection { endpoint: EndpointChoice::ResponseWeek, ..Selection::default() };
    let counts = text_alternative(&compute(&b, &by_week)).unwrap();
    assert!(counts.contains("Low dose: 23/24 = 95.8% (95% CI 79.8% to 99.3%)."), "{counts}");
    assert!(counts.contains("High dose: none drawn."), "{counts}");
    let safety = Selection { endpoint: EndpointChoice::Safety, ..Selection::default() };
    assert_eq!(text_alternative(&compute(&b, &safety)), None);
}
