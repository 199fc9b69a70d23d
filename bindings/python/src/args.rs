//! Reading the arguments that hold many items (pages, symbols, quotes):
//! an error names the argument, or the item (`texts[1]`), and says what
//! was expected, as Python's own errors do.

use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyIterator, PyString};

/// An argument that holds many items, named for its errors.
#[derive(Clone, Copy)]
pub(crate) struct Many {
    /// The argument's name: `texts`.
    pub(crate) name: &'static str,
    /// What each item is: `str or bytes`.
    pub(crate) items: &'static str,
}

impl Many {
    /// The items of `value`. A `str` or `bytes` is one item, not many:
    /// iterating over its characters or bytes would hide the mistake, so
    /// it is a `TypeError` that shows the list to give instead.
    pub(crate) fn iter<'py>(self, value: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyIterator>> {
        let one = value.is_instance_of::<PyString>() || value.is_instance_of::<PyBytes>();
        if one {
            return Err(PyTypeError::new_err(format!(
                "{} is a single {}, not an iterable of {}: pass [{}] for one",
                self.name,
                type_name(value),
                self.items,
                self.name
            )));
        }
        value.try_iter().map_err(|_| {
            PyTypeError::new_err(format!(
                "{} is {}, not an iterable of {}",
                self.name,
                type_name(value),
                self.items
            ))
        })
    }

    /// The error for item `at`, which is not what the argument holds.
    pub(crate) fn wrong_item(self, at: usize, item: &Bound<'_, PyAny>) -> PyErr {
        PyTypeError::new_err(format!(
            "{}[{at}] is {}, not {}",
            self.name,
            type_name(item),
            self.items
        ))
    }
}

/// The name of the type of `value`: `int`, `Quote`.
pub(crate) fn type_name(value: &Bound<'_, PyAny>) -> String {
    value
        .get_type()
        .name()
        .map_or_else(|_| "an object".to_owned(), |name| name.to_string())
}

/// The symbols a `symbols=` keyword gives: an iterable of `str`, or `None`.
pub(crate) fn symbols(value: Option<&Bound<'_, PyAny>>) -> PyResult<Option<Vec<String>>> {
    const SYMBOLS: Many = Many {
        name: "symbols",
        items: "str",
    };
    let Some(value) = value else {
        return Ok(None);
    };
    SYMBOLS
        .iter(value)?
        .enumerate()
        .map(|(at, item)| {
            let item = item?;
            item.extract::<String>()
                .map_err(|_| SYMBOLS.wrong_item(at, &item))
        })
        .collect::<PyResult<_>>()
        .map(Some)
}
