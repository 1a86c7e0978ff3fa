use crate::Span;

/// Normalised text that remembers where every byte came from.
///
/// Built with [`CleanText::builder`]: edits are non-overlapping replacements of
/// original byte ranges, given in increasing order. The result keeps, for every byte
/// of the normalised text, the original range it came from, so that any span over the
/// normalised text maps back with [`CleanText::to_original`].
///
/// **Invariant:** the map is the identity (shifted) on untouched text, and it is
/// monotonic: `to_original` never reverses a span.
#[derive(Clone, Debug)]
pub struct CleanText {
    text: String,
    /// For byte `i` of `text`: the original range it stands for.
    starts: Vec<u32>,
    ends: Vec<u32>,
    original_len: usize,
}

/// Accumulates edits over an original text; see [`CleanText`].
#[derive(Debug)]
pub struct CleanTextBuilder<'a> {
    original: &'a str,
    text: String,
    starts: Vec<u32>,
    ends: Vec<u32>,
    /// Original bytes consumed so far.
    pos: usize,
}

impl<'a> CleanTextBuilder<'a> {
    fn copy_to(&mut self, upto: usize) {
        let upto = upto.min(self.original.len());
        if upto <= self.pos {
            return;
        }
        let chunk = &self.original[self.pos..upto];
        self.text.push_str(chunk);
        for (i, _) in chunk.bytes().enumerate() {
            let o = (self.pos + i) as u32;
            self.starts.push(o);
            self.ends.push(o + 1);
        }
        self.pos = upto;
    }

    /// Replace the original bytes `span` with `with`.
    ///
    /// Edits must come in increasing order and not overlap; an edit that starts
    /// before the end of the previous one, or that is not on char boundaries of the
    /// original, is ignored (the builder never panics on its input).
    pub fn replace(&mut self, span: Span, with: &str) {
        if span.start < self.pos
            || span.end > self.original.len()
            || !self.original.is_char_boundary(span.start)
            || !self.original.is_char_boundary(span.end)
        {
            return;
        }
        self.copy_to(span.start);
        self.text.push_str(with);
        for _ in 0..with.len() {
            self.starts.push(span.start as u32);
            self.ends.push(span.end as u32);
        }
        self.pos = span.end;
    }

    /// The original text this builder edits.
    pub fn original(&self) -> &'a str {
        self.original
    }

    /// Copy the rest of the original and build the map.
    pub fn finish(mut self) -> CleanText {
        self.copy_to(self.original.len());
        CleanText {
            text: self.text,
            starts: self.starts,
            ends: self.ends,
            original_len: self.original.len(),
        }
    }
}

impl CleanText {
    /// Start editing `original`.
    pub fn builder(original: &str) -> CleanTextBuilder<'_> {
        CleanTextBuilder {
            original,
            text: String::with_capacity(original.len()),
            starts: Vec::with_capacity(original.len()),
            ends: Vec::with_capacity(original.len()),
            pos: 0,
        }
    }

    /// A clean text identical to the original.
    pub fn identity(original: &str) -> CleanText {
        CleanText::builder(original).finish()
    }

    /// The normalised text.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// Length of the original text in bytes.
    pub fn original_len(&self) -> usize {
        self.original_len
    }

    /// Map a span over the normalised text to the original text.
    ///
    /// Out-of-range ends are clamped; an empty span maps to an empty span at the
    /// original position of its start.
    pub fn to_original(&self, span: Span) -> Span {
        let n = self.text.len();
        let s = span.start.min(n);
        let e = span.end.min(n);
        let start = if s < n {
            self.starts[s] as usize
        } else {
            self.original_len
        };
        if e <= s {
            return Span::new(start, start);
        }
        let end = self.ends[e - 1] as usize;
        Span::new(start, end.max(start))
    }

    /// Map an original byte offset to the first normalised byte at or after it.
    pub fn from_original_offset(&self, offset: usize) -> usize {
        // `ends` is monotonic: the first normalised byte whose original range ends
        // after `offset` is the one covering it (or the next one).
        self.ends.partition_point(|&e| (e as usize) <= offset)
    }

    /// Map a span over the original text to the normalised text.
    pub fn from_original(&self, span: Span) -> Span {
        let s = self.from_original_offset(span.start);
        let e = self.starts.partition_point(|&st| (st as usize) < span.end);
        Span::new(s, e.max(s))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identity_maps_to_itself() {
        let t = "Trenin said.";
        let c = CleanText::identity(t);
        assert_eq!(c.as_str(), t);
        assert_eq!(c.to_original(Span::new(0, 6)), Span::new(0, 6));
        assert_eq!(c.from_original(Span::new(7, 11)), Span::new(7, 11));
    }

    #[test]
    fn shrinking_edits_map_back() {
        let t = "a «b» c";
        let mut b = CleanText::builder(t);
        b.replace(Span::new(2, 4), "\"");
        b.replace(Span::new(5, 7), "\"");
        let c = b.finish();
        assert_eq!(c.as_str(), "a \"b\" c");
        assert_eq!(c.to_original(Span::new(2, 5)).slice(t), "«b»");
        assert_eq!(c.to_original(Span::new(3, 4)).slice(t), "b");
        assert_eq!(c.to_original(Span::new(6, 7)).slice(t), "c");
        assert_eq!(c.from_original(Span::new(4, 5)), Span::new(3, 4));
    }

    #[test]
    fn bad_edits_are_ignored() {
        let t = "«b»";
        let mut b = CleanText::builder(t);
        b.replace(Span::new(1, 2), "x"); // inside a char
        b.replace(Span::new(0, 100), "x"); // out of range
        let c = b.finish();
        assert_eq!(c.as_str(), t);
    }
}
