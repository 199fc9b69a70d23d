//! Tables read by their headers (rule H): a header row names the columns,
//! and only the header says which number is the price.
//!
//! A header is a row of at least two cells that are labels, not numbers,
//! at least two of which [`VOCABULARY`] knows. It governs the rows below it
//! until a blank line, a row of another width, or text that is not a row.
//! Rows are markdown pipe rows (`| Alpha Steel | 47.90 | +0.30 |`) or
//! columns aligned with tabs or runs of two or more spaces.

use std::collections::VecDeque;
use std::ops::Range;

use crate::lexical::{hspace_len, invisible_len, is_line_end, trailing_hspace_len};

/// Most columns a header may have.
pub(crate) const MAX_COLUMNS: usize = 16;

/// What a header's column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Role {
    /// The instrument's ticker or name.
    Label,
    /// The last price.
    Price,
    /// The previous close.
    PreviousClose,
    /// The absolute change.
    Change,
    /// The percent change; its cells need no `%`.
    Percent,
    /// A column no quote field comes from: open, high, low, volume, time.
    Ignored,
    /// A column that keys rows by a year, a date or a period (`Year`,
    /// `This Week`): a table of periods, not of instruments.
    Period,
    /// A label the vocabulary does not know: an ignored column.
    Unknown,
}

/// Header labels and their roles, lowercase, in English, German, French,
/// Spanish, Italian, Portuguese and Polish. Labels are matched whole and
/// case-insensitively, after a currency suffix like `(KES)` and a trailing
/// `:` are stripped and runs of spaces made one.
pub(crate) const VOCABULARY: &[(&str, Role)] = &[
    // Labels.
    ("name", Role::Label),
    ("symbol", Role::Label),
    ("ticker", Role::Label),
    ("company", Role::Label),
    ("index", Role::Label),
    ("instrument", Role::Label),
    ("stock", Role::Label),
    ("share", Role::Label),
    ("security", Role::Label),
    ("aktie", Role::Label),
    ("wert", Role::Label),
    ("titel", Role::Label),
    ("titre", Role::Label),
    ("valeur", Role::Label),
    ("société", Role::Label),
    ("título", Role::Label),
    ("empresa", Role::Label),
    ("valor", Role::Label),
    ("azioni", Role::Label),
    ("titolo", Role::Label),
    ("ativo", Role::Label),
    ("ação", Role::Label),
    ("spółka", Role::Label),
    ("indeks", Role::Label),
    ("nazwa", Role::Label),
    ("walor", Role::Label),
    // Prices.
    ("last", Role::Price),
    ("price", Role::Price),
    ("close", Role::Price),
    ("current", Role::Price),
    ("current value", Role::Price),
    ("last price", Role::Price),
    ("last trade", Role::Price),
    ("closing price", Role::Price),
    ("kurs", Role::Price),
    ("letzter", Role::Price),
    ("letzter kurs", Role::Price),
    ("aktueller kurs", Role::Price),
    ("schlusskurs", Role::Price),
    ("dernier", Role::Price),
    ("dernier cours", Role::Price),
    ("cours", Role::Price),
    ("último", Role::Price),
    ("ultimo", Role::Price),
    ("precio", Role::Price),
    ("prezzo", Role::Price),
    ("preço", Role::Price),
    ("cotação", Role::Price),
    ("kurs aktualny", Role::Price),
    ("cena", Role::Price),
    // Previous closes.
    ("prev.", Role::PreviousClose),
    ("prev", Role::PreviousClose),
    ("previous", Role::PreviousClose),
    ("previous close", Role::PreviousClose),
    ("prev. close", Role::PreviousClose),
    ("prev close", Role::PreviousClose),
    ("vortag", Role::PreviousClose),
    ("schluss vortag", Role::PreviousClose),
    ("veille", Role::PreviousClose),
    ("clôture veille", Role::PreviousClose),
    ("anterior", Role::PreviousClose),
    ("cierre anterior", Role::PreviousClose),
    ("fechamento anterior", Role::PreviousClose),
    ("precedente", Role::PreviousClose),
    ("chiusura precedente", Role::PreviousClose),
    ("poprzedni", Role::PreviousClose),
    ("kurs odniesienia", Role::PreviousClose),
    // Changes.
    ("chg", Role::Change),
    ("chg.", Role::Change),
    ("change", Role::Change),
    ("net chg", Role::Change),
    ("net change", Role::Change),
    ("+/-", Role::Change),
    ("diff.", Role::Change),
    ("diff", Role::Change),
    ("änderung", Role::Change),
    ("veränderung", Role::Change),
    ("var.", Role::Change),
    ("var", Role::Change),
    ("variation", Role::Change),
    ("variación", Role::Change),
    ("variazione", Role::Change),
    ("variação", Role::Change),
    ("zmiana", Role::Change),
    // Percents.
    ("%", Role::Percent),
    ("chg %", Role::Percent),
    ("chg%", Role::Percent),
    ("% chg", Role::Percent),
    ("%chg", Role::Percent),
    ("% change", Role::Percent),
    ("change (%)", Role::Percent),
    ("change %", Role::Percent),
    ("chg (%)", Role::Percent),
    ("pct", Role::Percent),
    ("pct change", Role::Percent),
    ("percent change", Role::Percent),
    ("var. %", Role::Percent),
    ("var %", Role::Percent),
    ("var. (%)", Role::Percent),
    ("% var.", Role::Percent),
    ("+/- %", Role::Percent),
    ("+/-%", Role::Percent),
    ("perf. %", Role::Percent),
    ("perf %", Role::Percent),
    ("änderung %", Role::Percent),
    ("änderung in %", Role::Percent),
    ("veränderung %", Role::Percent),
    ("variation %", Role::Percent),
    ("variación %", Role::Percent),
    ("variazione %", Role::Percent),
    ("variação %", Role::Percent),
    ("zmiana (%)", Role::Percent),
    ("zmiana %", Role::Percent),
    // Ignored columns.
    ("open", Role::Ignored),
    ("high", Role::Ignored),
    ("low", Role::Ignored),
    ("volume", Role::Ignored),
    ("vol.", Role::Ignored),
    ("turnover", Role::Ignored),
    ("value", Role::Ignored),
    ("market cap", Role::Ignored),
    ("time", Role::Ignored),
    ("date", Role::Ignored),
    ("ytd", Role::Ignored),
    ("52w high", Role::Ignored),
    ("52w low", Role::Ignored),
    ("rank", Role::Ignored),
    ("no.", Role::Ignored),
    ("#", Role::Ignored),
    ("bid", Role::Ignored),
    ("ask", Role::Ignored),
    ("eröffnung", Role::Ignored),
    ("hoch", Role::Ignored),
    ("tief", Role::Ignored),
    ("umsatz", Role::Ignored),
    ("zeit", Role::Ignored),
    ("datum", Role::Ignored),
    ("ouverture", Role::Ignored),
    ("plus haut", Role::Ignored),
    ("plus bas", Role::Ignored),
    ("heure", Role::Ignored),
    ("apertura", Role::Ignored),
    ("máximo", Role::Ignored),
    ("mínimo", Role::Ignored),
    ("volumen", Role::Ignored),
    ("hora", Role::Ignored),
    ("fecha", Role::Ignored),
    ("massimo", Role::Ignored),
    ("minimo", Role::Ignored),
    ("ora", Role::Ignored),
    ("abertura", Role::Ignored),
    ("data", Role::Ignored),
    ("otwarcie", Role::Ignored),
    ("maks", Role::Ignored),
    ("min", Role::Ignored),
    ("wolumen", Role::Ignored),
    ("obrót", Role::Ignored),
    ("czas", Role::Ignored),
    // Period keys.
    ("year", Role::Period),
    ("period", Role::Period),
    ("week", Role::Period),
    ("this week", Role::Period),
    ("previous week", Role::Period),
    ("last week", Role::Period),
    ("month", Role::Period),
    ("quarter", Role::Period),
    ("jahr", Role::Period),
    ("année", Role::Period),
    ("año", Role::Period),
    ("anno", Role::Period),
    ("ano", Role::Period),
    ("rok", Role::Period),
];

/// The longest header cell text that may be a label, in bytes.
const MAX_LABEL: usize = 40;

/// The role of a header cell's text.
fn role_of(cell: &str) -> Role {
    // Every label, a currency suffix included, is shorter.
    if cell.len() > MAX_LABEL {
        return Role::Unknown;
    }
    let mut label = cell.trim().trim_end_matches(':').trim_end();
    // A currency suffix: `Price (KES)`.
    if let Some(open) = label.rfind(" (") {
        let code = &label[open + 2..];
        if code.len() == 4
            && code.ends_with(')')
            && code[..3].bytes().all(|b| b.is_ascii_uppercase())
        {
            label = label[..open].trim_end();
        }
    }
    let words: Vec<&str> = label.split_whitespace().collect();
    let label = words.join(" ").to_lowercase();
    VOCABULARY
        .iter()
        .find(|(known, _)| *known == label)
        .map_or(Role::Unknown, |&(_, role)| role)
}

/// How a table's rows are laid out on their lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Layout {
    /// Markdown pipe rows: `| a | b |`.
    Pipe,
    /// Columns apart by tabs or runs of two or more spaces.
    Aligned,
}

/// A header: the role of each column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Header {
    pub(crate) roles: [Role; MAX_COLUMNS],
    pub(crate) width: usize,
    pub(crate) layout: Layout,
}

impl Header {
    /// Reads `line` as a header (rule H).
    pub(crate) fn of(line: &[u8]) -> Option<Header> {
        let layout = layout_of(line)?;
        let text = std::str::from_utf8(line).ok()?;
        let mut roles = [Role::Unknown; MAX_COLUMNS];
        let mut width = 0;
        let mut known = 0;
        for cell in cells(line, layout) {
            let cell = &text[cell];
            // Only the 52-week columns have digits in their labels.
            if cell.bytes().any(|b| b.is_ascii_digit()) && !cell.starts_with("52") {
                return None;
            }
            let role = role_of(cell);
            let label = role != Role::Unknown
                || cell.chars().any(char::is_alphabetic)
                    && !cell.bytes().any(|b| b.is_ascii_digit());
            if !label || width == MAX_COLUMNS {
                return None;
            }
            known += usize::from(role != Role::Unknown);
            roles[width] = role;
            width += 1;
        }
        (width >= 2 && known >= 2).then_some(Header {
            roles,
            width,
            layout,
        })
    }

    /// Whether `line` is a row of this header: as many cells, laid out the same.
    fn fits(&self, line: &[u8]) -> bool {
        layout_of(line) == Some(self.layout) && cells(line, self.layout).count() == self.width
    }
}

/// The layout of `line`'s cells, if it has at least two.
fn layout_of(line: &[u8]) -> Option<Layout> {
    let start = line.len() - skip_hspace(line).len();
    if line[start..].starts_with(b"|") {
        let bars = line.iter().filter(|&&b| b == b'|').count();
        return (bars >= 2).then_some(Layout::Pipe);
    }
    // Aligned columns need a tab or two spaces in a row; most lines have
    // neither (NBSP and the spaces at U+2000 may stand for spaces).
    let wide = line.contains(&b'\t')
        || line
            .windows(2)
            .any(|pair| matches!(pair, b"  " | [0xC2, 0xA0] | [0xE2, 0x80]));
    (wide && cells(line, Layout::Aligned).count() >= 2).then_some(Layout::Aligned)
}

/// `input` without its leading horizontal space.
fn skip_hspace(mut input: &[u8]) -> &[u8] {
    loop {
        match hspace_len(input) {
            0 => return input,
            n => input = &input[n..],
        }
    }
}

/// The byte ranges of `line`'s cells, trimmed of space.
pub(crate) fn cells(line: &[u8], layout: Layout) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut at = line.len() - skip_hspace(line).len();
    if layout == Layout::Pipe {
        at += 1;
    }
    let end = line.len() - trailing_hspace_len(line);
    let end = match layout {
        Layout::Pipe if line[..end].ends_with(b"|") && end > at => end - 1,
        _ => end,
    };
    std::iter::from_fn(move || {
        if at >= end {
            return None;
        }
        let (cell_end, next) = match layout {
            Layout::Pipe => match line[at..end].iter().position(|&b| b == b'|') {
                Some(bar) => (at + bar, at + bar + 1),
                None => (end, end),
            },
            Layout::Aligned => aligned_cell_end(&line[..end], at),
        };
        let cell = at..cell_end;
        at = next;
        let text = &line[cell.clone()];
        let lead = text.len() - skip_hspace(text).len();
        let trail = trailing_hspace_len(&text[lead..]);
        Some(cell.start + lead..cell.end - trail)
    })
}

/// Where the aligned cell that starts at `at` ends, and where the next
/// one starts: at a tab or a run of two or more spaces.
fn aligned_cell_end(line: &[u8], at: usize) -> (usize, usize) {
    let mut i = at;
    while i < line.len() {
        let space = hspace_len(&line[i..]);
        if space == 0 {
            i += 1;
            continue;
        }
        let run = line[i..].len() - skip_hspace(&line[i..]).len();
        if line[i] == b'\t' || run > space {
            return (i, i + run);
        }
        i += space;
    }
    (line.len(), line.len())
}

/// Whether `line` holds only space and invisible characters.
fn is_blank(line: &[u8]) -> bool {
    let mut at = 0;
    while at < line.len() {
        let len = hspace_len(&line[at..]).max(invisible_len(&line[at..]));
        if len == 0 {
            return false;
        }
        at += len;
    }
    true
}

/// Whether `line` is a markdown rule under a header: `|---|:--:|`.
fn is_rule(line: &[u8]) -> bool {
    line.contains(&b'-')
        && line
            .iter()
            .all(|&b| matches!(b, b'|' | b'-' | b':' | b' ' | b'\t'))
}

/// What scan mode knows of the tables it has passed: the header that
/// governs the next line, and the lines read as table text, which hold
/// no strip quote.
#[derive(Debug, Clone, Default)]
pub(crate) struct Tables {
    /// The start of the next line to look at.
    next_line: usize,
    /// The header governing the next line, if any.
    header: Option<Header>,
    /// Runs of table lines (headers, rules and governed rows), oldest first.
    regions: VecDeque<Range<usize>>,
    /// Whether the last line looked at was cut at the reach: the next
    /// piece continues it.
    in_long_line: bool,
}

/// How many runs of table lines [`Tables`] remembers: enough for the
/// text a scanner may still look back at.
const REGIONS: usize = 8;

/// A line of the input.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Line<'t> {
    pub(crate) start: usize,
    pub(crate) text: &'t [u8],
    /// The start of the next line, or of the next piece of a line cut at
    /// the reach.
    pub(crate) next: usize,
    /// Whether the line ends here, not cut at the reach.
    pub(crate) whole: bool,
}

impl Tables {
    /// Looks at every line that starts at or before `pos`, given the line
    /// at its start. `line(start)` gives the line that starts at `start`,
    /// or `None` when the input that holds it is not there yet; then
    /// `look` returns `false`.
    pub(crate) fn look<'t>(
        &mut self,
        pos: usize,
        mut line: impl FnMut(usize) -> Option<Option<Line<'t>>>,
    ) -> bool {
        while self.next_line <= pos {
            let Some(found) = line(self.next_line) else {
                return false;
            };
            let Some(found) = found else {
                // The input ended: no more lines.
                self.next_line = usize::MAX;
                return true;
            };
            self.classify(found);
            self.next_line = found.next;
        }
        true
    }

    fn classify(&mut self, line: Line<'_>) {
        // A line longer than the reach, and every piece of it, is text.
        let continued = self.in_long_line;
        self.in_long_line = !line.whole;
        if continued || !line.whole {
            self.header = None;
            return;
        }
        if is_blank(line.text) {
            self.header = None;
            return;
        }
        let governed = self.header.is_some_and(|header| {
            header.fits(line.text) || header.layout == Layout::Pipe && is_rule(line.text)
        });
        if governed {
            self.mark(line.start..line.start + line.text.len());
            return;
        }
        self.header = Header::of(line.text);
        if self.header.is_some() {
            self.mark(line.start..line.start + line.text.len());
        }
    }

    /// Records `range` as table text.
    fn mark(&mut self, range: Range<usize>) {
        if let Some(last) = self.regions.back_mut() {
            if range.start <= last.end + 2 {
                last.end = range.end;
                return;
            }
        }
        if self.regions.len() == REGIONS {
            self.regions.pop_front();
        }
        self.regions.push_back(range);
    }

    /// The start of the next line to look at: the input from there on
    /// must stay at hand.
    pub(crate) fn next_line(&self) -> usize {
        self.next_line
    }

    /// Whether `pos` is in table text.
    pub(crate) fn governs(&self, pos: usize) -> bool {
        self.regions.iter().any(|region| region.contains(&pos))
    }

    /// Whether `span` overlaps table text.
    pub(crate) fn overlaps(&self, span: &Range<usize>) -> bool {
        self.regions
            .iter()
            .any(|region| region.start < span.end && span.start < region.end)
    }
}

/// The line that starts at `start` in `text` (which starts at offset
/// `base` of the input), ending before its line end; `None` when `text`
/// ends first and `more` input may follow. Lines longer than `limit`
/// bytes are cut there.
pub(crate) fn line_at(
    text: &[u8],
    base: usize,
    start: usize,
    limit: usize,
    more: bool,
) -> Option<Option<Line<'_>>> {
    let from = start - base;
    if from >= text.len() {
        return if more { None } else { Some(None) };
    }
    let rest = &text[from..];
    let reach = &rest[..rest.len().min(limit + 1)];
    let (end, whole) = match reach.iter().position(|&b| is_line_end(b)) {
        Some(end) => (end, true),
        None if rest.len() > limit => (limit, false),
        None if more => return None,
        None => (rest.len(), true),
    };
    let next = match &rest[end..] {
        [b'\r', b'\n', ..] => end + 2,
        [_, ..] => end + 1,
        [] => end,
    };
    Some(Some(Line {
        start,
        text: &rest[..end],
        next: start + next.max(1),
        whole,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cell_texts(line: &str, layout: Layout) -> Vec<&str> {
        cells(line.as_bytes(), layout).map(|c| &line[c]).collect()
    }

    #[test]
    fn cells_of_pipe_and_aligned_rows() {
        assert_eq!(
            cell_texts("| Alpha Steel | 47.90 | +0.63% |", Layout::Pipe),
            ["Alpha Steel", "47.90", "+0.63%"]
        );
        assert_eq!(
            cell_texts("Alpha Stahl   47,60\t+0,63 %  17:35", Layout::Aligned),
            ["Alpha Stahl", "47,60", "+0,63 %", "17:35"]
        );
    }

    #[test]
    fn headers_need_two_known_labels() {
        let header = Header::of(b"| Name | Prev. Close | Last | Chg % | Time |").unwrap();
        assert_eq!(
            &header.roles[..header.width],
            [
                Role::Label,
                Role::PreviousClose,
                Role::Price,
                Role::Percent,
                Role::Ignored
            ]
        );
        let kes = Header::of(b"| Ticker | Price (KES) | Chg |").unwrap();
        assert_eq!(kes.roles[1], Role::Price);
        assert!(Header::of(b"| Top Gainers (12) | Top Losers (9) |").is_none());
        assert!(Header::of(b"| Alpha Steel | 47.60 | 47.90 |").is_none());
        assert!(Header::of("Aktie      Vortag   Kurs    +/-     %".as_bytes()).is_some());
    }

    #[test]
    fn a_header_governs_rows_of_its_width() {
        let text = "| Name | Last | Chg |\n|---|---|---|\n| A | 1 | +1 |\n\n| B | 2 | +2 |\n";
        let mut tables = Tables::default();
        assert!(tables.look(text.len(), |start| line_at(
            text.as_bytes(),
            0,
            start,
            1 << 16,
            false
        )));
        let row = text.find("| A").unwrap();
        assert!(tables.governs(row));
        assert!(!tables.governs(text.find("| B").unwrap()));
    }
}
