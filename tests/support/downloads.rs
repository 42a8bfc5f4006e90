//! Files the page hands out (chart SVG, PNG, CSV), kept in the page instead of saved, so a test
//! can read them.

use super::browser::Browser;

/// Keeps every file the page hands out, instead of saving it, as `window.__files`.
const CAPTURE: &str = "window.__files = [];
    const create = URL.createObjectURL;
    URL.createObjectURL = (blob) => { window.__files.push(blob); return create(blob); };
    HTMLAnchorElement.prototype.click = function () {};
    return null;";

/// Captured file number `count` (from 1) as its type and its text (for a PNG, its first bytes),
/// once it exists.
pub async fn nth(browser: &Browser, count: usize) -> (String, String) {
    browser
        .eventually(&format!("download number {count}"), async || {
            let script = format!(
                "const files = window.__files; if (files.length < {count}) return null;
                 const blob = files[{count} - 1];
                 const bytes = new Uint8Array(await blob.arrayBuffer());
                 return [blob.type, blob.type.startsWith('image/png') ? Array.from(bytes.slice(0, 8)).join(',') : new TextDecoder().decode(bytes)];"
            );
            let value = browser.execute(&format!("return (async () => {{ {script} }})()")).await;
            match value.as_array() {
                Some(pair) => Ok((pair[0].as_str().unwrap_or_default().to_owned(), pair[1].as_str().unwrap_or_default().to_owned())),
                None => Err("not yet".to_owned()),
            }
        })
        .await
}

/// From now on, keeps every file the page hands out instead of saving it.
pub async fn capture(browser: &Browser) {
    browser.execute(CAPTURE).await;
}
