//! The chart in words, for the drawing's accessible name: a listener hears what it shows (each
//! arm's values, the published values marked on it), not only its title, and hears it change
//! when an arm, the horizon or the endpoint does.

use crate::explore::{ContinuousView, ProportionsView, ResponseView, View, ViewBody};

use super::{means_caption, proportions_caption, response_caption};

/// Where a listener finds every number: the tables are in a fold under the chart.
const TABLES: &str = "Every number is in \"Chart data as tables\" under the chart.";

/// The caption, then what is drawn for each arm, then [`TABLES`]; `None` for a view without a
/// chart.
pub fn text_alternative(view: &View) -> Option<String> {
    let (caption, drawn) = match &view.body {
        ViewBody::Response(v) => (response_caption(v), response_in_words(v)),
        ViewBody::Continuous(v) => (means_caption(v), means_in_words(v)),
        ViewBody::Proportions(v) => (proportions_caption(v), proportions_in_words(v)),
        ViewBody::Safety(_) | ViewBody::Unavailable(_) => return None,
    };
    let mut text = caption;
    for part in drawn {
        text.push_str(". ");
        text.push_str(&part);
    }
    text.push_str(". ");
    text.push_str(TABLES);
    Some(text)
}

fn response_in_words(view: &ResponseView) -> Vec<String> {
    let week = view.horizon_weeks;
    let mut parts: Vec<String> = view
        .curves
        .iter()
        .map(|c| match &c.curve {
            Ok(curve) => format!("{}: {} by week {week}", c.arm.label, curve.at_horizon.shown.text),
            Err(_) => format!("{}: no curve drawn", c.arm.label),
        })
        .collect();
    let marks: Vec<String> = view
        .marks_in_view()
        .map(|m| format!("{} {} for {}", m.shown.provenance.label(), m.shown.text, m.arm.label))
        .collect();
    if !marks.is_empty() {
        parts.push(format!("Marked: {}", marks.join(", ")));
    }
    parts
}

fn means_in_words(view: &ContinuousView) -> Vec<String> {
    view.arms
        .iter()
        .map(|arm| {
            let points: Vec<String> = arm
                .points
                .iter()
                .filter_map(|p| {
                    Some(format!("{} at {}", p.summary.as_ref().ok()?.mean.shown.text, p.visit.label))
                })
                .collect();
            match points.is_empty() {
                true => format!("{}: none drawn", arm.arm.label),
                false => format!("{}: {}", arm.arm.label, points.join(", ")),
            }
        })
        .collect()
}

fn proportions_in_words(view: &ProportionsView) -> Vec<String> {
    view.arms
        .iter()
        .map(|arm| match &arm.proportion {
            Ok(p) => format!("{}: {}", arm.arm.label, p.shown.text),
            Err(_) => format!("{}: none drawn", arm.arm.label),
        })
        .collect()
}
