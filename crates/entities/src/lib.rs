//! Named entities (people, organisations, places …) merged under canonical names.
//!
//! `dossier-entities` owns entity *mentions* (byte spans into the original text), their
//! labels ([`EntityLabel`]: PERSON, ORG, PLACE, NORP, EVENT, LAW, WORK, OTHER), and the
//! grouping of mentions into entities: one [`EntityId`] per entity per article, with the
//! article's fullest name as `canonical` ("Putin" → "Vladimir Putin", "CSTO" →
//! "Collective Security Treaty Organization", "Toqaev" → "Qasym-Zhomart Toqaev").
//!
//! ```
//! use dossier_entities::EntityTagger;
//!
//! let tagger = EntityTagger::new();
//! let text = "Russian President Vladimir Putin spoke in Moscow on Friday. \
//!             Putin said the Collective Security Treaty Organization (CSTO) would help.";
//! let ents = tagger.tag(text, &[]);
//! let putin: Vec<_> = ents.iter().filter(|e| e.span.slice(text) == "Putin").collect();
//! assert_eq!(putin[0].canonical, "Vladimir Putin");
//! let csto = ents.iter().find(|e| e.span.slice(text) == "CSTO").unwrap();
//! assert_eq!(csto.canonical, "Collective Security Treaty Organization");
//! ```
//!
//! # How it works
//!
//! 1. A tokenizer ([`token`]) keeps abbreviations ("U.S.", "Inc.") whole and splits "'s".
//! 2. An averaged structured perceptron ([`model`]) over hand-written hashed features
//!    ([`features`]: word, shape, affixes, neighbours, gazetteer hits, document-level
//!    capitalisation) tags BIO sequences line by line with Viterbi. Its weights
//!    (`data/model.bin`) were trained by `examples/train.rs` on news text labelled
//!    offline by spaCy's small English model; spaCy is not needed at run time.
//! 3. Rules ([`rules`]) fix what the model gets wrong in predictable ways: titles, org
//!    suffixes, "Ministry of …", acronyms in parentheses, gazetteer places.
//! 4. [`resolve`] groups mentions (surnames, acronyms, variant and alias tables) and picks
//!    the canonical name and a consistent label per entity.
//!
//! # Performance
//!
//! Build the tagger once ([`EntityTagger::new`] parses the lexicons, ~2 ms; the
//! weights are compiled in and read in place); it is `Send + Sync`. Tagging is linear in the text: about 7 MB/s on one core including JSON
//! in and out (`examples/entities_jsonl.rs`).
//!
//! # Untrusted input
//!
//! [`EntityTagger::tag`] never panics on any `&str`; spans are on char boundaries, sorted
//! and non-overlapping (checked by property tests).
#![deny(missing_docs)]

pub mod features;
pub mod lexicon;
pub mod model;
pub mod resolve;
pub mod rules;
pub mod token;

use dossier_core::{Entity, EntityLabel, Sentence};

/// The shipped weights, uncompressed, read in place (see [`model`]).
static WEIGHTS: &[u8] = include_bytes!("../data/model.bin");

/// Finds entities; build once, share across threads.
#[derive(Debug)]
pub struct EntityTagger {
    lex: lexicon::Lexicon,
    model: model::Model,
}

impl Default for EntityTagger {
    fn default() -> Self {
        EntityTagger::new()
    }
}

/// A mention before grouping: token range and byte span.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mention {
    /// First token.
    pub t0: usize,
    /// One past the last token.
    pub t1: usize,
    /// Label.
    pub label: EntityLabel,
}

impl EntityTagger {
    /// Build the tagger (parses the lexicons and reads the compiled-in weights in place).
    pub fn new() -> EntityTagger {
        EntityTagger {
            lex: lexicon::Lexicon::load(),
            model: model::Model::from_static(WEIGHTS).unwrap_or_else(model::Model::empty),
        }
    }

    /// The model's raw mentions (before rules and grouping); for diagnostics and training.
    pub fn raw_mentions(
        &self,
        text: &str,
        toks: &[token::Tok],
        df: &features::DocFeatures,
    ) -> Vec<Mention> {
        let mut out = Vec::new();
        let mut feats: Vec<u64> = Vec::with_capacity(64);
        let mut em: Vec<[i32; model::NCLASS]> = Vec::new();
        let mut seg_start = 0;
        for i in 0..=toks.len() {
            if i == toks.len() || (i > seg_start && toks[i].line_start) {
                let tags = self.model.viterbi(&em);
                let mut k = 0;
                while k < tags.len() {
                    if tags[k] == 0 {
                        k += 1;
                        continue;
                    }
                    let lab = model::label_of(tags[k]);
                    let mut e = k + 1;
                    while e < tags.len()
                        && model::is_inside(tags[e])
                        && model::label_of(tags[e]) == lab
                    {
                        e += 1;
                    }
                    out.push(Mention {
                        t0: seg_start + k,
                        t1: seg_start + e,
                        label: rules::misc_label(lab, text, toks, seg_start + k, seg_start + e),
                    });
                    k = e;
                }
                em.clear();
                seg_start = i;
                if i == toks.len() {
                    break;
                }
            }
            feats.clear();
            df.token(i, &mut feats);
            let mut s = [0i32; model::NCLASS];
            self.model.emission(&feats, &mut s);
            em.push(s);
        }
        out
    }

    /// `name` without its leading titles ("President Vladimir Putin" → "Vladimir
    /// Putin", "Foreign Minister Sergei Lavrov" → "Sergei Lavrov"); the name itself
    /// when it is nothing but titles.
    pub fn strip_titles<'a>(&self, name: &'a str) -> &'a str {
        let title = 1u32 << lexicon::Kind::Title as u32;
        let mut rest = name.trim();
        loop {
            let words: Vec<&str> = rest.split_whitespace().take(3).collect();
            // the longest title phrase (up to 3 words) at the start
            let cut = (1..=words.len().min(3)).rev().find(|&k| {
                k < rest.split_whitespace().count()
                    && self.lex.kinds_of(&words[..k].join(" ")) & title != 0
            });
            let Some(k) = cut else { break };
            let mut r = rest;
            for _ in 0..k {
                r = r.trim_start();
                r = &r[r.find(char::is_whitespace).unwrap_or(r.len())..];
            }
            rest = r.trim_start();
        }
        if rest.is_empty() {
            name.trim()
        } else {
            rest
        }
    }

    /// The label a speaker name from the attribution engine gets when the tagger did
    /// not see it: ORG for known organisations, acronyms, and names that start or end
    /// with an organisation word ("Russian Foreign Ministry", "Carnegie Moscow Center"),
    /// PLACE for countries and states ("Russia said"), else PERSON.
    pub fn speaker_label(&self, name: &str) -> EntityLabel {
        use lexicon::Kind;
        let bit = |k: Kind| 1u32 << k as u32;
        let name = name.trim();
        let whole = self.lex.kinds_of(name);
        if whole & bit(Kind::Org) != 0 || resolve::acronym_letters(name).is_some() {
            return EntityLabel::Org;
        }
        if whole & (bit(Kind::Country) | bit(Kind::State) | bit(Kind::Continent)) != 0 {
            return EntityLabel::Place;
        }
        let words: Vec<&str> = name.split_whitespace().collect();
        let first = words.first().map_or(0, |w| self.lex.kinds_of(w));
        let last = words.last().map_or(0, |w| self.lex.kinds_of(w));
        if last & bit(Kind::OrgEnd) != 0 || (words.len() > 1 && first & bit(Kind::OrgStart) != 0) {
            EntityLabel::Org
        } else {
            EntityLabel::Person
        }
    }

    /// Entity mentions in `text` (sentences are spans into `text`; may be empty).
    pub fn tag(&self, text: &str, sentences: &[Sentence]) -> Vec<Entity> {
        let toks = token::tokenize(text, sentences);
        if toks.is_empty() {
            return Vec::new();
        }
        let lower: Vec<String> = toks
            .iter()
            .map(|t| text[t.start..t.end].to_lowercase())
            .collect();
        let df = features::DocFeatures::new(text, &toks, &lower, &self.lex);
        let raw = self.raw_mentions(text, &toks, &df);
        let mentions = rules::apply(text, &toks, &df.hits, &self.lex, raw);
        resolve::resolve(text, &toks, &self.lex, mentions)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tagger_is_send_and_sync() {
        fn check<T: Send + Sync>() {}
        check::<EntityTagger>();
    }

    #[test]
    fn weights_are_shipped_and_load() {
        let m = model::Model::from_static(WEIGHTS);
        assert!(m.is_some(), "data/model.bin is missing or malformed");
    }

    #[test]
    fn titles_and_speaker_labels() {
        let t = EntityTagger::new();
        assert_eq!(t.strip_titles("President Vladimir Putin"), "Vladimir Putin");
        assert_eq!(t.strip_titles("Prime Minister Jane Doe"), "Jane Doe");
        assert_eq!(t.strip_titles("Dmitry Trenin"), "Dmitry Trenin");
        assert_eq!(t.strip_titles("President"), "President");
        assert_eq!(t.speaker_label("Dmitry Trenin"), EntityLabel::Person);
        assert_eq!(
            t.speaker_label("Russian Foreign Ministry"),
            EntityLabel::Org
        );
        assert_eq!(t.speaker_label("CSTO"), EntityLabel::Org);
        assert_eq!(t.speaker_label("Kremlin"), EntityLabel::Org);
    }

    #[test]
    fn empty_and_whitespace() {
        let t = EntityTagger::new();
        assert!(t.tag("", &[]).is_empty());
        assert!(t.tag("  \n ", &[]).is_empty());
    }
}
