//! A small, forgiving HTML parser that keeps byte offsets.
//!
//! Spec parsers (html5ever) do not report where a text node came from; the extractor
//! needs that for its text → HTML map, so this module tokenises the page itself and
//! builds a light tree with the tree-construction rules that matter for text
//! extraction: void elements, raw-text elements, implied end tags (`p`, `li`, `dt`/`dd`,
//! `tr`/`td`, `option`) and "special" elements that stop a stray inline end tag.
//! It never fails: any byte sequence gives some tree.

use dossier_core::Span;

/// Index of a node in [`Dom::nodes`].
pub(crate) type NodeId = usize;

/// What a node is.
#[derive(Debug)]
pub(crate) enum Kind {
    /// The root.
    Document,
    /// An element with its start tag's attributes.
    Element(Element),
    /// Raw text: a byte range of the source, character references not yet decoded.
    Text(Span),
}

/// An element.
#[derive(Debug)]
pub(crate) struct Element {
    /// Lower-case tag name.
    pub name: Name,
    /// Attributes, names lower-case, values decoded.
    pub attrs: Vec<(&'static str, String)>,
    /// The start tag in the source.
    pub tag: Span,
}

impl Element {
    /// Attribute value by (lower-case) name.
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// A node of the tree.
#[derive(Debug)]
pub(crate) struct Node {
    pub kind: Kind,
    pub parent: Option<NodeId>,
    pub children: Vec<NodeId>,
}

/// A parsed page.
#[derive(Debug)]
pub(crate) struct Dom<'a> {
    /// The source text every span points into.
    pub src: &'a str,
    /// All nodes; 0 is the document.
    pub nodes: Vec<Node>,
}

const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr", "keygen", "basefont", "bgsound", "frame", "image",
];
const RAW: &[&str] = &[
    "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript",
    "template",
];
/// Elements that stop a stray inline end tag (a subset of the spec's "special" category).
const SPECIAL: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "center",
    "dd",
    "details",
    "dir",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "html",
    "li",
    "main",
    "menu",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "ul",
    "caption",
];
/// Start tags that close an open `p`.
const CLOSES_P: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "center",
    "details",
    "dialog",
    "dir",
    "div",
    "dl",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "main",
    "menu",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "ul",
    "li",
    "dd",
    "dt",
];

/// Deepest element nesting kept; deeper start tags become leaves.
const MAX_DEPTH: usize = 400;

pub(crate) fn is_void(name: &str) -> bool {
    VOID.contains(&name)
}

fn is_special(name: &str) -> bool {
    SPECIAL.contains(&name)
}

impl<'a> Dom<'a> {
    /// Parse `src`. Never fails.
    pub fn parse(src: &'a str) -> Dom<'a> {
        let mut b = Builder {
            dom: Dom {
                src,
                nodes: Vec::with_capacity(src.len() / 40 + 8),
            },
            stack: vec![0],
        };
        b.dom.nodes.push(Node {
            kind: Kind::Document,
            parent: None,
            children: Vec::new(),
        });
        b.run();
        b.dom
    }

    /// The element data of a node, if it is an element.
    pub fn element(&self, id: NodeId) -> Option<&Element> {
        match &self.nodes[id].kind {
            Kind::Element(e) => Some(e),
            _ => None,
        }
    }

    /// Tag name of a node ("" for text and the document).
    pub fn name(&self, id: NodeId) -> &str {
        self.element(id).map(|e| &*e.name).unwrap_or("")
    }

    /// All descendants of `id` in document order (not including `id`).
    pub fn descendants(&self, id: NodeId) -> Descendants<'_, 'a> {
        Descendants {
            dom: self,
            stack: self.nodes[id].children.iter().rev().copied().collect(),
        }
    }

    /// Decoded, whitespace-collapsed text of a subtree (scripts and styles skipped).
    pub fn text(&self, id: NodeId) -> String {
        let mut out = String::new();
        self.text_into(id, &mut out);
        collapse_ws(&out)
    }

    fn text_into(&self, id: NodeId, out: &mut String) {
        match &self.nodes[id].kind {
            Kind::Text(s) => out.push_str(&crate::entities::decode_str(s.slice(self.src))),
            Kind::Element(e)
                if matches!(&*e.name, "script" | "style" | "template" | "rt" | "rp") => {}
            Kind::Element(e) => {
                let block = !is_inline(&e.name);
                if block {
                    out.push(' ');
                }
                for &c in &self.nodes[id].children {
                    self.text_into(c, out);
                }
                if block {
                    out.push(' ');
                }
            }
            Kind::Document => {
                for &c in &self.nodes[id].children {
                    self.text_into(c, out);
                }
            }
        }
    }

    /// Raw text of a raw-text element (script, style, title…), undecoded.
    pub fn raw_text(&self, id: NodeId) -> &'a str {
        match self.nodes[id]
            .children
            .first()
            .map(|&c| &self.nodes[c].kind)
        {
            Some(Kind::Text(s)) => s.slice(self.src),
            _ => "",
        }
    }

    /// True when `anc` is `id` or one of its ancestors.
    pub fn is_ancestor(&self, anc: NodeId, mut id: NodeId) -> bool {
        loop {
            if id == anc {
                return true;
            }
            match self.nodes[id].parent {
                Some(p) => id = p,
                None => return false,
            }
        }
    }
}

/// Inline (phrasing) elements: no paragraph break around them.
pub(crate) fn is_inline(name: &str) -> bool {
    matches!(
        name,
        "a" | "abbr"
            | "b"
            | "bdi"
            | "bdo"
            | "cite"
            | "code"
            | "data"
            | "dfn"
            | "em"
            | "font"
            | "i"
            | "kbd"
            | "mark"
            | "q"
            | "s"
            | "samp"
            | "small"
            | "span"
            | "strike"
            | "strong"
            | "sub"
            | "sup"
            | "time"
            | "tt"
            | "u"
            | "var"
            | "label"
            | "big"
            | "nobr"
            | "ins"
            | "del"
            | "img"
            | "wbr"
            | "acronym"
            | "o:p"
            | "ruby"
            | "rb"
            | "rt"
            | "rp"
    )
}

/// Collapse runs of whitespace to one space and trim.
pub(crate) fn collapse_ws(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// Depth-first iterator over a subtree.
pub(crate) struct Descendants<'d, 'a> {
    dom: &'d Dom<'a>,
    stack: Vec<NodeId>,
}

impl Iterator for Descendants<'_, '_> {
    type Item = NodeId;
    fn next(&mut self) -> Option<NodeId> {
        let id = self.stack.pop()?;
        self.stack
            .extend(self.dom.nodes[id].children.iter().rev().copied());
        Some(id)
    }
}

struct Builder<'a> {
    dom: Dom<'a>,
    stack: Vec<NodeId>,
}

impl<'a> Builder<'a> {
    fn top(&self) -> NodeId {
        *self.stack.last().unwrap_or(&0)
    }

    fn push_node(&mut self, kind: Kind) -> NodeId {
        let id = self.dom.nodes.len();
        let parent = self.top();
        self.dom.nodes.push(Node {
            kind,
            parent: Some(parent),
            children: Vec::new(),
        });
        self.dom.nodes[parent].children.push(id);
        id
    }

    fn text(&mut self, start: usize, end: usize) {
        if start >= end {
            return;
        }
        // Merge with a preceding adjacent text node (happens after a dropped comment).
        let top = self.top();
        if let Some(&last) = self.dom.nodes[top].children.last() {
            if let Kind::Text(s) = &mut self.dom.nodes[last].kind {
                if s.end == start {
                    s.end = end;
                    return;
                }
            }
        }
        self.push_node(Kind::Text(Span::new(start, end)));
    }

    fn open_names(&self) -> impl Iterator<Item = (usize, &str)> + '_ {
        self.stack
            .iter()
            .enumerate()
            .rev()
            .map(|(i, &id)| (i, self.dom.name(id)))
    }

    /// Index in the stack of the nearest open `name`, not looking past `stop` elements.
    fn find_open(&self, name: &str, stop: &[&str]) -> Option<usize> {
        for (i, n) in self.open_names() {
            if n == name {
                return Some(i);
            }
            if stop.contains(&n) {
                return None;
            }
        }
        None
    }

    fn start_tag(&mut self, name: Name, attrs: Vec<(&'static str, String)>, tag: Span) -> bool {
        let n: &str = &name;
        if matches!(n, "html" | "head" | "body") {
            // Only one of each; later ones merge into nothing.
            if self
                .dom
                .nodes
                .iter()
                .any(|x| matches!(&x.kind, Kind::Element(e) if *e.name == *n))
            {
                return false;
            }
        }
        // content in the head (no `</head>`, no `<body>`): the head has ended
        if !matches!(
            n,
            "meta"
                | "link"
                | "title"
                | "style"
                | "script"
                | "base"
                | "noscript"
                | "template"
                | "head"
                | "html"
        ) {
            if let Some(i) = (1..self.stack.len())
                .rev()
                .find(|&i| self.dom.name(self.stack[i]) == "head")
            {
                self.stack.truncate(i);
            }
        }
        if CLOSES_P.contains(&n) {
            if let Some(i) = self.find_open(
                "p",
                &["button", "table", "td", "th", "blockquote", "div", "li"],
            ) {
                self.stack.truncate(i);
            }
        }
        match n {
            "li" => {
                if let Some(i) = self.find_open("li", &["ul", "ol", "menu", "table", "div"]) {
                    self.stack.truncate(i);
                }
            }
            "dt" | "dd" => {
                let a = self.find_open("dt", &["dl", "div", "table"]);
                let b = self.find_open("dd", &["dl", "div", "table"]);
                if let Some(i) = a.max(b) {
                    self.stack.truncate(i);
                }
            }
            "tr" => {
                if let Some(i) = self.find_open("tr", &["table"]) {
                    self.stack.truncate(i);
                }
            }
            "td" | "th" => {
                let a = self.find_open("td", &["tr", "table"]);
                let b = self.find_open("th", &["tr", "table"]);
                if let Some(i) = a.max(b) {
                    self.stack.truncate(i);
                }
            }
            "tbody" | "thead" | "tfoot" => {
                for t in ["tbody", "thead", "tfoot"] {
                    if let Some(i) = self.find_open(t, &["table"]) {
                        self.stack.truncate(i);
                    }
                }
            }
            "option" => {
                if let Some(i) = self.find_open("option", &["select"]) {
                    self.stack.truncate(i);
                }
            }
            "a" => {
                // Nested links are not allowed; the new one closes the old one.
                if let Some(i) = self.find_open("a", SPECIAL) {
                    self.stack.truncate(i);
                }
            }
            _ => {}
        }
        // Bound the depth so every recursive walk is bounded too.
        let void = is_void(n) || self.stack.len() > MAX_DEPTH;
        let id = self.push_node(Kind::Element(Element { name, attrs, tag }));
        if !void {
            self.stack.push(id);
        }
        !void
    }

    fn end_tag(&mut self, name: &str) {
        if name == "br" {
            self.push_node(Kind::Element(Element {
                name: "br".into(),
                attrs: Vec::new(),
                tag: Span::default(),
            }));
            return;
        }
        if name == "head" {
            // `</head>`: what follows is the page, even without a `<body>` tag
            if let Some(i) = (1..self.stack.len())
                .rev()
                .find(|&i| self.dom.name(self.stack[i]) == "head")
            {
                self.stack.truncate(i);
            }
            return;
        }
        if matches!(name, "html" | "body") {
            return;
        }
        let special = is_special(name);
        for i in (1..self.stack.len()).rev() {
            let n = self.dom.name(self.stack[i]);
            if n == name {
                self.stack.truncate(i);
                return;
            }
            if !special && is_special(n) {
                return;
            }
            if special
                && matches!(n, "table" | "td" | "th")
                && !matches!(
                    name,
                    "tr" | "tbody" | "thead" | "tfoot" | "table" | "td" | "th"
                )
            {
                return;
            }
        }
    }

    fn run(&mut self) {
        let src = self.dom.src;
        let b = src.as_bytes();
        let len = b.len();
        let mut i = 0;
        let mut text_start = 0;
        while i < len {
            let Some(off) = memchr::memchr(b'<', &b[i..]) else {
                break;
            };
            let lt = i + off;
            let next = b.get(lt + 1).copied().unwrap_or(0);
            if next == b'!' {
                self.text(text_start, lt);
                let end = if b[lt..].starts_with(b"<!--") {
                    find(b, lt + 4, b"-->").map(|e| e + 3).unwrap_or(len)
                } else {
                    memchr::memchr(b'>', &b[lt..])
                        .map(|e| lt + e + 1)
                        .unwrap_or(len)
                };
                i = end;
                text_start = end;
            } else if next == b'?' {
                self.text(text_start, lt);
                let end = memchr::memchr(b'>', &b[lt..])
                    .map(|e| lt + e + 1)
                    .unwrap_or(len);
                i = end;
                text_start = end;
            } else if next == b'/' && b.get(lt + 2).is_some_and(|c| c.is_ascii_alphabetic()) {
                self.text(text_start, lt);
                let (name, _) = tag_name(b, lt + 2);
                let end = memchr::memchr(b'>', &b[lt..])
                    .map(|e| lt + e + 1)
                    .unwrap_or(len);
                self.end_tag(&name);
                i = end;
                text_start = end;
            } else if next.is_ascii_alphabetic() {
                self.text(text_start, lt);
                let (name, after) = tag_name(b, lt + 1);
                let (attrs, end, self_closing) = attributes(src, after);
                let raw = RAW.contains(&&*name);
                let name_for_raw = name.clone();
                let opened = self.start_tag(name, attrs, Span::new(lt, end));
                if opened
                    && self_closing
                    && !raw
                    && !matches!(&*name_for_raw, "div" | "p" | "a" | "span" | "li" | "td")
                {
                    // `<foo/>` on a non-void element: treat as empty (SVG, custom tags).
                    self.stack.pop();
                }
                i = end;
                text_start = end;
                if raw && opened && self_closing && !matches!(&*name_for_raw, "script" | "style") {
                    // `<title/>` inside an inline SVG icon, `<iframe … />`: empty, or the
                    // rest of the page would be swallowed as raw text.
                    self.stack.pop();
                } else if raw && opened {
                    // Raw text until `</name`.
                    let close = find_close(b, end, name_for_raw.as_bytes()).unwrap_or(len);
                    if close > end {
                        self.push_node(Kind::Text(Span::new(end, close)));
                    }
                    self.stack.pop();
                    let after_close = if close < len {
                        memchr::memchr(b'>', &b[close..])
                            .map(|e| close + e + 1)
                            .unwrap_or(len)
                    } else {
                        len
                    };
                    i = after_close;
                    text_start = after_close;
                } else if &*name_for_raw == "plaintext" {
                    self.text(end, len);
                    i = len;
                    text_start = len;
                }
            } else {
                i = lt + 1;
            }
        }
        self.text(text_start, len);
    }
}

fn find(hay: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(hay.get(from..)?, needle).map(|p| p + from)
}

/// Find `</name` (case-insensitive) at or after `from`.
fn find_close(b: &[u8], from: usize, name: &[u8]) -> Option<usize> {
    let mut i = from;
    while let Some(p) = find(b, i, b"</") {
        let s = p + 2;
        if b.len() >= s + name.len()
            && b[s..s + name.len()].eq_ignore_ascii_case(name)
            && b.get(s + name.len())
                .is_none_or(|c| !c.is_ascii_alphanumeric())
        {
            return Some(p);
        }
        i = p + 2;
    }
    None
}

fn tag_name(b: &[u8], start: usize) -> (Name, usize) {
    let mut i = start;
    while i < b.len() && !b[i].is_ascii_whitespace() && b[i] != b'>' && b[i] != b'/' {
        i += 1;
    }
    let raw = &b[start..i];
    // Common tags borrow a static name: no allocation for most elements.
    if let Some(k) = COMMON_TAGS
        .iter()
        .find(|k| k.as_bytes().eq_ignore_ascii_case(raw))
    {
        return (Name::Borrowed(k), i);
    }
    let name = String::from_utf8_lossy(raw).to_ascii_lowercase();
    (Name::Owned(name), i)
}

/// A lower-case tag name.
pub(crate) type Name = std::borrow::Cow<'static, str>;

/// Tags common enough to be worth a static name (the most frequent first).
const COMMON_TAGS: &[&str] = &[
    "div",
    "a",
    "span",
    "li",
    "p",
    "img",
    "script",
    "meta",
    "link",
    "ul",
    "i",
    "svg",
    "path",
    "source",
    "br",
    "td",
    "tr",
    "button",
    "picture",
    "figure",
    "h2",
    "h3",
    "strong",
    "b",
    "em",
    "section",
    "article",
    "time",
    "input",
    "noscript",
    "style",
    "header",
    "footer",
    "nav",
    "h1",
    "h4",
    "figcaption",
    "iframe",
    "form",
    "label",
    "option",
    "table",
    "tbody",
    "blockquote",
    "aside",
    "main",
    "title",
    "head",
    "body",
    "html",
    "ol",
    "dl",
    "dt",
    "dd",
    "th",
    "thead",
    "select",
    "textarea",
    "h5",
    "h6",
    "small",
    "sup",
    "sub",
    "q",
    "u",
    "hr",
    "wbr",
    "use",
    "g",
    "template",
    "video",
    "audio",
    "embed",
    "object",
    "pre",
    "code",
];

/// The attributes the extractor reads; the others (`style` aside, mostly `data-*`,
/// `src`, `href`, `srcset`, event handlers) are parsed over but not stored, which
/// saves an allocation and an entity decode per attribute on script-heavy pages.
const KEPT_ATTRS: &[&str] = &[
    "class",
    "id",
    "itemprop",
    "content",
    "datetime",
    "name",
    "property",
    "http-equiv",
    "rel",
    "type",
    "style",
    "hidden",
    "aria-hidden",
    "lang",
    "xml:lang",
    "pubdate",
    "data-telegram-post",
];

/// Parse attributes from `i` to the closing `>`. Returns (attrs, index after `>`, self-closing).
fn attributes(src: &str, mut i: usize) -> (Vec<(&'static str, String)>, usize, bool) {
    let b = src.as_bytes();
    let len = b.len();
    let mut attrs: Vec<(&'static str, String)> = Vec::new();
    let mut self_closing = false;
    loop {
        while i < len && (b[i].is_ascii_whitespace() || b[i] == b'/') {
            self_closing = b[i] == b'/';
            i += 1;
        }
        if i >= len {
            return (attrs, len, self_closing);
        }
        if b[i] == b'>' {
            return (attrs, i + 1, self_closing);
        }
        self_closing = false;
        let ns = i;
        while i < len
            && !b[i].is_ascii_whitespace()
            && b[i] != b'='
            && b[i] != b'>'
            && !(b[i] == b'/' && i > ns)
        {
            i += 1;
        }
        let raw_name = src.get(ns..i).unwrap_or("");
        let keep = KEPT_ATTRS
            .iter()
            .find(|k| k.eq_ignore_ascii_case(raw_name))
            .copied();
        while i < len && b[i].is_ascii_whitespace() {
            i += 1;
        }
        let mut value = String::new();
        if i < len && b[i] == b'=' {
            i += 1;
            while i < len && b[i].is_ascii_whitespace() {
                i += 1;
            }
            if i < len && (b[i] == b'"' || b[i] == b'\'') {
                let q = b[i];
                let vs = i + 1;
                let ve = memchr::memchr(q, &b[vs..]).map(|e| vs + e).unwrap_or(len);
                if keep.is_some() {
                    value = crate::entities::decode_str(src.get(vs..ve).unwrap_or(""));
                }
                i = (ve + 1).min(len);
            } else {
                let vs = i;
                while i < len && !b[i].is_ascii_whitespace() && b[i] != b'>' {
                    i += 1;
                }
                if keep.is_some() {
                    value = crate::entities::decode_str(src.get(vs..i).unwrap_or(""));
                }
            }
        }
        if let Some(k) = keep {
            if !attrs.iter().any(|(n, _)| *n == k) {
                attrs.push((k, value));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn outline(d: &Dom, id: NodeId, out: &mut String) {
        match &d.nodes[id].kind {
            Kind::Text(s) => out.push_str(&format!("'{}'", s.slice(d.src))),
            Kind::Element(e) => {
                out.push_str(&format!("<{}>", e.name));
                for &c in &d.nodes[id].children {
                    outline(d, c, out);
                }
                out.push_str(&format!("</{}>", e.name));
            }
            Kind::Document => {
                for &c in &d.nodes[id].children {
                    outline(d, c, out);
                }
            }
        }
    }

    fn tree(s: &str) -> String {
        let d = Dom::parse(s);
        let mut out = String::new();
        outline(&d, 0, &mut out);
        out
    }

    #[test]
    fn implied_ends() {
        assert_eq!(
            tree("<p>a<p>b<div>c</div>"),
            "<p>'a'</p><p>'b'</p><div>'c'</div>"
        );
        assert_eq!(
            tree("<ul><li>a<li>b</ul>x"),
            "<ul><li>'a'</li><li>'b'</li></ul>'x'"
        );
        assert_eq!(
            tree("<div><span>a</div>b</span>"),
            "<div><span>'a'</span></div>'b'"
        );
        assert_eq!(
            tree("<script>if (a<b) {}</p></script><p>t"),
            "<script>'if (a<b) {}</p>'</script><p>'t'</p>"
        );
        assert_eq!(tree("a<!-- c -->b<br>c"), "'a''b'<br></br>'c'");
    }

    #[test]
    fn self_closing_raw_text_element_is_empty() {
        // an inline SVG icon's `<title/>` must not swallow the page
        assert_eq!(
            tree("<svg><title/><path/></svg><p>text</p>"),
            "<svg><title></title><path></path></svg><p>'text'</p>"
        );
        assert_eq!(
            tree("<script/>x</script><p>t"),
            "<script>'x'</script><p>'t'</p>"
        );
    }

    #[test]
    fn attributes_decoded() {
        let d = Dom::parse(r#"<meta name=Author content="A &amp; B" CLASS='y' data-x=z/>"#);
        let e = d.element(1).unwrap();
        assert_eq!(e.attr("name"), Some("Author"));
        assert_eq!(e.attr("content"), Some("A & B"));
        assert_eq!(e.attr("class"), Some("y"));
        // attributes the extractor never reads are not stored
        assert_eq!(e.attr("data-x"), None);
    }

    #[test]
    fn truncated_input() {
        for s in [
            "<p",
            "<p class=\"x",
            "<!-- x",
            "<script>x",
            "</",
            "<a href=x>y",
            "&#x",
            "<",
        ] {
            let _ = tree(s);
        }
    }
}
