#![cfg(not(target_arch = "wasm32"))]
//! "Your code" as a reader uses it: an archive or a folder chosen through the file inputs is
//! counted in the page's worker exactly as natively, estimated with the ledger's model, shared
//! as numbers only, and no request leaves the page while it counts. Hostile input gets a message.

mod support;

use headstart_core::query::QueryReader;
use headstart_core::yours::YourCodeView;
use headstart_counter::archive::{self, build};
use headstart_counter::{CountJob, Limits, Options, Report};
use support::app::App;
use support::browser::Browser;
use support::temp::TempDir;

const FILES: [(&str, &str); 5] = [
    (
        "project/src/lib.rs",
        "/* outer /* nested */ */\nfn main() {\n    let s = \"// not a comment\";\n\n    // comment\n}\n",
    ),
    ("project/tool/run.py", "#!/usr/bin/env python3\n\"\"\"Docstring.\"\"\"\nx = 1  # note\n"),
    ("project/vendor/dep.js", "var vendored = 1;\n"),
    ("project/README.md", "# Title\n\nSome text.\n"),
    ("project/data.bin", "\0\0binary"),
];

fn files() -> Vec<(&'static str, &'static [u8])> {
    FILES.iter().map(|(p, t)| (*p, t.as_bytes())).collect()
}

fn native_count(zip: &[u8]) -> Report {
    let entries = archive::read(zip, &Limits::default()).unwrap();
    let mut job = CountJob::archive(&entries, Options::default());
    job.step(u64::MAX, |i| Ok(entries[i].data.clone())).unwrap();
    job.report()
}

/// Opens the page and waits until its counting worker says it is listening and the service
/// worker has precached the site, so nothing is fetched later on their account.
async fn open_your_code() -> App {
    let app = App::open_until("/your-code", "#archive-input").await;
    app.browser.wait_for("#count-status[data-worker=listening]").await;
    app.browser.wait_until_offline_ready().await;
    app
}

async fn upload(browser: &Browser, input: &str, path: &std::path::Path) {
    browser.press(input, &path.display().to_string()).await;
}

#[tokio::test]
async fn an_archive_is_counted_in_the_page_as_natively_and_shared_as_numbers_only() {
    let app = open_your_code().await;
    let browser = &app.browser;
    let dir = TempDir::new("your-code");
    let zip = build::zip(&files(), true);
    dir.write("project.zip", &zip);
    app.server.clear_requests();
    upload(browser, "#archive-input", &dir.path().join("project.zip")).await;
    browser.wait_for("#count-summary[data-code]").await;
    let native = native_count(&zip);
    let total = native.total();
    assert_eq!(browser.attr("#count-summary", "data-code").await, Some(total.all_code().to_string()));
    assert_eq!(browser.attr("#count-summary", "data-files").await, Some(total.files.to_string()));
    let summary = browser.text("#count-summary").await;
    assert!(summary.contains("1 in vendored directories") && summary.contains("1 binary"), "{summary}");
    assert_eq!(browser.count("#count-table tbody tr").await, native.languages.len());
    browser.wait_for("#your-estimate[data-person-years]").await;
    let url = browser.current_url().await;
    for private in ["project", "lib.rs", "run.py", "vendor"] {
        assert!(!url.contains(private), "the URL names no file: {url}");
    }
    let query = url.split_once('?').map_or("", |(_, q)| q).to_owned();
    let shared = YourCodeView::read(&mut QueryReader::parse(&query));
    assert_eq!(shared.code_lines(), total.all_code());
    let expected = shared.estimate().unwrap().person_years;
    let shown: f64 = browser.attr("#your-estimate", "data-person-years").await.unwrap().parse().unwrap();
    assert!((shown - expected).abs() <= 1e-9 * expected);
    assert!(
        app.server.requests().is_empty(),
        "no request while counting or after: {:?}",
        app.server.requests()
    );
    browser.wait_for("#your-code-chart svg").await;
    assert!(browser.html("#your-code-chart").await.contains("Your code"));
    browser.assert_no_console_errors();
}

#[tokio::test]
async fn a_folder_is_counted_with_its_gitignore_and_without_vendored_code() {
    let app = open_your_code().await;
    let browser = &app.browser;
    let dir = TempDir::new("your-folder");
    for (path, text) in FILES {
        dir.write(path, text);
    }
    dir.write("project/.gitignore", "tool/\n");
    upload(browser, "#folder-input", &dir.path().join("project")).await;
    browser.wait_for("#count-summary[data-code]").await;
    let summary = browser.text("#count-summary").await;
    assert!(summary.contains("excluded by .gitignore"), "{summary}");
    let rust = browser.text("#count-table").await;
    assert!(rust.contains("Rust") && !rust.contains("Python"), "run.py is ignored: {rust}");
    browser.assert_no_console_errors();
}

#[tokio::test]
async fn a_zip_bomb_and_a_damaged_archive_get_a_message_and_the_page_lives_on() {
    let app = open_your_code().await;
    let browser = &app.browser;
    let dir = TempDir::new("bombs");
    let block = vec![b'x'; 3 * 1024 * 1024];
    let names: Vec<String> = (0..200).map(|i| format!("f{i}.c")).collect();
    let entries: Vec<(&str, &[u8])> = names.iter().map(|n| (n.as_str(), block.as_slice())).collect();
    let bomb = build::zip(&entries, true);
    assert!(bomb.len() < 2 * 1024 * 1024, "{} bytes unpack to 600 MB", bomb.len());
    dir.write("bomb.zip", &bomb);
    upload(browser, "#archive-input", &dir.path().join("bomb.zip")).await;
    let error = browser.text("#count-status-error").await;
    assert!(
        error.contains("unpacks to more than this page will read") && error.contains("512 MB"),
        "{error}"
    );
    let good = build::zip(&files(), true);
    dir.write("cut.zip", &good[..good.len() - 30]);
    upload(browser, "#archive-input", &dir.path().join("cut.zip")).await;
    browser
        .eventually("the damage named", async || {
            let text = browser.text("#count-status").await;
            if text.contains("damaged or cut short") {
                Ok(())
            } else {
                Err(text)
            }
        })
        .await;
    dir.write("good.zip", &good);
    upload(browser, "#archive-input", &dir.path().join("good.zip")).await;
    browser.wait_for("#count-summary[data-code]").await;
    browser.assert_no_console_errors();
}

#[tokio::test]
async fn files_dropped_on_the_page_are_counted() {
    let app = open_your_code().await;
    let browser = &app.browser;
    browser
        .execute(
            "const drop = new DataTransfer();
             drop.items.add(new File(['fn main() {}\\n// done\\n'], 'main.rs'));
             drop.items.add(new File(['x = 1\\n'], 'tool.py'));
             document.getElementById('drop-zone').dispatchEvent(new DragEvent('drop', { dataTransfer: drop, bubbles: true, cancelable: true }));
             return null",
        )
        .await;
    browser.wait_for("#count-summary[data-code]").await;
    assert_eq!(browser.attr("#count-summary", "data-code").await.as_deref(), Some("2"));
    assert_eq!(browser.attr("#count-summary", "data-files").await.as_deref(), Some("2"));
    browser.assert_no_console_errors();
}

#[tokio::test]
async fn a_shared_result_opens_with_its_estimate_and_no_files() {
    let query = "code=Rust:120000,Python:30000&salary=150000";
    let app = App::open_until(&format!("/your-code?{query}"), "#your-estimate[data-person-years]").await;
    let view = YourCodeView::read(&mut QueryReader::parse(query));
    let expected = view.estimate().unwrap();
    let shown: f64 = app.browser.attr("#your-estimate", "data-cost").await.unwrap().parse().unwrap();
    assert!((shown - expected.cost).abs() <= 1e-9 * expected.cost, "{shown} ≠ {}", expected.cost);
    assert!(app.browser.text("#your-estimate").await.starts_with("150,000 lines of code"));
    assert_eq!(app.browser.count("#count-table").await, 0, "a shared link has numbers, not a count");
    app.browser.wait_for("#your-code-chart svg").await;
    app.browser.assert_no_console_errors();
}

#[tokio::test]
async fn a_zip_with_one_damaged_entry_is_refused_naming_it() {
    let app = open_your_code().await;
    let browser = &app.browser;
    let dir = TempDir::new("damaged-entry");
    let (path, contents) = files()[1];
    // Stored, so the entry's bytes sit in the zip as they are, and one of them can be changed.
    let mut zip = build::zip(&files(), false);
    let at = zip.windows(contents.len()).position(|w| w == contents).expect("stored as is");
    zip[at + 5] ^= 0x20;
    dir.write("damaged.zip", &zip);
    upload(browser, "#archive-input", &dir.path().join("damaged.zip")).await;
    browser
        .eventually("the damaged entry named", async || {
            let text = browser.text("#count-status").await;
            match text.contains("damaged or cut short") && text.contains(path) {
                true => Ok(()),
                false => Err(text),
            }
        })
        .await;
    assert_eq!(browser.count("#count-summary").await, 0, "nothing counted from a damaged archive");
    browser.assert_no_console_errors();
}
