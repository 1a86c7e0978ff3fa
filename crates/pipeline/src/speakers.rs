//! Speakers and entities agree: the resolved speaker of an attribution is an entity of
//! the article, under one name, and carries the speaker's role and affiliation.
//!
//! The quotes stage resolves speakers to the fullest name it sees; the entities stage
//! groups mentions under the fullest name it sees. The two can differ ("President
//! Vladimir Putin" / "Vladimir Putin", "Trenin" / "Dmitry Trenin"), and the tagger can
//! miss a speaker altogether. [`reconcile`] runs after both stages:
//!
//! 1. **link** every attribution whose speaker is a name (not "he", not "numerous
//!    analysts") to an entity: the mention at its source span when the mention's words
//!    are the speaker's, else the entity whose canonical name shares the speaker's words
//!    (one contains the other), else a new entity whose mentions are the source span and
//!    the other occurrences of the name (labelled by [`EntityTagger::speaker_label`]);
//! 2. **name** each linked entity once: the fullest of its canonical name and its
//!    speakers' names, titles removed ("President" becomes the role when none is given);
//!    both the entity's mentions and the attributions take that name;
//! 3. **describe** the entity with the first role and the first affiliation its
//!    attributions give.

use std::collections::HashMap;

use dossier_core::{Attribution, Entity, EntityId, EntityLabel, Span};
use dossier_entities::EntityTagger;

/// First words of a speaker phrase that make it a description or a group, not a name.
const NOT_NAME_OPENERS: &[&str] = &[
    "a",
    "an",
    "the",
    "some",
    "many",
    "numerous",
    "several",
    "most",
    "few",
    "other",
    "others",
    "both",
    "all",
    "one",
    "two",
    "three",
    "four",
    "five",
    "he",
    "she",
    "they",
    "it",
    "we",
    "i",
    "you",
    "his",
    "her",
    "their",
    "its",
    "our",
    "this",
    "that",
    "these",
    "those",
    "officials",
    "analysts",
    "experts",
    "critics",
    "sources",
    "residents",
    "witnesses",
];

/// Sources that can only stand for a person.
const PERSONAL_PRONOUNS: &[&str] = &["he", "she", "him", "her", "his", "i", "me"];

/// Lower-case words that may sit inside a name ("Ministry of Defence", "bin Salman").
const NAME_JOINERS: &[&str] = &[
    "of", "the", "and", "for", "on", "in", "at", "de", "da", "di", "del", "der", "den", "van",
    "von", "bin", "al", "el", "la", "le", "du", "des", "&",
];

/// True when `s` reads as a proper name: capitalised words (joiners allowed inside),
/// not a pronoun, a quantity or a description.
fn name_like(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    let (Some(first), Some(last)) = (words.first(), words.last()) else {
        return false;
    };
    if words.len() > 8 || NOT_NAME_OPENERS.contains(&first.to_lowercase().as_str()) {
        return false;
    }
    let cap = |w: &str| w.chars().next().is_some_and(|c| c.is_uppercase());
    cap(first)
        && cap(last)
        && words
            .iter()
            .all(|w| cap(w) || NAME_JOINERS.contains(&w.to_lowercase().as_str()))
}

/// Lower-case words of a name, without possessives and edge punctuation.
fn words(s: &str) -> Vec<String> {
    s.split_whitespace()
        .map(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric());
            let w = w
                .strip_suffix("'s")
                .or_else(|| w.strip_suffix("’s"))
                .unwrap_or(w);
            w.to_lowercase()
        })
        .filter(|w| !w.is_empty())
        .collect()
}

fn subset(a: &[String], b: &[String]) -> bool {
    !a.is_empty() && a.iter().all(|w| b.contains(w))
}

/// True when one name is a shorter form of the other: its words are all in the longer
/// one, including the longer one's last word ("Putin" / "Vladimir Putin", "Foreign
/// Ministry" / "Russian Foreign Ministry"; not "Trump" / "Trump Tower").
fn shorter_form(a: &[String], b: &[String]) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    subset(short, long) && long.last().is_some_and(|w| short.contains(w))
}

/// The fuller of two names of one entity: the one whose words contain the other's,
/// else the longer one; ties keep `a`.
fn fuller<'a>(a: &'a str, b: &'a str) -> &'a str {
    let (wa, wb) = (words(a), words(b));
    if subset(&wa, &wb) && !subset(&wb, &wa) {
        b
    } else if subset(&wb, &wa) {
        a
    } else if b.chars().count() > a.chars().count() {
        b
    } else {
        a
    }
}

fn overlaps(a: Span, b: Span) -> bool {
    a.start < b.end && b.start < a.end
}

/// Byte ranges of whole-word occurrences of `needle` in `text`.
fn occurrences(text: &str, needle: &str) -> Vec<Span> {
    let mut out = Vec::new();
    if needle.is_empty() {
        return out;
    }
    let word_char = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric());
    for (i, _) in text.match_indices(needle) {
        let end = i + needle.len();
        if !word_char(text[..i].chars().next_back()) && !word_char(text[end..].chars().next()) {
            out.push(Span::new(i, end));
        }
    }
    out
}

/// True when byte `i` starts a sentence, a line or a quotation.
fn opens_sentence(text: &str, i: usize) -> bool {
    let left = text.get(..i).unwrap_or("").trim_end_matches([' ', '\t']);
    left.chars().next_back().is_none_or(|c| {
        matches!(
            c,
            '\n' | '\r'
                | '.'
                | '!'
                | '?'
                | ':'
                | '"'
                | '\u{201c}'
                | '\''
                | '\u{2018}'
                | '\u{ab}'
                | '('
                | '-'
                | '\u{2014}'
        )
    })
}

/// The source mention as a name span: `source` without a leading "the" and leading
/// titles, when what is left is a name made of the speaker's words.
fn source_name(
    text: &str,
    tagger: &EntityTagger,
    source: Span,
    speaker: &[String],
) -> Option<Span> {
    let raw = text.get(source.start..source.end)?;
    let lead = raw.len() - raw.trim_start().len();
    let mut s = raw.trim();
    for det in ["the ", "The "] {
        if let Some(r) = s.strip_prefix(det) {
            s = r;
        }
    }
    let s = tagger.strip_titles(s);
    let s = s
        .strip_suffix("'s")
        .or_else(|| s.strip_suffix("’s"))
        .unwrap_or(s);
    if !name_like(s) || !subset(&words(s), speaker) {
        return None;
    }
    let off = raw.trim_start().find(s)? + lead;
    Some(Span::new(source.start + off, source.start + off + s.len()))
}

/// Make speakers and entities agree (see the module documentation). `entities` stay
/// sorted and non-overlapping; ids are renumbered in order of first mention.
pub(crate) fn reconcile(
    text: &str,
    tagger: &EntityTagger,
    atts: &mut [Attribution],
    entities: &mut Vec<Entity>,
) {
    let mut next_id = entities.iter().map(|e| e.id.0 + 1).max().unwrap_or(0);
    let mut link: Vec<Option<EntityId>> = vec![None; atts.len()];
    let mut bare_names: Vec<String> = vec![String::new(); atts.len()];
    entities.sort_by_key(|e| (e.span.start, e.span.end));
    // Entities near a span, by binary search (entities are sorted and do not overlap):
    // every lookup below is logarithmic, so the pass stays linear in the document.
    fn near(entities: &[Entity], span: Span) -> &[Entity] {
        let hi = entities.partition_point(|e| e.span.start < span.end);
        &entities[hi.saturating_sub(8)..hi]
    }
    // the by-name answer per speaker name; cleared whenever an entity is added
    let mut by_name_cache: HashMap<String, Option<EntityId>> = HashMap::new();
    // distinct canonical names with their label and first entity id
    let distinct = |entities: &[Entity]| -> Vec<(Vec<String>, EntityLabel, EntityId)> {
        let mut seen: HashMap<&str, ()> = HashMap::new();
        let mut out = Vec::new();
        for e in entities {
            if seen.insert(e.canonical.as_str(), ()).is_none() {
                out.push((words(&e.canonical), e.label, e.id));
            }
        }
        out
    };
    let mut names_now = distinct(entities);
    for (k, a) in atts.iter().enumerate() {
        let Some(speaker) = a.speaker.as_deref() else {
            continue;
        };
        let bare = tagger.strip_titles(speaker);
        if !name_like(bare) {
            continue;
        }
        bare_names[k] = bare.to_string();
        let sw = words(bare);
        // a) the mention at the source, when it names the speaker ("Trenin" → Dmitry Trenin)
        let at_source = a.source.and_then(|src| {
            near(entities, src).iter().find(|e| {
                overlaps(e.span, src)
                    && (shorter_form(&words(e.span.slice(text)), &sw)
                        || shorter_form(&words(&e.canonical), &sw))
            })
        });
        let at_source = at_source.map(|e| (e.id, e.label));
        // b) an entity with the same name, or one name containing the other
        let by_name = *by_name_cache.entry(bare.to_string()).or_insert_with(|| {
            let mut best: Option<(u8, EntityId)> = None;
            for (cw, label, id) in &names_now {
                let rank = if *cw == sw {
                    3
                } else if shorter_form(&sw, cw) {
                    match label {
                        EntityLabel::Person | EntityLabel::Org => 2,
                        _ => 1,
                    }
                } else {
                    continue;
                };
                if best.is_none_or(|(r, _)| rank > r) {
                    best = Some((rank, *id));
                }
            }
            best.map(|(_, id)| id)
        });
        let by_name = by_name.and_then(|id| {
            names_now
                .iter()
                .find(|(_, _, i)| *i == id)
                .map(|(_, label, _)| (id, *label))
        });
        if let Some((e_id, e_label)) = at_source.or(by_name) {
            // "he said" resolved to a place is the resolver's slip: a place or a group
            // does not take a person's role
            let personal = a.source.is_some_and(|src| {
                PERSONAL_PRONOUNS.contains(&src.slice(text).to_lowercase().as_str())
            });
            if !(personal && matches!(e_label, EntityLabel::Place | EntityLabel::Norp)) {
                link[k] = Some(e_id);
            }
            continue;
        }
        // c) a new entity: the source mention and the name's other occurrences. A lone
        // capitalised word is a name only when the article also capitalises it inside a
        // sentence ("Economists warned", "Six percent" are sentence openers).
        if sw.len() == 1
            && !occurrences(text, bare)
                .iter()
                .any(|o| !opens_sentence(text, o.start))
        {
            continue;
        }
        let mut spans: Vec<Span> = a
            .source
            .and_then(|src| source_name(text, tagger, src, &sw))
            .into_iter()
            .collect();
        spans.extend(occurrences(text, bare));
        spans.sort_by_key(|s| (s.start, s.end));
        spans.dedup();
        let label = tagger.speaker_label(bare);
        let id = EntityId(next_id);
        let mut added = false;
        let sorted_len = entities.len();
        for sp in spans {
            // the sorted part by binary search, this name's new mentions one by one
            let free = near(&entities[..sorted_len], sp)
                .iter()
                .chain(&entities[sorted_len..])
                .all(|e| !overlaps(e.span, sp));
            if free {
                entities.push(Entity {
                    span: sp,
                    label,
                    id,
                    canonical: bare.to_string(),
                    role: None,
                    affiliation: None,
                });
                added = true;
            }
        }
        if added {
            next_id += 1;
            link[k] = Some(id);
            entities.sort_by_key(|e| (e.span.start, e.span.end));
            by_name_cache.clear();
            names_now = distinct(entities);
        }
    }
    let canonical_of: HashMap<EntityId, String> = entities
        .iter()
        .rev()
        .map(|e| (e.id, e.canonical.clone()))
        .collect();
    // 2. one name per linked entity: the fullest of its canonical and its speakers
    let mut name: HashMap<EntityId, String> = HashMap::new();
    for (k, id) in link.iter().enumerate() {
        let Some(id) = *id else { continue };
        let current = name
            .get(&id)
            .cloned()
            .or_else(|| canonical_of.get(&id).cloned());
        let Some(current) = current else { continue };
        let chosen = fuller(&current, &bare_names[k]).to_string();
        name.insert(id, chosen);
    }
    // 3. roles and affiliations: the first each entity's attributions give
    let mut role: HashMap<EntityId, String> = HashMap::new();
    let mut affiliation: HashMap<EntityId, String> = HashMap::new();
    for (k, a) in atts.iter_mut().enumerate() {
        let Some(id) = link[k] else { continue };
        let Some(n) = name.get(&id) else { continue };
        if let Some(speaker) = a.speaker.as_deref() {
            // a title the speaker phrase carried ("President") is its role
            if a.role.is_none() && speaker != bare_names[k] {
                if let Some(title) = speaker.strip_suffix(bare_names[k].as_str()) {
                    let title = title.trim();
                    if !title.is_empty() {
                        a.role = Some(title.to_string());
                    }
                }
            }
        }
        a.speaker = Some(n.clone());
        if let Some(r) = &a.role {
            role.entry(id).or_insert_with(|| r.clone());
        }
        if let Some(f) = &a.affiliation {
            affiliation.entry(id).or_insert_with(|| f.clone());
        }
    }
    for e in entities.iter_mut() {
        if let Some(n) = name.get(&e.id) {
            e.canonical.clone_from(n);
        }
        if let Some(r) = role.get(&e.id) {
            e.role = Some(r.clone());
        }
        if let Some(f) = affiliation.get(&e.id) {
            e.affiliation = Some(f.clone());
        }
    }
    // ids in order of first mention, as the entities stage gives them
    let mut remap: HashMap<u32, u32> = HashMap::new();
    for e in entities.iter_mut() {
        let n = remap.len() as u32;
        e.id = EntityId(*remap.entry(e.id.0).or_insert(n));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_descriptions() {
        assert!(name_like("Dmitry Trenin"));
        assert!(name_like("Ministry of Defence"));
        assert!(name_like("R.Politik"));
        assert!(!name_like("Numerous analysts"));
        assert!(!name_like("the analyst"));
        assert!(!name_like("he"));
        assert!(!name_like(""));
    }

    #[test]
    fn sentence_openers() {
        let t = "Economists warned. \"Six percent,\" said Ivanova of Ivanova Ltd.";
        assert!(opens_sentence(t, 0));
        assert!(opens_sentence(t, t.find("Six").unwrap()));
        assert!(!opens_sentence(t, t.rfind("Ivanova").unwrap()));
    }

    #[test]
    fn shorter_forms() {
        let w = |s: &str| words(s);
        assert!(shorter_form(&w("Putin"), &w("Vladimir Putin")));
        assert!(shorter_form(
            &w("Russian Foreign Ministry"),
            &w("Foreign Ministry")
        ));
        assert!(!shorter_form(&w("Trump"), &w("Trump Tower")));
        assert!(!shorter_form(&w("Carnegie"), &w("Carnegie Moscow Center")));
    }

    #[test]
    fn fuller_name() {
        assert_eq!(fuller("Trenin", "Dmitry Trenin"), "Dmitry Trenin");
        assert_eq!(fuller("Vladimir Putin", "Putin"), "Vladimir Putin");
        assert_eq!(fuller("Tokayev", "Toqaev"), "Tokayev");
    }

    #[test]
    fn whole_word_occurrences() {
        let t = "Ivanova said. Ivanovadze did not. (Ivanova)";
        let found: Vec<&str> = occurrences(t, "Ivanova")
            .iter()
            .map(|s| s.slice(t))
            .collect();
        assert_eq!(found, ["Ivanova", "Ivanova"]);
    }
}
