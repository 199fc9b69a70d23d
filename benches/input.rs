//! Deterministic bench and test inputs, built the same way on every machine.

#![allow(dead_code)]

use std::fmt::Write;

/// The seed page's symbols.
const SYMBOLS: [&str; 30] = [
    "AGL", "AIRLINK", "BOP", "CNERGY", "DCL", "DFML", "DGKC", "FCCL", "FFBL", "FFL", "HUBC",
    "HUMNL", "KEL", "KOSM", "MLCF", "NBP", "OGDC", "PAEL", "PIBTL", "PPL", "PRL", "PTC", "SEARL",
    "TELE", "TOMCL", "TPLP", "TREET", "TRG", "UNITY", "WTL",
];

/// A small deterministic generator (64-bit LCG).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// One seed-format quote (`AGL40.13▲ 0.12 (0.00%)`). Like the seed page,
/// its percent column shows the plain ratio change / previous close.
fn seed_quote(rng: &mut Lcg, out: &mut String) {
    let symbol = SYMBOLS[rng.below(SYMBOLS.len() as u64) as usize];
    let price = 100 + rng.below(99_900); // cents
    let change = rng.below(price / 20 + 1) as i64 * if rng.below(3) == 0 { -1 } else { 1 };
    let previous = (price as i64 - change).max(1);
    // Hundredths of the ratio, rounded half away from zero.
    let percent = (2 * change * 100 + change.signum() * previous) / (2 * previous);
    let glyph = if change < 0 { '▼' } else { '▲' };
    let cents = |v: i64| {
        format!(
            "{}{}.{:02}",
            if v < 0 { "-" } else { "" },
            v.abs() / 100,
            v.abs() % 100
        )
    };
    let _ = write!(
        out,
        "{symbol}{}{glyph} {} ({}%)",
        cents(price as i64),
        cents(change),
        cents(percent)
    );
}

/// A glued seed-format strip of at least `bytes` bytes, and its quote count.
pub fn seed_strip(bytes: usize) -> (String, usize) {
    let mut rng = Lcg(0x5eed);
    let mut text = String::with_capacity(bytes + 64);
    let mut count = 0;
    while text.len() < bytes {
        seed_quote(&mut rng, &mut text);
        count += 1;
    }
    (text, count)
}

/// Worded lines (`KSE100 98,412 Increased By 812.3 (0.83%)`), and the count.
pub fn worded_lines(bytes: usize) -> (String, usize) {
    let mut rng = Lcg(0x30d5);
    let mut text = String::with_capacity(bytes + 64);
    let mut count = 0;
    while text.len() < bytes {
        let symbol = SYMBOLS[rng.below(SYMBOLS.len() as u64) as usize];
        let price = 1_000 + rng.below(200_000);
        let change = rng.below(2_000);
        let (word, sign) = if rng.below(2) == 0 {
            ("Increased By ▲", "")
        } else {
            ("Decreased By ▼", "-")
        };
        let _ = writeln!(
            text,
            "{symbol} {},{:03}.{:02} {word} {sign}{}.{:02} ({sign}{}.{:02}%)",
            price / 1000,
            price % 1000,
            rng.below(100),
            change / 100,
            change % 100,
            rng.below(5),
            rng.below(100)
        );
        count += 1;
    }
    (text, count)
}

/// Page text: paragraphs of prose with numbers and dates, and a seed strip
/// of 30 quotes every few paragraphs. Returns the text and its quote count.
pub fn page_mix(bytes: usize) -> (String, usize) {
    const PROSE: &str = "PRESIDENT Vladimir Putin met Chairman Kim on June 19, 2024, and signed a treaty. \
        North Korea has dispatched an estimated total of 6,700 containers since 2023. \
        The index gained 120.25 (+0.55%) while Finland joined NATO as the 31st member on April 4, 2023.\n\n";
    let mut text = String::with_capacity(bytes + 4096);
    let mut count = 0;
    let mut rng = Lcg(0x9a6e);
    while text.len() < bytes {
        for _ in 0..30 {
            seed_quote(&mut rng, &mut text);
        }
        count += 30;
        text.push('\n');
        for _ in 0..4 {
            text.push_str(PROSE);
        }
    }
    (text, count)
}
