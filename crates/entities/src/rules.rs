//! Rules over the model's mentions: clean edges, add what gazetteers and context make
//! certain, split MISC into EVENT / LAW / WORK / OTHER.

use crate::lexicon::{Hits, Kind, Lexicon};
use crate::model::LABELS;
use crate::resolve::acronym_letters;
use crate::token::Tok;
use crate::Mention;
use dossier_core::EntityLabel;

const LAW_WORDS: &[&str] = &[
    "act",
    "law",
    "treaty",
    "accord",
    "accords",
    "agreement",
    "constitution",
    "amendment",
    "bill",
    "code",
    "convention",
    "protocol",
    "charter",
    "directive",
];
const EVENT_WORDS: &[&str] = &[
    "war",
    "olympics",
    "games",
    "summit",
    "cup",
    "conference",
    "election",
    "elections",
    "revolution",
    "crisis",
    "festival",
    "championship",
    "championships",
    "forum",
    "expo",
    "show",
    "attack",
    "attacks",
    "massacre",
    "spring",
    "referendum",
    "congress",
    "week",
    "day",
    "marathon",
    "open",
];

/// The fine label of a model label index (MISC is split by its words).
pub fn misc_label(label: usize, text: &str, toks: &[Tok], t0: usize, t1: usize) -> EntityLabel {
    match LABELS.get(label).copied() {
        Some("PERSON") => EntityLabel::Person,
        Some("ORG") => EntityLabel::Org,
        Some("PLACE") => EntityLabel::Place,
        Some("NORP") => EntityLabel::Norp,
        _ => {
            let words: Vec<String> = toks[t0..t1]
                .iter()
                .map(|t| text[t.start..t.end].to_lowercase())
                .collect();
            let last = words.last().map(String::as_str).unwrap_or("");
            if LAW_WORDS.contains(&last) || words.iter().any(|w| w == "act" || w == "treaty") {
                EntityLabel::Law
            } else if words.iter().any(|w| EVENT_WORDS.contains(&w.as_str())) {
                EntityLabel::Event
            } else if t0 > 0 && is_quote(&text[toks[t0 - 1].start..toks[t0 - 1].end]) {
                EntityLabel::Work
            } else {
                EntityLabel::Other
            }
        }
    }
}

fn is_quote(s: &str) -> bool {
    matches!(s, "\"" | "“" | "”" | "«" | "»" | "'" | "‘")
}

fn tok<'a>(text: &'a str, toks: &[Tok], i: usize) -> &'a str {
    &text[toks[i].start..toks[i].end]
}

fn capitalised(s: &str) -> bool {
    s.chars().next().is_some_and(|c| c.is_uppercase())
}

/// Lower-case words allowed inside a name ("Bank of America", "Lee Hsien Loong").
const NAME_JOINERS: &[&str] = &[
    "of", "and", "the", "for", "on", "de", "da", "del", "della", "van", "von", "der", "den", "al",
    "el", "bin", "ibn", "la", "le", "du", "des", "y", "&", "in", "at", "to", "-", "'s", "’s", "di",
];

/// Split a mention at lower-case words that cannot be inside a name ("Nazarbaev as Security
/// Council" -> "Nazarbaev", "Security Council").
fn split_bad_words(text: &str, toks: &[Tok], m: Mention, out: &mut Vec<Mention>) {
    let mut start = m.t0;
    let last = tok(text, toks, m.t1 - 1);
    for k in m.t0..=m.t1 {
        // "Shanghai Airlines and Xiamen Airlines": two names
        let pair = k < m.t1
            && k > m.t0 + 1
            && tok(text, toks, k) == "and"
            && tok(text, toks, k - 1) == last
            && k + 2 < m.t1;
        // "OSCE (Organization for ...": a parenthesis ends a name
        let paren = k < m.t1 && matches!(tok(text, toks, k), "(" | ")" | "[" | "]");
        let cut = k == m.t1 || pair || paren || {
            let w = tok(text, toks, k);
            toks[k].word
                && w.chars().next().is_some_and(|c| c.is_lowercase())
                && !NAME_JOINERS.contains(&w)
                && !w.chars().any(|c| c.is_uppercase() || c.is_numeric())
        };
        if cut {
            let mut piece = Mention {
                t0: start,
                t1: k,
                label: m.label,
            };
            // joiners may not start or end a piece
            while piece.t0 < piece.t1 && !capitalised_or_number(tok(text, toks, piece.t0)) {
                piece.t0 += 1;
            }
            while piece.t1 > piece.t0
                && !capitalised_or_number(tok(text, toks, piece.t1 - 1))
                && toks[piece.t1 - 1].word
            {
                piece.t1 -= 1;
            }
            while piece.t1 > piece.t0 && !toks[piece.t1 - 1].word {
                piece.t1 -= 1;
            }
            if piece.t0 < piece.t1 {
                out.push(piece);
            }
            start = k + 1;
        }
    }
}

fn capitalised_or_number(s: &str) -> bool {
    s.chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_numeric())
}

/// The capitalised run starting at `i` (at most 6 tokens), or `None`.
fn cap_run(text: &str, toks: &[Tok], covered: &[bool], i: usize) -> Option<usize> {
    if i >= toks.len() || covered[i] || !toks[i].word || !capitalised(tok(text, toks, i)) {
        return None;
    }
    let mut e = i + 1;
    while e < toks.len()
        && e < i + 6
        && !covered[e]
        && toks[e].word
        && !toks[e].line_start
        && capitalised(tok(text, toks, e))
    {
        e += 1;
    }
    Some(e)
}

/// Apply the rules; the result is sorted and non-overlapping.
pub fn apply(
    text: &str,
    toks: &[Tok],
    hits: &[Hits],
    lex: &Lexicon,
    raw: Vec<Mention>,
) -> Vec<Mention> {
    let mut pieces: Vec<Mention> = Vec::with_capacity(raw.len() + 8);
    for m in raw {
        split_bad_words(text, toks, m, &mut pieces);
    }
    let mut ms: Vec<Mention> = Vec::with_capacity(pieces.len() + 8);
    // 1. trim punctuation, quotes, "the" and "'s" at the edges; fix labels the lexicons know
    for mut m in pieces {
        while m.t0 < m.t1 && !toks[m.t0].word {
            m.t0 += 1;
        }
        while m.t1 > m.t0
            && (!toks[m.t1 - 1].word || matches!(tok(text, toks, m.t1 - 1), "'s" | "’s"))
        {
            m.t1 -= 1;
        }
        if m.t1 > m.t0 + 1 && matches!(tok(text, toks, m.t0), "the" | "The" | "THE") {
            m.t0 += 1;
        }
        // "Unlike Chrysler", "After Boeing": a capitalised sentence opener is not part of the name
        while m.t1 > m.t0 + 1
            && toks[m.t0].sent_start
            && OPENERS.contains(&tok(text, toks, m.t0).to_lowercase().as_str())
        {
            m.t0 += 1;
        }
        if m.t0 >= m.t1
            || !toks[m.t0..m.t1]
                .iter()
                .any(|t| capitalised(&text[t.start..t.end]))
        {
            continue;
        }
        // a function word alone is never a name ("Who", "This")
        if m.t1 == m.t0 + 1
            && FUNCTION_WORDS.contains(&tok(text, toks, m.t0).to_lowercase().as_str())
        {
            continue;
        }
        // an organisation word alone ("Bank", "Group") is a common noun in a heading, not a name
        if m.t1 == m.t0 + 1
            && has_kind(hits[m.t0], Kind::OrgEnd)
            && !matches!(
                tok(text, toks, m.t0),
                "Congress" | "Parliament" | "Senate" | "Assembly" | "Army" | "Navy" | "Police"
            )
            && acronym_letters(tok(text, toks, m.t0)).is_none()
        {
            continue;
        }
        // a currency prefix ("US$40", "HK$ 5"), not a place
        if text[toks[m.t1 - 1].end..]
            .trim_start_matches(' ')
            .starts_with('$')
        {
            continue;
        }
        // "Air Canada", "Air India": an airline
        if m.t0 > 0 && tok(text, toks, m.t0 - 1) == "Air" && !toks[m.t0].line_start {
            m.t0 -= 1;
            m.label = EntityLabel::Org;
        }
        m.label = relabel(text, toks, hits, lex, &m);
        if m.label == EntityLabel::Other {
            // "Dow Jones" + "Industrial Average": grow to the longest index name
            for j in m.t1 + 1..(m.t1 + 4).min(toks.len() + 1) {
                if toks[j - 1].line_start {
                    break;
                }
                let phrase = &text[toks[m.t0].start..toks[j - 1].end];
                if lex.kinds_of(phrase) & (1 << Kind::Index as u32) != 0 {
                    m.t1 = j;
                }
            }
        }
        ms.push(m);
    }
    let mut covered = vec![false; toks.len()];
    for m in &ms {
        for c in &mut covered[m.t0..m.t1] {
            *c = true;
        }
    }
    let mut add: Vec<Mention> = Vec::new();
    // 2. "the media outlet X", "airline X": X is an organisation
    let mut i = 0;
    while i < toks.len() {
        let h = hits[i];
        if !starts_kind(h, Kind::OrgCue) || capitalised(tok(text, toks, i)) {
            i += 1;
            continue;
        }
        let mut e = i + 1;
        while e < toks.len() && hits[e] & (1 << (2 * Kind::OrgCue as u32 + 1)) != 0 {
            e += 1;
        }
        if e < toks.len() {
            if let Some(m) = ms.iter_mut().find(|m| m.t0 == e) {
                if m.label != EntityLabel::Person || !starts_kind(hits[e], Kind::First) {
                    m.label = EntityLabel::Org;
                }
            } else if let Some(end) = cap_run(text, toks, &covered, e) {
                if !starts_kind(hits[e], Kind::First) {
                    add.push(Mention {
                        t0: e,
                        t1: end,
                        label: EntityLabel::Org,
                    });
                }
            }
        }
        i = e;
    }
    // 3. "X, a think tank ...": X is an organisation
    for k in 0..toks.len().saturating_sub(3) {
        if tok(text, toks, k) != "," || !matches!(tok(text, toks, k + 1), "a" | "an" | "the") {
            continue;
        }
        let cue = (k + 2..(k + 5).min(toks.len())).find(|&j| starts_kind(hits[j], Kind::OrgCue));
        let Some(c) = cue else { continue };
        if (k + 2..c).any(|j| !toks[j].word) {
            continue;
        }
        let mut ce = c + 1;
        while ce < toks.len() && hits[ce] & (1 << (2 * Kind::OrgCue as u32 + 1)) != 0 {
            ce += 1;
        }
        let head = ce >= toks.len() || !toks[ce].word || {
            let w = tok(text, toks, ce);
            matches!(
                w,
                "that"
                    | "which"
                    | "based"
                    | "headed"
                    | "run"
                    | "owned"
                    | "founded"
                    | "in"
                    | "of"
                    | "with"
                    | "led"
                    | "known"
                    | "whose"
                    | "and"
            )
        };
        if !head {
            continue;
        }
        if let Some(m) = ms.iter_mut().find(|m| m.t1 == k) {
            if m.label != EntityLabel::Person || !starts_kind(hits[m.t0], Kind::First) {
                m.label = EntityLabel::Org;
            }
        } else if k > 0 {
            let mut s0 = k;
            while s0 > 0
                && toks[s0 - 1].word
                && !covered[s0 - 1]
                && capitalised(tok(text, toks, s0 - 1))
                && k - s0 < 5
            {
                s0 -= 1;
            }
            if s0 < k && !toks[s0].sent_start {
                add.push(Mention {
                    t0: s0,
                    t1: k,
                    label: EntityLabel::Org,
                });
            }
        }
    }
    // 4. gazetteer places, demonyms and known organisations the model left out
    let mut i = 0;
    while i < toks.len() {
        if covered[i] || !capitalised(tok(text, toks, i)) {
            i += 1;
            continue;
        }
        let h = hits[i];
        let mut done = false;
        for kind in [
            Kind::Country,
            Kind::State,
            Kind::Continent,
            Kind::Org,
            Kind::Demonym,
        ] {
            let k = kind as u32;
            if h & (1 << (2 * k)) == 0 {
                continue;
            }
            let mut e = i + 1;
            while e < toks.len() && hits[e] & (1 << (2 * k + 1)) != 0 && !covered[e] {
                e += 1;
            }
            // the phrase must end where a phrase of that kind ends: re-check it exactly
            let phrase = &text[toks[i].start..toks[e - 1].end];
            if lex.kinds_of(phrase) & (1 << k) == 0
                || FUNCTION_WORDS.contains(&phrase.to_lowercase().as_str())
            {
                continue;
            }
            // part of a longer capitalised name ("Air China", "Bank of America")
            let glued = (i > 0
                && toks[i - 1].word
                && !toks[i].sent_start
                && capitalised(tok(text, toks, i - 1)))
                || (e < toks.len()
                    && toks[e].word
                    && !toks[e].line_start
                    && capitalised(tok(text, toks, e))
                    && kind != Kind::Demonym);
            if glued {
                continue;
            }
            let label = match kind {
                Kind::Demonym => EntityLabel::Norp,
                Kind::Org => EntityLabel::Org,
                _ => EntityLabel::Place,
            };
            add.push(Mention {
                t0: i,
                t1: e,
                label,
            });
            i = e;
            done = true;
            break;
        }
        if !done {
            i += 1;
        }
    }
    // 5a. "Mr Winterkorn", "President Tokayev", "Wintour herself", "Jutting, now 31":
    //     people the model left out
    for k in 0..toks.len() {
        if covered[k]
            || !toks[k].word
            || !capitalised(tok(text, toks, k))
            || FUNCTION_WORDS.contains(&tok(text, toks, k).to_lowercase().as_str())
        {
            continue;
        }
        if k > 0 && covered[k - 1] {
            continue;
        }
        let titled = k > 0
            && has_kind(hits[k - 1], Kind::Title)
            && !toks[k].line_start
            && capitalised(tok(text, toks, k - 1));
        let Some(end) = cap_run(text, toks, &covered, k) else {
            continue;
        };
        let end = end.min(k + 3);
        if hits[k..end].iter().any(|&h| {
            has_kind(h, Kind::Country)
                || has_kind(h, Kind::OrgEnd)
                || has_kind(h, Kind::Title)
                || has_kind(h, Kind::Demonym)
        }) {
            continue;
        }
        let context = (!toks[k].sent_start
            || starts_kind(hits[k], Kind::First)
            || starts_kind(hits[k], Kind::Last))
            && person_context(text, toks, end);
        if titled || context {
            add.push(Mention {
                t0: k,
                t1: end,
                label: EntityLabel::Person,
            });
        }
    }
    // 5. "Full Name (ACR)": the acronym shares the name's label
    for m in &ms {
        let p = m.t1;
        if p + 2 < toks.len()
            && tok(text, toks, p) == "("
            && tok(text, toks, p + 2) == ")"
            && !covered[p + 1]
        {
            let a = tok(text, toks, p + 1);
            if acronym_letters(a).is_some() && !FUNCTION_WORDS.contains(&a.to_lowercase().as_str())
            {
                add.push(Mention {
                    t0: p + 1,
                    t1: p + 2,
                    label: m.label,
                });
            }
        }
    }
    // 5b. "ACR (Full Name)": the expansion, when its initials spell the acronym
    for m in &ms {
        let p = m.t1;
        if m.t1 != m.t0 + 1 || p + 2 >= toks.len() || tok(text, toks, p) != "(" {
            continue;
        }
        let Some(letters) = acronym_letters(tok(text, toks, m.t0)) else {
            continue;
        };
        let Some(close) = (p + 2..toks.len().min(p + 12)).find(|&k| tok(text, toks, k) == ")")
        else {
            continue;
        };
        let inner = &text[toks[p + 1].start..toks[close - 1].end];
        if !covered[p + 1..close].iter().any(|&c| c)
            && capitalised(tok(text, toks, p + 1))
            && crate::resolve::initials(inner) == letters
        {
            add.push(Mention {
                t0: p + 1,
                t1: close,
                label: m.label,
            });
        }
    }
    let commit = |add: Vec<Mention>, ms: &mut Vec<Mention>, covered: &mut Vec<bool>| {
        for a in add {
            let lone_word = a.t1 == a.t0 + 1
                && (FUNCTION_WORDS.contains(&tok(text, toks, a.t0).to_lowercase().as_str())
                    || has_kind(hits[a.t0], Kind::Title));
            if a.t0 < a.t1 && !lone_word && !covered[a.t0..a.t1].iter().any(|&c| c) {
                for c in &mut covered[a.t0..a.t1] {
                    *c = true;
                }
                ms.push(a);
            }
        }
    };
    commit(add, &mut ms, &mut covered);
    // 6. names the article already uses, elsewhere untagged: same words, a surname, a variant
    let more = propagate(text, toks, lex, &ms, &covered);
    commit(more, &mut ms, &mut covered);
    // "Lockheed" tagged as a person where the article says "Lockheed Martin" (an organisation)
    let org_first: Vec<&str> = ms
        .iter()
        .filter(|m| {
            m.label == EntityLabel::Org && m.t1 - m.t0 >= 2 && !starts_kind(hits[m.t0], Kind::First)
        })
        .map(|m| tok(text, toks, m.t0))
        .collect();
    for m in ms.iter_mut() {
        if m.t1 == m.t0 + 1
            && m.label == EntityLabel::Person
            && org_first.contains(&tok(text, toks, m.t0))
        {
            m.label = EntityLabel::Org;
        }
    }
    // "Jusman Syafii Djamal": a given name the model left out before a person
    for m in ms.iter_mut() {
        if m.label != EntityLabel::Person || m.t0 == 0 || toks[m.t0].line_start {
            continue;
        }
        let p = m.t0 - 1;
        let w = tok(text, toks, p);
        if !covered[p]
            && toks[p].word
            && capitalised(w)
            && !FUNCTION_WORDS.contains(&w.to_lowercase().as_str())
            && (starts_kind(hits[p], Kind::First) || (!toks[p].sent_start && hits[p] == 0))
            && !w.ends_with('.')
        {
            m.t0 = p;
            covered[p] = true;
        }
    }
    ms.sort_by_key(|m| (m.t0, m.t1));
    let mut out: Vec<Mention> = Vec::with_capacity(ms.len());
    for m in ms {
        if out.last().is_some_and(|l: &Mention| l.t1 > m.t0) {
            continue;
        }
        // "Eastern and Central Europe", "North and South Korea": one place
        let mut m = m;
        if m.label == EntityLabel::Place
            && m.t0 >= 2
            && DIRECTIONS.contains(&tok(text, toks, m.t0))
            && tok(text, toks, m.t0 - 1) == "and"
            && DIRECTIONS.contains(&tok(text, toks, m.t0 - 2))
        {
            if out
                .last()
                .is_some_and(|l| l.t0 == m.t0 - 2 && l.t1 == m.t0 - 1)
            {
                out.pop();
            }
            if out.last().is_none_or(|l| l.t1 <= m.t0 - 2) {
                m.t0 -= 2;
            }
        }
        if let Some(l) = out.last_mut() {
            if let Some(label) = merge(text, toks, hits, lex, l, &m) {
                l.t1 = m.t1;
                l.label = label;
                continue;
            }
        }
        out.push(m);
    }
    out
}

/// Join two neighbouring mentions into one name: "Denver, Colorado" (a place and its
/// state or country), "Health and Hospitals Corporation" (an organisation's words).
fn merge(
    text: &str,
    toks: &[Tok],
    hits: &[Hits],
    lex: &Lexicon,
    a: &Mention,
    b: &Mention,
) -> Option<EntityLabel> {
    if b.t0 != a.t1 + 1 || toks[b.t0].line_start {
        return None;
    }
    let sep = tok(text, toks, a.t1);
    let kinds_b = lex.kinds_of(&text[toks[b.t0].start..toks[b.t1 - 1].end]);
    let kinds_a = lex.kinds_of(&text[toks[a.t0].start..toks[a.t1 - 1].end]);
    let region = (1 << Kind::State as u32) | (1 << Kind::Country as u32);
    if sep == ","
        && a.label == EntityLabel::Place
        && b.label == EntityLabel::Place
        && kinds_b & region != 0
        && kinds_a & (region | (1 << Kind::Continent as u32)) == 0
    {
        // not a list: "Denver, Colorado and Paris" is fine, "Paris, Texas, Ohio" is not checked
        let after = b.t1 < toks.len() && matches!(tok(text, toks, b.t1), "and" | "or");
        if !after {
            return Some(EntityLabel::Place);
        }
    }
    if matches!(sep, "and" | "&")
        && a.label != EntityLabel::Org
        && a.label != EntityLabel::Person
        && b.label == EntityLabel::Org
        && b.t1 - b.t0 >= 2
        && has_kind(hits[b.t1 - 1], Kind::OrgEnd)
        && !has_kind(hits[a.t1 - 1], Kind::OrgEnd)
        && kinds_a & region == 0
    {
        return Some(EntityLabel::Org);
    }
    None
}

fn has_kind(h: Hits, k: Kind) -> bool {
    h & (3 << (2 * k as u32)) != 0
}

fn starts_kind(h: Hits, k: Kind) -> bool {
    h & (1 << (2 * k as u32)) != 0
}

/// Label fixes that the lexicons make safe.
fn relabel(text: &str, toks: &[Tok], hits: &[Hits], lex: &Lexicon, m: &Mention) -> EntityLabel {
    let n = m.t1 - m.t0;
    let whole = lex.kinds_of(&text[toks[m.t0].start..toks[m.t1 - 1].end]);
    if whole & (1 << Kind::Org as u32) != 0 {
        return EntityLabel::Org;
    }
    // a stock index, or a name followed by "index" / "average"
    let next = if m.t1 < toks.len() {
        tok(text, toks, m.t1)
    } else {
        ""
    };
    if whole & (1 << Kind::Index as u32) != 0
        || (starts_kind(hits[m.t0], Kind::Index)
            && matches!(next, "index" | "Index" | "average" | "Average"))
        || (m.label != EntityLabel::Place
            && matches!(next, "index" | "Index" | "indices" | "indexes"))
    {
        return EntityLabel::Other;
    }
    if whole
        & ((1 << Kind::Country as u32) | (1 << Kind::State as u32) | (1 << Kind::Continent as u32))
        != 0
        && m.label != EntityLabel::Org
    {
        return EntityLabel::Place;
    }
    // "President X", "Senator X": a person, unless X ends like an organisation
    if m.t0 > 0 && has_kind(hits[m.t0 - 1], Kind::Title) && !has_kind(hits[m.t1 - 1], Kind::OrgEnd)
    {
        let t = tok(text, toks, m.t0 - 1);
        if capitalised(t) || t.ends_with('.') {
            return EntityLabel::Person;
        }
    }
    let first = hits[m.t0];
    let last_tok = tok(text, toks, m.t1 - 1);
    let last = hits[m.t1 - 1];
    // a single demonym is NORP ("Kazakh officials", "Australians")
    if n == 1 && m.label != EntityLabel::Norp {
        let w = tok(text, toks, m.t0);
        let singular = w.strip_suffix('s').unwrap_or(w);
        if (starts_kind(first, Kind::Demonym) && m.label != EntityLabel::Person)
            || (singular != w && lex.kinds_of(singular) & (1 << Kind::Demonym as u32) != 0)
        {
            return EntityLabel::Norp;
        }
    }
    // a person's name has no all-capital word ("Mac OS X" is a product)
    if m.label == EntityLabel::Person
        && n >= 2
        && toks[m.t0..m.t1].iter().any(|t| {
            let w = &text[t.start..t.end];
            w.chars().count() >= 2
                && w.chars().all(|c| c.is_uppercase())
                && !matches!(w, "II" | "III" | "IV" | "JR")
        })
        && !toks[m.t0..m.t1]
            .iter()
            .all(|t| text[t.start..t.end].chars().all(|c| !c.is_lowercase()))
    {
        return EntityLabel::Other;
    }
    // "the Beatles", "the Democrats": a group; "the Mac.", "the Sky and ...": a thing
    if m.label == EntityLabel::Person
        && n == 1
        && m.t0 > 0
        && matches!(tok(text, toks, m.t0 - 1), "the" | "The")
    {
        if tok(text, toks, m.t0).ends_with('s') {
            return EntityLabel::Org;
        }
        let bare =
            m.t1 >= toks.len() || !toks[m.t1].word || matches!(tok(text, toks, m.t1), "and" | "or");
        if bare {
            return EntityLabel::Other;
        }
    }
    // "... Airport", "... River": a place
    if n >= 2
        && m.label != EntityLabel::Place
        && has_kind(last, Kind::Facility)
        && capitalised(last_tok)
    {
        return EntityLabel::Place;
    }
    // "... Corporation", "... Ministry": an organisation, not a person
    if m.label == EntityLabel::Person
        && n >= 2
        && has_kind(last, Kind::OrgEnd)
        && capitalised(last_tok)
    {
        return EntityLabel::Org;
    }
    // "X, whose ...", "X was born", "X's wife": a person
    if m.label != EntityLabel::Person
        && n <= 3
        && whole
            & ((1 << Kind::Country as u32) | (1 << Kind::State as u32) | (1 << Kind::City as u32))
            == 0
        && person_context(text, toks, m.t1)
    {
        return EntityLabel::Person;
    }
    // "Given Surname" tagged as something else
    if m.label != EntityLabel::Person
        && (2..=3).contains(&n)
        && starts_kind(first, Kind::First)
        && !has_kind(last, Kind::OrgEnd)
        && !hits[m.t0..m.t1].iter().any(|&h| {
            has_kind(h, Kind::Country) || has_kind(h, Kind::City) || has_kind(h, Kind::State)
        })
        && toks[m.t0..m.t1]
            .iter()
            .all(|t| t.word && capitalised(&text[t.start..t.end]))
    {
        return EntityLabel::Person;
    }
    m.label
}

/// Sentence openers that are never the first word of a name.
const OPENERS: &[&str] = &[
    "unlike",
    "after",
    "before",
    "during",
    "despite",
    "although",
    "while",
    "under",
    "with",
    "without",
    "since",
    "because",
    "as",
    "for",
    "from",
    "by",
    "about",
    "against",
    "between",
    "among",
    "following",
    "according",
    "meanwhile",
    "however",
    "also",
    "when",
    "if",
    "but",
    "and",
    "in",
    "on",
    "at",
    "to",
    "like",
    "then",
    "yesterday",
    "today",
    "last",
    "next",
    "meanwhile",
];

/// Directional words that coordinate inside one place name.
const DIRECTIONS: &[&str] = &[
    "North",
    "South",
    "East",
    "West",
    "Northern",
    "Southern",
    "Eastern",
    "Western",
    "Central",
    "Northeast",
    "Northwest",
    "Southeast",
    "Southwest",
    "Upper",
    "Lower",
];

/// Words that are never a name on their own.
const FUNCTION_WORDS: &[&str] = &[
    "who",
    "what",
    "when",
    "where",
    "why",
    "how",
    "which",
    "the",
    "a",
    "an",
    "this",
    "that",
    "these",
    "those",
    "he",
    "she",
    "it",
    "they",
    "we",
    "i",
    "you",
    "his",
    "her",
    "its",
    "their",
    "our",
    "my",
    "your",
    "but",
    "and",
    "or",
    "if",
    "so",
    "yes",
    "no",
    "not",
    "all",
    "some",
    "there",
    "here",
    "then",
    "now",
    "today",
    "yesterday",
    "tomorrow",
    "mr",
    "mrs",
    "ms",
    "dr",
    "ceo",
    "cfo",
    "coo",
    "cto",
    "gmt",
    "utc",
    "est",
    "pst",
    "lcd",
    "gdp",
    "tv",
    "pc",
    "am",
    "pm",
    "ok",
    "dvd",
    "cd",
    "usb",
    "ipo",
    "vip",
    "faq",
    "ai",
    "id",
    "pr",
    "hq",
    "mp",
    "mps",
];

/// Words never propagated on their own.
const NO_PROPAGATE: &[&str] = &[
    "The",
    "A",
    "An",
    "In",
    "On",
    "At",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "But",
    "And",
    "Mr.",
    "Mrs.",
    "Ms.",
    "Dr.",
    "President",
    "Minister",
    "This",
    "That",
    "His",
    "Her",
    "Their",
];

fn propagate(
    text: &str,
    toks: &[Tok],
    lex: &Lexicon,
    ms: &[Mention],
    covered: &[bool],
) -> Vec<Mention> {
    use std::collections::HashMap;
    let norm = |i: usize| -> &str {
        let w = tok(text, toks, i);
        lex.variants.get(w).map(String::as_str).unwrap_or(w)
    };
    let mut known: HashMap<String, EntityLabel> = HashMap::new();
    let mut max_len = 1;
    for m in ms {
        if m.label == EntityLabel::Other || m.label == EntityLabel::Norp {
            continue;
        }
        let key: Vec<&str> = (m.t0..m.t1).map(norm).collect();
        max_len = max_len.max(key.len());
        known.entry(key.join(" ")).or_insert(m.label);
        // "Lockheed" after "Lockheed Martin": a distinctive first word of a two-word company
        if m.label == EntityLabel::Org && key.len() == 2 && toks[m.t0 + 1].word {
            let w = key[0];
            let h = lex.kinds_of(w);
            if h == 0
                && w.chars().count() > 3
                && acronym_letters(w).is_none()
                && !FUNCTION_WORDS.contains(&w.to_lowercase().as_str())
                && !text.contains(&w.to_lowercase())
            {
                known.entry(w.to_string()).or_insert(EntityLabel::Org);
            }
        }
        if m.label == EntityLabel::Person && key.len() >= 2 {
            let sur = key[key.len() - 1];
            if toks[m.t1 - 1].word && sur.chars().count() > 2 {
                known.insert(sur.to_string(), EntityLabel::Person);
            }
        }
    }
    let mut out = Vec::new();
    if known.is_empty() {
        return out;
    }
    let mut i = 0;
    while i < toks.len() {
        if covered[i]
            || !toks[i].word
            || !capitalised(tok(text, toks, i))
            || NO_PROPAGATE.contains(&tok(text, toks, i))
        {
            i += 1;
            continue;
        }
        let mut found = None;
        for n in (1..=max_len.min(toks.len() - i)).rev() {
            if covered[i..i + n].iter().any(|&c| c) {
                continue;
            }
            let key: Vec<&str> = (i..i + n).map(norm).collect();
            if let Some(&l) = known.get(&key.join(" ")) {
                // do not cut a longer capitalised name in two ("Martin" in "Martin Luther")
                let next_cap = i + n < toks.len()
                    && toks[i + n].word
                    && !toks[i + n].line_start
                    && capitalised(tok(text, toks, i + n));
                let prev_cap = i > 0
                    && toks[i - 1].word
                    && !toks[i].sent_start
                    && capitalised(tok(text, toks, i - 1));
                if !next_cap && !prev_cap {
                    found = Some((n, l));
                }
                break;
            }
        }
        match found {
            Some((n, label)) => {
                out.push(Mention {
                    t0: i,
                    t1: i + n,
                    label,
                });
                i += n;
            }
            None => i += 1,
        }
    }
    out
}

const KIN: &[&str] = &[
    "wife",
    "husband",
    "son",
    "daughter",
    "mother",
    "father",
    "brother",
    "sister",
    "widow",
    "parents",
    "children",
    "family",
    "girlfriend",
    "boyfriend",
    "grandmother",
    "grandfather",
];

/// Words after a mention that only fit a person.
fn person_context(text: &str, toks: &[Tok], end: usize) -> bool {
    let w = |k: usize| {
        if k < toks.len() {
            tok(text, toks, k)
        } else {
            ""
        }
    };
    match (w(end), w(end + 1)) {
        (",", "whose") | (",", "who") | ("was", "born") | ("himself", _) | ("herself", _) => true,
        ("as", "saying") => true,
        (",", "now") => w(end + 2).chars().all(|c| c.is_ascii_digit()) && !w(end + 2).is_empty(),
        (",", age) if age.len() == 2 && age.chars().all(|c| c.is_ascii_digit()) => {
            w(end + 2) == ","
        }
        ("'s" | "’s", k) => KIN.contains(&k),
        ("said", "he" | "she") => false,
        _ => false,
    }
}
