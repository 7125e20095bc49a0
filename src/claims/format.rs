//! How recomputed numbers are written beside published ones.

/// A P value: four decimals down to 0.001, then two significant digits in scientific
/// notation, so a value below a published bound ("P < 0.001") is still visible.
pub fn p_value(p: f64) -> String {
    if p >= 0.001 {
        format!("P = {p:.4}")
    } else {
        format!("P = {p:.1e}")
    }
}

/// The number of decimals a published value is printed with (95.8 → 1), up to six.
pub fn decimals_of(value: f64) -> u32 {
    (0..=6).find(|&d| round_to(value, d) == value).unwrap_or(6)
}

/// `value` rounded half away from zero to `decimals` places.
pub fn round_to(value: f64, decimals: u32) -> f64 {
    let scale = 10f64.powi(decimals as i32);
    (value * scale).round() / scale
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn p_values_keep_their_size_visible() {
        assert_eq!(p_value(0.004_13), "P = 0.0041");
        assert_eq!(p_value(0.000_023_4), "P = 2.3e-5");
    }

    #[test]
    fn published_precision_is_read_from_the_value() {
        assert_eq!(decimals_of(95.8), 1);
        assert_eq!(decimals_of(70.0), 0);
        assert_eq!(round_to(100.0 * 23.0 / 24.0, 1), 95.8);
        assert_eq!(round_to(100.0 * 17.0 / 24.0, 1), 70.8);
    }
}
