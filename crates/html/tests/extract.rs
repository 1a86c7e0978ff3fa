//! Extraction tests on small pages written for these tests.

use dossier_core::Span;
use dossier_html::{decode, extract, Article};

fn check_map(html: &str, a: &Article) {
    let mut at = 0;
    for m in &a.map {
        assert_eq!(m.text.start, at, "map must tile the text: {:?}", a.map);
        at = m.text.end;
        assert!(
            html.get(m.html.start..m.html.end).is_some(),
            "html span {:?} off a boundary",
            m.html
        );
        if m.verbatim {
            assert_eq!(
                m.text.slice(&a.text),
                m.html.slice(html),
                "verbatim segment differs"
            );
        }
    }
    assert_eq!(at, a.text.len());
}

fn page(head: &str, body: &str) -> String {
    format!("<!DOCTYPE html><html><head>{head}</head><body>{body}</body></html>")
}

const PARA: &str = "The council voted on Tuesday to keep the old bridge open for another year, \
    after engineers said repairs could wait, and residents, who had protested for months, cheered.";

// ------------------------------------------------------------------ encodings

#[test]
fn decode_bom() {
    let (t, enc) = decode(
        b"\xef\xbb\xbf<p>caf\xc3\xa9</p>",
        Some("text/html; charset=iso-8859-1"),
    );
    assert_eq!(enc, "UTF-8");
    assert_eq!(t, "<p>café</p>");
    let (t, enc) = decode(b"\xff\xfe<\x00p\x00>\x00", None);
    assert_eq!(enc, "UTF-16LE");
    assert_eq!(t, "<p>");
}

#[test]
fn decode_header_charset_wins_over_meta() {
    let bytes = b"<meta charset=\"utf-8\"><p>\xe9t\xe9</p>";
    let (t, enc) = decode(bytes, Some("text/html; charset=ISO-8859-1"));
    assert_eq!(enc, "windows-1252");
    assert!(t.contains("été"));
}

#[test]
fn decode_meta_charset_and_http_equiv() {
    let (t, enc) = decode(
        b"<meta charset=windows-1251><p>\xcf\xf0\xe8\xe2\xe5\xf2</p>",
        None,
    );
    assert_eq!(enc, "windows-1251");
    assert!(t.contains("Привет"));
    let (t, enc) = decode(
        b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=koi8-r\"><p>\xf0\xd2\xc9\xd7\xc5\xd4</p>",
        None,
    );
    assert_eq!(enc, "KOI8-R");
    assert!(t.contains("Привет"));
}

#[test]
fn decode_detects_undeclared_encodings() {
    let ru = "Президент заявил, что переговоры продолжатся на следующей неделе в Москве, несмотря на разногласия сторон.";
    let src = format!("<p>{ru}</p>");
    let (bytes, _, _) = encoding_rs::WINDOWS_1251.encode(&src);
    let (t, enc) = decode(&bytes, None);
    assert_eq!(enc, "windows-1251");
    assert!(t.contains(ru));

    let fr = "Le ministre a déclaré que la réforme des retraites serait présentée à l'Assemblée après l'été, malgré les grèves.";
    let src = format!("<p>{fr}</p>");
    let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(&src);
    let (t, enc) = decode(&bytes, None);
    assert_eq!(enc, "windows-1252");
    assert!(t.contains(fr));

    let zh =
        "国务院总理今天在北京会见了来访的外国代表团，双方就经济合作和地区安全问题深入交换了意见。";
    let src = format!("<p>{zh}</p>");
    let (bytes, _, _) = encoding_rs::GBK.encode(&src);
    let (t, enc) = decode(&bytes, None);
    assert!(enc == "GBK" || enc == "gb18030", "{enc}");
    assert!(t.contains(zh));
}

// ------------------------------------------------------------------ dates

fn date_of(head: &str, body: &str, url: Option<&str>) -> Option<String> {
    extract(&page(head, body), url)
        .published
        .map(|d| d.to_string())
}

#[test]
fn date_sources_in_order_of_trust() {
    let body = format!("<article><p>{PARA}</p></article>");
    let ld = r#"<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Bridge","datePublished":"2021-03-15T08:00:00+01:00","dateModified":"2021-04-01"}</script>"#;
    assert_eq!(date_of(ld, &body, None).as_deref(), Some("2021-03-15"));
    let og = r#"<meta property="article:published_time" content="2021-03-16T08:00:00Z"><meta property="article:modified_time" content="2021-05-01">"#;
    assert_eq!(date_of(og, &body, None).as_deref(), Some("2021-03-16"));
    assert_eq!(
        date_of(
            r#"<meta name="DC.date.issued" content="2021-03-17">"#,
            &body,
            None
        )
        .as_deref(),
        Some("2021-03-17")
    );
    assert_eq!(
        date_of(r#"<meta name="pubdate" content="20210318">"#, &body, None).as_deref(),
        Some("2021-03-18")
    );
    // Meta tags beat JSON-LD (htmldate's order: when they differ it is mostly by time
    // zone, and the header's tags more often give the local date).
    assert_eq!(
        date_of(&format!("{og}{ld}"), &body, None).as_deref(),
        Some("2021-03-16")
    );
    // twitter:label/data pairs and visible bylines name the author.
    let tw = r#"<meta name="twitter:label1" content="Written by"><meta name="twitter:data1" content="Jane Roe">"#;
    assert_eq!(
        dossier_html::extract(&page(tw, &body), None)
            .author
            .as_deref(),
        Some("Jane Roe")
    );
    let by = format!(
        r#"<article><p class="x">By Anna Maria Roth March 3, 2021</p><p>{PARA}</p></article>"#
    );
    assert_eq!(
        dossier_html::extract(&page("", &by), None)
            .author
            .as_deref(),
        Some("Anna Maria Roth")
    );
    let von =
        format!(r#"<article><p><i>von Daniel Braun, Davor Pasoski</i></p><p>{PARA}</p></article>"#);
    assert_eq!(
        dossier_html::extract(&page("", &von), None)
            .author
            .as_deref(),
        Some("Daniel Braun, Davor Pasoski")
    );
    let sentence = format!(
        r#"<article><p>By the end of the week the river had risen by two metres, flooding the old town.</p><p>{PARA}</p></article>"#
    );
    assert_eq!(
        dossier_html::extract(&page("", &sentence), None).author,
        None
    );
    // URL path.
    assert_eq!(
        date_of("", &body, Some("https://news.example/2021/03/19/bridge")).as_deref(),
        Some("2021-03-19")
    );
    // <time datetime> in the article header.
    let t = format!(
        r#"<article><header><time datetime="2021-03-20T09:00">20 March</time></header><p>{PARA}</p></article>"#
    );
    assert_eq!(date_of("", &t, None).as_deref(), Some("2021-03-20"));
    // Visible dateline.
    let v = format!(
        r#"<article><div class="date">Veröffentlicht am 21.03.2021</div><p>{PARA}</p></article>"#
    );
    assert_eq!(date_of("", &v, None).as_deref(), Some("2021-03-21"));
    // A comment's date is not the article's.
    let c = format!(
        r#"<article><p>{PARA}</p></article><div class="comments"><time datetime="2021-03-25">x</time></div>"#
    );
    assert_eq!(date_of("", &c, None), None);
    // Only a modification date: used as the last resort.
    assert_eq!(
        date_of(
            r#"<meta property="article:modified_time" content="2021-03-22">"#,
            &body,
            None
        )
        .as_deref(),
        Some("2021-03-22")
    );
}

// ------------------------------------------------------------------ metadata

#[test]
fn title_and_author() {
    let head = r#"<title>Bridge stays open | Valley Herald</title><meta property="og:site_name" content="Valley Herald">
        <meta name="author" content="Anna Schmidt">"#;
    let a = extract(
        &page(
            head,
            &format!("<article><h1>Bridge stays open</h1><p>{PARA}</p></article>"),
        ),
        None,
    );
    assert_eq!(a.title.as_deref(), Some("Bridge stays open"));
    assert_eq!(a.author.as_deref(), Some("Anna Schmidt"));
    // The h1 repeating the title is not body text.
    assert!(!a.text.contains("Bridge stays open"));

    let ld = r#"<script type="application/ld+json">{"@type":"NewsArticle","headline":"Bridge","author":[{"@type":"Person","name":"Anna Schmidt"},{"@type":"Person","name":"Ben Ode"}],"publisher":{"@type":"Organization","name":"Valley Herald"}}</script>"#;
    let a = extract(
        &page(
            ld,
            &format!("<article><h1>Bridge</h1><p>{PARA}</p></article>"),
        ),
        None,
    );
    assert_eq!(a.author.as_deref(), Some("Anna Schmidt; Ben Ode"));

    let by = format!(
        r#"<article><h1>Bridge</h1><p class="byline">By <a rel="author" href="/a">Carl Jung</a></p><p>{PARA}</p></article>"#
    );
    let a = extract(&page("", &by), None);
    assert_eq!(a.author.as_deref(), Some("Carl Jung"));
    assert!(!a.text.contains("Carl Jung"), "{}", a.text);
}

// ------------------------------------------------------------------ boilerplate

#[test]
fn boilerplate_is_removed() {
    let body = format!(
        r##"<header><nav><ul><li><a href="/">Home</a></li><li><a href="/p">Politics</a></li></ul></nav></header>
        <div id="cookie-banner">We use cookies to improve your experience. Accept all cookies?</div>
        <main><article>
          <h1>Bridge</h1>
          <div class="share-bar"><a href="#">Share on Facebook</a> <a href="#">Tweet</a></div>
          <figure><img src="b.jpg"><figcaption>The old bridge at dawn. Photo: J. Doe</figcaption></figure>
          <p>{PARA}</p>
          <p>Work on a replacement, the mayor said, would start in spring, once the money, long promised, had arrived.</p>
          <div class="newsletter">Subscribe to our newsletter for daily updates from the valley.</div>
          <p>Advertisement</p>
          <ul class="related-articles"><li><a href="/1">Flood warning lifted for the river valley</a></li><li><a href="/2">New school opens</a></li></ul>
        </article>
        <section id="comments"><p>Great article, thanks, I agree completely with the council on this matter!</p></section>
        </main>
        <aside class="sidebar"><p>Most read: ten things to do this weekend, in the valley and beyond.</p></aside>
        <footer><p>© 2021 Valley Herald. All rights reserved.</p></footer>"##
    );
    let html = page("<title>Bridge</title>", &body);
    let a = extract(&html, None);
    check_map(&html, &a);
    assert!(a.text.starts_with("The council voted"), "{}", a.text);
    assert!(a.text.contains("mayor said"));
    for junk in [
        "Home",
        "cookies",
        "Share on",
        "Photo: J. Doe",
        "Subscribe",
        "Advertisement",
        "Flood warning",
        "Great article",
        "Most read",
        "All rights",
    ] {
        assert!(!a.text.contains(junk), "{junk:?} left in {:?}", a.text);
    }
    assert_eq!(a.text.lines().count(), 2);
}

#[test]
fn quotes_and_embeds_survive() {
    let body = format!(
        r#"<article><p>{PARA}</p>
        <blockquote><p>We will not close it while I am mayor.</p></blockquote>
        <p>She added that <q>nobody wants a ferry</q> in winter, to laughter from the hall.</p>
        <blockquote class="twitter-tweet"><p lang="en">The bridge stays. Thank you all!</p>&mdash; Mayor Lee (@mayorlee) <a href="https://twitter.com/x">March 15, 2021</a></blockquote>
        <script async src="https://platform.twitter.com/widgets.js"></script>
        <blockquote class="telegram-post" data-telegram-post="valleynews/42"><p>Bridge vote: open for another year.</p></blockquote>
        </article>"#
    );
    let html = page("", &body);
    let a = extract(&html, None);
    check_map(&html, &a);
    assert!(a.text.contains("We will not close it while I am mayor."));
    assert!(
        a.text
            .contains("She added that “nobody wants a ferry” in winter"),
        "{}",
        a.text
    );
    let media: Vec<_> = a.embeds.iter().map(|e| e.medium).collect();
    assert_eq!(media, ["Twitter", "Telegram"]);
    assert!(a.embeds[0]
        .span
        .slice(&a.text)
        .starts_with("The bridge stays. Thank you all!"));
    assert!(a.embeds[0].span.slice(&a.text).contains("@mayorlee"));
    assert_eq!(
        a.embeds[1].span.slice(&a.text),
        "Bridge vote: open for another year."
    );
    // The inserted quotation marks map to the <q> tag.
    let open = a.text.find('“').unwrap();
    assert!(a
        .to_html(Span::new(open, open + '“'.len_utf8()))
        .slice(&html)
        .starts_with("<q>"));
}

#[test]
fn entities_and_map() {
    let html = page("", &format!("<article><p>Caf&eacute;   owners &amp; their\n  guests said: &#8220;No.&#8221; {PARA}</p></article>"));
    let a = extract(&html, None);
    check_map(&html, &a);
    assert!(
        a.text
            .starts_with("Café owners & their guests said: “No.” The council"),
        "{}",
        a.text
    );
    let s = a.text.find("owners").unwrap();
    assert_eq!(a.to_html(Span::new(s, s + 6)).slice(&html), "owners");
    let e = a.text.find('é').unwrap();
    assert_eq!(a.to_html(Span::new(e, e + 2)).slice(&html), "&eacute;");
    let amp = a.text.find('&').unwrap();
    assert_eq!(a.to_html(Span::new(amp, amp + 1)).slice(&html), "&amp;");
}

#[test]
fn broken_and_truncated_html() {
    let html = format!("<html><body><div class=content><p>{PARA}<p>Second paragraph, unclosed, with <b>bold <i>and italic</b> text</i> continues here.<div><span>trailing");
    let a = extract(&html, None);
    check_map(&html, &a);
    assert!(a.text.contains("The council voted"));
    assert!(a.text.contains("Second paragraph"));
    for cut in [10, 50, 100, html.len() - 3] {
        let mut c = cut;
        while !html.is_char_boundary(c) {
            c -= 1;
        }
        let a = extract(&html[..c], None);
        check_map(&html[..c], &a);
    }
    let a = extract("<p>unterminated <a href=\"x", None);
    check_map("<p>unterminated <a href=\"x", &a);
}

#[test]
fn huge_inline_script_is_skipped_fast() {
    let script = format!(
        "<script>var data = \"{}\"; if (a < b) {{ document.write('</p>'); }}</script>",
        "x".repeat(20 << 20)
    );
    let html = page(
        &script,
        &format!(
            "<article><p>{PARA}</p></article><script>{}</script>",
            "y<z ".repeat(1 << 20)
        ),
    );
    let t = std::time::Instant::now();
    let a = extract(&html, None);
    assert!(t.elapsed().as_secs_f32() < 5.0);
    assert_eq!(
        a.text,
        PARA.split_whitespace().collect::<Vec<_>>().join(" ")
    );
}

#[test]
fn no_article_pages() {
    for html in ["", "<html><head><title>Login</title></head><body><form><input name=u><button>Sign in</button></form></body></html>",
        "<html><body><nav><a href=/>Home</a></nav><script>app()</script></body></html>"] {
        let a = extract(html, None);
        assert!(a.no_article, "{html:?} gave {:?}", a.text);
        assert!(a.text.is_empty());
        assert!(!a.diagnostics.is_empty());
    }
}

#[test]
fn deep_nesting_does_not_overflow() {
    let html = format!("{}<p>{PARA}</p>", "<div>".repeat(200_000));
    let a = extract(&html, None);
    check_map(&html, &a);
    assert!(a.text.contains("council"));
}

#[test]
fn snapshot_whole_page() {
    let html = page(
        r#"<title>Bridge stays open - Valley Herald</title><meta property="og:title" content="Bridge stays open">
        <meta property="og:site_name" content="Valley Herald"><meta name="author" content="Anna Schmidt">
        <meta property="article:published_time" content="2021-03-15T08:00:00Z">"#,
        &format!(
            r#"<nav><a href="/">Home</a></nav><article><h1>Bridge stays open</h1>
            <p class="byline">By Anna Schmidt</p>
            <p>{PARA}</p><h2>What comes next</h2>
            <p>&ldquo;We will not close it,&rdquo; the mayor, Jo Lee, said.</p>
            <ul><li>Repairs: spring 2022, if the budget passes.</li><li>Ferry: not planned for the winter months.</li></ul>
            <blockquote class="twitter-tweet"><p>The bridge stays!</p>&mdash; Jo Lee (@jolee)</blockquote>
            </article><footer>Imprint</footer>"#
        ),
    );
    let a = extract(&html, Some("https://valley.example/news/bridge"));
    check_map(&html, &a);
    let embeds: Vec<_> = a
        .embeds
        .iter()
        .map(|e| (e.medium, e.span.slice(&a.text)))
        .collect();
    insta::assert_debug_snapshot!((
        a.title,
        a.author,
        a.published,
        a.date_source,
        embeds,
        a.text.lines().collect::<Vec<_>>()
    ));
}

#[test]
fn page_without_body_tag() {
    // minified pages omit the optional <body> tag; the head ends at </head> or at the
    // first element that cannot be in a head
    let closed = format!("<html><head><title>T</title></head><div><p>{PARA}</p></div></html>");
    assert!(dossier_html::extract(&closed, None)
        .text
        .contains("old bridge"));
    let open = format!("<html><head><title>T</title><meta charset=utf-8><p>{PARA}</p>");
    assert!(dossier_html::extract(&open, None)
        .text
        .contains("old bridge"));
}

#[test]
fn trailing_related_and_comment_blocks_are_cut() {
    for heading in [
        "Schreibe einen Kommentar",
        "Related articles",
        "Lesen Sie auch:",
        "También te puede interesar",
    ] {
        let body = format!(
            "<article><p>{PARA}</p><p>{PARA}</p><p>{PARA}</p><h3>{heading}</h3><p>Deine E-Mail-Adresse wird nicht veröffentlicht, and other words follow here.</p></article>"
        );
        let a = dossier_html::extract(&page("", &body), None);
        assert!(a.text.contains("old bridge"), "{heading}");
        assert!(!a.text.contains(heading), "{heading}: {}", a.text);
        assert!(!a.text.contains("E-Mail-Adresse"), "{heading}: {}", a.text);
    }
}

#[test]
fn ruby_readings_are_not_text() {
    let body = format!(
        "<article><h1><ruby>子<rt>こ</rt></ruby>どもの<ruby>法律<rp>(</rp><rt>ほうりつ</rt><rp>)</rp></ruby></h1><p><ruby>子<rt>こ</rt></ruby>どもへの<ruby>虐待<rt>ぎゃくたい</rt></ruby>をなくすための法律ができました。</p><p>{PARA}</p></article>"
    );
    let a = dossier_html::extract(&page("", &body), None);
    assert!(
        a.text
            .contains("子どもへの虐待をなくすための法律ができました。"),
        "{}",
        a.text
    );
    assert!(!a.text.contains("ぎゃくたい"));
    assert_eq!(a.title.as_deref(), Some("子どもの法律"));
}

#[test]
fn headline_hidden_separator_after_kicker_is_dropped() {
    let body = format!(
        r#"<article><h1><span class="heading__kicker">Climate</span><span class="visually-hidden">: </span><span>Drilling until it gets hot</span></h1><p>{PARA}</p></article>"#
    );
    let html = page(
        r#"<title>Climate: Drilling until it gets hot | Valley Herald</title>"#,
        &body,
    );
    let a = extract(&html, None);
    assert_eq!(a.title.as_deref(), Some("Drilling until it gets hot"));
    // a hidden site name inside the h1 is not part of the headline either
    let body = format!(
        r#"<article><h1>Bridge stays open<span class="element-invisible"> | Other Name</span></h1><p>{PARA}</p></article>"#
    );
    let html = page("<title>Bridge stays open</title>", &body);
    assert_eq!(
        extract(&html, None).title.as_deref(),
        Some("Bridge stays open")
    );
}

#[test]
fn title_site_name_from_the_url_host() {
    let body = format!("<article><p>{PARA}</p></article>");
    // "SITE - Headline" where SITE is the host's name
    let html = page(
        r#"<title>VHB  -  Council keeps the old bridge open for a year</title>"#,
        &body,
    );
    let a = extract(&html, Some("https://www.vhb.gov/news/bridge"));
    assert_eq!(
        a.title.as_deref(),
        Some("Council keeps the old bridge open for a year")
    );
    // "Headline | host.tld | slogan"
    let html = page(
        r#"<meta property="og:title" content="Bridge-Repairs | valley-herald.ch | Your local paper">"#,
        &body,
    );
    let a = extract(&html, Some("https://valley-herald.ch/a/1"));
    assert_eq!(a.title.as_deref(), Some("Bridge-Repairs"));
}

#[test]
fn date_from_other_json_ld_types_and_cued_text() {
    let body = format!("<article><p>{PARA}</p></article>");
    // a HowTo's datePublished, when nothing better is there
    let head = r#"<script type="application/ld+json">{"@context":"https://schema.org","@type":"HowTo","name":"Round tablecloth","datePublished":"2022-01-10T22:06:08Z"}</script>"#;
    assert_eq!(date_of(head, &body, None).as_deref(), Some("2022-01-10"));
    // the page text: the date after a publication cue beats the sidebar's earlier date
    let body = format!(
        "<aside><ul><li>Older story <span>01.02.2022</span></li></ul></aside><article><h2>Story</h2><small>Erstellt am: 30.01.2022 18:36</small><p>{PARA}</p></article>"
    );
    assert_eq!(date_of("", &body, None).as_deref(), Some("2022-01-30"));
}

#[test]
fn slash_dates_follow_the_page_language() {
    let body = format!(r#"<article><span class="time">02/10/2020</span><p>{PARA}</p></article>"#);
    let us = format!("<!DOCTYPE html><html lang=\"en-US\"><head></head><body>{body}</body></html>");
    let gb =
        format!("<!DOCTYPE html><html xml:lang=\"en-GB\"><head></head><body>{body}</body></html>");
    let d = |h: &str| extract(h, None).published.map(|d| d.to_string());
    assert_eq!(d(&us).as_deref(), Some("2020-02-10"));
    assert_eq!(d(&gb).as_deref(), Some("2020-10-02"));
}

#[test]
fn date_from_the_description_as_a_last_resort() {
    let head =
        r#"<meta name="description" content="BEARS: A RECORD YEAR (News of 14 January 2020)">"#;
    let body = format!("<article><p>{PARA}</p></article>");
    assert_eq!(date_of(head, &body, None).as_deref(), Some("2020-01-14"));
}

#[test]
fn published_time_in_an_aside_is_not_the_page_date() {
    let body = format!(
        r#"<aside><h4>Other story</h4><p><time class="published updated" datetime="2020-12-03 07:32:49">3 December 2020</time></p></aside><article><h1>Bridge stays open</h1><p><span class="published">31 October 2023</span></p><p>{PARA}</p></article>"#
    );
    assert_eq!(date_of("", &body, None).as_deref(), Some("2023-10-31"));
}

#[test]
fn author_labels_and_the_site_name_are_dropped() {
    let body = format!("<article><p>{PARA}</p></article>");
    let a = |head: &str, url: Option<&str>| extract(&page(head, &body), url).author;
    assert_eq!(
        a(
            r#"<meta name="author" content="View all posts by Jane Doe">"#,
            None
        )
        .as_deref(),
        Some("Jane Doe")
    );
    assert_eq!(
        a(
            r#"<meta name="author" content="Zeige alle Beiträge von Hans Meier">"#,
            None
        )
        .as_deref(),
        Some("Hans Meier")
    );
    assert_eq!(
        a(r#"<meta name="author" content="AuthorJane Doe">"#, None).as_deref(),
        Some("Jane Doe")
    );
    assert_eq!(
        a(
            r#"<meta name="author" content="Jane Doe, VHB">"#,
            Some("https://edition.vhb.com/x")
        )
        .as_deref(),
        Some("Jane Doe")
    );
    assert_eq!(
        a(
            r#"<meta name="author" content="vhb - Jane Doe">"#,
            Some("https://vhb.com/x")
        )
        .as_deref(),
        Some("Jane Doe")
    );
}

#[test]
fn a_person_beats_a_login_or_an_association() {
    let body = format!(r#"<article><p class="byline">By Jane Doe</p><p>{PARA}</p></article>"#);
    for meta in ["jane.doe", "Valley Friends e.V."] {
        let head = format!(r#"<meta name="author" content="{meta}">"#);
        assert_eq!(
            extract(&page(&head, &body), None).author.as_deref(),
            Some("Jane Doe")
        );
    }
    // alone, a login is still the author
    let body = format!("<article><p>{PARA}</p></article>");
    let head = r#"<meta name="author" content="jane.doe">"#;
    assert_eq!(
        extract(&page(head, &body), None).author.as_deref(),
        Some("jane.doe")
    );
}

#[test]
fn author_date_after_the_name_is_cut() {
    let body =
        |by: &str| format!(r#"<article><div class="author">{by}</div><p>{PARA}</p></article>"#);
    let a = |by: &str| extract(&page("", &body(by)), None).author;
    assert_eq!(
        a("Author: Bo2man am 29.12.2010, 13:36 Uhr").as_deref(),
        Some("Bo2man")
    );
    assert_eq!(a("Jane Doe, 01.12.2021").as_deref(), Some("Jane Doe"));
    // a relative time after the name
    assert_eq!(a("Jane Doe • 8h").as_deref(), Some("Jane Doe"));
    assert_eq!(a("Jane Doe vor 2 Stunden").as_deref(), Some("Jane Doe"));
    assert_eq!(
        a("Jane Doe Fr., 18. Oktober 2019").as_deref(),
        Some("Jane Doe")
    );
}

#[test]
fn author_from_a_data_layer() {
    let head = r#"<script>dataLayer = [{'category': 'Money', 'author': 'Jane Doe'}];</script>"#;
    let body = format!("<article><p>{PARA}</p></article>");
    assert_eq!(
        extract(&page(head, &body), None).author.as_deref(),
        Some("Jane Doe")
    );
    // not a single lower-case word
    let head = r#"<script>var s = {"author": "admin2"};</script>"#;
    assert_eq!(extract(&page(head, &body), None).author, None);
}

#[test]
fn single_name_after_a_strong_byline_lead() {
    let body =
        |by: &str| format!(r#"<article><span class="category">{by}</span><p>{PARA}</p></article>"#);
    let a = |by: &str| extract(&page("", &body(by)), None).author;
    assert_eq!(a("Posted by Konstantin").as_deref(), Some("Konstantin"));
    // "Von" introduces places and sources too: one word is not enough there
    assert_eq!(a("Von Berlin"), None);
}

#[test]
fn more_byline_leads() {
    let body =
        |by: &str| format!(r#"<article><div class="metaInfo">{by}</div><p>{PARA}</p></article>"#);
    let a = |by: &str| extract(&page("", &body(by)), None).author;
    assert_eq!(
        a("Ein Artikel von <strong>Jane Doe</strong> | 27.01.2022 - 12:45").as_deref(),
        Some("Jane Doe")
    );
    assert_eq!(
        a("Written by: <a href=\"/x\">Jane Doe</a>").as_deref(),
        Some("Jane Doe")
    );
    // a button after the name
    assert_eq!(
        a("By <a href=\"/x\">Jane Doe</a> <button>Follow</button>").as_deref(),
        Some("Jane Doe")
    );
}

#[test]
fn words_before_a_hidden_separator_in_the_h1_are_a_kicker() {
    let body = format!(
        r#"<article><h1><span class="head__a">Viruses and other zoonoses</span><span aria-hidden="true"> – </span><span class="head__b">How habitat loss brings new epidemics</span></h1><p>{PARA}</p></article>"#
    );
    let html = page(
        "<title>How habitat loss brings new epidemics | Daily</title>",
        &body,
    );
    assert_eq!(
        extract(&html, None).title.as_deref(),
        Some("How habitat loss brings new epidemics")
    );
}

#[test]
fn byline_label_in_its_own_element() {
    let a = |by: &str| {
        let body =
            format!(r#"<article><h1>Bridge</h1><div class="x">{by}</div><p>{PARA}</p></article>"#);
        extract(&page("", &body), None).author
    };
    assert_eq!(
        a("<h5>Datum: </h5>03.11.2021 <br> <h5>Autor: </h5>Jane Doe/SP-X").as_deref(),
        Some("Jane Doe")
    );
    assert_eq!(
        a(r#"<span>By</span><span><a href="/team/jd">Jane Doe</a></span>"#).as_deref(),
        Some("Jane Doe")
    );
    assert_eq!(
        a("<b>Von:</b> <br /> <br /> Hans Meier").as_deref(),
        Some("Hans Meier")
    );
    assert_eq!(
        a("<span>Autor:</span> Hans Meier<br><span>Quelle:</span> Agentur<br>").as_deref(),
        Some("Hans Meier")
    );
    assert_eq!(
        a("<dl><dt>Text</dt><dd>Anna Roth</dd></dl>").as_deref(),
        Some("Anna Roth")
    );
    // a label followed by a sentence is no byline
    assert_eq!(
        a("<strong>By</strong> the end of the week the river had risen by two metres."),
        None
    );
}

#[test]
fn name_beside_the_article_date() {
    let a = |head: &str, by: &str| {
        let body =
            format!(r#"<article><h1>Bridge</h1><p class="m">{by}</p><p>{PARA}</p></article>"#);
        extract(&page(head, &body), None).author
    };
    let pubd = r#"<meta property="article:published_time" content="2019-12-11T10:00:00Z">"#;
    assert_eq!(
        a(pubd, "11.12.2019 - Jane Doe").as_deref(),
        Some("Jane Doe")
    );
    assert_eq!(
        a(pubd, "11.12.2019 | 13:10 Uhr | Jane Doe").as_deref(),
        Some("Jane Doe")
    );
    assert_eq!(a(pubd, "Jane Doe, 11.12.2019").as_deref(), Some("Jane Doe"));
    // another date: a teaser of another story, not the byline
    assert_eq!(a(pubd, "03.01.2018 - Neue Regeln"), None);
    // a month is not a name, nor a label in capitals
    assert_eq!(a(pubd, "11.12.2019 - Dezember Bericht"), None);
    assert_eq!(a(pubd, "11. Dezember 2019 | PAID CONTENT"), None);
}

#[test]
fn json_ld_with_raw_line_breaks() {
    let head = "<script type=\"application/ld+json\">{\"@type\": \"BlogPosting\", \"articleBody\": \"one\ntwo\", \"author\": {\"@type\": \"Person\", \"name\": \"Jane Doe\"}}</script>";
    let body = format!("<article><p>{PARA}</p></article>");
    assert_eq!(
        extract(&page(head, &body), None).author.as_deref(),
        Some("Jane Doe")
    );
}

#[test]
fn roles_and_handles_around_the_author_are_dropped() {
    let a = |meta: &str| {
        let head = format!(r#"<meta name="author" content="{meta}">"#);
        let body = format!("<article><p>{PARA}</p></article>");
        extract(&page(&head, &body), None).author
    };
    assert_eq!(
        a("FOCUS-Online-Experte Jane Doe").as_deref(),
        Some("Jane Doe")
    );
    assert_eq!(a("Rechtsanwalt Max Roe").as_deref(), Some("Max Roe"));
    assert_eq!(
        a("Jane Doe, Projektleiterin der Stiftung in Tunis").as_deref(),
        Some("Jane Doe")
    );
    assert_eq!(a("Jane Doe @jdoe").as_deref(), Some("Jane Doe"));
    assert_eq!(
        a("Jane Doe (Text), Max Roe (Bild)").as_deref(),
        Some("Jane Doe")
    );
    assert_eq!(a("(Jane Doe)").as_deref(), Some("Jane Doe"));
    for odd in [
        "(",
        ")",
        "/",
        "( )",
        ",",
        "@",
        " im Gespräch mit ",
        "A-Experte",
    ] {
        let _ = a(odd); // never panics
    }
    assert_eq!(a("Jane Doe,Max Roe").as_deref(), Some("Jane Doe, Max Roe"));
    assert_eq!(
        a("Jane Doe im Gespräch mit Max Roe").as_deref(),
        Some("Jane Doe; Max Roe")
    );
    // a surname is no role
    assert_eq!(a("Jörg Staff").as_deref(), Some("Jörg Staff"));
    assert_eq!(a("Jane Doe, Max Roe").as_deref(), Some("Jane Doe, Max Roe"));
    // a lead alone is no name
    assert_eq!(a("Por"), None);
}

#[test]
fn the_site_name_as_author_only_without_a_person() {
    let site = r#"<meta property="og:site_name" content="Valley Herald">"#;
    let body = format!("<article><p>{PARA}</p></article>");
    // declared as the author and nobody else named: the site is the author
    let head = format!(r#"{site}<meta name="author" content="Valley Herald">"#);
    assert_eq!(
        extract(&page(&head, &body), None).author.as_deref(),
        Some("Valley Herald")
    );
    // a person named elsewhere wins, also over "Die …"/"….com" forms of the site
    let body2 =
        format!(r#"<article><h1>Bridge</h1><p class="x">Von Anna Roth</p><p>{PARA}</p></article>"#);
    let head = format!(r#"{site}<meta name="author" content="Die Valley Herald">"#);
    assert_eq!(
        extract(&page(&head, &body2), None).author.as_deref(),
        Some("Anna Roth")
    );
    let head = r#"<meta name="author" content="ValleyHerald.com">"#;
    assert_eq!(
        extract(
            &page(head, &body2),
            Some("https://www.valleyherald.com/news/x")
        )
        .author
        .as_deref(),
        Some("Anna Roth")
    );
}

#[test]
fn several_authors_as_the_byline_writes_them() {
    let ld = r#"<script type="application/ld+json">{"@type":"NewsArticle","author":[{"@type":"Person","name":"Anna Schmidt"},{"@type":"Person","name":"Ben Ode"}]}</script>"#;
    let body = format!(
        r#"<article><h1>Bridge</h1><p class="x">Von Anna Schmidt und Ben Ode</p><p>{PARA}</p></article>"#
    );
    assert_eq!(
        extract(&page(ld, &body), None).author.as_deref(),
        Some("Anna Schmidt und Ben Ode")
    );
    // a first name alone gives way to the full name
    let head = r#"<meta name="author" content="Anna">"#;
    let body = format!(
        r#"<article><h1>Bridge</h1><p class="x">By Anna Schmidt</p><p>{PARA}</p></article>"#
    );
    assert_eq!(
        extract(&page(head, &body), None).author.as_deref(),
        Some("Anna Schmidt")
    );
}

#[test]
fn yoast_graph_person_with_a_type_list() {
    let ld = r#"<script type="application/ld+json">{"@graph":[{"@type":"Article","author":{"@id":"https://x.org/#/schema/person/1"}},{"@type":["Person"],"@id":"https://x.org/#/schema/person/1","name":"Anna Schmidt"}]}</script>"#;
    let body = format!("<article><p>{PARA}</p></article>");
    assert_eq!(
        extract(&page(ld, &body), None).author.as_deref(),
        Some("Anna Schmidt")
    );
}

#[test]
fn signature_source_credit_and_more_byline_forms() {
    let art = |inner: &str| format!("<article><h1>Bridge</h1><p>{PARA}</p>{inner}</article>");
    let a = |inner: &str| extract(&page("", &art(inner)), None).author;
    // a name alone in bold as the last paragraph
    assert_eq!(
        a("<p>More text here.</p><p><b><i>Anna Roth</i></b></p>").as_deref(),
        Some("Anna Roth")
    );
    // … but not a bold subheading with text after it
    assert_eq!(
        a("<p><strong>Neue Regeln</strong></p><p>More text here.</p>"),
        None
    );
    // "Quelle:" names the agency
    assert_eq!(
        a(r#"<p class="text"><em>Quelle: MDR/ls</em></p>"#).as_deref(),
        Some("MDR/ls")
    );
    // a dash before the lead, a label after the name
    assert_eq!(
        a("<div>05.02.2020 <span>- Redaktion: Hans Meier (Sprecher)</span></div>").as_deref(),
        Some("Hans Meier")
    );
    assert_eq!(
        a("<div><p>Auteur : Jean Dupont </p> <p>Edition : M. Roe</p></div>").as_deref(),
        Some("Jean Dupont")
    );
    assert_eq!(
        a("<p><strong>Eine Kolumne von Anna Roth</strong></p><p>More text here.</p>").as_deref(),
        Some("Anna Roth")
    );
    // the label and the name in sibling blocks
    assert_eq!(
        a(r#"<div><div><p class="label"><strong>By</strong></p></div><div><p class="full-name">Todd Roe</p></div></div>"#)
            .as_deref(),
        Some("Todd Roe")
    );
}

#[test]
fn the_source_that_names_all_authors() {
    let head = r#"<meta name="author" content="Anna Roth">"#;
    let body = |by: &str| {
        format!(
            r#"<article><h1>Bridge</h1><div class="meta-item"><span class="fn">{by}</span></div><p>{PARA}</p></article>"#
        )
    };
    assert_eq!(
        extract(&page(head, &body("von Anna Roth, Ben Ode")), None)
            .author
            .as_deref(),
        Some("Anna Roth, Ben Ode")
    );
    // a role is not a second author
    assert_eq!(
        extract(&page(head, &body("Anna Roth, Online-Redaktion")), None)
            .author
            .as_deref(),
        Some("Anna Roth")
    );
}

#[test]
fn byline_lead_a_few_wrappers_down() {
    let ld = r#"<script type="application/ld+json">{"@type":"NewsArticle","author":[{"@type":"Person","name":"Anna Schmidt"},{"@type":"Person","name":"Ben Ode"}]}</script>"#;
    let body = format!(
        r#"<article><h1>Bridge</h1><p class="b"><span class="w"><span class="n"><span class="pre">Von </span><a href="/a">Anna Schmidt</a></span> und <span class="n"><a href="/b">Ben Ode</a></span></span></p><p>{PARA}</p></article>"#
    );
    assert_eq!(
        extract(&page(ld, &body), None).author.as_deref(),
        Some("Anna Schmidt und Ben Ode")
    );
}
