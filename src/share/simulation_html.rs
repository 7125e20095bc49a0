//! The simulation lab's result as HTML text: the summary sentence, the histogram of simulated
//! P values as inline SVG with the published P marked, and the same counts as a table.
//!
//! The bars are SVG rectangles sized by attributes, not `div`s sized by inline styles, which
//! the page's Content-Security-Policy does not allow in markup; their colours come from the
//! stylesheet, so they follow the theme.

use super::html::{push_badge, push_escaped, push_in, push_value};
use crate::explore::estimate::{format_p, format_percent};
use crate::explore::Shown;
use crate::simulate::SimulationSummary;
use crate::trial::decimal::thousands;

/// Width of one bar's slot in the histogram's drawing units; the drawing is 100 units high and
/// stretched to the page's width.
const SLOT: f64 = 10.0;

/// Histogram bin `i` of `summary` as powers of ten with a true minus sign ("P from 10^−3.00 to
/// 10^−2.75"); the first bin also counts every P below the floor ("P below 10^−5.75").
fn bin_label(summary: &SimulationSummary, i: usize) -> String {
    let power = |exponent: f64| match exponent {
        e if e.abs() < 0.005 => "10^0".to_string(),
        e => format!("10^{e:.2}").replace('-', "−"),
    };
    let (from, to) = summary.bin_edges(i);
    if i == 0 {
        format!("P below {}", power(to))
    } else {
        format!("P from {} to {}", power(from), power(to))
    }
}

/// The result of a finished run of `summary.trials` trials that took `ms` milliseconds, set
/// against the published P (`summary.published_p`), written as `published` says: its text and
/// its own provenance cue, so that it does not read as part of the illustrative result.
pub fn simulation_html(summary: &SimulationSummary, ms: f64, published: Option<&Shown>) -> String {
    let s = summary;
    let mut out = format!(
        "<p id=\"sim-summary\">{} trials in {ms:.0} ms. <strong id=\"sim-power\">Power at α = {}: {}</strong>. \
         Median {}. ",
        thousands(u64::from(s.trials)),
        s.alpha,
        s.power.map_or_else(|| "not defined".to_string(), format_percent),
        s.median_p.map_or_else(|| "P not defined".to_string(), format_p),
    );
    match (published, s.at_least_as_extreme_as_published) {
        (Some(published), share) => {
            out.push_str("P at or below the ");
            push_value(&mut out, &published.text, &published.provenance);
            match share {
                Some(share) => out.push_str(&format!(" in {} of the trials.", format_percent(share))),
                None => out.push_str(": no trial could be tested (none had a response)."),
            }
        }
        (None, _) => out.push_str("No exact P is published to set the trials against."),
    }
    push_badge(&mut out, "illustrative");
    out.push_str("</p>");
    let bins = s.histogram.len();
    let most = f64::from(s.histogram.iter().copied().max().unwrap_or(1).max(1));
    let floor = s.log10_p_floor;
    out.push_str(&format!(
        "<svg class=\"p-histogram\" role=\"img\" viewBox=\"0 0 {:.0} 100\" preserveAspectRatio=\"none\" \
         aria-label=\"Histogram of the simulated log-rank P values on a log scale; the counts are in the table below.\">",
        SLOT * bins as f64
    ));
    for (i, &n) in s.histogram.iter().enumerate() {
        let height = 100.0 * f64::from(n) / most;
        out.push_str(&format!(
            "<rect class=\"p-bar\" x=\"{:.1}\" y=\"{:.2}\" width=\"{:.1}\" height=\"{height:.2}\" \
             vector-effect=\"non-scaling-stroke\"><title>{}: {n} {}</title></rect>",
            SLOT * i as f64 + 1.0,
            100.0 - height,
            SLOT - 2.0,
            bin_label(s, i),
            if n == 1 { "trial" } else { "trials" }
        ));
    }
    if let Some(p) = s.published_p.filter(|p| *p > 0.0) {
        let x = SLOT * bins as f64 * s.histogram_position(p);
        out.push_str(&format!(
            "<line class=\"p-published\" x1=\"{x:.1}\" x2=\"{x:.1}\" y1=\"0\" y2=\"100\" \
             vector-effect=\"non-scaling-stroke\"><title>published P</title></line>"
        ));
    }
    out.push_str("</svg>");
    push_in(
        &mut out,
        "<p class=\"p-axis\">",
        &format!(
            "log₁₀ P from {} (left; the first bar also counts every smaller P) to 0 (right); the dashed vertical line is the published P.",
            format!("{floor:.0}").replace('-', "−")
        ),
        "</p>",
    );
    out.push_str(
        "<details><summary>Histogram as a table</summary><table class=\"data\"><thead><tr>\
         <th scope=\"col\">P range</th><th scope=\"col\">trials</th></tr></thead><tbody>",
    );
    for (i, n) in s.histogram.iter().enumerate() {
        push_in(&mut out, "<tr><td>", &bin_label(s, i), "</td><td>");
        push_escaped(&mut out, &n.to_string());
        out.push_str("</td></tr>");
    }
    out.push_str("</tbody></table></details>");
    out
}
