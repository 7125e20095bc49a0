//! How to cite the paper and the exact view a reader is looking at.

use crate::trial::Bundle;

/// The paper's bibliographic record (FACTS.md, source `abstract`). A test checks that the
/// bundle's citation text names the same title and DOI, so the two cannot drift apart.
pub const PAPER_TITLE: &str = "Human umbilical cord mesenchymal stem cell transfusion in immune non-responders with AIDS: a multicenter randomized controlled trial";
pub const PAPER_DOI: &str = "10.1038/s41392-021-00607-2";

/// Citations in text and BibTeX.
#[derive(Debug, Clone, PartialEq)]
pub struct Citation {
    pub paper_text: String,
    pub paper_bibtex: String,
    pub view_text: String,
    pub view_bibtex: String,
}

/// The lines under an exported chart that say where it comes from, so that a slide or a
/// handout made from the picture keeps its source: the paper and the trial's record, then this
/// page and what its labels mean.
pub fn figure_source(bundle: &Bundle) -> Vec<String> {
    let registry = &bundle.trial.registry_id.value;
    vec![
        format!("Source: Wang et al., Signal Transduction and Targeted Therapy 6, 217 (2021), doi:{PAPER_DOI}; trial {registry}."),
        format!("Drawn by the {registry} results explorer: values not reported in the abstract are derived, reconstructed, illustrative or imported, as labelled."),
    ]
}

/// Cite the paper and the view at `url` (the page's permalink), seen on `accessed` (the date
/// as YYYY-MM-DD): a web page is cited with the day it was read, as its content may change.
pub fn citation(bundle: &Bundle, url: &str, accessed: &str) -> Citation {
    let registry = &bundle.trial.registry_id.value;
    let paper_text = bundle
        .sources
        .iter()
        .find(|s| s.id == "abstract")
        .map(|s| s.citation.clone())
        .unwrap_or_else(|| format!("{PAPER_TITLE}. doi:{PAPER_DOI}"));
    let paper_bibtex = format!(
        "@article{{wang2021hucmsc,\n  author  = {{Wang, L. and Zhang, Z. and Xu, R. and others}},\n  title   = {{{PAPER_TITLE}}},\n  journal = {{Signal Transduction and Targeted Therapy}},\n  volume  = {{6}},\n  pages   = {{217}},\n  year    = {{2021}},\n  doi     = {{{PAPER_DOI}}}\n}}\n"
    );
    let view_text = format!(
        "{registry} results explorer: view at {url} (accessed {accessed}). Numbers other than those reported in the abstract are derived, reconstructed, illustrative or imported, as labelled in the view."
    );
    let year = accessed.get(..4).unwrap_or(accessed);
    let view_bibtex = format!(
        "@misc{{{}explorer,\n  title        = {{{registry} results explorer}},\n  howpublished = {{\\url{{{}}}}},\n  year         = {{{year}}},\n  urldate      = {{{accessed}}},\n  note         = {{Interactive view of the published results of {registry}; values not reported in the abstract are derived, reconstructed, illustrative or imported, as labelled. Accessed {accessed}}}\n}}\n",
        registry.to_ascii_lowercase(),
        bibtex_escape_url(url)
    );
    Citation { paper_text, paper_bibtex, view_text, view_bibtex }
}

/// Escape what TeX would read as a comment or a group inside `\url{}`.
fn bibtex_escape_url(url: &str) -> String {
    url.replace('\\', "").replace('%', "\\%").replace('#', "\\#").replace(['{', '}'], "")
}
