//! The header's values and the chart's readout as the page's HTML: each value with its
//! provenance cue, withheld in place in "reported only" mode, and every text escaped.

use trial_explorer::explore::{overview, Shown};
use trial_explorer::share::header_html::{arms_table_html, fact_html, facts_html, list_html, push_fact};
use trial_explorer::share::{readout_html, readout_words};
use trial_explorer::trial::{default_bundle, Provenance};

fn reported() -> Provenance {
    Provenance::Reported { source: "abstract".into(), locator: "Results".into() }
}

fn derived() -> Provenance {
    Provenance::Derived { from: "95.8% of 24".into(), how: "rounded to a count".into() }
}

fn shown(text: &str, provenance: Provenance) -> Shown {
    Shown { text: text.into(), provenance }
}

#[test]
fn a_fact_is_written_with_its_cue_and_withheld_in_reported_only_mode() {
    let mut out = String::new();
    push_fact(&mut out, &shown("72", reported()), true);
    assert_eq!(
        out,
        "<span class=\"value value-reported\" data-provenance=\"reported\" \
         title=\"Reported in abstract (Results)\">72</span>"
    );
    // A derived fact is focusable, so that a keyboard reader reaches its rule; a reported one
    // (above) and a withheld one (below) are not: their tooltips only name a source.
    let planned = shown("24", derived());
    let mut out = String::new();
    push_fact(&mut out, &planned, false);
    assert_eq!(
        out,
        "<span class=\"value value-derived\" data-provenance=\"derived\" tabindex=\"0\" \
         title=\"Derived from 95.8% of 24: rounded to a count\">≈ 24<span class=\"badge badge-derived\">derived</span></span>"
    );
    let mut out = String::new();
    push_fact(&mut out, &planned, true);
    assert_eq!(
        out,
        "<span class=\"value value-derived\" data-provenance=\"derived\" \
         title=\"Not published: hidden in reported-only mode\">not reported (derived value hidden)</span>"
    );
}

/// The embedded bundle's header: every arm with its key, dose and planned size (derived from
/// the published total, so badged, and hidden in "reported only" mode), the key facts and the
/// eligibility criteria.
#[test]
fn the_trials_header_is_written_from_the_bundle() {
    let bundle = default_bundle().unwrap();
    let glance = overview(&bundle);
    let arms = arms_table_html(&glance.arms, false);
    assert!(
        arms.starts_with("<caption>Arms and doses</caption><thead><tr><th scope=\"col\">Arm</th>"),
        "{arms}"
    );
    assert_eq!(arms.matches("<tr data-arm=").count(), 3, "{arms}");
    for line in ["solid", "dashed", "dotted"] {
        assert!(
            arms.contains(&format!("<span class=\"arm-key line-{line}\" aria-hidden=\"true\"></span>")),
            "{arms}"
        );
    }
    assert_eq!(arms.matches("<span class=\"badge badge-derived\">derived</span>").count(), 3, "{arms}");
    let hidden = arms_table_html(&glance.arms, true);
    assert_eq!(hidden.matches("not reported (derived value hidden)").count(), 3, "{hidden}");
    assert!(!hidden.contains("badge"), "{hidden}");
    // Nor does a tooltip give the hidden size away.
    assert!(!hidden.contains("72 / 3") && !hidden.contains("24"), "{hidden}");

    let facts = facts_html(&[("Patients", &glance.enrolled), ("Follow-up", &glance.follow_up)], false);
    assert!(facts.starts_with("<div><dt>Patients</dt><dd><span class=\"value value-reported\""), "{facts}");
    assert!(facts.contains(">72</span></dd></div><div><dt>Follow-up</dt><dd>"), "{facts}");
    let registry = fact_html("ClinicalTrials.gov ", &glance.registry_id, false);
    assert!(
        registry.starts_with("ClinicalTrials.gov <span") && registry.ends_with(">NCT01213186</span>"),
        "{registry}"
    );
    assert_eq!(
        list_html(&glance.eligibility, false).matches("<li><span class=\"value").count(),
        bundle.eligibility.len()
    );
}

/// An imported file may name an arm anything; the name stays text in the table.
#[test]
fn markup_in_an_arms_name_is_written_as_text() {
    let mut glance = overview(&default_bundle().unwrap());
    glance.arms[0].label = "<img src=x onerror=alert(1)>".into();
    glance.arms[0].id = "\"><script>".into();
    let arms = arms_table_html(&glance.arms, false);
    assert!(!arms.contains("<img") && !arms.contains("<script"), "{arms}");
    assert!(arms.contains("<tr data-arm=\"&quot;&gt;&lt;script&gt;\">"), "{arms}");
    assert!(arms.contains("</span>&lt;img src=x onerror=alert(1)&gt;</th>"), "{arms}");
}

#[test]
fn the_readout_names_the_week_and_each_arms_value() {
    let lines = vec![
        (
            "Low dose".to_string(),
            shown("41.7% from week 24", Provenance::Imported { file: "a<b.csv".into() }),
        ),
        ("Placebo".to_string(), shown("4.2% from week 48", derived())),
    ];
    assert_eq!(
        readout_html(24.4, &lines),
        "<strong>Week 24: </strong><span class=\"readout-arm\">Low dose \
         <span class=\"value value-imported\" data-provenance=\"imported\" tabindex=\"0\" \
         title=\"41.7% from week 24 — Imported by the reader from a&lt;b.csv; not a published value\">41.7% from week 24\
         <span class=\"badge badge-imported\">imported</span></span></span><span class=\"readout-arm\">Placebo \
         <span class=\"value value-derived\" data-provenance=\"derived\" tabindex=\"0\" \
         title=\"4.2% from week 48 — Derived from 95.8% of 24: rounded to a count\">≈ 4.2% from week 48\
         <span class=\"badge badge-derived\">derived</span></span></span>"
    );
    // In words for the week slider's spoken value, each value with its kind.
    assert_eq!(
        readout_words(24.4, &lines),
        "Week 24. Low dose, imported: 41.7% from week 24. Placebo, derived: 4.2% from week 48."
    );
}
