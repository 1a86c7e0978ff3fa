//! Cross-article identity: the keys and rules that make "Maria Okafor" in one article
//! and "Okafor" in another one record.
//!
//! The rules, in the order the [`Writer`](crate::Writer) tries them for every entity
//! an article names (each alias row records which rule tied it):
//!
//! 1. **manual** — a `dossier merge A B` correction maps B's key to A's key; a
//!    `dossier split NAME` correction keeps NAME's key apart (rules 3 and 4 are off).
//! 2. **key** — same label and same normalised full-name key ([`name_key`]: lower
//!    case, diacritics folded, punctuation dropped, leading titles and "the" dropped).
//! 3. **alias** — the key is an alias already seen for exactly one entity of that
//!    label ("CSTO" tied to "Collective Security Treaty Organization" by an article).
//! 4. **surname** — a one-word PERSON name is the last word of exactly one PERSON in
//!    the store. When two people share the surname, nothing is merged. A one-word
//!    ORG that no organisation in the store is called is tried the same way: taggers
//!    often label a lone surname ("Petrova said") as an organisation.
//!
//! Otherwise a new entity is created. Forms the entity stage tied together inside one
//! article ("Okafor" for "Maria Okafor", "CSTO" for its expansion) are recorded as
//! aliases with the rule **article**, which is what rule 3 later looks up.
//!
//! Otherwise a new entity is created. Order matters only for rule 4: a surname seen
//! before any full name becomes its own entity (fix it with `dossier merge`).

/// Titles dropped from the start of a person's name before keying.
const TITLES: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "miss",
    "dr",
    "prof",
    "professor",
    "sir",
    "dame",
    "gen",
    "general",
    "col",
    "colonel",
    "lt",
    "capt",
    "captain",
    "sen",
    "senator",
    "rep",
    "gov",
    "governor",
    "president",
    "prime minister",
    "minister",
    "mayor",
    "judge",
    "rev",
    "father",
    "sheikh",
];

/// Fold one character to ASCII lower case where a plain equivalent exists.
pub(crate) fn fold(c: char, out: &mut String) {
    let s = match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å'
        | 'Ā' | 'Ă' | 'Ą' => "a",
        'æ' | 'Æ' => "ae",
        'ç' | 'ć' | 'č' | 'Ç' | 'Ć' | 'Č' => "c",
        'ď' | 'đ' | 'Ď' | 'Đ' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' | 'È' | 'É' | 'Ê' | 'Ë' | 'Ē' | 'Ė' | 'Ę'
        | 'Ě' => "e",
        'ğ' | 'Ğ' => "g",
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'į' | 'ı' | 'Ì' | 'Í' | 'Î' | 'Ï' | 'Ī' | 'Į' | 'İ' => {
            "i"
        }
        'ł' | 'ľ' | 'Ł' | 'Ľ' => "l",
        'ñ' | 'ń' | 'ň' | 'Ñ' | 'Ń' | 'Ň' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' | 'Ō'
        | 'Ő' => "o",
        'œ' | 'Œ' => "oe",
        'ř' | 'Ř' => "r",
        'ś' | 'š' | 'ş' | 'Ś' | 'Š' | 'Ş' => "s",
        'ß' => "ss",
        'ť' | 'ţ' | 'Ť' | 'Ţ' => "t",
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' | 'Ù' | 'Ú' | 'Û' | 'Ü' | 'Ū' | 'Ů' | 'Ű' => {
            "u"
        }
        'ý' | 'ÿ' | 'Ý' => "y",
        'ź' | 'ż' | 'ž' | 'Ź' | 'Ż' | 'Ž' => "z",
        _ => {
            for l in c.to_lowercase() {
                out.push(l);
            }
            return;
        }
    };
    out.push_str(s);
}

/// The normalised key of a name: the same key means the same entity (rule 2).
///
/// ```
/// use dossier_store::identity::name_key;
/// assert_eq!(name_key("Qasym-Zhomart Toqaev"), "qasym zhomart toqaev");
/// assert_eq!(name_key("Dr. José  Álvarez"), "jose alvarez");
/// assert_eq!(name_key("the Kremlin"), "kremlin");
/// assert_eq!(name_key("Putin's"), "putin");
/// ```
pub fn name_key(name: &str) -> String {
    let mut folded = String::with_capacity(name.len());
    let name = name.trim();
    let name = name
        .strip_suffix("'s")
        .or_else(|| name.strip_suffix("’s"))
        .unwrap_or(name);
    for c in name.chars() {
        if c.is_alphanumeric() {
            fold(c, &mut folded);
        } else if matches!(c, '.' | '\'' | '’' | ',') {
            // "U.S." and "O'Brien" key without the marks
        } else {
            folded.push(' ');
        }
    }
    let mut words: Vec<&str> = folded.split_whitespace().collect();
    // leading "the" and titles, but never the whole name
    loop {
        if words.len() > 1 && words[0] == "the" {
            words.remove(0);
            continue;
        }
        let mut dropped = false;
        for t in TITLES {
            let n = t.split(' ').count();
            if words.len() > n && words[..n].join(" ") == *t {
                words.drain(..n);
                dropped = true;
                break;
            }
        }
        if !dropped {
            break;
        }
    }
    words.join(" ")
}

/// The last word of a key (the surname rule).
pub fn last_word(key: &str) -> &str {
    key.rsplit(' ').next().unwrap_or(key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys() {
        for (name, key) in [
            ("Maria Okafor", "maria okafor"),
            ("MARIA OKAFOR", "maria okafor"),
            ("Mayor Tom Lindqvist", "tom lindqvist"),
            ("President", "president"),
            ("U.S.", "us"),
            ("O'Brien", "obrien"),
            ("Nazarbayev’s", "nazarbayev"),
            ("  ", ""),
            ("the", "the"),
        ] {
            assert_eq!(name_key(name), key, "{name}");
        }
        assert_eq!(last_word("maria okafor"), "okafor");
        assert_eq!(last_word("okafor"), "okafor");
    }
}
