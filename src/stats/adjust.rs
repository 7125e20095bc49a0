//! Multiple-comparison adjustment of p-values, as R's `p.adjust`.
//!
//! Used for pairwise comparisons (e.g. pairwise log-rank tests between arms), where reading
//! raw p-values would overstate the evidence.

use crate::stats::StatsError;

/// Adjustment method (R's `method` argument of `p.adjust`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PAdjust {
    /// No adjustment.
    None,
    /// Holm's step-down method: controls the family-wise error rate, never worse than Bonferroni.
    Holm,
    /// Bonferroni: `min(1, n·p)`.
    Bonferroni,
    /// Benjamini–Hochberg step-up method: controls the false discovery rate (R's "BH"/"fdr").
    BenjaminiHochberg,
}

/// Adjusts p-values exactly as R's `p.adjust(p, method)`.
///
/// NaN stands for R's NA: it is left in place and not counted among the comparisons.
/// Other values must lie in [0, 1].
///
/// ```
/// use trial_explorer::stats::adjust::{p_adjust, PAdjust};
///
/// let p = [0.01, 0.04, 0.03];
/// assert_eq!(p_adjust(&p, PAdjust::Holm).unwrap(), vec![0.03, 0.06, 0.06]);
/// assert_eq!(p_adjust(&p, PAdjust::Bonferroni).unwrap(), vec![0.03, 0.12, 0.09]);
/// ```
pub fn p_adjust(p: &[f64], method: PAdjust) -> Result<Vec<f64>, StatsError> {
    if let Some(index) = p.iter().position(|&x| !x.is_nan() && !(0.0..=1.0).contains(&x)) {
        return Err(StatsError::InvalidValue {
            what: "p_adjust: p-values (must lie in [0, 1] or be NaN)".to_string(),
            index,
            value: p[index],
        });
    }
    let present: Vec<usize> = (0..p.len()).filter(|&i| !p[i].is_nan()).collect();
    let n = present.len();
    let mut out = p.to_vec();
    if n <= 1 {
        return Ok(out);
    }
    let nf = n as f64;
    match method {
        PAdjust::None => {}
        PAdjust::Bonferroni => {
            for &i in &present {
                out[i] = (nf * p[i]).min(1.0);
            }
        }
        PAdjust::Holm => {
            // Ascending order (stable, like R's order()); running maximum of (n - i + 1) p_(i).
            let order = ordered(&present, p, false);
            let mut running = f64::NEG_INFINITY;
            for (rank, &i) in order.iter().enumerate() {
                running = running.max((n - rank) as f64 * p[i]);
                out[i] = running.min(1.0);
            }
        }
        PAdjust::BenjaminiHochberg => {
            // Descending order; running minimum of (n / i) p_(i), i = n, n-1, ..., 1.
            let order = ordered(&present, p, true);
            let mut running = f64::INFINITY;
            for (position, &i) in order.iter().enumerate() {
                let rank = (n - position) as f64;
                running = running.min(nf / rank * p[i]);
                out[i] = running.min(1.0);
            }
        }
    }
    Ok(out)
}

/// The indices `present`, ordered by their P value (stable, like R's order()); one sort for
/// both directions keeps a single copy of the sorting code.
fn ordered(present: &[usize], p: &[f64], descending: bool) -> Vec<usize> {
    let mut order = present.to_vec();
    order.sort_by(|&a, &b| {
        let ascending = p[a].total_cmp(&p[b]);
        if descending {
            ascending.reverse()
        } else {
            ascending
        }
    });
    order
}

#[cfg(test)]
mod tests {
    use super::*;

    const NA: f64 = f64::NAN;

    /// Expected values worked by hand from R's p.adjust code (documented algorithms).
    #[track_caller]
    fn assert_adjusted(p: &[f64], method: PAdjust, want: &[f64]) {
        let got = p_adjust(p, method).unwrap();
        assert_eq!(got.len(), want.len());
        for (g, w) in got.iter().zip(want) {
            assert!(g.is_nan() && w.is_nan() || (g - w).abs() <= 1e-15, "{method:?}: {got:?} vs {want:?}");
        }
    }

    #[test]
    fn r_help_page_style_vector() {
        let p = [0.01, 0.02, 0.03, 0.04, 0.05];
        assert_adjusted(&p, PAdjust::None, &p);
        assert_adjusted(&p, PAdjust::Bonferroni, &[0.05, 0.1, 0.15, 0.2, 0.25]);
        // Holm: 5(0.01), 4(0.02), 3(0.03), then the running maximum 0.09.
        assert_adjusted(&p, PAdjust::Holm, &[0.05, 0.08, 0.09, 0.09, 0.09]);
        // BH: (5/i) p_(i) is 0.05 for every i.
        assert_adjusted(&p, PAdjust::BenjaminiHochberg, &[0.05; 5]);
    }

    #[test]
    fn unsorted_ties_and_missing_values() {
        // NA is skipped and not counted: n = 4.
        let p = [0.04, NA, 0.001, 0.04, 0.5];
        assert_adjusted(&p, PAdjust::Bonferroni, &[0.16, NA, 0.004, 0.16, 1.0]);
        // Holm: 4(0.001) = 0.004, 3(0.04) = 0.12, 2(0.04) = 0.08 -> 0.12, 1(0.5) = 0.5.
        assert_adjusted(&p, PAdjust::Holm, &[0.12, NA, 0.004, 0.12, 0.5]);
        // BH from the largest: 0.5, (4/3)0.04, (4/2)0.04 -> min, 4(0.001).
        let third = 4.0 / 3.0 * 0.04;
        assert_adjusted(&p, PAdjust::BenjaminiHochberg, &[third, NA, 0.004, third, 0.5]);
    }

    #[test]
    fn capped_at_one_and_single_values_unchanged() {
        assert_adjusted(&[0.6, 0.7], PAdjust::Holm, &[1.0, 1.0]);
        assert_adjusted(&[0.6, 0.7], PAdjust::BenjaminiHochberg, &[0.7, 0.7]);
        assert_adjusted(&[0.02], PAdjust::Bonferroni, &[0.02]);
        assert_adjusted(&[NA, 0.3], PAdjust::Holm, &[NA, 0.3]);
        assert_adjusted(&[], PAdjust::Holm, &[]);
    }

    #[test]
    fn values_outside_the_unit_interval_are_refused() {
        assert_eq!(
            p_adjust(&[0.2, 1.5], PAdjust::Holm),
            Err(StatsError::InvalidValue {
                what: "p_adjust: p-values (must lie in [0, 1] or be NaN)".to_string(),
                index: 1,
                value: 1.5
            })
        );
        assert!(p_adjust(&[-0.1], PAdjust::None).is_err());
        assert!(p_adjust(&[f64::INFINITY], PAdjust::None).is_err());
    }
}
