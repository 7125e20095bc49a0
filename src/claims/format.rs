//! How recomputed numbers are written beside published ones.

/// A P value: four decimals down to 0.001, then two significant digits times a power of ten
/// ("P = 1.5 × 10⁻⁵"), so a value below a published bound ("P < 0.001") is still visible and
/// reads as a reader of the paper writes it.
pub fn p_value(p: f64) -> String {
    if p >= 0.001 || p == 0.0 {
        return format!("P = {p:.4}");
    }
    let text = format!("{p:.1e}");
    match text.split_once('e') {
        Some((digits, exponent)) => format!("P = {digits} × 10{}", superscript(exponent)),
        None => format!("P = {text}"),
    }
}

/// An exponent in superscript digits ("-5" → "⁻⁵").
fn superscript(exponent: &str) -> String {
    exponent
        .chars()
        .map(|c| match c {
            '-' => '⁻',
            '0' => '⁰',
            '1' => '¹',
            '2' => '²',
            '3' => '³',
            '4' => '⁴',
            '5' => '⁵',
            '6' => '⁶',
            '7' => '⁷',
            '8' => '⁸',
            '9' => '⁹',
            other => other,
        })
        .collect()
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
        assert_eq!(p_value(0.000_023_4), "P = 2.3 × 10⁻⁵");
        assert_eq!(p_value(1.2e-12), "P = 1.2 × 10⁻¹²");
    }

    #[test]
    fn published_precision_is_read_from_the_value() {
        assert_eq!(decimals_of(95.8), 1);
        assert_eq!(decimals_of(70.0), 0);
        assert_eq!(round_to(100.0 * 23.0 / 24.0, 1), 95.8);
        assert_eq!(round_to(100.0 * 17.0 / 24.0, 1), 70.8);
    }
}
