//! The trial at a glance as HTML text: the registry id, design, key facts, the arms table and
//! the eligibility list of the page's header, each value with its provenance.
//!
//! The header's values differ from the view's (`html::push_value`) in two ways: only those
//! that are not reported are focusable, since a dozen reported ones would stand between a
//! keyboard user and the controls while saying only which source states them, where a derived
//! value's explanation is its rule; and in "reported only" mode an unpublished value is
//! withheld in place, badge included, instead of the whole panel being filtered.

use super::html::{push_escaped, push_in, push_value_as};
use crate::chart::arm_style;
use crate::explore::{ArmRow, Shown};

/// One value of the trial's description: its text (marked when derived) and a badge unless
/// reported, or in "reported only" mode the words saying an unpublished value is hidden.
pub fn push_fact(out: &mut String, shown: &Shown, reported_only: bool) {
    let provenance = &shown.provenance;
    let withheld = (reported_only && !provenance.is_reported()).then(|| shown.reported_only_text());
    // A withheld value's explanation would give it away ("72 / 3 = 24"): the tooltip only says
    // that it is withheld.
    let title = match withheld {
        Some(_) => "Not published: hidden in reported-only mode".to_string(),
        None => provenance.explain(),
    };
    let focusable = withheld.is_none() && !provenance.is_reported();
    push_value_as(out, &shown.text, provenance, &title, focusable, withheld.as_deref());
}

/// `label` (escaped) followed by one value: a line of the header such as the registry id.
pub fn fact_html(label: &str, shown: &Shown, reported_only: bool) -> String {
    let mut out = String::new();
    push_escaped(&mut out, label);
    push_fact(&mut out, shown, reported_only);
    out
}

/// The key facts as a description list's terms and values, each pair in its own `div` so that
/// the page can lay them out side by side.
pub fn facts_html(facts: &[(&str, &Shown)], reported_only: bool) -> String {
    let mut out = String::new();
    for (term, shown) in facts {
        push_in(&mut out, "<div><dt>", term, "</dt><dd>");
        push_fact(&mut out, shown, reported_only);
        out.push_str("</dd></div>");
    }
    out
}

/// Each value as a list item: the eligibility criteria.
pub fn list_html(items: &[Shown], reported_only: bool) -> String {
    let mut out = String::new();
    for item in items {
        out.push_str("<li>");
        push_fact(&mut out, item, reported_only);
        out.push_str("</li>");
    }
    out
}

/// The arms table's caption, head and rows: each arm with its key (the colour and line style
/// of its curves), dose and planned size.
pub fn arms_table_html(arms: &[ArmRow], reported_only: bool) -> String {
    let mut out = String::from(
        "<caption>Arms and doses</caption><thead><tr><th scope=\"col\">Arm</th>\
         <th scope=\"col\">Dose</th><th scope=\"col\">Planned patients</th></tr></thead><tbody>",
    );
    for arm in arms {
        push_in(&mut out, "<tr data-arm=\"", &arm.id, "\"><th scope=\"row\"><span class=\"arm-key line-");
        out.push_str(arm_style(&arm.id).line_name);
        push_in(&mut out, "\" aria-hidden=\"true\"></span>", &arm.label, "</th><td>");
        push_fact(&mut out, &arm.dose, reported_only);
        out.push_str("</td><td>");
        push_fact(&mut out, &arm.planned_n, reported_only);
        out.push_str("</td></tr>");
    }
    out.push_str("</tbody>");
    out
}
