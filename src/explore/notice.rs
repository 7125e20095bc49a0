//! Messages a view carries about the selection and the data, so that nothing is ignored or
//! withheld silently.

/// Why a notice is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoticeKind {
    /// Part of the selection did not fit the bundle and was left out or replaced.
    Ignored,
    /// Something the reader asked for cannot be shown with the data at hand.
    NotAvailable,
    /// Values were withheld because "reported only" is on.
    Hidden,
    /// Context the reader needs to read the numbers (e.g. patients left out of a count).
    Note,
}

/// One message, in plain words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub kind: NoticeKind,
    pub text: String,
}

impl Notice {
    pub fn new(kind: NoticeKind, text: impl Into<String>) -> Self {
        Notice { kind, text: text.into() }
    }
}
