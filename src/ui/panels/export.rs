//! Exports of the current view: the chart as PNG (the canvas as drawn) and SVG (the same
//! drawing functions into plotters' SVG backend), the tables as CSV, the loaded bundle as
//! JSON, and citations. Files are made in the browser and saved through a download link.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::chart::ChartStyle;
use crate::share::{citation, tables_csv, view_svg, EXPORT_SIZE};
use crate::trial::json::to_pretty_text;
use crate::ui::state::use_state;

/// Save `contents` as a file called `name` through a temporary object URL.
fn download(name: &str, mime: &str, contents: &str) -> Result<(), String> {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(contents));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
        .map_err(|_| "the browser could not make the file".to_string())?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|_| "no download link".to_string())?;
    // Not revoked at once: the browser may still be reading the file when the click returns.
    save_url(name, &url);
    Ok(())
}

/// Click a temporary `<a download>` for `url`.
fn save_url(name: &str, url: &str) {
    let Ok(element) = document().create_element("a") else { return };
    let Ok(link) = element.dyn_into::<web_sys::HtmlAnchorElement>() else { return };
    link.set_href(url);
    link.set_download(name);
    link.click();
}

#[component]
pub fn ExportPanel() -> impl IntoView {
    let state = use_state();
    let failure = RwSignal::new(None::<String>);
    let report = move |outcome: Result<(), String>| failure.set(outcome.err());
    let endpoint = move || state.view.with(|v| v.endpoint.id());
    let svg =
        move |_| {
            let made =
                state.view.with(|v| view_svg(v, EXPORT_SIZE, &ChartStyle::SCREEN)).map_err(|e| e.to_string());
            report(made.and_then(|text| {
                download(&format!("nct01213186-{}.svg", endpoint()), "image/svg+xml", &text)
            }));
        };
    let png = move |_| {
        let canvas = document()
            .get_element_by_id("main-canvas")
            .and_then(|c| c.dyn_into::<web_sys::HtmlCanvasElement>().ok());
        report(match canvas.map(|c| c.to_data_url_with_type("image/png")) {
            Some(Ok(url)) => {
                save_url(&format!("nct01213186-{}.png", endpoint()), &url);
                Ok(())
            }
            _ => Err("this view has no chart to save as PNG".to_string()),
        });
    };
    let csv = move |_| {
        let text = state.view.with(|v| tables_csv(v.tables()));
        report(download(&format!("nct01213186-{}-tables.csv", endpoint()), "text/csv", &text));
    };
    let json = move |_| {
        let text = state.bundle.with(to_pretty_text);
        report(download("nct01213186-bundle.json", "application/json", &text));
    };
    let cite = move || {
        let url = window().location().href().unwrap_or_default();
        state.bundle.with(|b| citation(b, &url))
    };
    view! {
        <section class="panel export" id="export" aria-labelledby="export-heading">
            <h2 id="export-heading">"Export and cite"</h2>
            <div class="export-buttons">
                <button type="button" id="export-png" on:click=png>"Chart as PNG"</button>
                <button type="button" id="export-svg" on:click=svg>"Chart as SVG"</button>
                <button type="button" id="export-csv" on:click=csv>"Tables as CSV"</button>
                <button type="button" id="export-json" on:click=json>"Data as JSON"</button>
            </div>
            {move || failure.get().map(|why| view! { <p class="export-failure" role="alert">{why}</p> })}
            <details class="citation" id="citation">
                <summary>"How to cite"</summary>
                {move || {
                    let c = cite();
                    view! {
                        <p>{c.paper_text}</p>
                        <pre id="citation-paper-bibtex">{c.paper_bibtex}</pre>
                        <p>{c.view_text}</p>
                        <pre id="citation-view-bibtex">{c.view_bibtex}</pre>
                    }
                }}
            </details>
        </section>
    }
}
