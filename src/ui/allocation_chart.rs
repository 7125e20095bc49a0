//! The allocation chart on a canvas, drawn by the backend-generic `chart::draw_allocation`.

use leptos::html::Canvas;
use leptos::prelude::*;
use plotters::prelude::IntoDrawingArea;
use plotters_canvas::CanvasBackend;

use crate::chart::{draw_allocation, ChartStyle};
use crate::explore::ArmRow;
use crate::ui::state::use_state;

/// The canvas, its text alternative, and a visible message if drawing fails.
#[component]
pub fn AllocationChart(arms: Vec<ArmRow>) -> impl IntoView {
    let canvas = NodeRef::<Canvas>::new();
    let (failure, set_failure) = signal(None::<String>);
    let description = arms
        .iter()
        .map(|a| format!("{}: {} planned", a.label, a.planned_n.text))
        .collect::<Vec<_>>()
        .join("; ");
    let to_draw = arms.clone();
    let state = use_state();
    Effect::new(move |_| {
        let Some(element) = canvas.get() else { return };
        let style = ChartStyle::SCREEN.with_theme(state.page_theme());
        let outcome = match CanvasBackend::with_canvas_object(element) {
            Some(backend) => {
                draw_allocation(&backend.into_drawing_area(), &to_draw, &style).map_err(|e| e.to_string())
            }
            None => Err("this browser gave no 2D drawing context".to_string()),
        };
        set_failure.set(outcome.err());
    });
    view! {
        <figure class="chart" id="allocation-chart">
            <canvas node_ref=canvas width="560" height="320" role="img"
                aria-label=format!("Bar chart of planned patients per arm. {description}.")></canvas>
            <figcaption>"Planned patients per arm. Sizes marked ≈ are derived (72 patients / 3 arms), not stated in the abstract."</figcaption>
            {move || failure.get().map(|message| view! { <p class="chart-error" role="alert">{message}</p> })}
        </figure>
    }
}
