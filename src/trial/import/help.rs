//! What a reader needs to write a CSV this bundle accepts: its arm ids and visit ids, read
//! from the loaded bundle so the help never names an arm or visit the importer would refuse.

use crate::trial::Bundle;

/// One paragraph for the import panel: the ids the CSV columns take, and how long an import
/// lasts.
pub fn csv_help(bundle: &Bundle) -> String {
    let arms: Vec<&str> = bundle.arms.iter().map(|a| a.id.as_str()).collect();
    let visits: Vec<&str> = bundle.visits.iter().map(|v| v.id.as_str()).collect();
    format!(
        "In a CSV, arm is one of {}; visit is one of {}, or its week; time is weeks since baseline, up \
         to the {}-week follow-up, and event is 1 for a response or 0 for censoring. An import lasts \
         until the page is reloaded; a copied link does not carry it.",
        arms.join(", "),
        visits.join(", "),
        bundle.trial.follow_up_weeks.value
    )
}
