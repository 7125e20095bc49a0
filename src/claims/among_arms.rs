//! Claim (e): no significant CD4, CD8 or CD4/CD8 differences among the three arms, read as a
//! one-way ANOVA P of at least 5% for each endpoint at each published visit (the abstract
//! names no test and no visit; baseline, week 48 and week 96 are the visits it names).

use super::data::{at_visit, measurements, used_measurements};
use super::format::p_value;
use super::outcome::{not_checkable, Claim, ClaimCheck, Draft, Figure};
use super::{endpoint_label, visit_label, SIGNIFICANCE};
use crate::stats::anova::one_way_anova;
use crate::trial::{Bundle, Comparison, EndpointKind};

pub fn check_among_arms(bundle: &Bundle, claim: Claim, statement_id: &str) -> ClaimCheck {
    let links = vec![statement_id.to_string()];
    let Some(statement) = bundle.statements.iter().find(|s| s.id == statement_id) else {
        let why = format!("the bundle has no published statement '{statement_id}'");
        return not_checkable(claim, links, String::new(), why);
    };
    let published = statement.text.value.clone();
    let Some(Comparison::BetweenArms { arms, visit }) = &statement.comparison else {
        let why = format!("statement '{statement_id}' does not compare arms");
        return not_checkable(claim, links, published, why);
    };
    let visits: Vec<&str> = match visit {
        Some(v) => vec![v.as_str()],
        None => bundle.visits.iter().filter(|v| v.is_published()).map(|v| v.id.as_str()).collect(),
    };
    let continuous =
        |id: &str| bundle.endpoints.iter().any(|e| e.id == id && e.kind == EndpointKind::Continuous);

    let mut draft = Draft::default();
    for endpoint in statement.endpoints.iter().filter(|e| continuous(e)) {
        let set = match measurements(bundle, endpoint) {
            Ok(set) => set,
            Err(why) => {
                draft.missing.push(why);
                continue;
            }
        };
        draft.used(used_measurements(set));
        for visit in &visits {
            let groups: Vec<Vec<f64>> = arms.iter().map(|arm| at_visit(set, arm, visit)).collect();
            if let Some(k) = groups.iter().position(Vec::is_empty) {
                draft
                    .missing
                    .push(format!("dataset '{}' has no values of arm '{}' at '{visit}'", set.id, arms[k]));
                continue;
            }
            let slices: Vec<&[f64]> = groups.iter().map(Vec::as_slice).collect();
            match one_way_anova(&slices) {
                Ok(anova) => draft.figures.push(Figure {
                    what: format!(
                        "{} at {}, one-way ANOVA across {} arms",
                        endpoint_label(bundle, endpoint),
                        visit_label(bundle, visit),
                        arms.len()
                    ),
                    published: format!("not significant (read as P ≥ {SIGNIFICANCE})"),
                    recomputed: p_value(anova.p_value),
                    value: anova.p_value,
                    provenance: set.provenance.clone(),
                    agrees: Some(anova.p_value >= SIGNIFICANCE),
                }),
                Err(e) => draft.missing.push(format!("dataset '{}' at '{visit}': {}", set.id, e.reason())),
            }
        }
    }
    draft.finish(claim, links, published)
}
