//! The response chart drawn into SVG: colours and styles per arm, labels saying where curves
//! come from, published marks, censor marks, and the at-risk table under the axis ticks.

mod explore_common;

use explore_common::{hex, reconstructed, reconstructed_events, texts, with_events};
use trial_explorer::chart::{
    draw_response, fitted_size, presentation_size, response_caption, svg_document, ChartStyle, PHONE_SIZE,
    PRESENTATION_SIZE, SCREEN_SIZE,
};
use trial_explorer::explore::{compute, compute_with_ensemble, ResponseView, Selection};
use trial_explorer::reconstruct::{reconstruct, DEFAULT_SEED};
use trial_explorer::share::view_svg;
use trial_explorer::trial::import::{import_bundle_json, import_patient_csv};
use trial_explorer::trial::{default_bundle, Bundle};

const SIZE: (u32, u32) = (760, 520);

fn svg_of(view: &ResponseView) -> String {
    svg_document(SIZE, |root| draw_response(root, view, &ChartStyle::SCREEN)).unwrap()
}

fn render(bundle: &Bundle, selection: &Selection) -> (ResponseView, String) {
    let view = compute(bundle, selection).response().unwrap().clone();
    let svg = svg_of(&view);
    (view, svg)
}

#[test]
fn each_arm_is_drawn_in_its_colour_with_band_censor_marks_and_legend() {
    let (_, svg) = render(&reconstructed_events(), &Selection::default());
    for arm in ["low", "placebo"] {
        assert!(svg.contains(&format!("stroke=\"{}\"", hex(arm))), "{arm} line missing");
        // The band is the same colour, faint.
        assert!(
            svg.contains(&format!("<polygon fill=\"{}\" fill-opacity=\"0.15\"", hex(arm))),
            "{arm} band missing"
        );
    }
    assert!(svg.contains("Cumulative probability of immunological response: curves from reconstructed data"));
    // Line style as well as colour: the low-dose curve and its legend sample are each one
    // dashed polyline; placebo is solid.
    let low_dashed = format!("stroke=\"{}\" stroke-width=\"2\" stroke-dasharray=\"8 5\"", hex("low"));
    assert_eq!(svg.matches(&low_dashed).count(), 2, "the low-dose curve and legend sample");
    let placebo: Vec<&str> = svg.split('<').filter(|e| e.contains(&hex("placebo"))).collect();
    assert!(!placebo.is_empty() && placebo.iter().all(|e| !e.contains("stroke-dasharray")));
    let labels: Vec<String> = texts(&svg).into_iter().map(|t| t.2).collect();
    for expected in [
        "Low dose (reconstructed data)",
        "Placebo (reconstructed data)",
        "High dose: not reported",
        "reported 95.8%",
        "reported 70.8%",
        "Number at risk (reconstructed data)",
    ] {
        assert!(labels.iter().any(|l| l == expected), "missing label '{expected}'");
    }
    assert!(labels.iter().any(|l| l.starts_with("+ censored")));
    // High dose has no data: its colour appears only in its dotted legend sample (short
    // segments of a single pixel row), never as a band or a curve.
    assert!(!svg.contains(&format!("<polygon fill=\"{}\"", hex("high"))));
    let high_segments: Vec<&str> = svg.split('<').filter(|e| e.contains(&hex("high"))).collect();
    assert!(!high_segments.is_empty());
    let legend_y = texts(&svg).into_iter().find(|t| t.2 == "High dose: not reported").unwrap().1;
    for segment in high_segments {
        let points = segment.split("points=\"").nth(1).unwrap().split('"').next().unwrap();
        assert!(points.split_whitespace().all(|p| p.ends_with(&format!(",{legend_y}"))), "{segment}");
    }
    // The low-dose censor mark at week 48: a "+" of two 10-pixel strokes centred on the
    // week-48 tick's x.
    let x48 = texts(&svg).into_iter().find(|t| t.2 == "48").unwrap().0;
    let low = format!("stroke=\"{}\" stroke-width=\"2\" points=\"", hex("low"));
    let strokes: Vec<&str> = svg.split(&low).skip(1).map(|e| e.split('"').next().unwrap()).collect();
    assert!(strokes
        .iter()
        .any(|p| p.starts_with(&format!("{},", x48 - 5)) && p.contains(&format!(" {},", x48 + 5))));
    assert!(strokes
        .iter()
        .any(|p| p.starts_with(&format!("{x48},")) && p.matches(&format!("{x48},")).count() == 2));
}

#[test]
fn an_arm_turned_off_is_not_drawn_at_all() {
    let selection = Selection {
        arms: ["low", "placebo"].into_iter().map(String::from).collect(),
        ..Selection::default()
    };
    let (_, svg) = render(&reconstructed_events(), &selection);
    assert!(!svg.contains(&hex("high")));
    assert!(!texts(&svg).iter().any(|t| t.2.starts_with("High dose")));
    let selection =
        Selection { arms: ["placebo"].into_iter().map(String::from).collect(), ..Selection::default() };
    let (_, svg) = render(&reconstructed_events(), &selection);
    assert!(!svg.contains(&hex("low")), "low dose is off: no line, band, mark or legend in its colour");
    assert!(!texts(&svg).iter().any(|t| t.2.contains("95.8%")));
}

#[test]
fn the_at_risk_table_has_one_cell_per_arm_and_tick_and_each_sits_under_its_tick() {
    let (view, svg) = render(&with_events(), &Selection::default());
    let all = texts(&svg);
    let weeks: Vec<String> = view.risk_table.weeks.iter().map(|w| w.to_string()).collect();
    // Tick labels: the week numbers in one row just under the axis.
    let tick_row = all.iter().find(|t| t.2 == "12").unwrap().1;
    let ticks: Vec<&(i32, i32, String)> = all.iter().filter(|t| t.1 == tick_row).collect();
    assert_eq!(ticks.iter().map(|t| t.2.clone()).collect::<Vec<_>>(), weeks);
    // At-risk rows: below the ticks, one per arm with data, one number per tick.
    let label_rows: Vec<i32> =
        all.iter().filter(|t| t.2 == "Low dose" || t.2 == "Placebo").map(|t| t.1).collect();
    assert_eq!(label_rows.len(), 2);
    assert!(label_rows.iter().all(|&y| y > tick_row + 20));
    for (row, y) in view.risk_table.rows.iter().zip(&label_rows) {
        let cells: Vec<&(i32, i32, String)> =
            all.iter().filter(|t| t.1 == *y && t.2.parse::<usize>().is_ok()).collect();
        assert_eq!(cells.len(), weeks.len(), "{} row", row.arm.label);
        for ((cell, tick), expected) in cells.iter().zip(&ticks).zip(&row.cells) {
            assert_eq!(cell.0, tick.0, "week {} of {} is not under its tick", tick.2, row.arm.label);
            assert_eq!(cell.2, expected.at_risk.to_string());
        }
    }
    let cells = all.iter().filter(|t| t.1 > tick_row + 20 && t.2.parse::<usize>().is_ok()).count();
    assert_eq!(cells, 2 * 9);
}

#[test]
fn a_shorter_horizon_moves_the_ticks_and_keeps_the_table_aligned() {
    let selection = Selection { horizon_weeks: 48, ..Selection::default() };
    let (view, svg) = render(&with_events(), &selection);
    assert_eq!(view.risk_table.weeks, [0, 12, 24, 36, 48]);
    let all = texts(&svg);
    let x_of = |label: &str, below: i32| {
        all.iter().filter(|t| t.2 == label && t.1 > below).map(|t| t.0).collect::<Vec<_>>()
    };
    let tick_row = all.iter().find(|t| t.2 == "36").unwrap().1;
    // The 48 tick is at the right end of the axis; low dose has 1 at risk there.
    let tick_48 = all.iter().find(|t| t.2 == "48" && t.1 == tick_row).unwrap().0;
    assert!(x_of("1", tick_row).contains(&tick_48));
    // Equal spacing of ticks, as weeks are equally spaced.
    let xs: Vec<i32> = all.iter().filter(|t| t.1 == tick_row).map(|t| t.0).collect();
    let gaps: Vec<i32> = xs.windows(2).map(|w| w[1] - w[0]).collect();
    assert!(gaps.iter().all(|g| (g - gaps[0]).abs() <= 1), "{gaps:?}");
}

#[test]
fn without_data_only_the_published_marks_are_drawn_and_the_chart_says_why() {
    let (_, svg) = render(&default_bundle().unwrap(), &Selection::default());
    let labels: Vec<String> = texts(&svg).into_iter().map(|t| t.2).collect();
    assert!(labels.contains(&"No curves: no patient-level data loaded".to_string()));
    assert!(labels.contains(&"Low dose: reported value only".to_string()));
    assert!(labels.contains(&"reported 95.8%".to_string()));
    assert!(!labels.iter().any(|l| l.starts_with("Number at risk")));
    assert!(svg.contains("reported values only"));
    // Reported-only mode on reconstructed data: same picture, different reason.
    let (_, svg) =
        render(&reconstructed_events(), &Selection { reported_only: true, ..Selection::default() });
    assert!(svg.contains("Curves hidden: reported values only"));
    assert!(!svg.contains("reconstructed"));
    // Before week 96 no published value is drawn either: the caption (the drawing's accessible
    // name) gives the same reason as the plot.
    let (view, svg) = render(
        &reconstructed_events(),
        &Selection { reported_only: true, horizon_weeks: 48, ..Selection::default() },
    );
    assert!(svg.contains("Curves hidden: reported values only"));
    assert_eq!(
        response_caption(&view),
        "Cumulative probability of immunological response: curves hidden in reported-only mode"
    );
    let (view, _) =
        render(&default_bundle().unwrap(), &Selection { horizon_weeks: 48, ..Selection::default() });
    assert_eq!(
        response_caption(&view),
        "Cumulative probability of immunological response: no patient-level data loaded"
    );
}

/// Data loaded but nothing to draw for the arms chosen: the chart says why in the reader's
/// terms (no arm; no data for the high-dose arm), not that reported-only mode hid the curves.
#[test]
fn with_no_curve_for_the_arms_chosen_the_chart_says_why() {
    let bundle = reconstructed_events();
    let (_, svg) = render(&bundle, &Selection { arms: Default::default(), ..Selection::default() });
    let labels: Vec<String> = texts(&svg).into_iter().map(|t| t.2).collect();
    assert!(labels.contains(&"No curves: no arm is shown".to_string()), "{labels:?}");
    assert!(svg.contains("Cumulative probability of immunological response: no arm shown"));
    assert!(!svg.contains("reported values only"));
    let (_, svg) = render(&bundle, &Selection { arms: ["high".to_string()].into(), ..Selection::default() });
    let labels: Vec<String> = texts(&svg).into_iter().map(|t| t.2).collect();
    assert!(
        labels.contains(&"No curves: no patient-level data for the arms shown".to_string()),
        "{labels:?}"
    );
    assert!(svg.contains("Cumulative probability of immunological response: no curve for the arms shown"));
}

#[test]
fn the_ensemble_overlay_is_faint_and_labelled() {
    let bundle = reconstructed_events();
    let mut member = bundle.patient_data.time_to_event[0].clone();
    member.id = "member-1".into();
    for r in &mut member.records {
        r.time += 2.0;
    }
    let selection = Selection { show_ensemble: true, ..Selection::default() };
    let view = compute_with_ensemble(&bundle, &selection, &[member]).response().unwrap().clone();
    let svg = svg_of(&view);
    assert!(
        svg.contains(&format!("stroke=\"{}\" stroke-width=\"1\" stroke-opacity=\"0.4\"", hex("low"))),
        "faint low-dose lines missing"
    );
    assert!(
        svg.contains("stroke=\"#000000\" stroke-width=\"1\" stroke-opacity=\"0.4\""),
        "faint placebo line missing"
    );
    let plain = svg_of(compute(&bundle, &Selection::default()).response().unwrap());
    assert!(!plain.contains("stroke-opacity=\"0.4\""));
    let note = "faint lines: 1 other reconstruction, each matching every published number";
    assert!(texts(&svg).iter().any(|t| t.2.contains(note)), "{:?}", texts(&svg));
    // On dark paper the light lines are drawn fainter, so the main curves still stand out.
    let dark = svg_document(SIZE, |root| {
        draw_response(root, &view, &ChartStyle::SCREEN.with_theme(trial_explorer::chart::Theme::Dark))
    })
    .unwrap();
    assert!(dark.contains("stroke-width=\"1\" stroke-opacity=\"0.25\""), "faint lines on dark paper");
    assert!(!dark.contains("stroke-opacity=\"0.4\""));
}

/// A step the members share is drawn once, so the overlay stays faint however many members
/// agree: five identical members draw what one does.
#[test]
fn the_ensemble_draws_each_shared_step_once() {
    let bundle = reconstructed_events();
    let mut member = bundle.patient_data.time_to_event[0].clone();
    for r in &mut member.records {
        r.time += 2.0;
    }
    let copies = |n: usize| -> Vec<_> {
        (0..n)
            .map(|i| {
                let mut m = member.clone();
                m.id = format!("member-{i}");
                m
            })
            .collect()
    };
    let selection = Selection { show_ensemble: true, ..Selection::default() };
    let faint = |n: usize| {
        let view = compute_with_ensemble(&bundle, &selection, &copies(n)).response().unwrap().clone();
        svg_of(&view).matches("stroke-opacity=\"0.4\"").count()
    };
    let one = faint(1);
    assert!(one >= 2, "one member draws its arms' lines ({one})");
    assert_eq!(faint(5), one);
}

/// Patients without a response are censored at week 96, where each published value is
/// marked: their "+" is drawn over the mark's diamond, not hidden under its paper.
#[test]
fn censor_marks_at_a_published_value_show_over_its_mark() {
    let shown = reconstruct(&default_bundle().unwrap(), DEFAULT_SEED).unwrap();
    let (view, svg) = render(&shown, &Selection::default());
    let x96 = texts(&svg).into_iter().find(|t| t.2 == "96").unwrap().0;
    for (arm, published) in [("low", "reported 95.8%"), ("placebo", "reported 70.8%")] {
        let curve = view.curves.iter().find(|c| c.arm.id == arm).unwrap().curve.as_ref().unwrap();
        assert!(curve.censored.iter().any(|m| m.week == 96.0), "{arm}: no one censored at week 96");
        let vertical = format!("stroke=\"{}\" stroke-width=\"2\" points=\"{x96},", hex(arm));
        let censor = svg.rfind(&vertical).unwrap_or_else(|| panic!("{arm}: no censor mark at week 96"));
        assert!(censor > svg.find(published).unwrap(), "{arm}: the censor mark is under the published mark");
    }
}

/// A curve high early, where the legend would sit in the plot's corner, sends the legend
/// above the plot, and every censor mark is drawn, the one early and high too.
#[test]
fn no_censor_mark_crosses_the_legend() {
    let mut csv = String::from("arm,time,event\n");
    csv.push_str(&"low,1,1\n".repeat(20));
    csv.push_str("low,6,0\nlow,96,0\nlow,96,0\nlow,96,0\n");
    csv.push_str(&"placebo,48,1\n".repeat(12));
    csv.push_str(&"placebo,96,0\n".repeat(12));
    let bundle = import_patient_csv(&default_bundle().unwrap(), &csv, "early.csv", "response").unwrap();
    let (view, svg) = render(&bundle, &Selection::default());
    let low = view.curves.iter().find(|c| c.arm.id == "low").unwrap().curve.as_ref().unwrap();
    assert_eq!(low.censored.len(), 2, "one mark at week 6 (where the legend would be), one at week 96");
    let all = texts(&svg);
    let y_of = |label: &str| all.iter().find(|t| t.2 == label).unwrap_or_else(|| panic!("no '{label}'")).1;
    assert!(y_of("+ censored") < y_of("100%"), "the legend is above the plot");
    // A censor mark's upright stroke: two points 10 pixels apart, one above the other.
    let uprights = |arm: &str| {
        let stroke = format!("stroke=\"{}\" stroke-width=\"2\" points=\"", hex(arm));
        svg.split(&stroke)
            .skip(1)
            .filter(|e| {
                let points: Vec<(i32, i32)> = e
                    .split('"')
                    .next()
                    .unwrap()
                    .split_whitespace()
                    .map(|p| {
                        p.split_once(',').map(|(x, y)| (x.parse().unwrap(), y.parse().unwrap())).unwrap()
                    })
                    .collect();
                points.len() == 2 && points[0].0 == points[1].0 && points[1].1 - points[0].1 == 10
            })
            .count()
    };
    assert_eq!(uprights("low"), 2, "the week-6 or the week-96 mark is not drawn");
    assert_eq!(uprights("placebo"), 1);
}

/// The legend and each published value's label sit on paper, so lines passing under them do
/// not cross their text; the legend comes first, so its paper never covers a label.
#[test]
fn the_legend_and_the_published_labels_have_paper_backdrops() {
    let view = compute(&reconstructed(), &Selection::default());
    // The page's own size, where the legend sits in the plot's corner.
    let svg = view_svg(&view, SCREEN_SIZE, &ChartStyle::SCREEN).unwrap();
    let backdrop = "fill=\"#FFFFFF\" fill-opacity=\"0.85\"";
    // One for the legend, one per published mark (low dose and placebo).
    assert_eq!(svg.matches(backdrop).count(), 3, "{svg}");
    let legend = svg.find("Low dose (reconstructed data)").unwrap();
    let label = svg.find("reported 95.8%").unwrap();
    let legend_backdrop = svg.find(backdrop).unwrap();
    assert!(legend_backdrop < legend, "the legend's paper is under its text");
    assert!(legend < label, "the legend and its paper are drawn before the published labels");
}

/// A cumulative probability the reader imported is never called published: the legend, its
/// note, the caption and the tables name it imported, and it is drawn at the visit the file
/// gives for it, not at the end of follow-up as the abstract's are.
#[test]
fn an_imported_probability_is_named_imported_and_drawn_at_its_visit() {
    let file = explore_common::results_only(
        serde_json::json!([{ "endpoint": "response", "arm": "high", "visit": "w48",
        "measure": { "kind": "cumulative_probability",
            "percent": { "value": 88.0, "provenance": { "kind": "reported", "source": "abstract", "locator": "Figure 3" } } } }]),
    );
    let bundle = import_bundle_json(&default_bundle().unwrap(), &file, "fig3.json").unwrap();
    let (view, svg) = render(&bundle, &Selection::default());
    let high = view.published_marks.iter().find(|m| m.arm.id == "high").expect("the imported mark");
    assert_eq!((high.week, high.week_assumed), (48.0, false));
    assert_eq!(high.placement, "drawn at week 48, the visit it is given for");
    let low = view.published_marks.iter().find(|m| m.arm.id == "low").unwrap();
    assert_eq!((low.week, low.week_assumed), (96.0, true));
    let labels: Vec<String> = texts(&svg).into_iter().map(|t| t.2).collect();
    for expected in [
        "High dose: imported value only",
        "Low dose: reported value only",
        "imported 88.0%",
        "◇ reported value (week 96 assumed); imported value at its visit",
    ] {
        assert!(labels.contains(&expected.to_string()), "no '{expected}' in {labels:?}");
    }
    assert!(!svg.contains("published value"), "{svg}");
    // Reported only withholds it, as every value not published.
    let reported_only = compute(&bundle, &Selection { reported_only: true, ..Selection::default() });
    let reported_only = reported_only.response().unwrap();
    assert!(reported_only.published_marks.iter().all(|m| m.shown.provenance.is_reported()));
    assert_eq!(reported_only.published_marks.len(), 2);
    assert!(
        svg.contains("Cumulative probability of immunological response: imported or reported values only")
    );
    // The tables never head an imported value "Published" alone.
    let marks = view
        .tables
        .iter()
        .find(|t| t.caption.ends_with("cumulative probability of immunological response"))
        .unwrap();
    assert_eq!(marks.caption, "Published or imported cumulative probability of immunological response");
    assert_eq!(marks.columns[1], "Published or imported value");
    let high_row = marks.rows.iter().find(|r| r[0].text == "High dose").unwrap();
    assert_eq!(high_row[1].provenance.as_ref().map(|p| p.label()), Some("imported"));
    assert_eq!(high_row[2].text, "drawn at week 48, the visit it is given for");
}

/// A value imported at an early visit, high, is marked where the corner legend would be: the
/// legend goes above the plot, and the value's label is in the plot, clear of it.
#[test]
fn a_value_marked_early_and_high_sends_the_legend_above() {
    let file = explore_common::results_only(
        serde_json::json!([{ "endpoint": "response", "arm": "high", "visit": "w12",
        "measure": { "kind": "cumulative_probability",
            "percent": { "value": 90.0, "provenance": { "kind": "illustrative", "why": "Figure 3" } } } }]),
    );
    let bundle = import_bundle_json(&reconstructed(), &file, "fig3.json").unwrap();
    let view = compute(&bundle, &Selection::default());
    // A drawing wide enough that, without the value, the legend keeps to the corner.
    let size = (1000, 640);
    let without = compute(&reconstructed(), &Selection::default());
    let without = texts(&view_svg(&without, size, &ChartStyle::SCREEN).unwrap());
    let y_without = |label: &str| without.iter().find(|t| t.2 == label).unwrap().1;
    assert!(y_without("+ censored") > y_without("100%"), "without the value the legend is in the corner");
    let svg = view_svg(&view, size, &ChartStyle::SCREEN).unwrap();
    let all = texts(&svg);
    let at =
        |label: &str| all.iter().find(|t| t.2 == label).unwrap_or_else(|| panic!("no '{label}'")).clone();
    let top = at("100%").1;
    for entry in ["High dose: imported value only", "Low dose (reconstructed data)", "+ censored"] {
        assert!(at(entry).1 < top, "'{entry}' is not above the plot");
    }
    assert!(at("imported 90.0%").1 >= top - 12, "the label is in the plot");
    // Clear of the value axis's labels (whose right ends are at the "100%" label's x): left of
    // its diamond, at week 12, it would run over them. Its left end by the backend's estimate,
    // 0.55 em a character.
    for size in [size, (800, 500), PHONE_SIZE] {
        let svg = view_svg(&view, size, &ChartStyle::SCREEN).unwrap();
        let all = texts(&svg);
        let x_of = |label: &str| all.iter().find(|t| t.2 == label).unwrap().0;
        let label = svg.lines().find(|l| l.contains(">imported 90.0%<")).unwrap();
        let (x, width) = (x_of("imported 90.0%"), 0.55 * 12.0 * "imported 90.0%".len() as f64);
        let left = if label.contains("text-anchor=\"start\"") { f64::from(x) } else { f64::from(x) - width };
        assert!(left > f64::from(x_of("100%")), "{size:?}: {label}");
    }
}

/// Two published values close together at week 96 (the reported low-dose 95.8% and an imported
/// high-dose 88.0%): no two labels' texts overlap and they stand in their diamonds' order, top
/// to bottom; where the plot has room, each label is nearer its own diamond than any other, so
/// none reads as another arm's value.
#[test]
fn each_published_label_sits_by_its_own_diamond() {
    let file = explore_common::results_only(serde_json::json!([{ "endpoint": "response", "arm": "high",
        "measure": { "kind": "cumulative_probability",
            "percent": { "value": 88.0, "provenance": { "kind": "reported", "source": "abstract", "locator": "Figure 3" } } } }]));
    let bundle = import_bundle_json(&reconstructed(), &file, "fig3.json").unwrap();
    let view = compute(&bundle, &Selection::default());
    for (size, style) in [
        (SCREEN_SIZE, ChartStyle::SCREEN),
        (SIZE, ChartStyle::SCREEN),
        (fitted_size(640), ChartStyle::SCREEN),
        (PRESENTATION_SIZE, ChartStyle::PRESENTATION),
        (presentation_size(700), ChartStyle::PRESENTATION),
    ] {
        let svg = view_svg(&view, size, &style).unwrap();
        // Each diamond's centre: its outline is a closed polyline of five points in the arm's colour.
        let diamonds: Vec<(&str, (i32, i32))> = ["high", "low", "placebo"]
            .into_iter()
            .filter_map(|arm| {
                svg.split(&format!("stroke=\"{}\"", hex(arm))).skip(1).find_map(|rest| {
                    let points: Vec<(i32, i32)> = rest
                        .split("points=\"")
                        .nth(1)?
                        .split('"')
                        .next()?
                        .split_whitespace()
                        .map(|p| {
                            p.split_once(',').map(|(x, y)| (x.parse().unwrap(), y.parse().unwrap())).unwrap()
                        })
                        .collect();
                    (points.len() == 5 && points[0] == points[4]).then(|| (arm, (points[0].0, points[1].1)))
                })
            })
            .collect();
        assert_eq!(diamonds.len(), 3, "{size:?}: {diamonds:?}");
        let labels: Vec<(i32, i32, String)> =
            texts(&svg).into_iter().filter(|t| t.2.ends_with('%') && t.2.contains("ed ")).collect();
        let named = [("high", "imported 88.0%"), ("low", "reported 95.8%"), ("placebo", "reported 70.8%")];
        let label_at = |value: &str| {
            let t = labels.iter().find(|t| t.2 == value).unwrap_or_else(|| panic!("{size:?}: no {value}"));
            (t.0, t.1)
        };
        let diamond_at = |arm: &str| diamonds.iter().find(|d| d.0 == arm).unwrap().1;
        let mut by_label: Vec<_> = named.iter().map(|&(arm, value)| (label_at(value).1, arm)).collect();
        let mut by_diamond: Vec<_> = named.iter().map(|&(arm, _)| (diamond_at(arm).1, arm)).collect();
        by_label.sort();
        by_diamond.sort();
        let order = |v: &[(i32, &'static str)]| v.iter().map(|p| p.1).collect::<Vec<_>>();
        assert_eq!(order(&by_label), order(&by_diamond), "{size:?}: labels out of their diamonds' order");
        if size == SCREEN_SIZE || size == PRESENTATION_SIZE {
            for (arm, value) in named {
                let (x, y) = label_at(value);
                let distance = |(cx, cy): (i32, i32)| (x - cx).pow(2) + (y - cy).pow(2);
                let nearest = diamonds.iter().min_by_key(|d| distance(d.1)).unwrap().0;
                assert_eq!(nearest, arm, "{size:?}: '{value}' is nearer the {nearest} diamond; {diamonds:?}");
            }
        }
        // Texts one line apart at least: the labels' rows do not overlap.
        let font = if style == ChartStyle::PRESENTATION { 18 } else { 12 };
        for (i, a) in labels.iter().enumerate() {
            for b in &labels[i + 1..] {
                let apart = (a.1 - b.1).abs() >= font || (a.0 - b.0).abs() > 200;
                assert!(apart, "{size:?}: '{}' and '{}' overlap", a.2, b.2);
            }
        }
    }
}

/// The legend sits in the plot's top-left corner, where cumulative curves start low, unless
/// it would cover a curve or its band there: then it goes above the plot. On the page's own
/// drawing the corner is clear; on the presentation's wide, short one, the legend's larger rows
/// would reach the bands, as they would on a drawing a little narrower than the page's.
#[test]
fn the_legend_goes_above_the_plot_where_it_would_cover_a_band() {
    let view = compute(&reconstructed(), &Selection::default());
    let legend_above = |size, style: &ChartStyle| {
        let all = texts(&view_svg(&view, size, style).unwrap());
        let y_of =
            |label: &str| all.iter().find(|t| t.2 == label).unwrap_or_else(|| panic!("no '{label}'")).1;
        ["High dose: not reported", "Placebo (reconstructed data)", "+ censored"]
            .map(|entry| y_of(entry) < y_of("100%"))
    };
    assert_eq!(legend_above(SCREEN_SIZE, &ChartStyle::SCREEN), [false; 3]);
    assert_eq!(legend_above(SIZE, &ChartStyle::SCREEN), [true; 3]);
    assert_eq!(legend_above(PRESENTATION_SIZE, &ChartStyle::PRESENTATION), [true; 3]);
    // Reported-only mode draws no curve, and leaves the corner to the legend.
    let reported_only = compute(&reconstructed(), &Selection { reported_only: true, ..Selection::default() });
    let all = texts(&view_svg(&reported_only, PRESENTATION_SIZE, &ChartStyle::PRESENTATION).unwrap());
    let y_of =
        |label: &str| all.iter().find(|t| t.2.starts_with(label)).unwrap_or_else(|| panic!("no '{label}'")).1;
    assert!(y_of("Placebo") > y_of("100%"), "in reported-only mode the legend stays in the corner");
}

/// Imported data that match the publication end each curve at its published value, right
/// beside the mark's label: the label moves above or below the mark rather than hide the
/// curve it names, and stays left of it where nothing runs under it. On a phone's short plot
/// it may cover part of a jump, never a step.
#[test]
fn published_labels_do_not_cover_the_curves() {
    let mut csv = String::from("arm,time,event\n");
    for (week, n) in [(12, 5), (24, 5), (36, 5), (48, 4), (60, 4)] {
        csv.push_str(&format!("low,{week},1\n").repeat(n));
    }
    csv.push_str("low,96,0\n");
    for (week, n) in [(12, 3), (24, 2), (36, 2), (48, 2), (60, 3), (72, 2), (84, 3)] {
        csv.push_str(&format!("placebo,{week},1\n").repeat(n));
    }
    csv.push_str(&"placebo,96,0\n".repeat(7));
    let bundle = import_patient_csv(&default_bundle().unwrap(), &csv, "matching.csv", "response").unwrap();
    let (_, matching) = render(&bundle, &Selection::default());
    let (_, reconstructed) = render(&reconstructed_events(), &Selection::default());
    // The app's own reconstruction on a phone and a tablet, where the plot is short and the
    // low-dose curve passes the placebo mark's label.
    let app = explore_common::reconstructed();
    // In presentation too, where the type is larger, on a projector's narrow column and wider.
    let drawn = |size, style| view_svg(&compute(&app, &Selection::default()), size, &style).unwrap();
    let (phone, tablet) =
        (drawn(PHONE_SIZE, ChartStyle::SCREEN), drawn(fitted_size(600), ChartStyle::SCREEN));
    let presented = [640, 880, 1000].map(|column| drawn(presentation_size(column), ChartStyle::PRESENTATION));
    let [projector, laptop, wide] = &presented;
    // On a projector's narrow column (the plot some 216 px high under the presentation's
    // larger type) every place left for the 70.8% label covers some curve: the one taken
    // covers a step from one of its ends, less than three quarters of it.
    for (svg, left_of_the_mark, part_of_a_step) in [
        (&matching, Some(false), false),
        (&reconstructed, Some(true), false),
        (&phone, None, false),
        (&tablet, None, false),
        (projector, None, true),
        (laptop, None, false),
        (wide, None, false),
    ] {
        // The curves: the thick polylines of more than one segment.
        let mut segments = Vec::new();
        let curve = |t: &&str| t.contains("stroke-width=\"2\"") || t.contains("stroke-width=\"4\"");
        for tag in svg.split("<polyline").skip(1).filter(curve) {
            let points: Vec<(f64, f64)> = tag
                .split("points=\"")
                .nth(1)
                .unwrap()
                .split('"')
                .next()
                .unwrap()
                .split(' ')
                .map(|p| p.split_once(',').map(|(x, y)| (x.parse().unwrap(), y.parse().unwrap())).unwrap())
                .collect();
            if points.len() > 4 {
                segments.extend(points.windows(2).map(|w| (w[0], w[1])));
            }
        }
        assert!(segments.len() > 10, "two curves");
        // Each label with the height of its mark: the diamond drawn just before it.
        let labels: Vec<(&str, f64)> = svg
            .split("<text")
            .filter(|t| t.contains(">reported "))
            .map(|t| {
                let before = &svg[..svg.find(t).unwrap()];
                let diamond = before.rsplit("<polygon").next().unwrap();
                let second_point = diamond.split("points=\"").nth(1).unwrap().split(' ').nth(1).unwrap();
                (t, second_point.split(',').nth(1).unwrap().parse().unwrap())
            })
            .collect();
        assert_eq!(labels.len(), 2, "{svg}");
        for (tag, mark_y) in labels {
            let attr =
                |name: &str| tag.split(&format!(" {name}=\"")).nth(1).unwrap().split('"').next().unwrap();
            let (x, y): (f64, f64) = (attr("x").parse().unwrap(), attr("y").parse().unwrap());
            let chars =
                tag.split_once('>').unwrap().1.split("</text>").next().unwrap().chars().count() as f64;
            // Right-aligned, by the backend's own estimate (0.55 em a character).
            let size: f64 = attr("font-size").parse().unwrap();
            let (top, bottom) = match attr("dy") {
                "0.5ex" => (y - size / 2.0, y + size / 2.0),
                "0.76em" => (y, y + size),
                _ => (y - size, y),
            };
            let (left, right) = (x - 0.55 * size * chars, x);
            for ((x0, y0), (x1, y1)) in &segments {
                let crosses = x0.min(*x1) <= right
                    && x0.max(*x1) >= left
                    && y0.min(*y1) <= bottom
                    && y0.max(*y1) >= top;
                // On a short plot a label may have to cover part of a curve's jump (its ends
                // still show), never a step along it.
                let step = y0 == y1;
                let covered = x1.min(right) - x0.max(left);
                let from_an_end = left <= *x0 || right >= *x1;
                let end_of_a_step = part_of_a_step && step && from_an_end && covered < 0.75 * (x1 - x0);
                assert!(
                    !crosses || (left_of_the_mark.is_none() && (!step || end_of_a_step)),
                    "a label covers a curve: {tag}"
                );
            }
            // Where nothing runs under it, the label stays level with its mark, on its left.
            if let Some(left) = left_of_the_mark {
                assert_eq!(attr("dy") == "0.5ex" && y == mark_y && x < 735.0, left, "{tag}");
            }
        }
    }
}
