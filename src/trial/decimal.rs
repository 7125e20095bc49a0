//! Reading decimal numbers as people write them in data files and forms, and writing counts
//! as the page's messages do ([`thousands`]).
//!
//! `str::parse::<f64>` carries about 20 KB of tables and code into the page (its correctly
//! rounded algorithm for any number of digits); the numbers a reader types or digitises have
//! few digits, and for those this reader gives the same value to the last bit: a whole number
//! of up to 15 digits scaled by at most 22 powers of ten is exact in both factors, so one
//! multiplication or division rounds it correctly. Longer numbers, such as the 17 digits an
//! exported bundle writes, are estimated and then corrected to the nearest float
//! (`nearest_float`), so they too read back to the last bit. The grammar is the standard
//! library's: an optional sign, then digits with
//! an optional point and exponent (`12.5`, `.5`, `5.`, `1e-3`), or `inf`, `infinity`, `nan` in
//! any case.

use super::nearest_float::{nearest, MAX_DIGITS};

/// The number `text` spells, or `None` when it is not a number.
pub fn parse_decimal(text: &str) -> Option<f64> {
    let (negative, unsigned) = match text.as_bytes().first()? {
        b'-' => (true, &text[1..]),
        b'+' => (false, &text[1..]),
        _ => (false, text),
    };
    let magnitude = match special(unsigned) {
        Some(value) => value,
        None => finite(unsigned.as_bytes())?,
    };
    Some(if negative { -magnitude } else { magnitude })
}

/// `inf`, `infinity` and `nan`, in any case.
fn special(text: &str) -> Option<f64> {
    if text.eq_ignore_ascii_case("inf") || text.eq_ignore_ascii_case("infinity") {
        Some(f64::INFINITY)
    } else if text.eq_ignore_ascii_case("nan") {
        Some(f64::NAN)
    } else {
        None
    }
}

/// Digits that fit a `u64` without loss; further digits only move the decimal exponent.
const MAX_MANTISSA: u64 = 1_000_000_000_000_000_000;

/// A number's digits as read: the first ones as a whole number for a quick estimate, and all
/// of its significant digits (up to [`MAX_DIGITS`], then one "sticky" digit) for the exact one.
#[derive(Default)]
struct Digits {
    /// The first digits, up to [`MAX_MANTISSA`], and the power of ten they are scaled by.
    mantissa: u64,
    exponent: i64,
    /// Every significant digit (no leading zeros), and the power of ten they are scaled by.
    all: Vec<u8>,
    all_exponent: i64,
    /// Whether a digit past [`MAX_DIGITS`] was not zero.
    sticky: bool,
}

impl Digits {
    fn add(&mut self, digit: u8, after_point: bool) {
        if self.mantissa < MAX_MANTISSA {
            self.mantissa = self.mantissa * 10 + u64::from(digit);
            if after_point {
                self.exponent -= 1;
            }
        } else if !after_point {
            // A dropped digit leaves a mantissa of at least 10^18, past 2^53, so the fast,
            // exact path of `scale` is never taken for such a number.
            self.exponent += 1;
        }
        if self.all.is_empty() && digit == 0 {
            // A leading zero: only its place counts.
            if after_point {
                self.all_exponent -= 1;
            }
        } else if self.all.len() < MAX_DIGITS {
            self.all.push(digit);
            if after_point {
                self.all_exponent -= 1;
            }
        } else {
            self.sticky |= digit != 0;
            if !after_point {
                self.all_exponent += 1;
            }
        }
    }

    /// The float nearest to the digits times 10^`written` (the number's own exponent).
    fn value(mut self, written: i64) -> f64 {
        let (exponent, all_exponent) = (self.exponent + written, self.all_exponent + written);
        if self.mantissa < (1 << 53) && exponent.abs() <= EXACT_POWERS {
            return scale(self.mantissa, exponent);
        }
        let estimate = scale(self.mantissa, exponent);
        if self.sticky {
            // Stands for the digits cut: the number is strictly between the kept digits and
            // the next number they can spell, and so is this.
            self.all.push(1);
            return nearest(estimate, &self.all, all_exponent - 1);
        }
        nearest(estimate, &self.all, all_exponent)
    }
}

fn finite(bytes: &[u8]) -> Option<f64> {
    let mut digits = Digits::default();
    let mut count = 0;
    let mut i = 0;
    while let Some(&b) = bytes.get(i).filter(|b| b.is_ascii_digit()) {
        digits.add(b - b'0', false);
        count += 1;
        i += 1;
    }
    if bytes.get(i) == Some(&b'.') {
        i += 1;
        while let Some(&b) = bytes.get(i).filter(|b| b.is_ascii_digit()) {
            digits.add(b - b'0', true);
            count += 1;
            i += 1;
        }
    }
    if count == 0 {
        return None;
    }
    let mut written: i64 = 0;
    if matches!(bytes.get(i), Some(b'e' | b'E')) {
        i += 1;
        let negative = match bytes.get(i) {
            Some(b'-') => {
                i += 1;
                true
            }
            Some(b'+') => {
                i += 1;
                false
            }
            _ => false,
        };
        let start = i;
        while let Some(&b) = bytes.get(i).filter(|b| b.is_ascii_digit()) {
            // Saturated far past any float's range, and past any count of digits a file
            // within the import's size limit can hold, so the digits' own place still counts.
            written = (written * 10 + i64::from(b - b'0')).min(1_000_000_000_000_000);
            i += 1;
        }
        if i == start {
            return None;
        }
        if negative {
            written = -written;
        }
    }
    if i != bytes.len() {
        return None;
    }
    Some(digits.value(written))
}

/// Powers of ten that are exact as floats (10^22 is the last).
const EXACT_POWERS: i64 = 22;

/// `mantissa × 10^exponent`.
fn scale(mantissa: u64, exponent: i64) -> f64 {
    let m = mantissa as f64;
    if mantissa == 0 {
        return 0.0;
    }
    if mantissa < (1 << 53) && exponent.abs() <= EXACT_POWERS {
        // Both factors are exact, so the one operation rounds correctly.
        let power = power_of_ten(exponent.unsigned_abs() as i32);
        return if exponent < 0 { m / power } else { m * power };
    }
    // Outside the exact range: steps of exact powers, each rounding once.
    let mut value = m;
    let mut left = exponent;
    while left > 0 {
        let step = left.min(EXACT_POWERS);
        value *= power_of_ten(step as i32);
        left -= step;
        if value.is_infinite() {
            return value;
        }
    }
    while left < 0 {
        let step = (-left).min(EXACT_POWERS);
        value /= power_of_ten(step as i32);
        left += step;
        if value == 0.0 {
            return value;
        }
    }
    value
}

/// 10^n for 0 ≤ n ≤ 22, exact: every intermediate product is a representable integer.
fn power_of_ten(n: i32) -> f64 {
    (0..n).fold(1.0, |p, _| p * 10.0)
}

/// A count with its thousands separated, as messages and results write it: `20000000` →
/// `20,000,000`.
pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {

    #[test]
    fn counts_have_their_thousands_separated() {
        assert_eq!(super::thousands(0), "0");
        assert_eq!(super::thousands(999), "999");
        assert_eq!(super::thousands(1_000), "1,000");
        assert_eq!(super::thousands(10_000), "10,000");
        assert_eq!(super::thousands(20_000_000), "20,000,000");
    }

    use super::parse_decimal;

    /// 2^1024 − 2^970, halfway between the largest float and 2^1024, in decimal digits.
    fn largest_tie() -> String {
        let mut digits = vec![1u32];
        let double = |digits: &mut Vec<u32>| {
            let mut carry = 0;
            for d in digits.iter_mut() {
                let v = *d * 2 + carry;
                *d = v % 10;
                carry = v / 10;
            }
            if carry > 0 {
                digits.push(carry);
            }
        };
        for _ in 0..970 {
            double(&mut digits);
        }
        // 2^970 × (2^54 − 1)
        let factor: u64 = (1 << 54) - 1;
        let mut product = vec![0u64; digits.len() + 20];
        for (i, &d) in digits.iter().enumerate() {
            let mut carry = u64::from(d) * factor;
            let mut j = i;
            while carry > 0 {
                carry += product[j];
                product[j] = carry % 10;
                carry /= 10;
                j += 1;
            }
        }
        while product.last() == Some(&0) {
            product.pop();
        }
        product.iter().rev().map(|d| char::from(b'0' + *d as u8)).collect()
    }

    /// 5^`n` in decimal digits.
    fn power_of_five(n: usize) -> String {
        let mut digits = vec![1u32];
        for _ in 0..n {
            let mut carry = 0;
            for d in digits.iter_mut() {
                let v = *d * 5 + carry;
                *d = v % 10;
                carry = v / 10;
            }
            while carry > 0 {
                digits.push(carry % 10);
                carry /= 10;
            }
        }
        digits.iter().rev().map(|d| char::from(b'0' + *d as u8)).collect()
    }

    /// A small deterministic generator of numbers below its argument, for test inputs.
    fn xorshift(mut state: u64) -> impl FnMut(u64) -> u64 {
        move |below| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state % below
        }
    }

    #[test]
    fn accepts_what_the_standard_library_accepts() {
        for text in [
            "0",
            "12.5",
            "-3",
            "+4",
            ".5",
            "5.",
            "-.5",
            "1e3",
            "1E-3",
            "2.5e+2",
            "007",
            "0.004",
            "187.5",
            "96",
            "1.0",
            "inf",
            "-Infinity",
            "NaN",
            "nan",
            "0.3333333333333333",
            "1e400",
            "1e-400",
        ] {
            let want: f64 = text.parse().unwrap();
            let got = parse_decimal(text).unwrap_or_else(|| panic!("{text} is a number"));
            assert!(
                got.to_bits() == want.to_bits() || got.is_nan() && want.is_nan(),
                "{text}: {got} vs {want}"
            );
        }
    }

    #[test]
    fn refuses_what_the_standard_library_refuses() {
        for text in [
            "", ".", "-", "+", "e3", "1e", "1e+", "1.2.3", " 1", "1 ", "12,5", "abc", "0x10", "1_000",
            "infinit", "--1",
        ] {
            assert!(text.parse::<f64>().is_err(), "{text}");
            assert_eq!(parse_decimal(text), None, "{text}");
        }
    }

    /// Long numbers (an exported bundle writes up to 17 digits), exponents out to the ends of
    /// the float range, and the hardest cases: halfway between two floats, and either side of
    /// the smallest and largest floats.
    #[test]
    fn long_numbers_are_read_to_the_last_bit() {
        let same = |text: &str| {
            let want: f64 = text.parse().unwrap();
            assert_eq!(parse_decimal(text).map(f64::to_bits), Some(want.to_bits()), "{text}");
        };
        for text in [
            "0.30000000000000004",
            "9007199254740993",
            "9007199254740995",
            "123456789012345678901234567890",
            "1.7976931348623157e308",
            "1.7976931348623158e308",
            "1.7976931348623159e308",
            "2.2250738585072011e-308",
            "2.2250738585072014e-308",
            "4.9406564584124654e-324",
            "2.4703282292062327e-324",
            "2.4703282292062328e-324",
            "7.4109846876186982e-324",
            "1e-350",
            "1e310",
            "0.000000000000000000000000000000000000001",
        ] {
            same(text);
        }
        // Halfway between 1 and the float after it, then a hair either side, past 800 digits.
        let half = "1.00000000000000011102230246251565404236316680908203125";
        same(half);
        same(&format!("{half}{}1", "0".repeat(900)));
        same(&format!("1.00000000000000011102230246251565404236316680908203124{}", "9".repeat(900)));
        // Exact ties at the ends of the range: halfway between the largest float and 2^1024
        // (rounds to infinity), and between 0 and the smallest float, 2^-1075 (rounds to 0).
        let tie = largest_tie();
        assert!(tie.len() == 309 && tie.starts_with("17976931348623158079") && tie.ends_with("904174497792"));
        assert!(power_of_five(1075).len() == 752 && power_of_five(1075).starts_with("247032822920"));
        assert_eq!(parse_decimal(&tie), Some(f64::INFINITY));
        same(&largest_tie());
        // A long run of digits with an exponent that brings it back into range.
        same(&format!("1{}e-300000", "0".repeat(200_000)));
        same(&format!("1{}e-199700", "0".repeat(200_000)));
        same("1e99999999999999999999");
        same("-1e-99999999999999999999");
        let smallest_tie = format!("{}e-1075", power_of_five(1075));
        assert_eq!(parse_decimal(&smallest_tie), Some(0.0));
        same(&smallest_tie);
        let mut next = xorshift(0x9e37_79b9_7f4a_7c15);
        for _ in 0..20_000 {
            let digits = 16 + next(8) as usize;
            let mut text: String = (0..digits).map(|_| char::from(b'1' + next(9) as u8)).collect();
            text.insert(1, '.');
            text.push_str(&format!("e{}", next(640) as i64 - 325));
            same(&text);
        }
    }

    #[test]
    fn short_numbers_are_read_to_the_last_bit() {
        // Numbers of up to 15 significant digits with a point or an exponent, as a reader
        // writes them; a small deterministic generator instead of a fixed list.
        let mut next = xorshift(0x2545_f491_4f6c_dd1d);
        for _ in 0..20_000 {
            let digits = 1 + next(15) as usize;
            let mut text: String = (0..digits).map(|_| char::from(b'0' + next(10) as u8)).collect();
            match next(3) {
                0 => text.insert(next(digits as u64 + 1) as usize, '.'),
                1 => text.push_str(&format!("e{}", next(15) as i64 - 7)),
                _ => {}
            }
            let want: f64 = text.parse().unwrap();
            assert_eq!(parse_decimal(&text).map(f64::to_bits), Some(want.to_bits()), "{text}");
        }
    }
}
