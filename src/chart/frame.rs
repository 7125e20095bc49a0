//! A chart's frame: its drawing size for where it is shown, the margins, and the title wrapped
//! onto as many lines as the width needs. On a phone the page shows a narrower drawing rather
//! than shrinking the desktop one, so that its type stays readable; the title then wraps and
//! the legend moves above the plot (`legend.rs`).

use plotters::coord::types::RangedCoordf64;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::error::{drawing, ChartError};
use super::style::ChartStyle;

/// Drawing size in pixels on a laptop or desktop page.
pub const SCREEN_SIZE: (u32, u32) = (800, 500);
/// Drawing size in presentation: only a quarter wider than on the page while its type is half
/// again as large and its lines twice as thick, so both grow relative to the plot when the
/// chart fills a projected screen.
pub const PRESENTATION_SIZE: (u32, u32) = (1000, 625);
/// Drawing size on a phone: shown about 290–350 px wide (screens 360–414 px), so the chart's
/// 12–13 px type reads at about 10–12.5 px, where the desktop drawing would shrink it to
/// about 4.5–5.5 px. Taller than wide, as the screen is.
pub const PHONE_SIZE: (u32, u32) = (360, 520);

/// Fitted drawings (see [`fitted_size`]) step by this many pixels in width, so a window being
/// resized redraws the chart now and then rather than at every pixel, and a test can draw every
/// width the page asks for.
pub const FITTED_STEP: u32 = 40;
/// The narrowest fitted drawing; narrower columns are phones', drawn at [`PHONE_SIZE`].
pub const FITTED_MIN_WIDTH: u32 = 480;

/// Drawing size on the page for a chart column `column` CSS pixels wide: [`SCREEN_SIZE`] where
/// it fits, else as wide as the column (a tablet, a phone on its side, a narrow window), so the
/// chart's type is shown at about its own size instead of the desktop drawing shrunk by up to
/// half. At least 420 high, which leaves the plot its room under a legend placed above it.
pub fn fitted_size(column: u32) -> (u32, u32) {
    fitted(column, SCREEN_SIZE, (FITTED_MIN_WIDTH, 420))
}

/// The narrowest and the shortest drawing in presentation: its type, half again the page's,
/// leaves the response chart's plot too little room in less (the legend above it and the
/// at-risk table below). A narrower column shows this drawing a little shrunk.
pub const PRESENTATION_MIN_SIZE: (u32, u32) = (600, 600);

/// Drawing size in presentation for a chart column `column` CSS pixels wide:
/// [`PRESENTATION_SIZE`] where it fits, else as wide as the column, as on the page. A
/// projector's 1024-pixel screen leaves the chart about 640 pixels beside the step's caption,
/// where the full drawing would show its type at 12 to 13 pixels, hardly larger than the
/// page's; drawn at the column's width it keeps its presentation size, about 18 pixels.
pub fn presentation_size(column: u32) -> (u32, u32) {
    fitted(column, PRESENTATION_SIZE, PRESENTATION_MIN_SIZE)
}

/// `full` where the column holds it, else the column's width in steps with `full`'s
/// proportions, at least `min` wide and high.
fn fitted(column: u32, full: (u32, u32), (min_width, min_height): (u32, u32)) -> (u32, u32) {
    if column >= full.0 {
        return full;
    }
    let width = (column / FITTED_STEP * FITTED_STEP).max(min_width);
    (width, (width * full.1 / full.0).max(min_height))
}

/// Below this width (before scaling) a chart is drawn narrow: its legend goes above the plot.
const NARROW_WIDTH: u32 = 600;

/// Margin around a chart, before scaling.
pub(crate) const MARGIN: u32 = 12;

/// Whether a drawing `width` pixels wide in `style` is narrow.
pub(crate) fn is_narrow(width: u32, style: &ChartStyle) -> bool {
    width < style.px(NARROW_WIDTH)
}

/// The area inside `root`'s margins (`right` pixels, scaled, on the right) under `title`, the
/// title drawn centred in `size` px type (before scaling) and wrapped at spaces onto as many
/// lines as the width needs.
pub(crate) fn titled<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    (title, size): (&str, u32),
    right: u32,
    style: &ChartStyle,
) -> Result<DrawingArea<DB, Shift>, ChartError> {
    let margin = style.px(MARGIN);
    let area = root.margin(margin, margin, margin, style.px(right));
    let font = style.font(size).pos(Pos::new(HPos::Center, VPos::Top));
    let width = area.dim_in_pixel().0;
    let lines = wrap(title, width, &|text| area.estimate_text_size(text, &font).map_or(0, |(w, _)| w));
    // Lines a quarter of the type size apart, and the padding scaled with the type.
    let line = (1.25 * f64::from(size) * style.scale).round() as i32;
    let pad = style.offset(5);
    for (i, text) in lines.iter().enumerate() {
        let at = (width as i32 / 2, pad + i as i32 * line);
        area.draw(&Text::new(text.as_str(), at, font.clone())).map_err(drawing)?;
    }
    Ok(area.split_vertically(2 * pad + lines.len() as i32 * line).1)
}

/// Line height (before scaling) of the source lines [`with_source`] writes.
const SOURCE_LINE: u32 = 18;

/// `root` less a strip at its foot where `lines` (where the chart comes from) are written
/// small from the left margin, one [`SOURCE_LINE`] each with a few pixels around them; the
/// area above is the chart's to draw in.
pub(crate) fn with_source<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    lines: &[String],
    style: &ChartStyle,
) -> Result<DrawingArea<DB, Shift>, ChartError> {
    let height = root.dim_in_pixel().1;
    let strip_height = style.px(SOURCE_LINE * lines.len() as u32 + 8);
    let (chart, strip) = root.split_vertically(height.saturating_sub(strip_height));
    strip.fill(&style.paper()).map_err(drawing)?;
    let font = style.font(12).pos(Pos::new(HPos::Left, VPos::Center));
    let line = style.offset(SOURCE_LINE as i32);
    for (i, text) in lines.iter().enumerate() {
        let at = (style.offset(MARGIN as i32), style.offset(4) + line / 2 + line * i as i32);
        strip.draw(&Text::new(text.as_str(), at, font.clone())).map_err(drawing)?;
    }
    Ok(chart)
}

/// `message` (why nothing is drawn) centred at `at` in the plot, wrapped to the plot's width.
pub(crate) fn draw_message<DB: DrawingBackend>(
    plot: &DrawingArea<DB, Cartesian2d<RangedCoordf64, RangedCoordf64>>,
    at: (f64, f64),
    message: &str,
    style: &ChartStyle,
) -> Result<(), ChartError> {
    let font = style.font(15).pos(Pos::new(HPos::Center, VPos::Center));
    let width = plot.dim_in_pixel().0.saturating_sub(style.px(16));
    let lines = wrap(message, width, &|t| plot.estimate_text_size(t, &font).map_or(0, |(w, _)| w));
    let row = style.offset(20);
    let first = -(lines.len() as i32 - 1) * row / 2;
    for (i, line) in lines.into_iter().enumerate() {
        let text = Text::new(line, (0, first + i as i32 * row), font.clone());
        plot.draw(&(EmptyElement::at(at) + text)).map_err(drawing)?;
    }
    Ok(())
}

/// `text` broken at spaces into lines no wider than `width` by `measure` (a trait object:
/// one copy of this code serves every caller). A word wider than a
/// line (a long file name) is broken too: after its last hyphen, underscore or full stop that
/// fits, else after its last character that fits.
pub fn wrap(text: &str, width: u32, measure: &dyn Fn(&str) -> u32) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in text.split(' ') {
        match lines.last_mut() {
            Some(line) if measure(&format!("{line} {word}")) <= width => {
                line.push(' ');
                line.push_str(word);
            }
            _ => {
                let mut rest = word;
                while measure(rest) > width {
                    let fits: Vec<usize> = rest
                        .char_indices()
                        .map(|(i, c)| i + c.len_utf8())
                        .take_while(|&end| measure(&rest[..end]) <= width)
                        .collect();
                    let Some(&last) = fits.last() else { break };
                    let end = fits
                        .iter()
                        .rev()
                        .copied()
                        .find(|&end| rest[..end].ends_with(['-', '_', '.']))
                        .unwrap_or(last);
                    lines.push(rest[..end].to_string());
                    rest = &rest[end..];
                }
                lines.push(rest.to_string());
            }
        }
    }
    lines
}
