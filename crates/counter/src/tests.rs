use crate::archive::{self, build, ArchiveError, Damage, Excess};
use crate::*;

/// Files with the syntax that trips naive counters: nested block comments, comment markers
/// inside strings, docstrings, shebangs, a CUDA kernel and a build file known by its name.
const FIXTURES: [(&str, &str); 7] = [
    ("README.md", "# Title\n\nProse.\n\n```rust\nfn shown() {}\n```\n"),
    ("src/lib.rs", "/* outer /* nested */ still comment */\nfn main() {\n    let s = \"// not a comment\";\n\n    // a comment\n    println!(\"{s} /* nor this */\");\n}\n"),
    ("tool/run.py", "#!/usr/bin/env python3\n\"\"\"Module docstring\nspanning lines.\"\"\"\n\nx = '# not a comment'  # but this is\n\ndef f():\n    '''doc'''\n    return x\n"),
    ("web/app.js", "// header\nconst a = `template // with slashes`;\n/* block\n   comment */\nfunction f() { return '/*'; }\n\n"),
    ("native/k.cu", "#include <cuda.h>\n// kernel\n__global__ void k(float* x) {\n  /* body */ x[0] = 1;\n}\n"),
    ("scripts/deploy", "#!/bin/bash\n# build it\nset -e\n\necho \"# done\"\n"),
    ("CMakeLists.txt", "# top\ncmake_minimum_required(VERSION 3.10)\nproject(x)\n"),
];

fn count_in_memory(files: &[(&str, &str)], options: Options) -> Report {
    let paths: Vec<String> = files.iter().map(|f| f.0.to_owned()).collect();
    let sizes: Vec<u64> = files.iter().map(|f| f.1.len() as u64).collect();
    let mut job = CountJob::tree(&paths, &sizes, options, |i| Some(files[i].1.to_owned())).unwrap();
    while !job.is_finished() {
        job.step(10, |i| Ok(files[i].1.as_bytes().to_vec())).unwrap();
    }
    job.report()
}

/// tokei itself, through its own file walking, on the same files written to disk.
fn count_with_tokei(files: &[(&str, &str)]) -> Vec<LanguageCount> {
    let dir = std::env::temp_dir().join(format!("headstart-counter-{}", std::process::id()));
    for (path, text) in files {
        let file = dir.join(path);
        std::fs::create_dir_all(file.parent().unwrap()).unwrap();
        std::fs::write(file, text).unwrap();
    }
    let mut languages = tokei::Languages::new();
    languages.get_statistics(&[&dir], &[], &tokei::Config::default());
    std::fs::remove_dir_all(&dir).unwrap();
    let mut counts: Vec<LanguageCount> = languages
        .iter()
        .filter(|(_, l)| !l.reports.is_empty())
        .map(|(t, l)| LanguageCount {
            language: t.name().to_owned(),
            files: l.reports.len() as u64,
            code: l.code as u64,
            embedded: l.children.values().flatten().map(|r| r.stats.code as u64).sum(),
            comments: l.comments as u64,
            blanks: l.blanks as u64,
        })
        .collect();
    counts.sort_by(|a, b| b.code.cmp(&a.code).then_with(|| a.language.cmp(&b.language)));
    counts
}

#[test]
fn in_memory_counts_equal_tokeis_own() {
    let report = count_in_memory(&FIXTURES, Options::default());
    assert_eq!(report.languages, count_with_tokei(&FIXTURES));
    let rust = report.languages.iter().find(|l| l.language == "Rust").unwrap();
    assert_eq!(
        (rust.code, rust.comments, rust.blanks),
        (4, 2, 1),
        "nested comments and strings with markers"
    );
    let python = report.languages.iter().find(|l| l.language == "Python").unwrap();
    assert_eq!(
        (python.code, python.comments),
        (6, 1),
        "tokei counts docstrings as code, and `#` inside a string as code"
    );
    assert!(report.languages.iter().any(|l| l.language == "BASH" && l.files == 1), "found by its #! line");
    assert_eq!(report.total().files, 7, "{:?}", report);
    let markdown = report.languages.iter().find(|l| l.language == "Markdown").unwrap();
    assert!(
        markdown.embedded >= 1 && markdown.all_code() > markdown.code,
        "the Rust block inside it: {markdown:?}"
    );
}

#[test]
fn vendored_ignored_binary_and_unknown_files_are_skipped_and_counted_as_such() {
    let files = [
        ("a/main.c", "int main() { return 0; }\n"),
        ("a/third_party/zlib.c", "int z;\n"),
        ("a/Node_Modules/x.js", "var x;\n"),
        (".gitignore", "build/\n*.gen.c\n"),
        ("a/build/out.c", "int o;\n"),
        ("a/x.gen.c", "int g;\n"),
        ("a/sub/.gitignore", "local.c\n"),
        ("a/sub/local.c", "int l;\n"),
        ("a/local.c", "int kept;\n"),
        ("logo.png", "\u{89}PNG\0\0"),
        ("notes.unknownext", "text\n"),
        (".github/ci.yml", "on: push\n"),
        ("a/.git/config", "[core]\n"),
    ];
    let report = count_in_memory(&files, Options::default());
    let c = report.languages.iter().find(|l| l.language == "C").unwrap();
    assert_eq!((c.files, c.code), (2, 2), "main.c and a/local.c: {report:?}");
    let skipped: std::collections::BTreeMap<Skip, u64> = report.skipped.iter().copied().collect();
    assert_eq!(skipped.get(&Skip::Vendored), Some(&2));
    assert_eq!(skipped.get(&Skip::Ignored), Some(&3));
    assert_eq!(skipped.get(&Skip::Binary), Some(&1));
    assert_eq!(skipped.get(&Skip::VersionControl), Some(&1));
    assert!(report.languages.iter().any(|l| l.language == "YAML"), "hidden files count, as in the dataset");
    assert!(skipped.get(&Skip::NotCode).copied().unwrap_or(0) >= 1);
    let everything = count_in_memory(
        &files,
        Options { skip_vendored: false, honour_gitignore: false, ..Options::default() },
    );
    assert_eq!(everything.languages.iter().find(|l| l.language == "C").unwrap().files, 6);
}

#[test]
fn non_utf8_text_is_counted_not_refused() {
    let latin1 = b"/* caf\xe9 */\nint x;\n";
    let mut counter = Counter::new(Options::default(), &[]);
    counter.count("old.c", latin1);
    let c = &counter.report().languages[0];
    assert_eq!((c.code, c.comments), (1, 1));
}

fn sources() -> Vec<(&'static str, &'static [u8])> {
    FIXTURES.iter().map(|(p, t)| (*p, t.as_bytes())).collect()
}

#[test]
fn zip_tar_and_tar_gz_unpack_to_the_same_files() {
    let files = sources();
    for bytes in [
        build::zip(&files, false),
        build::zip(&files, true),
        build::tar(&files),
        build::gzip(&build::tar(&files)),
    ] {
        let entries = archive::read(&bytes, &Limits::default()).unwrap();
        assert_eq!(entries.len(), files.len());
        for (entry, (path, data)) in entries.iter().zip(&files) {
            assert_eq!((entry.path.as_str(), entry.data.as_slice()), (*path, *data));
        }
        let report = count_entries(&entries);
        assert_eq!(report, count_in_memory(&FIXTURES, Options::default()));
    }
}

#[test]
fn long_paths_and_empty_files_survive_every_format() {
    let long = format!("{}/main.rs", "a_directory_with_a_long_name".repeat(6));
    let files: Vec<(&str, &[u8])> = vec![(&long, b"fn main() {}\n"), ("empty.rs", b"")];
    for bytes in [build::zip(&files, true), build::tar(&files), build::gzip(&build::tar(&files))] {
        let entries = archive::read(&bytes, &Limits::default()).unwrap();
        let read: Vec<(&str, &[u8])> = entries.iter().map(|e| (e.path.as_str(), e.data.as_slice())).collect();
        assert_eq!(read, files);
    }
}

#[test]
fn a_tar_cut_between_blocks_and_a_gzip_without_a_tar_say_so() {
    let tar = build::tar(&sources());
    let whole_blocks = &tar[..tar.len() - 1024];
    let error = archive::read(whole_blocks, &Limits::default()).unwrap_err();
    assert_eq!(error, ArchiveError::Corrupt(Damage::NoEndMarker));
    assert_eq!(
        archive::read(&build::gzip(b"just some text"), &Limits::default()).unwrap_err().to_string(),
        "the archive uses a feature this reader does not support (a gzip file that does not hold a tar archive)"
    );
}

fn count_entries(entries: &[archive::Entry]) -> Report {
    let mut job = CountJob::archive(entries, Options::default());
    job.step(u64::MAX, |i| Ok(entries[i].data.clone())).unwrap();
    assert!(job.is_finished());
    job.report()
}

#[test]
fn damaged_encrypted_and_foreign_archives_say_why() {
    let files = sources();
    let zip = build::zip(&files, true);
    let cut = archive::read(&zip[..zip.len() / 2], &Limits::default()).unwrap_err();
    assert!(matches!(cut, ArchiveError::Corrupt(_)), "{cut}");
    let mut encrypted = zip.clone();
    let directory = encrypted.windows(4).position(|w| w == [0x50, 0x4b, 0x01, 0x02]).unwrap();
    encrypted[directory + 8] |= 1;
    assert!(matches!(archive::read(&encrypted, &Limits::default()), Err(ArchiveError::Encrypted(_))));
    assert_eq!(archive::read(b"just some text", &Limits::default()), Err(ArchiveError::NotAnArchive));
    let tar = build::tar(&files);
    assert!(matches!(archive::read(&tar[..700], &Limits::default()), Err(ArchiveError::Corrupt(_))));
    let tgz = build::gzip(&tar);
    assert!(matches!(
        archive::read(&tgz[..tgz.len() - 40], &Limits::default()),
        Err(ArchiveError::Corrupt(_))
    ));
    assert!(cut.to_string().starts_with("the archive is damaged or cut short"));
}

/// Where each entry's data starts, as the zip crate finds it.
fn data_starts(zip: &[u8]) -> Vec<(String, usize)> {
    let mut archive = ::zip::ZipArchive::new(std::io::Cursor::new(zip)).unwrap();
    (0..archive.len())
        .map(|i| {
            let file = archive.by_index(i).unwrap();
            (file.name().unwrap().into_owned(), file.data_start().unwrap() as usize)
        })
        .collect()
}

#[test]
fn a_zip_with_one_byte_changed_in_an_entry_is_damaged_and_names_it() {
    let files = sources();
    for deflate in [false, true] {
        let zip = build::zip(&files, deflate);
        for (path, start) in data_starts(&zip) {
            let mut damaged = zip.clone();
            damaged[start + 3] ^= 0x20;
            let error = archive::read(&damaged, &Limits::default()).unwrap_err();
            assert_eq!(error, ArchiveError::Corrupt(Damage::Entry(path.clone())), "deflate {deflate}");
            let message = error.to_string();
            assert!(message.starts_with("the archive is damaged or cut short") && message.contains(&path));
        }
    }
    let tgz = build::gzip(&build::tar(&files));
    for at in [20, tgz.len() / 2, tgz.len() - 6] {
        let mut damaged = tgz.clone();
        damaged[at] ^= 0x20;
        let error = archive::read(&damaged, &Limits::default()).unwrap_err();
        assert!(matches!(error, ArchiveError::Corrupt(_)), "byte {at}: {error}");
    }
}

#[test]
fn a_zip_bomb_stops_at_the_limits() {
    let zeros = vec![0u8; 8 * 1024 * 1024];
    let limits = Limits {
        max_total_bytes: 20 * 1024 * 1024,
        max_files: 1_000,
        max_file_bytes: 4 * 1024 * 1024,
        ..Limits::default()
    };
    // One huge file: skipped as too large, without inflating more than the limit.
    let one = build::zip(&[("big.c", &zeros)], true);
    let entries = archive::read(&one, &limits).unwrap();
    assert_eq!((entries[0].data.len(), entries[0].size), (0, limits.max_file_bytes + 1));
    // Many files that together unpack past the total: refused.
    let many: Vec<(String, Vec<u8>)> =
        (0..8).map(|i| (format!("f{i}.c"), vec![b'x'; 3 * 1024 * 1024])).collect();
    let many: Vec<(&str, &[u8])> = many.iter().map(|(p, d)| (p.as_str(), d.as_slice())).collect();
    let bomb = build::zip(&many, true);
    assert!(bomb.len() < 200_000, "it compresses well: {}", bomb.len());
    let refused = archive::read(&bomb, &limits).unwrap_err();
    assert_eq!(refused, ArchiveError::TooLarge(Excess::Unpacked { max_bytes: 20 * 1024 * 1024 }));
    assert_eq!(
        refused.to_string(),
        "the archive unpacks to more than this page will read: over 20 MB unpacked"
    );
    let tgz = build::gzip(&build::tar(&many));
    assert!(matches!(archive::read(&tgz, &limits), Err(ArchiveError::TooLarge(_))));
    let too_many = Limits { max_files: 3, ..limits };
    assert!(archive::read(&build::zip(&sources(), false), &too_many)
        .unwrap_err()
        .to_string()
        .contains("more than 3 files"));
    assert!(Limits::default()
        .check_archive(300 * 1024 * 1024)
        .unwrap_err()
        .to_string()
        .contains("over 256 MB"));
    assert!(
        Limits::default().describe().contains("512 MB and 200,000 files"),
        "{}",
        Limits::default().describe()
    );
}

#[test]
fn messages_survive_json() {
    let request = CountRequest::Archive { name: "x.zip".into(), options: Options::default() };
    let text = serde_json::to_string(&request).unwrap();
    assert_eq!(serde_json::from_str::<CountRequest>(&text).unwrap(), request);
    let reply = CountReply::Done(count_in_memory(&FIXTURES, Options::default()));
    assert_eq!(serde_json::from_str::<CountReply>(&serde_json::to_string(&reply).unwrap()).unwrap(), reply);
}
