//! `tickerstrip`: find the stock quotes in scraped ticker strips, check
//! their arithmetic, and print them as an aligned table, JSON lines or CSV.
//!
//! Each FILE is streamed (`-` is standard input), so memory stays bounded
//! whatever its size. With no FILE, standard input is read when text comes
//! through it (a pipe, a redirected file), as grep reads it; when it is a
//! terminal or `/dev/null` nothing is being sent, so the seed page bundled
//! into the binary is read instead, and a note on stderr says so.
//!
//! - By default the input is *scanned*: quotes are found inside arbitrary
//!   page text (prose, menus, dates) and everything else is skipped.
//! - With `--strict` each input must be a strip and nothing else: the first
//!   text that is not a quote is an error with its line and column.
//! - Every quote is validated: its `findings` say when its percent does not
//!   agree with its price and change, or its markers disagree.
//! - Every quote says what made the reader believe it (`evidence`);
//!   `--min-evidence arithmetic` keeps only quotes whose numbers check
//!   each other.
//!
//! ```text
//! cargo run --release --example tickerstrip
//! cargo run --release --example tickerstrip -- --summary
//! cargo run --release --example tickerstrip -- --format jsonl page.html.txt
//! cargo run --release --example tickerstrip -- --strict --format csv strip.txt > quotes.csv
//! cargo run --release --example tickerstrip -- --number-style comma --symbols known.txt boerse.txt
//! curl -s https://example.com/markets | cargo run --release --example tickerstrip
//! ```
//!
//! `--format jsonl` writes one object a line, in this key order:
//!
//! ```text
//! {"symbol":"AGL","price":"40.13","direction":"up","change":"0.12","percent":"0.00","span":[0,24],"findings":["percent-is-fraction"],"evidence":"arithmetic","name":null,"label":"ticker","currency":null,"magnitude":null,"previous_close":null}
//! ```
//!
//! The records are the library's [`tickerstrip::Record`]s, written with
//! `serde_json` and the `csv` crate: decimals are strings that keep their
//! displayed scale, absent values are `null`, `span` is the quote's byte
//! range in its input, `findings` lists kebab-case finding kinds, `evidence`
//! says what made the reader believe the quote (`arithmetic`, `header`,
//! `markers` or `shape`), `name` is the instrument's name where the page
//! shows a name and a code (the code is the symbol), `label` is
//! `ticker` or `name`, `currency` the sign or ISO code shown with the price,
//! `magnitude` the price's suffix (`k`, `M`, `B`, `T`) and `previous_close`
//! the one a table row shows. `schema/record.schema.json` describes them.
//! With several FILEs, or with `-H`, each record ends with a `"file"` field
//! (`--no-filename` leaves it out). `--format csv` has the same columns
//! (`span` as `span_start` and `span_end`, findings joined by `;`), a header
//! row, and fields quoted only when they must be. The table prints the
//! findings' explanations under its rows. `--summary` prints only the
//! totals (quotes, findings by kind, skipped bytes, the dominant pattern):
//! as text, as one JSON object (`jsonl`) or as `name,value` CSV rows.
//!
//! Exit status: 0 on success (findings are not failures), 1 when `--strict`
//! meets text that is not a quote (bytes that are not UTF-8 included), 2 on
//! a usage error or an input that cannot be read. Scanning skips bytes that
//! are not UTF-8 and counts them. A closed output pipe (`| head`) ends the
//! program quietly with 0.

use std::borrow::Cow;
use std::fmt::Write as _;
use std::fs::{self, File};
use std::io::{self, BufReader, BufWriter, IsTerminal, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::builder::{PossibleValuesParser, TypedValueParser};
use clap::{CommandFactory, Parser, ValueEnum};
use tickerstrip::{
    Decimal, Evidence, Field, FindingKind, Findings, NumberStyle, ParseError, ParseOptions, Quote,
    ReadError, Record, SegmentRef, SkipKind, StripReport,
};

/// The page read when no FILE is given.
const SEED_PAGE: &str = include_str!("../tests/data/conformance/seed-page.txt");

/// Shown after the options in `--help`: examples, the records' fields (from
/// the library's one list of them) and the exit status.
fn after_help() -> String {
    // The field names, wrapped to lines of at most 76 columns.
    let mut records = String::from("Records:");
    let mut line = records.len();
    for field in Field::ALL.iter().map(|field| field.name()) {
        if line + field.len() + 2 > 76 {
            records.push('\n');
            line = 0;
        } else {
            records.push(' ');
            line += 1;
        }
        records.push_str(field);
        records.push(',');
        line += field.len() + 1;
    }
    format!(
        "\
Examples:
  tickerstrip                              from a terminal: scan the bundled seed page
  tickerstrip --summary page.txt           totals, findings by kind, dominant pattern
  tickerstrip --format jsonl page.txt      one JSON object per quote
  tickerstrip --strict --format csv a b    strict strips, CSV with a file column
  tickerstrip --min-evidence arithmetic p  only quotes whose numbers check each other
  curl -s URL | tickerstrip                scan standard input
  tickerstrip page.txt - < more.txt        a file, then standard input

{records}
then `file` (with several FILEs or -H).

Exit status: 0 on success, 1 on a --strict parse error, 2 on a usage or input error."
    )
}

/// Find the stock quotes in scraped ticker strips, check their arithmetic,
/// and print them as a table, JSON lines or CSV.
#[derive(Debug, Parser)]
#[command(name = "tickerstrip", version, after_help = after_help())]
struct Cli {
    /// Output format, for the records and for the summary.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    format: Format,

    /// Read each input as a pure strip: the first text that is not a quote
    /// is an error, reported with its line and column (exit status 1).
    /// Without it, quotes are scanned out of arbitrary page text.
    #[arg(long)]
    strict: bool,

    /// Print only the totals: quotes, findings by kind, skipped bytes and
    /// the pattern most quotes share; as text, as one JSON object
    /// (`--format jsonl`) or as `name,value` CSV rows (`--format csv`).
    #[arg(long)]
    summary: bool,

    /// How numbers are written: `auto` decides per input from its first
    /// 64 KiB; `dot` reads 1,234.56; `comma` reads 1.234,56 and 1 234,56.
    #[arg(long, default_value = "auto", value_parser = number_style())]
    number_style: NumberStyle,

    /// Keep only quotes whose evidence is at least this strong, strongest
    /// first: `arithmetic` (the numbers check each other), `header` (a
    /// header names the columns), `markers` (`%`, a sign or a glyph on a
    /// price shown with decimals), `shape` (every quote).
    #[arg(long, value_name = "LEVEL", default_value = "shape", value_parser = evidence())]
    min_evidence: Evidence,

    /// A file of known symbols, one a line; they decide how glued symbols
    /// and prices split (`N22538,823.91` with N225 listed).
    #[arg(long, value_name = "FILE")]
    symbols: Option<PathBuf>,

    /// Name the input of each record (a `file` field or column), even for
    /// one FILE. With several FILEs this is the default.
    #[arg(short = 'H', long, overrides_with = "no_filename")]
    with_filename: bool,

    /// Never name the input of a record, even for several FILEs.
    #[arg(long, overrides_with = "with_filename")]
    no_filename: bool,

    /// Input files; `-` reads standard input (once). With none, standard
    /// input is read when it is a pipe or a file; when it is a terminal or
    /// /dev/null, the seed page bundled into the binary is read.
    #[arg(value_name = "FILE")]
    files: Vec<PathBuf>,
}

impl Cli {
    /// Whether records name their input.
    fn with_file(&self, inputs: usize) -> bool {
        match (self.with_filename, self.no_filename) {
            (true, _) => true,
            (_, true) => false,
            _ => inputs > 1,
        }
    }
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

/// Reads `--number-style` by the library's own names for the styles.
fn number_style() -> impl TypedValueParser<Value = NumberStyle> {
    PossibleValuesParser::new(NumberStyle::ALL.map(NumberStyle::as_str))
        .map(|name| name.parse().expect("every listed name is a style"))
}

fn evidence() -> impl TypedValueParser<Value = Evidence> {
    PossibleValuesParser::new(Evidence::ALL.map(Evidence::as_str))
        .map(|name| name.parse().expect("every listed name is a level"))
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let stdin_args = cli
        .files
        .iter()
        .filter(|path| path.as_os_str() == "-")
        .count();
    if stdin_args > 1 {
        Cli::command()
            .error(
                clap::error::ErrorKind::ArgumentConflict,
                "standard input (`-`) can be read only once",
            )
            .exit();
    }
    let mut out = BufWriter::new(io::stdout().lock());
    let result = run(&cli, &mut out);
    let flushed = out.flush().map_err(Failure::Output);
    match result.and(flushed) {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => failure.report(),
    }
}

/// Reads every input and writes its quotes to `out`.
fn run<W: Write>(cli: &Cli, out: W) -> Result<(), Failure> {
    let options = options(cli)?;
    let inputs = if cli.files.is_empty() {
        Input::without_args(StdinSource::detect())
    } else {
        Input::from_args(&cli.files)
    };
    let mut output = Output::new(cli, out, &inputs);
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
                    Ok(quote) => output.quote(&quote, &name)?,
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
                    SegmentRef::Quote(quote) => output.quote(&quote, &name)?,
                    SegmentRef::Skipped { span, kind, .. } => output.skipped(span.len(), kind),
                    _ => {}
                }
            }
        }
    }
    output.end()?;
    Ok(())
}

/// The parse options the command line asks for.
fn options(cli: &Cli) -> Result<ParseOptions, Failure> {
    let options = ParseOptions::new()
        .number_style(cli.number_style)
        .min_evidence(cli.min_evidence);
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

/// What standard input is connected to, which decides what the tool reads
/// when no FILE is given.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum StdinSource {
    /// A terminal: nothing is being piped in.
    Terminal,
    /// `/dev/null`, which cron, CI runners, services and `< /dev/null` give:
    /// nothing is being sent.
    Null,
    /// A pipe, a file, a socket or another device: text to read, as grep
    /// reads it.
    Text,
}

impl StdinSource {
    /// What this process's standard input is. `/dev/null` is told by its
    /// device number (Unix only); an input whose kind cannot be told is read.
    fn detect() -> StdinSource {
        let stdin = io::stdin();
        if stdin.is_terminal() {
            StdinSource::Terminal
        } else if is_dev_null(&stdin) {
            StdinSource::Null
        } else {
            StdinSource::Text
        }
    }
}

/// Whether `stdin` is the null device: a character device with the device
/// number of `/dev/null`.
#[cfg(unix)]
fn is_dev_null(stdin: &io::Stdin) -> bool {
    use std::os::fd::AsFd;
    use std::os::unix::fs::{FileTypeExt, MetadataExt};

    let same = |stdin: fs::Metadata, null: fs::Metadata| {
        stdin.file_type().is_char_device() && stdin.rdev() == null.rdev()
    };
    let stdin = stdin
        .as_fd()
        .try_clone_to_owned()
        .and_then(|fd| File::from(fd).metadata());
    match (stdin, fs::metadata("/dev/null")) {
        (Ok(stdin), Ok(null)) => same(stdin, null),
        _ => false,
    }
}

/// Whether `stdin` is the null device: not told apart from other input
/// outside Unix, so it is read.
#[cfg(not(unix))]
fn is_dev_null(_stdin: &io::Stdin) -> bool {
    false
}

/// Where text comes from.
#[derive(Debug)]
enum Input {
    /// The seed page bundled into the binary, read because no FILE was
    /// given and standard input had nothing to send.
    Bundled,
    /// Standard input (FILE `-`, or no FILE and text piped in).
    Stdin,
    /// A file.
    File(PathBuf),
}

impl Input {
    /// The input when no FILE is given: standard input when text comes
    /// through it, else the bundled page, with a note on stderr that says why.
    fn without_args(stdin: StdinSource) -> Vec<Input> {
        let why = match stdin {
            StdinSource::Text => return vec![Input::Stdin],
            StdinSource::Terminal => "standard input is a terminal",
            StdinSource::Null => "standard input is /dev/null",
        };
        note(&format!(
            "no FILE given and {why}; reading the bundled seed page"
        ));
        vec![Input::Bundled]
    }

    /// The inputs the FILE arguments name.
    fn from_args(files: &[PathBuf]) -> Vec<Input> {
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

/// Explanations kept for under the table; more are counted, not kept.
const MAX_EXPLANATIONS: usize = 1000;

/// Where records go, in which format.
enum Sink<W: Write> {
    /// Aligned columns.
    Table(W),
    /// One JSON object a line.
    Jsonl(W),
    /// CSV records.
    Csv(Box<csv::Writer<W>>),
}

/// Writes records in the chosen format and keeps the totals.
struct Output<W: Write> {
    sink: Sink<W>,
    strict: bool,
    summary: bool,
    /// How many inputs there are.
    inputs: usize,
    /// The width of the longest input name, when records name their input.
    file_width: Option<usize>,
    report: StripReport,
    skipped_bytes: usize,
    truncated: usize,
    /// Skipped bytes that are not UTF-8.
    invalid_bytes: usize,
    /// The findings' sentences, for under the table.
    explanations: Vec<String>,
    /// Findings beyond [`MAX_EXPLANATIONS`].
    unexplained: usize,
    /// Whether the table's header row is out: it is written before the
    /// first record, so that a strict error leaves stdout empty.
    started: bool,
}

impl<W: Write> Output<W> {
    fn new(cli: &Cli, out: W, inputs: &[Input]) -> Output<W> {
        let file_width = cli.with_file(inputs.len()).then(|| {
            let widths = inputs.iter().map(|input| input.name().chars().count());
            widths.max().unwrap_or(0)
        });
        let sink = match cli.format {
            Format::Table => Sink::Table(out),
            Format::Jsonl => Sink::Jsonl(out),
            Format::Csv => Sink::Csv(Box::new(csv::Writer::from_writer(out))),
        };
        Output {
            sink,
            strict: cli.strict,
            summary: cli.summary,
            inputs: inputs.len(),
            file_width,
            report: StripReport::new(),
            skipped_bytes: 0,
            truncated: 0,
            invalid_bytes: 0,
            explanations: Vec::new(),
            unexplained: 0,
            started: false,
        }
    }

    /// Validates a quote of the input `file`, counts it and writes it.
    fn quote(&mut self, quote: &Quote<'_>, file: &str) -> io::Result<()> {
        let findings = tickerstrip::validate(quote);
        self.report.add(quote, &findings);
        if self.summary {
            return Ok(());
        }
        let file = self.file_width.map(|_| file);
        let mut record = Record::new(quote, findings);
        if let Some(file) = file {
            record = record.with_file(file);
        }
        match &mut self.sink {
            Sink::Csv(csv) => csv.serialize(record.csv()).map_err(csv_error),
            Sink::Jsonl(out) => {
                serde_json::to_writer(&mut *out, &record)?;
                out.write_all(b"\n")
            }
            Sink::Table(out) => {
                if !std::mem::replace(&mut self.started, true) {
                    write_table_row(out, &table_header(self.file_width), self.file_width)?;
                }
                let cells = table_cells(quote, &findings, file);
                write_table_row(out, &cells, self.file_width)?;
                self.explain(quote, &findings);
                Ok(())
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

    /// Writes what comes after the last record, and flushes.
    fn end(mut self) -> io::Result<()> {
        if self.summary {
            self.write_summary()?;
        } else {
            self.write_table_end()?;
        }
        match self.sink {
            Sink::Table(mut out) | Sink::Jsonl(mut out) => out.flush(),
            Sink::Csv(mut csv) => csv.flush(),
        }
    }

    /// The summary, in the chosen format.
    fn write_summary(&mut self) -> io::Result<()> {
        let summary = Summary {
            report: self.report.clone(),
            skipped_bytes: self.skipped_bytes,
            truncated_quotes: self.truncated,
            invalid_utf8_bytes: self.invalid_bytes,
        };
        let skipped = self.skipped_line();
        match &mut self.sink {
            Sink::Csv(csv) => {
                csv.write_record(["name", "value"]).map_err(csv_error)?;
                for (name, value) in summary.rows() {
                    csv.write_record([name, value.as_str()])
                        .map_err(csv_error)?;
                }
                Ok(())
            }
            Sink::Jsonl(out) => {
                serde_json::to_writer(&mut *out, &summary)?;
                out.write_all(b"\n")
            }
            Sink::Table(out) => {
                write!(out, "{}", summary.report)?;
                writeln!(out, "skipped: {skipped}")
            }
        }
    }

    /// After a table: its header if no quote came, the findings'
    /// sentences, the summary line and the dominant pattern.
    fn write_table_end(&mut self) -> io::Result<()> {
        let line = self.summary_line();
        let pattern = self.report.dominant();
        let Sink::Table(out) = &mut self.sink else {
            return Ok(());
        };
        if !std::mem::replace(&mut self.started, true) {
            write_table_row(out, &table_header(self.file_width), self.file_width)?;
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
        writeln!(out, "\n{line}")?;
        if let Some(pattern) = pattern {
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

/// A CSV error as the I/O error it wraps, or as an error of its own.
fn csv_error(error: csv::Error) -> io::Error {
    match error.into_kind() {
        csv::ErrorKind::Io(error) => error,
        other => io::Error::other(format!("{other:?}")),
    }
}

/// The totals `--summary` prints: the strip report, and what was skipped.
#[derive(serde::Serialize)]
struct Summary {
    #[serde(flatten)]
    report: StripReport,
    skipped_bytes: usize,
    truncated_quotes: usize,
    invalid_utf8_bytes: usize,
}

impl Summary {
    /// The totals as `name,value` rows: every finding kind, counted or not,
    /// so that the rows are the same for every input.
    fn rows(&self) -> Vec<(&'static str, String)> {
        let report = &self.report;
        let mut rows = vec![
            ("quotes", report.quotes().to_string()),
            ("checkable", report.checkable().to_string()),
            ("checked", report.checked().to_string()),
            ("uncheckable", report.uncheckable().to_string()),
        ];
        for kind in FindingKind::ALL {
            rows.push((kind.as_str(), report.count(kind).to_string()));
        }
        let pattern = report.dominant();
        rows.extend([
            ("skipped_bytes", self.skipped_bytes.to_string()),
            ("truncated_quotes", self.truncated_quotes.to_string()),
            ("invalid_utf8_bytes", self.invalid_utf8_bytes.to_string()),
            (
                "pattern",
                pattern.map_or(String::new(), |p| p.kind.to_string()),
            ),
        ]);
        rows
    }
}

/// The table's columns with their widths (negative: left-aligned), the
/// file column as wide as the longest input name. Other widths fit common
/// values, so rows can be written as they come; a longer value pushes the
/// rest of its row.
fn table_columns(file_width: Option<usize>) -> Vec<(&'static str, isize)> {
    let mut columns = vec![
        ("symbol", -9),
        ("price", 12),
        ("direction", -9),
        ("change", 10),
        ("percent", 8),
        ("span", -12),
        ("evidence", -10),
    ];
    if let Some(width) = file_width {
        let width = isize::try_from(width.max("file".len())).unwrap_or(isize::MAX);
        columns.push(("file", -width));
    }
    columns.push(("findings", 0));
    columns
}

/// Shown in the table for an absent value.
const ABSENT: &str = "-";

fn table_header(file_width: Option<usize>) -> Vec<Cow<'static, str>> {
    table_columns(file_width)
        .into_iter()
        .map(|(name, _)| Cow::Borrowed(name))
        .collect()
}

/// The table cells of a quote, in column order.
fn table_cells<'a>(
    quote: &'a Quote<'_>,
    findings: &Findings,
    file: Option<&'a str>,
) -> Vec<Cow<'a, str>> {
    let optional =
        |value: Option<Decimal>| value.map_or(Cow::Borrowed(ABSENT), |v| Cow::Owned(v.to_string()));
    let names: Vec<&str> = findings.kinds().map(FindingKind::as_str).collect();
    let mut cells = vec![
        Cow::Borrowed(quote.symbol),
        Cow::Owned(quote.price.to_string()),
        Cow::Borrowed(quote.direction.as_str()),
        optional(quote.change),
        optional(quote.percent),
        Cow::Owned(format!("{}..{}", quote.span.start, quote.span.end)),
        Cow::Borrowed(quote.evidence.as_str()),
    ];
    cells.extend(file.map(Cow::Borrowed));
    cells.push(match names.is_empty() {
        true => Cow::Borrowed(ABSENT),
        false => Cow::Owned(names.join(",")),
    });
    cells
}

/// One table line, columns two spaces apart, without trailing spaces.
fn write_table_row(
    out: &mut impl Write,
    cells: &[Cow<'_, str>],
    file_width: Option<usize>,
) -> io::Result<()> {
    let mut line = String::new();
    for (i, (cell, (_, width))) in cells.iter().zip(table_columns(file_width)).enumerate() {
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
