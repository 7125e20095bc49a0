//! The response view's text alternatives: the chart's curves, marks and at-risk numbers, and
//! the comparisons, as tables.

use super::estimate::{format_percent, format_week};
use super::response::ResponseView;
use super::table::{Cell, TextTable};

/// Tables for `view`; in reported-only mode only the published values are listed.
pub fn response_tables(view: &ResponseView, reported_only: bool) -> Vec<TextTable> {
    let mut tables = vec![published_marks(view)];
    if !reported_only {
        tables.push(at_horizon(view));
        tables.push(curve_steps(view));
        if !view.risk_table.rows.is_empty() {
            tables.push(risk_table(view));
        }
    }
    tables.push(comparisons(view, reported_only));
    tables
}

/// Whether every marked value was reported: the tables head them "Published" then, and
/// "Published or imported" once the reader imported one, never published alone.
fn all_reported(view: &ResponseView) -> bool {
    view.published_marks.iter().all(|m| m.shown.provenance.is_reported())
}

fn published_marks(view: &ResponseView) -> TextTable {
    let word = if all_reported(view) { "Published" } else { "Published or imported" };
    let mut t = TextTable::new(
        format!("{word} cumulative probability of immunological response"),
        &["Arm", &format!("{word} value"), "How it is placed"],
    );
    for mark in &view.published_marks {
        t.rows.push(vec![
            Cell::label(&mark.arm.label),
            Cell::shown(&mark.shown),
            Cell::label(&mark.placement),
        ]);
    }
    t
}

fn at_horizon(view: &ResponseView) -> TextTable {
    let mut t = TextTable::new(
        format!("Cumulative probability of response by week {}", view.horizon_weeks),
        &[
            "Arm",
            "Estimate",
            if all_reported(view) {
                "Published (the abstract names no week)"
            } else {
                "Published or imported (placed as the first table says)"
            },
        ],
    );
    let horizon = f64::from(view.horizon_weeks);
    for arm in &view.curves {
        // The published value belongs beside the estimate only at the week it is placed at.
        let published = match view.published_marks.iter().find(|m| m.arm.id == arm.arm.id) {
            Some(mark) if mark.week == horizon => Cell::shown(&mark.shown),
            Some(mark) => Cell::label(format!(
                "none for this week; the {} value is placed at week {:.0}",
                mark.shown.provenance.label(),
                mark.week
            )),
            None => Cell::label("none published"),
        };
        let estimate = match &arm.curve {
            Ok(c) => Cell::estimate(&c.at_horizon),
            Err(reason) => Cell::label(reason.clone()),
        };
        t.rows.push(vec![Cell::label(&arm.arm.label), estimate, published]);
    }
    t
}

fn curve_steps(view: &ResponseView) -> TextTable {
    let level = view.ci_level.label();
    let mut t = TextTable::new(
        "Curve steps: cumulative probability of response from each week on",
        &[
            "Arm",
            "Week",
            "Cumulative probability",
            &format!("{level} CI lower"),
            &format!("{level} CI upper"),
        ],
    );
    for arm in &view.curves {
        let Ok(curve) = &arm.curve else { continue };
        let limit = |x: Option<f64>| x.map_or_else(|| "not defined".to_string(), format_percent);
        for s in &curve.steps {
            t.rows.push(vec![
                Cell::label(&arm.arm.label),
                Cell::label(format_week(s.week)),
                Cell::value(format_percent(s.probability), &curve.provenance),
                Cell::value(limit(s.lower), &curve.provenance),
                Cell::value(limit(s.upper), &curve.provenance),
            ]);
        }
    }
    t
}

fn risk_table(view: &ResponseView) -> TextTable {
    let weeks: Vec<String> = view.risk_table.weeks.iter().map(|w| format!("Week {w}")).collect();
    let mut columns = vec!["Arm"];
    columns.extend(weeks.iter().map(String::as_str));
    let mut t = TextTable::new("Patients at risk (cumulative responses, cumulative censored)", &columns);
    let provenance = view.risk_table.provenance.as_ref().expect("a risk table with rows has a provenance");
    for row in &view.risk_table.rows {
        let mut cells = vec![Cell::label(&row.arm.label)];
        cells.extend(row.cells.iter().map(|c| {
            Cell::value(
                format!("{} ({} responded, {} censored)", c.at_risk, c.events, c.censored),
                provenance,
            )
        }));
        t.rows.push(cells);
    }
    t
}

fn comparisons(view: &ResponseView, reported_only: bool) -> TextTable {
    let mut t = TextTable::new(
        format!("Comparisons with the reference arm, follow-up to week {}", view.horizon_weeks),
        &["Comparison", "Statistic", "This data", "Published"],
    );
    for c in &view.comparisons {
        let name = format!("{} vs {}", c.arm.label, c.reference.label);
        let row = |stat: &str, value: Cell, published: Cell| {
            vec![Cell::label(&name), Cell::label(stat), value, published]
        };
        t.rows.push(row("Log-rank P", Cell::outcome(&c.log_rank), Cell::published(c.published_p.as_ref())));
        if reported_only {
            continue;
        }
        t.rows.push(row("Peto–Peto P", Cell::outcome(&c.peto_peto), Cell::label("none published")));
        t.rows.push(row(
            "Hazard ratio of response (Cox, Efron ties)",
            Cell::outcome(&c.hazard_ratio),
            Cell::label("none published"),
        ));
        let responders = match &c.responders {
            Ok((a, r)) => {
                let left_out = a.censored_before + r.censored_before;
                let note = if left_out > 0 {
                    format!("; {left_out} censored earlier left out")
                } else {
                    String::new()
                };
                // Counted in the loaded patient data, so they carry its provenance.
                let text = format!("{} vs {}{note}", a.fraction(), r.fraction());
                match &view.data {
                    Some(data) => Cell::value(text, &data.provenance),
                    None => Cell::label(text),
                }
            }
            Err(reason) => Cell::label(reason.clone()),
        };
        t.rows.push(row(
            &format!("Responders by week {}", view.horizon_weeks),
            responders,
            Cell::published(c.published_responders.as_ref()),
        ));
        let h = &c.at_horizon;
        t.rows.push(row(
            "Fisher's exact P",
            Cell::outcome(&h.fisher),
            Cell::published(c.published_fisher.as_ref()),
        ));
        t.rows.push(row("Risk difference", Cell::outcome(&h.risk_difference), Cell::label("none published")));
        let nnt = match &h.number_needed {
            Ok(s) => Cell::shown(s),
            Err(reason) => Cell::label(reason.clone()),
        };
        t.rows.push(row("Number needed to treat", nnt, Cell::label("none published")));
    }
    if let Some(overall) = &view.overall_log_rank {
        t.rows.push(vec![
            Cell::label("All shown arms"),
            Cell::label("Log-rank P"),
            Cell::outcome(overall),
            Cell::label("none published"),
        ]);
    }
    for s in &view.ensemble_spread {
        t.rows.push(vec![
            Cell::label(format!("{} vs {}", s.arm.label, s.reference.label)),
            Cell::label("Log-rank P across the ensemble"),
            Cell::shown(&s.shown),
            Cell::label("none published"),
        ]);
    }
    t
}
