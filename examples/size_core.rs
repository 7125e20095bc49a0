//! The pure core on its own, for measuring how much of the shipped WebAssembly it takes:
//! load the bundle, reconstruct, check the claims, and compute and draw every endpoint's view,
//! with no Leptos and no page. `scripts/size_floor.sh` builds it and prints its size.
//!
//! The choices come from `Math.random()` so the optimiser cannot fold any endpoint away.

#[cfg(target_arch = "wasm32")]
fn main() {
    use trial_explorer::chart::ChartStyle;
    use trial_explorer::explore::{compute_with_ensemble, EndpointChoice, Selection};
    use trial_explorer::{claims, reconstruct, share, trial};

    let coin = || js_sys::Math::random() > 0.5;
    let mut drawn = 0;
    if let Ok(bundle) = trial::default_bundle()
        .map_err(|e| e.to_string())
        .and_then(|b| reconstruct::reconstruct(&b, reconstruct::DEFAULT_SEED).map_err(|e| e.to_string()))
    {
        drawn += claims::check_claims(&bundle).len();
        for endpoint in EndpointChoice::ALL {
            let selection = Selection {
                endpoint,
                reported_only: coin(),
                change_from_baseline: coin(),
                ..Selection::default()
            };
            let view = compute_with_ensemble(&bundle, &selection, &[]);
            drawn +=
                share::view_svg(&view, share::EXPORT_SIZE, &ChartStyle::SCREEN).map_or(0, |svg| svg.len());
        }
    }
    web_sys::console::log_1(&(drawn as f64).into());
}

/// Only meaningful as WebAssembly.
#[cfg(not(target_arch = "wasm32"))]
fn main() {}
