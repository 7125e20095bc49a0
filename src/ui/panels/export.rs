//! Exports of the current view: the chart as SVG (the page's drawing functions into
//! `chart::svg`) and as PNG (that SVG, rasterised by the browser at twice its size), the tables
//! as CSV, the loaded bundle as JSON, and citations. Both charts are drawn at `EXPORT_SIZE` on
//! light paper, as printed, whatever the page's theme. Files are made in the browser and saved
//! through a download link.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::explore::View;
use crate::share::{citation, exported_svg, figure_source, tables_csv, EXPORT_SIZE, PNG_SCALE};
use crate::trial::json::to_pretty_text;
use crate::trial::Bundle;
use crate::ui::clipboard::{write_text, written};
use crate::ui::permalink::current_link;
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

/// The chart both exports draw: `EXPORT_SIZE`, screen type sizes, light paper, and the source
/// lines under it.
fn export_svg(view: &View, bundle: &Bundle) -> Result<String, String> {
    exported_svg(view, &figure_source(bundle)).map_err(|e| e.to_string())
}

/// The SVG text as a PNG data URL, `scale` PNG pixels per drawing pixel: drawn through an
/// image element onto a canvas made for the purpose, so the PNG is the same drawing as the
/// SVG. The browser draws an SVG image as vectors at the size asked for, so the PNG is sharp.
async fn rasterise(svg: &str, (width, height): (u32, u32), scale: u32) -> Result<String, String> {
    let failed = |what: &str| format!("the browser could not {what}");
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(svg));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("image/svg+xml");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
        .map_err(|_| failed("make the image"))?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|_| failed("make the image"))?;
    let image = web_sys::HtmlImageElement::new().map_err(|_| failed("make an image"))?;
    image.set_src(&url);
    let decoded = wasm_bindgen_futures::JsFuture::from(image.decode()).await;
    let _ = web_sys::Url::revoke_object_url(&url);
    decoded.map_err(|_| failed("read the chart as an image"))?;
    let canvas = document()
        .create_element("canvas")
        .ok()
        .and_then(|c| c.dyn_into::<web_sys::HtmlCanvasElement>().ok())
        .ok_or_else(|| failed("make a canvas"))?;
    let (width, height) = (width * scale, height * scale);
    canvas.set_width(width);
    canvas.set_height(height);
    let context = canvas
        .get_context("2d")
        .ok()
        .flatten()
        .and_then(|c| c.dyn_into::<web_sys::CanvasRenderingContext2d>().ok())
        .ok_or_else(|| failed("draw on a canvas"))?;
    context
        .draw_image_with_html_image_element_and_dw_and_dh(
            &image,
            0.0,
            0.0,
            f64::from(width),
            f64::from(height),
        )
        .map_err(|_| failed("draw the chart"))?;
    canvas.to_data_url_with_type("image/png").map_err(|_| failed("save the canvas"))
}

/// Click a temporary `<a download>` for `url`.
fn save_url(name: &str, url: &str) {
    let Ok(element) = document().create_element("a") else { return };
    let Ok(link) = element.dyn_into::<web_sys::HtmlAnchorElement>() else { return };
    link.set_href(url);
    link.set_download(name);
    link.click();
}

/// A "Copy" button for one of the citations: `text` to the clipboard, and what happened said in
/// `said` (a browser may refuse; the citation is there to select by hand).
fn copy_button(
    id: &'static str,
    what: &'static str,
    text: Box<dyn Fn() -> String + Send + Sync>,
    said: RwSignal<String>,
) -> AnyView {
    let copy = move |_| {
        let asked = write_text(&text());
        leptos::task::spawn_local(async move {
            said.set(match written(asked).await {
                true => format!("Copied {what}."),
                false => format!("The browser did not allow copying; select {what} above and copy it."),
            });
        });
    };
    view! {
        <button type="button" class="copy" id=id on:click=copy aria-label=format!("Copy {what}")>"Copy"</button>
    }
    .into_any()
}

#[component]
pub fn ExportPanel() -> impl IntoView {
    let state = use_state();
    let failure = RwSignal::new(None::<String>);
    let report = move |outcome: Result<(), String>| failure.set(outcome.err());
    let endpoint = move || state.view.with(|v| v.endpoint.id());
    // Safety is statements and an unavailable endpoint a reason: their chart buttons are
    // disabled, and a line says why.
    let no_chart = move || !state.view.with(View::has_chart);
    let why_disabled = move || no_chart().then_some("export-no-chart");
    let svg =
        move |_| {
            let made = state.bundle.with(|b| state.view.with(|v| export_svg(v, b)));
            report(made.and_then(|text| {
                download(&format!("nct01213186-{}.svg", endpoint()), "image/svg+xml", &text)
            }));
        };
    let png = move |_| {
        let made = state.bundle.with(|b| state.view.with(|v| export_svg(v, b)));
        let name = format!("nct01213186-{}.png", endpoint());
        leptos::task::spawn_local(async move {
            let saved = match made {
                Ok(svg) => rasterise(&svg, EXPORT_SIZE, PNG_SCALE).await.map(|url| save_url(&name, &url)),
                Err(e) => Err(e),
            };
            report(saved);
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
    // Built only while the fold is open, as the data tables are: the view's citation follows
    // every click on the controls.
    let details = NodeRef::<leptos::html::Details>::new();
    let open = RwSignal::new(false);
    let said = RwSignal::new(String::new());
    // The link follows the view: it is built from the state, not read from the address bar.
    let cite = move || {
        let url = current_link(&state);
        // The reader's day, from the browser's clock, in the reader's time zone.
        let now = js_sys::Date::new_0();
        let today = format!("{:04}-{:02}-{:02}", now.get_full_year(), now.get_month() + 1, now.get_date());
        state.bundle.with(|b| citation(b, &url, &today))
    };
    view! {
        <section class="panel export" id="export" aria-labelledby="export-heading">
            <h2 id="export-heading">"Export and cite"</h2>
            <div class="export-buttons">
                <button type="button" id="export-png" on:click=png disabled=no_chart aria-describedby=why_disabled>"Chart as PNG"</button>
                <button type="button" id="export-svg" on:click=svg disabled=no_chart aria-describedby=why_disabled>"Chart as SVG"</button>
                <button type="button" id="export-csv" on:click=csv>"Tables as CSV"</button>
                <button type="button" id="export-json" on:click=json>"Data as JSON"</button>
            </div>
            {move || no_chart().then(|| view! {
                <p class="export-note" id="export-no-chart">"This view has no chart; its contents export as CSV."</p>
            })}
            {move || failure.get().map(|why| view! { <p class="export-failure" role="alert">{why}</p> })}
            <details class="citation" id="citation" node_ref=details
                on:toggle=move |_| {
                    open.set(details.get().is_some_and(|d| d.open()));
                    said.set(String::new());
                }>
                <summary>"How to cite"</summary>
                {move || open.get().then(|| {
                    let c = cite();
                    view! {
                        <p>{c.paper_text}</p>
                        <pre id="citation-paper-bibtex">{c.paper_bibtex}</pre>
                        {copy_button("copy-paper-bibtex", "the paper's BibTeX", Box::new(move || cite().paper_bibtex), said)}
                        <p>{c.view_text}</p>
                        <pre id="citation-view-bibtex">{c.view_bibtex}</pre>
                        {copy_button("copy-view-bibtex", "the view's BibTeX", Box::new(move || cite().view_bibtex), said)}
                        <p class="copy-status" id="citation-copied" role="status">{move || said.get()}</p>
                    }
                })}
            </details>
        </section>
    }
}
