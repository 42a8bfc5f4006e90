//! The model against its specification's reference values (docs/talent-model.md, "The optimum")
//! and hand computation, and its guards against degenerate inputs.

use super::*;
use crate::random::Rng;

fn close(actual: f64, expected: f64, tolerance: f64) {
    assert!((actual - expected).abs() <= tolerance, "{actual} is not within {tolerance} of {expected}");
}

#[test]
fn pure_allocations_match_hand_computation_and_the_spec() {
    let p = Params::default();
    let model = Model::new(&p);
    // c = 0: 7,000/5 = 1,400 firms, no stock, so each builds its 50 KSLOC and works the rest of 12·5·3 PM.
    let build = 2.4 * 50f64.powf(1.05);
    let all_distributed = 1_400.0 * 300.0 * (1.0 - (-(180.0 - build) / 300.0).exp());
    // c = 1: six labs of 7,000/6, each with half its effort on applications, at q = 1/(0.71·0.76).
    let lab_application = 0.5 * (7_000.0f64 / 6.0) * 36.0 / (0.71 * 0.76);
    let all_pooled = 6.0 * 6_000.0 * (1.0 - (-lab_application / 6_000.0).exp());
    close(model.at(0.0).v_total, all_distributed, 1e-9 * all_distributed);
    close(model.at(1.0).v_total, all_pooled, 1e-9 * all_pooled);
    close(all_distributed, 45_095.46, 0.005);
    close(all_pooled, 35_945.13, 0.005);
}

/// The spec's brute force used a grid of 1e-5 in c, so c* is known to ±5e-6 on top of its 4
/// decimals; S moves 64,000 KSLOC per unit of c there, hence its looser tolerance.
#[test]
fn optimum_at_defaults_is_interior_and_the_spec_reference() {
    let best = optimum(&Params::default());
    close(best.c_star, 0.1285, 6e-5);
    close(best.value, 168_914.56, 0.01);
    close(best.gain, 3.746, 5e-4);
    assert_eq!(best.gain_over_distributed, Some(best.gain), "V(0) > V(1) at the defaults: both gains agree");
    close(best.all_distributed, 45_095.46, 0.005);
    close(best.all_pooled, 35_945.13, 0.005);
    close(best.at.stock_ksloc, 8_686.7, 1.0);
    close(best.at.kappa, 0.9690, 5e-5);
    close(best.at.firm_platform_effort, 23.810, 5e-4);
}

fn brute_force(params: &Params) -> (f64, f64) {
    let model = Model::new(params);
    (0..=100_000).map(|i| (i as f64 * 1e-5, model.at(i as f64 * 1e-5).v_total)).fold(
        (0.0, f64::MIN),
        |best, x| {
            if x.1 > best.1 {
                x
            } else {
                best
            }
        },
    )
}

#[test]
fn search_matches_brute_force_past_the_kink_where_firms_start_to_work() {
    // A firm alone needs 2.4·100^1.05 ≈ 301 PM of platform but has 180 PM: firms do nothing until
    // the stock is large enough, and V(c) turns sharply there.
    let params = Params { platform_ksloc: 100.0, ..Params::default() };
    let model = Model::new(&params);
    let team_months = 12.0 * params.team_size * params.horizon_years;
    let kink = (1..1000).map(|i| i as f64 / 1000.0).find(|&c| model.at(c).firm_platform_effort < team_months);
    assert!(matches!(kink, Some(c) if c > 0.0 && c < 1.0), "{kink:?}");
    assert_eq!(model.at(0.0).v_firms, 0.0);
    let (best, brute) = (optimum(&params), brute_force(&params));
    assert!(best.value >= brute.1, "{} < {}", best.value, brute.1);
    close(best.c_star, brute.0, 1e-5);
    assert_eq!(best.gain_over_distributed, None);
    assert!(best.gain.is_finite() && best.gain > 1.0);
}

/// The grid of `GRID_POINTS` is coarse to keep the browser fast; across the whole valid space it
/// must find what a scan 80 times denser finds.
#[test]
fn optimum_matches_a_dense_scan_across_random_valid_parameters() {
    let mut rng = Rng::seeded(9);
    for _ in 0..100 {
        let mut params = Params::default();
        for m in &PARAMS {
            params.set(m.key, Range::new(m.key, m.min, m.max).unwrap().at(rng.unit()));
        }
        let model = Model::new(&params);
        let dense = super::search::maximise(|c| model.at(c).v_total, 20_001);
        let best = optimum(&params);
        assert!(best.value >= dense.1 * (1.0 - 1e-12), "{best:?} misses {dense:?} at {params:?}");
    }
}

#[test]
fn a_broader_lab_pushes_c_star_up() {
    let c_star = |beta| optimum(&Params { lab_breadth: beta, ..Params::default() }).c_star;
    let stars: Vec<f64> = [5.0, 10.0, 20.0, 50.0, 100.0].into_iter().map(c_star).collect();
    assert!(stars.windows(2).all(|w| w[0] < w[1]), "{stars:?}");
}

fn assert_sane(params: &Params) {
    for point in curve(params, 51) {
        let fields = [
            point.v_firms,
            point.v_labs,
            point.v_total,
            point.kappa,
            point.firm_platform_effort,
            point.stock_ksloc,
        ];
        assert!(fields.iter().all(|x| !x.is_nan() && *x >= 0.0), "{point:?} at {params:?}");
        assert!(point.kappa <= 1.0);
    }
    let best = optimum(params);
    assert!((0.0..=1.0).contains(&best.c_star), "{best:?}");
    assert!(
        !best.value.is_nan() && !best.gain.is_nan() && best.gain_over_distributed.is_none_or(|g| !g.is_nan()),
        "{best:?} at {params:?}"
    );
}

#[test]
fn no_nan_anywhere_across_extreme_valid_parameters() {
    let mut rng = Rng::seeded(2017);
    let mut cases: Vec<Params> = PARAMS
        .iter()
        .flat_map(|m| {
            [m.min, m.max].map(|v| {
                let mut p = Params::default();
                p.set(m.key, v);
                p
            })
        })
        .collect();
    cases.extend((0..200).map(|_| {
        let mut p = Params::default();
        for m in &PARAMS {
            p.set(m.key, if rng.unit() < 0.5 { m.min } else { m.max });
        }
        p
    }));
    for params in &cases {
        assert_sane(params);
        assert!(optimum(params).gain.is_finite(), "valid parameters keep the gain finite: {params:?}");
    }
}

#[test]
fn no_nan_even_when_unvalidated_inputs_divide_by_zero() {
    let d = Params::default();
    for params in [
        Params { labs: 0.0, ..d },
        Params { team_size: 0.0, ..d },
        Params { effort_a: 0.0, ..d },
        Params { effort_b: 0.0, ..d },
        Params { platform_ksloc: 0.0, ..d },
        Params { problem_depth: 0.0, ..d },
        Params { horizon_years: 0.0, ..d },
        Params { engineers: 0.0, ..d },
        Params { open_share: 1.0, ..d },
        Params { open_share: 1.0, platform_ksloc: 500.0, ..d },
    ] {
        assert_sane(&params);
    }
}
