//! The published claims, recomputed from whatever patient data the bundle holds.

mod explore_common;

use trial_explorer::claims::{check_claim, check_claims, Claim, ClaimCheck, DataUsed, Outcome};
use trial_explorer::reconstruct::{reconstruct, DEFAULT_SEED};
use trial_explorer::trial::import::import_patient_csv;
use trial_explorer::trial::{default_bundle, Bundle, Provenance};

fn published() -> Bundle {
    default_bundle().expect("embedded bundle is valid")
}

fn reconstructed() -> Bundle {
    reconstruct(&published(), DEFAULT_SEED).unwrap()
}

/// (what, published, recomputed, agrees) of each figure.
fn figures(check: &ClaimCheck) -> Vec<(&str, &str, &str, Option<bool>)> {
    check
        .figures
        .iter()
        .map(|f| (f.what.as_str(), f.published.as_str(), f.recomputed.as_str(), f.agrees))
        .collect()
}

fn reconstructed_by(dataset: &str, endpoint: &str, bundle: &Bundle) -> DataUsed {
    let provenance = bundle
        .patient_data
        .time_to_event
        .iter()
        .map(|d| (&d.id, &d.provenance))
        .chain(bundle.patient_data.continuous.iter().map(|d| (&d.id, &d.provenance)))
        .find(|(id, _)| *id == dataset)
        .map(|(_, p)| p.clone())
        .unwrap();
    assert!(matches!(provenance, Provenance::Reconstructed { seed: DEFAULT_SEED, .. }));
    DataUsed { dataset: dataset.to_string(), endpoint: endpoint.to_string(), provenance }
}

#[test]
fn every_claim_is_reproduced_by_the_default_reconstruction() {
    let bundle = reconstructed();
    let checks = check_claims(&bundle);
    let ids: Vec<&str> = checks.iter().map(|c| c.claim.id()).collect();
    assert_eq!(
        ids,
        vec![
            "cd4_rise_high",
            "cd4_rise_low",
            "cd4_no_change_control",
            "response_low_vs_control",
            "no_difference_among_arms"
        ]
    );
    for check in &checks {
        assert_eq!(check.outcome, Outcome::Reproduced, "{}: {:?}", check.claim.id(), check.figures);
    }

    let high = &checks[0];
    assert_eq!(high.links, vec!["cd4_high_w48"]);
    assert_eq!(high.data, vec![reconstructed_by("reconstructed-cd4", "cd4", &bundle)]);
    assert_eq!(
        figures(high),
        vec![
            ("mean change, Week 48 vs Baseline", "an increase", "+11.0 (n = 24)", Some(true)),
            ("paired t-test, Week 48 vs Baseline", "P < 0.001", "P = 1.5 × 10⁻⁵", Some(true)),
        ]
    );
    assert_eq!(
        figures(&checks[2]),
        vec![
            ("mean change, Week 48 vs Baseline", "no change (no size given)", "-0.3 (n = 24)", None),
            (
                "paired t-test, Week 48 vs Baseline",
                "no significant change (read as P ≥ 0.05)",
                "P = 0.8747",
                Some(true)
            ),
        ]
    );

    // The abstract's sentence as published, its P values already in it (and in the figures).
    assert_eq!(
        checks[0].published,
        "a statistically significant increase in the high-dose arm (P < 0.001) and in the low-dose arm (P < 0.001)"
    );
    let response = &checks[3];
    assert_eq!(
        response.links,
        vec!["response_low_vs_placebo", "result:response:low", "result:response:placebo"]
    );
    assert_eq!(
        response.published,
        "the cumulative probability of achieving an immunological response was higher in the low-dose arm than in the control arm: 95.8% vs 70.8%, P = 0.004"
    );
    assert_eq!(
        figures(response),
        vec![
            (
                "Low dose cumulative response probability at week 96 (Kaplan–Meier; the week is assumed)",
                "95.8%",
                "95.8% (95.833% before rounding)",
                Some(true)
            ),
            (
                "Placebo cumulative response probability at week 96 (Kaplan–Meier; the week is assumed)",
                "70.8%",
                "70.8% (70.833% before rounding)",
                Some(true)
            ),
            ("log-rank test (rho = 0; the abstract names no test)", "P = 0.004", "P = 0.0041", Some(true)),
        ]
    );

    let among = &checks[4];
    assert_eq!(among.links, vec!["cd4_cd8_among_arms"]);
    assert_eq!(among.figures.len(), 9, "three endpoints at weeks 0, 48 and 96");
    assert_eq!(among.figures[4].what, "CD8+ T count at Week 48, one-way ANOVA across 3 arms");
    assert!(among.figures.iter().all(|f| f.value >= 0.05 && f.agrees == Some(true)));
    let datasets: Vec<&str> = among.data.iter().map(|d| d.dataset.as_str()).collect();
    assert_eq!(datasets, vec!["reconstructed-cd4", "reconstructed-cd8", "reconstructed-cd4_cd8_ratio"]);
}

#[test]
fn every_claim_is_not_checkable_without_patient_data() {
    let whys: Vec<String> = check_claims(&published())
        .into_iter()
        .map(|c| match c.outcome {
            Outcome::NotCheckable { why } => why,
            other => panic!("{}: {other:?}", c.claim.id()),
        })
        .collect();
    let cd4 = "no patient-level data for 'cd4': load a reconstruction or import a CSV file (arm,patient,visit,value)";
    assert_eq!(whys[0], cd4);
    assert_eq!(whys[1], cd4);
    assert_eq!(whys[2], cd4);
    assert_eq!(
        whys[3],
        "no patient-level data for 'response': load a reconstruction or import a CSV file (arm,time,event)"
    );
    assert_eq!(
        whys[4],
        format!(
            "{cd4}; no patient-level data for 'cd8': load a reconstruction or import a CSV file (arm,patient,visit,value); \
             no patient-level data for 'cd4_cd8_ratio': load a reconstruction or import a CSV file (arm,patient,visit,value)"
        )
    );
}

#[test]
fn a_claim_whose_published_test_is_missing_is_not_checkable() {
    let mut bundle = reconstructed();
    bundle.tests.retain(|t| t.id != "cd4_high_w48");
    let check = check_claim(&bundle, Claim::Cd4RiseHigh);
    assert_eq!(
        check.outcome,
        Outcome::NotCheckable { why: "the bundle has no published test 'cd4_high_w48'".to_string() }
    );
    assert!(check.figures.is_empty());
}

/// A response file with the published proportions but other timing or other counts.
fn response_csv(low: &[(u32, bool)], placebo: &[(u32, bool)]) -> String {
    let mut text = String::from("arm,time,event\n");
    for (arm, rows) in [("low", low), ("placebo", placebo)] {
        for &(week, event) in rows {
            text.push_str(&format!("{arm},{week},{}\n", u8::from(event)));
        }
    }
    text
}

fn arm(responders: &[(u32, usize)], censored: usize) -> Vec<(u32, bool)> {
    let mut rows: Vec<(u32, bool)> =
        responders.iter().flat_map(|&(week, n)| std::iter::repeat_n((week, true), n)).collect();
    rows.extend(std::iter::repeat_n((96, false), censored));
    rows
}

#[test]
fn an_import_with_the_same_proportions_but_equal_timing_breaks_the_p_value() {
    // Everyone who responds does so at week 48, in both arms: the proportions are published
    // ones, but the timing no longer separates the arms.
    let text = response_csv(&arm(&[(48, 23)], 1), &arm(&[(48, 17)], 7));
    let bundle = import_patient_csv(&reconstructed(), &text, "same-week.csv", "response").unwrap();
    let check = check_claim(&bundle, Claim::ResponseLowVsControl);
    assert_eq!(check.outcome, Outcome::NotReproduced);
    assert_eq!(
        check.data,
        vec![DataUsed {
            dataset: "same-week.csv".into(),
            endpoint: "response".into(),
            provenance: Provenance::Imported { file: "same-week.csv".into() }
        }]
    );
    let f = figures(&check);
    assert_eq!((f[0].1, f[0].2, f[0].3), ("95.8%", "95.8% (95.833% before rounding)", Some(true)));
    assert_eq!((f[1].1, f[1].2, f[1].3), ("70.8%", "70.8% (70.833% before rounding)", Some(true)));
    assert_eq!((f[2].1, f[2].2, f[2].3), ("P = 0.004", "P = 0.0215", Some(false)));
}

#[test]
fn an_import_that_moves_responders_breaks_the_probabilities() {
    // Three more placebo patients respond: 20/24 = 83.3%, not 70.8%.
    let text = response_csv(&arm(&[(12, 20), (24, 3)], 1), &arm(&[(36, 5), (60, 5), (84, 10)], 4));
    let bundle = import_patient_csv(&published(), &text, "moved.csv", "response").unwrap();
    let check = check_claim(&bundle, Claim::ResponseLowVsControl);
    assert_eq!(check.outcome, Outcome::NotReproduced);
    let f = figures(&check);
    assert_eq!((f[0].1, f[0].2, f[0].3), ("95.8%", "95.8% (95.833% before rounding)", Some(true)));
    assert_eq!((f[1].1, f[1].2, f[1].3), ("70.8%", "83.3% (83.333% before rounding)", Some(false)));
    assert_eq!(f[2].1, "P = 0.004");
}

#[test]
fn an_import_missing_an_arm_is_not_checkable() {
    let text = response_csv(&arm(&[(12, 23)], 1), &[]);
    let bundle = import_patient_csv(&published(), &text, "low-only.csv", "response").unwrap();
    let check = check_claim(&bundle, Claim::ResponseLowVsControl);
    assert_eq!(
        check.outcome,
        Outcome::NotCheckable { why: "dataset 'low-only.csv' has no records for arm 'placebo'".to_string() }
    );
}

#[test]
fn an_import_where_the_control_arm_rises_breaks_the_no_change_claim() {
    // The reconstructed CD4 counts, with 40 cells added to every control patient at week 48.
    let bundle = reconstructed();
    let mut text = String::from("arm,patient,visit,value\n");
    for r in &bundle.patient_data.continuous[0].records {
        let value = if r.arm == "placebo" && r.visit == "w48" { r.value + 40.0 } else { r.value };
        text.push_str(&format!("{},{},{},{value}\n", r.arm, r.patient, r.visit));
    }
    let bundle = import_patient_csv(&bundle, &text, "cd4.csv", "cd4").unwrap();
    let control = check_claim(&bundle, Claim::Cd4NoChangeControl);
    assert_eq!(control.outcome, Outcome::NotReproduced);
    assert_eq!(control.data[0].provenance, Provenance::Imported { file: "cd4.csv".into() });
    let f = figures(&control);
    assert_eq!((f[0].2, f[0].3), ("+39.7 (n = 24)", None));
    assert_eq!(f[1].1, "no significant change (read as P ≥ 0.05)");
    assert_eq!(f[1].3, Some(false));
    assert!(control.figures[1].value < 1e-6);
    // The MSC arms are untouched and still reproduce.
    assert_eq!(check_claim(&bundle, Claim::Cd4RiseHigh).outcome, Outcome::Reproduced);
}

/// A claim resting on several datasets labels each recomputed number with the provenance of
/// its own data: after a CD4 import, the CD4 rows of the among-arms claim are imported and the
/// CD8 and ratio rows still reconstructed.
#[test]
fn each_figure_carries_the_provenance_of_its_own_data() {
    let bundle = reconstructed();
    let mut text = String::from("arm,patient,visit,value\n");
    for r in &bundle.patient_data.continuous[0].records {
        text.push_str(&format!("{},{},{},{}\n", r.arm, r.patient, r.visit, r.value));
    }
    let bundle = import_patient_csv(&bundle, &text, "cd4.csv", "cd4").unwrap();
    let among = check_claim(&bundle, Claim::NoDifferenceAmongArms);
    assert_eq!(among.figures.len(), 9);
    for figure in &among.figures {
        let expected = if figure.what.starts_with("CD4+ T count") { "imported" } else { "reconstructed" };
        assert_eq!(figure.provenance.label(), expected, "{}", figure.what);
    }
    assert_eq!(among.figures.iter().filter(|f| f.provenance.label() == "imported").count(), 3);
    for check in check_claims(&bundle) {
        for figure in &check.figures {
            let used = check.data.iter().any(|d| d.provenance == figure.provenance);
            assert!(used, "{}: {} has a provenance none of its data has", check.claim.id(), figure.what);
        }
    }
}

/// A reader who holds the paper imports its mean changes from baseline to week 48, with their
/// SDs and n: the CD4 claims are re-checked on those summaries (the paired t-test from summary
/// statistics), labelled imported, ahead of the reconstructed patients. A rise as large as the
/// paper's P needs reproduces its claim; a small one does not.
#[test]
fn imported_summaries_of_the_change_are_checked_ahead_of_patient_data() {
    let change = |arm: &str, mean: f64| {
        let fact = |value: f64| serde_json::json!({ "value": value, "provenance": { "kind": "illustrative", "why": "Figure 2" } });
        serde_json::json!({ "endpoint": "cd4", "arm": arm, "visit": "w48",
            "measure": { "kind": "continuous", "baseline": "w0", "n": { "value": 24, "provenance": { "kind": "illustrative", "why": "Figure 2" } }, "mean": fact(mean), "sd": fact(80.0) } })
    };
    let file = explore_common::results_only(serde_json::json!([change("high", 120.0), change("low", 10.0)]));
    let bundle = trial_explorer::trial::import::import_bundle_json(&reconstructed(), &file, "fig2.json")
        .expect("the summaries import");
    let imported = Provenance::Imported { file: "fig2.json".into() };

    let high = check_claim(&bundle, Claim::Cd4RiseHigh);
    assert_eq!(high.outcome, Outcome::Reproduced, "{high:?}");
    assert_eq!(
        high.data,
        [DataUsed {
            dataset: "result:cd4:high".into(),
            endpoint: "cd4".into(),
            provenance: imported.clone()
        }]
    );
    assert_eq!(figures(&high)[0].2, "+120.0 (n = 24)");
    assert!(high.figures.iter().all(|f| f.provenance == imported));
    // t = 120 / (80 / √24) = 7.35 on 23 df.
    assert!(high.figures[1].value < 1e-6, "{}", high.figures[1].value);

    let low = check_claim(&bundle, Claim::Cd4RiseLow);
    assert_eq!(low.outcome, Outcome::NotReproduced);
    assert_eq!(figures(&low)[0].2, "+10.0 (n = 24)");
    // t = 10 / (80 / √24) = 0.612 on 23 df: P = 0.546.
    assert!((low.figures[1].value - 0.546).abs() < 0.001, "{}", low.figures[1].value);
    assert_eq!(figures(&low)[1].3, Some(false));

    // The control arm has no summary: it is checked on the reconstructed patients as before.
    let control = check_claim(&bundle, Claim::Cd4NoChangeControl);
    assert_eq!(control.outcome, Outcome::Reproduced);
    assert!(matches!(control.data[0].provenance, Provenance::Reconstructed { .. }));
}

/// A summary of the change with n = 1 has no spread to test: the claim says so, naming the
/// summary, rather than fall back on the reconstructed patients while the view shows it.
#[test]
fn an_imported_change_of_one_patient_is_not_checkable() {
    let fact = |value: f64| serde_json::json!({ "value": value, "provenance": { "kind": "illustrative", "why": "Figure 2" } });
    let file =
        explore_common::results_only(serde_json::json!([{ "endpoint": "cd4", "arm": "high", "visit": "w48",
        "measure": { "kind": "continuous", "baseline": "w0", "mean": fact(120.0), "sd": fact(0.0),
            "n": { "value": 1, "provenance": { "kind": "illustrative", "why": "Figure 2" } } } }]));
    let bundle =
        trial_explorer::trial::import::import_bundle_json(&reconstructed(), &file, "fig2.json").unwrap();
    let high = check_claim(&bundle, Claim::Cd4RiseHigh);
    let Outcome::NotCheckable { why } = &high.outcome else { panic!("{high:?}") };
    assert_eq!(
        why,
        "the summary of the change from 'w0' to 'w48' in arm 'high': needs at least 2 observations, found 1"
    );
    assert!(high.figures.is_empty());
}
