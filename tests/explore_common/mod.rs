//! Small bundles with patient data whose numbers can be checked by hand, shared by the
//! explore and chart tests (`mod explore_common;`).
#![allow(dead_code)]

use trial_explorer::trial::import::import_patient_csv;
use trial_explorer::trial::{default_bundle, Bundle, Provenance};

/// Low dose: responses at weeks 12, 24, 36, one censored at 48.
/// Placebo: responses at 24 and 60, two followed to 96 without response. High dose: none.
pub const EVENTS: &str = "arm,time,event
low,12,1
low,24,1
low,36,1
low,48,0
placebo,24,1
placebo,60,1
placebo,96,0
placebo,96,0
";

/// CD4 at baseline and week 48, three patients per arm.
pub const CD4: &str = "arm,patient,visit,value
low,p1,w0,100
low,p1,w48,150
low,p2,w0,120
low,p2,w48,160
low,p3,w0,110
low,p3,w48,170
placebo,p4,w0,100
placebo,p4,w48,105
placebo,p5,w0,130
placebo,p5,w48,125
placebo,p6,0,90
placebo,p6,48,100
high,p7,w0,200
high,p7,w48,260
high,p8,w0,180
high,p8,w48,250
high,p9,w0,150
high,p9,w48,200
";

pub fn with_events() -> Bundle {
    import_patient_csv(&default_bundle().unwrap(), EVENTS, "events.csv", "response").unwrap()
}

pub fn with_cd4() -> Bundle {
    import_patient_csv(&default_bundle().unwrap(), CD4, "cd4.csv", "cd4").unwrap()
}

/// The default bundle with the default reconstruction, as the app loads it.
pub fn reconstructed() -> Bundle {
    trial_explorer::reconstruct::reconstruct(
        &default_bundle().unwrap(),
        trial_explorer::reconstruct::DEFAULT_SEED,
    )
    .unwrap()
}

/// Changes from baseline in the CD4/CD8 ratio: a few hundredths, the smallest numbers shown.
pub fn ratio_changes() -> trial_explorer::explore::Selection {
    use trial_explorer::explore::{EndpointChoice, Selection};
    Selection { endpoint: EndpointChoice::Cd4Cd8Ratio, change_from_baseline: true, ..Selection::default() }
}

/// The event data marked as coming from the reconstruction, as the reconstruction module
/// will deliver it.
pub fn reconstructed_events() -> Bundle {
    let mut bundle = with_events();
    bundle.patient_data.time_to_event[0].provenance =
        Provenance::Reconstructed { method: "test reconstruction".to_string(), seed: 7 };
    bundle
}

pub fn close(a: f64, b: f64, tol: f64) -> bool {
    (a - b).abs() <= tol
}

/// The SVG colour of an arm, as `chart::svg` writes it.
pub fn hex(arm: &str) -> String {
    let c = trial_explorer::chart::arm_style(arm).color;
    format!("#{:02X}{:02X}{:02X}", c.0, c.1, c.2)
}

/// `(x, y, text)` of every `<text>` element.
pub fn texts(svg: &str) -> Vec<(i32, i32, String)> {
    let attr = |tag: &str, name: &str| -> i32 {
        let start = tag.find(&format!(" {name}=\"")).unwrap() + name.len() + 3;
        tag[start..].split('"').next().unwrap().parse().unwrap()
    };
    svg.split("<text")
        .skip(1)
        .map(|t| {
            let (tag, rest) = t.split_once('>').unwrap();
            let body = rest.split("</text>").next().unwrap().trim().to_string();
            (attr(tag, "x"), attr(tag, "y"), body)
        })
        .collect()
}

/// The bodies of the `<text>` elements in `size` px type, joined by spaces: a message the
/// chart wraps onto several lines, read as one.
pub fn text_in_size(svg: &str, size: u32) -> String {
    let marker = format!(" font-size=\"{size}\"");
    let lines: Vec<&str> = svg
        .split("<text")
        .skip(1)
        .filter(|t| t.split_once('>').is_some_and(|(tag, _)| tag.contains(&marker)))
        .map(|t| t.split_once('>').unwrap().1.split("</text>").next().unwrap().trim())
        .collect();
    lines.join(" ")
}

/// Draw into an SVG string with `draw`.
pub fn svg_with(
    size: (u32, u32),
    draw: impl FnOnce(
        &plotters::prelude::DrawingArea<trial_explorer::chart::SvgBackend<'_>, plotters::coord::Shift>,
    ),
) -> String {
    trial_explorer::chart::svg_document(size, |root| {
        draw(root);
        Ok(())
    })
    .unwrap()
}

/// The trial's bundle file with only `results` in it, no tests or statements: what a reader who
/// digitised the paper's figures writes, for `import_bundle_json` to add to what is loaded.
pub fn results_only(results: serde_json::Value) -> String {
    let mut file: serde_json::Value =
        serde_json::from_str(include_str!("../../data/nct01213186.json")).unwrap();
    file["results"] = results;
    file["tests"] = serde_json::json!([]);
    file["statements"] = serde_json::json!([]);
    file.to_string()
}

/// Responses only after week 12 (low dose at 24 and 36, placebo at 24; one placebo patient
/// followed to 60 without one): nobody has responded by week 12.
pub fn late_responses() -> Bundle {
    with_responses("arm,time,event\nlow,24,1\nlow,36,1\nplacebo,24,1\nplacebo,60,0\n", "late.csv")
}

/// The published bundle with the response CSV `csv` imported as `file`.
pub fn with_responses(csv: &str, file: &str) -> Bundle {
    import_patient_csv(&default_bundle().unwrap(), csv, file, "response").unwrap()
}
