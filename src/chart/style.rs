//! How a chart is drawn for where it is shown: type size, line width and colours. The same
//! drawing functions serve the page, a lecture hall (larger type, thicker lines, pure
//! black on white) and a dark screen; only this style changes, never what is drawn.

use plotters::chart::MeshStyle;
use plotters::coord::ranged1d::Ranged;
use plotters::prelude::DrawingBackend;
use plotters::style::{Color, FontDesc, FontFamily, FontStyle, RGBColor, TextStyle};

use super::palette::{arm_ink, arm_style, ArmStyle};

/// Light or dark paper.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Theme {
    Light,
    Dark,
}

/// The medium a chart is drawn for.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ChartStyle {
    /// Multiplies every font size and the margins that hold text.
    pub scale: f64,
    /// Width in pixels of arm lines, interval bars and marks' outlines.
    pub line_width: u32,
    pub theme: Theme,
}

impl Default for ChartStyle {
    fn default() -> Self {
        Self::SCREEN
    }
}

impl ChartStyle {
    /// The page on a laptop or desktop screen.
    pub const SCREEN: ChartStyle = ChartStyle { scale: 1.0, line_width: 2, theme: Theme::Light };
    /// A lecture hall: type half again as large and lines twice as thick, so that both read
    /// from the back row when the chart fills a projected screen.
    pub const PRESENTATION: ChartStyle = ChartStyle { scale: 1.5, line_width: 4, theme: Theme::Light };

    /// The same style on `theme` paper.
    pub fn with_theme(self, theme: Theme) -> Self {
        ChartStyle { theme, ..self }
    }

    /// `pixels` scaled with the type, for margins and offsets that hold text.
    pub fn px(&self, pixels: u32) -> u32 {
        (f64::from(pixels) * self.scale).round() as u32
    }

    /// Signed `pixels` scaled with the type.
    pub fn offset(&self, pixels: i32) -> i32 {
        (f64::from(pixels) * self.scale).round() as i32
    }

    /// A sans-serif font of `size` (before scaling) in the ink colour.
    pub fn font(&self, size: u32) -> TextStyle<'static> {
        self.font_in(size, self.ink())
    }

    /// A sans-serif font of `size` pixels (before scaling) in `color`.
    pub fn font_in(&self, size: u32, color: RGBColor) -> TextStyle<'static> {
        let pixels = f64::from(size) * self.scale;
        let desc = FontDesc::new(FontFamily::SansSerif, pixels, FontStyle::Normal);
        TextStyle { color: color.to_backend_color(), ..TextStyle::from(desc) }
    }

    /// Opacity of the reconstruction ensemble's lines: faint beside the main curves, yet
    /// visible on their own. Light lines on dark paper stand out more than dark lines on
    /// light paper at the same opacity, so the dark theme draws them fainter.
    pub fn ensemble_opacity(&self) -> f64 {
        match self.theme {
            Theme::Light => 0.4,
            Theme::Dark => 0.25,
        }
    }

    /// The chart's background.
    pub fn paper(&self) -> RGBColor {
        match self.theme {
            Theme::Light => RGBColor(0xFF, 0xFF, 0xFF),
            Theme::Dark => RGBColor(0x16, 0x18, 0x1D),
        }
    }

    /// Axes, labels and text.
    pub fn ink(&self) -> RGBColor {
        match self.theme {
            Theme::Light => RGBColor(0x00, 0x00, 0x00),
            Theme::Dark => RGBColor(0xF2, 0xF2, 0xF2),
        }
    }

    /// Grid lines: visible but quieter than the data.
    pub fn grid(&self) -> RGBColor {
        match self.theme {
            Theme::Light => RGBColor(0xD0, 0xD0, 0xD0),
            Theme::Dark => RGBColor(0x3A, 0x3E, 0x46),
        }
    }

    /// How an arm is drawn on this paper. On dark paper the black placebo line turns light
    /// and the low-dose blue turns Okabe–Ito sky blue, so every line keeps at least 3:1
    /// contrast; the dash patterns never change.
    pub fn arm(&self, arm_id: &str) -> ArmStyle {
        let base = arm_style(arm_id);
        // Dashes grow with the line width, or thick dashed lines would read as solid.
        let light = ArmStyle { dash: base.dash.map(|(on, off)| (self.px(on), self.px(off))), ..base };
        match self.theme {
            Theme::Light => light,
            Theme::Dark => {
                let color = arm_ink(arm_id).dark;
                ArmStyle { color, text: color, ..light }
            }
        }
    }

    /// Axes, tick labels and grid of a chart in this style: `label_size` px labels and axis
    /// titles in ink, major grid lines in the grid colour, no minor grid lines.
    pub(crate) fn axes<'m, 'a, 'b, X: Ranged, Y: Ranged, DB: DrawingBackend>(
        &self,
        mesh: &'m mut MeshStyle<'a, 'b, X, Y, DB>,
        label_size: u32,
    ) -> &'m mut MeshStyle<'a, 'b, X, Y, DB> {
        mesh.label_style(self.font(label_size))
            .axis_desc_style(self.font(label_size))
            .axis_style(self.ink().stroke_width(1))
            .bold_line_style(self.grid().stroke_width(1))
            .light_line_style(self.paper().mix(0.0))
    }

    /// How many value-axis labels a plot `plot_height` pixels high has room for, in
    /// `label_size` type: plotters' 11 (every tenth of the range) where each label has half
    /// again its type's height, else 6, else 3. A drawing fitted to a narrow column has a short
    /// plot under its wrapped title and legend.
    pub(crate) fn value_labels(&self, plot_height: u32, label_size: u32) -> usize {
        let gap = 3 * self.px(label_size) / 2;
        match plot_height / gap.max(1) {
            10.. => 11,
            5.. => 6,
            _ => 3,
        }
    }

    /// Width of the faint ensemble lines under the main curves.
    pub fn thin_line(&self) -> u32 {
        (self.line_width / 2).max(1)
    }
}

/// WCAG contrast ratio between two colours, from 1 (same) to 21 (black on white).
pub fn contrast_ratio(a: RGBColor, b: RGBColor) -> f64 {
    let (la, lb) = (relative_luminance(a), relative_luminance(b));
    let (hi, lo) = if la > lb { (la, lb) } else { (lb, la) };
    (hi + 0.05) / (lo + 0.05)
}

/// WCAG relative luminance of an sRGB colour.
fn relative_luminance(c: RGBColor) -> f64 {
    let channel = |v: u8| {
        let s = f64::from(v) / 255.0;
        if s <= 0.04045 {
            s / 12.92
        } else {
            ((s + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * channel(c.0) + 0.7152 * channel(c.1) + 0.0722 * channel(c.2)
}
