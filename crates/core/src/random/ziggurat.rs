//! Standard normal draws by Marsaglia and Tsang's ziggurat (2000), with 256 layers. Almost every
//! draw costs one generator step, a multiplication and a comparison, where Box and Muller's
//! transform costs a logarithm, a square root and a cosine; the band takes fifteen normals a draw.
//!
//! The density e^(-x²/2) is covered by 256 stacked pieces of equal area: a base (a rectangle
//! plus the tail beyond R) and 255 rectangles. A draw picks a piece and a point across its
//! width; inside the part of the rectangle that lies wholly under the curve it is done, which
//! is about 99% of draws. Otherwise it tests the sliver against the curve, or samples the tail.

use super::math::{exp, ln};
use super::Rng;

/// Where the base rectangle ends and the tail begins, and every piece's area, for 256 pieces.
const R: f64 = 3.654_152_885_361_009;
const AREA: f64 = 4.928_673_233_99e-3;

/// `x[i]`: the width of piece i (the base's is its area over its height), decreasing to
/// `x[256] = 0`; `y[i]` = e^(-x[i]²/2), the curve's height there. Computed while compiling, so
/// the same on every target.
struct Layers {
    x: [f64; 257],
    y: [f64; 257],
}

static LAYERS: Layers = Layers::new();

impl Layers {
    const fn new() -> Layers {
        let (mut x, mut y) = ([0.0; 257], [0.0; 257]);
        x[0] = AREA / density(R);
        x[1] = R;
        let mut i = 1;
        while i < 256 {
            y[i] = density(x[i]);
            // The next piece up has the same area: x[i] (y[i+1] - y[i]) = AREA.
            if i < 255 {
                x[i + 1] = sqrt(-2.0 * ln(y[i] + AREA / x[i]));
            }
            i += 1;
        }
        y[0] = density(x[0]);
        y[256] = 1.0;
        Layers { x, y }
    }
}

/// The standard normal density without its constant factor.
const fn density(x: f64) -> f64 {
    exp(-0.5 * x * x)
}

/// Newton's iteration, for the tables only: `f64::sqrt` cannot run while compiling.
const fn sqrt(a: f64) -> f64 {
    // Halving the exponent's bits is a first guess within a factor of √2.
    let mut root = f64::from_bits((a.to_bits() >> 1) + (1023 << 51));
    let mut step = 0;
    while step < 8 {
        root = 0.5 * (root + a / root);
        step += 1;
    }
    root
}

pub(super) fn normal(rng: &mut Rng) -> f64 {
    let layers = &LAYERS;
    loop {
        // One draw gives the piece (the low 8 bits) and the point across it, with its sign (the
        // top 53), so the two are independent.
        let bits = rng.next_u64();
        let i = (bits & 0xFF) as usize;
        let across = 2.0 * super::unit_from(bits) - 1.0;
        let x = across * layers.x[i];
        if x.abs() < layers.x[i + 1] {
            return x;
        }
        if i == 0 {
            return tail(rng).copysign(across);
        }
        let height = layers.y[i] + (layers.y[i + 1] - layers.y[i]) * rng.unit();
        if height < density(x) {
            return x;
        }
    }
}

/// A draw from the normal beyond R (Marsaglia, 1964).
#[cold]
fn tail(rng: &mut Rng) -> f64 {
    loop {
        let beyond = -ln(1.0 - rng.unit()) / R;
        let check = -ln(1.0 - rng.unit());
        if 2.0 * check > beyond * beyond {
            return R + beyond;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_pieces_stack_up_to_the_peak_with_equal_areas() {
        let Layers { x, y } = &LAYERS;
        assert!(x.windows(2).all(|w| w[0] > w[1]), "widths decrease");
        assert!(y[..256].windows(2).all(|w| w[0] < w[1]), "heights increase");
        for i in 1..255 {
            let area = x[i] * (y[i + 1] - y[i]);
            assert!((area / AREA - 1.0).abs() < 1e-9, "piece {i}: {area}");
        }
        // The top piece reaches the peak: its area is what the published constants leave.
        assert!((x[255] * (1.0 - y[255]) / AREA - 1.0).abs() < 1e-6);
        // The base: rectangle plus tail, the tail being √(π/2) erfc(R/√2).
        let tail = 3.233_957_646_633_217e-4;
        assert!(((R * y[1] + tail) / AREA - 1.0).abs() < 1e-9);
    }

    #[test]
    fn the_tables_square_root_is_the_platform_s_to_an_ulp() {
        for a in [1e-300, 0.01, 0.5, 2.0, 3.0, 13.3, 1e300] {
            assert!((sqrt(a).to_bits() as i64).abs_diff(a.sqrt().to_bits() as i64) <= 1, "{a}");
        }
    }

    #[test]
    fn the_tail_is_as_heavy_as_the_normal_s() {
        let mut rng = Rng::seeded(5);
        let n = 2_000_000;
        let (mut beyond_2, mut beyond_r) = (0, 0);
        for _ in 0..n {
            let z: f64 = normal(&mut rng).abs();
            beyond_2 += (z > 2.0) as usize;
            beyond_r += (z > R) as usize;
        }
        // P(|Z| > 2) = 0.045500, P(|Z| > R) = 0.00025803; allow four standard errors.
        let within = |count: usize, p: f64| {
            let expected = p * n as f64;
            (count as f64 - expected).abs() < 4.0 * (expected * (1.0 - p)).sqrt()
        };
        assert!(within(beyond_2, 0.045_500), "{beyond_2}");
        assert!(within(beyond_r, 0.000_258_03), "{beyond_r}");
    }
}
