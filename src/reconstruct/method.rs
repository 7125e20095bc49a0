//! The method text each reconstructed dataset carries in its provenance: what was drawn,
//! which published facts constrain it, and which choices are illustrative. The UI shows it
//! verbatim, so it names the numbers it uses.

use super::markers::{
    CD4_BASELINE, CD4_GAIN, CD4_GAIN_SD, CD4_VISIT_SD, CD8_BASELINE, CD8_RANGE, CD8_VISIT_SD,
};
use super::targets::{EligibleRange, PairedExpectation, Targets, SIGNIFICANCE};

/// For the response dataset.
pub fn response_method(targets: &Targets) -> String {
    let r = &targets.response;
    let counts: Vec<String> = r.arms.iter().map(|a| format!("{} {}/{}", a.arm, a.responders, a.n)).collect();
    let without: Vec<&str> = targets
        .arms
        .iter()
        .filter(|a| !r.arms.iter().any(|c| c.arm == a.id))
        .map(|a| a.id.as_str())
        .collect();
    let mut text = format!(
        "pseudo-patients; responders from the published cumulative probabilities ({}); \
         responses detected at visits, non-responders censored at week {} and nobody earlier; \
         timing drawn from illustrative per-visit hazards and moved one visit at a time until \
         the log-rank P (rho = 0) lies in [{}, {}) as the published P of test '{}'",
        counts.join(", "),
        targets.horizon(),
        r.p_window.0,
        r.p_window.1,
        r.test
    );
    if !without.is_empty() {
        text.push_str(&format!("; no response data for arm {} (not published)", without.join(", ")));
    }
    with_grid(text, targets)
}

/// For the CD4 dataset.
pub fn cd4_method(targets: &Targets) -> String {
    let findings: Vec<String> = targets
        .within_arm
        .iter()
        .map(|w| match w.expect {
            PairedExpectation::RiseBelow(bound) => format!("{} rise P < {bound}", w.arm),
            PairedExpectation::NoChange(level) => format!("{} P ≥ {level}", w.arm),
        })
        .collect();
    let text = format!(
        "pseudo-patients; baseline {} (eligibility); illustrative magnitudes: baseline {} ± {}, \
         mean gain {} ± {} in arms with a published rise (0 otherwise) reached at the compared \
         visit and then held, ± {} between visits, whole cells; redrawn (which keeps smaller gains \
         more often) until the paired t-tests \
         give {} and {}",
        describe_range(&targets.cd4_baseline),
        CD4_BASELINE.0,
        CD4_BASELINE.1,
        CD4_GAIN,
        CD4_GAIN_SD,
        CD4_VISIT_SD,
        findings.join(", "),
        among_arms(targets)
    );
    with_grid(text, targets)
}

/// For the CD8 dataset.
pub fn cd8_method(targets: &Targets) -> String {
    let text = format!(
        "pseudo-patients; illustrative magnitudes: baseline {} ± {} (kept within {}–{}), ± {} \
         between visits, no arm effect, whole cells; redrawn with the CD4 counts until {}",
        CD8_BASELINE.0,
        CD8_BASELINE.1,
        CD8_RANGE.0,
        CD8_RANGE.1,
        CD8_VISIT_SD,
        among_arms(targets)
    );
    with_grid(text, targets)
}

/// For the CD4/CD8 ratio dataset.
pub fn ratio_method(targets: &Targets) -> String {
    let text = format!(
        "pseudo-patients; the reconstructed CD4 count divided by the reconstructed CD8 count of \
         the same patient and visit; redrawn with them until {}",
        among_arms(targets)
    );
    with_grid(text, targets)
}

fn among_arms(targets: &Targets) -> String {
    format!(
        "no pair of arms (Welch t) and no one-way ANOVA differs at P < {SIGNIFICANCE} at any visit in {}",
        targets.no_difference.join(", ")
    )
}

fn describe_range(range: &EligibleRange) -> String {
    let lower = range.lower.map(|(v, inclusive)| format!("{} {v}", if inclusive { "≥" } else { ">" }));
    let upper = range.upper.map(|(v, inclusive)| format!("{} {v}", if inclusive { "≤" } else { "<" }));
    [lower, upper].into_iter().flatten().collect::<Vec<_>>().join(" and ")
}

fn with_grid(mut text: String, targets: &Targets) -> String {
    let grid = targets.illustrative_weeks();
    if !grid.is_empty() {
        text.push_str(&format!("; {grid} on an illustrative grid"));
    }
    text
}
