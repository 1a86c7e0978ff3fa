//! The attribution rules. Everything here works on clean-text bytes; `lib.rs` maps the
//! results back to the original.

use crate::lexicon::{self, is_in, Cue, Frame, Lexicon};
use crate::marks::{self, Quote};
use crate::resolve::{self, Names};
use crate::tokens::{self, Kind, Tok};
use dossier_core::{QuoteKind, Span};

/// An attribution found in clean text.
#[derive(Clone, Debug)]
#[allow(dead_code)]
pub struct Found {
    pub content: Vec<Span>,
    pub source: Option<Span>,
    pub cue: Option<Span>,
    pub kind: QuoteKind,
    pub appos: Option<Span>,
    /// Where to look for medium and date: the attribution clause outside the content.
    pub frame: Vec<Span>,
    pub unit: usize,
    pub speaker: Option<String>,
    pub medium: Option<String>,
}

/// A sentence, or several when a quotation runs across them.
pub struct Unit {
    pub span: Span,
    pub para: usize,
    pub toks: Vec<Tok>,
}

pub struct Doc<'a> {
    pub text: &'a str,
    pub units: Vec<Unit>,
    pub quotes: Vec<Quote>,
    pub names: Names,
}

impl<'a> Doc<'a> {
    pub fn new(text: &'a str, paragraphs: &[Span], sentences: &[(Span, usize)]) -> Doc<'a> {
        let mut quotes = Vec::new();
        for (i, p) in paragraphs.iter().enumerate() {
            marks::find_quotes(text, *p, i, &mut quotes);
        }
        quotes.sort_by_key(|q| q.span.start);
        // merge sentences while a quotation is open across their boundary
        let mut units: Vec<Unit> = Vec::new();
        let mut qi = 0;
        for &(s, para) in sentences {
            let merge = units.last().is_some_and(|u| {
                u.para == para && {
                    // quotes are found paragraph by paragraph, so in text order
                    let lo = quotes.partition_point(|q: &Quote| q.span.start < u.span.start);
                    let hi = quotes.partition_point(|q: &Quote| q.span.start < u.span.end);
                    quotes[lo..hi].iter().any(|q| q.span.end > u.span.end)
                }
            });
            // `"Why not?" Graham asked.`: a question or exclamation closing a quotation
            // ends no sentence when a short speech tag follows
            let tag = units
                .last()
                .is_some_and(|u| u.para == para && ends_in_quoted_question(u.span.slice(text)))
                && is_speech_tag(s.slice(text));
            if merge || tag {
                let u = units.last_mut().expect("checked");
                u.span = u.span.cover(s);
            } else {
                units.push(Unit {
                    span: s,
                    para,
                    toks: Vec::new(),
                });
            }
            let _ = &mut qi;
        }
        let mut names = Names::default();
        for u in &mut units {
            tokens::tokenize(text, u.span, &mut u.toks);
            names.scan_sentence(text, &u.toks);
        }
        names.finish();
        names.mark_quoted(&quotes);
        Doc {
            text,
            units,
            quotes,
            names,
        }
    }

    fn quotes_in(&self, span: Span) -> Vec<Quote> {
        let lo = self.quotes.partition_point(|q| q.span.start < span.start);
        let hi = self.quotes.partition_point(|q| q.span.start < span.end);
        self.quotes[lo..hi].to_vec()
    }
}

fn lower(t: &Tok, text: &str) -> String {
    t.text(text).to_lowercase()
}

/// The person the sentence before a bare quotation is about, when the quotation opens
/// its own paragraph and that sentence ends the previous one.
fn previous_subject(doc: &Doc<'_>, ui: usize, quote: Span) -> Option<Span> {
    let unit = &doc.units[ui];
    let prev = doc.units.get(ui.checked_sub(1)?)?;
    if quote.start != unit.span.start || prev.para + 1 != unit.para {
        return None;
    }
    // the previous sentence quotes nobody itself
    if doc.quotes_in(prev.span).iter().any(|q| q.closed) {
        return None;
    }
    doc.names
        .before(prev.span.end)
        .take_while(|m| m.span.start >= prev.span.start)
        .filter(|m| m.subject && !m.org && !m.quoted && !m.in_pp)
        .last()
        .map(|m| m.span)
}

/// The token range of the source of the latest attribution found earlier in the unit.
fn earlier_source(toks: &[Tok], earlier: &[Found]) -> Option<TokRange> {
    let s = earlier.last()?.source?;
    let k0 = toks.iter().position(|t| t.span.start == s.start)?;
    let k1 = toks[k0..]
        .iter()
        .position(|t| t.span.start >= s.end)
        .map_or(toks.len(), |d| k0 + d);
    Some((k0, k1.max(k0 + 1)))
}

/// The sentence ends with a closing quotation mark right after `?`, `!` or `…`.
fn ends_in_quoted_question(sentence: &str) -> bool {
    let t = sentence.trim_end();
    let Some(inner) = t.strip_suffix(['"', '\'']) else {
        return false;
    };
    inner.trim_end().ends_with(['?', '!', '…'])
}

/// A short attribution tag: at most eight words, a speech cue among the first five
/// ("Graham asked.", "asked Sen. Lindsey Graham, a Republican.").
fn is_speech_tag(sentence: &str) -> bool {
    let words: Vec<&str> = sentence.split_whitespace().collect();
    if words.is_empty() || words.len() > 8 {
        return false;
    }
    let first = words[0].chars().next().unwrap_or(' ');
    if first == '"' || first == '\'' {
        return false;
    }
    let lex = Lexicon::new_static();
    words.iter().take(5).any(|w| {
        let w = w
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        lex.cue(&w).is_some_and(|c| c.frame != Frame::Object)
            && !matches!(w.as_str(), "believe" | "believes" | "think" | "thinks")
    })
}

/// Index of the token starting at byte `pos`, if any.
#[allow(dead_code)]
fn tok_at(toks: &[Tok], pos: usize) -> Option<usize> {
    toks.iter().position(|t| t.span.start == pos)
}

fn inside(quotes: &[Quote], pos: usize) -> bool {
    quotes
        .iter()
        .any(|q| q.span.start <= pos && pos < q.span.end)
}

/// Skip time words, media adjuncts and objects after a cue; return the index of the
/// first token of the content (or of a quotation) and the skipped adjunct span.
fn skip_adjuncts(text: &str, toks: &[Tok], mut i: usize, cue: Cue, quotes: &[Quote]) -> usize {
    let timeword = |w: &str| {
        matches!(
            w,
            "monday"
                | "tuesday"
                | "wednesday"
                | "thursday"
                | "friday"
                | "saturday"
                | "sunday"
                | "today"
                | "yesterday"
                | "tonight"
                | "morning"
                | "afternoon"
                | "evening"
                | "night"
                | "last"
                | "this"
                | "week"
                | "month"
                | "year"
                | "earlier"
                | "later"
                | "recently"
                | "again"
                | "also"
                | "once"
                | "privately"
                | "publicly"
                | "repeatedly"
                | "flatly"
        )
    };
    let mut guard = 0;
    while i < toks.len() && guard < 40 {
        guard += 1;
        let t = &toks[i];
        if inside(quotes, t.span.start) {
            break;
        }
        let w = lower(t, text);
        if t.kind == Kind::Word && timeword(&w) {
            i += 1;
            continue;
        }
        // "on Twitter", "in a statement", "in an interview with X", "on January 6",
        // "to reporters", "at a news conference", "during a speech"
        if t.kind == Kind::Word
            && matches!(
                w.as_str(),
                "on" | "in" | "to" | "at" | "during" | "via" | "through" | "over"
            )
        {
            let mut j = i + 1;
            let mut ok = false;
            while j < toks.len() && j - i <= 8 {
                let tj = &toks[j];
                if tj.kind != Kind::Word || inside(quotes, tj.span.start) {
                    break;
                }
                let wj = lower(tj, text);
                if wj == "that" {
                    break;
                }
                if lexicon::MEDIA.iter().any(|(m, _)| *m == wj)
                    || timeword(&wj)
                    || tj.is_cap(text) && j == i + 1
                    || wj == "reporters"
                    || wj.chars().all(|c| c.is_ascii_digit())
                {
                    ok = true;
                }
                if ok
                    && !matches!(
                        wj.as_str(),
                        "a" | "an" | "the" | "with" | "of" | "his" | "her" | "their" | "its"
                    )
                    && !(j + 1 < toks.len()
                        && toks[j + 1].kind == Kind::Word
                        && (toks[j + 1].is_cap(text)
                            || matches!(
                                lower(&toks[j + 1], text).as_str(),
                                "with"
                                    | "of"
                                    | "the"
                                    | "a"
                                    | "an"
                                    | "conference"
                                    | "interview"
                                    | "statement"
                                    | "article"
                                    | "post"
                                    | "briefing"
                                    | "channel"
                                    | "tv"
                                    | "radio"
                            )))
                {
                    j += 1;
                    break;
                }
                j += 1;
            }
            if ok {
                i = j;
                continue;
            }
            break;
        }
        if cue.object && t.kind == Kind::Word && w != "that" {
            // "told reporters", "told the Internet channel TV Rain (Dozhd)", "warned Moscow"
            let mut j = i;
            while j < toks.len() && j - i < 10 {
                let tj = &toks[j];
                if inside(quotes, tj.span.start) {
                    break;
                }
                let wj = lower(tj, text);
                if tj.kind == Kind::Word
                    && (wj == "that"
                        || is_in(&["he", "she", "they", "it", "we", "i"], &wj) && j > i)
                {
                    break;
                }
                if matches!(
                    tj.kind,
                    Kind::Comma | Kind::Colon | Kind::End | Kind::Quote | Kind::Dash
                ) {
                    break;
                }
                j += 1;
            }
            if j > i && j - i < 10 {
                i = j;
                continue;
            }
            break;
        }
        break;
    }
    i
}

/// The subject noun phrase ending right before token `cue` (tokens `[s, e)`), plus an
/// apposition between it and the cue. `None` when the cue is passive or no subject.
/// A half-open range of token indices.
type TokRange = (usize, usize);

fn left_np(
    text: &str,
    toks: &[Tok],
    cue: usize,
    floor: usize,
) -> Option<(TokRange, Option<TokRange>)> {
    let mut i = cue;
    // skip adverbs and auxiliaries
    while i > floor
        && toks[i - 1].kind == Kind::Word
        && is_in(lexicon::AUX_ADVERBS, &lower(&toks[i - 1], text))
    {
        i -= 1;
    }
    if i > floor
        && toks[i - 1].kind == Kind::Word
        && is_in(lexicon::BE_FORMS, &lower(&toks[i - 1], text))
    {
        if !lower(&toks[cue], text).ends_with("ing") {
            return None; // passive
        }
        // progressive: "Trump is telling a veterans group that …"
        i -= 1;
        while i > floor
            && toks[i - 1].kind == Kind::Word
            && is_in(lexicon::AUX_ADVERBS, &lower(&toks[i - 1], text))
        {
            i -= 1;
        }
    }
    // apposition: "X, director of Y, said"; "X, a developer, which …, said"
    if i > floor && toks[i - 1].kind == Kind::Comma {
        let mut close = i - 1;
        let mut appos: Option<(usize, usize)> = None;
        let mut fallback: Option<(usize, usize)> = None;
        for _ in 0..4 {
            let mut k = close;
            let mut found_comma = false;
            while k > floor && k + 30 > close {
                k -= 1;
                if toks[k].kind == Kind::Comma {
                    found_comma = true;
                    break;
                }
                if matches!(toks[k].kind, Kind::Quote | Kind::End | Kind::Colon)
                    && !abbrev_period(toks, k)
                {
                    return fallback.map(|np| (np, appos));
                }
            }
            if !found_comma || k + 1 >= close {
                return fallback.map(|np| (np, appos));
            }
            let seg = (k + 1, close);
            let fw = lower(&toks[seg.0], text);
            // "A lawyer for the outlets, David Schulz, said": a description, then the name
            let name_seg = seg.1 - seg.0 <= 4
                && toks[seg.0..seg.1]
                    .iter()
                    .all(|t| t.kind == Kind::Word && t.is_cap(text));
            if name_seg && appos.is_none() {
                if let Some(np) = plain_np(text, toks, k, floor) {
                    let d = lower(&toks[np.0], text);
                    if matches!(
                        d.as_str(),
                        "a" | "an" | "the" | "one" | "his" | "her" | "its" | "their" | "another"
                    ) {
                        return Some(((np.0, close), None));
                    }
                }
            }
            let relative = matches!(fw.as_str(), "which" | "who" | "whose" | "where");
            // "X, at a later press gaggle, said"; "X, 59, of Ashton, Md., said"
            let aside = relative || parenthetical_aside(text, &toks[seg.0..seg.1]);
            if !aside && !resolve::looks_like_apposition(text, &toks[seg.0..seg.1]) {
                return fallback.map(|np| (np, appos));
            }
            if !aside {
                appos = Some(seg);
            }
            match plain_np(text, toks, k, floor) {
                // "X, of Springfield, Va., said": a home town before the aside
                Some(np)
                    if np.0 > floor + 1
                        && matches!(lower(&toks[np.0 - 1], text).as_str(), "of" | "from")
                        && toks[np.0 - 2].kind == Kind::Comma =>
                {
                    close = np.0 - 2;
                    match plain_np(text, toks, close, floor) {
                        Some(np2) if np2.0 > floor && toks[np2.0 - 1].kind == Kind::Comma => {
                            fallback = Some(np2);
                        }
                        Some(np2) => return Some((np2, appos)),
                        None => return fallback.map(|np| (np, appos)),
                    }
                }
                Some(np) if np.0 > floor && toks[np.0 - 1].kind == Kind::Comma => {
                    fallback = Some(np);
                    close = k;
                }
                Some(np) => return Some((np, appos)),
                None => return fallback.map(|np| (np, appos)),
            }
        }
        return fallback.map(|np| (np, appos));
    }
    let np = plain_np(text, toks, i, floor)?;
    Some((np, None))
}

/// A comma-enclosed aside between a subject and its verb that is not a role: a
/// prepositional phrase ("at a news conference"), an age ("59"), a home town ("of
/// Springfield", "Va.").
fn parenthetical_aside(text: &str, seg: &[Tok]) -> bool {
    let Some(first) = seg.first() else {
        return false;
    };
    if seg.len() > 10 || seg.iter().any(|t| t.kind == Kind::Quote) {
        return false;
    }
    let fw = lower(first, text);
    if seg.len() == 1 && fw.chars().all(|c| c.is_ascii_digit()) && fw.len() <= 3 {
        return true;
    }
    if matches!(fw.as_str(), "of" | "from") {
        return seg.get(1).is_some_and(|t| t.is_cap(text))
            && seg[1..]
                .iter()
                .all(|t| t.is_cap(text) || t.kind != Kind::Word);
    }
    if matches!(
        fw.as_str(),
        "at" | "in" | "on" | "during" | "after" | "before" | "speaking" | "like" | "however"
    ) {
        return seg.len() >= 2 || fw == "however";
    }
    // a state or country abbreviation: "Md.", "Va."
    seg.len() <= 2
        && first.is_cap(text)
        && seg[1..].iter().all(|t| t.kind == Kind::End)
        && fw.len() <= 5
}

/// A noun phrase ending right before token `end`.
fn plain_np(text: &str, toks: &[Tok], end: usize, floor: usize) -> Option<(usize, usize)> {
    if end <= floor {
        return None;
    }
    let last = &toks[end - 1];
    if last.kind != Kind::Word {
        if last.kind == Kind::Close {
            // "Gov. Terry McAuliffe (D) said"
            let mut k = end - 1;
            while k > floor && toks[k].kind != Kind::Open && end - k < 6 {
                k -= 1;
            }
            if toks[k].kind == Kind::Open {
                return plain_np(text, toks, k, floor).map(|(s, _)| (s, end));
            }
        }
        return None;
    }
    let lw = lower(last, text);
    if is_in(lexicon::PRONOUNS, &lw) {
        return Some((end - 1, end));
    }
    if is_in(lexicon::NP_STOP, &lw) {
        return None;
    }
    let mut s = end - 1;
    while s > floor && end - s < 9 {
        let t = &toks[s - 1];
        if t.kind != Kind::Word {
            break;
        }
        let w = lower(t, text);
        if w == "of" || w == "the" || w == "a" || w == "an" || w == "for" && toks[s].is_cap(text) {
            s -= 1;
            continue;
        }
        if is_in(lexicon::NP_STOP, &w)
            || is_in(lexicon::PRONOUNS, &w)
            || Lexicon::new_static().cue(&w).is_some()
        {
            break;
        }
        // lowercase verbs in -ed / -ing are not part of a subject NP
        if !t.is_cap(text) && (w.ends_with("ed") && w.len() > 4 || w.ends_with("ly") && w.len() > 4)
        {
            break;
        }
        s -= 1;
    }
    // trim leading "of"/"for"
    while s < end - 1 && matches!(lower(&toks[s], text).as_str(), "of" | "for") {
        s += 1;
    }
    Some((s, end))
}

/// A noun phrase starting at token `start` (inverted "said Trenin", "according to X").
fn right_np(text: &str, toks: &[Tok], start: usize, limit: usize) -> Option<(usize, usize)> {
    let mut e = start;
    while e < limit && e - start < 12 {
        let t = &toks[e];
        if t.kind == Kind::Close && e > start {
            e += 1;
            continue;
        }
        if t.kind == Kind::Open && e > start {
            // "(D-Calif.)"
            let mut k = e;
            while k < limit && toks[k].kind != Kind::Close && k - e < 6 {
                k += 1;
            }
            if k < limit && toks[k].kind == Kind::Close {
                e = k + 1;
                continue;
            }
            break;
        }
        if t.kind != Kind::Word {
            break;
        }
        let w = lower(t, text);
        if e > start
            && (is_in(lexicon::NP_STOP, &w)
                && !matches!(w.as_str(), "of" | "the" | "for" | "at" | "and"))
        {
            break;
        }
        if e > start
            && matches!(w.as_str(), "at" | "and")
            && !(e + 1 < limit && toks[e + 1].is_cap(text))
        {
            break;
        }
        if e > start && Lexicon::new_static().cue(&w).is_some() {
            break;
        }
        if e > start && !t.is_cap(text) && is_in(lexicon::AUX_ADVERBS, &w) {
            break;
        }
        e += 1;
    }
    (e > start).then_some((start, e))
}

impl Lexicon {
    /// A process-wide lexicon for helpers that do not carry one.
    pub fn new_static() -> &'static Lexicon {
        static L: std::sync::OnceLock<Lexicon> = std::sync::OnceLock::new();
        L.get_or_init(Lexicon::new)
    }
}

fn span_of(toks: &[Tok], (s, e): (usize, usize)) -> Span {
    toks[s].span.cover(toks[e - 1].span)
}

/// Content from token `s` to the end of the unit (or `end_tok`), trimmed of the final
/// sentence punctuation.
fn content_span(toks: &[Tok], s: usize, e: usize) -> Option<Span> {
    if s >= e {
        return None;
    }
    let mut e2 = e;
    while e2 > s
        && matches!(
            toks[e2 - 1].kind,
            Kind::End | Kind::Comma | Kind::Colon | Kind::Dash
        )
    {
        e2 -= 1;
    }
    if e2 <= s {
        return None;
    }
    Some(toks[s].span.cover(toks[e2 - 1].span))
}

fn words_in(toks: &[Tok], s: usize, e: usize) -> usize {
    toks[s.min(e)..e]
        .iter()
        .filter(|t| t.kind == Kind::Word)
        .count()
}

fn has_quote(quotes: &[Quote], span: Span) -> bool {
    quotes
        .iter()
        .any(|q| q.span.start >= span.start && q.span.start < span.end)
}

fn kind_of(quotes: &[Quote], content: &[Span], text: &str) -> QuoteKind {
    let mut quoted = 0usize;
    let mut all = 0usize;
    for c in content {
        for (i, ch) in c.slice(text).char_indices() {
            if ch.is_alphanumeric() {
                all += 1;
                if inside(quotes, c.start + i) {
                    quoted += 1;
                }
            }
        }
    }
    if all == 0 || quoted == 0 {
        QuoteKind::Indirect
    } else if quoted * 10 >= all * 9 {
        QuoteKind::Direct
    } else {
        QuoteKind::Mixed
    }
}

/// A period glued to a word and followed by a comma ("R-Ky.,"): an abbreviation.
fn abbrev_period(toks: &[Tok], k: usize) -> bool {
    toks[k].kind == Kind::End
        && k > 0
        && toks[k - 1].span.end == toks[k].span.start
        && toks
            .get(k + 1)
            .is_some_and(|t| matches!(t.kind, Kind::Comma | Kind::Close))
}

/// "in a tweet", "the report", "his call", "a think tank": a noun, not a cue verb.
fn is_noun_use(text: &str, toks: &[Tok], i: usize) -> bool {
    let det = i > 0
        && toks[i - 1].kind == Kind::Word
        && matches!(
            lower(&toks[i - 1], text).as_str(),
            "a" | "an"
                | "the"
                | "this"
                | "that"
                | "his"
                | "her"
                | "its"
                | "their"
                | "our"
                | "my"
                | "every"
                | "each"
                | "another"
                | "any"
                | "no"
                | "whose"
                | "which"
                | "what"
        );
    let compound = i + 1 < toks.len()
        && toks[i + 1].kind == Kind::Word
        && matches!(
            lower(&toks[i + 1], text).as_str(),
            "tank" | "tanks" | "card" | "center" | "centre" | "office" | "box" | "piece" | "pieces"
        );
    // "the union's own report", "the ministry's report": a possessor before the word
    let possessed = i > 0 && toks[i - 1].kind == Kind::Word && {
        let p = lower(&toks[i - 1], text);
        let w = lower(&toks[i], text);
        // "he's said", "Trump's argued": 's is also "has"/"is" before a participle
        let nounish = !w.ends_with("ed")
            && !w.ends_with("ing")
            && !matches!(
                w.as_str(),
                "said" | "told" | "wrote" | "written" | "thought" | "felt" | "found" | "shown"
            );
        p == "own" || nounish && (p.ends_with("'s") || p.ends_with("s'"))
    };
    det || compound || possessed
}

/// A cue verb at token `i` (not a noun use).
fn cue_verb_at(text: &str, toks: &[Tok], i: usize) -> bool {
    toks[i].kind == Kind::Word
        && Lexicon::new_static().cue(&lower(&toks[i], text)).is_some()
        && !is_noun_use(text, toks, i)
}

/// Run the rules over every unit.
pub fn find(doc: &Doc<'_>, lex: &Lexicon) -> Vec<Found> {
    let text = doc.text;
    let mut found: Vec<Found> = Vec::new();
    for (ui, unit) in doc.units.iter().enumerate() {
        let toks = &unit.toks;
        let quotes = doc.quotes_in(unit.span);
        let mut consumed_until = 0usize; // token index before which cues are consumed
        let mut unit_found: Vec<Found> = Vec::new();
        let mut i = 0;
        while i < toks.len() {
            let t = toks[i];
            if t.kind != Kind::Word || i < consumed_until || inside(&quotes, t.span.start) {
                i += 1;
                continue;
            }
            let w = lower(&t, text);
            // "according to X"
            if w == "according" && i + 1 < toks.len() && lower(&toks[i + 1], text) == "to" {
                if let Some(f) = according_to(text, toks, &quotes, i, ui) {
                    consumed_until = consumed_until.max(i + 2);
                    unit_found.push(f);
                }
                i += 2;
                continue;
            }
            // possessive + speech noun + … + quotation: "his reference to X as “…”"
            if is_in(lexicon::SPEECH_NOUNS, &w) && i > 0 && toks[i - 1].kind == Kind::Word {
                let pw = lower(&toks[i - 1], text);
                if is_in(lexicon::POSSESSIVES, &pw) || pw.ends_with("'s") {
                    if let Some(q) = quotes.iter().find(|q| {
                        q.span.start > t.span.end
                            && toks
                                .iter()
                                .filter(|k| {
                                    k.span.start > t.span.end && k.span.start < q.span.start
                                })
                                .count()
                                <= 14
                    }) {
                        let src = toks[i - 1].span;
                        unit_found.push(Found {
                            content: vec![q.span],
                            source: Some(src),
                            cue: Some(t.span),
                            kind: QuoteKind::Mixed,
                            appos: None,
                            frame: vec![Span::new(unit.span.start, q.span.start)],
                            unit: ui,
                            speaker: None,
                            medium: None,
                        });
                        i += 1;
                        continue;
                    }
                }
            }
            let phrasal = toks
                .get(i + 1)
                .filter(|n| n.kind == Kind::Word)
                .and_then(|n| lex.phrasal(&w, &lower(n, text)));
            let Some(cue) = phrasal.or_else(|| lex.cue(&w)) else {
                i += 1;
                continue;
            };
            if is_noun_use(text, toks, i) {
                i += 1;
                continue;
            }
            if let Some(f) = cue_frames(text, toks, &quotes, i, cue, ui, unit.span, &unit_found) {
                // consume everything up to the end of the content when it lies after the cue
                let last_content = f.content.iter().map(|c| c.end).max().unwrap_or(0);
                if let Some(k) = toks.iter().position(|t| t.span.start >= last_content) {
                    if last_content > t.span.end {
                        consumed_until = k;
                    }
                } else if last_content > t.span.end {
                    consumed_until = toks.len();
                }
                unit_found.push(f);
            }
            i += 1;
        }
        if unit_found.is_empty() {
            if let Some(f) = dash_or_colon(text, toks, &quotes, ui, unit.span) {
                unit_found.push(f);
            }
        }
        found.extend(unit_found);
    }
    continuations(doc, &mut found);
    found
}

#[allow(clippy::too_many_arguments)]
fn cue_frames(
    text: &str,
    toks: &[Tok],
    quotes: &[Quote],
    c: usize,
    cue: Cue,
    ui: usize,
    unit: Span,
    earlier: &[Found],
) -> Option<Found> {
    let n = toks.len();
    let cue_tok = Tok {
        span: toks[c].span.cover(toks[(c + cue.extra).min(n - 1)].span),
        kind: toks[c].kind,
    };
    let earlier_end = earlier
        .iter()
        .flat_map(|f| f.content.iter().map(|s| s.end).chain(f.cue.map(|s| s.end)))
        .max()
        .unwrap_or(unit.start);
    // --- A: the cue follows a closing quotation: `"…," X said` / `"…," said X`
    let prev_close = quotes
        .iter()
        .filter(|q| q.closed && q.span.end <= cue_tok.span.start && q.span.start >= earlier_end)
        .max_by_key(|q| q.span.end);
    if let Some(q) = prev_close {
        let after = toks
            .iter()
            .position(|t| t.span.start >= q.span.end)
            .unwrap_or(n);
        let between: Vec<&Tok> = toks[after..c].iter().collect();
        let ends_with_comma = q
            .inner()
            .slice(text)
            .trim_end()
            // a quote inside the quote: `"It feels like, 'Meh, …,'" he said`
            .trim_end_matches(['\'', '\u{2019}', '"'])
            .ends_with([',', '?', '!', '-'])
            || between
                .first()
                .is_some_and(|t| matches!(t.kind, Kind::Comma | Kind::Dash));
        let clean_between = (after..c).all(|k| {
            !matches!(toks[k].kind, Kind::End | Kind::Quote | Kind::Colon) || abbrev_period(toks, k)
        }) && between.len() <= 32
            && !(after..c).any(|k| cue_verb_at(text, toks, k));
        if ends_with_comma && clean_between {
            let mut b = after;
            while b < c && matches!(toks[b].kind, Kind::Comma | Kind::Dash) {
                b += 1;
            }
            let (source, appos) = if b == c {
                // inverted: "…," said Trenin; "…," said Anna Berg, the harbor master
                let np = right_np(text, toks, c + 1, n);
                let appos = np.and_then(|np| {
                    (np.1 + 1 < n && toks[np.1].kind == Kind::Comma)
                        .then_some(())
                        .and_then(|_| {
                            let close = (np.1 + 1..n).find(|&k| {
                                matches!(toks[k].kind, Kind::Comma | Kind::End | Kind::Quote)
                            })?;
                            (close > np.1 + 1
                                && resolve::looks_like_apposition(text, &toks[np.1 + 1..close]))
                            .then(|| span_of(toks, (np.1 + 1, close)))
                        })
                });
                (np.map(|np| span_of(toks, np)), appos)
            } else {
                // subject after the quotation, then an optional apposition
                let np_end = (b..c)
                    .find(|&k| matches!(toks[k].kind, Kind::Comma))
                    .unwrap_or(c);
                let np = plain_np(text, toks, np_end, b).map(|(s, e)| (s.max(b), e));
                let appos = if np_end < c {
                    let close = (np_end + 1..c)
                        .find(|&k| toks[k].kind == Kind::Comma)
                        .unwrap_or(c);
                    (close > np_end + 1).then(|| span_of(toks, (np_end + 1, close)))
                } else {
                    None
                };
                // the subject must start right after the quotation
                match np {
                    Some(np) if np.0 == b => (Some(span_of(toks, np)), appos),
                    _ => (None, None),
                }
            };
            if let Some(source) = source {
                // the content: from the start of the clause to the closing mark
                let start_tok = toks
                    .iter()
                    .position(|t| t.span.start >= earlier_end)
                    .unwrap_or(0);
                let clause_start = toks[start_tok..]
                    .iter()
                    .position(|t| t.kind != Kind::Comma)
                    .map_or(q.span.start, |k| toks[start_tok + k].span.start);
                let first_quote = quotes
                    .iter()
                    .filter(|x| x.span.start >= clause_start && x.span.end <= q.span.end)
                    .map(|x| x.span.start)
                    .min()
                    .unwrap_or(q.span.start);
                let lead = Span::new(clause_start, first_quote);
                let lead_words = lead
                    .slice(text)
                    .split_whitespace()
                    .filter(|w| w.chars().any(|c| c.is_alphanumeric()))
                    .count();
                let mut content = vec![Span::new(
                    if lead_words <= 1 {
                        first_quote
                    } else {
                        clause_start
                    },
                    q.span.end,
                )];
                // "…," X said, "…"  — later quotations of the unit
                let cue_end = cue_tok.span.end;
                let mut frame_end = unit.end;
                for later in quotes.iter().filter(|x| x.span.start > cue_end) {
                    let gap = Span::new(cue_end, later.span.start).slice(text);
                    // `"…," X said, adding that it would take "more hours"`: a new cue
                    // starts a new attribution
                    let new_cue = toks.iter().enumerate().any(|(k, t)| {
                        t.span.start >= cue_end
                            && t.span.end <= later.span.start
                            && cue_verb_at(text, toks, k)
                    });
                    if new_cue {
                        break;
                    }
                    if gap.split_whitespace().count() <= 12 && !gap.contains(['.', '!', '?'])
                        || content.len() > 1
                    {
                        if content.len() == 1 {
                            frame_end = later.span.start;
                        }
                        content.push(later.span);
                    }
                }
                let frame_span = Span::new(q.span.end, frame_end.max(q.span.end));
                let kind = kind_of(quotes, &content, text);
                return Some(Found {
                    kind,
                    content,
                    source: Some(source),
                    cue: Some(cue_tok.span),
                    appos,
                    frame: vec![frame_span],
                    unit: ui,
                    speaker: None,
                    medium: None,
                });
            }
        }
    }
    // inverted at the start: `Said Ellis: "…"`
    if c == 0 && toks[c].is_cap(text) {
        if let Some(np) = right_np(text, toks, 1, n) {
            let mut j = np.1;
            while j < n && matches!(toks[j].kind, Kind::Colon | Kind::Comma) {
                j += 1;
            }
            if j < n && toks[j].kind == Kind::Quote {
                let content: Vec<Span> = quotes
                    .iter()
                    .filter(|q| q.span.start >= toks[j].span.start)
                    .map(|q| q.span)
                    .collect();
                if !content.is_empty() {
                    return Some(Found {
                        kind: QuoteKind::Direct,
                        content,
                        source: Some(span_of(toks, np)),
                        cue: Some(cue_tok.span),
                        appos: None,
                        frame: vec![Span::new(unit.start, toks[j].span.start)],
                        unit: ui,
                        speaker: None,
                        medium: None,
                    });
                }
            }
        }
    }
    // the subject before the cue (for frames B, C, D)
    let floor = toks
        .iter()
        .position(|t| t.span.start >= earlier_end)
        .unwrap_or(0);
    let subject = left_np(text, toks, c, floor);
    // participles after a comma: "…, saying that …" — the subject is the clause's
    let participle = lower(&cue_tok, text).ends_with("ing");
    if participle {
        let mut p = c;
        while p > 0
            && toks[p - 1].kind == Kind::Word
            && is_in(lexicon::AUX_ADVERBS, &lower(&toks[p - 1], text))
        {
            p -= 1;
        }
        if p > 0
            && toks[p - 1].kind == Kind::Word
            && matches!(
                lower(&toks[p - 1], text).as_str(),
                "after" | "before" | "while" | "by" | "when" | "since" | "upon" | "without" | "in"
            )
        {
            return adjunct_participle(text, toks, quotes, c, ui, unit);
        }
    }
    // passive with its agent: "Residents were told by police that the road …"
    if subject.is_none()
        && c > 0
        && matches!(cue.frame, Frame::Clause | Frame::ClauseThat)
        && is_in(lexicon::BE_FORMS, &lower(&toks[c - 1], text))
        && toks.get(c + 1).is_some_and(|t| lower(t, text) == "by")
    {
        if let Some(np) = right_np(text, toks, c + 2, n) {
            let mut s0 = np.1;
            if s0 < n && lower(&toks[s0], text) == "that" {
                s0 += 1;
            }
            if s0 > np.1 && words_in(toks, s0, n) >= 3 {
                if let Some(content) = content_span(toks, s0, n) {
                    return Some(Found {
                        kind: kind_of(quotes, &[content], text),
                        content: vec![content],
                        source: Some(span_of(toks, np)),
                        cue: Some(cue_tok.span),
                        appos: None,
                        frame: vec![toks[c - 1].span.cover(toks[np.1 - 1].span)],
                        unit: ui,
                        speaker: None,
                        medium: None,
                    });
                }
            }
        }
    }
    // "As Mr. Bown observed, …" and "…, as the report noted."
    if let Some(((a, b), _)) = subject {
        if a > 0 && lower(&toks[a - 1], text) == "as" && b == c {
            let at_start = a == 1 || (a >= 2 && toks[..a - 1].iter().all(|t| t.kind != Kind::Word));
            let after_comma = a >= 2 && matches!(toks[a - 2].kind, Kind::Comma | Kind::Dash);
            let k = skip_adjuncts(
                text,
                toks,
                c + 1,
                Cue {
                    object: true,
                    ..cue
                },
                quotes,
            );
            let found = |content: Span| Found {
                kind: kind_of(quotes, &[content], text),
                content: vec![content],
                source: Some(span_of(toks, (a, b))),
                cue: Some(cue_tok.span),
                appos: None,
                frame: vec![toks[a - 1].span.cover(toks[c].span)],
                unit: ui,
                speaker: None,
                medium: None,
            };
            if at_start && k < n && toks[k].kind == Kind::Comma && words_in(toks, k + 1, n) >= 3 {
                return content_span(toks, k + 1, n).map(found);
            }
            let rest_empty = toks[k.min(n)..]
                .iter()
                .all(|t| matches!(t.kind, Kind::End | Kind::Close | Kind::Quote));
            if after_comma && rest_empty {
                let start = toks
                    .iter()
                    .position(|t| t.span.start >= earlier_end)
                    .unwrap_or(0);
                if words_in(toks, start, a - 2) >= 3 {
                    return content_span(toks, start, a - 2).map(found);
                }
            }
        }
    }
    let (source_np, appos) = match subject {
        Some((np, ap)) => (Some(np), ap),
        // "… and says he will …": a coordinated verb shares the earlier subject
        None if c > 0
            && toks[c - 1].kind == Kind::Word
            && matches!(lower(&toks[c - 1], text).as_str(), "and" | "but")
            && !participle =>
        {
            let start_subject = subject_at_start(text, toks).filter(|&(a, b)| {
                b < c
                    && toks[a..b].iter().all(|t| t.kind == Kind::Word)
                    && !is_in(lexicon::NP_STOP, &lower(&toks[a], text))
                    && toks[b].kind == Kind::Word
                    && !toks[b].is_cap(text)
            });
            (earlier_source(toks, earlier).or(start_subject), None)
        }
        None => (None, None),
    };
    let source_np = if participle
        && (c == 0 || matches!(toks[c - 1].kind, Kind::Comma) || source_np.is_none())
    {
        // adjunct at the start: "After calling X “…,” Y claimed" → subject after the adjunct
        if c <= 3 && toks[..c].iter().all(|t| t.kind == Kind::Word) {
            None
        } else {
            earlier
                .last()
                .and_then(|f| f.source)
                .and_then(|_| earlier_source(toks, earlier))
                .or_else(|| {
                    plain_np(
                        text,
                        toks,
                        toks.iter()
                            .position(|t| matches!(t.kind, Kind::Comma))
                            .unwrap_or(0),
                        0,
                    )
                })
                .or_else(|| subject_at_start(text, toks))
        }
    } else {
        source_np
    };
    // --- B: a quotation right after the cue: `X said: "…"`
    let k = if cue.extra > 0 {
        c + 1 + cue.extra
    } else {
        skip_adjuncts(text, toks, c + 1, cue, quotes)
    };
    let mut k2 = k;
    while k2 < n && matches!(toks[k2].kind, Kind::Colon | Kind::Comma) {
        k2 += 1;
    }
    // a quotation closing on `!`, `?` or `.` is a whole utterance, whatever follows
    let whole_utterance = k2 < n
        && quotes.iter().any(|q| {
            q.span.start == toks[k2].span.start
                && q.closed
                && q.inner().slice(text).trim_end().ends_with(['!', '?', '.'])
        });
    let quote_then_clause = k2 < n && !whole_utterance && {
        let q0 = toks[k2].span.start;
        toks[k2..]
            .iter()
            .filter(|t| t.kind == Kind::Word && t.span.start > q0 && !inside(quotes, t.span.start))
            .count()
            >= 3
    };
    if k2 < n
        && toks[k2].kind == Kind::Quote
        && quotes.iter().any(|q| q.span.start == toks[k2].span.start)
        && !quote_then_clause
    {
        let q0 = toks[k2].span.start;
        let content: Vec<Span> = quotes
            .iter()
            .filter(|q| q.span.start >= q0)
            .map(|q| q.span)
            .collect();
        if let Some(np) = source_np {
            let kind = kind_of(quotes, &content, text);
            return Some(Found {
                kind,
                content,
                source: Some(span_of(toks, np)),
                cue: Some(cue_tok.span),
                appos: appos.map(|a| span_of(toks, a)),
                frame: vec![Span::new(unit.start, q0)],
                unit: ui,
                speaker: None,
                medium: None,
            });
        }
        if participle {
            // adjunct participle with quotation: "After calling X “…,” Y claimed"
            if let Some(f) = adjunct_participle(text, toks, quotes, c, ui, unit) {
                return Some(f);
            }
        }
    }
    if cue.frame == Frame::QuoteOnly {
        return None;
    }
    // --- C: complement clause after the cue
    if let Some(np) = source_np {
        let mut s = k;
        // "said, a majority of …": a comma after the cue
        if s < n
            && toks[s].kind == Kind::Comma
            && s + 1 < n
            && toks[s + 1].kind == Kind::Word
            && !cue_verb_at(text, toks, s + 1)
        {
            s += 1;
        }
        // "said at an event in Colorado Springs that …"
        if s < n && lower(&toks[s], text) != "that" {
            if let Some(j) = (s..n.min(s + 14)).find(|&j| lower(&toks[j], text) == "that") {
                let clear = toks[s..j]
                    .iter()
                    .all(|t| t.kind == Kind::Word && !inside(quotes, t.span.start))
                    && !(s..j).any(|x| cue_verb_at(text, toks, x));
                if clear
                    && matches!(
                        lower(&toks[s], text).as_str(),
                        "at" | "in"
                            | "on"
                            | "during"
                            | "to"
                            | "after"
                            | "before"
                            | "from"
                            | "through"
                            | "over"
                            | "for"
                            | "when"
                            | "while"
                    )
                {
                    s = j;
                }
            }
        }
        let that = s < n && lower(&toks[s], text) == "that";
        if matches!(cue.frame, Frame::Object | Frame::Infinitive) {
            return object_frame(text, toks, quotes, c, s, cue, np, appos, ui, unit);
        }
        if cue.frame == Frame::ClauseThat && !that {
            return clause_before(text, toks, quotes, c, cue, ui, unit, earlier_end);
        }
        if that {
            s += 1;
            // "He said that, if elected, he would …"
            while s < n && toks[s].kind == Kind::Comma {
                s += 1;
            }
        }
        // end at ", adding/saying …", ", according to", a non-restrictive relative
        // clause (", which he said …") or a semicolon
        let mut e = n;
        for j in s..n {
            if !inside(quotes, toks[j].span.start)
                && (toks[j].kind == Kind::Other && toks[j].text(text) == ";"
                    || toks[j].kind == Kind::Comma
                        && j > s + 2
                        && toks.get(j + 1).is_some_and(|t| {
                            matches!(lower(t, text).as_str(), "which" | "who" | "whom")
                        }))
            {
                e = j;
                break;
            }
            // "…, and Democrats accused …": a coordinated clause with its own cue
            if toks[j].kind == Kind::Word
                && matches!(
                    lower(&toks[j], text).as_str(),
                    "and" | "but" | "while" | "whereas"
                )
                && !inside(quotes, toks[j].span.start)
                && j > s + 2
            {
                // "… and says he will …": the same subject, a new cue
                if let Some(v) = (j + 1..n.min(j + 9)).find(|&v| cue_verb_at(text, toks, v)) {
                    if toks[j + 1..v].iter().all(|t| t.kind == Kind::Word) {
                        e = if toks[j - 1].kind == Kind::Comma {
                            j - 1
                        } else {
                            j
                        };
                        break;
                    }
                }
            }
            if toks[j].kind == Kind::Comma && j + 1 < n && !inside(quotes, toks[j].span.start) {
                let wj = lower(&toks[j + 1], text);
                if wj == "according"
                    || (wj.ends_with("ing") && Lexicon::new_static().cue(&wj).is_some())
                {
                    e = j;
                    break;
                }
            }
        }
        if words_in(toks, s, e) >= 3 && s < n {
            // a complement must not start with a preposition or punctuation
            let first = lower(&toks[s], text);
            // "about 20 people", "over half of them": a numeral modifier, not a preposition
            let numeral_next = toks.get(s + 1).is_some_and(|t| {
                let w = lower(t, text);
                w.starts_with(|c: char| c.is_ascii_digit())
                    || matches!(w.as_str(), "half" | "a" | "one" | "two" | "three" | "dozen")
            });
            let numeral_modifier =
                numeral_next && matches!(first.as_str(), "about" | "over" | "up");
            let bad_start = matches!(toks[s].kind, Kind::End | Kind::Comma | Kind::Close)
                || (!(that || numeral_modifier)
                    && matches!(
                        first.as_str(),
                        "by" | "with"
                            | "of"
                            | "for"
                            | "from"
                            | "as"
                            | "and"
                            | "but"
                            | "or"
                            | "so"
                            | "than"
                            | "in"
                            | "on"
                            | "at"
                            | "about"
                            | "against"
                            | "up"
                            | "out"
                            | "off"
                            | "back"
                            | "down"
                    ));
            if !bad_start {
                if let Some(mut content) = content_span(toks, s, e) {
                    let quoted = has_quote(quotes, content);
                    if cue.frame == Frame::QuotedObject && !quoted {
                        return None;
                    }
                    if cue.frame == Frame::QuotedObject {
                        if let Some(last) = quotes
                            .iter()
                            .filter(|q| {
                                content.contains(q.span)
                                    || (q.span.start >= content.start && q.span.start < content.end)
                            })
                            .map(|q| q.span.end)
                            .max()
                        {
                            content = Span::new(content.start, last.max(content.start));
                        }
                    }
                    let content = vec![content];
                    let kind = kind_of(quotes, &content, text);
                    let np_span = span_of(toks, np);
                    return Some(Found {
                        kind,
                        content,
                        source: Some(np_span),
                        cue: Some(cue_tok.span),
                        appos: appos.map(|a| span_of(toks, a)),
                        frame: vec![Span::new(unit.start, toks[s.min(n - 1)].span.start)],
                        unit: ui,
                        speaker: None,
                        medium: None,
                    });
                }
            }
        }
    }
    if cue.frame == Frame::QuotedObject {
        return None;
    }
    clause_before(text, toks, quotes, c, cue, ui, unit, earlier_end)
}

/// "cited the report", "called for a ceasefire", "wants to leave": the object or the
/// infinitive up to the end of its clause.
#[allow(clippy::too_many_arguments)]
fn object_frame(
    text: &str,
    toks: &[Tok],
    quotes: &[Quote],
    c: usize,
    s: usize,
    cue: Cue,
    np: (usize, usize),
    appos: Option<(usize, usize)>,
    ui: usize,
    unit: Span,
) -> Option<Found> {
    let n = toks.len();
    if s >= n || toks[s].kind != Kind::Word {
        return None;
    }
    let first = lower(&toks[s], text);
    // "wants the talks to resume": want takes an object and an infinitive
    let object_infinitive = lower(&toks[c], text).starts_with("want")
        && (s + 1..n.min(s + 6)).any(|j| {
            lower(&toks[j], text) == "to" && toks[s..j].iter().all(|t| t.kind == Kind::Word)
        });
    if cue.frame == Frame::Infinitive && first != "to" && !object_infinitive {
        return None;
    }
    if cue.frame == Frame::Object
        && matches!(
            first.as_str(),
            "to" | "that"
                | "by"
                | "in"
                | "on"
                | "at"
                | "as"
                | "with"
                | "from"
                | "up"
                | "out"
                | "off"
                | "down"
                | "back"
                | "it"
                | "them"
                | "him"
                | "her"
                | "this"
        )
    {
        return None;
    }
    let e = (s + 1..n)
        .find(|&j| {
            matches!(toks[j].kind, Kind::Comma | Kind::Dash | Kind::Colon)
                && !inside(quotes, toks[j].span.start)
        })
        .unwrap_or(n);
    if words_in(toks, s, e) < 2 {
        return None;
    }
    let content = vec![content_span(toks, s, e)?];
    Some(Found {
        kind: kind_of(quotes, &content, text),
        content,
        source: Some(span_of(toks, np)),
        cue: Some(toks[c].span.cover(toks[(c + cue.extra).min(n - 1)].span)),
        appos: appos.map(|a| span_of(toks, a)),
        frame: vec![Span::new(unit.start, toks[s].span.start)],
        unit: ui,
        speaker: None,
        medium: None,
    })
}

/// The first noun phrase of the unit (a subject), skipping a leading adjunct.
fn subject_at_start(text: &str, toks: &[Tok]) -> Option<(usize, usize)> {
    let end = toks
        .iter()
        .position(|t| {
            t.kind == Kind::Word
                && !t.is_cap(text)
                && !matches!(lower(t, text).as_str(), "the" | "a" | "an")
        })
        .unwrap_or(toks.len());
    (end > 0).then_some((0, end.min(6)))
}

/// "After initially calling protesters “hooligan elements,” President X later claimed":
/// the source is the subject right after the adjunct.
fn adjunct_participle(
    text: &str,
    toks: &[Tok],
    quotes: &[Quote],
    c: usize,
    ui: usize,
    unit: Span,
) -> Option<Found> {
    let q = quotes
        .iter()
        .find(|q| q.span.start > toks[c].span.end && q.closed)?;
    let after = toks.iter().position(|t| t.span.start >= q.span.end)?;
    let mut b = after;
    while b < toks.len() && toks[b].kind == Kind::Comma {
        b += 1;
    }
    let np = right_np(text, toks, b, toks.len())?;
    Some(Found {
        content: vec![Span::new(toks[c + 1].span.start, q.span.end)],
        source: Some(span_of(toks, np)),
        cue: Some(toks[c].span),
        kind: QuoteKind::Mixed,
        appos: None,
        frame: vec![Span::new(unit.start, toks[c].span.end)],
        unit: ui,
        speaker: None,
        medium: None,
    })
}

/// --- D: `CLAUSE, X said.` / `CLAUSE, said X.` without quotation marks.
#[allow(clippy::too_many_arguments)]
fn clause_before(
    text: &str,
    toks: &[Tok],
    quotes: &[Quote],
    c: usize,
    cue: Cue,
    ui: usize,
    unit: Span,
    earlier_end: usize,
) -> Option<Found> {
    let n = toks.len();
    // after the cue only adjuncts up to the end of the unit
    let k = skip_adjuncts(
        text,
        toks,
        c + 1,
        Cue {
            object: true,
            ..cue
        },
        quotes,
    );
    let rest_ok = toks[k.min(n)..]
        .iter()
        .all(|t| matches!(t.kind, Kind::End | Kind::Close | Kind::Quote))
        || (k < n
            && toks[k].kind == Kind::Comma
            && !toks[k + 1..].iter().any(|t| t.kind == Kind::Quote));
    let inverted = c > 0
        && matches!(toks[c - 1].kind, Kind::Comma)
        && right_np(text, toks, c + 1, n).is_some_and(|np| {
            let tail_ok = |from: usize| {
                toks[from..]
                    .iter()
                    .all(|t| matches!(t.kind, Kind::End | Kind::Close | Kind::Quote | Kind::Comma))
            };
            // "…, said Brian Baker, a longtime adviser to the family who oversees …"
            let appos_tail = np.1 + 1 < n && toks[np.1].kind == Kind::Comma && {
                let end = (np.1 + 1..n)
                    .find(|&k| matches!(toks[k].kind, Kind::End | Kind::Quote))
                    .unwrap_or(n);
                end - np.1 <= 30
                    && matches!(lower(&toks[np.1 + 1], text).as_str(), "a" | "an" | "the")
                    && tail_ok(end)
            };
            np.1 > c + 1 && (tail_ok(np.1) || appos_tail)
        });
    let mut appos = None;
    let (source, comma) = if rest_ok && !inverted {
        // "…, X said."
        let floor = toks
            .iter()
            .position(|t| t.span.start >= earlier_end)
            .unwrap_or(0);
        let (np, appos) = left_np(text, toks, c, floor)?;
        let comma = if let Some(a) = appos {
            np.0.checked_sub(1).map(|_| a)
        } else {
            None
        };
        let _ = comma;
        let s = np.0;
        if s == 0 || !matches!(toks[s - 1].kind, Kind::Comma | Kind::Dash) {
            return None;
        }
        (span_of(toks, np), s - 1)
    } else if inverted {
        // "…, said X." (inverted), "…, said X, a longtime adviser …"
        let np = right_np(text, toks, c + 1, n)?;
        if np.1 + 1 < n && toks[np.1].kind == Kind::Comma {
            let end = (np.1 + 1..n)
                .find(|&k| matches!(toks[k].kind, Kind::End | Kind::Quote | Kind::Comma))
                .unwrap_or(n);
            if end > np.1 + 1 {
                appos = Some(span_of(toks, (np.1 + 1, end)));
            }
        }
        (span_of(toks, np), c - 1)
    } else {
        return None;
    };
    let start = toks
        .iter()
        .position(|t| t.span.start >= earlier_end)
        .unwrap_or(0);
    if words_in(toks, start, comma) < 3 {
        return None;
    }
    let content = content_span(toks, start, comma)?;
    let content = vec![content];
    let kind = kind_of(quotes, &content, text);
    Some(Found {
        kind,
        content,
        source: Some(source),
        cue: Some(toks[c].span),
        appos,
        frame: vec![Span::new(toks[comma].span.end, unit.end)],
        unit: ui,
        speaker: None,
        medium: None,
    })
}

/// "According to X, …" and "…, according to X."
fn according_to(text: &str, toks: &[Tok], quotes: &[Quote], i: usize, ui: usize) -> Option<Found> {
    let n = toks.len();
    let np = right_np(text, toks, i + 2, n)?;
    let cue = toks[i].span.cover(toks[i + 1].span);
    let source = span_of(toks, np);
    // "According to Daniel Reyes, an economist at the institute, every week …"
    let mut appos = None;
    let mut np = np;
    if np.1 + 1 < n && toks[np.1].kind == Kind::Comma && i <= 3 {
        if let Some(close) = (np.1 + 1..n.min(np.1 + 16)).find(|&k| toks[k].kind == Kind::Comma) {
            if close > np.1 + 1 && resolve::looks_like_apposition(text, &toks[np.1 + 1..close]) {
                appos = Some(span_of(toks, (np.1 + 1, close)));
                np.1 = close;
            }
        }
    }
    let (content, frame) = if np.1 < n && matches!(toks[np.1].kind, Kind::Comma) && i <= 3 {
        (
            content_span(toks, np.1 + 1, n)?,
            Span::new(toks[0].span.start, toks[np.1].span.end),
        )
    } else if i > 0 && matches!(toks[i - 1].kind, Kind::Comma | Kind::Dash) {
        if words_in(toks, 0, i - 1) < 3 {
            return None;
        }
        (
            content_span(toks, 0, i - 1)?,
            Span::new(cue.start, toks[n - 1].span.end),
        )
    } else if np.1 < n && matches!(toks[np.1].kind, Kind::Comma) {
        (
            content_span(toks, np.1 + 1, n)?,
            Span::new(toks[0].span.start, toks[np.1].span.end),
        )
    } else {
        return None;
    };
    let content = vec![content];
    Some(Found {
        kind: kind_of(quotes, &content, text),
        content,
        source: Some(source),
        cue: Some(cue),
        appos,
        frame: vec![frame],
        unit: ui,
        speaker: None,
        medium: None,
    })
}

/// `"…" ― Jane Doe` and `Jane Doe …: "…"` with no speech verb.
fn dash_or_colon(
    text: &str,
    toks: &[Tok],
    quotes: &[Quote],
    ui: usize,
    unit: Span,
) -> Option<Found> {
    let n = toks.len();
    // "…" ― Name
    if let Some(q) = quotes
        .iter()
        .filter(|q| q.closed)
        .max_by_key(|q| q.span.end)
    {
        if let Some(d) = toks.iter().position(|t| t.span.start >= q.span.end) {
            if toks[d].kind == Kind::Dash && d + 1 < n && toks[d + 1].is_cap(text) {
                let np = right_np(text, toks, d + 1, n)?;
                if toks[np.1..]
                    .iter()
                    .all(|t| matches!(t.kind, Kind::End | Kind::Close | Kind::Comma))
                    && np.1 - np.0 <= 5
                {
                    let first = quotes
                        .iter()
                        .map(|q| q.span.start)
                        .min()
                        .unwrap_or(q.span.start);
                    let lead_words = toks
                        .iter()
                        .filter(|t| t.span.end <= first && t.kind == Kind::Word)
                        .count();
                    if lead_words == 0 {
                        let content: Vec<Span> = quotes.iter().map(|q| q.span).collect();
                        return Some(Found {
                            kind: QuoteKind::Direct,
                            content,
                            source: Some(span_of(toks, np)),
                            cue: Some(toks[d].span),
                            appos: None,
                            frame: vec![Span::new(q.span.end, unit.end)],
                            unit: ui,
                            speaker: None,
                            medium: None,
                        });
                    }
                }
            }
        }
    }
    // Name …: "…" (the quotation runs to the end of the unit)
    let colon = toks.iter().position(|t| t.kind == Kind::Colon)?;
    if colon + 1 >= n || toks[colon + 1].kind != Kind::Quote {
        return None;
    }
    let q = quotes
        .iter()
        .find(|q| q.span.start == toks[colon + 1].span.start)?;
    if toks
        .iter()
        .any(|t| t.span.start >= q.span.end && t.kind == Kind::Word)
    {
        return None;
    }
    let first = toks.first()?;
    let fw = lower(first, text);
    let np = if is_in(&["he", "she", "they", "we", "i"], &fw) {
        (0, 1)
    } else if first.is_cap(text)
        && !is_in(
            &[
                "the", "a", "an", "in", "on", "at", "but", "and", "this", "that", "it", "there",
                "here", "for", "to", "as", "when", "if",
            ],
            &fw,
        )
    {
        let mut e = 0;
        while e < colon && toks[e].is_cap(text) && e < 5 {
            e += 1;
        }
        (0, e.max(1))
    } else {
        return None;
    };
    if colon - np.1 > 20 {
        return None;
    }
    Some(Found {
        kind: QuoteKind::Direct,
        content: vec![q.span],
        source: Some(span_of(toks, np)),
        cue: Some(toks[colon].span),
        appos: None,
        frame: vec![Span::new(unit.start, q.span.start)],
        unit: ui,
        speaker: None,
        medium: None,
    })
}

/// Quotations no rule claimed: a unit that is mostly quotation continues the previous
/// attribution in its paragraph; a paragraph that opens with a quotation continues the
/// previous paragraph's quoting speaker when that paragraph ended quoting.
fn continuations(doc: &Doc<'_>, found: &mut Vec<Found>) {
    let text = doc.text;
    let claimed = |found: &[Found], q: &Quote| {
        found
            .iter()
            .any(|f| f.content.iter().any(|c| c.overlaps(q.span)))
    };
    let mut extra: Vec<(usize, Span)> = Vec::new(); // (index into found, piece)
    let mut new_found: Vec<Found> = Vec::new();
    // `found` and `new_found` are in unit order: look only at the units around this one,
    // so that the pass stays linear in the length of the document
    let window = |v: &[Found], ui: usize| -> (usize, usize) {
        (
            v.partition_point(|f| f.unit + 4 < ui),
            v.partition_point(|f| f.unit <= ui + 1),
        )
    };
    for (ui, unit) in doc.units.iter().enumerate() {
        let qs = doc.quotes_in(unit.span);
        for q in qs {
            let (lo, hi) = window(found, ui);
            let (nlo, nhi) = window(&new_found, ui);
            if claimed(&found[lo..hi], &q) || claimed(&new_found[nlo..nhi], &q) {
                continue;
            }
            let inner_words = q.inner().slice(text).split_whitespace().count();
            let unit_words = unit.span.slice(text).split_whitespace().count().max(1);
            let mostly = inner_words * 10 >= unit_words * 6;
            if !mostly || (inner_words < 4 && inner_words < unit_words) {
                continue;
            }
            // previous attribution with a quotation in this unit's paragraph or the one before
            let prev = found[lo..hi]
                .iter()
                .enumerate()
                .map(|(k, f)| (lo + k, f))
                .filter(|(_, f)| {
                    f.unit < ui || (f.unit == ui && f.content.iter().all(|c| c.end <= q.span.start))
                })
                .filter(|(_, f)| f.kind != QuoteKind::Indirect)
                .max_by_key(|(_, f)| f.content.iter().map(|c| c.end).max().unwrap_or(0));
            let Some((pi, pf)) = prev else {
                // a bare quote paragraph right after a sentence about a person:
                // "Maria Okafor addressed the crowd.\n\"Nobody goes back …\""
                if let Some(src) = previous_subject(doc, ui, q.span) {
                    new_found.push(Found {
                        content: vec![q.span],
                        source: Some(src),
                        cue: None,
                        kind: QuoteKind::Direct,
                        appos: None,
                        frame: Vec::new(),
                        unit: ui,
                        speaker: None,
                        medium: None,
                    });
                }
                continue;
            };
            let pf_unit = &doc.units[pf.unit];
            let same_para = pf_unit.para == unit.para;
            let adjacent_para = unit.para == pf_unit.para + 1 && q.span.start == unit.span.start;
            // nothing else attributed in between
            let between = found[lo..hi]
                .iter()
                .any(|f| f.unit > pf.unit && f.unit < ui)
                || new_found[nlo..nhi]
                    .iter()
                    .any(|f| f.unit > pf.unit && f.unit < ui);
            if between || ui > pf.unit + 3 {
                continue;
            }
            if same_para {
                extra.push((pi, q.span));
            } else if adjacent_para {
                let mut f = pf.clone();
                f.content = vec![q.span];
                f.cue = None;
                f.appos = None;
                f.frame = Vec::new();
                f.unit = ui;
                f.kind = QuoteKind::Direct;
                new_found.push(f);
            }
        }
    }
    for (pi, piece) in extra {
        found[pi].content.push(piece);
        found[pi].content.sort();
    }
    found.extend(new_found);
    found.sort_by_key(|f| f.content.first().map(|c| c.start).unwrap_or(0));
}
