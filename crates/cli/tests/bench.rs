//! `dossier bench --quick` runs and prints its table (no timed assertions).

mod util;

use util::{assert_ok, stdout, Dir};

#[test]
fn bench_quick_prints_a_table() {
    let dir = Dir::new();
    let out = dir.run(&["bench", "--quick", "-j", "2"], b"");
    assert_ok(&out);
    let s = stdout(&out);
    assert!(s.contains("MB/s"), "{s}");
    assert!(s.contains("threads"), "{s}");
    assert!(s.contains("peak RSS"), "{s}");
    let rows = s
        .lines()
        .filter(|l| {
            l.split_whitespace()
                .next()
                .is_some_and(|w| w == "1" || w == "2")
        })
        .count();
    assert_eq!(rows, 2, "one row per pool size:\n{s}");
}

#[test]
fn bench_json_with_a_short_stream() {
    let dir = Dir::new();
    let out = dir.run(
        &[
            "bench",
            "--quick",
            "--json",
            "-j",
            "1",
            "--stream-gb",
            "0.0005",
        ],
        b"",
    );
    assert_ok(&out);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("one JSON object");
    assert!(v["passes"].as_array().is_some_and(|p| !p.is_empty()));
    assert!(v["stream"]["documents"].as_u64().is_some_and(|n| n > 0));
    assert!(v["stream"]["rss_mb"].is_array());
}

#[test]
fn bench_reads_a_corpus_directory() {
    let dir = Dir::new();
    dir.create(
        "c/a.txt",
        "\"We will not move,\" the mayor said on Tuesday.",
    );
    dir.create("c/b.txt", "According to officials, the port will reopen.");
    let out = dir.run(&["bench", "--corpus", "c", "-j", "1"], b"");
    assert_ok(&out);
    assert!(stdout(&out).contains("2 documents"), "{}", stdout(&out));
}
