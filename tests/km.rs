//! Kaplan–Meier against R's `survfit` (tests/fixtures/km_*.json), plus error cases.

mod survival_fixture;

use serde_json::Value;
use survival_fixture::{assert_close, assert_opt, f, load, split_stratum, Data};
use trial_explorer::stats::km::{kaplan_meier, kaplan_meier_by_group, CiType, KaplanMeier};
use trial_explorer::stats::StatsError;

const FIXTURES: [&str; 3] = ["km_aml", "km_ovarian", "km_toy"];
const CI_TYPES: [(CiType, &str, &str); 3] =
    [(CiType::Log, "log", "log"), (CiType::LogLog, "loglog", "log_log"), (CiType::Plain, "plain", "plain")];

/// Every number of one fixture stratum: table rows, bands, cumulative incidence, medians and
/// restricted means.
fn check_fit(fit: &KaplanMeier, stratum: &Value, label: &str) {
    let table = stratum["table"].as_array().unwrap();
    assert_eq!(fit.len(), table.len(), "{label}: rows");
    assert_eq!(fit.n() as f64, f(&stratum["n"]), "{label}: n");
    assert_eq!(fit.total_events() as f64, f(&stratum["n_events"]), "{label}: events");
    let std_err_surv = fit.std_err_surv();
    let cuminc = fit.cumulative_incidence();
    for (i, row) in table.iter().enumerate() {
        let at = format!("{label} row {i}");
        assert_eq!(fit.time()[i], f(&row["time"]), "{at}: time");
        assert_eq!(fit.n_risk()[i] as f64, f(&row["n_risk"]), "{at}: n_risk");
        assert_eq!(fit.n_event()[i] as f64, f(&row["n_event"]), "{at}: n_event");
        assert_eq!(fit.n_censor()[i] as f64, f(&row["n_censor"]), "{at}: n_censor");
        assert_close(fit.surv()[i], f(&row["surv"]), &format!("{at}: surv"));
        assert_close(fit.std_err()[i], f(&row["std_err"]), &format!("{at}: std_err"));
        assert_opt(Some(std_err_surv[i]), &row["std_err_surv"], &format!("{at}: std_err_surv"));
        assert_close(fit.cumhaz()[i], f(&row["cumhaz"]), &format!("{at}: cumhaz"));
        assert_close(fit.std_chaz()[i], f(&row["std_chaz"]), &format!("{at}: std_chaz"));
        assert_close(cuminc[i], f(&row["cuminc"]), &format!("{at}: cuminc"));
    }
    for (ci, suffix, median_key) in CI_TYPES {
        let band = fit.confidence_band(0.95, ci).unwrap();
        let incidence = fit.cumulative_incidence_band(0.95, ci).unwrap();
        for (i, row) in table.iter().enumerate() {
            let at = format!("{label} row {i} {suffix}");
            assert_opt(band[i].map(|l| l.lower), &row[format!("lower_{suffix}")], &format!("{at}: lower"));
            assert_opt(band[i].map(|l| l.upper), &row[format!("upper_{suffix}")], &format!("{at}: upper"));
            let (lo, hi) = (&row[format!("cuminc_lower_{suffix}")], &row[format!("cuminc_upper_{suffix}")]);
            assert_opt(incidence[i].map(|l| l.lower), lo, &format!("{at}: cuminc lower"));
            assert_opt(incidence[i].map(|l| l.upper), hi, &format!("{at}: cuminc upper"));
        }
        let median = fit.median(0.95, ci).unwrap();
        let want = &stratum["median"][median_key];
        assert_opt(median.median, &want["median"], &format!("{label} {suffix}: median"));
        assert_opt(median.lower, &want["lcl"], &format!("{label} {suffix}: median lcl"));
        assert_opt(median.upper, &want["ucl"], &format!("{label} {suffix}: median ucl"));
    }
    for key in ["at_tmax", "common", "individual"] {
        let want = &stratum["rmean"][key];
        let rm = fit.restricted_mean(f(&want["tmax"])).unwrap();
        assert_close(rm.mean, f(&want["rmean"]), &format!("{label} rmean {key}"));
        assert_close(rm.std_err, f(&want["se"]), &format!("{label} se(rmean) {key}"));
    }
}

/// Group labels of a fixture, numbered in the order of its strata.
fn grouping(fixture: &Value, data: &Data) -> (Vec<usize>, Vec<String>) {
    let strata = fixture["fit"]["strata"].as_array().unwrap();
    let names: Vec<(String, String)> =
        strata.iter().map(|s| split_stratum(s["stratum"].as_str().unwrap())).collect();
    let levels: Vec<String> = names.iter().map(|(_, l)| l.clone()).collect();
    (data.labels(&names[0].0, &levels), levels)
}

#[test]
fn per_group_curves_match_survfit_by_group() {
    for name in FIXTURES {
        let fixture = load(name);
        let data = Data::of(&fixture);
        let (labels, _) = grouping(&fixture, &data);
        let strata = fixture["fit"]["strata"].as_array().unwrap();
        for (g, stratum) in strata.iter().enumerate() {
            let (times, events): (Vec<f64>, Vec<bool>) = (0..labels.len())
                .filter(|&i| labels[i] == g)
                .map(|i| (data.times[i], data.events[i]))
                .unzip();
            let fit = kaplan_meier(&times, &events).unwrap();
            check_fit(&fit, stratum, &format!("{name} {}", stratum["stratum"]));
        }
    }
}

#[test]
fn grouped_fit_matches_survfit_by_group() {
    for name in FIXTURES {
        let fixture = load(name);
        let data = Data::of(&fixture);
        let (labels, _) = grouping(&fixture, &data);
        let fits = kaplan_meier_by_group(&data.times, &data.events, &labels).unwrap();
        let strata = fixture["fit"]["strata"].as_array().unwrap();
        assert_eq!(fits.len(), strata.len());
        for (fit, stratum) in fits.iter().zip(strata) {
            check_fit(fit, stratum, &format!("{name} by group {}", stratum["stratum"]));
        }
    }
}

#[test]
fn pooled_curves_match_survfit_without_groups() {
    for name in FIXTURES {
        let fixture = load(name);
        let data = Data::of(&fixture);
        let fit = kaplan_meier(&data.times, &data.events).unwrap();
        check_fit(&fit, &fixture["pooled_fit"]["strata"][0], &format!("{name} pooled"));
    }
}

#[test]
fn survival_at_is_the_right_continuous_step_function() {
    let fixture = load("km_aml");
    let data = Data::of(&fixture);
    let fit = kaplan_meier(&data.times, &data.events).unwrap();
    let table = fixture["pooled_fit"]["strata"][0]["table"].as_array().unwrap();
    assert_eq!(fit.survival_at(0.0).unwrap(), 1.0);
    assert_eq!(fit.survival_at(4.999).unwrap(), 1.0);
    for (i, row) in table.iter().enumerate() {
        let (t, s) = (f(&row["time"]), f(&row["surv"]));
        assert_close(fit.survival_at(t).unwrap(), s, "S at a row time");
        let next = table.get(i + 1).map_or(t + 100.0, |r| f(&r["time"]));
        assert_close(fit.survival_at((t + next) / 2.0).unwrap(), s, "S between rows");
    }
    // aml pooled: S(27) = 0.4481..., the first value below 0.5 (median 27).
    assert!(fit.survival_at(26.9).unwrap() > 0.5 && fit.survival_at(27.0).unwrap() < 0.5);
}

#[test]
fn risk_table_counts_subjects_still_followed_and_cumulative_events() {
    let fixture = load("km_aml");
    let data = Data::of(&fixture);
    let fit = kaplan_meier(&data.times, &data.events).unwrap();
    let at = [0.0, 5.0, 10.0, 13.0, 40.0, 161.0, 200.0];
    let table = fit.risk_table(&at).unwrap();
    // From the aml data: n with time >= t; events / censorings with time <= t.
    let expected = [(23, 0, 0), (23, 2, 0), (18, 5, 0), (17, 7, 1), (5, 15, 3), (1, 18, 5), (0, 18, 5)];
    for ((row, t), (n_risk, events, censored)) in table.iter().zip(at).zip(expected) {
        assert_eq!(row.time, t);
        assert_eq!(
            (row.n_risk, row.cumulative_events, row.cumulative_censored),
            (n_risk, events, censored),
            "t = {t}"
        );
    }
    // The same counts straight from the survfit table of the fixture.
    let rows = fixture["pooled_fit"]["strata"][0]["table"].as_array().unwrap();
    for row in fit.risk_table(&[13.0, 45.0]).unwrap() {
        let from_r: f64 = rows.iter().filter(|r| f(&r["time"]) <= row.time).map(|r| f(&r["n_event"])).sum();
        assert_eq!(row.cumulative_events as f64, from_r);
        let first = rows.iter().find(|r| f(&r["time"]) >= row.time).unwrap();
        assert_eq!(row.n_risk as f64, f(&first["n_risk"]));
    }
}

#[test]
fn near_equal_times_are_merged_like_r_aeqsurv() {
    let fixture = load("km_aml");
    let data = Data::of(&fixture);
    // Perturb every other time by less than sqrt(eps) relative: R treats these as ties.
    let noisy: Vec<f64> =
        data.times.iter().enumerate().map(|(i, t)| if i % 2 == 0 { t * (1.0 + 4e-9) } else { *t }).collect();
    let clean = kaplan_meier(&data.times, &data.events).unwrap();
    let merged = kaplan_meier(&noisy, &data.events).unwrap();
    assert_eq!(merged.n_risk(), clean.n_risk());
    assert_eq!(merged.n_event(), clean.n_event());
    assert_eq!(merged.surv(), clean.surv());
    // Without the merge the 13 / 13 tie would split into two rows.
    assert_eq!(merged.len(), 18);
}

#[test]
fn confidence_bands_honour_the_level() {
    let fixture = load("km_toy");
    let data = Data::of(&fixture);
    let fit = kaplan_meier(&data.times, &data.events).unwrap();
    let wide = fit.confidence_band(0.99, CiType::Log).unwrap();
    let narrow = fit.confidence_band(0.95, CiType::Log).unwrap();
    // Row 4 (t = 5): S = 0.50175..., std_err = 0.23846...; z(0.99) = 2.5758293035489004.
    let (s, se) = (fit.surv()[4], fit.std_err()[4]);
    assert_close(wide[4].unwrap().lower, (s.ln() - 2.5758293035489004 * se).exp(), "99% lower");
    assert!(wide[4].unwrap().lower < narrow[4].unwrap().lower);
}

#[test]
fn all_censored_curve_stays_at_one() {
    let fit = kaplan_meier(&[4.0, 6.0, 9.0], &[false; 3]).unwrap();
    assert_eq!(fit.surv(), &[1.0, 1.0, 1.0]);
    let m = fit.median(0.95, CiType::Log).unwrap();
    assert_eq!((m.median, m.lower, m.upper), (None, None, None));
    let rm = fit.restricted_mean(10.0).unwrap();
    assert_eq!((rm.mean, rm.std_err), (10.0, 0.0));
}

#[test]
fn input_errors_name_the_problem() {
    assert_eq!(kaplan_meier(&[], &[]), Err(StatsError::Empty { what: "kaplan_meier: times".into() }));
    assert_eq!(
        kaplan_meier(&[1.0, 2.0], &[true]),
        Err(StatsError::LengthMismatch { what: "kaplan_meier: events".into(), expected: 2, found: 1 })
    );
    let negative = kaplan_meier(&[1.0, -2.0], &[true, true]).unwrap_err();
    assert_eq!(
        negative,
        StatsError::InvalidValue {
            what: "kaplan_meier: times (must be finite and >= 0)".into(),
            index: 1,
            value: -2.0
        }
    );
    assert_eq!(
        negative.to_string(),
        "kaplan_meier: times (must be finite and >= 0): invalid value -2 at position 1"
    );
    assert_eq!(
        kaplan_meier(&[1.0, f64::INFINITY], &[true, true]),
        Err(StatsError::InvalidValue {
            what: "kaplan_meier: times (must be finite and >= 0)".into(),
            index: 1,
            value: f64::INFINITY
        })
    );
    assert!(matches!(
        kaplan_meier(&[f64::NAN], &[true]),
        Err(StatsError::InvalidValue { ref what, index: 0, value }) if what == "kaplan_meier: times (must be finite and >= 0)" && value.is_nan()
    ));
    assert_eq!(
        kaplan_meier_by_group(&[1.0, 2.0], &[true, true], &[0, 2]),
        Err(StatsError::EmptyGroup { what: "kaplan_meier_by_group: groups".into(), group: 1 })
    );
    assert_eq!(
        kaplan_meier_by_group(&[1.0, 2.0], &[true, true], &[0]),
        Err(StatsError::LengthMismatch {
            what: "kaplan_meier_by_group: groups".into(),
            expected: 2,
            found: 1
        })
    );
}

#[test]
fn parameter_errors_name_the_problem() {
    let fit = kaplan_meier(&[1.0, 2.0], &[true, false]).unwrap();
    let level = StatsError::InvalidParameter {
        what: "confidence level (must be between 0 and 1)".into(),
        value: 1.5,
    };
    assert_eq!(fit.confidence_band(1.5, CiType::Log), Err(level.clone()));
    assert_eq!(fit.median(1.5, CiType::Plain), Err(level.clone()));
    assert_eq!(level.to_string(), "confidence level (must be between 0 and 1): parameter out of range (1.5)");
    assert_eq!(
        fit.restricted_mean(-1.0),
        Err(StatsError::InvalidParameter {
            what: "restricted_mean: horizon (must be finite and >= 0)".into(),
            value: -1.0
        })
    );
    assert!(matches!(
        fit.survival_at(f64::NAN),
        Err(StatsError::InvalidValue { ref what, index: 0, .. }) if what == "survival_at: t"
    ));
    assert!(matches!(
        fit.risk_table(&[1.0, f64::NAN]),
        Err(StatsError::InvalidValue { ref what, index: 1, .. }) if what == "risk_table: times"
    ));
}
