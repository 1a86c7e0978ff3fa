//! Bad and hostile input through the real binary: every input line gives exactly one
//! output line, in order; bad lines get `"error"` and empty lists; the batch never stops
//! and exits 0; usage errors exit 2; a closed stdout pipe ends the run quietly.

mod util;

use serde_json::Value;
use std::io::{BufRead, BufReader};
use std::process::Stdio;
use util::{assert_ok, assert_ok_or_known, jsonl, line, stderr, Dir};

const LISTS: [&str; 5] = ["furniture", "attributions", "entities", "times", "events"];

/// A bad line: an `"error"` string and empty lists.
fn assert_bad(v: &Value, why_contains: &str) {
    let err = v["error"]
        .as_str()
        .unwrap_or_else(|| panic!("expected an error line, got {v}"));
    assert!(
        err.contains(why_contains),
        "error {err:?} should mention {why_contains:?}"
    );
    for k in LISTS {
        assert_eq!(
            v[k],
            Value::Array(vec![]),
            "{k} of a bad line must be []: {v}"
        );
    }
}

/// A good line: no `"error"`, all lists present.
fn assert_good(v: &Value) {
    assert!(v.get("error").is_none(), "unexpected error: {v}");
    for k in LISTS {
        assert!(v[k].is_array(), "{k} missing: {v}");
    }
}

#[test]
fn one_line_out_per_line_in_whatever_the_line() {
    let mut input: Vec<u8> = Vec::new();
    let mut push = |l: &[u8]| {
        input.extend_from_slice(l);
        input.push(b'\n');
    };
    push(line("a", "First article.").as_bytes()); // 1 good
    push(b"this is not json"); // 2
    push(b"[1, 2, 3]"); // 3 not an object
    push(b"\"just a string\""); // 4
    push(b"42"); // 5
    push(b"null"); // 6
    push(br#"{"id": "no-text"}"#); // 7
    push(br#"{"id": "num-text", "text": 5}"#); // 8
    push(br#"{"id": "null-text", "text": null}"#); // 9
    push(b""); // 10 blank
    push(b"   \t "); // 11 whitespace only
    push(format!("{}\r", line("crlf", "Windows line.")).as_bytes()); // 12 CRLF
    push(b"\xff\xfe\xfd"); // 13 invalid UTF-8, not JSON
    push(b"{\"id\": \"lossy\", \"text\": \"caf\xe9 au lait\"}"); // 14 invalid UTF-8 in text
    push(format!("\u{FEFF}{}", line("bom", "After a byte-order mark.")).as_bytes()); // 15
    push(br#"{"id": "trunc", "text": "unterminated"#); // 16
    push(br#"{"id": 7, "text": "A numeric id."}"#); // 17
    push(br#"{"id": "bad-date", "text": "Dated.", "published": "yesterday"}"#); // 18
    push(br#"{"id": "surrogate", "text": "\ud800"}"#); // 19 lone surrogate escape
    push(format!("{}{}", "[".repeat(10_000), "]".repeat(10_000)).as_bytes()); // 20 deep JSON
    push(line("last", "Last article.").as_bytes()); // 21
    let dir = Dir::new();
    let out = dir.run(&["extract", "--jsonl"], &input);
    assert_ok(&out);
    let v = jsonl(&out);
    assert_eq!(v.len(), 21, "one output line per input line");

    assert_good(&v[0]);
    assert_eq!(v[0]["id"], "a");
    assert_bad(&v[1], "JSON");
    assert_bad(&v[2], "not an object");
    assert_bad(&v[3], "not an object");
    assert_bad(&v[4], "not an object");
    assert_bad(&v[5], "not an object");
    assert_bad(&v[6], "text");
    assert_eq!(v[6]["id"], "no-text", "the id of a bad line is echoed");
    assert_bad(&v[7], "text");
    assert_eq!(v[7]["id"], "num-text");
    assert_bad(&v[8], "text");
    assert_bad(&v[9], "empty");
    assert_bad(&v[10], "empty");
    assert_good(&v[11]);
    assert_eq!(v[11]["id"], "crlf");
    assert_eq!(v[11]["text"], "Windows line.");
    assert_bad(&v[12], "JSON");
    assert_good(&v[13]);
    assert_eq!(v[13]["text"], "caf\u{FFFD} au lait");
    assert!(
        v[13]["diagnostics"].to_string().contains("UTF-8"),
        "lossy decoding is reported: {}",
        v[13]
    );
    assert_good(&v[14]);
    assert_eq!(v[14]["id"], "bom");
    assert_bad(&v[15], "JSON");
    assert_good(&v[16]);
    assert_eq!(v[16]["id"], 7, "a non-string id is echoed as it was");
    assert_good(&v[17]);
    assert_eq!(v[17]["published"], Value::Null);
    assert!(v[17]["diagnostics"].to_string().contains("yesterday"));
    assert_bad(&v[18], "JSON");
    assert_bad(&v[19], "JSON");
    assert_good(&v[20]);
    assert_eq!(v[20]["id"], "last");
}

#[test]
fn invalid_utf8_in_files_and_plain_stdin() {
    let dir = Dir::new();
    dir.create(
        "bad.txt",
        b"Caf\xe9 owners said \xff\xfe they would strike.\n",
    );
    let out = dir.run(&["extract", "--jsonl", "bad.txt"], b"");
    assert_ok(&out);
    let v = jsonl(&out);
    assert_eq!(v.len(), 1);
    assert_good(&v[0]);
    assert!(v[0]["text"].as_str().unwrap().contains('\u{FFFD}'));
    assert!(v[0]["diagnostics"].to_string().contains("UTF-8"));

    let out = dir.run(&["extract", "--json"], b"plain \xff text on stdin");
    assert_ok(&out);
    let v: Value = serde_json::from_slice(&out.stdout).expect("one pretty JSON document");
    assert_eq!(v["text"], "plain \u{FFFD} text on stdin");

    dir.create("batch.jsonl", b"{\"id\":\"x\",\"text\":\"ok\"}\n\xc3\x28\n");
    let out = dir.run(&["extract", "--jsonl", "batch.jsonl"], b"");
    assert_ok(&out);
    let v = jsonl(&out);
    assert_eq!(v.len(), 2);
    assert_good(&v[0]);
    assert_bad(&v[1], "JSON");
}

#[test]
fn empty_document_and_empty_input() {
    let dir = Dir::new();
    let out = dir.run(&["extract", "--jsonl"], format!("{}\n", line("e", "")));
    assert_ok(&out);
    let v = jsonl(&out);
    assert_eq!(v.len(), 1);
    assert_good(&v[0]);
    assert_eq!(v[0]["text"], "");
    for k in LISTS {
        assert_eq!(v[0][k], Value::Array(vec![]));
    }
    // no input at all: no output, exit 0
    let out = dir.run(&["extract", "--jsonl"], b"");
    assert_ok(&out);
    assert!(out.stdout.is_empty());
    // an empty text file
    dir.create("empty.txt", b"");
    let out = dir.run(&["extract", "--jsonl", "empty.txt"], b"");
    assert_ok(&out);
    assert_eq!(jsonl(&out).len(), 1);
}

/// Hostile texts that must round-trip unchanged and never stop the batch.
fn hostile_texts() -> Vec<(&'static str, String)> {
    let sentence = "The minister said on Tuesday that the \u{201C}deal is dead,\u{201D} \
                    according to officials. \"We will fight,\" Trenin said.\n\n";
    vec![
        ("straight-marks", "\"".repeat(100_000)),
        ("curly-marks", "\u{201C}\u{201D}".repeat(50_000)),
        ("guillemets", "«»„“".repeat(25_000)),
        ("single-marks", "'".repeat(100_000)),
        ("backticks", "``''".repeat(25_000)),
        (
            "nested",
            format!(
                "He said {}it{} today.",
                "\"she said \u{201C}they said \u{2018}we said «".repeat(2_000),
                "»\u{2019}\u{201D}\"".repeat(2_000)
            ),
        ),
        (
            "controls",
            "A\u{0}B\u{1}C\u{7}\u{8}\u{b}\u{c}\u{1b}[31m\u{7f}\u{85}\u{2028}\u{2029}\u{feff}\u{200b}\u{ad} \"Hi,\u{0}\" he\u{0} said."
                .to_string(),
        ),
        (
            "mixed-crlf",
            "Line one.\r\n\"Quote,\" she said.\rLine three.\n\r\n\r\r\nLast \u{201C}line.\u{201D}\r".to_string(),
        ),
        ("blank-lines", "\n\n\n   \n\t\n\"\n\n".to_string()),
        ("only-space", " \u{a0}\u{3000}\t".to_string()),
        (
            "long-word",
            format!("\"{}\" said X.", "a".repeat(200_000)),
        ),
        ("many-lines", sentence.repeat(500)),
        (
            "rtl-and-emoji",
            "«مرحبا» قال. 👍🏽👨‍👩‍👧 “表情” 他说。 \u{202e}reversed\u{202c}".to_string(),
        ),
    ]
}

#[test]
fn hostile_texts_round_trip_in_order() {
    let texts = hostile_texts();
    let mut input = String::new();
    for (id, t) in &texts {
        input.push_str(&line(id, t));
        input.push('\n');
    }
    let dir = Dir::new();
    let out = dir.run(&["extract", "--jsonl"], input.as_bytes());
    assert_ok_or_known(&out);
    let v = jsonl(&out);
    assert_eq!(v.len(), texts.len());
    for ((id, t), o) in texts.iter().zip(&v) {
        assert_eq!(o["id"], *id, "order is kept");
        match o["error"].as_str() {
            // a known stage panic (see util::KNOWN_PANICS), isolated to its document
            Some(e) => assert!(e.starts_with("internal error"), "{id}: {e}"),
            None => assert_good(o),
        }
        assert!(
            o["text"] == *t.as_str(),
            "{id}: text must be the input unchanged"
        );
    }
}

/// A 20 MB document goes through in one piece (every stage is linear in the length of
/// the document) and the line after it is still answered.
#[test]
fn a_twenty_megabyte_document() {
    let unit = "The minister said on Tuesday that the \u{201C}deal is dead,\u{201D} according \
                to officials. \"We will fight,\" Trenin said.\n\n";
    let mut text = String::with_capacity(20 << 20);
    while text.len() < 20 << 20 {
        text.push_str(unit);
    }
    let input = format!("{}\n{}\n", line("big", &text), line("after", "Small."));
    let dir = Dir::new();
    let out = dir.run(&["extract", "--jsonl"], input.as_bytes());
    assert_ok(&out);
    let v = jsonl(&out);
    assert_eq!(v.len(), 2);
    assert_good(&v[0]);
    assert_eq!(v[0]["text"].as_str().map(str::len), Some(text.len()));
    assert_eq!(v[1]["id"], "after");
}

#[test]
fn usage_errors_exit_2() {
    let dir = Dir::new();
    for args in [
        &["extract", "--no-such-flag"][..],
        &[][..],
        &["no-such-command"][..],
        &["extract", "--jsonl", "--json"][..],
        &["extract", "--color", "purple"][..],
        &["extract", "-j", "many"][..],
    ] {
        let out = dir.run(args, b"");
        assert_eq!(
            out.status.code(),
            Some(2),
            "dossier {args:?} should be a usage error; stderr:\n{}",
            stderr(&out)
        );
        assert!(!stderr(&out).contains("panicked"));
    }
}

#[test]
fn a_missing_file_does_not_stop_the_others() {
    let dir = Dir::new();
    dir.create("a.txt", "First.");
    dir.create("b.txt", "Second.");
    let out = dir.run(
        &["extract", "--jsonl", "a.txt", "missing.txt", "b.txt"],
        b"",
    );
    assert!(!stderr(&out).contains("panicked"));
    assert!(stderr(&out).contains("missing.txt"), "{}", stderr(&out));
    let v = jsonl(&out);
    assert_eq!(v.len(), 2);
    assert_eq!(v[0]["text"], "First.");
    assert_eq!(v[1]["text"], "Second.");
}

#[test]
fn a_directory_is_read_recursively_in_order() {
    let dir = Dir::new();
    dir.create("corpus/b.txt", "Second.");
    dir.create("corpus/a.txt", "First.");
    dir.create(
        "corpus/sub/c.jsonl",
        format!("{}\n{}\n", line("c1", "Third."), line("c2", "Fourth.")),
    );
    dir.create("corpus/.hidden.txt", "Hidden.");
    dir.create("corpus/image.png", b"\x89PNG");
    let out = dir.run(&["extract", "--jsonl", "-j", "2", "corpus"], b"");
    assert_ok(&out);
    let texts: Vec<String> = jsonl(&out)
        .iter()
        .map(|v| v["text"].as_str().unwrap_or_default().to_string())
        .collect();
    assert_eq!(texts, ["First.", "Second.", "Third.", "Fourth."]);
}

#[test]
fn a_closed_stdout_pipe_ends_quietly() {
    let mut input = String::new();
    for i in 0..5_000 {
        input.push_str(&line(
            &i.to_string(),
            "\"We will not move,\" the mayor said on Tuesday.",
        ));
        input.push('\n');
    }
    for args in [&["extract", "--jsonl"][..], &["extract"][..]] {
        let dir = Dir::new();
        let input = input.clone();
        let mut child = dir
            .cmd(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn");
        let mut stdin = child.stdin.take().expect("stdin");
        let feeder = std::thread::spawn(move || {
            use std::io::Write;
            let _ = stdin.write_all(input.as_bytes());
        });
        // like `| head -1`: read one line, then close the pipe
        {
            let mut r = BufReader::new(child.stdout.take().expect("stdout"));
            let mut first = String::new();
            r.read_line(&mut first).expect("one line");
            assert!(!first.is_empty());
        }
        let out = child.wait_with_output().expect("wait");
        let _ = feeder.join();
        let err = stderr(&out);
        assert!(!err.contains("panicked"), "{args:?}: {err}");
        assert!(
            !err.to_lowercase().contains("broken pipe"),
            "{args:?}: {err}"
        );
        assert_eq!(out.status.code(), Some(0), "{args:?}: {err}");
    }
}

/// A document that made a stage panic (dossier-text's `word_before`, found by the
/// property tests) becomes an error line at worst; the batch goes on.
#[test]
fn a_panicking_document_does_not_stop_the_batch() {
    let input = format!(
        "{}\n{}\n{}\n",
        line("1", "Before."),
        line("2", "\u{a1}. We will fight. He said\u{a9}. Next one."),
        line("3", "After.")
    );
    let dir = Dir::new();
    let out = dir.run(&["extract", "--jsonl"], input.as_bytes());
    assert_ok_or_known(&out);
    let v = jsonl(&out);
    assert_eq!(v.len(), 3);
    assert_eq!(v[0]["id"], "1");
    assert_eq!(v[1]["id"], "2");
    assert_eq!(
        v[1]["text"],
        "\u{a1}. We will fight. He said\u{a9}. Next one."
    );
    assert_eq!(v[2]["id"], "3");
    assert_good(&v[2]);
}
