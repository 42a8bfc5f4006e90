//! Benchmark (not a test): this counter against the tokei command line on the same real source
//! tree, the crates in the local cargo registry, for throughput and for agreement.
//!
//!     cargo run --release -p headstart-counter --example count_bench -- [MB] [--zip FILE]
//!
//! Takes registry crates in name order until MB (default 100) of files, counts them in one thread
//! as the page's worker does (reading included), then runs `tokei` (if on PATH) on the same crates
//! single-threaded and with all cores, and prints each language whose code count differs.
//! The same files are then zipped in memory and unpacked and counted again, as the page's worker
//! does with an archive. `--zip FILE` also writes that zip, for the in-browser benchmark.

use headstart_counter::archive::{self, build};
use headstart_counter::{CountJob, Limits, Options, Report};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

fn files_under(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        match entry.file_type() {
            Ok(t) if t.is_dir() => files_under(&path, out),
            Ok(t) if t.is_file() => out.push(path),
            _ => {}
        }
    }
}

fn registry() -> PathBuf {
    let home = std::env::var("CARGO_HOME")
        .map(PathBuf::from)
        .unwrap_or_else(|_| PathBuf::from(std::env::var("HOME").unwrap_or_default()).join(".cargo"));
    let src = home.join("registry/src");
    std::fs::read_dir(&src)
        .ok()
        .and_then(|mut d| d.next())
        .and_then(Result::ok)
        .map(|e| e.path())
        .expect("a cargo registry with sources")
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let megabytes: u64 = args.first().and_then(|a| a.parse().ok()).unwrap_or(100);
    let zip_to = args.iter().position(|a| a == "--zip").and_then(|i| args.get(i + 1)).map(PathBuf::from);
    let root = registry();
    let mut crates: Vec<PathBuf> =
        std::fs::read_dir(&root).unwrap().flatten().map(|e| e.path()).filter(|p| p.is_dir()).collect();
    crates.sort();
    let (mut chosen, mut files, mut bytes) = (Vec::new(), Vec::new(), 0u64);
    for dir in crates {
        if bytes >= megabytes * 1024 * 1024 {
            break;
        }
        let mut found = Vec::new();
        files_under(&dir, &mut found);
        bytes += found.iter().filter_map(|f| f.metadata().ok()).map(|m| m.len()).sum::<u64>();
        files.extend(found);
        chosen.push(dir);
    }
    let relative: Vec<String> =
        files.iter().map(|f| f.strip_prefix(&root).unwrap().to_string_lossy().into_owned()).collect();
    let sizes: Vec<u64> = files.iter().map(|f| f.metadata().map_or(0, |m| m.len())).collect();
    println!("{} crates, {} files, {:.1} MB", chosen.len(), files.len(), bytes as f64 / 1_048_576.0);

    // tokei reads every file; so does the page. No vendored skipping: tokei does none.
    let options = Options { skip_vendored: false, ..Options::default() };
    let start = Instant::now();
    let mut job =
        CountJob::tree(&relative, &sizes, options, |i| std::fs::read_to_string(&files[i]).ok()).unwrap();
    while !job.is_finished() {
        job.step(u64::MAX, |i| std::fs::read(&files[i]).map_err(|e| e.to_string())).unwrap();
    }
    let ours = job.report();
    let took = start.elapsed().as_secs_f64();
    println!(
        "headstart-counter, one thread: {:.2} s, {:.1} MB/s, {} code lines",
        took,
        bytes as f64 / 1_048_576.0 / took,
        ours.total().all_code()
    );

    let contents: Vec<Vec<u8>> = files.iter().map(|f| std::fs::read(f).unwrap_or_default()).collect();
    let entries: Vec<(&str, &[u8])> =
        relative.iter().map(String::as_str).zip(contents.iter().map(Vec::as_slice)).collect();
    let zip = build::zip(&entries, true);
    drop(contents);
    let start = Instant::now();
    let unzipped = count_zip(&zip, options);
    let took = start.elapsed().as_secs_f64();
    println!(
        "headstart-counter, the same files as a {:.1} MB zip, unpacked and counted in one thread: {:.2} s, {:.1} MB/s",
        zip.len() as f64 / 1_048_576.0,
        took,
        bytes as f64 / 1_048_576.0 / took
    );
    assert_eq!(unzipped, ours, "the zip counts as the files do");
    if let Some(path) = zip_to {
        std::fs::write(&path, &zip).unwrap();
        println!("wrote {}", path.display());
    }

    let tokei = |threads: Option<&str>| -> Option<(f64, serde_json::Value)> {
        let mut command = Command::new("tokei");
        // --hidden, as the dataset's counts were made and as the page counts.
        command.args(["--hidden", "--output", "json"]).args(&chosen);
        if let Some(n) = threads {
            command.env("RAYON_NUM_THREADS", n);
        }
        let start = Instant::now();
        let output = command.output().ok().filter(|o| o.status.success())?;
        Some((start.elapsed().as_secs_f64(), serde_json::from_slice(&output.stdout).ok()?))
    };
    let Some((single, json)) = tokei(Some("1")) else {
        println!("tokei is not on PATH: install it with `cargo install tokei --version 15.0.0 --locked` to compare");
        return;
    };
    println!("tokei 15, one thread: {:.2} s, {:.1} MB/s", single, bytes as f64 / 1_048_576.0 / single);
    if let Some((all, _)) = tokei(None) {
        println!("tokei 15, all cores: {:.2} s", all);
    }
    let theirs: BTreeMap<String, u64> = json
        .as_object()
        .unwrap()
        .iter()
        .filter(|(name, _)| *name != "Total")
        .map(|(name, stats)| (name.clone(), stats["code"].as_u64().unwrap_or(0)))
        .filter(|(_, code)| *code > 0)
        .collect();
    // tokei's JSON names languages by their enum variant ("CHeader"), the report by display name ("C Header").
    let variant = |name: &str| {
        let language = name.parse::<tokei::LanguageType>().ok();
        language
            .and_then(|t| serde_json::to_value(t).ok())
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_else(|| name.to_owned())
    };
    let mine: BTreeMap<String, u64> = ours.languages.iter().map(|l| (variant(&l.language), l.code)).collect();
    // tokei's Total row is its headline figure, embedded code included.
    let their_total = json["Total"]["code"].as_u64().unwrap_or(0);
    let ours_total = ours.total().all_code();
    println!(
        "code lines with embedded code: ours {ours_total}, tokei's total {their_total} ({:+.3}%)",
        (ours_total as f64 / their_total as f64 - 1.0) * 100.0
    );
    println!("languages whose own code lines differ from tokei's:");
    for name in theirs.keys().chain(mine.keys()).collect::<std::collections::BTreeSet<_>>() {
        let (a, b) = (mine.get(name).copied().unwrap_or(0), theirs.get(name).copied().unwrap_or(0));
        if a != b {
            println!("  {name}: ours {a}, tokei {b}");
        }
    }
}

/// Unpacks and counts an archive as the page's worker does.
fn count_zip(zip: &[u8], options: Options) -> Report {
    let mut entries = archive::read(zip, &Limits::default()).expect("a readable zip");
    let mut job = CountJob::archive(&entries, options);
    job.step(u64::MAX, |i| Ok(std::mem::take(&mut entries[i].data))).unwrap();
    job.report()
}
