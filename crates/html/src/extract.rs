//! Main-content selection and text emission with a text → HTML map.
//!
//! 1. Per-node statistics bottom-up (text length, link text, commas, `p`/`li`/`img` counts).
//! 2. Readability-style scoring: every paragraph-like block gives points to its
//!    ancestors; class/id and tag weights, link density; the best container wins, with
//!    its qualifying siblings. Readability's second look: when three of the five next
//!    best candidates score within 75 % and share an ancestor of the winner, that
//!    ancestor wins; so does a parent scoring higher. An explicit article-body container
//!    (`itemprop=articleBody`, `.entry-content`, …) is preferred when it holds most of
//!    that text. The lead paragraph (`p.lead`, `.standfirst`, `.subtitle` …) is put in
//!    front when it sits before the body, next to it or up to the enclosing `<article>`.
//! 3. Emission: the chosen subtrees are walked; furniture (navigation, share bars,
//!    captions, link lists, hidden parts, cookie banners, author boxes) is skipped (the
//!    lead inside a skipped article `<header>` is kept); each block becomes one line;
//!    furniture lines ("READ MORE: …", credits, newsletter prompts) are dropped; every
//!    output byte is mapped back to the source.

use crate::dom::{is_inline, Dom, Kind, NodeId};
use crate::patterns::{self, Patterns};
use crate::{Embed, MapSegment};
use dossier_core::Span;

/// Elements never read (scripts, media, forms, ruby readings …), as one `match`: this
/// runs for every element.
fn skip_always(name: &str) -> bool {
    matches!(
        name,
        "script"
            | "style"
            | "noscript"
            | "template"
            | "head"
            | "title"
            | "meta"
            | "link"
            | "svg"
            | "canvas"
            | "iframe"
            | "object"
            | "embed"
            | "video"
            | "audio"
            | "map"
            | "button"
            | "select"
            | "option"
            | "textarea"
            | "input"
            | "dialog"
            | "math"
            | "picture"
            | "source"
            | "rt"
            | "rp"
    )
}
/// Structural furniture skipped inside the content.
const SKIP_STRUCT: &[&str] = &[
    "nav",
    "aside",
    "footer",
    "figcaption",
    "form",
    "menu",
    "header",
];

/// Per-node statistics.
#[derive(Clone, Copy, Default, Debug)]
pub(crate) struct Stats {
    pub text: u32,
    pub link: u32,
    pub commas: u32,
    pub p: u32,
    pub li: u32,
    pub img: u32,
    pub input: u32,
    pub embed: u32,
    /// Text directly in this node (text children and inline children).
    pub direct: u32,
    /// An `<article>` or an `itemprop=articleBody` element is in this subtree.
    pub has_article: bool,
}

fn text_len(s: &str) -> (u32, u32) {
    let b = s.as_bytes();
    let (mut n, mut commas, mut ws) = (0u32, 0u32, true);
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        let (white, comma, len) = if c < 0x80 {
            (
                matches!(c, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c),
                c == b',',
                1,
            )
        } else {
            // `i` is always on a char boundary: it advances by whole characters
            let ch = s[i..].chars().next().unwrap_or(' ');
            (
                ch.is_whitespace(),
                matches!(ch, '，' | '、' | '،'),
                ch.len_utf8(),
            )
        };
        if white {
            if !ws {
                n += 1;
            }
            ws = true;
        } else {
            n += 1;
            ws = false;
            commas += u32::from(comma);
        }
        i += len;
    }
    (n, commas)
}

/// The medium of an embedded post, from its container's class and attributes.
pub(crate) fn embed_medium(dom: &Dom, id: NodeId) -> Option<&'static str> {
    let e = dom.element(id)?;
    let class = e.attr("class").unwrap_or("");
    if e.attr("data-telegram-post").is_some() {
        return Some("Telegram");
    }
    let c = class.to_ascii_lowercase();
    if c.contains("twitter-tweet") || c.contains("twitter-video") {
        Some("Twitter")
    } else if c.contains("instagram-media") {
        Some("Instagram")
    } else if c.contains("tiktok-embed") {
        Some("TikTok")
    } else if c.contains("telegram") || c.contains("tgme_widget") {
        Some("Telegram")
    } else if c.contains("fb-post") || c.contains("facebook-post") {
        Some("Facebook")
    } else if c.contains("bluesky-embed") {
        Some("Bluesky")
    } else if c.contains("mastodon-embed") {
        Some("Mastodon")
    } else {
        None
    }
}

/// Does the raw class or id attribute match `re`? An allocation-free pre-test for
/// [`class_id`] in loops over many elements.
fn attrs_may_match(dom: &Dom, id: NodeId, re: &regex::Regex) -> bool {
    dom.element(id).is_some_and(|e| {
        e.attr("class").is_some_and(|c| re.is_match(c))
            || e.attr("id").is_some_and(|i| re.is_match(i))
    })
}

fn class_id(dom: &Dom, id: NodeId) -> String {
    let Some(e) = dom.element(id) else {
        return String::new();
    };
    let mut s = String::new();
    if let Some(c) = e.attr("class") {
        // WordPress `post_class()` names the post's tags and categories: not furniture.
        let starts = |t: &str, p: &str| {
            t.len() >= p.len() && t.as_bytes()[..p.len()].eq_ignore_ascii_case(p.as_bytes())
        };
        for t in c.split_whitespace() {
            if starts(t, "tag-")
                || starts(t, "category-")
                || starts(t, "categories-")
                || starts(t, "format-")
            {
                continue;
            }
            s.push_str(t);
            s.push(' ');
        }
    }
    if let Some(i) = e.attr("id") {
        s.push(' ');
        s.push_str(i);
    }
    s
}

pub(crate) fn is_hidden(dom: &Dom, id: NodeId) -> bool {
    let Some(e) = dom.element(id) else {
        return false;
    };
    if e.attr("hidden").is_some() || e.attr("aria-hidden") == Some("true") {
        return true;
    }
    if let Some(st) = e.attr("style") {
        let st: String = st
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_ascii_lowercase();
        if st.contains("display:none") || st.contains("visibility:hidden") {
            return true;
        }
    }
    false
}

/// A grid wrapper named after the sidebar it leaves room for (`c-fixed-sidebar-layout`,
/// `with-sidebar`, `has-sidebar`): a layout, not a sidebar.
fn has_layout_token(ci: &str) -> bool {
    ci.split_whitespace().any(|t| {
        let t = t.to_ascii_lowercase();
        t.contains("layout") || t.starts_with("with-") || t.starts_with("has-")
    })
}

/// Statistics for every node, computed bottom-up.
pub(crate) fn stats(dom: &Dom) -> Vec<Stats> {
    let n = dom.nodes.len();
    let mut st = vec![Stats::default(); n];
    // Children always have larger ids than their parent.
    for id in (1..n).rev() {
        let node = &dom.nodes[id];
        let mut s = st[id];
        let mut inline = false;
        match &node.kind {
            Kind::Text(span) => {
                let (t, c) = text_len(span.slice(dom.src));
                s.text = t;
                s.commas = c;
                inline = true;
            }
            Kind::Element(e) => {
                let name = &*e.name;
                let skipped = skip_always(name);
                if skipped {
                    s = Stats::default();
                }
                if name == "article"
                    || e.attr("itemprop")
                        .is_some_and(|v| v.eq_ignore_ascii_case("articleBody"))
                {
                    s.has_article = true;
                }
                match name {
                    "a" => s.link = s.text,
                    "p" => s.p += 1,
                    "li" => s.li += 1,
                    "img" => s.img += 1,
                    "input" | "select" | "textarea" => s.input += 1,
                    "embed" | "iframe" | "object" | "video" => s.embed += 1,
                    _ => {}
                }
                inline = !skipped && is_inline(name);
            }
            Kind::Document => {}
        }
        st[id] = s;
        if let Some(p) = node.parent {
            let ps = &mut st[p];
            ps.text += s.text;
            ps.link += s.link;
            ps.commas += s.commas;
            ps.p += s.p;
            ps.li += s.li;
            ps.img += s.img;
            ps.input += s.input;
            ps.embed += s.embed;
            ps.has_article |= s.has_article;
            if inline {
                ps.direct += s.text;
            }
        }
    }
    st
}

fn link_density(s: &Stats) -> f32 {
    if s.text == 0 {
        0.0
    } else {
        (s.link as f32 / s.text as f32).min(1.0)
    }
}

fn class_weight(p: &Patterns, ci: &str) -> f32 {
    if ci.is_empty() {
        return 0.0;
    }
    let mut w = 0.0;
    if p.negative.is_match(ci) {
        w -= 25.0;
    }
    if p.positive.is_match(ci) {
        w += 25.0;
    }
    w
}

fn tag_weight(name: &str) -> f32 {
    match name {
        "div" | "article" | "main" | "section" => 5.0,
        "pre" | "td" | "blockquote" => 3.0,
        "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => -3.0,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5.0,
        _ => 0.0,
    }
}

/// The chosen content: one or more sibling subtrees, in document order.
pub(crate) fn choose_roots(dom: &Dom, st: &[Stats], strip_unlikely: bool) -> Vec<NodeId> {
    let pats = patterns::get();
    let n = dom.nodes.len();
    let mut score: Vec<f32> = vec![f32::NAN; n];
    let body = (0..n).find(|&i| dom.name(i) == "body").unwrap_or(0);

    // Walk, pruning subtrees that cannot hold the article.
    let mut stack = vec![body];
    while let Some(id) = stack.pop() {
        let Some(e) = dom.element(id) else {
            if id == 0 {
                stack.extend(dom.nodes[0].children.iter().rev());
            }
            continue;
        };
        let name = &*e.name;
        if skip_always(name) || is_hidden(dom, id) {
            continue;
        }
        if id != body && matches!(name, "nav" | "aside" | "footer") {
            continue;
        }
        let ci = class_id(dom, id);
        if strip_unlikely
            && id != body
            && !st[id].has_article
            && !ci.is_empty()
            && !matches!(
                name,
                "body" | "a" | "article" | "main" | "table" | "tbody" | "tr" | "td" | "th"
            )
            && ((pats.unlikely.is_match(&ci)
                && !pats.positive.is_match(&ci)
                && !has_layout_token(&ci))
                || (pats.boiler.is_match(&ci)
                    && !pats.body.is_match(&ci)
                    && !has_layout_token(&ci)))
            && embed_medium(dom, id).is_none()
            && st[id].text < st[body].text.saturating_mul(7) / 10
        {
            continue;
        }
        stack.extend(dom.nodes[id].children.iter().rev());

        let len = match name {
            "p" | "pre" | "td" | "blockquote" => st[id].text,
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "li" | "a" | "span" | "dt" | "th" => 0,
            _ if is_inline(name) => 0,
            _ => st[id].direct,
        };
        if len < 25 {
            continue;
        }
        let s = 1.0 + st[id].commas.min(len / 8) as f32 + (len as f32 / 100.0).min(3.0);
        let mut anc = dom.nodes[id].parent;
        let mut level = 0;
        while let Some(a) = anc {
            if level >= 5 || dom.element(a).is_none() {
                break;
            }
            if score[a].is_nan() {
                let an = dom.name(a);
                score[a] = tag_weight(an) + class_weight(pats, &class_id(dom, a));
            }
            let div = match level {
                0 => 1.0,
                1 => 2.0,
                l => l as f32 * 3.0,
            };
            score[a] += s / div;
            anc = dom.nodes[a].parent;
            level += 1;
        }
        // A text-bearing div is its own candidate too.
        if !matches!(name, "p" | "pre" | "td" | "blockquote") {
            if score[id].is_nan() {
                score[id] = tag_weight(name) + class_weight(pats, &ci);
            }
            score[id] += s;
        }
    }

    let mut top: Option<(NodeId, f32)> = None;
    for id in 0..n {
        if score[id].is_nan() {
            continue;
        }
        if embed_medium(dom, id).is_some() {
            // An embedded post is part of an article, never the article.
            score[id] = f32::NAN;
            continue;
        }
        let f = score[id] * (1.0 - link_density(&st[id]));
        score[id] = f;
        if top.is_none_or(|(_, b)| f > b) {
            top = Some((id, f));
        }
    }
    let Some((top, top_score)) = top else {
        return vec![body];
    };
    let (top, top_score) = better_ancestor(dom, st, &score, body, top, top_score);
    let mut top = top;
    static DEBUG: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    if *DEBUG.get_or_init(|| std::env::var_os("DOSSIER_DEBUG_SCORES").is_some()) {
        let mut v: Vec<(NodeId, f32)> = (0..n)
            .filter(|&i| !score[i].is_nan())
            .map(|i| (i, score[i]))
            .collect();
        v.sort_by(|a, b| b.1.total_cmp(&a.1));
        for (i, sc) in v.into_iter().take(12) {
            eprintln!(
                "score {sc:.1} {}.{} text={} ld={:.2}",
                dom.name(i),
                class_id(dom, i),
                st[i].text,
                link_density(&st[i])
            );
        }
    }

    // Prefer an explicit article-body container that holds most of the candidate's text.
    let mut best_body: Option<NodeId> = None;
    for id in 1..n {
        let Some(e) = dom.element(id) else { continue };
        if st[id].text < 200 || link_density(&st[id]) > 0.4 {
            continue;
        }
        let explicit = e
            .attr("itemprop")
            .is_some_and(|v| v.eq_ignore_ascii_case("articleBody"))
            || (!matches!(&*e.name, "body" | "html" | "a" | "span" | "li" | "ul" | "p")
                && pats.body.is_match(&class_id(dom, id)));
        if !explicit || st[id].text < 200 || link_density(&st[id]) > 0.4 {
            continue;
        }
        // schema.org's articleBody is the article by the page's own word
        let itemprop = e
            .attr("itemprop")
            .is_some_and(|v| v.eq_ignore_ascii_case("articleBody"));
        let related = dom.is_ancestor(id, top) || dom.is_ancestor(top, id);
        if !related {
            continue;
        }
        // Inside the top candidate: must hold most of its text. Around it: must not be
        // much larger (a page-wide "content" wrapper).
        let ok = if dom.is_ancestor(top, id) {
            st[id].text as f32 >= 0.6 * st[top].text as f32
        } else {
            (st[id].text as f32) <= 1.6 * st[top].text as f32 + 400.0
                || (itemprop && link_density(&st[id]) < 0.25)
        };
        if ok && best_body.is_none_or(|b| dom.is_ancestor(b, id)) {
            best_body = Some(id);
        }
    }
    if let Some(b) = best_body {
        return same_class_blocks(dom, st, b).unwrap_or_else(|| vec![b]);
    }

    // Go up while the parent holds nearly all of the text (wrapper divs).
    while let Some(p) = dom.nodes[top].parent {
        if p == 0 || p == body || dom.element(p).is_none() {
            break;
        }
        if dom.nodes[p]
            .children
            .iter()
            .filter(|&&c| dom.element(c).is_some())
            .count()
            == 1
        {
            top = p;
        } else {
            break;
        }
    }

    // An article split into columns of one class (`div.StoryBodyCompanionColumn` …):
    // start from the column, so that its siblings of the same class join below.
    let mut a = top;
    for _ in 0..2 {
        let Some(p) = dom.nodes[a].parent else { break };
        if p == 0 || p == body {
            break;
        }
        let class = dom.element(a).and_then(|e| e.attr("class")).unwrap_or("");
        if !class.is_empty()
            && dom.nodes[p].children.iter().any(|&c| {
                c != a
                    && dom.element(c).and_then(|e| e.attr("class")) == Some(class)
                    && st[c].text > 80
                    && link_density(&st[c]) < 0.3
            })
        {
            top = a;
            break;
        }
        a = p;
    }

    let mut a = top;
    for _ in 0..3 {
        if let Some(roots) = same_class_blocks(dom, st, a) {
            return roots;
        }
        match dom.nodes[a].parent {
            Some(p) if p != 0 && p != body => a = p,
            _ => break,
        }
    }

    // Siblings with enough score, or good plain paragraphs.
    let Some(parent) = dom.nodes[top].parent else {
        return vec![top];
    };
    let threshold = (top_score * 0.2).max(10.0);
    let top_class = dom.element(top).and_then(|e| e.attr("class")).unwrap_or("");
    let mut roots = Vec::new();
    for &sib in &dom.nodes[parent].children {
        if sib == top {
            roots.push(sib);
            continue;
        }
        let Some(e) = dom.element(sib) else { continue };
        if skip_always(&e.name) || SKIP_STRUCT.contains(&&*e.name) {
            continue;
        }
        let mut bonus = 0.0;
        if !top_class.is_empty() && e.attr("class") == Some(top_class) {
            bonus = top_score * 0.2;
        }
        let sc = if score[sib].is_nan() { 0.0 } else { score[sib] };
        let ld = link_density(&st[sib]);
        let l = st[sib].text;
        let text_ok = match &*e.name {
            "p" => {
                (l > 80 && ld < 0.25)
                    || (l > 0 && l <= 80 && ld == 0.0 && dom.text(sib).ends_with('.'))
            }
            "blockquote" => l > 0 && ld < 0.25,
            _ => embed_medium(dom, sib).is_some(),
        };
        if sc + bonus >= threshold || text_ok {
            roots.push(sib);
        }
    }
    roots
}

static LEAD: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();

/// class/id of a lead paragraph.
fn lead_pattern() -> &'static regex::Regex {
    LEAD.get_or_init(|| {
        regex::Regex::new(
            r"(?i)(?:^|[\s_-])(?:lead|leadtext|lede|intro|introtext|intro-text|perex|standfirst|summary|article-summary|abstract|excerpt|dek|deck|subline|sub-headline|subheadline|subtitle|sub-title|teaser-text|article-teaser|description|kicker-text|vorspann|chapeau|chapo|entradilla|bajada|sommario|occhiello)(?:$|[\s_-])",
        )
        .expect("static pattern")
    })
}

static NOT_LEAD: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();

/// class/id of what looks like a lead but is not: a picture's or an author's
/// description, a product card, a call to subscribe or donate.
fn not_lead_pattern() -> &'static regex::Regex {
    NOT_LEAD.get_or_init(|| {
        regex::Regex::new(r"(?i)image|img|photo|foto|bild|picture|caption|credit|media|video|gallery|author|autor|bio|product|card|(?:^|[\s_-])cta|abo|donat|spende|support")
            .expect("static pattern")
    })
}

/// Readability's second look at the winner: when several other candidates score
/// nearly as well (≥ 75 %, with 100 characters or more) and share an ancestor, the article is that ancestor (a body
/// cut into sections, each scored on its own, beaten by one small box with a good
/// class); and a parent that scores higher than the winner wins.
fn better_ancestor(
    dom: &Dom,
    st: &[Stats],
    score: &[f32],
    body: NodeId,
    top: NodeId,
    top_score: f32,
) -> (NodeId, f32) {
    if top_score <= 0.0 {
        return (top, top_score);
    }
    // the five best other candidates
    let mut alt: Vec<(NodeId, f32)> = Vec::with_capacity(6);
    for (i, &sc) in score.iter().enumerate() {
        if sc.is_nan() || i == top {
            continue;
        }
        if alt.len() < 5 || sc > alt[alt.len() - 1].1 {
            let at = alt.partition_point(|&(_, b)| b >= sc);
            alt.insert(at, (i, sc));
            alt.truncate(5);
        }
    }
    let close: Vec<NodeId> = alt
        .iter()
        .filter(|&&(i, sc)| sc / top_score >= 0.75 && st[i].text >= 100)
        .map(|&(i, _)| i)
        .collect();
    let up = |id: NodeId| dom.nodes[id].parent.filter(|&p| p != 0 && p != body);
    let mut top = top;
    if close.len() >= 3 {
        let mut p = up(top);
        while let Some(a) = p {
            let holding = close.iter().filter(|&&c| dom.is_ancestor(a, c)).count();
            if holding >= 3 {
                top = a;
                break;
            }
            p = up(a);
        }
    }
    // climb while the parent scores at least a third of the child; take it when higher
    let mut last = score[top];
    if last.is_nan() {
        return (top, top_score);
    }
    let threshold = last / 3.0;
    let mut p = up(top);
    while let Some(a) = p {
        let sc = score[a];
        if sc.is_nan() {
            p = up(a);
            continue;
        }
        if sc < threshold {
            break;
        }
        if sc > last {
            top = a;
            break;
        }
        last = sc;
        p = up(a);
    }
    let sc = if score[top].is_nan() {
        top_score
    } else {
        score[top].max(top_score)
    };
    (top, sc)
}

/// The lead paragraph ("standfirst", "perex", "intro", "subtitle") sits just before the
/// article body in a container of its own: put it in front of the roots. First among
/// the element siblings just before the first root and its parents (a header holding
/// h1 + p.lead); else further back inside the enclosing `<article>` ([`lead_in_article`]).
pub(crate) fn with_lead(dom: &Dom, st: &[Stats], mut roots: Vec<NodeId>) -> Vec<NodeId> {
    let lead = lead_pattern();
    let not_lead = not_lead_pattern();
    let Some(&first) = roots.first() else {
        return roots;
    };
    let mut at = first;
    for _ in 0..3 {
        let Some(parent) = dom.nodes[at].parent else {
            break;
        };
        let sibs = &dom.nodes[parent].children;
        let pos = sibs.iter().position(|&c| c == at).unwrap_or(0);
        let mut seen = 0;
        for &sib in sibs[..pos].iter().rev() {
            if dom.element(sib).is_none() {
                continue;
            }
            seen += 1;
            if seen > 3 {
                break;
            }
            // the sibling itself, or a lead inside it (a header holding h1 + p.lead)
            let is_lead = |x: NodeId| {
                if !attrs_may_match(dom, x, lead) {
                    return false;
                }
                let ci = class_id(dom, x);
                let s = &st[x];
                !ci.is_empty()
                    && lead.is_match(&ci)
                    && !not_lead.is_match(&ci)
                    && (30..1500).contains(&s.text)
                    && link_density(s) < 0.3
                    && !is_hidden(dom, x)
            };
            if attrs_may_match(dom, sib, not_lead) && not_lead.is_match(&class_id(dom, sib)) {
                continue;
            }
            if let Some(x) = std::iter::once(sib)
                .chain(dom.descendants(sib).take(40))
                .find(|&x| dom.element(x).is_some() && is_lead(x))
            {
                roots.insert(0, x);
                return roots;
            }
        }
        if parent == 0 || dom.name(parent) == "body" {
            break;
        }
        at = parent;
    }
    // a lead alone must not make a weak choice look like an article
    if roots.iter().map(|&r| st[r].text).sum::<u32>() < 500 {
        return roots;
    }
    if let Some(x) = lead_in_article(dom, st, first) {
        roots.insert(0, x);
    }
    roots
}

/// A block element classed as a lead (`p.lead`, `div.standfirst` …) with a lead's
/// length and few links, and not a picture's or an author's description, a call to
/// subscribe or boilerplate.
fn is_lead_block(dom: &Dom, st: &[Stats], x: NodeId) -> bool {
    let Some(e) = dom.element(x) else {
        return false;
    };
    let s = &st[x];
    if !(30..1500).contains(&s.text) || link_density(s) >= 0.3 {
        return false;
    }
    let lead = lead_pattern();
    if !attrs_may_match(dom, x, lead) {
        return false;
    }
    let ci = class_id(dom, x);
    !ci.is_empty()
        && !matches!(
            &*e.name,
            "a" | "span" | "li" | "ul" | "ol" | "img" | "figure"
        )
        && lead.is_match(&ci)
        && !not_lead_pattern().is_match(&ci)
        && !patterns::get().boiler.is_match(&ci)
}

/// A lead further from the body (`article > header > div > p.lead` next to
/// `article > div > div > div.body`): the closest lead-classed element between the
/// enclosing `<article>` (within six levels; else the ancestor four levels up) and
/// `first`. Ids are in document order, so these are exactly the elements that open
/// before `first` and do not hold it. Picture captions, author boxes, calls to
/// subscribe and anything inside navigation, a list or a link are not leads.
fn lead_in_article(dom: &Dom, st: &[Stats], first: NodeId) -> Option<NodeId> {
    let pats = patterns::get();
    let mut top = first;
    let mut chain = Vec::with_capacity(6);
    for _ in 0..6 {
        match dom.nodes[top].parent {
            Some(p) if p != 0 && !matches!(dom.name(p), "body" | "html") => top = p,
            _ => break,
        }
        chain.push(top);
        if dom.name(top) == "article" {
            break;
        }
    }
    if dom.name(top) != "article" {
        top = chain.get(3).or(chain.last()).copied()?;
    }
    let is_lead = |x: NodeId| is_lead_block(dom, st, x);
    let in_furniture = |x: NodeId| {
        let mut a = x;
        while a != top {
            if is_hidden(dom, a) {
                return true;
            }
            let n = dom.name(a);
            if matches!(
                n,
                "nav" | "aside" | "footer" | "figure" | "figcaption" | "li" | "a"
            ) {
                return true;
            }
            let ci = class_id(dom, a);
            if !ci.is_empty() && pats.boiler.is_match(&ci) && !pats.body.is_match(&ci) {
                return true;
            }
            match dom.nodes[a].parent {
                Some(p) => a = p,
                None => return true,
            }
        }
        false
    };
    let lo = (top + 1).max(first.saturating_sub(3000));
    (lo..first)
        .rev()
        .find(|&x| is_lead(x) && !dom.is_ancestor(x, first) && !in_furniture(x))
}

/// An article cut into blocks of one article-like class anywhere in the page
/// (`div.article-text` between pictures and ads): all of them, in page order.
fn same_class_blocks(dom: &Dom, st: &[Stats], top: NodeId) -> Option<Vec<NodeId>> {
    let pats = patterns::get();
    let class = dom.element(top).and_then(|e| e.attr("class")).unwrap_or("");
    if class.is_empty() || !pats.positive.is_match(class) || pats.negative.is_match(class) {
        return None;
    }
    let mut same: Vec<NodeId> = (1..dom.nodes.len())
        .filter(|&i| {
            i != top
                && dom.element(i).and_then(|e| e.attr("class")) == Some(class)
                && st[i].text > 80
                && link_density(&st[i]) < 0.3
                && !dom.is_ancestor(top, i)
                && !dom.is_ancestor(i, top)
        })
        .collect();
    if same.is_empty() {
        return None;
    }
    same.push(top);
    same.sort_unstable();
    let mut roots: Vec<NodeId> = Vec::new();
    for i in same {
        if !roots.iter().any(|&r| dom.is_ancestor(r, i)) {
            roots.push(i);
        }
    }
    Some(roots)
}

/// Builds the output text and its map.
pub(crate) struct Emitter<'d, 'a> {
    dom: &'d Dom<'a>,
    st: &'d [Stats],
    pats: &'static Patterns,
    pub text: String,
    pub map: Vec<MapSegment>,
    pub embeds: Vec<Embed>,
    /// Whitespace seen since the last character (its source span).
    pending_space: Option<Span>,
    /// A paragraph break is due before the next character.
    pending_break: bool,
    para_start: usize,
    para_map_start: usize,
    /// Where a dropped furniture line was also a heading that ends the article
    /// ("Related articles"): candidates for cutting the tail.
    pub tail_marks: Vec<usize>,
    /// Open `<table>`s (a "Comment" column header is no tail heading).
    table_depth: usize,
    /// Normalised title, to drop a heading that repeats it.
    title_key: String,
    /// Skip furniture by class/id and structure (off for the last-resort pass).
    pub strict: bool,
    /// Skip link lists, galleries and forms by their statistics.
    pub clean_conditionally: bool,
    /// Skip furniture by class/id (with `strict`; off for the whole-body pass, where
    /// a page-wide wrapper may carry a furniture-like class).
    pub by_class: bool,
}

impl<'d, 'a> Emitter<'d, 'a> {
    pub fn new(dom: &'d Dom<'a>, st: &'d [Stats], title: Option<&str>) -> Self {
        Emitter {
            dom,
            st,
            pats: patterns::get(),
            text: String::new(),
            map: Vec::new(),
            embeds: Vec::new(),
            pending_space: None,
            pending_break: false,
            para_start: 0,
            para_map_start: 0,
            tail_marks: Vec::new(),
            table_depth: 0,
            title_key: title.map(key).unwrap_or_default(),
            strict: true,
            clean_conditionally: true,
            by_class: true,
        }
    }

    /// Append `out`, which came from `html` (a copy when `verbatim`).
    fn seg_v(&mut self, out: &str, html: Span, verbatim: bool) {
        let ts = self.text.len();
        self.text.push_str(out);
        let text = Span::new(ts, self.text.len());
        if verbatim {
            if let Some(last) = self.map.last_mut() {
                // Extend a verbatim run.
                if last.verbatim && last.text.end == ts && last.html.end == html.start {
                    last.text.end = text.end;
                    last.html.end = html.end;
                    return;
                }
            }
        }
        self.map.push(MapSegment {
            text,
            html,
            verbatim,
        });
    }

    /// Append `out`, produced (not copied) from `html`.
    fn seg(&mut self, out: &str, html: Span) {
        self.seg_v(out, html, false);
    }

    fn before_char(&mut self, at: usize) {
        if self.pending_break {
            self.end_paragraph();
            if !self.text.is_empty() {
                self.seg("\n", Span::new(at, at));
            }
            self.pending_break = false;
            self.pending_space = None;
            self.para_start = self.text.len();
            self.para_map_start = self.map.len();
        } else if let Some(sp) = self.pending_space.take() {
            if self.text.len() > self.para_start {
                self.seg(" ", sp);
            }
        }
    }

    /// Drop the paragraph just written when it is a furniture line.
    fn end_paragraph(&mut self) {
        let p = &self.text[self.para_start..];
        let drop = !p.is_empty() && p.len() < 320 && self.pats.furniture_line.is_match(p.trim());
        if drop
            && self.table_depth == 0
            && p.len() < 60
            && self.pats.tail_heading.is_match(p.trim())
        {
            self.tail_marks.push(self.para_start);
        }
        if drop {
            self.text.truncate(self.para_start);
            self.map.truncate(self.para_map_start);
            // A segment may straddle the paragraph start (a merged verbatim run).
            if let Some(last) = self.map.last_mut() {
                if last.text.end > self.para_start {
                    let cut = last.text.end - self.para_start;
                    last.text.end -= cut;
                    if last.verbatim {
                        last.html.end -= cut;
                    }
                }
            }
            // Remove the "\n" that introduced it.
            if self.text.ends_with('\n') {
                self.text.pop();
                if let Some(last) = self.map.last_mut() {
                    if last.text.end > self.text.len() {
                        last.text.end = self.text.len();
                        if last.text.is_empty() {
                            self.map.pop();
                        }
                    }
                }
            }
            self.para_start = self.text.len();
            self.para_map_start = self.map.len();
        }
    }

    fn brk(&mut self) {
        if self.text.len() > self.para_start || !self.text.is_empty() {
            self.pending_break = true;
        }
        self.pending_space = None;
    }

    fn push_raw(&mut self, raw: Span, pre: bool) {
        let src = self.dom.src;
        let s = raw.slice(src);
        let b = s.as_bytes();
        let mut i = 0;
        let mut run_start: Option<usize> = None; // verbatim run start (relative)
        macro_rules! flush {
            ($end:expr) => {
                if let Some(rs) = run_start.take() {
                    let h = Span::new(raw.start + rs, raw.start + $end);
                    self.seg_v(&s[rs..$end], h, true);
                }
            };
        }
        while i < b.len() {
            let c = b[i];
            if c == b'&' {
                if let Some((ch, n)) = crate::entities::decode_at(&s[i..]) {
                    flush!(i);
                    let h = Span::new(raw.start + i, raw.start + i + n);
                    if ch.is_whitespace() && !(pre && ch == '\n') {
                        self.pending_space = Some(self.pending_space.map_or(h, |p| p.cover(h)));
                    } else if !matches!(ch, '\u{AD}' | '\u{200B}' | '\u{FEFF}') {
                        self.before_char(raw.start + i);
                        let mut buf = [0u8; 4];
                        self.seg(ch.encode_utf8(&mut buf), h);
                    }
                    i += n;
                    continue;
                }
            }
            let ch_len = utf8_len(c);
            let ch = s[i..].chars().next().unwrap_or(' ');
            if ch.is_whitespace() || ch.is_control() {
                flush!(i);
                if pre && ch == '\n' {
                    self.brk();
                } else {
                    let h = Span::new(raw.start + i, raw.start + i + ch_len);
                    self.pending_space = Some(self.pending_space.map_or(h, |p| p.cover(h)));
                }
            } else if matches!(ch, '\u{AD}' | '\u{200B}' | '\u{FEFF}') {
                flush!(i);
            } else {
                if run_start.is_none() {
                    if self.pending_break || self.pending_space.is_some() {
                        self.before_char(raw.start + i);
                    }
                    run_start = Some(i);
                }
            }
            i += ch_len;
        }
        flush!(b.len());
    }

    /// Should this element (not a root) be skipped?
    fn skip(&self, id: NodeId, name: &str) -> bool {
        if skip_always(name) || is_hidden(self.dom, id) {
            return true;
        }
        if !self.strict {
            return false;
        }
        if embed_medium(self.dom, id).is_some() {
            return false;
        }
        if SKIP_STRUCT.contains(&name) {
            // A header holding real paragraphs is part of the article.
            return !(name == "header" && self.st[id].p >= 2 && self.st[id].text > 400);
        }
        let ci = class_id(self.dom, id);
        if self.by_class
            && !ci.is_empty()
            && !matches!(name, "article" | "main" | "body")
            && self.pats.boiler.is_match(&ci)
            && !self.pats.body.is_match(&ci)
            && !has_layout_token(&ci)
        {
            return true;
        }
        let s = &self.st[id];
        let ld = link_density(s);
        if !self.clean_conditionally {
            return false;
        }
        let own = s.text.saturating_sub(s.link);
        match name {
            "div" | "section" | "ul" | "ol" | "table" | "dl" | "center" | "span" | "figure" => {
                if s.text == 0 {
                    return false;
                }
                let weight = class_weight(self.pats, &ci);
                if (weight < 25.0 && ld > 0.33 && own < 300) || (ld > 0.6 && own < 600) {
                    return true;
                }
                if matches!(name, "ul" | "ol") {
                    return false;
                }
                if s.img > 1 && (s.p as f32) < (s.img as f32) / 2.0 && s.text < 200 {
                    return true;
                }
                if s.input > 0 && s.input > s.p / 3 + 1 {
                    return true;
                }
                if s.li > 5 && s.li > s.p * 2 && ld > 0.2 && name != "table" {
                    return true;
                }
                false
            }
            "p" | "li" | "dd" => ld > 0.7 && s.text < 200,
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                !self.title_key.is_empty() && key(&self.dom.text(id)) == self.title_key
            }
            _ => false,
        }
    }

    /// A lead paragraph (`p.lead`, `p.abstract`, `div.standfirst` …) in a header.
    fn header_lead(&self, header: NodeId) -> Option<NodeId> {
        let (dom, st) = (self.dom, self.st);
        dom.descendants(header)
            .take(80)
            .find(|&x| is_lead_block(dom, st, x) && !is_hidden(dom, x))
    }

    /// Emit a subtree. `root` nodes are never skipped by class.
    pub fn emit(&mut self, id: NodeId, root: bool, pre: bool) {
        let dom = self.dom;
        match &dom.nodes[id].kind {
            Kind::Text(span) => self.push_raw(*span, pre),
            Kind::Document => {
                for &c in &dom.nodes[id].children {
                    self.emit(c, false, pre);
                }
            }
            Kind::Element(e) => {
                let name = &*e.name;
                if !root && self.skip(id, name) {
                    // the article's own header: headline, byline and date are furniture,
                    // its standfirst is article text
                    if name == "header" && self.strict && !is_hidden(dom, id) {
                        if let Some(l) = self.header_lead(id) {
                            self.emit(l, true, pre);
                        }
                    }
                    return;
                }
                if name == "br" || name == "hr" {
                    self.brk();
                    return;
                }
                let block = !is_inline(name);
                if block {
                    self.brk();
                }
                let medium = if name == "blockquote" || name == "div" {
                    embed_medium(dom, id)
                } else {
                    None
                };
                let start = self.text.len();
                if name == "q" {
                    self.before_char(e.tag.start);
                    self.seg("“", Span::new(e.tag.start, e.tag.end));
                }
                let pre = pre || name == "pre";
                let table = name == "table";
                self.table_depth += usize::from(table);
                for &c in &dom.nodes[id].children {
                    self.emit(c, false, pre);
                }
                self.table_depth -= usize::from(table);
                if name == "q" {
                    let at = self.map.last().map_or(e.tag.end, |m| m.html.end);
                    self.seg("”", Span::new(at, at));
                }
                if block {
                    self.brk();
                }
                if let Some(m) = medium {
                    let s =
                        start + self.text[start..].len() - self.text[start..].trim_start().len();
                    if self.text.len() > s {
                        self.embeds.push(Embed {
                            span: Span::new(s, self.text.len()),
                            medium: m,
                        });
                    }
                }
            }
        }
    }

    /// Close the last paragraph.
    pub fn finish(&mut self) {
        self.end_paragraph();
        // Embeds may point past a dropped trailing paragraph.
        let len = self.text.len();
        self.embeds.retain(|e| e.span.end <= len);
    }
}

fn utf8_len(b: u8) -> usize {
    match b {
        0..=0x7F => 1,
        0xC0..=0xDF => 2,
        0xE0..=0xEF => 3,
        0xF0..=0xFF => 4,
        _ => 1,
    }
}

/// Case- and whitespace-insensitive key for comparing short strings.
pub(crate) fn key(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Compile this module's lazily built patterns now (see [`crate::Extractor::new`]).
pub(crate) fn warm() {
    let _ = (lead_pattern(), not_lead_pattern());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn buttons_do_not_count_as_form_inputs() {
        // share and support buttons sit in article bodies; only form fields make a form
        let dom = Dom::parse(
            "<div><button>Share</button><button>Tweet</button><input type=text><select></select></div>",
        );
        let st = stats(&dom);
        let div = (0..dom.nodes.len())
            .find(|&i| dom.name(i) == "div")
            .unwrap();
        assert_eq!(st[div].input, 2);
    }
}
