//! `compute`: from the bundle and the reader's selection to everything one panel shows.

use crate::trial::{Bundle, EventDataset};

use super::continuous::{continuous_view, ContinuousView};
use super::notice::{Notice, NoticeKind};
use super::proportions::{proportions_view, ProportionsView};
use super::resolve::resolve;
use super::response::{response_view, ResponseView};
use super::safety::{safety_view, SafetyView};
use super::selection::{EndpointChoice, Selection};
use super::table::TextTable;

/// The endpoint-specific part of a view.
#[derive(Debug, Clone, PartialEq)]
pub enum ViewBody {
    Response(Box<ResponseView>),
    Continuous(Box<ContinuousView>),
    Proportions(Box<ProportionsView>),
    Safety(SafetyView),
    /// The bundle has no such endpoint (a reader's own bundle may lack it).
    Unavailable(String),
}

/// What one panel shows: the endpoint, what the reader should know first, and the numbers.
#[derive(Debug, Clone, PartialEq)]
pub struct View {
    pub endpoint: EndpointChoice,
    pub title: String,
    /// The bundle's note on the endpoint (e.g. that the response definition is not published).
    pub endpoint_note: Option<String>,
    /// What was ignored, withheld or not available, in plain words.
    pub notices: Vec<Notice>,
    /// Whether the choices allow a comparison at all: the reference arm shown with another.
    pub comparable: bool,
    pub body: ViewBody,
}

impl View {
    /// The text alternatives of everything shown.
    pub fn tables(&self) -> &[TextTable] {
        match &self.body {
            ViewBody::Response(v) => &v.tables,
            ViewBody::Continuous(v) => &v.tables,
            ViewBody::Proportions(v) => &v.tables,
            ViewBody::Safety(v) => &v.tables,
            ViewBody::Unavailable(_) => &[],
        }
    }

    /// The table with this caption.
    pub fn table(&self, caption: &str) -> Option<&TextTable> {
        self.tables().iter().find(|t| t.caption == caption)
    }

    pub fn response(&self) -> Option<&ResponseView> {
        match &self.body {
            ViewBody::Response(v) => Some(v),
            _ => None,
        }
    }

    pub fn continuous(&self) -> Option<&ContinuousView> {
        match &self.body {
            ViewBody::Continuous(v) => Some(v),
            _ => None,
        }
    }

    pub fn proportions(&self) -> Option<&ProportionsView> {
        match &self.body {
            ViewBody::Proportions(v) => Some(v),
            _ => None,
        }
    }

    pub fn safety(&self) -> Option<&SafetyView> {
        match &self.body {
            ViewBody::Safety(v) => Some(v),
            _ => None,
        }
    }

    /// Whether the view has a chart: the safety view is statements, and an unavailable
    /// endpoint a reason, so neither can be exported as a picture.
    pub fn has_chart(&self) -> bool {
        !matches!(self.body, ViewBody::Safety(_) | ViewBody::Unavailable(_))
    }
}

/// The view of `selection` on `bundle`. Never fails: what cannot be shown is explained.
pub fn compute(bundle: &Bundle, selection: &Selection) -> View {
    compute_with_ensemble(bundle, selection, &[])
}

/// As [`compute`], with reconstruction ensemble members to overlay on the response curves
/// when `selection.show_ensemble` is on. The ensemble is passed in, not made here, so that
/// the (costlier) reconstruction runs once and not on every toggle.
pub fn compute_with_ensemble(bundle: &Bundle, selection: &Selection, ensemble: &[EventDataset]) -> View {
    let resolved = resolve(bundle, selection);
    let mut notices = resolved.notices.clone();
    let endpoint = selection.endpoint;
    let meta = bundle.endpoints.iter().find(|e| e.id == endpoint.id());
    let title = meta.map_or_else(|| endpoint.id().to_string(), |e| e.label.clone());
    let endpoint_note = meta.and_then(|e| e.note.clone());
    let body = if meta.is_none() {
        let message =
            format!("The bundle has no '{}' endpoint, so there is nothing to show for it.", endpoint.id());
        notices.push(Notice::new(NoticeKind::NotAvailable, message.clone()));
        ViewBody::Unavailable(message)
    } else {
        match endpoint {
            EndpointChoice::Response => ViewBody::Response(Box::new(response_view(
                bundle,
                selection,
                &resolved,
                ensemble,
                &mut notices,
            ))),
            EndpointChoice::Cd4 | EndpointChoice::Cd8 | EndpointChoice::Cd4Cd8Ratio => {
                ViewBody::Continuous(Box::new(continuous_view(bundle, selection, &resolved, &mut notices)))
            }
            EndpointChoice::ResponseWeek => {
                ViewBody::Proportions(Box::new(proportions_view(bundle, selection, &resolved, &mut notices)))
            }
            EndpointChoice::Safety => ViewBody::Safety(safety_view(bundle)),
        }
    };
    let comparable = !resolved.compared_arms().is_empty();
    View { endpoint, title, endpoint_note, notices, comparable, body }
}
