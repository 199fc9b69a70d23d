//! The quotes of many pages as one Arrow record batch: pages are scanned
//! on all cores without the GIL, each group of pages into its own columns,
//! and the groups joined; Python gets the batch through the Arrow PyCapsule
//! interface (`__arrow_c_array__`), which pyarrow reads without a copy.

use std::sync::{Arc, LazyLock};

use arrow_array::builder::{
    Decimal128Builder, Int8Builder, Int64Builder, ListBuilder, StringBuilder,
};
use arrow_array::ffi::{FFI_ArrowArray, FFI_ArrowSchema};
use arrow_array::{Array, ArrayRef, RecordBatch, StructArray};
use arrow_schema::{ArrowError, DataType, Field, Schema, SchemaRef};
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::pybacked::{PyBackedBytes, PyBackedStr};
use pyo3::types::{PyBytes, PyCapsule, PyString};
use rayon::prelude::*;
use rust_decimal::Decimal;
use tickerstrip::{ParseOptions, Quote, Segment, SegmentRef};

use crate::args::Many;

/// Digits of the decimal columns: any 38-digit number.
const PRECISION: u8 = 38;

/// Decimal places of the decimal columns; the scale each value showed is
/// in its own `*_scale` column.
const SCALE: i8 = 10;

/// Bytes of pages a group gathers before it is handed to a thread of its
/// own: large enough that a group's setup is noise, small enough that two
/// cores share an archive evenly.
const GROUP_BYTES: usize = 256 * 1024;

/// Bytes of page a quote takes, about, for the first guess at a group's
/// rows: a seed strip's quote takes 25, a page of prose many more. Columns
/// grow past the guess as they need.
const BYTES_PER_ROW: usize = 32;

/// The batch's columns when pages are numbered.
static SCHEMA: LazyLock<SchemaRef> = LazyLock::new(|| schema(DataType::Int64));

/// The batch's columns when pages are named by strings.
static SCHEMA_NAMED: LazyLock<SchemaRef> = LazyLock::new(|| schema(DataType::Utf8));

/// The batch's columns: with string ids when `named`.
fn batch_schema(named: bool) -> SchemaRef {
    SchemaRef::clone(if named { &SCHEMA_NAMED } else { &SCHEMA })
}

/// The schema with `id` of type `id`.
fn schema(id: DataType) -> SchemaRef {
    let decimal =
        |name: &str, nullable| Field::new(name, DataType::Decimal128(PRECISION, SCALE), nullable);
    let scale = |name: &str, nullable| Field::new(name, DataType::Int8, nullable);
    let text = |name: &str, nullable| Field::new(name, DataType::Utf8, nullable);
    Arc::new(Schema::new(vec![
        Field::new("id", id, false),
        text("symbol", false),
        text("label", false),
        // Null only when a price cannot be held exactly (see `fixed`).
        decimal("price", true),
        scale("price_scale", false),
        decimal("change", true),
        scale("change_scale", true),
        decimal("percent", true),
        scale("percent_scale", true),
        text("direction", false),
        text("currency", true),
        text("magnitude", true),
        Field::new("span_start", DataType::Int64, false),
        Field::new("span_end", DataType::Int64, false),
        Field::new(
            "findings",
            DataType::List(Arc::new(Field::new("item", DataType::Utf8, false))),
            false,
        ),
        decimal("previous_close", true),
        scale("previous_close_scale", true),
    ]))
}

/// One page's text as Python gave it.
#[derive(Clone, Copy)]
enum Page<'a> {
    /// A `str`.
    Text(&'a str),
    /// A `bytes`: read as the command-line tool reads a file, bytes that
    /// are not UTF-8 skipped.
    Bytes(&'a [u8]),
}

impl Page<'_> {
    fn len(self) -> usize {
        match self {
            Page::Text(text) => text.len(),
            Page::Bytes(bytes) => bytes.len(),
        }
    }
}

/// The `id` column as it is built.
enum IdBuilder {
    Numbers(Int64Builder),
    Names(StringBuilder),
}

/// The columns of one group of pages.
struct Columns {
    id: IdBuilder,
    symbol: StringBuilder,
    label: StringBuilder,
    price: Decimal128Builder,
    price_scale: Int8Builder,
    change: Decimal128Builder,
    change_scale: Int8Builder,
    percent: Decimal128Builder,
    percent_scale: Int8Builder,
    direction: StringBuilder,
    currency: StringBuilder,
    magnitude: StringBuilder,
    span_start: Int64Builder,
    span_end: Int64Builder,
    findings: ListBuilder<StringBuilder>,
    previous_close: Decimal128Builder,
    previous_close_scale: Int8Builder,
}

impl Columns {
    /// Columns with room for `rows` rows.
    fn with_capacity(named: bool, rows: usize) -> Columns {
        let decimal = || {
            Decimal128Builder::with_capacity(rows)
                .with_precision_and_scale(PRECISION, SCALE)
                .expect("38 digits with 10 places is a valid decimal type")
        };
        // Most labels and names of kinds are under 16 bytes.
        let text = || StringBuilder::with_capacity(rows, 16 * rows);
        let item = Arc::new(Field::new("item", DataType::Utf8, false));
        Columns {
            id: if named {
                IdBuilder::Names(text())
            } else {
                IdBuilder::Numbers(Int64Builder::with_capacity(rows))
            },
            symbol: text(),
            label: text(),
            price: decimal(),
            price_scale: Int8Builder::with_capacity(rows),
            change: decimal(),
            change_scale: Int8Builder::with_capacity(rows),
            percent: decimal(),
            percent_scale: Int8Builder::with_capacity(rows),
            direction: text(),
            currency: text(),
            magnitude: text(),
            span_start: Int64Builder::with_capacity(rows),
            span_end: Int64Builder::with_capacity(rows),
            findings: ListBuilder::with_capacity(text(), rows).with_field(item),
            previous_close: decimal(),
            previous_close_scale: Int8Builder::with_capacity(rows),
        }
    }

    /// Appends the row of `quote`, from the page `id` names.
    fn push(&mut self, id: Id<'_>, quote: &Quote<'_>) {
        match (&mut self.id, id) {
            (IdBuilder::Numbers(column), Id::Number(n)) => column.append_value(n),
            (IdBuilder::Names(column), Id::Name(name)) => column.append_value(name),
            _ => unreachable!("a group's ids are all numbers or all names"),
        }
        self.symbol.append_value(quote.symbol);
        self.label.append_value(quote.label.name());
        push_decimal(&mut self.price, &mut self.price_scale, Some(quote.price));
        push_decimal(&mut self.change, &mut self.change_scale, quote.change);
        push_decimal(&mut self.percent, &mut self.percent_scale, quote.percent);
        self.direction.append_value(quote.direction.as_str());
        self.currency
            .append_option(quote.currency.map(|c| c.sign()));
        self.magnitude
            .append_option(quote.magnitude.map(|m| m.suffix()));
        self.span_start.append_value(offset(quote.span.start));
        self.span_end.append_value(offset(quote.span.end));
        let findings = tickerstrip::validate(quote);
        for kind in findings.kinds() {
            self.findings.values().append_value(kind.as_str());
        }
        self.findings.append(true);
        push_decimal(
            &mut self.previous_close,
            &mut self.previous_close_scale,
            quote.previous_close,
        );
    }

    fn finish(mut self) -> Vec<ArrayRef> {
        let id: ArrayRef = match &mut self.id {
            IdBuilder::Numbers(column) => Arc::new(column.finish()),
            IdBuilder::Names(column) => Arc::new(column.finish()),
        };
        vec![
            id,
            Arc::new(self.symbol.finish()),
            Arc::new(self.label.finish()),
            Arc::new(self.price.finish()),
            Arc::new(self.price_scale.finish()),
            Arc::new(self.change.finish()),
            Arc::new(self.change_scale.finish()),
            Arc::new(self.percent.finish()),
            Arc::new(self.percent_scale.finish()),
            Arc::new(self.direction.finish()),
            Arc::new(self.currency.finish()),
            Arc::new(self.magnitude.finish()),
            Arc::new(self.span_start.finish()),
            Arc::new(self.span_end.finish()),
            Arc::new(self.findings.finish()),
            Arc::new(self.previous_close.finish()),
            Arc::new(self.previous_close_scale.finish()),
        ]
    }
}

/// A page's entry in the `id` column.
#[derive(Clone, Copy)]
enum Id<'a> {
    Number(i64),
    Name(&'a str),
}

/// A byte offset as Arrow's signed 64-bit integer.
fn offset(at: usize) -> i64 {
    i64::try_from(at).expect("a page's offsets fit in 63 bits")
}

/// Appends `value` rescaled to [`SCALE`] places with its own scale, or nulls
/// for a value not shown.
fn push_decimal(column: &mut Decimal128Builder, scale: &mut Int8Builder, value: Option<Decimal>) {
    match value {
        Some(value) => {
            column.append_option(fixed(value));
            // rust_decimal's scale is at most 28.
            scale.append_value(value.scale() as i8);
        }
        None => {
            column.append_null();
            scale.append_null();
        }
    }
}

/// `value` as a decimal with [`SCALE`] places and at most [`PRECISION`]
/// digits, exactly, or `None` when it has none: more than ten decimal
/// places that are not all zeros, or more than 28 digits before the point.
/// A value is never rounded.
fn fixed(value: Decimal) -> Option<i128> {
    let mantissa = value.mantissa();
    let scale = i32::try_from(value.scale()).expect("a scale is at most 28");
    let shift = i32::from(SCALE) - scale;
    let rescaled = if shift >= 0 {
        mantissa.checked_mul(10i128.pow(shift.unsigned_abs()))?
    } else {
        let divisor = 10i128.pow(shift.unsigned_abs());
        if mantissa % divisor != 0 {
            return None;
        }
        mantissa / divisor
    };
    let limit = 10i128.pow(u32::from(PRECISION));
    (rescaled.abs() < limit).then_some(rescaled)
}

/// Scans the pages of one group into its columns.
fn group_columns(
    options: &ParseOptions,
    pages: &[(Id<'_>, Page<'_>)],
    named: bool,
) -> Vec<ArrayRef> {
    let bytes = pages.iter().map(|(_, page)| page.len()).sum::<usize>();
    let mut columns = Columns::with_capacity(named, bytes / BYTES_PER_ROW);
    for &(id, page) in pages {
        // Text that is UTF-8 throughout is scanned as text; bytes that are
        // not are read as the command-line tool reads a file.
        let text = match page {
            Page::Text(text) => Ok(text),
            Page::Bytes(bytes) => std::str::from_utf8(bytes).map_err(|_| bytes),
        };
        match text {
            Ok(text) => {
                for segment in options.scan(text) {
                    if let Segment::Quote(quote) = segment {
                        columns.push(id, &quote);
                    }
                }
            }
            Err(bytes) => {
                let mut reader = options.scan_reader(bytes);
                while let Some(segment) = reader.next_borrowed() {
                    match segment {
                        Ok(SegmentRef::Quote(quote)) => columns.push(id, &quote),
                        Ok(_) => {}
                        // A reader fails only when its source does.
                        Err(error) => unreachable!("reading a byte slice failed: {error}"),
                    }
                }
            }
        }
    }
    columns.finish()
}

/// Cuts the pages into runs of about [`GROUP_BYTES`] bytes, in order.
fn groups<'p, 'a>(pages: &'p [(Id<'a>, Page<'a>)]) -> Vec<&'p [(Id<'a>, Page<'a>)]> {
    let mut groups = Vec::new();
    let (mut start, mut bytes) = (0, 0);
    for (at, (_, page)) in pages.iter().enumerate() {
        bytes += page.len();
        if bytes >= GROUP_BYTES {
            groups.push(&pages[start..=at]);
            (start, bytes) = (at + 1, 0);
        }
    }
    if start < pages.len() || groups.is_empty() {
        groups.push(&pages[start..]);
    }
    groups
}

/// The rows of all pages, in page order: each group of pages scanned into
/// columns of its own, then each column joined, on all cores.
fn batch(
    options: &ParseOptions,
    pages: &[(Id<'_>, Page<'_>)],
    named: bool,
) -> Result<RecordBatch, ArrowError> {
    let mut parts: Vec<Vec<ArrayRef>> = groups(pages)
        .into_par_iter()
        .map(|group| group_columns(options, group, named))
        .collect();
    let schema = batch_schema(named);
    let columns = if parts.len() == 1 {
        parts.pop().unwrap_or_default()
    } else {
        (0..schema.fields().len())
            .into_par_iter()
            .map(|at| {
                let arrays: Vec<&dyn Array> = parts.iter().map(|part| part[at].as_ref()).collect();
                arrow_select::concat::concat(&arrays)
            })
            .collect::<Result<_, _>>()?
    };
    RecordBatch::try_new(schema, columns)
}

/// A record batch that Python takes through the Arrow PyCapsule interface.
#[pyclass(frozen, module = "tickerstrip", name = "QuoteBatch")]
pub(crate) struct QuoteBatch {
    batch: RecordBatch,
}

#[pymethods]
impl QuoteBatch {
    /// The batch's schema, as an `arrow_schema` capsule.
    fn __arrow_c_schema__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyCapsule>> {
        let schema =
            FFI_ArrowSchema::try_from(self.batch.schema().as_ref()).map_err(arrow_error)?;
        PyCapsule::new(py, schema, Some(c"arrow_schema".to_owned()))
    }

    /// The batch as a struct array: `arrow_schema` and `arrow_array`
    /// capsules. The batch's schema is the only one it is given in.
    #[pyo3(signature = (requested_schema = None))]
    fn __arrow_c_array__<'py>(
        &self,
        py: Python<'py>,
        requested_schema: Option<Bound<'py, PyAny>>,
    ) -> PyResult<(Bound<'py, PyCapsule>, Bound<'py, PyCapsule>)> {
        // A consumer may ask for another schema; the batch is given in its
        // own, which the consumer then checks, as the interface allows.
        let _ = requested_schema;
        let data = StructArray::from(self.batch.clone()).into_data();
        let schema = FFI_ArrowSchema::try_from(data.data_type()).map_err(arrow_error)?;
        let array = FFI_ArrowArray::new(&data);
        Ok((
            PyCapsule::new(py, schema, Some(c"arrow_schema".to_owned()))?,
            PyCapsule::new(py, array, Some(c"arrow_array".to_owned()))?,
        ))
    }

    fn __len__(&self) -> usize {
        self.batch.num_rows()
    }

    fn __repr__(&self) -> String {
        format!("QuoteBatch(rows={})", self.batch.num_rows())
    }
}

/// An Arrow error as Python's `ValueError`.
fn arrow_error(error: ArrowError) -> PyErr {
    PyValueError::new_err(error.to_string())
}

/// The quotes of all pages as one Arrow batch, one row a quote in page
/// order. `texts` is an iterable of `str` or `bytes` pages (bytes that are
/// not UTF-8 are skipped; a single page is a `TypeError`); `ids` names each page with an `int` or a `str`, and defaults to
/// the page's index.
#[pyfunction]
#[pyo3(signature = (texts, ids = None, *, number_style = "auto", symbols = None))]
pub(crate) fn quote_batch(
    py: Python<'_>,
    texts: &Bound<'_, PyAny>,
    ids: Option<&Bound<'_, PyAny>>,
    number_style: &str,
    symbols: Option<&Bound<'_, PyAny>>,
) -> PyResult<QuoteBatch> {
    let options = crate::options(number_style, symbols)?;
    let texts = TEXTS
        .iter(texts)?
        .enumerate()
        .map(|(at, text)| held_page(at, &text?))
        .collect::<PyResult<Vec<_>>>()?;
    let names = page_names(ids, texts.len())?;
    let named = matches!(names, Some(Names::Strings(_)));
    let pages: Vec<(Id<'_>, Page<'_>)> = texts
        .iter()
        .map(HeldPage::page)
        .enumerate()
        .map(|(at, page)| {
            let id = match &names {
                None => Id::Number(offset(at)),
                Some(Names::Numbers(numbers)) => Id::Number(numbers[at]),
                Some(Names::Strings(strings)) => Id::Name(&strings[at]),
            };
            (id, page)
        })
        .collect();
    let batch = py
        .detach(|| batch(&options, &pages, named))
        .map_err(arrow_error)?;
    Ok(QuoteBatch { batch })
}

/// A page's text, held while the GIL is released: borrowed from the
/// Python object where the interpreter allows, else a UTF-8 copy.
enum HeldPage {
    Text(PyBackedStr),
    Bytes(PyBackedBytes),
}

impl HeldPage {
    fn page(&self) -> Page<'_> {
        match self {
            HeldPage::Text(text) => Page::Text(text),
            HeldPage::Bytes(bytes) => Page::Bytes(bytes),
        }
    }
}

/// A batch of no rows, whose schema is that of `quote_batch` with `str` ids
/// when `named`, else with `int` ids.
#[pyfunction]
pub(crate) fn empty_batch(named: bool) -> QuoteBatch {
    QuoteBatch {
        batch: RecordBatch::new_empty(batch_schema(named)),
    }
}

/// The `texts` argument: pages.
const TEXTS: Many = Many {
    name: "texts",
    items: "str or bytes",
};

/// The `ids` argument: a name for each page.
const IDS: Many = Many {
    name: "ids",
    items: "int or str",
};

/// The page `text` holds, which is item `at` of `texts`.
fn held_page(at: usize, text: &Bound<'_, PyAny>) -> PyResult<HeldPage> {
    if text.is_instance_of::<PyString>() {
        return Ok(HeldPage::Text(text.extract()?));
    }
    if text.is_instance_of::<PyBytes>() {
        return Ok(HeldPage::Bytes(text.extract()?));
    }
    Err(TEXTS.wrong_item(at, text))
}

/// The ids given for pages.
enum Names {
    Numbers(Vec<i64>),
    Strings(Vec<PyBackedStr>),
}

/// The ids of `count` pages: `None` when none are given, else `ids`, all
/// `int` or all `str`.
fn page_names(ids: Option<&Bound<'_, PyAny>>, count: usize) -> PyResult<Option<Names>> {
    let Some(ids) = ids else {
        return Ok(None);
    };
    let objects: Vec<Bound<'_, PyAny>> = IDS.iter(ids)?.collect::<PyResult<_>>()?;
    if objects.len() != count {
        return Err(PyValueError::new_err(format!(
            "{} ids for {count} texts",
            objects.len()
        )));
    }
    let named = objects
        .first()
        .is_some_and(|id| id.is_instance_of::<PyString>());
    let mismatch = |at: usize| {
        PyTypeError::new_err(format!(
            "ids[{at}] is not of the type of ids[0]; ids are all int or all str"
        ))
    };
    let names = if named {
        Names::Strings(
            objects
                .iter()
                .enumerate()
                .map(|(at, id)| id.extract::<PyBackedStr>().map_err(|_| mismatch(at)))
                .collect::<PyResult<_>>()?,
        )
    } else {
        Names::Numbers(
            objects
                .iter()
                .enumerate()
                .map(|(at, id)| {
                    if id.is_instance_of::<PyString>() {
                        return Err(mismatch(at));
                    }
                    id.extract::<i64>().map_err(|_| {
                        PyTypeError::new_err(format!("ids[{at}] is not an int of 64 bits or a str"))
                    })
                })
                .collect::<PyResult<_>>()?,
        )
    };
    Ok(Some(names))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fixed_keeps_every_value_it_can_hold_and_never_rounds() {
        let d = |s: &str| s.parse::<Decimal>().unwrap();
        assert_eq!(fixed(d("40.13")), Some(401_300_000_000));
        assert_eq!(fixed(d("-0.41")), Some(-4_100_000_000));
        assert_eq!(fixed(d("0.000000000100")), Some(1));
        assert_eq!(fixed(d("0.00000000001")), None);
        assert_eq!(
            fixed(d("9999999999999999999999999999")),
            Some(99_999_999_999_999_999_999_999_999_990_000_000_000)
        );
        assert_eq!(fixed(d("79228162514264337593543950335")), None);
    }

    #[test]
    fn groups_cover_every_page_once_in_order() {
        let text = "x".repeat(100 * 1024);
        let pages: Vec<_> = (0..10)
            .map(|n| (Id::Number(n), Page::Text(&text)))
            .collect();
        let cut = groups(&pages);
        assert_eq!(
            cut.iter().map(|g| g.len()).collect::<Vec<_>>(),
            [3, 3, 3, 1]
        );
        assert_eq!(groups(&[]).len(), 1);
    }
}
