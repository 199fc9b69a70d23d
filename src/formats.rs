//! What the reader reads, and how: the rules every record follows.
//!
//! This module holds no code. It states, in one place, the rules that the
//! rest of the documentation refers to by letter (rule Y, rule G, …).
//!
//! # A quote
//!
//! A quote is a label and a price, with a change, a percent or both; a
//! direction marker alone is not enough. A percent shows `%` or a percent
//! word, unless a header names its column or the arithmetic pins it.
//!
//! | field | meaning |
//! |---|---|
//! | symbol | the label as shown: a ticker (rule Y), a name (rule W), or the code a page shows in parentheses after a name; [`Label`](crate::Label) says which |
//! | price | the last price: grouping removed, the decimal mark read as `.`, the scale shown kept (`5.990000` has scale 6, `98,412` scale 0), a magnitude suffix applied (`71.4k` is 71400) |
//! | direction | up, down or unchanged (rule D) |
//! | change | the signed change (rule S), or none when not shown |
//! | percent | the signed percent as shown, never rescaled (rule S), or none |
//! | span | the byte range of the whole quote in the input |
//! | evidence | what made the reader believe it: [`Evidence`](crate::Evidence) (see [reading by evidence](#reading-by-evidence)) |
//! | name | the name, where the page shows a name and a code (`Bank of Lumen (BLMN)`: symbol `BLMN`) |
//!
//! [`Field::ALL`](crate::Field::ALL) lists the record's fields as every
//! output writes them.
//!
//! A currency sign before the price (`$ € £ ¥ ₹ ₦`) or an ISO 4217 code
//! after it (`EUR`), and a magnitude suffix (`k`/`K`, `m`/`M`,
//! `B`/`bn`/`Bn`, `T`/`tn`/`Tr`), are kept in the quote
//! ([`Quote::currency`](crate::Quote::currency),
//! [`Quote::magnitude`](crate::Quote::magnitude)), and so is the precision
//! shown: `71.4k` stands for 71,350 to 71,450 when validated.
//!
//! # Rule Y: symbols
//!
//! A ticker has 1 to 15 characters: ASCII letters of either case and
//! digits, with `.` `-` `&` `/` `:` `=` `_` inside, and perhaps a leading
//! `^` or `.` (`AGL`, `KSE100`, `GSE-CI`, `BRK.B`, `^GSPC`, `I:DJI`,
//! `btc`). It has a letter, or is all digits (`555`) and then a separator
//! follows it. In scan mode a word of lowercase letters only is a ticker
//! only when glued to its price or currency sign (`btc$71.4k`), so prose
//! (`the index gained 120.25 (+0.55%)`) holds no quote. A four-digit
//! ticker that reads as a year from 1900 to 2099 is none (rule P).
//!
//! # Rule N: numbers
//!
//! Digits, perhaps a fraction; thousands groups of three digits after a
//! first group of one to three; no leading zero but a lone `0` before the
//! decimal mark (`007,812` and `0123` are no numbers). A number followed
//! by another separator and a digit (`19.06.2024`, `1,2345`) is malformed,
//! not a number and something else. No exponents, no `_`. At most 28
//! fraction digits and a value a [`Decimal`](crate::Decimal) holds: a
//! larger one is an error, never a rounded value.
//!
//! [`NumberStyle`](crate::NumberStyle) says which mark is decimal. Dot
//! style groups with `,` or `'`; comma style with `.`, `'`, a space, NBSP,
//! U+202F or U+2009. `Auto` decides per input from its first 64 KiB: a
//! comma followed by other than three digits, or digits grouped by spaces
//! or dots, is evidence for comma style; the decision and its evidence are
//! reported ([`StyleDecision`](crate::StyleDecision)).
//!
//! # Rule S: signs
//!
//! A sign shown before the digits wins: `+`, `-`, U+2212 `−` or U+2013 `–`,
//! perhaps with one space after it. An unsigned change or percent takes
//! the direction of the markers (rule D: down makes it negative); with no
//! marker, an unsigned percent takes the sign shown on the change
//! (`-8.20 (3.10%)` is −3.10). A sign is never applied twice: `▼ -0.41` is
//! −0.41. Where nothing signs an unsigned change and percent, a previous
//! close the row shows (below the price is up), the arithmetic (when only
//! one sign fits) or the row's block (where the column's other values show
//! a `-`, an unsigned one is positive) decides; else there is no quote.
//!
//! # Rule D: direction
//!
//! The first of these that is shown decides: a direction word, a glyph, the
//! change (zero is unchanged), the percent (zero is unchanged). The words,
//! in any case, are `Increased By`, `Decreased By`, `No Change`,
//! `Unchanged`, `Up`, `Down` and `unch`; the glyphs `▲ △ ▴ ↑ ⬆ 🔺` (up),
//! `▼ ▽ ▾ ↓ ⬇ 🔻` (down) and `►` (unchanged). Markers stand between the
//! price and the change or percent. When they disagree with each other or
//! with the numbers, the quote is still read, and the validator says so.
//!
//! # Formats
//!
//! Among the layouts read are these:
//!
//! | form | example |
//! |---|---|
//! | glued strip | `AGL40.13▲ 0.12 (0.00%)AIRLINK189.43▲ 1.45 (0.01%)` |
//! | worded lines | `KSE100 98,412 Increased By 812.3 (0.83%)` |
//! | separated | `NIFTY 22,150.40 +120.25 (+0.55%) \| TCS 3,901.10 -12.40 (-0.32%)` |
//! | change only | `ABOT 812.000000 -4.10 \| ACPL 0.00 -9` |
//! | percent only | `KQ4.12+6.74%EQTY41.30+2.15%` |
//! | digits in symbols | `NDX18,310.42 +95.10 +0.52%`, `ASX2007,812.40 +12.50 +0.16%` |
//! | comma decimals | `DAX 19 012,44 +85,10 (+0,45 %)` |
//! | crypto | `btc$71.4k+1.2%eth$3.2k-0.4%` |
//! | names | `CAC 40 7,412.30 -18.25 (-0.25%)` (rule W) |
//! | other orders | `Beta Corp 21,370 EUR +1,84 %`, `KAPPA up + 6.12% at 14.80`, `FTSE 100: 8,140.55 (+0.31%)` (rule L) |
//! | tables | rows under a header that names the columns (rule H), or whose numbers check each other |
//!
//! The fields of a quote are apart by nothing, by white space (line ends
//! included) or by a table cell bar `|`. Quotes are apart the same way, or
//! by `•`, `·` or `;`.
//!
//! # Rule G: glued symbol and price
//!
//! A ticker runs to its last letter, and digits after it start the price.
//! Trailing digits belong to the ticker only when (a) a separator follows
//! them (`KSE100 98,412`), or a colon or `=` and a space, which end the
//! label (`KSE100: 98,412`); (b) the grouping proves it: in `ASX2007,812.40`
//! the split after the letters gives `2007,812.40`, which breaks rule N,
//! and exactly one longer split (`ASX200` at `7,812.40`) gives a number;
//! or (c) the list of known symbols says so
//! ([`ParseOptions::symbols`](crate::ParseOptions::symbols)): the longest
//! listed symbol that the text starts with, first. A split that none of
//! these decides gives no quote: an error in strict mode, skipped text in
//! scan mode.
//!
//! # Reading by evidence
//!
//! Pages show quotes in more layouts than rules could list, so the reader
//! lets a quote's numbers and its neighbours decide which number is which.
//! It reads in stages, each over the one before, and reads no text twice:
//!
//! 1. **Tokens**: one nom grammar reads numbers (with their sign, `%` or
//!    percent word, parentheses, currency and magnitude, and what the same
//!    digits would be in the other number style), words, tickers, markers,
//!    cell separators, line ends, dates and times.
//! 2. **Records**: a label and the values after it. A line of values alone
//!    continues the record above it (one field a line); words that join
//!    fields (`to close at`, `points`, direction words) start no label.
//! 3. **Blocks**: consecutive records of one shape (the kinds and number of
//!    their values), with the header above them if one names the columns.
//! 4. **Readings**: every way to give a record's values the roles price,
//!    change, percent and previous close (the rest are other columns). A
//!    glued digit run no reading of rule N accepts may be cut in two, and
//!    only the arithmetic may accept a cut.
//! 5. **Evidence** for each reading, strongest first:
//!    - *arithmetic*: the percent is 100·change/(price − change) at the
//!      rounding shown, or the plain ratio (then with the finding
//!      `percent-is-fraction`), or a value is the previous close, price −
//!      change. A fit counts only when it is tight: the percents the price
//!      and change allow span a few units of the percent's last digit (a
//!      change of `1` pins no percent of `0.43`);
//!    - *header*: a header names the columns (rule H);
//!    - *block*: the reading every record of its block is read by;
//!    - *markers*: `%` or a percent word on the percent, a sign or glyph on
//!      the change, and a price shown with decimals or grouping (or a block
//!      that reads the same way); without a percent, a change shown with
//!      decimals and smaller than the price (`1003.1-1988` is a range);
//!    - *shape*: the record's place among three or more of one shape, one
//!      of them marked (`AGHA 11.870000 0.12` in a strip of quotes).
//! 6. **Judgement**: a record is a quote when one reading is best
//!    supported and no reading that gives other values is supported as
//!    well; else there is none (rule P).
//! 7. **Labels** have rules of their own (rules Y, W and below): never a
//!    time, date, time zone, month, year, rank, direction word, header or
//!    field word, category cell, or a sentence's tail. A label that is not
//!    clearly an instrument gives no quote, however well the numbers fit.
//!
//! Each quote carries the evidence that accepted it
//! ([`Quote::evidence`](crate::Quote::evidence)), and
//! [`ParseOptions::min_evidence`](crate::ParseOptions::min_evidence) keeps
//! only the quotes at least that strong:
//!
//! ```
//! use tickerstrip::{Evidence, ParseOptions};
//!
//! // 51.05 is 51.30 − 0.25: the previous close says which is the price.
//! let row = "Alpha Steel 51.30 51.05 51.60 50.90 +0.25 +0.49%";
//! let quote = tickerstrip::scan(row).find_map(|s| s.as_quote().cloned()).unwrap();
//! assert_eq!((quote.price.to_string(), quote.evidence), ("51.30".into(), Evidence::Arithmetic));
//!
//! // The change 0 checks no percent: only the markers vouch for it.
//! let strip = "MLCF49.47▲ 0 (0.00%)";
//! assert_eq!(tickerstrip::parse(strip)?[0].evidence, Evidence::Markers);
//! let checked = ParseOptions::new().min_evidence(Evidence::Arithmetic);
//! assert_eq!(checked.scan(strip).filter(|s| s.as_quote().is_some()).count(), 0);
//! # Ok::<(), tickerstrip::ParseError>(())
//! ```
//!
//! # Strict mode and scan mode
//!
//! Both modes ask the same judge. Scan mode ([`scan`](crate::scan)) finds
//! the quotes inside any page text and skips the rest. Strict mode
//! ([`parse`](crate::parse), [`quotes`](crate::quotes)) reads a strip and
//! nothing else: any other text (a record the judge refused included) is
//! an error with its position. Strict mode never yields a quote that scan
//! mode would not.
//!
//! Scanning loses nothing: every byte of the input belongs to exactly one
//! segment, a quote or skipped text, so the segments joined give the input
//! back. A quote cut off by the end of the input (`AGL40.13▲ 0.12 (0.0`)
//! is skipped text of kind [`SkipKind::Truncated`](crate::SkipKind), never
//! completed by guesswork; bytes that are not UTF-8 are skipped text of
//! their own kind, and the scan goes on after them.
//!
//! # Precision first
//!
//! A wrong record (another instrument, a price from another column, a
//! quote made of a date, a year or a rank) is worse than none: nothing
//! downstream can tell it from a true one. These rules keep them out, in
//! both modes.
//!
//! **Rule P: no guessing.** Where readings that give different records
//! stand equally, there is no record: `Nordbank 14 0.18 (1.22%)` is
//! `Nordbank` at 14 or `Nordbank 14` at 0.18, and the numbers do not say
//! which.
//!
//! **Rule B: token boundaries.** A label starts only at the start of the
//! input or of a line, after white space or another separator, or exactly
//! where the quote before it ended (`…(0.00%)AIRLINK189.43…`,
//! `…▲ 0.12BOP10.34…`). Never inside a number: in `188,40 184,10` the `40`
//! is a fraction, not a symbol.
//!
//! **Rule T: dates and times.** `2025-09-26`, `18-10-2024`, `25.11.2024`,
//! `22.01.25`, `16/10/24`, `11:53` and `17:15:00` are dates and times:
//! never a label, price, change or percent, and never split into numbers.
//! A date or time may follow a quote on its line.
//!
//! **Rule W: names.** Where a page shows a name and no ticker, the name is
//! the label: one to six words on one line, at most 40 characters, joined
//! by single spaces or NBSP. A word holds letters of any script, digits and
//! `& . - ' / ®`, and a letter; a word of digits only may follow one when
//! the number after it is the price (`CAC 40 7,412.30 -18.25 (-0.25%)` is
//! `CAC 40` at 7412.30, never `CAC` at 40). A name starts at a line start
//! (perhaps after a bullet `-`, `*`, `•`, `·`) or after a cell separator
//! (`|`, a tab, two or more spaces, `;`), and ends before its price or
//! before a `:` or `=` in front of it. A code in parentheses after a name
//! (`Bank of Lumen (BLMN)`), or a `^` or `.` code (`S&P/TSX Composite
//! Index ^TSX`), is the symbol, and the name is kept beside it.
//!
//! **Rule L: line quotes.** A quote labelled by a name, or read in one of
//! these orders, must fill its line (only separators, a date or time, or
//! another quote may follow it on the line, or the cells of a table row):
//! a currency after the price (`Alpha 312,40 € +2,15%`, `GoldUSD 1,912.40
//! USD -0.4%`); the percent before the price, after an optional direction
//! word, with at most three lowercase words between them, the last `at`,
//! `to` or `@` (`KAPPA up + 6.12% at 14.80`, `Zeta Coin +2.35%
//! $61,904.20`); a `:` or `=` after the label (`Gold = 1,790.40 +3.10`).
//! Words after such a quote make its line prose (`The index gained 120.25
//! (+0.55%) in early trade`), and an all-lowercase name of several words
//! is always prose.
//!
//! **Rule R: numbers no field explains.** A row may hold more numbers than
//! a quote has fields (a previous close, high, low or volume column:
//! `Alpha Steel 51.30 51.05 51.60 50.90 +0.25 +0.49%`). It holds a quote
//! only where the arithmetic or a header says which number is the price
//! (there, 51.05 is 51.30 − 0.25: a previous close, and the percent fits
//! it); markers alone leave that a guess (`VLTA 23.05 +0.25 +1.10%
//! 1,204,331` reads only because 0.25 on 22.80 is 1.10%), and where two
//! numbers fit as well (`Orion Pharma 51.30 51.60 50.90 +0.25 +0.49%`:
//! 51.30 and 51.60 both pin 0.49%) the row holds none.
//!
//! # Rule H: tables
//!
//! A header is a row of at least two cells that are labels, not numbers,
//! two of which the crate's vocabulary knows. The vocabulary (English,
//! German, French, Spanish, Italian, Portuguese and Polish, matched in any
//! case, `(KES)`-style suffixes and a trailing `:` stripped) maps each
//! label to a role: the label (`Name`, `Symbol`, `Aktie`, `Valeur`, …),
//! the price (`Last`, `Price`, `Kurs`, `Dernier`, …), the previous close
//! (`Prev. Close`, `Vortag`, …), the change (`Chg`, `+/-`, `Var.`, …), the
//! percent (`%`, `Chg %`, …), or a column to ignore (`Open`, `High`,
//! `Volume`, `Time`, …). A header on one line (pipe rows, columns aligned
//! by tabs or two or more spaces), one caption a line, or flattened before
//! the first row's label on the row's own line is read.
//!
//! The header is evidence, not a second parser: it names the reading of
//! each row under it, which then needs no `%` on its percent, signs an
//! unsigned change by its percent and reads `(1.4%)` as negative. The
//! numbers overrule it only where they contradict it (a caption of two
//! captions, `+/- %`, read as one): another reading fits exactly, with a
//! percent of two or more significant digits, and the header's does not
//! even agree within the numbers' rounding. A
//! header without a price column, or whose rows are keyed by a year, date
//! or period, gives no quotes; a row whose label is a rank, year or date
//! gives none. Where a previous close column is shown, the validator
//! checks that price − change meets it.
//!
//! ```
//! let table = "| Name | Prev. Close | Last | Chg | Chg % |\n\
//!              |---|---|---|---|---|\n\
//!              | Alpha Steel | 47.90 | 48.20 | +0.30 | +0.63 |\n";
//! let quote = tickerstrip::scan(table).find_map(|s| s.as_quote().cloned()).unwrap();
//! assert_eq!((quote.symbol, quote.price.to_string()), ("Alpha Steel", "48.20".into()));
//! assert_eq!(quote.previous_close.unwrap().to_string(), "47.90");
//! ```
//!
//! # Validation
//!
//! With price P, change C and percent R, the previous close is P − C and
//! the percent should be 100·C / (P − C). Every number shown is rounded: a
//! value with s decimals stands for the interval ±0.5·10⁻ˢ around it
//! (`41.8` is 41.75 to 41.85), or a whole unit of its last place either
//! way for sources that truncate ([`Rounding`](crate::Rounding)). A quote is consistent when
//! some price, change and percent within their intervals meet the formula;
//! rounding alone never makes a finding. The arithmetic is exact, never
//! floating point. When the intervals let the previous close reach zero,
//! the percent cannot be checked.
//!
//! The [`FindingKind`](crate::FindingKind)s: `percent-is-fraction` (the
//! percent is C / (P − C), not ×100), `percent-of-price` (it is 100·C / P),
//! `percent-sign-mismatch` (right size, wrong sign), `percent-mismatch` (no
//! reading fits; it carries the interval that would), `direction-mismatch`
//! (the marker disagrees with the change's sign, or the percent's when no
//! change is shown, a marker on a zero change included), `marker-conflict`
//! (a word and a glyph disagree), `price-not-positive` (the price or the
//! previous close is not above zero: nothing to check against) and
//! `previous-close-mismatch` (a table's previous close that price − change
//! does not meet, rounding allowed).
//!
//! A [`StripReport`](crate::StripReport) counts findings by kind and names
//! a dominant pattern when more than half of the checkable quotes (change
//! and percent shown, previous close positive) share one.
//!
//! # Errors and limits
//!
//! A strict-mode error ([`ParseError`](crate::ParseError)) gives the byte
//! offset, the line and column (1-based; columns count characters, so `▲`
//! is one column and three bytes), the index of the quote (from 0), what
//! was expected and what was found: `line 1, column 36: expected a
//! direction marker or a change after price 189.43, found 'x'`. Bad input
//! never panics.
//!
//! A quote, with the records, block and header around it, is read within
//! 64 KiB of input. Time is linear in the input for every input, and the
//! streaming readers hold a bounded part of it however long it is.
