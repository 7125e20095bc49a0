//! The trial at a glance: the header and allocation chart of the first screen.

use crate::trial::{Bundle, Provenance};

use super::shown::Shown;

/// One arm as the overview shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct ArmRow {
    pub id: String,
    pub label: String,
    pub dose: Shown,
    pub planned_n: Shown,
    /// The planned size as a number, for drawing.
    pub planned: u32,
}

/// What the header and the allocation chart display.
#[derive(Debug, Clone, PartialEq)]
pub struct Overview {
    pub title: Shown,
    pub registry_id: Shown,
    pub design: Shown,
    pub enrolled: Shown,
    pub enrolment_period: Shown,
    pub follow_up: Shown,
    /// Entry criteria, each as published.
    pub eligibility: Vec<Shown>,
    pub arms: Vec<ArmRow>,
}

impl Overview {
    /// Whether every arm size shown is published; if not, "reported only" mode hides the chart.
    pub fn allocation_is_reported(&self) -> bool {
        self.arms.iter().all(|a| a.planned_n.provenance.is_reported())
    }

    /// The allocation chart's caption: what it shows and, for every size the abstract does not
    /// state, where it comes from, in the words of its provenance.
    pub fn allocation_caption(&self) -> String {
        let unstated: Vec<&Provenance> =
            self.arms.iter().map(|a| &a.planned_n.provenance).filter(|p| !p.is_reported()).collect();
        if unstated.is_empty() {
            return "Planned patients per arm, as published.".to_string();
        }
        // The chart marks every size not stated "≈" (`chart::draw_allocation`).
        let mut caption =
            "Planned patients per arm. Sizes marked ≈ are not stated in the abstract.".to_string();
        let mut explained: Vec<String> = Vec::new();
        for explanation in unstated.iter().map(|p| p.explain()) {
            if !explained.contains(&explanation) {
                // An imported file's own words may already end a sentence.
                let end = if explanation.ends_with(['.', '!', '?']) { "" } else { "." };
                caption.push_str(&format!(" {explanation}{end}"));
                explained.push(explanation);
            }
        }
        caption
    }
}

/// Build the overview from a validated bundle.
pub fn overview(bundle: &Bundle) -> Overview {
    let t = &bundle.trial;
    let follow_up = Shown {
        text: format!("{} weeks", t.follow_up_weeks.value),
        provenance: t.follow_up_weeks.provenance.clone(),
    };
    Overview {
        title: Shown::from_fact(&t.title),
        registry_id: Shown::from_fact(&t.registry_id),
        design: Shown::from_fact(&t.design),
        enrolled: Shown::from_fact(&t.enrolled),
        enrolment_period: Shown::from_fact(&t.enrolment_period),
        follow_up,
        eligibility: bundle.eligibility.iter().map(|c| Shown::from_fact(&c.text)).collect(),
        arms: bundle
            .arms
            .iter()
            .map(|a| ArmRow {
                id: a.id.clone(),
                label: a.label.clone(),
                dose: Shown::from_fact(&a.dose),
                planned_n: Shown::from_fact(&a.randomized_n),
                planned: a.randomized_n.value,
            })
            .collect(),
    }
}
