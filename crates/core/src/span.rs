use std::fmt;

/// A half-open byte range `[start, end)` into some text.
///
/// Inside the engine a span always points into the original document text unless the
/// holder's docs say otherwise (only [`crate::CleanText`] hands out spans into its
/// normalised text).
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`.
    ///
    /// # Panics
    /// When `start > end`: that is a bug in the caller, never a property of input text.
    #[inline]
    #[track_caller]
    pub fn new(start: usize, end: usize) -> Span {
        assert!(start <= end, "Span::new({start}, {end}): start after end");
        Span { start, end }
    }

    /// A span from `start` to `end`, or `None` when `start > end`.
    #[inline]
    pub fn try_new(start: usize, end: usize) -> Option<Span> {
        (start <= end).then_some(Span { start, end })
    }

    /// Length in bytes.
    #[inline]
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// True when the span covers no byte.
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// The text the span covers, or `""` when it is out of range or off a char boundary.
    #[inline]
    pub fn slice<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.start..self.end).unwrap_or("")
    }

    /// True when `other` lies inside `self`.
    #[inline]
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// True when the two spans share at least one byte.
    #[inline]
    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The smallest span covering both.
    #[inline]
    pub fn cover(&self, other: Span) -> Span {
        Span {
            start: self.start.min(other.start),
            end: self.end.max(other.end),
        }
    }

    /// The span shifted right by `by` bytes.
    #[inline]
    pub fn shift(&self, by: usize) -> Span {
        Span {
            start: self.start + by,
            end: self.end + by,
        }
    }

    /// The span with leading and trailing whitespace of `text` removed.
    pub fn trim(&self, text: &str) -> Span {
        let s = self.slice(text);
        let lead = s.len() - s.trim_start().len();
        let trimmed = s.trim();
        Span {
            start: self.start + lead,
            end: self.start + lead + trimmed.len(),
        }
    }
}

impl fmt::Debug for Span {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}..{}", self.start, self.end)
    }
}

impl From<std::ops::Range<usize>> for Span {
    fn from(r: std::ops::Range<usize>) -> Span {
        Span::new(r.start, r.end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trim_and_slice() {
        let t = "  Trenin said ";
        let s = Span::new(0, t.len()).trim(t);
        assert_eq!(s.slice(t), "Trenin said");
        assert_eq!(Span::new(0, 100).slice(t), "");
    }

    #[test]
    fn overlap_and_cover() {
        let a = Span::new(0, 5);
        let b = Span::new(4, 9);
        assert!(a.overlaps(b));
        assert!(!a.overlaps(Span::new(5, 6)));
        assert_eq!(a.cover(b), Span::new(0, 9));
        assert!(Span::try_new(3, 2).is_none());
    }
}
