//! Permalinks: every part of the state round-trips, and a broken or hostile link loads the
//! default view with a notice that names what was ignored.

use trial_explorer::explore::selection::{CiLevel, EndpointChoice};
use trial_explorer::explore::NoticeKind;
use trial_explorer::reconstruct::{reconstruct, DEFAULT_SEED};
use trial_explorer::share::{from_query, names_view, to_query, PageState, MAX_QUERY_LEN};
use trial_explorer::trial::{default_bundle, Bundle};

const STEPS: u32 = 8;

/// The reconstructed default bundle, built once: links are read against the loaded data.
fn bundle() -> &'static Bundle {
    static BUNDLE: std::sync::OnceLock<Bundle> = std::sync::OnceLock::new();
    BUNDLE.get_or_init(|| reconstruct(&default_bundle().unwrap(), DEFAULT_SEED).unwrap())
}

fn read(query: &str) -> (PageState, Vec<String>) {
    let (state, notices) = from_query(query, bundle(), STEPS);
    assert!(notices.iter().all(|n| n.kind == NoticeKind::Ignored));
    (state, notices.into_iter().map(|n| n.text).collect())
}

#[test]
fn the_default_state_round_trips_without_notices() {
    let state = PageState::default();
    let query = to_query(&state);
    assert_eq!(
        query,
        "?endpoint=response&arms=high,low,placebo&ref=placebo&visits=w0,w48,w96&horizon=96&ci=95&reported=0&range=0&change=0&at=w48&week=w96"
    );
    assert_eq!(read(&query), (state, vec![]));
}

#[test]
fn every_part_of_the_state_round_trips() {
    let b = bundle();
    let mut state = PageState::default();
    let s = &mut state.selection;
    s.endpoint = EndpointChoice::Cd4Cd8Ratio;
    s.arms = ["low".to_string()].into_iter().collect();
    s.reference_arm = "low".into();
    s.visits = vec!["w0".into(), "w12".into(), "w96".into()];
    s.horizon_weeks = 60;
    s.ci_level = CiLevel::P80;
    s.reported_only = true;
    s.show_ensemble = true;
    s.change_from_baseline = true;
    s.compare_visit = "w96".into();
    s.response_week = "w48".into();
    s.dataset = Some(b.patient_data.continuous[0].id.clone());
    state.walkthrough_step = Some(3);
    state.presentation = true;
    let (back, notices) = from_query(&to_query(&state), b, STEPS);
    assert!(notices.is_empty(), "{notices:?}");
    assert_eq!(back, state);
    // No arm at all is a state too (the view then asks to turn one on).
    state.selection.arms.clear();
    assert_eq!(from_query(&to_query(&state), b, STEPS).0, state);
}

#[test]
fn broken_links_load_the_default_view_with_a_notice_naming_what_was_ignored() {
    let cases: &[(&str, &str)] = &[
        ("?endpoint=resp", "The link's 'endpoint=resp' was ignored: the endpoint is one of response, cd4, cd8, cd4_cd8_ratio, response_week, safety. Showing response."),
        ("?horizon=abc", "The link's 'horizon=abc' was ignored: the horizon is the week of a visit after baseline: 12, 24, 36, 48, 60, 72, 84, 96. Showing 96 weeks."),
        ("?horizon=99999999999999999999999", "The link's 'horizon=99999999999999999999999' was ignored: the horizon is the week of a visit after baseline: 12, 24, 36, 48, 60, 72, 84, 96. Showing 96 weeks."),
        ("?horizon=-5", "The link's 'horizon=-5' was ignored: the horizon is the week of a visit after baseline: 12, 24, 36, 48, 60, 72, 84, 96. Showing 96 weeks."),
        ("?horizon=0", "The link's 'horizon=0' was ignored: the horizon is the week of a visit after baseline: 12, 24, 36, 48, 60, 72, 84, 96. Showing 96 weeks."),
        // Weeks the pickers do not offer: the picker would show another week than the numbers.
        ("?horizon=30", "The link's 'horizon=30' was ignored: the horizon is the week of a visit after baseline: 12, 24, 36, 48, 60, 72, 84, 96. Showing 96 weeks."),
        ("?at=w0", "The link's 'at=w0' was ignored: the visit is one after baseline: w12, w24, w36, w48, w60, w72, w84, w96. Showing w48."),
        ("?week=w0", "The link's 'week=w0' was ignored: the visit is one after baseline: w12, w24, w36, w48, w60, w72, w84, w96. Showing w96."),
        ("?week=w97", "The link's 'week=w97' was ignored: the visit is one after baseline: w12, w24, w36, w48, w60, w72, w84, w96. Showing w96."),
        ("?arms=high,ultra", "The link's 'arms=high,ultra' was ignored: the arms are high, low, placebo. Showing all arms (high, low, placebo)."),
        ("?ref=control", "The link's 'ref=control' was ignored: the reference arm is one of high, low, placebo. Showing placebo."),
        ("?visits=w0,w999", "The link's 'visits=w0,w999' was ignored: the visits are w0, w12, w24, w36, w48, w60, w72, w84, w96. Showing w0, w48, w96."),
        ("?ci=97.5", "The link's 'ci=97.5' was ignored: the confidence level is 80, 90, 95 or 99. Showing 95%."),
        ("?reported=yes", "The link's 'reported=yes' was ignored: the setting is 1 (on) or 0 (off). Showing all values."),
        ("?step=0", "The link's 'step=0' was ignored: the walkthrough has steps 1 to 8. Showing the page without the walkthrough."),
        ("?step=9", "The link's 'step=9' was ignored: the walkthrough has steps 1 to 8. Showing the page without the walkthrough."),
        ("?dataset=mine", "The link's 'dataset=mine' was ignored: no dataset of that name is loaded. Showing the latest dataset."),
        ("?endpoint=%3Cscript%3Ealert(1)%3C%2Fscript%3E", "The link's 'endpoint=<script>alert(1)</script>' was ignored: the endpoint is one of response, cd4, cd8, cd4_cd8_ratio, response_week, safety. Showing response."),
        ("?endpoint=<img src=x onerror=alert(1)>", "The link's 'endpoint=<img src=x onerror=alert(1)>' was ignored: the endpoint is one of response, cd4, cd8, cd4_cd8_ratio, response_week, safety. Showing response."),
        ("?endpoint=%zz", "The link's 'endpoint=%zz' was ignored: it contains a % not followed by two hexadecimal digits."),
        ("?endpoint=%", "The link's 'endpoint=%' was ignored: it contains a % not followed by two hexadecimal digits."),
        ("?endpoint=%FF%FE", "The link's 'endpoint=%FF%FE' was ignored: it contains bytes that are not UTF-8 text."),
        ("?theme=dark", "The link's 'theme' was ignored: it is not a setting of this page."),
        ("?ci=95&ci=99", "The link's 'ci=99' was ignored: 'ci' appears earlier in the link, and each setting may appear once."),
        ("?endpoint=response%00%01cd4", "The link's 'endpoint=responsecd4' was ignored: the endpoint is one of response, cd4, cd8, cd4_cd8_ratio, response_week, safety. Showing response."),
    ];
    for (query, message) in cases {
        let (state, notices) = read(query);
        let mut expected = PageState::default();
        if query.starts_with("?ci=95&") {
            expected.selection.ci_level = CiLevel::P95;
        }
        assert_eq!(state, expected, "{query} changed the view");
        assert_eq!(notices, vec![message.to_string()], "{query}");
    }
}

/// Each repeat of a setting has its own notice, named by its value.
#[test]
fn each_repeat_of_a_setting_is_named() {
    let (state, notices) = read("?endpoint=cd4&endpoint=response&endpoint=cd8");
    assert_eq!(state.selection.endpoint, EndpointChoice::Cd4);
    assert_eq!(
        notices,
        [
            "The link's 'endpoint=response' was ignored: 'endpoint' appears earlier in the link, and each setting may appear once.",
            "The link's 'endpoint=cd8' was ignored: 'endpoint' appears earlier in the link, and each setting may appear once.",
        ]
    );
}

#[test]
fn a_long_value_is_quoted_only_in_part() {
    let query = format!("?endpoint={}", "a".repeat(300));
    let (_, notices) = read(&query);
    assert!(
        notices[0].starts_with(&format!("The link's 'endpoint={}…' was ignored", "a".repeat(40))),
        "{notices:?}"
    );
}

#[test]
fn an_oversized_or_overlong_link_is_ignored_with_one_notice() {
    let huge = format!("?endpoint=cd4&x={}", "y".repeat(MAX_QUERY_LEN));
    let (state, notices) = read(&huge);
    assert_eq!(state, PageState::default());
    assert_eq!(
        notices,
        vec![format!("The link's settings were ignored: they are {} characters long, more than the 2048 a link of this page can have. Showing the default view.", huge.len())]
    );
    let many: String = (0..40).map(|i| format!("k{i}=1&")).collect();
    let (_, notices) = read(&many);
    assert_eq!(notices.len(), 33, "32 unknown settings and one note that the rest were skipped");
    assert_eq!(notices[32], "Only the first 32 settings of the link were read; the rest were ignored.");
}

#[test]
fn good_parts_of_a_partly_broken_link_still_apply() {
    let (state, notices) = read("endpoint=cd4&horizon=abc&ci=99&&present=1");
    assert_eq!(state.selection.endpoint, EndpointChoice::Cd4);
    assert_eq!(state.selection.ci_level, CiLevel::P99);
    assert_eq!(state.selection.horizon_weeks, 96);
    assert!(state.presentation);
    assert_eq!(notices.len(), 1);
}

mod hostile {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]

        /// Any text at all reads without panicking, with a bounded number of notices.
        #[test]
        fn any_query_reads_without_panic(query in "\\PC{0,400}") {
            let (_, notices) = from_query(&query, bundle(), STEPS);
            prop_assert!(notices.len() <= 33);
        }

        /// Query-shaped text built from real keys and hostile values.
        #[test]
        fn real_keys_with_hostile_values(
            parts in proptest::collection::vec(
                (prop::sample::select(vec!["endpoint", "arms", "ref", "visits", "horizon", "ci", "reported", "range", "change", "at", "week", "dataset", "step", "present"]),
                 "[%&=,<>\"'a-z0-9\\-]{0,12}"),
                0..20)
        ) {
            let query: String = parts.iter().map(|(k, v)| format!("{k}={v}&")).collect();
            let (state, _) = from_query(&query, bundle(), STEPS);
            // Whatever was read is again a valid link that reads back to the same state.
            let (again, notices) = from_query(&to_query(&state), bundle(), STEPS);
            prop_assert!(notices.is_empty(), "{:?}", notices);
            prop_assert_eq!(again, state);
        }
    }
}

/// A link that names only the step (and presentation), as a lecturer types it into slides,
/// sets no view, nor does one whose other parts are ignored, so the page opens the step with
/// its own view; a copied link always sets the view it was made from, even the default one.
#[test]
fn only_a_link_with_usable_view_settings_names_the_view() {
    let b = bundle();
    for query in [
        "?step=4",
        "?step=4&present=1",
        "present=1&step=2",
        "",
        "?",
        "?step=4&%zz=1",
        "?step=4&fbclid=IwAR3x",
        "?endpoint=bogus&step=4",
        "?step=4&horizon=500",
        // A repeated setting is ignored after its first appearance, as when the link is read.
        "?step=4&endpoint=bogus&endpoint=cd4",
    ] {
        assert!(!names_view(query, b), "{query}");
    }
    for query in ["?step=4&endpoint=cd4", "?horizon=48", "?week=w48&present=1", "?step=4&fbclid=1&ci=90"] {
        assert!(names_view(query, b), "{query}");
    }
    let mut state = PageState { walkthrough_step: Some(4), presentation: true, ..PageState::default() };
    assert!(names_view(&to_query(&state), b));
    state.walkthrough_step = None;
    assert!(names_view(&to_query(&state), b));
}

/// A copied link carries the view's settings only: with data imported, the note beside it names
/// the files it leaves behind, each once; with none, there is nothing to say.
#[test]
fn the_note_beside_a_copied_link_names_the_imported_files() {
    use trial_explorer::share::link_leaves_behind;
    use trial_explorer::trial::import::import_patient_csv;
    let b = default_bundle().unwrap();
    assert_eq!(link_leaves_behind(&b), "");
    let one =
        import_patient_csv(&b, "arm,time,event\nlow,12,1\nplacebo,24,0\n", "late.csv", "response").unwrap();
    let two = import_patient_csv(
        &one,
        "arm,patient,visit,value\nlow,p1,w0,100\nlow,p1,w48,150\n",
        "cd4.csv",
        "cd4",
    )
    .unwrap();
    assert_eq!(
        link_leaves_behind(&two),
        "The link carries the view, not the data imported here (late.csv, cd4.csv): opened elsewhere it shows the published results and the reconstruction, unless that reader imports the same files."
    );
}
