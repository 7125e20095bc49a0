//! The immunological-response view on a small dataset whose curves, risk table and tests can
//! be checked by hand (see `explore_common.rs`), and without any patient data.

mod explore_common;

use explore_common::{close, reconstructed_events, with_events};
use trial_explorer::explore::{compute, CiLevel, NoticeKind, Selection};
use trial_explorer::stats::cox::{cox_ph, Ties};
use trial_explorer::stats::logrank::log_rank;
use trial_explorer::trial::{default_bundle, Provenance};

#[test]
fn curves_are_one_minus_kaplan_meier_and_stop_at_the_last_follow_up() {
    let view = compute(&with_events(), &Selection::default());
    let r = view.response().unwrap();
    let ids: Vec<&str> = r.curves.iter().map(|c| c.arm.id.as_str()).collect();
    assert_eq!(ids, ["high", "low", "placebo"]);
    // Low dose: 4 at risk; S = 3/4, 2/4, 1/4 after weeks 12, 24, 36; censored at 48.
    let low = r.curves[1].curve.as_ref().unwrap();
    let steps: Vec<(f64, f64)> = low.steps.iter().map(|s| (s.week, s.probability)).collect();
    assert_eq!(steps, [(0.0, 0.0), (12.0, 0.25), (24.0, 0.5), (36.0, 0.75), (48.0, 0.75)]);
    assert_eq!(low.censored.len(), 1);
    assert_eq!((low.censored[0].week, low.censored[0].probability), (48.0, 0.75));
    assert_eq!(low.at_horizon.shown.text.split(" (").next(), Some("75.0%"));
    assert!(low.at_horizon.shown.text.ends_with("follow-up in this arm ends at week 48"));
    // Placebo: S = 3/4 after 24, 2/4 after 60; two censored at 96.
    let placebo = r.curves[2].curve.as_ref().unwrap();
    let steps: Vec<(f64, f64)> = placebo.steps.iter().map(|s| (s.week, s.probability)).collect();
    assert_eq!(steps, [(0.0, 0.0), (24.0, 0.25), (60.0, 0.5), (96.0, 0.5)]);
    assert_eq!(placebo.censored[0].count, 2);
}

#[test]
fn the_readout_dates_each_value_from_its_step_and_says_where_follow_up_ended() {
    let view = compute(&with_events(), &Selection::default());
    let r = view.response().unwrap();
    let at = |week: f64| -> Vec<String> {
        r.readout(week).into_iter().map(|(arm, v)| format!("{arm}: {}", v.text)).collect()
    };
    let text =
        |lines: &[String], arm: &str| lines.iter().find(|l| l.starts_with(arm)).cloned().unwrap_or_default();
    // Low dose's last step, at week 48, only marks the end of its follow-up: 75% dates from 36.
    assert!(text(&at(40.0), "Low dose").ends_with(") from week 36"), "{:?}", at(40.0));
    assert!(text(&at(48.0), "Low dose").ends_with(") from week 36"), "{:?}", at(48.0));
    assert_eq!(
        text(&at(72.0), "Low dose"),
        format!("{}; follow-up in this arm ends at week 48", text(&at(48.0), "Low dose")),
        "past the end of its follow-up"
    );
    // Placebo is followed to week 96; its 50% dates from week 60.
    assert!(text(&at(96.0), "Placebo").ends_with(") from week 60"), "{:?}", at(96.0));
    assert!(text(&at(60.0), "Placebo").starts_with("Placebo: 50.0% ("), "{:?}", at(60.0));
}

#[test]
fn the_band_is_the_log_greenwood_interval_at_the_chosen_level() {
    // Low dose after week 12: S = 0.75, se(log S) = sqrt(1/(4*3)); incidence limits are
    // 1 - S*exp(±z*se), the upper limit of S capped at 1.
    let se = (1.0f64 / 12.0).sqrt();
    for (level, z) in [(CiLevel::P95, 1.959_963_984_540_054), (CiLevel::P80, 1.281_551_565_544_601)] {
        let selection = Selection { ci_level: level, ..Selection::default() };
        let view = compute(&with_events(), &selection);
        let step = view.response().unwrap().curves[1].curve.as_ref().unwrap().steps[1];
        assert!(close(step.lower.unwrap(), (1.0 - 0.75 * (z * se).exp()).max(0.0), 1e-12));
        assert!(close(step.upper.unwrap(), 1.0 - 0.75 * (-z * se).exp(), 1e-12));
    }
}

#[test]
fn the_high_dose_arm_says_not_reported_instead_of_a_curve() {
    let view = compute(&with_events(), &Selection::default());
    let high = &view.response().unwrap().curves[0];
    let reason = high.curve.as_ref().unwrap_err();
    assert!(reason.contains("Not reported in the published abstract"), "{reason}");
    assert!(reason.contains("high dose arm"), "{reason}");
    // The data are named as the reader knows them, not by the dataset's id.
    let view = compute(&reconstructed_events(), &Selection::default());
    let reason = view.response().unwrap().curves[0].curve.as_ref().unwrap_err().clone();
    assert_eq!(
        reason,
        "no patient-level data for this arm in the reconstructed data. Not reported in the published abstract: \
         no figure is given for the high dose arm"
    );
    let week = compute(
        &reconstructed_events(),
        &Selection {
            endpoint: trial_explorer::explore::EndpointChoice::ResponseWeek,
            ..Selection::default()
        },
    );
    let high = &week.proportions().unwrap().arms[0];
    assert!(high
        .proportion
        .as_ref()
        .unwrap_err()
        .starts_with("no patient-level data for this arm in the reconstructed data."));
}

#[test]
fn at_risk_table_counts_at_visit_weeks_up_to_the_horizon() {
    let selection = Selection { horizon_weeks: 60, ..Selection::default() };
    let view = compute(&with_events(), &selection);
    let table = &view.response().unwrap().risk_table;
    assert_eq!(table.weeks, [0, 12, 24, 36, 48, 60]);
    let rows: Vec<&str> = table.rows.iter().map(|r| r.arm.id.as_str()).collect();
    assert_eq!(rows, ["low", "placebo"], "no row for an arm without data");
    let low: Vec<(usize, usize, usize)> =
        table.rows[0].cells.iter().map(|c| (c.at_risk, c.events, c.censored)).collect();
    assert_eq!(low, [(4, 0, 0), (4, 1, 0), (3, 2, 0), (2, 3, 0), (1, 3, 1), (0, 3, 1)]);
    let placebo: Vec<usize> = table.rows[1].cells.iter().map(|c| c.at_risk).collect();
    assert_eq!(placebo, [4, 4, 4, 3, 3, 3]);
    // The curves stop at the horizon too.
    let placebo_curve = view.response().unwrap().curves[2].curve.as_ref().unwrap();
    assert_eq!(placebo_curve.steps.last().unwrap().week, 60.0);
}

#[test]
fn tests_match_the_hand_computed_log_rank_and_the_stats_engine() {
    let view = compute(&with_events(), &Selection::default());
    let r = view.response().unwrap();
    let high = &r.comparisons[0];
    assert_eq!(high.log_rank.as_ref().unwrap_err(), "not available: no patient-level data for High dose");
    let c = &r.comparisons[1];
    assert_eq!((c.arm.id.as_str(), c.reference.id.as_str()), ("low", "placebo"));
    // By hand: O_low = 3, E_low = 4/8 + 2*3/7 + 2/5 = 1.757143, V = 0.898163.
    let e = 0.5 + 6.0 / 7.0 + 0.4;
    let v = 0.25 + 120.0 / 294.0 + 0.24;
    let chisq = (3.0 - e) * (3.0 - e) / v;
    let times = [24.0, 60.0, 96.0, 96.0, 12.0, 24.0, 36.0, 48.0];
    let events = [true, true, false, false, true, true, true, false];
    let groups = [0, 0, 0, 0, 1, 1, 1, 1];
    let lr = log_rank(&times, &events, &groups, 0.0).unwrap();
    assert!(close(lr.chisq, chisq, 1e-12));
    let log_rank_p = c.log_rank.as_ref().unwrap();
    assert_eq!(log_rank_p.value, lr.p_value);
    assert!(
        log_rank_p.shown.text.starts_with(&format!("P = {:.3}", lr.p_value)),
        "{}",
        log_rank_p.shown.text
    );
    let pp = log_rank(&times, &events, &groups, 1.0).unwrap();
    assert_eq!(c.peto_peto.as_ref().unwrap().value, pp.p_value);
    let cox = cox_ph(&times, &events, &groups, Ties::Efron).unwrap();
    let hr = c.hazard_ratio.as_ref().unwrap();
    assert_eq!(hr.value, cox.hazard_ratio()[0]);
    assert!(hr.value > 1.0, "low dose responds sooner than placebo");
    let ci = cox.hazard_ratio_ci(0.95).unwrap()[0];
    assert_eq!(hr.interval, Some((ci.lower, ci.upper)));
    // Published P beside, with its own provenance.
    let published = c.published_p.as_ref().unwrap();
    assert_eq!(published.text, "reported P = 0.004 (test not named)");
    assert!(published.provenance.is_reported());
}

#[test]
fn fisher_and_risk_difference_at_the_horizon_leave_out_early_censoring() {
    let view = compute(&with_events(), &Selection::default());
    let c = &view.response().unwrap().comparisons[1];
    let (low, placebo) = c.responders.clone().unwrap();
    // Low: 3 responders; the patient censored at 48 is left out. Placebo: 2 of 4.
    assert_eq!((low.responded, low.followed, low.censored_before), (3, 3, 1));
    assert_eq!((placebo.responded, placebo.followed), (2, 4));
    // Fisher on [[3, 0], [2, 2]]: tables x = 1 (5/35) and x = 3 (10/35) are as unlikely.
    assert!(close(c.at_horizon.fisher.as_ref().unwrap().value, 15.0 / 35.0, 1e-12));
    let rd = c.at_horizon.risk_difference.as_ref().unwrap();
    assert_eq!(rd.value, 0.5);
    assert!(rd.shown.text.starts_with("+50.0 percentage points (95% CI"), "{}", rd.shown.text);
    let nnt = c.at_horizon.number_needed.as_ref().unwrap();
    assert!(nnt.text.starts_with("2 patients for one more responder with Low dose"), "{}", nnt.text);
    // At week 48 the censored low-dose patient counts as followed without response.
    let view = compute(&with_events(), &Selection { horizon_weeks: 48, ..Selection::default() });
    let (low, placebo) = view.response().unwrap().comparisons[1].responders.clone().unwrap();
    assert_eq!((low.responded, low.followed, placebo.responded, placebo.followed), (3, 4, 1, 4));
}

#[test]
fn tests_censor_follow_up_at_the_horizon() {
    let view = compute(&with_events(), &Selection { horizon_weeks: 48, ..Selection::default() });
    let c = &view.response().unwrap().comparisons[1];
    let times = [24.0, 48.0, 48.0, 48.0, 12.0, 24.0, 36.0, 48.0];
    let events = [true, false, false, false, true, true, true, false];
    let lr = log_rank(&times, &events, &[0, 0, 0, 0, 1, 1, 1, 1], 0.0).unwrap();
    assert_eq!(c.log_rank.as_ref().unwrap().value, lr.p_value);
}

#[test]
fn numbers_from_reconstructed_data_are_reconstructed_and_published_marks_stay_reported() {
    let view = compute(&reconstructed_events(), &Selection::default());
    let r = view.response().unwrap();
    let low = r.curves[1].curve.as_ref().unwrap();
    assert_eq!(low.at_horizon.shown.provenance.label(), "reconstructed");
    assert_eq!(r.comparisons[1].log_rank.as_ref().unwrap().shown.provenance.label(), "reconstructed");
    assert_eq!(r.data.as_ref().unwrap().describe(), "reconstructed data");
    let marks: Vec<(&str, &str, bool)> = r
        .published_marks
        .iter()
        .map(|m| (m.arm.id.as_str(), m.shown.text.as_str(), m.shown.provenance.is_reported()))
        .collect();
    assert_eq!(marks, [("low", "95.8%", true), ("placebo", "70.8%", true)]);
    assert!(close(r.published_marks[0].probability, 0.958, 1e-12));
    assert_eq!(r.published_marks[0].week, 96.0);
    // Imported data stays imported.
    let view = compute(&with_events(), &Selection::default());
    let provenance = &view.response().unwrap().comparisons[1].log_rank.as_ref().unwrap().shown.provenance;
    assert_eq!(provenance, &Provenance::Imported { file: "events.csv".to_string() });
}

#[test]
fn reported_only_keeps_the_published_marks_and_p_and_nothing_else() {
    let selection = Selection { reported_only: true, ..Selection::default() };
    let view = compute(&reconstructed_events(), &selection);
    let r = view.response().unwrap();
    assert!(r.curves.iter().all(|c| c.curve.is_err()));
    assert!(r.risk_table.rows.is_empty());
    assert_eq!(r.published_marks.len(), 2);
    assert_eq!(r.comparisons.len(), 1, "only comparisons with a published value remain");
    assert!(r.comparisons[0].log_rank.is_err());
    assert_eq!(r.comparisons[0].published_p.as_ref().unwrap().text, "reported P = 0.004 (test not named)");
    assert!(view.notices.iter().any(|n| n.kind == NoticeKind::Hidden));
    // Every value cell of every table is reported.
    for table in view.tables() {
        for row in &table.rows {
            for cell in row {
                if let Some(p) = &cell.provenance {
                    assert!(p.is_reported(), "{}: '{}' is {}", table.caption, cell.text, p.label());
                }
            }
        }
    }
}

#[test]
fn without_patient_data_the_view_says_so_and_keeps_the_published_values() {
    let view = compute(&default_bundle().unwrap(), &Selection::default());
    let r = view.response().unwrap();
    assert!(r.data.is_none());
    for c in &r.curves {
        assert!(c
            .curve
            .as_ref()
            .unwrap_err()
            .starts_with("not available: the bundle has no patient-level data"));
    }
    assert_eq!(r.published_marks.len(), 2);
    assert_eq!(r.comparisons.len(), 2, "high vs placebo and low vs placebo are listed");
    let low = r.comparisons.iter().find(|c| c.arm.id == "low").unwrap();
    assert!(low.log_rank.as_ref().unwrap_err().starts_with("not available"));
    assert!(low.published_p.is_some());
    assert!(r.comparisons.iter().find(|c| c.arm.id == "high").unwrap().published_p.is_none());
    let table = view.table("Published cumulative probability of immunological response").unwrap();
    assert_eq!(table.row_texts(0)[..2], ["Low dose", "95.8%"]);
}

#[test]
fn the_comparison_table_sets_each_statistic_beside_the_published_value() {
    let view = compute(&with_events(), &Selection::default());
    let table = view.table("Comparisons with the reference arm, follow-up to week 96").unwrap();
    let row = table.rows.iter().find(|r| r[1].text == "Log-rank P" && r[0].text.starts_with("Low")).unwrap();
    assert_eq!(row[0].text, "Low dose vs Placebo");
    assert_eq!(row[3].text, "reported P = 0.004 (test not named)");
    let low: Vec<&Vec<_>> = table.rows.iter().filter(|r| r[0].text == "Low dose vs Placebo").collect();
    let labels: Vec<&str> = low.iter().map(|r| r[1].text.as_str()).collect();
    assert_eq!(
        labels,
        [
            "Log-rank P",
            "Peto–Peto P",
            "Hazard ratio of response (Cox, Efron ties)",
            "Responders by week 96",
            "Fisher's exact P",
            "Risk difference",
            "Number needed to treat"
        ]
    );
    assert_eq!(low[3][2].text, "3/3 vs 2/4; 1 censored earlier left out");
    // Counted in the imported data, and labelled so.
    assert_eq!(low[3][2].provenance.as_ref().map(|p| p.label()), Some("imported"));
    // The curve table lists every step of every curve.
    let steps = view.table("Curve steps: cumulative probability of response from each week on").unwrap();
    assert_eq!(steps.rows.len(), 5 + 4);
    assert_eq!(steps.row_texts(1)[..3], ["Low dose", "12", "25.0%"]);
}

#[test]
fn three_arms_with_data_get_an_overall_log_rank_test() {
    let events = format!("{}high,6,1\nhigh,18,1\nhigh,30,0\n", explore_common::EVENTS);
    let bundle = trial_explorer::trial::import::import_patient_csv(
        &default_bundle().unwrap(),
        &events,
        "three.csv",
        "response",
    )
    .unwrap();
    let view = compute(&bundle, &Selection::default());
    let r = view.response().unwrap();
    assert_eq!(r.comparisons.len(), 2);
    assert!(r.overall_log_rank.as_ref().unwrap().as_ref().unwrap().value > 0.0);
    assert_eq!(r.risk_table.rows.len(), 3);
}

#[test]
fn the_ensemble_is_overlaid_only_when_asked_and_its_p_spread_is_summarised() {
    let bundle = reconstructed_events();
    let member = |seed: u64, shift: f64| {
        let mut set = bundle.patient_data.time_to_event[0].clone();
        set.id = format!("member-{seed}");
        set.provenance = Provenance::Reconstructed { method: "test ensemble".to_string(), seed };
        for r in &mut set.records {
            r.time += shift;
        }
        set
    };
    let ensemble = [member(1, 0.0), member(2, 1.0), member(3, 2.0)];
    let off = trial_explorer::explore::compute_with_ensemble(&bundle, &Selection::default(), &ensemble);
    assert!(off.response().unwrap().ensemble.is_empty());
    let on = Selection { show_ensemble: true, ..Selection::default() };
    let view = trial_explorer::explore::compute_with_ensemble(&bundle, &on, &ensemble);
    let r = view.response().unwrap();
    assert_eq!(r.ensemble.len(), 3 * 2, "three members, two arms with data");
    let shifted = r.ensemble.iter().find(|c| c.dataset == "member-2" && c.arm == "low").unwrap();
    assert_eq!(shifted.steps[..2], [(0.0, 0.0), (13.0, 0.25)]);
    let spread = r.ensemble_spread.iter().find(|s| s.arm.id == "low").unwrap();
    assert_eq!(spread.p_values.len(), 3);
    assert!(
        spread.shown.text.ends_with("across 3 reconstructions, Low dose vs Placebo"),
        "{}",
        spread.shown.text
    );
    // Asked for but none supplied: a notice, not an error.
    let view = compute(&bundle, &on);
    assert!(view.notices.iter().any(|n| n.text == "No reconstruction ensemble is available to overlay."));
}

/// The published 95.8% and 70.8% are placed at the end of follow-up (the abstract names no
/// week), so at an earlier horizon the table sets no published value beside the estimate and
/// the chart's legend does not promise a mark it does not draw.
#[test]
fn at_an_earlier_horizon_no_published_value_stands_beside_the_estimate() {
    use trial_explorer::chart::{draw_response, svg_document, ChartStyle};
    let bundle = explore_common::reconstructed();
    let table = |horizon_weeks| {
        let view = compute(&bundle, &Selection { horizon_weeks, ..Selection::default() });
        let response = view.response().unwrap().clone();
        let t = response
            .tables
            .iter()
            .find(|t| t.caption.starts_with("Cumulative probability of response by week"));
        let svg =
            svg_document((800, 500), |root| draw_response(root, &response, &ChartStyle::SCREEN)).unwrap();
        (t.unwrap().clone(), svg)
    };
    let (at_96, svg_96) = table(96);
    assert_eq!(at_96.columns[2], "Published (the abstract names no week)");
    let low = &at_96.rows[1];
    assert_eq!((low[0].text.as_str(), low[2].text.as_str()), ("Low dose", "95.8%"));
    assert!(matches!(low[2].provenance, Some(Provenance::Reported { .. })));
    assert!(svg_96.contains("◇ reported value (week 96 assumed)"));

    let (at_48, svg_48) = table(48);
    assert_eq!(at_48.caption, "Cumulative probability of response by week 48");
    for row in &at_48.rows[1..] {
        assert_eq!(row[2].text, "none for this week; the reported value is placed at week 96");
        assert_eq!(row[2].provenance, None);
    }
    assert!(!svg_48.contains("published value"), "the legend names a mark the chart does not draw");
    // The published P stays beside the tests, saying that its span is not this one.
    let published_p = |horizon_weeks| {
        let view = compute(&bundle, &Selection { horizon_weeks, ..Selection::default() });
        view.response().unwrap().comparisons[1].published_p.clone().unwrap().text
    };
    assert_eq!(published_p(96), "reported P = 0.004 (test not named)");
    assert_eq!(published_p(48), "reported P = 0.004 (test not named; horizon not named, week 96 assumed)");
}

/// When the Cox model has no finite fit (here the low-dose arm's only response comes while
/// both arms are followed, placebo's after the low-dose arm has left), the reader is told so
/// in words, not in the model's terms.
#[test]
fn a_hazard_ratio_without_a_finite_fit_is_explained() {
    let csv = "arm,time,event\nlow,12,1\nlow,24,0\nplacebo,36,1\nplacebo,48,0\n";
    let bundle = explore_common::with_responses(csv, "few.csv");
    let view = compute(&bundle, &Selection::default());
    let low = view.response().unwrap().comparisons.iter().find(|c| c.arm.id == "low").unwrap().clone();
    assert_eq!(
        low.hazard_ratio.unwrap_err(),
        "not estimable from these data: the Cox model cannot be fitted to them (for example too few responses, or a hazard ratio that runs to 0 or infinity)"
    );
}

/// At week 96 the response view sets the figures derived from the publication (23/24 vs 17/24
/// responders, Fisher's P ≈ 0.048) beside its counts and Fisher's test, as the
/// response-at-a-week view does; at another horizon, and in reported-only mode, none.
#[test]
fn the_derived_counts_and_fisher_p_stand_beside_the_tests_at_week_96() {
    use trial_explorer::explore::statistics;
    let bundle = explore_common::reconstructed();
    let published = |selection: Selection| {
        let view = compute(&bundle, &selection);
        let table = view
            .tables()
            .iter()
            .find(|t| t.caption.starts_with("Comparisons with the reference arm"))
            .cloned();
        let cell = |statistic: &str| {
            table.as_ref().and_then(|t| {
                t.rows
                    .iter()
                    .find(|r| r[0].text == "Low dose vs Placebo" && r[1].text.starts_with(statistic))
                    .map(|r| r[3].text.clone())
            })
        };
        let line = statistics(&view)
            .into_iter()
            .find(|l| l.subject == "Low dose vs Placebo" && l.statistic.starts_with("Fisher's exact P"))
            .and_then(|l| l.published.map(|p| p.text));
        (cell("Responders by week"), cell("Fisher's exact P"), line)
    };
    let fisher = "derived P ≈ 0.048 (Fisher's exact test, two-sided)".to_string();
    assert_eq!(
        published(Selection::default()),
        (Some("derived 23/24 vs 17/24".to_string()), Some(fisher.clone()), Some(fisher))
    );
    let none = Some("none published".to_string());
    assert_eq!(
        published(Selection { horizon_weeks: 48, ..Selection::default() }),
        (none.clone(), none, None)
    );
    assert_eq!(published(Selection { reported_only: true, ..Selection::default() }).2, None);
}

/// A pair of counts is only as published as its less published count: one reported and one
/// derived count read as derived, and stay hidden in reported-only mode.
#[test]
fn a_pair_of_published_counts_takes_the_weaker_provenance() {
    use trial_explorer::trial::Measure;
    let mut bundle = explore_common::reconstructed();
    for result in &mut bundle.results {
        if let (true, Measure::Binary(b)) = (result.arm == "low", &mut result.measure) {
            b.events.provenance =
                Provenance::Reported { source: "abstract".into(), locator: "a figure".into() };
        }
    }
    let low_vs_placebo = |selection: Selection| {
        let view = compute(&bundle, &selection);
        let c = view.response().unwrap().comparisons.iter().find(|c| c.arm.id == "low").cloned().unwrap();
        c.published_responders
    };
    let pair = low_vs_placebo(Selection::default()).unwrap();
    assert_eq!((pair.text.as_str(), pair.provenance.label()), ("derived 23/24 vs 17/24", "derived"));
    assert_eq!(low_vs_placebo(Selection { reported_only: true, ..Selection::default() }), None);
}

/// With no response by the horizon a test cannot be computed, and the view says why in words,
/// not by the engine's name for the test (`log_rank: …`): the row already names it.
#[test]
fn a_test_without_responses_says_why_in_words() {
    let bundle = explore_common::late_responses();
    let view = compute(&bundle, &Selection { horizon_weeks: 12, ..Selection::default() });
    let c = &view.response().unwrap().comparisons[1];
    for why in [c.log_rank.as_ref().unwrap_err(), c.peto_peto.as_ref().unwrap_err()] {
        assert_eq!(why, "not computable: no events, every observation is censored");
    }
}

/// A horizon before the end of follow-up says whom it cuts: the tests count patients followed
/// past it as censored there, and the counts name their data. At the end of follow-up there is
/// nothing to say.
#[test]
fn a_horizon_that_cuts_follow_up_says_whom_it_censors() {
    let cut = |horizon: u32| {
        let view = compute(&with_events(), &Selection { horizon_weeks: horizon, ..Selection::default() });
        view.notices
            .into_iter()
            .filter(|n| n.text.starts_with("Follow-up is cut"))
            .map(|n| n.text)
            .collect::<Vec<_>>()
    };
    // Low dose: follow-up ends at 12, 24, 36, 48; placebo at 24, 60, 96, 96.
    assert_eq!(
        cut(48),
        ["Follow-up is cut at week 48: in the tests, patients followed past it without a response by then count as censored at week 48, as if the trial had ended there (Placebo 3 in the imported data (events.csv))."]
    );
    assert_eq!(
        cut(24),
        ["Follow-up is cut at week 24: in the tests, patients followed past it without a response by then count as censored at week 24, as if the trial had ended there (Low dose 2, Placebo 3 in the imported data (events.csv))."]
    );
    assert!(cut(96).is_empty());
}

/// A test that cannot be computed because of one arm names the arm, not the engine's group
/// number: placebo followed only to week 12, before any response.
#[test]
fn a_reason_about_one_arm_names_it() {
    let events = "arm,time,event\nlow,24,1\nlow,36,1\nplacebo,12,0\nplacebo,12,0\n";
    let bundle = explore_common::with_responses(events, "short.csv");
    let view = compute(&bundle, &Selection::default());
    let c = &view.response().unwrap().comparisons[1];
    assert_eq!(
        c.log_rank.as_ref().unwrap_err(),
        "not computable: Placebo has nobody at risk at any event time"
    );
}
