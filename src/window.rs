//! The part of the input a parser holds, and quote attempts bounded in it.
//!
//! Every quote attempt reads at most [`REACH`] bytes from its start, whether
//! the input is a whole `&str` or a stream read in chunks. So what a parse
//! finds depends only on the input, never on how it was chunked, and a
//! stream needs to hold only a bounded part of it.

use crate::grammar::{Failure, Grammar, Input, PResult, RuleError};
use crate::lexical::{ends_with_separator, starts_a_cell};
use crate::quote::Quote;
use crate::table::{Line, line_at};

/// How far one quote attempt may read from its start: a quote, with the
/// gaps between its fields, spans at most 64 KiB.
///
/// Fuzzing builds use small sizes here and for the scanner's and streams'
/// buffers, so that inputs of a few KiB reach every limit and compaction.
pub(crate) const REACH: usize = if cfg!(fuzzing) { 256 } else { 64 * 1024 };

/// Bytes after an attempt's reach that scan mode looks at (what follows a
/// weak candidate).
const SLACK: usize = 8;

/// How far before a candidate the readers look: whether a cell starts
/// there and the word of a name before its last word (rule W), and the
/// numbers on the candidate's line before it (rule R).
pub(crate) const LOOKBEHIND: usize = 256;

/// A window on the input: `bytes` is the input from offset `base` on, up to
/// the end of the input when `eof`.
///
/// The bytes need not be UTF-8: a quote holds only UTF-8 (rule Y's ASCII
/// symbols, numbers, the listed glyphs and words), and any other byte is
/// text that holds no quote.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Window<'t> {
    pub(crate) bytes: &'t [u8],
    pub(crate) base: usize,
    pub(crate) eof: bool,
}

/// The outcome of a quote attempt.
#[derive(Debug)]
pub(crate) enum Attempt<'t> {
    /// A quote, its span in the whole input.
    Quote(Quote<'t>),
    /// No quote starts there; [`Window::failure`] tells why.
    Failed,
    /// The window does not yet hold the attempt's reach.
    NeedMore,
}

/// Why an attempt found no quote.
#[derive(Debug)]
pub(crate) struct Failed<'t> {
    pub(crate) failure: Failure<'t>,
    /// Where it failed, an offset in the whole input.
    pub(crate) offset: usize,
    /// The end of the input cut a quote off there.
    pub(crate) truncated: bool,
    /// The attempt failed where its reach ended, inside the input.
    pub(crate) too_long: bool,
}

/// A quote that does not borrow the window it was read from: its symbol is
/// kept as a range of the input. Readers hold one across calls, while they
/// give out the text before it, and lend it back with [`Detached::attach`].
#[derive(Debug, Clone)]
pub(crate) struct Detached {
    quote: Quote<'static>,
    symbol: std::ops::Range<usize>,
}

impl Detached {
    /// Detaches `quote`, read from `window`.
    pub(crate) fn new(quote: Quote<'_>, window: Window<'_>) -> Detached {
        let symbol = match quote.symbol.len() {
            0 => 0,
            _ => window.offset_of(quote.symbol.as_bytes()),
        };
        Detached {
            symbol: symbol..symbol + quote.symbol.len(),
            quote: Quote {
                symbol: "",
                ..quote
            },
        }
    }

    /// The quote again, its symbol borrowed from `window`, which holds the
    /// input the quote was read from.
    pub(crate) fn attach(self, window: Window<'_>) -> Quote<'_> {
        let symbol = match self.symbol.len() {
            0 => "",
            _ => {
                let bytes = window.slice(self.symbol.start, self.symbol.end);
                std::str::from_utf8(bytes).expect("a symbol is UTF-8")
            }
        };
        Quote {
            symbol,
            ..self.quote
        }
    }
}

impl<'t> Window<'t> {
    /// The whole input.
    pub(crate) fn whole(bytes: &'t [u8]) -> Window<'t> {
        Window {
            bytes,
            base: 0,
            eof: true,
        }
    }

    /// The input offset where `text`, a slice of the window, starts.
    fn offset_of(&self, text: &[u8]) -> usize {
        let from = text
            .as_ptr()
            .addr()
            .wrapping_sub(self.bytes.as_ptr().addr());
        assert!(
            from + text.len() <= self.bytes.len(),
            "the text is not in the window"
        );
        self.base + from
    }

    /// The input's offset just past the window.
    pub(crate) fn end(&self) -> usize {
        self.base + self.bytes.len()
    }

    /// Whether the window holds the input up to offset `pos` (or all of it).
    pub(crate) fn holds(&self, pos: usize) -> bool {
        self.eof || pos <= self.end()
    }

    /// The bytes from offset `pos` to the window's end.
    pub(crate) fn bytes_from(&self, pos: usize) -> Input<'t> {
        &self.bytes[pos - self.base..]
    }

    /// The bytes between two offsets.
    pub(crate) fn slice(&self, start: usize, end: usize) -> Input<'t> {
        &self.bytes[start - self.base..end - self.base]
    }

    /// The bytes before offset `pos`, at most `len` of them, as far back as
    /// the window holds.
    pub(crate) fn before(&self, pos: usize, len: usize) -> Input<'t> {
        let start = pos.saturating_sub(len).max(self.base);
        &self.bytes[start - self.base..pos - self.base]
    }

    /// The line that starts at offset `start`, cut at [`REACH`] bytes; `None`
    /// when the window does not hold it yet, `Some(None)` past the input's end.
    pub(crate) fn line_at(&self, start: usize) -> Option<Option<Line<'t>>> {
        line_at(self.bytes, self.base, start, REACH, !self.eof)
    }

    /// Attempts a quote at offset `start`, reading at most [`REACH`] bytes,
    /// and [`LOOKBEHIND`] bytes before it to tell whether a cell starts
    /// there, where a name may label the quote (rule W).
    ///
    /// The grammar runs with errors that carry nothing: most attempts in
    /// page text fail, and only a caller that reports a failure asks
    /// [`Window::failure`] for it.
    pub(crate) fn attempt(&self, grammar: &Grammar, start: usize) -> Attempt<'t> {
        if !self.holds(start + REACH + SLACK) {
            return Attempt::NeedMore;
        }
        match self.read::<()>(grammar, start) {
            Ok((_, quote)) => Attempt::Quote(quote.shifted(start)),
            Err(_) => Attempt::Failed,
        }
    }

    /// Why the attempt at `start` failed: the same grammar run again, with
    /// errors that say where and why. Call it only after
    /// [`Window::attempt`] returned [`Attempt::Failed`].
    #[cold]
    pub(crate) fn failure(&self, grammar: &Grammar, start: usize) -> Failed<'t> {
        let end = self.reach_end(start);
        let failure = match self.read::<Failure<'t>>(grammar, start) {
            Err(nom::Err::Error(failure) | nom::Err::Failure(failure)) => failure,
            Ok(_) | Err(nom::Err::Incomplete(_)) => Failure::at_end(&self.bytes[..0]),
        };
        let at_input_end = self.eof && end == self.end();
        Failed {
            failure,
            offset: end - failure.at.len(),
            truncated: at_input_end && failure.is_truncation(),
            too_long: !at_input_end && failure.at.is_empty(),
        }
    }

    /// Whether the failed attempt at `start` is a quote cut off by the
    /// end of the input.
    pub(crate) fn truncated(&self, grammar: &Grammar, start: usize) -> bool {
        let at_input_end = self.eof && self.reach_end(start) == self.end();
        at_input_end && self.failure(grammar, start).truncated
    }

    /// The offset where the reach of an attempt at `start` ends.
    fn reach_end(&self, start: usize) -> usize {
        (start + REACH).min(self.end())
    }

    /// The grammar's reading at `start`: a quote labelled by a ticker, or
    /// where a cell starts, by a ticker or a name.
    fn read<E: RuleError<'t>>(&self, grammar: &Grammar, start: usize) -> PResult<'t, Quote<'t>, E> {
        let reach = self.slice(start, self.reach_end(start));
        let before = self.before(start, LOOKBEHIND);
        match ends_with_separator(before) && starts_a_cell(before) {
            true => grammar.cell_quote(reach),
            false => grammar.quote(reach),
        }
    }
}
