//! The effort model and every one of its constants: basic COCOMO's mode, a, b, c, d and EAF, or
//! COCOMO II's constants and its 22 driver ratings.

use crate::controls::{Choice, NumberField};
use crate::url_state::UrlState;
use headstart_core::assumptions::{Constant, ModelKind, COEFFICIENT_BOUNDS};
use headstart_core::estimate::{Driver, EffortModel, Mode, Rating, EFFORT_MULTIPLIERS, SCALE_FACTORS};
use headstart_core::ledger::LedgerView;
use leptos::prelude::*;

#[component]
pub fn ModelSettings(url: UrlState<LedgerView>) -> impl IntoView {
    let kind = Signal::derive(move || url.get().assumptions.kind().key());
    let is_basic = move || url.get().assumptions.kind() == ModelKind::Basic;
    let mode = Signal::derive(move || url.get().assumptions.mode().map_or("custom", Mode::key));
    let eaf = Signal::derive(move || match url.get().assumptions.model {
        EffortModel::Basic(model) => model.eaf,
        EffortModel::Cocomo2(model) => model.effort_adjustment(),
    });
    let mut modes: Vec<(&'static str, &'static str)> = Mode::ALL.map(|m| (m.key(), m.label())).to_vec();
    modes.push(("custom", "custom (edited constants)"));
    view! {
        <details class="model-settings" id="model-settings">
            <summary>
                "Effort model: "
                {move || url.get().assumptions.model.name()}
                {move || url.get().assumptions.mode().map(|m| format!(", {}", m.label()))}
            </summary>
            <div class="settings">
                <Choice
                    id="model"
                    label="Model"
                    options=ModelKind::ALL.map(|k| (k.key(), k.label())).to_vec()
                    selected=kind
                    on_pick=move |key: String| if let Some(kind) = ModelKind::from_key(&key) { url.update(|v| v.assumptions.pick_kind(kind)) }
                />
                <Show when=is_basic>
                    <Choice
                        id="mode"
                        label="Mode"
                        options=modes.clone()
                        selected=mode
                        on_pick=move |key: String| if let Some(mode) = Mode::from_key(&key) { url.update(|v| v.assumptions.pick_mode(mode)) }
                    />
                </Show>
                {Constant::ALL.into_iter().map(|constant| view! { <ConstantField url constant /> }).collect_view()}
                <Show when=is_basic>
                    <NumberField
                        id="eaf"
                        label="EAF"
                        unit="effort adjustment"
                        bounds=COEFFICIENT_BOUNDS
                        value=eaf
                        on_valid=move |value| url.update(|v| if let EffortModel::Basic(model) = &mut v.assumptions.model { model.eaf = value })
                    />
                </Show>
            </div>
            <p class="settings-note">
                {move || equation(&url.get().assumptions.model)}
                " " <a href="method#models">"The equations and their sources"</a>
            </p>
            <Show when=move || !is_basic()>
                <Drivers url title="Scale factors (set the exponent)" drivers=&SCALE_FACTORS scale=true />
                <Drivers url title="Effort multipliers" drivers=&EFFORT_MULTIPLIERS scale=false />
            </Show>
        </details>
    }
}

/// The equation with the current numbers, so a reader sees what each field does.
fn equation(model: &EffortModel) -> String {
    match model {
        EffortModel::Basic(m) => {
            format!("PM = {} · KSLOC^{} · {}; months = {} · PM^{}.", m.a, m.b, m.eaf, m.c, m.d)
        }
        EffortModel::Cocomo2(m) => format!(
            "PM = {} · KSLOC^{:.4} · {:.3} (E = {} + 0.01 · ΣSF, then Π EM); TDEV = {} · PM^F.",
            m.a,
            m.exponent(),
            m.effort_adjustment(),
            m.b,
            m.c,
        ),
    }
}

#[component]
fn ConstantField(url: UrlState<LedgerView>, constant: Constant) -> impl IntoView {
    let value = Signal::derive(move || url.get().assumptions.constant(constant));
    let (id, label, unit) = match constant {
        Constant::A => ("const-a", "a", "effort coefficient"),
        Constant::B => ("const-b", "b", "size exponent"),
        Constant::C => ("const-c", "c", "schedule coefficient"),
        Constant::D => ("const-d", "d", "schedule exponent"),
    };
    view! {
        <NumberField
            id
            label
            unit
            bounds=constant.bounds()
            value
            on_valid=move |number| url.update(|v| v.assumptions.set_constant(constant, number))
        />
    }
}

/// One picker per driver, offering only the ratings the model defines for it.
#[component]
fn Drivers(
    url: UrlState<LedgerView>,
    title: &'static str,
    drivers: &'static [Driver],
    scale: bool,
) -> impl IntoView {
    let pickers = drivers
        .iter()
        .enumerate()
        .map(|(index, driver)| {
            let selected = Signal::derive(move || match url.get().assumptions.model {
                EffortModel::Cocomo2(m) => if scale { m.scale[index] } else { m.effort[index] }.key(),
                EffortModel::Basic(_) => "2",
            });
            let options = driver.ratings().map(|r| (r.key(), r.label())).collect::<Vec<_>>();
            let on_pick = move |key: String| {
                let Some(rating) = Rating::from_key(&key) else { return };
                url.update(|v| {
                    if let EffortModel::Cocomo2(m) = &mut v.assumptions.model {
                        if scale {
                            m.scale[index] = rating
                        } else {
                            m.effort[index] = rating
                        }
                    }
                })
            };
            let id: &'static str = driver.acronym;
            view! { <Choice id label=driver.name options selected on_pick /> }
        })
        .collect_view();
    view! {
        <fieldset class="drivers">
            <legend>{title}</legend>
            <div class="settings">{pickers}</div>
        </fieldset>
    }
}
