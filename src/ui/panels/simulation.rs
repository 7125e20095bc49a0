//! The simulation lab: replay the trial K times under the reconstruction's effect or a hazard
//! ratio the reader sets, and see the spread of log-rank P values, the power, and where the
//! published P falls. The work runs in chunks, one per animation frame, so the page stays
//! responsive; a cancel button stops it between chunks. All numbers come from `simulate`, and
//! the finished result is written by `share::simulation_html`.

use leptos::prelude::*;

use crate::explore::published::p_beside;
use crate::explore::Shown;
use crate::share::simulation_html;
use crate::simulate::{
    models_for, published_comparison, read_control_percent, read_hazard_ratio, Scenario, SimulationSpec,
    SimulationSummary, Simulator,
};
use crate::trial::decimal::thousands;
use crate::ui::focus::{focus_soon, has_focus};
use crate::ui::state::use_state;

/// Trials per animation frame: about 5 ms of work on this machine's browser.
const CHUNK: u32 = 1000;

/// Wait for the next animation frame, letting the page paint and take input.
async fn next_frame() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = window().request_animation_frame(&resolve);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

fn now_ms() -> f64 {
    window().performance().map(|p| p.now()).unwrap_or(0.0)
}

#[derive(Clone, Debug, PartialEq)]
enum Run {
    Idle,
    Running {
        done: u32,
        of: u32,
    },
    /// `published`: the published P as the sentence shows it, read when the run started.
    Finished {
        summary: SimulationSummary,
        ms: f64,
        published: Option<Shown>,
    },
    Cancelled {
        done: u32,
    },
    Failed(String),
}

#[component]
pub fn SimulationPanel() -> impl IntoView {
    let state = use_state();
    let from_data = RwSignal::new(true);
    // The fields' text as typed, read by `simulate::settings` into a value or a message.
    let control_text = RwSignal::new("70.8".to_string());
    let ratio_text = RwSignal::new("2".to_string());
    let control_pct = move || control_text.with(|t| read_control_percent(t));
    let hazard_ratio = move || ratio_text.with(|t| read_hazard_ratio(t));
    let trials = RwSignal::new(10_000_u32);
    let run = RwSignal::new(Run::Idle);
    let cancel = RwSignal::new(false);
    // The settings the result on screen was run with, to say when they have changed since.
    // The fields' texts count only when the effect is set from them.
    let settings = move || {
        let set = (!from_data.get()).then(|| (control_text.get(), ratio_text.get()));
        (set, trials.get())
    };
    let ran_with = RwSignal::new(None);
    // A field's message, while the effect is set from the fields.
    let field_error = move |error: Option<String>| error.filter(|_| !from_data.get()).unwrap_or_default();
    let errors = move || {
        if from_data.get() {
            return Vec::new();
        }
        [control_pct().err(), hazard_ratio().err()].into_iter().flatten().collect::<Vec<_>>()
    };

    let start = move |_| {
        let scenario = if from_data.get_untracked() {
            Scenario::FromData
        } else {
            match (untrack(control_pct), untrack(hazard_ratio)) {
                (Ok(control), Ok(ratio)) => {
                    Scenario::Proportional { control_by_end: control / 100.0, hazard_ratio: ratio }
                }
                // Run is disabled while a field is out of range; its message is on screen.
                _ => return,
            }
        };
        ran_with.set(Some(settings()));
        let (spec, published) = state.bundle.with_untracked(|b| {
            let compared = published_comparison(b, "placebo", "low");
            let spec = models_for(b, &scenario, "placebo", "low").map(|arms| SimulationSpec {
                per_arm: compared.per_arm.unwrap_or(0),
                arms,
                trials: trials.get_untracked(),
                alpha: 0.05,
                published_p: compared.test.map(|(_, p)| p),
                seed: 20_210_217,
            });
            (spec, compared.test.map(|(test, _)| p_beside(test)))
        });
        let mut simulator = match spec.and_then(Simulator::new) {
            Ok(s) => s,
            Err(e) => {
                run.set(Run::Failed(e.to_string()));
                return;
            }
        };
        cancel.set(false);
        let of = trials.get_untracked();
        run.set(Run::Running { done: 0, of });
        // Run is disabled while the trials run: the focus goes to Cancel, and back to Run after.
        if has_focus("sim-run") {
            focus_soon("sim-cancel");
        }
        leptos::task::spawn_local(async move {
            let started = now_ms();
            while !simulator.finished() {
                if cancel.get_untracked() {
                    run.set(Run::Cancelled { done: simulator.done() });
                    if has_focus("sim-cancel") {
                        focus_soon("sim-run");
                    }
                    return;
                }
                let done = simulator.step(CHUNK);
                run.set(Run::Running { done, of });
                next_frame().await;
            }
            run.set(Run::Finished { summary: simulator.summary(), ms: now_ms() - started, published });
            if has_focus("sim-cancel") {
                focus_soon("sim-run");
            }
        });
    };
    let running = move || matches!(run.get(), Run::Running { .. });
    let stale = move || {
        matches!(run.get(), Run::Finished { .. } | Run::Cancelled { .. })
            && ran_with.with(|r| r.as_ref().is_some_and(|r| *r != settings()))
    };
    // The settings' errors quote what is typed, so they change with every key: a screen reader
    // hears them once the reader leaves the field (its change event), not at each key, and a
    // key typed after that empties what was said, which quotes a value no longer there.
    let said = RwSignal::new(String::new());
    let say = move |_| said.set(errors().join(" "));
    // Typing in a field sets the effect from the fields, and takes back what was said.
    let typed_into = move |text: RwSignal<String>| {
        move |ev: leptos::ev::Event| {
            from_data.set(false);
            said.set(String::new());
            text.set(event_target_value(&ev));
        }
    };
    let control_invalid = move || (!from_data.get() && control_pct().is_err()).to_string();
    let ratio_invalid = move || (!from_data.get() && hazard_ratio().is_err()).to_string();

    view! {
        <section class="panel simulation" id="simulation" aria-labelledby="simulation-heading">
            <h2 id="simulation-heading">"Simulation lab: replay the trial"</h2>
            <p>
                "Simulate the low-dose versus placebo comparison many times (the planned patients per arm, responses at the visits, "
                "log-rank test each time) and see how often it comes out significant. All results are illustrative: they "
                "depend on the assumed effect."
            </p>
            <fieldset class="simulation-controls">
                <legend>"Assumed effect"</legend>
                <label><input type="radio" name="scenario" id="scenario-data" prop:checked=move || from_data.get()
                    on:change=move |_| from_data.set(true) /> "as in the reconstruction"</label>
                <label><input type="radio" name="scenario" id="scenario-set" prop:checked=move || !from_data.get()
                    on:change=move |_| from_data.set(false) /> "set it:"</label>
                // Used only when the effect is set: muted by the stylesheet otherwise, not
                // disabled, so that the keyboard still reaches them, and typing in one sets the
                // effect, so that what is typed counts. Text fields, not number
                // fields: a number field hands back nothing for "2,5", and the reader should be
                // told what was typed and why it does not do.
                <label>"placebo responders by week 96 (%) "
                    <input type="text" inputmode="decimal" id="control-pct" value="70.8"
                        aria-invalid=control_invalid aria-describedby="control-pct-error"
                        on:change=say
                        on:input=typed_into(control_text) /></label>
                <label>"hazard ratio, low dose vs placebo "
                    <input type="text" inputmode="decimal" id="hazard-ratio" value="2"
                        aria-invalid=ratio_invalid aria-describedby="hazard-ratio-error"
                        on:change=say
                        on:input=typed_into(ratio_text) /></label>
                <label>"trials "
                    <select id="sim-trials" on:change=move |ev| if let Ok(v) = event_target_value(&ev).parse() { trials.set(v) }>
                        <option value="1000">"1,000"</option>
                        <option value="5000">"5,000"</option>
                        <option value="10000" selected>"10,000"</option>
                    </select></label>
            </fieldset>
            // Each field is described by its own message, not by the other's.
            <p class="field-error" id="sim-settings-error">
                <span id="control-pct-error">{move || field_error(control_pct().err())}</span>
                <span id="hazard-ratio-error">{move || field_error(hazard_ratio().err())}</span>
            </p>
            <p class="visually-hidden" id="sim-settings-said" aria-live="polite">
                {move || if errors().is_empty() { String::new() } else { said.get() }}
            </p>
            <div class="simulation-buttons">
                <button type="button" id="sim-run" on:click=start disabled=move || running() || !errors().is_empty()>"Run"</button>
                <button type="button" id="sim-cancel" on:click=move |_| cancel.set(true) disabled=move || !running()>"Cancel"</button>
            </div>
            // Busy while running: a screen reader waits for the result instead of reading
            // each thousand trials.
            <div id="sim-result" aria-live="polite" aria-busy=move || running().to_string()>
                {move || stale().then(|| view! {
                    <p class="stale-note" id="sim-stale">
                        "The settings have changed since this run: "
                        {move || if errors().is_empty() { "press Run to replay the trial with them." } else { "once they are in range, press Run to replay the trial with them." }}
                    </p>
                })}
                {move || match run.get() {
                    Run::Idle => view! { <p>"Not run yet."</p> }.into_any(),
                    Run::Running { done, of } => view! {
                        <p><progress id="sim-progress" aria-label="Trials run" max=of value=done></progress> {format!(" {} of {} trials", thousands(u64::from(done)), thousands(u64::from(of)))}</p>
                    }.into_any(),
                    Run::Cancelled { done } => view! { <p id="sim-cancelled">{format!("Cancelled after {} trials.", thousands(u64::from(done)))}</p> }.into_any(),
                    Run::Failed(why) => view! { <p class="export-failure" role="alert">{why}</p> }.into_any(),
                    Run::Finished { summary, ms, published } => {
                        view! { <div inner_html=simulation_html(&summary, ms, published.as_ref())></div> }.into_any()
                    }
                }}
            </div>
        </section>
    }
}
