//! Cox proportional-hazards model for a group factor, as R's `coxph(Surv(t, e) ~ group)`.
//!
//! With one indicator per non-reference group, every sum over a risk set collapses to a sum
//! over groups, so the partial likelihood, score and information come from the per-group
//! event table in one pass per Newton–Raphson iteration, whatever the number of subjects.

use crate::stats::dist::pchisq_upper;
use crate::stats::limits::{two_sided_z, ConfidenceLimits};
use crate::stats::risk_set::{check_length, label_counts, sorted_records, validate_times, EventTable};
use crate::stats::spd;
use crate::stats::StatsError;

/// How tied event times enter the partial likelihood (R's `ties`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ties {
    /// Efron's approximation: R's default, close to the exact partial likelihood.
    Efron,
    /// Breslow's approximation: every tied event sees the full risk set.
    Breslow,
}

/// A chi-square test of all coefficients being zero.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ChiSquareTest {
    /// Test statistic.
    pub statistic: f64,
    /// Degrees of freedom (number of coefficients).
    pub df: usize,
    /// Upper-tail chi-square p-value.
    pub p_value: f64,
}

/// A fitted Cox model with one coefficient per non-reference group (group 0 is the reference).
#[derive(Debug, Clone, PartialEq)]
pub struct CoxFit {
    /// Tie handling used.
    pub ties: Ties,
    /// Number of subjects.
    pub n: usize,
    /// Number of events.
    pub n_event: usize,
    /// Log hazard ratio of group g + 1 versus group 0, at index g.
    pub coef: Vec<f64>,
    /// Standard error of each coefficient (from the inverse information).
    pub se: Vec<f64>,
    /// Covariance matrix of the coefficients (inverse of the observed information).
    pub variance: Vec<Vec<f64>>,
    /// Log partial likelihood at coef = 0.
    pub loglik_null: f64,
    /// Log partial likelihood at the estimate.
    pub loglik: f64,
    /// Newton–Raphson iterations used.
    pub iterations: usize,
    /// Wald test, coef' V⁻¹ coef.
    pub wald: ChiSquareTest,
    /// Score (log-rank-like) test at coef = 0, with this model's tie handling.
    pub score: ChiSquareTest,
    /// Likelihood-ratio test, 2 (loglik − loglik_null).
    pub likelihood_ratio: ChiSquareTest,
}

impl CoxFit {
    /// Hazard ratio exp(coef) of each non-reference group versus group 0.
    pub fn hazard_ratio(&self) -> Vec<f64> {
        self.coef.iter().map(|b| b.exp()).collect()
    }

    /// Wald confidence limits of each hazard ratio, exp(coef ∓ z·se).
    ///
    /// ```
    /// use trial_explorer::stats::cox::{cox_ph, Ties};
    ///
    /// let times = [1.0, 3.0, 4.0, 6.0, 2.0, 5.0, 7.0, 8.0];
    /// let events = [true, true, false, true, true, true, true, false];
    /// let fit = cox_ph(&times, &events, &[0, 0, 0, 0, 1, 1, 1, 1], Ties::Efron).unwrap();
    /// let (hr, ci) = (fit.hazard_ratio()[0], fit.hazard_ratio_ci(0.95).unwrap()[0]);
    /// assert!((ci.lower * ci.upper / (hr * hr) - 1.0).abs() < 1e-12); // symmetric on the log scale
    /// assert!((fit.z()[0] - fit.coef[0] / fit.se[0]).abs() < 1e-15);
    /// assert!(fit.p_values()[0] > 0.05 && fit.p_values()[0] < 1.0);
    /// ```
    pub fn hazard_ratio_ci(&self, level: f64) -> Result<Vec<ConfidenceLimits>, StatsError> {
        let z = two_sided_z(level)?;
        Ok(self
            .coef
            .iter()
            .zip(&self.se)
            .map(|(b, se)| ConfidenceLimits { lower: (b - z * se).exp(), upper: (b + z * se).exp() })
            .collect())
    }

    /// Wald z = coef / se of each coefficient.
    pub fn z(&self) -> Vec<f64> {
        self.coef.iter().zip(&self.se).map(|(b, se)| b / se).collect()
    }

    /// Two-sided Wald p-value of each coefficient, as in R's `summary(coxph)`.
    pub fn p_values(&self) -> Vec<f64> {
        self.z().iter().map(|z| pchisq_upper(z * z, 1.0).unwrap_or(f64::NAN)).collect()
    }
}

/// Newton–Raphson stops once a step moves no coefficient by more than this (relative to
/// max(1, |coef|)); convergence is quadratic, so the estimate is then exact to rounding.
const STEP_TOLERANCE: f64 = 1e-11;
/// Iterations allowed before the fit is declared divergent (e.g. a group without events).
const MAX_ITERATIONS: usize = 40;
/// Step halvings allowed when a Newton step lowers the likelihood.
const MAX_HALVINGS: usize = 30;

/// Fits `coxph(Surv(times, events) ~ factor(groups), ties = ...)`.
///
/// Groups are labelled `0..k` (k >= 2, each with subjects); group 0 is the reference and the
/// fit has one log hazard ratio per other group. Newton–Raphson starts from 0 and runs to full
/// convergence (tighter than R's default `eps = 1e-9`).
///
/// ```
/// use trial_explorer::stats::cox::{cox_ph, Ties};
///
/// let times = [1.0, 3.0, 4.0, 6.0, 2.0, 5.0, 7.0, 8.0];
/// let events = [true, true, false, true, true, true, true, false];
/// let groups = [0, 0, 0, 0, 1, 1, 1, 1];
/// let fit = cox_ph(&times, &events, &groups, Ties::Efron).unwrap();
/// assert_eq!(fit.coef.len(), 1);
/// assert!(fit.loglik >= fit.loglik_null);
/// let ci = fit.hazard_ratio_ci(0.95).unwrap()[0];
/// assert!(ci.lower < fit.hazard_ratio()[0] && fit.hazard_ratio()[0] < ci.upper);
/// ```
pub fn cox_ph(times: &[f64], events: &[bool], groups: &[usize], ties: Ties) -> Result<CoxFit, StatsError> {
    const WHAT: &str = "cox_ph";
    validate_times("cox_ph: times", times)?;
    check_length("cox_ph: events", times.len(), events.len())?;
    check_length("cox_ph: groups", times.len(), groups.len())?;
    let k = label_counts("cox_ph: groups", groups)?.len();
    if k < 2 {
        return Err(StatsError::TooFewGroups { what: "cox_ph: groups".to_string(), found: k });
    }
    let n_event = events.iter().filter(|&&e| e).count();
    if n_event == 0 {
        return Err(StatsError::NoEvents { what: WHAT.to_string() });
    }
    let records = sorted_records(times, events, Some(groups), None);
    let table = EventTable::from_sorted(&records, k);
    if let Some(group) = (0..k).find(|&g| (0..table.len()).all(|t| table.at_risk(t)[g] == 0)) {
        return Err(StatsError::NotAtRisk { what: WHAT.to_string(), group });
    }

    let dim = k - 1;
    let mut model = PartialLikelihood::new(&table, ties);
    let singular = || StatsError::Undefined { what: format!("{WHAT}: information matrix is singular") };

    let mut beta = vec![0.0; dim];
    let mut current = model.evaluate(&beta);
    let loglik_null = current.loglik;
    let score_step = spd::solve(&current.information, &current.score).ok_or_else(singular)?;
    let score_statistic: f64 = score_step.iter().zip(&current.score).map(|(x, u)| x * u).sum();

    let mut iterations = 0;
    loop {
        if iterations == MAX_ITERATIONS {
            return Err(StatsError::NotConverged { what: WHAT.to_string(), iterations });
        }
        iterations += 1;
        let step = spd::solve(&current.information, &current.score).ok_or_else(singular)?;
        let mut candidate: Vec<f64> = beta.iter().zip(&step).map(|(b, s)| b + s).collect();
        let mut next = model.evaluate(&candidate);
        let mut halvings = 0;
        // Step halving, as R: never accept a step that lowers the likelihood beyond rounding.
        let worse = |next: &Evaluation| {
            next.loglik.is_nan() || next.loglik < current.loglik - 1e-12 * current.loglik.abs()
        };
        while worse(&next) {
            halvings += 1;
            if halvings > MAX_HALVINGS {
                return Err(StatsError::NotConverged { what: WHAT.to_string(), iterations });
            }
            candidate.iter_mut().zip(&beta).for_each(|(c, b)| *c = (*c + b) / 2.0);
            next = model.evaluate(&candidate);
        }
        let scale = beta.iter().chain(&candidate).fold(1.0_f64, |m, b| m.max(b.abs()));
        let moved = beta.iter().zip(&candidate).fold(0.0_f64, |m, (b, c)| m.max((c - b).abs()));
        beta = candidate;
        current = next;
        // |coef| > 200 (a hazard ratio beyond 1e86) only happens on the way to infinity.
        if !beta.iter().all(|b| b.is_finite()) || beta.iter().any(|b| b.abs() > 200.0) {
            return Err(StatsError::NotConverged { what: WHAT.to_string(), iterations });
        }
        if moved <= STEP_TOLERANCE * scale {
            break;
        }
    }

    let inverse = spd::invert(&current.information, dim).ok_or_else(singular)?;
    let se: Vec<f64> = (0..dim).map(|i| inverse[i * dim + i].sqrt()).collect();
    // coef' V⁻¹ coef, with V⁻¹ the information itself.
    let wald_statistic: f64 = (0..dim)
        .map(|i| (0..dim).map(|j| beta[i] * current.information[i * dim + j] * beta[j]).sum::<f64>())
        .sum();
    let test = |statistic: f64| -> Result<ChiSquareTest, StatsError> {
        let p_value = pchisq_upper(statistic, dim as f64)
            .ok_or_else(|| StatsError::Undefined { what: format!("{WHAT}: p-value") })?;
        Ok(ChiSquareTest { statistic, df: dim, p_value })
    };
    Ok(CoxFit {
        ties,
        n: times.len(),
        n_event,
        wald: test(wald_statistic)?,
        score: test(score_statistic)?,
        likelihood_ratio: test(2.0 * (current.loglik - loglik_null))?,
        coef: beta,
        se,
        variance: inverse.chunks(dim).map(<[f64]>::to_vec).collect(),
        loglik_null,
        loglik: current.loglik,
        iterations,
    })
}

/// Log partial likelihood with its gradient and negative Hessian at one coefficient vector.
struct Evaluation {
    loglik: f64,
    score: Vec<f64>,
    /// Row-major `dim × dim` observed information.
    information: Vec<f64>,
}

/// Neumaier's compensated sum: with a million event times the plain running sum of the
/// log-likelihood (~1e7) loses ~1e-4 absolute, enough to confuse step-halving near the optimum.
#[derive(Debug, Clone, Copy, Default)]
struct CompensatedSum {
    sum: f64,
    compensation: f64,
}

impl CompensatedSum {
    fn add(&mut self, x: f64) {
        let t = self.sum + x;
        if self.sum.abs() >= x.abs() {
            self.compensation += (self.sum - t) + x;
        } else {
            self.compensation += (x - t) + self.sum;
        }
        self.sum = t;
    }

    fn value(&self) -> f64 {
        self.sum + self.compensation
    }
}

/// Keeps the running product of risk-set denominators in this range before folding its log
/// into the sum, so one `ln` serves dozens of event times instead of one each.
const PRODUCT_RANGE: std::ops::RangeInclusive<f64> = 1e-100..=1e100;

/// The partial likelihood of a group factor over the event table, with scratch buffers
/// reused across iterations (no allocation per event time).
struct PartialLikelihood<'a> {
    table: &'a EventTable,
    ties: Ties,
    /// Events per group over all times: the constant part of loglik and score.
    events_per_group: Vec<f64>,
    relative_risk: Vec<f64>,
    means: Vec<f64>,
    score: Vec<CompensatedSum>,
}

impl<'a> PartialLikelihood<'a> {
    fn new(table: &'a EventTable, ties: Ties) -> Self {
        let k = table.groups;
        let mut events_per_group = vec![0.0; k];
        for t in 0..table.len() {
            for (total, &d) in events_per_group.iter_mut().zip(table.events(t)) {
                *total += f64::from(d);
            }
        }
        PartialLikelihood {
            table,
            ties,
            events_per_group,
            relative_risk: vec![0.0; k],
            means: vec![0.0; k],
            score: vec![CompensatedSum::default(); k],
        }
    }

    /// One pass over the event times. `beta[g - 1]` is the coefficient of group g.
    ///
    /// At an event time with d deaths, Efron's j-th death (j = 0..d) sees the risk set less
    /// j/d of the dying; Breslow's all see the full risk set.
    fn evaluate(&mut self, beta: &[f64]) -> Evaluation {
        if self.table.groups == 2 {
            self.evaluate_two_groups(beta[0])
        } else {
            self.evaluate_general(beta)
        }
    }

    /// Any number of groups.
    fn evaluate_general(&mut self, beta: &[f64]) -> Evaluation {
        let k = self.table.groups;
        let dim = k - 1;
        self.relative_risk[0] = 1.0;
        for g in 1..k {
            self.relative_risk[g] = beta[g - 1].exp();
        }
        for g in 1..k {
            self.score[g] = CompensatedSum::default();
            self.score[g].add(self.events_per_group[g]);
        }
        let mut log_denominators = CompensatedSum::default();
        let mut product = 1.0;
        let mut information = vec![0.0; dim * dim];
        for t in 0..self.table.len() {
            let at_risk = self.table.at_risk(t);
            let events = self.table.events(t);
            let mut risk_sum = 0.0;
            let mut event_risk_sum = 0.0;
            let mut deaths = 0u32;
            for g in 0..k {
                risk_sum += f64::from(at_risk[g]) * self.relative_risk[g];
                event_risk_sum += f64::from(events[g]) * self.relative_risk[g];
                deaths += events[g];
            }
            for j in 0..deaths {
                let fraction = match self.ties {
                    Ties::Efron => f64::from(j) / f64::from(deaths),
                    Ties::Breslow => 0.0,
                };
                let denominator = risk_sum - fraction * event_risk_sum;
                product *= denominator;
                if !PRODUCT_RANGE.contains(&product) {
                    log_denominators.add(product.ln());
                    product = 1.0;
                }
                for g in 1..k {
                    self.means[g] = (f64::from(at_risk[g]) - fraction * f64::from(events[g]))
                        * self.relative_risk[g]
                        / denominator;
                    self.score[g].add(-self.means[g]);
                }
                // Indicator covariates: the weighted second moment of x_a x_b is δ_ab m_a.
                // One term per event keeps m (1 - m) from cancelling against a running sum.
                for a in 1..k {
                    let row = (a - 1) * dim;
                    for b in 1..k {
                        let second_moment = if a == b { self.means[a] } else { 0.0 };
                        information[row + b - 1] += second_moment - self.means[a] * self.means[b];
                    }
                }
            }
        }
        log_denominators.add(product.ln());
        let mut loglik = CompensatedSum::default();
        for g in 1..k {
            loglik.add(self.events_per_group[g] * beta[g - 1]);
        }
        loglik.add(-log_denominators.value());
        Evaluation {
            loglik: loglik.value(),
            score: self.score[1..].iter().map(CompensatedSum::value).collect(),
            information,
        }
    }

    /// The same pass for the common two-arm trial (one coefficient), as a tight scalar loop.
    fn evaluate_two_groups(&mut self, beta: f64) -> Evaluation {
        let relative_risk = beta.exp();
        let efron = self.ties == Ties::Efron;
        let mut log_denominators = CompensatedSum::default();
        let mut product = 1.0;
        let mut score = CompensatedSum::default();
        score.add(self.events_per_group[1]);
        // Plain sums over blocks of event times, folded into the compensated total.
        let (mut block, mut block_len) = (0.0, 0u32);
        let mut information = 0.0;
        let rows = self.table.at_risk.chunks_exact(2).zip(self.table.events.chunks_exact(2));
        for (at_risk, events) in rows {
            let (n1, d1) = (f64::from(at_risk[1]), f64::from(events[1]));
            let deaths = events[0] + events[1];
            let risk_sum = f64::from(at_risk[0]) + n1 * relative_risk;
            let event_risk_sum = f64::from(events[0]) + d1 * relative_risk;
            for j in 0..deaths {
                let fraction = if efron { f64::from(j) / f64::from(deaths) } else { 0.0 };
                let denominator = risk_sum - fraction * event_risk_sum;
                product *= denominator;
                if !PRODUCT_RANGE.contains(&product) {
                    log_denominators.add(product.ln());
                    product = 1.0;
                }
                let mean = (n1 - fraction * d1) * relative_risk / denominator;
                block += mean;
                information += mean - mean * mean;
            }
            block_len += 1;
            if block_len == 256 {
                score.add(-block);
                (block, block_len) = (0.0, 0);
            }
        }
        score.add(-block);
        log_denominators.add(product.ln());
        let mut loglik = CompensatedSum::default();
        loglik.add(self.events_per_group[1] * beta);
        loglik.add(-log_denominators.value());
        Evaluation { loglik: loglik.value(), score: vec![score.value()], information: vec![information] }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stats::risk_set::sorted_records;

    #[test]
    fn two_group_fast_path_agrees_with_the_general_pass() {
        // aml: tied events at 5, 8, 13 (event + censoring) and 23, 45 across groups.
        let times = [
            9.0, 13.0, 13.0, 18.0, 23.0, 28.0, 31.0, 34.0, 45.0, 48.0, 161.0, 5.0, 5.0, 8.0, 8.0, 12.0, 16.0,
            23.0, 27.0, 30.0, 33.0, 43.0, 45.0,
        ];
        let events = [
            true, true, false, true, true, false, true, true, false, true, false, true, true, true, true,
            true, false, true, true, true, true, true, true,
        ];
        let groups: Vec<usize> = (0..23).map(|i| usize::from(i >= 11)).collect();
        let records = sorted_records(&times, &events, Some(&groups), None);
        let table = EventTable::from_sorted(&records, 2);
        for ties in [Ties::Efron, Ties::Breslow] {
            let mut model = PartialLikelihood::new(&table, ties);
            for beta in [0.0, 0.9, -2.5] {
                let fast = model.evaluate_two_groups(beta);
                let general = model.evaluate_general(&[beta]);
                let close = |a: f64, b: f64| (a - b).abs() <= 1e-13 * b.abs().max(1.0);
                assert!(close(fast.loglik, general.loglik), "{ties:?} {beta}: loglik");
                assert!(close(fast.score[0], general.score[0]), "{ties:?} {beta}: score");
                assert!(close(fast.information[0], general.information[0]), "{ties:?} {beta}");
            }
        }
    }
}
