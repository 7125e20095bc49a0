//! The reconstruction: reproducible byte for byte, and every published constraint holds,
//! re-checked here with the statistics engine independently of the generator's own checks.

mod json_common;

use std::collections::{BTreeMap, BTreeSet, HashMap};

use json_common::theirs;

use trial_explorer::reconstruct::{reconstruct, response_ensemble, ReconstructError, DEFAULT_SEED};
use trial_explorer::stats::anova::one_way_anova;
use trial_explorer::stats::km::kaplan_meier_by_group;
use trial_explorer::stats::logrank::log_rank;
use trial_explorer::stats::ttest::{paired_t_test, welch_t_test_values};
use trial_explorer::trial::import::import_patient_csv;
use trial_explorer::trial::json::{pretty, ToJson};
use trial_explorer::trial::{default_bundle, Bundle, MeasurementDataset, Provenance};

fn published() -> Bundle {
    default_bundle().expect("embedded bundle is valid")
}

/// FNV-1a, 64 bits: a stable fingerprint of the serialized reconstruction.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

fn patient_data_json(bundle: &Bundle) -> String {
    theirs(&bundle.patient_data.to_json()).to_string()
}

#[test]
fn the_default_reconstruction_is_reproducible_byte_for_byte() {
    let first = pretty(&reconstruct(&published(), DEFAULT_SEED).unwrap().to_json());
    let second = pretty(&reconstruct(&published(), DEFAULT_SEED).unwrap().to_json());
    assert_eq!(first, second);
    // Reconstructing an already reconstructed bundle replaces its datasets with the same ones.
    let again = reconstruct(&reconstruct(&published(), DEFAULT_SEED).unwrap(), DEFAULT_SEED).unwrap();
    assert_eq!(pretty(&again.to_json()), first);
}

#[test]
fn the_default_reconstruction_is_pinned() {
    // A change here means the algorithm changed: every saved link to a reconstruction would
    // show other pseudo-patients. Update deliberately, never to make the test pass.
    let bundle = reconstruct(&published(), DEFAULT_SEED).unwrap();
    let data = &bundle.patient_data;
    let response = &data.time_to_event[0];
    let low_times: Vec<f64> = response.records.iter().filter(|r| r.arm == "low").map(|r| r.time).collect();
    assert_eq!(low_times, PINNED_LOW_TIMES);
    let cd4_first: Vec<f64> = data.continuous[0].records.iter().take(9).map(|r| r.value).collect();
    assert_eq!(cd4_first, PINNED_CD4_HIGH_01);
    assert_eq!(fnv1a(patient_data_json(&bundle).as_bytes()), PINNED_HASH);
}

const PINNED_LOW_TIMES: [f64; 24] = [
    12.0, 12.0, 12.0, 12.0, 12.0, 12.0, 12.0, 12.0, 24.0, 24.0, 36.0, 36.0, 48.0, 48.0, 48.0, 48.0, 60.0,
    72.0, 72.0, 84.0, 84.0, 96.0, 96.0, 96.0,
];
/// Patient high-01, weeks 0 to 96.
const PINNED_CD4_HIGH_01: [f64; 9] = [77.0, 83.0, 73.0, 72.0, 70.0, 82.0, 95.0, 80.0, 82.0];
const PINNED_HASH: u64 = 5_797_690_692_543_726_427;

const WEEKS: [u32; 9] = [0, 12, 24, 36, 48, 60, 72, 84, 96];
const VISITS: [&str; 9] = ["w0", "w12", "w24", "w36", "w48", "w60", "w72", "w84", "w96"];
const ARMS: [&str; 3] = ["high", "low", "placebo"];

/// `values[arm][visit]`: the patients' values, patient by patient in the same order at each visit.
fn by_arm_and_visit(set: &MeasurementDataset) -> Vec<Vec<Vec<f64>>> {
    let mut table: HashMap<(&str, &str), BTreeMap<&str, f64>> = HashMap::new();
    for r in &set.records {
        let previous =
            table.entry((r.arm.as_str(), r.visit.as_str())).or_default().insert(r.patient.as_str(), r.value);
        assert!(previous.is_none(), "{}: {} twice at {}", set.id, r.patient, r.visit);
    }
    ARMS.iter()
        .map(|arm| {
            VISITS
                .iter()
                .map(|visit| {
                    let patients = &table[&(*arm, *visit)];
                    assert_eq!(patients.len(), 24, "{}: arm {arm} at {visit}", set.id);
                    patients.values().copied().collect()
                })
                .collect()
        })
        .collect()
}

/// Every published constraint, re-checked from the bundle's records.
fn assert_constraints(bundle: &Bundle, seed: u64) {
    let data = &bundle.patient_data;
    assert_eq!(data.time_to_event.len(), 1, "seed {seed}");
    assert_eq!(data.continuous.len(), 3, "seed {seed}");
    for provenance in
        data.time_to_event.iter().map(|d| &d.provenance).chain(data.continuous.iter().map(|d| &d.provenance))
    {
        match provenance {
            Provenance::Reconstructed { method, seed: s } => {
                assert_eq!(*s, seed);
                assert!(method.ends_with("; weeks 12–36, 60–84 on an illustrative grid"), "{method}");
            }
            other => panic!("seed {seed}: {other:?}"),
        }
    }

    // Response: low 23/24 and placebo 17/24, at visit weeks, censored only at week 96.
    let response = &data.time_to_event[0];
    assert_eq!(response.endpoint, "response");
    assert!(
        response.records.iter().all(|r| r.arm != "high"),
        "seed {seed}: high-dose response is not published"
    );
    let mut times = Vec::new();
    let mut events = Vec::new();
    let mut groups = Vec::new();
    for (g, (arm, responders)) in [("low", 23), ("placebo", 17)].into_iter().enumerate() {
        let records: Vec<_> = response.records.iter().filter(|r| r.arm == arm).collect();
        assert_eq!(records.len(), 24, "seed {seed}, {arm}");
        assert_eq!(records.iter().filter(|r| r.event).count(), responders, "seed {seed}, {arm}");
        for r in &records {
            if r.event {
                assert!(
                    WEEKS[1..].iter().any(|&w| f64::from(w) == r.time),
                    "seed {seed}: event at {}",
                    r.time
                );
            } else {
                assert_eq!(r.time, 96.0, "seed {seed}: censored early");
            }
            times.push(r.time);
            events.push(r.event);
            groups.push(g);
        }
    }
    let fits = kaplan_meier_by_group(&times, &events, &groups).unwrap();
    assert!((1.0 - fits[0].survival_at(96.0).unwrap() - 23.0 / 24.0).abs() < 1e-12);
    assert!((1.0 - fits[1].survival_at(96.0).unwrap() - 17.0 / 24.0).abs() < 1e-12);
    let p = log_rank(&times, &events, &groups, 0.0).unwrap().p_value;
    assert!((0.0035..0.0045).contains(&p), "seed {seed}: log-rank P {p}");

    // Cell counts: every patient at every visit; baseline CD4 eligible; ratio = CD4 / CD8.
    let endpoints: Vec<&str> = data.continuous.iter().map(|d| d.endpoint.as_str()).collect();
    assert_eq!(endpoints, vec!["cd4", "cd8", "cd4_cd8_ratio"]);
    let cd4 = by_arm_and_visit(&data.continuous[0]);
    let cd8 = by_arm_and_visit(&data.continuous[1]);
    let ratio = by_arm_and_visit(&data.continuous[2]);
    for a in 0..3 {
        assert!(
            cd4[a][0].iter().all(|&v| v > 50.0 && v <= 250.0 && v.fract() == 0.0),
            "seed {seed}: baseline CD4"
        );
        for k in 0..9 {
            for i in 0..24 {
                assert_eq!(ratio[a][k][i], cd4[a][k][i] / cd8[a][k][i], "seed {seed}: ratio");
                assert!(cd4[a][k][i] >= 1.0 && cd8[a][k][i] >= 1.0);
            }
        }
    }
    for (a, arm) in ARMS.iter().enumerate() {
        let t = paired_t_test(&cd4[a][4], &cd4[a][0], 0.95).unwrap();
        if *arm == "placebo" {
            assert!(t.p_value >= 0.05, "seed {seed}: placebo CD4 change P {}", t.p_value);
        } else {
            assert!(t.estimate > 0.0 && t.p_value < 0.001, "seed {seed}: {arm} CD4 rise P {}", t.p_value);
        }
    }
    for (name, values) in [("cd4", &cd4), ("cd8", &cd8), ("ratio", &ratio)] {
        for k in 0..9 {
            let groups: Vec<&[f64]> = (0..3).map(|a| values[a][k].as_slice()).collect();
            let anova = one_way_anova(&groups).unwrap();
            assert!(anova.p_value >= 0.05, "seed {seed}: {name} at {} ANOVA P {}", VISITS[k], anova.p_value);
            for (i, j) in [(0, 1), (0, 2), (1, 2)] {
                let welch = welch_t_test_values(groups[i], groups[j], 0.95).unwrap();
                assert!(
                    welch.p_value >= 0.05,
                    "seed {seed}: {name} at {} Welch P {}",
                    VISITS[k],
                    welch.p_value
                );
            }
        }
    }
}

#[test]
fn the_default_reconstruction_satisfies_every_constraint() {
    assert_constraints(&reconstruct(&published(), DEFAULT_SEED).unwrap(), DEFAULT_SEED);
}

#[test]
fn two_hundred_other_seeds_satisfy_every_constraint() {
    let bundle = published();
    for seed in (0..200).chain([u64::MAX, 1 << 63]) {
        assert_constraints(&reconstruct(&bundle, seed).unwrap(), seed);
    }
}

#[test]
fn nothing_reconstructed_is_labelled_reported() {
    let bundle = reconstruct(&published(), DEFAULT_SEED).unwrap();
    let data = &bundle.patient_data;
    assert!(data.time_to_event.iter().all(|d| !d.provenance.is_reported()));
    assert!(data.continuous.iter().all(|d| !d.provenance.is_reported()));
    // Everything outside the patient data is the published bundle, untouched.
    let mut rest = bundle.clone();
    rest.patient_data = published().patient_data;
    assert_eq!(rest, published());
}

#[test]
fn the_ensemble_matches_the_reconstruction_and_varies_with_the_seed() {
    let bundle = published();
    let ensemble = response_ensemble(&bundle, 0..200).unwrap();
    assert_eq!(ensemble.len(), 200);
    let full = reconstruct(&bundle, 17).unwrap();
    assert_eq!(ensemble[17].records, full.patient_data.time_to_event[0].records);
    assert_eq!(ensemble[17].id, "reconstructed-response-seed-17");
    assert_eq!(ensemble[17].provenance, full.patient_data.time_to_event[0].provenance);

    // Different seeds give different response timing: count the distinct curves, and the
    // spread of the week by which half the low-dose arm has responded.
    let curves: BTreeSet<Vec<(String, u64)>> = ensemble
        .iter()
        .map(|d| d.records.iter().filter(|r| r.event).map(|r| (r.arm.clone(), r.time as u64)).collect())
        .collect();
    assert!(curves.len() >= 190, "only {} distinct curves in 200 seeds", curves.len());
    let medians: BTreeSet<u64> = ensemble
        .iter()
        .map(|d| {
            let low: Vec<u64> = d.records.iter().filter(|r| r.arm == "low").map(|r| r.time as u64).collect();
            low[11]
        })
        .collect();
    assert!(medians.len() >= 3, "median low-dose response weeks: {medians:?}");
    for d in &ensemble {
        let times: Vec<f64> = d.records.iter().map(|r| r.time).collect();
        let events: Vec<bool> = d.records.iter().map(|r| r.event).collect();
        let groups: Vec<usize> = d.records.iter().map(|r| usize::from(r.arm == "placebo")).collect();
        let p = log_rank(&times, &events, &groups, 0.0).unwrap().p_value;
        assert!((0.0035..0.0045).contains(&p), "seed {:?}: P {p}", d.provenance);
    }
}

#[test]
fn imported_data_is_kept_after_the_reconstruction() {
    let imported =
        import_patient_csv(&published(), "arm,time,event\nlow,12,1\nplacebo,96,0\n", "mine.csv", "response")
            .unwrap();
    let bundle = reconstruct(&imported, DEFAULT_SEED).unwrap();
    let ids: Vec<&str> = bundle.patient_data.time_to_event.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, vec!["reconstructed-response", "mine.csv"]);
}

fn edited(edit: impl FnOnce(&mut Bundle)) -> Bundle {
    let mut bundle = published();
    edit(&mut bundle);
    bundle
}

fn error(bundle: &Bundle) -> String {
    reconstruct(bundle, DEFAULT_SEED).expect_err("must fail").to_string()
}

#[test]
fn each_missing_or_impossible_fact_gets_its_own_message() {
    use trial_explorer::trial::{Comparison, Measure, PValue};
    let cases: Vec<(&str, Bundle, &str)> = vec![
        (
            "no cd8 endpoint",
            edited(|b| b.endpoints.retain(|e| e.id != "cd8")),
            "reconstruction: the bundle declares no endpoint 'cd8'; add it to \"endpoints\"",
        ),
        (
            "no CD4 eligibility range",
            edited(|b| b.eligibility.retain(|c| c.id != "cd4")),
            "reconstruction: no eligibility range for 'cd4'; add a criterion with a numeric range for quantity \"cd4\"",
        ),
        (
            "a percentage no count rounds to",
            edited(|b| {
                if let Measure::CumulativeProbability(c) = &mut b.results[0].measure {
                    c.percent.value = 95.7;
                }
            }),
            "reconstruction: no count out of 24 patients in arm 'low' rounds to 95.7%; check the percentage or the arm size",
        ),
        (
            "no published probability",
            edited(|b| b.results.retain(|r| r.endpoint != "response")),
            "reconstruction: no cumulative probability is published for endpoint 'response'; nothing constrains the response data",
        ),
        (
            "no published test",
            edited(|b| b.tests.retain(|t| t.endpoint != "response")),
            "reconstruction: no published test compares two arms on endpoint 'response'; the response timing would be unconstrained",
        ),
        (
            "a test of other arms",
            edited(|b| {
                b.tests[2].comparison = Comparison::BetweenArms { arms: vec!["high".into(), "placebo".into()], visit: None };
            }),
            "reconstruction: test 'response_low_vs_placebo' compares arms high, placebo; it must compare the two arms with published response probabilities (low, placebo)",
        ),
        (
            "an arm of one patient",
            edited(|b| b.arms[0].randomized_n.value = 1),
            "reconstruction: arm 'high' has n = 1; a paired comparison needs at least 2 patients",
        ),
        (
            "no visit after baseline",
            edited(|b| {
                b.visits.truncate(1);
                b.tests.clear();
                b.statements.clear();
                b.results.retain(|r| r.visit.is_none());
            }),
            "reconstruction: the bundle has no visit after baseline; add the follow-up visits to \"visits\"",
        ),
        (
            "a P value the counts cannot reach",
            edited(|b| b.tests[2].p.value.p = PValue::LessThan { bound: 1e-12 }),
            "reconstruction: no draw satisfied every constraint in 2000 attempts (last failure: log-rank P 2.26e-9 outside [0, 0.000000000001))",
        ),
    ];
    for (what, bundle, expected) in cases {
        assert_eq!(error(&bundle), expected, "{what}");
    }
    assert!(matches!(
        reconstruct(&edited(|b| b.endpoints.retain(|e| e.id != "cd8")), 0),
        Err(ReconstructError::MissingEndpoint { endpoint: "cd8" })
    ));
}
