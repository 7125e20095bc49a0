//! Charts drawn for a phone (`PHONE_SIZE`) and at the page's own sizes: every text inside the
//! drawing by the backend's own size estimate, the title wrapped, the legend above the plot
//! on a narrow drawing, and visit ticks that do not run into each other.

mod explore_common;

use explore_common::{reconstructed, texts};
use trial_explorer::chart::{
    fitted_size, presentation_size, wrap, ChartStyle, FITTED_MIN_WIDTH, FITTED_STEP, PHONE_SIZE,
    PRESENTATION_MIN_SIZE, PRESENTATION_SIZE, SCREEN_SIZE,
};
use trial_explorer::explore::{compute, compute_with_ensemble, EndpointChoice, Selection};
use trial_explorer::share::view_svg;
use trial_explorer::trial::import::import_patient_csv;
use trial_explorer::trial::Bundle;

/// Each `<text>` not rotated: its box by the backend's own size estimate (0.55 em a
/// character wide, one em tall, placed by its anchor), and its body.
fn text_boxes(svg: &str) -> Vec<([f64; 4], String)> {
    let attr = |tag: &str, name: &str| -> String {
        let start = tag.find(&format!(" {name}=\"")).unwrap() + name.len() + 3;
        tag[start..].split('"').next().unwrap().to_string()
    };
    svg.split("<text")
        .skip(1)
        .filter(|t| !t.split_once('>').unwrap().0.contains("rotate("))
        .map(|t| {
            let (tag, rest) = t.split_once('>').unwrap();
            let body = rest.split("</text>").next().unwrap().trim();
            let body = body.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">");
            let (x, y): (f64, f64) = (attr(tag, "x").parse().unwrap(), attr(tag, "y").parse().unwrap());
            let size: f64 = attr(tag, "font-size").parse().unwrap();
            let width = 0.55 * size * body.chars().count() as f64;
            let left = match attr(tag, "text-anchor").as_str() {
                "start" => x,
                "middle" => x - width / 2.0,
                _ => x - width,
            };
            let top = match attr(tag, "dy").as_str() {
                "0.76em" => y,
                "0.5ex" => y - size / 2.0,
                _ => y - size,
            };
            ([left, left + width, top, top + size], body)
        })
        .collect()
}

fn all_visits(bundle: &Bundle, endpoint: EndpointChoice) -> Selection {
    Selection {
        endpoint,
        visits: bundle.visits.iter().map(|v| v.id.clone()).collect(),
        ..Selection::default()
    }
}

/// The bundle the app loads, with an import under a long file name (one word, no spaces), so
/// labels that name their data are as long as a reader can make them.
fn with_long_import() -> Bundle {
    let csv = "arm,time,event\nlow,12,1\nlow,24,0\nplacebo,36,1\nplacebo,48,0\n";
    let file = "digitised-figure-2-late-responses-from-the-supplement.csv";
    import_patient_csv(&reconstructed(), csv, file, "response").unwrap()
}

#[test]
fn every_text_fits_inside_the_drawing_without_overlap_at_each_size() {
    let bundle = reconstructed();
    let imported = with_long_import();
    let mut member = bundle.patient_data.time_to_event[0].clone();
    member.id = "member-1".into();
    // Every size the page draws at: the phone's, each fitted width, the desktop's, and in
    // presentation each fitted width and the full drawing.
    let fitted = (FITTED_MIN_WIDTH..SCREEN_SIZE.0).step_by(FITTED_STEP as usize).map(fitted_size);
    let presented =
        (PRESENTATION_MIN_SIZE.0..PRESENTATION_SIZE.0).step_by(FITTED_STEP as usize).map(presentation_size);
    let sizes = [(PHONE_SIZE, ChartStyle::SCREEN), (SCREEN_SIZE, ChartStyle::SCREEN)]
        .into_iter()
        .chain(fitted.map(|size| (size, ChartStyle::SCREEN)))
        .chain(presented.map(|size| (size, ChartStyle::PRESENTATION)))
        .chain([(PRESENTATION_SIZE, ChartStyle::PRESENTATION)]);
    for (size, style) in sizes {
        for endpoint in EndpointChoice::ALL.into_iter().filter(|e| *e != EndpointChoice::Safety) {
            let views = [
                compute(&bundle, &all_visits(&bundle, endpoint)),
                compute(&bundle, &Selection { reported_only: true, ..all_visits(&bundle, endpoint) }),
                compute(&imported, &all_visits(&imported, endpoint)),
                compute_with_ensemble(
                    &bundle,
                    &Selection { show_ensemble: true, ..all_visits(&bundle, endpoint) },
                    std::slice::from_ref(&member),
                ),
            ];
            for view in views {
                let svg = view_svg(&view, size, &style).unwrap();
                let boxes = text_boxes(&svg);
                for ([left, right, _, _], body) in &boxes {
                    assert!(
                        *left >= 0.0 && *right <= f64::from(size.0),
                        "{endpoint:?} at {size:?}: '{body}' spans {left:.0} to {right:.0}"
                    );
                }
                // No text runs into another (the legend's last row into the plot's top tick, a
                // wrapped title into the legend).
                for (i, (a, first)) in boxes.iter().enumerate() {
                    for (b, second) in &boxes[i + 1..] {
                        let apart = a[1] <= b[0] + 1.0
                            || b[1] <= a[0] + 1.0
                            || a[3] <= b[2] + 1.0
                            || b[3] <= a[2] + 1.0;
                        assert!(apart, "{endpoint:?} at {size:?}: '{first}' overlaps '{second}'");
                    }
                }
            }
        }
    }
}

#[test]
fn on_a_phone_the_title_wraps_and_the_legend_is_above_the_plot() {
    let bundle = reconstructed();
    let view = compute(&bundle, &Selection::default());
    let svg = view_svg(&view, PHONE_SIZE, &ChartStyle::SCREEN).unwrap();
    let all = texts(&svg);
    let title: Vec<&str> = all.iter().take(3).map(|t| t.2.as_str()).collect();
    assert_eq!(
        title,
        ["Cumulative probability of", "immunological response: curves from", "reconstructed data"]
    );
    let y_of = |label: &str| all.iter().find(|t| t.2 == label).unwrap_or_else(|| panic!("no '{label}'")).1;
    // The whole legend lies above the top of the plot, where the 100% tick is.
    for entry in ["Low dose (reconstructed data)", "Placebo (reconstructed data)", "+ censored"] {
        assert!(y_of(entry) < y_of("100%"), "'{entry}' is not above the plot");
    }
    // On the page's own size the legend stays in the plot's corner.
    let wide = texts(&view_svg(&view, SCREEN_SIZE, &ChartStyle::SCREEN).unwrap());
    let at = |label: &str| wide.iter().find(|t| t.2 == label).map(|t| (t.0, t.1)).unwrap();
    let (high, low, placebo) = (
        at("High dose: not reported"),
        at("Low dose (reconstructed data)"),
        at("Placebo (reconstructed data)"),
    );
    assert!(high.1 > at("100%").1);
    // One arm per row, one under the other.
    assert!(high.0 == low.0 && low.0 == placebo.0 && high.1 < low.1 && low.1 < placebo.1);
}

#[test]
fn visit_ticks_name_the_visits_where_they_fit_and_give_the_week_where_not() {
    let bundle = reconstructed();
    let view = compute(&bundle, &all_visits(&bundle, EndpointChoice::Cd4));
    let ticks = |size| -> Vec<String> {
        let svg = view_svg(&view, size, &ChartStyle::SCREEN).unwrap();
        let all = texts(&svg);
        let axis_y = all.iter().find(|t| t.2 == "Weeks since baseline").unwrap().1;
        // The tick labels are the row of texts just above the axis title.
        let row = all.iter().filter(|t| t.1 < axis_y && t.1 > axis_y - 40).map(|t| t.2.clone()).collect();
        row
    };
    assert_eq!(
        ticks(SCREEN_SIZE),
        ["Baseline", "Week 12", "Week 24", "Week 36", "Week 48", "Week 60", "Week 72", "Week 84", "Week 96"]
    );
    assert_eq!(ticks(PHONE_SIZE), ["0", "12", "24", "36", "48", "60", "72", "84", "96"]);
    // Three visits fit by name even on a phone.
    let few = compute(&bundle, &Selection { endpoint: EndpointChoice::Cd4, ..Selection::default() });
    let svg = view_svg(&few, PHONE_SIZE, &ChartStyle::SCREEN).unwrap();
    assert!(texts(&svg).iter().any(|t| t.2 == "Week 48"));
}

#[test]
fn wrap_breaks_at_spaces_within_the_width() {
    let chars = |s: &str| s.chars().count() as u32;
    assert_eq!(wrap("one two three", 7, &chars), ["one two", "three"]);
    assert_eq!(wrap("one two three", 13, &chars), ["one two three"]);
    // A word wider than the line is broken after its last hyphen, underscore or full stop
    // that fits, else after its last character that fits.
    assert_eq!(
        wrap("data (digitised-figure-2.csv)", 12, &chars),
        ["data", "(digitised-", "figure-2.", "csv)"]
    );
    assert_eq!(wrap("a reconstruction b", 5, &chars), ["a", "recon", "struc", "tion", "b"]);
    assert_eq!(wrap("", 5, &chars), [""]);
}

/// A column narrower than the desktop drawing gets a drawing as wide as the column (in steps,
/// never wider than it), so nothing is shrunk by more than a step; a wide column keeps the
/// desktop drawing.
#[test]
fn the_page_drawing_fits_its_column() {
    assert_eq!(fitted_size(1200), SCREEN_SIZE);
    assert_eq!(fitted_size(800), SCREEN_SIZE);
    assert_eq!(fitted_size(799), (760, 475));
    assert_eq!(fitted_size(700), (680, 425));
    assert_eq!(fitted_size(532), (520, 420));
    assert_eq!(fitted_size(413), (480, 420));
    for column in FITTED_MIN_WIDTH..SCREEN_SIZE.0 {
        let (width, height) = fitted_size(column);
        assert!(width <= column && column - width < FITTED_STEP, "{column}: {width}");
        assert!(height >= 420 && height <= SCREEN_SIZE.1, "{column}: {height}");
    }
}

/// In presentation the drawing fits its column the same way, up to the presentation drawing,
/// so a projector's narrow column shows the larger type at its size.
#[test]
fn the_presentation_drawing_fits_its_column() {
    assert_eq!(presentation_size(1400), PRESENTATION_SIZE);
    assert_eq!(presentation_size(1000), PRESENTATION_SIZE);
    assert_eq!(presentation_size(999), (960, 600));
    assert_eq!(presentation_size(830), (800, 600));
    assert_eq!(presentation_size(641), (640, 600));
    assert_eq!(presentation_size(480), PRESENTATION_MIN_SIZE);
    for column in PRESENTATION_MIN_SIZE.0..PRESENTATION_SIZE.0 {
        let (width, height) = presentation_size(column);
        assert!(width <= column && column - width < FITTED_STEP, "{column}: {width}");
        assert!(height >= PRESENTATION_MIN_SIZE.1 && height <= PRESENTATION_SIZE.1, "{column}: {height}");
    }
}

/// The value axis keeps a label at every tenth where the plot has room for them, and labels
/// every fifth on a drawing whose plot is too short for ten: a fitted narrow one, or one whose
/// legend is above the plot because in its corner it would cover a band (the presentation's).
#[test]
fn the_value_axis_labels_as_many_tenths_as_fit() {
    let bundle = reconstructed();
    let view = compute(&bundle, &all_visits(&bundle, EndpointChoice::Response));
    let percents = |size, style: &ChartStyle| -> Vec<String> {
        let boxes = text_boxes(&view_svg(&view, size, style).unwrap());
        boxes.into_iter().map(|(_, body)| body).filter(|b| b.ends_with('%') && !b.contains(' ')).collect()
    };
    let tenths: Vec<String> = (0..=10).map(|i| format!("{}%", 10 * i)).collect();
    let fifths: Vec<String> = (0..=5).map(|i| format!("{}%", 20 * i)).collect();
    for size in [PHONE_SIZE, SCREEN_SIZE, fitted_size(760)] {
        assert_eq!(percents(size, &ChartStyle::SCREEN), tenths, "{size:?}");
    }
    for size in [fitted_size(FITTED_MIN_WIDTH), fitted_size(640)] {
        assert_eq!(percents(size, &ChartStyle::SCREEN), fifths, "{size:?}");
    }
    assert_eq!(percents(PRESENTATION_SIZE, &ChartStyle::PRESENTATION), fifths);
}
