//! Kaplan–Meier survival curves, computed as R's `survfit` does (survival 3.5).
//!
//! Every summary the app shows for a curve (confidence bands, cumulative incidence, numbers at
//! risk, median, restricted mean) is a method here, so that they all come from one fit and
//! follow R's conventions: events before censorings at tied times, near-equal times merged
//! (`aeqSurv`), Greenwood standard error on the log scale, R's median midpoint rule.

use crate::stats::limits::two_sided_z;
pub use crate::stats::limits::ConfidenceLimits;
use crate::stats::risk_set::{
    check_length, for_each_tie_run, label_counts, partition_by, sorted_records, validate_times, Record,
    TIME_TOLERANCE,
};
use crate::stats::StatsError;

/// Scale on which the pointwise confidence interval of S(t) is built (R's `conf.type`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CiType {
    /// `exp(log S ± z·se)`, upper limit capped at 1: R's default.
    Log,
    /// `S^exp(∓z·se/log S)`: stays inside (0, 1); undefined where S is 0 or 1.
    LogLog,
    /// `S ± z·se·S`, clipped to [0, 1]: the textbook Greenwood interval.
    Plain,
}

/// A Kaplan–Meier fit: one row per distinct observed time (events and censorings), ascending.
///
/// Rows mirror R's `survfit` object: `time`, `n.risk`, `n.event`, `n.censor`, `surv`,
/// `std.err` (the SE of −log S, not of S), `cumhaz` and `std.chaz` (Nelson–Aalen).
#[derive(Debug, Clone, PartialEq)]
pub struct KaplanMeier {
    time: Vec<f64>,
    n_risk: Vec<usize>,
    n_event: Vec<usize>,
    n_censor: Vec<usize>,
    surv: Vec<f64>,
    std_err: Vec<f64>,
    cumhaz: Vec<f64>,
    std_chaz: Vec<f64>,
}

/// Numbers under a survival plot at one requested time (survminer's risk table).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RiskTableRow {
    /// The requested time.
    pub time: f64,
    /// Subjects still followed just at `time` (observed time >= `time`).
    pub n_risk: usize,
    /// Events at or before `time`.
    pub cumulative_events: usize,
    /// Censorings at or before `time`.
    pub cumulative_censored: usize,
}

/// Median survival time with its confidence limits; `None` where the curve never reaches 0.5.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MedianSurvival {
    /// Median survival time.
    pub median: Option<f64>,
    /// Where the lower confidence curve reaches 0.5.
    pub lower: Option<f64>,
    /// Where the upper confidence curve reaches 0.5.
    pub upper: Option<f64>,
}

/// Restricted mean survival time: the area under the curve up to `horizon`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RestrictedMean {
    /// Upper limit of integration.
    pub horizon: f64,
    /// Area under S(t) on [0, horizon].
    pub mean: f64,
    /// Its standard error (R's `se(rmean)`).
    pub std_err: f64,
}

/// Fits a Kaplan–Meier curve, as `survfit(Surv(times, events) ~ 1)` in R.
///
/// `events[i]` is true for an event, false for a censored time. Times must be finite and
/// non-negative. Subjects censored at a time are counted at risk at that time.
///
/// ```
/// use trial_explorer::stats::km::{kaplan_meier, CiType};
///
/// let times = [1.0, 2.0, 2.0, 3.0, 4.0];
/// let events = [true, true, false, true, false];
/// let fit = kaplan_meier(&times, &events).unwrap();
/// assert_eq!(fit.time(), &[1.0, 2.0, 3.0, 4.0]);
/// assert_eq!(fit.n_risk(), &[5, 4, 2, 1]);
/// assert!((fit.surv()[1] - 0.6).abs() < 1e-15); // (4/5)(3/4)
/// assert_eq!(fit.median(0.95, CiType::Log).unwrap().median, Some(3.0));
/// ```
pub fn kaplan_meier(times: &[f64], events: &[bool]) -> Result<KaplanMeier, StatsError> {
    validate_times("kaplan_meier: times", times)?;
    check_length("kaplan_meier: events", times.len(), events.len())?;
    let records = sorted_records(times, events, None, None);
    Ok(KaplanMeier::from_sorted(&records))
}

/// Fits one Kaplan–Meier curve per group, as `survfit(Surv(times, events) ~ group)` in R.
///
/// Groups are labelled `0..k`; every label must have subjects. Near-equal times are merged on
/// the pooled data before splitting, as R does, so curves line up with the log-rank test.
///
/// ```
/// use trial_explorer::stats::km::kaplan_meier_by_group;
///
/// let fits = kaplan_meier_by_group(&[5.0, 8.0, 3.0, 4.0], &[true; 4], &[0, 0, 1, 1]).unwrap();
/// assert_eq!(fits.len(), 2);
/// assert_eq!(fits[1].time(), &[3.0, 4.0]);
/// ```
pub fn kaplan_meier_by_group(
    times: &[f64],
    events: &[bool],
    groups: &[usize],
) -> Result<Vec<KaplanMeier>, StatsError> {
    validate_times("kaplan_meier_by_group: times", times)?;
    check_length("kaplan_meier_by_group: events", times.len(), events.len())?;
    check_length("kaplan_meier_by_group: groups", times.len(), groups.len())?;
    let counts = label_counts("kaplan_meier_by_group: groups", groups)?;
    let records = sorted_records(times, events, Some(groups), None);
    let (records, offsets) = partition_by(&records, counts.len(), Record::group);
    Ok(offsets.windows(2).map(|w| KaplanMeier::from_sorted(&records[w[0]..w[1]])).collect())
}

impl KaplanMeier {
    /// Builds the fit from non-empty, time-sorted, tie-merged records.
    fn from_sorted(records: &[Record]) -> Self {
        let mut fit = KaplanMeier {
            time: Vec::new(),
            n_risk: Vec::new(),
            n_event: Vec::new(),
            n_censor: Vec::new(),
            surv: Vec::new(),
            std_err: Vec::new(),
            cumhaz: Vec::new(),
            std_chaz: Vec::new(),
        };
        let mut at_risk = records.len();
        let (mut km, mut greenwood, mut nelson, mut nelson_var) = (1.0, 0.0, 0.0, 0.0);
        for_each_tie_run(records, |run| {
            let deaths = run.iter().filter(|r| r.is_event()).count();
            if deaths > 0 {
                // Same operations, in the same order, as survival's survfitkm.c.
                let (n, d) = (at_risk as f64, deaths as f64);
                nelson += d / n;
                nelson_var += d / (n * n);
                km *= (n - d) / n;
                greenwood += d / (n * (n - d));
            }
            fit.time.push(run[0].time);
            fit.n_risk.push(at_risk);
            fit.n_event.push(deaths);
            fit.n_censor.push(run.len() - deaths);
            fit.surv.push(km);
            fit.std_err.push(greenwood.sqrt());
            fit.cumhaz.push(nelson);
            fit.std_chaz.push(nelson_var.sqrt());
            at_risk -= run.len();
        });
        fit
    }

    /// Number of rows (distinct observed times).
    pub fn len(&self) -> usize {
        self.time.len()
    }

    /// Always false: a fit has at least one subject.
    pub fn is_empty(&self) -> bool {
        self.time.is_empty()
    }

    /// Number of subjects in the fit.
    pub fn n(&self) -> usize {
        self.n_risk.first().copied().unwrap_or(0)
    }

    /// Number of events in the fit.
    pub fn total_events(&self) -> usize {
        self.n_event.iter().sum()
    }

    /// Distinct observed times (after merging near-equal times).
    pub fn time(&self) -> &[f64] {
        &self.time
    }

    /// Subjects at risk at each time (observed time >= that time).
    pub fn n_risk(&self) -> &[usize] {
        &self.n_risk
    }

    /// Events at each time.
    pub fn n_event(&self) -> &[usize] {
        &self.n_event
    }

    /// Censorings at each time.
    pub fn n_censor(&self) -> &[usize] {
        &self.n_censor
    }

    /// Survival estimate S(t) at each time.
    pub fn surv(&self) -> &[f64] {
        &self.surv
    }

    /// Greenwood standard error of −log S(t) (R's `std.err`); infinite once S reaches 0.
    pub fn std_err(&self) -> &[f64] {
        &self.std_err
    }

    /// Greenwood standard error of S(t) itself, S·std_err (R's `summary(fit)$std.err`);
    /// NaN where S = 0, as in R.
    pub fn std_err_surv(&self) -> Vec<f64> {
        self.surv.iter().zip(&self.std_err).map(|(s, se)| s * se).collect()
    }

    /// Nelson–Aalen cumulative hazard at each time (R's `cumhaz`).
    pub fn cumhaz(&self) -> &[f64] {
        &self.cumhaz
    }

    /// Standard error of the Nelson–Aalen cumulative hazard (R's `std.chaz`).
    pub fn std_chaz(&self) -> &[f64] {
        &self.std_chaz
    }

    /// Pointwise confidence limits of S(t) at each time, R's `lower`/`upper`.
    ///
    /// `None` where R gives NA or NaN: S = 0 (all types) and S = 1 (log-log).
    ///
    /// ```
    /// use trial_explorer::stats::km::{kaplan_meier, CiType};
    ///
    /// let fit = kaplan_meier(&[1.0, 2.0, 3.0], &[true, true, false]).unwrap();
    /// let band = fit.confidence_band(0.95, CiType::Log).unwrap();
    /// let first = band[0].unwrap();
    /// assert!(first.lower < 2.0 / 3.0 && first.upper == 1.0);
    /// ```
    pub fn confidence_band(
        &self,
        level: f64,
        ci: CiType,
    ) -> Result<Vec<Option<ConfidenceLimits>>, StatsError> {
        let z = two_sided_z(level)?;
        Ok(self.surv.iter().zip(&self.std_err).map(|(&s, &se)| limits(s, se, z, ci)).collect())
    }

    /// Cumulative incidence 1 − S(t) at each time.
    pub fn cumulative_incidence(&self) -> Vec<f64> {
        self.surv.iter().map(|s| 1.0 - s).collect()
    }

    /// Confidence limits of the cumulative incidence: (1 − upper, 1 − lower) of S's limits.
    ///
    /// ```
    /// use trial_explorer::stats::km::{kaplan_meier, CiType};
    ///
    /// let fit = kaplan_meier(&[1.0, 2.0, 3.0], &[true, true, false]).unwrap();
    /// assert_eq!(fit.cumulative_incidence()[0], 1.0 - fit.surv()[0]);
    /// let s = fit.confidence_band(0.95, CiType::Log).unwrap()[0].unwrap();
    /// let f = fit.cumulative_incidence_band(0.95, CiType::Log).unwrap()[0].unwrap();
    /// assert_eq!((f.lower, f.upper), (1.0 - s.upper, 1.0 - s.lower));
    /// ```
    pub fn cumulative_incidence_band(
        &self,
        level: f64,
        ci: CiType,
    ) -> Result<Vec<Option<ConfidenceLimits>>, StatsError> {
        Ok(self
            .confidence_band(level, ci)?
            .into_iter()
            .map(|l| l.map(|l| ConfidenceLimits { lower: 1.0 - l.upper, upper: 1.0 - l.lower }))
            .collect())
    }

    /// S(t) of the right-continuous step function: 1 before the first time, and the last
    /// estimate carried forward past the last time.
    ///
    /// ```
    /// use trial_explorer::stats::km::kaplan_meier;
    ///
    /// let fit = kaplan_meier(&[1.0, 2.0], &[true, true]).unwrap();
    /// assert_eq!(fit.survival_at(0.5).unwrap(), 1.0);
    /// assert_eq!(fit.survival_at(1.0).unwrap(), 0.5);
    /// assert_eq!(fit.survival_at(7.0).unwrap(), 0.0);
    /// ```
    pub fn survival_at(&self, t: f64) -> Result<f64, StatsError> {
        check_query_time("survival_at: t", 0, t)?;
        let rows = self.time.partition_point(|&x| x <= t);
        Ok(if rows == 0 { 1.0 } else { self.surv[rows - 1] })
    }

    /// Numbers at risk, cumulative events and cumulative censorings at the requested times,
    /// as printed under a survival plot (survminer's risk table).
    ///
    /// ```
    /// use trial_explorer::stats::km::kaplan_meier;
    ///
    /// let fit = kaplan_meier(&[1.0, 2.0, 2.0, 5.0], &[true, true, false, true]).unwrap();
    /// let table = fit.risk_table(&[0.0, 2.0, 3.0]).unwrap();
    /// assert_eq!(table[1].n_risk, 3); // observed time >= 2
    /// assert_eq!((table[1].cumulative_events, table[1].cumulative_censored), (2, 1));
    /// assert_eq!(table[2].n_risk, 1);
    /// ```
    pub fn risk_table(&self, times: &[f64]) -> Result<Vec<RiskTableRow>, StatsError> {
        for (i, &t) in times.iter().enumerate() {
            check_query_time("risk_table: times", i, t)?;
        }
        let mut events = Vec::with_capacity(self.len() + 1);
        let mut censored = Vec::with_capacity(self.len() + 1);
        let (mut e, mut c) = (0, 0);
        events.push(0);
        censored.push(0);
        for (d, k) in self.n_event.iter().zip(&self.n_censor) {
            e += d;
            c += k;
            events.push(e);
            censored.push(c);
        }
        Ok(times
            .iter()
            .map(|&t| {
                let first_at_or_after = self.time.partition_point(|&x| x < t);
                let up_to = self.time.partition_point(|&x| x <= t);
                RiskTableRow {
                    time: t,
                    n_risk: self.n_risk.get(first_at_or_after).copied().unwrap_or(0),
                    cumulative_events: events[up_to],
                    cumulative_censored: censored[up_to],
                }
            })
            .collect())
    }

    /// Median survival with its confidence limits, as R's `print(survfit)`.
    ///
    /// The median is the first time with S(t) <= 0.5; if S equals 0.5 there (within
    /// sqrt(machine eps)) and later drops below, it is the midpoint between that time and the
    /// time of the drop. The limits apply the same rule to the lower and upper confidence curves
    /// of the given type, skipping rows where those are undefined.
    ///
    /// ```
    /// use trial_explorer::stats::km::{kaplan_meier, CiType};
    ///
    /// // S = 0.5 exactly after the 2nd of 4 deaths: median is (2 + 3) / 2.
    /// let fit = kaplan_meier(&[1.0, 2.0, 3.0, 4.0], &[true; 4]).unwrap();
    /// let m = fit.median(0.95, CiType::Log).unwrap();
    /// assert_eq!(m.median, Some(2.5));
    /// assert_eq!(m.lower, Some(1.0));
    /// assert_eq!(m.upper, None);
    /// ```
    pub fn median(&self, level: f64, ci: CiType) -> Result<MedianSurvival, StatsError> {
        let band = self.confidence_band(level, ci)?;
        Ok(MedianSurvival {
            median: first_below_half(&self.time, self.surv.iter().map(|&s| Some(s))),
            lower: first_below_half(&self.time, band.iter().map(|l| l.map(|l| l.lower))),
            upper: first_below_half(&self.time, band.iter().map(|l| l.map(|l| l.upper))),
        })
    }

    /// Restricted mean survival time up to `horizon`, with R's standard error
    /// (`summary(fit, rmean = horizon)`): the area under S on [0, horizon], the curve carried
    /// forward past its last time; `se² = Σ A_i² d_i / (n_i (n_i − d_i))` over event times
    /// up to the horizon, A_i the area from t_i to the horizon.
    ///
    /// ```
    /// use trial_explorer::stats::km::kaplan_meier;
    ///
    /// let fit = kaplan_meier(&[2.0, 4.0], &[true, false]).unwrap();
    /// let rm = fit.restricted_mean(6.0).unwrap();
    /// assert_eq!(rm.mean, 2.0 + 0.5 * 4.0);
    /// ```
    pub fn restricted_mean(&self, horizon: f64) -> Result<RestrictedMean, StatsError> {
        if !(horizon.is_finite() && horizon >= 0.0) {
            return Err(StatsError::InvalidParameter {
                what: "restricted_mean: horizon (must be finite and >= 0)".to_string(),
                value: horizon,
            });
        }
        // R's survmean: rectangles under the step function, start time 0.
        let keep = self.time.partition_point(|&x| x <= horizon);
        let mut rectangles = Vec::with_capacity(keep + 1);
        let mut previous_time = 0.0;
        let mut previous_surv = 1.0;
        for i in 0..keep {
            rectangles.push((self.time[i] - previous_time) * previous_surv);
            previous_time = self.time[i];
            previous_surv = self.surv[i];
        }
        rectangles.push((horizon - previous_time) * previous_surv);
        let mean = rectangles.iter().sum();
        // Area from row i to the horizon is the sum of the rectangles after it.
        let mut area = 0.0;
        let mut variance = 0.0;
        for i in (0..keep).rev() {
            area += rectangles[i + 1];
            let (n, d) = (self.n_risk[i] as f64, self.n_event[i] as f64);
            if n - d != 0.0 {
                variance += area * area * (d / (n * (n - d)));
            }
        }
        Ok(RestrictedMean { horizon, mean, std_err: variance.sqrt() })
    }
}

/// Requested times must be numbers (negative is fine: S = 1 there).
fn check_query_time(what: &str, index: usize, t: f64) -> Result<(), StatsError> {
    if t.is_nan() {
        Err(StatsError::InvalidValue { what: what.to_string(), index, value: t })
    } else {
        Ok(())
    }
}

/// R's `survfit_confint` for one row (`None` for R's NA / NaN).
fn limits(s: f64, se: f64, z: f64, ci: CiType) -> Option<ConfidenceLimits> {
    let l = match ci {
        CiType::Log => {
            if s == 0.0 {
                return None;
            }
            let se2 = z * se;
            ConfidenceLimits { lower: (s.ln() - se2).exp(), upper: (s.ln() + se2).exp().min(1.0) }
        }
        CiType::LogLog => {
            if s == 0.0 || s == 1.0 {
                return None;
            }
            let se2 = z * se / s.ln();
            let centre = (-s.ln()).ln();
            ConfidenceLimits { lower: (-(centre - se2).exp()).exp(), upper: (-(centre + se2).exp()).exp() }
        }
        CiType::Plain => {
            let se2 = se * s * z;
            if se2.is_nan() {
                return None; // S = 0 with infinite SE; f64::max would hide the NaN that R keeps
            }
            ConfidenceLimits { lower: (s - se2).max(0.0), upper: (s + se2).min(1.0) }
        }
    };
    // 0 · ∞ (S = 0 with infinite SE) gives NaN, R's undefined limit.
    (!l.lower.is_nan() && !l.upper.is_nan()).then_some(l)
}

/// R's `minmin` (inside `survmean`): the time where a curve first reaches 0.5, with the
/// midpoint rule when it sits exactly at 0.5; rows with undefined values are skipped.
fn first_below_half(times: &[f64], curve: impl Iterator<Item = Option<f64>>) -> Option<f64> {
    let mut kept =
        times.iter().zip(curve).filter_map(|(&t, y)| y.filter(|y| *y < 0.5 + TIME_TOLERANCE).map(|y| (t, y)));
    let (t1, y1) = kept.next()?;
    if (y1 - 0.5).abs() < TIME_TOLERANCE {
        if let Some((t2, _)) = kept.find(|&(_, y)| y < y1) {
            return Some((t1 + t2) / 2.0);
        }
    }
    Some(t1)
}
