//! The cell-count constraints, checked with the statistics engine on one draw. A draw is
//! kept only when every check passes; the first failure is described so that a
//! reconstruction that gives up can say what kept failing.

use super::markers::ArmMarkers;
use super::targets::{PairedExpectation, Targets, CD4, SIGNIFICANCE};
use crate::stats::anova::one_way_anova;
use crate::stats::ttest::{paired_t_test, welch_t_test_values};

/// Confidence level for the t-tests; only their P values are used.
const LEVEL: f64 = 0.95;

/// `Ok` when the within-arm CD4 findings and the absence of between-arm differences hold;
/// otherwise the first constraint that fails.
pub fn check_markers(targets: &Targets, arms: &[ArmMarkers]) -> Result<(), String> {
    check_within_arm(targets, arms)?;
    check_among_arms(targets, arms)
}

fn visit_index(targets: &Targets, id: &str) -> Result<usize, String> {
    targets.visits.iter().position(|v| v.id == id).ok_or_else(|| format!("unknown visit '{id}'"))
}

fn check_within_arm(targets: &Targets, arms: &[ArmMarkers]) -> Result<(), String> {
    for w in &targets.within_arm {
        let markers =
            arms.iter().find(|m| m.arm == w.arm).ok_or_else(|| format!("no data for arm '{}'", w.arm))?;
        let (from, to) = (visit_index(targets, &w.from)?, visit_index(targets, &w.to)?);
        let test = paired_t_test(&markers.at_visit(CD4, to), &markers.at_visit(CD4, from), LEVEL)
            .map_err(|e| format!("{}: {e}", w.source))?;
        let holds = match w.expect {
            PairedExpectation::RiseBelow(bound) => test.estimate > 0.0 && test.p_value < bound,
            PairedExpectation::NoChange(level) => test.p_value >= level,
        };
        if !holds {
            return Err(format!(
                "{} ({} {}→{}): mean change {:.2}, paired P {:.3e}",
                w.source, w.arm, w.from, w.to, test.estimate, test.p_value
            ));
        }
    }
    Ok(())
}

fn check_among_arms(targets: &Targets, arms: &[ArmMarkers]) -> Result<(), String> {
    for endpoint in &targets.no_difference {
        for (k, visit) in targets.visits.iter().enumerate() {
            let groups: Vec<Vec<f64>> = arms.iter().map(|m| m.at_visit(endpoint, k)).collect();
            let slices: Vec<&[f64]> = groups.iter().map(Vec::as_slice).collect();
            let anova = one_way_anova(&slices).map_err(|e| format!("{endpoint} at {}: {e}", visit.id))?;
            if anova.p_value < SIGNIFICANCE {
                return Err(format!("{endpoint} at {}: ANOVA P {:.4}", visit.id, anova.p_value));
            }
            for i in 0..groups.len() {
                for j in i + 1..groups.len() {
                    let welch = welch_t_test_values(&groups[i], &groups[j], LEVEL)
                        .map_err(|e| format!("{endpoint} at {}: {e}", visit.id))?;
                    if welch.p_value < SIGNIFICANCE {
                        return Err(format!(
                            "{endpoint} at {}: {} vs {} Welch P {:.4}",
                            visit.id, arms[i].arm, arms[j].arm, welch.p_value
                        ));
                    }
                }
            }
        }
    }
    Ok(())
}
