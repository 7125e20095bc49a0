//! The immunological-response chart: cumulative probability of response per arm with its
//! band and censor marks, the published values marked where they belong, an optional
//! ensemble overlay, a legend that says where the curves come from, and the at-risk table
//! under the x axis, each number under its tick.

use plotters::coord::types::RangedCoordf64;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::at_risk::draw_at_risk;
use super::error::{drawing, ChartError};
use super::lines::{draw_arm_line, draw_legend_entry, step_points, BAND_ALPHA};
use super::marks::draw_published_mark;
use super::palette::arm_style;
use crate::explore::{CurveStep, EnsembleCurve, ResponseView};

/// The response chart's coordinates: weeks by probability. Overlay hooks such as
/// [`draw_ensemble`] draw into it.
pub type ResponseChart<'a, DB> = ChartContext<'a, DB, Cartesian2d<RangedCoordf64, RangedCoordf64>>;

/// Height of one at-risk row, and of the table's heading row, in pixels.
pub const RISK_ROW_HEIGHT: u32 = 18;
/// Width of the y-label area; the at-risk row labels sit in the same column.
pub const Y_LABEL_AREA: u32 = 96;

/// Margins of the response chart, in pixels: the plot spans from `MARGIN + Y_LABEL_AREA` to
/// `width - MARGIN_RIGHT`, which [`week_at`] inverts for the hover readout.
const MARGIN: u32 = 12;
const MARGIN_RIGHT: u32 = 24;

/// The week under pixel column `x` of a response chart `width` pixels wide showing weeks
/// 0 to `horizon`; `None` outside the plot.
pub fn week_at(width: u32, x: f64, horizon: f64) -> Option<f64> {
    let left = f64::from(MARGIN + Y_LABEL_AREA);
    let right = f64::from(width.saturating_sub(MARGIN_RIGHT));
    (right > left && (left..=right).contains(&x)).then(|| (x - left) / (right - left) * horizon)
}

/// The caption, which says where the curves come from.
pub fn response_caption(view: &ResponseView) -> String {
    let base = "Cumulative probability of immunological response";
    let has_curves = view.curves.iter().any(|c| c.curve.is_ok());
    match (&view.data, has_curves) {
        (Some(data), true) => format!("{base}: curves from {}", data.describe()),
        _ => format!("{base}: published values only"),
    }
}

/// Draw `view` on `root`.
pub fn draw_response<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    view: &ResponseView,
) -> Result<(), ChartError> {
    root.fill(&WHITE).map_err(drawing)?;
    let (_, height) = root.dim_in_pixel();
    let rows = view.risk_table.rows.len() as u32;
    let table_height = if rows > 0 { RISK_ROW_HEIGHT * (rows + 1) + 8 } else { 0 };
    let (upper, lower) = root.split_vertically(height.saturating_sub(table_height));
    let horizon = f64::from(view.horizon_weeks);
    let ticks: Vec<f64> = view.risk_table.weeks.iter().map(|&w| f64::from(w)).collect();
    let mut chart = ChartBuilder::on(&upper)
        .margin(MARGIN)
        .margin_right(MARGIN_RIGHT)
        .caption(response_caption(view), ("sans-serif", 16))
        .x_label_area_size(40)
        .y_label_area_size(Y_LABEL_AREA)
        .build_cartesian_2d(0.0..horizon, 0.0..1.0)
        .map_err(drawing)?;
    // The x ticks are drawn here, at the visit weeks, rather than where plotters would put
    // them: the at-risk numbers sit under these same ticks.
    chart
        .configure_mesh()
        .x_labels(0)
        .x_desc("Weeks since baseline")
        .y_desc("Cumulative probability")
        .y_label_formatter(&|p: &f64| format!("{:.0}%", 100.0 * p))
        .label_style(("sans-serif", 13))
        .axis_desc_style(("sans-serif", 13))
        .light_line_style(WHITE.mix(0.0))
        .draw()
        .map_err(drawing)?;

    draw_week_ticks(&upper, &chart, &ticks)?;
    if !view.ensemble.is_empty() {
        draw_ensemble(&mut chart, &view.ensemble)?;
    }
    for arm in &view.curves {
        let Ok(curve) = &arm.curve else { continue };
        let style = arm_style(&arm.arm.id);
        draw_band(&chart, &curve.steps, style.color)?;
        let steps: Vec<(f64, f64)> = curve.steps.iter().map(|s| (s.week, s.probability)).collect();
        draw_arm_line(chart.plotting_area(), step_points(&steps), &style, 2, 1.0)?;
        chart
            .draw_series(curve.censored.iter().map(|m| {
                let stroke = style.color.stroke_width(2);
                EmptyElement::at((m.week, m.probability))
                    + PathElement::new(vec![(-5, 0), (5, 0)], stroke)
                    + PathElement::new(vec![(0, -5), (0, 5)], stroke)
            }))
            .map_err(drawing)?;
    }
    for mark in view.published_marks.iter().filter(|m| m.week <= horizon) {
        let label = format!("{} {}", mark.shown.provenance.label(), mark.shown.text);
        draw_published_mark(
            &mut chart,
            (mark.week, mark.probability),
            7,
            label,
            arm_style(&mark.arm.id).color,
            true,
        )?;
    }
    if !view.curves.iter().any(|c| c.curve.is_ok()) {
        let message = if view.data.is_some() {
            "Curves hidden: reported values only"
        } else {
            "No curves: no patient-level data loaded"
        };
        chart
            .draw_series(std::iter::once(Text::new(
                message,
                (horizon * 0.5, 0.5),
                ("sans-serif", 15).into_font().color(&BLACK).pos(Pos::new(HPos::Center, VPos::Center)),
            )))
            .map_err(drawing)?;
    }
    draw_legend(&upper, &chart, view)?;
    if rows > 0 {
        draw_at_risk(&lower, &chart, &view.risk_table)?;
    }
    root.present().map_err(drawing)?;
    Ok(())
}

/// Overlay hook: the curves of the reconstruction ensemble, thin and faint under the main
/// curves, so the reader sees how much the reconstruction's freedom moves them.
pub fn draw_ensemble<DB: DrawingBackend>(
    chart: &mut ResponseChart<'_, DB>,
    curves: &[EnsembleCurve],
) -> Result<(), ChartError> {
    for c in curves {
        let style = arm_style(&c.arm);
        draw_arm_line(chart.plotting_area(), step_points(&c.steps), &style, 1, 0.25)?;
    }
    Ok(())
}

/// Tick marks and labels at `weeks` under the x axis.
fn draw_week_ticks<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    chart: &ResponseChart<'_, DB>,
    weeks: &[f64],
) -> Result<(), ChartError> {
    let base = area.get_base_pixel();
    let style = ("sans-serif", 13).into_font().color(&BLACK).pos(Pos::new(HPos::Center, VPos::Top));
    for &week in weeks {
        let (x, y) = chart.backend_coord(&(week, 0.0));
        let (x, y) = (x - base.0, y - base.1);
        area.draw(&PathElement::new(vec![(x, y), (x, y + 5)], BLACK.stroke_width(1))).map_err(drawing)?;
        area.draw(&Text::new(format!("{week:.0}"), (x, y + 8), style.clone())).map_err(drawing)?;
    }
    Ok(())
}

/// The band as one step-shaped polygon: upper limits forward, lower limits back.
fn draw_band<DB: DrawingBackend>(
    chart: &ResponseChart<'_, DB>,
    steps: &[CurveStep],
    color: RGBColor,
) -> Result<(), ChartError> {
    let upper: Vec<(f64, f64)> = steps.iter().map(|s| (s.week, s.upper.unwrap_or(s.probability))).collect();
    let lower: Vec<(f64, f64)> = steps.iter().map(|s| (s.week, s.lower.unwrap_or(s.probability))).collect();
    let mut outline = step_points(&upper);
    outline.extend(step_points(&lower).into_iter().rev());
    chart.plotting_area().draw(&Polygon::new(outline, color.mix(BAND_ALPHA).filled())).map_err(drawing)
}

/// Legend in the top-left of the plot, where cumulative-incidence curves start low: each arm
/// with its line style and where its curve comes from (or why there is none).
fn draw_legend<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    chart: &ResponseChart<'_, DB>,
    view: &ResponseView,
) -> Result<(), ChartError> {
    let origin = chart.backend_coord(&(0.0, 1.0));
    let base = area.get_base_pixel();
    let (x, mut y) = (origin.0 - base.0 + 10, origin.1 - base.1 + 12);
    for arm in &view.curves {
        let label = match (&arm.curve, &view.data) {
            (Ok(_), Some(data)) => format!("{} ({})", arm.arm.label, data.describe()),
            _ if view.published_marks.iter().any(|m| m.arm.id == arm.arm.id) => {
                format!("{}: published value only", arm.arm.label)
            }
            _ => format!("{}: not reported", arm.arm.label),
        };
        draw_legend_entry(area, (x, y), &arm_style(&arm.arm.id), &label)?;
        y += 17;
    }
    let mut notes = Vec::new();
    if view.curves.iter().any(|c| c.curve.as_ref().is_ok_and(|c| !c.censored.is_empty())) {
        notes.push("+ censored".to_string());
    }
    if !view.published_marks.is_empty() {
        notes.push("◇ published value (week 96 assumed)".to_string());
    }
    if !view.ensemble.is_empty() {
        notes.push("faint lines: reconstruction ensemble".to_string());
    }
    if !notes.is_empty() {
        area.draw(&Text::new(
            notes.join("   "),
            (x, y),
            ("sans-serif", 12).into_font().color(&BLACK).pos(Pos::new(HPos::Left, VPos::Center)),
        ))
        .map_err(drawing)?;
    }
    Ok(())
}
