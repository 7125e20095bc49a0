//! Log-rank and Harrington–Fleming G-rho tests comparing survival between groups, computed as
//! R's `survdiff` does (survival 3.5), including stratified tests and pairwise comparisons.

use crate::stats::adjust::{p_adjust, PAdjust};
use crate::stats::dist::pchisq_upper;
use crate::stats::risk_set::{
    check_length, label_counts, partition_by, sorted_records, validate_times, EventTable, Record,
};
use crate::stats::spd;
use crate::stats::StatsError;

/// Observed and expected events of each group within one stratum.
#[derive(Debug, Clone, PartialEq)]
pub struct StratumTotals {
    /// Subjects per group in this stratum.
    pub n: Vec<usize>,
    /// Weighted observed events per group.
    pub observed: Vec<f64>,
    /// Weighted expected events per group.
    pub expected: Vec<f64>,
}

/// Result of a k-group (optionally stratified) G-rho test.
#[derive(Debug, Clone, PartialEq)]
pub struct LogRank {
    /// The G-rho exponent used (0 = log-rank, 1 = Peto–Peto).
    pub rho: f64,
    /// Subjects per group.
    pub n: Vec<usize>,
    /// Weighted observed events per group (summed over strata).
    pub observed: Vec<f64>,
    /// Weighted expected events per group under equal hazards (summed over strata).
    pub expected: Vec<f64>,
    /// k × k variance matrix of observed − expected (summed over strata).
    pub variance: Vec<Vec<f64>>,
    /// Chi-square statistic.
    pub chisq: f64,
    /// Degrees of freedom: groups with expected > 0, minus one.
    pub df: usize,
    /// Upper-tail chi-square p-value.
    pub p_value: f64,
    /// Per-stratum totals (a single entry for an unstratified test).
    pub by_stratum: Vec<StratumTotals>,
}

impl LogRank {
    /// Observed − expected per group.
    pub fn o_minus_e(&self) -> Vec<f64> {
        self.observed.iter().zip(&self.expected).map(|(o, e)| o - e).collect()
    }

    /// For a two-group test, the signed z = (O₁ − E₁)/√V₁₁ of the first group
    /// (positive when the first group has more events than expected); `None` otherwise.
    ///
    /// ```
    /// use trial_explorer::stats::logrank::log_rank;
    ///
    /// let times = [1.0, 2.0, 3.0, 4.0, 5.0, 6.0];
    /// let test = log_rank(&times, &[true; 6], &[0, 0, 0, 1, 1, 1], 0.0).unwrap();
    /// let z = test.z().unwrap();
    /// assert!(z > 0.0); // group 0 fails first
    /// assert!((z * z - test.chisq).abs() < 1e-12);
    /// assert!((test.o_minus_e()[0] + test.o_minus_e()[1]).abs() < 1e-12);
    /// ```
    pub fn z(&self) -> Option<f64> {
        (self.n.len() == 2).then(|| (self.observed[0] - self.expected[0]) / self.variance[0][0].sqrt())
    }
}

/// One pair of groups compared by [`pairwise_log_rank`].
#[derive(Debug, Clone, PartialEq)]
pub struct PairwiseLogRank {
    /// The two groups compared (first < second), in the caller's labels.
    pub groups: (usize, usize),
    /// The two-group test on the subjects of these groups only (within the test, group 0 is
    /// `groups.0`); an error when it is undefined, e.g. no events in either group.
    pub test: Result<LogRank, StatsError>,
    /// The p-value adjusted over all pairs whose test is defined.
    pub p_adjusted: Option<f64>,
}

impl PairwiseLogRank {
    /// The unadjusted p-value, when the test is defined.
    pub fn p_value(&self) -> Option<f64> {
        self.test.as_ref().ok().map(|t| t.p_value)
    }
}

/// G-rho test that the survival curves of k groups are equal, as
/// `survdiff(Surv(times, events) ~ groups, rho = rho)` in R.
///
/// Groups are labelled `0..k` (k >= 2, each with subjects). Each event time is weighted by
/// S(t−)^rho of the pooled Kaplan–Meier curve: rho = 0 is the log-rank test (equal weights),
/// rho = 1 the Peto–Peto test (more weight to early differences).
///
/// ```
/// use trial_explorer::stats::logrank::log_rank;
///
/// let times = [1.0, 2.0, 3.0, 4.0, 5.0, 6.0];
/// let events = [true, true, true, true, true, false];
/// let groups = [0, 0, 0, 1, 1, 1];
/// let test = log_rank(&times, &events, &groups, 0.0).unwrap();
/// assert_eq!(test.observed, vec![3.0, 2.0]);
/// assert_eq!(test.df, 1);
/// assert!(test.p_value > 0.0 && test.p_value < 0.05);
/// ```
pub fn log_rank(times: &[f64], events: &[bool], groups: &[usize], rho: f64) -> Result<LogRank, StatsError> {
    g_rho("log_rank", times, events, groups, None, rho)
}

/// Stratified G-rho test, as `survdiff(Surv(times, events) ~ groups + strata(strata))`:
/// observed, expected and variance are computed within each stratum (weights from that
/// stratum's pooled curve) and summed, so that a factor unevenly spread between groups does not
/// masquerade as a group effect. Strata are labelled `0..s`, each with subjects.
///
/// ```
/// use trial_explorer::stats::logrank::log_rank_stratified;
///
/// let times = [1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0];
/// let events = [true; 8];
/// let groups = [0, 1, 0, 1, 0, 1, 0, 1];
/// let strata = [0, 0, 0, 0, 1, 1, 1, 1];
/// let test = log_rank_stratified(&times, &events, &groups, &strata, 0.0).unwrap();
/// assert_eq!(test.by_stratum.len(), 2);
/// assert_eq!(test.by_stratum[1].observed, vec![2.0, 2.0]);
/// ```
pub fn log_rank_stratified(
    times: &[f64],
    events: &[bool],
    groups: &[usize],
    strata: &[usize],
    rho: f64,
) -> Result<LogRank, StatsError> {
    g_rho("log_rank_stratified", times, events, groups, Some(strata), rho)
}

/// G-rho tests between every pair of groups (each on that pair's subjects only), with p-values
/// adjusted for the number of pairs, as survminer's `pairwise_survdiff`.
///
/// ```
/// use trial_explorer::stats::adjust::PAdjust;
/// use trial_explorer::stats::logrank::pairwise_log_rank;
///
/// let times = [1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0];
/// let events = [true; 9];
/// let groups = [0, 0, 0, 1, 1, 1, 2, 2, 2];
/// let pairs = pairwise_log_rank(&times, &events, &groups, 0.0, PAdjust::Holm).unwrap();
/// assert_eq!(pairs.len(), 3);
/// assert_eq!(pairs[2].groups, (1, 2));
/// assert!(pairs[0].p_adjusted.unwrap() >= pairs[0].p_value().unwrap());
/// ```
pub fn pairwise_log_rank(
    times: &[f64],
    events: &[bool],
    groups: &[usize],
    rho: f64,
    adjust: PAdjust,
) -> Result<Vec<PairwiseLogRank>, StatsError> {
    const WHAT: &str = "pairwise_log_rank";
    let k = check_inputs(WHAT, times, events, groups, rho)?;
    let mut pairs = Vec::with_capacity(k * (k - 1) / 2);
    let (mut sub_times, mut sub_events, mut sub_groups) = (Vec::new(), Vec::new(), Vec::new());
    for a in 0..k {
        for b in a + 1..k {
            sub_times.clear();
            sub_events.clear();
            sub_groups.clear();
            for i in (0..times.len()).filter(|&i| groups[i] == a || groups[i] == b) {
                sub_times.push(times[i]);
                sub_events.push(events[i]);
                sub_groups.push(usize::from(groups[i] == b));
            }
            let test = g_rho(WHAT, &sub_times, &sub_events, &sub_groups, None, rho);
            pairs.push(PairwiseLogRank { groups: (a, b), test, p_adjusted: None });
        }
    }
    let raw: Vec<f64> = pairs.iter().map(|p| p.p_value().unwrap_or(f64::NAN)).collect();
    let adjusted = p_adjust(&raw, adjust)?;
    for (pair, p) in pairs.iter_mut().zip(adjusted) {
        pair.p_adjusted = (!p.is_nan()).then_some(p);
    }
    Ok(pairs)
}

/// Validates the inputs shared by every test; returns the number of groups.
fn check_inputs(
    what: &str,
    times: &[f64],
    events: &[bool],
    groups: &[usize],
    rho: f64,
) -> Result<usize, StatsError> {
    validate_times(&format!("{what}: times"), times)?;
    check_length(&format!("{what}: events"), times.len(), events.len())?;
    check_length(&format!("{what}: groups"), times.len(), groups.len())?;
    if !rho.is_finite() {
        return Err(StatsError::InvalidParameter { what: format!("{what}: rho"), value: rho });
    }
    let k = label_counts(&format!("{what}: groups"), groups)?.len();
    if k < 2 {
        return Err(StatsError::TooFewGroups { what: format!("{what}: groups"), found: k });
    }
    Ok(k)
}

fn g_rho(
    what: &str,
    times: &[f64],
    events: &[bool],
    groups: &[usize],
    strata: Option<&[usize]>,
    rho: f64,
) -> Result<LogRank, StatsError> {
    let k = check_inputs(what, times, events, groups, rho)?;
    let n_strata = match strata {
        Some(s) => {
            check_length(&format!("{what}: strata"), times.len(), s.len())?;
            label_counts(&format!("{what}: strata"), s)?.len()
        }
        None => 1,
    };
    if !events.iter().any(|&e| e) {
        return Err(StatsError::NoEvents { what: what.to_string() });
    }
    let records = sorted_records(times, events, Some(groups), strata);
    let (records, offsets) = if n_strata > 1 {
        partition_by(&records, n_strata, |r| r.stratum as usize)
    } else {
        let len = records.len();
        (records, vec![0, len])
    };

    let mut n = vec![0usize; k];
    let mut observed = vec![0.0; k];
    let mut expected = vec![0.0; k];
    let mut variance = vec![0.0; k * k];
    let mut by_stratum = Vec::with_capacity(n_strata);
    for w in offsets.windows(2) {
        let stratum = &records[w[0]..w[1]];
        let totals = accumulate_stratum(stratum, k, rho, &mut variance);
        for g in 0..k {
            n[g] += totals.n[g];
            observed[g] += totals.observed[g];
            expected[g] += totals.expected[g];
        }
        by_stratum.push(totals);
    }

    // survdiff: drop groups with nothing expected, then the first remaining group.
    let used: Vec<usize> = (0..k).filter(|&g| expected[g] > 0.0).collect();
    if used.len() < 2 {
        let group = (0..k).find(|&g| expected[g] <= 0.0).unwrap_or(0);
        return Err(StatsError::NotAtRisk { what: what.to_string(), group });
    }
    let kept = &used[1..];
    let diff: Vec<f64> = kept.iter().map(|&g| observed[g] - expected[g]).collect();
    let block: Vec<f64> = kept
        .iter()
        .flat_map(|&i| kept.iter().map(move |&j| (i, j)))
        .map(|(i, j)| variance[i * k + j])
        .collect();
    let solution = spd::solve(&block, &diff).ok_or_else(|| StatsError::Undefined {
        what: format!("{what}: variance of observed - expected is singular"),
    })?;
    let chisq: f64 = solution.iter().zip(&diff).map(|(x, d)| x * d).sum();
    let df = kept.len();
    let p_value = pchisq_upper(chisq, df as f64)
        .ok_or_else(|| StatsError::Undefined { what: format!("{what}: p-value") })?;
    Ok(LogRank {
        rho,
        n,
        observed,
        expected,
        variance: variance.chunks(k).map(<[f64]>::to_vec).collect(),
        chisq,
        df,
        p_value,
        by_stratum,
    })
}

/// One stratum's contribution, with the operations of survival's survdiff2.c: weights from
/// the stratum's left-continuous pooled Kaplan–Meier curve, sums taken backwards in time.
fn accumulate_stratum(records: &[Record], k: usize, rho: f64, variance: &mut [f64]) -> StratumTotals {
    let mut n = vec![0usize; k];
    for r in records {
        n[r.group()] += 1;
    }
    let table = EventTable::from_sorted(records, k);
    let rows = table.len();
    let weights: Vec<f64> = if rho == 0.0 {
        Vec::new()
    } else {
        let mut km = 1.0;
        (0..rows)
            .map(|t| {
                let at_risk: f64 = table.at_risk(t).iter().map(|&x| f64::from(x)).sum();
                let deaths: f64 = table.events(t).iter().map(|&x| f64::from(x)).sum();
                let weight = km;
                km = km * (at_risk - deaths) / at_risk;
                weight.powf(rho)
            })
            .collect()
    };

    let mut observed = vec![0.0; k];
    let mut expected = vec![0.0; k];
    for t in (0..rows).rev() {
        let weight = if rho == 0.0 { 1.0 } else { weights[t] };
        let risk = table.at_risk(t);
        let events = table.events(t);
        let nrisk: f64 = risk.iter().map(|&x| f64::from(x)).sum();
        let deaths: f64 = events.iter().map(|&x| f64::from(x)).sum();
        for g in 0..k {
            observed[g] += f64::from(events[g]) * weight;
            expected[g] += weight * deaths * f64::from(risk[g]) / nrisk;
        }
        if nrisk == 1.0 {
            continue; // a single subject at risk: no variance
        }
        let weight2 = weight * weight;
        for j in 0..k {
            let tmp = weight2 * deaths * f64::from(risk[j]) * (nrisk - deaths) / (nrisk * (nrisk - 1.0));
            variance[j * k + j] += tmp;
            for (l, &risk_l) in risk.iter().enumerate() {
                variance[j * k + l] -= tmp * f64::from(risk_l) / nrisk;
            }
        }
    }
    StratumTotals { n, observed, expected }
}
