//! The ids a bundle declares (arms, visits, endpoints) and its follow-up, for resolving
//! references and checking a patient's time. Shared by validation and import so that both say
//! "unknown arm" in the same words.

use super::bundle::Bundle;
use super::rules::number_problem;
use super::schema::EndpointKind;

/// Lookup of declared ids, in declaration order.
#[derive(Debug, Clone)]
pub struct Catalog<'a> {
    arms: Vec<&'a str>,
    visits: Vec<(&'a str, u32)>,
    endpoints: Vec<(&'a str, EndpointKind)>,
    follow_up_weeks: u32,
}

impl<'a> Catalog<'a> {
    pub fn of(bundle: &'a Bundle) -> Catalog<'a> {
        Catalog {
            arms: bundle.arms.iter().map(|a| a.id.as_str()).collect(),
            visits: bundle.visits.iter().map(|v| (v.id.as_str(), v.week.value)).collect(),
            endpoints: bundle.endpoints.iter().map(|e| (e.id.as_str(), e.kind)).collect(),
            follow_up_weeks: bundle.trial.follow_up_weeks.value,
        }
    }

    /// `Err` holds a message listing the known arms.
    pub fn arm(&self, id: &str) -> Result<&'a str, String> {
        self.arms
            .iter()
            .find(|a| **a == id)
            .copied()
            .ok_or_else(|| format!("unknown arm '{id}'; known arms: {}", self.arms.join(", ")))
    }

    /// Why `time` (weeks since baseline, `written` as the file writes it) cannot be a
    /// patient's time in this trial: not a finite number, negative, or after the end of
    /// follow-up. A time far past it is not a digitising slip a chart could show: it would also
    /// make every earlier time a tie, as R's `aeqSurv` merges times closer than a fraction of
    /// their mean.
    pub fn time_problem(&self, time: f64, written: &str) -> Option<String> {
        let follow_up = self.follow_up_weeks;
        number_problem(time, false).or_else(|| {
            (time > f64::from(follow_up)).then(|| {
                format!(
                    "week {written} is after the end of the {follow_up}-week follow-up; give a time from 0 to {follow_up} weeks"
                )
            })
        })
    }

    /// The week of a visit given by id.
    pub fn visit(&self, id: &str) -> Result<u32, String> {
        self.visits
            .iter()
            .find(|(v, _)| *v == id)
            .map(|(_, week)| *week)
            .ok_or_else(|| format!("unknown visit '{id}'; known visits: {}", self.visit_list()))
    }

    /// A visit given by id (`w48`) or by its week number (`48`), as CSV files may do.
    pub fn visit_by_id_or_week(&self, text: &str) -> Result<&'a str, String> {
        let by_week = text.parse::<u32>().ok();
        self.visits
            .iter()
            .find(|(id, week)| *id == text || Some(*week) == by_week)
            .map(|(id, _)| *id)
            .ok_or_else(|| {
                format!("unknown visit '{text}'; give a visit id or its week: {}", self.visit_list())
            })
    }

    pub fn endpoint(&self, id: &str) -> Result<EndpointKind, String> {
        self.endpoints.iter().find(|(e, _)| *e == id).map(|(_, kind)| *kind).ok_or_else(|| {
            let known: Vec<&str> = self.endpoints.iter().map(|(e, _)| *e).collect();
            format!("unknown endpoint '{id}'; known endpoints: {}", known.join(", "))
        })
    }

    fn visit_list(&self) -> String {
        let list: Vec<String> = self.visits.iter().map(|(id, week)| format!("{id} (week {week})")).collect();
        list.join(", ")
    }
}
