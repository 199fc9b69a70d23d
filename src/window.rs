//! The part of the input a reader holds.
//!
//! A reader over a `&str` holds all of it; a stream holds a window that
//! moves. Both hand the engine regions of the same bytes, so what they
//! find is the same.

/// A window on the input: `bytes` is the input from offset `base` on, up to
/// the end of the input when `eof`.
///
/// The bytes need not be UTF-8: a quote holds only UTF-8, and any other
/// byte is text that holds no quote.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Window<'t> {
    pub(crate) bytes: &'t [u8],
    pub(crate) base: usize,
    pub(crate) eof: bool,
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

    /// The input's offset just past the window.
    pub(crate) fn end(&self) -> usize {
        self.base + self.bytes.len()
    }

    /// Whether the window holds the input up to offset `pos` (or all of it).
    pub(crate) fn holds(&self, pos: usize) -> bool {
        self.eof || pos <= self.end()
    }

    /// The bytes between two offsets.
    pub(crate) fn slice(&self, start: usize, end: usize) -> &'t [u8] {
        &self.bytes[start - self.base..end - self.base]
    }
}
