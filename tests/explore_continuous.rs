//! CD4 / CD8 / ratio views on three patients per arm, checked by hand and against `stats`.

mod explore_common;

use explore_common::{close, with_cd4};
use trial_explorer::explore::{compute, EndpointChoice, NoticeKind, Selection};
use trial_explorer::stats::anova::one_way_anova;
use trial_explorer::stats::ttest::welch_t_test_values;
use trial_explorer::trial::default_bundle;

fn cd4(selection: Selection) -> Selection {
    Selection { endpoint: EndpointChoice::Cd4, ..selection }
}

#[test]
fn means_sd_and_t_intervals_per_arm_and_visit() {
    let view = compute(&with_cd4(), &cd4(Selection::default()));
    let v = view.continuous().unwrap();
    assert_eq!(v.unit.as_deref(), Some("cells/mm³"));
    let low = v.arms.iter().find(|a| a.arm.id == "low").unwrap();
    let visits: Vec<&str> = low.points.iter().map(|p| p.visit.id.as_str()).collect();
    assert_eq!(visits, ["w0", "w48", "w96"]);
    let w48 = low.points[1].summary.as_ref().unwrap();
    assert_eq!(w48.n, 3);
    assert!(close(w48.mean.value, 160.0, 1e-12));
    assert!(close(w48.sd.value, 10.0, 1e-12));
    // 160 ± qt(0.975, 2) · 10/√3
    let half = 4.302_652_729_911_275 * 10.0 / 3f64.sqrt();
    let (lo, hi) = w48.mean.interval.unwrap();
    assert!(close(lo, 160.0 - half, 1e-9) && close(hi, 160.0 + half, 1e-9));
    assert_eq!(w48.mean.shown.text, "160.0 (95% CI 135.2 to 184.8)");
    assert_eq!(w48.mean.shown.provenance.label(), "imported");
    assert_eq!(low.points[2].summary.as_ref().unwrap_err(), "no measurements");
    // A visit given by week in the CSV ("0", "48") counts like its id.
    let placebo = v.arms.iter().find(|a| a.arm.id == "placebo").unwrap();
    assert_eq!(placebo.points[0].summary.as_ref().unwrap().n, 3);
}

#[test]
fn paired_test_per_arm_with_the_published_bounds_beside() {
    let view = compute(&with_cd4(), &cd4(Selection::default()));
    let v = view.continuous().unwrap();
    let low = v.within_arm.iter().find(|t| t.arm.id == "low").unwrap();
    // Changes 50, 40, 60: mean 50, SD 10, t = 50/(10/√3) on 2 df; P = 1 − t/√(t² + 2).
    let t = 50.0 / (10.0 / 3f64.sqrt());
    let p = 1.0 - t / (t * t + 2.0).sqrt();
    assert!(close(low.p.as_ref().unwrap().value, p, 1e-12));
    assert_eq!(low.p.as_ref().unwrap().shown.text, "P = 0.0131 (paired t = 8.66 on 2 df)");
    assert!(close(low.mean_change.as_ref().unwrap().value, 50.0, 1e-12));
    assert!(low.mean_change.as_ref().unwrap().shown.text.starts_with("+50.0 cells/mm³ (95% CI"));
    let published: Vec<&str> = low.published.iter().map(|s| s.text.as_str()).collect();
    assert_eq!(published, ["reported P < 0.001 (test not named)"]);
    let placebo = v.within_arm.iter().find(|t| t.arm.id == "placebo").unwrap();
    assert_eq!(placebo.published[0].text, "reported: no change in the control arm");
}

#[test]
fn welch_between_arms_and_anova_with_three_arms() {
    let view = compute(&with_cd4(), &cd4(Selection::default()));
    let v = view.continuous().unwrap();
    let low = v.between_arms.iter().find(|t| t.arm.id == "low").unwrap();
    let welch = welch_t_test_values(&[150.0, 160.0, 170.0], &[105.0, 125.0, 100.0], 0.95).unwrap();
    assert_eq!(low.p.as_ref().unwrap().value, welch.p_value);
    assert!(close(low.difference.as_ref().unwrap().value, 50.0, 1e-12));
    let anova =
        one_way_anova(&[&[260.0, 250.0, 200.0], &[150.0, 160.0, 170.0], &[105.0, 125.0, 100.0]]).unwrap();
    assert_eq!(v.anova.as_ref().unwrap().as_ref().unwrap().value, anova.p_value);
    assert_eq!(
        v.published_among_arms[0].text,
        "reported: no significant changes in CD4/CD8+ T counts and CD4/CD8 ratios among the three arms"
    );
    // Two arms: no ANOVA.
    let two = Selection {
        arms: ["low", "placebo"].into_iter().map(String::from).collect(),
        ..cd4(Selection::default())
    };
    assert!(compute(&with_cd4(), &two).continuous().unwrap().anova.is_none());
}

#[test]
fn change_from_baseline_summarises_per_patient_changes() {
    let selection = Selection { change_from_baseline: true, ..cd4(Selection::default()) };
    let view = compute(&with_cd4(), &selection);
    let v = view.continuous().unwrap();
    let low = v.arms.iter().find(|a| a.arm.id == "low").unwrap();
    assert_eq!(low.points[0].visit.id, "w48", "baseline is not shown as a change");
    let s = low.points[0].summary.as_ref().unwrap();
    assert!(close(s.mean.value, 50.0, 1e-12) && close(s.sd.value, 10.0, 1e-12));
    // Welch between arms on changes: low 50, 40, 60 vs placebo 5, −5, 10.
    let welch = welch_t_test_values(&[50.0, 40.0, 60.0], &[5.0, -5.0, 10.0], 0.95).unwrap();
    let t = v.between_arms.iter().find(|t| t.arm.id == "low").unwrap();
    assert!(close(t.p.as_ref().unwrap().value, welch.p_value, 1e-14));
    assert!(view.notices.iter().any(|n| n.text.contains("baseline visit is not shown")));
    let table = view.table("Change from baseline in CD4+ T count (cells/mm³) by arm and visit").unwrap();
    assert_eq!(table.row_texts(0)[..3], ["High dose", "Week 48", "3"]);
}

#[test]
fn reported_only_keeps_published_bounds_and_sentences() {
    let selection = Selection { reported_only: true, ..cd4(Selection::default()) };
    let view = compute(&with_cd4(), &selection);
    let v = view.continuous().unwrap();
    assert!(v.arms.iter().flat_map(|a| &a.points).all(|p| p.summary.is_err()));
    assert_eq!(v.within_arm.len(), 3, "each arm has a published P bound or sentence");
    assert!(v.within_arm.iter().all(|t| t.p.is_err() && !t.published.is_empty()));
    assert!(v.between_arms.is_empty() && v.anova.is_none());
    assert_eq!(v.published_among_arms.len(), 1);
    assert!(view.notices.iter().any(|n| n.kind == NoticeKind::Hidden));
}

#[test]
fn without_data_cd8_and_ratio_say_not_available() {
    for endpoint in [EndpointChoice::Cd4, EndpointChoice::Cd8, EndpointChoice::Cd4Cd8Ratio] {
        let view = compute(&default_bundle().unwrap(), &Selection { endpoint, ..Selection::default() });
        let v = view.continuous().unwrap();
        for point in v.arms.iter().flat_map(|a| &a.points) {
            assert!(point.summary.as_ref().unwrap_err().starts_with("not available"), "{endpoint:?}");
        }
        assert!(v.between_arms.is_empty());
        assert!(!view.tables().is_empty());
    }
    let ratio = compute(
        &default_bundle().unwrap(),
        &Selection { endpoint: EndpointChoice::Cd4Cd8Ratio, ..Selection::default() },
    );
    assert_eq!(ratio.continuous().unwrap().published_among_arms.len(), 1);
}

/// On the reconstruction, CD4 changes from baseline differ between the arms while the abstract
/// reports no significant changes among them: the view says which reading of that sentence the
/// claims check, and says nothing of the kind on the levels view, where the two agree.
#[test]
fn changes_that_differ_between_arms_are_set_against_the_published_sentence() {
    let bundle = explore_common::reconstructed();
    let reading = |notices: &[trial_explorer::explore::Notice]| {
        notices.iter().find(|n| n.text.contains("the claims panel reads it as the arms' levels")).cloned()
    };
    let change = compute(&bundle, &cd4(Selection { change_from_baseline: true, ..Selection::default() }));
    let anova = change.continuous().unwrap().anova.clone().unwrap().unwrap();
    assert!(anova.value < 0.05, "{}", anova.value);
    let note = reading(&change.notices).expect("the reading is explained");
    assert_eq!(note.kind, NoticeKind::Note);
    assert!(
        note.text.contains(&format!("(reconstructed: one-way ANOVA {})", anova.shown.text)),
        "{}",
        note.text
    );

    let levels = compute(&bundle, &cd4(Selection::default()));
    assert!(reading(&levels.notices).is_none());
}

/// Changes in the CD4/CD8 ratio are a few hundredths: they are shown to 0.001, and a change
/// that rounds to zero carries no sign.
#[test]
fn ratio_changes_are_shown_to_three_decimals() {
    let bundle = explore_common::reconstructed();
    let selection = explore_common::ratio_changes();
    let view = compute(&bundle, &selection);
    let v = view.continuous().unwrap();
    let low = v.within_arm.iter().find(|t| t.arm.id == "low").unwrap();
    let change = low.mean_change.as_ref().unwrap();
    let number = change.shown.text.split_whitespace().next().unwrap();
    let decimals = number.rsplit('.').next().unwrap().len();
    assert_eq!(decimals, 3, "{}", change.shown.text);
    assert!(!change.shown.text.starts_with("+0.000") && !change.shown.text.starts_with("-0.000"));
    let levels =
        compute(&bundle, &Selection { endpoint: EndpointChoice::Cd4Cd8Ratio, ..Selection::default() });
    let levels = levels.continuous().unwrap();
    let mean = levels.arms[0].points[0].summary.as_ref().unwrap().mean.shown.text.clone();
    assert_eq!(mean.split_whitespace().next().unwrap().rsplit('.').next().unwrap().len(), 2, "{mean}");
    // A change is a change on the levels view too.
    let low = levels.within_arm.iter().find(|t| t.arm.id == "low").unwrap();
    let text = &low.mean_change.as_ref().unwrap().shown.text;
    assert_eq!(text.split_whitespace().next().unwrap().rsplit('.').next().unwrap().len(), 3, "{text}");
}

/// The visit schedule between baseline, week 48 and week 96 is not published: each row of the
/// means table names its visit with the week's provenance, so the reconstruction's values at
/// an illustrative week read as such, while the values keep their own provenance.
#[test]
fn the_means_table_marks_the_visits_the_sources_do_not_name() {
    let bundle = explore_common::reconstructed();
    let every_visit = Selection {
        endpoint: EndpointChoice::Cd4,
        visits: bundle.visits.iter().map(|v| v.id.clone()).collect(),
        ..Selection::default()
    };
    let view = compute(&bundle, &every_visit);
    let table = &view.tables()[0];
    assert_eq!(table.columns[1], "Visit");
    assert_eq!(table.rows.len(), 3 * 9);
    for row in &table.rows {
        let week: u32 = row[1].text.trim_start_matches("Week ").parse().unwrap_or(0);
        let kind = row[1].provenance.as_ref().map(|p| p.label());
        let published = [0, 48, 96].contains(&week);
        assert_eq!(kind, Some(if published { "reported" } else { "illustrative" }), "{:?}", row[1]);
        assert_eq!(row[3].provenance.as_ref().map(|p| p.label()), Some("reconstructed"), "{:?}", row[3]);
    }
}
