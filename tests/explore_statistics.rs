//! The statistics panel's lines and the overview's eligibility, on the default reconstruction.

use trial_explorer::explore::{
    compute, no_statistics_reason, overview, statistics, EndpointChoice, Selection,
};
use trial_explorer::reconstruct::{reconstruct, DEFAULT_SEED};
use trial_explorer::trial::default_bundle;

fn view_of(endpoint: EndpointChoice, edit: impl FnOnce(&mut Selection)) -> trial_explorer::explore::View {
    let bundle = reconstruct(&default_bundle().unwrap(), DEFAULT_SEED).unwrap();
    let mut selection = Selection { endpoint, ..Selection::default() };
    edit(&mut selection);
    compute(&bundle, &selection)
}

#[test]
fn response_lines_set_the_log_rank_beside_the_published_p() {
    let lines = statistics(&view_of(EndpointChoice::Response, |_| {}));
    let log_rank = lines
        .iter()
        .find(|l| l.subject == "Low dose vs Placebo" && l.statistic == "Log-rank P")
        .expect("low dose vs placebo log-rank line");
    let p = log_rank.value.unwrap();
    assert!((0.0035..0.0045).contains(&p), "{p}");
    assert_eq!(log_rank.shown.as_ref().unwrap().provenance.label(), "reconstructed");
    assert!(log_rank.published.as_ref().unwrap().text.starts_with("reported P = 0.004"));
    let fisher = lines
        .iter()
        .find(|l| l.subject == "Low dose vs Placebo" && l.statistic.starts_with("Fisher"))
        .unwrap();
    assert!((fisher.value.unwrap() - 0.0479).abs() < 0.00005, "{:?}", fisher.value);
    // The high-dose arm has no data: its lines say why instead of showing a number.
    let high = lines.iter().find(|l| l.subject == "High dose vs Placebo").unwrap();
    assert!(high.shown.as_ref().unwrap_err().contains("no patient-level data"));
}

#[test]
fn an_arm_turned_off_leaves_the_lines() {
    let lines = statistics(&view_of(EndpointChoice::Response, |s| {
        s.arms.remove("low");
    }));
    assert!(lines.iter().all(|l| !l.subject.contains("Low dose")), "{lines:?}");
    assert!(lines.iter().any(|l| l.subject == "High dose vs Placebo"));
}

#[test]
fn continuous_and_by_week_lines() {
    let cd4 = statistics(&view_of(EndpointChoice::Cd4, |_| {}));
    let paired = cd4
        .iter()
        .find(|l| l.subject == "Low dose: Week 48 vs Baseline" && l.statistic == "Paired t-test P")
        .unwrap();
    assert!(paired.value.unwrap() < 0.001);
    assert!(paired.published.as_ref().unwrap().text.contains("P < 0.001"));
    assert!(cd4.iter().any(|l| l.statistic == "One-way ANOVA P" && l.value.unwrap() > 0.05));

    let week = statistics(&view_of(EndpointChoice::ResponseWeek, |_| {}));
    let fisher = week
        .iter()
        .find(|l| l.subject == "Low dose vs Placebo" && l.statistic.starts_with("Fisher"))
        .unwrap();
    assert!((fisher.value.unwrap() - 0.0479).abs() < 0.00005);
    assert_eq!(fisher.published.as_ref().unwrap().provenance.label(), "derived");

    assert!(statistics(&view_of(EndpointChoice::Safety, |_| {})).is_empty());
}

#[test]
fn reported_only_leaves_no_computed_number() {
    for endpoint in EndpointChoice::ALL {
        let lines = statistics(&view_of(endpoint, |s| s.reported_only = true));
        assert!(lines.iter().all(|l| l.shown.is_err()), "{endpoint:?}: {lines:?}");
    }
}

#[test]
fn overview_lists_the_published_eligibility() {
    let ov = overview(&default_bundle().unwrap());
    assert_eq!(ov.eligibility.len(), 6);
    assert!(ov.eligibility.iter().all(|c| c.provenance.is_reported()));
    assert!(ov.eligibility.iter().any(|c| c.text.starts_with("CD4 count ≤ 250")));
}

#[test]
fn the_hover_readout_gives_the_step_in_effect() {
    let view = view_of(EndpointChoice::Response, |_| {});
    let response = view.response().unwrap();
    let at_30 = response.readout(30.0);
    // Low dose and placebo have curves; high dose has none.
    let labels: Vec<&str> = at_30.iter().map(|(arm, _)| arm.as_str()).collect();
    assert_eq!(labels, ["Low dose", "Placebo"]);
    // 10 of 24 low-dose patients have responded by week 24 (the step in effect at week 30).
    assert_eq!(at_30[0].1.text, "41.7% (95% CI 18.2% to 58.4%) from week 24");
    assert_eq!(at_30[0].1.provenance.label(), "reconstructed");
    assert!(response.readout(-1.0).is_empty() && response.readout(97.0).is_empty());
}

#[test]
fn the_readout_moves_by_key_to_each_week_a_curve_steps() {
    let view = view_of(EndpointChoice::Response, |_| {});
    let response = view.response().unwrap();
    // Forward from week 0: each week at which a curve steps, to the horizon.
    let mut weeks = vec![0.0];
    for _ in 0..200 {
        let next = response.readout_step(weeks.last().copied(), true);
        if Some(next) == weeks.last().copied() {
            break;
        }
        weeks.push(next);
    }
    // The reconstructed responses are detected at visits, and between them the two curves
    // step at every visit (the placebo curve not at week 24).
    assert_eq!(weeks, [0.0, 12.0, 24.0, 36.0, 48.0, 60.0, 72.0, 84.0, 96.0]);
    let low = response.curves.iter().find(|c| c.arm.id == "low").and_then(|c| c.curve.as_ref().ok()).unwrap();
    assert!(low.steps.iter().all(|s| weeks.contains(&s.week)), "every step of a curve is a stop");
    let placebo =
        response.curves.iter().find(|c| c.arm.id == "placebo").and_then(|c| c.curve.as_ref().ok()).unwrap();
    assert!(!placebo.steps.iter().any(|s| s.week == 24.0), "a stop only one curve steps at");
    assert_eq!(response.readout_step(None, false), 0.0, "back from nowhere, as from week 0: nowhere to go");
    assert_eq!(response.readout_step(Some(0.0), false), 0.0, "nothing before week 0");
    assert_eq!(response.readout_step(Some(96.0), true), 96.0, "nothing after the horizon");
    assert_eq!(response.readout_step(Some(30.0), false), 24.0, "from between steps, the step before");
    assert_eq!(response.readout_step(Some(30.0), true), 36.0, "from between steps, the step after");
    assert_eq!(
        response.readout_step(None, true),
        12.0,
        "forward from nowhere: as from week 0, where the slider starts"
    );
    assert_eq!(response.readout_step(Some(f64::NAN), true), 12.0, "not a number: from nowhere");
    // At an earlier horizon the steps after it are not visited.
    let view = view_of(EndpointChoice::Response, |s| s.horizon_weeks = 42);
    let response = view.response().unwrap();
    assert_eq!(response.readout_step(Some(36.0), true), 42.0, "the horizon is the last stop");
    assert_eq!(response.readout_step(Some(42.0), true), 42.0);
    assert_eq!(response.readout_step(Some(90.0), false), 36.0, "from past the horizon, as from the horizon");
    // With no curve drawn (reported only), only week 0 and the horizon are stops.
    let view = view_of(EndpointChoice::Response, |s| s.reported_only = true);
    let response = view.response().unwrap();
    assert!(!response.has_curves());
    assert_eq!(response.readout_step(Some(0.0), true), 96.0);
}

#[test]
fn chart_pixels_map_back_to_weeks() {
    use trial_explorer::chart::{week_at, ChartStyle};
    let screen = &ChartStyle::SCREEN;
    // 800 px wide: the plot runs from 108 to 776 px.
    assert_eq!(week_at(800, 108.0, 96.0, screen), Some(0.0));
    assert_eq!(week_at(800, 776.0, 96.0, screen), Some(96.0));
    assert_eq!(week_at(800, 442.0, 96.0, screen), Some(48.0));
    assert_eq!(week_at(800, 50.0, 96.0, screen), None);
    // In presentation the margins grow with the type: 1000 px wide, the plot runs from
    // 162 px (18 + 144) to 964 px (1000 - 36).
    let presenting = &ChartStyle::PRESENTATION;
    assert_eq!(week_at(1000, 162.0, 96.0, presenting), Some(0.0));
    assert_eq!(week_at(1000, 964.0, 96.0, presenting), Some(96.0));
    assert_eq!(week_at(1000, 563.0, 96.0, presenting), Some(48.0));
    assert_eq!(week_at(1000, 150.0, 96.0, presenting), None);
}

#[test]
fn by_week_the_high_dose_arm_is_said_to_be_unreported() {
    let view = view_of(EndpointChoice::ResponseWeek, |_| {});
    let high = &view.proportions().unwrap().arms[0];
    assert_eq!(high.arm.id, "high");
    let why = high.proportion.as_ref().unwrap_err();
    assert!(why.contains("Not reported in the published abstract"), "{why}");
}

/// With the reference arm hidden there is nothing to compare, and the panel says so; only the
/// safety view is told that it has sentences and no tests.
#[test]
fn without_a_comparison_the_panel_gives_this_views_reason() {
    let only_low = view_of(EndpointChoice::Response, |s| s.arms = ["low".to_string()].into_iter().collect());
    assert!(statistics(&only_low).is_empty());
    assert_eq!(
        no_statistics_reason(&only_low),
        "No tests: a comparison needs the reference arm and at least one other arm shown."
    );
    // Reported only on a view whose tests all rest on unpublished counts: that is the reason,
    // not the arms (all three are shown).
    let hidden = view_of(EndpointChoice::ResponseWeek, |s| s.reported_only = true);
    assert!(statistics(&hidden).is_empty());
    assert_eq!(
        no_statistics_reason(&hidden),
        "No tests: with reported only on, only published tests are listed, and none is published for this view."
    );
    let hidden_one_arm = view_of(EndpointChoice::ResponseWeek, |s| {
        s.reported_only = true;
        s.arms = ["low".to_string()].into();
    });
    assert_eq!(
        no_statistics_reason(&hidden_one_arm),
        "No tests: a comparison needs the reference arm and at least one other arm shown."
    );
    // Two arms shown but not the reference: still the arms, not "reported only".
    let hidden_no_reference = view_of(EndpointChoice::ResponseWeek, |s| {
        s.reported_only = true;
        s.arms = ["high".to_string(), "low".to_string()].into();
    });
    assert!(statistics(&hidden_no_reference).is_empty());
    assert_eq!(
        no_statistics_reason(&hidden_no_reference),
        "No tests: a comparison needs the reference arm and at least one other arm shown."
    );
    let safety = view_of(EndpointChoice::Safety, |_| {});
    assert!(statistics(&safety).is_empty());
    assert_eq!(no_statistics_reason(&safety), "No tests: only sentences are published for this endpoint.");
}
