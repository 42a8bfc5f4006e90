//! `cargo xtask dist`: the release bundle. Trunk builds one HTML page per run and allows one main
//! wasm per page (pitfalls: trunk-rs/trunk#1022), so each entry of src/bin/ is its own
//! `trunk build` into its own folder. This merges them, writes every address's page with its
//! prerendered first screen (`prerender`), and leaves the service worker's file list to last, so
//! it lists the merged bundle. scripts/build runs it; nothing else builds the release bundle.

use crate::args::Args;
use crate::cards;
use crate::cards::tags::Origin;
use crate::error::Error;
use crate::prerender;
use crate::site::Entry;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The environment variable a deploy sets to the site's origin (scheme and host); `--origin`
/// wins over it.
pub const ORIGIN_VARIABLE: &str = "HEADSTART_SITE_ORIGIN";

/// The page every entry's HTML is made from; `scripts/serve` runs it as it is, with every page
/// in one bundle.
const TEMPLATE: &str = "index.html";
/// The main binary the template names, which each entry's HTML replaces with its own.
const TEMPLATE_BIN: &str = r#"data-bin="headstart""#;

pub fn command(words: &[String]) -> Result<(), Error> {
    let args = Args::parse(words, &["dist", "public-url", "origin"], &[])?;
    args.positional(&[])?;
    let dist = PathBuf::from(args.value("dist").unwrap_or("dist"));
    let public_url = args.value("public-url").unwrap_or("/").to_owned();
    if !(public_url.starts_with('/') && public_url.ends_with('/')) {
        return Err(Error::Usage(format!(
            "--public-url must start and end with '/', as in /headstart/, not {public_url}"
        )));
    }
    let site = site_address(args.value("origin"), std::env::var(ORIGIN_VARIABLE).ok(), &public_url)?;
    let root = crate::root();
    let dist =
        if dist.is_absolute() { dist } else { std::env::current_dir().map_err(Error::file("."))?.join(dist) };
    let builds = root.join("target/entries");
    let template = fs::read_to_string(root.join(TEMPLATE)).map_err(Error::file(root.join(TEMPLATE)))?;
    fs::create_dir_all(&builds).map_err(Error::file(&builds))?;
    for entry in Entry::ALL {
        let html = builds.join(format!("{}.html", entry.name()));
        fs::write(&html, entry_html(&template, entry)?).map_err(Error::file(&html))?;
        eprintln!("dist: building {}", entry.name());
        trunk_build(&root, &html, &builds.join(entry.name()), &public_url)?;
    }
    clear(&dist)?;
    for entry in Entry::ALL {
        merge(&builds.join(entry.name()), &dist)?;
        let page = builds.join(entry.name()).join("index.html");
        // The workers' build has no page of its own to publish.
        if entry.bin().is_none() {
            continue;
        }
        let html = start_after_first_paint(&fs::read_to_string(&page).map_err(Error::file(&page))?)?;
        for route in entry.routes() {
            write(&dist.join(route.file()), &with_view_keys(&html, &route.view_keys())?)?;
        }
        // Unknown addresses get the smallest page's frame, which says there is no page there.
        if entry == Entry::Method {
            write(&dist.join("404.html"), &html)?;
        }
    }
    prerender::run(&root, &dist, &public_url)?;
    let cards = cards::write(&dist, site.as_ref())?;
    match &site {
        Some(site) => eprintln!("dist: {cards} share cards, previews pointing at {}", site.join("")),
        None => eprintln!(
            "dist: {cards} share cards drawn, but og:image and og:url are left out: crawlers need the \
             site's absolute address. Give --origin https://example.org (scripts/build passes it) or \
             set {ORIGIN_VARIABLE}."
        ),
    }
    let status =
        Command::new("bash").arg(root.join("scripts/write-service-worker")).arg(&dist).status().map_err(
            |e| Error::Tool { tool: "scripts/write-service-worker".to_owned(), message: e.to_string() },
        )?;
    if !status.success() {
        return Err(Error::Tool {
            tool: "scripts/write-service-worker".to_owned(),
            message: status.to_string(),
        });
    }
    Ok(())
}

/// Where the site is published: the origin (the flag, else the environment) and the public URL's
/// path; `None` without an origin.
fn site_address(
    flag: Option<&str>,
    environment: Option<String>,
    public_url: &str,
) -> Result<Option<Origin>, Error> {
    let from_environment = environment.filter(|value| !value.trim().is_empty());
    let Some(origin) = flag.map(str::to_owned).or(from_environment) else { return Ok(None) };
    let origin = origin.trim().trim_end_matches('/');
    let host = origin.split_once("://").map_or("", |(_, rest)| rest);
    if host.contains('/') {
        return Err(Error::Usage(format!(
            "the site origin “{origin}” has a path: give the scheme and host only; the path is --public-url"
        )));
    }
    Origin::parse(&format!("{origin}{public_url}")).map(Some).map_err(|e| Error::Usage(e.to_string()))
}

/// The template turned into `entry`'s page: its own binary (or only the workers), with every
/// path made relative to target/entries/, where Trunk reads it.
fn entry_html(template: &str, entry: Entry) -> Result<String, Error> {
    if !template.contains(TEMPLATE_BIN) {
        return Err(Error::Data(format!(
            "{TEMPLATE} names no {TEMPLATE_BIN}: the entries replace that link"
        )));
    }
    let mut out = String::with_capacity(template.len());
    for line in template.lines() {
        let rust = line.contains(r#"rel="rust""#);
        let worker = rust && line.contains(r#"data-type="worker""#);
        let main = rust && line.contains(TEMPLATE_BIN);
        let keep = match entry.bin() {
            Some(_) => !worker,
            None => !main,
        };
        if !keep {
            continue;
        }
        let line = match (entry.bin(), main) {
            (Some(bin), true) => line.replace(TEMPLATE_BIN, &format!(r#"data-bin="{bin}""#)),
            _ => line.to_owned(),
        };
        let line = if rust {
            line.replacen("<link data-trunk", r#"<link data-trunk href="../../Cargo.toml""#, 1)
        } else if line.contains("<link data-trunk") {
            line.replacen(r#"href=""#, r#"href="../../"#, 1)
        } else {
            line
        };
        out.push_str(&line);
        out.push('\n');
    }
    Ok(out)
}

fn trunk_build(root: &Path, html: &Path, out: &Path, public_url: &str) -> Result<(), Error> {
    let status = Command::new("trunk")
        .current_dir(root)
        // The post-build hook writes the service worker; here that waits for the merge.
        .env("HEADSTART_ENTRY_BUILD", "1")
        .args(["build", "--release", "--offline", "--public-url", public_url, "--dist"])
        .arg(out)
        .arg(html)
        .stdout(std::process::Stdio::null())
        .status()
        .map_err(|e| Error::Tool {
            tool: "trunk".to_owned(),
            message: format!("{e} (scripts/build puts it on PATH)"),
        })?;
    if status.success() {
        Ok(())
    } else {
        Err(Error::Tool {
            tool: "trunk".to_owned(),
            message: format!("building {} failed ({status})", html.display()),
        })
    }
}

/// Empties the bundle folder, refusing one that holds anything but a bundle.
fn clear(dist: &Path) -> Result<(), Error> {
    if dist.join("Cargo.toml").exists() || dist.join(".git").exists() {
        return Err(Error::Usage(format!("--dist {} is a source folder, not a bundle", dist.display())));
    }
    if dist.exists() {
        fs::remove_dir_all(dist).map_err(Error::file(dist))?;
    }
    fs::create_dir_all(dist).map_err(Error::file(dist))
}

/// Copies an entry's files into the bundle, except its page (written per address). Entries share
/// files (the style sheet, icons, the crate's JS snippets): the same name must hold the same bytes.
fn merge(from: &Path, dist: &Path) -> Result<(), Error> {
    let mut folders = vec![from.to_path_buf()];
    while let Some(folder) = folders.pop() {
        for item in fs::read_dir(&folder).map_err(Error::file(&folder))? {
            let path = item.map_err(Error::file(&folder))?.path();
            if path.is_dir() {
                folders.push(path);
                continue;
            }
            let relative = path.strip_prefix(from).expect("walked from `from`");
            if ["index.html", "404.html", "sw.js"].iter().any(|name| relative == Path::new(name)) {
                continue;
            }
            let bytes = fs::read(&path).map_err(Error::file(&path))?;
            let target = dist.join(relative);
            match fs::read(&target) {
                Ok(existing) if existing != bytes => {
                    return Err(Error::Data(format!(
                        "{} differs between two entries' builds",
                        relative.display()
                    )))
                }
                Ok(_) => {}
                Err(_) => write_bytes(&target, &bytes)?,
            }
        }
    }
    Ok(())
}

/// The page with its app started after the first paint rather than fetched alongside it.
///
/// Trunk preloads the entry's JS and wasm from the `<head>` and imports them at once. With the
/// page prerendered, those hundreds of kilobytes only compete with the style sheet on a slow
/// line, and the reader sees nothing sooner for them. So the preloads go, and Trunk's loader
/// imports the bindings dynamically once the first frame is painted (a timeout queued from an
/// animation-frame callback runs after that frame).
fn start_after_first_paint(html: &str) -> Result<String, Error> {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(at) = rest.find("<link rel=\"") {
        let end = at
            + rest[at..]
                .find('>')
                .ok_or_else(|| Error::Data("an unclosed <link> in an entry's page".to_owned()))?
            + 1;
        let tag = &rest[at..end];
        out.push_str(&rest[..at]);
        if !(tag.starts_with(r#"<link rel="modulepreload""#) || tag.starts_with(r#"<link rel="preload""#)) {
            out.push_str(tag);
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    let import = out.find("import init, * as bindings from ").ok_or_else(|| {
        Error::Data("Trunk's loader (import init, * as bindings from …) is not in an entry's page".to_owned())
    })?;
    let line_end = import
        + out[import..]
            .find(";\n")
            .ok_or_else(|| Error::Data("Trunk's loader import has no end".to_owned()))?;
    let module = out[import + "import init, * as bindings from ".len()..line_end].to_owned();
    out.replace_range(
        import..line_end,
        &format!(
            "await new Promise((painted) => requestAnimationFrame(() => setTimeout(painted)));\n\
             const bindings = await import({module});\n\
             const init = bindings.default"
        ),
    );
    Ok(out)
}

/// The page with the keys of its view listed on its root element, for index.html's pre-paint
/// script.
fn with_view_keys(html: &str, keys: &[String]) -> Result<String, Error> {
    let at =
        html.find("<html").ok_or_else(|| Error::Data("an entry's page has no <html> element".to_owned()))?;
    let at = at + "<html".len();
    Ok(format!(r#"{} data-view-keys="{}"{}"#, &html[..at], keys.join(" "), &html[at..]))
}

pub fn write(path: &Path, text: &str) -> Result<(), Error> {
    write_bytes(path, text.as_bytes())
}

fn write_bytes(path: &Path, bytes: &[u8]) -> Result<(), Error> {
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).map_err(Error::file(parent))?;
    }
    fs::write(path, bytes).map_err(Error::file(path))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn template() -> String {
        fs::read_to_string(crate::root().join(TEMPLATE)).unwrap()
    }

    #[test]
    fn an_entry_page_names_its_binary_and_no_worker() {
        let html = entry_html(&template(), Entry::Ledger).unwrap();
        assert!(
            html.contains(r#"<link data-trunk href="../../Cargo.toml" rel="rust" data-bin="entry_ledger""#),
            "{html}"
        );
        assert!(!html.contains(TEMPLATE_BIN));
        assert!(!html.contains("data-type=\"worker\""));
        assert!(html.contains(r#"href="../../style/main.css""#));
    }

    #[test]
    fn the_workers_page_has_only_the_workers() {
        let html = entry_html(&template(), Entry::Workers).unwrap();
        assert!(!html.contains(TEMPLATE_BIN));
        assert_eq!(html.matches(r#"data-type="worker""#).count(), 2);
        assert_eq!(html.matches(r#"href="../../Cargo.toml""#).count(), 2);
    }

    #[test]
    fn the_origin_flag_wins_over_the_environment_and_the_path_is_the_public_url() {
        let env = || Some("https://env.example".to_owned());
        let site = site_address(Some("https://flag.example/"), env(), "/sub/").unwrap().unwrap();
        assert_eq!(site.join("share/x.png"), "https://flag.example/sub/share/x.png");
        assert_eq!(site_address(None, env(), "/").unwrap().unwrap().join(""), "https://env.example/");
        assert_eq!(site_address(None, Some("  ".to_owned()), "/").unwrap(), None);
        assert_eq!(site_address(None, None, "/").unwrap(), None);
        for bad in ["example.org", "https://example.org/sub"] {
            let error = site_address(Some(bad), None, "/").unwrap_err();
            assert!(matches!(error, Error::Usage(_)) && error.to_string().contains(bad), "{error}");
        }
    }

    #[test]
    fn the_app_starts_after_the_first_paint_without_preloads() {
        let trunk = "<head><link rel=\"stylesheet\" href=\"/main.css\">\n<script type=\"module\">\nimport init, * as bindings from '/entry-1.js';\nconst wasm = await init({ module_or_path: '/entry-1_bg.wasm' });\n</script>\n  <link rel=\"modulepreload\" href=\"/entry-1.js\" integrity=\"x\"><link rel=\"preload\" href=\"/entry-1_bg.wasm\" as=\"fetch\"></head>";
        let html = start_after_first_paint(trunk).unwrap();
        assert!(html.contains(r#"<link rel="stylesheet" href="/main.css">"#), "{html}");
        assert!(!html.contains("preload"), "{html}");
        assert!(html.contains("requestAnimationFrame(() => setTimeout(painted))"), "{html}");
        assert!(
            html.contains(
                "const bindings = await import('/entry-1.js');\nconst init = bindings.default;\nconst wasm"
            ),
            "{html}"
        );
        assert!(!html.contains("import init"), "{html}");
        assert!(matches!(start_after_first_paint("<head></head>"), Err(Error::Data(_))));
    }

    #[test]
    fn view_keys_go_on_the_root_element() {
        let html =
            with_view_keys("<!doctype html>\n<html lang=\"en\"><head>", &["salary".into(), "seed".into()])
                .unwrap();
        assert_eq!(html, "<!doctype html>\n<html data-view-keys=\"salary seed\" lang=\"en\"><head>");
    }
}
