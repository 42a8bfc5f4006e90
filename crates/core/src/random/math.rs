//! exp and ln from IEEE arithmetic alone. The standard library's come from the platform (glibc
//! natively, a port of musl's in WebAssembly) and may round the last bit differently, so a
//! Monte Carlo built on them gives a slightly different band in the browser than natively.
//! Addition, multiplication, division and square root round exactly alike on every target, so
//! these give the same bits everywhere, and they inline into the draw loop where a call to the
//! platform's would not. Both agree with the platform's to one unit in the last place (the tests
//! check). `const`, so the normal sampler's tables are computed while compiling.

/// ln 2 in two parts: `LN2_HI` has its low bits clear, so k · LN2_HI is exact for |k| < 2^20.
const LN2_HI: f64 = 0.693_147_180_369_123_8;
const LN2_LO: f64 = 1.908_214_929_270_587_7e-10;

/// e^x.
#[inline(always)]
pub const fn exp(x: f64) -> f64 {
    if x.is_nan() {
        return x;
    }
    if x > 709.782_712_893_384 {
        return f64::INFINITY;
    }
    if x < -745.133_219_101_941_2 {
        return 0.0;
    }
    // x = (32m + j) ln 2 / 32 + r with |r| ≤ ln 2 / 64, so e^x = 2^m 2^(j/32) e^r.
    let t = x * (32.0 * std::f64::consts::LOG2_E);
    let k = (t + if t < 0.0 { -0.5 } else { 0.5 }) as i32;
    let r = (x - k as f64 * (LN2_HI / 32.0)) - k as f64 * (LN2_LO / 32.0);
    let (m, j) = (k >> 5, (k & 31) as usize);
    // e^r - 1 by Taylor's series to r^6 / 6!: the first term left out is below 2^-58 for
    // |r| ≤ 0.011. 2^(j/32) (1 + p) is then within one rounding of e^x / 2^m.
    let r2 = r * r;
    let p = r + r2 * (0.5 + r * (1.0 / 6.0) + r2 * (1.0 / 24.0 + r * (1.0 / 120.0) + r2 * (1.0 / 720.0)));
    let sum = POWERS[j] + POWERS[j] * p;
    // 2^m in two steps, so a result near the ends of the range neither overflows nor underflows
    // before it should.
    let (a, b) = if m > 1000 {
        (m - 1000, 1000)
    } else if m < -1000 {
        (m + 1000, -1000)
    } else {
        (m, 0)
    };
    sum * power_of_two(a) * power_of_two(b)
}

/// ln x.
#[inline(always)]
pub const fn ln(x: f64) -> f64 {
    if x.is_nan() || x < 0.0 {
        return f64::NAN;
    }
    if x == 0.0 {
        return f64::NEG_INFINITY;
    }
    if x.is_infinite() {
        return x;
    }
    // x = 2^k m with m in [√½, √2).
    let (mut bits, mut k) = (x.to_bits(), 0);
    if bits < 1 << 52 {
        // Subnormal: scale into the normal range first.
        bits = (x * 18_014_398_509_481_984.0).to_bits(); // 2^54
        k = -54;
    }
    k += (bits >> 52) as i32 - 1023;
    let mut m = f64::from_bits((bits & ((1 << 52) - 1)) | (1023 << 52));
    if m > std::f64::consts::SQRT_2 {
        m *= 0.5;
        k += 1;
    }
    // With f = m - 1 (exact) and s = f / (2 + f): ln m = 2 atanh s = 2s + s R(s²), where
    // R = 2 (s²/3 + s⁴/5 + …); and 2s = f - s f, so ln m = f - (f²/2 - s (f²/2 + R)), which
    // keeps f, the largest part, exact. |s| < 0.172, so eleven terms of R reach 2^-60.
    let f = m - 1.0;
    let s = f / (2.0 + f);
    let z = s * s;
    let series = z * horner(&LN_SERIES, z);
    let half_f2 = 0.5 * f * f;
    let ln_m = f - (half_f2 - s * (half_f2 + series));
    k as f64 * LN2_HI + (k as f64 * LN2_LO + ln_m)
}

/// x^y for positive x.
#[inline(always)]
pub const fn pow(x: f64, y: f64) -> f64 {
    exp(y * ln(x))
}

/// 2^(j/32) for j = 0 to 31, each the double nearest the true value (worked out to sixty
/// digits, then rounded once).
#[rustfmt::skip]
const POWERS: [f64; 32] = [
    1.0,
    1.0218971486541166,
    1.0442737824274138,
    1.0671404006768237,
    1.0905077326652577,
    1.1143867425958924,
    1.1387886347566916,
    1.1637248587775775,
    1.189207115002721,
    1.215247359980469,
    1.241857812073484,
    1.2690509571917332,
    1.2968395546510096,
    1.3252366431597413,
    1.3542555469368927,
    1.383909881963832,
    std::f64::consts::SQRT_2,
    1.4451808069770467,
    1.4768261459394993,
    1.5091644275934228,
    1.5422108254079407,
    1.5759808451078865,
    1.6104903319492543,
    1.645755478153965,
    1.681792830507429,
    1.718619298122478,
    1.7562521603732995,
    1.7947090750031072,
    1.8340080864093424,
    1.8741676341103,
    1.9152065613971474,
    1.9571441241754002,
];

/// 2 / (2n + 3) for n = 0 to 10: 2/3, 2/5, … 2/23.
const LN_SERIES: [f64; 11] = {
    let (mut terms, mut n) = ([0.0; 11], 0);
    while n < 11 {
        terms[n] = 2.0 / (2 * n + 3) as f64;
        n += 1;
    }
    terms
};

/// c₀ + c₁x + c₂x² + … by Horner's rule.
#[inline(always)]
const fn horner(coefficients: &[f64], x: f64) -> f64 {
    let (mut sum, mut i) = (0.0, coefficients.len());
    while i > 0 {
        i -= 1;
        sum = sum * x + coefficients[i];
    }
    sum
}

/// 2^k for k in the normal exponents [-1022, 1023].
#[inline(always)]
const fn power_of_two(k: i32) -> f64 {
    f64::from_bits(((k + 1023) as u64) << 52)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Distance in units of the last place.
    fn ulps(a: f64, b: f64) -> u64 {
        (a.to_bits() as i64).abs_diff(b.to_bits() as i64)
    }

    #[test]
    fn the_table_holds_the_powers_of_two() {
        for (j, power) in POWERS.iter().enumerate() {
            assert!(ulps(*power, (j as f64 / 32.0).exp2()) <= 1, "2^({j}/32)");
        }
    }

    #[test]
    fn ln_2_splits_into_an_exact_high_part_and_the_rest() {
        assert_eq!(LN2_HI.to_bits() & 0x1F_FFFF, 0, "k · LN2_HI must be exact");
        assert_eq!(LN2_HI + LN2_LO, std::f64::consts::LN_2);
    }

    #[test]
    fn exp_matches_the_platform_to_an_ulp() {
        let mut worst = 0;
        for i in -200_000..=200_000 {
            let x = i as f64 * 0.003_541; // -708 to 708, through every reduction step
            worst = worst.max(ulps(exp(x), x.exp()));
        }
        for x in [-1e-300, 1e-17, 0.346, -0.346, 0.5, 1.0, 20.5, -744.0, 709.7] {
            worst = worst.max(ulps(exp(x), x.exp()));
        }
        assert!(worst <= 1, "{worst} ulps");
        assert_eq!(exp(0.0), 1.0);
        assert!(ulps(exp(1.0), std::f64::consts::E) <= 1);
        assert_eq!((exp(710.0), exp(-746.0)), (f64::INFINITY, 0.0));
        assert!(exp(f64::NAN).is_nan());
    }

    #[test]
    fn ln_matches_the_platform_to_an_ulp() {
        let mut worst = 0;
        for i in 1..=400_000 {
            let x = (i as f64 * 0.0017 - 300.0).exp(); // e^-300 to e^380
            worst = worst.max(ulps(ln(x), x.ln()));
        }
        for x in [1.0 + 1e-15, 1.0 - 1e-16, 0.707, 1.414, 1.415, 2.0, 10.0, 5e-324, 1e-310, f64::MAX] {
            worst = worst.max(ulps(ln(x), x.ln()));
        }
        assert!(worst <= 1, "{worst} ulps");
        assert_eq!(ln(1.0), 0.0);
        assert_eq!(ln(std::f64::consts::E), 1.0);
        assert_eq!((ln(0.0), ln(f64::INFINITY)), (f64::NEG_INFINITY, f64::INFINITY));
        assert!(ln(-1.0).is_nan() && ln(f64::NAN).is_nan());
    }
}
