//! The simulation lab: its fast count-table log-rank equals the statistics engine, it is
//! deterministic and chunk-independent, and its power behaves as theory says.

use trial_explorer::reconstruct::rng::Rng;
use trial_explorer::reconstruct::{reconstruct, DEFAULT_SEED};
use trial_explorer::simulate::{table_log_rank_p, ArmModel, SimulationSpec, Simulator};
use trial_explorer::stats::logrank::log_rank;
use trial_explorer::stats::StatsError;
use trial_explorer::trial::default_bundle;

const WEEKS: [f64; 8] = [12.0, 24.0, 36.0, 48.0, 60.0, 72.0, 84.0, 96.0];

fn spec(control: ArmModel, treated: ArmModel, trials: u32) -> SimulationSpec {
    SimulationSpec {
        per_arm: 24,
        arms: [control, treated],
        trials,
        alpha: 0.05,
        published_p: Some(0.004),
        seed: 7,
    }
}

/// The reconstruction's low-dose and placebo response models.
fn reconstructed_models() -> (ArmModel, ArmModel) {
    let bundle = reconstruct(&default_bundle().unwrap(), DEFAULT_SEED).unwrap();
    let data = bundle.patient_data.time_to_event.last().unwrap();
    let placebo = ArmModel::from_records(&data.records, "placebo", &WEEKS).unwrap();
    let low = ArmModel::from_records(&data.records, "low", &WEEKS).unwrap();
    (placebo, low)
}

#[test]
fn models_from_the_reconstruction_reproduce_the_published_proportions() {
    let (placebo, low) = reconstructed_models();
    assert!((placebo.response_by_end() - 17.0 / 24.0).abs() < 1e-12);
    assert!((low.response_by_end() - 23.0 / 24.0).abs() < 1e-12);
}

#[test]
fn constant_and_hazard_ratio_models_are_exact() {
    let control = ArmModel::constant(0.708, 8).unwrap();
    assert!((control.response_by_end() - 0.708).abs() < 1e-12);
    assert_eq!(control.with_hazard_ratio(1.0).unwrap(), control);
    // Proportional hazards: survival to the end is raised to the power of the ratio.
    let treated = control.with_hazard_ratio(2.5).unwrap();
    assert!(((1.0 - treated.response_by_end()) - (1.0f64 - 0.708).powf(2.5)).abs() < 1e-12);
}

#[test]
fn simulated_p_values_equal_the_statistics_engine_on_the_same_patients() {
    let (placebo, low) = reconstructed_models();
    let mut sim = Simulator::new(spec(placebo.clone(), low.clone(), 200)).unwrap();
    sim.step(200);
    // Replay the same random stream patient by patient and test with stats::logrank.
    let mut rng = Rng::stream(7, 0x5157);
    let mut tested = 0;
    for _ in 0..200 {
        let (mut times, mut events, mut groups) = (Vec::new(), Vec::new(), Vec::new());
        for (g, model) in [&placebo, &low].into_iter().enumerate() {
            for _ in 0..24 {
                let mut outcome = (96.0, false);
                for (i, &h) in model.hazards.iter().enumerate() {
                    if rng.uniform() < h {
                        outcome = (WEEKS[i], true);
                        break;
                    }
                }
                times.push(outcome.0);
                events.push(outcome.1);
                groups.push(g);
            }
        }
        let p = log_rank(&times, &events, &groups, 0.0).unwrap().p_value;
        let fast = sim.p_values()[tested];
        assert!((p - fast).abs() <= 1e-12 * p.max(1e-300), "trial {tested}: engine {p}, table {fast}");
        tested += 1;
    }
    assert_eq!(tested, 200);
}

#[test]
fn table_log_rank_handles_a_table_without_events() {
    assert_eq!(table_log_rank_p([&[5, 5], &[5, 5]], [&[0, 0], &[0, 0]]), None);
}

#[test]
fn runs_are_deterministic_and_independent_of_chunking() {
    let (placebo, low) = reconstructed_models();
    let mut whole = Simulator::new(spec(placebo.clone(), low.clone(), 1000)).unwrap();
    whole.step(1000);
    let mut chunked = Simulator::new(spec(placebo, low, 1000)).unwrap();
    while !chunked.finished() {
        chunked.step(37);
    }
    assert_eq!(whole.summary(), chunked.summary());
    assert_eq!(whole.summary().trials, 1000);
    assert_eq!(whole.summary().histogram.iter().sum::<u32>(), whole.summary().tested);
}

#[test]
fn under_no_effect_about_alpha_of_trials_are_significant() {
    let control = ArmModel::constant(0.7, 8).unwrap();
    let mut sim = Simulator::new(spec(control.clone(), control, 4000)).unwrap();
    sim.step(4000);
    let power = sim.summary().power.unwrap();
    // 4 standard errors of a proportion 0.05 from 4000 trials.
    assert!((power - 0.05).abs() < 4.0 * (0.05f64 * 0.95 / 4000.0).sqrt(), "type I error {power}");
}

#[test]
fn the_reconstructed_effect_is_usually_detected_and_the_published_p_is_unusually_small() {
    let (placebo, low) = reconstructed_models();
    let mut sim = Simulator::new(spec(placebo, low, 4000)).unwrap();
    sim.step(4000);
    let summary = sim.summary();
    let power = summary.power.unwrap();
    let extreme = summary.at_least_as_extreme_as_published.unwrap();
    assert!(power > 0.5 && power < 1.0, "power {power}");
    assert!(extreme > 0.0 && extreme < power, "share at or below 0.004: {extreme}");
    assert!(summary.median_p.unwrap() < 0.05);
}

#[test]
fn bad_specs_are_refused_before_any_work() {
    let control = ArmModel::constant(0.7, 8).unwrap();
    let mut too_many = spec(control.clone(), control.clone(), 10_001);
    assert_eq!(
        Simulator::new(too_many.clone()).unwrap_err(),
        StatsError::InvalidParameter {
            what: "simulation: number of trials (1 to 10,000)".into(),
            value: 10_001.0
        }
    );
    too_many.trials = 10;
    too_many.arms[1] = ArmModel { hazards: vec![0.1; 3] };
    assert_eq!(
        Simulator::new(too_many).unwrap_err().to_string(),
        "simulation: hazards per visit of the two arms: expected 8 values, found 3"
    );
    assert_eq!(
        ArmModel::constant(1.0, 8).unwrap_err().to_string(),
        "simulation model: response by the end: parameter out of range (1)"
    );
    let constant = ArmModel::constant(0.5, 8).unwrap();
    assert_eq!(
        constant.with_hazard_ratio(0.0).unwrap_err().to_string(),
        "simulation model: hazard ratio (must be above 0): parameter out of range (0)"
    );
    assert!(ArmModel::from_records(&[], "low", &WEEKS).is_err());
}

#[test]
fn scenario_models_come_from_the_loaded_data_or_the_set_effect() {
    use trial_explorer::simulate::{models_for, Scenario};
    let bundle = reconstruct(&default_bundle().unwrap(), DEFAULT_SEED).unwrap();
    let [control, treated] = models_for(&bundle, &Scenario::FromData, "placebo", "low").unwrap();
    assert_eq!(control.hazards.len(), 8);
    assert!((treated.response_by_end() - 23.0 / 24.0).abs() < 1e-12);
    let set = Scenario::Proportional { control_by_end: 0.708, hazard_ratio: 2.0 };
    let [control, treated] = models_for(&bundle, &set, "placebo", "low").unwrap();
    assert!((control.response_by_end() - 0.708).abs() < 1e-12);
    assert!(((1.0 - treated.response_by_end()) - 0.292f64.powi(2)).abs() < 1e-12);
    let none = models_for(&default_bundle().unwrap(), &Scenario::FromData, "placebo", "low");
    assert_eq!(none.unwrap_err().to_string(), "simulation: response data: no observations");
}

#[test]
fn the_lab_compares_with_the_reported_p_and_the_planned_sizes_from_the_bundle() {
    use trial_explorer::simulate::published_comparison;
    let bundle = default_bundle().unwrap();
    let low = published_comparison(&bundle, "placebo", "low");
    let (test, p) = low.test.unwrap();
    assert_eq!(
        (test.id.as_str(), test.p.value.text.as_str(), p),
        ("response_low_vs_placebo", "P = 0.004", 0.004)
    );
    assert_eq!(low.per_arm, Some(24));
    let ultra = published_comparison(&bundle, "placebo", "ultra");
    // An arm the bundle lacks has no published comparison with placebo.
    assert_eq!((ultra.test.map(|(_, p)| p), ultra.per_arm), (None, None));
    // The high dose has none published either, though the endpoint has a test.
    assert_eq!(published_comparison(&bundle, "placebo", "high").test.map(|(_, p)| p), None);
}

/// Each setting is read from the text typed into its field, and a setting the model cannot
/// take is named with the field, what was typed and what the field takes.
#[test]
fn settings_are_read_from_their_fields_with_a_message_naming_the_field() {
    use trial_explorer::simulate::{read_control_percent, read_hazard_ratio};
    assert_eq!(read_control_percent("70.8"), Ok(70.8));
    assert_eq!(read_control_percent(" 1 "), Ok(1.0));
    assert_eq!(read_hazard_ratio("2"), Ok(2.0));
    assert_eq!(read_hazard_ratio("0.1"), Ok(0.1));
    assert_eq!(
        read_control_percent("150"),
        Err("Placebo responders by week 96: 150% is out of range; type a number from 1% to 99%.".to_string())
    );
    assert_eq!(
        read_control_percent("0.5"),
        Err("Placebo responders by week 96: 0.5% is out of range; type a number from 1% to 99%.".to_string())
    );
    assert_eq!(read_hazard_ratio(""), Err("Hazard ratio: empty; type a number from 0.1 to 20.".to_string()));
    assert_eq!(
        read_hazard_ratio("2,5"),
        Err("Hazard ratio: '2,5' is not a number; type a number from 0.1 to 20.".to_string())
    );
    assert_eq!(
        read_hazard_ratio("-1"),
        Err("Hazard ratio: -1 is out of range; type a number from 0.1 to 20.".to_string())
    );
    assert!(read_hazard_ratio("1e400").is_err() && read_hazard_ratio("NaN").is_err());
}
