//! Character references: the HTML 4 set (which covers nearly all real pages) plus the
//! few HTML5 names that news sites use. Numeric references are decoded in full.

/// Latin-1 supplement names, U+00A0 ..= U+00FF in code point order.
const LATIN1: [&str; 96] = [
    "nbsp", "iexcl", "cent", "pound", "curren", "yen", "brvbar", "sect", "uml", "copy", "ordf",
    "laquo", "not", "shy", "reg", "macr", "deg", "plusmn", "sup2", "sup3", "acute", "micro",
    "para", "middot", "cedil", "sup1", "ordm", "raquo", "frac14", "frac12", "frac34", "iquest",
    "Agrave", "Aacute", "Acirc", "Atilde", "Auml", "Aring", "AElig", "Ccedil", "Egrave", "Eacute",
    "Ecirc", "Euml", "Igrave", "Iacute", "Icirc", "Iuml", "ETH", "Ntilde", "Ograve", "Oacute",
    "Ocirc", "Otilde", "Ouml", "times", "Oslash", "Ugrave", "Uacute", "Ucirc", "Uuml", "Yacute",
    "THORN", "szlig", "agrave", "aacute", "acirc", "atilde", "auml", "aring", "aelig", "ccedil",
    "egrave", "eacute", "ecirc", "euml", "igrave", "iacute", "icirc", "iuml", "eth", "ntilde",
    "ograve", "oacute", "ocirc", "otilde", "ouml", "divide", "oslash", "ugrave", "uacute", "ucirc",
    "uuml", "yacute", "thorn", "yuml",
];

const OTHER: &[(&str, char)] = &[
    ("amp", '&'),
    ("lt", '<'),
    ("gt", '>'),
    ("quot", '"'),
    ("apos", '\''),
    ("OElig", 'Œ'),
    ("oelig", 'œ'),
    ("Scaron", 'Š'),
    ("scaron", 'š'),
    ("Yuml", 'Ÿ'),
    ("fnof", 'ƒ'),
    ("circ", 'ˆ'),
    ("tilde", '˜'),
    ("ensp", '\u{2002}'),
    ("emsp", '\u{2003}'),
    ("thinsp", '\u{2009}'),
    ("hairsp", '\u{200A}'),
    ("zwnj", '\u{200C}'),
    ("zwj", '\u{200D}'),
    ("lrm", '\u{200E}'),
    ("rlm", '\u{200F}'),
    ("ndash", '–'),
    ("mdash", '—'),
    ("horbar", '―'),
    ("lsquo", '‘'),
    ("rsquo", '’'),
    ("rsquor", '’'),
    ("sbquo", '‚'),
    ("ldquo", '“'),
    ("rdquo", '”'),
    ("rdquor", '”'),
    ("bdquo", '„'),
    ("ldquor", '„'),
    ("dagger", '†'),
    ("Dagger", '‡'),
    ("bull", '•'),
    ("bullet", '•'),
    ("hellip", '…'),
    ("mldr", '…'),
    ("permil", '‰'),
    ("prime", '′'),
    ("Prime", '″'),
    ("lsaquo", '‹'),
    ("rsaquo", '›'),
    ("oline", '‾'),
    ("frasl", '⁄'),
    ("euro", '€'),
    ("trade", '™'),
    ("TRADE", '™'),
    ("larr", '←'),
    ("rarr", '→'),
    ("uarr", '↑'),
    ("darr", '↓'),
    ("harr", '↔'),
    ("minus", '−'),
    ("nbsp", '\u{A0}'),
    ("NonBreakingSpace", '\u{A0}'),
    ("NewLine", '\n'),
    ("Tab", '\t'),
    ("colon", ':'),
    ("comma", ','),
    ("period", '.'),
    ("excl", '!'),
    ("quest", '?'),
    ("lpar", '('),
    ("rpar", ')'),
    ("sol", '/'),
    ("num", '#'),
    ("percnt", '%'),
    ("commat", '@'),
    ("lowbar", '_'),
    ("verbar", '|'),
    ("ast", '*'),
    ("plus", '+'),
    ("equals", '='),
    ("dollar", '$'),
    ("semi", ';'),
    ("hyphen", '‐'),
    ("dash", '‐'),
    ("check", '✓'),
    ("star", '☆'),
    ("starf", '★'),
    ("hearts", '♥'),
    ("larrow", '←'),
    ("alpha", 'α'),
    ("beta", 'β'),
    ("gamma", 'γ'),
    ("delta", 'δ'),
    ("mu", 'μ'),
    ("pi", 'π'),
    ("sigma", 'σ'),
    ("Omega", 'Ω'),
    ("omega", 'ω'),
    ("infin", '∞'),
    ("le", '≤'),
    ("ge", '≥'),
    ("ne", '≠'),
    ("asymp", '≈'),
    ("loz", '◊'),
];

fn lookup(name: &str) -> Option<char> {
    if let Some(i) = LATIN1.iter().position(|n| *n == name) {
        return char::from_u32(0xA0 + i as u32);
    }
    OTHER.iter().find(|(n, _)| *n == name).map(|(_, c)| *c)
}

/// Windows-1252 meanings of the C1 range, as the HTML spec maps `&#128;` … `&#159;`.
fn c1(n: u32) -> u32 {
    const T: [u32; 32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
        0x2039, 0x0152, 0x8D, 0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013,
        0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ];
    if (0x80..0xA0).contains(&n) {
        T[(n - 0x80) as usize]
    } else {
        n
    }
}

/// Decode the character reference at the start of `s` (which begins with `&`).
/// Returns the character and the number of bytes consumed.
pub(crate) fn decode_at(s: &str) -> Option<(char, usize)> {
    let b = s.as_bytes();
    if b.len() < 2 || b[0] != b'&' {
        return None;
    }
    if b[1] == b'#' {
        let (hex, start) = if b.len() > 2 && (b[2] == b'x' || b[2] == b'X') {
            (true, 3)
        } else {
            (false, 2)
        };
        let mut i = start;
        let mut v: u32 = 0;
        while i < b.len() && i - start < 8 {
            let d = match (hex, b[i]) {
                (_, c @ b'0'..=b'9') => (c - b'0') as u32,
                (true, c @ b'a'..=b'f') => (c - b'a' + 10) as u32,
                (true, c @ b'A'..=b'F') => (c - b'A' + 10) as u32,
                _ => break,
            };
            v = v * if hex { 16 } else { 10 } + d;
            i += 1;
        }
        if i == start {
            return None;
        }
        if i < b.len() && b[i] == b';' {
            i += 1;
        }
        let c = match v {
            0 => '\u{FFFD}',
            _ => char::from_u32(c1(v)).unwrap_or('\u{FFFD}'),
        };
        return Some((c, i));
    }
    let mut i = 1;
    while i < b.len() && i < 33 && b[i].is_ascii_alphanumeric() {
        i += 1;
    }
    if i == 1 {
        return None;
    }
    let name = &s[1..i];
    let semi = i < b.len() && b[i] == b';';
    let c = lookup(name)?;
    if semi {
        Some((c, i + 1))
    } else if matches!(name, "amp" | "lt" | "gt" | "quot" | "nbsp" | "copy" | "reg")
        || LATIN1.contains(&name)
    {
        Some((c, i))
    } else {
        None
    }
}

/// Decode every character reference in `s` (for attribute values and titles).
pub(crate) fn decode_str(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while let Some(off) = s[i..].find('&') {
        out.push_str(&s[i..i + off]);
        i += off;
        match decode_at(&s[i..]) {
            Some((c, n)) => {
                out.push(c);
                i += n;
            }
            None => {
                out.push('&');
                i += 1;
            }
        }
    }
    out.push_str(&s[i..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn named_and_numeric() {
        assert_eq!(
            decode_str("a&amp;b &eacute; &#8220;x&#x201D; &#150; &bogus; &"),
            "a&b é “x” – &bogus; &"
        );
        assert_eq!(decode_str("&nbsp"), "\u{A0}");
        assert_eq!(decode_str("&#0;"), "\u{FFFD}");
    }
}
