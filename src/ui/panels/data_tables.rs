//! The view's text alternatives as real tables: every number the chart shows, each value
//! cell focusable with its exact text and provenance in a tooltip.

use leptos::html::Details;
use leptos::prelude::*;

use crate::explore::{Cell, TextTable};
use crate::ui::provenance::value_view;
use crate::ui::state::use_state;

fn cell_view(cell: Cell, first: bool) -> AnyView {
    match (cell.provenance, first) {
        (Some(provenance), _) => {
            let shown = crate::explore::Shown { text: cell.text, provenance };
            view! { <td>{value_view(&shown)}</td> }.into_any()
        }
        (None, true) => view! { <th scope="row">{cell.text}</th> }.into_any(),
        (None, false) => view! { <td>{cell.text}</td> }.into_any(),
    }
}

/// A table in its own horizontally scrolling box (wide at-risk tables must not widen the page
/// on a projector), focusable so that keyboard users can scroll it.
fn table_view(table: TextTable) -> impl IntoView {
    let label = table.caption.clone();
    view! {
        <div class="table-scroll" role="region" aria-label=label tabindex="0">
        <table class="data">
            <caption>{table.caption}</caption>
            <thead><tr>{table.columns.into_iter().map(|c| view! { <th scope="col">{c}</th> }).collect_view()}</tr></thead>
            <tbody>
                {table
                    .rows
                    .into_iter()
                    .map(|row| view! { <tr>{row.into_iter().enumerate().map(|(i, c)| cell_view(c, i == 0)).collect_view()}</tr> })
                    .collect_view()}
            </tbody>
        </table>
        </div>
    }
}

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
            <summary>"Chart data as tables"</summary>
            {move || {
                open.get().then(|| view.with(|v| v.tables().to_vec()).into_iter().map(table_view).collect_view())
            }}
        </details>
    }
}
