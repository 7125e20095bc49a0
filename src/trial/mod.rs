//! The trial bundle: what was published, with the provenance of every number.
//!
//! - [`provenance`]: where a value comes from (`Fact<T>` = value + provenance).
//! - [`bundle`] and [`schema`]: the versioned JSON document and its sections.
//! - [`json`]: the bundle's JSON form, read by the page's own reader and written by hand.
//! - [`load`]: the embedded default bundle; parsing any bundle text.
//! - [`validate`]: the rules the JSON form cannot express, with errors naming file and field path.
//! - [`import`]: merging the reader's own JSON bundle or patient-level CSV into a bundle.
//! - [`walk`]: every provenance in a bundle, for validation and the published-facts guard.
//! - [`catalog`], `rules`: id lookups and value rules shared by validation and import.
//! - [`decimal`]: numbers as people write them, read without the standard library's tables
//!   (`nearest_float` makes long ones exact).

pub mod bundle;
pub mod catalog;
pub mod decimal;
pub mod error;
pub mod import;
pub mod json;
pub mod load;
mod nearest_float;
pub mod provenance;
mod rules;
pub mod schema;
pub mod validate;
pub mod walk;

pub use bundle::{Arm, Bundle, Source, TrialInfo, SCHEMA_VERSION};
pub use error::BundleError;
pub use load::{default_bundle, parse_bundle, planned_total};
pub use provenance::{Fact, Provenance};
pub use schema::*;
pub use validate::validate;
