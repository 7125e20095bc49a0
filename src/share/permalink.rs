//! The page state as a URL query and back.
//!
//! Writing lists every setting, so a link restores exactly the view it was made from even if
//! the defaults change later. Reading checks each part against the loaded bundle: a part that
//! is unknown, malformed, out of range or repeated is dropped, the default stands in, and a
//! notice names what was ignored. Nothing in a link can make reading fail.

use crate::explore::selection::{arm_set, CiLevel, EndpointChoice};
use crate::explore::{Notice, NoticeKind, Selection};
use crate::trial::Bundle;

use super::page_state::PageState;
use super::query::{encode, excerpt, pairs, DecodeError};

/// Longest query read; a longer one is ignored whole (no real link comes close).
pub const MAX_QUERY_LEN: usize = 2048;
/// Most `key=value` parts read; later ones are ignored.
const MAX_PARTS: usize = 32;
/// Longest excerpt of an ignored value quoted back in a notice.
const EXCERPT: usize = 40;

/// Write the state as a query string starting with `?`.
pub fn to_query(state: &PageState) -> String {
    let s = &state.selection;
    let join =
        |items: &mut dyn Iterator<Item = &String>| items.map(|i| encode(i)).collect::<Vec<_>>().join(",");
    let ci = match s.ci_level {
        CiLevel::P80 => "80",
        CiLevel::P90 => "90",
        CiLevel::P95 => "95",
        CiLevel::P99 => "99",
    };
    let flag = |b: bool| if b { "1" } else { "0" };
    let mut parts = vec![
        format!("endpoint={}", s.endpoint.id()),
        format!("arms={}", join(&mut s.arms.iter())),
        format!("ref={}", encode(&s.reference_arm)),
        format!("visits={}", join(&mut s.visits.iter())),
        format!("horizon={}", s.horizon_weeks),
        format!("ci={ci}"),
        format!("reported={}", flag(s.reported_only)),
        format!("range={}", flag(s.show_ensemble)),
        format!("change={}", flag(s.change_from_baseline)),
        format!("at={}", encode(&s.compare_visit)),
        format!("week={}", encode(&s.response_week)),
    ];
    if let Some(dataset) = &s.dataset {
        parts.push(format!("dataset={}", encode(dataset)));
    }
    if let Some(step) = state.walkthrough_step {
        parts.push(format!("step={step}"));
    }
    if state.presentation {
        parts.push("present=1".to_string());
    }
    format!("?{}", parts.join("&"))
}

/// Read a query (with or without `?`) against `bundle`. `walkthrough_steps` is the number of
/// walkthrough steps, so a link cannot open a step that does not exist.
pub fn from_query(query: &str, bundle: &Bundle, walkthrough_steps: u32) -> (PageState, Vec<Notice>) {
    let mut state = PageState::default();
    let mut notices = Vec::new();
    if query.len() > MAX_QUERY_LEN {
        notices.push(ignored(format!(
            "The link's settings were ignored: they are {} characters long, more than the {MAX_QUERY_LEN} a link of this page can have. Showing the default view.",
            query.len()
        )));
        return (state, notices);
    }
    let mut seen: Vec<String> = Vec::new();
    for (index, pair) in pairs(query).into_iter().enumerate() {
        if index == MAX_PARTS {
            notices.push(ignored(format!(
                "Only the first {MAX_PARTS} settings of the link were read; the rest were ignored."
            )));
            break;
        }
        let pair = match pair {
            Ok(pair) => pair,
            Err((raw, why)) => {
                let what = match why {
                    DecodeError::BadEscape => "a % not followed by two hexadecimal digits",
                    DecodeError::NotText => "bytes that are not UTF-8 text",
                };
                notices.push(ignored(format!(
                    "The link's '{}' was ignored: it contains {what}.",
                    excerpt(&raw, EXCERPT)
                )));
                continue;
            }
        };
        if seen.contains(&pair.key) {
            // Named with its value: a key repeated more than once gives each repeat its notice.
            let key = excerpt(&pair.key, EXCERPT);
            notices.push(ignored(format!(
                "The link's '{key}={}' was ignored: '{key}' appears earlier in the link, and each setting may appear once.",
                excerpt(&pair.value, EXCERPT)
            )));
            continue;
        }
        seen.push(pair.key.clone());
        if let Err(why) = apply(&mut state, &pair.key, &pair.value, bundle, walkthrough_steps) {
            notices.push(ignored(why));
        }
    }
    (state, notices)
}

/// Whether the query sets the view: some setting other than the walkthrough step and
/// presentation that [`from_query`] can use. A link such as `?step=4&present=1`, written by
/// hand into a lecture's slides, sets none, and neither does one whose other parts are ignored
/// (a tracker's `fbclid=…` added by a social network, a misspelt endpoint): it opens the step
/// with the step's own view. Copied links always set the view ([`to_query`] writes every
/// setting), so they restore the view they were made from.
pub fn names_view(query: &str, bundle: &Bundle) -> bool {
    // The parts `from_query` reads: the first `MAX_PARTS`, each setting's first occurrence.
    let mut scratch = PageState::default();
    let mut seen: Vec<String> = Vec::new();
    pairs(query).into_iter().take(MAX_PARTS).flatten().any(|p| {
        let first = !seen.contains(&p.key);
        seen.push(p.key.clone());
        first
            && !matches!(p.key.as_str(), "step" | "present")
            && apply(&mut scratch, &p.key, &p.value, bundle, 0).is_ok()
    })
}

/// What a copied link does not bring to whoever opens it: the data imported into `bundle`
/// (`trial::import::imported_files`), for the note beside the link; "" when none are.
pub fn link_leaves_behind(bundle: &Bundle) -> String {
    let files = crate::trial::import::imported_files(bundle);
    if files.is_empty() {
        return String::new();
    }
    format!(
        "The link carries the view, not the data imported here ({}): opened elsewhere it shows the published results and the reconstruction, unless that reader imports the same files.",
        files.join(", ")
    )
}

fn ignored(text: String) -> Notice {
    Notice::new(NoticeKind::Ignored, text)
}

/// Apply one setting, or say why it was ignored (the default then stands).
fn apply(state: &mut PageState, key: &str, value: &str, bundle: &Bundle, steps: u32) -> Result<(), String> {
    let defaults = Selection::default();
    let shown = excerpt(value, EXCERPT);
    let rejected = |expected: String, fallback: String| {
        format!("The link's '{}={shown}' was ignored: {expected}. Showing {fallback}.", excerpt(key, EXCERPT))
    };
    let arm_ids: Vec<&str> = bundle.arms.iter().map(|a| a.id.as_str()).collect();
    let visit_ids: Vec<&str> = bundle.visits.iter().map(|v| v.id.as_str()).collect();
    // What the week pickers offer (`ui::controls::WeekPicker`): a link names no other, or the
    // picker would show one week while the numbers are for another.
    let follow_up = || bundle.visits.iter().filter(|v| v.after_baseline());
    let s = &mut state.selection;
    match key {
        "endpoint" => {
            s.endpoint = EndpointChoice::from_id(value).ok_or_else(|| {
                let ids: Vec<&str> = EndpointChoice::ALL.iter().map(|e| e.id()).collect();
                rejected(
                    format!("the endpoint is one of {}", ids.join(", ")),
                    defaults.endpoint.id().to_string(),
                )
            })?;
        }
        "arms" => {
            let ids = id_list(value);
            let unknown: Vec<&str> = ids.iter().copied().filter(|id| !arm_ids.contains(id)).collect();
            if !unknown.is_empty() {
                return Err(rejected(
                    format!("the arms are {}", arm_ids.join(", ")),
                    format!("all arms ({})", arm_ids.join(", ")),
                ));
            }
            s.arms = arm_set(ids);
        }
        "ref" => {
            if !arm_ids.contains(&value) {
                return Err(rejected(
                    format!("the reference arm is one of {}", arm_ids.join(", ")),
                    defaults.reference_arm,
                ));
            }
            s.reference_arm = value.to_string();
        }
        "visits" => {
            let ids = id_list(value);
            if ids.iter().any(|id| !visit_ids.contains(id)) {
                return Err(rejected(
                    format!("the visits are {}", visit_ids.join(", ")),
                    defaults.visits.join(", "),
                ));
            }
            s.visits = ids.into_iter().map(String::from).collect();
        }
        "horizon" => {
            let max = bundle.trial.follow_up_weeks.value;
            s.horizon_weeks = value
                .parse::<u32>()
                .ok()
                .filter(|w| follow_up().any(|v| v.week.value == *w))
                .ok_or_else(|| {
                let weeks: Vec<String> = follow_up().map(|v| v.week.value.to_string()).collect();
                rejected(
                    format!("the horizon is the week of a visit after baseline: {}", weeks.join(", ")),
                    format!("{max} weeks"),
                )
            })?;
        }
        "ci" => {
            s.ci_level = match value {
                "80" => CiLevel::P80,
                "90" => CiLevel::P90,
                "95" => CiLevel::P95,
                "99" => CiLevel::P99,
                _ => return Err(rejected("the confidence level is 80, 90, 95 or 99".into(), "95%".into())),
            };
        }
        "reported" => {
            s.reported_only = flag(value).ok_or_else(|| rejected(FLAG.into(), "all values".into()))?
        }
        "range" => s.show_ensemble = flag(value).ok_or_else(|| rejected(FLAG.into(), "no range".into()))?,
        "change" => {
            s.change_from_baseline = flag(value).ok_or_else(|| rejected(FLAG.into(), "values".into()))?
        }
        "at" | "week" => {
            if !follow_up().any(|v| v.id == value) {
                let fallback = if key == "at" { defaults.compare_visit } else { defaults.response_week };
                let ids: Vec<&str> = follow_up().map(|v| v.id.as_str()).collect();
                return Err(rejected(
                    format!("the visit is one after baseline: {}", ids.join(", ")),
                    fallback,
                ));
            }
            if key == "at" {
                s.compare_visit = value.to_string();
            } else {
                s.response_week = value.to_string();
            }
        }
        "dataset" => {
            let data = &bundle.patient_data;
            let known = data.time_to_event.iter().map(|d| &d.id).chain(data.continuous.iter().map(|d| &d.id));
            let known: Vec<&String> = known.collect();
            if !known.iter().any(|id| id.as_str() == value) {
                return Err(rejected(
                    "no dataset of that name is loaded".into(),
                    "the latest dataset".into(),
                ));
            }
            s.dataset = Some(value.to_string());
        }
        "step" => {
            let step = value.parse::<u32>().ok().filter(|n| (1..=steps).contains(n));
            state.walkthrough_step = Some(step.ok_or_else(|| {
                rejected(
                    format!("the walkthrough has steps 1 to {steps}"),
                    "the page without the walkthrough".into(),
                )
            })?);
        }
        "present" => {
            state.presentation =
                flag(value).ok_or_else(|| rejected(FLAG.into(), "the normal layout".into()))?
        }
        _ => {
            return Err(format!(
                "The link's '{}' was ignored: it is not a setting of this page.",
                excerpt(key, EXCERPT)
            ))
        }
    }
    Ok(())
}

const FLAG: &str = "the setting is 1 (on) or 0 (off)";

fn flag(value: &str) -> Option<bool> {
    match value {
        "1" | "true" | "on" => Some(true),
        "0" | "false" | "off" => Some(false),
        _ => None,
    }
}

/// A comma-separated id list; empty means none.
fn id_list(value: &str) -> Vec<&str> {
    value.split(',').map(str::trim).filter(|s| !s.is_empty()).collect()
}
