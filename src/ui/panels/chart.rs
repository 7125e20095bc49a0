//! The main chart: the view drawn as inline SVG by `chart::draw_*` into `chart::svg` (the same
//! drawing the SVG export saves), redrawn whenever the view or the chart
//! style (presentation, theme) changes, with the arms that have no curve named below it and
//! the view's tables as its text alternative. Printing redraws it on light paper first. On the
//! page the drawing is as wide as its column allows (`chart::fitted_size`), re-read whenever
//! the drawing's box changes width, so a tablet or a phone on its side shows the chart's type
//! at its size. A readout under the drawing gives the curves' values at the week under the
//! pointer, or at the week of a slider under the plot's week axis, which the keyboard and
//! touch reach.

use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use super::data_tables::DataTables;
use super::notices::NoticesPanel;
use super::safety::SafetyStatements;
use crate::chart::{
    fitted_size, means_caption, plot_span, presentation_size, proportions_caption, response_caption,
    text_alternative, week_at, ChartStyle, PHONE_SIZE, SCREEN_SIZE,
};
use crate::explore::{View, ViewBody};
use crate::share::{missing_arms_html, readout_html, readout_words, view_svg, READOUT_HINT_HTML};
use crate::ui::state::use_state;

/// `view`'s chart as SVG text in `style`; endpoints without a chart give an empty drawing.
fn draw(view: &View, style: &ChartStyle, size: (u32, u32)) -> Result<String, String> {
    if !view.has_chart() {
        return Ok(String::new());
    }
    view_svg(view, size, style).map_err(|e| format!("The chart could not be drawn: {e}"))
}

/// The chart's caption, which is also the drawing's accessible name.
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

#[component]
pub fn MainChart() -> impl IntoView {
    let state = use_state();
    let view = state.view;
    let figure = NodeRef::<Div>::new();
    let printing = RwSignal::new(false);
    let style = Memo::new(move |_| if printing.get() { ChartStyle::SCREEN } else { state.chart_style() });
    // The width the page gives the drawing: its column (the drawing is then at most the
    // desktop's, or in presentation the presentation drawing's).
    let column = RwSignal::new(SCREEN_SIZE.0);
    // Print is laid out on paper, not in the window: the desktop drawing, sized there by CSS.
    let size =
        Memo::new(move |_| match (printing.get(), state.presentation.get(), state.phone_screen.get()) {
            (true, _, _) => SCREEN_SIZE,
            (false, true, _) => presentation_size(column.get()),
            (false, false, true) => PHONE_SIZE,
            (false, false, false) => fitted_size(column.get()),
        });
    let drawn = Memo::new(move |_| view.with(|v| draw(v, &style.get(), size.get())));
    // Print dialogs lay the page out as soon as this returns, so the light drawing goes in
    // here and now: the memo, marked stale by `printing`, draws it once when read, and keeps
    // it light until the dialog closes.
    let before = window_event_listener_untyped("beforeprint", move |_| {
        printing.set(true);
        if let Some(element) = figure.get_untracked() {
            element.set_inner_html(&drawn.get_untracked().unwrap_or_default());
        }
    });
    let after = window_event_listener_untyped("afterprint", move |_| printing.set(false));
    on_cleanup(move || {
        before.remove();
        after.remove();
    });
    let caption = Memo::new(move |_| view.with(caption));
    let has_chart = move || caption.with(Option::is_some);
    // The column is read where the page lays the drawing out in it: not in print, which sizes
    // it on paper (also without its event, as a browser's print preview may lay the page out),
    // nor while the figure is hidden (no chart: no width). In presentation the column is read
    // from the figure around the drawing, whose own box holds the drawing scaled to fit.
    let measure = move || {
        let print_media = || window().match_media("print").ok().flatten().is_some_and(|m| m.matches());
        if printing.get_untracked() || print_media() {
            return;
        }
        let Some(drawing) = figure.get_untracked() else { return };
        let element = match state.presentation.get_untracked() {
            true => drawing.parent_element(),
            false => Some(drawing.into()),
        };
        let Some(element) = element else { return };
        let width = element.get_bounding_client_rect().width().round() as u32;
        if width > 0 && width != column.get_untracked() {
            column.set(width);
        }
    };
    // Read once the figure is in the page, and again whenever the drawing's box or the figure
    // changes size, not only the window: a scrollbar appearing or a panel beside it growing
    // narrows the column too, and the boxes change size when the chart comes back from hiding
    // or enters and leaves presentation. The chart stays for the page's life, and so does its
    // observer.
    Effect::new(move |_| {
        let Some(element) = figure.get() else { return };
        // Measured in the next frame, not in the observer's own turn: the redraw it may cause
        // changes the box's height, which within that turn the browser reports as a loop.
        let changed = Closure::<dyn Fn()>::new(move || request_animation_frame(measure));
        if let Ok(observer) = web_sys::ResizeObserver::new(changed.as_ref().unchecked_ref()) {
            observer.observe(&element);
            if let Some(around) = element.parent_element() {
                observer.observe(&around);
            }
            changed.forget();
        }
    });
    // The week the readout is at, set by the pointer on the drawing (a tap on a phone) and by
    // the slider under it (from the keyboard, or by touch), which shows it: the latest wins,
    // and the readout stays there when the pointer leaves.
    let week = RwSignal::new(None::<f64>);
    // The week under the pointer, from its position across the drawing as shown. The drawing
    // keeps its proportions inside the svg's box, which in presentation may be wider than it
    // where the screen's height caps the box: its scale and its left edge there.
    let hover = move |ev: leptos::ev::MouseEvent| {
        let Some(svg) = figure.get_untracked().and_then(|e| e.query_selector("svg").ok().flatten()) else {
            return;
        };
        let shown = svg.get_bounding_client_rect();
        let (width, height) = size.get_untracked();
        let scale = (shown.width() / f64::from(width)).min(shown.height() / f64::from(height));
        if scale.is_nan() || scale <= 0.0 {
            return;
        }
        let left = shown.left() + (shown.width() - f64::from(width) * scale) / 2.0;
        let x = (f64::from(ev.client_x()) - left) / scale;
        let style = style.get_untracked();
        let under = view.with_untracked(|v| {
            v.response().and_then(|r| week_at(width, x, f64::from(r.horizon_weeks), &style))
        });
        if under.is_some() {
            week.set(under.map(f64::round));
        }
    };
    // The slider's arrow keys go from one step of the curves to the next, not week by week,
    // where the readout would stay the same for weeks (`ResponseView::readout_step`).
    let key = move |ev: leptos::ev::KeyboardEvent| {
        let forward = match ev.key().as_str() {
            "ArrowRight" | "ArrowUp" => true,
            "ArrowLeft" | "ArrowDown" => false,
            _ => return,
        };
        ev.prevent_default();
        week.set(
            view.with_untracked(|v| v.response().map(|r| r.readout_step(week.get_untracked(), forward))),
        );
    };
    // The slider runs under the plot's week axis, so that its handle stands under the week it
    // reads: placed by the drawing's margins beside the plot, as shares of its width
    // (`chart::plot_span`), reaching half a handle past each end, so that the handle's centre
    // is at week 0 and at the horizon. Set through the CSS object model, which the page's
    // policy allows where a style attribute is refused.
    let axis = Memo::new(move |_| {
        let (width, _) = size.get();
        let (left, right) = plot_span(width, &style.get());
        let share = |px: f64| px / f64::from(width) * 100.0;
        (format!("calc({:.2}% - 8px)", share(left)), format!("calc({:.2}% + 16px)", share(right - left)))
    });
    let has_curves = Memo::new(move |_| view.with(|v| v.response().is_some_and(|r| r.has_curves())));
    let horizon = move || view.with(|v| v.response().map_or(0, |r| r.horizon_weeks));
    // The week read, within the follow-up shown: a week chosen before the horizon was brought
    // in is read (and the slider shown) at the horizon, and again where it was once the
    // horizon allows.
    let shown_week = move || week.get().map(|w| w.min(f64::from(horizon())));
    // The readout as the page shows it and in words for the slider's spoken value, written
    // only when they change.
    let readout = Memo::new(move |_| {
        view.with(|v| {
            let week = shown_week();
            let lines = v.response().zip(week).map(|(r, week)| (week, r.readout(week)));
            match lines.filter(|(_, l)| !l.is_empty()) {
                Some((week, lines)) => (readout_html(week, &lines), readout_words(week, &lines)),
                None => (READOUT_HINT_HTML.to_string(), String::new()),
            }
        })
    });
    view! {
        <h2 id="view-title">{move || view.with(|v| v.title.clone())}</h2>
        {move || view.with(|v| v.endpoint_note.clone()).map(|n| view! { <p class="endpoint-note">{n}</p> })}
        <NoticesPanel />
        <figure class="chart main-chart" id="main-chart" hidden=move || !has_chart()>
            <div node_ref=figure class="chart-drawing" id="main-drawing" role="img"
                on:mousemove=hover
                aria-label=move || view.with(text_alternative)
                inner_html=move || drawn.get().unwrap_or_default()></div>
            // The readout is read from the current view, so it follows every toggle; with no
            // curve drawn (reported only, no data) there is nothing to point at.
            {move || has_curves.get().then(|| view! {
                <label class="readout-week">
                    <span class="readout-week-label" aria-hidden="true">"Week"</span>
                    <input type="range" id="readout-week" min="0" step="1" max=horizon aria-label="Read the curves at week"
                        style:margin-left=move || axis.with(|a| a.0.clone()) style:width=move || axis.with(|a| a.1.clone())
                        prop:value=move || shown_week().unwrap_or(0.0)
                        aria-valuetext=move || readout.with(|r| (!r.1.is_empty()).then(|| r.1.clone()))
                        on:input=move |ev| week.set(Some(event_target::<web_sys::HtmlInputElement>(&ev).value_as_number()))
                        on:keydown=key /></label>
                <p class="readout" id="chart-readout" inner_html=move || readout.with(|r| r.0.clone())></p>
            })}
            <figcaption>{move || caption.get()}</figcaption>
            {move || drawn.get().err().map(|m| view! { <p class="chart-error" role="alert">{m}</p> })}
        </figure>
        <ul class="missing-arms" id="missing-arms" inner_html=move || missing_arms_html(&view.with(missing_arms))></ul>
        <SafetyStatements />
        <DataTables />
    }
}
