//! Tests as published: what was compared, the method if it is named, the statistic if it is
//! given, and P exactly as printed.

use super::p_value::PublishedP;
use crate::trial::json::{json_object, json_tagged};
use crate::trial::provenance::Fact;

/// One hypothesis test.
#[derive(Debug, Clone, PartialEq)]
pub struct HypothesisTest {
    pub id: String,
    pub endpoint: String,
    pub comparison: Comparison,
    /// Absent when the source does not name the test.
    pub method: Option<Fact<String>>,
    pub statistic: Option<Fact<f64>>,
    pub p: Fact<PublishedP>,
    /// The finding in the source's words.
    pub claim: Option<Fact<String>>,
    /// What a reader should know when reading this test (e.g. what the source leaves out).
    pub note: Option<String>,
}

impl HypothesisTest {
    /// Whether the views would take either test for the other: the same endpoint and a
    /// comparison they take for the same ([`Comparison::same_for_views`]).
    pub fn same_for_views(&self, other: &HypothesisTest) -> bool {
        self.endpoint == other.endpoint && self.comparison.same_for_views(&other.comparison)
    }
}

/// What a test or statement compares.
#[derive(Debug, Clone, PartialEq)]
pub enum Comparison {
    /// One arm, a later visit against an earlier one ("week 48 versus baseline").
    WithinArm { arm: String, from: String, to: String },
    /// Two or more arms, at a visit when the source says which.
    BetweenArms { arms: Vec<String>, visit: Option<String> },
}

impl Comparison {
    /// Whether the views would take either comparison for the other (`explore::published`
    /// looks a test up between two arms in either order, one at no named visit standing for
    /// every visit): between the same arms in any order, at the same visit or one of them at
    /// none; within an arm, the same visits.
    pub fn same_for_views(&self, other: &Comparison) -> bool {
        match (self, other) {
            (
                Comparison::BetweenArms { arms: x, visit: v },
                Comparison::BetweenArms { arms: y, visit: w },
            ) => {
                x.len() == y.len()
                    && x.iter().all(|arm| y.contains(arm))
                    && (v.is_none() || w.is_none() || v == w)
            }
            _ => self == other,
        }
    }

    /// Whether this compares exactly the arms `a` and `b`, in either order.
    pub fn is_between(&self, a: &str, b: &str) -> bool {
        matches!(self, Comparison::BetweenArms { arms, .. }
            if arms.len() == 2 && arms.iter().any(|x| x == a) && arms.iter().any(|x| x == b))
    }
}

json_object!(HypothesisTest {
    id: field,
    endpoint: field,
    comparison: field,
    method: optional,
    statistic: optional,
    p: field,
    claim: optional,
    note: optional
});

json_tagged!(Comparison {
    WithinArm = "within_arm" { arm: field, from: field, to: field },
    BetweenArms = "between_arms" { arms: field, visit: optional },
});
