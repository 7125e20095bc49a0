//! Arm colours and line styles: Okabe–Ito colours that stay distinct for colour-blind
//! readers, and a line style per arm so that colour is never the only cue (WCAG 1.4.1).

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

/// On light paper (see `ChartStyle::arm` for dark): placebo black solid, low dose blue dashed, high dose vermillion dotted; any other
/// (imported) arm falls back to Okabe–Ito bluish green, dash-dot.
pub fn arm_style(arm_id: &str) -> ArmStyle {
    match arm_id {
        "placebo" => {
            ArmStyle { color: RGBColor(0, 0, 0), text: RGBColor(0, 0, 0), dash: None, line_name: "solid" }
        }
        "low" => ArmStyle {
            color: RGBColor(0x00, 0x72, 0xB2),
            text: RGBColor(0x00, 0x72, 0xB2),
            dash: Some((8, 5)),
            line_name: "dashed",
        },
        "high" => ArmStyle {
            color: RGBColor(0xD5, 0x5E, 0x00),
            text: RGBColor(0xB3, 0x4F, 0x00),
            dash: Some((2, 4)),
            line_name: "dotted",
        },
        _ => ArmStyle {
            color: RGBColor(0x00, 0x9E, 0x73),
            text: RGBColor(0x00, 0x7A, 0x5A),
            dash: Some((10, 3)),
            line_name: "dash-dot",
        },
    }
}
