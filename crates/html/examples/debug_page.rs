//! Debug aid: `zcat page.html.gz | debug_page [url]` prints the extraction.
use std::io::Read;

fn main() {
    let mut bytes = Vec::new();
    let _ = std::io::stdin().read_to_end(&mut bytes);
    let (html, enc) = dossier_html::decode(&bytes, None);
    let url = std::env::args().nth(1);
    let a = dossier_html::extract(&html, url.as_deref());
    println!("encoding: {enc}\ntitle: {:?}\nauthor: {:?}\npublished: {:?} ({:?})\nembeds: {:?}\ndiagnostics: {:?}\n---", a.title, a.author, a.published, a.date_source, a.embeds, a.diagnostics);
    println!("{}", a.text);
    if let Ok(d) = std::env::var("TREE") {
        eprintln!(
            "{}",
            dossier_html::debug_tree(&html, d.parse().unwrap_or(4))
        );
    }
    for line in dossier_html::debug_roots(&html) {
        eprintln!("{line}");
    }
}
