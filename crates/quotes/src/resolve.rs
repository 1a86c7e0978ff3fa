//! Names in the article, and speaker resolution: pronouns, surnames and titles to the
//! fullest name the article gives; roles and affiliations from appositions and titles.

use crate::lexicon::{is_in, ROLE_NOUNS, TITLES};
use crate::tokens::{Kind, Tok};
use dossier_core::Span;

/// Words that make a capitalised sequence an organisation rather than a person.
const ORG_WORDS: &[&str] = &[
    "ministry",
    "council",
    "center",
    "centre",
    "organization",
    "organisation",
    "union",
    "party",
    "committee",
    "institute",
    "university",
    "agency",
    "department",
    "office",
    "bank",
    "fund",
    "kremlin",
    "government",
    "court",
    "parliament",
    "assembly",
    "duma",
    "times",
    "post",
    "news",
    "inc",
    "inc.",
    "corp",
    "corp.",
    "company",
    "group",
    "association",
    "alliance",
    "service",
    "commission",
    "board",
    "foundation",
    "network",
    "channel",
    "tv",
    "radio",
    "house",
    "senate",
    "congress",
    "campaign",
    "administration",
    "army",
    "navy",
    "police",
    "forces",
    "church",
    "school",
    "college",
    "club",
    "league",
    "federation",
    "bureau",
    "authority",
    "corporation",
    "journal",
    "magazine",
    "press",
    "reuters",
    "nato",
    "treaty",
    "cabinet",
    "court",
    "media",
    "democrats",
    "republicans",
    "pentagon",
    "fbi",
    "cia",
    "white",
    "state",
    "states",
    "city",
    "county",
    "province",
    "region",
    "republic",
    "kingdom",
    "street",
    "square",
];

/// Capitalised words that begin sentences but are not names.
const NOT_NAME_START: &[&str] = &[
    "the",
    "a",
    "an",
    "in",
    "on",
    "at",
    "but",
    "and",
    "he",
    "she",
    "it",
    "they",
    "we",
    "i",
    "this",
    "that",
    "these",
    "those",
    "there",
    "his",
    "her",
    "their",
    "its",
    "our",
    "as",
    "if",
    "when",
    "while",
    "after",
    "before",
    "for",
    "yet",
    "so",
    "still",
    "now",
    "then",
    "meanwhile",
    "however",
    "according",
    "officially",
    "maybe",
    "why",
    "what",
    "who",
    "how",
    "one",
    "not",
    "over",
    "with",
    "by",
    "from",
    "to",
    "of",
    "given",
    "beyond",
    "once",
    "failure",
    "numerous",
    "several",
    "some",
    "many",
    "most",
    "all",
    "no",
    "yes",
    "both",
    "each",
    "every",
    "another",
    "other",
    "such",
    "our",
    "my",
    "your",
    "here",
    "where",
    "since",
    "until",
    "though",
    "although",
    "because",
    "unlike",
    "like",
    "despite",
    "during",
    "under",
    "without",
    "about",
    "mr.",
    "mrs.",
    "ms.",
    "dr.",
];

/// A capitalised name occurrence in the article.
#[derive(Clone, Debug)]
pub struct NameMention {
    /// The name without titles (clean bytes).
    pub span: Span,
    /// The name's words (lowercase, possessive `'s` removed).
    pub words: Vec<String>,
    /// Looks like an organisation.
    pub org: bool,
    /// Preceded by a preposition (not a subject).
    pub in_pp: bool,
    /// The first name-like phrase of its sentence (a likely subject).
    pub subject: bool,
    /// A title or role right before the name ("President", "analyst").
    pub title: Option<Span>,
    /// Text of the name as written, possessive removed.
    pub display: String,
    /// Inside a quotation (a name the speaker says, never a pronoun's antecedent).
    pub quoted: bool,
}

/// Profile facts about a person or organisation.
#[derive(Clone, Debug, Default)]
pub struct Profile {
    /// Role.
    pub role: Option<String>,
    /// Affiliation.
    pub affiliation: Option<String>,
}

/// All names of a document, in order.
#[derive(Debug, Default)]
pub struct Names {
    /// Mentions in text order.
    pub mentions: Vec<NameMention>,
    /// Person mentions by their last word (indices into `mentions`), built by `finish`.
    by_last: std::collections::HashMap<String, Vec<u32>>,
}

const PREPOSITIONS: &[&str] = &[
    "of",
    "to",
    "in",
    "on",
    "at",
    "by",
    "with",
    "for",
    "from",
    "about",
    "against",
    "over",
    "into",
    "than",
    "like",
    "toward",
    "towards",
    "under",
    "between",
    "among",
    "including",
    "via",
    "through",
    "after",
    "before",
    "during",
    "despite",
    "amid",
];

/// Strip a possessive ending from a word.
pub fn strip_possessive(w: &str) -> &str {
    w.strip_suffix("'s")
        .or_else(|| w.strip_suffix("s'").map(|_| &w[..w.len() - 1]))
        .unwrap_or(w)
}

fn is_name_word(t: &Tok, text: &str) -> bool {
    if t.kind != Kind::Word {
        return false;
    }
    let w = t.text(text);
    // days and most months are capitalised but never part of a name
    // ("On Thursday Reyes wrote"); May, June, April and August can be names
    if matches!(
        w,
        "Monday"
            | "Tuesday"
            | "Wednesday"
            | "Thursday"
            | "Friday"
            | "Saturday"
            | "Sunday"
            | "January"
            | "February"
            | "March"
            | "July"
            | "September"
            | "October"
            | "November"
            | "December"
    ) {
        return false;
    }
    let first = w.chars().next().unwrap_or(' ');
    first.is_uppercase() && w.chars().any(|c| c.is_lowercase() || c == '.')
        || (w.len() >= 2 && w.chars().all(|c| c.is_uppercase() || c == '.' || c == '-'))
}

impl Names {
    /// Collect names from one sentence's tokens.
    pub fn scan_sentence(&mut self, text: &str, toks: &[Tok]) {
        let mut i = 0;
        let mut seen_first = false;
        while i < toks.len() {
            if !is_name_word(&toks[i], text) {
                if toks[i].kind == Kind::Word {
                    seen_first = seen_first || i > 0;
                }
                i += 1;
                continue;
            }
            // a run of capitalised words (allow "of"/"for"/"and" inside organisation names)
            let mut j = i;
            let mut end = i;
            while j < toks.len() {
                if is_name_word(&toks[j], text) {
                    end = j;
                    j += 1;
                } else if toks[j].kind == Kind::Word
                    && matches!(
                        toks[j].text(text),
                        "of" | "for" | "on" | "and" | "de" | "van" | "von" | "al" | "bin"
                    )
                    && j + 1 < toks.len()
                    && is_name_word(&toks[j + 1], text)
                {
                    j += 1;
                } else {
                    break;
                }
            }
            // strip leading non-name starters and (for people) titles
            let run_org = toks[i..=end]
                .iter()
                .any(|t| is_in(ORG_WORDS, strip_possessive(&t.text(text).to_lowercase())));
            // "Anna Berg and Jonas Field" are two people, "Lindqvist on Facebook" a
            // person and a platform: "and", "on", "for" join only inside organisation
            // names ("Council on Foreign Relations")
            if !run_org {
                if let Some(a) =
                    (i + 1..end).find(|&k| matches!(toks[k].text(text), "and" | "on" | "for"))
                {
                    end = a - 1;
                }
            }
            let mut s = i;
            let mut title: Option<Span> = None;
            while s <= end {
                let lw = toks[s].text(text).to_lowercase();
                if is_in(NOT_NAME_START, &lw) {
                    s += 1;
                } else if is_in(TITLES, &lw) && s < end && !run_org {
                    title = Some(title.map_or(toks[s].span, |t| t.cover(toks[s].span)));
                    s += 1;
                } else {
                    break;
                }
            }
            if s <= end {
                // a lowercase title right before ("analyst Tatyana Stanovaya")
                if title.is_none() && i > 0 && toks[i - 1].kind == Kind::Word {
                    let lw = toks[i - 1].text(text).to_lowercase();
                    if is_in(TITLES, &lw) || is_in(ROLE_NOUNS, &lw) {
                        let mut k = i - 1;
                        while k > 0
                            && toks[k - 1].kind == Kind::Word
                            && (is_in(TITLES, &toks[k - 1].text(text).to_lowercase())
                                || toks[k - 1].text(text).chars().all(|c| c.is_lowercase())
                                    && !is_in(PREPOSITIONS, &toks[k - 1].text(text).to_lowercase())
                                    && !matches!(
                                        toks[k - 1].text(text),
                                        "the" | "a" | "an" | "by" | "and"
                                    ))
                            && i - k < 4
                        {
                            k -= 1;
                        }
                        title = Some(toks[k].span.cover(toks[i - 1].span));
                    }
                }
                let words: Vec<String> = toks[s..=end]
                    .iter()
                    .map(|t| strip_possessive(&t.text(text).to_lowercase()).to_string())
                    .collect();
                let org = words.iter().any(|w| is_in(ORG_WORDS, w))
                    || toks[s..=end].iter().any(|t| {
                        let w = t.text(text);
                        w.len() >= 2 && w.chars().all(|c| c.is_uppercase() || c == '.')
                    });
                let prev_lower = (i > 0 && toks[i - 1].kind == Kind::Word)
                    .then(|| toks[i - 1].text(text).to_lowercase());
                let in_pp = prev_lower
                    .as_deref()
                    .is_some_and(|p| is_in(PREPOSITIONS, p))
                    || (title.is_some() && {
                        let tstart = toks
                            .iter()
                            .position(|t| t.span.start == title.unwrap().start)
                            .unwrap_or(i);
                        tstart > 0
                            && toks[tstart - 1].kind == Kind::Word
                            && is_in(PREPOSITIONS, &toks[tstart - 1].text(text).to_lowercase())
                    });
                let span = toks[s].span.cover(toks[end].span);
                let raw = span.slice(text);
                let display = strip_possessive(raw).to_string();
                self.mentions.push(NameMention {
                    span,
                    words,
                    org,
                    in_pp,
                    subject: !seen_first && !in_pp,
                    title,
                    display,
                    quoted: false,
                });
            }
            seen_first = true;
            i = end + 1;
        }
    }

    /// Index the mentions; call once after the last `scan_sentence`.
    pub fn finish(&mut self) {
        self.mentions.sort_by_key(|m| m.span.start);
        self.by_last.clear();
        for (i, m) in self.mentions.iter().enumerate() {
            if m.org {
                continue;
            }
            if let Some(last) = m.words.last() {
                // one entry per distinct form (its first mention): a surname repeated
                // ten thousand times must not make every lookup scan them all
                let bucket = self.by_last.entry(last.clone()).or_default();
                let mentions = &self.mentions;
                if !bucket
                    .iter()
                    .any(|&j| mentions[j as usize].words == m.words)
                {
                    bucket.push(i as u32);
                }
            }
        }
    }

    /// Mark the mentions inside `quotes` (sorted by start).
    pub fn mark_quoted(&mut self, quotes: &[crate::marks::Quote]) {
        for m in &mut self.mentions {
            let k = quotes.partition_point(|q| q.span.start <= m.span.start);
            m.quoted = quotes[..k]
                .iter()
                .rev()
                .take(4)
                .any(|q| q.span.contains(m.span));
        }
    }

    /// Mentions that start before `pos`, latest first.
    pub fn before(&self, pos: usize) -> impl Iterator<Item = &NameMention> {
        let k = self.mentions.partition_point(|m| m.span.start < pos);
        self.mentions[..k].iter().rev()
    }

    /// Mentions overlapping `span`.
    pub fn overlapping(&self, span: Span) -> impl Iterator<Item = &NameMention> {
        let k = self.mentions.partition_point(|m| m.span.start < span.end);
        self.before_len(span, k)
    }

    fn before_len(&self, span: Span, k: usize) -> impl Iterator<Item = &NameMention> {
        // names are short: look back a bounded number of mentions
        let lo = k.saturating_sub(8);
        self.mentions[lo..k]
            .iter()
            .filter(move |m| m.span.end > span.start)
    }

    /// The fullest person name whose last word equals the last word of `words`.
    pub fn fullest(&self, words: &[String]) -> Option<&NameMention> {
        let last = words.last()?;
        self.by_last
            .get(last)?
            .iter()
            .map(|&i| &self.mentions[i as usize])
            .filter(|m| m.words.len() >= words.len())
            .filter(|m| words.iter().all(|w| m.words.contains(w)))
            .max_by_key(|m| (m.words.len(), std::cmp::Reverse(m.span.start)))
    }

    /// The person a pronoun at `pos` most likely refers to: the latest subject-position
    /// person mention before it within `window` bytes, else the latest one not inside a
    /// prepositional phrase.
    pub fn antecedent(
        &self,
        pos: usize,
        floor: usize,
        speakers: &[(usize, String)],
    ) -> Option<String> {
        // a recent speaker is the best antecedent
        let last_speaker = speakers.iter().rev().find(|(p, _)| *p < pos && *p >= floor);
        let best = self
            .before(pos)
            .take_while(|m| m.span.start >= floor)
            .filter(|m| m.span.end <= pos && !m.org && !m.quoted)
            .find(|m| !m.in_pp && (m.subject || m.words.len() >= 2));
        match (best, last_speaker) {
            (Some(m), Some((sp, name))) if *sp > m.span.start => Some(name.clone()),
            (Some(m), _) => Some(self.full_display(m)),
            (None, Some((_, name))) => Some(name.clone()),
            (None, None) => None,
        }
    }

    /// The full name for a mention (itself when nothing fuller exists).
    pub fn full_display(&self, m: &NameMention) -> String {
        if m.org {
            return m.display.clone();
        }
        self.fullest(&m.words)
            .map_or_else(|| m.display.clone(), |f| f.display.clone())
    }
}

/// Split an apposition ("director of the Carnegie Moscow Center") into role and
/// affiliation; the affiliation must contain a capitalised word.
pub fn role_affiliation(appos: &str) -> Profile {
    let a = appos.trim().trim_end_matches([',', '.', ';']).trim();
    if a.is_empty() {
        return Profile::default();
    }
    for sep in [
        " of the ",
        " at the ",
        " for the ",
        " with the ",
        " of ",
        " at ",
        " for ",
        " with ",
    ] {
        if let Some(k) = a.find(sep) {
            let role = a[..k].trim();
            let aff = a[k + sep.len()..].trim();
            if aff
                .split_whitespace()
                .any(|w| w.chars().next().is_some_and(|c| c.is_uppercase()))
                && !role.is_empty()
            {
                let role = strip_article(role);
                return Profile {
                    role: Some(role.to_string()),
                    affiliation: Some(aff.to_string()),
                };
            }
        }
    }
    // "the harbor master" → "harbor master"; a longer description stays whole
    // ("the Russian president at the time")
    let short = a.split_whitespace().count() <= 4;
    Profile {
        role: Some(if short { strip_article(a) } else { a }.to_string()),
        affiliation: None,
    }
}

fn strip_article(s: &str) -> &str {
    for a in ["a ", "an ", "the ", "A ", "An ", "The "] {
        if let Some(r) = s.strip_prefix(a) {
            return r;
        }
    }
    s
}

/// Does this apposition describe a role (so that it is an apposition, not a list)?
pub fn looks_like_apposition(text: &str, toks: &[Tok]) -> bool {
    if toks.is_empty() || toks.len() > 24 {
        return false;
    }
    let first = toks[0].text(text).to_lowercase();
    if matches!(
        first.as_str(),
        "and" | "but" | "or" | "who" | "which" | "that" | "as" | "if" | "when"
    ) {
        return false;
    }
    if toks
        .iter()
        .any(|t| t.kind == Kind::Quote || t.kind == Kind::End && !t.text(text).eq("."))
    {
        return false;
    }
    // an apposition is a noun phrase: no finite verb
    if toks.iter().any(|t| {
        matches!(
            t.text(text).to_lowercase().as_str(),
            "would"
                | "will"
                | "is"
                | "are"
                | "was"
                | "were"
                | "has"
                | "have"
                | "had"
                | "can"
                | "could"
                | "should"
                | "may"
                | "might"
                | "must"
                | "did"
                | "does"
                | "do"
                | "said"
                | "says"
        )
    }) {
        return false;
    }
    let roleish = toks.iter().any(|t| {
        let lw = t.text(text).to_lowercase();
        is_in(ROLE_NOUNS, &lw) || is_in(ROLE_NOUNS, lw.trim_end_matches('s'))
    });
    roleish
        || matches!(first.as_str(), "a" | "an" | "the")
        || (toks.len() <= 6
            && toks.iter().any(|t| t.is_cap(text))
            && toks
                .iter()
                .any(|t| t.kind == Kind::Word && t.text(text).chars().all(|c| c.is_lowercase())))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles() {
        let p = role_affiliation("director of the Carnegie Moscow Center");
        assert_eq!(p.role.as_deref(), Some("director"));
        assert_eq!(p.affiliation.as_deref(), Some("Carnegie Moscow Center"));
        let p = role_affiliation("the Russian president at the time");
        assert_eq!(p.role.as_deref(), Some("the Russian president at the time"));
        assert_eq!(p.affiliation, None);
    }
}

#[cfg(test)]
mod names_tests {
    use super::*;
    use crate::tokens;

    fn names(text: &str) -> Vec<(String, Option<String>)> {
        let mut toks = Vec::new();
        tokens::tokenize(text, Span::new(0, text.len()), &mut toks);
        let mut n = Names::default();
        n.scan_sentence(text, &toks);
        n.finish();
        n.mentions
            .iter()
            .map(|m| {
                (
                    m.display.clone(),
                    m.title.map(|t| t.slice(text).to_string()),
                )
            })
            .collect()
    }

    #[test]
    fn titles_are_not_part_of_names() {
        let n = names("Councillor Ruth Adeyemi said the budget is balanced.");
        assert_eq!(
            n[0],
            ("Ruth Adeyemi".to_string(), Some("Councillor".to_string()))
        );
    }

    #[test]
    fn coordinated_people_are_two_mentions() {
        let n = names("Anna Berg and Jonas Field debated the plan.");
        let d: Vec<&str> = n.iter().map(|x| x.0.as_str()).collect();
        assert_eq!(d, ["Anna Berg", "Jonas Field"]);
    }

    #[test]
    fn weekdays_are_not_names() {
        let n = names("On Thursday Reyes wrote on Twitter.");
        assert_eq!(n[0].0, "Reyes");
    }
}
