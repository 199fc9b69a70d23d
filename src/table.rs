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

use rust_decimal::Decimal;

use crate::grammar::sign;
use crate::lexical::{
    date_or_time_len, first_line_end, has_wide_space, hspace_len, invisible_len, skip_run,
    trailing_hspace_len,
};
use crate::number::{NumberStyle, number};
use crate::quote::{Columns, Currency, Label, Markers, Quote, SignSource};
#[cfg(feature = "parallel")]
use crate::window::REACH;

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
    /// One cell a line, with lone `|` lines between cells.
    Flat,
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

    /// The column of `role`, when exactly one column has it.
    pub(crate) fn column(&self, role: Role) -> Option<usize> {
        let mut columns = self.roles[..self.width]
            .iter()
            .enumerate()
            .filter(|&(_, &r)| r == role);
        match (columns.next(), columns.next()) {
            (Some((column, _)), None) => Some(column),
            _ => None,
        }
    }

    /// Whether the header's rows can give quotes: one label column, one
    /// price column, at most one column of each other field, no period key.
    pub(crate) fn reads_quotes(&self) -> bool {
        let roles = &self.roles[..self.width];
        let at_most_one = |role| roles.iter().filter(|&&r| r == role).count() <= 1;
        self.column(Role::Label).is_some()
            && self.column(Role::Price).is_some()
            && [Role::PreviousClose, Role::Change, Role::Percent]
                .into_iter()
                .all(at_most_one)
            && !roles.contains(&Role::Period)
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
    (has_wide_space(line) && cells(line, Layout::Aligned).count() >= 2).then_some(Layout::Aligned)
}

/// `input` without its leading horizontal space.
fn skip_hspace(input: &[u8]) -> &[u8] {
    skip_run(input, hspace_len)
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
            Layout::Aligned | Layout::Flat => aligned_cell_end(&line[..end], at),
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

/// Whether `line` is a lone `|` (with space around it): what stands
/// between the cells of a table flattened one cell a line.
fn is_lone_bar(line: &[u8]) -> bool {
    let text = skip_hspace(line);
    &text[..text.len() - trailing_hspace_len(text)] == b"|"
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

/// What a reader knows of the tables it has passed: the header that
/// governs the next line, the lines read as table text (which hold no
/// strip quote), and the rows not yet reached.
#[derive(Debug, Clone)]
pub(crate) struct Tables {
    /// Whether tables are read at all.
    enabled: bool,
    /// The start of the next line to look at.
    next_line: usize,
    /// The header governing the next line, if any.
    header: Option<Header>,
    /// Runs of table lines (headers, rules and governed rows), oldest first.
    regions: VecDeque<Range<usize>>,
    /// Rows under a header that reads quotes, not yet reached.
    rows: VecDeque<Row>,
    /// Whether the last line looked at was cut at the reach: the next
    /// piece continues it.
    in_long_line: bool,
}

impl Default for Tables {
    fn default() -> Tables {
        Tables::new(true)
    }
}

/// How many runs of table lines, and how many rows ahead of the reader,
/// [`Tables`] remembers: enough for the text a reader may still look at.
const REMEMBERED: usize = 32;

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

impl Line<'_> {
    /// The line's text without the space around it, and where that starts.
    fn trimmed(&self) -> (usize, &[u8]) {
        let text = skip_hspace(self.text);
        let lead = self.text.len() - text.len();
        (
            self.start + lead,
            &text[..text.len() - trailing_hspace_len(text)],
        )
    }

    /// Whether the line is a lone `|`: what stands between the cells of a
    /// table flattened one cell a line.
    fn is_bar(&self) -> bool {
        is_lone_bar(self.text)
    }

    /// Whether the line may be one cell of a flattened table.
    fn is_cell(&self) -> bool {
        let (_, text) = self.trimmed();
        !text.is_empty() && !text.contains(&b'|')
    }

    /// Whether the line may be one cell of a flattened table's header.
    fn is_label_cell(&self) -> bool {
        self.text.len() <= MAX_LABEL + MAX_COLUMNS && self.is_cell() && {
            let text = self.trimmed().1;
            text.len() <= MAX_LABEL
                && !text.iter().any(u8::is_ascii_digit)
                && std::str::from_utf8(text).is_ok_and(|text| role_of(text) != Role::Unknown)
        }
    }
}

/// The lines of the input, or `None` when the reader must hold more of it
/// first; `Some(None)` past the input's end.
pub(crate) type LineAt<'f, 't> = &'f mut dyn FnMut(usize) -> Option<Option<Line<'t>>>;

impl Tables {
    /// Tables that are read, or with `enabled` false, never recognised.
    pub(crate) fn new(enabled: bool) -> Tables {
        Tables {
            enabled,
            next_line: 0,
            header: None,
            regions: VecDeque::new(),
            rows: VecDeque::new(),
            in_long_line: false,
        }
    }

    /// Starts looking at lines at `line`, which must start one: the text
    /// before it holds no table.
    #[cfg(feature = "parallel")]
    pub(crate) fn skip_to(&mut self, line: usize) {
        self.next_line = line;
    }

    /// Looks at every line that starts at or before `pos`. `false` when
    /// the reader must hold more of the input first.
    pub(crate) fn look<'t>(
        &mut self,
        pos: usize,
        mut line: impl FnMut(usize) -> Option<Option<Line<'t>>>,
    ) -> bool {
        if !self.enabled {
            return true;
        }
        while self.next_line <= pos {
            let Some(found) = line(self.next_line) else {
                return false;
            };
            let Some(found) = found else {
                // The input ended: no more lines.
                self.next_line = usize::MAX;
                return true;
            };
            match self.classify(found, &mut line) {
                Some(next) => self.next_line = next,
                None => return false,
            }
        }
        true
    }

    /// Classifies `line` and returns where the next line to look at
    /// starts, or `None` when more input must be held first.
    fn classify<'t>(&mut self, line: Line<'t>, fetch: LineAt<'_, 't>) -> Option<usize> {
        // A line longer than the reach, and every piece of it, is text.
        let continued = self.in_long_line;
        self.in_long_line = !line.whole;
        if continued || !line.whole {
            self.header = None;
            return Some(line.next);
        }
        if is_blank(line.text) {
            self.header = None;
            return Some(line.next);
        }
        if let Some(header) = self.header {
            match header.layout {
                Layout::Flat => match flat_row(line, header.width, fetch) {
                    Ahead::Found(row) => {
                        let start = line.trimmed().0;
                        self.mark(start..row.end);
                        self.push_row(header, (start, row.end), row.cells);
                        return Some(row.next);
                    }
                    Ahead::Nothing => self.header = None,
                    Ahead::NeedMore => return None,
                },
                layout if header.fits(line.text) => {
                    let (start, text) = line.trimmed();
                    let mut cells_at = [(0, 0); MAX_COLUMNS];
                    for (slot, cell) in cells_at.iter_mut().zip(cells(line.text, layout)) {
                        *slot = (line.start + cell.start, line.start + cell.end);
                    }
                    self.mark(start..start + text.len());
                    self.push_row(header, (start, start + text.len()), cells_at);
                    return Some(line.next);
                }
                Layout::Pipe if is_rule(line.text) => {
                    self.mark(line.start..line.start + line.text.len());
                    return Some(line.next);
                }
                _ => self.header = None,
            }
        }
        self.header = Header::of(line.text);
        if self.header.is_some() {
            self.mark(line.start..line.start + line.text.len());
            return Some(line.next);
        }
        match flat_header(line, fetch) {
            Ahead::Found((header, next)) => {
                self.header = Some(header);
                self.mark(line.start..next);
                Some(next)
            }
            Ahead::Nothing => Some(line.next),
            Ahead::NeedMore => None,
        }
    }

    /// Remembers a row under `header` for the reader to reach.
    fn push_row(
        &mut self,
        header: Header,
        span: (usize, usize),
        cells: [(usize, usize); MAX_COLUMNS],
    ) {
        if !header.reads_quotes() {
            return;
        }
        if self.rows.len() == REMEMBERED {
            self.rows.pop_front();
        }
        self.rows.push_back(Row {
            span,
            cells,
            header,
        });
    }

    /// Records `range` as table text.
    fn mark(&mut self, range: Range<usize>) {
        if let Some(last) = self.regions.back_mut() {
            if range.start <= last.end + 2 {
                last.end = last.end.max(range.end);
                return;
            }
        }
        if self.regions.len() == REMEMBERED {
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

    /// The region of table text that holds `pos`, if any.
    pub(crate) fn region_at(&self, pos: usize) -> Option<Range<usize>> {
        self.regions
            .iter()
            .find(|region| region.contains(&pos))
            .cloned()
    }

    /// Whether `span` overlaps table text.
    pub(crate) fn overlaps(&self, span: &Range<usize>) -> bool {
        self.regions
            .iter()
            .any(|region| region.start < span.end && span.start < region.end)
    }

    /// The row that holds `pos`, if one is waiting there; rows before it
    /// are dropped.
    pub(crate) fn row_at(&mut self, pos: usize) -> Option<Row> {
        while self.rows.front().is_some_and(|row| row.span.1 <= pos) {
            self.rows.pop_front();
        }
        match self.rows.front() {
            Some(row) if row.span.0 <= pos => self.rows.pop_front(),
            _ => None,
        }
    }
}

/// What looking ahead over the lines of a flattened table found.
enum Ahead<T> {
    Found(T),
    Nothing,
    /// The reader must hold more of the input first.
    NeedMore,
}

/// The cell line after `cell` in a flattened table: past a lone `|` line.
fn next_cell<'t>(cell: &Line<'t>, fetch: LineAt<'_, 't>) -> Ahead<Line<'t>> {
    let bar = match fetch(cell.next) {
        None => return Ahead::NeedMore,
        Some(Some(bar)) if bar.is_bar() => bar,
        Some(_) => return Ahead::Nothing,
    };
    match fetch(bar.next) {
        None => Ahead::NeedMore,
        Some(Some(next)) => Ahead::Found(next),
        Some(None) => Ahead::Nothing,
    }
}

/// The role of a flattened header's cell line.
fn line_role(line: &Line<'_>) -> Role {
    std::str::from_utf8(line.trimmed().1).map_or(Role::Unknown, role_of)
}

/// A header of a table flattened one cell a line (`Name`, `|`, `Last`,
/// `|`, …): at least two cells, every one a label the vocabulary knows,
/// up to the first that is not, where the first row starts. Returns the
/// header and the first row's start.
fn flat_header<'t>(line: Line<'t>, fetch: LineAt<'_, 't>) -> Ahead<(Header, usize)> {
    if !line.is_label_cell() {
        return Ahead::Nothing;
    }
    let mut roles = [Role::Unknown; MAX_COLUMNS];
    roles[0] = line_role(&line);
    let mut width = 1;
    let mut cell = line;
    loop {
        match next_cell(&cell, fetch) {
            Ahead::Found(next) if next.is_label_cell() && width < MAX_COLUMNS => {
                roles[width] = line_role(&next);
                width += 1;
                cell = next;
            }
            Ahead::Found(row) if width >= 2 => {
                let layout = Layout::Flat;
                return Ahead::Found((
                    Header {
                        roles,
                        width,
                        layout,
                    },
                    row.start,
                ));
            }
            Ahead::NeedMore => return Ahead::NeedMore,
            Ahead::Found(_) | Ahead::Nothing => return Ahead::Nothing,
        }
    }
}

/// A row of a flattened table that starts at `line`: `width` cells with
/// lone `|` lines between them, as the cells, where the row ends, and
/// where the next line to look at starts (past a `|` line after the row).
fn flat_row<'t>(line: Line<'t>, width: usize, fetch: LineAt<'_, 't>) -> Ahead<FlatRow> {
    let mut cells = [(0, 0); MAX_COLUMNS];
    let mut cell = line;
    for (column, slot) in cells.iter_mut().enumerate().take(width) {
        if column > 0 {
            cell = match next_cell(&cell, fetch) {
                Ahead::Found(next) => next,
                Ahead::Nothing => return Ahead::Nothing,
                Ahead::NeedMore => return Ahead::NeedMore,
            };
        }
        if !cell.is_cell() {
            return Ahead::Nothing;
        }
        let (start, text) = cell.trimmed();
        *slot = (start, start + text.len());
    }
    let next = match fetch(cell.next) {
        None => return Ahead::NeedMore,
        Some(Some(bar)) if bar.is_bar() => bar.next,
        Some(_) => cell.next,
    };
    Ahead::Found(FlatRow {
        cells,
        end: cells[width - 1].1,
        next,
    })
}

/// A row of a flattened table: its cells, where it ends, and where the
/// next line to look at starts.
struct FlatRow {
    cells: [(usize, usize); MAX_COLUMNS],
    end: usize,
    next: usize,
}

/// Whether the line around `pos` in `bytes` may belong to a table: a pipe
/// row, a row of aligned columns, or a cell of a table flattened one cell a
/// line (a lone `|` line beside it). A line longer than the reach is text.
#[cfg(feature = "parallel")]
pub(crate) fn may_be_a_table_line(bytes: &[u8], pos: usize) -> bool {
    use crate::lexical::{is_line_end, last_line_end};

    // Lines longer than the reach are text to every reader: look no
    // further.
    let from = pos.saturating_sub(REACH);
    let start = match last_line_end(&bytes[from..pos]) {
        Some(i) => from + i + 1,
        None if from == 0 => 0,
        None => return false,
    };
    let to = bytes.len().min(pos + REACH);
    let end = match first_line_end(&bytes[pos..to]) {
        Some(i) => pos + i,
        None if to == bytes.len() => to,
        None => return false,
    };
    let line = &bytes[start..end];
    // The lines beside it, as far as a lone `|` may reach.
    let before = start.checked_sub(1).map(|end| {
        let from = end.saturating_sub(8);
        bytes[from..end]
            .rsplit(|&b| is_line_end(b))
            .next()
            .unwrap_or_default()
    });
    let after = bytes.get(end + 1..).map(|rest| {
        let rest = &rest[..rest.len().min(8)];
        rest.split(|&b| is_line_end(b)).next().unwrap_or_default()
    });
    skip_hspace(line).starts_with(b"|")
        || has_wide_space(line)
        || before.is_some_and(is_lone_bar)
        || after.is_some_and(is_lone_bar)
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
    let (end, whole) = match first_line_end(reach) {
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

/// A row under a header, ready to read: its span and its cells' byte
/// ranges in the input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Row {
    pub(crate) span: (usize, usize),
    pub(crate) cells: [(usize, usize); MAX_COLUMNS],
    pub(crate) header: Header,
}

impl Role {
    /// What a cell of the role holds, for messages: `a price`.
    pub(crate) fn holds(self) -> &'static str {
        match self {
            Role::Label => "a label",
            Role::Price => "a price",
            Role::PreviousClose => "a previous close",
            Role::Change => "a change",
            Role::Percent => "a percent",
            Role::Ignored | Role::Period | Role::Unknown => "anything",
        }
    }
}

/// What breaks a row's reading: the column and what it should hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct CellProblem {
    pub(crate) column: usize,
    pub(crate) role: Role,
}

impl Row {
    /// The text of cell `column`, given the input's bytes from offset `base`.
    pub(crate) fn cell<'t>(&self, text: &'t [u8], base: usize, column: usize) -> &'t [u8] {
        let (start, end) = self.cells[column];
        &text[start - base..end - base]
    }

    /// Reads the row by its header's roles (rule H): the label cell, the
    /// price, and the change and percent where the header has them, with
    /// the previous close the validator checks.
    pub(crate) fn quote<'t>(
        &self,
        text: &'t [u8],
        base: usize,
        style: NumberStyle,
    ) -> Result<Quote<'t>, CellProblem> {
        let header = &self.header;
        let problem = |role| {
            let column = header.column(role).unwrap_or_default();
            CellProblem { column, role }
        };
        let column = |role| header.column(role);
        let label_column = column(Role::Label).ok_or(problem(Role::Label))?;
        let price_column = column(Role::Price).ok_or(problem(Role::Price))?;
        let label = std::str::from_utf8(self.cell(text, base, label_column))
            .ok()
            .filter(|label| is_label(label))
            .ok_or(problem(Role::Label))?;
        let (price, currency) =
            price_cell(self.cell(text, base, price_column), style).ok_or(problem(Role::Price))?;
        let field = |role| match column(role) {
            Some(at) => signed_cell(self.cell(text, base, at), style, role == Role::Percent)
                .ok_or(problem(role)),
            None => Ok(None),
        };
        let change = field(Role::Change)?;
        let percent = field(Role::Percent)?;
        let previous_close = match column(Role::PreviousClose) {
            Some(at) => Some(
                price_cell(self.cell(text, base, at), style)
                    .ok_or(problem(Role::PreviousClose))?
                    .0,
            ),
            None => None,
        };
        if change.is_none() && percent.is_none() {
            let role = if column(Role::Change).is_some() {
                Role::Change
            } else {
                Role::Percent
            };
            return Err(problem(role));
        }
        // An unsigned change takes the sign of its percent (rule H), an
        // unsigned percent that of its change (rule S).
        let percent_minus = percent.and_then(|(minus, _)| minus);
        let change_from_percent =
            change.is_some_and(|(minus, _)| minus.is_none()) && percent_minus.is_some();
        let change = change.map(|(minus, value)| (minus.or(percent_minus), value));
        let mut quote = Quote::from_fields(label, price, Markers::default(), change, percent);
        if change_from_percent {
            quote.change_sign = SignSource::Percent;
        }
        quote.label = Label::of(label);
        quote.span = self.span.0..self.span.1;
        quote.currency = currency;
        quote.previous_close = previous_close;
        quote.columns = Some(Columns {
            label: label_column as u8,
            price: price_column as u8,
            previous_close: column(Role::PreviousClose).map(|c| c as u8),
            change: column(Role::Change).map(|c| c as u8),
            percent: column(Role::Percent).map(|c| c as u8),
        });
        Ok(quote)
    }
}

/// Whether a label cell names an instrument: it has a letter, is at most
/// 40 characters, and is no date or time. A rank, a year or a date in the
/// label column gives no quote.
fn is_label(cell: &str) -> bool {
    cell.chars().any(char::is_alphabetic)
        && cell.chars().count() <= 40
        && date_or_time_len(cell.as_bytes()) == 0
}

/// A price or previous-close cell: a number, perhaps after a currency
/// sign, filling the cell.
fn price_cell(cell: &[u8], style: NumberStyle) -> Option<(Decimal, Option<Currency>)> {
    let sign = Currency::ALL
        .into_iter()
        .find(|currency| cell.starts_with(currency.sign().as_bytes()));
    let digits = match sign {
        Some(currency) => skip_hspace(&cell[currency.sign().len()..]),
        None => cell,
    };
    if date_or_time_len(digits) > 0 {
        return None;
    }
    let (rest, number) = number(digits, style).ok()?;
    rest.is_empty().then_some((number.value, sign))
}

/// A change or percent cell: a number with an optional sign, or in
/// parentheses as an accounting negative; a percent cell may end in `%`.
/// `Some(None)` for an empty cell or a dash, which shows no value.
#[allow(clippy::option_option)]
fn signed_cell(
    cell: &[u8],
    style: NumberStyle,
    percent: bool,
) -> Option<Option<(Option<bool>, Decimal)>> {
    if matches!(cell, b"" | b"-" | b"n/a") || cell == "–".as_bytes() || cell == "—".as_bytes() {
        return Some(None);
    }
    let (inner, accounting) = match cell.strip_prefix(b"(").and_then(|c| c.strip_suffix(b")")) {
        Some(inner) => (inner, true),
        None => (cell, false),
    };
    let (digits, minus) = match sign::<()>(inner) {
        Ok((rest, minus)) if !accounting => (rest.strip_prefix(b" ").unwrap_or(rest), Some(minus)),
        Ok(_) => return None,
        Err(_) => (inner, accounting.then_some(true)),
    };
    if date_or_time_len(digits) > 0 {
        return None;
    }
    let (rest, number) = number(digits, style).ok()?;
    let rest = skip_hspace(rest);
    let rest = match percent {
        true => rest.strip_prefix(b"%").unwrap_or(rest),
        false => rest,
    };
    rest.is_empty().then_some(Some((minus, number.value)))
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
