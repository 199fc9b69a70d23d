//! Strict-mode error messages are API: each bad input's text is pinned.

use tickerstrip::{ErrorKind, parse};

macro_rules! error_cases {
    ($($name:ident: $input:expr => $kind:ident, $message:expr;)*) => {$(
        #[test]
        fn $name() {
            let error = parse($input).expect_err("bad input");
            assert_eq!(error.to_string(), $message);
            assert_eq!(error.kind(), ErrorKind::$kind);
            assert!(error.offset() <= $input.len());
            assert!($input.is_char_boundary(error.offset()));
        }
    )*};
}

error_cases! {
    letter_after_price: "AGL40.13▲ 0.12 (0.00%)AIRLINK189.43x" => Unexpected,
        "line 1, column 36: expected a direction marker or a change after price 189.43, found 'x'";
    missing_percent_sign: "AGL40.13▲ 0.12 (0.00)" => Unexpected,
        "line 1, column 21: expected '%' after percent 0.00, found ')'";
    lone_sign: "AGL40.13▲ - (0.01%)" => Unexpected,
        "line 1, column 13: expected digits after sign '-', found '('";
    double_sign: "AGL40.13▲ +-5 (0.1%)" => Unexpected,
        "line 1, column 12: expected digits after sign '+', found '-'";
    letters_inside_number: "AGL40.1x3▲ 0.12 (0.01%)" => Unexpected,
        "line 1, column 8: expected a direction marker or a change after price 40.1, found 'x'";
    unclosed_parenthesis: "AGL40.13▲ 0.12 (0.00% x" => Unexpected,
        "line 1, column 23: expected ')' after percent 0.00%, found 'x'";
    unclosed_parenthesis_at_end: "AGL40.13▲ 0.12 (0.00%" => UnexpectedEnd,
        "line 1, column 22: expected ')' after percent 0.00%, found end of input";
    truncated_percent: "AGL40.13▲ 0.12 (0.0" => UnexpectedEnd,
        "line 1, column 20: expected '%' after percent 0.0, found end of input";
    marker_alone: "AGL40.13▲" => UnexpectedEnd,
        "line 1, column 10: expected a change or a percent after marker '▲', found end of input";
    twenty_nine_decimals: "AGL0.12345678901234567890123456789▲ 0.12 (0.01%)" => TooManyDecimals,
        "line 1, column 4: expected a price after symbol 'AGL', found number \
         '0.12345678901234567890123456789' with 29 decimal places (at most 28)";
    forty_digits: "AGL1234567890123456789012345678901234567890▲ 0.12 (0.01%)" => NumberTooLarge,
        "line 1, column 4: expected a price after symbol 'AGL', found number \
         '1234567890123456789012345678901234567890', too large for an exact decimal";
    empty_input: "" => UnexpectedEnd,
        "line 1, column 1: expected a quote, found end of input";
    white_space_only: "   \n " => UnexpectedEnd,
        "line 2, column 2: expected a quote, found end of input";
    date_as_price: "DAX 19.06.2024 +1%" => DateOrTime,
        "line 1, column 5: expected a price after symbol 'DAX', found date or time '19.06.2024'";
    leading_zero: "AGL 0123 +1%" => MalformedNumber,
        "line 1, column 5: expected a price after symbol 'AGL', found malformed number '0123'";
    exponent: "AGL40.13▲ 1e10 (1%)" => MalformedNumber,
        "line 1, column 11: expected a change, found malformed number '1e10'";
    underscore: "AGL40.13▲ 1_000 (1%)" => MalformedNumber,
        "line 1, column 11: expected a change, found malformed number '1_000'";
    prose_after_strip: "AGL40.13▲ 0.12 (0.00%)\n\nPutin-Kim Summit: x" => Unexpected,
        "line 3, column 11: expected a price after symbol 'Putin-Kim', found 'S'";
    percent_alone: "%" => Unexpected,
        "line 1, column 1: expected a quote, found '%'";
    nul_byte: "AGL\u{0}40.13" => Unexpected,
        "line 1, column 4: expected a price after symbol 'AGL', found '\\0'";
    // Glued to its price a label is a ticker (a name is always separated
    // from its price, rule W), and a ticker has at most 15 characters.
    long_symbol: "ABCDEFGHIJKLMNOPQ40.13▲ 0.12 (0.30%)" => Unexpected,
        "line 1, column 1: expected a symbol of at most 15 characters, found 'ABCDEFGHIJKLMNOPQ' of 17 characters";
    ambiguous_split: "N22538,823.91 -123.02 -0.32%" => AmbiguousSymbol,
        "line 1, column 1: expected a symbol and price that split one way, found 'N22538,823.91', \
         which splits 3 ways: N22 538,823.91, N225 38,823.91 or N2253 8,823.91";
    cut_mid_symbol: "AGL40.13 ▲ 0.12 (0.00%)BOP" => UnexpectedEnd,
        "line 1, column 27: expected a price after symbol 'BOP', found end of input";
}

#[test]
fn error_knows_its_quote_index() {
    let strip = "AGL40.13▲ 0.12 (0.00%)AIRLINK189.43▲ 1.45 (0.01%)BOP10.34▲ x";
    let error = parse(strip).unwrap_err();
    assert_eq!(error.quote_index(), 2);
    assert_eq!(error.line(), 1);
    assert_eq!(error.column(), 60);
}

#[test]
fn columns_count_characters_not_bytes() {
    let error = parse("AGL40.13▲ 0.12 (0.00%)🔺").unwrap_err();
    // '▲' is three bytes and one column.
    assert_eq!((error.offset(), error.column()), (24, 23));
}

#[test]
fn quotes_iterator_resumes_after_a_bad_quote() {
    let strip = "AGL40.13▲ 0.12 (0.00%) ?? FCCL38.59▼ -0.41 (-0.01%) ## KEL6.34▼ -0.06 (-0.01%)";
    let items: Vec<_> = tickerstrip::quotes(strip).collect();
    let symbols: Vec<_> = items
        .iter()
        .map(|item| item.as_ref().map(|q| q.symbol).map_err(|e| e.offset()))
        .collect();
    assert_eq!(
        symbols,
        [Ok("AGL"), Err(25), Ok("FCCL"), Err(56), Ok("KEL")]
    );
    let indexes: Vec<_> = items
        .iter()
        .filter_map(|i| i.as_ref().err())
        .map(|e| e.quote_index())
        .collect();
    assert_eq!(indexes, [1, 3]);
}

#[test]
fn errors_are_send_sync_and_static() {
    fn assert_traits<T: Send + Sync + 'static + std::error::Error>() {}
    assert_traits::<tickerstrip::ParseError>();
}
