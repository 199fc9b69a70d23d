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
use arrow_schema::{ArrowError, DataType, Field as Column, FieldRef, Schema, SchemaRef};
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::pybacked::{PyBackedBytes, PyBackedStr};
use pyo3::types::{PyBytes, PyCapsule, PyString};
use rayon::prelude::*;
use rust_decimal::Decimal;
use tickerstrip::{Field, FieldKind, FieldValue, ParseOptions, Quote, Segment, SegmentRef};

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

/// The schema with `id` of type `id`, then the columns of each field of
/// the record, in its order ([`Field::ALL`]):
///
/// - text: a `utf8` column;
/// - a decimal: a `decimal128(38, 10)` column, then its `<name>_scale`
///   (`int8`), the scale shown;
/// - a span: `<name>_start` and `<name>_end`, `int64` byte offsets;
/// - findings: a `list<utf8>` of the kinds' names.
///
/// A column is nullable where its field is, and a decimal's value column
/// always: a value it cannot hold exactly is null (see [`fixed`]).
fn schema(id: DataType) -> SchemaRef {
    let mut columns = vec![Column::new("id", id, false)];
    for field in Field::ALL {
        let (name, nullable) = (field.name(), field.nullable());
        match field.kind() {
            FieldKind::Text => columns.push(Column::new(name, DataType::Utf8, nullable)),
            FieldKind::Decimal => columns.extend([
                Column::new(name, DataType::Decimal128(PRECISION, SCALE), true),
                Column::new(format!("{name}_scale"), DataType::Int8, nullable),
            ]),
            FieldKind::Span => columns.extend([
                Column::new(format!("{name}_start"), DataType::Int64, nullable),
                Column::new(format!("{name}_end"), DataType::Int64, nullable),
            ]),
            FieldKind::Findings => {
                columns.push(Column::new(name, DataType::List(finding_item()), nullable));
            }
        }
    }
    Arc::new(Schema::new(columns))
}

/// The items of a findings column: a kind's name, never null.
fn finding_item() -> FieldRef {
    Arc::new(Column::new("item", DataType::Utf8, false))
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

/// The columns of one field of the record, as they are built: those
/// [`schema`] lists for its kind.
enum FieldColumns {
    /// Text.
    Text(StringBuilder),
    /// A decimal's value and the scale shown.
    Decimal(Decimal128Builder, Int8Builder),
    /// A span's start and end.
    Span(Int64Builder, Int64Builder),
    /// Findings' kinds.
    Findings(ListBuilder<StringBuilder>),
}

impl FieldColumns {
    /// The columns of a field of `kind`, with room for `rows` rows.
    fn with_capacity(kind: FieldKind, rows: usize) -> FieldColumns {
        match kind {
            // Most symbols and names of kinds are under 16 bytes.
            FieldKind::Text => FieldColumns::Text(StringBuilder::with_capacity(rows, 16 * rows)),
            FieldKind::Decimal => FieldColumns::Decimal(
                Decimal128Builder::with_capacity(rows)
                    .with_precision_and_scale(PRECISION, SCALE)
                    .expect("38 digits with 10 places is a valid decimal type"),
                Int8Builder::with_capacity(rows),
            ),
            FieldKind::Span => FieldColumns::Span(
                Int64Builder::with_capacity(rows),
                Int64Builder::with_capacity(rows),
            ),
            FieldKind::Findings => FieldColumns::Findings(
                ListBuilder::with_capacity(StringBuilder::with_capacity(rows, 16 * rows), rows)
                    .with_field(finding_item()),
            ),
        }
    }

    /// Appends `value`, which is of the kind the columns were made for.
    fn push(&mut self, value: FieldValue<'_>) {
        match (self, value) {
            (FieldColumns::Text(column), FieldValue::Text(text)) => column.append_option(text),
            (FieldColumns::Decimal(column, scale), FieldValue::Decimal(value)) => {
                push_decimal(column, scale, value);
            }
            (FieldColumns::Span(start, end), FieldValue::Span(span)) => {
                start.append_value(offset(span.start));
                end.append_value(offset(span.end));
            }
            (FieldColumns::Findings(column), FieldValue::Findings(findings)) => {
                for kind in findings.kinds() {
                    column.values().append_value(kind.as_str());
                }
                column.append(true);
            }
            // The columns were made for the field's kind, which its
            // values are of (the library's tests hold it to that).
            (_, value) => unreachable!("a field gave a value of another kind: {value:?}"),
        }
    }

    /// Appends the finished columns to `arrays`, in the schema's order.
    fn finish_into(&mut self, arrays: &mut Vec<ArrayRef>) {
        match self {
            FieldColumns::Text(column) => arrays.push(Arc::new(column.finish())),
            FieldColumns::Decimal(column, scale) => {
                arrays.push(Arc::new(column.finish()));
                arrays.push(Arc::new(scale.finish()));
            }
            FieldColumns::Span(start, end) => {
                arrays.push(Arc::new(start.finish()));
                arrays.push(Arc::new(end.finish()));
            }
            FieldColumns::Findings(column) => arrays.push(Arc::new(column.finish())),
        }
    }
}

/// The columns of one group of pages: the `id`, then each field's, in
/// the order of [`Field::ALL`].
struct Columns {
    id: IdBuilder,
    fields: Vec<(Field, FieldColumns)>,
}

impl Columns {
    /// Columns with room for `rows` rows.
    fn with_capacity(named: bool, rows: usize) -> Columns {
        Columns {
            id: if named {
                IdBuilder::Names(StringBuilder::with_capacity(rows, 16 * rows))
            } else {
                IdBuilder::Numbers(Int64Builder::with_capacity(rows))
            },
            fields: Field::ALL
                .iter()
                .map(|&field| (field, FieldColumns::with_capacity(field.kind(), rows)))
                .collect(),
        }
    }

    /// Appends the row of `quote`, from the page `id` names.
    fn push(&mut self, id: Id<'_>, quote: &Quote<'_>) {
        match (&mut self.id, id) {
            (IdBuilder::Numbers(column), Id::Number(n)) => column.append_value(n),
            (IdBuilder::Names(column), Id::Name(name)) => column.append_value(name),
            _ => unreachable!("a group's ids are all numbers or all names"),
        }
        let findings = tickerstrip::validate(quote);
        for (field, columns) in &mut self.fields {
            columns.push(field.value(quote, findings));
        }
    }

    fn finish(mut self) -> Vec<ArrayRef> {
        let mut arrays: Vec<ArrayRef> = match &mut self.id {
            IdBuilder::Numbers(column) => vec![Arc::new(column.finish())],
            IdBuilder::Names(column) => vec![Arc::new(column.finish())],
        };
        for (_, columns) in &mut self.fields {
            columns.finish_into(&mut arrays);
        }
        arrays
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
/// not UTF-8 are skipped; a single page is a `TypeError`); `ids` names
/// each page with an `int` or a `str`, and defaults to the page's index.
/// Quotes weaker than `min_evidence` are left out.
#[pyfunction]
#[pyo3(signature = (texts, ids = None, *, number_style = "auto", symbols = None, min_evidence = "shape"))]
pub(crate) fn quote_batch(
    py: Python<'_>,
    texts: &Bound<'_, PyAny>,
    ids: Option<&Bound<'_, PyAny>>,
    number_style: &str,
    symbols: Option<&Bound<'_, PyAny>>,
    min_evidence: &str,
) -> PyResult<QuoteBatch> {
    let options = crate::options(number_style, symbols, min_evidence)?;
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
    fn the_columns_built_are_those_of_the_schema_in_its_order() {
        let page = "Bank of Lumen (BLMN) 12.40 +0.20 (+1.64%)\nbtc$71.4k+1.2%\n";
        for named in [false, true] {
            let id = if named { Id::Name("a") } else { Id::Number(7) };
            let pages = [(id, Page::Text(page)), (id, Page::Bytes(page.as_bytes()))];
            let batch = batch(&ParseOptions::new(), &pages, named).expect("the schema's types");
            assert_eq!(batch.schema(), batch_schema(named));
            assert_eq!(batch.num_rows(), 4);
            let names: Vec<&str> = batch
                .schema_ref()
                .fields()
                .iter()
                .map(|c| c.name().as_str())
                .collect();
            assert_eq!(names[..3], ["id", "symbol", "price"]);
            assert!(names.contains(&"evidence") && names.contains(&"span_end"));
            let name = batch.column_by_name("name").expect("a name column");
            assert_eq!((name.null_count(), name.is_null(1)), (2, true));
        }
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
