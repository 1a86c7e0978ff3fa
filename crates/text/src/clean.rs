//! Character-level normalisation with a map back to the original.

use dossier_core::{CleanText, Span};

/// Normalise `original` for analysis:
///
/// - double quotation marks of every style (“ ” „ ‟ « » ″ ＂ and doubled `` '') → `"`
/// - single quotation marks and apostrophes (‘ ’ ‚ ‛ ‹ › ′) → `'`
/// - no-break and other Unicode spaces → ` `; CRLF and lone CR → `\n`
/// - NUL and other control characters (but `\n` and `\t`) → ` `
/// - soft hyphens and zero-width characters are removed
///
/// Everything goes through [`CleanText`], so every span over the result maps back.
pub fn clean(original: &str) -> CleanText {
    let mut b = CleanText::builder(original);
    let bytes = original.as_bytes();
    let mut it = original.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        let len = c.len_utf8();
        let span = Span::new(i, i + len);
        match c {
            // doubled single marks: `` and '' (older archives)
            '`' | '\'' if bytes.get(i + 1) == Some(&(c as u8)) => {
                it.next();
                b.replace(Span::new(i, i + 2), "\"");
            }
            '\u{2018}' | '\u{2019}'
                if original[i + len..].starts_with(c)
                    && !original[..i].ends_with(|p: char| p.is_alphanumeric()) =>
            {
                // ‘‘ or ’’ used as a double mark
                it.next();
                b.replace(Span::new(i, i + 2 * len), "\"");
            }
            '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{00AB}' | '\u{00BB}'
            | '\u{2033}' | '\u{FF02}' | '\u{301D}' | '\u{301E}' => b.replace(span, "\""),
            '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2039}' | '\u{203A}'
            | '\u{2032}' => b.replace(span, "'"),
            '\r' => {
                if bytes.get(i + 1) == Some(&b'\n') {
                    b.replace(span, "");
                } else {
                    b.replace(span, "\n");
                }
            }
            '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' => {
                b.replace(span, " ")
            }
            '\u{00AD}' | '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' => {
                b.replace(span, "")
            }
            '\u{2028}' | '\u{2029}' | '\u{0085}' => b.replace(span, "\n"),
            c if c.is_control() && c != '\n' && c != '\t' => b.replace(span, " "),
            _ => {}
        }
    }
    b.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_quotes_and_maps_back() {
        let t = "“Bad news,” he said. «Oui» „Ja“ ``old'' it’s";
        let c = clean(t);
        assert_eq!(
            c.as_str(),
            "\"Bad news,\" he said. \"Oui\" \"Ja\" \"old\" it's"
        );
        let s = c.as_str().find("Oui").unwrap();
        assert_eq!(c.to_original(Span::new(s - 1, s + 4)).slice(t), "«Oui»");
    }

    #[test]
    fn crlf_and_controls() {
        let t = "a\r\nb\rc\u{0}d\u{a0}e";
        let c = clean(t);
        assert_eq!(c.as_str(), "a\nb\nc d e");
        assert_eq!(c.to_original(Span::new(2, 3)).slice(t), "b");
    }

    #[test]
    fn apostrophe_pairs_inside_words_are_not_quotes() {
        let c = clean("rock’’n");
        assert_eq!(c.as_str(), "rock''n");
    }
}
