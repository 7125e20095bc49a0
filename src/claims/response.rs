//! Claim (d): the cumulative probability of immunological response, low dose against control,
//! by Kaplan–Meier at the end of follow-up (the abstract names no horizon; follow-up was 96
//! weeks), compared at the published precision, and the log-rank test (the abstract names no
//! test; log-rank is the usual companion of a Kaplan–Meier comparison).

use super::data::{events, used_events};
use super::format::{decimals_of, p_value, round_to};
use super::outcome::{not_checkable, Claim, ClaimCheck, Draft, Figure};
use super::{arm_label, result_link};
use crate::stats::km::kaplan_meier_by_group;
use crate::stats::logrank::log_rank;
use crate::trial::{Bundle, Comparison, Measure};

pub fn check_response(bundle: &Bundle, claim: Claim, test_id: &str) -> ClaimCheck {
    let mut links = vec![test_id.to_string()];
    let Some(test) = bundle.tests.iter().find(|t| t.id == test_id) else {
        let why = format!("the bundle has no published test '{test_id}'");
        return not_checkable(claim, links, String::new(), why);
    };
    let Comparison::BetweenArms { arms, .. } = &test.comparison else {
        let why = format!("test '{test_id}' does not compare arms");
        return not_checkable(claim, links, String::new(), why);
    };
    let mut published_percent = Vec::new();
    for arm in arms {
        let percent = bundle.results.iter().find_map(|r| match &r.measure {
            Measure::CumulativeProbability(c) if r.endpoint == test.endpoint && &r.arm == arm => {
                Some(c.percent.value)
            }
            _ => None,
        });
        match percent {
            Some(p) => {
                links.push(result_link(&test.endpoint, arm));
                published_percent.push((arm.as_str(), p));
            }
            None => {
                let why = format!(
                    "the bundle publishes no cumulative probability of '{}' for arm '{arm}'",
                    test.endpoint
                );
                return not_checkable(claim, links, String::new(), why);
            }
        }
    }
    let percents: Vec<String> = published_percent.iter().map(|(_, p)| format!("{p}%")).collect();
    let claim_text = test.claim.as_ref().map_or(test.id.as_str(), |c| c.value.as_str());
    let published = format!("{claim_text}: {}, {}", percents.join(" vs "), test.p.value.text);

    let mut draft = Draft::default();
    let set = match events(bundle, &test.endpoint) {
        Ok(set) => set,
        Err(why) => {
            draft.missing.push(why);
            return draft.finish(claim, links, published);
        }
    };
    draft.used(used_events(set));
    let mut times = Vec::new();
    let mut happened = Vec::new();
    let mut groups = Vec::new();
    for (g, (arm, _)) in published_percent.iter().enumerate() {
        let before = times.len();
        for record in set.records.iter().filter(|r| r.arm == *arm) {
            times.push(record.time);
            happened.push(record.event);
            groups.push(g);
        }
        if times.len() == before {
            draft.missing.push(format!("dataset '{}' has no records for arm '{arm}'", set.id));
        }
    }
    if !draft.missing.is_empty() {
        return draft.finish(claim, links, published);
    }

    let horizon = f64::from(bundle.trial.follow_up_weeks.value);
    match kaplan_meier_by_group(&times, &happened, &groups) {
        Ok(fits) => {
            for ((arm, percent), fit) in published_percent.iter().zip(&fits) {
                match fit.survival_at(horizon) {
                    Ok(survival) => {
                        let recomputed = 100.0 * (1.0 - survival);
                        let decimals = decimals_of(*percent);
                        draft.figures.push(Figure {
                            what: format!(
                                "{} cumulative response probability at week {horizon} (Kaplan–Meier; the week is assumed)",
                                arm_label(bundle, arm)
                            ),
                            published: format!("{percent}%"),
                            recomputed: format!(
                                "{:.*}% ({recomputed:.3}% before rounding)",
                                decimals as usize,
                                round_to(recomputed, decimals)
                            ),
                            value: recomputed,
                            provenance: set.provenance.clone(),
                            agrees: Some(round_to(recomputed, decimals) == *percent),
                        });
                    }
                    Err(e) => {
                        draft.missing.push(format!("dataset '{}', arm '{arm}': {}", set.id, e.reason()))
                    }
                }
            }
        }
        Err(e) => draft.missing.push(format!("dataset '{}': {}", set.id, e.reason())),
    }
    match log_rank(&times, &happened, &groups, 0.0) {
        Ok(lr) => {
            let (low, high) = test.p.value.p.bounds();
            draft.figures.push(Figure {
                what: "log-rank test (rho = 0; the abstract names no test)".to_string(),
                published: test.p.value.text.clone(),
                recomputed: p_value(lr.p_value),
                value: lr.p_value,
                provenance: set.provenance.clone(),
                agrees: Some(low <= lr.p_value && lr.p_value < high),
            });
        }
        Err(e) => draft.missing.push(format!("dataset '{}': the log-rank test: {}", set.id, e.reason())),
    }
    draft.finish(claim, links, published)
}
