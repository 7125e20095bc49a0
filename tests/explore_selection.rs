//! Selections the bundle does not fit are explained, never a panic; the safety view invents
//! no counts; every endpoint renders with and without patient data.

mod explore_common;

use explore_common::{with_cd4, with_events};
use trial_explorer::explore::{compute, CiLevel, EndpointChoice, NoticeKind, Selection, ViewBody};
use trial_explorer::trial::default_bundle;

#[test]
fn default_selection_is_the_published_comparison() {
    let s = Selection::default();
    assert_eq!(s.endpoint, EndpointChoice::Response);
    assert_eq!(s.reference_arm, "placebo");
    assert_eq!(s.horizon_weeks, 96);
    assert_eq!(s.ci_level.value(), 0.95);
    let view = compute(&default_bundle().unwrap(), &s);
    assert!(view.notices.iter().all(|n| n.kind != NoticeKind::Ignored), "{:?}", view.notices);
    assert_eq!(view.title, "Immunological response");
}

#[test]
fn selection_round_trips_through_json_for_the_url() {
    let s =
        Selection { ci_level: CiLevel::P80, endpoint: EndpointChoice::Cd4Cd8Ratio, ..Selection::default() };
    let json = serde_json::to_string(&s).unwrap();
    assert!(
        json.contains("\"ci_level\":\"0.80\"") && json.contains("\"endpoint\":\"cd4_cd8_ratio\""),
        "{json}"
    );
    assert_eq!(serde_json::from_str::<Selection>(&json).unwrap(), s);
    // Missing fields take their defaults, so old URLs keep working.
    let partial: Selection = serde_json::from_str(r#"{"endpoint":"cd4"}"#).unwrap();
    assert_eq!(partial, Selection { endpoint: EndpointChoice::Cd4, ..Selection::default() });
}

#[test]
fn unknown_ids_and_out_of_range_horizons_are_ignored_with_a_notice() {
    let s = Selection {
        arms: ["low", "placebo", "medium"].into_iter().map(String::from).collect(),
        visits: vec!["w48".into(), "w50".into()],
        horizon_weeks: 200,
        compare_visit: "w49".into(),
        ..Selection::default()
    };
    let view = compute(&with_events(), &s);
    let texts: Vec<&str> =
        view.notices.iter().filter(|n| n.kind == NoticeKind::Ignored).map(|n| n.text.as_str()).collect();
    assert_eq!(
        texts,
        [
            "Unknown arm 'medium' ignored; the arms are high, low, placebo.",
            "Unknown visit 'w50' ignored.",
            "Unknown visit 'w49' for the comparison visit; using Week 96 instead.",
            "Horizon of 200 weeks is outside the follow-up (1 to 96 weeks); using 96 weeks.",
        ]
    );
    let r = view.response().unwrap();
    assert_eq!(r.horizon_weeks, 96);
    assert_eq!(r.curves.len(), 2);
    let zero = compute(&with_events(), &Selection { horizon_weeks: 0, ..Selection::default() });
    assert_eq!(zero.response().unwrap().horizon_weeks, 96);
}

#[test]
fn a_reference_arm_that_is_unknown_or_hidden_means_no_comparisons() {
    let unknown =
        compute(&with_events(), &Selection { reference_arm: "control".into(), ..Selection::default() });
    assert!(unknown.response().unwrap().comparisons.is_empty());
    assert!(unknown.notices.iter().any(|n| n.text.starts_with("Unknown reference arm 'control'")));
    let hidden =
        Selection { arms: ["low", "high"].into_iter().map(String::from).collect(), ..Selection::default() };
    let view = compute(&with_events(), &hidden);
    assert!(view.response().unwrap().comparisons.is_empty());
    assert!(view.notices.iter().any(|n| n.text.starts_with("The reference arm (Placebo) is not shown")));
    // Another reference: placebo against low dose, published P still found for the pair.
    let flipped = compute(&with_events(), &Selection { reference_arm: "low".into(), ..Selection::default() });
    let c = flipped.response().unwrap().comparisons.iter().find(|c| c.arm.id == "placebo").unwrap();
    assert!(c.hazard_ratio.as_ref().unwrap().value < 1.0);
    assert!(c.published_p.is_some());
}

#[test]
fn safety_quotes_the_statements_and_lists_what_is_not_reported() {
    let view = compute(
        &default_bundle().unwrap(),
        &Selection { endpoint: EndpointChoice::Safety, ..Selection::default() },
    );
    let v = view.safety().unwrap();
    let texts: Vec<&str> = v.statements.iter().map(|s| s.text.as_str()).collect();
    assert_eq!(
        texts,
        [
            "reported: hUC-MSC treatment was safe and well tolerated",
            "reported conclusion: safe; efficacy on immune reconstitution needs a larger study"
        ]
    );
    assert!(v.statements.iter().all(|s| s.provenance.is_reported()));
    assert_eq!(v.not_reported[0], "Adverse-event counts per arm (any grade)");
    assert_eq!(v.note.as_deref(), Some("No adverse-event counts are published."));
    assert!(view
        .tables()
        .iter()
        .flat_map(|t| &t.rows)
        .flatten()
        .all(|c| !c.text.chars().any(|ch| ch.is_ascii_digit())));
}

#[test]
fn a_bundle_without_the_endpoint_gets_an_unavailable_view() {
    let mut bundle = default_bundle().unwrap();
    bundle.endpoints.retain(|e| e.id != "cd8");
    let view = compute(&bundle, &Selection { endpoint: EndpointChoice::Cd8, ..Selection::default() });
    assert!(matches!(&view.body, ViewBody::Unavailable(m) if m.contains("no 'cd8' endpoint")));
    assert!(view.tables().is_empty());
}

#[test]
fn every_endpoint_and_switch_renders_with_and_without_data() {
    let bundles = [default_bundle().unwrap(), with_events(), with_cd4()];
    let arm_sets: [&[&str]; 4] = [&[], &["low"], &["low", "placebo"], &["high", "low", "placebo"]];
    for bundle in &bundles {
        for endpoint in EndpointChoice::ALL {
            for arms in arm_sets {
                for (reported_only, change, ensemble) in
                    [(false, false, false), (true, true, true), (false, true, true)]
                {
                    let s = Selection {
                        endpoint,
                        arms: arms.iter().map(|a| a.to_string()).collect(),
                        reported_only,
                        change_from_baseline: change,
                        show_ensemble: ensemble,
                        ..Selection::default()
                    };
                    let view = compute(bundle, &s);
                    assert_eq!(view.endpoint, endpoint);
                    if endpoint != EndpointChoice::Safety {
                        assert!(!view.tables().is_empty(), "{endpoint:?} {arms:?}");
                    }
                }
            }
        }
    }
}

/// Visits toggled on and off stay in the bundle's order, ids it lacks first; toggling twice
/// gives back what there was.
#[test]
fn toggling_a_visit_keeps_the_bundles_order() {
    let order: Vec<String> = ["w0", "w48", "w96"].into_iter().map(String::from).collect();
    let mut s = Selection { visits: vec!["w96".into(), "w50".into()], ..Selection::default() };
    s.toggle_visit("w0", &order);
    assert_eq!(s.visits, ["w50", "w0", "w96"]);
    s.toggle_visit("w48", &order);
    assert_eq!(s.visits, ["w50", "w0", "w48", "w96"]);
    s.toggle_visit("w0", &order);
    assert_eq!(s.visits, ["w50", "w48", "w96"]);
    s.toggle_visit("w0", &order);
    s.toggle_visit("w0", &order);
    assert_eq!(s.visits, ["w50", "w48", "w96"]);
}

/// The datasets a view can analyse are its endpoint's, oldest first; a choice that the next
/// endpoint cannot use is set aside and comes back with its endpoint, one it can use (response
/// at a week shares the response events) is kept.
#[test]
fn dataset_choices_follow_the_endpoint() {
    use trial_explorer::explore::{dataset_choices, set_aside_dataset, switch_endpoint};
    use trial_explorer::reconstruct::{reconstruct, DEFAULT_SEED};
    use trial_explorer::trial::import::import_patient_csv;
    let bundle = reconstruct(&trial_explorer::trial::default_bundle().unwrap(), DEFAULT_SEED).unwrap();
    let bundle =
        import_patient_csv(&bundle, "arm,time,event\nlow,12,1\nplacebo,24,0\n", "mine.csv", "response")
            .unwrap();
    let ids = |e: EndpointChoice| -> Vec<String> {
        dataset_choices(&bundle, e).into_iter().map(|d| d.dataset).collect()
    };
    assert_eq!(ids(EndpointChoice::Response), ["reconstructed-response", "mine.csv"]);
    assert_eq!(ids(EndpointChoice::ResponseWeek), ids(EndpointChoice::Response));
    assert_eq!(ids(EndpointChoice::Cd4), ["reconstructed-cd4"]);
    assert!(ids(EndpointChoice::Safety).is_empty());
    assert_eq!(dataset_choices(&bundle, EndpointChoice::Response)[1].describe(), "imported data (mine.csv)");
    // The view names the others and where to pick them.
    let view = compute(&bundle, &Selection::default());
    assert!(
        view.notices.iter().any(|n| n.text
            == "Analysing imported data (mine.csv), the last added; also available under Data: reconstructed data."),
        "{:?}",
        view.notices
    );

    let mut selection = Selection { dataset: Some("reconstructed-response".into()), ..Selection::default() };
    let mut aside = Vec::new();
    switch_endpoint(&bundle, &mut selection, EndpointChoice::ResponseWeek, &mut aside);
    assert_eq!(selection.endpoint, EndpointChoice::ResponseWeek);
    assert_eq!(selection.dataset.as_deref(), Some("reconstructed-response"));
    switch_endpoint(&bundle, &mut selection, EndpointChoice::Cd4, &mut aside);
    assert_eq!(selection.dataset, None);
    // The CD4 view's own pick is set aside too; each endpoint gets its own back.
    selection.dataset = Some("reconstructed-cd4".into());
    switch_endpoint(&bundle, &mut selection, EndpointChoice::Response, &mut aside);
    assert_eq!(selection.dataset.as_deref(), Some("reconstructed-response"));
    selection.dataset = Some("mine.csv".into());
    switch_endpoint(&bundle, &mut selection, EndpointChoice::Cd4, &mut aside);
    assert_eq!(selection.dataset.as_deref(), Some("reconstructed-cd4"));
    switch_endpoint(&bundle, &mut selection, EndpointChoice::Response, &mut aside);
    assert_eq!(selection.dataset.as_deref(), Some("mine.csv"), "the later pick for the response");
    assert_eq!(aside, ["reconstructed-response", "mine.csv", "reconstructed-cd4"]);
    switch_endpoint(&bundle, &mut selection, EndpointChoice::Safety, &mut aside);
    assert_eq!(selection.dataset, None);
    // A pick set aside by itself (the walkthrough showing a step's view) moves to the end.
    let mut picked = Selection { dataset: Some("reconstructed-response".into()), ..Selection::default() };
    set_aside_dataset(&mut picked, &mut aside);
    assert_eq!(picked.dataset, None);
    assert_eq!(aside, ["reconstructed-cd4", "mine.csv", "reconstructed-response"]);
}
