//! The common first step of every survival method: validate the input, sort it by time once,
//! merge near-equal times the way R's `aeqSurv` does, and count events and subjects at risk.
//!
//! Kaplan–Meier, log-rank and Cox all consume these tables, so they agree with each other and
//! with R on what counts as a tie, and the O(n log n) sort is paid once per call.

use crate::stats::StatsError;

/// R's `aeqSurv` tolerance, `sqrt(.Machine$double.eps)` (2^-26).
pub(crate) const TIME_TOLERANCE: f64 = 1.490_116_119_384_765_6e-8;

/// One subject, packed into 16 bytes so that sorting a million of them stays cache friendly.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Record {
    /// Follow-up time (after tie merging, the first value of its run of near-equal times).
    pub time: f64,
    /// `group << 1 | event`.
    tag: u32,
    /// Stratum label (0 when unstratified).
    pub stratum: u32,
}

impl Record {
    pub fn group(&self) -> usize {
        (self.tag >> 1) as usize
    }

    pub fn is_event(&self) -> bool {
        self.tag & 1 == 1
    }
}

/// Largest number of subjects the packed records can label (group labels use 31 bits).
const MAX_SUBJECTS: usize = (u32::MAX >> 1) as usize;

/// Checks that a parallel input has the same length as `times`.
pub(crate) fn check_length(what: &str, expected: usize, found: usize) -> Result<(), StatsError> {
    if expected == found {
        Ok(())
    } else {
        Err(StatsError::LengthMismatch { what: what.to_string(), expected, found })
    }
}

/// Checks that there is at least one time and every time is finite and non-negative.
pub(crate) fn validate_times(what: &str, times: &[f64]) -> Result<(), StatsError> {
    if times.is_empty() {
        return Err(StatsError::Empty { what: what.to_string() });
    }
    if times.len() > MAX_SUBJECTS {
        return Err(StatsError::InvalidParameter {
            what: format!("{what}: number of subjects"),
            value: times.len() as f64,
        });
    }
    match times.iter().position(|t| !(t.is_finite() && *t >= 0.0)) {
        Some(index) => Err(StatsError::InvalidValue {
            what: format!("{what} (must be finite and >= 0)"),
            index,
            value: times[index],
        }),
        None => Ok(()),
    }
}

/// Number of subjects per label `0..=max`, refusing a label that has no subjects.
///
/// Labels are positions (0 = first group), so a gap would silently shift every later group.
pub(crate) fn label_counts(what: &str, labels: &[usize]) -> Result<Vec<usize>, StatsError> {
    let Some(&max) = labels.iter().max() else {
        return Err(StatsError::Empty { what: what.to_string() });
    };
    if max >= labels.len() {
        // More labels than subjects: some label below the number of subjects is unused
        // (otherwise there would be more distinct labels than subjects); report the first.
        let mut used = vec![false; labels.len()];
        for &l in labels.iter().filter(|&&l| l < labels.len()) {
            used[l] = true;
        }
        let group = used.iter().position(|u| !u).unwrap_or(0);
        return Err(StatsError::EmptyGroup { what: what.to_string(), group });
    }
    let mut counts = vec![0usize; max + 1];
    for &l in labels {
        counts[l] += 1;
    }
    match counts.iter().position(|&c| c == 0) {
        Some(group) => Err(StatsError::EmptyGroup { what: what.to_string(), group }),
        None => Ok(counts),
    }
}

/// Builds the records, sorts them by time and merges near-equal times.
///
/// `times` must have been validated; `groups` and `strata` (when given) must be parallel to it
/// and hold labels that fit in 31 bits (guaranteed by [`label_counts`] and [`validate_times`]).
pub(crate) fn sorted_records(
    times: &[f64],
    events: &[bool],
    groups: Option<&[usize]>,
    strata: Option<&[usize]>,
) -> Vec<Record> {
    let mut records: Vec<Record> = (0..times.len())
        .map(|i| {
            let group = groups.map_or(0, |g| g[i]) as u32;
            Record {
                // `+ 0.0` turns -0.0 into +0.0 so that the bit pattern orders like the value.
                time: times[i] + 0.0,
                tag: (group << 1) | u32::from(events[i]),
                stratum: strata.map_or(0, |s| s[i]) as u32,
            }
        })
        .collect();
    sort_by_time(&mut records);
    merge_near_ties(&mut records);
    records
}

/// Sorts by time. Non-negative doubles order like their bit patterns, so the key is an integer.
/// (An LSD radix sort on the same key measured slower at a million records: its eight
/// scattering passes over 16 MB cost more than pattern-defeating quicksort's cache locality.)
fn sort_by_time(records: &mut [Record]) {
    records.sort_unstable_by_key(|r| r.time.to_bits());
}

/// R's `aeqSurv`: among the sorted distinct times, a time whose gap to the previous distinct
/// time is at most `TIME_TOLERANCE`, absolutely or relative to the mean of the distinct times,
/// takes the value of the first time of its run. Without this, times that differ only by
/// floating-point noise (e.g. after unit conversion) would be separate risk sets, unlike in R.
fn merge_near_ties(records: &mut [Record]) {
    let Some(first) = records.first() else { return };
    // Mean of |distinct times| (two passes, like R's mean()).
    let mut distinct = 0usize;
    let mut sum = 0.0;
    let mut previous = f64::NAN;
    for r in records.iter() {
        if r.time != previous {
            distinct += 1;
            sum += r.time;
            previous = r.time;
        }
    }
    let mut mean = sum / distinct as f64;
    let mut correction = 0.0;
    previous = f64::NAN;
    for r in records.iter() {
        if r.time != previous {
            correction += r.time - mean;
            previous = r.time;
        }
    }
    mean += correction / distinct as f64;

    let mut previous = first.time;
    let mut representative = first.time;
    for r in records.iter_mut() {
        if r.time != previous {
            let gap = r.time - previous;
            previous = r.time;
            if gap <= TIME_TOLERANCE || gap / mean <= TIME_TOLERANCE {
                r.time = representative;
            } else {
                representative = r.time;
            }
        } else {
            r.time = representative;
        }
    }
}

/// Stable counting sort by a label: each label's records become contiguous, still time-sorted.
/// Returns the records and the start offset of each label (`offsets[l]..offsets[l + 1]`).
pub(crate) fn partition_by(
    records: &[Record],
    labels: usize,
    label: impl Fn(&Record) -> usize,
) -> (Vec<Record>, Vec<usize>) {
    let mut offsets = vec![0usize; labels + 1];
    for r in records {
        offsets[label(r) + 1] += 1;
    }
    for l in 0..labels {
        offsets[l + 1] += offsets[l];
    }
    let mut next = offsets.clone();
    let mut out = records.to_vec();
    for r in records {
        let l = label(r);
        out[next[l]] = *r;
        next[l] += 1;
    }
    (out, offsets)
}

/// Calls `f(run)` for each run of records sharing one (merged) time, in time order.
pub(crate) fn for_each_tie_run(records: &[Record], mut f: impl FnMut(&[Record])) {
    let mut start = 0;
    while start < records.len() {
        let time = records[start].time;
        let mut end = start + 1;
        while end < records.len() && records[end].time == time {
            end += 1;
        }
        f(&records[start..end]);
        start = end;
    }
}

/// Per-group risk sets at each distinct event time of one stratum, in ascending time.
///
/// This is all that the log-rank test and a Cox model with a group factor need: with one
/// indicator per group, sums over subjects collapse to sums over groups.
#[derive(Debug, Clone)]
pub(crate) struct EventTable {
    /// Number of groups (row width).
    pub groups: usize,
    /// `at_risk[t * groups + g]`: subjects of group g with time >= the t-th event time.
    pub at_risk: Vec<u32>,
    /// `events[t * groups + g]`: events of group g at the t-th event time.
    pub events: Vec<u32>,
}

impl EventTable {
    /// Builds the table from the time-sorted records of one stratum.
    pub fn from_sorted(records: &[Record], groups: usize) -> Self {
        let mut risk = vec![0u32; groups];
        for r in records {
            risk[r.group()] += 1;
        }
        let mut deaths = vec![0u32; groups];
        let mut table = EventTable { groups, at_risk: Vec::new(), events: Vec::new() };
        for_each_tie_run(records, |run| {
            deaths.iter_mut().for_each(|d| *d = 0);
            let mut any = false;
            for r in run.iter().filter(|r| r.is_event()) {
                deaths[r.group()] += 1;
                any = true;
            }
            if any {
                table.at_risk.extend_from_slice(&risk);
                table.events.extend_from_slice(&deaths);
            }
            for r in run {
                risk[r.group()] -= 1;
            }
        });
        table
    }

    /// Number of distinct event times.
    pub fn len(&self) -> usize {
        self.at_risk.len() / self.groups
    }

    /// Subjects at risk per group at the `t`-th event time.
    pub fn at_risk(&self, t: usize) -> &[u32] {
        &self.at_risk[t * self.groups..(t + 1) * self.groups]
    }

    /// Events per group at the `t`-th event time.
    pub fn events(&self, t: usize) -> &[u32] {
        &self.events[t * self.groups..(t + 1) * self.groups]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn times_of(records: &[Record]) -> Vec<f64> {
        records.iter().map(|r| r.time).collect()
    }

    #[test]
    fn near_equal_times_merge_to_the_first_of_their_run() {
        let times = [1.0, 1.0 + 1e-9, 2.0, 1.0 + 2e-9, 3.0];
        let r = sorted_records(&times, &[true; 5], None, None);
        assert_eq!(times_of(&r), vec![1.0, 1.0, 1.0, 2.0, 3.0]);
    }

    #[test]
    fn runs_chain_through_successive_small_gaps() {
        // Each gap is below the tolerance although the run spans more than it.
        let times = [10.0, 10.0 + 1e-8, 10.0 + 2e-8, 10.0 + 3e-8];
        let r = sorted_records(&times, &[false; 4], None, None);
        assert_eq!(times_of(&r), vec![10.0; 4]);
    }

    #[test]
    fn relative_gap_uses_the_mean_of_distinct_times() {
        // The absolute gap 1e-3 is large, but relative to the mean of the distinct times
        // (~1.3e6) it is ~7.5e-10 <= 1.49e-8, so the two large times merge.
        let times = [1.0e6, 1.0e6 + 1e-3, 2.0e6];
        let r = sorted_records(&times, &[true; 3], None, None);
        assert_eq!(times_of(&r), vec![1.0e6, 1.0e6, 2.0e6]);
    }

    #[test]
    fn distinct_times_are_left_alone() {
        let times = [3.0, 1.0, 2.0];
        let r = sorted_records(&times, &[true, false, true], None, None);
        assert_eq!(times_of(&r), vec![1.0, 2.0, 3.0]);
        assert!(!r[0].is_event());
    }

    #[test]
    fn label_gaps_are_reported() {
        assert_eq!(label_counts("g", &[0, 2, 2]), Err(StatsError::EmptyGroup { what: "g".into(), group: 1 }));
        assert_eq!(label_counts("g", &[0, 7]), Err(StatsError::EmptyGroup { what: "g".into(), group: 1 }));
        assert_eq!(label_counts("g", &[5]), Err(StatsError::EmptyGroup { what: "g".into(), group: 0 }));
        assert_eq!(label_counts("g", &[1, 0, 1]), Ok(vec![1, 2]));
    }

    #[test]
    fn event_table_counts_risk_sets_with_censored_still_at_risk() {
        // group 0: event at 1, censored at 2; group 1: event at 2, event at 3.
        let times = [1.0, 2.0, 2.0, 3.0];
        let events = [true, false, true, true];
        let groups = [0, 0, 1, 1];
        let r = sorted_records(&times, &events, Some(&groups), None);
        let t = EventTable::from_sorted(&r, 2);
        assert_eq!(t.len(), 3);
        assert_eq!((t.at_risk(0), t.events(0)), (&[2, 2][..], &[1, 0][..]));
        assert_eq!((t.at_risk(1), t.events(1)), (&[1, 2][..], &[0, 1][..]));
        assert_eq!((t.at_risk(2), t.events(2)), (&[0, 1][..], &[0, 1][..]));
    }
}
