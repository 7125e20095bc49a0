//! Summary results per arm × endpoint × visit: whatever is known, and nothing more. Every
//! statistic is optional because the abstract publishes almost none of them; an absent field
//! means "not known", never zero.

use serde::{Deserialize, Serialize};

use super::endpoint::EndpointKind;
use crate::trial::provenance::Fact;

/// One result for one arm and endpoint, at one visit when the result belongs to a visit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ArmResult {
    pub endpoint: String,
    pub arm: String,
    /// A visit id; absent when the source does not say when (e.g. the horizon of a
    /// Kaplan–Meier probability).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub visit: Option<String>,
    pub measure: Measure,
}

/// The numbers of a result; the variant must fit the endpoint's kind.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum Measure {
    /// Boxed: it is several times larger than the other variants.
    Continuous(Box<ContinuousSummary>),
    Binary(BinaryCount),
    CumulativeProbability(CumulativeProbability),
    StepCurve(StepCurve),
}

impl Measure {
    /// The endpoint kind this measure describes.
    pub fn endpoint_kind(&self) -> EndpointKind {
        match self {
            Measure::Continuous(_) => EndpointKind::Continuous,
            Measure::Binary(_) => EndpointKind::Binary,
            Measure::CumulativeProbability(_) | Measure::StepCurve(_) => EndpointKind::TimeToEvent,
        }
    }

    /// Words for messages.
    pub fn describe(&self) -> &'static str {
        match self {
            Measure::Continuous(_) => "continuous summary",
            Measure::Binary(_) => "binary count",
            Measure::CumulativeProbability(_) => "cumulative probability",
            Measure::StepCurve(_) => "step curve",
        }
    }
}

/// Summary statistics of a continuous endpoint at a visit, or of its change since
/// `baseline` when that is set.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ContinuousSummary {
    /// Visit id the change is measured from; absent for values at the visit itself.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub baseline: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub n: Option<Fact<u32>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mean: Option<Fact<f64>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sd: Option<Fact<f64>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub median: Option<Fact<f64>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub q1: Option<Fact<f64>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub q3: Option<Fact<f64>>,
}

/// Patients with the event out of patients counted.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BinaryCount {
    pub events: Fact<u32>,
    pub n: Fact<u32>,
}

/// A Kaplan–Meier cumulative probability as published: a percentage, kept with its published
/// decimals (95.8, not 0.958333).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CumulativeProbability {
    pub percent: Fact<f64>,
    /// The estimator, when the source names it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub method: Option<Fact<String>>,
}

/// A published or digitised step function: (time, probability) at each step.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StepCurve {
    pub scale: CurveScale,
    /// Points in increasing time; one provenance for the whole curve since it is read from
    /// one figure or made by one procedure.
    pub points: Fact<Vec<StepPoint>>,
}

/// Which way a step curve runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CurveScale {
    /// Probability of no event yet; never rises.
    Survival,
    /// Probability of the event so far (1 − survival); never falls.
    CumulativeIncidence,
}

impl CurveScale {
    /// Words for messages.
    pub fn describe(self) -> &'static str {
        match self {
            CurveScale::Survival => "survival",
            CurveScale::CumulativeIncidence => "cumulative-incidence",
        }
    }
}

/// One step of a [`StepCurve`].
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StepPoint {
    /// Weeks since baseline.
    pub time: f64,
    /// Between 0 and 1.
    pub probability: f64,
}
