//! The trial at a glance, and the published sources that `Reported` values cite.

use serde_json::Value;

use crate::trial::json::{FromJson, Object, ObjectWriter, Path, ReadError, ToJson};
use crate::trial::provenance::Fact;

/// A published source that `Reported` provenance can point to.
#[derive(Debug, Clone, PartialEq)]
pub struct Source {
    /// Short id used in `Reported { source }` (`abstract`, `registry`).
    pub id: String,
    pub citation: String,
}

/// The trial at a glance.
#[derive(Debug, Clone, PartialEq)]
pub struct TrialInfo {
    pub registry_id: Fact<String>,
    pub title: Fact<String>,
    pub design: Fact<String>,
    /// Who was enrolled, in the abstract's words.
    pub population: Option<Fact<String>>,
    pub enrolled: Fact<u32>,
    pub enrolment_period: Fact<String>,
    pub follow_up_weeks: Fact<u32>,
    /// What the registry record adds; optional because a reader's own bundle may lack it.
    pub registry: Option<RegistryRecord>,
}

/// The registry entry's own description of the trial.
#[derive(Debug, Clone, PartialEq)]
pub struct RegistryRecord {
    pub title: Fact<String>,
    pub sponsor: Fact<String>,
    pub phase: Fact<String>,
    /// The recruitment status as last updated; "unknown" means the record went stale.
    pub status: Fact<String>,
    /// `YYYY-MM`, as the registry gives it.
    pub end_date: Fact<String>,
}

impl FromJson for Source {
    fn from_json(value: &Value, at: &Path) -> Result<Self, ReadError> {
        let o = Object::read(value, at, &["id", "citation"])?;
        Ok(Source { id: o.field("id")?, citation: o.field("citation")? })
    }
}

impl ToJson for Source {
    fn to_json(&self) -> Value {
        ObjectWriter::new().field("id", &self.id).field("citation", &self.citation).done()
    }
}

impl FromJson for TrialInfo {
    fn from_json(value: &Value, at: &Path) -> Result<Self, ReadError> {
        let o = Object::read(
            value,
            at,
            &[
                "registry_id",
                "title",
                "design",
                "population",
                "enrolled",
                "enrolment_period",
                "follow_up_weeks",
                "registry",
            ],
        )?;
        Ok(TrialInfo {
            registry_id: o.field("registry_id")?,
            title: o.field("title")?,
            design: o.field("design")?,
            population: o.optional("population")?,
            enrolled: o.field("enrolled")?,
            enrolment_period: o.field("enrolment_period")?,
            follow_up_weeks: o.field("follow_up_weeks")?,
            registry: o.optional("registry")?,
        })
    }
}

impl ToJson for TrialInfo {
    fn to_json(&self) -> Value {
        ObjectWriter::new()
            .field("registry_id", &self.registry_id)
            .field("title", &self.title)
            .field("design", &self.design)
            .optional("population", &self.population)
            .field("enrolled", &self.enrolled)
            .field("enrolment_period", &self.enrolment_period)
            .field("follow_up_weeks", &self.follow_up_weeks)
            .optional("registry", &self.registry)
            .done()
    }
}

impl FromJson for RegistryRecord {
    fn from_json(value: &Value, at: &Path) -> Result<Self, ReadError> {
        let o = Object::read(value, at, &["title", "sponsor", "phase", "status", "end_date"])?;
        Ok(RegistryRecord {
            title: o.field("title")?,
            sponsor: o.field("sponsor")?,
            phase: o.field("phase")?,
            status: o.field("status")?,
            end_date: o.field("end_date")?,
        })
    }
}

impl ToJson for RegistryRecord {
    fn to_json(&self) -> Value {
        ObjectWriter::new()
            .field("title", &self.title)
            .field("sponsor", &self.sponsor)
            .field("phase", &self.phase)
            .field("status", &self.status)
            .field("end_date", &self.end_date)
            .done()
    }
}
