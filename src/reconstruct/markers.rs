//! CD4 and CD8 counts and the CD4/CD8 ratio of every pseudo-patient at every visit.
//!
//! Nothing about their size is published, so the magnitudes below are illustrative
//! assumptions, chosen to look like immune non-responders on ART and stated in the dataset's
//! method text:
//! - baseline CD4 ~ 165 ± 45 cells/µL, redrawn until inside the eligibility range;
//! - CD4 gain: in arms with a published rise, 16 cells/µL on average, the same in both MSC
//!   arms since neither size is published; 0 in the other arms; each patient's own gain
//!   varies by ± 8. The gain grows linearly to the visit of the published comparison
//!   (week 48) and is then held to the end of follow-up; each later visit adds ± 9 of
//!   visit-to-visit variation;
//! - CD8 ~ 800 ± 170 cells/µL at baseline (kept within 300–1600), ± 50 between visits, with
//!   no arm effect;
//! - counts are whole cells; the ratio is CD4 / CD8 of the same patient and visit, unrounded.
//!
//! A small within-patient spread against a wide between-patient spread is what lets the
//! CD4 change be significant within each MSC arm while the arms do not differ from each
//! other, as the abstract reports both. Draws in which the arms do differ are redrawn, so
//! the kept draws have smaller gains than the nominal 16 on average (the default
//! reconstruction's are about 11); about four draws are needed per seed.

use super::error::ReconstructError;
use super::rng::Rng;
use super::targets::{PairedExpectation, Targets};

pub const CD4_BASELINE: (f64, f64) = (165.0, 45.0);
pub const CD4_GAIN: f64 = 16.0;
pub const CD4_GAIN_SD: f64 = 8.0;
pub const CD4_VISIT_SD: f64 = 9.0;
pub const CD8_BASELINE: (f64, f64) = (800.0, 170.0);
pub const CD8_RANGE: (f64, f64) = (300.0, 1600.0);
pub const CD8_VISIT_SD: f64 = 50.0;

/// The stream of a seed that the cell counts are drawn from.
pub(super) const MARKER_STREAM: u64 = 2;

/// The cell counts of one arm: `[patient][visit]`, visits in the order of the targets.
#[derive(Debug, Clone, PartialEq)]
pub struct ArmMarkers {
    pub arm: String,
    pub patients: Vec<String>,
    pub cd4: Vec<Vec<f64>>,
    pub cd8: Vec<Vec<f64>>,
    pub ratio: Vec<Vec<f64>>,
}

impl ArmMarkers {
    /// The rows of `endpoint` (`cd4`, `cd8`, `cd4_cd8_ratio`).
    pub fn values(&self, endpoint: &str) -> &[Vec<f64>] {
        match endpoint {
            super::targets::CD4 => &self.cd4,
            super::targets::CD8 => &self.cd8,
            _ => &self.ratio,
        }
    }

    /// One visit's values of `endpoint`, patient by patient.
    pub fn at_visit(&self, endpoint: &str, visit: usize) -> Vec<f64> {
        self.values(endpoint).iter().map(|row| row[visit]).collect()
    }
}

/// Patient ids: the arm id and a two-digit number, `low-07`.
pub fn patient_id(arm: &str, number: usize) -> String {
    format!("{arm}-{number:02}")
}

/// One draw of every arm's cell counts.
pub fn draw_markers(targets: &Targets, rng: &mut Rng) -> Result<Vec<ArmMarkers>, ReconstructError> {
    targets.arms.iter().map(|arm| draw_arm(targets, &arm.id, arm.n as usize, rng)).collect()
}

fn draw_arm(targets: &Targets, arm: &str, n: usize, rng: &mut Rng) -> Result<ArmMarkers, ReconstructError> {
    let (gain, full_at) = arm_gain(targets, arm);
    let weeks: Vec<f64> = targets.visits.iter().map(|v| f64::from(v.week)).collect();
    let mut markers = ArmMarkers {
        arm: arm.to_string(),
        patients: (1..=n).map(|i| patient_id(arm, i)).collect(),
        cd4: Vec::with_capacity(n),
        cd8: Vec::with_capacity(n),
        ratio: Vec::with_capacity(n),
    };
    for _ in 0..n {
        let cd4_0 = redraw_until(rng, CD4_BASELINE, "baseline CD4", |v| targets.cd4_baseline.contains(v))?;
        let cd8_0 =
            redraw_until(rng, CD8_BASELINE, "baseline CD8", |v| (CD8_RANGE.0..=CD8_RANGE.1).contains(&v))?;
        let own_gain = gain + CD4_GAIN_SD * rng.normal();
        let mut cd4 = Vec::with_capacity(weeks.len());
        let mut cd8 = Vec::with_capacity(weeks.len());
        for (k, &week) in weeks.iter().enumerate() {
            if k == 0 {
                cd4.push(cd4_0);
                cd8.push(cd8_0);
                continue;
            }
            let share = (week / full_at).min(1.0);
            // Counts stay positive: at least one cell.
            cd4.push((cd4_0 + share * own_gain + CD4_VISIT_SD * rng.normal()).round().max(1.0));
            cd8.push((cd8_0 + CD8_VISIT_SD * rng.normal()).round().max(1.0));
        }
        markers.ratio.push(cd4.iter().zip(&cd8).map(|(a, b)| a / b).collect());
        markers.cd4.push(cd4);
        markers.cd8.push(cd8);
    }
    Ok(markers)
}

/// The arm's mean gain and the week by which it is reached: the published rise, or none.
fn arm_gain(targets: &Targets, arm: &str) -> (f64, f64) {
    let rise = targets
        .within_arm
        .iter()
        .find(|w| w.arm == arm && matches!(w.expect, PairedExpectation::RiseBelow(_)));
    let week = |w: &str| targets.week_of(w).map_or(f64::from(targets.horizon()), f64::from);
    match rise {
        Some(w) => (CD4_GAIN, week(&w.to).max(1.0)),
        None => (0.0, f64::from(targets.horizon())),
    }
}

/// Draws of one value before a range is declared out of reach.
const MAX_REDRAWS: u32 = 1_000;

/// A whole-cell draw from `(mean, sd)`, redrawn until `keep` accepts it; `what` names the
/// value if it never does (a range far from the illustrative magnitudes).
fn redraw_until(
    rng: &mut Rng,
    (mean, sd): (f64, f64),
    what: &str,
    keep: impl Fn(f64) -> bool,
) -> Result<f64, ReconstructError> {
    for _ in 0..MAX_REDRAWS {
        let value = (mean + sd * rng.normal()).round();
        if keep(value) {
            return Ok(value);
        }
    }
    Err(ReconstructError::Exhausted { what: format!("{what} inside its range"), attempts: MAX_REDRAWS })
}
