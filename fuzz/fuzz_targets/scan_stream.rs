//! Streaming scan of any bytes, in every number style: fed in chunks of
//! fuzzed sizes, with reads that are sometimes interrupted, the reader
//! yields exactly what it yields from the whole input (the same segments,
//! the same error if any, the same number style), and on UTF-8 text exactly
//! what `scan` yields.
//!
//! The input's first byte says how many of the bytes after it make the read
//! schedule; the rest is the page. A schedule byte's low seven bits give a
//! read's size (1 to 128 bytes), its high bit an `Interrupted` error before
//! that read; the schedule repeats to the end of the page.

#![no_main]

use std::io::{self, Read};

use libfuzzer_sys::fuzz_target;
use tickerstrip::{NumberStyle, OwnedSegment, ParseOptions, SegmentReader, StyleDecision};

/// A page read in the sizes of a repeating schedule, interrupted where it says.
struct Chunked<'a> {
    page: &'a [u8],
    schedule: &'a [u8],
    /// Reads done, and so where in the schedule the next one is.
    reads: usize,
    /// The `Interrupted` error due before the next read was returned.
    interrupted: bool,
}

impl Read for Chunked<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let step = self.schedule[self.reads % self.schedule.len()];
        if step & 0x80 != 0 && !self.interrupted {
            self.interrupted = true;
            return Err(io::ErrorKind::Interrupted.into());
        }
        self.interrupted = false;
        self.reads += 1;
        let len = (usize::from(step & 0x7f) + 1)
            .min(buf.len())
            .min(self.page.len());
        let (chunk, rest) = self.page.split_at(len);
        buf[..len].copy_from_slice(chunk);
        self.page = rest;
        Ok(len)
    }
}

/// What a scan of a whole input gave.
#[derive(Debug, PartialEq)]
struct Run {
    /// The segments, to the end or the first error, with each error as its
    /// kind and message (an `io::Error` has no `PartialEq`).
    items: Vec<Result<OwnedSegment, (io::ErrorKind, String)>>,
    /// The number style the scan settled on.
    style: Option<StyleDecision>,
}

impl Run {
    /// Everything `reader` yields.
    fn read<R: Read>(mut reader: SegmentReader<R>) -> Run {
        let items = reader
            .by_ref()
            .map(|item| item.map_err(|e| (e.kind(), e.to_string())))
            .collect();
        Run {
            items,
            style: reader.number_style(),
        }
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&count, rest)) = data.split_first() else {
        return;
    };
    let (schedule, page) = rest.split_at((usize::from(count) % 8 + 1).min(rest.len()));
    if schedule.is_empty() {
        return;
    }
    for style in [NumberStyle::Auto, NumberStyle::Dot, NumberStyle::Comma] {
        let options = ParseOptions::new().number_style(style);
        let whole = Run::read(options.scan_reader(page));
        let chunked = Run::read(options.scan_reader(Chunked {
            page,
            schedule,
            reads: 0,
            interrupted: false,
        }));
        assert_eq!(chunked, whole, "{style:?}: chunks by {schedule:?}");
        if let Ok(text) = std::str::from_utf8(page) {
            let segments = options.scan(text);
            let scanned = Run {
                style: Some(segments.number_style()),
                items: segments.map(|s| Ok(OwnedSegment::from(s))).collect(),
            };
            assert_eq!(whole, scanned, "{style:?}: reader and scan");
        }
    }
});
