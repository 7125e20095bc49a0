//! The main chart: the view drawn on a canvas by `chart::draw_*` through plotters-canvas,
//! redrawn whenever the view or the chart style (presentation, theme) changes, with the arms
//! that have no curve named below it and the view's tables as its text alternative. Printing
//! redraws it on light paper first.

use leptos::html::Canvas;
use leptos::prelude::*;
use plotters::prelude::IntoDrawingArea;
use plotters_canvas::CanvasBackend;
use web_sys::HtmlCanvasElement;

use super::data_tables::DataTables;
use super::notices::NoticesPanel;
use super::safety::SafetyStatements;
use crate::chart::{
    draw_means, draw_proportions, draw_response, means_caption, proportions_caption, response_caption,
    week_at, ChartStyle,
};
use crate::explore::{View, ViewBody};
use crate::ui::provenance::value_view;
use crate::ui::state::use_state;

/// Canvas size in pixels on the page and in presentation. The presentation canvas is only a
/// quarter wider while its type is half again as large and its lines twice as thick, so
/// both grow relative to the plot when the chart fills a projected screen.
const SCREEN_SIZE: (u32, u32) = (800, 500);
const PRESENTATION_SIZE: (u32, u32) = (1000, 625);

/// The display's device pixels per CSS pixel, kept to 1–3 like `ChartStyle::at_density`.
fn density() -> f64 {
    let ratio = window().device_pixel_ratio();
    if ratio.is_finite() {
        ratio.clamp(1.0, 3.0)
    } else {
        1.0
    }
}

/// Draw `view` on `canvas` in `style`; endpoints without a chart leave it blank.
fn draw(canvas: HtmlCanvasElement, view: &View, style: &ChartStyle) -> Result<(), String> {
    let backend =
        CanvasBackend::with_canvas_object(canvas).ok_or("this browser gave no 2D drawing context")?;
    let root = backend.into_drawing_area();
    let drawn = match &view.body {
        ViewBody::Response(v) => draw_response(&root, v, style),
        ViewBody::Continuous(v) => draw_means(&root, v, style),
        ViewBody::Proportions(v) => draw_proportions(&root, v, style),
        ViewBody::Safety(_) | ViewBody::Unavailable(_) => Ok(()),
    };
    drawn.map_err(|e| format!("The chart could not be drawn: {e}"))
}

/// The chart's caption, which is also the canvas's accessible name.
fn caption(view: &View) -> Option<String> {
    match &view.body {
        ViewBody::Response(v) => Some(response_caption(v)),
        ViewBody::Continuous(v) => Some(means_caption(v)),
        ViewBody::Proportions(v) => Some(proportions_caption(v)),
        ViewBody::Safety(_) | ViewBody::Unavailable(_) => None,
    }
}

/// Arms shown without a curve or count, with the view's reason ("not reported in the
/// published abstract").
fn missing_arms(view: &View) -> Vec<(String, String)> {
    match &view.body {
        ViewBody::Response(v) => v
            .curves
            .iter()
            .filter_map(|c| c.curve.as_ref().err().map(|why| (c.arm.label.clone(), why.clone())))
            .collect(),
        ViewBody::Proportions(v) => v
            .arms
            .iter()
            .filter_map(|a| a.proportion.as_ref().err().map(|why| (a.arm.label.clone(), why.clone())))
            .collect(),
        _ => Vec::new(),
    }
}

/// The week under the pointer: `x` is its offset in CSS pixels on a canvas drawn
/// `client_width` wide in `style`; `None` off the plot or when the view has no curves.
fn week_under(view: &View, canvas: &HtmlCanvasElement, x: f64, style: &ChartStyle) -> Option<f64> {
    let response = view.response()?;
    let scale = f64::from(canvas.width()) / f64::from(canvas.client_width().max(1));
    week_at(canvas.width(), x * scale, f64::from(response.horizon_weeks), style)
}

#[component]
pub fn MainChart() -> impl IntoView {
    let state = use_state();
    let view = state.view;
    let canvas = NodeRef::<Canvas>::new();
    let failure = RwSignal::new(None::<String>);
    let printing = RwSignal::new(false);
    // Drawn at the display's density (device pixels per CSS pixel, 1 to 3), so the chart stays
    // sharp on high-density screens and projectors while keeping its size on the page.
    let density = density();
    let style = Memo::new(move |_| {
        let style = if printing.get() { ChartStyle::SCREEN } else { state.chart_style() };
        style.at_density(density)
    });
    let size = move || {
        let (width, height) = if state.presentation.get() { PRESENTATION_SIZE } else { SCREEN_SIZE };
        ((f64::from(width) * density).round() as u32, (f64::from(height) * density).round() as u32)
    };
    Effect::new(move |_| {
        let Some(element) = canvas.get() else { return };
        // Resize here rather than through attributes, so the size and the drawing change together.
        let (width, height) = size();
        element.set_width(width);
        element.set_height(height);
        let outcome = view.with(|v| draw(element, v, &style.get()));
        failure.set(outcome.err());
    });
    // Print dialogs lay the page out as soon as this returns, so the light redraw happens here
    // and now; the effect then keeps the canvas light until the dialog closes.
    let before = window_event_listener_untyped("beforeprint", move |_| {
        printing.set(true);
        if let Some(element) = canvas.get_untracked() {
            let _ = view.with_untracked(|v| draw(element, v, &ChartStyle::SCREEN.at_density(density)));
        }
    });
    let after = window_event_listener_untyped("afterprint", move |_| printing.set(false));
    on_cleanup(move || {
        before.remove();
        after.remove();
    });
    let caption = Memo::new(move |_| view.with(caption));
    let has_chart = move || caption.with(Option::is_some);
    let readout = RwSignal::new(None);
    let hover = move |ev: leptos::ev::MouseEvent| {
        let Some(element) = canvas.get_untracked() else { return };
        let style = style.get_untracked();
        readout.set(view.with_untracked(|v| week_under(v, &element, f64::from(ev.offset_x()), &style)));
    };
    view! {
        <h2 id="view-title">{move || view.with(|v| v.title.clone())}</h2>
        {move || view.with(|v| v.endpoint_note.clone()).map(|n| view! { <p class="endpoint-note">{n}</p> })}
        <NoticesPanel />
        <figure class="chart main-chart" id="main-chart" hidden=move || !has_chart()>
            <canvas node_ref=canvas id="main-canvas" width="800" height="500" role="img"
                on:mousemove=hover on:mouseleave=move |_| readout.set(None)
                aria-label=move || caption.get().map(|c| format!("{c}. The numbers are in the tables under the chart."))></canvas>
            // The readout is read from the current view, so it follows every toggle.
            {move || view.with(|v| v.response().map(|r| {
                let lines = readout.get().map(|week| (week, r.readout(week))).filter(|(_, l)| !l.is_empty());
                view! {
                    <p class="readout" id="chart-readout">
                        {match lines {
                            Some((week, lines)) => view! {
                                <strong>{format!("Week {week:.0}: ")}</strong>
                                {lines.into_iter().map(|(arm, value)| view! { <span class="readout-arm">{arm}" "{value_view(&value)}</span> }).collect_view()}
                            }.into_any(),
                            None => view! { <span class="missing">"Point at the curves to read their exact values; every value is also in the tables below."</span> }.into_any(),
                        }}
                    </p>
                }
            }))}
            <figcaption>{move || caption.get()}</figcaption>
            {move || failure.get().map(|m| view! { <p class="chart-error" role="alert">{m}</p> })}
        </figure>
        <ul class="missing-arms" id="missing-arms">
            {move || {
                view.with(missing_arms)
                    .into_iter()
                    .map(|(arm, why)| view! { <li><strong>{arm}</strong>": "{why}</li> })
                    .collect_view()
            }}
        </ul>
        <SafetyStatements />
        <DataTables />
    }
}
