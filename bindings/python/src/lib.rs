//! The Python module `tickerstrip._tickerstrip`, which the `tickerstrip`
//! package re-exports: parsing, scanning and validation with Python's
//! types (`decimal.Decimal` numbers that keep their scale, names as
//! strings, errors as `ParseError(ValueError)`).

mod args;
mod arrow;

use std::hash::{DefaultHasher, Hash, Hasher};

use pyo3::create_exception;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyMappingProxy, PyString, PyTuple};
use rust_decimal::Decimal;
use tickerstrip::{
    AsQuote, Evidence, Field, FieldValue, Findings, NumberStyle, OwnedQuote, ParseOptions, Segment,
};

// Named `tickerstrip.ParseError`, as users import it, in reprs and
// tracebacks.
create_exception!(
    tickerstrip,
    ParseError,
    PyValueError,
    "Text that is not a quote where one must be: `offset` (bytes), `line` and `column` (from 1) say where."
);

/// One quote, as Python sees it: read-only fields, numbers as
/// `decimal.Decimal` with the scale the page showed.
#[pyclass(frozen, module = "tickerstrip", name = "Quote")]
struct PyQuote {
    quote: OwnedQuote,
}

#[pymethods]
impl PyQuote {
    /// The label as shown: a ticker or a name.
    #[getter]
    fn symbol(&self) -> &str {
        &self.quote.symbol
    }

    /// The last price, its magnitude suffix applied.
    #[getter]
    fn price(&self) -> Decimal {
        self.quote.price
    }

    /// `"up"`, `"down"` or `"unchanged"`.
    #[getter]
    fn direction(&self) -> &'static str {
        self.quote.direction.as_str()
    }

    /// The signed change, or `None` when not shown.
    #[getter]
    fn change(&self) -> Option<Decimal> {
        self.quote.change
    }

    /// The signed percent as shown, or `None` when not shown.
    #[getter]
    fn percent(&self) -> Option<Decimal> {
        self.quote.percent
    }

    /// The quote's byte range in its input, `(start, end)`.
    #[getter]
    fn span(&self) -> (usize, usize) {
        (self.quote.span.start, self.quote.span.end)
    }

    /// What made the reader believe the quote, strongest first:
    /// `"arithmetic"` (its numbers check each other), `"header"` (a
    /// header names its columns), `"markers"` (`%`, a sign or a direction
    /// marker say which number is which) or `"shape"` (it has the shape of
    /// the marked quotes around it).
    #[getter]
    fn evidence(&self) -> &'static str {
        self.quote.evidence.as_str()
    }

    /// The instrument's name where the page shows a name and a code
    /// (`"Bank of Lumen"` in `Bank of Lumen (BLMN)`, whose symbol is the
    /// code), or `None`.
    #[getter]
    fn name(&self) -> Option<&str> {
        self.quote.name.as_deref()
    }

    /// `"ticker"` or `"name"`: what the symbol is.
    #[getter]
    fn label(&self) -> &'static str {
        self.quote.label.name()
    }

    /// The currency sign or code shown with the price, or `None`.
    #[getter]
    fn currency(&self) -> Option<&'static str> {
        self.quote.currency.map(|currency| currency.sign())
    }

    /// The price's magnitude suffix (`"k"`, `"M"`, `"B"`, `"T"`), or `None`.
    #[getter]
    fn magnitude(&self) -> Option<&'static str> {
        self.quote.magnitude.map(|magnitude| magnitude.suffix())
    }

    /// The previous close a table row shows, or `None`.
    #[getter]
    fn previous_close(&self) -> Option<Decimal> {
        self.quote.previous_close
    }

    /// Every field of the record in its order, each as Python writes its
    /// value, but the findings, which `validate` gives.
    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let mut shown = Vec::with_capacity(tickerstrip::Field::ALL.len());
        for field in tickerstrip::Field::ALL {
            let value = match field.value(&self.quote, Findings::default()) {
                FieldValue::Text(Some(text)) => PyString::new(py, text).repr()?.to_string(),
                FieldValue::Text(None) | FieldValue::Decimal(None) => "None".to_owned(),
                FieldValue::Decimal(Some(value)) => format!("Decimal('{value}')"),
                FieldValue::Span(span) => format!("({}, {})", span.start, span.end),
                FieldValue::Findings(_) => continue,
            };
            shown.push(format!("{}={value}", field.name()));
        }
        Ok(format!("Quote({})", shown.join(", ")))
    }

    fn __str__(&self) -> String {
        self.quote.to_string()
    }

    fn __eq__(&self, other: &Self) -> bool {
        self.quote == other.quote
    }

    /// Equal quotes hash alike: the hash is that of the fields `==`
    /// compares (`Decimal('40.1')` and `Decimal('40.10')` alike, as in
    /// Python).
    fn __hash__(&self) -> u64 {
        let mut hasher = DefaultHasher::new();
        self.quote.hash(&mut hasher);
        hasher.finish()
    }
}

/// Text that holds no quote, as a scan gives it. Equal when text, span
/// and kind are, and hashable.
#[pyclass(frozen, eq, hash, module = "tickerstrip", name = "Skipped")]
#[derive(PartialEq, Hash)]
struct PySkipped {
    /// The text.
    #[pyo3(get)]
    text: String,
    /// Its byte range in the input, `(start, end)`.
    #[pyo3(get)]
    span: (usize, usize),
    /// Why it was skipped: `"text"`, `"truncated"` or `"invalid-utf8"`.
    #[pyo3(get)]
    kind: &'static str,
}

#[pymethods]
impl PySkipped {
    fn __repr__(&self) -> String {
        format!(
            "Skipped(text={:?}, span=({}, {}), kind='{}')",
            self.text, self.span.0, self.span.1, self.kind
        )
    }
}

/// The options the keyword arguments ask for.
pub(crate) fn options(
    number_style: &str,
    symbols: Option<&Bound<'_, PyAny>>,
    min_evidence: &str,
) -> PyResult<ParseOptions> {
    let style: NumberStyle = number_style
        .parse()
        .map_err(|e: tickerstrip::UnknownName| {
            PyValueError::new_err(format!("number_style: {e}"))
        })?;
    let level: Evidence = min_evidence
        .parse()
        .map_err(|e: tickerstrip::UnknownName| {
            PyValueError::new_err(format!("min_evidence: {e}"))
        })?;
    let options = ParseOptions::new().number_style(style).min_evidence(level);
    Ok(match args::symbols(symbols)? {
        Some(symbols) => options.symbols(symbols),
        None => options,
    })
}

/// The Python error for a parse error, with its position.
fn parse_error(py: Python<'_>, error: &tickerstrip::ParseError) -> PyErr {
    let err = ParseError::new_err(error.to_string());
    let value = err.value(py);
    let set = |name: &str, n: usize| value.setattr(name, n);
    match set("offset", error.offset())
        .and_then(|()| set("line", error.line()))
        .and_then(|()| set("column", error.column()))
        .and_then(|()| set("quote_index", error.quote_index()))
    {
        Ok(()) => err,
        Err(failed) => failed,
    }
}

/// The quotes of a strip that holds quotes and separators only. Raises
/// `ParseError` at the first text that is not a quote, or is a quote
/// weaker than `min_evidence`: `"arithmetic"`, `"header"`, `"markers"` or
/// `"shape"`, strongest first (`EVIDENCE`); `"shape"` keeps every quote.
#[pyfunction]
#[pyo3(signature = (text, *, number_style = "auto", symbols = None, min_evidence = "shape"))]
fn parse(
    py: Python<'_>,
    text: &str,
    number_style: &str,
    symbols: Option<&Bound<'_, PyAny>>,
    min_evidence: &str,
) -> PyResult<Vec<PyQuote>> {
    let options = options(number_style, symbols, min_evidence)?;
    let parsed = py.detach(|| {
        options
            .parse(text)
            .map(|quotes| quotes.into_iter().map(OwnedQuote::from).collect::<Vec<_>>())
    });
    match parsed {
        Ok(quotes) => Ok(quotes.into_iter().map(|quote| PyQuote { quote }).collect()),
        Err(error) => Err(parse_error(py, &error)),
    }
}

/// The segments of page text, in order: `Quote`s and `Skipped` text, which
/// joined give the text back. A quote weaker than `min_evidence` (see
/// `parse`) is skipped text.
#[pyfunction]
#[pyo3(signature = (text, *, number_style = "auto", symbols = None, min_evidence = "shape"))]
fn scan(
    py: Python<'_>,
    text: &str,
    number_style: &str,
    symbols: Option<&Bound<'_, PyAny>>,
    min_evidence: &str,
) -> PyResult<Vec<Py<PyAny>>> {
    let options = options(number_style, symbols, min_evidence)?;
    let segments: Vec<Result<OwnedQuote, PySkipped>> = py.detach(|| {
        options
            .scan(text)
            .filter_map(|segment| match segment {
                Segment::Quote(quote) => Some(Ok(OwnedQuote::from(quote))),
                Segment::Skipped(skipped) => Some(Err(PySkipped {
                    text: skipped.text.to_owned(),
                    span: (skipped.span.start, skipped.span.end),
                    kind: skip_kind(skipped.kind),
                })),
                _ => None,
            })
            .collect()
    });
    segments
        .into_iter()
        .map(|segment| match segment {
            Ok(quote) => Ok(Py::new(py, PyQuote { quote })?.into_any()),
            Err(skipped) => Ok(Py::new(py, skipped)?.into_any()),
        })
        .collect()
}

/// The name of a kind of skipped text.
fn skip_kind(kind: tickerstrip::SkipKind) -> &'static str {
    match kind {
        tickerstrip::SkipKind::Truncated => "truncated",
        tickerstrip::SkipKind::InvalidUtf8 => "invalid-utf8",
        _ => "text",
    }
}

/// The kinds of what is wrong with a quote, in order:
/// `["percent-is-fraction"]`, or `[]` for a quote that is fine.
#[pyfunction]
fn validate(quote: &PyQuote) -> Vec<&'static str> {
    let findings = tickerstrip::validate(&*quote.quote.as_quote());
    findings.kinds().map(|kind| kind.as_str()).collect()
}

/// One sentence for each finding of a quote, saying why.
#[pyfunction]
fn explain(quote: &PyQuote) -> Vec<String> {
    let quote = quote.quote.as_quote();
    let findings = tickerstrip::validate(&*quote);
    findings
        .details(&quote)
        .map(|finding| finding.to_string())
        .collect()
}

/// The totals over quotes: a dict of `quotes`, `checkable`, `checked`,
/// `uncheckable`, `findings` (counts by kind) and `pattern` (the finding
/// most checkable quotes share, with `quotes` and `of`, or `None`).
/// `quotes` may be what `scan` gives: its `Skipped` text is passed over.
#[pyfunction]
fn report<'py>(py: Python<'py>, quotes: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyDict>> {
    const QUOTES: args::Many = args::Many {
        name: "quotes",
        items: "Quote or Skipped",
    };
    let mut report = tickerstrip::StripReport::new();
    for (at, item) in QUOTES.iter(quotes)?.enumerate() {
        let item = item?;
        if let Ok(quote) = item.cast::<PyQuote>() {
            let quote = quote.get().quote.as_quote();
            report.add(&quote, &tickerstrip::validate(&*quote));
        } else if !item.is_instance_of::<PySkipped>() {
            return Err(QUOTES.wrong_item(at, &item));
        }
    }
    let findings = PyDict::new(py);
    for (kind, count) in report.counts() {
        findings.set_item(kind.as_str(), count)?;
    }
    let pattern = match report.dominant() {
        Some(pattern) => {
            let dict = PyDict::new(py);
            dict.set_item("kind", pattern.kind.as_str())?;
            dict.set_item("quotes", pattern.quotes)?;
            dict.set_item("of", pattern.of)?;
            Some(dict)
        }
        None => None,
    };
    let totals = PyDict::new(py);
    totals.set_item("quotes", report.quotes())?;
    totals.set_item("checkable", report.checkable())?;
    totals.set_item("checked", report.checked())?;
    totals.set_item("uncheckable", report.uncheckable())?;
    totals.set_item("findings", findings)?;
    totals.set_item("pattern", pattern)?;
    Ok(totals)
}

#[pymodule]
fn _tickerstrip(module: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = module.py();
    module.add("__version__", env!("CARGO_PKG_VERSION"))?;
    // The record's fields in their order, and each one's kind.
    let names = Field::ALL.map(Field::name);
    module.add("FIELDS", PyTuple::new(py, names)?)?;
    let kinds = PyDict::new(py);
    for field in Field::ALL {
        kinds.set_item(field.name(), field.kind().as_str())?;
    }
    module.add("FIELD_KINDS", PyMappingProxy::new(py, kinds.as_mapping()))?;
    let levels = Evidence::ALL.map(Evidence::as_str);
    module.add("EVIDENCE", PyTuple::new(py, levels)?)?;
    module.add("ParseError", module.py().get_type::<ParseError>())?;
    module.add_class::<PyQuote>()?;
    module.add_class::<PySkipped>()?;
    module.add_class::<arrow::QuoteBatch>()?;
    module.add_function(wrap_pyfunction!(parse, module)?)?;
    module.add_function(wrap_pyfunction!(scan, module)?)?;
    module.add_function(wrap_pyfunction!(validate, module)?)?;
    module.add_function(wrap_pyfunction!(explain, module)?)?;
    module.add_function(wrap_pyfunction!(report, module)?)?;
    module.add_function(wrap_pyfunction!(arrow::quote_batch, module)?)?;
    module.add_function(wrap_pyfunction!(arrow::empty_batch, module)?)?;
    Ok(())
}
