//! Everything a link restores: the explorer's selection plus the teaching state around it.

use crate::explore::Selection;

/// The state a permalink carries.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PageState {
    pub selection: Selection,
    /// Walkthrough step, counted from 1; `None` when the walkthrough is closed.
    pub walkthrough_step: Option<u32>,
    /// Full-screen presentation mode for a lecture hall.
    pub presentation: bool,
}
