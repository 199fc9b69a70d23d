//! Tables read by their headers (rule H): each rule with its shapes, then
//! properties over random tables: the column order never changes the
//! records, and no record takes a field from a column the header ignores.

use proptest::prelude::*;
use rust_decimal::RoundingStrategy;
use tickerstrip::{
    AsQuote, Decimal, Evidence, FindingKind, Label, NumberStyle, ParseOptions, Quote, Segment,
};

/// The quotes a scan finds.
fn quotes_with<'a>(options: &ParseOptions, text: &'a str) -> Vec<Quote<'a>> {
    options
        .scan(text)
        .filter_map(|segment| match segment {
            Segment::Quote(quote) => Some(quote),
            _ => None,
        })
        .collect()
}

fn quotes(text: &str) -> Vec<Quote<'_>> {
    quotes_with(&ParseOptions::new(), text)
}

/// A quote's fields as text: symbol, price, change, percent.
fn fields(quote: &Quote<'_>) -> (String, String, Option<String>, Option<String>) {
    (
        quote.symbol.to_owned(),
        quote.price.to_string(),
        quote.change.map(|c| c.to_string()),
        quote.percent.map(|p| p.to_string()),
    )
}

fn all_fields(text: &str) -> Vec<(String, String, Option<String>, Option<String>)> {
    quotes(text).iter().map(fields).collect()
}

fn row(
    symbol: &str,
    price: &str,
    change: Option<&str>,
    percent: Option<&str>,
) -> (String, String, Option<String>, Option<String>) {
    (
        symbol.to_owned(),
        price.to_owned(),
        change.map(str::to_owned),
        percent.map(str::to_owned),
    )
}

#[test]
fn pipe_rows_take_the_price_from_the_header() {
    let table = "| Name | Prev. Close | Last | High | Low | Chg | Chg % | Time |\n\
                 |---|---|---|---|---|---|---|---|\n\
                 | Alpha Steel | 47.60 | 47.90 | 48.55 | 47.40 | +0.30 | +0.63% | 15:59 |\n\
                 | Nordbank | 14.80 | 14.62 | 14.95 | 14.51 | -0.18 | -1.22% | 15:59 |";
    let found = quotes(table);
    assert_eq!(
        found.iter().map(fields).collect::<Vec<_>>(),
        [
            row("Alpha Steel", "47.90", Some("0.30"), Some("0.63")),
            row("Nordbank", "14.62", Some("-0.18"), Some("-1.22")),
        ]
    );
    assert_eq!(found[0].label, Label::Name);
    assert_eq!(found[1].label, Label::Ticker);
    assert_eq!(found[0].previous_close.unwrap().to_string(), "47.60");
    // The numbers check each other, and the header agrees.
    assert_eq!(found[0].evidence, Evidence::Arithmetic);
    // The span is the row.
    let first = table.lines().nth(2).unwrap();
    assert_eq!(&table[found[0].span.clone()], first);
}

#[test]
fn aligned_columns_and_comma_decimals() {
    let table = "Aktie                   Vortag      Kurs       +/-        %   Zeit\n\
                 Alpha Stahl              47,60     47,90     +0,30  +0,63 %  17:35\n\
                 Kranich Logistik         40,25     39,80      0,45  -1,12 %  17:36\n";
    let comma = ParseOptions::new().number_style(NumberStyle::Comma);
    let found = quotes_with(&comma, table);
    assert_eq!(
        found.iter().map(fields).collect::<Vec<_>>(),
        [
            row("Alpha Stahl", "47.90", Some("0.30"), Some("0.63")),
            // An unsigned change takes the sign of its percent.
            row("Kranich Logistik", "39.80", Some("-0.45"), Some("-1.12")),
        ]
    );
    assert_eq!(found[1].direction, tickerstrip::Direction::Down);
}

#[test]
fn flattened_tables_one_cell_a_line() {
    let table = "Name\n|\nLast\n|\nChg\n|\nChg %\n|\nHalden Foods\n|\n18.09\n|\n+0.30\n|\n+1.69%\n|\n\
                 Rho Metals\n|\n19.40\n|\n-0.43\n|\n-2.17%\n";
    let found = quotes(table);
    assert_eq!(
        found.iter().map(fields).collect::<Vec<_>>(),
        [
            row("Halden Foods", "18.09", Some("0.30"), Some("1.69")),
            row("Rho Metals", "19.40", Some("-0.43"), Some("-2.17")),
        ]
    );
    assert_eq!(
        &table[found[1].span.clone()],
        "Rho Metals\n|\n19.40\n|\n-0.43\n|\n-2.17%"
    );
}

#[test]
fn percent_cells_need_no_sign_and_accounting_negatives_are_negative() {
    let table = "| Index | Current value | Change (%) |\n\
                 | CAC 40 | 7,388.64 | -0.29 |\n\
                 | FTSE 100 | 8,203.17 | 0.36 |\n\n\
                 | Company | Price | Change | % Change |\n\
                 | Tellus Mining | 12.24 | (0.18) | (1.4%) |";
    assert_eq!(
        all_fields(table),
        [
            row("CAC 40", "7388.64", None, Some("-0.29")),
            row("FTSE 100", "8203.17", None, Some("0.36")),
            row("Tellus Mining", "12.24", Some("-0.18"), Some("-1.4")),
        ]
    );
}

#[test]
fn headers_that_read_no_quotes() {
    // No price column, rows keyed by years or periods, labels the
    // vocabulary does not know: no quote, and no strip quote either.
    for table in [
        "| Year | Closing level | Change | Change % |\n| 2023 | 7,543.18 | +1,069.06 | +16.51% |",
        "| Index | This Week | Previous Week | Change | Change % |\n\
         | FTSE 100 | 8,203.17 | 8,140.55 | +62.62 | +0.77% |",
        "| Name | Chg | Chg % |\n| Alpha Steel | +0.30 | +0.63% |",
    ] {
        assert_eq!(all_fields(table), [], "{table}");
    }
}

#[test]
fn rank_year_and_date_labels_give_no_quote() {
    let table = "| # | Company | Last | Chg % |\n\
                 | 1 | Orion Pharma | 88.15 | +1.21% |\n\
                 | Name | Last | Chg % |\n";
    assert_eq!(
        all_fields(table),
        [row("Orion Pharma", "88.15", None, Some("1.21"))]
    );
    let keyed =
        "| Name | Last | Chg % |\n| 2023 | 88.15 | +1.21% |\n| 2024-01-05 | 88.15 | +1.21% |";
    assert_eq!(all_fields(keyed), []);
}

#[test]
fn a_header_governs_until_a_blank_line_another_width_or_text() {
    let head = "| Name | Last | Chg % |\n| Alpha | 1.00 | +1% |\n";
    for (end, expected) in [
        ("\n| Beta | 2.00 | +2% |", 1),
        ("| Beta | 2.00 | +2% | 9 |", 1),
        ("Some text\n| Beta | 2.00 | +2% |", 1),
        ("| Beta | 2.00 | +2% |", 2),
    ] {
        let text = format!("{head}{end}");
        let rows = quotes(&text)
            .iter()
            .filter(|q| q.evidence == Evidence::Header)
            .count();
        assert_eq!(rows, expected, "{text}");
    }
    // Past a blank line the header names no column: a signed number
    // without `%` is a change there, as in the same row read alone.
    let table =
        "| Name | Last | Chg % |\n| Alpha Steel | 47.90 | 0.63 |\n| Nordbank | 14.62 | -1.22 |\n";
    let under = all_fields(table);
    assert_eq!(under[1], row("Nordbank", "14.62", None, Some("-1.22")));
    let past =
        "| Name | Last | Chg % |\n| Alpha Steel | 47.90 | 0.63 |\n\n| Nordbank | 14.62 | -1.22 |\n";
    let alone = all_fields("| Nordbank | 14.62 | -1.22 |");
    assert_eq!(alone, [row("Nordbank", "14.62", Some("-1.22"), None)]);
    assert_eq!(all_fields(past).last(), alone.last(), "{past}");
}

#[test]
fn a_column_that_happens_to_fit_does_not_move_the_price() {
    // No change is shown, so the header's reading (a price and a percent)
    // cannot be checked; 50.05 over 50.00 is 0.10%, but the header says
    // 50.05 is the day's high, not the price.
    let table = "| Name | Last | Chg % | High |\n| Aaqv Aqa | 50.00 | +0.10% | 50.05 |\n";
    assert_eq!(
        all_fields(table),
        [row("Aaqv Aqa", "50.00", None, Some("0.10"))]
    );
}

#[test]
fn the_previous_close_is_checked() {
    let table = "| Name | Prev. Close | Last | Chg |\n\
                 | Alpha Steel | 47.60 | 47.90 | +0.30 |\n\
                 | Kestrel Energy | 42.50 | 41.20 | -0.85 |";
    let found = quotes(table);
    assert!(tickerstrip::validate(&found[0]).is_empty());
    let findings = tickerstrip::validate(&found[1]);
    assert!(findings.contains(FindingKind::PreviousCloseMismatch));
    assert_eq!(
        findings.details(&found[1]).next().unwrap().to_string(),
        "Kestrel Energy: price 41.20 minus change -0.85 is 42.05, but the previous close shown is 42.50"
    );
}

#[test]
fn quotes_a_header_read_say_so() {
    let table = "| Ticker | Price | Chg | % Chg |\n| TSKR | 17.45 | +0.25 | +1.45% |";
    assert_eq!(quotes(table)[0].evidence, Evidence::Arithmetic);
    // The percent column's cells carry no `%`; the unsigned one is
    // positive because its column signs the other (SPEC 9: a block where
    // nothing is signed gives no quote).
    let unchecked = "| Ticker | Price | Chg % |\n| TSKR | 17.45 | 1.45 |\n| NRDB | 14.62 | -1.22 |";
    let found = quotes(unchecked);
    assert_eq!(
        found.iter().map(|q| q.evidence).collect::<Vec<_>>(),
        [Evidence::Header, Evidence::Header]
    );
    assert_eq!(
        found.iter().map(fields).collect::<Vec<_>>(),
        [
            row("TSKR", "17.45", None, Some("1.45")),
            row("NRDB", "14.62", None, Some("-1.22")),
        ]
    );
    // Read alone, the rows say nothing of which number is the percent:
    // the unsigned one is no quote, the signed one a change.
    assert!(quotes("| TSKR | 17.45 | 1.45 |").is_empty());
    assert_eq!(
        all_fields("| TSKR | 17.45 | 1.45 |\n| NRDB | 14.62 | -1.22 |"),
        [row("NRDB", "14.62", Some("-1.22"), None)]
    );
    // Nothing signs a lone row's unsigned percent: no quote.
    assert!(quotes("| Ticker | Price | Chg % |\n| TSKR | 17.45 | 1.45 |").is_empty());
}

#[test]
fn strict_mode_reads_tables_and_says_where_a_row_breaks() {
    let table =
        "| Name | Last | Chg % |\n| Alpha Steel | 47.90 | +0.63% |\n| Nordbank | 14.62 | -1.22% |";
    let parsed = tickerstrip::parse(table).unwrap();
    assert_eq!(parsed.len(), 2);
    assert_eq!(parsed[1].symbol, "Nordbank");
    let broken =
        "| Name | Last | Chg % |\n| Alpha Steel | 47.90 | +0.63% |\n| Nordbank | 14.62 | up |";
    let error = tickerstrip::parse(broken).unwrap_err();
    assert_eq!(
        error.to_string(),
        "line 3, column 26: expected a change or a percent after marker 'up', found end of input"
    );
    assert_eq!(error.quote_index(), 1);
}

#[test]
fn streams_read_tables_whatever_the_chunks() {
    let text = include_str!("data/conformance/tables.txt");
    let whole: Vec<_> = quotes(text)
        .iter()
        .map(|q| (fields(q), q.span.clone()))
        .collect();
    for chunk in [1, 2, 7, 64] {
        let reader = ChunkedReader {
            bytes: text.as_bytes(),
            chunk,
        };
        let streamed: Vec<_> = ParseOptions::new()
            .scan_reader(reader)
            .filter_map(|segment| match segment.unwrap() {
                tickerstrip::OwnedSegment::Quote(q) => Some(q),
                _ => None,
            })
            .map(|q| (fields(&q.as_quote()), q.span.clone()))
            .collect();
        assert_eq!(streamed, whole, "chunks of {chunk}");
    }
}

/// A reader that gives at most `chunk` bytes a read.
struct ChunkedReader<'a> {
    bytes: &'a [u8],
    chunk: usize,
}

impl std::io::Read for ChunkedReader<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.chunk.min(buf.len()).min(self.bytes.len());
        buf[..n].copy_from_slice(&self.bytes[..n]);
        self.bytes = &self.bytes[n..];
        Ok(n)
    }
}

/// A column of a random table: its header label and its cell in a row.
#[derive(Debug, Clone)]
struct Column {
    label: &'static str,
    cell: String,
}

/// A random row as pages show it: label, price, a change of up to a tenth
/// of it and the percent they give, and ignored columns (a high at or above
/// the price, a raw volume, a time).
fn table_columns() -> impl Strategy<Value = (Vec<Column>, [String; 4])> {
    (
        // A name of two words, each with a `q` no `u` follows: no word of
        // the crate's vocabulary (`Rok`, a year, labels no instrument).
        "[A-Z][a-z]{1,3}q[a-tv-z][a-z]{0,4} [A-Z][a-z]{0,3}q[a-tv-z][a-z]{0,4}",
        100i64..99_999,
        0i64..=100,
        any::<bool>(),
        0i64..=30,
        1u32..9_999_999,
    )
        .prop_map(|(name, cents, permille, down, above, volume)| {
            let price = Decimal::new(cents, 2);
            let moved = (cents * permille / 1000).max(1);
            let change = Decimal::new(if down { -moved } else { moved }, 2);
            let percent = (Decimal::ONE_HUNDRED * change / (price - change))
                .round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
            let high = Decimal::new(cents + cents * above / 1000, 2);
            let signed = |d: Decimal| {
                if d.is_sign_negative() {
                    format!("{d:.2}")
                } else {
                    format!("+{d:.2}")
                }
            };
            let columns = vec![
                Column {
                    label: "Name",
                    cell: name.clone(),
                },
                Column {
                    label: "Last",
                    cell: format!("{price:.2}"),
                },
                Column {
                    label: "Chg",
                    cell: signed(change),
                },
                Column {
                    label: "Chg %",
                    cell: format!("{}%", signed(percent)),
                },
                Column {
                    label: "High",
                    cell: format!("{high:.2}"),
                },
                Column {
                    label: "Volume",
                    cell: volume.to_string(),
                },
                Column {
                    label: "Time",
                    cell: "16:02".into(),
                },
            ];
            let expected = [
                name,
                format!("{price:.2}"),
                format!("{change:.2}"),
                format!("{percent:.2}"),
            ];
            (columns, expected)
        })
}

fn pipe_table(columns: &[Column]) -> String {
    let header: Vec<_> = columns.iter().map(|c| c.label).collect();
    let cells: Vec<_> = columns.iter().map(|c| c.cell.as_str()).collect();
    format!("| {} |\n| {} |\n", header.join(" | "), cells.join(" | "))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    /// Whatever the column order, a row gives the same record; where a
    /// price, change or percent column stands before the label's, which
    /// the reader does not read by, it gives none, and never another.
    #[test]
    fn column_order_does_not_change_the_record(
        (columns, expected) in table_columns(),
        order in Just((0..7).collect::<Vec<usize>>()).prop_shuffle(),
    ) {
        let shuffled: Vec<Column> = order.iter().map(|&i| columns[i].clone()).collect();
        let text = pipe_table(&shuffled);
        let found = all_fields(&text);
        let [name, price, change, percent] = expected;
        let label = shuffled.iter().position(|c| c.label == "Name").expect("a name column");
        let values_first = shuffled[..label].iter().any(|c| matches!(c.label, "Last" | "Chg" | "Chg %"));
        let record = vec![(name, price, Some(change), Some(percent))];
        match values_first {
            true => prop_assert_eq!(found, vec![], "{}", text),
            false => prop_assert_eq!(found, record, "{}", text),
        }
    }

    /// Whichever labels a header shows, no record takes a field from a
    /// column the header ignores or does not name: a missing price column
    /// gives no record, a missing change or percent gives none of it.
    #[test]
    fn no_record_comes_from_an_ignored_column(
        (columns, expected) in table_columns(),
        keep in prop::collection::vec(any::<bool>(), 7),
        order in Just((0..7).collect::<Vec<usize>>()).prop_shuffle(),
    ) {
        let kept: Vec<Column> = order.iter().filter(|&&i| keep[i]).map(|&i| columns[i].clone()).collect();
        let text = pipe_table(&kept);
        let has = |label: &str| kept.iter().any(|c| c.label == label);
        let [name, price, change, percent] = expected;
        for quote in quotes(&text) {
            let (symbol, shown_price, shown_change, shown_percent) = fields(&quote);
            prop_assert_eq!(&symbol, &name);
            prop_assert_eq!(&shown_price, &price);
            prop_assert!(has("Name") && has("Last"), "{}", text);
            prop_assert_eq!(shown_change, has("Chg").then(|| change.clone()), "{}", text);
            prop_assert_eq!(shown_percent, has("Chg %").then(|| percent.clone()), "{}", text);
        }
    }
}

#[test]
fn a_label_cell_with_a_code_gives_the_code() {
    let page = "| Index | Current value | Change (%) |\n\
                | Brent Crude (ICE) | 80.12 | +0.50 |\n";
    let found = quotes(page);
    assert_eq!(
        found.iter().map(|q| (q.symbol, q.name)).collect::<Vec<_>>(),
        [("ICE", Some("Brent Crude"))]
    );
}
