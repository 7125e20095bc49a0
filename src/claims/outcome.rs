//! What a claim check returns: the published words and numbers beside the recomputed ones,
//! the data they were recomputed from, and the verdict.

use crate::trial::Provenance;

/// The published results of the abstract that can be recomputed from patient-level data.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Claim {
    /// CD4 count rose from baseline to week 48 in the high-dose arm, P < 0.001.
    Cd4RiseHigh,
    /// The same in the low-dose arm.
    Cd4RiseLow,
    /// No CD4 change in the control arm.
    Cd4NoChangeControl,
    /// Cumulative response probability 95.8% (low dose) vs 70.8% (control), P = 0.004.
    ResponseLowVsControl,
    /// No significant CD4, CD8 or CD4/CD8 differences among the three arms.
    NoDifferenceAmongArms,
}

impl Claim {
    /// Every claim, in the order of the abstract.
    pub const ALL: [Claim; 5] = [
        Claim::Cd4RiseHigh,
        Claim::Cd4RiseLow,
        Claim::Cd4NoChangeControl,
        Claim::ResponseLowVsControl,
        Claim::NoDifferenceAmongArms,
    ];

    /// A stable id for URLs and tests.
    pub fn id(self) -> &'static str {
        match self {
            Claim::Cd4RiseHigh => "cd4_rise_high",
            Claim::Cd4RiseLow => "cd4_rise_low",
            Claim::Cd4NoChangeControl => "cd4_no_change_control",
            Claim::ResponseLowVsControl => "response_low_vs_control",
            Claim::NoDifferenceAmongArms => "no_difference_among_arms",
        }
    }

    /// How the check reads the abstract's words, where they allow more than one reading and
    /// the figures alone would not tell a reader which was taken.
    pub fn reading(self) -> Option<&'static str> {
        match self {
            // "No significant changes … among the three arms" beside a CD4 rise in both dose
            // arms and none in placebo: read as changes, the two findings would pull apart.
            Claim::NoDifferenceAmongArms => Some(
                "the arms' levels at the visits the published sources name (baseline, weeks 48 and 96), \
                 not their changes from baseline. Read as changes, it would sit uneasily beside the \
                 rise the abstract reports in both dose arms and not in placebo; the CD4, CD8 and \
                 ratio views with Change from baseline show how the changes compare in the loaded \
                 data.",
            ),
            _ => None,
        }
    }
}

/// The verdict on one claim.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// Every published number is matched by the recomputed one.
    Reproduced,
    /// At least one recomputed number contradicts the published one (see the figures).
    NotReproduced,
    /// The loaded bundle lacks what the check needs; `why` says what and how to supply it.
    NotCheckable { why: String },
}

/// One published number beside its recomputation.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    /// What the number is: "paired t-test P, week 48 vs baseline".
    pub what: String,
    /// As published, or the app's reading of a published sentence ("P ≥ 0.05").
    pub published: String,
    /// As recomputed from the patient data, or from a summary the bundle gives (a reader's
    /// mean change digitised from the paper).
    pub recomputed: String,
    /// The recomputed value itself, for charts.
    pub value: f64,
    /// Provenance of the patient data `recomputed` comes from. A claim may rest on several
    /// datasets (one per endpoint), each with its own, such as an imported CD4 file beside the
    /// reconstructed CD8 data.
    pub provenance: Provenance,
    /// Whether the recomputed number agrees with the published one; `None` for a number shown
    /// for context only (a mean change where the abstract gives none).
    pub agrees: Option<bool>,
}

/// A dataset a claim was recomputed from, or a summary result (`result:<endpoint>:<arm>`).
#[derive(Debug, Clone, PartialEq)]
pub struct DataUsed {
    pub dataset: String,
    pub endpoint: String,
    pub provenance: Provenance,
}

/// The check of one claim against the loaded bundle.
#[derive(Debug, Clone, PartialEq)]
pub struct ClaimCheck {
    pub claim: Claim,
    /// Ids of the bundle's tests and statements the claim rests on, and `result:<endpoint>:<arm>`
    /// for a published summary result (which has no id of its own).
    pub links: Vec<String>,
    /// The finding in the source's words, with its P value when one is published.
    pub published: String,
    pub figures: Vec<Figure>,
    pub data: Vec<DataUsed>,
    pub outcome: Outcome,
}

/// A check being assembled: figures and data as they are computed, and what was missing.
#[derive(Debug, Default)]
pub(super) struct Draft {
    pub figures: Vec<Figure>,
    pub data: Vec<DataUsed>,
    pub missing: Vec<String>,
}

impl Draft {
    /// The verdict: a disagreeing figure is a contradiction even if other parts could not be
    /// checked; otherwise anything missing makes the claim not checkable.
    pub fn finish(self, claim: Claim, links: Vec<String>, published: String) -> ClaimCheck {
        let outcome = if self.figures.iter().any(|f| f.agrees == Some(false)) {
            Outcome::NotReproduced
        } else if !self.missing.is_empty() {
            Outcome::NotCheckable { why: self.missing.join("; ") }
        } else if self.figures.iter().any(|f| f.agrees == Some(true)) {
            Outcome::Reproduced
        } else {
            Outcome::NotCheckable { why: "nothing to compare".to_string() }
        };
        ClaimCheck { claim, links, published, figures: self.figures, data: self.data, outcome }
    }

    /// Record a dataset as used, once.
    pub fn used(&mut self, used: DataUsed) {
        if !self.data.contains(&used) {
            self.data.push(used);
        }
    }
}

/// A check that cannot start, e.g. because the bundle lacks the published test.
pub(super) fn not_checkable(claim: Claim, links: Vec<String>, published: String, why: String) -> ClaimCheck {
    ClaimCheck {
        claim,
        links,
        published,
        figures: Vec::new(),
        data: Vec::new(),
        outcome: Outcome::NotCheckable { why },
    }
}
