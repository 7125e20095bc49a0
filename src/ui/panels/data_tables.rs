//! The view's text alternatives as real tables: every number the chart shows, each value
//! cell focusable with its exact text and provenance in a tooltip (`share::tables_html`).

use leptos::html::Details;
use leptos::prelude::*;

use crate::share::tables_html;
use crate::ui::state::use_state;

/// All tables of the current view, folded under the chart. They are built only while the
/// fold is open: a closed `<details>` hides them from every reader anyway, and not rebuilding
/// a few hundred cells keeps a toggle on the chart quick.
#[component]
pub fn DataTables() -> impl IntoView {
    let view = use_state().view;
    let details = NodeRef::<Details>::new();
    let open = RwSignal::new(false);
    view! {
        <details class="chart-data" id="chart-data" node_ref=details
            on:toggle=move |_| open.set(details.get().is_some_and(|d| d.open()))>
            // A view without a chart (safety) has tables all the same.
            <summary>{move || if view.with(|v| v.has_chart()) { "Chart data as tables" } else { "The view's data as tables" }}</summary>
            <div class="chart-tables" inner_html=move || {
                if open.get() { view.with(|v| tables_html(v.tables())) } else { String::new() }
            }></div>
        </details>
    }
}
