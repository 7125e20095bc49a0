//! The float nearest to a decimal number, exactly: a quick estimate is corrected by comparing
//! the decimal with the midpoints between neighbouring floats in whole-number arithmetic.
//!
//! `decimal::parse_decimal` reads short numbers exactly with one multiplication; a number of 16
//! or more digits, or with a large exponent, is first estimated to within a few units in the
//! last place and then brought here. So an exported bundle, whose floats are written with up
//! to 17 digits, reads back to the same bits, without the standard library's tables.

use std::cmp::Ordering;

/// Significant digits kept: the exact value of any midpoint between two floats has at most
/// 767, so a longer number can be cut to this many digits plus one nonzero "sticky" digit
/// standing for the rest without changing which float is nearest.
pub(crate) const MAX_DIGITS: usize = 800;

/// The float nearest to `digits` (decimal digits, most significant first, no leading zero)
/// times 10^`exponent`, ties to even; `estimate` is a float near it (infinite when the
/// estimate overflowed).
pub(crate) fn nearest(estimate: f64, digits: &[u8], exponent: i64) -> f64 {
    if digits.is_empty() {
        return 0.0;
    }
    // The number is below 10^magnitude and at least 10^(magnitude - 1).
    let magnitude = digits.len() as i64 + exponent;
    if magnitude > 310 {
        return f64::INFINITY;
    }
    if magnitude < -343 {
        return 0.0;
    }
    let value = Big::from_digits(digits);
    let versus_midpoint_above = |z: f64| {
        let (m, k) = parts(z);
        compare(&value, exponent, 2 * m + 1, k - 1)
    };
    let mut z = if estimate.is_finite() { estimate.abs() } else { f64::MAX };
    // Each turn moves one float towards the number; the estimate is a few floats away.
    for _ in 0..1000 {
        let odd = parts(z).0 & 1 == 1;
        match versus_midpoint_above(z) {
            Ordering::Greater => {
                z = f64::from_bits(z.to_bits() + 1);
                if z.is_infinite() {
                    return z;
                }
                continue;
            }
            Ordering::Equal if odd => return f64::from_bits(z.to_bits() + 1),
            _ => {}
        }
        if z == 0.0 {
            return z;
        }
        let down = f64::from_bits(z.to_bits() - 1);
        match versus_midpoint_above(down) {
            Ordering::Less => z = down,
            Ordering::Equal if odd => return down,
            _ => return z,
        }
    }
    z
}

/// `z` (positive, finite) as m × 2^k with m a whole number.
fn parts(z: f64) -> (u64, i64) {
    let bits = z.to_bits();
    let fraction = bits & ((1 << 52) - 1);
    match (bits >> 52) & 0x7ff {
        0 => (fraction, -1074),
        e => (fraction | (1 << 52), e as i64 - 1075),
    }
}

/// `value` × 10^`exponent` against `m` × 2^`k`.
fn compare(value: &Big, exponent: i64, m: u64, k: i64) -> Ordering {
    let (mut x, mut y) = (value.clone(), Big::from_u64(m));
    let (mut x_twos, mut y_twos) = (0, k);
    if exponent >= 0 {
        x.mul_pow5(exponent as u32);
        x_twos = exponent;
    } else {
        y.mul_pow5(exponent.unsigned_abs() as u32);
        y_twos -= exponent;
    }
    if x_twos > y_twos {
        x.shl((x_twos - y_twos) as u32);
    } else {
        y.shl((y_twos - x_twos) as u32);
    }
    x.cmp(&y)
}

/// A whole number of any size, in 32-bit words, least significant first.
#[derive(Clone)]
struct Big(Vec<u32>);

impl Big {
    fn from_u64(n: u64) -> Big {
        Big(vec![n as u32, (n >> 32) as u32])
    }

    /// Nine digits at a time.
    fn from_digits(digits: &[u8]) -> Big {
        let mut big = Big(Vec::new());
        for chunk in digits.chunks(9) {
            let chunk_value = chunk.iter().fold(0u32, |n, &d| n * 10 + u32::from(d));
            big.mul_add(10u32.pow(chunk.len() as u32), chunk_value);
        }
        big
    }

    /// self × `factor` + `add`.
    fn mul_add(&mut self, factor: u32, add: u32) {
        let mut carry = u64::from(add);
        for word in &mut self.0 {
            let product = u64::from(*word) * u64::from(factor) + carry;
            *word = product as u32;
            carry = product >> 32;
        }
        if carry > 0 {
            self.0.push(carry as u32);
        }
    }

    /// self × 5^`n`, thirteen fives (the most that fit a word) at a time.
    fn mul_pow5(&mut self, mut n: u32) {
        while n > 0 {
            let step = n.min(13);
            self.mul_add(5u32.pow(step), 0);
            n -= step;
        }
    }

    /// self × 2^`bits`.
    fn shl(&mut self, bits: u32) {
        let (words, bits) = ((bits / 32) as usize, bits % 32);
        if bits > 0 {
            let mut carry = 0;
            for word in &mut self.0 {
                let shifted = (*word << bits) | carry;
                carry = *word >> (32 - bits);
                *word = shifted;
            }
            if carry > 0 {
                self.0.push(carry);
            }
        }
        self.0.splice(0..0, std::iter::repeat_n(0, words));
    }

    fn cmp(&self, other: &Big) -> Ordering {
        let significant = |b: &Big| b.0.iter().rposition(|&w| w != 0).map_or(0, |i| i + 1);
        let (a, b) = (significant(self), significant(other));
        a.cmp(&b).then_with(|| self.0[..a].iter().rev().cmp(other.0[..b].iter().rev()))
    }
}
