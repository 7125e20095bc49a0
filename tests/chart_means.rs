//! The means chart drawn into SVG.

mod explore_common;

use explore_common::{hex, svg_with, text_in_size, texts, with_cd4};
use trial_explorer::chart::{draw_means, fitted_size, ChartStyle, FITTED_MIN_WIDTH, PHONE_SIZE, SCREEN_SIZE};
use trial_explorer::explore::{compute, ContinuousView, EndpointChoice, Selection};
use trial_explorer::trial::default_bundle;

fn view(bundle: &trial_explorer::trial::Bundle, selection: Selection) -> ContinuousView {
    compute(bundle, &Selection { endpoint: EndpointChoice::Cd4, ..selection }).continuous().unwrap().clone()
}

fn svg(view: &ContinuousView) -> String {
    svg_with((720, 440), |root| draw_means(root, view, &ChartStyle::SCREEN).unwrap())
}

#[test]
fn each_arm_gets_points_error_bars_and_a_line_in_its_style() {
    let v = view(&with_cd4(), Selection::default());
    let svg = svg(&v);
    for arm in ["high", "low", "placebo"] {
        // Two visits with data (baseline, week 48): two filled circles in the arm's colour.
        let points =
            svg.split("<circle").skip(1).filter(|c| c.split('>').next().unwrap().contains(&hex(arm))).count();
        assert_eq!(points, 2, "{arm}");
    }
    assert!(svg.contains("CD4+ T count: mean (95% CI, cells/mm³) from imported data (cd4.csv)"));
    let labels: Vec<String> = texts(&svg).into_iter().map(|t| t.2).collect();
    for expected in ["Baseline", "Week 48", "Week 96", "Low dose (imported data (cd4.csv))"] {
        assert!(labels.iter().any(|l| l == expected), "missing '{expected}'");
    }
    // Visit labels are placed at their weeks: week 48 halfway between baseline and week 96.
    let all = texts(&svg);
    let x = |l: &str| all.iter().find(|t| t.2 == l).unwrap().0;
    assert!((x("Week 48") - (x("Baseline") + x("Week 96")) / 2).abs() <= 1);
    // Exactly one filled circle per arm and visit with data: 3 arms × 2 visits.
    assert_eq!(svg.matches("<circle").count(), 6);
}

#[test]
fn an_arm_turned_off_is_not_drawn() {
    let selection = Selection {
        arms: ["low", "placebo"].into_iter().map(String::from).collect(),
        ..Selection::default()
    };
    let svg = svg(&view(&with_cd4(), selection));
    assert!(!svg.contains(&hex("high")));
    assert_eq!(svg.matches("<circle").count(), 4);
}

#[test]
fn without_data_the_chart_says_so_and_draws_no_points() {
    let svg = svg(&view(&default_bundle().unwrap(), Selection::default()));
    assert_eq!(svg.matches("<circle").count(), 0);
    let no_data = "No means: not available: the bundle has no patient-level cd4 data (no means or spreads are published)";
    // Wrapped to the plot's width, in the message's 15 px type.
    assert_eq!(text_in_size(&svg, 15), no_data);
    assert!(svg.contains("CD4+ T count: mean (95% CI, cells/mm³), none drawn"));
}

/// With no arm or no visit chosen the chart says which, and the view's notice names the visits.
#[test]
fn with_nothing_chosen_the_chart_says_what_to_choose() {
    let bundle = with_cd4();
    let no_visit = Selection { visits: Default::default(), ..Selection::default() };
    assert_eq!(text_in_size(&svg(&view(&bundle, no_visit.clone())), 15), "No means: no visit is shown");
    let notices = compute(&bundle, &Selection { endpoint: EndpointChoice::Cd4, ..no_visit }).notices;
    assert!(
        notices.iter().any(|n| n.text == "No visit is selected; turn on at least one visit."),
        "{notices:?}"
    );
    let no_arm = Selection { arms: Default::default(), ..Selection::default() };
    assert_eq!(text_in_size(&svg(&view(&bundle, no_arm)), 15), "No means: no arm is shown");
}

/// In reported-only mode the data exist but are hidden: the chart says so, not that there are
/// none, and shows no value scale (it has nothing to scale).
#[test]
fn in_reported_only_mode_the_chart_says_the_means_are_hidden() {
    let shown = svg(&view(&with_cd4(), Selection::default()));
    let hidden = svg(&view(&with_cd4(), Selection { reported_only: true, ..Selection::default() }));
    assert_eq!(hidden.matches("<circle").count(), 0);
    let said: Vec<String> = texts(&hidden).into_iter().map(|t| t.2).collect();
    let reason =
        "No means: hidden in reported-only mode: computed from patient-level data that is not published";
    assert_eq!(text_in_size(&hidden, 15), reason);
    assert!(!said.iter().any(|t| t.contains("no patient-level")), "{said:?}");
    // The value axis's numbers are gone; with data shown there are several.
    let numbers = |texts: &[String]| texts.iter().filter(|t| t.parse::<f64>().is_ok()).count();
    let shown_said: Vec<String> = texts(&shown).into_iter().map(|t| t.2).collect();
    assert!(numbers(&shown_said) >= 4, "{shown_said:?}");
    assert_eq!(numbers(&said), 0, "{said:?}");
}

/// The value axis of a ratio's changes (a few hundredths) has as many decimals as its ticks
/// need and no more, at every size the page draws (a short plot has fewer, wider-spaced ticks):
/// no two ticks read the same, none reads "-0.00", and not every tick ends in a zero.
#[test]
fn the_value_axis_tells_its_ticks_apart() {
    let bundle = explore_common::reconstructed();
    let every_visit = Selection {
        visits: bundle.visits.iter().map(|v| v.id.clone()).collect(),
        ..explore_common::ratio_changes()
    };
    for (selection, size) in [explore_common::ratio_changes(), every_visit].iter().flat_map(|s| {
        [(720, 440), SCREEN_SIZE, PHONE_SIZE, fitted_size(FITTED_MIN_WIDTH)].map(|size| (s, size))
    }) {
        let v = compute(&bundle, selection).continuous().unwrap().clone();
        let drawn = svg_with(size, |root| draw_means(root, &v, &ChartStyle::SCREEN).unwrap());
        // The value axis's ticks: the numbers that are not visit weeks.
        let ticks: Vec<String> = texts(&drawn)
            .into_iter()
            .map(|t| t.2)
            .filter(|t| t.parse::<f64>().is_ok() && t.contains('.'))
            .collect();
        assert!(ticks.len() >= 3, "{size:?}: {ticks:?}");
        let mut distinct = ticks.clone();
        distinct.sort();
        distinct.dedup();
        assert_eq!(distinct.len(), ticks.len(), "{size:?}: {ticks:?}");
        assert!(
            !ticks
                .iter()
                .any(|t| t.starts_with("-0.") && t.trim_start_matches("-0.").bytes().all(|b| b == b'0')),
            "{size:?}: {ticks:?}"
        );
        assert!(ticks.iter().any(|t| !t.ends_with('0')), "{size:?}: a decimal too many in {ticks:?}");
    }
    // Counts keep whole numbers.
    let counts: Vec<String> = texts(&svg(&view(&with_cd4(), Selection::default())))
        .into_iter()
        .map(|t| t.2)
        .filter(|t| t.parse::<f64>().is_ok())
        .collect();
    assert!(counts.iter().all(|t| !t.contains('.')), "{counts:?}");
}
