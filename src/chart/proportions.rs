//! Responders by a chosen week: each arm's proportion as a point with its Wilson interval,
//! the count written beside it, and a published (or derived) count marked where the bar comes from
//! other data.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::error::{drawing, ChartError};
use super::frame::{titled, MARGIN};
use super::marks::MarkLabel;
use super::style::ChartStyle;
use super::svg::ChartBackend;
use crate::explore::{CountSource, ProportionsView};

/// The caption: the week, the level and where the counts come from.
pub fn proportions_caption(view: &ProportionsView) -> String {
    let week = view.visit.as_ref().map_or("the chosen week".to_string(), |v| v.label.clone());
    let from = match &view.source {
        Some(CountSource::Patients(data)) => format!(" from {}", data.describe()),
        Some(CountSource::BundleCounts) => " from counts derived from the published percentages".to_string(),
        None => ", none drawn".to_string(),
    };
    format!("Responders by {week} ({} Wilson CI){from}", view.ci_level.label())
}

/// Draw `view` on `root` in `style`.
pub fn draw_proportions<DB: ChartBackend>(
    root: &DrawingArea<DB, Shift>,
    view: &ProportionsView,
    style: &ChartStyle,
) -> Result<(), ChartError> {
    root.fill(&style.paper()).map_err(drawing)?;
    let n = view.arms.len().max(1) as f64;
    let framed = titled(root, (&proportions_caption(view), 16), MARGIN, style)?;
    let mut chart = ChartBuilder::on(&framed)
        .x_label_area_size(style.px(40))
        .y_label_area_size(style.px(56))
        .build_cartesian_2d(0.0..n, 0.0..1.1)
        .map_err(drawing)?;
    let value_labels = style.value_labels(chart.plotting_area().dim_in_pixel().1, 13);
    style
        .axes(&mut chart.configure_mesh(), 13)
        .x_labels(0)
        .y_labels(value_labels)
        .disable_x_mesh()
        .y_desc("Proportion responded")
        .y_label_formatter(&|p: &f64| if *p <= 1.0 { format!("{:.0}%", 100.0 * p) } else { String::new() })
        .draw()
        .map_err(drawing)?;
    let base = root.get_base_pixel();
    for (i, arm) in view.arms.iter().enumerate() {
        let arm_style = style.arm(&arm.arm.id);
        let x = i as f64 + 0.5;
        let (px, py) = chart.backend_coord(&(x, 0.0));
        root.draw(&Text::new(
            arm.arm.label.clone(),
            (px - base.0, py - base.1 + style.offset(8)),
            style.font_in(13, arm_style.text).pos(Pos::new(HPos::Center, VPos::Top)),
        ))
        .map_err(drawing)?;
        match &arm.proportion {
            Ok(p) => {
                // A point and its interval in the arm's colour, as in a forest plot: a bar
                // would hide a black interval on the placebo arm.
                if let Some((l, h)) = p.interval {
                    let whiskers = [
                        vec![(x, l), (x, h)],
                        vec![(x - 0.06, l), (x + 0.06, l)],
                        vec![(x - 0.06, h), (x + 0.06, h)],
                    ];
                    chart
                        .draw_series(whiskers.into_iter().map(|points| {
                            PathElement::new(points, arm_style.color.stroke_width(style.line_width))
                        }))
                        .map_err(drawing)?;
                }
                chart
                    .draw_series(std::iter::once(Circle::new(
                        (x, p.value),
                        style.px(6),
                        arm_style.color.filled(),
                    )))
                    .map_err(drawing)?;
                let text = arm.count.as_ref().map_or_else(|_| String::new(), |c| c.fraction());
                chart
                    .draw_series(std::iter::once(Text::new(
                        text,
                        (x + 0.1, p.value),
                        style.font(13).pos(Pos::new(HPos::Left, VPos::Center)),
                    )))
                    .map_err(drawing)?;
            }
            Err(_) => {
                chart
                    .draw_series(std::iter::once(Text::new(
                        "not available",
                        (x, 0.05),
                        style.font(13).pos(Pos::new(HPos::Center, VPos::Bottom)),
                    )))
                    .map_err(drawing)?;
            }
        }
        if let Some(published) = &arm.published {
            // The published count beside a count from data, drawn where its proportion lies.
            let label = published.shown.text.clone();
            let mark = MarkLabel::new(&chart, (x, published.value), 6, label, style);
            mark.draw(&mut chart, 0, &arm_style, false, style)?;
        }
    }
    root.present().map_err(drawing)?;
    Ok(())
}
