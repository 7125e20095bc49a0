//! The diamond that marks a published (or derived) value on a chart, with its label to the
//! left, drawn the same way on every chart so a reader learns it once.

use plotters::coord::types::RangedCoordf64;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::error::{drawing, ChartError};
use super::palette::ArmStyle;
use super::style::ChartStyle;

/// Draw a diamond of half-width `half` pixels (before scaling) at `at`, labelled `label`, in
/// the arm's colour. With `hollow` the inside is painted in the paper colour so a curve
/// behind it does not show through; without it a data point at the same place stays
/// visible inside the diamond.
pub(crate) fn draw_published_mark<DB: DrawingBackend>(
    chart: &mut ChartContext<'_, DB, Cartesian2d<RangedCoordf64, RangedCoordf64>>,
    at: (f64, f64),
    half: i32,
    label: String,
    arm: &ArmStyle,
    hollow: bool,
    style: &ChartStyle,
) -> Result<(), ChartError> {
    let half = style.offset(half);
    let corners = vec![(0, -half), (half, 0), (0, half), (-half, 0)];
    let paper = style.paper();
    let fill = if hollow { paper.filled() } else { paper.mix(0.0).filled() };
    let mut outline = corners.clone();
    outline.push((0, -half));
    let font = style.font_in(12, arm.text).pos(Pos::new(HPos::Right, VPos::Center));
    // Paper behind the label, so curves and ensemble lines passing under it do not cross it.
    let (width, height) = chart.plotting_area().estimate_text_size(&label, &font).unwrap_or((0, 0));
    let (width, height) = (width as i32, height as i32);
    let right = -half - style.offset(3);
    let backdrop = [(right - width - style.offset(2), -height / 2 - 1), (right + 1, height / 2 + 1)];
    chart
        .draw_series(std::iter::once(
            EmptyElement::at(at)
                + Rectangle::new(backdrop, paper.mix(0.85).filled())
                + Polygon::new(corners, fill)
                + PathElement::new(outline, arm.color.stroke_width(style.line_width))
                + Text::new(label, (right, 0), font),
        ))
        .map_err(drawing)?;
    Ok(())
}
