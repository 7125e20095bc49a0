//! Value rules that bundle validation and CSV import share, so both reject the same values
//! with the same words. Each returns the problem as text; callers add where it is.

use std::collections::hash_map::{Entry, HashMap};

/// A number that must be finite, and non-negative unless `may_be_negative`.
pub fn number_problem(value: f64, may_be_negative: bool) -> Option<String> {
    if !value.is_finite() {
        Some(format!("must be a finite number, found {value}"))
    } else if value < 0.0 && !may_be_negative {
        Some(format!("must not be negative, found {value}"))
    } else {
        None
    }
}

/// No measurement of this trial comes near it; past it a value is a typing slip or a hostile
/// file, and sums of its squares would overflow into infinities far from where it was read.
pub const LARGEST_MEASUREMENT: f64 = 1e12;

/// A measured value (a count, a ratio): a finite, non-negative number at most
/// [`LARGEST_MEASUREMENT`].
pub fn measurement_problem(value: f64) -> Option<String> {
    summary_value_problem(value, false)
}

/// A value of a summary of measurements (a mean, SD, median or quartile, or a change): a
/// finite number within [`LARGEST_MEASUREMENT`] of zero, as the measurements themselves are,
/// so that a chart's axis around it stays finite.
pub fn summary_value_problem(value: f64, may_be_negative: bool) -> Option<String> {
    number_problem(value, may_be_negative).or_else(|| {
        (value.abs() > LARGEST_MEASUREMENT).then(|| match may_be_negative {
            true => format!("must be between -1e12 and 1e12, found {value:e}"),
            false => format!("must be at most 1e12, found {value:e}"),
        })
    })
}

/// A probability on the 0–1 scale.
pub fn probability_problem(value: f64) -> Option<String> {
    if !(0.0..=1.0).contains(&value) {
        Some(format!("must be a probability between 0 and 1, found {value}"))
    } else {
        None
    }
}

/// Where a patient's rows were first seen, to report repeats and arm changes.
#[derive(Debug)]
pub struct PatientRegister<'a, L> {
    visits: HashMap<(&'a str, &'a str), L>,
    arms: HashMap<&'a str, (&'a str, L)>,
}

/// Why a patient row conflicts with an earlier one at `first`.
#[derive(Debug, Clone, PartialEq)]
pub enum PatientConflict<L> {
    RepeatedVisit { first: L },
    OtherArm { arm: String, first: L },
}

impl<'a, L: Copy> PatientRegister<'a, L> {
    pub fn new() -> Self {
        PatientRegister { visits: HashMap::new(), arms: HashMap::new() }
    }

    /// Record one row of `patient` in `arm` at `visit`, found at `at`.
    pub fn add(
        &mut self,
        arm: &'a str,
        patient: &'a str,
        visit: &'a str,
        at: L,
    ) -> Result<(), PatientConflict<L>> {
        let (first_arm, first) = *self.arms.entry(patient).or_insert((arm, at));
        if first_arm != arm {
            return Err(PatientConflict::OtherArm { arm: first_arm.to_string(), first });
        }
        match self.visits.entry((patient, visit)) {
            Entry::Occupied(row) => Err(PatientConflict::RepeatedVisit { first: *row.get() }),
            Entry::Vacant(row) => {
                row.insert(at);
                Ok(())
            }
        }
    }
}

impl<L: Copy> PatientConflict<L> {
    /// The problem with the row of `patient` in `arm` at `visit`; `place` names where the
    /// earlier row is ("line 3", "records[2]").
    pub fn describe(&self, patient: &str, arm: &str, visit: &str, place: impl Fn(L) -> String) -> String {
        match self {
            PatientConflict::RepeatedVisit { first } => format!(
                "patient '{patient}' already has a value at visit '{visit}' ({}); keep one row per patient and visit",
                place(*first)
            ),
            PatientConflict::OtherArm { arm: first_arm, first } => format!(
                "patient '{patient}' is in arm '{arm}' here but in arm '{first_arm}' at {}; a patient belongs to one arm",
                place(*first)
            ),
        }
    }
}
