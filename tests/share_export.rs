//! Exports: tables as tidy CSV with provenance, and citations.

use trial_explorer::explore::table::{Cell, TextTable};
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
        "table,row,column,value,provenance\r\n\
         Low dose vs placebo,Log-rank P,Recomputed,0.0041,reconstructed\r\n\
         Low dose vs placebo,Log-rank P,Published,P = 0.004,reported\r\n\
         Low dose vs placebo,\"Risk difference, \"\"low\"\" − placebo\",Recomputed,-0.25,reconstructed\r\n"
    );
}

#[test]
fn csv_fields_defuse_formulas_but_keep_negative_numbers() {
    assert_eq!(csv_field("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
    assert_eq!(csv_field("@SUM(A1)"), "'@SUM(A1)");
    assert_eq!(csv_field("-cmd"), "'-cmd");
    assert_eq!(csv_field("-0.25"), "-0.25");
    assert_eq!(csv_field("-.5"), "-.5");
    assert_eq!(csv_field("a\nb"), "\"a\nb\"");
}

#[test]
fn citations_name_the_paper_and_the_view() {
    let bundle = default_bundle().unwrap();
    let abstract_citation = &bundle.sources.iter().find(|s| s.id == "abstract").unwrap().citation;
    assert!(abstract_citation.contains(PAPER_TITLE) && abstract_citation.contains(PAPER_DOI));
    let c = citation(&bundle, "http://127.0.0.1:8080/?endpoint=cd4&ci=95%25");
    assert_eq!(&c.paper_text, abstract_citation);
    assert!(c.paper_bibtex.starts_with("@article{wang2021hucmsc,\n"));
    assert!(c.paper_bibtex.contains("doi     = {10.1038/s41392-021-00607-2}"));
    assert!(c
        .view_text
        .starts_with("NCT01213186 results explorer: view at http://127.0.0.1:8080/?endpoint=cd4&ci=95%25."));
    assert!(c.view_bibtex.contains("howpublished = {\\url{http://127.0.0.1:8080/?endpoint=cd4&ci=95\\%25}}"));
    assert!(c.view_bibtex.starts_with("@misc{nct01213186explorer,"));
}
