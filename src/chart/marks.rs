//! The diamond that marks a published (or derived) value on a chart, with its label to the
//! left, drawn the same way on every chart so a reader learns it once.

use plotters::coord::types::RangedCoordf64;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::error::{drawing, ChartError};
use super::palette::ArmStyle;
use super::style::ChartStyle;

/// What a label nearer another mark than its own costs in [`choose_sides`], and twice that on
/// another label or out of the plot; far above what covering a curve costs, so a label covers
/// data before it misleads or leaves the plot.
pub(crate) const PENALTY: u32 = 100_000;

/// A box in the drawing's pixels: left, top, right, bottom.
pub(crate) type PixelBox = [i32; 4];

/// Where a mark's label goes: left of the diamond, above it, below it, left of it a line
/// higher or lower, or right of it (a value early in the plot, where the left is the axis),
/// whichever covers least (see [`MarkLabel::boxes`]).
#[derive(Clone, Copy, Debug, PartialEq)]
enum Side {
    Left,
    Above,
    Below,
    UpperLeft,
    LowerLeft,
    Right,
}

/// How many sides a label may take.
pub(crate) const SIDE_COUNT: usize = 6;

/// The sides in the order they are preferred on a tie.
const SIDES: [Side; SIDE_COUNT] =
    [Side::Left, Side::Above, Side::Below, Side::UpperLeft, Side::LowerLeft, Side::Right];

/// A mark's diamond and label, measured: for choosing the label's side before drawing it.
pub(crate) struct MarkLabel {
    at: (f64, f64),
    label: String,
    /// Half the diamond's width, the gap to the label and the label's size, in pixels.
    half: i32,
    gap: i32,
    size: (i32, i32),
    /// The mark's centre in the drawing's pixels.
    centre: (i32, i32),
}

impl MarkLabel {
    /// A diamond of half-width `half` pixels (before scaling) at `at`, labelled `label`.
    pub(crate) fn new<DB: DrawingBackend>(
        chart: &ChartContext<'_, DB, Cartesian2d<RangedCoordf64, RangedCoordf64>>,
        at: (f64, f64),
        half: i32,
        label: String,
        style: &ChartStyle,
    ) -> MarkLabel {
        let font = style.font(12);
        let (width, height) = chart.plotting_area().estimate_text_size(&label, &font).unwrap_or((0, 0));
        MarkLabel {
            at,
            label,
            half: style.offset(half),
            gap: style.offset(3),
            size: (width as i32, height as i32),
            centre: chart.backend_coord(&at),
        }
    }

    /// The label's anchor (its right end, or on the right side its left end) relative to the
    /// mark, its alignment there, and the box it takes with a pixel of paper around it,
    /// relative to the mark too.
    fn place(&self, side: Side, style: &ChartStyle) -> ((i32, i32), Pos, PixelBox) {
        let (half, gap, (width, height)) = (self.half, self.gap, self.size);
        let (anchor, v, top) = match side {
            Side::Left => ((-half - gap, 0), VPos::Center, -height / 2),
            Side::Above => ((half, -half - gap), VPos::Bottom, -half - gap - height),
            Side::Below => ((half, half + gap), VPos::Top, half + gap),
            Side::UpperLeft => ((-half - gap, -height - 2), VPos::Center, -height - 2 - height / 2),
            Side::LowerLeft => ((-half - gap, height + 2), VPos::Center, height + 2 - height / 2),
            Side::Right => ((half + gap, 0), VPos::Center, -height / 2),
        };
        if side == Side::Right {
            let b = [anchor.0 - 1, top - 1, anchor.0 + width + style.offset(2), top + height + 1];
            return (anchor, Pos::new(HPos::Left, v), b);
        }
        (
            anchor,
            Pos::new(HPos::Right, v),
            [anchor.0 - width - style.offset(2), top - 1, anchor.0 + 1, top + height + 1],
        )
    }

    /// The end of the label on side `side` that points at its mark: its right end, or on the
    /// right side its left end.
    fn pointing_end(side: usize, b: PixelBox) -> i32 {
        if SIDES[side] == Side::Right {
            b[0]
        } else {
            b[2]
        }
    }

    /// The box the label would take on each side, in the drawing's pixels, in the order of
    /// preference: the caller scores what a reader would lose under each (the curve the value
    /// belongs to, another label) and picks one by its index.
    pub(crate) fn boxes(&self, style: &ChartStyle) -> [PixelBox; SIDE_COUNT] {
        let (x, y) = self.centre;
        SIDES.map(|side| {
            let b = self.place(side, style).2;
            [b[0] + x, b[1] + y, b[2] + x, b[3] + y]
        })
    }

    /// Draw the diamond in the arm's colour with its label on side `side` (an index into
    /// [`MarkLabel::boxes`]). With `hollow` the inside is painted in the paper colour so a
    /// curve behind it does not show through; without it a data point at the same place stays
    /// visible inside the diamond. Returns the box the label took.
    pub(crate) fn draw<DB: DrawingBackend>(
        self,
        chart: &mut ChartContext<'_, DB, Cartesian2d<RangedCoordf64, RangedCoordf64>>,
        side: usize,
        arm: &ArmStyle,
        hollow: bool,
        style: &ChartStyle,
    ) -> Result<PixelBox, ChartError> {
        let taken = self.boxes(style)[side];
        let (anchor, pos, [left, top, right, bottom]) = self.place(SIDES[side], style);
        let half = self.half;
        let corners = vec![(0, -half), (half, 0), (0, half), (-half, 0)];
        let paper = style.paper();
        let fill = if hollow { paper.filled() } else { paper.mix(0.0).filled() };
        let mut outline = corners.clone();
        outline.push((0, -half));
        // Paper behind the label, so curves and ensemble lines passing under it do not cross it.
        let backdrop = [(left, top), (right, bottom)];
        chart
            .draw_series(std::iter::once(
                EmptyElement::at(self.at)
                    + Rectangle::new(backdrop, paper.mix(0.85).filled())
                    + Polygon::new(corners, fill)
                    + PathElement::new(outline, arm.color.stroke_width(style.line_width))
                    + Text::new(self.label, anchor, style.font_in(12, arm.text).pos(pos)),
            ))
            .map_err(drawing)?;
        Ok(taken)
    }

    /// Draw the diamond alone, hollow, for a chart with no room for the labels (its values are
    /// in the chart's table).
    pub(crate) fn draw_unlabelled<DB: DrawingBackend>(
        &self,
        chart: &mut ChartContext<'_, DB, Cartesian2d<RangedCoordf64, RangedCoordf64>>,
        arm: &ArmStyle,
        style: &ChartStyle,
    ) -> Result<(), ChartError> {
        let half = self.half;
        let corners = vec![(0, -half), (half, 0), (0, half), (-half, 0), (0, -half)];
        chart
            .draw_series(std::iter::once(
                EmptyElement::at(self.at)
                    + Polygon::new(corners.clone(), style.paper().filled())
                    + PathElement::new(corners, arm.color.stroke_width(style.line_width)),
            ))
            .map_err(drawing)?;
        Ok(())
    }
}

/// For each mark, the side (an index into [`MarkLabel::boxes`]) that together cost least:
/// each box's own `cost`, `penalty` for each label nearer another mark than its own, where a
/// reader might take it for that mark's (its colour still tells), and twice that for each
/// label on another, where neither can be read. Chosen together, so that a label moved off a
/// curve does not take the only place left to the next one; the first of the sides on a tie.
/// A few marks (a response chart's one per arm) have every choice tried; more (a mean per arm
/// and visit) are placed one by one, each where it costs least beside those before it, and
/// then moved one at a time while that lowers the total. Also the total, which reaches
/// `penalty` where no choice keeps every label readable by its own mark.
pub(crate) fn choose_sides(
    marks: &[MarkLabel],
    style: &ChartStyle,
    cost: &dyn Fn(PixelBox) -> u32,
    penalty: u32,
) -> (Vec<usize>, u32) {
    let boxes: Vec<[PixelBox; SIDE_COUNT]> = marks.iter().map(|m| m.boxes(style)).collect();
    let own: Vec<[u32; SIDE_COUNT]> = boxes.iter().map(|b| b.map(cost)).collect();
    // The squared distance from the end of a label that points at its mark to a mark.
    let reach = |side: usize, b: PixelBox, (x, y): (i32, i32)| {
        let (dx, dy) = (i64::from(MarkLabel::pointing_end(side, b) - x), i64::from((b[1] + b[3]) / 2 - y));
        dx * dx + dy * dy
    };
    // The cost of the first `sides.len()` marks' labels on those sides.
    let total = |sides: &[usize]| -> u32 {
        let mut total = sides.iter().enumerate().map(|(i, &s)| own[i][s]).fold(0u32, u32::saturating_add);
        for (i, &side) in sides.iter().enumerate() {
            let b = boxes[i][side];
            for (j, other) in marks.iter().enumerate().take(sides.len()).filter(|&(j, _)| j != i) {
                let on_label = j > i && boxes_overlap(b, boxes[j][sides[j]]);
                let nearer_other = reach(side, b, other.centre) < reach(side, b, marks[i].centre);
                total = total.saturating_add(penalty * (2 * u32::from(on_label) + u32::from(nearer_other)));
            }
        }
        total
    };
    let n = marks.len();
    if n <= 4 {
        let (mut best, mut least) = (vec![0; n], u32::MAX);
        for choice in 0..SIDE_COUNT.pow(n as u32) {
            let sides: Vec<usize> = (0..n).map(|i| choice / SIDE_COUNT.pow(i as u32) % SIDE_COUNT).collect();
            let cost = total(&sides);
            if cost < least {
                (best, least) = (sides, cost);
            }
        }
        return (best, least);
    }
    let mut sides: Vec<usize> = Vec::with_capacity(n);
    for _ in 0..n {
        let side = (0..SIDE_COUNT)
            .min_by_key(|&s| {
                sides.push(s);
                let cost = total(&sides);
                sides.pop();
                cost
            })
            .unwrap_or(0);
        sides.push(side);
    }
    let mut least = total(&sides);
    // Each pass lowers the total, which is finite: the loop ends.
    loop {
        let before = least;
        for i in 0..n {
            for side in 0..SIDE_COUNT {
                let kept = sides[i];
                sides[i] = side;
                let cost = total(&sides);
                if cost < least {
                    least = cost;
                } else {
                    sides[i] = kept;
                }
            }
        }
        if least == before {
            return (sides, least);
        }
    }
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
