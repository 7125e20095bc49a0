//! Arm colours and line styles: Okabe–Ito colours that stay distinct for colour-blind
//! readers, and a line style per arm so that colour is never the only cue (WCAG 1.4.1).
//!
//! [`ARM_INKS`] is the one table of them. The stylesheet repeats the colours as its `--arm-*`
//! variables for the page's own keys and chips; a test in `tests/chart_style.rs` checks the
//! two agree.

use plotters::style::RGBColor;

/// How an arm is drawn everywhere in the app.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ArmStyle {
    pub color: RGBColor,
    /// Colour for text in the arm's colour (at-risk row labels, published-value labels):
    /// darker where the line colour would fall below 4.5:1 against the paper.
    pub text: RGBColor,
    /// Dash pattern in pixels: `None` is solid.
    pub dash: Option<(u32, u32)>,
    /// Name of the line style for the legend and text alternatives.
    pub line_name: &'static str,
}

/// One arm's colours on each paper, and its line style.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ArmInk {
    /// The bundle's arm id; `other` is every arm the app does not know (an imported one).
    pub id: &'static str,
    /// Line colour on light paper.
    pub light: RGBColor,
    /// Text colour on light paper (see [`ArmStyle::text`]).
    pub light_text: RGBColor,
    /// Line and text colour on dark paper: lighter tones of the same Okabe–Ito hues.
    pub dark: RGBColor,
    /// Dash pattern in pixels at line width 1: `None` is solid.
    pub dash: Option<(u32, u32)>,
    /// Name of the line style for the legend and text alternatives.
    pub line_name: &'static str,
}

/// Placebo black solid, low dose blue dashed, high dose vermillion dotted, any other arm bluish
/// green dash-dot.
pub const ARM_INKS: [ArmInk; 4] = [
    ArmInk {
        id: "placebo",
        light: RGBColor(0x00, 0x00, 0x00),
        light_text: RGBColor(0x00, 0x00, 0x00),
        dark: RGBColor(0xE0, 0xE0, 0xE0),
        dash: None,
        line_name: "solid",
    },
    ArmInk {
        id: "low",
        light: RGBColor(0x00, 0x72, 0xB2),
        light_text: RGBColor(0x00, 0x72, 0xB2),
        dark: RGBColor(0x56, 0xB4, 0xE9),
        dash: Some((8, 5)),
        line_name: "dashed",
    },
    ArmInk {
        id: "high",
        light: RGBColor(0xD5, 0x5E, 0x00),
        light_text: RGBColor(0xB3, 0x4F, 0x00),
        dark: RGBColor(0xE6, 0x6E, 0x1E),
        dash: Some((2, 4)),
        line_name: "dotted",
    },
    ArmInk {
        id: "other",
        light: RGBColor(0x00, 0x9E, 0x73),
        light_text: RGBColor(0x00, 0x7A, 0x5A),
        dark: RGBColor(0x2E, 0xC4, 0x9A),
        dash: Some((10, 3)),
        line_name: "dash-dot",
    },
];

/// Id of the row for every arm the app does not know.
const OTHER: &str = "other";

/// The ink of `arm_id`: its own row, or the `other` row for an arm the app does not know.
pub fn arm_ink(arm_id: &str) -> &'static ArmInk {
    let row = |id: &str| ARM_INKS.iter().find(|ink| ink.id == id);
    row(arm_id).or_else(|| row(OTHER)).unwrap_or(&ARM_INKS[0])
}

/// How `arm_id` is drawn on light paper at line width 1 (see `ChartStyle::arm` for dark paper
/// and wider lines).
pub fn arm_style(arm_id: &str) -> ArmStyle {
    let ink = arm_ink(arm_id);
    ArmStyle { color: ink.light, text: ink.light_text, dash: ink.dash, line_name: ink.line_name }
}
