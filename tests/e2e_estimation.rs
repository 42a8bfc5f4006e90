#![cfg(not(target_arch = "wasm32"))]
//! The estimation engine as a reader uses it: presets, COCOMO II ratings and the uncertainty
//! band, each checked against what headstart-core computes for the same choices.

mod support;

use headstart_core::assumptions::ModelKind;
use headstart_core::dataset::Dataset;
use headstart_core::estimate::{EffortModel, Preset, Rating};
use headstart_core::ledger::{Ledger, LedgerView};
use support::ledger::{expect_band, expect_headline, expect_query, open_ledger};

#[tokio::test]
async fn every_preset_shows_the_headline_the_core_computes_for_it() {
    let app = open_ledger("/ledger").await;
    for preset in [Preset::OpenHub, Preset::Sloccount, Preset::Scc, Preset::Article2017] {
        app.browser.select_option("#preset", preset.key()).await;
        expect_headline(&app.browser, &LedgerView::with_preset(preset)).await;
    }
    app.browser.assert_no_console_errors();
}

#[tokio::test]
async fn a_cocomo_ii_rating_changes_the_effort_as_the_core_says() {
    let app = open_ledger("/ledger").await;
    app.browser.click("#model-settings summary").await;
    app.browser.select_option("#model", "cocomo2").await;
    let mut view = LedgerView::default();
    view.assumptions.pick_kind(ModelKind::Cocomo2);
    expect_headline(&app.browser, &view).await;
    let nominal = Ledger::compute(Dataset::bundled(), &view).totals.person_years;

    app.browser.select_option("#PCAP", Rating::VeryHigh.key()).await;
    if let EffortModel::Cocomo2(model) = &mut view.assumptions.model {
        model.effort[9] = Rating::VeryHigh;
    }
    expect_headline(&app.browser, &view).await;
    let capable = Ledger::compute(Dataset::bundled(), &view).totals.person_years;
    assert!((capable / nominal - 0.76).abs() < 1e-9, "very capable programmers need 76% of the effort");
    expect_query(&app.browser, "em", "22222222242222222").await;
    app.browser.assert_no_console_errors();
}

#[tokio::test]
async fn the_band_appears_and_a_reload_redraws_the_same_one() {
    let app = open_ledger("/ledger").await;
    let mut view = LedgerView::default();
    expect_band(&app.browser, &view).await;

    app.browser.click("#band-settings summary").await;
    app.browser.set_input("#seed", "42").await;
    view.ranges.seed = 42;
    expect_band(&app.browser, &view).await;
    expect_query(&app.browser, "seed", "42").await;

    let shared = app.browser.current_url().await;
    let before = app.browser.attr("#band", "data-p50").await;
    app.browser.goto(&shared).await;
    expect_band(&app.browser, &view).await;
    assert_eq!(app.browser.attr("#band", "data-p50").await, before, "the same link gives the same band");
    app.browser.assert_no_console_errors();
}

#[tokio::test]
async fn the_band_tracks_the_model_and_nonsense_keeps_it() {
    let app = open_ledger("/ledger?model=cocomo2&usd=today").await;
    let mut view = LedgerView::default();
    view.assumptions.pick_kind(ModelKind::Cocomo2);
    view.assumptions.today_dollars = true;
    expect_headline(&app.browser, &view).await;
    expect_band(&app.browser, &view).await;

    app.browser.click("#band-settings summary").await;
    app.browser.paste("#error-factor", "0.5").await;
    assert!(
        !app.browser.text("#error-factor-error").await.trim().is_empty(),
        "an error factor below 1 is explained"
    );
    expect_band(&app.browser, &view).await;
    app.browser.assert_no_console_errors();
}
