//! The explorer's state: the bundle (fixed once loaded), the reader's [`Selection`] in one
//! signal, the reconstruction ensemble (made the first time it is asked for) and the view,
//! recomputed by the pure core whenever the selection or the ensemble changes.

use leptos::prelude::*;

use crate::claims::{check_claims, ClaimCheck};
use crate::explore::{compute_with_ensemble, Selection, View};
use crate::reconstruct::response_ensemble;
use crate::trial::{Bundle, EventDataset};

/// How many reconstructions the "range consistent with the publication" overlay draws.
pub const ENSEMBLE_SEEDS: u64 = 100;

/// Shared through context; every field is a cheap, `Copy` handle.
#[derive(Clone, Copy)]
pub struct ExplorerState {
    pub bundle: StoredValue<Bundle>,
    pub selection: RwSignal<Selection>,
    pub ensemble: RwSignal<Option<Vec<EventDataset>>>,
    /// Why the ensemble could not be made, shown beside its switch.
    pub ensemble_error: RwSignal<Option<String>>,
    pub view: Memo<View>,
    /// The published claims checked against the loaded bundle; they do not depend on the
    /// selection, so they are checked once.
    pub claims: StoredValue<Vec<ClaimCheck>>,
}

impl ExplorerState {
    pub fn new(bundle: Bundle) -> Self {
        let claims = StoredValue::new(check_claims(&bundle));
        let bundle = StoredValue::new(bundle);
        let selection = RwSignal::new(Selection::default());
        let ensemble = RwSignal::new(None::<Vec<EventDataset>>);
        let view = Memo::new(move |_| {
            let chosen = selection.get();
            ensemble.with(|members| {
                let members = members.as_deref().unwrap_or(&[]);
                bundle.with_value(|b| compute_with_ensemble(b, &chosen, members))
            })
        });
        ExplorerState { bundle, selection, ensemble, ensemble_error: RwSignal::new(None), view, claims }
    }

    /// Change the selection.
    pub fn choose(&self, edit: impl FnOnce(&mut Selection)) {
        self.selection.update(edit);
    }

    /// Whether "reported only" is on.
    pub fn reported_only(&self) -> Signal<bool> {
        let selection = self.selection;
        Signal::derive(move || selection.with(|s| s.reported_only))
    }

    /// Turn the ensemble overlay on or off, making the ensemble the first time.
    pub fn show_ensemble(&self, on: bool) {
        if on && self.ensemble.with_untracked(Option::is_none) {
            match self.bundle.with_value(|b| response_ensemble(b, 1..=ENSEMBLE_SEEDS)) {
                Ok(members) => {
                    self.ensemble_error.set(None);
                    self.ensemble.set(Some(members));
                }
                Err(error) => {
                    self.ensemble_error.set(Some(format!("The range could not be computed: {error}")))
                }
            }
        }
        self.choose(|s| s.show_ensemble = on);
    }
}

/// The state provided by the explorer.
pub fn use_state() -> ExplorerState {
    expect_context::<ExplorerState>()
}
