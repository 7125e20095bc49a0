//! CD4, CD8 or ratio by visit: each arm's mean with its t interval as an error bar, arms
//! dodged sideways so their bars do not overlap, joined across visits in the arm's style.

use plotters::coord::types::RangedCoordf64;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::error::{drawing, ChartError};
use super::frame::{draw_message, titled, MARGIN};
use super::legend::{kinds_named, Legend, Placement};
use super::lines::draw_arm_line;
use super::marks::{boxes_overlap, choose_sides, MarkLabel, PixelBox, PENALTY};
use super::style::ChartStyle;
use super::svg::ChartBackend;
use crate::explore::estimate::format_number;
use crate::explore::ContinuousView;

/// The means chart's drawing context.
type MeansChart<'a, DB> = ChartContext<'a, DB, Cartesian2d<RangedCoordf64, RangedCoordf64>>;

/// One mean drawn: position (visit week plus the arm's offset) and interval.
#[derive(Clone, Copy)]
struct MeanPoint {
    x: f64,
    y: f64,
    interval: Option<(f64, f64)>,
}

/// Sideways offset between arms at one visit, in weeks.
const DODGE_WEEKS: f64 = 1.6;

/// The caption: the quantity, the level and where the numbers come from.
pub fn means_caption(view: &ContinuousView) -> String {
    let what = if view.change_from_baseline { "change from baseline" } else { "mean" };
    let unit = view.unit.as_ref().map_or(String::new(), |u| format!(", {u}"));
    let level = view.ci_level.label();
    match &view.data {
        Some(data) if has_points(view) => {
            format!("{}: {what} ({level} CI{unit}) from {}", view.label, data.describe())
        }
        _ if has_marks(view) => format!("{}: {what}{unit} as the bundle gives it", view.label),
        _ => format!("{}: {what} ({level} CI{unit}), none drawn", view.label),
    }
}

fn has_points(view: &ContinuousView) -> bool {
    view.arms.iter().flat_map(|a| &a.points).any(|p| p.summary.is_ok())
}

/// Whether anything is drawn: a mean computed here, or one the bundle gives.
fn has_marks(view: &ContinuousView) -> bool {
    has_points(view) || view.given.iter().any(|g| g.mean.is_some())
}

/// Why no mean is drawn, in the view's own words (hidden in reported-only mode, or no
/// patient-level data), so the chart never gives a reason the view does not; or that no arm
/// or no visit is chosen.
fn nothing_drawn(view: &ContinuousView) -> String {
    let reason = view.arms.iter().flat_map(|a| &a.points).find_map(|p| p.summary.as_ref().err());
    let nothing_chosen = if view.arms.is_empty() { "no arm is shown" } else { "no visit is shown" };
    format!("No means: {}", reason.map_or(nothing_chosen, String::as_str))
}

/// The legend: each arm with where its means come from.
fn legend(view: &ContinuousView) -> Legend {
    let entries = view
        .arms
        .iter()
        .map(|series| {
            let label = match &view.data {
                Some(data) if series.points.iter().any(|p| p.summary.is_ok()) => {
                    format!("{} ({})", series.arm.label, data.describe())
                }
                _ => format!("{}: no values", series.arm.label),
            };
            (series.arm.id.clone(), label)
        })
        .collect();
    // The values are in the view's table, where the diamonds have no room for labels too.
    let drawn = || view.given.iter().filter(|g| g.mean.is_some());
    let notes = match drawn().next() {
        Some(_) => {
            vec![format!("◇ {} mean; values in the table", kinds_named(drawn().map(|g| &g.shown.provenance)))]
        }
        None => Vec::new(),
    };
    Legend { entries, notes }
}

/// Draw `view` on `root` in `style`.
pub fn draw_means<DB: ChartBackend>(
    root: &DrawingArea<DB, Shift>,
    view: &ContinuousView,
    style: &ChartStyle,
) -> Result<(), ChartError> {
    root.fill(&style.paper()).map_err(drawing)?;
    let points = view.arms.iter().flat_map(|a| &a.points);
    let weeks: Vec<f64> = view
        .arms
        .first()
        .map(|a| a.points.iter().map(|p| f64::from(p.visit.week)).collect())
        .unwrap_or_default();
    let (mut low, mut high) = (f64::INFINITY, f64::NEG_INFINITY);
    for s in points.filter_map(|p| p.summary.as_ref().ok()) {
        let (l, h) = s.mean.interval.unwrap_or((s.mean.value, s.mean.value));
        low = low.min(l);
        high = high.max(h);
    }
    for (mean, _) in view.given.iter().filter_map(|g| g.mean.as_ref()) {
        (low, high) = (low.min(*mean), high.max(*mean));
    }
    // Nothing to scale by; or, against a value the validation let past, no infinite axis
    // (plotters' tick search would never end on one).
    if !(low.is_finite() && high.is_finite()) {
        (low, high) = (0.0, 1.0);
    }
    if view.change_from_baseline {
        (low, high) = (low.min(0.0), high.max(0.0));
    }
    // A value alone (a given mean, no interval) has no spread to scale the axis by: a tenth of
    // its size either side instead.
    let pad = if high > low { (high - low) * 0.12 } else { 0.1 * high.abs() }.max(1e-3);
    let (x0, x1) = match (weeks.first(), weeks.last()) {
        (Some(&a), Some(&b)) => (a - 8.0, b + 8.0),
        _ => (0.0, 1.0),
    };
    let framed = titled(root, (&means_caption(view), 16), MARGIN, style)?;
    let legend = legend(view);
    let (strip, plot) = legend.place(&framed, Placement::Above, root.dim_in_pixel().0, style);
    let mut chart = ChartBuilder::on(&plot)
        .x_label_area_size(style.px(40))
        .y_label_area_size(style.px(64))
        .build_cartesian_2d(x0..x1, (low - pad)..(high + pad))
        .map_err(drawing)?;
    // With nothing drawn the value axis has no scale to show.
    let value_labels =
        if has_marks(view) { style.value_labels(chart.plotting_area().dim_in_pixel().1, 13) } else { 0 };
    // No sign on a tick that rounds to zero (`format_number`).
    let decimals = tick_decimals((low - pad)..(high + pad), value_labels);
    style
        .axes(&mut chart.configure_mesh(), 13)
        .x_labels(0)
        .x_desc("Weeks since baseline")
        .y_desc(view.unit.clone().unwrap_or_else(|| view.label.clone()))
        .y_labels(value_labels)
        .y_label_formatter(&|v: &f64| format_number(*v, decimals))
        .draw()
        .map_err(drawing)?;
    let base = root.get_base_pixel();
    let tick = style.font(13).pos(Pos::new(HPos::Center, VPos::Top));
    let visits = view.arms.first().map(|a| a.points.as_slice()).unwrap_or_default();
    let at: Vec<(i32, i32)> =
        visits.iter().map(|p| chart.backend_coord(&(f64::from(p.visit.week), low - pad))).collect();
    // Visit names where they fit side by side ("Week 48"), else the week alone under the axis
    // title "Weeks since baseline" (a narrow drawing with many visits).
    let widest =
        visits.iter().map(|p| root.estimate_text_size(&p.visit.label, &tick).map_or(0, |(w, _)| w)).max();
    let named =
        at.windows(2).all(|pair| pair[1].0 - pair[0].0 > widest.unwrap_or(0) as i32 + style.offset(6));
    for (p, (x, y)) in visits.iter().zip(at) {
        let label = if named { p.visit.label.clone() } else { p.visit.week.to_string() };
        root.draw(&Text::new(label, (x - base.0, y - base.1 + style.offset(8)), tick.clone()))
            .map_err(drawing)?;
    }
    if view.change_from_baseline {
        chart
            .draw_series(std::iter::once(PathElement::new(vec![(x0, 0.0), (x1, 0.0)], style.ink().mix(0.4))))
            .map_err(drawing)?;
    }
    let k = view.arms.len() as f64;
    let dodge = |i: usize| (i as f64 - (k - 1.0) / 2.0) * DODGE_WEEKS;
    // Where the computed means and their intervals are, for the given means' labels to keep off.
    let mut computed: Vec<PixelBox> = Vec::new();
    for (i, series) in view.arms.iter().enumerate() {
        let arm = style.arm(&series.arm.id);
        let dodge = dodge(i);
        let drawn: Vec<MeanPoint> = series
            .points
            .iter()
            .filter_map(|p| {
                let s = p.summary.as_ref().ok()?;
                Some(MeanPoint {
                    x: f64::from(p.visit.week) + dodge,
                    y: s.mean.value,
                    interval: s.mean.interval,
                })
            })
            .collect();
        if drawn.len() > 1 {
            let line = drawn.iter().map(|p| (p.x, p.y)).collect();
            draw_arm_line(chart.plotting_area(), line, &arm, style.line_width, 1.0)?;
        }
        for &MeanPoint { x, y, interval } in &drawn {
            let (px, py) = chart.backend_coord(&(x, y));
            let r = style.offset(5);
            computed.push([px - r, py - r, px + r, py + r]);
            if let Some((l, h)) = interval {
                let ((_, bottom), (_, top)) = (chart.backend_coord(&(x, l)), chart.backend_coord(&(x, h)));
                computed.push([px - r, top, px + r, bottom]);
                let bar = [
                    vec![(x, l), (x, h)],
                    vec![(x - 0.6, l), (x + 0.6, l)],
                    vec![(x - 0.6, h), (x + 0.6, h)],
                ];
                chart
                    .draw_series(
                        bar.into_iter()
                            .map(|points| PathElement::new(points, arm.color.stroke_width(style.line_width))),
                    )
                    .map_err(drawing)?;
            }
            chart
                .draw_series(std::iter::once(Circle::new((x, y), style.px(4), arm.color.filled())))
                .map_err(drawing)?;
        }
    }
    draw_given(&mut chart, view, &dodge, &computed, style)?;
    if !has_marks(view) {
        draw_message(
            chart.plotting_area(),
            ((x0 + x1) / 2.0, (low + high) / 2.0),
            &nothing_drawn(view),
            style,
        )?;
    }
    legend.draw(strip.as_ref(), root, chart.backend_coord(&(x0, high + pad)), style)?;
    root.present().map_err(drawing)?;
    Ok(())
}

/// The means the bundle gives (a reader's values digitised from the paper), each a diamond
/// beside the arm's computed mean, labelled with its kind and value, the labels placed
/// together so none covers another, sits by another's diamond, or covers a mean or interval
/// computed here (`computed`, in the drawing's pixels).
fn draw_given<DB: ChartBackend>(
    chart: &mut MeansChart<'_, DB>,
    view: &ContinuousView,
    dodge: &dyn Fn(usize) -> f64,
    computed: &[PixelBox],
    style: &ChartStyle,
) -> Result<(), ChartError> {
    let mut marks = Vec::new();
    let mut arms = Vec::new();
    for g in &view.given {
        let (Some((mean, text)), Some(i)) = (&g.mean, view.arms.iter().position(|a| a.arm.id == g.arm.id))
        else {
            continue;
        };
        let at = (f64::from(g.visit.week) + dodge(i), *mean);
        let label = format!("{} {text}", g.shown.provenance.label());
        marks.push(MarkLabel::new(chart, at, 6, label, style));
        arms.push(g.arm.id.as_str());
    }
    let (plot_x, plot_y) = chart.plotting_area().get_pixel_range();
    let cost = |b: PixelBox| {
        let past_right = b[2] > plot_x.end + style.offset(12);
        let outside = b[0] < plot_x.start || past_right || b[1] < plot_y.start || b[3] > plot_y.end;
        let on_computed = computed.iter().any(|&c| boxes_overlap(c, b));
        2 * PENALTY * u32::from(outside) + PENALTY * u32::from(on_computed)
    };
    let (sides, cost) = choose_sides(&marks, style, &cost, PENALTY);
    // Where the labels cannot all be read by their own diamonds (several arms' values close
    // at one visit), the diamonds go unlabelled and the legend sends the reader to the table.
    let labelled = cost < PENALTY;
    for ((mark, arm), side) in marks.into_iter().zip(arms).zip(sides) {
        if labelled {
            mark.draw(chart, side, &style.arm(arm), false, style)?;
        } else {
            mark.draw_unlabelled(chart, &style.arm(arm), style)?;
        }
    }
    Ok(())
}

/// The fewest decimals, at most four, that write each tick of a value axis over `range` with
/// `labels` labels exactly: plotters places them at round steps (a tenth, a fifth or a half of
/// a power of ten, fewer when the plot is short), so a ratio's changes read 0.01, 0.02, not
/// 0.010, 0.020.
fn tick_decimals(range: std::ops::Range<f64>, labels: usize) -> usize {
    let ticks = RangedCoordf64::from(range).key_points(labels.max(2));
    (0..4)
        .find(|&decimals| {
            let scale = 10f64.powi(decimals);
            ticks.iter().all(|t| ((t * scale).round() - t * scale).abs() < 1e-6)
        })
        .map_or(4, |d| d as usize)
}
