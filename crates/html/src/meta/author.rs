//! Who wrote the page: cleaning an author string ("By Jane Doe, 3 March" -> "Jane Doe")
//! and finding visible bylines ("Von …", "<h5>Autor:</h5> …", a name beside the
//! article's date, a signature paragraph). [`super::gather`] ranks the candidates.

use crate::date;
use crate::dom::{collapse_ws, Dom, NodeId};
use crate::entities::decode_str;
use dossier_core::Date;

pub(super) fn is_bad_author(a: &str) -> bool {
    let l = a.to_lowercase();
    a.chars().count() < 2
        || a.len() > 120
        || l.starts_with("http")
        || l.contains('@')
        || l.contains("www.")
        || l.contains(".com")
        || l.contains(".de")
        || matches!(
            l.as_str(),
            "admin"
                | "administrator"
                | "editor"
                | "staff"
                | "unknown"
                | "anonymous"
                | "null"
                | "none"
                | "no author"
                | "agencies"
                | "by"
                | "von"
                | "par"
                | "por"
                | "autor"
                | "author"
        )
        || l.starts_with("archiv")
        || l.starts_with("alle beiträge")
        || l.contains('©')
        || l.starts_with("all posts")
        || l.ends_with(" by")
        || l.ends_with(" von")
}

/// What follows a name in a byline: a date ("am 29.12.2010", ", 01.12.2021",
/// "on 3/4/2021", "| 12. Mai 2020").
pub(super) fn author_tail_re() -> &'static regex::Regex {
    static RE: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    RE.get_or_init(|| {
        regex::Regex::new(
            r"(?:\s*[,|·•–-]\s*|\s+(?:am|on|le|el|il|den|vom|,)\s+)[0-9]{1,4}(?:[./-][0-9]|\.?\s+\p{L}|\s?(?:h|min)\b)|\s+(?:vor|před|hace|há|il y a)\s+[0-9]{1,3}\s",
        )
        .expect("static pattern")
    })
}

/// Clean a byline: drop "By"/"Von", trailing roles and dates.
pub(crate) fn clean_author(a: &str) -> Option<String> {
    let mut s = collapse_ws(&decode_str(a));
    for pre in [
        "by ",
        "von ",
        "par ",
        "por ",
        "di ",
        "door ",
        "autor: ",
        "author: ",
        "autorin: ",
        "text: ",
        "written by ",
        "posted by ",
        "eingestellt von ",
        "veröffentlicht von ",
        "veröffentlicht von",
        "geschrieben von ",
        "verfasst von ",
        "text und interview: ",
        "interview: ",
        "redaktion: ",
        "zeige alle beiträge von ",
        "alle beiträge von ",
        "view all posts by ",
        "all posts by ",
        "more posts by ",
        "auteur: ",
        "auteur : ",
        "artikel von: ",
        "artikel von ",
        "beitrag von ",
        "gespeichert von ",
        "vom ",
    ] {
        if s.len() > pre.len()
            && s.get(..pre.len())
                .is_some_and(|p| p.eq_ignore_ascii_case(pre))
        {
            s = s[pre.len()..].trim().to_string();
        }
    }
    // a label glued to the name ("AuthorJane Doe", "AutorHans Meier")
    for label in ["Author", "Autor", "Autorin", "Auteur"] {
        if let Some(rest) = s.strip_prefix(label) {
            if rest.chars().next().is_some_and(char::is_uppercase)
                && rest.chars().nth(1).is_some_and(char::is_lowercase)
                && rest.contains(' ')
            {
                s = rest.to_string();
                break;
            }
        }
    }
    // a credit for pictures or a link after the name
    for tail in [
        " Illustration",
        " Fotos:",
        " Foto:",
        " Fotos von",
        " Foto von",
        " Photos:",
        " Photo:",
        " Alle Artikel",
        " All articles",
        " Mehr Artikel",
        " More articles",
        " | ",
    ] {
        if let Some(i) = s.find(tail) {
            if i > 0 {
                s.truncate(i);
            }
        }
    }
    // a date or a role after the name: "Bo2man am 29.12.2010, 13:36 Uhr",
    // "Jane Doe, 01.12.2021"
    if let Some(m) = author_tail_re().find(&s) {
        if m.start() > 0 {
            s.truncate(m.start());
            // and the weekday before the date ("Jane Doe Fr., 18.10.2019")
            if let Some((head, last)) = s.trim_end().rsplit_once(' ') {
                let wd = last.trim_end_matches([',', '.']);
                if [
                    "Mo", "Di", "Mi", "Do", "Fr", "Sa", "So", "Mon", "Tue", "Wed", "Thu", "Fri",
                    "Sat", "Sun",
                ]
                .contains(&wd)
                {
                    s = head.to_string();
                }
            }
        }
    }
    strip_author_roles(&mut s);
    // "Jane Doe (Text), Max Roe (Bild)": the writer of a credit line
    if let Some(i) = s.find(" (Text)") {
        s.truncate(i);
    }
    // "(Strato)", "/Jane Doe"
    if s.len() >= 2 && s.starts_with('(') && s.ends_with(')') {
        s = s[1..s.len() - 1].to_string();
    }
    if let Some(rest) = s.strip_prefix('/') {
        s = rest.trim_start().to_string();
    }
    // "Jane Doe,Max Roe"
    if s.contains(',') {
        let mut spaced = String::with_capacity(s.len() + 4);
        let mut prev = ' ';
        for c in s.chars() {
            if prev == ',' && c.is_alphabetic() {
                spaced.push(' ');
            }
            spaced.push(c);
            prev = c;
        }
        s = spaced;
    }
    let s = s.trim_matches(|c: char| {
        c == '|' || c == ',' || c == '-' || c == '–' || c == '\'' || c == '"' || c.is_whitespace()
    });
    if s.is_empty() || is_bad_author(s) || s.chars().filter(|c| c.is_ascii_digit()).count() > 3 {
        return None;
    }
    Some(s.to_string())
}

/// The names in an author string, lower-cased and sorted: "Jane Doe und Max Roe",
/// "Jane Doe; Max Roe" and "Max Roe, Jane Doe" give the same list.
pub(super) fn author_names(a: &str) -> Vec<String> {
    let mut v: Vec<String> = a
        .split([';', ',', '&', '/'])
        .flat_map(|p| p.split(" und ").flat_map(|q| q.split(" and ")))
        .map(|n| n.trim().to_lowercase())
        .filter(|n| !n.is_empty())
        .collect();
    v.sort();
    v
}

/// Job titles and handles around a name: "FOCUS-Online-Experte Jane Doe",
/// "Rechtsanwalt Max Roe", "Jane Doe, Projektleiterin der Stiftung", "Jane Doe @jdoe",
/// "Jane Doe Staff Writer"; an interview's two names ("A im Gespräch mit B") become a list.
pub(super) fn strip_author_roles(s: &mut String) {
    if let Some(i) = s.find(" im Gespräch mit ") {
        *s = format!("{}; {}", &s[..i], &s[i + " im Gespräch mit ".len()..]);
    }
    // a handle after the name
    if let Some((head, tail)) = s.rsplit_once(' ') {
        if tail.starts_with('@') && head.contains(' ') {
            *s = head.trim_end().to_string();
        }
    }
    for tail in [" Staff Writer", " Staff Reporter", " Staff"] {
        // "Jane Doe Herald Staff", not "Jörg Staff"
        if s.ends_with(tail) && s[..s.len() - tail.len()].split_whitespace().count() >= 3 {
            s.truncate(s.len() - tail.len());
            break;
        }
    }
    // a role word before the name
    if let Some((first, rest)) = s.split_once(' ') {
        let f = first.to_lowercase();
        const ROLES: &[&str] = &[
            "experte",
            "expertin",
            "redakteur",
            "redakteurin",
            "korrespondent",
            "korrespondentin",
            "kolumnist",
            "kolumnistin",
            "reporter",
            "reporterin",
            "gastautor",
            "gastautorin",
            "rechtsanwalt",
            "rechtsanwältin",
            "chefredakteur",
            "chefredakteurin",
        ];
        let role = ROLES
            .iter()
            .any(|r| f == *r || (f.ends_with(r) && f[..f.len() - r.len()].ends_with('-')));
        if role && rest.split_whitespace().count() >= 2 {
            *s = rest.to_string();
        }
    }
    // a role after a comma: "Jane Doe, Projektleiterin der Stiftung in Tunis"
    if let Some((head, tail)) = s.split_once(", ") {
        const FUNCTION: &[&str] = &[
            "der", "des", "bei", "für", "im", "am", "of", "at", "the", "for", "du", "chez",
        ];
        let words = head.split_whitespace().count();
        if (2..=4).contains(&words)
            && tail
                .split_whitespace()
                .any(|w| FUNCTION.contains(&w.trim_end_matches([',', '.'])))
        {
            *s = head.to_string();
        }
    }
}

/// [`author_names`] as written.
pub(super) fn author_names_orig(a: &str) -> Vec<&str> {
    a.split([';', ',', '&', '/'])
        .flat_map(|p| p.split(" und ").flat_map(|q| q.split(" and ")))
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .collect()
}

/// Two to four capitalised words ("Jane Doe", "J. R. Stone"), not "AMP Project
/// Marketing" or "Online-Redaktion".
pub(super) fn is_person_name(n: &str) -> bool {
    let words: Vec<&str> = n.split_whitespace().collect();
    (2..=4).contains(&words.len())
        && words.iter().all(|w| {
            let mut cs = w.chars();
            let initial = w.ends_with('.') && w.chars().count() <= 3;
            cs.next().is_some_and(char::is_uppercase)
                && (initial || cs.any(char::is_lowercase))
                && w.split('-')
                    .all(|p| p.chars().next().is_some_and(char::is_uppercase))
        })
        && !words.iter().any(|w| {
            matches!(
                w.to_lowercase().as_str(),
                "redaktion" | "team" | "project" | "staff" | "editor" | "online" | "news"
            )
        })
}

/// A user name ("christian.stadtfeld", "sarah-indra", "link78") or a registered body
/// ("… e.V.", "… GmbH"), not a person's name as written.
pub(super) fn is_login_or_body(a: &str) -> bool {
    let login = !a.contains(' ')
        && a.chars()
            .all(|c| c.is_lowercase() || c.is_ascii_digit() || matches!(c, '.' | '-' | '_'))
        && a.chars()
            .any(|c| c.is_ascii_digit() || matches!(c, '.' | '-' | '_'));
    let l = a.to_lowercase();
    let body = [
        " e.v.",
        " e. v.",
        " gmbh",
        " ag",
        " stiftung",
        " verband",
        " inc.",
        " ltd",
    ]
    .iter()
    .any(|t| l.ends_with(t))
        || l.contains(" e.v. ");
    login || body
}

/// `<p><strong>Jane Doe</strong></p>`, `<p align="right"><em>Jane Doe</em></p>`: a
/// paragraph that is only a name (two or three capitalised words) in bold or italics.
pub(super) fn signature_name(dom: &Dom, id: NodeId) -> Option<String> {
    let blank = |c: NodeId| matches!(&dom.nodes[c].kind, crate::dom::Kind::Text(s) if s.slice(dom.src).trim().is_empty());
    let mut kids = dom.nodes[id]
        .children
        .iter()
        .copied()
        .filter(|&c| !blank(c));
    let (Some(only), None) = (kids.next(), kids.next()) else {
        return None;
    };
    let mut n = only;
    // down through at most three wrappers of emphasis
    for _ in 0..3 {
        if !matches!(dom.name(n), "b" | "strong" | "em" | "i" | "font" | "span") {
            return None;
        }
        let mut inner = dom.nodes[n].children.iter().copied().filter(|&c| !blank(c));
        match (inner.next(), inner.next()) {
            (Some(c), None) if dom.element(c).is_some() => n = c,
            (Some(c), None) => {
                let crate::dom::Kind::Text(s) = &dom.nodes[c].kind else {
                    return None;
                };
                let t = collapse_ws(&decode_str(s.slice(dom.src)));
                let words: Vec<&str> = t.split_whitespace().collect();
                let name_like = (2..=3).contains(&words.len())
                    && t.len() < 40
                    && words.iter().all(|w| {
                        w.chars().next().is_some_and(char::is_uppercase)
                            && w.chars()
                                .nth(1)
                                .is_some_and(|c| c.is_lowercase() || c == '.')
                            && w.chars()
                                .all(|c| c.is_alphabetic() || matches!(c, '-' | '.' | '\''))
                            && !NOT_NAME.contains(&w.trim_end_matches('.'))
                    });
                return if name_like { clean_author(&t) } else { None };
            }
            _ => return None,
        }
    }
    None
}

pub(super) fn dated_byline_re() -> &'static regex::Regex {
    static RE: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    RE.get_or_init(|| {
        let date = r"(?:[0-9]{1,2}\.\s?[0-9]{1,2}\.\s?[0-9]{2,4}|[0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9]{1,2}\.?\s\p{L}{3,9}\.?\s[0-9]{4}|\p{L}{3,9}\.?\s[0-9]{1,2},?\s[0-9]{4}|[0-9]{1,2}/[0-9]{1,2}/[0-9]{2,4})";
        let time = r"(?:\s*[|,·•–—-]?\s*[0-9]{1,2}[:.][0-9]{2}(?:\s?(?:Uhr|h|am|pm|AM|PM))?)?";
        let sep = r"(?:\s*[|,·•–—-]\s*)";
        let name = r"(\p{Lu}[\p{L}'’-]+(?:\s+(?:(?:von|van|de|der|di|da|del|la|le|zu)\s+)?\p{Lu}\.?[\p{L}'’-]*){1,3})";
        regex::Regex::new(&format!(
            r"^(?:(?P<d1>{date}){time}{sep}(?:von\s+|by\s+)?{name1}|{name2}{sep}(?P<d2>{date}){time})$",
            name1 = name.replacen('(', "(?P<n1>", 1),
            name2 = name.replacen('(', "(?P<n2>", 1)
        ))
        .expect("static pattern")
    })
}

/// "11.12.2019 - Jane Doe", "04.02.2022 | 13:10 Uhr | Jane Doe", "Jane Doe, 01.12.2021":
/// a short element holding only a date and a name (two to four capitalised words).
pub(super) fn dated_byline(dom: &Dom, id: NodeId, day_first: bool) -> Option<(String, Date)> {
    let kids = &dom.nodes[id].children;
    if kids.is_empty() || kids.len() > 5 {
        return None;
    }
    // phrasing content only, and a digit in the element's own first text or first child
    if !kids.iter().all(|&c| match &dom.nodes[c].kind {
        crate::dom::Kind::Text(_) => true,
        crate::dom::Kind::Element(e) => {
            crate::dom::is_inline(&e.name) && dom.nodes[c].children.len() <= 2
        }
        _ => false,
    }) {
        return None;
    }
    let raw_len: usize = kids
        .iter()
        .map(|&c| match &dom.nodes[c].kind {
            crate::dom::Kind::Text(s) => s.end - s.start,
            _ => 40,
        })
        .sum();
    // a digit in the element's own text (the date is rarely wrapped alone)
    let digit = kids.iter().any(|&c| match &dom.nodes[c].kind {
        crate::dom::Kind::Text(s) => s.slice(dom.src).bytes().any(|b| b.is_ascii_digit()),
        _ => dom.nodes[c].children.iter().any(|&g| {
            matches!(&dom.nodes[g].kind, crate::dom::Kind::Text(s) if s.slice(dom.src).bytes().any(|b| b.is_ascii_digit()))
        }),
    });
    if raw_len > 160 || !digit {
        return None;
    }
    let t = dom.text(id);
    if t.len() > 80 || !t.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    let c = dated_byline_re().captures(&t)?;
    let (name, d) = match (c.name("n1"), c.name("n2")) {
        (Some(n), _) => (n.as_str(), c.name("d1")?.as_str()),
        (None, Some(n)) => (n.as_str(), c.name("d2")?.as_str()),
        _ => return None,
    };
    if name.split_whitespace().any(|w| {
        NOT_NAME.contains(&w.trim_end_matches('.'))
            // "PAID CONTENT", "NEWS TICKER": capitals only are a label here
            || !w.chars().any(char::is_lowercase)
    }) || name.split_whitespace().count() < 2
    {
        return None;
    }
    let d = date::parse_text_in(d, day_first)?;
    Some((clean_author(name)?, d))
}

/// A visible byline in a short element: "By Jane Doe", "Von Hans Meier am 3. Mai",
/// "Text: Anna Roth", "Autor: Peter Maahn/SP-X". The name: two to five capitalised
/// words (particles such as "von", "de" allowed), or two names joined by "and"/"und".
pub(super) fn byline_text(dom: &Dom, id: NodeId) -> Option<String> {
    // Cheap test first (this runs on every element): the first words of the first text
    // inside, at most two elements down, must be a byline lead.
    let mut n = id;
    let mut depth = 0;
    let first = loop {
        let c = *dom.nodes[n]
            .children
            .iter()
            .find(|&&c| !matches!(&dom.nodes[c].kind, crate::dom::Kind::Text(s) if s.slice(dom.src).trim().is_empty()))?;
        match &dom.nodes[c].kind {
            crate::dom::Kind::Text(s) => break s.slice(dom.src),
            // "<p><span><span><span>Von </span><a>…": a few wrappers down
            _ if dom.element(c).is_some() && depth < 3 => {
                n = c;
                depth += 1;
            }
            _ => return None,
        }
    };
    // "- Redaktion: Jane Doe" after a date
    let first = first
        .trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '-' | '–' | '|' | '·' | '•'))
        .trim_start_matches("&nbsp;");
    let head: String = first
        .trim_start()
        .chars()
        .take(20)
        .collect::<String>()
        .to_lowercase();
    if !BYLINE_STARTS.iter().any(|p| head.starts_with(p)) {
        return None;
    }
    let raw = dom.text(id);
    let t = raw
        .trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '-' | '–' | '|' | '·' | '•'))
        .trim();
    // a label on its own ("<h5>Autor:</h5> Jane Doe", "<span>By</span><a>Jane Doe</a>"):
    // the name is what follows it
    if t.len() <= 16 && is_byline_label(t) {
        let after = text_after(dom, id);
        if after.is_empty() {
            return None;
        }
        return name_after_lead(&format!("{} {after}", t.trim_end_matches(':').trim_end()))
            .or_else(|| {
                name_after_lead(&format!("{}: {after}", t.trim_end_matches(':').trim_end()))
            });
    }
    if t.len() < 5 || t.len() > 100 {
        return None;
    }
    name_after_lead(t)
}

/// A byline label alone: "By", "Von:", "Autor:", "Text:", "Written by".
pub(super) fn is_byline_label(t: &str) -> bool {
    let l = t.trim_end_matches(':').trim_end().to_lowercase();
    matches!(
        l.as_str(),
        "by" | "von"
            | "par"
            | "por"
            | "text"
            | "autor"
            | "autorin"
            | "autoren"
            | "author"
            | "written by"
            | "posted by"
            | "verfasst von"
            | "geschrieben von"
            | "ein beitrag von"
            | "ein artikel von"
            | "redaktion"
            | "auteur"
            | "escrito por"
            | "scritto da"
    )
}

/// The text after an element up to the next line break or block: the name after a
/// byline label (at most about 120 bytes).
pub(super) fn text_after(dom: &Dom, id: NodeId) -> String {
    let mut out = String::new();
    let mut id = id;
    // "<p><strong>By</strong></p></div><div><p>Jane Doe</p>": up to two levels up when
    // nothing follows the label inside its own element
    for _ in 0..3 {
        text_after_in(dom, id, &mut out);
        if !out.trim().is_empty() {
            break;
        }
        match dom.nodes[id].parent {
            Some(p) if crate::dom::is_inline(dom.name(p)) || dom.nodes[p].children.len() <= 2 => {
                id = p
            }
            _ => break,
        }
    }
    collapse_ws(&out)
}

pub(super) fn text_after_in(dom: &Dom, id: NodeId, out: &mut String) {
    let Some(parent) = dom.nodes[id].parent else {
        return;
    };
    let sibs = &dom.nodes[parent].children;
    let Some(at) = sibs.iter().position(|&c| c == id) else {
        return;
    };
    for &c in &sibs[at + 1..] {
        let has_text = !out.trim().is_empty();
        match &dom.nodes[c].kind {
            crate::dom::Kind::Text(s) => out.push_str(&decode_str(s.slice(dom.src))),
            crate::dom::Kind::Element(e) if &*e.name == "br" && has_text => break,
            crate::dom::Kind::Element(e) if &*e.name == "br" => {}
            crate::dom::Kind::Element(e) if matches!(&*e.name, "script" | "style") => {}
            crate::dom::Kind::Element(e) => {
                let inline = crate::dom::is_inline(&e.name);
                if !inline && has_text {
                    break;
                }
                out.push(' ');
                out.push_str(&dom.text(c));
                out.push(' ');
                if !inline {
                    break;
                }
            }
            _ => {}
        }
        if out.len() > 120 {
            break;
        }
    }
}

/// The name in a byline that starts with a lead ("By Jane Doe, March 3").
pub(super) fn name_after_lead(t: &str) -> Option<String> {
    let lower = t.to_lowercase();
    const LEADS: &[&str] = &[
        "by ",
        "von ",
        "von: ",
        "by: ",
        "par ",
        "por ",
        "text von ",
        "text: ",
        "text & fotos: ",
        "autor: ",
        "autorin: ",
        "author: ",
        "written by ",
        "verfasst von ",
        "ein beitrag von ",
        "ein artikel von ",
        "ein interview von ",
        "ein gastbeitrag von ",
        "ein kommentar von ",
        "eine kolumne von ",
        "eine analyse von ",
        "eine reportage von ",
        "ein essay von ",
        "ein bericht von ",
        "written by: ",
        "geschrieben von ",
        "posted by ",
        "redaktion: ",
        "erstellt von ",
        "gespeichert von ",
        "autoren ",
        "autor ",
        "auteur : ",
        "auteur: ",
        "auteurs : ",
        "blog beitrag von ",
        "beitrag von ",
        "artikel von ",
        "escrito por ",
        "scritto da ",
    ];
    // "Posted on September 21, 2020 by Adi Tzlil"
    let (lower, t) = match ["posted on ", "published on ", "veröffentlicht am ", "am "]
        .iter()
        .find(|p| lower.starts_with(**p))
    {
        Some(_) => {
            let at = [" by ", " von ", " par "]
                .iter()
                .filter_map(|k| lower.find(k).map(|i| i + 1))
                .filter(|&i| i < 60 && t.is_char_boundary(i))
                .min()?;
            (lower[at..].to_string(), &t[at..])
        }
        None => (lower, t),
    };
    let lead = LEADS.iter().find(|l| lower.starts_with(**l))?;
    let rest = t[lead.len()..].trim_start();
    let mut names = 0;
    let mut count = 0;
    let mut end = 0; // bytes of `rest` holding the name
    let mut last_name_end = 0;
    let words: Vec<(usize, &str)> = word_spans(rest).take(12).collect();
    for (i, &(at, w)) in words.iter().enumerate() {
        // "Maahn/SP-X": the name before an agency after a slash
        let (w, slash) = match w.find('/') {
            Some(i) if i > 0 => (&w[..i], true),
            _ => (w, false),
        };
        let label_next = words.get(i + 1).is_some_and(|(_, n)| n.starts_with(':'));
        if (w.ends_with(':') || label_next) && names > 0 {
            break; // the next label ("Quelle:", "Fotos:", "Edition :")
        }
        let bare = w.trim_end_matches([',', '|', '/', '·', '•', ':']);
        let Some(first) = bare.chars().next() else {
            break;
        };
        let particle = matches!(
            bare,
            "von"
                | "van"
                | "de"
                | "der"
                | "da"
                | "di"
                | "del"
                | "la"
                | "le"
                | "zu"
                | "und"
                | "and"
                | "&"
                | "y"
                | "et"
        );
        if first.is_uppercase()
            && !NOT_NAME.contains(&bare.trim_end_matches('.'))
            && bare
                .chars()
                .all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\''))
        {
            names += 1;
            last_name_end = at + bare.len();
        } else if !(particle && names > 0) {
            break;
        }
        count += 1;
        end = at + bare.len();
        if count > 8 {
            return None;
        }
        if slash || (bare.len() < w.len() && !w.ends_with(',')) {
            break; // "Name |", "Name/SP-X"
        }
    }
    let _ = end;
    // one name ("Posted by Konstantin") only after a lead that can introduce nothing else
    let strong_lead = matches!(
        *lead,
        "posted by " | "written by " | "geschrieben von " | "verfasst von " | "erstellt von "
    );
    if names < 2
        && !(names == 1 && rest[..last_name_end].contains('.'))
        && !(names == 1 && strong_lead && last_name_end >= 3)
    {
        return None;
    }
    let name = &rest[..last_name_end];
    // the name, possibly a date or place after it; not a sentence
    if rest[last_name_end..].split_whitespace().count() > 8 {
        return None;
    }
    clean_author(name)
}

/// How the first text of a byline element starts (a cheap test before reading it all).
pub(super) const BYLINE_STARTS: &[&str] = &[
    "by",
    "von",
    "par",
    "por",
    "text",
    "aut",
    "written",
    "verfasst",
    "ein beitrag",
    "ein artikel",
    "ein interview",
    "ein gastbeitrag",
    "ein kommentar",
    "eine kolumne",
    "eine analyse",
    "eine reportage",
    "ein essay",
    "ein bericht",
    "geschrieben",
    "posted",
    "published",
    "redaktion",
    "erstellt",
    "gespeichert",
    "blog",
    "beitrag",
    "artikel",
    "escrito",
    "scritto",
    "veröffentlicht",
    "am ",
];

/// Capitalised words that end a byline name: months, weekdays, "Published" …
pub(super) const NOT_NAME: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Sept",
    "Oct",
    "Nov",
    "Dec",
    "Januar",
    "Februar",
    "März",
    "Mai",
    "Juni",
    "Juli",
    "Oktober",
    "Dezember",
    "Mo",
    "Di",
    "Mi",
    "Do",
    "Fr",
    "Sa",
    "So",
    "Mon",
    "Tue",
    "Wed",
    "Thu",
    "Fri",
    "Sat",
    "Sun",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "Montag",
    "Dienstag",
    "Mittwoch",
    "Donnerstag",
    "Freitag",
    "Samstag",
    "Sonntag",
    "Published",
    "Publiziert",
    "Veröffentlicht",
    "Updated",
    "Aktualisiert",
    "Posted",
    "Am",
    "On",
    "Stand",
    "Foto",
    "Fotos",
    "Photo",
    "Photos",
    "Bild",
    "Bilder",
    "Update",
    "Last",
    "Zuletzt",
    "Uhr",
    "Read",
    "Lesezeit",
    "Min",
    "Follow",
    "Folgen",
    "Edited",
    "Share",
    "Teilen",
    "Newsletter",
    "Podcast",
    "Kontakt",
    "Contact",
];

/// Words with their byte offsets.
pub(super) fn word_spans(s: &str) -> impl Iterator<Item = (usize, &str)> {
    s.split_whitespace()
        .map(move |w| (w.as_ptr() as usize - s.as_ptr() as usize, w))
}

/// Compile this module's lazily built patterns now.
pub(super) fn warm() {
    let _ = (author_tail_re(), dated_byline_re());
}
