//! P values as published. Papers round P ("P = 0.004") or bound it ("P < 0.001"); both are
//! kept exactly, with the published text, so that the app can say what range the true value
//! lies in instead of pretending to know it.

use crate::trial::decimal::parse_decimal;
use crate::trial::json::{json_object, json_tagged};
use crate::trial::provenance::{Fact, Provenance};

/// A P value with the text it was published as.
#[derive(Debug, Clone, PartialEq)]
pub struct PublishedP {
    /// Verbatim, e.g. `P = 0.004`, `P < 0.001`, `P ≈ 0.048`.
    pub text: String,
    pub p: PValue,
}

/// The structure of a published P value.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum PValue {
    /// A value rounded to `decimals` places: 0.004 with 3 decimals means [0.0035, 0.0045).
    Exact { value: f64, decimals: u32 },
    /// Only an upper bound is published: `P < bound`.
    LessThan { bound: f64 },
}

/// The most decimals a published P value is read with.
pub const MAX_P_DECIMALS: u32 = 15;

impl PValue {
    /// Read the structure from published text: an optional `P`, then `=`, `≈` or `<`, then a
    /// decimal number. `None` when the text has another form.
    pub fn parse(text: &str) -> Option<PValue> {
        let rest = text.trim();
        let rest = rest.strip_prefix('P').or_else(|| rest.strip_prefix('p')).unwrap_or(rest).trim_start();
        let (less_than, number) = if let Some(n) = rest.strip_prefix('<') {
            (true, n)
        } else if let Some(n) = rest.strip_prefix('=').or_else(|| rest.strip_prefix('≈')) {
            (false, n)
        } else {
            return None;
        };
        let number = number.trim();
        if number.is_empty() || !number.chars().all(|c| c.is_ascii_digit() || c == '.') {
            return None;
        }
        let value = parse_decimal(number)?;
        if less_than {
            return Some(PValue::LessThan { bound: value });
        }
        let decimals = number.split_once('.').map_or(0, |(_, d)| d.len()) as u32;
        Some(PValue::Exact { value, decimals })
    }

    /// The value as it would be printed: `P = 0.004`, `P < 0.001`.
    pub fn describe(&self) -> String {
        match *self {
            PValue::Exact { value, decimals } => format!("P = {value:.*}", decimals as usize),
            PValue::LessThan { bound } => format!("P < {bound}"),
        }
    }

    /// The interval the true P value lies in: `[low, high)` for a rounded value, `[0, bound)`
    /// for a bound.
    pub fn bounds(&self) -> (f64, f64) {
        match *self {
            PValue::Exact { value, decimals } => {
                let scale = 10f64.powi(decimals as i32);
                let units = (value * scale).round();
                (((units - 0.5) / scale).max(0.0), ((units + 0.5) / scale).min(1.0))
            }
            PValue::LessThan { bound } => (0.0, bound),
        }
    }
}

impl PublishedP {
    /// The interval the true P value lies in, as a derived fact that states its derivation.
    pub fn bounds_fact(&self) -> Fact<(f64, f64)> {
        let (low, high) = self.p.bounds();
        let how = match self.p {
            PValue::Exact { decimals, .. } => {
                format!("a value rounded to {decimals} decimals: {low} ≤ P < {high}")
            }
            PValue::LessThan { bound } => format!("only the bound is published: 0 ≤ P < {bound}"),
        };
        Fact {
            value: (low, high),
            provenance: Provenance::Derived { from: format!("the published '{}'", self.text), how },
        }
    }
}

json_object!(PublishedP { text: field, p: field });

json_tagged!(PValue {
    Exact = "exact" { value: field, decimals: field },
    LessThan = "less_than" { bound: field },
});
