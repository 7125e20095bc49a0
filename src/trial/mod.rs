//! The trial bundle: what was published, with the provenance of every number.

pub mod bundle;
pub mod error;
pub mod load;
pub mod provenance;

pub use bundle::{Arm, Bundle, Source, TrialInfo, SCHEMA_VERSION};
pub use error::BundleError;
pub use load::{default_bundle, parse_bundle, planned_total, validate};
pub use provenance::{Fact, Provenance};
