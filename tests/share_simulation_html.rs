//! The simulation lab's result as the page's HTML: the summary sentence, the histogram as SVG
//! bars sized by attributes (no inline style, which the page's policy forbids), the published
//! P marked where it falls, and the counts as a table.

use trial_explorer::explore::Shown;
use trial_explorer::share::simulation_html;
use trial_explorer::simulate::SimulationSummary;
use trial_explorer::trial::Provenance;

/// A published P as the lab's sentence shows it.
fn reported(text: &str) -> Shown {
    Shown {
        text: text.to_string(),
        provenance: Provenance::Reported { source: "abstract".into(), locator: "Results".into() },
    }
}

fn summary(histogram: Vec<u32>, published_p: Option<f64>) -> SimulationSummary {
    SimulationSummary {
        trials: 1000,
        tested: 1000,
        untestable: 0,
        power: Some(0.8126),
        alpha: 0.05,
        median_p: Some(0.0123),
        at_least_as_extreme_as_published: published_p.map(|_| 0.25),
        published_p,
        histogram,
        log10_p_floor: -6.0,
    }
}

#[test]
fn the_summary_histogram_and_table_are_written() {
    let mut bins = vec![0; 24];
    bins[0] = 10;
    bins[12] = 40;
    bins[23] = 20;
    let published = reported("reported P = 0.001 (test not named)");
    let html = simulation_html(&summary(bins, Some(0.001)), 158.4, Some(&published));
    // The published P keeps its own provenance cue inside the illustrative result.
    assert!(html.starts_with(
        "<p id=\"sim-summary\">1,000 trials in 158 ms. <strong id=\"sim-power\">Power at α = 0.05: 81.3%</strong>. \
         Median P = 0.0123. P at or below the <span class=\"value value-reported\" data-provenance=\"reported\" \
         tabindex=\"0\" title=\"reported P = 0.001 (test not named) — Reported in abstract (Results)\">\
         reported P = 0.001 (test not named)</span> in 25.0% of the trials.\
         <span class=\"badge badge-illustrative\">illustrative</span></p>"
    ), "{html}");
    assert!(html.contains(
        "<svg class=\"p-histogram\" role=\"img\" viewBox=\"0 0 240 100\" preserveAspectRatio=\"none\""
    ));
    assert_eq!(html.matches("<rect class=\"p-bar\"").count(), 24);
    // The tallest bar fills the drawing; the others are in proportion; empty bins are flat.
    assert!(
        html.contains("<rect class=\"p-bar\" x=\"121.0\" y=\"0.00\" width=\"8.0\" height=\"100.00\""),
        "{html}"
    );
    assert!(
        html.contains("<rect class=\"p-bar\" x=\"1.0\" y=\"75.00\" width=\"8.0\" height=\"25.00\""),
        "{html}"
    );
    assert!(
        html.contains("<rect class=\"p-bar\" x=\"231.0\" y=\"50.00\" width=\"8.0\" height=\"50.00\""),
        "{html}"
    );
    // The first bar counts every P below 10^−5.75, those below the floor too.
    assert!(html.contains("<title>P below 10^−5.75: 10 trials</title>"), "{html}");
    // log10 0.001 = −3: halfway from −6 to 0.
    assert!(
        html.contains("<line class=\"p-published\" x1=\"120.0\" x2=\"120.0\" y1=\"0\" y2=\"100\""),
        "{html}"
    );
    assert!(
        html.contains("<p class=\"p-axis\">log₁₀ P from −6 (left; the first bar also counts every smaller P) to 0 (right);"),
        "{html}"
    );
    assert_eq!(html.matches("<tr><td>P from 10^").count(), 23);
    assert_eq!(html.matches("<tr><td>P below 10^−5.75</td>").count(), 1);
    assert!(html.contains("<tr><td>P from 10^−0.25 to 10^0</td><td>20</td></tr>"), "{html}");
    assert!(html.contains("<title>P from 10^−0.25 to 10^0: 20 trials</title>"), "{html}");
    assert!(html.contains("<tr><td>P from 10^−3.00 to 10^−2.75</td><td>40</td></tr>"), "{html}");
    assert!(!html.contains("style"), "no inline style: {html}");
}

/// A published P below the histogram's floor is marked at the floor, inside the drawing.
#[test]
fn a_published_p_below_the_floor_is_marked_at_its_edge() {
    let html = simulation_html(&summary(vec![1; 24], Some(1e-9)), 10.0, Some(&reported("reported P = 1e-9")));
    assert!(html.contains(": 1 trial</title>"), "{html}");
    assert!(html.contains("<line class=\"p-published\" x1=\"0.0\" x2=\"0.0\""), "{html}");
}

#[test]
fn without_a_published_p_nothing_is_marked() {
    let html = simulation_html(&summary(vec![0; 24], None), 10.0, None);
    assert!(html.contains("Median P = 0.0123. No exact P is published to set the trials against."), "{html}");
    assert!(!html.contains("p-published"), "{html}");
    assert_eq!(html.matches("height=\"0.00\"").count(), 24);
}

/// With a published P but no trial that could be tested, the sentence says so rather than
/// that no P is published.
#[test]
fn with_no_trial_tested_the_published_p_is_still_named() {
    let untested = SimulationSummary {
        tested: 0,
        power: None,
        median_p: None,
        at_least_as_extreme_as_published: None,
        ..summary(vec![0; 24], Some(0.004))
    };
    let html = simulation_html(&untested, 10.0, Some(&reported("reported P = 0.004 (test not named)")));
    assert!(
        html.contains("(test not named)</span>: no trial could be tested (none had a response)."),
        "{html}"
    );
    assert!(!html.contains("No exact P is published"), "{html}");
}
