//! The explorer's state: the bundle (fixed once loaded), the reader's [`Selection`] in one
//! signal, the reconstruction ensemble (made the first time it is asked for) and the view,
//! recomputed by the pure core whenever the selection or the ensemble changes.

use leptos::prelude::*;

use crate::chart::{ChartStyle, Theme};
use crate::claims::{check_claims, ClaimCheck};
use crate::explore::{compute_with_ensemble, switch_endpoint, EndpointChoice, Selection, View};
use crate::reconstruct::response_ensemble;
use crate::trial::import::{import_file, loaded_message, refused_message};
use crate::trial::{Bundle, EventDataset};
use crate::ui::theme::ThemeChoice;

/// How many reconstructions the "range consistent with the publication" overlay draws.
pub const ENSEMBLE_SEEDS: u64 = 100;

/// Shared through context; every field is a cheap, `Copy` handle.
#[derive(Clone, Copy)]
pub struct ExplorerState {
    /// The loaded bundle: the published facts with the reconstruction, plus the reader's
    /// imports. Imports never change arms, visits or endpoints, so controls read those once.
    pub bundle: RwSignal<Bundle>,
    /// The bundle as first loaded, to go back to after imports.
    pub published: StoredValue<Bundle>,
    /// The outcome of the last import, shown beside the file picker.
    pub import_status: RwSignal<Option<ImportStatus>>,
    pub selection: RwSignal<Selection>,
    /// The reader's dataset choices for endpoints not on screen (`explore::switch_endpoint`).
    pub datasets_set_aside: StoredValue<Vec<String>>,
    pub ensemble: RwSignal<Option<Vec<EventDataset>>>,
    /// Why the ensemble could not be made, shown beside its switch.
    pub ensemble_error: RwSignal<Option<String>>,
    pub view: Memo<View>,
    /// The published claims checked against the loaded bundle; they do not depend on the
    /// selection, so they are rechecked only when the data change (an import).
    pub claims: Memo<Vec<ClaimCheck>>,
    /// Whether "reported only" is on: one memo for the page, so that what follows it is redone
    /// only when the switch moves, not on every change of the selection.
    reported_only: Memo<bool>,
    /// Walkthrough step, from 1; `None` when the walkthrough is closed.
    pub walkthrough: RwSignal<Option<u32>>,
    /// The reader's view when the walkthrough opened, to go back to when it closes
    /// (`teach::view_after_walkthrough`).
    pub view_before_walkthrough: StoredValue<Option<Selection>>,
    /// Full-screen presentation mode.
    pub presentation: RwSignal<bool>,
    /// What the opening link asked for but could not be used.
    pub link_notices: RwSignal<Vec<String>>,
    /// The reader's colour theme, and whether the system asks for dark.
    pub theme: RwSignal<ThemeChoice>,
    pub system_dark: RwSignal<bool>,
    /// Whether the screen is as narrow as a phone's (`media::PHONE_SCREEN`), where the chart
    /// is drawn narrower so that its type stays readable.
    pub phone_screen: RwSignal<bool>,
}

impl ExplorerState {
    pub fn new(bundle: Bundle) -> Self {
        let published = StoredValue::new(bundle.clone());
        let bundle = RwSignal::new(bundle);
        let claims = Memo::new(move |_| bundle.with(check_claims));
        let selection = RwSignal::new(Selection::default());
        let ensemble = RwSignal::new(None::<Vec<EventDataset>>);
        let reported_only = Memo::new(move |_| selection.with(|s| s.reported_only));
        let view = Memo::new(move |_| {
            let chosen = selection.get();
            ensemble.with(|members| {
                let members = members.as_deref().unwrap_or(&[]);
                bundle.with(|b| compute_with_ensemble(b, &chosen, members))
            })
        });
        ExplorerState {
            bundle,
            published,
            import_status: RwSignal::new(None),
            selection,
            datasets_set_aside: StoredValue::new(Vec::new()),
            ensemble,
            ensemble_error: RwSignal::new(None),
            view,
            claims,
            reported_only,
            walkthrough: RwSignal::new(None),
            view_before_walkthrough: StoredValue::new(None),
            presentation: RwSignal::new(false),
            link_notices: RwSignal::new(Vec::new()),
            theme: RwSignal::new(ThemeChoice::System),
            system_dark: RwSignal::new(false),
            phone_screen: RwSignal::new(false),
        }
    }

    /// The theme the page shows now.
    pub fn page_theme(&self) -> Theme {
        self.theme.get().resolve(self.system_dark.get())
    }

    /// How the main chart is drawn now: presentation or screen, on the page's paper.
    pub fn chart_style(&self) -> ChartStyle {
        let base = if self.presentation.get() { ChartStyle::PRESENTATION } else { ChartStyle::SCREEN };
        base.with_theme(self.page_theme())
    }

    /// Change the selection.
    pub fn choose(&self, edit: impl FnOnce(&mut Selection)) {
        self.selection.update(edit);
    }

    /// Show `endpoint`, with the dataset the reader picked for it if any.
    pub fn choose_endpoint(&self, endpoint: EndpointChoice) {
        let (bundle, aside) = (self.bundle, self.datasets_set_aside);
        self.selection.update(|s| {
            bundle.with_untracked(|b| aside.update_value(|a| switch_endpoint(b, s, endpoint, a)));
        });
    }

    /// New data: every view analyses its latest dataset again, and earlier picks are dropped,
    /// the one in the view kept for after the walkthrough too.
    fn use_latest_data(&self, data: Bundle) {
        self.datasets_set_aside.set_value(Vec::new());
        self.view_before_walkthrough.update_value(|v| {
            if let Some(before) = v {
                before.dataset = None;
            }
        });
        self.bundle.set(data);
        self.selection.update(|s| s.dataset = None);
    }

    /// Whether "reported only" is on (the page's one memo of it).
    pub fn reported_only(&self) -> Signal<bool> {
        self.reported_only.into()
    }

    /// Turn the ensemble overlay on or off, making the ensemble the first time.
    pub fn show_ensemble(&self, on: bool) {
        if on && self.ensemble.with_untracked(Option::is_none) {
            match self.bundle.with_untracked(|b| response_ensemble(b, 1..=ENSEMBLE_SEEDS)) {
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

impl ExplorerState {
    /// Merge a reader's file into the loaded bundle (`trial::import::import_file`). A refused
    /// file changes nothing and says why.
    pub fn import(&self, file: &str, bytes: &[u8], endpoint: &str) {
        let merged = self.bundle.with_untracked(|b| {
            import_file(b, bytes, file, endpoint).map(|next| (loaded_message(b, &next, file), next))
        });
        match merged {
            Ok((message, next)) => {
                self.use_latest_data(next);
                self.import_status.set(Some(ImportStatus::Loaded(message)));
            }
            Err(error) => self.refuse(format!("{error}")),
        }
    }

    /// Say why a file was not loaded, and which data the views still use.
    pub fn refuse(&self, why: String) {
        let message = self.bundle.with_untracked(|b| refused_message(b, &why));
        self.import_status.set(Some(ImportStatus::Refused(message)));
    }

    /// Drop every import and go back to the published facts with the reconstruction.
    pub fn reset_data(&self) {
        self.use_latest_data(self.published.get_value());
        self.import_status.set(Some(ImportStatus::Loaded(
            "Back to the published facts and the default reconstruction.".to_string(),
        )));
    }
}

/// What became of the last file the reader loaded.
#[derive(Debug, Clone, PartialEq)]
pub enum ImportStatus {
    Loaded(String),
    Refused(String),
}

/// The state provided by the explorer.
pub fn use_state() -> ExplorerState {
    expect_context::<ExplorerState>()
}
