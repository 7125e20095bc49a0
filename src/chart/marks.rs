//! The diamond that marks a published (or derived) value on a chart, with its label to the
//! left, drawn the same way on every chart so a reader learns it once.

use plotters::coord::types::RangedCoordf64;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::error::{drawing, ChartError};
use super::palette::ArmStyle;
use super::style::ChartStyle;

/// A box in the drawing's pixels: left, top, right, bottom.
pub(crate) type PixelBox = [i32; 4];

/// Where a mark's label goes: left of the diamond, above it, below it, or left of it a line
/// higher or lower, whichever covers least (see [`draw_published_mark`]).
#[derive(Clone, Copy, Debug, PartialEq)]
enum Side {
    Left,
    Above,
    Below,
    UpperLeft,
    LowerLeft,
}

/// Draw a diamond of half-width `half` pixels (before scaling) at `at`, labelled `label`, in
/// the arm's colour. With `hollow` the inside is painted in the paper colour so a curve
/// behind it does not show through; without it a data point at the same place stays
/// visible inside the diamond. The label sits left of the diamond, above it or below it,
/// whichever box (in the drawing's pixels) `cover` scores lowest, the first of them on a tie:
/// the caller scores what a reader would lose under each, such as the curve the value belongs
/// to or another label. Returns the box the label took.
#[allow(clippy::too_many_arguments)]
pub(crate) fn draw_published_mark<DB: DrawingBackend>(
    chart: &mut ChartContext<'_, DB, Cartesian2d<RangedCoordf64, RangedCoordf64>>,
    at: (f64, f64),
    half: i32,
    label: String,
    arm: &ArmStyle,
    hollow: bool,
    style: &ChartStyle,
    cover: &dyn Fn(PixelBox) -> u32,
) -> Result<PixelBox, ChartError> {
    let half = style.offset(half);
    let corners = vec![(0, -half), (half, 0), (0, half), (-half, 0)];
    let paper = style.paper();
    let fill = if hollow { paper.filled() } else { paper.mix(0.0).filled() };
    let mut outline = corners.clone();
    outline.push((0, -half));
    let font = style.font_in(12, arm.text);
    let (width, height) = chart.plotting_area().estimate_text_size(&label, &font).unwrap_or((0, 0));
    let (width, height) = (width as i32, height as i32);
    let gap = style.offset(3);
    // The label's anchor (its right end) relative to the mark, its vertical alignment there,
    // and the box it takes with a pixel of paper around it.
    let place = |side: Side| -> ((i32, i32), VPos, PixelBox) {
        let (anchor, v, top) = match side {
            Side::Left => ((-half - gap, 0), VPos::Center, -height / 2),
            Side::Above => ((half, -half - gap), VPos::Bottom, -half - gap - height),
            Side::Below => ((half, half + gap), VPos::Top, half + gap),
            Side::UpperLeft => ((-half - gap, -height - 2), VPos::Center, -height - 2 - height / 2),
            Side::LowerLeft => ((-half - gap, height + 2), VPos::Center, height + 2 - height / 2),
        };
        (anchor, v, [anchor.0 - width - style.offset(2), top - 1, anchor.0 + 1, top + height + 1])
    };
    let (x, y) = chart.backend_coord(&at);
    let absolute = |b: PixelBox| [b[0] + x, b[1] + y, b[2] + x, b[3] + y];
    let mut side = Side::Left;
    let mut least = cover(absolute(place(side).2));
    for other in [Side::Above, Side::Below, Side::UpperLeft, Side::LowerLeft] {
        let covered = cover(absolute(place(other).2));
        if covered < least {
            (side, least) = (other, covered);
        }
    }
    let (anchor, v, taken) = place(side);
    let [left, top, right, bottom] = taken;
    // Paper behind the label, so curves and ensemble lines passing under it do not cross it.
    let backdrop = [(left, top), (right, bottom)];
    chart
        .draw_series(std::iter::once(
            EmptyElement::at(at)
                + Rectangle::new(backdrop, paper.mix(0.85).filled())
                + Polygon::new(corners, fill)
                + PathElement::new(outline, arm.color.stroke_width(style.line_width))
                + Text::new(label, anchor, font.pos(Pos::new(HPos::Right, v))),
        ))
        .map_err(drawing)?;
    Ok(absolute(taken))
}

/// Whether two boxes share any pixel.
pub(crate) fn boxes_overlap(a: PixelBox, b: PixelBox) -> bool {
    a[0] <= b[2] && a[2] >= b[0] && a[1] <= b[3] && a[3] >= b[1]
}

/// How much a step hidden under a label weighs against a jump hidden as long.
const STEP_WEIGHT: u32 = 10;

/// What a label in `area` costs the axis-parallel segment from `a` to `b` (drawing pixels):
/// its pixels under the label, a step's counted [`STEP_WEIGHT`] times over. A label may sit on
/// part of a curve's jump, whose ends still show where the curve was and went, rather than
/// along a step, which hides the curve's level.
pub(crate) fn covering_cost((a, b): ((i32, i32), (i32, i32)), area: PixelBox) -> u32 {
    let [left, top, right, bottom] = area;
    let overlap = |(from, to): (i32, i32), (low, high): (i32, i32)| (to.min(high) - from.max(low)).max(0);
    let (xs, ys) = ((a.0.min(b.0), a.0.max(b.0)), (a.1.min(b.1), a.1.max(b.1)));
    if !boxes_overlap([xs.0, ys.0, xs.1, ys.1], area) {
        0
    } else if ys.0 == ys.1 {
        // Along a step: the part of it under the label (at least a pixel where it touches).
        STEP_WEIGHT * overlap(xs, (left, right)).max(1) as u32
    } else {
        overlap(ys, (top, bottom)).max(1) as u32
    }
}
