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
