//! The continuous view's text alternatives.

use super::continuous::ContinuousView;
use super::table::{Cell, TextTable};

pub fn continuous_tables(view: &ContinuousView) -> Vec<TextTable> {
    let what = if view.change_from_baseline { "Change from baseline in" } else { "Mean" };
    let unit = view.unit.as_ref().map_or(String::new(), |u| format!(" ({u})"));
    let level = view.ci_level.label();
    let mut summaries = TextTable::new(
        format!("{what} {}{unit} by arm and visit", view.label),
        &["Arm", "Visit", "n", &format!("Mean ({level} CI)"), "SD"],
    );
    for series in &view.arms {
        for point in &series.points {
            // The visit with its week's provenance: the reconstruction's values at a week the
            // sources do not name are reconstructed, at an illustrative time.
            let visit = Cell::value(&point.visit.label, &point.visit.provenance);
            let mut row = vec![Cell::label(&series.arm.label), visit];
            match &point.summary {
                Ok(s) => row.extend([
                    Cell::value(s.n.to_string(), &s.mean.shown.provenance),
                    Cell::estimate(&s.mean),
                    Cell::estimate(&s.sd),
                ]),
                Err(reason) => row.extend([Cell::label(reason.clone()), Cell::label(""), Cell::label("")]),
            }
            summaries.rows.push(row);
        }
    }
    let mut tests = TextTable::new(
        format!("Tests for {}", view.label),
        // An imported summary of a change sits in the last column too, labelled imported.
        &[
            "Comparison",
            "Statistic",
            "This data",
            if view.within_arm.iter().any(|t| t.given_change.is_some()) {
                "Published or imported"
            } else {
                "Published"
            },
        ],
    );
    let base = view.baseline.as_ref().map_or("baseline".to_string(), |v| v.label.clone());
    for t in &view.within_arm {
        let name = format!("{}: {} vs {base}", t.arm.label, t.visit.label);
        let published = if t.published.is_empty() {
            Cell::label("none published")
        } else {
            Cell::value(
                t.published.iter().map(|s| s.text.as_str()).collect::<Vec<_>>().join("; "),
                &t.published[0].provenance,
            )
        };
        tests.rows.push(vec![
            Cell::label(&name),
            Cell::label("Mean change"),
            Cell::outcome(&t.mean_change),
            t.given_change.as_ref().map_or_else(|| Cell::label("none published"), Cell::shown),
        ]);
        tests.rows.push(vec![
            Cell::label(&name),
            Cell::label("Paired t-test P"),
            Cell::outcome(&t.p),
            published,
        ]);
    }
    let at = view.compare_visit.as_ref().map_or(String::new(), |v| format!(" at {}", v.label));
    for t in &view.between_arms {
        let name = format!("{} vs {}{at}", t.arm.label, t.reference.label);
        tests.rows.push(vec![
            Cell::label(&name),
            Cell::label("Difference in means"),
            Cell::outcome(&t.difference),
            Cell::label("none published"),
        ]);
        tests.rows.push(vec![
            Cell::label(&name),
            Cell::label("Welch t-test P"),
            Cell::outcome(&t.p),
            Cell::label("none published"),
        ]);
    }
    let among = if view.published_among_arms.is_empty() {
        Cell::label("none published")
    } else {
        Cell::shown(&view.published_among_arms[0])
    };
    match &view.anova {
        Some(a) => tests.rows.push(vec![
            Cell::label(format!("All shown arms{at}")),
            Cell::label("One-way ANOVA P"),
            Cell::outcome(a),
            among,
        ]),
        None if !view.published_among_arms.is_empty() => tests.rows.push(vec![
            Cell::label("Among the arms"),
            Cell::label("Published finding"),
            Cell::label("not computed"),
            among,
        ]),
        None => {}
    }
    let mut tables = vec![summaries, tests];
    if !view.given.is_empty() {
        let mut given = TextTable::new(
            format!("{what} {}{unit} as the bundle gives it (not computed here)", view.label),
            &["Arm", "Visit", "Summary"],
        );
        for g in &view.given {
            given.rows.push(vec![
                Cell::label(&g.arm.label),
                Cell::value(&g.visit.label, &g.visit.provenance),
                Cell::shown(&g.shown),
            ]);
        }
        tables.push(given);
    }
    tables
}
