#![no_main]
//! Any bytes and header: decoding never panics.
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: (&[u8], Option<&str>)| {
    let (text, enc) = dossier_html::decode(data.0, data.1);
    assert!(!enc.is_empty());
    let _ = dossier_html::extract(&text, None);
});
