//! The diamond that marks a published (or derived) value on a chart, with its label to the
//! left, drawn the same way on every chart so a reader learns it once.

use plotters::coord::types::RangedCoordf64;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::error::{drawing, ChartError};

/// Draw a diamond of half-width `half` pixels at `at`, labelled `label`, in `color`. With
/// `hollow` the inside is painted white so a curve behind it does not show through; without
/// it a data point at the same place stays visible inside the diamond.
pub(crate) fn draw_published_mark<DB: DrawingBackend>(
    chart: &mut ChartContext<'_, DB, Cartesian2d<RangedCoordf64, RangedCoordf64>>,
    at: (f64, f64),
    half: i32,
    label: String,
    color: RGBColor,
    hollow: bool,
) -> Result<(), ChartError> {
    let corners = vec![(0, -half), (half, 0), (0, half), (-half, 0)];
    let fill = if hollow { WHITE.filled() } else { WHITE.mix(0.0).filled() };
    let mut outline = corners.clone();
    outline.push((0, -half));
    chart
        .draw_series(std::iter::once(
            EmptyElement::at(at)
                + Polygon::new(corners, fill)
                + PathElement::new(outline, color.stroke_width(2))
                + Text::new(
                    label,
                    (-10, 0),
                    ("sans-serif", 12).into_font().color(&color).pos(Pos::new(HPos::Right, VPos::Center)),
                ),
        ))
        .map_err(drawing)?;
    Ok(())
}
