//! Light and dark pages: the page follows the system's colour scheme until the reader picks
//! one, and remembers that pick in this browser. The chosen theme is a class on `<html>`
//! (the stylesheet swaps its colour variables) and a `Theme` for the charts. Printing always
//! uses light paper.

use crate::chart::Theme;
use crate::ui::media::follow_media;
use crate::ui::state::use_state;
use leptos::prelude::*;

/// Where the reader's pick is kept between visits (this browser only; nothing is sent).
const STORAGE_KEY: &str = "nct01213186-theme";
const SYSTEM_DARK: &str = "(prefers-color-scheme: dark)";

/// The reader's pick.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ThemeChoice {
    /// Follow the system setting, and follow it when it changes.
    System,
    Light,
    Dark,
}

impl ThemeChoice {
    pub const ALL: [ThemeChoice; 3] = [ThemeChoice::System, ThemeChoice::Light, ThemeChoice::Dark];

    pub fn id(self) -> &'static str {
        match self {
            ThemeChoice::System => "system",
            ThemeChoice::Light => "light",
            ThemeChoice::Dark => "dark",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            ThemeChoice::System => "As system",
            ThemeChoice::Light => "Light",
            ThemeChoice::Dark => "Dark",
        }
    }

    fn from_id(id: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.id() == id)
    }

    /// The theme shown when the system asks for dark (`system_dark`) or not.
    pub fn resolve(self, system_dark: bool) -> Theme {
        match (self, system_dark) {
            (ThemeChoice::Dark, _) | (ThemeChoice::System, true) => Theme::Dark,
            _ => Theme::Light,
        }
    }
}

fn storage() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}

/// Read the remembered pick and the system setting, follow the setting's changes, and keep
/// `<html>`'s class in step with the theme shown.
pub fn install() {
    let state = use_state();
    if let Some(choice) = storage().and_then(|s| s.get_item(STORAGE_KEY).ok().flatten()) {
        if let Some(choice) = ThemeChoice::from_id(&choice) {
            state.theme.set(choice);
        }
    }
    follow_media(SYSTEM_DARK, state.system_dark);
    Effect::new(move |_| {
        let dark = state.page_theme() == Theme::Dark;
        if let Some(root) = document().document_element() {
            let classes = root.class_list();
            let _ = classes.toggle_with_force("theme-dark", dark);
            let _ = classes.toggle_with_force("theme-light", !dark);
        }
    });
}

/// The theme picker: three radio-like buttons, the pick remembered in this browser.
#[component]
pub fn ThemeSwitch() -> impl IntoView {
    let state = use_state();
    let pick = move |choice: ThemeChoice| {
        state.theme.set(choice);
        if let Some(s) = storage() {
            let _ = s.set_item(STORAGE_KEY, choice.id());
        }
    };
    view! {
        <div class="theme-switch" id="theme-switch-group" role="group" aria-label="Colour theme">
            <span class="group-label" aria-hidden="true">"Theme"</span>
            {ThemeChoice::ALL
                .into_iter()
                .map(|choice| {
                    view! {
                        <button type="button" class="chip" id=format!("theme-{}", choice.id())
                            aria-pressed=move || (state.theme.get() == choice).to_string()
                            on:click=move |_| pick(choice)>
                            {choice.label()}
                        </button>
                    }
                })
                .collect_view()}
        </div>
    }
}
