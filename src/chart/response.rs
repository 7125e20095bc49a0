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
use super::frame::{draw_message, titled, MARGIN};
use super::legend::{kinds_named, Legend, Placement};
use super::lines::{draw_arm_line, step_points, BAND_ALPHA};
use super::marks::{boxes_overlap, choose_sides, covering_cost, MarkLabel, PixelBox, PENALTY};
use super::style::ChartStyle;
use super::svg::ChartBackend;
use crate::explore::{CurveStep, EnsembleCurve, PublishedMark, ResponseView};

/// The response chart's coordinates: weeks by probability. Overlay hooks such as
/// [`draw_ensemble`] draw into it.
pub type ResponseChart<'a, DB> = ChartContext<'a, DB, Cartesian2d<RangedCoordf64, RangedCoordf64>>;

/// Height of one at-risk row, and of the table's heading row, in pixels before scaling.
pub const RISK_ROW_HEIGHT: u32 = 18;
/// Width of the y-label area before scaling; the at-risk row labels sit in the same column.
pub const Y_LABEL_AREA: u32 = 96;
/// Height of the x axis's labels and title under the plot, before scaling.
const X_LABEL_AREA: u32 = 40;

/// Right margin of the response chart, in pixels before scaling, wider than the others for the
/// last tick's label: the plot spans from `MARGIN + Y_LABEL_AREA` to `width - MARGIN_RIGHT`,
/// which [`week_at`] inverts for the hover readout.
const MARGIN_RIGHT: u32 = 24;

/// Where the plot's week axis runs across a response chart `width` pixels wide drawn in
/// `style`: its left and right pixel columns. The page lays the week slider under it.
pub fn plot_span(width: u32, style: &ChartStyle) -> (f64, f64) {
    let left = f64::from(style.px(MARGIN) + style.px(Y_LABEL_AREA));
    (left, f64::from(width.saturating_sub(style.px(MARGIN_RIGHT))))
}

/// The week under pixel column `x` of a response chart `width` pixels wide, drawn in
/// `style`, showing weeks 0 to `horizon`; `None` outside the plot.
pub fn week_at(width: u32, x: f64, horizon: f64, style: &ChartStyle) -> Option<f64> {
    let (left, right) = plot_span(width, style);
    (right > left && (left..=right).contains(&x)).then(|| (x - left) / (right - left) * horizon)
}

/// The caption, which says where the curves come from, or what is drawn instead and why.
pub fn response_caption(view: &ResponseView) -> String {
    let base = "Cumulative probability of immunological response";
    match (&view.data, why_no_curves(view)) {
        (Some(data), None) => format!("{base}: curves from {}", data.describe()),
        (_, why) => {
            let (in_caption, _) = why.unwrap_or(NO_DATA);
            let marked = || view.marks_in_view();
            if marked().next().is_some() && !view.curves.is_empty() {
                format!("{base}: {} values only", kinds_named(marked().map(|m| &m.shown.provenance)))
            } else {
                format!("{base}: {in_caption}")
            }
        }
    }
}

/// No curve for want of patient-level data: in the caption, and in the plot.
const NO_DATA: (&str, &str) = ("no patient-level data loaded", "No curves: no patient-level data loaded");

/// Why no curve is drawn, one rule for the caption and the plot's message: no arm shown,
/// curves withheld in reported-only mode, or no patient-level data, for the bundle or for the
/// arms shown; `None` when a curve is drawn.
fn why_no_curves(view: &ResponseView) -> Option<(&'static str, &'static str)> {
    if view.has_curves() {
        None
    } else if view.curves.is_empty() {
        Some(("no arm shown", "No curves: no arm is shown"))
    } else if view.curves_withheld {
        Some(("curves hidden in reported-only mode", "Curves hidden: reported values only"))
    } else if view.data.is_none() {
        Some(NO_DATA)
    } else {
        Some(("no curve for the arms shown", "No curves: no patient-level data for the arms shown"))
    }
}

/// Draw `view` on `root` in `style`.
pub fn draw_response<DB: ChartBackend>(
    root: &DrawingArea<DB, Shift>,
    view: &ResponseView,
    style: &ChartStyle,
) -> Result<(), ChartError> {
    root.fill(&style.paper()).map_err(drawing)?;
    let (_, height) = root.dim_in_pixel();
    let rows = view.risk_table.rows.len() as u32;
    let table_height = if rows > 0 { style.px(RISK_ROW_HEIGHT) * (rows + 1) + style.px(8) } else { 0 };
    let (upper, lower) = root.split_vertically(height.saturating_sub(table_height));
    let horizon = f64::from(view.horizon_weeks);
    let ticks: Vec<f64> = view.risk_table.weeks.iter().map(|&w| f64::from(w)).collect();
    let framed = titled(&upper, (&response_caption(view), 16), MARGIN_RIGHT, style)?;
    let legend = legend(view);
    let placement = if legend_covers_data(&legend, (&upper, &framed), view, style) {
        Placement::Above
    } else {
        Placement::CornerIfWide
    };
    let (strip, plot) = legend.place(&framed, placement, root.dim_in_pixel().0, style);
    let mut chart = ChartBuilder::on(&plot)
        .x_label_area_size(style.px(X_LABEL_AREA))
        .y_label_area_size(style.px(Y_LABEL_AREA))
        .build_cartesian_2d(0.0..horizon, 0.0..1.0)
        .map_err(drawing)?;
    // The x ticks are drawn here, at the visit weeks, rather than where plotters would put
    // them: the at-risk numbers sit under these same ticks.
    let value_labels = style.value_labels(chart.plotting_area().dim_in_pixel().1, 13);
    style
        .axes(&mut chart.configure_mesh(), 13)
        .x_labels(0)
        .y_labels(value_labels)
        .x_desc("Weeks since baseline")
        .y_desc("Cumulative probability")
        .y_label_formatter(&|p: &f64| format!("{:.0}%", 100.0 * p))
        .draw()
        .map_err(drawing)?;

    draw_week_ticks(&upper, &chart, &ticks, style)?;
    if !view.ensemble.is_empty() {
        draw_ensemble(&mut chart, &view.ensemble, style)?;
    }
    for arm in &view.curves {
        let Ok(curve) = &arm.curve else { continue };
        let arm_style = style.arm(&arm.arm.id);
        draw_band(&chart, &curve.steps, arm_style.color)?;
        let steps: Vec<(f64, f64)> = curve.steps.iter().map(|s| (s.week, s.probability)).collect();
        draw_arm_line(chart.plotting_area(), step_points(&steps), &arm_style, style.line_width, 1.0)?;
    }
    // The legend before the published marks: its paper backdrop must not cover their labels.
    let legend_box = legend.draw(strip.as_ref(), &upper, chart.backend_coord(&(0.0, 1.0)), style)?;
    // A label must not hide a curve, least of all the one whose published value it names,
    // which ends right beside it when the data match the publication; nor another label, nor
    // leave the plot.
    let mut curve_lines: Vec<((i32, i32), (i32, i32))> = Vec::new();
    for curve in view.curves.iter().filter_map(|c| c.curve.as_ref().ok()) {
        let steps: Vec<(f64, f64)> = curve.steps.iter().map(|s| (s.week, s.probability)).collect();
        let points: Vec<(i32, i32)> = step_points(&steps).iter().map(|p| chart.backend_coord(p)).collect();
        curve_lines.extend(points.windows(2).map(|w| (w[0], w[1])));
    }
    let (plot_x, plot_y) = chart.plotting_area().get_pixel_range();
    let marks: Vec<_> = view.marks_in_view().collect();
    let measured: Vec<MarkLabel> = marks
        .iter()
        .map(|m| {
            let label = format!("{} {}", m.shown.provenance.label(), m.shown.text);
            MarkLabel::new(&chart, (m.week, m.probability), 7, label, style)
        })
        .collect();
    // Worst is a label out of the plot or on another label; then the more of the curves it
    // covers, the worse (a curve under the label still shows at its ends). A label beside a
    // mark near 100% may reach half its height over the plot's top, as it always has, but no
    // further, where the title and legend are.
    let cost = |area: PixelBox| {
        let over_top = area[1] < plot_y.start - (area[3] - area[1]) / 2;
        let on_legend = legend_box.is_some_and(|b| boxes_overlap(b, area));
        // A mark at the last week sits on the plot's right edge, its label's end a little past
        // it; a label right of such a mark would run off the drawing.
        let past_right = area[2] > plot_x.end + style.offset(12);
        let outside = area[0] < plot_x.start || past_right || over_top || area[3] > plot_y.end || on_legend;
        let on_curve: u32 = curve_lines.iter().map(|&line| covering_cost(line, area)).sum();
        2 * PENALTY * u32::from(outside) + on_curve
    };
    let (sides, _) = choose_sides(&measured, style, &cost, PENALTY);
    let mut labels: Vec<PixelBox> = Vec::new();
    for ((mark, measured), side) in marks.iter().zip(measured).zip(sides) {
        labels.push(measured.draw(&mut chart, side, &style.arm(&mark.arm.id), true, style)?);
    }
    // The censor marks over the published marks: patients still without a response at the
    // end of follow-up are censored where the published value is marked, at its week, and
    // under its diamond the "+ censored" of the legend would point at nothing. Not over the
    // text of a label or of the legend, which stay readable on their paper: a mark whose arms
    // would reach into one is left out.
    let tick = style.offset(5);
    let on_text = |at: (i32, i32)| {
        labels.iter().chain(&legend_box).any(|&b| {
            b[0] - tick <= at.0 && at.0 <= b[2] + tick && b[1] - tick <= at.1 && at.1 <= b[3] + tick
        })
    };
    for arm in &view.curves {
        let Ok(curve) = &arm.curve else { continue };
        let stroke = style.arm(&arm.arm.id).color.stroke_width(style.line_width);
        let shown: Vec<_> = curve
            .censored
            .iter()
            .filter(|m| !on_text(chart.backend_coord(&(m.week, m.probability))))
            .collect();
        chart
            .draw_series(shown.into_iter().map(|m| {
                EmptyElement::at((m.week, m.probability))
                    + PathElement::new(vec![(-tick, 0), (tick, 0)], stroke)
                    + PathElement::new(vec![(0, -tick), (0, tick)], stroke)
            }))
            .map_err(drawing)?;
    }
    if let Some((_, message)) = why_no_curves(view) {
        draw_message(chart.plotting_area(), (horizon * 0.5, 0.5), message, style)?;
    }
    if rows > 0 {
        draw_at_risk(&lower, &chart, &view.risk_table, view.data.as_ref().map(|d| &d.provenance), style)?;
    }
    root.present().map_err(drawing)?;
    Ok(())
}

/// Overlay hook: the curves of the reconstruction ensemble, thin and faint under the main
/// curves, so the reader sees how much the reconstruction's freedom moves them.
pub fn draw_ensemble<DB: ChartBackend>(
    chart: &mut ResponseChart<'_, DB>,
    curves: &[EnsembleCurve],
    style: &ChartStyle,
) -> Result<(), ChartError> {
    // Members share most of their steps (responses fall on the same visits), and a step drawn
    // once per member would add up to a solid line. Each distinct step of an arm is drawn
    // once: a member adds only the runs of its steps that no member before it drew.
    // A plain list, searched in order: a few hundred distinct steps, and no set type to ship.
    let mut drawn: Vec<(&str, [u64; 4])> = Vec::new();
    for c in curves {
        let arm = style.arm(&c.arm);
        let mut run: Vec<(f64, f64)> = Vec::new();
        for pair in step_points(&c.steps).windows(2) {
            let [(x0, y0), (x1, y1)] = [pair[0], pair[1]];
            let step = (c.arm.as_str(), [x0, y0, x1, y1].map(f64::to_bits));
            if !drawn.contains(&step) {
                drawn.push(step);
                if run.is_empty() {
                    run.push((x0, y0));
                }
                run.push((x1, y1));
            } else if !run.is_empty() {
                draw_arm_line(
                    chart.plotting_area(),
                    std::mem::take(&mut run),
                    &arm,
                    style.thin_line(),
                    style.ensemble_opacity(),
                )?;
            }
        }
        if !run.is_empty() {
            draw_arm_line(chart.plotting_area(), run, &arm, style.thin_line(), style.ensemble_opacity())?;
        }
    }
    Ok(())
}

/// Tick marks and labels at `weeks` under the x axis.
fn draw_week_ticks<DB: ChartBackend>(
    area: &DrawingArea<DB, Shift>,
    chart: &ResponseChart<'_, DB>,
    weeks: &[f64],
    style: &ChartStyle,
) -> Result<(), ChartError> {
    let base = area.get_base_pixel();
    let font = style.font(13).pos(Pos::new(HPos::Center, VPos::Top));
    let ink = style.ink().stroke_width(1);
    for &week in weeks {
        let (x, y) = chart.backend_coord(&(week, 0.0));
        let (x, y) = (x - base.0, y - base.1);
        area.draw(&PathElement::new(vec![(x, y), (x, y + style.offset(5))], ink)).map_err(drawing)?;
        area.draw(&Text::new(format!("{week:.0}"), (x, y + style.offset(8)), font.clone()))
            .map_err(drawing)?;
    }
    Ok(())
}

/// The band as one step-shaped polygon: upper limits forward, lower limits back.
fn draw_band<DB: ChartBackend>(
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

/// Whether the legend, in the plot's top-left corner of `framed` (drawn in `upper`), would
/// cover a curve, its band, a curve of the range or a marked value. Cumulative curves start low, so the
/// corner is usually empty; but on a wide, short drawing (a 16:9 projector) the legend's rows
/// take a larger share of the height and reach the bands, and it goes above the plot instead.
fn legend_covers_data<DB: ChartBackend>(
    legend: &Legend,
    (upper, framed): (&DrawingArea<DB, Shift>, &DrawingArea<DB, Shift>),
    view: &ResponseView,
    style: &ChartStyle,
) -> bool {
    let (width, height) = framed.dim_in_pixel();
    let (plot_width, plot_height) =
        (width.saturating_sub(style.px(Y_LABEL_AREA)), height.saturating_sub(style.px(X_LABEL_AREA)));
    if plot_width == 0 || plot_height == 0 || view.horizon_weeks == 0 {
        return false;
    }
    let base = framed.get_base_pixel();
    let (reach_x, reach_y) =
        legend.corner_reach(upper, (base.0 + style.px(Y_LABEL_AREA) as i32, base.1), style);
    // The region covered, in weeks and probability: from week 0 and the top of the axis.
    let right = f64::from(reach_x) / f64::from(plot_width) * f64::from(view.horizon_weeks);
    let bottom = 1.0 - f64::from(reach_y) / f64::from(plot_height);
    // A step at `week` holds its value until the next: it is under the legend when it starts
    // left of the legend's edge higher than its bottom.
    let under = |week: f64, value: f64| week < right && value > bottom;
    let curves = view.curves.iter().filter_map(|c| c.curve.as_ref().ok());
    curves.flat_map(|c| &c.steps).any(|s| under(s.week, s.upper.unwrap_or(s.probability)))
        || view.ensemble.iter().flat_map(|c| &c.steps).any(|&(week, p)| under(week, p))
        // A value imported at an early visit is marked where the legend would be (its label
        // keeps off the legend on its own: see the labels' cost).
        || view.marks_in_view().any(|m| under(m.week, m.probability))
}

/// The legend: each arm with where its curve comes from (or why there is none), and notes on
/// the marks drawn.
fn legend(view: &ResponseView) -> Legend {
    let entries = view
        .curves
        .iter()
        .map(|arm| {
            let mark = view.published_marks.iter().find(|m| m.arm.id == arm.arm.id);
            let label = match (&arm.curve, &view.data, mark) {
                (Ok(_), Some(data), _) => format!("{} ({})", arm.arm.label, data.describe()),
                (_, _, Some(mark)) => {
                    format!("{}: {} value only", arm.arm.label, mark.shown.provenance.label())
                }
                _ => format!("{}: not reported", arm.arm.label),
            };
            (arm.arm.id.clone(), label)
        })
        .collect();
    let mut notes = Vec::new();
    if view.curves.iter().any(|c| c.curve.as_ref().is_ok_and(|c| !c.censored.is_empty())) {
        notes.push("+ censored".to_string());
    }
    let marked = || view.marks_in_view();
    // The assumed week is said of the values it applies to: a value given at a visit is drawn
    // there ("◇ reported value (week 96 assumed); imported value at its visit").
    let assumed = || marked().filter(|m| m.week_assumed);
    let at_visit = || marked().filter(|m| !m.week_assumed);
    let kinds =
        |marks: &mut dyn Iterator<Item = &PublishedMark>| kinds_named(marks.map(|m| &m.shown.provenance));
    let mut said = Vec::new();
    if let Some(first) = assumed().next() {
        said.push(format!("{} value (week {} assumed)", kinds(&mut assumed()), first.week));
    }
    if at_visit().next().is_some() {
        let where_ = if said.is_empty() { "" } else { " at its visit" };
        said.push(format!("{} value{where_}", kinds(&mut at_visit())));
    }
    if !said.is_empty() {
        notes.push(format!("◇ {}", said.join("; ")));
    }
    if !view.ensemble.is_empty() {
        // What the range is, said where it is drawn: not only in the walkthrough's step.
        // A plain search: a few dozen members, and no sort to ship for it.
        let mut members: Vec<&str> = Vec::new();
        for c in &view.ensemble {
            if !members.contains(&c.dataset.as_str()) {
                members.push(&c.dataset);
            }
        }
        let (n, s) = (members.len(), if members.len() == 1 { "" } else { "s" });
        notes.push(format!("faint lines: {n} other reconstruction{s}, each matching every published number"));
    }
    Legend { entries, notes }
}
