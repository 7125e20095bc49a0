//! A labelled select of visit weeks: the follow-up horizon, the comparison visit and the
//! response week are all chosen this way, so no control needs dragging.

use leptos::prelude::*;

use super::options::select;
use super::{visit_options, VisitOption};
use crate::explore::Selection;
use crate::ui::state::use_state;

/// `get` gives the chosen visit id from the selection; `set` writes the picked visit back.
/// Drawn by the bar's one `select`.
#[component]
pub fn WeekPicker(
    id: &'static str,
    label: &'static str,
    get: impl Fn(&Selection) -> String + Copy + Send + Sync + 'static,
    set: impl Fn(&mut Selection, &VisitOption) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let state = use_state();
    // Baseline makes no sense as a horizon or comparison; a link may name the same visits
    // (`share::permalink`).
    let visits: Vec<VisitOption> = visit_options().into_iter().filter(|v| v.after_baseline).collect();
    let options = visits.iter().map(|v| (v.id.clone(), v.label.clone())).collect();
    select(
        id,
        label,
        options,
        Box::new(move || state.selection.with(get)),
        Box::new(move |picked| {
            if let Some(visit) = visits.iter().find(|v| v.id == picked) {
                state.choose(|s| set(s, visit));
            }
        }),
    )
}
