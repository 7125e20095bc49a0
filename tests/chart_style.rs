//! Chart styles: every colour a chart draws keeps its contrast on light and dark paper, and
//! the presentation style really draws larger type and thicker lines than the screen style.

mod explore_common;

use explore_common::{reconstructed_events, svg_with};
use plotters::style::RGBColor;
use trial_explorer::chart::{contrast_ratio, draw_response, ChartStyle, Theme, ARM_INKS};
use trial_explorer::explore::{compute, Selection};

const ARMS: [&str; 4] = ["placebo", "low", "high", "imported-arm"];
const THEMES: [Theme; 2] = [Theme::Light, Theme::Dark];

#[test]
fn contrast_ratio_matches_the_wcag_examples() {
    let black = RGBColor(0, 0, 0);
    let white = RGBColor(255, 255, 255);
    assert!((contrast_ratio(black, white) - 21.0).abs() < 1e-9);
    assert!((contrast_ratio(white, white) - 1.0).abs() < 1e-12);
    // #767676 on white is the lightest grey that passes 4.5:1 (4.54).
    assert!((contrast_ratio(RGBColor(0x76, 0x76, 0x76), white) - 4.54).abs() < 0.01);
}

#[test]
fn arm_lines_keep_3_to_1_and_their_text_4_5_to_1_on_both_papers() {
    for theme in THEMES {
        let style = ChartStyle::SCREEN.with_theme(theme);
        for arm in ARMS {
            let a = style.arm(arm);
            let line = contrast_ratio(a.color, style.paper());
            let text = contrast_ratio(a.text, style.paper());
            assert!(line >= 3.0, "{arm} line on {theme:?}: {line:.2}");
            assert!(text >= 4.5, "{arm} text on {theme:?}: {text:.2}");
        }
        assert!(contrast_ratio(style.ink(), style.paper()) >= 7.0, "ink on {theme:?}");
    }
}

#[test]
fn arms_differ_by_line_style_as_well_as_colour_in_every_style() {
    for style in [ChartStyle::SCREEN, ChartStyle::PRESENTATION.with_theme(Theme::Dark)] {
        let dashes: Vec<_> = ARMS.iter().map(|a| style.arm(a).dash).collect();
        for i in 0..dashes.len() {
            for j in i + 1..dashes.len() {
                assert_ne!(dashes[i], dashes[j], "{} and {}", ARMS[i], ARMS[j]);
            }
        }
    }
}

/// The page's keys and chips use the stylesheet's `--arm-*` variables; they must be the chart
/// palette's colours, light and dark, or a key would not match its line.
#[test]
fn the_stylesheet_declares_each_arms_colours_as_the_palette_does() {
    let css = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/style/main.css")).unwrap();
    let hex = |c: RGBColor| format!("#{:02x}{:02x}{:02x}", c.0, c.1, c.2);
    for ink in ARM_INKS {
        let declared = format!("--arm-{}: light-dark({}, {});", ink.id, hex(ink.light), hex(ink.dark));
        assert!(css.contains(&declared), "style/main.css lacks `{declared}`");
    }
    let declarations = css.lines().filter(|l| l.trim_start().starts_with("--arm-")).count();
    assert_eq!(declarations, ARM_INKS.len(), "the stylesheet declares arms the palette does not have");
}

fn response_svg(style: &ChartStyle) -> String {
    let view = compute(&reconstructed_events(), &Selection::default()).response().unwrap().clone();
    svg_with((1000, 620), |root| draw_response(root, &view, style).unwrap())
}

#[test]
fn presentation_draws_thicker_lines_and_larger_type() {
    let screen = response_svg(&ChartStyle::SCREEN);
    let presenting = response_svg(&ChartStyle::PRESENTATION);
    let low = "#0072B2";
    assert!(screen.contains(&format!("stroke=\"{low}\" stroke-width=\"2\"")), "screen line width");
    assert!(presenting.contains(&format!("stroke=\"{low}\" stroke-width=\"4\"")), "presentation line width");
    assert!(!presenting.contains(&format!("stroke=\"{low}\" stroke-width=\"2\"")));
    // Every text is half again as large: the caption (largest), the at-risk numbers and
    // legend notes (smallest), and nothing is left at a screen size.
    let (screen_sizes, presenting_sizes) = (font_sizes(&screen), font_sizes(&presenting));
    // On screen the SVG's text is at the pixel sizes the drawing names: 12 px notes and
    // at-risk numbers, 13 px labels, 16 px caption.
    for named in [12.0, 13.0, 16.0] {
        assert!(screen_sizes.iter().any(|s| (s - named).abs() < 1e-9), "{named} px in {screen_sizes:?}");
    }
    assert_eq!(screen_sizes.len(), presenting_sizes.len());
    for (s, p) in screen_sizes.iter().zip(&presenting_sizes) {
        assert!((p / s - 1.5).abs() < 1e-9, "{s} on screen became {p}");
    }
}

/// The distinct font sizes in an SVG, smallest first.
fn font_sizes(svg: &str) -> Vec<f64> {
    let mut sizes: Vec<f64> =
        svg.split("font-size=\"").skip(1).map(|r| r.split('"').next().unwrap().parse().unwrap()).collect();
    sizes.sort_by(f64::total_cmp);
    sizes.dedup();
    assert!(sizes.len() >= 3, "caption, labels and notes: {sizes:?}");
    sizes
}

#[test]
fn dark_paper_fills_the_chart_and_turns_the_placebo_line_light() {
    let dark = response_svg(&ChartStyle::SCREEN.with_theme(Theme::Dark));
    assert!(dark.contains("fill=\"#16181D\""), "dark background");
    assert!(dark.contains("stroke=\"#E0E0E0\""), "light placebo line");
    assert!(!dark.contains("stroke=\"#000000\" stroke-width=\"2\""), "no black arm line on dark paper");
    let light = response_svg(&ChartStyle::SCREEN);
    assert!(light.contains("fill=\"#FFFFFF\"") && !light.contains("#16181D"));
}
