#!/usr/bin/env python3
"""Builds frameworks.json, the dataset compiled into Headstart, from the measured dataset.

Usage: python3 convert.py [SHARED_DATA_DIR]   (default: the shared/data folder beside the project)

Reads frameworks.csv (one row per framework), frameworks_detail.csv (which measured tree stands
for each framework and era) and raw/measurements.jsonl (every counter's figures per tree), and
writes one JSON document with the provenance of every number. Stops with an error if the counts
do not add up, so a bad regeneration cannot be committed unnoticed.
"""
import csv
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SOURCE = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE.parents[3] / "shared" / "data"

TOOLS = {"ohcount": "4.0.0", "tokei": "15.0.0", "cloc": "1.96"}
DOMAINS = {"xgboost": "gradient-boosting", "lightgbm": "gradient-boosting", "scikit-learn": "classical-ml"}

# cloc reports languages only; Open Hub's logic/markup/build split is derived with this table.
CLOC_MARKUP = {
    "Markdown", "HTML", "CSS", "SASS", "LESS", "XML", "XSD", "XSLT", "SVG", "reStructuredText", "TeX", "JSON",
    "YAML", "Text", "CSV", "Jupyter Notebook", "AsciiDoc", "DTD", "INI", "TOML", "Properties", "Velocity Template Language",
}
CLOC_BUILD = {"make", "CMake", "Bazel", "Starlark", "Autoconf", "m4", "Dockerfile", "Meson", "Maven", "Gradle", "Ant", "MSBuild script"}

# Trees that are not a plain measurement of the project's own repository at that date.
STATUS = {
    ("pytorch", "latest"): ("proxy", "PyTorch 2.4 (July 2024) as committed in a vendor's port (MetaX-MACA/mcPytorch); current PyTorch could not be fetched."),
    ("paddle", "latest"): ("proxy", "The develop branch of a fork as of September 2019, not current PaddlePaddle."),
    ("transformers", "latest"): ("lower-bound", "Counted from the PyPI source package 5.23.0 (library and tests only); the repository is larger."),
    ("scikit-learn", "latest"): ("lower-bound", "Counted from the PyPI wheel 1.9.1 (Python and Cython sources with in-package tests); the repository is larger."),
    ("dl4j", "latest"): ("measured", "A fork's master of November 2022, after the monorepo merge; close to the final upstream state."),
    ("cntk", "latest"): ("measured", "July 2018, close to the final state; v2.7 (2019) could not be fetched."),
    ("caffe2", "latest"): ("measured", "The final commit moved the code into PyTorch and left 191 lines; the last full tree (2018-09-24) had 286,106 tokei lines."),
    ("llamacpp", "latest"): ("measured", "An older snapshot, February 2025."),
    ("deepspeed", "latest"): ("measured", "An older snapshot, February 2025."),
    ("megatron", "latest"): ("measured", "923,000 of tokei's lines are JSON test data; ohcount, which skips JSON, counts 347,326."),
    ("systemml", "latest"): ("measured", "Most of tokei's and ohcount's lines are generated HTML API documentation (now Apache SystemDS)."),
}
UNMEASURED = {
    "tensorflow": "the repository (2.36 GB) was too large to fetch. A fork's state of June 2018 already had 1,707,670 tokei lines.",
    "vllm": "the repository (1.12 GB) was too large to fetch and no source package could be had.",
    "onnxruntime": "the repository (946 MB) was too large to fetch and PyPI has no source package.",
    "scikit-learn": "the repository (788 MB) was too large to fetch, so there is no 2017 tree; today's figure comes from a PyPI wheel.",
}


def number(text):
    return None if text in ("", None) else float(text)


def whole(text):
    return None if text in ("", None) else int(text)


def split_of(categories, code):
    split = {part: int(categories.get(part, 0)) for part in ("logic", "markup", "build")}
    if sum(split.values()) != code:
        sys.exit(f"split {split} does not add up to {code}")
    return split


def cloc_split(by_language):
    split = {"logic": 0, "markup": 0, "build": 0}
    for language, lines in by_language.items():
        part = "markup" if language in CLOC_MARKUP else "build" if language in CLOC_BUILD else "logic"
        split[part] += lines
    return split


def counts(raw):
    """Per-language figures are kept for tokei only, the counter the language-mix chart uses:
    the others would add a sixth to the first page load for no view."""
    tokei, ohcount = raw["tokei"], raw["ohcount"]
    return {
        "ohcount": {
            "code": ohcount["code"],
            "code_no_vendor": ohcount.get("code_no_vendor"),
            "split": split_of(ohcount.get("categories", {}), ohcount["code"]),
        },
        "tokei": {
            "code": tokei["code"],
            "code_no_vendor": tokei.get("code_no_vendor"),
            "split": split_of(tokei["openhub_categories"], tokei["code"]),
            "by_language": {k: v for k, v in sorted(tokei["by_lang"].items()) if v},
        },
        "cloc": {
            "code": raw["cloc_code"],
            "code_no_vendor": None,
            "split": cloc_split(raw["cloc_by_lang"]),
        },
    }


def tree(framework, era, detail, raw, snapshot_date):
    status, note = STATUS.get((framework, era), ("measured", None))
    commit = raw.get("commit")
    return {
        "source": detail["source"],
        "commit": commit,
        "date": raw.get("commit_date") or snapshot_date,
        "status": status,
        "status_note": note,
        "missing_blobs": int(detail["missing_blobs"] or 0),
        "counts": counts(raw),
    }


def main():
    raw = {r["label"]: r for r in map(json.loads, (SOURCE / "raw" / "measurements.jsonl").read_text().splitlines())}
    details = {(d["id"], d["snapshot"]): d for d in csv.DictReader((SOURCE / "frameworks_detail.csv").open())}
    frameworks = []
    for row in csv.DictReader((SOURCE / "frameworks.csv").open()):
        fid = row["id"]
        trees = {}
        for era in ("2017", "latest"):
            detail = details.get((fid, era))
            trees[era] = detail and tree(fid, era, detail, raw[detail["measured_label"]], row["snapshot_date"])
        record = raw.get(f"{fid}@2017", {})
        git = record.get("git", {})
        frameworks.append({
            "id": fid,
            "name": row["name"],
            "organization": row["organization"],
            "org_kind": row["org_kind"],
            "repo": row["repo"],
            "open_sourced": row["open_sourced"],
            "primary_language": row["primary_language"],
            "domain": DOMAINS.get(fid, "deep-learning"),
            "in_article_set": row["in_article_set"],
            "authors_before_2017": whole(row["authors_before_2017"]),
            "sponsor_commit_share_2017": number(row["sponsor_commit_share_2017"]),
            "commits_before_2017": git.get("commits_no_merges"),
            "top_author_domains_2017": sorted(git.get("top_domains", {}).items(), key=lambda kv: -kv[1]),
            "notes": row["source_notes"],
            "trees": trees,
            "unmeasured_reason": UNMEASURED.get(fid),
        })
    dataset = {
        "measured_on": "2026-11-23",
        "tools": TOOLS,
        "frameworks": frameworks,
    }
    check_article_total(frameworks)
    # One framework per line: small in the bundle, still readable in a diff.
    compact = lambda value: json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    head = compact({k: v for k, v in dataset.items() if k != "frameworks"})[:-1]
    rows = ",\n".join(compact(f) for f in frameworks)
    (HERE / "frameworks.json").write_text(f'{head},"frameworks":[\n{rows}\n]}}\n')


def check_article_total(frameworks):
    """The 15 deep-learning frameworks public on 2017-04-11, costed Open Hub's way on ohcount's split."""
    chosen = [f for f in frameworks if f["domain"] == "deep-learning" and f["trees"]["2017"] and f["open_sourced"] <= "2017-04-11"]
    lines = sum(f["trees"]["2017"]["counts"]["ohcount"]["code"] for f in chosen)
    years = sum(2.4 * (n / 1000) ** 1.05 / 12 for f in chosen for n in f["trees"]["2017"]["counts"]["ohcount"]["split"].values())
    if (len(chosen), lines, round(years, 1)) != (15, 2_496_116, 654.4):
        sys.exit(f"article set: {len(chosen)} frameworks, {lines} lines, {years:.2f} person-years")


if __name__ == "__main__":
    main()
