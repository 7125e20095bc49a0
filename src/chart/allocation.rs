//! Planned patients per arm as a bar chart, the first chart a reader sees.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::error::{drawing, ChartError};
use super::frame::{titled, MARGIN};
use super::style::ChartStyle;
use crate::explore::ArmRow;

/// Draw one bar per arm with its planned size written above it. Every size not stated in a
/// published source (derived, or of any other provenance) is marked "≈", so the chart, too,
/// shows it is not published; `Overview::allocation_caption` says where each comes from.
pub fn draw_allocation<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    arms: &[ArmRow],
    style: &ChartStyle,
) -> Result<(), ChartError> {
    root.fill(&style.paper()).map_err(drawing)?;
    let y_max = arms.iter().map(|a| a.planned).max().unwrap_or(1).max(1) as f64 * 1.25;
    let n = arms.len().max(1) as f64;
    let framed = titled(root, ("Planned patients per arm", 20), MARGIN, style)?;
    let mut chart = ChartBuilder::on(&framed)
        .x_label_area_size(style.px(40))
        .y_label_area_size(style.px(48))
        .build_cartesian_2d(0.0..n, 0.0..y_max)
        .map_err(drawing)?;
    let label_of = |x: &f64| {
        let i = x.floor() as usize;
        if (x - x.floor() - 0.5).abs() < 1e-9 {
            arms.get(i).map(|a| a.label.clone()).unwrap_or_default()
        } else {
            String::new()
        }
    };
    style
        .axes(&mut chart.configure_mesh(), 15)
        .disable_x_mesh()
        .x_labels(arms.len() * 2 + 1)
        .x_label_formatter(&label_of)
        .y_desc("patients")
        .y_label_formatter(&|v: &f64| format!("{v:.0}"))
        .draw()
        .map_err(drawing)?;
    for (i, arm) in arms.iter().enumerate() {
        let arm_style = style.arm(&arm.id);
        let x0 = i as f64 + 0.2;
        let x1 = i as f64 + 0.8;
        let h = arm.planned as f64;
        chart
            .draw_series(std::iter::once(Rectangle::new(
                [(x0, 0.0), (x1, h)],
                arm_style.color.mix(0.85).filled(),
            )))
            .map_err(drawing)?;
        let marker = if arm.planned_n.provenance.is_reported() { "" } else { "≈" };
        let label = format!("{marker}{}", arm.planned_n.text);
        chart
            .draw_series(std::iter::once(Text::new(
                label,
                (i as f64 + 0.42, h + y_max * 0.08),
                style.font(16),
            )))
            .map_err(drawing)?;
    }
    root.present().map_err(drawing)?;
    Ok(())
}
