//! The "Pool or spread" page's state in the URL: every parameter the reader moved away from its
//! default, so a shared link reproduces the same curves and optimum.

use super::key::ParamKey;
use super::params::Params;
use super::study::Study;
use crate::assumptions::Assumptions;
use crate::input::parse_number;
use crate::keys::Key;
use crate::query::{QueryReader, QueryWriter};

#[derive(Clone, Debug, Default, PartialEq)]
pub struct TalentView {
    /// The ledger's choices; its effort model gives the talent model its a and b.
    pub assumptions: Assumptions,
    pub params: Params,
    /// The heat map's axes and the Monte Carlo's ranges.
    pub study: Study,
}

impl TalentView {
    /// The estimation choices, the page's own parameters and the study's keys.
    pub fn keys() -> Vec<Key> {
        Assumptions::KEYS.into_iter().chain(param_keys()).chain(Study::keys()).collect()
    }

    pub fn read(query: &mut QueryReader) -> Self {
        let assumptions = Assumptions::read(query);
        TalentView { params: read_params(query, &assumptions), assumptions, study: Study::read(query) }
    }

    /// Every parameter back to its default, keeping the ledger's effort equation.
    pub fn reset_params(&mut self) {
        self.params = default_params(&self.assumptions);
    }

    pub fn write(&self, query: &mut QueryWriter) {
        self.assumptions.write(query);
        write_params(&self.params, query);
        self.study.write(query);
    }
}

/// The model's parameters from a query, a and b from the ledger's model in `assumptions`; for
/// any page that shows the model (this one and the essay).
pub fn read_params(query: &mut QueryReader, assumptions: &Assumptions) -> Params {
    let mut params = default_params(assumptions);
    for key in ParamKey::own() {
        let parse = |text: &str| parse_number(text, key.meta().bounds());
        if let Some(value) = query.take(Key::Param(key), parse) {
            params.set(key, value);
        }
    }
    params
}

/// The parameters moved from their defaults (a and b travel as the ledger's model).
pub fn write_params(params: &Params, query: &mut QueryWriter) {
    for key in ParamKey::own() {
        query.put_unless_default(Key::Param(key), params.get(key), key.meta().default_value());
    }
}

/// The keys of [`read_params`] and [`write_params`].
pub fn param_keys() -> impl Iterator<Item = Key> {
    ParamKey::own().map(Key::Param)
}

/// The spec's defaults, with a and b from the ledger's model.
fn default_params(assumptions: &Assumptions) -> Params {
    let mut params = Params::default();
    (params.effort_a, params.effort_b) = assumptions.model.power_law();
    params
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn moved_parameters_round_trip_and_defaults_stay_out_of_the_url() {
        let mut view = TalentView::default();
        let mut writer = QueryWriter::default();
        view.write(&mut writer);
        assert_eq!(writer.finish(), "");
        view.params.set(ParamKey::OpenShare, 0.3);
        view.params.set(ParamKey::Relevance, 0.01);
        let mut writer = QueryWriter::default();
        view.write(&mut writer);
        let query = writer.finish();
        assert_eq!(query, "open=0.3&rho=0.01");
        let mut reader = QueryReader::parse(&query);
        assert_eq!(TalentView::read(&mut reader), view);
        assert!(reader.finish().is_empty());
    }

    #[test]
    fn the_effort_equation_comes_from_the_ledgers_model() {
        let mut reader = QueryReader::parse("preset=scc&mode=embedded&eaf=1.5");
        let view = TalentView::read(&mut reader);
        assert!(reader.finish().is_empty());
        assert!((view.params.effort_a - 3.6 * 1.5).abs() < 1e-12);
        assert_eq!(view.params.effort_b, 1.2);
        let mut writer = QueryWriter::default();
        view.write(&mut writer);
        assert_eq!(writer.finish(), "preset=scc&mode=embedded&eaf=1.5");
        let mut two = TalentView::read(&mut QueryReader::parse("model=cocomo2&open=0.3"));
        assert!((two.params.effort_b - 1.0997).abs() < 1e-9);
        two.reset_params();
        assert_eq!(two.params.open_share, Params::default().open_share);
        assert!((two.params.effort_b - 1.0997).abs() < 1e-9, "a reset keeps the ledger's model");
    }

    #[test]
    fn out_of_range_values_fall_back_and_are_reported() {
        let mut reader = QueryReader::parse("open=7&labs=abc&team=8");
        let view = TalentView::read(&mut reader);
        assert_eq!(view.params.team_size, 8.0);
        assert_eq!(view.params.open_share, Params::default().open_share);
        let keys: Vec<Key> = reader.finish().into_iter().map(|p| p.key).collect();
        assert_eq!(keys, [Key::Param(ParamKey::Labs), Key::Param(ParamKey::OpenShare)]);
    }
}
