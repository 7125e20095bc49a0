//! Arm lines, markers and legend entries, drawn the same way in every chart: the arm's
//! Okabe–Ito colour and its own dash pattern, so colour is never the only cue.

use plotters::coord::CoordTranslate;
use plotters::element::{Drawable, PointCollection};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters_backend::{BackendCoord, DrawingErrorKind};

use super::error::{drawing, ChartError};
use super::palette::ArmStyle;
use super::style::ChartStyle;
use super::svg::ChartBackend;

/// A line through points in an arm's colour and dash pattern: one stroked path, dashed by the
/// backend, rather than one element per dash.
struct ArmPath<Coord> {
    points: Vec<Coord>,
    shape: ShapeStyle,
    dash: Option<(u32, u32)>,
}

impl<'a, Coord> PointCollection<'a, Coord> for &'a ArmPath<Coord> {
    type Point = &'a Coord;
    type IntoIter = &'a [Coord];

    fn point_iter(self) -> &'a [Coord] {
        &self.points
    }
}

impl<Coord, DB: ChartBackend> Drawable<DB> for ArmPath<Coord> {
    fn draw<I: Iterator<Item = BackendCoord>>(
        &self,
        points: I,
        backend: &mut DB,
        _: (u32, u32),
    ) -> Result<(), DrawingErrorKind<DB::ErrorType>> {
        match self.dash {
            None => backend.draw_path(points, &self.shape),
            Some(dash) => backend.draw_dashed_path(&points.collect::<Vec<_>>(), &self.shape, dash),
        }
    }
}

/// Light tint of an arm colour, for confidence bands only.
pub const BAND_ALPHA: f64 = 0.15;

/// A line through `points` in the arm's colour and dash pattern.
pub fn draw_arm_line<DB: ChartBackend, CT: CoordTranslate<From = (f64, f64)>>(
    area: &DrawingArea<DB, CT>,
    points: Vec<(f64, f64)>,
    style: &ArmStyle,
    width: u32,
    alpha: f64,
) -> Result<(), ChartError> {
    let shape = ShapeStyle { color: style.color.mix(alpha), filled: false, stroke_width: width };
    area.draw(&ArmPath { points, shape, dash: style.dash }).map_err(drawing)
}

/// The points of a right-continuous step function through `(x, y)` steps.
pub fn step_points(steps: &[(f64, f64)]) -> Vec<(f64, f64)> {
    let mut points = Vec::with_capacity(steps.len() * 2);
    for (i, &(x, y)) in steps.iter().enumerate() {
        if i > 0 {
            points.push((x, steps[i - 1].1));
        }
        points.push((x, y));
    }
    points
}

/// Length of a legend entry's line sample, and the gap after it, before scaling.
const LEGEND_SAMPLE: i32 = 28;
const LEGEND_GAP: i32 = 6;

/// Where a legend entry's label starts, from the left end of its line sample.
pub fn legend_indent(style: &ChartStyle) -> i32 {
    style.offset(LEGEND_SAMPLE) + style.offset(LEGEND_GAP)
}

/// One legend entry: a short line sample in the arm's style, then its label, at pixel
/// position `(x, y)` of `area` (the line's left end, vertically centred).
pub fn draw_legend_entry<DB: ChartBackend>(
    area: &DrawingArea<DB, plotters::coord::Shift>,
    (x, y): (i32, i32),
    style: &ArmStyle,
    label: &str,
    chart_style: &ChartStyle,
) -> Result<(), ChartError> {
    let shape =
        ShapeStyle { color: style.color.to_rgba(), filled: false, stroke_width: chart_style.line_width };
    let sample = chart_style.offset(LEGEND_SAMPLE);
    let points = vec![(x, y), (x + sample, y)];
    area.draw(&ArmPath { points, shape, dash: style.dash }).map_err(drawing)?;
    area.draw(&Text::new(
        label.to_string(),
        (x + legend_indent(chart_style), y),
        chart_style.font(13).pos(Pos::new(HPos::Left, VPos::Center)),
    ))
    .map_err(drawing)
}
