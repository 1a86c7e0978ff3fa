//! Class/id patterns, compiled once. Data, not `if` chains: each list is one regex.

use regex::Regex;
use std::sync::OnceLock;

/// Compiled patterns shared by every extraction.
pub(crate) struct Patterns {
    /// class/id tokens of page furniture that is never article text (skipped inside the
    /// chosen content).
    pub boiler: Regex,
    /// class/id that lowers a container's score (Readability's negative list).
    pub negative: Regex,
    /// class/id that raises a container's score (Readability's positive list).
    pub positive: Regex,
    /// class/id of explicit article-body containers.
    pub body: Regex,
    /// Readability's "unlikely candidates" (only stop scoring; not removal).
    pub unlikely: Regex,
    /// Lines of furniture that sit inside article bodies.
    pub furniture_line: LinePattern,
    /// Headings that end an article: what follows them is more links, comments or a
    /// newsletter form ("Related articles", "Lesen Sie auch", "Commentaires" …).
    pub tail_heading: LinePattern,
}

/// A pattern matched against a whole line of text (see [`get`]).
pub(crate) struct LinePattern(regex::bytes::Regex);

impl LinePattern {
    /// Whether the pattern matches in `line`.
    pub fn is_match(&self, line: &str) -> bool {
        self.0.is_match(line.as_bytes())
    }
}

static PATTERNS: OnceLock<Patterns> = OnceLock::new();

pub(crate) fn get() -> &'static Patterns {
    PATTERNS.get_or_init(|| {
        // Line patterns hold many bounded `.{0,n}` runs over Unicode text: a larger lazy
        // DFA cache keeps them off the slow NFA fallback (measured: bench_html).
        let b = |s: &str| {
            regex::RegexBuilder::new(s)
                .dfa_size_limit(16 << 20)
                .build()
                .expect("static pattern")
        };
        // Whole-line patterns: their bounded `.{0,n}` runs count bytes, not code points, so
        // that the lazy DFA stays small (a Unicode `.{0,150}` is a large automaton and
        // kept the search off the fast path); the literals keep Unicode case folding.
        let lb = |s: &str| LinePattern(
            regex::bytes::RegexBuilder::new(&s.replace(".{", "(?-u:.){"))
                .dfa_size_limit(16 << 20)
                .build()
                .expect("static pattern"),
        );
        Patterns {
            boiler: b(concat!(
                r"(?i)(?:^|[\s_-])(?:",
                r"comments?|commentlist|comment-list|kommentare?|disqus|respond|",
                r"share|sharing|shares|sharebar|share-bar|social|socials|social-media|socialmedia|sociallinks|shariff|addthis|",
                r"related|related-posts|relatedposts|related-articles|related-content|recirculation|",
                r"cookie|cookies|consent|gdpr|cmp|newsletter|subscribe|subscription|paywall|",
                r"promo|promotion|advert|advertisement|adverts|ads|ad|adsbygoogle|ad-slot|adslot|adblock|sponsor|sponsored|anzeige|werbung|",
                r"sidebar|breadcrumbs?|footer|site-footer|menu|navbar|nav|navigation|pagination|pager|",
                r"tags|tag-list|taglist|tagcloud|keywords|widget|widgets|banner|popup|modal|",
                r"caption|wp-caption-text|credits?|copyright|image-credit|photo-credit|figcaption|",
                r"byline|author-box|authorbox|author-bio|author-info|about-author|about-the-author|author-description|author-card|author-profile|",
                r"entry-author|post-author-box|author-avatar|saboxplugin-wrap|autorenbox|autorbox|autor-box|autoreninfo|post-meta|entry-meta|article-meta|",
                r"toolbar|rating|recommend|recommended|recommendations|more-stories|read-more|readmore|also-read|",
                r"sr-only|visually-hidden|screen-reader-text|skip-link|print-only|noprint|",
                r"teaser-list|outbrain|taboola|trending|most-read|mostread|popular|newsticker|",
                r"login|signup|sign-up|mailinglist|donate|donation|subnav|topnav|masthead",
                r")(?:$|[\s_-])"
            )),
            negative: b(
                r"(?i)-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|foot|footer|footnote|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|tool|widget|teaser|navi|menu",
            ),
            positive: b(
                r"(?i)article|body|content|entry|hentry|h-entry|main|page|post|text|blog|story|beitrag|artikel|inhalt",
            ),
            body: b(concat!(
                r"(?i)(?:^|\s)(?:",
                r"(?:article|entry|post|story|blog|news|content|main)[-_]?(?:body|content|text|inner|main)[\w-]*|",
                r"articlebody|article__body|article-body|c-article-body|td-post-content|field-name-body|",
                r"entry|post|hentry|single-post|node-content|rich-text|richtext|text-content|bodytext|",
                r"story|article|artikel|beitrag|inhalt|content-body|main-content|maincontent",
                r")(?:$|\s)"
            )),
            unlikely: b(
                r"(?i)-ad-|ai2html|banner|breadcrumbs|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|ad-break|agegate|pagination|pager|popup|yom-remote",
            ),
            furniture_line: lb(concat!(
                r"(?i)^(?:",
                r"advertisement|anzeige|werbung|publicité|publicidad|reklama|",
                r"share( this( article| story| post)?)?|teilen|share on \w+|",
                r"read more|mehr lesen|weiterlesen|lesen sie auch|lesen sie mehr|mehr zum thema|auch interessant|",
                r"related( articles| stories)?|tags?|schlagwörter|themen|",
                r"(?:©|\(c\)|copyright)(?-u:\b).{0,120}|all rights reserved\.?|alle rechte vorbehalten\.?|",
                r"zum seitenanfang|nach oben|back to top|print|drucken|e-?mail|kommentare?|comments?|",
                // picture credits and captions
                r"(?:fotos?|photos?|bild(?:er)?|abbildung|beitragsbild|titelbild|image|credit|bildquelle)\s*:.{0,150}|",
                r"(?:photo(?:graph)?s?|pictures?|images?) (?:by|courtesy of) .{1,100}|\((?:photo )?credits?:.{1,100}\)|",
                r"crédits? photos?\s*:.{0,100}|quelle\s*:.{1,60}|",
                r"sharen mit|drucken etc|valora esta noticia|rate this (?:article|story)|rezept drucken.{0,40}|",
                r"(?:previous|next) (?:article|post|story)(?-u:\b).{0,100}|",
                // inline "see also" links, follow/app prompts, CMS notices left in the text
                r"(?:read more|more|related|watch|see also|also read|read also|mira|puedes ver|lee también|también te puede interesar|te puede interesar|czytaj (?:też|także|również)|lesen sie auch|lesen sie mehr|auch interessant|à lire aussi|lire aussi|leggi anche)\s*:.{1,150}|",
                r"(?:follow|like) (?:us|(?:the )?[\w.-]+(?: [\w.-]+){0,2}) on (?:twitter|facebook|instagram|telegram|whatsapp|youtube|tiktok)(?-u:\b).{0,220}|",
                r"s[ií]guenos en (?:telegram|instagram|facebook|twitter|whatsapp|youtube|google news)(?-u:\b).{0,120}|",
                r".{0,80}download (?:the|our) .{0,40}apps?(?: for .{0,40})?|",
                r"(?:warning|notice|deprecated|fatal error): .{0,200} on line \d+|",
                r"this entry was posted .{0,200}|bookmark the permalink|",
                r"(?:aktualisiert|veröffentlicht|publiziert|updated|published|last updated)(?: am| on)?:? \d[\d./: ,-]{5,30}(?:uhr)?|\d{1,2} min(?:ute)?s? read|",
                r"lade weitere inhalte.{0,5}|load more(?: stories| articles)?|kommentieren|",
                r"(?:sie müssen sich einloggen|you must be logged in|du musst eingeloggt sein).{0,120}|quellen (?:ausblenden|einblenden)|news teilen|",
                r"(?:dieser|this) (?:text|beitrag|artikel|article|work|post) (?:wurde veröffentlicht unter|is licensed under|is published under) .{0,120}|",
                r"if you enjoyed (?:reading )?this .{0,150}|we want to hear what you think about this article.{0,150}|give us feedback.{0,60}|",
                r"get the latest news .{0,80}|¡?mira lo que tiene nuestro canal.{0,60}|hazte miembro.{0,80}|suggested citation .{0,200}|",
                r"(?:diese seite wurde zuletzt am|this page was last (?:edited|modified) on) .{0,60}|",
                r".{0,60}(?:sign(?:ing)? up|subscribe) (?:to|for) (?:our|the) (?:free )?(?:daily |weekly )?newsletters?(?-u:\b).{0,60}|",
                r".{0,150}(?:©|\(c\))\s*[\p{L} /.&_-]{2,60}|",
                r"(?:beitrag|artikel|seite|post) teilen|teilen auf \w+|zurück(?: zur (?:übersicht|listenansicht|startseite))?|",
                r"bild (?:anzeigen|vergrößern).{0,40}|weiterführende links?|",
                r"subscribe (?:now|today)(?-u:\b).{0,100}|sign up for (?:our|the) newsletter.{0,60}|",
                // sharing, rating and comment prompts, ad labels, bylines left in the text
                r"teilen sie dies mit|teilen mit|share this|bewerten|kommentar verfassen|leave a comment|",
                r"no responses? (?:so far|yet).{0,5}|\(?alle angaben ohne gewähr\)?|",
                r"\*?(?:werbung|anzeige|advertorial|sponsored)(?:[,:.] .{0,80})?|",
                r"(?:verfasst|geschrieben|posted|written|veröffentlicht) (?:von|by|am|on):? .{0,80}|",
                r"(?-i:(?:By|Von|Par|Por) \p{Lu}[\p{L}.'-]+(?: \p{Lu}[\p{L}.'-]+){0,3})",
                r")[\s.:!]*$"
            )),
            tail_heading: lb(concat!(
                r"(?i)^(?:",
                // English
                r"related(?: articles| stories| posts| content| news| topics| coverage)?|read (?:more|also|next)|",
                r"more (?:from|on|in|stories|news|articles|posts|like this)(?: .{0,40})?|",
                r"you (?:may|might) (?:also )?(?:like|be interested in|enjoy)|recommended(?: for you| stories| articles)?|",
                r"(?:most (?:read|popular|viewed|shared)|trending(?: now)?|popular(?: now| posts| stories)?|latest (?:news|stories|articles|posts))|",
                r"(?:\d+ )?comments?|leave a (?:reply|comment)|post a comment|join the (?:conversation|discussion)|",
                r"about the author|further reading|see also|(?:previous|next) (?:article|post|story)(?-u:\b).{0,100}|",
                r"(?:sign up|subscribe) (?:to|for) (?:our|the) (?:free )?(?:daily |weekly )?newsletters?.{0,40}|",
                // German
                r"lesen sie (?:auch|mehr|weiter)|mehr zum thema(?: .{0,40})?|weitere (?:artikel|beiträge|nachrichten|meldungen|themen|news)|",
                r"neueste (?:artikel|beiträge|nachrichten)|das könnte sie auch interessieren|auch interessant|",
                r"(?:ähnliche|verwandte|passende) (?:artikel|beiträge|themen)|(?:\d+ )?kommentare?|kommentar schreiben|",
                r"schreibe einen kommentar|mehr aus (?:dem|der) .{0,40}|meistgelesen(?:e artikel)?|top-themen|empfehlungen|",
                r"zum newsletter anmelden|newsletter abonnieren|zum weiterlesen|verwandte themen(?:bereiche)?|",
                r"weiterführende (?:links?|informationen|artikel|beiträge)|das(?: thema)? könnte (?:dich|sie) (?:auch )?interessieren|",
                r"lesen sie auch die folgenden beiträge|weitere beiträge (?:aus|zu|von) .{1,40}|schon gelesen\??|mehr themen|",
                r"weitere informationen(?: zu .{1,40})?|zusatzinformationen|über (?:den autor|die autorin)|",
                r"fragen an (?:den autor|die autorin)|über diese reihe|teilnehmende blogs|dans la même rubrique|",
                r"möchten sie weiterlesen\??|quellen(?:angaben)?|",
                r"ansprechpartner(?:in)?(?: .{0,30})?|highlights aus dem bereich|",
                // French, Spanish, Italian, Polish
                r"(?:à )?lire aussi|sur le même (?:sujet|thème)|articles similaires|(?:articles )?les plus lus|commentaires?|",
                r"(?:audios et )?vidéos sur le (?:même )?sujet|",
                r"contexto de la noticia|suscríbete a nuestro (?:newsletter|boletín)|",
                r"(?:también )?(?:te )?(?:puede|podría) interesar(?:te)?|lee también|noticias relacionadas|más noticias|lo más leído|comentarios?|",
                r"leggi anche|articoli correlati|potrebbe interessarti|",
                r"czytaj (?:też|także|również)|zobacz (?:też|także|również)|polecamy|komentarze|najnowsze",
                r")[\s.:!…»>-]*$"
            )),
        }
    })
}
