//! Title, author and publication date from `<meta>`, JSON-LD, microdata, `<time>`, the
//! URL and visible bylines.

use crate::date;
use crate::dom::{collapse_ws, Dom, NodeId};
use crate::entities::decode_str;
use dossier_core::Date;
use serde_json::Value;

mod author;
pub(crate) use author::clean_author;
use author::{
    author_names, author_names_orig, byline_text, dated_byline, is_login_or_body, is_person_name,
    signature_name, NOT_NAME,
};

/// Where the publication date came from (most reliable first).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateSource {
    /// JSON-LD `datePublished` / `dateCreated`.
    JsonLd,
    /// A `<meta>` tag (`article:published_time`, `pubdate`, `DC.date`…) or microdata.
    Meta,
    /// A full date in the URL path.
    Url,
    /// A `<time datetime>` element.
    Time,
    /// A date-like element (`.date`, `.published`, `.byline`…) or the page text.
    Text,
    /// A modification date (`article:modified_time`, `dateModified`), the last resort.
    Modified,
}

impl DateSource {
    /// Short lower-case name, for diagnostics.
    pub fn as_str(&self) -> &'static str {
        match self {
            DateSource::JsonLd => "json-ld",
            DateSource::Meta => "meta",
            DateSource::Url => "url",
            DateSource::Time => "time",
            DateSource::Text => "text",
            DateSource::Modified => "modified",
        }
    }
}

/// Metadata gathered from the whole page.
#[derive(Default, Debug)]
pub(crate) struct Meta {
    pub title: Option<String>,
    pub author: Option<String>,
    pub published: Option<(Date, DateSource)>,
    pub site_name: Option<String>,
}

const PUBLISHED_META: &[&str] = &[
    "article:published_time",
    "og:article:published_time",
    "og:published_time",
    "article.published",
    "published_time",
    "published-date",
    "publishdate",
    "publish-date",
    "publish_date",
    "pubdate",
    "pub_date",
    "datepublished",
    "date_published",
    "dc.date.issued",
    "dc.date.created",
    "dcterms.created",
    "dcterms.issued",
    "dc.date",
    "dcterms.date",
    "dc.created",
    "date",
    "sailthru.date",
    "parsely-pub-date",
    "originalpublicationdate",
    "article_date_original",
    "original-publish-date",
    "cxenseparse:recs:publishtime",
    "citation_publication_date",
    "citation_date",
    "prism.publicationdate",
    "og:pubdate",
    "rnews:datepublished",
    "displaydate",
    "dc.date.published",
    "publication_date",
    "release_date",
    "article:post_date",
    "bt:pubdate",
    "ga-publish-datetime",
    "vr:published_time",
    "analyticsattributes.articledate",
    "created",
    "creation_date",
    "dateposted",
    "date-posted",
    "postdate",
    "post_date",
    "timestamp",
    "live_date",
    "shareaholic:article_published_time",
    "datecreated",
    "og:updated_time_original",
];
const MODIFIED_META: &[&str] = &[
    "article:modified_time",
    "og:updated_time",
    "og:article:modified_time",
    "datemodified",
    "dc.date.modified",
    "dcterms.modified",
    "last-modified",
    "lastmod",
    "modified",
    "revised",
    "dateupdated",
    "date_modified",
    "updated_time",
];

/// "Jane Doe, CNN", "unocero - Jane Doe": the site's own name beside the author's.
fn strip_site_from_author(a: &str, sites: &SiteNames) -> String {
    for sep in [", ", " - ", " – ", " | ", " / "] {
        if let Some((head, tail)) = a.rsplit_once(sep) {
            if sites.is(tail) && !head.trim().is_empty() {
                return head.trim().to_string();
            }
        }
        if let Some((head, tail)) = a.split_once(sep) {
            if sites.is(head) && !tail.trim().is_empty() {
                return tail.trim().to_string();
            }
        }
    }
    // "Jane Doe PhillyVoice" (after "Staff" went)
    if let Some((head, tail)) = a.rsplit_once(' ') {
        if head.split_whitespace().count() >= 2 && sites.is(tail) {
            return head.to_string();
        }
    }
    a.to_string()
}

/// The names from a JSON-LD `author` value.
fn ld_names(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::String(s) => out.push(s.clone()),
        Value::Array(a) => a.iter().for_each(|x| ld_names(x, out)),
        Value::Object(o) => {
            let t = o.get("@type").and_then(|t| t.as_str()).unwrap_or("Person");
            if t.eq_ignore_ascii_case("Organization")
                || t.eq_ignore_ascii_case("NewsMediaOrganization")
            {
                return;
            }
            if let Some(Value::String(n)) = o.get("name") {
                out.push(n.clone());
            } else if let (Some(Value::String(g)), Some(Value::String(f))) =
                (o.get("givenName"), o.get("familyName"))
            {
                out.push(format!("{g} {f}"));
            }
        }
        _ => {}
    }
}

#[derive(Default)]
struct LdFound {
    headline: Option<String>,
    published: Option<String>,
    modified: Option<String>,
    /// `datePublished` of a node of another type (`HowTo`, `Event`, `VideoObject` …):
    /// a late fallback.
    other_published: Option<String>,
    authors: Vec<String>,
    /// `"author": {"@id": …}` references, resolved against `persons` at the end.
    author_refs: Vec<String>,
    /// `Person` nodes of a `@graph`: (`@id`, name).
    persons: Vec<(String, String)>,
}

fn is_article_type(o: &serde_json::Map<String, Value>) -> bool {
    let t = match o.get("@type") {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Array(a)) => a
            .iter()
            .filter_map(|x| x.as_str())
            .collect::<Vec<_>>()
            .join(" "),
        _ => return false,
    };
    let t = t.to_ascii_lowercase();
    t.contains("article")
        || t.contains("posting")
        || t.contains("report")
        || t.contains("webpage")
        || t.contains("blog")
        || t.contains("creativework")
        || t.contains("review")
        || t.contains("recipe")
}

fn ld_walk(v: &Value, f: &mut LdFound, depth: usize) {
    if depth > 8 {
        return;
    }
    match v {
        Value::Array(a) => a.iter().for_each(|x| ld_walk(x, f, depth + 1)),
        Value::Object(o) => {
            if let Some(g) = o.get("@graph") {
                ld_walk(g, f, depth + 1);
            }
            if is_article_type(o) {
                let webpage = matches!(o.get("@type"), Some(Value::String(s)) if s.eq_ignore_ascii_case("WebPage"));
                if f.published.is_none() || !webpage {
                    if let Some(Value::String(d)) = o.get("datePublished").or(o.get("dateCreated"))
                    {
                        if f.published.is_none() || !webpage {
                            f.published.get_or_insert_with(|| d.clone());
                        }
                    }
                }
                if let Some(Value::String(d)) = o.get("dateModified") {
                    f.modified.get_or_insert_with(|| d.clone());
                }
                if !webpage {
                    if let Some(Value::String(h)) = o.get("headline") {
                        f.headline.get_or_insert_with(|| h.clone());
                    }
                }
                if f.authors.is_empty() {
                    if let Some(a) = o.get("author").or(o.get("creator")) {
                        ld_names(a, &mut f.authors);
                        let refs = match a {
                            Value::Array(v) => v.iter().collect::<Vec<_>>(),
                            other => vec![other],
                        };
                        for r in refs {
                            if let (Some(Value::String(id)), None) = (r.get("@id"), r.get("name")) {
                                f.author_refs.push(id.clone());
                            }
                        }
                    }
                }
            }
            if f.other_published.is_none() && o.contains_key("@type") {
                if let Some(Value::String(d)) = o.get("datePublished") {
                    f.other_published = Some(d.clone());
                }
            }
            let person = match o.get("@type") {
                Some(Value::String(t)) => t == "Person",
                Some(Value::Array(a)) => a.iter().any(|t| t.as_str() == Some("Person")),
                _ => false,
            };
            if person {
                if let (Some(Value::String(id)), Some(Value::String(name))) =
                    (o.get("@id"), o.get("name"))
                {
                    f.persons.push((id.clone(), name.clone()));
                }
            }
            if let Some(m) = o.get("mainEntity").or(o.get("mainEntityOfPage")) {
                if m.is_object() {
                    ld_walk(m, f, depth + 1);
                }
            }
        }
        _ => {}
    }
}

fn attr_lc(dom: &Dom, id: NodeId, name: &str) -> Option<String> {
    dom.element(id)?
        .attr(name)
        .map(|v| v.trim().to_ascii_lowercase())
}

/// Letters and digits only, lower-cased: "Petri-Heil.ch" -> "petriheilch".
fn alnum_key(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The names a page's site goes by: `og:site_name`, and the URL's host with and
/// without its top-level domain ("www.petri-heil.ch" -> "petri-heil.ch", "petri-heil").
#[derive(Default)]
struct SiteNames {
    keys: Vec<String>,
}

impl SiteNames {
    fn new(site: Option<&str>, url: Option<&str>) -> Self {
        let mut keys = Vec::new();
        if let Some(s) = site {
            keys.push(crate::extract::key(s));
        }
        let host = url
            .and_then(|u| u.split("://").nth(1))
            .and_then(|r| r.split(['/', '?', '#', ':']).next())
            .map(|h| h.trim_start_matches("www.").to_ascii_lowercase())
            .filter(|h| h.contains('.'));
        if let Some(h) = host {
            let labels: Vec<&str> = h.split('.').collect();
            keys.push(alnum_key(&h));
            if labels.len() >= 2 {
                // the name before the top-level domain (and a second level like "co.uk")
                let sld = labels[labels.len() - 2];
                let name = if labels.len() >= 3
                    && matches!(
                        sld,
                        "co" | "com" | "org" | "net" | "ac" | "gov" | "edu" | "or" | "ne"
                    ) {
                    labels[labels.len() - 3]
                } else {
                    labels[labels.len() - 2]
                };
                if name.len() >= 3 {
                    keys.push(alnum_key(name));
                }
            }
        }
        keys.retain(|k| !k.is_empty());
        SiteNames { keys }
    }

    /// Is this author the site's name, maybe with an article or a suffix ("Die FURCHE",
    /// "LAOLA1.at", "Krimiblog-Archiv")?
    fn like(&self, a: &str) -> bool {
        let k = alnum_key(a);
        !k.is_empty()
            && self.keys.iter().map(|s| alnum_key(s)).any(|s| {
                s.len() >= 4
                    && (k.starts_with(s.as_str())
                            // "Die FURCHE", "OÖ Volksblatt", not "Daniel Lemire" on lemire.me
                            || (k.ends_with(s.as_str()) && k.len() - s.len() <= 3))
            })
    }

    /// Is this title segment the site's name?
    fn is(&self, seg: &str) -> bool {
        let k = crate::extract::key(seg);
        let a = alnum_key(seg);
        !a.is_empty() && self.keys.iter().any(|s| *s == k || *s == a)
    }
}

/// Split "Headline | Site" and keep the headline part.
fn strip_site(title: &str, site: &SiteNames) -> String {
    let t = collapse_ws(title);
    for sep in [" | ", " - ", " – ", " — ", " :: ", " · ", " » ", " // "] {
        if let Some(pos) = t.rfind(sep) {
            let (head, tail) = (&t[..pos], &t[pos + sep.len()..]);
            let tail_is_site = site.is(tail)
                || (tail.split_whitespace().count() <= 4 && head.split_whitespace().count() >= 3);
            if tail_is_site && !head.trim().is_empty() {
                return strip_site(head, site);
            }
            // "Site | Headline"
            if let Some(pos) = t.find(sep) {
                let (head, tail) = (&t[..pos], &t[pos + sep.len()..]);
                if site.is(head) && !tail.trim().is_empty() {
                    return strip_site(tail, site);
                }
            }
        }
    }
    t
}

/// The parts of a `<title>` split at site-name separators (" | ", " - ", " : " …).
fn title_segments(t: &str) -> Vec<&str> {
    let mut segs = vec![t];
    for sep in [
        " | ", " - ", " – ", " — ", " :: ", " · ", " » ", " // ", " : ", " _ ",
    ] {
        segs = segs.iter().flat_map(|s| s.split(sep)).collect();
    }
    segs.into_iter()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect()
}

/// Does `outer` end with the words of `inner` (ignoring case and punctuation)?
fn contains_words(outer: &str, inner: &str) -> bool {
    let w = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    let (o, i) = (w(outer), w(inner));
    // a kicker before the headline: the inner words end the outer
    !i.is_empty() && i.len() < o.len() && o.ends_with(&i)
}

/// Word-set similarity of two short strings (Dice coefficient over lower-cased words
/// without punctuation).
fn dice(a: &str, b: &str) -> f32 {
    fn words(s: &str) -> Vec<String> {
        let mut v: Vec<String> = s
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect();
        v.sort();
        v.dedup();
        v
    }
    let (a, b) = (words(a), words(b));
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let common = a.iter().filter(|w| b.binary_search(w).is_ok()).count();
    2.0 * common as f32 / (a.len() + b.len()) as f32
}

/// A publication date in a script's JSON state (not JSON-LD): the key, then an ISO date.
fn script_date_re() -> &'static regex::Regex {
    static RE: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    RE.get_or_init(|| {
        regex::Regex::new(
            r#"\\?"(?:datePublished|published_at|publishedAt|publishDate|publishedDate|publish_date|date_published|pubDate|firstPublishedAt|first_published_at)\\?"\s*:\s*\\?"([0-9]{4}-[0-9]{2}-[0-9]{2}[0-9T:.+Z-]*)"#,
        )
        .expect("static pattern")
    })
}

/// An author's name in a script's page state or data layer.
fn script_author_re() -> &'static regex::Regex {
    static RE: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    RE.get_or_init(|| {
        regex::Regex::new(
            r#"["'](?:[A-Za-z]+_)?(?:[Aa]uthor|authorName|author_name|postedBy|byline)["']\s*\]?\s*[:=]\s*["']([^"'\\<>{}]{3,60})["']"#,
        )
        .expect("static pattern")
    })
}

/// The text of a headline without its kicker (`<span class="kicker">Corona</span>`,
/// "Dachzeile", "overline", "eyebrow" …), which pages put inside the `<h1>`.
fn headline_text(dom: &Dom, id: NodeId) -> String {
    fn is_kicker(dom: &Dom, c: NodeId) -> bool {
        dom.element(c).is_some_and(|e| {
            let ci = format!(
                "{} {}",
                e.attr("class").unwrap_or(""),
                e.attr("id").unwrap_or("")
            )
            .to_ascii_lowercase();
            [
                "kicker",
                "dachzeile",
                "topline",
                "overline",
                "roofline",
                "eyebrow",
                "supertitle",
                "spitzmarke",
                "headline-intro",
                "pretitle",
                "pre-title",
                "superheadline",
            ]
            .iter()
            .any(|k| ci.contains(k))
        })
    }
    // screen-reader-only separators between kicker and headline ("<span
    // class="visually-hidden">: </span>"), never seen by the reader
    fn is_hidden(dom: &Dom, c: NodeId) -> bool {
        dom.element(c).is_some_and(|e| {
            let ci = e.attr("class").unwrap_or("").to_ascii_lowercase();
            ci.split_whitespace().any(|t| {
                t == "hidden"
                    || [
                        "visually-hidden",
                        "visuallyhidden",
                        "sr-only",
                        "screen-reader",
                        "aural",
                        "invisible",
                    ]
                    .iter()
                    .any(|k| t.contains(k))
            }) || e.attr("aria-hidden").is_some_and(|v| v.trim() == "true")
        })
    }
    fn walk(dom: &Dom, id: NodeId, depth: usize, found: &mut bool, out: &mut String) {
        for &c in &dom.nodes[id].children {
            if depth < 3 && is_hidden(dom, c) {
                *found = true;
                // a hidden separator ("<span aria-hidden>–</span>") after a kicker
                // without a kicker class: the words before it are the kicker
                let sep = dom.text(c);
                if depth == 0
                    && !out.trim().is_empty()
                    && !sep.trim().is_empty()
                    && sep.trim().chars().all(|ch| !ch.is_alphanumeric())
                {
                    out.clear();
                }
                out.push(' ');
                continue;
            }
            if depth < 3 && is_kicker(dom, c) {
                *found = true;
                out.push(' ');
                continue;
            }
            if depth < 3 && dom.element(c).is_some() {
                out.push(' ');
                walk(dom, c, depth + 1, found, out);
                out.push(' ');
            } else {
                out.push_str(&dom.text(c));
            }
        }
    }
    let mut found = false;
    let mut out = String::new();
    walk(dom, id, 0, &mut found, &mut out);
    let t = collapse_ws(&out);
    // what a removed kicker leaves: ": Headline", "Headline |"
    let t = t
        .trim_matches(|c: char| c.is_whitespace() || matches!(c, ':' | '|' | '-' | '–' | '—' | '·'))
        .to_string();
    if found && !t.is_empty() {
        t
    } else {
        dom.text(id)
    }
}

/// Gather title, author, date and site name.
#[allow(clippy::collapsible_match)]
pub(crate) fn gather(dom: &Dom, url: Option<&str>) -> Meta {
    let mut m = Meta::default();
    let mut ld = LdFound::default();
    let mut meta_title: Option<String> = None;
    let mut og_title: Option<String> = None;
    let mut meta_author: Option<String> = None;
    let mut meta_pub: Option<(usize, Date)> = None;
    let mut meta_mod: Option<Date> = None;
    let mut doc_title: Option<String> = None;
    let mut h1s: Vec<String> = Vec::new();
    let mut time_pub: Option<Date> = None;
    let mut time_first: Option<Date> = None;
    let mut itemprop_author: Option<String> = None;
    let mut rel_author: Option<String> = None;
    let mut class_author: Option<String> = None;
    let mut class_date: Option<Date> = None;
    // `twitter:label1` = "Written by", `twitter:data1` = the name
    let mut tw_author_label: Option<String> = None;
    let mut tw_author: Option<String> = None;
    let mut text_byline: Option<String> = None;
    let mut class_author2: Option<String> = None;
    let mut ci_buf = String::new();
    let mut c_buf = String::new();
    let mut script_pub: Option<Date> = None;
    let mut description: Option<String> = None;
    let mut script_author: Option<String> = None;
    // "11.12.2019 - Jane Doe", "Jane Doe, 01.12.2021": a name beside a date, kept when
    // the date is the article's own
    let mut dated: Vec<(String, Date)> = Vec::new();
    // the last paragraph that is only a name in bold or italics
    let mut signature: Option<(NodeId, String)> = None;
    // the last "Quelle: …" line
    let mut source_credit: Option<String> = None;
    // "02/10/2020" is 2 October everywhere but in US English (or an untagged page)
    let day_first = (0..dom.nodes.len().min(50))
        .find(|&i| dom.name(i) == "html")
        .and_then(|i| attr_lc(dom, i, "lang").or_else(|| attr_lc(dom, i, "xml:lang")))
        .is_some_and(|l| {
            !l.is_empty() && l != "en" && !l.starts_with("en-us") && !l.starts_with("en_us")
        });

    for id in 1..dom.nodes.len() {
        let Some(e) = dom.element(id) else { continue };
        match &*e.name {
            "meta" => {
                let key = e
                    .attr("property")
                    .or(e.attr("name"))
                    .or(e.attr("itemprop"))
                    .or(e.attr("http-equiv"))
                    .unwrap_or("")
                    .trim()
                    .to_ascii_lowercase();
                let Some(content) = e.attr("content").or(e.attr("datetime")) else {
                    continue;
                };
                let content = content.trim();
                if content.is_empty() {
                    continue;
                }
                match key.as_str() {
                    "og:title" => {
                        og_title.get_or_insert_with(|| content.to_string());
                    }
                    "twitter:title" | "title" | "dc.title" | "dcterms.title" | "parsely-title"
                    | "sailthru.title" => {
                        meta_title.get_or_insert_with(|| content.to_string());
                    }
                    "description" | "og:description" => {
                        description.get_or_insert_with(|| content.to_string());
                    }
                    "og:site_name" | "application-name" => {
                        m.site_name.get_or_insert_with(|| content.to_string());
                    }
                    "author" | "article:author" | "dc.creator" | "dcterms.creator"
                    | "parsely-author" | "sailthru.author" | "byl" | "citation_author"
                    | "twitter:creator" => {
                        if key == "twitter:creator" && content.starts_with('@') {
                            continue;
                        }
                        if meta_author.is_none() {
                            meta_author = clean_author(content);
                        }
                    }
                    k if k.starts_with("twitter:label") => {
                        let l = content.to_lowercase();
                        if [
                            "written by",
                            "geschrieben von",
                            "verfasst von",
                            "author",
                            "autor",
                            "écrit par",
                            "escrito por",
                            "scritto da",
                        ]
                        .iter()
                        .any(|p| l.starts_with(p))
                        {
                            tw_author_label = Some(k["twitter:label".len()..].to_string());
                        }
                    }
                    k if k.starts_with("twitter:data") => {
                        if tw_author.is_none()
                            && tw_author_label.as_deref() == Some(&k["twitter:data".len()..])
                        {
                            tw_author = clean_author(content);
                        }
                    }
                    k => {
                        if let Some(rank) = PUBLISHED_META.iter().position(|p| *p == k) {
                            if meta_pub.is_none_or(|(r, _)| rank < r) {
                                if let Some(d) = date::parse(content) {
                                    meta_pub = Some((rank, d));
                                }
                            }
                        } else if MODIFIED_META.contains(&k) && meta_mod.is_none() {
                            meta_mod = date::parse(content);
                        }
                    }
                }
            }
            "script" => {
                if attr_lc(dom, id, "type").is_some_and(|t| t.contains("ld+json")) {
                    let raw = dom.raw_text(id).trim();
                    let raw = raw
                        .trim_start_matches("<!--")
                        .trim_end_matches("-->")
                        .trim();
                    let v = serde_json::from_str::<Value>(raw).ok().or_else(|| {
                        // raw line breaks inside strings (an `articleBody` pasted as is)
                        raw.contains(['\n', '\r', '\t'])
                            .then(|| raw.replace(['\n', '\r', '\t'], " "))
                            .and_then(|r| serde_json::from_str::<Value>(&r).ok())
                    });
                    if let Some(v) = v {
                        ld_walk(&v, &mut ld, 0);
                    }
                } else {
                    // a page's own state as JSON (`"publishedAt": "2022-01-31T…"`)
                    let raw = dom.raw_text(id);
                    if script_pub.is_none() {
                        if let Some(c) = script_date_re().captures(raw) {
                            script_pub = date::parse(&c[1]);
                        }
                    }
                    // … or a data layer (`'author': 'Jane Doe'`, `"postedBy":"Jane Doe"`)
                    if script_author.is_none() {
                        script_author = script_author_re()
                            .captures_iter(raw)
                            .take(3)
                            .filter_map(|c| clean_author(&c[1]))
                            .find(|a| {
                                a.contains(' ')
                                    && a.split_whitespace().count() <= 4
                                    && a.split_whitespace()
                                        .all(|w| w.chars().next().is_some_and(char::is_uppercase))
                            });
                    }
                }
            }
            "title" => {
                if doc_title.is_none() {
                    let t = collapse_ws(&decode_str(dom.raw_text(id)));
                    if !t.is_empty() {
                        doc_title = Some(t);
                    }
                }
            }
            "h1" => {
                let t = headline_text(dom, id);
                if !t.is_empty() && h1s.len() < 5 {
                    h1s.push(t);
                }
            }
            "time" => {
                let d = e
                    .attr("datetime")
                    .and_then(date::parse)
                    .or_else(|| date::parse(&dom.text(id)));
                if let Some(d) = d {
                    let pubish = e.attr("pubdate").is_some()
                        || attr_lc(dom, id, "itemprop")
                            .is_some_and(|v| v.contains("datepublished"))
                        || attr_lc(dom, id, "class").is_some_and(|v| {
                            v.contains("publish")
                                || v.contains("entry-date")
                                || v.contains("post-date")
                        });
                    if pubish && time_pub.is_none() && !in_comment(dom, id) {
                        time_pub = Some(d);
                    }
                    if time_first.is_none() && !in_comment(dom, id) {
                        time_first = Some(d);
                    }
                }
            }
            "link" | "a" => {
                if rel_author.is_none()
                    && attr_lc(dom, id, "rel")
                        .is_some_and(|r| r.split_whitespace().any(|x| x == "author"))
                    && e.name.as_ref() == "a"
                {
                    rel_author = clean_author(&dom.text(id));
                }
            }
            _ => {}
        }
        if let Some(ip) = attr_lc(dom, id, "itemprop") {
            if ip == "datepublished" && e.name.as_ref() != "meta" && meta_pub.is_none() {
                let d = e
                    .attr("content")
                    .or(e.attr("datetime"))
                    .and_then(date::parse)
                    .or_else(|| date::parse(&dom.text(id)));
                if let Some(d) = d {
                    meta_pub = Some((PUBLISHED_META.len(), d));
                }
            }
            if ip == "author" && itemprop_author.is_none() && e.name.as_ref() != "meta" {
                // The name inside, or the whole text.
                let name = dom
                    .descendants(id)
                    .find(|&c| attr_lc(dom, c, "itemprop").as_deref() == Some("name"))
                    .map(|c| {
                        dom.element(c)
                            .and_then(|x| x.attr("content"))
                            .map(str::to_string)
                            .unwrap_or_else(|| dom.text(c))
                    })
                    .unwrap_or_else(|| dom.text(id));
                itemprop_author = clean_author(&name);
            }
        }
        if text_byline.is_none()
            && matches!(
                &*e.name,
                "p" | "span"
                    | "div"
                    | "em"
                    | "i"
                    | "strong"
                    | "b"
                    | "small"
                    | "address"
                    | "h4"
                    | "h5"
                    | "h6"
                    | "li"
                    | "dt"
                    | "label"
                    | "byline"
            )
        {
            if let Some(name) = byline_text(dom, id) {
                if !in_comment(dom, id) {
                    text_byline = Some(name);
                }
            }
        }
        if &*e.name == "p" {
            if let Some(name) = signature_name(dom, id) {
                if !in_comment(dom, id) {
                    signature = Some((id, name));
                }
            }
        }
        // "Quelle: dpa" at the end of a story: the agency it came from
        if matches!(&*e.name, "p" | "em" | "i" | "small" | "span" | "div") {
            if let Some(crate::dom::Kind::Text(s)) =
                dom.nodes[id].children.first().map(|&c| &dom.nodes[c].kind)
            {
                let f = s.slice(dom.src).trim_start();
                if f.len() > 8
                    && f.get(..7)
                        .is_some_and(|p| p.eq_ignore_ascii_case("quelle:"))
                {
                    let t = dom.text(id);
                    if t.len() < 60 && !in_comment(dom, id) {
                        if let Some(a) = t.get(7..).and_then(clean_author) {
                            source_credit = Some(a);
                        }
                    }
                }
            }
        }
        if dated.len() < 4
            && matches!(
                &*e.name,
                "p" | "span"
                    | "div"
                    | "small"
                    | "em"
                    | "i"
                    | "li"
                    | "time"
                    | "address"
                    | "h4"
                    | "h5"
                    | "h6"
            )
        {
            if let Some(c) = dated_byline(dom, id, day_first) {
                if !in_comment(dom, id) {
                    dated.push(c);
                }
            }
        }
        if class_author2.is_none()
            && class_author.is_none()
            && (e.attr("class").is_some() || e.attr("id").is_some())
        {
            // one buffer for the whole page, no allocation per element
            ci_buf.clear();
            ci_buf.push_str(e.attr("class").unwrap_or(""));
            ci_buf.push(' ');
            ci_buf.push_str(e.attr("id").unwrap_or(""));
            ci_buf.make_ascii_lowercase();
            let ci = ci_buf.as_str();
            if ci.len() > 1
                && ci.split(|c: char| c.is_whitespace()).any(|t| {
                    (t.contains("author")
                        || t.contains("autor")
                        || t.contains("byline")
                        || t.contains("verfasser"))
                        && ![
                            "avatar", "img", "image", "photo", "pic", "date", "time", "bio",
                            "desc", "about", "box", "social", "follow", "more", "list", "comment",
                            "wrap", "info", "meta",
                        ]
                        .iter()
                        .any(|x| t.contains(x))
                })
                && !in_comment(dom, id)
            {
                let t = dom.text(id);
                if t.len() < 60
                    && t.split_whitespace().count() <= 5
                    && t.chars().next().is_some_and(char::is_uppercase)
                {
                    class_author2 = clean_author(&t);
                }
            }
        }
        if let Some(c) = e.attr("class") {
            c_buf.clear();
            c_buf.push_str(c);
            c_buf.make_ascii_lowercase();
            let c = c_buf.as_str();
            if class_author.is_none()
                && (c.split_whitespace().any(|t| {
                    matches!(
                        t,
                        "author"
                            | "byline"
                            | "author-name"
                            | "byline__author"
                            | "article-author"
                            | "post-author"
                            | "entry-author"
                            | "autor"
                            | "author__name"
                            | "byline-author"
                            | "vcard"
                            | "fn"
                    )
                }))
                && dom.text(id).len() < 80
                && !in_comment(dom, id)
            {
                class_author = clean_author(&dom.text(id));
            }
            if class_date.is_none()
                && !matches!(&*e.name, "body" | "html" | "article" | "main")
                && (c.contains("date")
                    || c.contains("publish")
                    || c.contains("posted")
                    || c.contains("byline")
                    || c.contains("dateline")
                    || c.contains("meta")
                    || c.contains("time"))
                && !c.contains("update")
                && !in_comment(dom, id)
            {
                let t = dom.text(id);
                if t.len() < 200 {
                    class_date = date::parse_text_in(&t, day_first);
                }
            }
        }
    }

    // Title.
    let site = m.site_name.clone();
    let sites = SiteNames::new(site.as_deref(), url);
    let h1_match = |cand: &str| {
        h1s.iter()
            .any(|h| crate::extract::key(h) == crate::extract::key(cand))
    };
    // The visible headline wins when it is the same story as the metadata's title
    // (sites shorten or re-word og:title; the h1 is what the reader sees). An h1 that
    // is the site's name (a blog's logo) is never the title.
    let site_seg = |h: &str| {
        let k = crate::extract::key(h);
        site.as_deref().is_some_and(|s| crate::extract::key(s) == k)
            || doc_title.as_deref().is_some_and(|t| {
                let segs = title_segments(t);
                segs.len() > 1
                    && segs.iter().any(|s| crate::extract::key(s) == k)
                    && dice(h, t) < 0.5
            })
    };
    let refs: Vec<&str> = [
        og_title.as_deref(),
        ld.headline.as_deref(),
        doc_title.as_deref(),
    ]
    .into_iter()
    .flatten()
    .collect();
    let best_h1 = h1s
        .iter()
        .filter(|h| h.len() < 400 && !site_seg(h))
        .map(|h| {
            let sim = refs.iter().map(|r| dice(h, r)).fold(0.0f32, f32::max);
            (h, sim)
        })
        .filter(|(_, sim)| *sim >= 0.5)
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(h, _)| {
            // an h1 that holds a kicker, a date or the site name around the metadata's
            // title ("Tunesien Große Aufgaben …"): the metadata's title is the headline
            refs.iter()
                .map(|r| strip_site(r, &sites))
                .filter(|r| r.split_whitespace().count() >= 2 && r.len() < h.len())
                .find(|r| contains_words(h, r))
                .unwrap_or_else(|| h.clone())
        });
    // a blog's <title>: "Post title | Blog name" with the blog name as the only h1
    let site_h1 = h1s.iter().find(|h| site_seg(h));
    let title_without_site = site_h1.and_then(|sh| {
        let t = doc_title.as_deref()?;
        let segs = title_segments(t);
        let k = crate::extract::key(sh);
        let at = segs.iter().position(|s| crate::extract::key(s) == k)?;
        if at > 0 {
            Some(segs[..at].join(" - "))
        } else {
            segs[1..]
                .iter()
                .max_by_key(|s| s.len())
                .map(|s| s.to_string())
        }
    });
    let title = best_h1
        .or_else(|| ld.headline.clone().filter(|h| h1_match(h)))
        .or_else(|| {
            og_title
                .clone()
                .map(|t| strip_site(&t, &sites))
                .filter(|t| h1_match(t))
        })
        .or_else(|| {
            // An h1 that the <title> starts with or contains.
            let dt = doc_title
                .as_deref()
                .map(crate::extract::key)
                .unwrap_or_default();
            h1s.iter()
                .find(|h| !dt.is_empty() && dt.contains(&crate::extract::key(h)) && !site_seg(h))
                .cloned()
        })
        .or_else(|| og_title.clone().map(|t| strip_site(&t, &sites)))
        .or(ld.headline.clone())
        .or_else(|| meta_title.clone().map(|t| strip_site(&t, &sites)))
        .or(title_without_site)
        .or_else(|| {
            if h1s.len() == 1 && !site_seg(&h1s[0]) {
                Some(h1s[0].clone())
            } else {
                None
            }
        })
        .or_else(|| doc_title.as_deref().map(|t| strip_site(t, &sites)));
    m.title = title
        .map(|t| collapse_ws(&decode_str(&t)))
        .filter(|t| !t.is_empty());

    // Author: people, not sites.
    if ld.authors.is_empty() {
        for r in &ld.author_refs {
            if let Some((_, name)) = ld.persons.iter().find(|(id, _)| id == r) {
                ld.authors.push(name.clone());
            }
        }
    }
    let mut ld_auth: Vec<String> = ld.authors.iter().filter_map(|a| clean_author(a)).collect();
    ld_auth.dedup();
    let site_key = site.as_deref().map(crate::extract::key);
    let not_site = |a: &String| site_key.as_deref() != Some(crate::extract::key(a).as_str());
    let visible_byline = text_byline.clone();
    // (name, the site's own name?)
    let candidates: Vec<(String, bool)> = [
        (!ld_auth.is_empty()).then(|| ld_auth.join("; ")),
        meta_author,
        itemprop_author,
        rel_author,
        class_author,
        class_author2,
        tw_author,
        text_byline,
        script_author,
    ]
    .into_iter()
    .flatten()
    .map(|a| {
        let s = strip_site_from_author(&a, &sites);
        let site_like = !not_site(&a) || sites.like(&a) || !not_site(&s) || sites.like(&s);
        (s, site_like)
    })
    .collect();
    // a login ("jane.doe", "admin2"), an association's or the site's own name only when
    // no source has a person's name
    let mut pick = candidates
        .iter()
        .find(|(a, site)| !is_login_or_body(a) && !site)
        .or_else(|| candidates.iter().find(|(_, site)| !site))
        .or(candidates.first())
        .cloned();
    if let Some((p, false)) = pick.clone() {
        let names = author_names(&p);
        // the byline as written ("Jane Doe und Max Roe") over the metadata's list
        if names.len() > 1 {
            if let Some(v) = &visible_byline {
                if author_names(v) == names {
                    pick = Some((v.clone(), false));
                }
            }
        }
        // one of several authors: the source that names them all
        if let Some((all, _)) = candidates.iter().find(|(c, site)| {
            let cn = author_names(c);
            !site
                && cn.len() > names.len()
                && cn.len() <= 6
                && names.iter().all(|n| cn.contains(n))
                && author_names_orig(c)
                    .iter()
                    .all(|n| names.contains(&n.to_lowercase()) || is_person_name(n))
        }) {
            pick = Some((all.clone(), false));
        }
        // a first name alone ("Stefanus") when another source has the full name
        if !p.contains(' ') {
            let first = p.to_lowercase();
            if let Some((full, _)) = candidates.iter().find(|(c, _)| {
                let mut w = c.split_whitespace();
                w.next().is_some_and(|f| f.to_lowercase() == first)
                    && (2..=3).contains(&c.split_whitespace().count())
                    && c.split_whitespace().skip(1).all(|x| {
                        x.chars().next().is_some_and(char::is_uppercase)
                            && (x.chars().count() >= 3 || x.ends_with('.'))
                            && !NOT_NAME.contains(&x)
                    })
            }) {
                pick = Some((full.clone(), false));
            }
        }
    }
    // only the site's own name or a login so far: weaker signs of a person may follow
    let weak_pick = pick
        .as_ref()
        .is_none_or(|(a, site)| *site || is_login_or_body(a));
    m.author = pick.map(|(a, _)| a);

    // Date, in htmldate's order of trust.
    let url_date = url.and_then(date::from_url);
    let modified = ld
        .modified
        .as_deref()
        .and_then(date::parse)
        .or(meta_mod)
        .map(|d| (d, DateSource::Modified));
    m.published = url_date
        .map(|d| (d, DateSource::Url))
        // htmldate's order: the header's meta tags, then JSON-LD (they differ mostly by
        // time zone, and the meta tags more often give the local date)
        .or(meta_pub.map(|(_, d)| (d, DateSource::Meta)))
        .or(ld
            .published
            .as_deref()
            .and_then(date::parse)
            .map(|d| (d, DateSource::JsonLd)))
        .or(time_pub.map(|d| (d, DateSource::Time)))
        .or(time_first.map(|d| (d, DateSource::Time)))
        .or(class_date.map(|d| (d, DateSource::Text)))
        .or(script_pub.map(|d| (d, DateSource::JsonLd)))
        .or(ld
            .other_published
            .as_deref()
            .and_then(date::parse)
            .map(|d| (d, DateSource::JsonLd)))
        .or(modified)
        .or_else(|| {
            // Last resort: the first date written in the page text.
            let body = (0..dom.nodes.len()).find(|&i| dom.name(i) == "body")?;
            let mut t = dom.text(body);
            if t.len() > 200_000 {
                let mut cut = 200_000;
                while !t.is_char_boundary(cut) {
                    cut -= 1;
                }
                t.truncate(cut);
            }
            cued_date(&t, day_first)
                .or_else(|| date::parse_text_in(&t, day_first))
                .map(|d| (d, DateSource::Text))
        })
        // a teaser that names its date ("News of 14 January 2020: …")
        .or_else(|| {
            description
                .as_deref()
                .and_then(|d| date::parse_text_in(d, day_first))
                .map(|d| (d, DateSource::Text))
        });
    if weak_pick {
        let dated = m.published.and_then(|(pubd, _)| {
            dated
                .into_iter()
                .find(|(_, d)| *d == pubd)
                .map(|(a, _)| a)
                .filter(|a| not_site(a) && !sites.like(a))
        });
        // a name alone in the article's last paragraph, set in bold or italics
        let signed = signature.filter(|&(id, _)| {
            let Some(parent) = dom.nodes[id].parent else {
                return false;
            };
            let sibs = &dom.nodes[parent].children;
            sibs.iter()
                .position(|&c| c == id)
                .is_some_and(|at| sibs[at + 1..].iter().all(|&c| dom.text(c).is_empty()))
        });
        if let Some(a) = dated.or(signed.map(|(_, a)| a)).or(source_credit) {
            m.author = Some(a);
        }
    }
    m
}

/// A date right after a publication cue in the page text ("Erstellt am: 30.01.2022",
/// "Published on March 3, 2021", "publié le 3 janvier 2020"): sidebars and teaser
/// lists before the article carry dates too, but without the cue.
fn cued_date(t: &str, day_first: bool) -> Option<Date> {
    const CUES: [&str; 14] = [
        "published",
        "posted on",
        "veröffentlicht",
        "erstellt am",
        "erschienen am",
        "publiziert am",
        "datum:",
        "date:",
        "publié le",
        "publicado el",
        "pubblicato il",
        "gepubliceerd",
        "first published",
        "publication date",
    ];
    let lower = t.to_lowercase();
    // lower-casing can change byte offsets; only use it where lengths agree
    if lower.len() != t.len() {
        return None;
    }
    let mut best: Option<(usize, Date)> = None;
    for cue in CUES {
        for (at, _) in lower.match_indices(cue).take(3) {
            if best.is_some_and(|(p, _)| p < at) {
                break;
            }
            let start = at + cue.len();
            let mut end = (start + 48).min(t.len());
            while !t.is_char_boundary(end) {
                end -= 1;
            }
            if let Some(d) = date::parse_text_in(&t[start..end], day_first) {
                best = Some((at, d));
                break;
            }
        }
    }
    best.map(|(_, d)| d)
}

fn in_comment(dom: &Dom, mut id: NodeId) -> bool {
    fn has(hay: &str, needle: &[u8]) -> bool {
        hay.as_bytes()
            .windows(needle.len())
            .any(|w| w.eq_ignore_ascii_case(needle))
    }
    let pats = crate::patterns::get();
    while let Some(p) = dom.nodes[id].parent {
        if let Some(e) = dom.element(p) {
            if matches!(&*e.name, "aside" | "footer") {
                return true;
            }
            let class = e.attr("class").unwrap_or("");
            let eid = e.attr("id").unwrap_or("");
            if has(class, b"comment") || has(eid, b"comment") {
                return true;
            }
            if (class.contains("related") || eid.contains("related"))
                && pats.boiler.is_match(&format!("{class} {eid}"))
            {
                return true;
            }
        }
        id = p;
    }
    false
}

/// Compile this module's lazily built patterns now (see [`crate::Extractor::new`]).
pub(crate) fn warm() {
    let _ = (script_date_re(), script_author_re());
    author::warm();
}
