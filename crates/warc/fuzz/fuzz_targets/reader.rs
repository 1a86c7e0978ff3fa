#![no_main]
//! Any bytes: the reader ends, never panics, and never loops forever.
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let reader = dossier_warc::WarcReader::new(data).max_payload(1 << 20);
    for item in reader.take(10_000) {
        if let Ok(rec) = item {
            assert_eq!(rec.status, 200);
        }
    }
});
