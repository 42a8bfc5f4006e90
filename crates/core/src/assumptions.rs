//! The estimation choices every page shares: preset, effort model and its constants, salary,
//! overhead and which year's dollars to show. One type, read from and written to the URL, so the
//! ledger, the Pool-or-spread page and a shared link all use the same effort equation.

use crate::estimate::{
    BasicCocomo, Cocomo2, CostSettings, EffortModel, Mode, Preset, Rating, EFFORT_MULTIPLIERS, SCALE_FACTORS,
};
use crate::input::Bounds;
use crate::keys::Key;
use crate::prices::PriceIndex;
use crate::query::{number, one_of, QueryReader, QueryWriter};
use std::fmt;

/// Salaries outside this range are typos, not scenarios.
pub const SALARY_BOUNDS: Bounds = Bounds::new(1_000.0, 10_000_000.0);
/// SLOCCount's 2.4 is the usual; zero or a hundredfold would be a typo.
pub const OVERHEAD_BOUNDS: Bounds = Bounds::new(0.1, 10.0);
/// Coefficients (a, c, EAF) and exponents (b, d) a reader may type. The published values lie well
/// inside; outside these bounds the equations stop meaning anything.
pub const COEFFICIENT_BOUNDS: Bounds = Bounds::new(0.01, 100.0);
pub const EXPONENT_BOUNDS: Bounds = Bounds::new(0.1, 2.0);

/// Which of the family the reader uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ModelKind {
    Basic,
    Cocomo2,
}

impl ModelKind {
    pub const ALL: [ModelKind; 2] = [ModelKind::Basic, ModelKind::Cocomo2];

    pub fn key(self) -> &'static str {
        match self {
            ModelKind::Basic => "basic",
            ModelKind::Cocomo2 => "cocomo2",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            ModelKind::Basic => "Basic COCOMO (1981)",
            ModelKind::Cocomo2 => "COCOMO II.2000",
        }
    }

    pub fn from_key(key: &str) -> Option<ModelKind> {
        ModelKind::ALL.into_iter().find(|k| k.key() == key)
    }
}

/// One of a, b, c, d: the constants both models have.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Constant {
    A,
    B,
    C,
    D,
}

impl Constant {
    pub const ALL: [Constant; 4] = [Constant::A, Constant::B, Constant::C, Constant::D];

    pub fn key(self) -> &'static str {
        match self {
            Constant::A => "a",
            Constant::B => "b",
            Constant::C => "c",
            Constant::D => "d",
        }
    }

    pub fn bounds(self) -> Bounds {
        match self {
            Constant::A | Constant::C => COEFFICIENT_BOUNDS,
            Constant::B | Constant::D => EXPONENT_BOUNDS,
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Assumptions {
    pub preset: Preset,
    pub model: EffortModel,
    /// Salary of one person-year, in dollars of the preset's year.
    pub salary: f64,
    pub overhead: f64,
    /// Show costs in the dollars of the price index's last year instead of the preset's year.
    pub today_dollars: bool,
}

impl Default for Assumptions {
    fn default() -> Self {
        Assumptions::with_preset(Preset::Article2017)
    }
}

impl Assumptions {
    pub fn with_preset(preset: Preset) -> Self {
        let settings = preset.settings();
        Assumptions {
            preset,
            model: settings.model,
            salary: settings.salary,
            overhead: settings.overhead,
            today_dollars: false,
        }
    }

    /// The URL keys of this state, in the order it reads them: every page reads them, and the
    /// links between pages carry them.
    pub const KEYS: [Key; 13] = [
        Key::Preset,
        Key::Model,
        Key::Mode,
        Key::Constant(Constant::A),
        Key::Constant(Constant::B),
        Key::Constant(Constant::C),
        Key::Constant(Constant::D),
        Key::Eaf,
        Key::ScaleFactors,
        Key::EffortMultipliers,
        Key::Salary,
        Key::Overhead,
        Key::Dollars,
    ];

    /// Picking a preset resets the model, salary and overhead to the preset's, as the tool would.
    pub fn pick_preset(&mut self, preset: Preset) {
        *self = Assumptions { today_dollars: self.today_dollars, ..Assumptions::with_preset(preset) };
    }

    /// The settings that give costs in the dollars the reader chose to see.
    pub fn settings(&self) -> CostSettings {
        let salary = self.salary * self.dollar_factor();
        CostSettings { model: self.model, salary, overhead: self.overhead, ..self.preset.settings() }
    }

    /// The year whose dollars the costs are shown in.
    pub fn dollars_year(&self) -> u16 {
        if self.today_dollars {
            PriceIndex::bundled().last_year()
        } else {
            self.preset.salary_year()
        }
    }

    pub fn kind(&self) -> ModelKind {
        match self.model {
            EffortModel::Basic(_) => ModelKind::Basic,
            EffortModel::Cocomo2(_) => ModelKind::Cocomo2,
        }
    }

    /// Switching family starts from its published calibration (organic for basic COCOMO).
    pub fn pick_kind(&mut self, kind: ModelKind) {
        if kind != self.kind() {
            self.model = default_model(kind);
        }
    }

    /// The basic mode whose constants the model has; `None` when the reader changed them.
    pub fn mode(&self) -> Option<Mode> {
        match self.model {
            EffortModel::Basic(model) => Mode::ALL.into_iter().find(|mode| mode.constants() == model),
            EffortModel::Cocomo2(_) => None,
        }
    }

    pub fn pick_mode(&mut self, mode: Mode) {
        self.model = EffortModel::Basic(mode.constants());
    }

    pub fn constant(&self, constant: Constant) -> f64 {
        let (a, b, c, d) = match &self.model {
            EffortModel::Basic(m) => (m.a, m.b, m.c, m.d),
            EffortModel::Cocomo2(m) => (m.a, m.b, m.c, m.d),
        };
        match constant {
            Constant::A => a,
            Constant::B => b,
            Constant::C => c,
            Constant::D => d,
        }
    }

    pub fn set_constant(&mut self, constant: Constant, value: f64) {
        let slot = match &mut self.model {
            EffortModel::Basic(m) => [&mut m.a, &mut m.b, &mut m.c, &mut m.d],
            EffortModel::Cocomo2(m) => [&mut m.a, &mut m.b, &mut m.c, &mut m.d],
        };
        *slot.into_iter().nth(constant as usize).expect("four constants") = value;
    }

    /// Costs in the shown year's dollars are the preset-year costs times this.
    pub fn dollar_factor(&self) -> f64 {
        PriceIndex::bundled().factor(self.preset.salary_year(), self.dollars_year()).unwrap_or(1.0)
    }

    pub fn read(query: &mut QueryReader) -> Self {
        let preset = query
            .take(Key::Preset, |v| Preset::from_key(v).ok_or_else(|| one_of(Preset::ALL.map(Preset::key))));
        let mut assumptions = Assumptions::with_preset(preset.unwrap_or(Preset::Article2017));
        if let Some(kind) = query.take(Key::Model, |v| {
            ModelKind::from_key(v).ok_or_else(|| one_of(ModelKind::ALL.map(ModelKind::key)))
        }) {
            assumptions.pick_kind(kind);
        }
        if assumptions.kind() == ModelKind::Basic {
            if let Some(mode) =
                query.take(Key::Mode, |v| Mode::from_key(v).ok_or_else(|| one_of(Mode::ALL.map(Mode::key))))
            {
                assumptions.pick_mode(mode);
            }
        }
        for constant in Constant::ALL {
            if let Some(value) = query.take(Key::Constant(constant), number(constant.bounds())) {
                assumptions.set_constant(constant, value);
            }
        }
        match &mut assumptions.model {
            EffortModel::Basic(model) => {
                if let Some(eaf) = query.take(Key::Eaf, number(COEFFICIENT_BOUNDS)) {
                    model.eaf = eaf;
                }
            }
            EffortModel::Cocomo2(model) => {
                if let Some(scale) = query.take(Key::ScaleFactors, |v| ratings(v, &SCALE_FACTORS)) {
                    model.scale = scale;
                }
                if let Some(effort) = query.take(Key::EffortMultipliers, |v| ratings(v, &EFFORT_MULTIPLIERS))
                {
                    model.effort = effort;
                }
            }
        }
        if let Some(salary) = query.take(Key::Salary, number(SALARY_BOUNDS)) {
            assumptions.salary = salary;
        }
        if let Some(overhead) = query.take(Key::Overhead, number(OVERHEAD_BOUNDS)) {
            assumptions.overhead = overhead;
        }
        assumptions.today_dollars = query
            .take(Key::Dollars, |v| (v == "today").then_some(true).ok_or_else(|| one_of(["today"])))
            .unwrap_or(false);
        assumptions
    }

    pub fn write(&self, query: &mut QueryWriter) {
        let preset = Assumptions::with_preset(self.preset);
        query.put_unless_default(Key::Preset, self.preset.key(), Preset::Article2017.key());
        query.put_unless_default(Key::Model, self.kind().key(), preset.kind().key());
        // Constants are written against the mode (or calibration) they were edited from.
        let base = match self.model {
            EffortModel::Basic(model) => {
                let mode = self.mode().unwrap_or_else(|| closest_mode(&model));
                query.put_unless_default(Key::Mode, mode.key(), Mode::Organic.key());
                Assumptions { model: EffortModel::Basic(mode.constants()), ..self.clone() }
            }
            EffortModel::Cocomo2(_) => {
                Assumptions { model: default_model(ModelKind::Cocomo2), ..self.clone() }
            }
        };
        for constant in Constant::ALL {
            query.put_unless_default(
                Key::Constant(constant),
                self.constant(constant),
                base.constant(constant),
            );
        }
        match self.model {
            EffortModel::Basic(model) => query.put_unless_default(Key::Eaf, model.eaf, 1.0),
            EffortModel::Cocomo2(model) => {
                let digits = |ratings: &[Rating]| ratings.iter().map(|r| r.key()).collect::<String>();
                let nominal = Cocomo2::default();
                query.put_unless_default(Key::ScaleFactors, digits(&model.scale), digits(&nominal.scale));
                query.put_unless_default(
                    Key::EffortMultipliers,
                    digits(&model.effort),
                    digits(&nominal.effort),
                );
            }
        }
        query.put_unless_default(Key::Salary, self.salary, preset.salary);
        query.put_unless_default(Key::Overhead, self.overhead, preset.overhead);
        if self.today_dollars {
            query.put(Key::Dollars, "today");
        }
    }
}

fn default_model(kind: ModelKind) -> EffortModel {
    match kind {
        ModelKind::Basic => EffortModel::Basic(Mode::Organic.constants()),
        ModelKind::Cocomo2 => EffortModel::Cocomo2(Cocomo2::default()),
    }
}

/// The mode a custom model shares its exponent with, so the URL stays short.
fn closest_mode(model: &BasicCocomo) -> Mode {
    Mode::ALL
        .into_iter()
        .min_by(|x, y| (x.constants().b - model.b).abs().total_cmp(&(y.constants().b - model.b).abs()))
        .unwrap_or(Mode::Organic)
}

/// Why a link's ratings of COCOMO II's drivers are unusable, as the notice says it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RatingsError {
    /// Not one digit per driver; the number of drivers.
    Length(usize),
    /// A digit the driver has no rating for, and the driver's acronym.
    Undefined(String, &'static str),
}

impl fmt::Display for RatingsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RatingsError::Length(n) => {
                write!(f, "expected {n} digits, one rating per driver (0 = very low … 5 = extra high)")
            }
            RatingsError::Undefined(digit, driver) => write!(f, "{digit:?} is not a rating {driver} defines"),
        }
    }
}

impl std::error::Error for RatingsError {}

/// One digit per driver (0 = very low … 5 = extra high), each a rating the driver defines.
fn ratings<const N: usize>(
    text: &str,
    drivers: &[crate::estimate::Driver; N],
) -> Result<[Rating; N], RatingsError> {
    if !(text.is_ascii() && text.len() == N) {
        return Err(RatingsError::Length(N));
    }
    let mut out = [Rating::Nominal; N];
    for (i, (slot, driver)) in out.iter_mut().zip(drivers).enumerate() {
        let digit = &text[i..=i];
        let rating = Rating::from_key(digit).filter(|r| driver.value(*r).is_some());
        *slot = rating.ok_or_else(|| RatingsError::Undefined(digit.to_owned(), driver.acronym))?;
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip(assumptions: &Assumptions) -> String {
        let mut writer = QueryWriter::default();
        assumptions.write(&mut writer);
        let query = writer.finish();
        let mut reader = QueryReader::parse(&query);
        assert_eq!(&Assumptions::read(&mut reader), assumptions, "{query}");
        assert!(reader.finish().is_empty(), "{query}");
        query
    }

    #[test]
    fn defaults_write_nothing_and_edits_round_trip() {
        assert_eq!(round_trip(&Assumptions::default()), "");
        let mut scc = Assumptions::with_preset(Preset::Scc);
        scc.pick_mode(Mode::Embedded);
        assert_eq!(round_trip(&scc), "preset=scc&mode=embedded");
        scc.set_constant(Constant::A, 3.2);
        assert_eq!(round_trip(&scc), "preset=scc&mode=embedded&a=3.2");
        assert_eq!(scc.mode(), None, "edited constants are a custom model");
        let mut two = Assumptions::default();
        two.pick_kind(ModelKind::Cocomo2);
        if let EffortModel::Cocomo2(model) = &mut two.model {
            model.effort[9] = Rating::VeryHigh;
        }
        two.salary = 150_000.0;
        assert_eq!(round_trip(&two), "model=cocomo2&em=22222222242222222&salary=150000");
    }

    #[test]
    fn bad_ratings_and_constants_fall_back_and_are_reported() {
        let mut reader = QueryReader::parse("model=cocomo2&sf=22&em=20222222222222222&a=-1&b=1.2");
        let assumptions = Assumptions::read(&mut reader);
        let EffortModel::Cocomo2(model) = assumptions.model else { panic!("COCOMO II was asked for") };
        assert_eq!((model.scale, model.effort), (Cocomo2::default().scale, Cocomo2::default().effort));
        assert_eq!(model.b, 1.2);
        let problems = reader.finish();
        let keys: Vec<Key> = problems.iter().map(|p| p.key).collect();
        assert_eq!(keys, [Key::Constant(Constant::A), Key::ScaleFactors, Key::EffortMultipliers]);
        assert_eq!(
            problems[1].reason,
            "expected 5 digits, one rating per driver (0 = very low … 5 = extra high)"
        );
        assert_eq!(problems[2].reason, "\"0\" is not a rating DATA defines");
    }

    #[test]
    fn dollars_convert_from_the_presets_year() {
        let mut sloccount = Assumptions::with_preset(Preset::Sloccount);
        assert_eq!((sloccount.dollar_factor(), sloccount.dollars_year()), (1.0, 2000));
        sloccount.today_dollars = true;
        let factor = PriceIndex::bundled().value(sloccount.dollars_year()).unwrap() / 172.2;
        assert!((sloccount.dollar_factor() - factor).abs() < 1e-12);
        assert!((sloccount.settings().salary - 56_286.0 * factor).abs() < 1e-6);
        assert_eq!(round_trip(&sloccount), "preset=sloccount&usd=today");
    }
}
