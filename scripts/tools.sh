#!/usr/bin/env bash
# Installs, when missing, every tool the build and the tests need, then puts them on PATH.
# Sourced by scripts/serve and scripts/test, so a fresh machine needs nothing else.
# Versions are pinned: Trunk only uses a wasm-bindgen on PATH whose version equals the crate's.
set -euo pipefail

HEADSTART_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLS="${HEADSTART_TOOLS:-$HOME/.cache/headstart/tools}"
TRUNK_VERSION="0.21"
BINARYEN_VERSION="132"
# The newest Lighthouse that runs on Debian's Node 20 (13.x needs Node 22.19 or later).
LIGHTHOUSE_VERSION="12.8.2"
# The CLI must equal the wasm-bindgen crate exactly; read it from the pin in Cargo.toml.
WASM_BINDGEN_VERSION="$(sed -n 's/^wasm-bindgen = "=\([0-9.]*\)".*/\1/p' "$HEADSTART_ROOT/Cargo.toml")"

export PATH="$TOOLS/bin:$TOOLS/node_modules/.bin:$HOME/.cargo/bin:$PATH"
mkdir -p "$TOOLS"

say() { printf '\033[1m[tools]\033[0m %s\n' "$*" >&2; }

has_version() { # command, expected version prefix
  command -v "$1" >/dev/null 2>&1 && "$1" --version 2>/dev/null | grep -q -- " $2"
}

install_rust_target() {
  # rustfmt and clippy are the gates scripts/test runs first.
  local components
  components="$(rustup component list --installed)"
  for component in rustfmt clippy; do
    grep -q "^$component" <<<"$components" || { say "adding $component"; rustup component add "$component"; }
  done
  rustup target list --installed | grep -q '^wasm32-unknown-unknown$' && return
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
}

install_trunk() {
  has_version trunk "$TRUNK_VERSION" && return
  say "installing trunk ~$TRUNK_VERSION (takes about ten minutes)"
  cargo install trunk --version "~$TRUNK_VERSION" --locked --root "$TOOLS"
}

install_wasm_bindgen() {
  has_version wasm-bindgen "$WASM_BINDGEN_VERSION" && return
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION"
  # Not --locked: the locked install fails on a registry gap for these versions.
  cargo install wasm-bindgen-cli --version "=$WASM_BINDGEN_VERSION" --root "$TOOLS" --force
}

install_wasm_opt() {
  has_version wasm-opt "version $BINARYEN_VERSION" && return
  say "installing binaryen $BINARYEN_VERSION (wasm-opt) from npm"
  npm install --silent --no-audit --no-fund --prefix "$TOOLS" "binaryen@$BINARYEN_VERSION"
}

# Only scripts/bench-lighthouse calls this: nothing else needs Lighthouse.
install_lighthouse() {
  command -v lighthouse >/dev/null 2>&1 && [ "$(lighthouse --version 2>/dev/null)" = "$LIGHTHOUSE_VERSION" ] && return
  say "installing lighthouse $LIGHTHOUSE_VERSION from npm"
  npm install --silent --no-audit --no-fund --save-exact --prefix "$TOOLS" "lighthouse@$LIGHTHOUSE_VERSION"
}

# fonts-liberation: Liberation Sans has Arial's metrics, which the charts' text table assumes
# (crates/charts/src/font.rs), so the browser lays chart text out as the tests measure it.
# A machine with its own Chrome (a CI image) names it and its driver in CHROME_PATH and
# CHROMEDRIVER, which the build's prerender (xtask/src/prerender.rs) and Lighthouse use; then only
# the font is installed.
install_browser() {
  local packages="chromium chromium-driver fonts-liberation"
  if [ -x "${CHROME_PATH:-}" ] && [ -x "${CHROMEDRIVER:-}" ]; then
    packages="fonts-liberation"
  elif command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1; then
    packages="fonts-liberation"
  fi
  [ "$packages" = fonts-liberation ] && dpkg -s fonts-liberation >/dev/null 2>&1 && return
  say "installing $packages"
  local sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq $packages >/dev/null
}

install_build_tools() {
  install_rust_target
  install_wasm_opt
  install_wasm_bindgen
  install_trunk
}
