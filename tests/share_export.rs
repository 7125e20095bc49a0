//! Exports: tables as tidy CSV with provenance, and citations.

use trial_explorer::explore::table::{Cell, TextTable};
use trial_explorer::explore::Estimate;
use trial_explorer::share::citation::{PAPER_DOI, PAPER_TITLE};
use trial_explorer::share::export_csv::csv_field;
use trial_explorer::share::{citation, tables_csv};
use trial_explorer::trial::{default_bundle, Provenance};

#[test]
fn tables_become_tidy_csv_with_provenance() {
    let reconstructed = Provenance::Reconstructed { method: "m".into(), seed: 1 };
    let reported = Provenance::Reported { source: "abstract".into(), locator: "x".into() };
    let mut table = TextTable::new("Low dose vs placebo", &["Comparison", "Recomputed", "Published"]);
    table.rows.push(vec![
        Cell::label("Log-rank P"),
        Cell::value("0.0041", &reconstructed),
        Cell::value("P = 0.004", &reported),
    ]);
    table
        .rows
        .push(vec![Cell::label("Risk difference, \"low\" − placebo"), Cell::value("-0.25", &reconstructed)]);
    assert_eq!(
        tables_csv(&[table]),
        "table,row,column,value,estimate,lower,upper,provenance\r\n\
         Low dose vs placebo,Log-rank P,Recomputed,0.0041,,,,reconstructed\r\n\
         Low dose vs placebo,Log-rank P,Published,P = 0.004,,,,reported\r\n\
         Low dose vs placebo,\"Risk difference, \"\"low\"\" − placebo\",Recomputed,-0.25,,,,reconstructed\r\n"
    );
}

/// A one-column table (the safety view's statements and what is not reported) still exports
/// every cell, its rows numbered.
#[test]
fn a_one_column_table_exports_each_row_numbered() {
    let reported = Provenance::Reported { source: "abstract".into(), locator: "Results".into() };
    let mut statements = TextTable::new("Published statements on safety", &["Statement"]);
    statements.rows.push(vec![Cell::value("safe and well tolerated", &reported)]);
    let mut missing = TextTable::new("Not reported in the published sources", &["Item"]);
    missing.rows.push(vec![Cell::label("adverse-event counts")]);
    missing.rows.push(vec![Cell::label("serious adverse events")]);
    assert_eq!(
        tables_csv(&[statements, missing]),
        "table,row,column,value,estimate,lower,upper,provenance\r\n\
         Published statements on safety,1,Statement,safe and well tolerated,,,,reported\r\n\
         Not reported in the published sources,1,Item,adverse-event counts,,,,\r\n\
         Not reported in the published sources,2,Item,serious adverse events,,,,\r\n"
    );
    let bundle = default_bundle().unwrap();
    let safety = trial_explorer::explore::compute(
        &bundle,
        &trial_explorer::explore::Selection {
            endpoint: trial_explorer::explore::EndpointChoice::Safety,
            ..Default::default()
        },
    );
    let view = safety.safety().unwrap();
    let csv = tables_csv(safety.tables());
    assert_eq!(csv.lines().count(), 1 + view.statements.len() + view.not_reported.len(), "{csv}");
}

/// A computed estimate gives R its number: unrounded, in its own unit, with its limits;
/// a signed text stays defused while the numbers beside it are plain.
#[test]
fn estimates_carry_their_unrounded_numbers() {
    let reconstructed = Provenance::Reconstructed { method: "m".into(), seed: 1 };
    let mut table = TextTable::new("Low dose vs placebo", &["Statistic", "Recomputed"]);
    let difference = Estimate::new(
        0.25,
        Some((0.035, 0.4533)),
        "+25.0 percentage points (95% CI 3.5 to 45.3)".into(),
        reconstructed.clone(),
    );
    table.rows.push(vec![Cell::label("Risk difference"), Cell::estimate(&difference)]);
    table
        .rows
        .push(vec![Cell::label("Log-rank P"), Cell::estimate(&Estimate::p_value(1.5e-5, reconstructed))]);
    table.rows.push(vec![Cell::label("Risk difference"), Cell::outcome(&Err("no data".into()))]);
    assert_eq!(
        tables_csv(&[table]),
        "table,row,column,value,estimate,lower,upper,provenance\r\n\
         Low dose vs placebo,Risk difference,Recomputed,'+25.0 percentage points (95% CI 3.5 to 45.3),0.25,0.035,0.4533,reconstructed\r\n\
         Low dose vs placebo,Log-rank P,Recomputed,P < 0.0001,0.000015,,,reconstructed\r\n\
         Low dose vs placebo,Risk difference,Recomputed,no data,,,,\r\n"
    );
}

#[test]
fn csv_fields_defuse_formulas_but_keep_negative_numbers() {
    assert_eq!(csv_field("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
    assert_eq!(csv_field("@SUM(A1)"), "'@SUM(A1)");
    assert_eq!(csv_field("-cmd"), "'-cmd");
    assert_eq!(csv_field("-0.25"), "-0.25");
    assert_eq!(csv_field("-.5"), "-.5");
    assert_eq!(csv_field("+25.0"), "+25.0");
    assert_eq!(csv_field("1e-5"), "1e-5");
    assert_eq!(csv_field("-2+3+cmd|' /C calc'!A0"), "'-2+3+cmd|' /C calc'!A0");
    assert_eq!(csv_field("+25.0 (95% CI 3.5 to 45.3)"), "'+25.0 (95% CI 3.5 to 45.3)");
    assert_eq!(csv_field("-"), "'-");
    assert_eq!(csv_field("+1e"), "'+1e");
    assert_eq!(csv_field("a\nb"), "\"a\nb\"");
}

#[test]
fn citations_name_the_paper_and_the_view() {
    let bundle = default_bundle().unwrap();
    let abstract_citation = &bundle.sources.iter().find(|s| s.id == "abstract").unwrap().citation;
    assert!(abstract_citation.contains(PAPER_TITLE) && abstract_citation.contains(PAPER_DOI));
    let c = citation(&bundle, "http://127.0.0.1:8080/?endpoint=cd4&ci=95%25", "2026-11-27");
    assert_eq!(&c.paper_text, abstract_citation);
    assert!(c.paper_bibtex.starts_with("@article{wang2021hucmsc,\n"));
    assert!(c.paper_bibtex.contains("doi     = {10.1038/s41392-021-00607-2}"));
    assert!(c
        .view_text
        .starts_with("NCT01213186 results explorer: view at http://127.0.0.1:8080/?endpoint=cd4&ci=95%25 (accessed 2026-11-27)."));
    assert!(c.view_bibtex.contains("howpublished = {\\url{http://127.0.0.1:8080/?endpoint=cd4&ci=95\\%25}}"));
    assert!(c.view_bibtex.starts_with("@misc{nct01213186explorer,"));
    // A web page is cited with the day it was read.
    assert!(
        c.view_bibtex.contains("  year         = {2026},\n  urldate      = {2026-11-27},\n"),
        "{}",
        c.view_bibtex
    );
}

mod svg {
    use trial_explorer::chart::ChartStyle;
    use trial_explorer::explore::selection::EndpointChoice;
    use trial_explorer::explore::{compute, Selection};
    use trial_explorer::reconstruct::{reconstruct, DEFAULT_SEED};
    use trial_explorer::share::{exported_svg, figure_source, view_svg, EXPORT_SIZE};
    use trial_explorer::trial::default_bundle;
    use trial_explorer::trial::import::import_patient_csv;

    #[test]
    fn every_charted_endpoint_exports_a_complete_svg_document() {
        let bundle = reconstruct(&default_bundle().unwrap(), DEFAULT_SEED).unwrap();
        for endpoint in EndpointChoice::ALL {
            let view = compute(&bundle, &Selection { endpoint, ..Selection::default() });
            match view_svg(&view, EXPORT_SIZE, &ChartStyle::SCREEN) {
                Ok(svg) => {
                    assert!(svg.starts_with("<svg") && svg.trim_end().ends_with("</svg>"), "{endpoint:?}");
                    assert!(svg.contains("width=\"1200\"") && svg.contains("height=\"800\""));
                    assert_eq!(svg.matches("<svg").count(), 1);
                }
                Err(e) => {
                    assert_eq!(endpoint, EndpointChoice::Safety, "{e}");
                    assert_eq!(
                        e.to_string(),
                        format!(
                            "the chart could not be drawn: the {} view has no chart to export",
                            view.title
                        )
                    );
                }
            }
        }
    }

    /// An exported chart carries its source under the drawing: a slide made from it says where
    /// it comes from. The drawing above keeps everything it has on the page.
    #[test]
    fn an_exported_chart_names_its_source_under_the_drawing() {
        let bundle = reconstruct(&default_bundle().unwrap(), DEFAULT_SEED).unwrap();
        let view = compute(&bundle, &Selection::default());
        let source = figure_source(&bundle);
        assert_eq!(
            source,
            [
                "Source: Wang et al., Signal Transduction and Targeted Therapy 6, 217 (2021), doi:10.1038/s41392-021-00607-2; trial NCT01213186.",
                "Drawn by the NCT01213186 results explorer: values not reported in the abstract are derived, reconstructed, illustrative or imported, as labelled.",
            ]
        );
        let svg = exported_svg(&view, &source).unwrap();
        assert!(svg.contains("width=\"1200\"") && svg.contains("height=\"800\""));
        let lowest_other = |svg: &str| {
            svg.split("<text")
                .skip(1)
                .filter(|t| !t.contains("Source:") && !t.contains("Drawn by"))
                .map(y_of)
                .fold(0.0, f64::max)
        };
        let (first, second) = (
            y_of(svg.split("<text").find(|t| t.contains("Source: Wang")).unwrap()),
            y_of(svg.split("<text").find(|t| t.contains("Drawn by the NCT01213186")).unwrap()),
        );
        assert!(lowest_other(&svg) < first && first < second && second < 800.0, "{first} {second}");
        // The drawing is the page's, in the room above the strip: every text of the page's
        // drawing at the export size is there too.
        let plain = view_svg(&view, EXPORT_SIZE, &ChartStyle::SCREEN).unwrap();
        for text in
            plain.split("<text").skip(1).map(|t| t.split('>').nth(1).unwrap().split('<').next().unwrap())
        {
            assert!(svg.contains(&format!(">{text}<")), "{text} missing from the export");
        }
        // The safety view has no chart, with or without its source.
        let safety =
            compute(&bundle, &Selection { endpoint: EndpointChoice::Safety, ..Selection::default() });
        assert!(exported_svg(&safety, &source).is_err());
    }

    /// The y attribute of a `<text` element's opening.
    fn y_of(element: &str) -> f64 {
        element.split(" y=\"").nth(1).unwrap().split('"').next().unwrap().parse().unwrap()
    }

    #[test]
    fn a_hostile_file_name_is_escaped_in_the_exported_svg() {
        let bundle = reconstruct(&default_bundle().unwrap(), DEFAULT_SEED).unwrap();
        let csv = "arm,time,event\nlow,12,1\nlow,96,0\nplacebo,48,1\nplacebo,96,0\n";
        let name = "<img src=x onerror=alert(1)><script>alert(2)</script>.csv";
        let imported = import_patient_csv(&bundle, csv, name, "response").unwrap();
        let view = compute(&imported, &Selection::default());
        let svg = view_svg(&view, EXPORT_SIZE, &ChartStyle::SCREEN).unwrap();
        assert!(!svg.contains("<img") && !svg.contains("<script"), "markup leaked into the SVG");
        assert!(svg.contains("&lt;img src=x onerror=alert(1)&gt;"), "the file name is shown as text");
    }
}

/// Writes each endpoint's exported SVG to target/exports/ for people to look at
/// (run with `--ignored`).
#[test]
#[ignore]
fn write_exports_for_inspection() {
    use trial_explorer::chart::ChartStyle;
    use trial_explorer::explore::selection::EndpointChoice;
    use trial_explorer::explore::{compute, Selection};
    use trial_explorer::reconstruct::{reconstruct, DEFAULT_SEED};
    use trial_explorer::share::{view_svg, EXPORT_SIZE};
    let bundle = reconstruct(&default_bundle().unwrap(), DEFAULT_SEED).unwrap();
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/exports");
    std::fs::create_dir_all(&dir).unwrap();
    for endpoint in EndpointChoice::ALL {
        let view = compute(&bundle, &Selection { endpoint, ..Selection::default() });
        if let Ok(svg) = view_svg(&view, EXPORT_SIZE, &ChartStyle::SCREEN) {
            std::fs::write(dir.join(format!("{}.svg", endpoint.id())), svg).unwrap();
        }
    }
}
