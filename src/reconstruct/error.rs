//! Why a reconstruction could not be made: each error names the missing or impossible fact
//! and what to change in the bundle.

use std::fmt;

use crate::stats::StatsError;
use crate::trial::BundleError;

/// Why [`reconstruct`](super::reconstruct) or [`response_ensemble`](super::response_ensemble)
/// failed.
#[derive(Debug, Clone, PartialEq)]
pub enum ReconstructError {
    /// An endpoint the reconstruction fills is not declared.
    MissingEndpoint { endpoint: &'static str },
    /// The bundle has no visit after baseline, so there is nowhere to place a response.
    NoFollowUpVisits,
    /// No published cumulative probability of response for any arm.
    NoResponseTarget { endpoint: String },
    /// A published percentage that no whole count out of the arm's size rounds to.
    NoMatchingCount { arm: String, percent: f64, n: u32 },
    /// No published test comparing two arms on the time-to-event endpoint.
    NoResponseTest { endpoint: String },
    /// The published test compares arms other than the two with published probabilities.
    ResponseTestArms { test: String, arms: Vec<String>, expected: Vec<String> },
    /// A result or test names an arm the bundle does not declare.
    UnknownArm { arm: String, at: String },
    /// An arm with fewer than two patients: no paired test is possible.
    ArmTooSmall { arm: String, n: u32 },
    /// No eligibility range for baseline CD4 count.
    NoBaselineRange,
    /// The draws kept failing a constraint; `what` names the last one that failed.
    Exhausted { what: String, attempts: u32 },
    /// A statistic the constraints need could not be computed.
    Stats(StatsError),
    /// The reconstructed bundle failed validation (a defect of the reconstruction).
    Bundle(BundleError),
}

impl fmt::Display for ReconstructError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReconstructError::MissingEndpoint { endpoint } => {
                write!(f, "reconstruction: the bundle declares no endpoint '{endpoint}'; add it to \"endpoints\"")
            }
            ReconstructError::NoFollowUpVisits => write!(
                f,
                "reconstruction: the bundle has no visit after baseline; add the follow-up visits to \"visits\""
            ),
            ReconstructError::NoResponseTarget { endpoint } => write!(
                f,
                "reconstruction: no cumulative probability is published for endpoint '{endpoint}'; nothing constrains the response data"
            ),
            ReconstructError::NoMatchingCount { arm, percent, n } => write!(
                f,
                "reconstruction: no count out of {n} patients in arm '{arm}' rounds to {percent}%; check the percentage or the arm size"
            ),
            ReconstructError::NoResponseTest { endpoint } => write!(
                f,
                "reconstruction: no published test compares two arms on endpoint '{endpoint}'; the response timing would be unconstrained"
            ),
            ReconstructError::ResponseTestArms { test, arms, expected } => write!(
                f,
                "reconstruction: test '{test}' compares arms {}; it must compare the two arms with published response probabilities ({})",
                arms.join(", "),
                expected.join(", ")
            ),
            ReconstructError::UnknownArm { arm, at } => {
                write!(f, "reconstruction: {at} names arm '{arm}', which the bundle does not declare")
            }
            ReconstructError::ArmTooSmall { arm, n } => write!(
                f,
                "reconstruction: arm '{arm}' has n = {n}; a paired comparison needs at least 2 patients"
            ),
            ReconstructError::NoBaselineRange => write!(
                f,
                "reconstruction: no eligibility range for 'cd4'; add a criterion with a numeric range for quantity \"cd4\""
            ),
            ReconstructError::Exhausted { what, attempts } => write!(
                f,
                "reconstruction: no draw satisfied every constraint in {attempts} attempts (last failure: {what})"
            ),
            ReconstructError::Stats(e) => write!(f, "reconstruction: {e}"),
            ReconstructError::Bundle(e) => write!(f, "reconstruction: the result is not a valid bundle: {e}"),
        }
    }
}

impl std::error::Error for ReconstructError {}

impl From<StatsError> for ReconstructError {
    fn from(e: StatsError) -> Self {
        ReconstructError::Stats(e)
    }
}
