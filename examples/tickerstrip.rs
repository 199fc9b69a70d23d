//! `tickerstrip`: find the stock quotes in scraped ticker strips, check
//! their arithmetic, and print them as an aligned table, JSON lines or CSV.
//!
//! Each FILE is streamed (`-` is standard input), so memory stays bounded
//! whatever its size; with no FILE the seed page bundled into the binary is
//! read, and a note on stderr says so.
//!
//! - By default the input is *scanned*: quotes are found inside arbitrary
//!   page text (prose, menus, dates) and everything else is skipped.
//! - With `--strict` each input must be a strip and nothing else: the first
//!   text that is not a quote is an error with its line and column.
//! - Every quote is validated: its `findings` say when its percent does not
//!   agree with its price and change, or its markers disagree.
//!
//! ```text
//! cargo run --release --example tickerstrip
//! cargo run --release --example tickerstrip -- --summary
//! cargo run --release --example tickerstrip -- --format jsonl page.html.txt
//! cargo run --release --example tickerstrip -- --strict --format csv strip.txt > quotes.csv
//! cargo run --release --example tickerstrip -- --number-style comma --symbols known.txt boerse.txt
//! curl -s https://example.com/markets | cargo run --release --example tickerstrip -- -
//! ```
//!
//! `--format jsonl` writes one object a line, in this key order:
//!
//! ```text
//! {"symbol":"AGL","price":"40.13","direction":"up","change":"0.12","percent":"0.00","span":[0,24],"findings":["percent-is-fraction"],"label":"ticker","currency":null}
//! ```
//!
//! Decimals are strings that keep their displayed scale, absent values are
//! `null`, `span` is the quote's byte range in its input, `findings` lists
//! kebab-case finding kinds, `label` is `ticker` or `name` (a quote labelled
//! by the instrument's name, `CAC 40`), and `currency` is the sign or ISO
//! code shown with the price, or `null`. With several FILEs each record ends with a
//! `"file"` field. `--format csv` has the same columns (`span` as
//! `span_start` and `span_end`, findings joined by `;`), a header row, LF
//! line ends, and fields quoted only when they must be. The table prints
//! the findings' explanations under its rows. `--summary` prints only the
//! totals: quotes, findings by kind, skipped bytes and the dominant pattern.
//!
//! Exit status: 0 on success (findings are not failures), 1 when `--strict`
//! meets text that is not a quote (bytes that are not UTF-8 included), 2 on
//! a usage error or an input that cannot be read. Scanning skips bytes that
//! are not UTF-8 and counts them. A closed output pipe (`| head`) ends the
//! program quietly with 0.

use std::borrow::Cow;
use std::fmt::Write as _;
use std::fs::{self, File};
use std::io::{self, BufReader, BufWriter, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, ValueEnum};
use tickerstrip::{
    Decimal, Findings, NumberStyle, ParseError, ParseOptions, Quote, ReadError, SegmentRef,
    SkipKind, StripReport,
};

/// The page read when no FILE is given.
const SEED_PAGE: &str = include_str!("../tests/data/conformance/seed-page.txt");

/// Shown after the options in `--help`.
const AFTER_HELP: &str = "\
Examples:
  tickerstrip                              scan the bundled seed page, print a table
  tickerstrip --summary page.txt           totals, findings by kind, dominant pattern
  tickerstrip --format jsonl page.txt      one JSON object per quote
  tickerstrip --strict --format csv a b    strict strips, CSV with a file column
  curl -s URL | tickerstrip -              scan standard input

Exit status: 0 on success, 1 on a --strict parse error, 2 on a usage or input error.";

/// Find the stock quotes in scraped ticker strips, check their arithmetic,
/// and print them as a table, JSON lines or CSV.
#[derive(Debug, Parser)]
#[command(name = "tickerstrip", version, after_help = AFTER_HELP)]
struct Cli {
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    format: Format,

    /// Read each input as a pure strip: the first text that is not a quote
    /// is an error, reported with its line and column (exit status 1).
    /// Without it, quotes are scanned out of arbitrary page text.
    #[arg(long)]
    strict: bool,

    /// Print only the totals: quotes, findings by kind, skipped bytes and
    /// the pattern most quotes share.
    #[arg(long)]
    summary: bool,

    /// How numbers are written: `auto` decides per input from its first
    /// 64 KiB; `dot` reads 1,234.56; `comma` reads 1.234,56 and 1 234,56.
    #[arg(long, value_enum, default_value_t = Style::Auto)]
    number_style: Style,

    /// A file of known symbols, one a line; they decide how glued symbols
    /// and prices split (`N22538,823.91` with N225 listed).
    #[arg(long, value_name = "FILE")]
    symbols: Option<PathBuf>,

    /// Input files; `-` reads standard input. With none, the seed page
    /// bundled into the binary is read.
    #[arg(value_name = "FILE")]
    files: Vec<PathBuf>,
}

/// The output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    /// Aligned columns under a header row, then findings and a summary line.
    Table,
    /// One JSON object a line.
    Jsonl,
    /// Comma-separated values under a header row.
    Csv,
}

/// The number styles, as the command line names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Style {
    /// Decide per input.
    Auto,
    /// `.` is the decimal point.
    Dot,
    /// `,` is the decimal point.
    Comma,
}

impl From<Style> for NumberStyle {
    fn from(style: Style) -> NumberStyle {
        match style {
            Style::Auto => NumberStyle::Auto,
            Style::Dot => NumberStyle::Dot,
            Style::Comma => NumberStyle::Comma,
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let mut out = BufWriter::new(io::stdout().lock());
    let result = run(&cli, &mut out);
    let flushed = out.flush().map_err(Failure::Output);
    match result.and(flushed) {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => failure.report(),
    }
}

/// Reads every input and writes its quotes to `out`.
fn run(cli: &Cli, out: &mut impl Write) -> Result<(), Failure> {
    let options = options(cli)?;
    if cli.files.is_empty() {
        note("no FILE given; reading the bundled seed page");
    }
    let inputs = Input::from_args(&cli.files);
    let mut output = Output::new(cli, inputs.len());
    for input in &inputs {
        let name = input.name();
        let failed = |message: String| Failure::Input {
            name: name.to_string(),
            message,
        };
        let reader = input.open().map_err(|e| failed(e.to_string()))?;
        // Quotes are borrowed from the readers' buffers: nothing is
        // allocated per quote unless a format needs it.
        if cli.strict {
            let mut quotes = options.quote_reader(reader);
            while let Some(quote) = quotes.next_borrowed() {
                match quote {
                    Ok(quote) => output.quote(out, &quote, &name)?,
                    Err(ReadError::Parse(error)) => {
                        return Err(Failure::Parse {
                            name: name.to_string(),
                            error,
                        });
                    }
                    Err(error) => return Err(failed(error.to_string())),
                }
            }
        } else {
            let mut segments = options.scan_reader(reader);
            while let Some(segment) = segments.next_borrowed() {
                match segment.map_err(|e| failed(e.to_string()))? {
                    SegmentRef::Quote(quote) => output.quote(out, &quote, &name)?,
                    SegmentRef::Skipped { span, kind, .. } => output.skipped(span.len(), kind),
                    _ => {}
                }
            }
        }
    }
    output.end(out)?;
    Ok(())
}

/// The parse options the command line asks for.
fn options(cli: &Cli) -> Result<ParseOptions, Failure> {
    let options = ParseOptions::new().number_style(cli.number_style.into());
    let Some(path) = &cli.symbols else {
        return Ok(options);
    };
    let list = fs::read_to_string(path).map_err(|error| Failure::Input {
        name: path.to_string_lossy().into_owned(),
        message: error.to_string(),
    })?;
    let list = list.strip_prefix('\u{feff}').unwrap_or(&list);
    let symbols = list.lines().map(str::trim).filter(|line| !line.is_empty());
    Ok(options.symbols(symbols.map(str::to_owned)))
}

/// Why the program stops early.
#[derive(Debug)]
enum Failure {
    /// An input that cannot be read.
    Input { name: String, message: String },
    /// Text that is not a quote, in strict mode.
    Parse { name: String, error: ParseError },
    /// Writing to stdout failed.
    Output(io::Error),
}

impl From<io::Error> for Failure {
    fn from(error: io::Error) -> Failure {
        Failure::Output(error)
    }
}

impl Failure {
    /// Prints the failure on stderr and returns the exit status for it.
    fn report(self) -> ExitCode {
        match self {
            Failure::Parse { name, error } => {
                print_error(&format!("{name}: {error}"));
                ExitCode::from(1)
            }
            Failure::Input { name, message } => {
                print_error(&format!("{name}: {message}"));
                ExitCode::from(2)
            }
            // The reader went away (`| head`): nothing is left to say.
            Failure::Output(error) if error.kind() == io::ErrorKind::BrokenPipe => {
                ExitCode::SUCCESS
            }
            Failure::Output(error) => {
                print_error(&format!("writing output: {error}"));
                ExitCode::from(2)
            }
        }
    }
}

/// Writes `note: MESSAGE` on stderr; a closed stderr is ignored.
fn note(message: &str) {
    let _ = writeln!(io::stderr(), "note: {message}");
}

/// Writes `error: MESSAGE` on stderr; a closed stderr is ignored.
fn print_error(message: &str) {
    let _ = writeln!(io::stderr(), "error: {message}");
}

/// Where text comes from.
#[derive(Debug)]
enum Input {
    /// The seed page bundled into the binary.
    Bundled,
    /// Standard input (FILE `-`).
    Stdin,
    /// A file.
    File(PathBuf),
}

impl Input {
    /// The inputs the FILE arguments name; the bundled page when there are none.
    fn from_args(files: &[PathBuf]) -> Vec<Input> {
        if files.is_empty() {
            return vec![Input::Bundled];
        }
        let input = |path: &PathBuf| match path.to_str() {
            Some("-") => Input::Stdin,
            _ => Input::File(path.clone()),
        };
        files.iter().map(input).collect()
    }

    /// The name messages and the `file` field use.
    fn name(&self) -> Cow<'_, str> {
        match self {
            Input::Bundled => Cow::Borrowed("bundled seed page"),
            Input::Stdin => Cow::Borrowed("<stdin>"),
            Input::File(path) => path.to_string_lossy(),
        }
    }

    /// A reader of its bytes; the library reads it in chunks.
    fn open(&self) -> io::Result<Box<dyn Read>> {
        Ok(match self {
            Input::Bundled => Box::new(SEED_PAGE.as_bytes()),
            Input::Stdin => Box::new(io::stdin().lock()),
            Input::File(path) => Box::new(BufReader::new(File::open(path)?)),
        })
    }
}

/// A quote on its way out, with its findings and the file it came from.
struct Record<'a> {
    quote: &'a Quote<'a>,
    findings: &'a Findings,
    /// The input's name, when there are several.
    file: Option<&'a str>,
}

impl Record<'_> {
    /// The kebab-case names of the findings, in order.
    fn finding_names(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.findings.kinds().map(|kind| kind.as_str())
    }
}

/// Explanations kept for under the table; more are counted, not kept.
const MAX_EXPLANATIONS: usize = 1000;

/// Writes records in the chosen format and keeps the totals.
#[derive(Debug)]
struct Output {
    format: Format,
    strict: bool,
    summary: bool,
    /// How many inputs there are; with more than one, records name their file.
    inputs: usize,
    report: StripReport,
    skipped_bytes: usize,
    truncated: usize,
    /// Skipped bytes that are not UTF-8.
    invalid_bytes: usize,
    /// The findings' sentences, for under the table.
    explanations: Vec<String>,
    /// Findings beyond [`MAX_EXPLANATIONS`].
    unexplained: usize,
    /// Whether the header row (table, CSV) is out: it is written before
    /// the first record, so that a strict error leaves stdout empty.
    started: bool,
}

impl Output {
    fn new(cli: &Cli, inputs: usize) -> Output {
        Output {
            format: cli.format,
            strict: cli.strict,
            summary: cli.summary,
            inputs,
            report: StripReport::new(),
            skipped_bytes: 0,
            truncated: 0,
            invalid_bytes: 0,
            explanations: Vec::new(),
            unexplained: 0,
            started: false,
        }
    }

    /// Writes what comes before the first record, once.
    fn start(&mut self, out: &mut impl Write) -> io::Result<()> {
        if std::mem::replace(&mut self.started, true) {
            return Ok(());
        }
        match (self.summary, self.format) {
            (true, _) | (false, Format::Jsonl) => Ok(()),
            (false, Format::Csv) => write_csv_header(out, self.inputs > 1),
            (false, Format::Table) => write_table_row(out, &table_header(self.inputs > 1)),
        }
    }

    /// Validates a quote of the input `file`, counts it and writes it.
    fn quote(&mut self, out: &mut impl Write, quote: &Quote<'_>, file: &str) -> io::Result<()> {
        let findings = tickerstrip::validate(quote);
        self.report.add(quote, &findings);
        if self.summary {
            return Ok(());
        }
        self.start(out)?;
        let record = Record {
            quote,
            findings: &findings,
            file: (self.inputs > 1).then_some(file),
        };
        match self.format {
            Format::Jsonl => write_jsonl(out, &record),
            Format::Csv => write_csv(out, &record),
            Format::Table => {
                self.explain(quote, &findings);
                write_table_row(out, &table_cells(&record))
            }
        }
    }

    /// Counts skipped text.
    fn skipped(&mut self, bytes: usize, kind: SkipKind) {
        self.skipped_bytes += bytes;
        self.truncated += usize::from(kind == SkipKind::Truncated);
        if kind == SkipKind::InvalidUtf8 {
            self.invalid_bytes += bytes;
        }
    }

    /// Keeps the sentences of the findings of `quote` for under the table.
    fn explain(&mut self, quote: &Quote<'_>, findings: &Findings) {
        for finding in findings.details(quote) {
            if self.explanations.len() < MAX_EXPLANATIONS {
                self.explanations.push(finding.to_string());
            } else {
                self.unexplained += 1;
            }
        }
    }

    /// Writes what comes after the last record.
    fn end(&mut self, out: &mut impl Write) -> io::Result<()> {
        self.start(out)?;
        if self.summary {
            write!(out, "{}", self.report)?;
            return writeln!(out, "skipped: {}", self.skipped_line());
        }
        if self.format != Format::Table {
            return Ok(());
        }
        if !self.explanations.is_empty() {
            writeln!(out, "\nfindings:")?;
            for explanation in &self.explanations {
                writeln!(out, "  {explanation}")?;
            }
            if self.unexplained > 0 {
                writeln!(out, "  … and {} more", self.unexplained)?;
            }
        }
        writeln!(out, "\n{}", self.summary_line())?;
        if let Some(pattern) = self.report.dominant() {
            writeln!(out, "pattern: {pattern}")?;
        }
        Ok(())
    }

    /// `30 quotes, 6476 bytes skipped`, with ` in N files` after the quotes
    /// when there are several inputs, the findings when there are any, and
    /// what the skipped text held (see [`Output::skipped_kinds`]).
    fn summary_line(&self) -> String {
        let mut line = plural(self.report.quotes(), "quote");
        if self.inputs > 1 {
            let _ = write!(line, " in {} files", self.inputs);
        }
        let findings = self.report.total_findings();
        if findings > 0 {
            let _ = write!(line, ", {}", plural(findings, "finding"));
        }
        if !self.strict {
            let _ = write!(line, ", {} skipped", plural(self.skipped_bytes, "byte"));
        }
        line + &self.skipped_kinds()
    }

    /// `6476 bytes`, with what the skipped text held.
    fn skipped_line(&self) -> String {
        plural(self.skipped_bytes, "byte") + &self.skipped_kinds()
    }

    /// ` (1 truncated quote, 3 bytes not UTF-8)`: the quotes cut off by
    /// the end of an input and the bytes that are not UTF-8, when there
    /// are any.
    fn skipped_kinds(&self) -> String {
        let mut kinds = Vec::new();
        if self.truncated > 0 {
            kinds.push(plural(self.truncated, "truncated quote"));
        }
        if self.invalid_bytes > 0 {
            kinds.push(plural(self.invalid_bytes, "byte") + " not UTF-8");
        }
        match kinds.is_empty() {
            true => String::new(),
            false => format!(" ({})", kinds.join(", ")),
        }
    }
}

/// `1 quote`, `2 quotes`.
fn plural(count: usize, noun: &str) -> String {
    match count {
        1 => format!("1 {noun}"),
        _ => format!("{count} {noun}s"),
    }
}

/// One JSON object a line, keys in the documented order.
fn write_jsonl(out: &mut impl Write, record: &Record<'_>) -> io::Result<()> {
    let quote = record.quote;
    out.write_all(b"{\"symbol\":")?;
    write_json_string(out, quote.symbol)?;
    // A decimal's text is digits, `-` and `.`: nothing to escape.
    write!(out, ",\"price\":\"{}\"", quote.price)?;
    write!(out, ",\"direction\":\"{}\"", quote.direction.as_str())?;
    out.write_all(b",\"change\":")?;
    write_json_decimal(out, quote.change)?;
    out.write_all(b",\"percent\":")?;
    write_json_decimal(out, quote.percent)?;
    write!(out, ",\"span\":[{},{}]", quote.span.start, quote.span.end)?;
    out.write_all(b",\"findings\":[")?;
    for (i, name) in record.finding_names().enumerate() {
        if i > 0 {
            out.write_all(b",")?;
        }
        write_json_string(out, name)?;
    }
    out.write_all(b"]")?;
    write!(out, ",\"label\":\"{}\"", quote.label.name())?;
    out.write_all(b",\"currency\":")?;
    match quote.currency {
        Some(currency) => write_json_string(out, currency.sign())?,
        None => out.write_all(b"null")?,
    }
    if let Some(file) = record.file {
        out.write_all(b",\"file\":")?;
        write_json_string(out, file)?;
    }
    out.write_all(b"}\n")
}

/// A decimal as a JSON string that keeps its scale, or `null`.
fn write_json_decimal(out: &mut impl Write, value: Option<Decimal>) -> io::Result<()> {
    match value {
        Some(value) => write!(out, "\"{value}\""),
        None => out.write_all(b"null"),
    }
}

/// `text` as a JSON string: quotes and backslashes escaped, control
/// characters as `\u00XX`, everything else (non-ASCII included) as is.
fn write_json_string(out: &mut impl Write, text: &str) -> io::Result<()> {
    out.write_all(b"\"")?;
    let mut plain = 0;
    for (i, c) in text.char_indices() {
        let escape = match c {
            '"' => Cow::Borrowed("\\\""),
            '\\' => Cow::Borrowed("\\\\"),
            c if c.is_ascii_control() && c != '\u{7f}' => {
                Cow::Owned(format!("\\u{:04x}", u32::from(c)))
            }
            _ => continue,
        };
        out.write_all(&text.as_bytes()[plain..i])?;
        out.write_all(escape.as_bytes())?;
        plain = i + c.len_utf8();
    }
    out.write_all(&text.as_bytes()[plain..])?;
    out.write_all(b"\"")
}

/// The CSV columns, in order; `file` follows with several inputs.
const CSV_HEADER: &str =
    "symbol,price,direction,change,percent,span_start,span_end,findings,label,currency";

fn write_csv_header(out: &mut impl Write, with_file: bool) -> io::Result<()> {
    out.write_all(CSV_HEADER.as_bytes())?;
    if with_file {
        out.write_all(b",file")?;
    }
    out.write_all(b"\n")
}

/// One CSV record; absent values are empty fields.
fn write_csv(out: &mut impl Write, record: &Record<'_>) -> io::Result<()> {
    let quote = record.quote;
    let optional = |value: Option<Decimal>| value.map(|v| v.to_string()).unwrap_or_default();
    write_csv_field(out, quote.symbol)?;
    write!(
        out,
        ",{},{},{},{},{},{},",
        quote.price,
        quote.direction.as_str(),
        optional(quote.change),
        optional(quote.percent),
        quote.span.start,
        quote.span.end,
    )?;
    write_csv_field(out, &record.finding_names().collect::<Vec<_>>().join(";"))?;
    write!(out, ",{},", quote.label.name())?;
    write_csv_field(out, quote.currency.map_or("", |currency| currency.sign()))?;
    if let Some(file) = record.file {
        out.write_all(b",")?;
        write_csv_field(out, file)?;
    }
    out.write_all(b"\n")
}

/// A CSV field, quoted (with `"` doubled) only when it holds a comma, a
/// quote or a line break (RFC 4180).
fn write_csv_field(out: &mut impl Write, field: &str) -> io::Result<()> {
    if field.contains([',', '"', '\n', '\r']) {
        write!(out, "\"{}\"", field.replace('"', "\"\""))
    } else {
        out.write_all(field.as_bytes())
    }
}

/// The table's columns with their widths (negative: left-aligned). Widths
/// fit common values, so rows can be written as they come; a longer value
/// pushes the rest of its row.
fn table_columns(with_file: bool) -> Vec<(&'static str, isize)> {
    let mut columns = vec![
        ("symbol", -9),
        ("price", 12),
        ("direction", -9),
        ("change", 10),
        ("percent", 8),
        ("span", -12),
    ];
    if with_file {
        columns.push(("file", -20));
    }
    columns.push(("findings", 0));
    columns
}

/// Shown in the table for an absent value.
const ABSENT: &str = "-";

fn table_header(with_file: bool) -> Vec<Cow<'static, str>> {
    let columns = table_columns(with_file);
    columns
        .into_iter()
        .map(|(name, _)| Cow::Borrowed(name))
        .collect()
}

/// The table cells of a record, in column order.
fn table_cells(record: &Record<'_>) -> Vec<Cow<'static, str>> {
    let quote = record.quote;
    let optional =
        |value: Option<Decimal>| value.map_or(Cow::Borrowed(ABSENT), |v| Cow::Owned(v.to_string()));
    let findings: Vec<&str> = record.finding_names().collect();
    let mut cells = vec![
        Cow::Owned(quote.symbol.to_string()),
        Cow::Owned(quote.price.to_string()),
        Cow::Borrowed(quote.direction.as_str()),
        optional(quote.change),
        optional(quote.percent),
        Cow::Owned(format!("{}..{}", quote.span.start, quote.span.end)),
    ];
    cells.extend(record.file.map(|file| Cow::Owned(file.to_string())));
    cells.push(match findings.is_empty() {
        true => Cow::Borrowed(ABSENT),
        false => Cow::Owned(findings.join(",")),
    });
    cells
}

/// One table line, columns two spaces apart, without trailing spaces.
fn write_table_row(out: &mut impl Write, cells: &[Cow<'_, str>]) -> io::Result<()> {
    let with_file = cells.len() > table_columns(false).len();
    let mut line = String::new();
    for (i, (cell, (_, width))) in cells.iter().zip(table_columns(with_file)).enumerate() {
        if i > 0 {
            line.push_str("  ");
        }
        let pad = width.unsigned_abs();
        let _ = match width < 0 {
            true => write!(line, "{cell:<pad$}"),
            false => write!(line, "{cell:>pad$}"),
        };
    }
    writeln!(out, "{}", line.trim_end())
}
