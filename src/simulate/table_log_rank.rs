//! The two-group log-rank test on a visit × arm count table: the same statistic as
//! `stats::logrank::log_rank` with rho = 0 when event and censoring times are visit weeks.

use crate::stats::dist::pchisq_upper;

/// P value of the log-rank test from per-visit counts: `at_risk[g][i]` patients of group `g`
/// waiting at visit `i`, `events[g][i]` of them responding there. Censorings happen after the
/// events of their visit, as in R. `None` when no visit carries information (no events).
pub fn table_log_rank_p(at_risk: [&[u32]; 2], events: [&[u32]; 2]) -> Option<f64> {
    let mut o_minus_e = 0.0;
    let mut variance = 0.0;
    for i in 0..at_risk[0].len() {
        let (n0, n1) = (at_risk[0][i] as f64, at_risk[1][i] as f64);
        let (d0, d1) = (events[0][i] as f64, events[1][i] as f64);
        let n = n0 + n1;
        let d = d0 + d1;
        if d == 0.0 || n < 2.0 {
            continue;
        }
        o_minus_e += d0 - d * n0 / n;
        variance += d * (n - d) / (n - 1.0) * (n0 / n) * (n1 / n);
    }
    if variance <= 0.0 {
        return None;
    }
    pchisq_upper(o_minus_e * o_minus_e / variance, 1.0)
}
