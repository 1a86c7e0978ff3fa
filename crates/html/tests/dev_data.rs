//! Smoke test over ../shared/data/extraction when present: every page extracts without
//! panicking and with a consistent map. Skips with a message when the data is absent.
use std::path::Path;

#[test]
fn dev_pages_extract_cleanly() {
    let dir =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/extraction/readability");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        eprintln!("skip: no extraction dev data at {}", dir.display());
        return;
    };
    let mut n = 0;
    for e in entries.flatten().take(40) {
        let p = e.path().join("source.html.gz");
        let Ok(bytes) = std::fs::read(&p) else {
            continue;
        };
        let mut raw = Vec::new();
        if std::io::Read::read_to_end(&mut flate2::read::GzDecoder::new(&bytes[..]), &mut raw)
            .is_err()
        {
            continue;
        }
        let (html, _) = dossier_html::decode(&raw, None);
        let a = dossier_html::extract(&html, Some("http://fakehost/test/page.html"));
        let mut at = 0;
        for m in &a.map {
            assert_eq!(m.text.start, at, "{}", p.display());
            at = m.text.end;
            assert!(html.get(m.html.start..m.html.end).is_some());
        }
        assert_eq!(at, a.text.len());
        n += 1;
    }
    eprintln!("checked {n} dev pages");
}
