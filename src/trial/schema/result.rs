//! Summary results per arm × endpoint × visit: whatever is known, and nothing more. Every
//! statistic is optional because the abstract publishes almost none of them; an absent field
//! means "not known", never zero.

use super::endpoint::EndpointKind;
use crate::trial::json::{json_object, FromJson, Object, ObjectWriter, Path, ReadError, ToJson, Value};
use crate::trial::provenance::Fact;

/// One result for one arm and endpoint, at one visit when the result belongs to a visit.
#[derive(Debug, Clone, PartialEq)]
pub struct ArmResult {
    pub endpoint: String,
    pub arm: String,
    /// A visit id; absent when the source does not say when (e.g. the horizon of a
    /// Kaplan–Meier probability).
    pub visit: Option<String>,
    pub measure: Measure,
}

impl ArmResult {
    /// Whether the views would take either result for the other (`explore::published` looks a
    /// cumulative probability up by endpoint and arm whatever its visit, other results by visit
    /// too, and a continuous summary by the visit its change is from, if any): an import may
    /// not add one beside the other, where it would go unseen.
    pub fn same_for_views(&self, other: &ArmResult) -> bool {
        let same_baseline = match (&self.measure, &other.measure) {
            (Measure::Continuous(a), Measure::Continuous(b)) => a.baseline == b.baseline,
            _ => true,
        };
        self.endpoint == other.endpoint
            && self.arm == other.arm
            && std::mem::discriminant(&self.measure) == std::mem::discriminant(&other.measure)
            && (self.visit == other.visit || matches!(self.measure, Measure::CumulativeProbability(_)))
            && same_baseline
    }
}

/// The numbers of a result; the variant must fit the endpoint's kind.
#[derive(Debug, Clone, PartialEq)]
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
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ContinuousSummary {
    /// Visit id the change is measured from; absent for values at the visit itself.
    pub baseline: Option<String>,
    pub n: Option<Fact<u32>>,
    pub mean: Option<Fact<f64>>,
    pub sd: Option<Fact<f64>>,
    pub median: Option<Fact<f64>>,
    pub q1: Option<Fact<f64>>,
    pub q3: Option<Fact<f64>>,
}

/// Patients with the event out of patients counted.
#[derive(Debug, Clone, PartialEq)]
pub struct BinaryCount {
    pub events: Fact<u32>,
    pub n: Fact<u32>,
}

/// A Kaplan–Meier cumulative probability as published: a percentage, kept with its published
/// decimals (95.8, not 0.958333).
#[derive(Debug, Clone, PartialEq)]
pub struct CumulativeProbability {
    pub percent: Fact<f64>,
    /// The estimator, when the source names it.
    pub method: Option<Fact<String>>,
}

/// A published or digitised step function: (time, probability) at each step.
#[derive(Debug, Clone, PartialEq)]
pub struct StepCurve {
    pub scale: CurveScale,
    /// Points in increasing time; one provenance for the whole curve since it is read from
    /// one figure or made by one procedure.
    pub points: Fact<Vec<StepPoint>>,
}

/// Which way a step curve runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CurveScale {
    /// Probability of no event yet; never rises.
    Survival,
    /// Probability of the event so far (1 − survival); never falls.
    CumulativeIncidence,
}

impl CurveScale {
    /// Both scales, in declaration order.
    pub const ALL: [CurveScale; 2] = [CurveScale::Survival, CurveScale::CumulativeIncidence];

    /// The scale's JSON spelling.
    pub fn id(self) -> &'static str {
        match self {
            CurveScale::Survival => "survival",
            CurveScale::CumulativeIncidence => "cumulative_incidence",
        }
    }

    /// Words for messages.
    pub fn describe(self) -> &'static str {
        match self {
            CurveScale::Survival => "survival",
            CurveScale::CumulativeIncidence => "cumulative-incidence",
        }
    }
}

/// One step of a [`StepCurve`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct StepPoint {
    /// Weeks since baseline.
    pub time: f64,
    /// Between 0 and 1.
    pub probability: f64,
}

json_object!(ArmResult { endpoint: field, arm: field, visit: optional, measure: field });

/// A measure is one object: its `kind` beside the fields of the variant's struct.
impl FromJson for Measure {
    fn from_json(value: &Value, at: &Path) -> Result<Self, ReadError> {
        let o = Object::any(value, at)?;
        Ok(match o.kind(&["continuous", "binary", "cumulative_probability", "step_curve"])? {
            0 => {
                o.only_tagged(ContinuousSummary::FIELDS)?;
                Measure::Continuous(Box::new(ContinuousSummary::read_fields(&o)?))
            }
            1 => {
                o.only_tagged(BinaryCount::FIELDS)?;
                Measure::Binary(BinaryCount::read_fields(&o)?)
            }
            2 => {
                o.only_tagged(CumulativeProbability::FIELDS)?;
                Measure::CumulativeProbability(CumulativeProbability::read_fields(&o)?)
            }
            _ => {
                o.only_tagged(StepCurve::FIELDS)?;
                Measure::StepCurve(StepCurve::read_fields(&o)?)
            }
        })
    }
}

impl ToJson for Measure {
    fn to_json(&self) -> Value {
        let tagged = |kind: &str| ObjectWriter::new().field("kind", kind);
        match self {
            Measure::Continuous(c) => c.write_fields(tagged("continuous")),
            Measure::Binary(b) => b.write_fields(tagged("binary")),
            Measure::CumulativeProbability(c) => c.write_fields(tagged("cumulative_probability")),
            Measure::StepCurve(s) => s.write_fields(tagged("step_curve")),
        }
        .done()
    }
}

json_object!(ContinuousSummary {
    baseline: optional,
    n: optional,
    mean: optional,
    sd: optional,
    median: optional,
    q1: optional,
    q3: optional,
});
json_object!(BinaryCount { events: field, n: field });
json_object!(CumulativeProbability { percent: field, method: optional });
json_object!(StepCurve { scale: field, points: field });

impl FromJson for CurveScale {
    fn from_json(value: &Value, at: &Path) -> Result<Self, ReadError> {
        let all = CurveScale::ALL;
        at.choice(value, &all.map(CurveScale::id)).map(|i| all[i])
    }
}

impl ToJson for CurveScale {
    fn to_json(&self) -> Value {
        self.id().to_json()
    }
}

json_object!(StepPoint { time: field, probability: field });
