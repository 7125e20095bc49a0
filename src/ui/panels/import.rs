//! The reader's own data: a patient-level CSV or a JSON bundle, read in the browser (nothing
//! is uploaded), merged into the loaded bundle as "imported", and the claims re-checked.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::HtmlInputElement;

use crate::trial::import::{csv_help, MAX_BYTES};
use crate::ui::state::{use_state, ImportStatus};

/// Endpoints a patient-level CSV can hold, with the columns each needs.
const CSV_ENDPOINTS: [(&str, &str); 4] = [
    ("response", "Immunological response (arm,time,event)"),
    ("cd4", "CD4+ T count (arm,patient,visit,value)"),
    ("cd8", "CD8+ T count (arm,patient,visit,value)"),
    ("cd4_cd8_ratio", "CD4/CD8 ratio (arm,patient,visit,value)"),
];

#[component]
pub fn ImportPanel() -> impl IntoView {
    let state = use_state();
    let endpoint = RwSignal::new(CSV_ENDPOINTS[0].0.to_string());
    let on_file = move |ev: leptos::ev::Event| {
        let Some(input) = ev.target().and_then(|t| t.dyn_into::<HtmlInputElement>().ok()) else { return };
        let Some(file) = input.files().and_then(|files| files.get(0)) else { return };
        // Clearing the picker lets the same file be chosen again after a fix.
        input.set_value("");
        let name = file.name();
        if file.size() > MAX_BYTES as f64 {
            state.refuse(format!(
                "{name}: the file is {:.1} MB; files up to {} MB can be loaded.",
                file.size() / 1e6,
                MAX_BYTES / 1_000_000
            ));
            return;
        }
        let chosen = endpoint.get_untracked();
        leptos::task::spawn_local(async move {
            // The bytes, not the browser's text: it would replace bytes that are not UTF-8.
            match JsFuture::from(file.array_buffer()).await {
                Ok(buffer) => state.import(&name, &js_sys::Uint8Array::new(&buffer).to_vec(), &chosen),
                Err(_) => state.refuse(format!("{name}: the browser could not read the file.")),
            }
        });
    };
    // Two live regions in the page from the start, the message put into one: a region inserted
    // already holding its message is often not announced.
    let message = move |refusals: bool| {
        let (class, text) = match state.import_status.get()? {
            ImportStatus::Loaded(text) if !refusals => ("import-loaded", text),
            ImportStatus::Refused(text) if refusals => ("import-refused", text),
            _ => return None,
        };
        Some(view! { <p id="import-status" class=class>{text}</p> })
    };
    view! {
        <section class="panel import" id="import" aria-labelledby="import-heading">
            <h2 id="import-heading">"Check the claims with your own data"</h2>
            <p>
                "Load values digitised from the paper: a patient-level CSV, or a JSON bundle of this trial "
                "(save the data with \u{201c}Data as JSON\u{201d}, add your means, changes or probabilities under "
                "\"results\" in the form the file's own results take, and load it). "
                "They are read in your browser, nothing is uploaded. Patients replace the reconstruction in every "
                "view, summaries stand beside the computed values, and all are labelled imported, never reported."
            </p>
            <p class="import-help" id="import-help">{move || state.bundle.with(csv_help)}</p>
            <div class="import-controls">
                <label for="import-endpoint">"A CSV holds"</label>
                <select id="import-endpoint" on:change=move |ev| endpoint.set(event_target_value(&ev))>
                    {CSV_ENDPOINTS.iter().map(|(id, label)| view! { <option value=*id>{*label}</option> }).collect_view()}
                </select>
                <label for="import-file">"File (.csv or .json)"</label>
                <input type="file" id="import-file" accept=".csv,.json,text/csv,application/json" on:change=on_file />
                <button type="button" id="import-reset" on:click=move |_| state.reset_data()>
                    "Back to the reconstruction"
                </button>
            </div>
            <div role="status">{move || message(false)}</div>
            <div role="alert">{move || message(true)}</div>
        </section>
    }
}
