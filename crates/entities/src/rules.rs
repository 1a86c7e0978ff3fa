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

/// Apply the rules; the result is sorted and non-overlapping.
pub fn apply(
    text: &str,
    toks: &[Tok],
    hits: &[Hits],
    lex: &Lexicon,
    raw: Vec<Mention>,
) -> Vec<Mention> {
    let mut ms: Vec<Mention> = Vec::with_capacity(raw.len() + 8);
    // 1. trim punctuation and quotes at the edges; drop what is left empty or lower-case
    for mut m in raw {
        while m.t0 < m.t1 && !toks[m.t0].word {
            m.t0 += 1;
        }
        while m.t1 > m.t0 && !toks[m.t1 - 1].word {
            m.t1 -= 1;
        }
        while m.t1 > m.t0 && matches!(tok(text, toks, m.t1 - 1), "'s" | "’s") {
            m.t1 -= 1;
        }
        if m.t1 > m.t0 + 1 && matches!(tok(text, toks, m.t0), "the" | "The" | "THE") {
            m.t0 += 1;
        }
        while m.t1 > m.t0 && !toks[m.t1 - 1].word {
            m.t1 -= 1;
        }
        if m.t0 >= m.t1 {
            continue;
        }
        m.label = relabel(text, toks, hits, &m);
        if m.t0 >= m.t1 {
            continue;
        }
        if !toks[m.t0..m.t1]
            .iter()
            .any(|t| capitalised(&text[t.start..t.end]))
        {
            continue;
        }
        ms.push(m);
    }
    let mut covered = vec![false; toks.len()];
    for m in &ms {
        for c in &mut covered[m.t0..m.t1] {
            *c = true;
        }
    }
    // 2. gazetteer places and demonyms the model left out (capitalised, not covered)
    let mut add: Vec<Mention> = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if covered[i] || !capitalised(tok(text, toks, i)) {
            i += 1;
            continue;
        }
        let h = hits[i];
        let mut done = false;
        for kind in [Kind::Country, Kind::State, Kind::Continent, Kind::Demonym] {
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
            if lex.kinds_of(phrase) & (1 << k) == 0 {
                continue;
            }
            let label = if kind == Kind::Demonym {
                EntityLabel::Norp
            } else {
                EntityLabel::Place
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
    // 3. "Full Name (ACR)" and "ACR (Full Name)": the acronym shares the name's label
    for m in &ms {
        let p = m.t1;
        if p + 2 < toks.len()
            && tok(text, toks, p) == "("
            && tok(text, toks, p + 2) == ")"
            && !covered[p + 1]
        {
            let a = tok(text, toks, p + 1);
            if acronym_letters(a).is_some() {
                add.push(Mention {
                    t0: p + 1,
                    t1: p + 2,
                    label: m.label,
                });
            }
        }
    }
    // 4. names the article already uses, elsewhere untagged: same words, a surname, a variant
    add.extend(propagate(text, toks, lex, &ms, &covered));
    for a in add {
        if !covered[a.t0..a.t1].iter().any(|&c| c) {
            for c in &mut covered[a.t0..a.t1] {
                *c = true;
            }
            ms.push(a);
        }
    }
    ms.sort_by_key(|m| (m.t0, m.t1));
    // non-overlap (the model's output is already; rules only add uncovered tokens)
    let mut out: Vec<Mention> = Vec::with_capacity(ms.len());
    for m in ms {
        if out.last().is_some_and(|l: &Mention| l.t1 > m.t0) {
            continue;
        }
        out.push(m);
    }
    out
}

fn has_kind(h: Hits, k: Kind) -> bool {
    h & (3 << (2 * k as u32)) != 0
}

fn starts_kind(h: Hits, k: Kind) -> bool {
    h & (1 << (2 * k as u32)) != 0
}

/// Label fixes that the lexicons make safe.
fn relabel(text: &str, toks: &[Tok], hits: &[Hits], m: &Mention) -> EntityLabel {
    let n = m.t1 - m.t0;
    let first = hits[m.t0];
    let last_tok = tok(text, toks, m.t1 - 1);
    let last = hits[m.t1 - 1];
    // a single demonym is NORP ("Kazakh officials")
    if n == 1 && starts_kind(first, Kind::Demonym) && m.label != EntityLabel::Person {
        return EntityLabel::Norp;
    }
    // "... Corporation", "... Ministry": an organisation, not a person
    if m.label == EntityLabel::Person
        && n >= 2
        && has_kind(last, Kind::OrgEnd)
        && capitalised(last_tok)
    {
        return EntityLabel::Org;
    }
    // "Given Surname" tagged as something else
    if m.label != EntityLabel::Person
        && (2..=3).contains(&n)
        && starts_kind(first, Kind::First)
        && !has_kind(last, Kind::OrgEnd)
        && !toks[m.t0..m.t1].iter().any(|t| {
            let h = hits[toks.iter().position(|x| x == t).unwrap_or(0)];
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
