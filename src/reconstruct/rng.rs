//! A small, portable pseudo-random generator for the reconstruction.
//!
//! The reconstruction must be reproducible bit for bit from its seed, natively and in the
//! browser, so it uses no library generator whose algorithm could change between versions:
//! xoshiro256** (Blackman and Vigna, 2018), seeded through SplitMix64 as its authors
//! recommend. Draws use only integer operations, additions and multiplications, never
//! `ln`, `exp` or `cos`, whose last bit may differ between the host's libm and the one
//! compiled into WebAssembly.

/// SplitMix64 (Steele, Lea and Flood, 2014): one step of a counter passed through a
/// bijective mixer. Used only to expand a seed into a xoshiro state, and to derive
/// independent streams from one seed.
pub fn split_mix64(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// xoshiro256**: 256 bits of state, period 2^256 − 1, passes BigCrush.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rng {
    s: [u64; 4],
}

impl Rng {
    /// The generator for `stream` of `seed`. Each part of the reconstruction draws from its
    /// own stream, so that the response data of a seed do not depend on how many draws the
    /// cell counts needed (and the ensemble can skip the cell counts entirely).
    pub fn stream(seed: u64, stream: u64) -> Rng {
        let mut mixer = seed;
        let base = split_mix64(&mut mixer);
        let mut state = base ^ stream.wrapping_mul(0xD1B5_4A32_D192_ED03);
        let s = [
            split_mix64(&mut state),
            split_mix64(&mut state),
            split_mix64(&mut state),
            split_mix64(&mut state),
        ];
        // SplitMix64 is a bijection of a counter, so four consecutive outputs are never all
        // zero: the state is valid for xoshiro.
        Rng { s }
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        let result = self.s[1].wrapping_mul(5).rotate_left(7).wrapping_mul(9);
        let t = self.s[1] << 17;
        self.s[2] ^= self.s[0];
        self.s[3] ^= self.s[1];
        self.s[1] ^= self.s[2];
        self.s[0] ^= self.s[3];
        self.s[2] ^= t;
        self.s[3] = self.s[3].rotate_left(45);
        result
    }

    /// Uniform on [0, 1), with 53 random bits.
    pub fn uniform(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
    }

    /// Uniform on [low, high).
    pub fn between(&mut self, low: f64, high: f64) -> f64 {
        low + (high - low) * self.uniform()
    }

    /// Uniform index in `0..n` (`n > 0`), by Lemire's multiply-shift; the bias, below
    /// n / 2^64, is far beneath anything the reconstruction could show.
    pub fn index(&mut self, n: usize) -> usize {
        ((u128::from(self.next_u64()) * n as u128) >> 64) as usize
    }

    /// An approximately standard normal draw: the sum of twelve uniforms minus six
    /// (Irwin–Hall). Mean 0 and variance 1 exactly, bounded to ±6; it needs no
    /// transcendental function, so it is identical on every platform.
    pub fn normal(&mut self) -> f64 {
        (0..12).map(|_| self.uniform()).sum::<f64>() - 6.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn split_mix64_matches_the_reference_sequence() {
        // First outputs of the reference C implementation seeded with 1234567.
        let mut state = 1_234_567u64;
        let got: Vec<u64> = (0..3).map(|_| split_mix64(&mut state)).collect();
        assert_eq!(
            got,
            vec![6_457_827_717_110_365_317, 3_203_168_211_198_807_973, 9_817_491_932_198_370_423]
        );
    }

    #[test]
    fn xoshiro_matches_the_reference_step() {
        // Reference: xoshiro256** with state {1, 2, 3, 4} yields 11520, 0, 1509978240.
        let mut rng = Rng { s: [1, 2, 3, 4] };
        assert_eq!([rng.next_u64(), rng.next_u64(), rng.next_u64()], [11520, 0, 1_509_978_240]);
    }

    #[test]
    fn streams_of_one_seed_differ() {
        let a = Rng::stream(7, 0).next_u64();
        let b = Rng::stream(7, 1).next_u64();
        assert_ne!(a, b);
        assert_eq!(a, Rng::stream(7, 0).next_u64());
    }

    #[test]
    fn normal_draws_have_unit_spread() {
        let mut rng = Rng::stream(1, 0);
        let draws: Vec<f64> = (0..20_000).map(|_| rng.normal()).collect();
        let mean = draws.iter().sum::<f64>() / draws.len() as f64;
        let var = draws.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / (draws.len() - 1) as f64;
        assert!(mean.abs() < 0.03, "mean {mean}");
        assert!((var - 1.0).abs() < 0.04, "variance {var}");
        assert!(draws.iter().all(|x| x.abs() <= 6.0));
    }

    #[test]
    fn index_stays_in_range_and_covers_it() {
        let mut rng = Rng::stream(3, 0);
        let mut seen = [false; 5];
        for _ in 0..200 {
            seen[rng.index(5)] = true;
        }
        assert!(seen.iter().all(|&s| s));
    }
}
