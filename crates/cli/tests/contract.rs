//! The batch contract of `EVAL.md`, read back with strict structs of our own (after
//! ripgrep's `tests/json.rs`): a field that is renamed, retyped or added without
//! notice fails here. The optional additions `error`, `diagnostics` and an entity's
//! `role` / `affiliation` (from the attributions whose speaker it is) are allowed.
//!
//! Also the `--json` and human views of `examples/articles/port-strike.txt`; the
//! `--json` output is an insta snapshot (`tests/snapshots/`). When the engine improves
//! the snapshot changes on purpose: review with `cargo insta review` (or
//! `cargo insta accept`) and commit the new snapshot with the change.

mod util;

use serde::Deserialize;
use util::{assert_ok, line, repo_root, stdout, Dir};

type Pair = [usize; 2];

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Record {
    id: serde_json::Value,
    text: String,
    title: Option<String>,
    author: Option<String>,
    published: Option<String>,
    /// additions for web input: the page's URL and the crawl date of a WARC record
    #[serde(default)]
    url: Option<String>,
    #[serde(default)]
    crawled: Option<String>,
    #[serde(default)]
    error: Option<String>,
    furniture: Vec<Pair>,
    attributions: Vec<Attribution>,
    entities: Vec<Entity>,
    times: Vec<Time>,
    events: Vec<Event>,
    #[serde(default)]
    diagnostics: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Attribution {
    content: Vec<Pair>,
    source: Option<Pair>,
    cue: Option<Pair>,
    speaker: Option<String>,
    kind: Kind,
    role: Option<String>,
    affiliation: Option<String>,
    medium: Option<String>,
    date: Option<String>,
}

#[derive(Debug, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
enum Kind {
    Direct,
    Mixed,
    Indirect,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Entity {
    start: usize,
    end: usize,
    label: Label,
    entity: String,
    #[serde(default)]
    role: Option<String>,
    #[serde(default)]
    affiliation: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
enum Label {
    Person,
    Org,
    Place,
    Norp,
    Event,
    Law,
    Work,
    Other,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Time {
    start: usize,
    end: usize,
    #[serde(rename = "type")]
    kind: TimeType,
    value: String,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
enum TimeType {
    Date,
    Time,
    Duration,
    Set,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct Event {
    start: usize,
    end: usize,
    category: String,
    source: Option<String>,
    target: Option<String>,
    date: Option<String>,
}

/// The text between two code-point offsets.
fn cp_slice(text: &str, [s, e]: Pair) -> String {
    text.chars().skip(s).take(e.saturating_sub(s)).collect()
}

/// A `[start, end]` pair is a non-empty range of code points inside the text.
fn check_pair(text: &str, p: Pair, what: &str) {
    let n = text.chars().count();
    assert!(p[0] < p[1] && p[1] <= n, "{what} {p:?} outside 0..{n}");
}

fn check_record(r: &Record) {
    let t = &r.text;
    for &p in &r.furniture {
        check_pair(t, p, "furniture");
    }
    for a in &r.attributions {
        assert!(
            !a.content.is_empty(),
            "an attribution without content: {a:?}"
        );
        for &p in &a.content {
            check_pair(t, p, "content");
        }
        if let Some(p) = a.source {
            check_pair(t, p, "source");
        }
        if let Some(p) = a.cue {
            check_pair(t, p, "cue");
        }
        if let Some(d) = &a.date {
            assert!(d.len() >= 4, "date {d:?}");
        }
    }
    for e in &r.entities {
        check_pair(t, [e.start, e.end], "entity");
    }
    for x in &r.times {
        check_pair(t, [x.start, x.end], "time");
    }
    for x in &r.events {
        assert!(
            x.start <= x.end && x.end <= t.chars().count(),
            "event {x:?}"
        );
    }
}

fn parse_lines(out: &std::process::Output) -> Vec<Record> {
    stdout(out)
        .lines()
        .enumerate()
        .map(|(i, l)| {
            serde_json::from_str(l)
                .unwrap_or_else(|e| panic!("line {} breaks the contract: {e}\n{l}", i + 1))
        })
        .collect()
}

/// Non-ASCII before every span, so byte offsets would be visibly wrong.
const ARTICLE: &str = "Zoë Müller-Łukasiewicz — Ölkrise in Gdańsk\n\
Your browser doesn't support HTML5\n\
«Ça ira», said Zoë Müller-Łukasiewicz, the port’s director, on Tuesday.\n\
“We will not sign this,” Müller-Łukasiewicz told Radio Gdańsk. “Never.”\n\
SEE ALSO: Why Gdańsk Matters To EuropeThe strike began on 3 January 2022.\n\
The union’s leader said the talks had failed.";

#[test]
fn jsonl_output_obeys_the_contract() {
    let published = "2022-01-07";
    let mut input =
        serde_json::json!({"id": "nonascii", "text": ARTICLE, "published": published}).to_string();
    input.push('\n');
    input.push_str(&line("crlf\u{0}", "A\r\nB\u{0}\t“C,” she said.\r\n"));
    input.push('\n');
    input.push_str("{\"id\": [1, 2], \"text\": 3}\n");
    let dir = Dir::new();
    let out = dir.run(&["extract", "--jsonl"], input.as_bytes());
    assert_ok(&out);
    let recs = parse_lines(&out);
    assert_eq!(recs.len(), 3);
    for r in &recs {
        check_record(r);
    }

    let r = &recs[0];
    assert_eq!(r.id, "nonascii");
    assert_eq!(r.text, ARTICLE, "text is the input unchanged");
    assert_eq!(r.published.as_deref(), Some(published));
    assert!(r.error.is_none());

    // offsets are code points: the furniture is found by slicing characters
    let furniture: Vec<String> = r.furniture.iter().map(|&p| cp_slice(&r.text, p)).collect();
    assert!(
        furniture
            .iter()
            .any(|f| f == "Your browser doesn't support HTML5"),
        "furniture by code points: {furniture:?}"
    );
    assert!(
        furniture
            .iter()
            .any(|f| f == "SEE ALSO: Why Gdańsk Matters To Europe"),
        "furniture by code points: {furniture:?}"
    );
    // attributions, when the engine finds them, slice to sensible text
    for a in &r.attributions {
        let content: Vec<String> = a.content.iter().map(|&p| cp_slice(&r.text, p)).collect();
        let joined = content.join(" ");
        assert!(
            !joined.trim().is_empty() && !joined.contains("Your browser"),
            "content {content:?}"
        );
        if let Some(p) = a.source {
            let s = cp_slice(&r.text, p);
            assert!(
                [
                    "Zoë Müller-Łukasiewicz",
                    "Müller-Łukasiewicz",
                    "she",
                    "he",
                    "The union’s leader",
                    "union’s leader",
                    "leader"
                ]
                .iter()
                .any(|x| s == *x),
                "source by code points: {s:?}"
            );
        }
        if let Some(p) = a.cue {
            let c = cp_slice(&r.text, p);
            assert!(
                c.contains("said") || c.contains("told"),
                "cue by code points: {c:?}"
            );
        }
    }
    for e in &r.entities {
        let s = cp_slice(&r.text, [e.start, e.end]);
        assert_eq!(s.trim(), s, "entity {s:?} has no surrounding space");
    }

    let r = &recs[1];
    assert_eq!(r.id, "crlf\u{0}");
    assert_eq!(r.text, "A\r\nB\u{0}\t“C,” she said.\r\n");

    let r = &recs[2];
    assert_eq!(r.id, serde_json::json!([1, 2]));
    assert!(r.error.is_some());
    assert!(r.attributions.is_empty() && r.furniture.is_empty());
}

fn example() -> std::path::PathBuf {
    repo_root().join("examples/articles/port-strike.txt")
}

#[test]
fn json_output_of_the_example_article() {
    let root = repo_root();
    let mut cmd = std::process::Command::new(util::bin());
    cmd.current_dir(&root)
        .args(["extract", "--json", "examples/articles/port-strike.txt"]);
    let out = util::run_cmd(cmd, b"");
    assert_ok(&out);
    let text = std::fs::read_to_string(example()).expect("the example article");
    // one pretty document that obeys the contract
    let r: Record = serde_json::from_slice(&out.stdout).expect("--json prints one JSON document");
    check_record(&r);
    assert_eq!(r.text, text);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    insta::assert_json_snapshot!("port_strike_json", v);
}

#[test]
fn human_output_of_the_example_article() {
    let dir = Dir::new();
    let path = example();
    let out = dir.run(
        &[
            "extract",
            "--color",
            "never",
            path.to_str().expect("utf-8 path"),
        ],
        b"",
    );
    assert_ok(&out);
    let s = stdout(&out);
    assert!(s.starts_with("== "), "a header per article:\n{s}");
    assert!(s.contains("port-strike.txt"), "{s}");
    assert!(!s.contains('\u{1b}'), "no colour with --color never:\n{s}");
    // forced colour paints
    let out = dir.run(
        &[
            "extract",
            "--color",
            "always",
            path.to_str().expect("utf-8 path"),
        ],
        b"",
    );
    assert_ok(&out);
    assert!(stdout(&out).contains('\u{1b}'));
}

#[test]
fn jsonl_and_json_agree() {
    let dir = Dir::new();
    dir.create("a.txt", ARTICLE);
    let jl = dir.run(&["extract", "--jsonl", "a.txt"], b"");
    let js = dir.run(&["extract", "--json", "a.txt"], b"");
    assert_ok(&jl);
    assert_ok(&js);
    let a: serde_json::Value = serde_json::from_slice(&jl.stdout).expect("JSONL");
    let b: serde_json::Value = serde_json::from_slice(&js.stdout).expect("JSON");
    assert_eq!(a, b);
    assert_eq!(a["text"], ARTICLE);
}
