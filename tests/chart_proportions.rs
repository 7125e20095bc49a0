//! The responders-by-week chart drawn into SVG.

mod explore_common;

use explore_common::{hex, svg_with, texts, with_events};
use trial_explorer::chart::{draw_proportions, ChartStyle};
use trial_explorer::explore::{compute, EndpointChoice, ProportionsView, Selection};
use trial_explorer::trial::default_bundle;

fn view(bundle: &trial_explorer::trial::Bundle, selection: Selection) -> ProportionsView {
    compute(bundle, &Selection { endpoint: EndpointChoice::ResponseWeek, ..selection })
        .proportions()
        .unwrap()
        .clone()
}

fn svg(view: &ProportionsView) -> String {
    svg_with((640, 400), |root| draw_proportions(root, view, &ChartStyle::SCREEN).unwrap())
}

#[test]
fn derived_counts_are_drawn_with_their_source_and_wilson_bars() {
    let svg = svg(&view(&default_bundle().unwrap(), Selection::default()));
    // The title is too wide for 640 px at 16 px, so it wraps onto two lines, drawn first.
    let title: Vec<String> = texts(&svg).into_iter().take(2).map(|t| t.2).collect();
    assert_eq!(
        title,
        ["Responders by Week 96 (95% Wilson CI) from counts derived from the", "published percentages"]
    );
    let labels: Vec<String> = texts(&svg).into_iter().map(|t| t.2).collect();
    for expected in ["23/24", "17/24", "not available", "High dose", "Low dose", "Placebo"] {
        assert!(labels.iter().any(|l| l == expected), "missing '{expected}'");
    }
    // Points in the arm colours for the arms with counts; none for high dose (its axis label
    // is written in its colour, but no point is drawn).
    let point =
        |arm: &str| svg.split("<circle").skip(1).find(|c| c.split('>').next().unwrap().contains(&hex(arm)));
    assert!(point("low").is_some() && point("placebo").is_some() && point("high").is_none());
    // The low-dose point is at 23/24 of the axis height: compare with the 0% and 100% ticks.
    let all = texts(&svg);
    let y = |l: &str| all.iter().find(|t| t.2 == l).unwrap().1 as f64;
    let (zero, full) = (y("0%"), y("100%"));
    let low = point("low").unwrap();
    let cy: f64 = low.split("cy=\"").nth(1).unwrap().split('"').next().unwrap().parse().unwrap();
    assert!(
        (cy - (zero + (full - zero) * 23.0 / 24.0)).abs() <= 1.5,
        "point at {cy}, 0% at {zero}, 100% at {full}"
    );
}

#[test]
fn counts_from_data_show_the_derived_count_beside() {
    let svg = svg(&view(&with_events(), Selection::default()));
    assert!(svg.contains("from imported data (events.csv)"));
    let labels: Vec<String> = texts(&svg).into_iter().map(|t| t.2).collect();
    assert!(labels.contains(&"3/3".to_string()) && labels.contains(&"2/4".to_string()));
    assert!(labels.contains(&"derived 23/24".to_string()) && labels.contains(&"derived 17/24".to_string()));
}

#[test]
fn an_arm_turned_off_is_not_drawn() {
    let selection = Selection {
        arms: ["high", "placebo"].into_iter().map(String::from).collect(),
        ..Selection::default()
    };
    let svg = svg(&view(&default_bundle().unwrap(), selection));
    assert!(!svg.contains(&hex("low")));
    assert!(!texts(&svg).iter().any(|t| t.2 == "Low dose" || t.2 == "23/24"));
}
