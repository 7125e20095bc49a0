//! Summaries the bundle gives for an arm at a visit (a reader's means digitised from the
//! paper, imported in a JSON bundle): shown beside the computed means, in the chart and its
//! table, labelled with their own provenance, never taken for computed ones.

mod explore_common;

use explore_common::{reconstructed, texts};
use serde_json::json;
use trial_explorer::chart::{ChartStyle, SCREEN_SIZE};
use trial_explorer::explore::{compute, statistics, EndpointChoice, Selection};
use trial_explorer::share::view_svg;
use trial_explorer::trial::import::import_bundle_json;
use trial_explorer::trial::{default_bundle, Bundle, Provenance};

/// The high-dose CD4 mean at week 48, and the low- and high-dose mean changes from baseline to
/// week 48.
fn digitised(onto: &Bundle) -> Bundle {
    let fact =
        |value: f64| json!({ "value": value, "provenance": { "kind": "illustrative", "why": "Figure 2" } });
    let n = json!({ "value": 24, "provenance": { "kind": "illustrative", "why": "Figure 2" } });
    let file = explore_common::results_only(json!([
        { "endpoint": "cd4", "arm": "high", "visit": "w48",
          "measure": { "kind": "continuous", "n": n, "mean": fact(300.0), "sd": fact(80.0) } },
        { "endpoint": "cd4", "arm": "low", "visit": "w48",
          "measure": { "kind": "continuous", "baseline": "w0", "mean": fact(45.0), "sd": fact(60.0) } },
        // The high dose's change too, beside its level at the same visit: the views show both.
        { "endpoint": "cd4", "arm": "high", "visit": "w48",
          "measure": { "kind": "continuous", "baseline": "w0", "mean": fact(80.0), "sd": fact(50.0) } },
    ]));
    import_bundle_json(onto, &file, "fig2.json").expect("the summaries import")
}

fn cd4(change_from_baseline: bool) -> Selection {
    Selection { endpoint: EndpointChoice::Cd4, change_from_baseline, ..Selection::default() }
}

#[test]
fn given_means_are_listed_with_their_provenance_levels_and_changes_apart() {
    let bundle = digitised(&reconstructed());
    let imported = Provenance::Imported { file: "fig2.json".into() };
    let view = compute(&bundle, &cd4(false));
    let v = view.continuous().unwrap();
    let given: Vec<(&str, &str, &str)> =
        v.given.iter().map(|g| (g.arm.id.as_str(), g.visit.id.as_str(), g.shown.text.as_str())).collect();
    assert_eq!(given, [("high", "w48", "mean 300.0, SD 80.0, n 24")]);
    assert_eq!(v.given[0].shown.provenance, imported);
    let table = v.tables.last().unwrap();
    assert_eq!(table.caption, "Mean CD4+ T count (cells/mm³) as the bundle gives it (not computed here)");
    assert_eq!(table.rows[0][2].text, "mean 300.0, SD 80.0, n 24");
    assert_eq!(table.rows[0][2].provenance, Some(imported.clone()));

    let view = compute(&bundle, &cd4(true));
    let v = view.continuous().unwrap();
    let given: Vec<(&str, &str, &str)> =
        v.given.iter().map(|g| (g.arm.id.as_str(), g.visit.id.as_str(), g.shown.text.as_str())).collect();
    assert_eq!(given, [("high", "w48", "mean 80.0, SD 50.0"), ("low", "w48", "mean 45.0, SD 60.0")]);
    assert_eq!(
        v.tables.last().unwrap().caption.split(" as ").next(),
        Some("Change from baseline in CD4+ T count (cells/mm³)")
    );

    // The changes stand beside the computed mean changes in the statistics and the tests'
    // table, in either mode, each with its provenance.
    for change in [false, true] {
        let view = compute(&bundle, &cd4(change));
        let v = view.continuous().unwrap();
        let beside: Vec<(&str, Option<&str>)> = v
            .within_arm
            .iter()
            .map(|t| (t.arm.id.as_str(), t.given_change.as_ref().map(|s| s.text.as_str())))
            .collect();
        assert_eq!(
            beside,
            [("high", Some("mean 80.0, SD 50.0")), ("low", Some("mean 45.0, SD 60.0")), ("placebo", None)]
        );
        assert!(v.within_arm[0].given_change.as_ref().is_some_and(|s| s.provenance == imported));
        let lines = statistics(&view);
        let line = lines
            .iter()
            .find(|l| l.subject == "High dose: Week 48 vs Baseline" && l.statistic == "Mean change")
            .unwrap();
        assert_eq!(line.published.as_ref().map(|s| s.text.as_str()), Some("mean 80.0, SD 50.0"));
        let tests = v.tables.iter().find(|t| t.caption == "Tests for CD4+ T count").unwrap();
        assert_eq!(tests.columns[3], "Published or imported");
        let row = tests
            .rows
            .iter()
            .find(|r| r[0].text.starts_with("High dose") && r[1].text == "Mean change")
            .unwrap();
        assert_eq!(
            (row[3].text.as_str(), row[3].provenance.clone()),
            ("mean 80.0, SD 50.0", Some(imported.clone()))
        );
    }

    // Reported-only mode keeps what was published, and these were not.
    let hidden = compute(&bundle, &Selection { reported_only: true, ..cd4(false) });
    assert!(hidden.continuous().unwrap().given.is_empty());
    assert!(hidden.continuous().unwrap().within_arm.iter().all(|t| t.given_change.is_none()));
    // Without them, the view has none and no such table.
    let plain = compute(&reconstructed(), &cd4(false));
    assert!(plain.continuous().unwrap().given.is_empty());
    assert!(!plain.continuous().unwrap().tables.iter().any(|t| t.caption.contains("as the bundle gives it")));
}

#[test]
fn given_means_are_drawn_as_labelled_diamonds_even_without_patient_data() {
    let view = compute(&digitised(&reconstructed()), &cd4(false));
    let svg = view_svg(&view, SCREEN_SIZE, &ChartStyle::SCREEN).unwrap();
    let labels: Vec<String> = texts(&svg).into_iter().map(|t| t.2).collect();
    assert!(labels.contains(&"imported 300.0".to_string()), "{labels:?}");
    assert!(labels.contains(&"◇ imported mean; values in the table".to_string()), "{labels:?}");

    // The published bundle has no patient data: the given mean is all there is to draw, and
    // the caption says where it comes from.
    let view = compute(&digitised(&default_bundle().unwrap()), &cd4(false));
    let svg = view_svg(&view, SCREEN_SIZE, &ChartStyle::SCREEN).unwrap();
    let labels: Vec<String> = texts(&svg).into_iter().map(|t| t.2).collect();
    assert!(labels.contains(&"imported 300.0".to_string()), "{labels:?}");
    assert!(!labels.iter().any(|l| l.starts_with("No means")), "{labels:?}");
    assert!(svg.contains("CD4+ T count: mean, cells/mm³ as the bundle gives it"), "{svg}");
    // Its value axis has a scale around the mean.
    assert!(labels.iter().any(|l| l == "300"), "{labels:?}");
}

/// Where the given means crowd (the three arms within a few cells at baseline), their labels
/// could not each be read beside its own diamond: the diamonds are drawn alone, in their arms'
/// colours, and the legend sends the reader to the table, which lists every value.
#[test]
fn crowded_given_means_are_drawn_without_labels() {
    let fact =
        |value: f64| json!({ "value": value, "provenance": { "kind": "illustrative", "why": "Figure 2" } });
    let mut results = Vec::new();
    for (arm, means) in
        [("high", [180.0, 300.0, 320.0]), ("low", [170.0, 260.0, 280.0]), ("placebo", [175.0, 180.0, 190.0])]
    {
        for (visit, mean) in ["w0", "w48", "w96"].into_iter().zip(means) {
            results.push(json!({ "endpoint": "cd4", "arm": arm, "visit": visit,
                "measure": { "kind": "continuous", "mean": fact(mean) } }));
        }
    }
    let file = explore_common::results_only(json!(results));
    let bundle = import_bundle_json(&reconstructed(), &file, "fig2.json").unwrap();
    let view = compute(&bundle, &cd4(false));
    assert_eq!(view.continuous().unwrap().given.len(), 9);
    assert_eq!(view.continuous().unwrap().tables.last().unwrap().rows.len(), 9);
    let svg = view_svg(&view, SCREEN_SIZE, &ChartStyle::SCREEN).unwrap();
    let labels: Vec<String> = texts(&svg).into_iter().map(|t| t.2).collect();
    assert!(!labels.iter().any(|l| l.starts_with("imported ")), "{labels:?}");
    assert!(labels.contains(&"◇ imported mean; values in the table".to_string()), "{labels:?}");
    // Nine diamonds: closed outlines of five points.
    let diamonds = svg
        .split("<polyline")
        .filter(|e| {
            let points: Vec<&str> = e
                .split("points=\"")
                .nth(1)
                .map_or("", |p| p.split('"').next().unwrap())
                .split_whitespace()
                .collect();
            points.len() == 5 && points[0] == points[4]
        })
        .count();
    assert_eq!(diamonds, 9);
}
