//! The view's tables and statistics as the page's HTML: escaped text, row headers, and each
//! value with its provenance cue (≈ for derived, a badge for all but reported, the source in a
//! tooltip).

use trial_explorer::claims::check_claims;
use trial_explorer::explore::{
    compute, statistics, Cell, EndpointChoice, Selection, Shown, StatLine, TextTable,
};
use trial_explorer::reconstruct::{reconstruct, DEFAULT_SEED};
use trial_explorer::share::html::{marked, push_value};
use trial_explorer::share::{
    added_notices, claims_html, numbers_html, safety_html, statistics_html, tables_html,
};
use trial_explorer::trial::{default_bundle, Provenance};

fn reported() -> Provenance {
    Provenance::Reported { source: "abstract".into(), locator: "Results".into() }
}

fn derived() -> Provenance {
    Provenance::Derived { from: "95.8% of 24".into(), how: "rounded to a count".into() }
}

#[test]
fn a_table_is_written_with_its_caption_headers_and_cells() {
    let mut table = TextTable::new("Responders", &["Arm", "Published", "By week 96"]);
    table.rows.push(vec![
        Cell::label("Low dose"),
        Cell::value("95.8%", &reported()),
        Cell::value("23/24", &derived()),
    ]);
    assert_eq!(
        tables_html(&[table]),
        "<div class=\"table-scroll\" role=\"region\" tabindex=\"0\" aria-label=\"Responders\">\
         <table class=\"data\"><caption>Responders</caption>\
         <thead><tr><th scope=\"col\">Arm</th><th scope=\"col\">Published</th><th scope=\"col\">By week 96</th></tr></thead>\
         <tbody><tr><th scope=\"row\">Low dose</th>\
         <td><span class=\"value value-reported\" data-provenance=\"reported\" tabindex=\"0\" \
         title=\"95.8% — Reported in abstract (Results)\">95.8%</span></td>\
         <td><span class=\"value value-derived\" data-provenance=\"derived\" tabindex=\"0\" \
         title=\"23/24 — Derived from 95.8% of 24: rounded to a count\">≈ 23/24<span class=\"badge badge-derived\">derived</span></span></td>\
         </tr></tbody></table></div>"
    );
}

/// An imported file may name anything; its text never becomes markup, in text or attribute.
#[test]
fn markup_in_labels_and_file_names_is_written_as_text() {
    let hostile = "<img src=x onerror=\"alert('x')\"> & <script>";
    let mut table = TextTable::new(hostile, &[hostile]);
    table.rows.push(vec![
        Cell::label(hostile),
        Cell::value(hostile, &Provenance::Imported { file: hostile.into() }),
    ]);
    let html = tables_html(&[table]);
    assert!(!html.contains("<img") && !html.contains("<script") && !html.contains("\"alert"), "{html}");
    assert_eq!(
        html.matches("&lt;img src=x onerror=&quot;alert(&#39;x&#39;)&quot;&gt; &amp; &lt;script&gt;").count(),
        7
    );
}

#[test]
fn derived_values_are_marked_unless_they_say_so() {
    assert_eq!(marked("23/24", &derived()), "≈ 23/24");
    assert_eq!(marked("derived 23/24", &derived()), "derived 23/24");
    assert_eq!(marked("95.8%", &reported()), "95.8%");
    let mut out = String::new();
    push_value(
        &mut out,
        "P = 0.0041",
        &Provenance::Reconstructed { method: "response_times".into(), seed: 7 },
    );
    assert!(
        out.ends_with(">P = 0.0041<span class=\"badge badge-reconstructed\">reconstructed</span></span>"),
        "{out}"
    );
}

/// Every table of a real view is written, one box each, every computed value with its badge.
#[test]
fn every_table_of_a_view_is_written() {
    let bundle = reconstruct(&default_bundle().unwrap(), DEFAULT_SEED).unwrap();
    for endpoint in EndpointChoice::ALL {
        let view = compute(&bundle, &Selection { endpoint, ..Selection::default() });
        let html = tables_html(view.tables());
        assert_eq!(html.matches("<table class=\"data\">").count(), view.tables().len(), "{endpoint:?}");
        let values: usize =
            view.tables().iter().flat_map(|t| &t.rows).flatten().filter(|c| c.provenance.is_some()).count();
        assert_eq!(html.matches("<span class=\"value value-").count(), values, "{endpoint:?}");
    }
    let response = compute(&bundle, &Selection::default());
    let html = tables_html(response.tables());
    assert!(html.contains("<th scope=\"row\">Low dose</th>"), "{html}");
    assert!(html.contains("badge-reconstructed"));
}

fn line(subject: &str, statistic: &str, shown: Result<Shown, String>, value: Option<f64>) -> StatLine {
    StatLine { subject: subject.into(), statistic: statistic.into(), shown, value, published: None }
}

/// Lines under their subject's heading; figures missing for one reason gathered into one
/// sentence; the number itself in `data-value` for tests and tools; the published figure beside.
#[test]
fn statistics_are_grouped_by_subject_and_missing_figures_gathered() {
    let reconstructed = Provenance::Reconstructed { method: "response_times".into(), seed: 1 };
    let p = Shown { text: "P = 0.0041".into(), provenance: reconstructed };
    let mut with_published = line("Low dose vs Placebo", "Log-rank P", Ok(p), Some(0.0041));
    with_published.published = Some(Shown { text: "P = 0.004".into(), provenance: reported() });
    let lines = [
        with_published,
        line("Low dose vs Placebo", "Cox HR", Err("too few events".into()), None),
        line("Low dose vs Placebo", "Peto P", Err("too few events".into()), None),
        line("High dose vs <Placebo>", "Fisher P", Err("no data".into()), None),
    ];
    let html = statistics_html(&lines, &[], "none");
    assert_eq!(
        html,
        "<h3 class=\"stat-subject\">Low dose vs Placebo</h3><ul class=\"stats\">\
         <li class=\"stat\" data-subject=\"Low dose vs Placebo\" data-statistic=\"Log-rank P\" data-value=\"0.0041\">\
         <span class=\"stat-name\">Log-rank P</span>: \
         <span class=\"value value-reconstructed\" data-provenance=\"reconstructed\" tabindex=\"0\" \
         title=\"P = 0.0041 — Reconstructed (response_times, seed 1); not a published value\">P = 0.0041\
         <span class=\"badge badge-reconstructed\">reconstructed</span></span>\
         <span class=\"published\"> · <span class=\"value value-reported\" data-provenance=\"reported\" tabindex=\"0\" \
         title=\"P = 0.004 — Reported in abstract (Results)\">P = 0.004</span></span></li>\
         <li class=\"stat-missing\"><span class=\"stat-name\">Cox HR, Peto P</span>: <span class=\"missing\">too few events</span></li>\
         </ul><h3 class=\"stat-subject\">High dose vs &lt;Placebo&gt;</h3><ul class=\"stats\">\
         <li class=\"stat-missing\"><span class=\"stat-name\">Fisher P</span>: <span class=\"missing\">no data</span></li></ul>"
    );
}

#[test]
fn findings_follow_and_an_empty_panel_says_why() {
    let finding = Shown { text: "no significant changes".into(), provenance: reported() };
    assert_eq!(
        statistics_html(&[], std::slice::from_ref(&finding), "No tests."),
        "<h3>Published findings</h3><ul class=\"findings\"><li><span class=\"value value-reported\" \
         data-provenance=\"reported\" tabindex=\"0\" title=\"no significant changes — Reported in abstract (Results)\">\
         no significant changes</span></li></ul>"
    );
    assert_eq!(
        statistics_html(&[], &[], "No tests: <none>."),
        "<p class=\"missing\">No tests: &lt;none&gt;.</p>"
    );
}

/// Every line of a real view is written: one item per line shown, the rest in sentences.
#[test]
fn every_statistic_of_a_view_is_written() {
    let bundle = reconstruct(&default_bundle().unwrap(), DEFAULT_SEED).unwrap();
    for endpoint in EndpointChoice::ALL {
        let view = compute(&bundle, &Selection { endpoint, ..Selection::default() });
        let lines = statistics(&view);
        let html = statistics_html(&lines, &[], "none");
        let shown = lines.iter().filter(|l| l.shown.is_ok() || l.published.is_some()).count();
        assert_eq!(html.matches("<li class=\"stat\" ").count(), shown, "{endpoint:?}");
        for l in lines.iter().filter(|l| l.value.is_some()) {
            assert!(
                html.contains(&format!("data-value=\"{}\"", l.value.unwrap())),
                "{endpoint:?}: {}",
                l.statistic
            );
        }
    }
}

/// Each claim's card: its verdict on the loaded data, the published and recomputed figures, and
/// with "reported only" on, nothing that rests on unpublished data.
#[test]
fn claims_are_written_with_verdicts_unless_reported_only() {
    let bundle = reconstruct(&default_bundle().unwrap(), DEFAULT_SEED).unwrap();
    let mut checks = check_claims(&bundle);
    let html = claims_html(&checks, false);
    assert_eq!(html.matches("<article class=\"claim\" data-claim=").count(), 5);
    assert_eq!(html.matches("data-outcome=\"reproduced\"").count(), 5);
    assert_eq!(html.matches("<p class=\"verdict verdict-reproduced\">Reproduced</p>").count(), 5);
    assert!(html.contains("<h3>Response: low dose vs placebo</h3>"));
    // Each card's table is named for a listener moving from table to table.
    assert!(
        html.contains("<table class=\"data figures\" aria-label=\"Figures: Response: low dose vs placebo\">")
    );
    assert_eq!(html.matches("aria-label=\"Figures: ").count(), 5);
    assert!(html.contains(">P = 0.0041<span class=\"badge badge-reconstructed\">"), "{html}");
    let figures: usize = checks.iter().map(|c| c.figures.len()).sum();
    assert_eq!(html.matches("<span class=\"value value-reconstructed\"").count(), figures);
    // The claim the abstract's words leave open to two readings says which it takes, once,
    // on its own card, before the verdict.
    assert_eq!(html.matches("claim-reading").count(), 1);
    let among = &html[html.find("data-claim=\"no_difference_among_arms\"").unwrap()..];
    let reading = among.find("<p class=\"claim-source claim-reading\">This check reads it as the arms&#39; levels at the visits the published sources name (baseline, weeks 48 and 96), not their changes from baseline.").unwrap();
    assert!(reading < among.find("class=\"verdict").unwrap());

    let hidden = claims_html(&checks, true);
    assert_eq!(hidden.matches("Verdict hidden: it rests on unpublished data").count(), 5);
    assert_eq!(hidden.matches("hidden (not published)").count(), figures);
    assert!(!hidden.contains("badge-reconstructed") && !hidden.contains("P = 0.0041"));

    checks[0].published = "<script>alert(1)</script>".into();
    assert!(claims_html(&checks, false).contains("Published: &lt;script&gt;alert(1)&lt;/script&gt;</p>"));

    // Without patient data nothing is recomputed: each card gives its reason and no table.
    let unchecked = claims_html(&check_claims(&default_bundle().unwrap()), false);
    assert_eq!(unchecked.matches("data-outcome=\"not-checkable\"").count(), 5, "{unchecked}");
    assert!(!unchecked.contains("<table"), "{unchecked}");
    assert_eq!(unchecked.matches("</article>").count(), 5);
}

/// The safety view's statements keep their provenance (reported: plain, no badge), and what
/// is not published is listed as text.
#[test]
fn safety_statements_and_what_is_not_reported_are_written() {
    let bundle = reconstruct(&default_bundle().unwrap(), DEFAULT_SEED).unwrap();
    let view = compute(&bundle, &Selection { endpoint: EndpointChoice::Safety, ..Selection::default() });
    let safety = view.safety().expect("the safety view");
    let html = safety_html(safety);
    assert!(
        html.starts_with("<div class=\"safety\" id=\"safety\"><h3>Published on safety</h3><ul><li>"),
        "{html}"
    );
    assert!(html.contains(">reported: hUC-MSC treatment was safe and well tolerated</span></li>"), "{html}");
    assert_eq!(html.matches("<span class=\"value value-reported\"").count(), safety.statements.len());
    assert!(!html.contains("badge"));
    assert_eq!(html.matches("<li>").count(), safety.statements.len() + safety.not_reported.len());
    assert!(html.contains("<ul class=\"not-reported\"><li>"));
}

#[test]
fn a_steps_numbers_are_written_after_their_labels() {
    let numbers = vec![(
        "Fisher P, Low dose vs <Placebo>".to_string(),
        Shown { text: "P = 0.0479".into(), provenance: Provenance::Imported { file: "a&b.csv".into() } },
    )];
    assert_eq!(
        numbers_html(&numbers),
        "<ul class=\"recomputed\" id=\"walkthrough-numbers\"><li>Fisher P, Low dose vs &lt;Placebo&gt;: \
         <span class=\"value value-imported\" data-provenance=\"imported\" tabindex=\"0\" \
         title=\"P = 0.0479 — Imported by the reader from a&amp;b.csv; not a published value\">P = 0.0479\
         <span class=\"badge badge-imported\">imported</span></span></li></ul>"
    );
}

/// The view's notices, a link's ignored parts and the arms drawn without a curve: list items
/// with their text escaped, each notice classed by its kind.
#[test]
fn notices_ignored_parts_and_missing_arms_are_written_as_list_items() {
    use trial_explorer::explore::{Notice, NoticeKind};
    use trial_explorer::share::{items_html, missing_arms_html, notices_html};
    let notices = [
        Notice::new(NoticeKind::Ignored, "Unknown arm '<b>' ignored."),
        Notice::new(NoticeKind::Hidden, "Reported only: hidden."),
        Notice::new(NoticeKind::NotAvailable, "None."),
        Notice::new(NoticeKind::Note, "A & B."),
    ];
    assert_eq!(
        notices_html(&notices),
        "<li class=\"notice notice-ignored\">Unknown arm &#39;&lt;b&gt;&#39; ignored.</li>\
         <li class=\"notice notice-hidden\">Reported only: hidden.</li>\
         <li class=\"notice notice-not-available\">None.</li>\
         <li class=\"notice notice-note\">A &amp; B.</li>"
    );
    assert_eq!(
        items_html(&["arms=<x>".to_string(), "step=99".to_string()]),
        "<li>arms=&lt;x&gt;</li><li>step=99</li>"
    );
    assert_eq!(
        missing_arms_html(&[("High <dose>".to_string(), "no data & no figure".to_string())]),
        "<li><strong>High &lt;dose&gt;</strong>: no data &amp; no figure</li>"
    );
    assert_eq!(notices_html(&[]), "");
}

#[test]
fn a_change_says_only_the_notices_it_adds() {
    let texts = |t: &[&str]| t.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    let cut = texts(&["Follow-up is cut at week 48."]);
    let hidden = texts(&["Reported only: curves are hidden.", "Reported only: the ensemble is hidden."]);
    assert_eq!(added_notices(&[], &cut), "Follow-up is cut at week 48.");
    assert_eq!(added_notices(&cut, &cut), "", "nothing new: nothing said");
    assert_eq!(
        added_notices(&cut, &hidden),
        "Reported only: curves are hidden. Reported only: the ensemble is hidden."
    );
    let both = texts(&["Follow-up is cut at week 48.", "Reported only: curves are hidden."]);
    assert_eq!(
        added_notices(&cut, &both),
        "Reported only: curves are hidden.",
        "the one kept is not said again"
    );
    assert_eq!(added_notices(&both, &[]), "", "notices that go are not said");
}
