//! The spec's equations, evaluated at one share c of engineers pooled in labs. Effort is in
//! person-months (PM) over the horizon.

use serde::{Deserialize, Serialize};

use super::params::Params;

/// Diminishing returns inside one organisation: D·(1 − e^(−A/D)). Near A = 0 it is A, and it never
/// exceeds the depth D. An organisation with no depth gets nothing, rather than 0/0.
pub fn value(effort: f64, depth: f64) -> f64 {
    if depth > 0.0 {
        -depth * (-effort / depth).exp_m1()
    } else {
        0.0
    }
}

/// The ecosystem at one c: what the charts plot and what the search maximises.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct CurvePoint {
    pub c: f64,
    /// F·value(A_f, A0): all distributed firms together.
    pub v_firms: f64,
    /// L·value(A_l, β·A0): all labs together.
    pub v_labs: f64,
    pub v_total: f64,
    /// κ: share of a firm's platform needs the open-source stock covers.
    pub kappa: f64,
    /// E: PM a firm spends building and adopting its platform.
    pub firm_platform_effort: f64,
    /// S: open-sourced platform code, KSLOC.
    pub stock_ksloc: f64,
}

/// `Params` with the products that do not depend on c worked out once, because the optimum search
/// evaluates thousands of c for each slider position.
#[derive(Clone, Copy, Debug)]
pub struct Model {
    params: Params,
    /// KSLOC^b one pooled engineer's platform effort buys: 12·o·H·q / a.
    platform_per_engineer: f64,
    /// The PM a whole firm team has: 12·s·H.
    team_months: f64,
    /// One lab's application PM per pooled engineer: (1 − o)·12·H·q.
    lab_application_per_engineer: f64,
}

impl Model {
    pub fn new(params: &Params) -> Model {
        let p = params;
        let months = 12.0 * p.horizon_years;
        Model {
            params: *p,
            platform_per_engineer: ratio(months * p.open_share * p.lab_productivity, p.effort_a),
            team_months: months * p.team_size,
            lab_application_per_engineer: (1.0 - p.open_share) * months * p.lab_productivity,
        }
    }

    /// c is clamped to [0, 1]: the shares outside it are not allocations.
    pub fn at(&self, c: f64) -> CurvePoint {
        let p = &self.params;
        let c = c.clamp(0.0, 1.0);
        let lab_size = ratio(c * p.engineers, p.labs);
        let firms = ratio((1.0 - c) * p.engineers, p.team_size);
        let stock_ksloc = self.stock(lab_size);
        let kappa = self.coverage(stock_ksloc);
        let firm_platform_effort = self.platform_effort(kappa);
        let firm_application = (self.team_months - firm_platform_effort).max(0.0);
        let v_firms = firms * value(firm_application, p.problem_depth);
        let v_labs =
            p.labs * value(self.lab_application_per_engineer * lab_size, p.lab_breadth * p.problem_depth);
        CurvePoint { c, v_firms, v_labs, v_total: v_firms + v_labs, kappa, firm_platform_effort, stock_ksloc }
    }

    /// S = L·(12·n·o·H·q / a)^(1/b): each lab's platform PM turned back into code by inverting the
    /// effort equation.
    fn stock(&self, lab_size: f64) -> f64 {
        let per_lab = self.platform_per_engineer * lab_size;
        if per_lab > 0.0 && self.params.effort_b > 0.0 {
            self.params.labs * per_lab.powf(1.0 / self.params.effort_b)
        } else {
            0.0
        }
    }

    /// κ = 1 − e^(−ρ·S/P). A firm that needs no platform has all of it covered.
    fn coverage(&self, stock_ksloc: f64) -> f64 {
        let p = &self.params;
        if p.platform_ksloc > 0.0 {
            -(-p.relevance * stock_ksloc / p.platform_ksloc).exp_m1()
        } else {
            1.0
        }
    }

    /// E = a·(P·(1 − κ) + P·κ·AAM)^b: build what the stock misses, adopt what it covers.
    fn platform_effort(&self, kappa: f64) -> f64 {
        let p = &self.params;
        let ksloc = p.platform_ksloc * (1.0 - kappa) + p.platform_ksloc * kappa * p.adoption_cost;
        p.effort_a * ksloc.max(0.0).powf(p.effort_b)
    }
}

/// Shares of nothing are nothing: no labs, no teams or a zero effort coefficient give 0, not NaN.
fn ratio(numerator: f64, denominator: f64) -> f64 {
    if denominator > 0.0 {
        numerator / denominator
    } else {
        0.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn value_is_effort_when_small_and_depth_when_large() {
        assert!((value(1.0, 1e6) - 1.0).abs() < 1e-6);
        assert!((value(1e9, 300.0) - 300.0).abs() < 1e-9);
        assert_eq!(value(300.0, 300.0), 300.0 * (1.0 - (-1f64).exp()));
        assert_eq!(value(5.0, 0.0), 0.0);
    }

    #[test]
    fn coverage_rises_with_c_and_effort_stays_between_adopting_and_building_everything() {
        let p = Params::default();
        let model = Model::new(&p);
        let built = p.effort_a * p.platform_ksloc.powf(p.effort_b);
        let adopted = p.effort_a * (p.platform_ksloc * p.adoption_cost).powf(p.effort_b);
        let mut previous = model.at(0.0);
        assert_eq!((previous.kappa, previous.stock_ksloc), (0.0, 0.0));
        assert_eq!(previous.firm_platform_effort, built);
        for i in 1..=1000 {
            let point = model.at(i as f64 / 1000.0);
            assert!(point.kappa > previous.kappa || point.kappa == 1.0, "κ must rise with c at {}", point.c);
            assert!((adopted..=built).contains(&point.firm_platform_effort), "{point:?}");
            previous = point;
        }
    }
}
