//! A chart's legend: each arm with a line sample in its style and where its values come from,
//! then notes on the chart's marks, wrapped where a label is too long. Either in the plot's
//! top-left corner, one arm per row on a paper backdrop so that lines passing under it never
//! cross its text, or in a strip above the plot, side by side as the width allows (a narrow
//! drawing has no room in the plot, a chart whose curves reach the corner would have them
//! hidden, and means with intervals leave no empty corner).

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters_backend::BackendCoord;

use super::error::{drawing, ChartError};
use super::frame::{is_narrow, wrap};
use super::lines::{draw_legend_entry, legend_indent};
use super::marks::PixelBox;
use super::style::ChartStyle;
use super::svg::ChartBackend;
use crate::trial::Provenance;

/// Height of a legend row, before scaling.
const ROW: i32 = 17;

/// What a legend says.
pub(crate) struct Legend {
    /// Each arm shown: its id (for its line style) and its label.
    pub entries: Vec<(String, String)>,
    /// Notes on the marks ("+ censored").
    pub notes: Vec<String>,
}

/// The kinds of `provenances`, in their order, once each: "reported", "imported or reported".
/// A legend or caption names what its marks are by them, so an imported value is never called
/// published.
pub(crate) fn kinds_named<'a>(provenances: impl Iterator<Item = &'a Provenance>) -> String {
    let mut kinds: Vec<&str> = Vec::new();
    for kind in provenances.map(Provenance::label) {
        if !kinds.contains(&kind) {
            kinds.push(kind);
        }
    }
    kinds.join(" or ")
}

/// Where a legend goes.
#[derive(Clone, Copy, PartialEq)]
pub(crate) enum Placement {
    /// In the plot's top-left corner on a wide drawing, where cumulative curves start low;
    /// above the plot on a narrow one. A chart whose data reach the corner asks for
    /// [`Placement::Above`] (see [`Legend::corner_reach`]).
    CornerIfWide,
    /// Always above the plot, where it covers no data (means with intervals fill the plot).
    Above,
}

/// Gap between items laid side by side, before scaling.
const GAP: i32 = 18;

/// One item laid out: the arm whose line sample goes before it (none for a note), its text
/// on one or more lines, and its width.
struct Item<'a> {
    arm: Option<&'a str>,
    lines: Vec<String>,
    width: i32,
}

/// A legend laid out in the plot's corner: where its first row starts and its backdrop's
/// corners, in `area`'s pixels, and each item's place.
struct InCorner<'a> {
    origin: (i32, i32),
    items: Vec<Item<'a>>,
    places: Vec<(i32, i32)>,
    backdrop: Option<[(i32, i32); 2]>,
}

impl Legend {
    /// The items, entries then notes, each wrapped to `room` pixels (a long file name must
    /// not run off a phone's drawing).
    fn items<'a, DB: ChartBackend>(
        &'a self,
        area: &DrawingArea<DB, Shift>,
        room: i32,
        style: &ChartStyle,
    ) -> Vec<Item<'a>> {
        let laid_out = |arm: Option<&'a str>, text: &str| {
            let (font, indent) = match arm {
                Some(_) => (style.font(13), legend_indent(style)),
                None => (style.font(12), 0),
            };
            let measure = |t: &str| area.estimate_text_size(t, &font).map_or(0, |(w, _)| w);
            let lines = wrap(text, (room - indent).max(0) as u32, &measure);
            let width = indent + lines.iter().map(|l| measure(l) as i32).max().unwrap_or(0);
            Item { arm, lines, width }
        };
        let entries = self.entries.iter().map(|(id, label)| laid_out(Some(id.as_str()), label));
        entries.chain(self.notes.iter().map(|n| laid_out(None, n))).collect()
    }

    /// Each item's place, `(x, row)`, laid side by side and wrapped at `room`. The first
    /// note, any item of more than one line, and with `stacked` each entry, start a new row;
    /// notes after the first sit side by side as the room allows. Also the rows used.
    fn flow(&self, items: &[Item], room: i32, stacked: bool, style: &ChartStyle) -> (Vec<(i32, i32)>, i32) {
        let (mut x, mut row) = (0, 0);
        let mut places = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            let tall = item.lines.len() > 1;
            if x > 0
                && (x + item.width > room
                    || tall
                    || i == self.entries.len()
                    || (stacked && item.arm.is_some()))
            {
                (x, row) = (0, row + 1);
            }
            places.push((x, row));
            if tall {
                (x, row) = (0, row + item.lines.len() as i32);
            } else {
                x += item.width + style.offset(GAP);
            }
        }
        (places, row + i32::from(x > 0))
    }

    /// `area` split for a drawing `width` pixels wide: a strip for the legend on top and the
    /// rest for the plot, or, for a legend in the plot's corner, no strip and all of `area`.
    pub fn place<DB: ChartBackend>(
        &self,
        area: &DrawingArea<DB, Shift>,
        placement: Placement,
        width: u32,
        style: &ChartStyle,
    ) -> (Option<DrawingArea<DB, Shift>>, DrawingArea<DB, Shift>) {
        if placement == Placement::CornerIfWide && !is_narrow(width, style) {
            return (None, area.clone());
        }
        let (_, _, rows) = self.in_strip(area, style);
        let (strip, rest) = area.split_vertically(style.offset(ROW) * rows + style.offset(10));
        (Some(strip), rest)
    }

    /// The items laid out in a strip as wide as `area`, their places and the rows used: one
    /// layout for sizing the strip in [`Legend::place`] and for drawing in it.
    fn in_strip<DB: ChartBackend>(
        &self,
        area: &DrawingArea<DB, Shift>,
        style: &ChartStyle,
    ) -> (Vec<Item<'_>>, Vec<(i32, i32)>, i32) {
        let room = area.dim_in_pixel().0 as i32;
        let items = self.items(area, room, style);
        let (places, rows) = self.flow(&items, room, false, style);
        (items, places, rows)
    }

    /// How far the legend reaches, in pixels right of and below the plot's top-left `corner`
    /// (backend pixels), when drawn there in `area`: for a chart to see what it would cover
    /// before choosing [`Placement::Above`] instead.
    pub fn corner_reach<DB: ChartBackend>(
        &self,
        area: &DrawingArea<DB, Shift>,
        corner: BackendCoord,
        style: &ChartStyle,
    ) -> (i32, i32) {
        let base = area.get_base_pixel();
        self.in_corner(area, corner, style)
            .backdrop
            .map_or((0, 0), |[_, far]| (far.0 + base.0 - corner.0, far.1 + base.1 - corner.1))
    }

    /// The legend laid out in the plot's top-left `corner` (backend pixels) of `area`: one layout
    /// for drawing it and for [`Legend::corner_reach`].
    fn in_corner<DB: ChartBackend>(
        &self,
        area: &DrawingArea<DB, Shift>,
        corner: BackendCoord,
        style: &ChartStyle,
    ) -> InCorner<'_> {
        let (row, pad) = (style.offset(ROW), style.offset(4));
        let base = area.get_base_pixel();
        let (left, top) = (corner.0 - base.0 + style.offset(10), corner.1 - base.1 + style.offset(12));
        // Three fifths of the width to the drawing's edge, which leaves the right of the plot
        // to the published values' labels; one arm per row.
        let room = (area.dim_in_pixel().0 as i32 - left) * 3 / 5;
        let items = self.items(area, room, style);
        let (places, rows) = self.flow(&items, room, true, style);
        let backdrop = (rows > 0).then(|| {
            let right = items.iter().zip(&places).map(|(item, (x, _))| x + item.width).max().unwrap_or(0);
            let near = (left - pad, top - row / 2 - pad / 2);
            [near, (left + right + pad, top + (rows - 1) * row + row / 2 + pad / 2)]
        });
        InCorner { origin: (left, top), items, places, backdrop }
    }

    /// Draw the legend in its `strip` if [`Legend::place`] gave it one, else in `area` at the
    /// plot's top-left corner, `corner` in backend pixels, on a paper backdrop, whose box (in
    /// the drawing's pixels) it gives back, for marks drawn later to keep out of.
    pub fn draw<DB: ChartBackend>(
        &self,
        strip: Option<&DrawingArea<DB, Shift>>,
        area: &DrawingArea<DB, Shift>,
        corner: BackendCoord,
        style: &ChartStyle,
    ) -> Result<Option<PixelBox>, ChartError> {
        let row = style.offset(ROW);
        let mut backdrop = None;
        let (area, (left, top), items, places) = match strip {
            Some(strip) => {
                let (items, places, _) = self.in_strip(strip, style);
                (strip, (0, row / 2 + style.offset(2)), items, places)
            }
            None => {
                let base = area.get_base_pixel();
                let corner = self.in_corner(area, corner, style);
                if let Some([near, far]) = corner.backdrop {
                    area.draw(&Rectangle::new([near, far], style.paper().mix(0.85).filled()))
                        .map_err(drawing)?;
                    backdrop = Some([near.0 + base.0, near.1 + base.1, far.0 + base.0, far.1 + base.1]);
                }
                (area, corner.origin, corner.items, corner.places)
            }
        };
        for (item, (x, r)) in items.iter().zip(places) {
            let (x, y) = (left + x, top + r * row);
            let (indent, size) = match item.arm {
                Some(arm) => {
                    draw_legend_entry(area, (x, y), &style.arm(arm), &item.lines[0], style)?;
                    (legend_indent(style), 13)
                }
                None => (0, 12),
            };
            let font = style.font(size).pos(Pos::new(HPos::Left, VPos::Center));
            for (k, line) in item.lines.iter().enumerate().skip(usize::from(item.arm.is_some())) {
                area.draw(&Text::new(line.clone(), (x + indent, y + k as i32 * row), font.clone()))
                    .map_err(drawing)?;
            }
        }
        Ok(backdrop)
    }
}
