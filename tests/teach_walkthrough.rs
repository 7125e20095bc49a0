//! The walkthrough: every step opens a valid view, its caption's prose quotes only numbers
//! FACTS.md states, and the numbers it quotes are the ones the view recomputed.

mod explore_common;

use trial_explorer::explore::view::{View, ViewBody};
use trial_explorer::explore::{compute_with_ensemble, NoticeKind};
use trial_explorer::explore::{EndpointChoice, Selection};
use trial_explorer::reconstruct::{reconstruct, response_ensemble, DEFAULT_SEED};
use trial_explorer::teach::{caption, steps, view_after_walkthrough, Caption};
use trial_explorer::trial::{default_bundle, Bundle, EventDataset};

const FACTS: &str = include_str!("../data/FACTS.md");

fn setup() -> (Bundle, Vec<EventDataset>) {
    let bundle = reconstruct(&default_bundle().unwrap(), DEFAULT_SEED).unwrap();
    let ensemble = response_ensemble(&bundle, 1..=20).unwrap();
    (bundle, ensemble)
}

fn all_captions() -> Vec<(View, Caption)> {
    let (bundle, ensemble) = setup();
    steps()
        .iter()
        .enumerate()
        .map(|(i, step)| {
            let view = compute_with_ensemble(&bundle, &step.selection, &ensemble);
            let c = caption(i, &bundle, &view);
            (view, c)
        })
        .collect()
}

/// Numbers as written in prose: digits with their decimal point, thousands kept apart.
fn numbers_in(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut current = String::new();
    for ch in text.chars().chain(std::iter::once(' ')) {
        if ch.is_ascii_digit() || (ch == '.' && !current.is_empty()) {
            current.push(ch);
        } else if !current.is_empty() {
            found.push(current.trim_end_matches('.').to_string());
            current.clear();
        }
    }
    found
}

#[test]
fn there_are_eight_steps_each_with_a_title() {
    let titles: Vec<&str> = steps().iter().map(|s| s.title).collect();
    assert_eq!(
        titles,
        [
            "The design",
            "Who was eligible",
            "The response curves",
            "Why timing matters",
            "CD4 at week 48",
            "CD4/CD8 ratio",
            "What the abstract does not tell us",
            "Safety as reported"
        ]
    );
}

#[test]
fn every_step_opens_a_view_without_ignored_settings() {
    for (i, (view, _)) in all_captions().iter().enumerate() {
        let ignored: Vec<_> = view.notices.iter().filter(|n| n.kind == NoticeKind::Ignored).collect();
        assert!(ignored.is_empty(), "step {}: {ignored:?}", i + 1);
        assert!(!matches!(view.body, ViewBody::Unavailable(_)), "step {}", i + 1);
    }
}

#[test]
fn caption_prose_quotes_only_numbers_that_facts_states() {
    for (i, (_, c)) in all_captions().iter().enumerate() {
        for number in numbers_in(&c.text) {
            assert!(FACTS.contains(&number), "step {}: '{number}' is not in FACTS.md: {}", i + 1, c.text);
        }
        assert!(!c.text.contains("not available"), "step {}: {}", i + 1, c.text);
    }
}

#[test]
fn captions_carry_the_published_facts_and_the_recomputed_numbers() {
    let captions = all_captions();
    let text = |i: usize| captions[i].1.text.clone();
    let number = |i: usize, label: &str| {
        captions[i]
            .1
            .numbers
            .iter()
            .find(|(l, _)| l == label)
            .unwrap_or_else(|| panic!("step {}: no {label}", i + 1))
            .1
            .clone()
    };
    assert!(text(0).starts_with("Phase II, randomized, double-blinded, multicenter, placebo-controlled"));
    assert!(text(0).contains("72 patients, enrolled May 2013 to March 2016, followed for 96 weeks"));
    assert!(text(1).contains("Karnofsky performance score ≥ 70"));
    assert!(text(2).contains("low dose 95.8% vs placebo 70.8% (P = 0.004)"), "{}", text(2));
    let log_rank = number(2, "log-rank P, Low dose vs Placebo");
    let p: f64 =
        log_rank.text.trim_start_matches("P = ").split(' ').next().unwrap().parse().unwrap_or(f64::NAN);
    assert!((0.0035..0.0045).contains(&p), "{}", log_rank.text);
    assert_eq!(log_rank.provenance.label(), "reconstructed");
    assert!(
        text(3)
            .contains("give Fisher's exact P ≈ 0.048; the published Kaplan–Meier comparison gives P = 0.004"),
        "{}",
        text(3)
    );
    assert!(number(3, "Fisher P, Low dose vs Placebo").text.starts_with("P = 0.0479 "));
    assert!(text(4).contains("high dose: P < 0.001"), "{}", text(4));
    assert!(text(4).contains("placebo: no change in the control arm"), "{}", text(4));
    assert!(captions[4].1.numbers.len() >= 3);
    // The reconstruction's changes differ among the arms (the view's note says so); the caption
    // prepares the reader for it instead of leaving a contradiction.
    assert!(captions[4].0.notices.iter().any(|n| n.text.starts_with("The changes from baseline differ")));
    assert!(text(4).contains("So the arms' changes differ, though"), "{}", text(4));
    assert!(text(5).contains("no significant changes"), "{}", text(5));
    assert!(!captions[6].1.numbers.is_empty(), "the ensemble spread is quoted");
    // The spread's text names its comparison once; the label does not repeat it.
    for (label, shown) in &captions[6].1.numbers {
        let said = format!("{label}: {}", shown.text);
        assert_eq!(said.matches("Low dose vs Placebo").count(), 1, "{said}");
    }
    assert!(text(7).contains("hUC-MSC treatment was safe and well tolerated"));
    // The conclusion reads apart from the safety finding before it.
    assert!(
        text(7).contains(
            "well tolerated; conclusion: safe; efficacy on immune reconstitution needs a larger study."
        ),
        "{}",
        text(7)
    );
}

/// Prints every caption (run with `--ignored --nocapture` to read them).
#[test]
#[ignore]
fn print_captions() {
    for (i, (_, c)) in all_captions().iter().enumerate() {
        println!("{}. {}", i + 1, c.text);
        for (label, shown) in &c.numbers {
            println!("   {label}: {} [{}]", shown.text, shown.provenance.label());
        }
    }
}

/// A reader who leaves a step's endpoint is told so, not that the step's view is unavailable.
#[test]
fn a_step_whose_view_the_reader_left_says_so() {
    let (bundle, _) = setup();
    let safety = steps().len() - 1;
    let elsewhere = trial_explorer::explore::compute(&bundle, &trial_explorer::explore::Selection::default());
    let said = caption(safety, &bundle, &elsewhere);
    assert_eq!(said.text, "The view has changed since this step was opened; “Show this step” sets it again.");
}

/// With the reader's own data loaded, the response step says its curves are drawn from them.
#[test]
fn the_response_step_names_the_readers_data() {
    let (bundle, _) = setup();
    let csv = "arm,time,event\nlow,12,1\nlow,96,0\nplacebo,48,1\nplacebo,96,0\n";
    let imported =
        trial_explorer::trial::import::import_patient_csv(&bundle, csv, "km.csv", "response").unwrap();
    // The third step, the response curves (the first opens on them too, as the trial at a glance).
    let step = 2;
    assert_eq!(steps()[step].selection.endpoint, EndpointChoice::Response);
    for (data, said) in [
        (&bundle, "so the curves are drawn from a reconstruction that matches every published number."),
        (&imported, "so the curves are drawn from the imported data (km.csv)."),
    ] {
        let view = trial_explorer::explore::compute(data, &steps()[step].selection);
        let text = caption(step, data, &view).text;
        assert!(text.ends_with(said), "{text}");
    }
}

/// The CD4 step says where its values come from: the reconstruction, the reader's imported
/// patients, and the diamonds of summaries the reader imported; the response step names an
/// imported probability as imported, never among the published ones bare.
#[test]
fn the_cd4_and_response_steps_name_imported_values() {
    let (bundle, _) = setup();
    let cd4_step = 4;
    assert_eq!(steps()[cd4_step].selection.endpoint, EndpointChoice::Cd4);
    let text = |data: &Bundle, step: usize| {
        let view = trial_explorer::explore::compute(data, &steps()[step].selection);
        caption(step, data, &view).text
    };
    assert!(
        text(&bundle, cd4_step)
            .contains("No means or spreads are published. The values shown are reconstructed to satisfy these statements."),
        "{}",
        text(&bundle, cd4_step)
    );
    let mut csv = String::from("arm,patient,visit,value\n");
    for r in &bundle.patient_data.continuous[0].records {
        csv.push_str(&format!("{},{},{},{}\n", r.arm, r.patient, r.visit, r.value));
    }
    let patients =
        trial_explorer::trial::import::import_patient_csv(&bundle, &csv, "cd4.csv", "cd4").unwrap();
    assert!(text(&patients, cd4_step).contains("The values shown are from the imported data (cd4.csv)."));

    let fact = |value: f64| serde_json::json!({ "value": value, "provenance": { "kind": "illustrative", "why": "Figure" } });
    let file = explore_common::results_only(serde_json::json!([
        { "endpoint": "cd4", "arm": "low", "visit": "w48", "measure": { "kind": "continuous", "baseline": "w0", "mean": fact(45.0) } },
        { "endpoint": "response", "arm": "high", "measure": { "kind": "cumulative_probability", "percent": fact(88.0) } },
    ]));
    let summaries = trial_explorer::trial::import::import_bundle_json(&bundle, &file, "fig.json").unwrap();
    assert!(
        text(&summaries, cd4_step).contains(
            "The values shown are reconstructed to satisfy these statements. The diamonds are summaries the bundle gives (imported), not computed here."
        ),
        "{}",
        text(&summaries, cd4_step)
    );
    // The step shows the low-dose and control arms; with every arm shown, the high dose's
    // imported value joins the published ones, named as imported.
    let all_arms = trial_explorer::explore::compute(&summaries, &Selection::default());
    let response = caption(2, &summaries, &all_arms).text;
    assert!(response.contains("high dose 88.0% (imported) vs low dose 95.8% vs placebo 70.8%"), "{response}");
}

/// Closing the walkthrough gives the reader's earlier view back, unless the reader changed the
/// step's view, which then stays; opened from a link there is no earlier view to go back to.
#[test]
fn closing_the_walkthrough_goes_back_to_the_readers_view_unless_the_step_was_changed() {
    let step = steps()[4].selection.clone();
    let mine = Selection { endpoint: EndpointChoice::Cd8, reported_only: true, ..Selection::default() };
    assert_eq!(view_after_walkthrough(Some(mine.clone()), &step, &step), Some(mine.clone()));
    let changed = Selection { reported_only: !step.reported_only, ..step.clone() };
    assert_eq!(view_after_walkthrough(Some(mine), &step, &changed), None);
    assert_eq!(view_after_walkthrough(None, &step, &step), None);
}
