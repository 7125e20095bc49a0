//! The view's tables, statistics and safety statements, the claims' cards, a walkthrough
//! step's numbers and the chart's readout as HTML text, which the page inserts whole.
//!
//! A table of a few hundred cells built as one Leptos view per cell compiled to about 2.4 KB
//! gzip of the shipped WebAssembly for that one panel; as text it is a loop over strings
//! (BENCHMARKS.md, Shipped size). The markup is the page's own: the same classes and scopes,
//! and one way of writing a value with its provenance (`push_value`; the header's variant is
//! `header_html::push_fact`), explained by the page's legend (`ui::provenance`). Every text
//! is escaped, since an imported label or file name may hold markup.

use crate::claims::{Claim, ClaimCheck, Outcome};
use crate::explore::{Notice, NoticeKind, SafetyView, Shown, StatLine, TextTable};
use crate::trial::Provenance;

/// `text` as HTML text or attribute value: the characters that mean something in markup
/// written as entities (the charts' SVG writer's escaping, one for both).
pub(crate) use crate::chart::svg::push_escaped;

/// `open`, then `text` escaped, then `close`: an element holding text.
pub(crate) fn push_in(out: &mut String, open: &str, text: &str, close: &str) {
    out.push_str(open);
    push_escaped(out, text);
    out.push_str(close);
}

/// The text as displayed: a derived value is marked "≈" unless its text says "derived".
pub fn marked(text: &str, provenance: &Provenance) -> String {
    if provenance.label() == "derived" && !text.starts_with("derived") {
        format!("≈ {text}")
    } else {
        text.to_string()
    }
}

/// One value with its provenance: the text (marked when derived), a badge naming any kind but
/// reported, and the exact text with where it comes from in a tooltip. Focusable, so keyboard
/// users reach the tooltip.
pub fn push_value(out: &mut String, text: &str, provenance: &Provenance) {
    let title = format!("{text} — {}", provenance.explain());
    push_value_as(out, text, provenance, &title, true, None);
}

/// The one writer of a value's markup, for [`push_value`] and the header's facts: the span
/// carries its provenance's kind as a class and a data attribute, `title` as its tooltip, and
/// when `focusable` a place in the keyboard order. Inside, `withheld` (the words that stand for
/// a value "reported only" hides) or the text, marked when derived, and its badge.
pub(crate) fn push_value_as(
    out: &mut String,
    text: &str,
    provenance: &Provenance,
    title: &str,
    focusable: bool,
    withheld: Option<&str>,
) {
    let kind = provenance.label();
    out.push_str("<span class=\"value value-");
    out.push_str(kind);
    out.push_str("\" data-provenance=\"");
    out.push_str(kind);
    if focusable {
        out.push_str("\" tabindex=\"0");
    }
    push_in(out, "\" title=\"", title, "\">");
    match withheld {
        Some(words) => push_escaped(out, words),
        None => {
            push_escaped(out, &marked(text, provenance));
            if !provenance.is_reported() {
                push_badge(out, kind);
            }
        }
    }
    out.push_str("</span>");
}

/// The badge naming a provenance kind (`kind` is one of `Provenance::label`'s fixed words).
pub(crate) fn push_badge(out: &mut String, kind: &str) {
    out.push_str("<span class=\"badge badge-");
    out.push_str(kind);
    out.push_str("\">");
    out.push_str(kind);
    out.push_str("</span>");
}

/// The chart's readout before a week is pointed at or chosen: how to read the curves.
pub const READOUT_HINT_HTML: &str =
    "<span class=\"missing\">Point at the curves or move the slider under them \
     to read their exact values; every value is also in the tables below.</span>";

/// The chart's readout at `week`: each arm's value where the curves stand there.
pub fn readout_html(week: f64, lines: &[(String, Shown)]) -> String {
    let mut out = format!("<strong>Week {week:.0}: </strong>");
    for (arm, value) in lines {
        push_in(&mut out, "<span class=\"readout-arm\">", arm, " ");
        push_value(&mut out, &value.text, &value.provenance);
        out.push_str("</span>");
    }
    out
}

/// The readout in words, for the week slider's spoken value: "Week 24. Low dose,
/// reconstructed: 41.7% (…) from week 24. Placebo, reconstructed: …", each arm's value after
/// its provenance's kind, so that the kind is not heard as part of a clause the value ends with.
pub fn readout_words(week: f64, lines: &[(String, Shown)]) -> String {
    let mut out = format!("Week {week:.0}.");
    for (arm, value) in lines {
        out.push_str(&format!(" {arm}, {}: {}.", value.provenance.label(), value.text));
    }
    out
}

/// `tables`, each in its own horizontally scrolling box (a wide at-risk table must not widen
/// the page on a projector), focusable so that keyboard users can scroll it. A row's first
/// cell heads the row unless it carries a provenance.
pub fn tables_html(tables: &[TextTable]) -> String {
    let mut out = String::new();
    for table in tables {
        push_in(
            &mut out,
            "<div class=\"table-scroll\" role=\"region\" tabindex=\"0\" aria-label=\"",
            &table.caption,
            "\"><table class=\"data\"><caption>",
        );
        push_escaped(&mut out, &table.caption);
        out.push_str("</caption><thead><tr>");
        for column in &table.columns {
            push_in(&mut out, "<th scope=\"col\">", column, "</th>");
        }
        out.push_str("</tr></thead><tbody>");
        for row in &table.rows {
            out.push_str("<tr>");
            for (i, cell) in row.iter().enumerate() {
                let (open, close) = match (&cell.provenance, i) {
                    (None, 0) => ("<th scope=\"row\">", "</th>"),
                    _ => ("<td>", "</td>"),
                };
                out.push_str(open);
                match &cell.provenance {
                    Some(provenance) => push_value(&mut out, &cell.text, provenance),
                    None => push_escaped(&mut out, &cell.text),
                }
                out.push_str(close);
            }
            out.push_str("</tr>");
        }
        out.push_str("</tbody></table></div>");
    }
    out
}

/// The statistics panel's body: each subject's lines under its heading, with the published
/// figure (or one the reader imported, labelled so) beside this data's; the figures missing for one same reason (with no published figure
/// beside them) gathered into one sentence instead of a column of repeats; then the published
/// findings; `none` when there is neither.
pub fn statistics_html(lines: &[StatLine], findings: &[Shown], none: &str) -> String {
    let mut out = String::new();
    let mut rest = lines;
    while let Some(first) = rest.first() {
        let count = rest.iter().take_while(|l| l.subject == first.subject).count();
        let (group, after) = rest.split_at(count);
        rest = after;
        push_in(&mut out, "<h3 class=\"stat-subject\">", &first.subject, "</h3><ul class=\"stats\">");
        let mut missing: Vec<(&str, Vec<&str>)> = Vec::new();
        for line in group {
            match (&line.shown, &line.published) {
                (Err(why), None) => match missing.iter_mut().find(|(reason, _)| reason == why) {
                    Some((_, names)) => names.push(&line.statistic),
                    None => missing.push((why, vec![&line.statistic])),
                },
                (shown, published) => push_line(&mut out, line, shown, published.as_ref()),
            }
        }
        for (why, names) in missing {
            push_in(
                &mut out,
                "<li class=\"stat-missing\"><span class=\"stat-name\">",
                &names.join(", "),
                "</span>: <span class=\"missing\">",
            );
            push_escaped(&mut out, why);
            out.push_str("</span></li>");
        }
        out.push_str("</ul>");
    }
    if !findings.is_empty() {
        out.push_str("<h3>Published findings</h3><ul class=\"findings\">");
        for finding in findings {
            out.push_str("<li>");
            push_value(&mut out, &finding.text, &finding.provenance);
            out.push_str("</li>");
        }
        out.push_str("</ul>");
    }
    if lines.is_empty() && findings.is_empty() {
        push_in(&mut out, "<p class=\"missing\">", none, "</p>");
    }
    out
}

/// One statistic: its name, this data's figure or why there is none, and the published one.
fn push_line(out: &mut String, line: &StatLine, shown: &Result<Shown, String>, published: Option<&Shown>) {
    push_in(out, "<li class=\"stat\" data-subject=\"", &line.subject, "\" data-statistic=\"");
    push_escaped(out, &line.statistic);
    if let Some(value) = line.value {
        out.push_str("\" data-value=\"");
        out.push_str(&value.to_string());
    }
    push_in(out, "\"><span class=\"stat-name\">", &line.statistic, "</span>: ");
    match shown {
        Ok(shown) => push_value(out, &shown.text, &shown.provenance),
        Err(why) => {
            push_in(out, "<span class=\"missing\">", why, "</span>");
        }
    }
    if let Some(published) = published {
        out.push_str("<span class=\"published\"> · ");
        push_value(out, &published.text, &published.provenance);
        out.push_str("</span>");
    }
    out.push_str("</li>");
}

/// A short heading per claim: two claims share one published sentence, so the sentence alone
/// does not tell them apart.
fn claim_title(claim: Claim) -> &'static str {
    match claim {
        Claim::Cd4RiseHigh => "CD4 count rises by week 48: high dose",
        Claim::Cd4RiseLow => "CD4 count rises by week 48: low dose",
        Claim::Cd4NoChangeControl => "No CD4 change: placebo",
        Claim::ResponseLowVsControl => "Response: low dose vs placebo",
        Claim::NoDifferenceAmongArms => "No CD4, CD8 or ratio differences among the arms",
    }
}

/// The claims panel's cards: each published claim with its verdict on the loaded data and its
/// published and recomputed figures side by side, each recomputed number with the provenance
/// of the data it comes from, cued as every value of the page is (≈ when derived, a badge unless
/// reported). In "reported only" mode the verdicts and recomputed numbers, which rest on
/// unpublished data, are withheld.
pub fn claims_html(checks: &[ClaimCheck], reported_only: bool) -> String {
    let mut out = String::new();
    for check in checks {
        let (class, verdict) = match &check.outcome {
            Outcome::Reproduced => ("reproduced", "Reproduced".to_string()),
            Outcome::NotReproduced => ("not-reproduced", "Not reproduced".to_string()),
            Outcome::NotCheckable { why } => ("not-checkable", format!("Not checkable: {why}")),
        };
        out.push_str("<article class=\"claim\" data-claim=\"");
        out.push_str(check.claim.id());
        out.push_str("\" data-outcome=\"");
        out.push_str(class);
        out.push_str("\"><h3>");
        out.push_str(claim_title(check.claim));
        push_in(
            &mut out,
            // Not in quotation marks: the list of published facts words some findings itself.
            "</h3><p class=\"claim-source\">Published: ",
            &check.published,
            "</p>",
        );
        if let Some(reading) = check.claim.reading() {
            push_in(
                &mut out,
                "<p class=\"claim-source claim-reading\">This check reads it as ",
                reading,
                "</p>",
            );
        }
        out.push_str("<p class=\"verdict verdict-");
        out.push_str(class);
        out.push_str("\">");
        if reported_only {
            out.push_str("Verdict hidden: it rests on unpublished data");
        } else {
            push_escaped(&mut out, &verdict);
        }
        out.push_str("</p>");
        // A claim with nothing recomputed (not checkable) has no table of figures, not an
        // empty one.
        if check.figures.is_empty() {
            out.push_str("</article>");
            continue;
        }
        // Named for a listener who moves from table to table.
        push_in(
            &mut out,
            "<table class=\"data figures\" aria-label=\"Figures: ",
            claim_title(check.claim),
            "\"><thead><tr><th scope=\"col\">Figure</th>\
             <th scope=\"col\">Published</th><th scope=\"col\">Recomputed</th></tr></thead><tbody>",
        );
        for figure in &check.figures {
            push_in(&mut out, "<tr><th scope=\"row\">", &figure.what, "</th><td>");
            push_escaped(&mut out, &figure.published);
            out.push_str("</td><td>");
            if reported_only {
                out.push_str("<span class=\"missing\">hidden (not published)</span>");
            } else {
                push_value(&mut out, &figure.recomputed, &figure.provenance);
            }
            out.push_str("</td></tr>");
        }
        out.push_str("</tbody></table></article>");
    }
    out
}

/// The safety view: the published statements, each with its provenance, and what the sources
/// leave unreported.
pub fn safety_html(safety: &SafetyView) -> String {
    let mut out = String::from("<div class=\"safety\" id=\"safety\"><h3>Published on safety</h3><ul>");
    for statement in &safety.statements {
        out.push_str("<li>");
        push_value(&mut out, &statement.text, &statement.provenance);
        out.push_str("</li>");
    }
    out.push_str("</ul><h3>Not reported in the published sources</h3><ul class=\"not-reported\">");
    for missing in &safety.not_reported {
        push_in(&mut out, "<li>", missing, "</li>");
    }
    out.push_str("</ul></div>");
    out
}

/// A walkthrough step's recomputed numbers, each after its label.
pub fn numbers_html(numbers: &[(String, Shown)]) -> String {
    let mut out = String::from("<ul class=\"recomputed\" id=\"walkthrough-numbers\">");
    for (label, shown) in numbers {
        push_in(&mut out, "<li>", label, ": ");
        push_value(&mut out, &shown.text, &shown.provenance);
        out.push_str("</li>");
    }
    out.push_str("</ul>");
    out
}

/// The view's notices as list items, each classed by its kind so the page can mark it.
pub fn notices_html(notices: &[Notice]) -> String {
    let mut out = String::new();
    for notice in notices {
        let class = match notice.kind {
            NoticeKind::Ignored => "notice notice-ignored",
            NoticeKind::NotAvailable => "notice notice-not-available",
            NoticeKind::Hidden => "notice notice-hidden",
            NoticeKind::Note => "notice notice-note",
        };
        out.push_str("<li class=\"");
        out.push_str(class);
        push_in(&mut out, "\">", &notice.text, "</li>");
    }
    out
}

/// What a screen reader is told when the view's notices change: the texts in `now` that were
/// not in `before`, one after another. The list is rewritten whole at each change, so a live
/// region on it would read every notice again.
pub fn added_notices(before: &[String], now: &[String]) -> String {
    let added: Vec<&str> = now.iter().filter(|t| !before.contains(t)).map(String::as_str).collect();
    added.join(" ")
}

/// Plain texts as list items (the parts of a link that were ignored).
pub fn items_html(items: &[String]) -> String {
    let mut out = String::new();
    for item in items {
        push_in(&mut out, "<li>", item, "</li>");
    }
    out
}

/// The arms drawn without a curve or count, each with why, as list items.
pub fn missing_arms_html(missing: &[(String, String)]) -> String {
    let mut out = String::new();
    for (arm, why) in missing {
        push_in(&mut out, "<li><strong>", arm, "</strong>: ");
        push_escaped(&mut out, why);
        out.push_str("</li>");
    }
    out
}
