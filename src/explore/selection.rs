//! What the reader has chosen: plain data, so that it can live in a signal, in the URL and in
//! a test without any web type. `Selection::default()` is the view a reader first sees.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};

/// The endpoint a view shows; ids match the bundle's endpoint ids.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EndpointChoice {
    /// Time to immunological response (Kaplan–Meier).
    Response,
    Cd4,
    Cd8,
    Cd4Cd8Ratio,
    /// Whether a patient has responded by a chosen week.
    ResponseWeek,
    Safety,
}

impl EndpointChoice {
    /// Every endpoint, in the order the controls list them.
    pub const ALL: [EndpointChoice; 6] = [
        EndpointChoice::Response,
        EndpointChoice::Cd4,
        EndpointChoice::Cd8,
        EndpointChoice::Cd4Cd8Ratio,
        EndpointChoice::ResponseWeek,
        EndpointChoice::Safety,
    ];

    /// The endpoint id used in the bundle and in data files.
    pub const fn id(self) -> &'static str {
        match self {
            EndpointChoice::Response => "response",
            EndpointChoice::Cd4 => "cd4",
            EndpointChoice::Cd8 => "cd8",
            EndpointChoice::Cd4Cd8Ratio => "cd4_cd8_ratio",
            EndpointChoice::ResponseWeek => "response_week",
            EndpointChoice::Safety => "safety",
        }
    }

    /// The endpoint whose patient data this view analyses: its own, except that response at
    /// a week counts the events of the response endpoint. (Safety has no patient data, so
    /// nothing is found under its id.)
    pub const fn data_endpoint(self) -> &'static str {
        match self {
            EndpointChoice::ResponseWeek => EndpointChoice::Response.id(),
            other => other.id(),
        }
    }

    /// The choice for a bundle endpoint id, if the app has a view for it.
    pub fn from_id(id: &str) -> Option<EndpointChoice> {
        EndpointChoice::ALL.into_iter().find(|e| e.id() == id)
    }
}

/// A set of arm ids. Built by inserting each id: collecting into a set would sort the ids
/// first with a general sort of `String`, one more copy of the sorting code in the page.
pub fn arm_set<'a>(ids: impl IntoIterator<Item = &'a str>) -> BTreeSet<String> {
    let mut set = BTreeSet::new();
    for id in ids {
        set.insert(id.to_string());
    }
    set
}

/// Confidence levels offered to the reader. A closed set, so that a URL cannot ask for a
/// level the statistics would reject.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum CiLevel {
    #[serde(rename = "0.80")]
    P80,
    #[serde(rename = "0.90")]
    P90,
    #[serde(rename = "0.95")]
    P95,
    #[serde(rename = "0.99")]
    P99,
}

impl CiLevel {
    pub const ALL: [CiLevel; 4] = [CiLevel::P80, CiLevel::P90, CiLevel::P95, CiLevel::P99];

    /// The level as a probability, for the statistics.
    pub fn value(self) -> f64 {
        match self {
            CiLevel::P80 => 0.80,
            CiLevel::P90 => 0.90,
            CiLevel::P95 => 0.95,
            CiLevel::P99 => 0.99,
        }
    }

    /// "95%", for labels such as "95% CI".
    pub fn label(self) -> &'static str {
        match self {
            CiLevel::P80 => "80%",
            CiLevel::P90 => "90%",
            CiLevel::P95 => "95%",
            CiLevel::P99 => "99%",
        }
    }
}

/// Every choice the reader can make. Ids that the bundle does not know are not rejected here:
/// [`crate::explore::compute`] ignores them and says so in the view's notices, because a
/// selection may come from an old or hand-edited URL.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Selection {
    pub endpoint: EndpointChoice,
    /// Arm ids shown; the view lists them in the bundle's arm order.
    pub arms: BTreeSet<String>,
    /// The arm every other shown arm is compared with.
    pub reference_arm: String,
    /// Visit ids shown for the continuous endpoints.
    pub visits: Vec<String>,
    /// Follow-up shown and analysed, in weeks: curves stop there, tests censor there.
    pub horizon_weeks: u32,
    pub ci_level: CiLevel,
    /// Show only published values: everything derived, reconstructed, illustrative or
    /// imported is withheld.
    pub reported_only: bool,
    /// Overlay the curves of the reconstruction ensemble, when one is supplied.
    pub show_ensemble: bool,
    /// Continuous endpoints: show change from the baseline visit instead of the values.
    pub change_from_baseline: bool,
    /// Continuous endpoints: the visit compared with baseline and between arms.
    pub compare_visit: String,
    /// Response by week: the visit at which responders are counted.
    pub response_week: String,
    /// Patient-level dataset to analyse, by id; `None` takes the last one added for the
    /// endpoint (a reader's import is added after the reconstruction).
    pub dataset: Option<String>,
}

impl Selection {
    /// Show `visit` if it is hidden, hide it if it is shown. The visits stay in `order` (the
    /// bundle's), so the selection and the link read like the axis; ids `order` lacks come
    /// first, as they were.
    pub fn toggle_visit(&mut self, visit: &str, order: &[String]) {
        if let Some(at) = self.visits.iter().position(|v| v == visit) {
            self.visits.remove(at);
            return;
        }
        self.visits.push(visit.to_string());
        let unknown = self.visits.iter().filter(|v| !order.contains(v));
        let known = order.iter().filter(|o| self.visits.contains(o));
        self.visits = unknown.chain(known).cloned().collect();
    }
}

impl Default for Selection {
    /// The immunological-response curves of all three arms against placebo over the whole
    /// 96-week follow-up, at the 95% level: the published comparison, in context.
    fn default() -> Self {
        Selection {
            endpoint: EndpointChoice::Response,
            arms: arm_set(["high", "low", "placebo"]),
            reference_arm: "placebo".to_string(),
            visits: ["w0", "w48", "w96"].into_iter().map(String::from).collect(),
            horizon_weeks: 96,
            ci_level: CiLevel::P95,
            reported_only: false,
            show_ensemble: false,
            change_from_baseline: false,
            compare_visit: "w48".to_string(),
            response_week: "w96".to_string(),
            dataset: None,
        }
    }
}
