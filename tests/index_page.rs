//! The page shown while the app loads states the trial exactly as the embedded bundle does,
//! so the first thing a reader sees is never a different title.

use trial_explorer::trial::default_bundle;

#[test]
fn the_loading_header_shows_the_bundles_registry_id_and_title() {
    let page = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/index.html")).unwrap();
    let bundle = default_bundle().unwrap();
    let start = page.find("<header class=\"trial-header\" id=\"page-loading\">").expect("loading header");
    let header = &page[start..start + page[start..].find("</header>").unwrap()];
    let registry =
        format!("<p class=\"registry-id\">ClinicalTrials.gov {}</p>", bundle.trial.registry_id.value);
    assert!(header.contains(&registry), "{header}");
    assert!(header.contains(&format!("<h1>{}</h1>", bundle.trial.title.value)), "{header}");
    // No id the app uses: tests and styles find the app's own header, never this one.
    assert!(!header.contains("id=\"trial-title\""));
}
