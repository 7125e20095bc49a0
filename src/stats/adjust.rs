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
    if let Some(index) = p
        .iter()
        .position(|&x| !x.is_nan() && !(0.0..=1.0).contains(&x))
    {
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
            let mut order = present.clone();
            order.sort_by(|&a, &b| p[a].total_cmp(&p[b]));
            let mut running = f64::NEG_INFINITY;
            for (rank, &i) in order.iter().enumerate() {
                running = running.max((n - rank) as f64 * p[i]);
                out[i] = running.min(1.0);
            }
        }
        PAdjust::BenjaminiHochberg => {
            // Descending order; running minimum of (n / i) p_(i), i = n, n-1, ..., 1.
            let mut order = present.clone();
            order.sort_by(|&a, &b| p[b].total_cmp(&p[a]));
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
