//! The allocation chart as inline SVG, drawn by `chart::draw_allocation` into `chart::svg`
//! (which escapes every text it writes).

use leptos::prelude::*;

use crate::chart::{draw_allocation, svg_document, ChartError, ChartStyle};
use crate::explore::ArmRow;
use crate::ui::state::use_state;

/// Drawing size in pixels; the page scales it to the space it has.
const SIZE: (u32, u32) = (560, 320);

/// The bar chart of planned patients as SVG text.
fn allocation_svg(arms: &[ArmRow], style: &ChartStyle) -> Result<String, ChartError> {
    svg_document(SIZE, |root| draw_allocation(root, arms, style))
}

/// The drawing, its text alternative, its caption (`Overview::allocation_caption`), and a
/// visible message if drawing fails.
#[component]
pub fn AllocationChart(arms: Vec<ArmRow>, caption: String) -> impl IntoView {
    let description = arms
        .iter()
        .map(|a| format!("{}: {} planned", a.label, a.planned_n.text))
        .collect::<Vec<_>>()
        .join("; ");
    let state = use_state();
    let drawn = Memo::new(move |_| {
        allocation_svg(&arms, &ChartStyle::SCREEN.with_theme(state.page_theme())).map_err(|e| e.to_string())
    });
    view! {
        <figure class="chart" id="allocation-chart">
            <div class="chart-drawing allocation-drawing" role="img"
                aria-label=format!("Bar chart of planned patients per arm. {description}.")
                inner_html=move || drawn.get().unwrap_or_default()></div>
            <figcaption>{caption}</figcaption>
            {move || drawn.get().err().map(|message| view! { <p class="chart-error" role="alert">{message}</p> })}
        </figure>
    }
}
