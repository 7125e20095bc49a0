//! The sections of a bundle, one concept per file. The document root is
//! [`Bundle`](super::bundle::Bundle).
//!
//! Every number and every published sentence sits in a [`Fact`](super::provenance::Fact) so
//! that its provenance travels with it. Patient-level records are the exception: a whole
//! dataset shares one provenance, because its rows come from one procedure or one file.

mod arm;
mod eligibility;
mod endpoint;
mod hypothesis_test;
mod p_value;
mod patient_data;
mod result;
mod statement;
mod trial_info;
mod visit;

pub use arm::Arm;
pub use eligibility::{Bound, Criterion, Range};
pub use endpoint::{Endpoint, EndpointKind};
pub use hypothesis_test::{Comparison, HypothesisTest};
pub use p_value::{PValue, PublishedP, MAX_P_DECIMALS};
pub use patient_data::{EventDataset, EventRecord, Measurement, MeasurementDataset, PatientData};
pub use result::{
    ArmResult, BinaryCount, ContinuousSummary, CumulativeProbability, CurveScale, Measure, StepCurve,
    StepPoint,
};
pub use statement::Statement;
pub use trial_info::{RegistryRecord, Source, TrialInfo};
pub use visit::Visit;
