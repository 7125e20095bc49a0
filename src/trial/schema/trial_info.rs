//! The trial at a glance, and the published sources that `Reported` values cite.

use crate::trial::json::json_object;
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

json_object!(Source { id: field, citation: field });

json_object!(TrialInfo {
    registry_id: field,
    title: field,
    design: field,
    population: optional,
    enrolled: field,
    enrolment_period: field,
    follow_up_weeks: field,
    registry: optional
});

json_object!(RegistryRecord { title: field, sponsor: field, phase: field, status: field, end_date: field });
