//! Seeded randomness for the Monte Carlo runs. Its own small generator, not a crate's, so the
//! same seed gives the same draws natively, in the page and in a Web Worker, on every version.

/// xoshiro256** (Blackman and Vigna, 2018), seeded through SplitMix64 as its authors advise.
#[derive(Clone, Debug)]
pub struct Rng {
    state: [u64; 4],
}

impl Rng {
    pub fn seeded(seed: u64) -> Self {
        let mut mix = seed;
        let mut next = || {
            mix = mix.wrapping_add(0x9E37_79B9_7F4A_7C15);
            let mut z = mix;
            z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
            z ^ (z >> 31)
        };
        Rng { state: [next(), next(), next(), next()] }
    }

    pub fn next_u64(&mut self) -> u64 {
        let s = &mut self.state;
        let result = s[1].wrapping_mul(5).rotate_left(7).wrapping_mul(9);
        let t = s[1] << 17;
        s[2] ^= s[0];
        s[3] ^= s[1];
        s[1] ^= s[2];
        s[0] ^= s[3];
        s[2] ^= t;
        s[3] = s[3].rotate_left(45);
        result
    }

    /// Uniform in [0, 1), from the top 53 bits.
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
    }

    pub fn uniform(&mut self, low: f64, high: f64) -> f64 {
        low + (high - low) * self.unit()
    }

    /// Standard normal, by Box and Muller's transform (one of the pair; simpler than caching).
    pub fn normal(&mut self) -> f64 {
        let radius = (-2.0 * (1.0 - self.unit()).ln()).sqrt();
        radius * (std::f64::consts::TAU * self.unit()).cos()
    }

    /// Uniform in log space: every factor of ten in the range is equally likely.
    pub fn log_uniform(&mut self, low: f64, high: f64) -> f64 {
        (low.ln() + (high.ln() - low.ln()) * self.unit()).exp()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_draws() {
        let draws = |seed| {
            (0..100)
                .map({
                    let mut rng = Rng::seeded(seed);
                    move |_| rng.next_u64()
                })
                .collect::<Vec<_>>()
        };
        assert_eq!(draws(42), draws(42));
        assert_ne!(draws(42), draws(43));
    }

    #[test]
    fn draws_stay_in_range_and_fill_it() {
        let mut rng = Rng::seeded(7);
        let draws: Vec<f64> = (0..10_000).map(|_| rng.log_uniform(0.005, 0.05)).collect();
        assert!(draws.iter().all(|&x| (0.005..0.05).contains(&x)));
        let below_geometric_mean = draws.iter().filter(|&&x| x < (0.005f64 * 0.05).sqrt()).count();
        assert!((4_700..5_300).contains(&below_geometric_mean), "{below_geometric_mean}");
    }

    #[test]
    fn normal_draws_have_unit_spread() {
        let mut rng = Rng::seeded(11);
        let draws: Vec<f64> = (0..20_000).map(|_| rng.normal()).collect();
        let mean = draws.iter().sum::<f64>() / draws.len() as f64;
        let within_one = draws.iter().filter(|z| z.abs() < 1.0).count() as f64 / draws.len() as f64;
        assert!(mean.abs() < 0.03, "{mean}");
        assert!((within_one - 0.6827).abs() < 0.01, "{within_one}");
    }
}
