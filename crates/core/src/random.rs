//! Seeded randomness for the Monte Carlo runs. Its own small generator, not a crate's, so the
//! same seed gives the same draws natively, in the page and in a Web Worker, on every version.

pub mod math;
mod ziggurat;

/// SplitMix64's increment: the golden ratio in 64 bits.
const GOLDEN: u64 = 0x9E37_79B9_7F4A_7C15;

/// SplitMix64's output function: a bijection on u64 that scatters nearby inputs.
fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// xoshiro256** (Blackman and Vigna, 2018), seeded through SplitMix64 as its authors advise.
#[derive(Clone, Debug)]
pub struct Rng {
    state: [u64; 4],
}

impl Rng {
    pub fn seeded(seed: u64) -> Self {
        let step = |k: u64| mix(seed.wrapping_add(GOLDEN.wrapping_mul(k)));
        Rng { state: [step(1), step(2), step(3), step(4)] }
    }

    /// The generator of stream `index` of a seed: any stream starts without running the ones
    /// before it, so a run split into numbered blocks can be drawn block by block, anywhere.
    pub fn stream(seed: u64, index: u64) -> Self {
        Rng::seeded(mix(seed) ^ index)
    }

    #[inline(always)]
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

    /// Uniform in [0, 1).
    #[inline(always)]
    pub fn unit(&mut self) -> f64 {
        unit_from(self.next_u64())
    }

    pub fn uniform(&mut self, low: f64, high: f64) -> f64 {
        low + (high - low) * self.unit()
    }

    /// Standard normal.
    #[inline(always)]
    pub fn normal(&mut self) -> f64 {
        ziggurat::normal(self)
    }

    /// e^(σZ): a factor whose logarithm is normal with spread σ, centred on 1.
    #[inline(always)]
    pub fn lognormal(&mut self, sigma: f64) -> f64 {
        math::exp(sigma * self.normal())
    }
}

/// Uniform in [0, 1) from the top 53 bits of a generator step.
#[inline(always)]
fn unit_from(bits: u64) -> f64 {
    (bits >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
}

/// Uniform in log space: every factor of ten in [low, high] is equally likely. The logarithms
/// are taken once, not at every draw.
#[derive(Clone, Copy, Debug)]
pub struct LogUniform {
    ln_low: f64,
    ln_span: f64,
}

impl LogUniform {
    /// `low` and `high` positive.
    pub fn new(low: f64, high: f64) -> Self {
        let ln_low = math::ln(low);
        LogUniform { ln_low, ln_span: math::ln(high) - ln_low }
    }

    #[inline(always)]
    pub fn sample(&self, rng: &mut Rng) -> f64 {
        math::exp(self.ln_low + self.ln_span * rng.unit())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_draws() {
        let draws = |mut rng: Rng| (0..100).map(|_| rng.next_u64()).collect::<Vec<_>>();
        assert_eq!(draws(Rng::seeded(42)), draws(Rng::seeded(42)));
        assert_ne!(draws(Rng::seeded(42)), draws(Rng::seeded(43)));
        assert_eq!(draws(Rng::stream(42, 3)), draws(Rng::stream(42, 3)));
        assert_ne!(draws(Rng::stream(42, 3)), draws(Rng::stream(42, 4)));
        assert_ne!(draws(Rng::stream(42, 3)), draws(Rng::stream(43, 3)));
    }

    #[test]
    fn draws_stay_in_range_and_fill_it() {
        let mut rng = Rng::seeded(7);
        let pay = LogUniform::new(0.005, 0.05);
        let draws: Vec<f64> = (0..10_000).map(|_| pay.sample(&mut rng)).collect();
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
        let variance = draws.iter().map(|z| (z - mean).powi(2)).sum::<f64>() / draws.len() as f64;
        assert!(mean.abs() < 0.03, "{mean}");
        assert!((within_one - 0.6827).abs() < 0.01, "{within_one}");
        assert!((variance - 1.0).abs() < 0.03, "{variance}");
    }

    #[test]
    fn lognormal_factors_are_centred_on_one() {
        let mut rng = Rng::seeded(13);
        let draws: Vec<f64> = (0..20_000).map(|_| rng.lognormal(0.5)).collect();
        let below_one = draws.iter().filter(|&&x| x < 1.0).count() as f64 / draws.len() as f64;
        // E[e^(σZ)] = e^(σ²/2).
        let mean = draws.iter().sum::<f64>() / draws.len() as f64;
        assert!((below_one - 0.5).abs() < 0.01, "{below_one}");
        assert!((mean / 0.125f64.exp() - 1.0).abs() < 0.01, "{mean}");
    }
}
