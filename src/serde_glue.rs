//! Serde glue (feature `serde`): how spans are written.

/// A byte range as a two-element array, `[start, end]`, as the command-line
/// tool's JSON writes it.
pub(crate) mod span {
    use std::ops::Range;

    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    pub(crate) fn serialize<S: Serializer>(
        span: &Range<usize>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        [span.start, span.end].serialize(serializer)
    }

    pub(crate) fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Range<usize>, D::Error> {
        let [start, end] = <[usize; 2]>::deserialize(deserializer)?;
        Ok(start..end)
    }
}

/// `Serialize` and `Deserialize` for a type written as its name: the
/// `&'static str` that `$name` gives, read back with its `FromStr`.
macro_rules! by_name {
    ($type:ty, $name:expr) => {
        impl serde::Serialize for $type {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str($name(*self))
            }
        }

        impl<'de> serde::Deserialize<'de> for $type {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
                text.parse().map_err(serde::de::Error::custom)
            }
        }
    };
}

by_name!(crate::Magnitude, crate::Magnitude::suffix);
by_name!(crate::Currency, crate::Currency::sign);
by_name!(crate::CurrencyCode, crate::CurrencyCode::as_str);
