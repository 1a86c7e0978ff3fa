//! Page bytes → text: BOM, HTTP `Content-Type` charset, `<meta charset>` /
//! `http-equiv`, XML declaration, then strict UTF-8, then statistical detection.

use encoding_rs::Encoding;

/// The charset label of a `Content-Type` header value (`text/html; charset=koi8-r`).
fn header_charset(ct: &str) -> Option<&str> {
    let lower = ct.to_ascii_lowercase();
    let pos = lower.find("charset=")?;
    let v = &ct[pos + 8..];
    let v = v.trim_start_matches(['"', '\'']);
    let end = v
        .find(|c: char| c == ';' || c == '"' || c == '\'' || c.is_whitespace())
        .unwrap_or(v.len());
    Some(&v[..end])
}

/// The charset declared in the first 16 KiB (`<meta charset>`, `http-equiv`, `<?xml encoding>`).
fn declared_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(16384)];
    let lower: Vec<u8> = head.iter().map(|b| b.to_ascii_lowercase()).collect();
    let mut from = 0;
    while let Some(p) = memchr::memmem::find(&lower[from..], b"charset") {
        let at = from + p + 7;
        from = at;
        // Only inside a <meta …> or <?xml …> tag.
        let tag_start = lower[..at].iter().rposition(|&c| c == b'<');
        let tag_end = lower[..at].iter().rposition(|&c| c == b'>');
        let Some(ts) = tag_start else { continue };
        if tag_end.is_some_and(|te| te > ts) {
            continue;
        }
        if !(lower[ts..].starts_with(b"<meta") || lower[ts..].starts_with(b"<?xml")) {
            continue;
        }
        let mut i = at;
        while i < lower.len()
            && (lower[i] == b' ' || lower[i] == b'=' || lower[i] == b'"' || lower[i] == b'\'')
        {
            i += 1;
        }
        let s = i;
        while i < lower.len()
            && (lower[i].is_ascii_alphanumeric() || matches!(lower[i], b'-' | b'_' | b':' | b'.'))
        {
            i += 1;
        }
        if let Some(enc) = Encoding::for_label(&lower[s..i]) {
            return Some(fix_utf16(enc));
        }
    }
    if lower.starts_with(b"<?xml") {
        if let Some(p) = memchr::memmem::find(&lower, b"encoding=") {
            let v = &lower[p + 9..];
            let v = v
                .strip_prefix(b"\"")
                .or_else(|| v.strip_prefix(b"'"))
                .unwrap_or(v);
            let end = v
                .iter()
                .position(|c| !(c.is_ascii_alphanumeric() || *c == b'-' || *c == b'_'))
                .unwrap_or(v.len());
            if let Some(enc) = Encoding::for_label(&v[..end]) {
                return Some(fix_utf16(enc));
            }
        }
    }
    None
}

/// A page that says UTF-16 in ASCII bytes is not UTF-16 (WHATWG rule).
fn fix_utf16(enc: &'static Encoding) -> &'static Encoding {
    if enc == encoding_rs::UTF_16LE || enc == encoding_rs::UTF_16BE {
        encoding_rs::UTF_8
    } else {
        enc
    }
}

/// Decode page bytes to text. Returns the text and the encoding's WHATWG name.
///
/// Order: byte-order mark; `charset` of the HTTP `content_type`; a charset declared
/// in the page; strict UTF-8; detection with chardetng (windows-1251, GB18030,
/// windows-1252…). Malformed sequences become U+FFFD; never fails.
///
/// ```
/// let (text, enc) = dossier_html::decode(b"<meta charset=\"windows-1251\"><p>\xcf\xf0\xe8\xe2\xe5\xf2</p>", None);
/// assert_eq!(enc, "windows-1251");
/// assert!(text.contains("Привет"));
/// ```
pub fn decode(bytes: &[u8], content_type: Option<&str>) -> (String, &'static str) {
    if let Some((enc, bom)) = Encoding::for_bom(bytes) {
        let (t, _) = enc.decode_without_bom_handling(&bytes[bom..]);
        return (t.into_owned(), enc.name());
    }
    let enc = content_type
        .and_then(header_charset)
        .and_then(|l| Encoding::for_label(l.trim().as_bytes()))
        .or_else(|| declared_charset(bytes));
    if let Some(enc) = enc {
        let (t, _) = enc.decode_without_bom_handling(bytes);
        return (t.into_owned(), enc.name());
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        return (s.to_string(), encoding_rs::UTF_8.name());
    }
    let mut det = chardetng::EncodingDetector::new();
    det.feed(bytes, true);
    let enc = det.guess(None, true);
    let (t, _) = enc.decode_without_bom_handling(bytes);
    (t.into_owned(), enc.name())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_label() {
        assert_eq!(
            header_charset("text/html; charset=\"KOI8-R\""),
            Some("KOI8-R")
        );
        assert_eq!(header_charset("text/html"), None);
    }
}
