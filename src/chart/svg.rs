//! The charts' drawing surface: an SVG document written by hand, the only backend the charts
//! are drawn on (the page shows it inline; exports save it).
//!
//! Plotters' own SVG backend cannot stroke a dashed line, so its dashed series write one
//! element per dash (over eighty for one arm's curve); it also writes font sizes divided by
//! 1.24. Here a dashed arm line is one `<polyline>` with `stroke-dasharray`, fonts are written
//! at the size asked for, and every text is escaped, so a label from an imported file is shown
//! as text and never becomes markup.

use std::fmt::Write;

use plotters::coord::Shift;
use plotters::drawing::DrawingArea;
use plotters::prelude::IntoDrawingArea;
use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingBackend, DrawingErrorKind, FontStyle,
    FontTransform,
};

use super::error::ChartError;

/// A backend that can stroke one path with a dash pattern.
pub trait ChartBackend: DrawingBackend {
    /// Stroke `path` with `on` pixels drawn and `off` pixels left out, repeatedly.
    fn draw_dashed_path(
        &mut self,
        path: &[BackendCoord],
        style: &impl BackendStyle,
        dash: (u32, u32),
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>>;
}

/// An SVG document being drawn: `<svg>` and its elements, in drawing order.
pub struct SvgBackend<'a> {
    size: (u32, u32),
    out: &'a mut String,
}

/// Writing into a `String` cannot fail; plotters asks for an error type all the same.
#[derive(Debug)]
pub struct SvgError;

impl std::fmt::Display for SvgError {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("the SVG could not be written")
    }
}

impl std::error::Error for SvgError {}

/// Draw a `width` × `height` SVG document with `draw` and give its text.
pub fn svg_document(
    size: (u32, u32),
    draw: impl FnOnce(&DrawingArea<SvgBackend<'_>, Shift>) -> Result<(), ChartError>,
) -> Result<String, ChartError> {
    let (width, height) = size;
    let mut out = String::with_capacity(16 * 1024);
    let _ = write!(
        out,
        r#"<svg width="{width}" height="{height}" viewBox="0 0 {width} {height}" xmlns="http://www.w3.org/2000/svg">"#
    );
    out.push('\n');
    draw(&SvgBackend { size, out: &mut out }.into_drawing_area())?;
    out.push_str("</svg>\n");
    Ok(out)
}

impl SvgBackend<'_> {
    /// `<tag` and the paint attributes of `color`: `fill` or `stroke` (with its width).
    fn open(&mut self, tag: &str, color: BackendColor, stroke_width: Option<u32>) {
        let (r, g, b) = color.rgb;
        let paint = match stroke_width {
            Some(width) => {
                let _ = write!(
                    self.out,
                    r##"<{tag} fill="none" stroke="#{r:02X}{g:02X}{b:02X}" stroke-width="{width}""##
                );
                "stroke-opacity"
            }
            None => {
                let _ = write!(self.out, r##"<{tag} fill="#{r:02X}{g:02X}{b:02X}""##);
                "fill-opacity"
            }
        };
        if color.alpha < 1.0 {
            let _ = write!(self.out, r#" {paint}="{}""#, color.alpha);
        }
    }

    fn points(&mut self, path: impl IntoIterator<Item = BackendCoord>) {
        self.out.push_str(r#" points=""#);
        for (i, (x, y)) in path.into_iter().enumerate() {
            let _ = write!(self.out, "{}{x},{y}", if i == 0 { "" } else { " " });
        }
        self.out.push('"');
    }

    /// One empty element in `color` (stroked when `stroke_width` is given), its own attributes
    /// written by `attributes`; nothing at all when the colour is fully transparent.
    fn element(
        &mut self,
        tag: &str,
        color: BackendColor,
        stroke_width: Option<u32>,
        attributes: impl FnOnce(&mut Self),
    ) {
        if color.alpha > 0.0 {
            self.open(tag, color, stroke_width);
            attributes(self);
            self.out.push_str("/>\n");
        }
    }

    /// A stroked polyline, dashed when `dash` says so.
    fn polyline(
        &mut self,
        path: impl IntoIterator<Item = BackendCoord>,
        style: &impl BackendStyle,
        dash: Option<(u32, u32)>,
    ) {
        self.element("polyline", style.color(), Some(style.stroke_width()), |svg| {
            if let Some((on, off)) = dash {
                let _ = write!(svg.out, r#" stroke-dasharray="{on} {off}""#);
            }
            svg.points(path);
        });
    }
}

/// `text` with the five characters that mean something in XML written as entities, and the
/// control characters XML does not allow left out (an imported label may hold any of them).
/// The page's HTML text is written with it too (`share::html`): the entities are the same in
/// both, `&#39;` being one that HTML and XML both know.
pub(crate) fn push_escaped(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '\t' | '\n' | '\r' => out.push(' '),
            c if c.is_control() && u32::from(c) < 0x20 => {}
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

impl DrawingBackend for SvgBackend<'_> {
    type ErrorType = SvgError;

    fn get_size(&self) -> (u32, u32) {
        self.size
    }

    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<SvgError>> {
        Ok(())
    }

    fn present(&mut self) -> Result<(), DrawingErrorKind<SvgError>> {
        Ok(())
    }

    /// Text is never measured in the page: a drawing laid out by the reader's fonts would
    /// differ between the page and its export, and measuring forces the browser to lay out the
    /// whole page. A sans-serif line is taken as 1.2 em tall and 0.55 em a character wide.
    fn estimate_text_size<T: BackendTextStyle>(
        &self,
        text: &str,
        style: &T,
    ) -> Result<(u32, u32), DrawingErrorKind<SvgError>> {
        let em = style.size();
        let width = em * 0.55 * text.chars().count() as f64;
        Ok((width.round() as u32, (em * 1.2).round() as u32))
    }

    fn draw_pixel(
        &mut self,
        (x, y): BackendCoord,
        color: BackendColor,
    ) -> Result<(), DrawingErrorKind<SvgError>> {
        self.element("rect", color, None, |svg| {
            let _ = write!(svg.out, r#" x="{x}" y="{y}" width="1" height="1""#);
        });
        Ok(())
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Result<(), DrawingErrorKind<SvgError>> {
        self.draw_path([from, to], style)
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        (x0, y0): BackendCoord,
        (x1, y1): BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<SvgError>> {
        self.element("rect", style.color(), (!fill).then(|| style.stroke_width()), |svg| {
            let _ = write!(svg.out, r#" x="{x0}" y="{y0}" width="{}" height="{}""#, x1 - x0, y1 - y0);
        });
        Ok(())
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<SvgError>> {
        self.polyline(path, style, None);
        Ok(())
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        (x, y): BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<SvgError>> {
        self.element("circle", style.color(), (!fill).then(|| style.stroke_width()), |svg| {
            let _ = write!(svg.out, r#" cx="{x}" cy="{y}" r="{radius}""#);
        });
        Ok(())
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vertices: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<SvgError>> {
        self.element("polygon", style.color(), None, |svg| svg.points(vertices));
        Ok(())
    }

    fn draw_text<T: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &T,
        (x, y): BackendCoord,
    ) -> Result<(), DrawingErrorKind<SvgError>> {
        if style.color().alpha == 0.0 {
            return Ok(());
        }
        self.open("text", style.color(), None);
        let anchor = match style.anchor().h_pos {
            HPos::Left => "start",
            HPos::Center => "middle",
            HPos::Right => "end",
        };
        // Where the anchor point sits on the line of text: its top, middle or baseline side.
        let dy = match style.anchor().v_pos {
            VPos::Top => "0.76em",
            VPos::Center => "0.5ex",
            VPos::Bottom => "-0.5ex",
        };
        let _ = write!(
            self.out,
            r#" x="{x}" y="{y}" dy="{dy}" text-anchor="{anchor}" font-family="{}" font-size="{}""#,
            style.family().as_str(),
            style.size()
        );
        match style.style() {
            FontStyle::Normal => {}
            FontStyle::Bold => self.out.push_str(r#" font-weight="bold""#),
            other => {
                let _ = write!(self.out, r#" font-style="{}""#, other.as_str());
            }
        }
        let degrees = match style.transform() {
            FontTransform::None => 0,
            FontTransform::Rotate90 => 90,
            FontTransform::Rotate180 => 180,
            FontTransform::Rotate270 => 270,
        };
        if degrees != 0 {
            let _ = write!(self.out, r#" transform="rotate({degrees}, {x}, {y})""#);
        }
        self.out.push('>');
        push_escaped(self.out, text);
        self.out.push_str("</text>\n");
        Ok(())
    }
}

impl ChartBackend for SvgBackend<'_> {
    fn draw_dashed_path(
        &mut self,
        path: &[BackendCoord],
        style: &impl BackendStyle,
        dash: (u32, u32),
    ) -> Result<(), DrawingErrorKind<SvgError>> {
        self.polyline(path.iter().copied(), style, Some(dash));
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use plotters::prelude::*;
    use plotters::style::text_anchor::{HPos, Pos, VPos};

    use super::*;

    fn draw(draw: impl FnOnce(&DrawingArea<SvgBackend<'_>, Shift>)) -> String {
        svg_document((100, 50), |area| {
            draw(area);
            Ok(())
        })
        .unwrap()
    }

    #[test]
    fn a_document_is_one_closed_svg_element_of_its_size() {
        let svg = draw(|_| {});
        assert!(svg.starts_with(r#"<svg width="100" height="50" viewBox="0 0 100 50" "#), "{svg}");
        assert!(svg.ends_with("</svg>\n"));
    }

    #[test]
    fn text_is_escaped_and_loses_the_control_characters_xml_forbids() {
        let svg = draw(|area| {
            let style = TextStyle::from(("sans-serif", 12)).pos(Pos::new(HPos::Center, VPos::Top));
            area.draw_text("<img src=x onerror=\"a\"> & 'b'\u{1}\tc", &style, (5, 6)).unwrap();
        });
        assert!(svg.contains(
            r#"x="5" y="6" dy="0.76em" text-anchor="middle" font-family="sans-serif" font-size="12">&lt;img src=x onerror=&quot;a&quot;&gt; &amp; &#39;b&#39; c</text>"#
        ), "{svg}");
    }

    #[test]
    fn paint_below_full_opacity_says_so_and_invisible_paint_is_left_out() {
        let svg = draw(|area| {
            area.draw(&Rectangle::new([(0, 0), (10, 5)], RGBColor(0, 114, 178).mix(0.15).filled())).unwrap();
            area.draw(&PathElement::new(vec![(0, 0), (9, 9)], Color::stroke_width(&BLACK, 2))).unwrap();
            area.draw(&PathElement::new(vec![(0, 0), (9, 9)], TRANSPARENT)).unwrap();
        });
        assert!(
            svg.contains(r##"<rect fill="#0072B2" fill-opacity="0.15" x="0" y="0" width="10" height="5"/>"##),
            "{svg}"
        );
        assert!(
            svg.contains(r##"<polyline fill="none" stroke="#000000" stroke-width="2" points="0,0 9,9"/>"##),
            "{svg}"
        );
        assert_eq!(svg.matches("<polyline").count(), 1, "{svg}");
    }

    #[test]
    fn a_dashed_path_is_one_polyline_with_its_dash_pattern() {
        let mut out = String::new();
        let mut backend = SvgBackend { size: (100, 50), out: &mut out };
        backend
            .draw_dashed_path(&[(0, 0), (50, 0), (50, 20)], &Color::stroke_width(&BLACK, 2), (8, 5))
            .unwrap();
        assert_eq!(
            out,
            "<polyline fill=\"none\" stroke=\"#000000\" stroke-width=\"2\" stroke-dasharray=\"8 5\" points=\"0,0 50,0 50,20\"/>\n"
        );
    }
}
