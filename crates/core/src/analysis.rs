use crate::{Date, Span};

/// One article as it enters the pipeline.
#[derive(Clone, Debug, Default)]
pub struct Document {
    /// Caller's identifier (the JSONL `id`).
    pub id: String,
    /// The article text. Every span in an [`Analysis`] points into this string.
    pub text: String,
    /// Publication date, when the caller knows it.
    pub published: Option<Date>,
    /// Title, when known (from HTML metadata).
    pub title: Option<String>,
    /// Author(s), when known.
    pub author: Option<String>,
    /// Source URL, when known.
    pub url: Option<String>,
}

impl Document {
    /// A plain-text document.
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> Document {
        Document {
            id: id.into(),
            text: text.into(),
            ..Document::default()
        }
    }

    /// Set the publication date.
    pub fn with_published(mut self, date: Option<Date>) -> Document {
        self.published = date;
        self
    }
}

/// A paragraph (a line of the input, or a block of lines without a blank between).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Paragraph {
    /// Bytes of the original text, without the line break.
    pub span: Span,
    /// True for a heading: a short line without final punctuation between paragraphs.
    pub heading: bool,
}

/// A sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sentence {
    /// Bytes of the original text, trimmed of surrounding whitespace.
    pub span: Span,
    /// Index of its paragraph in [`Analysis::paragraphs`].
    pub paragraph: usize,
}

/// What kind of token.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// Letters, digits, and word-internal apostrophes, hyphens and periods.
    Word,
    /// A number.
    Number,
    /// A quotation mark (any style).
    Quote,
    /// Other punctuation or symbol.
    Punct,
}

/// A token.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    /// Bytes of the text the tokenizer was given.
    pub span: Span,
    /// Its kind.
    pub kind: TokenKind,
}

/// How a quotation is reported.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum QuoteKind {
    /// The content is entirely inside quotation marks.
    Direct,
    /// Reported speech that quotes fragments.
    Mixed,
    /// Reported speech, a belief or an intention without quotation marks.
    Indirect,
}

impl QuoteKind {
    /// The contract's name: `direct`, `mixed`, `indirect`.
    pub fn as_str(&self) -> &'static str {
        match self {
            QuoteKind::Direct => "direct",
            QuoteKind::Mixed => "mixed",
            QuoteKind::Indirect => "indirect",
        }
    }
}

/// Who said what: one attribution relation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Attribution {
    /// What was said, in pieces when a cue splits it; bytes of the original text.
    pub content: Vec<Span>,
    /// The speaker mention as written ("he", "Trenin"), when there is one.
    pub source: Option<Span>,
    /// The cue ("said", "wrote on Twitter", "according to").
    pub cue: Option<Span>,
    /// The speaker resolved to the fullest name in the article.
    pub speaker: Option<String>,
    /// Direct, mixed or indirect.
    pub kind: QuoteKind,
    /// The speaker's role ("director"), when given nearby.
    pub role: Option<String>,
    /// The speaker's organisation ("Carnegie Moscow Center").
    pub affiliation: Option<String>,
    /// Where it was said ("Twitter", "TV Rain").
    pub medium: Option<String>,
    /// When it was said, as a calendar value ("2022-01-06", "2010").
    pub date: Option<String>,
}

/// Entity labels.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EntityLabel {
    /// A person.
    Person,
    /// An organisation.
    Org,
    /// A place: country, city, region.
    Place,
    /// Nationalities, religious or political groups ("Kazakh").
    Norp,
    /// A named event.
    Event,
    /// A law or treaty.
    Law,
    /// A work of art, book, programme.
    Work,
    /// Anything else named.
    Other,
}

impl EntityLabel {
    /// The contract's label.
    pub fn as_str(&self) -> &'static str {
        match self {
            EntityLabel::Person => "PERSON",
            EntityLabel::Org => "ORG",
            EntityLabel::Place => "PLACE",
            EntityLabel::Norp => "NORP",
            EntityLabel::Event => "EVENT",
            EntityLabel::Law => "LAW",
            EntityLabel::Work => "WORK",
            EntityLabel::Other => "OTHER",
        }
    }
}

/// Identifies one entity (a cluster of mentions) within an [`Analysis`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct EntityId(pub u32);

/// A named-entity mention, tied to its entity.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entity {
    /// Bytes of the original text.
    pub span: Span,
    /// Label.
    pub label: EntityLabel,
    /// The entity this mention belongs to.
    pub id: EntityId,
    /// Canonical name: the fullest form in the article (or from a gazetteer).
    pub canonical: String,
    /// The entity's role ("director", "spokesman"), when the article gives one: taken
    /// from the attributions whose speaker is this entity. Same on every mention of it.
    pub role: Option<String>,
    /// The entity's organisation ("Carnegie Moscow Center"), like `role`.
    pub affiliation: Option<String>,
}

/// TIMEX3 types.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TimeType {
    /// A calendar date or period.
    Date,
    /// A time of day.
    Time,
    /// A duration.
    Duration,
    /// A recurring time.
    Set,
}

impl TimeType {
    /// The TIMEX3 type name.
    pub fn as_str(&self) -> &'static str {
        match self {
            TimeType::Date => "DATE",
            TimeType::Time => "TIME",
            TimeType::Duration => "DURATION",
            TimeType::Set => "SET",
        }
    }
}

/// A time expression with its normalised value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TimeExpr {
    /// Bytes of the original text.
    pub span: Span,
    /// TIMEX3 type.
    pub kind: TimeType,
    /// TIMEX3 value ("2022-01-06", "2022-W01", "P3D", "XXXX-XX-XX" when unresolved).
    pub value: String,
}

/// A PLOVER event.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Event {
    /// The event's trigger or clause, bytes of the original text.
    pub span: Span,
    /// PLOVER category ("REQUEST", "MOBILIZE" …).
    pub category: String,
    /// Who did it.
    pub source: Option<String>,
    /// To whom.
    pub target: Option<String>,
    /// When, as a calendar value.
    pub date: Option<String>,
}

/// How serious a diagnostic is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Severity {
    /// Something was skipped or guessed.
    Warning,
    /// For information only.
    Note,
}

/// Something a stage noticed about messy input. Analysis never fails; it explains.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// Severity.
    pub severity: Severity,
    /// Which stage speaks ("text", "quotes" …).
    pub stage: &'static str,
    /// A message fit for a person.
    pub message: String,
    /// Where, when it is about a place in the text.
    pub span: Option<Span>,
}

impl Diagnostic {
    /// A warning.
    pub fn warning(stage: &'static str, message: impl Into<String>, span: Option<Span>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            stage,
            message: message.into(),
            span,
        }
    }
}

/// Everything the pipeline found in one document.
#[derive(Clone, Debug, Default)]
pub struct Analysis {
    /// Publication date used to resolve relative times (given or found in the text).
    pub published: Option<Date>,
    /// Page furniture found inside the text (player notices, "SEE ALSO" links …).
    pub furniture: Vec<Span>,
    /// Paragraphs, in order.
    pub paragraphs: Vec<Paragraph>,
    /// Sentences, in order; they never cross a paragraph.
    pub sentences: Vec<Sentence>,
    /// Who said what.
    pub attributions: Vec<Attribution>,
    /// Named-entity mentions.
    pub entities: Vec<Entity>,
    /// Time expressions.
    pub times: Vec<TimeExpr>,
    /// Events.
    pub events: Vec<Event>,
    /// What was noticed along the way.
    pub diagnostics: Vec<Diagnostic>,
}
