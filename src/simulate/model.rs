//! How patients respond in a simulated trial: a probability of responding at each visit,
//! given no response before it (a discrete hazard).

use crate::stats::StatsError;
use crate::trial::{EventRecord, HypothesisTest};

/// One arm's response model: `hazards[i]` is the chance of responding at `weeks[i]` for a
/// patient who has not responded earlier. Patients who never respond are censored at the last
/// week.
#[derive(Debug, Clone, PartialEq)]
pub struct ArmModel {
    pub hazards: Vec<f64>,
}

impl ArmModel {
    /// The hazards seen in patient records: at each week, responders divided by patients still
    /// waiting (the Kaplan–Meier hazard). This replays the loaded data's effect.
    pub fn from_records(records: &[EventRecord], arm: &str, weeks: &[f64]) -> Result<ArmModel, StatsError> {
        let times: Vec<(f64, bool)> =
            records.iter().filter(|r| r.arm == arm).map(|r| (r.time, r.event)).collect();
        if times.is_empty() {
            return Err(StatsError::Empty { what: format!("simulation model: arm '{arm}'") });
        }
        let hazards = weeks
            .iter()
            .map(|&w| {
                let at_risk = times.iter().filter(|(t, _)| *t >= w).count();
                let events = times.iter().filter(|(t, e)| *e && *t == w).count();
                if at_risk == 0 {
                    0.0
                } else {
                    events as f64 / at_risk as f64
                }
            })
            .collect();
        Ok(ArmModel { hazards })
    }

    /// A constant hazard per visit chosen so that the cumulative response probability by the
    /// last of `visits` visits is `by_end` (0 ≤ by_end < 1).
    pub fn constant(by_end: f64, visits: usize) -> Result<ArmModel, StatsError> {
        if !(0.0..1.0).contains(&by_end) || visits == 0 {
            return Err(StatsError::InvalidParameter {
                what: "simulation model: response by the end".into(),
                value: by_end,
            });
        }
        let h = 1.0 - (1.0 - by_end).powf(1.0 / visits as f64);
        Ok(ArmModel { hazards: vec![h; visits] })
    }

    /// This arm's model with every hazard scaled by `ratio` on the complementary log-log scale,
    /// i.e. a proportional-hazards effect of `ratio` relative to this arm in continuous time.
    pub fn with_hazard_ratio(&self, ratio: f64) -> Result<ArmModel, StatsError> {
        if !(ratio.is_finite() && ratio > 0.0) {
            return Err(StatsError::InvalidParameter {
                what: "simulation model: hazard ratio (must be above 0)".into(),
                value: ratio,
            });
        }
        Ok(ArmModel { hazards: self.hazards.iter().map(|h| 1.0 - (1.0 - h).powf(ratio)).collect() })
    }

    /// Cumulative probability of having responded by the last visit.
    pub fn response_by_end(&self) -> f64 {
        1.0 - self.hazards.iter().map(|h| 1.0 - h).product::<f64>()
    }
}

/// The effect a simulation assumes.
#[derive(Debug, Clone, PartialEq)]
pub enum Scenario {
    /// Each arm behaves as in the loaded (reconstructed or imported) data.
    FromData,
    /// Control responds with a constant hazard reaching `control_by_end` by the last visit; the
    /// treated arm has hazard ratio `hazard_ratio` against it.
    Proportional { control_by_end: f64, hazard_ratio: f64 },
}

/// The response models of a scenario for the trial in `bundle`: control is `control_arm`,
/// treated is `treated_arm`, at the bundle's follow-up visits (weeks after baseline).
pub fn models_for(
    bundle: &crate::trial::Bundle,
    scenario: &Scenario,
    control_arm: &str,
    treated_arm: &str,
) -> Result<[ArmModel; 2], StatsError> {
    let weeks: Vec<f64> = bundle.visits.iter().map(|v| v.week.value as f64).filter(|w| *w > 0.0).collect();
    match scenario {
        Scenario::FromData => {
            let data = bundle
                .patient_data
                .time_to_event
                .iter()
                .rev()
                .find(|d| d.endpoint == "response")
                .ok_or_else(|| StatsError::Empty { what: "simulation: response data".into() })?;
            Ok([
                ArmModel::from_records(&data.records, control_arm, &weeks)?,
                ArmModel::from_records(&data.records, treated_arm, &weeks)?,
            ])
        }
        Scenario::Proportional { control_by_end, hazard_ratio } => {
            let control = ArmModel::constant(*control_by_end, weeks.len())?;
            let treated = control.with_hazard_ratio(*hazard_ratio)?;
            Ok([control, treated])
        }
    }
}

/// What a replay of `bundle` compares against, read from the bundle so the lab never shows a
/// number the bundle lacks.
#[derive(Debug, Clone, PartialEq)]
pub struct PublishedComparison<'a> {
    /// The reported test of the response endpoint between the two arms and its P, when that P
    /// is exact (a bound or a derived value is never used).
    pub test: Option<(&'a HypothesisTest, f64)>,
    /// The smaller planned size of the two compared arms.
    pub per_arm: Option<u32>,
}

/// The published comparison of `treated_arm` against `control_arm` in `bundle`.
pub fn published_comparison<'a>(
    bundle: &'a crate::trial::Bundle,
    control_arm: &str,
    treated_arm: &str,
) -> PublishedComparison<'a> {
    use crate::trial::PValue;
    let test = bundle
        .tests
        .iter()
        .filter(|t| t.endpoint == "response" && t.p.provenance.is_reported())
        .filter(|t| t.comparison.is_between(control_arm, treated_arm))
        .find_map(|t| match t.p.value.p {
            PValue::Exact { value, .. } => Some((t, value)),
            PValue::LessThan { .. } => None,
        });
    let size = |id: &str| bundle.arms.iter().find(|a| a.id == id).map(|a| a.randomized_n.value);
    let per_arm = match (size(control_arm), size(treated_arm)) {
        (Some(a), Some(b)) => Some(a.min(b)),
        _ => None,
    };
    PublishedComparison { test, per_arm }
}
