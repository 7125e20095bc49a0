//! The first screen's view and chart, checked natively: the chart is drawn into SVG by the
//! same function, into the same SVG backend, that the page uses.

use trial_explorer::chart::{arm_style, draw_allocation, svg_document, ChartStyle};
use trial_explorer::explore::overview;
use trial_explorer::trial::{default_bundle, Provenance};

#[test]
fn overview_lists_arms_with_doses_and_derived_sizes() {
    let ov = overview(&default_bundle().unwrap());
    assert_eq!(ov.registry_id.text, "NCT01213186");
    assert_eq!(ov.follow_up.text, "96 weeks");
    let doses: Vec<&str> = ov.arms.iter().map(|a| a.dose.text.as_str()).collect();
    assert_eq!(
        doses,
        [
            "hUC-MSC 1.5 × 10^6 cells per kg body weight",
            "hUC-MSC 0.5 × 10^6 cells per kg body weight",
            "placebo"
        ]
    );
    assert!(!ov.allocation_is_reported());
    assert_eq!(ov.arms[0].planned_n.reported_only_text(), "not reported (derived value hidden)");
    assert_eq!(ov.enrolled.reported_only_text(), "72");
}

/// The caption says where the sizes come from as their provenance does, not in fixed words.
#[test]
fn the_allocation_caption_explains_each_unstated_size_once() {
    let bundle = default_bundle().unwrap();
    let ov = overview(&bundle);
    assert_eq!(
        ov.allocation_caption(),
        "Planned patients per arm. Sizes marked ≈ are not stated in the abstract. Derived from 72 patients in \
         three arms (abstract): 72 / 3; 95.8% = 23/24 and 70.8% = 17/24 agree with 24 per arm."
    );

    let mut mixed = ov.clone();
    mixed.arms[0].planned_n.provenance = Provenance::Imported { file: "sizes.csv".into() };
    mixed.arms[1].planned_n.provenance = Provenance::Illustrative { why: "a worked example.".into() };
    let caption = mixed.allocation_caption();
    assert!(caption.contains("Imported by the reader from sizes.csv; not a published value."), "{caption}");
    assert!(caption.contains("Illustrative only: a worked example. Derived from"), "{caption}");
    assert_eq!(caption.matches("Derived from").count(), 1, "{caption}");
    assert!(!caption.contains(".."), "{caption}");

    let mut stated = ov;
    for arm in &mut stated.arms {
        arm.planned_n.provenance = Provenance::Reported { source: "paper".into(), locator: "Table 1".into() };
    }
    assert_eq!(stated.allocation_caption(), "Planned patients per arm, as published.");
}

#[test]
fn allocation_chart_draws_one_bar_per_arm_in_its_colour_with_labels() {
    let ov = overview(&default_bundle().unwrap());
    let svg = svg_document((560, 320), |root| draw_allocation(root, &ov.arms, &ChartStyle::SCREEN)).unwrap();
    for arm in &ov.arms {
        assert!(svg.contains(&arm.label), "axis label {} missing", arm.label);
        let c = arm_style(&arm.id).color;
        let fill = format!("#{:02X}{:02X}{:02X}", c.0, c.1, c.2);
        assert!(svg.contains(&fill), "bar colour {fill} for {} missing", arm.id);
    }
    // Derived sizes carry the "≈" marker in the drawing, too.
    assert_eq!(svg.matches("≈24").count(), 3);
    assert!(svg.contains("Planned patients per arm"));
}

#[test]
fn arm_styles_differ_in_line_style_as_well_as_colour() {
    let names: Vec<&str> = ["placebo", "low", "high"].iter().map(|a| arm_style(a).line_name).collect();
    assert_eq!(names, ["solid", "dashed", "dotted"]);
}
