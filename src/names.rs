//! The names values go by in JSON, CSV and on the command line (`up`,
//! `comma`, `percent-is-fraction`), and reading them back.

/// The error for a name that names no value of its kind.
///
/// ```
/// use tickerstrip::{Direction, NumberStyle, UnknownName};
///
/// let err = "sideways".parse::<Direction>().unwrap_err();
/// assert_eq!(err.to_string(), "unknown direction 'sideways' (expected up, down or unchanged)");
/// assert_eq!(err.name, "sideways");
/// assert!("Comma".parse::<NumberStyle>().is_err());
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown {what} '{name}' (expected {expected})")]
#[non_exhaustive]
pub struct UnknownName {
    /// What kind of value was named: `direction`, `number style`, `finding kind`.
    pub what: &'static str,
    /// The name given.
    pub name: String,
    /// The names there are, as a phrase: `up, down or unchanged`.
    pub expected: String,
}

/// The value among `all` whose name (`as_str`) is `name`, exactly.
pub(crate) fn from_name<T: Copy>(
    all: &[T],
    as_str: fn(T) -> &'static str,
    what: &'static str,
    name: &str,
) -> Result<T, UnknownName> {
    all.iter()
        .copied()
        .find(|&value| as_str(value) == name)
        .ok_or_else(|| {
            let names: Vec<_> = all.iter().map(|&value| as_str(value)).collect();
            let expected = match names.split_last() {
                Some((last, [])) => last.to_string(),
                Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
                None => String::new(),
            };
            UnknownName {
                what,
                name: name.to_owned(),
                expected,
            }
        })
}
