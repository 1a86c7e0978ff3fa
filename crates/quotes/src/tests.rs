//! Unit tests over whole small articles, through the text stage.

use super::*;

fn run(text: &str) -> Vec<Attribution> {
    let layout = dossier_text::analyze(text);
    let input = QuoteInput {
        original: text,
        clean: &layout.clean,
        paragraphs: &layout.paragraphs,
        sentences: &layout.sentences,
        furniture: &layout.furniture,
        times: &[],
        published: None,
    };
    QuoteExtractor::new().extract(&input).0
}

fn show(text: &str, a: &Attribution) -> String {
    let c: Vec<&str> = a.content.iter().map(|s| s.slice(text)).collect();
    format!(
        "{:?} <- {:?} [{:?}] {:?}",
        c,
        a.speaker,
        a.cue.map(|s| s.slice(text)),
        a.kind
    )
}

#[test]
fn direct_after_and_before() {
    let t = "Maria Okafor leads the union.\n\"We will not back down,\" Okafor said. \"Not now.\"\nShe told Harbor Radio: \"The talks are over.\"";
    let a = run(t);
    let s: Vec<String> = a.iter().map(|a| show(t, a)).collect();
    assert_eq!(a.len(), 2, "{s:#?}");
    assert_eq!(a[0].speaker.as_deref(), Some("Maria Okafor"), "{s:#?}");
    assert_eq!(a[0].content.len(), 2, "{s:#?}");
    assert_eq!(a[1].speaker.as_deref(), Some("Maria Okafor"), "{s:#?}");
    assert_eq!(a[1].medium.as_deref(), Some("Harbor Radio"), "{s:#?}");
}

#[test]
fn indirect_and_according_to() {
    let t = "The mayor said the strike would end soon.\nAccording to Daniel Reyes, every week of closure costs $40 million.\nThe port will reopen on Monday, officials said.";
    let a = run(t);
    let s: Vec<String> = a.iter().map(|a| show(t, a)).collect();
    assert_eq!(a.len(), 3, "{s:#?}");
    assert!(
        a.iter()
            .all(|a| a.kind == dossier_core::QuoteKind::Indirect),
        "{s:#?}"
    );
    assert_eq!(a[1].speaker.as_deref(), Some("Daniel Reyes"));
    assert_eq!(a[2].speaker.as_deref(), Some("officials"));
}

#[test]
fn scare_quotes_and_passives_are_not_attributions() {
    let t = "He kept his status as \"elder,\" a title that means little.\nThe alliance was asked to send troops to the border.";
    let a = run(t);
    assert!(
        a.is_empty(),
        "{:?}",
        a.iter().map(|x| show(t, x)).collect::<Vec<_>>()
    );
}
