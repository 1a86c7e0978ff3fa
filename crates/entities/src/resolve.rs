//! Group mentions into entities: same name, surname of a full name, acronym of an
//! expansion, variant or alias table; pick the canonical (fullest) name and one label.

use crate::lexicon::{Kind, Lexicon};
use crate::token::Tok;
use crate::Mention;
use dossier_core::{Entity, EntityId, EntityLabel, Span};
use std::collections::HashMap;

/// Country, US state and continent bits of [`Lexicon::kinds_of`].
const PLACE_KINDS: u32 =
    (1 << Kind::Country as u32) | (1 << Kind::State as u32) | (1 << Kind::Continent as u32);

/// Words skipped when building an acronym from a name.
const ACRO_SKIP: &[&str] = &[
    "of", "and", "the", "for", "on", "in", "&", "de", "du", "des", "la", "le", "to",
];

/// Text of a mention without a leading "the" and a trailing possessive.
pub fn mention_text<'a>(text: &'a str, toks: &[Tok], m: &Mention) -> &'a str {
    let (mut a, mut b) = (m.t0, m.t1);
    while b > a + 1 && is_trailing_junk(&text[toks[b - 1].start..toks[b - 1].end]) {
        b -= 1;
    }
    if b > a + 1 && text[toks[a].start..toks[a].end].eq_ignore_ascii_case("the") {
        a += 1;
    }
    &text[toks[a].start..toks[b - 1].end]
}

fn is_trailing_junk(s: &str) -> bool {
    matches!(s, "'s" | "’s" | "'" | "’" | "," | "." | ")" | "(")
}

/// Words of a name with variants replaced ("Toqaev" -> "Tokayev").
fn key_words(name: &str, lex: &Lexicon) -> Vec<String> {
    name.split(|c: char| c.is_whitespace())
        .filter(|w| !w.is_empty())
        .map(|w| {
            let w = w.trim_matches(|c: char| c == ',' || c == '"');
            lex.variants
                .get(w)
                .cloned()
                .unwrap_or_else(|| w.to_string())
        })
        .collect()
}

/// Upper-case initials of a multi-word name ("Collective Security Treaty Organization" -> "CSTO").
pub fn initials(name: &str) -> String {
    let mut out = String::new();
    for w in name.split(|c: char| c.is_whitespace() || c == '-') {
        if w.is_empty() || ACRO_SKIP.contains(&w.to_lowercase().as_str()) {
            continue;
        }
        if let Some(c) = w.chars().next() {
            if c.is_uppercase() {
                out.push(c);
            }
        }
    }
    out
}

/// The letters of an acronym ("U.S.S.R." -> "USSR"), or `None` when `s` is not one.
pub fn acronym_letters(s: &str) -> Option<String> {
    let letters: String = s.chars().filter(|c| *c != '.').collect();
    let n = letters.chars().count();
    if (2..=8).contains(&n)
        && letters.chars().all(|c| c.is_uppercase() || c == '&')
        && letters.chars().filter(|c| c.is_uppercase()).count() >= 2
    {
        Some(letters.replace('&', ""))
    } else {
        None
    }
}

/// Words between two mentions that make the second another name of the first, as the
/// article states it: "Toqaev (also spelled Tokayev)", "Islamic State, also known as ISIS".
/// Lower-case token texts; a leading "(" also needs a ")" right after the second name.
const STATED_ALIAS: &[&[&str]] = &[
    &["(", "also", "spelled"],
    &["(", "also", "written"],
    &["(", "also", "known", "as"],
    &["(", "known", "as"],
    &["(", "also", "called"],
    &["(", "formerly"],
    &["(", "formerly", "known", "as"],
    &["(", "a.k.a."],
    &["(", "aka"],
    &["(", "or"],
    &[",", "also", "spelled"],
    &[",", "also", "known", "as"],
    &[",", "known", "as"],
    &[",", "also", "called"],
    &[",", "formerly", "known", "as"],
    &[",", "a.k.a."],
    &["also", "known", "as"],
    &["a.k.a."],
];

/// True when mention `b` is stated to be another name of mention `a` (`a` before `b`):
/// a connector from [`STATED_ALIAS`], or a bare parenthesis pairing a name with its
/// acronym in either order ("Federal Security Service (FSB)", "OSCE (Organization for
/// Security ...)"), even when the letters are not the name's initials.
fn stated_alias(text: &str, toks: &[Tok], a: &Mention, b: &Mention, names: [&str; 2]) -> bool {
    if b.t0 <= a.t1 || b.t0 - a.t1 > 4 {
        return false;
    }
    let between: Vec<String> = toks[a.t1..b.t0]
        .iter()
        .map(|t| text[t.start..t.end].to_lowercase())
        .collect();
    let closes = toks.get(b.t1).is_some_and(|t| &text[t.start..t.end] == ")");
    if between == ["("] {
        let one_acronym =
            acronym_letters(names[0]).is_some() != acronym_letters(names[1]).is_some();
        return closes && one_acronym;
    }
    STATED_ALIAS.iter().any(|c| {
        c.len() == between.len()
            && c.iter().zip(&between).all(|(x, y)| x == y)
            && (c[0] != "(" || closes)
    })
}

struct Group {
    members: Vec<usize>,
}

/// Turn mentions into entities with ids and canonical names; output sorted by span.
pub fn resolve(text: &str, toks: &[Tok], lex: &Lexicon, mut ms: Vec<Mention>) -> Vec<Entity> {
    ms.sort_by_key(|m| (m.t0, m.t1));
    let names: Vec<&str> = ms.iter().map(|m| mention_text(text, toks, m)).collect();
    let keys: Vec<Vec<String>> = names.iter().map(|n| key_words(n, lex)).collect();
    let n = ms.len();
    // union-find
    let mut parent: Vec<usize> = (0..n).collect();
    fn find(p: &mut [usize], mut x: usize) -> usize {
        while p[x] != x {
            p[x] = p[p[x]];
            x = p[x];
        }
        x
    }
    let union = |p: &mut Vec<usize>, a: usize, b: usize| {
        let (ra, rb) = (find(p, a), find(p, b));
        if ra != rb {
            p[ra.max(rb)] = ra.min(rb);
        }
    };
    // 1. same key (after variants); alias table target
    let mut by_key: HashMap<String, usize> = HashMap::new();
    for i in 0..n {
        let alias = lex.aliases.get(names[i]).map(|s| s.as_str());
        let k = alias.map_or_else(|| keys[i].join(" ").to_lowercase(), |a| a.to_lowercase());
        match by_key.get(&k) {
            Some(&j) => union(&mut parent, i, j),
            None => {
                by_key.insert(k.clone(), i);
            }
        }
        // a full alias name in the text joins its short forms
        if alias.is_none() {
            by_key.entry(names[i].to_lowercase()).or_insert(i);
        }
    }
    // 2. acronyms: initials of a multi-word ORG/PLACE/other name
    let mut by_initials: HashMap<String, usize> = HashMap::new();
    for i in 0..n {
        if keys[i].len() >= 2 && ms[i].label != EntityLabel::Person {
            let ini = initials(names[i]);
            if ini.chars().count() >= 2 {
                by_initials.entry(ini).or_insert(i);
            }
        }
    }
    for (i, name) in names.iter().enumerate() {
        if let Some(letters) = acronym_letters(name) {
            if let Some(&j) = by_initials.get(&letters) {
                union(&mut parent, i, j);
            }
        }
    }
    // 3. names the article states to be the same ("X (also known as Y)", "Name (ACR)")
    for i in 0..n {
        for j in i + 1..n.min(i + 3) {
            if stated_alias(text, toks, &ms[i], &ms[j], [names[i], names[j]]) {
                union(&mut parent, i, j);
                // later mentions of either form follow through the same-key step above
            }
        }
    }
    // 4. person surnames (and lone given+surname subsets): the last word of a fuller name
    // full person names by last word, in mention order
    let mut full_by_last: HashMap<&str, Vec<usize>> = HashMap::new();
    for j in 0..n {
        if ms[j].label == EntityLabel::Person && keys[j].len() >= 2 {
            if let Some(last) = keys[j].last() {
                full_by_last.entry(last.as_str()).or_default().push(j);
            }
        }
    }
    for i in 0..n {
        let country = lex.kinds_of(names[i]) & PLACE_KINDS != 0;
        if keys[i].len() != 1
            || ms[i].label == EntityLabel::Norp
            || (ms[i].label == EntityLabel::Place && country)
        {
            continue;
        }
        // nearest preceding full name, else the first following one
        let cand = keys[i]
            .last()
            .and_then(|last| full_by_last.get(last.as_str()))
            .and_then(|js| {
                let k = js.partition_point(|&j| j < i);
                if k > 0 {
                    Some(js[k - 1])
                } else {
                    js.iter().copied().find(|&j| j > i)
                }
            });
        if let Some(j) = cand {
            union(&mut parent, i, j);
        }
    }
    // gather groups
    let mut groups: Vec<Group> = Vec::new();
    let mut gid: HashMap<usize, usize> = HashMap::new();
    for i in 0..n {
        let r = find(&mut parent, i);
        let g = *gid.entry(r).or_insert_with(|| {
            groups.push(Group {
                members: Vec::new(),
            });
            groups.len() - 1
        });
        groups[g].members.push(i);
    }
    let mut out: Vec<Entity> = Vec::with_capacity(n);
    for (g, grp) in groups.iter().enumerate() {
        // label: PERSON when a multi-word person is in the group, else the longest's label
        let longest = *grp
            .members
            .iter()
            .max_by_key(|&&i| {
                (
                    acronym_letters(names[i]).is_none(),
                    names[i].chars().count(),
                    std::cmp::Reverse(i),
                )
            })
            .unwrap_or(&grp.members[0]);
        let label = if grp
            .members
            .iter()
            .any(|&i| ms[i].label == EntityLabel::Person && keys[i].len() >= 2)
        {
            EntityLabel::Person
        } else {
            let mut counts: HashMap<EntityLabel, usize> = HashMap::new();
            for &i in &grp.members {
                *counts.entry(ms[i].label).or_default() += 1;
            }
            let top = counts.values().copied().max().unwrap_or(0);
            if counts.get(&ms[longest].label) == Some(&top) {
                ms[longest].label
            } else {
                counts
                    .into_iter()
                    .filter(|(_, c)| *c == top)
                    .map(|(l, _)| l)
                    .min()
                    .unwrap_or(ms[longest].label)
            }
        };
        let mut canonical = names[longest].to_string();
        if let Some(a) = lex.aliases.get(names[longest]) {
            canonical = a.clone();
        }
        for &i in &grp.members {
            let m = &ms[i];
            let mut lab = label;
            // keep NORP/other fine labels apart from a place group ("Russian" vs "Russia")
            if ms[i].label == EntityLabel::Norp && label != EntityLabel::Norp {
                lab = EntityLabel::Norp;
            }
            out.push(Entity {
                span: Span::new(toks[m.t0].start, toks[m.t1 - 1].end),
                label: lab,
                id: EntityId(g as u32),
                canonical: canonical.clone(),
                role: None,
                affiliation: None,
            });
        }
    }
    out.sort_by_key(|e| (e.span.start, e.span.end));
    // renumber ids in order of first mention
    let mut remap: HashMap<u32, u32> = HashMap::new();
    for e in out.iter_mut() {
        let next = remap.len() as u32;
        let id = *remap.entry(e.id.0).or_insert(next);
        e.id = EntityId(id);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn initials_and_acronyms() {
        assert_eq!(initials("Collective Security Treaty Organization"), "CSTO");
        assert_eq!(initials("Council on Foreign and Defense Policy"), "CFDP");
        assert_eq!(acronym_letters("U.S.S.R.").as_deref(), Some("USSR"));
        assert_eq!(acronym_letters("Putin"), None);
    }
}
