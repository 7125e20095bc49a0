//! Scheduled visits. Only baseline, week 48 and the end of the 96-week follow-up are named in
//! the abstract; any other visit is illustrative, and its provenance says so.

use crate::trial::json::json_object;
use crate::trial::provenance::Fact;

/// A visit on the trial's time axis.
#[derive(Debug, Clone, PartialEq)]
pub struct Visit {
    /// Stable identifier used in results and CSV files (`w0`, `w48`).
    pub id: String,
    pub label: String,
    /// Weeks since baseline.
    pub week: Fact<u32>,
}

impl Visit {
    /// Whether a published source names this visit.
    pub fn is_published(&self) -> bool {
        self.week.provenance.is_reported()
    }

    /// Whether the visit comes after baseline: only such a visit can end a follow-up or be
    /// compared with baseline, so the controls offer only these and a link may name only these.
    pub fn after_baseline(&self) -> bool {
        self.week.value > 0
    }
}

json_object!(Visit { id: field, label: field, week: field });
