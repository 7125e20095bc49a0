//! The current chart as an SVG document, the same the page shows inline: the drawing
//! functions drawn into `chart::svg` (which escapes every text it writes, so a label taken
//! from an imported file cannot become markup).

use plotters::coord::Shift;
use plotters::prelude::DrawingArea;

use crate::chart::frame::with_source;
use crate::chart::{
    draw_means, draw_proportions, draw_response, svg_document, ChartError, ChartStyle, SvgBackend,
};
use crate::explore::view::{View, ViewBody};

/// Size of exported charts in pixels: large enough for slides, the at-risk table included.
pub const EXPORT_SIZE: (u32, u32) = (1200, 800);

/// PNG pixels per drawing pixel in an exported PNG: twice [`EXPORT_SIZE`], so text and lines
/// stay sharp on a projector or a high-density screen.
pub const PNG_SCALE: u32 = 2;

/// Draw `view`'s chart as SVG text in `style`. Views without a chart (safety, unavailable)
/// say so.
pub fn view_svg(view: &View, size: (u32, u32), style: &ChartStyle) -> Result<String, ChartError> {
    svg_document(size, |root| draw_view(view, root, style))
}

/// The chart as exported, at [`EXPORT_SIZE`] on light paper, with the `source` lines
/// (`share::figure_source`) under the drawing, so a slide made from it keeps where it comes from.
pub fn exported_svg(view: &View, source: &[String]) -> Result<String, ChartError> {
    let style = ChartStyle::SCREEN;
    svg_document(EXPORT_SIZE, |root| draw_view(view, &with_source(root, source, &style)?, &style))
}

fn draw_view(
    view: &View,
    area: &DrawingArea<SvgBackend<'_>, Shift>,
    style: &ChartStyle,
) -> Result<(), ChartError> {
    match &view.body {
        ViewBody::Response(v) => draw_response(area, v, style),
        ViewBody::Continuous(v) => draw_means(area, v, style),
        ViewBody::Proportions(v) => draw_proportions(area, v, style),
        ViewBody::Safety(_) | ViewBody::Unavailable(_) => {
            Err(ChartError(format!("the {} view has no chart to export", view.title)))
        }
    }
}
