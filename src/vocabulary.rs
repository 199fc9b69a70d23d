//! The words the reader knows, one table each: what a header column
//! holds, which words mark a direction, a percent, a unit or a period,
//! and which words are never an instrument's label.
//!
//! Every table is matched case-insensitively against whole words (or
//! runs of words for phrases). The tokens stage looks words up here once;
//! later stages ask the token what it is.

use std::sync::OnceLock;

use rustc_hash::FxHashMap as HashMap;

/// What a header's column holds (rule H).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Role {
    /// The instrument's name, or a label column the header does not say
    /// more of.
    Label,
    /// The instrument's ticker or code, beside or instead of its name.
    Ticker,
    /// The last price.
    Price,
    /// The previous close.
    PreviousClose,
    /// The absolute change.
    Change,
    /// The percent change; its cells need no `%`.
    Percent,
    /// A column no quote field comes from: open, high, low, volume, time.
    Ignored,
    /// A column that keys rows by a year, a date or a period (`Year`,
    /// `This Week`): a table of periods, not of instruments.
    Period,
    /// A caption the vocabulary does not know: it may hold anything.
    Unknown,
}

/// Header labels and their roles, lowercase, in English, German, French,
/// Spanish, Italian, Portuguese and Polish. A label is matched as whole
/// words, case-insensitively, after a parenthesised suffix such as
/// `(KES)` or `(24H)` is set aside.
pub(crate) const HEADER: &[(&str, Role)] = &[
    // Labels.
    ("name", Role::Label),
    ("symbol", Role::Ticker),
    ("ticker", Role::Ticker),
    ("company", Role::Label),
    ("index", Role::Label),
    ("instrument", Role::Label),
    ("stock", Role::Label),
    ("share", Role::Label),
    ("security", Role::Label),
    ("scrip", Role::Ticker),
    ("cryptocurrency", Role::Label),
    ("coin", Role::Label),
    ("aktie", Role::Label),
    ("wert", Role::Label),
    ("titel", Role::Label),
    ("titre", Role::Label),
    ("valeur", Role::Label),
    ("société", Role::Label),
    ("título", Role::Label),
    ("empresa", Role::Label),
    ("valor", Role::Label),
    ("azioni", Role::Label),
    ("titolo", Role::Label),
    ("ativo", Role::Label),
    ("ação", Role::Label),
    ("spółka", Role::Label),
    ("indeks", Role::Label),
    ("nazwa", Role::Label),
    ("walor", Role::Label),
    // Identifiers: text columns beside the name.
    ("isin", Role::Label),
    ("wkn", Role::Label),
    // Prices.
    ("last", Role::Price),
    ("price", Role::Price),
    ("close", Role::Price),
    ("current", Role::Price),
    ("current value", Role::Price),
    ("last price", Role::Price),
    ("last value", Role::Price),
    ("last trade", Role::Price),
    ("closing price", Role::Price),
    ("closing level", Role::Price),
    ("kurs", Role::Price),
    ("akt. kurs", Role::Price),
    ("letzter", Role::Price),
    ("letzter kurs", Role::Price),
    ("aktueller kurs", Role::Price),
    ("schlusskurs", Role::Price),
    ("dernier", Role::Price),
    ("dernier cours", Role::Price),
    ("cours", Role::Price),
    ("último", Role::Price),
    ("ultimo", Role::Price),
    ("precio", Role::Price),
    ("prezzo", Role::Price),
    ("preço", Role::Price),
    ("cotação", Role::Price),
    ("kurs aktualny", Role::Price),
    ("cena", Role::Price),
    // Previous closes.
    ("prev.", Role::PreviousClose),
    ("prev", Role::PreviousClose),
    ("previous", Role::PreviousClose),
    ("previous close", Role::PreviousClose),
    ("previous price", Role::PreviousClose),
    ("prev. close", Role::PreviousClose),
    ("prev close", Role::PreviousClose),
    ("vortag", Role::PreviousClose),
    ("schluss vortag", Role::PreviousClose),
    ("veille", Role::PreviousClose),
    ("clôture veille", Role::PreviousClose),
    ("anterior", Role::PreviousClose),
    ("cierre anterior", Role::PreviousClose),
    ("fechamento anterior", Role::PreviousClose),
    ("precedente", Role::PreviousClose),
    ("chiusura precedente", Role::PreviousClose),
    ("poprzedni", Role::PreviousClose),
    ("kurs odniesienia", Role::PreviousClose),
    // Changes.
    ("chg", Role::Change),
    ("chg.", Role::Change),
    ("change", Role::Change),
    ("net chg", Role::Change),
    ("net change", Role::Change),
    ("+/-", Role::Change),
    ("diff.", Role::Change),
    ("diff", Role::Change),
    ("änderung", Role::Change),
    ("veränderung", Role::Change),
    ("var.", Role::Change),
    ("var", Role::Change),
    ("variation", Role::Change),
    ("variación", Role::Change),
    ("variazione", Role::Change),
    ("variação", Role::Change),
    ("zmiana", Role::Change),
    // Percents.
    ("%", Role::Percent),
    ("chg %", Role::Percent),
    ("chg%", Role::Percent),
    ("% chg", Role::Percent),
    ("%chg", Role::Percent),
    ("% change", Role::Percent),
    ("change (%)", Role::Percent),
    ("change %", Role::Percent),
    ("chg (%)", Role::Percent),
    ("pct", Role::Percent),
    ("pct change", Role::Percent),
    ("percent change", Role::Percent),
    ("var. %", Role::Percent),
    ("var %", Role::Percent),
    ("var. (%)", Role::Percent),
    ("% var.", Role::Percent),
    ("+/- %", Role::Percent),
    ("+/-%", Role::Percent),
    ("perf.", Role::Percent),
    ("perf. %", Role::Percent),
    ("perf %", Role::Percent),
    ("änderung %", Role::Percent),
    ("änderung in %", Role::Percent),
    ("veränderung %", Role::Percent),
    ("variation %", Role::Percent),
    ("variación %", Role::Percent),
    ("variazione %", Role::Percent),
    ("variação %", Role::Percent),
    ("zmiana (%)", Role::Percent),
    ("zmiana %", Role::Percent),
    // Ignored columns.
    ("open", Role::Ignored),
    ("high", Role::Ignored),
    ("low", Role::Ignored),
    ("volume", Role::Ignored),
    ("vol.", Role::Ignored),
    ("vol", Role::Ignored),
    ("turnover", Role::Ignored),
    ("value", Role::Ignored),
    ("market cap", Role::Ignored),
    ("market cap.", Role::Ignored),
    ("circulating supply", Role::Ignored),
    ("supply", Role::Ignored),
    ("time", Role::Ignored),
    ("date", Role::Ignored),
    ("ytd", Role::Ignored),
    ("52w high", Role::Ignored),
    ("52w low", Role::Ignored),
    ("rank", Role::Ignored),
    ("no.", Role::Ignored),
    ("#", Role::Ignored),
    ("bid", Role::Ignored),
    ("ask", Role::Ignored),
    ("intraday", Role::Ignored),
    ("eröffnung", Role::Ignored),
    ("hoch", Role::Ignored),
    ("tief", Role::Ignored),
    ("umsatz", Role::Ignored),
    ("zeit", Role::Ignored),
    ("datum", Role::Ignored),
    ("ouverture", Role::Ignored),
    ("plus haut", Role::Ignored),
    ("plus bas", Role::Ignored),
    ("heure", Role::Ignored),
    ("apertura", Role::Ignored),
    ("máximo", Role::Ignored),
    ("mínimo", Role::Ignored),
    ("volumen", Role::Ignored),
    ("hora", Role::Ignored),
    ("fecha", Role::Ignored),
    ("massimo", Role::Ignored),
    ("minimo", Role::Ignored),
    ("ora", Role::Ignored),
    ("abertura", Role::Ignored),
    ("data", Role::Ignored),
    ("otwarcie", Role::Ignored),
    ("maks", Role::Ignored),
    ("min", Role::Ignored),
    ("wolumen", Role::Ignored),
    ("obrót", Role::Ignored),
    ("czas", Role::Ignored),
    // Period keys.
    ("year", Role::Period),
    ("period", Role::Period),
    ("week", Role::Period),
    ("this week", Role::Period),
    ("previous week", Role::Period),
    ("last week", Role::Period),
    ("month", Role::Period),
    ("quarter", Role::Period),
    ("jahr", Role::Period),
    ("année", Role::Period),
    ("año", Role::Period),
    ("anno", Role::Period),
    ("ano", Role::Period),
    ("rok", Role::Period),
];

/// The most words a header phrase has (`chiusura precedente`,
/// `änderung in %`).
pub(crate) const MAX_PHRASE_WORDS: usize = 3;

/// The role of a header phrase, given as its words in any case.
pub(crate) fn role_of_phrase(words: &[&str]) -> Option<Role> {
    if words.is_empty() || words.len() > MAX_PHRASE_WORDS {
        return None;
    }
    if words.iter().all(|word| word.is_ascii()) {
        return ascii_role_of_phrase(words);
    }
    // The words in lowercase joined by single spaces, as the table spells
    // phrases.
    let mut buffer = [0u8; LONGEST_PHRASE];
    let mut len = 0;
    for (i, word) in words.iter().enumerate() {
        if i > 0 {
            *buffer.get_mut(len)? = b' ';
            len += 1;
        }
        len += lowercase_into(word, buffer.get_mut(len..)?)?.len();
    }
    header_index().get(&buffer[..len]).copied()
}

/// [`role_of_phrase`] for one to [`MAX_PHRASE_WORDS`] words of ASCII
/// bytes, the common case: most phrases are ruled out by their length
/// and their first and last letters, before they are lowercased and
/// looked up. No phrase starts or ends with a space, so none starts or
/// ends with an empty word.
fn ascii_role_of_phrase<W: AsRef<[u8]>>(words: &[W]) -> Option<Role> {
    let first = words.first()?.as_ref().first()?;
    let last = words.last()?.as_ref().last()?;
    let len = words
        .iter()
        .map(|word| word.as_ref().len() + 1)
        .sum::<usize>()
        - 1;
    if len > LONGEST_PHRASE || PHRASE_SHAPES[shape(*first, *last)] & (1 << len) == 0 {
        return None;
    }
    let mut buffer = [0u8; LONGEST_PHRASE];
    let mut at = 0;
    for (i, word) in words.iter().enumerate() {
        if i > 0 {
            buffer[at] = b' ';
            at += 1;
        }
        let word = word.as_ref();
        buffer[at..at + word.len()].copy_from_slice(word);
        at += word.len();
    }
    let lower = &mut buffer[..len];
    lower.make_ascii_lowercase();
    header_index().get(&*lower).copied()
}

/// Whether the word `word`, in any case, is a header caption on its own
/// (`Last`, `Chg`, `Volume`). An ASCII word is read as its bytes, with no
/// UTF-8 check; text that is not UTF-8 is none. The tokens stage keeps
/// the answer for every word ([`Known::caption`]); the tests ask here.
#[cfg(test)]
pub(crate) fn is_caption(word: &[u8]) -> bool {
    if word.is_ascii() {
        return ascii_role_of_phrase(&[word]).is_some();
    }
    std::str::from_utf8(word).is_ok_and(|word| role_of_phrase(&[word]).is_some())
}

/// The longest phrase [`HEADER`] holds, in bytes.
const LONGEST_PHRASE: usize = 40;

/// For every shape of a phrase in [`HEADER`] (see [`shape`]), a bit for
/// each length of such a phrase: what an ASCII phrase must match to be
/// worth a lookup.
const PHRASE_SHAPES: [u64; 1024] = {
    let mut shapes = [0u64; 1024];
    let mut i = 0;
    while i < HEADER.len() {
        let phrase = HEADER[i].0.as_bytes();
        shapes[shape(phrase[0], phrase[phrase.len() - 1])] |= 1 << phrase.len();
        i += 1;
    }
    shapes
};

/// [`HEADER`] by phrase, built on first use; the first entry of a phrase
/// decides its role.
fn header_index() -> &'static HashMap<&'static [u8], Role> {
    static INDEX: OnceLock<HashMap<&'static [u8], Role>> = OnceLock::new();
    INDEX.get_or_init(|| {
        HEADER
            .iter()
            .rev()
            .map(|&(phrase, role)| (phrase.as_bytes(), role))
            .collect()
    })
}

/// What a word (or a run of words) is to the reader, beyond its letters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum WordClass {
    /// A word that joins a quote's fields and starts no label: `at`, `to`,
    /// `or`, `by`, `close` in `to close at`.
    Joiner,
    /// A unit shown after a number: `points`, `pkt`, `pontos`.
    Unit,
    /// A period that a change may cover: `YTD`, `week`, `52W`, `1Y`.
    Period,
    /// A field's caption, never an instrument: `Last`, `Change`, `Volume`.
    Field,
    /// A month's name or abbreviation: a date's, never a label.
    Month,
    /// A time zone: `IST`, `CET`, `ET`.
    Zone,
    /// The caption of a security's identifier, whose code follows it
    /// (`WKN 716563`, `ISIN DE0007164600`): part of a label.
    Identifier,
}

/// Captions of identifiers a code follows.
const IDENTIFIERS: &[&str] = &["wkn", "isin", "cusip", "sedol", "figi"];

/// Words that join a quote's fields: between a percent and its price
/// (`to close at`), between a change and its percent (`or`), after a
/// direction word (`by`). Lowercase, matched in any case.
const JOINERS: &[&str] = &[
    "at", "to", "@", "or", "by", "close", "closed", "closing", "and", "from", "of", "with",
];

/// Words that carry a sentence on after a number (`… (-2.02%) in early
/// trade`, `… on the day`): never a table's cell after its row, in the
/// languages of the header vocabulary.
const SENTENCE_WORDS: &[&str] = &[
    "in", "on", "after", "for", "as", "since", "amid", "before", "during", "over", "under",
    "against", "ahead", "than", "while", "im", "am", "nach", "seit", "en", "après", "depuis",
    "tras", "desde", "dopo", "nel", "w", "po", "od",
];

/// Whether `word`, in any case, carries a sentence on after a number: a
/// joiner or a word of [`SENTENCE_WORDS`].
pub(crate) fn continues_sentence(word: &str) -> bool {
    let mut buffer = [0u8; LONGEST_KNOWN_WORD];
    let Some(lower) = lowercase_into(word, &mut buffer) else {
        return false;
    };
    let known = |table: &[&str]| table.iter().any(|w| w.as_bytes() == lower);
    known(JOINERS) || known(SENTENCE_WORDS)
}

/// Units shown after an index level, a price or a change: index points
/// in the languages of the header vocabulary, magnitude words, and the
/// names of currencies and their cents.
const UNITS: &[&str] = &[
    "points",
    "point",
    "pts",
    "pt",
    "pkt",
    "punkte",
    "punkt",
    "pontos",
    "ponto",
    "punti",
    "punto",
    "puntos",
    "poin",
    "puan",
    "pips",
    "million",
    "billion",
    "trillion",
    "mln",
    "bln",
    "mio",
    "mrd",
    "bn",
    "tn",
    "crore",
    "lakh",
    "euro",
    "euros",
    "dollar",
    "dollars",
    "cent",
    "cents",
    "kobo",
    "naira",
    "pence",
    "penny",
    "sen",
    "ringgit",
    "rupee",
    "rupees",
    "paise",
    "yen",
    "yuan",
    "pesos",
    "reais",
    "lira",
    "zloty",
    "złoty",
    "francs",
    "shillings",
];

/// Words naming a period other than the day: a change next to them is no
/// day's change.
const PERIODS: &[&str] = &[
    "ytd",
    "year-to-date",
    "week",
    "weekly",
    "month",
    "monthly",
    "year",
    "yearly",
    "annual",
    "52w",
    "52-week",
    "1y",
    "3y",
    "5y",
    "10y",
    "1m",
    "3m",
    "6m",
    "1w",
    "7d",
    "30d",
    "jahr",
    "jahre",
    "monat",
    "monate",
    "woche",
    "tage",
    "semaine",
    "mois",
    "année",
    "semana",
    "mes",
    "año",
    "settimana",
    "mese",
    "anno",
    "tydzień",
    "miesiąc",
    "rok",
];

/// Captions of fields, which label a value but are no instrument.
const FIELDS: &[&str] = &[
    "last",
    "price",
    "close",
    "closing",
    "open",
    "high",
    "low",
    "change",
    "chg",
    "volume",
    "vol",
    "value",
    "turnover",
    "previous",
    "prev",
    "bid",
    "ask",
    "today",
    "daily",
    "day",
    "range",
    "cap",
    "capitalization",
    "performance",
    "perf",
    "level",
    "deals",
    "trades",
    "percentage",
    "indication",
    "kurs",
    "schluss",
    "vortag",
    "hoch",
    "tief",
    "letzter",
    "umsatz",
    "volatilität",
    "cours",
    "clôture",
    "precio",
    "cierre",
    "prezzo",
    "chiusura",
    "cotação",
    "fechamento",
    "değer",
    "önceki",
    "kapanış",
    "gün",
];

/// Month names and abbreviations, English and the header vocabulary's
/// languages, lowercase.
const MONTHS: &[&str] = &[
    "jan",
    "january",
    "feb",
    "february",
    "mar",
    "march",
    "apr",
    "april",
    "may",
    "jun",
    "june",
    "jul",
    "july",
    "aug",
    "august",
    "sep",
    "sept",
    "september",
    "oct",
    "october",
    "nov",
    "november",
    "dec",
    "december",
    "januar",
    "februar",
    "märz",
    "mai",
    "juni",
    "juli",
    "oktober",
    "dezember",
    "janvier",
    "février",
    "mars",
    "avril",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
    "gennaio",
    "febbraio",
    "aprile",
    "maggio",
    "giugno",
    "luglio",
    "settembre",
    "ottobre",
    "dicembre",
];

/// Time zones as pages show them next to a time.
const ZONES: &[&str] = &[
    "utc", "gmt", "bst", "cet", "cest", "eet", "eest", "wet", "ist", "est", "edt", "et", "cst",
    "cdt", "mst", "mdt", "pst", "pdt", "pt", "jst", "kst", "hkt", "sgt", "awst", "aest", "aedt",
    "msk", "sast", "wat", "eat", "pkt", "ict", "wib",
];

/// What `word` is beyond its letters, or `None` for an ordinary word.
/// `word` is compared lowercase; the first table that knows it decides,
/// joiners and units first, since they never start a label.
pub(crate) fn class_of(word: &str) -> Option<WordClass> {
    known_word(word).class
}

/// What the vocabulary knows of a word: its class, and whether it is a
/// header caption on its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct Known {
    /// What [`class_of`] says of it.
    pub(crate) class: Option<WordClass>,
    /// Whether it is a header caption on its own: a phrase of one word
    /// that [`role_of_phrase`] knows.
    pub(crate) caption: bool,
}

/// What the vocabulary knows of `word`, in any case: the tokens stage
/// asks once a word, for both tables.
pub(crate) fn known_word(word: &str) -> Known {
    if word.is_ascii() {
        return ascii_known_word(word.as_bytes());
    }
    let caption = role_of_phrase(&[word]).is_some();
    if word.len() > LONGEST_KNOWN_WORD {
        return Known {
            class: None,
            caption,
        };
    }
    let mut buffer = [0u8; LONGEST_KNOWN_WORD];
    let class =
        lowercase_into(word, &mut buffer).and_then(|lower| class_index().get(lower).copied());
    Known { class, caption }
}

/// [`known_word`] for a word of ASCII bytes, the common case: most words
/// are ruled out by their length and their first and last letters,
/// before they are lowercased and looked up.
///
/// Inlined, so that a word ruled out costs no call; the lookup is kept
/// out of line.
#[inline]
pub(crate) fn ascii_known_word(word: &[u8]) -> Known {
    if word.is_empty() || word.len() > LONGEST_KNOWN_WORD {
        return Known::default();
    }
    if KNOWN_SHAPES[shape(word[0], word[word.len() - 1])] & (1 << word.len()) == 0 {
        return Known::default();
    }
    look_up_ascii(word)
}

/// [`ascii_known_word`] for a word its shape did not rule out: the word
/// lowercased and looked up.
#[inline(never)]
fn look_up_ascii(word: &[u8]) -> Known {
    word_index()
        .get(&word_key(word))
        .copied()
        .unwrap_or_default()
}

/// The word `word` of at most [`LONGEST_KNOWN_WORD`] bytes, its ASCII
/// letters lowercased, as one number: its bytes in order, zeros after.
/// [`word_index`] is keyed so, so that a lookup hashes and compares one
/// number, not bytes. No word holds a zero byte, so no two words share a
/// key.
fn word_key(word: &[u8]) -> u128 {
    let mut key = [0u8; LONGEST_KNOWN_WORD];
    for (k, b) in key.iter_mut().zip(word) {
        *k = b.to_ascii_lowercase();
    }
    u128::from_le_bytes(key)
}

/// The tables [`class_of`] looks words up in, the first that knows a word
/// deciding its class.
const CLASS_TABLES: [(&[&str], WordClass); 7] = [
    (IDENTIFIERS, WordClass::Identifier),
    (JOINERS, WordClass::Joiner),
    (UNITS, WordClass::Unit),
    (PERIODS, WordClass::Period),
    (FIELDS, WordClass::Field),
    (MONTHS, WordClass::Month),
    (ZONES, WordClass::Zone),
];

/// The shape of a word or phrase of first byte `first` and last byte
/// `last`: the five low bits of each, which an ASCII letter's two cases
/// share.
const fn shape(first: u8, last: u8) -> usize {
    (((first & 31) as usize) << 5) | (last & 31) as usize
}

/// For every shape of a word in [`CLASS_TABLES`] or of a caption of one
/// word in [`HEADER`] (see [`shape`]), a bit for each length of such a
/// word: what an ASCII word must match to be worth a lookup.
const KNOWN_SHAPES: [u32; 1024] = {
    let mut shapes = [0u32; 1024];
    let mut t = 0;
    while t < CLASS_TABLES.len() {
        let table = CLASS_TABLES[t].0;
        let mut w = 0;
        while w < table.len() {
            let word = table[w].as_bytes();
            shapes[shape(word[0], word[word.len() - 1])] |= 1 << word.len();
            w += 1;
        }
        t += 1;
    }
    let mut h = 0;
    while h < HEADER.len() {
        let phrase = HEADER[h].0.as_bytes();
        if is_one_word(phrase) {
            shapes[shape(phrase[0], phrase[phrase.len() - 1])] |= 1 << phrase.len();
        }
        h += 1;
    }
    shapes
};

/// Whether a phrase of [`HEADER`] is one word.
const fn is_one_word(phrase: &[u8]) -> bool {
    let mut i = 0;
    while i < phrase.len() {
        if phrase[i] == b' ' {
            return false;
        }
        i += 1;
    }
    true
}

/// The word tables and the captions of one word by [`word_key`], built
/// on first use: what [`ascii_known_word`] finds. Captions longer than
/// [`LONGEST_KNOWN_WORD`] are left out: no word that long is looked up.
fn word_index() -> &'static HashMap<u128, Known> {
    static INDEX: OnceLock<HashMap<u128, Known>> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut index: HashMap<u128, Known> = class_index()
            .iter()
            .map(|(&word, &class)| {
                let known = Known {
                    class: Some(class),
                    caption: false,
                };
                (word_key(word), known)
            })
            .collect();
        for &(phrase, _) in HEADER {
            let phrase = phrase.as_bytes();
            if is_one_word(phrase) && phrase.len() <= LONGEST_KNOWN_WORD {
                index.entry(word_key(phrase)).or_default().caption = true;
            }
        }
        index
    })
}

/// The word tables by word, built on first use; the first table that
/// knows a word decides its class.
fn class_index() -> &'static HashMap<&'static [u8], WordClass> {
    static INDEX: OnceLock<HashMap<&'static [u8], WordClass>> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut index = HashMap::default();
        for (table, class) in CLASS_TABLES {
            for &word in table {
                index.entry(word.as_bytes()).or_insert(class);
            }
        }
        index
    })
}

/// The longest word any table holds, in bytes.
const LONGEST_KNOWN_WORD: usize = 16;

/// `word` in lowercase, as UTF-8 written into `buffer`; `None` when it
/// does not fit.
fn lowercase_into<'b>(word: &str, buffer: &'b mut [u8]) -> Option<&'b [u8]> {
    if word.is_ascii() {
        let lower = buffer.get_mut(..word.len())?;
        lower.copy_from_slice(word.as_bytes());
        lower.make_ascii_lowercase();
        return Some(lower);
    }
    let mut len = 0;
    for c in word.chars().flat_map(char::to_lowercase) {
        let end = len + c.len_utf8();
        if end > buffer.len() {
            return None;
        }
        c.encode_utf8(&mut buffer[len..end]);
        len = end;
    }
    Some(&buffer[..len])
}

/// Words that mark a percent after a number (`1,4 proc.`, `3.61 per
/// cent`), as lowercase word runs.
pub(crate) const PERCENT_WORDS: &[&[&str]] = &[
    &["per", "cent"],
    &["percent"],
    &["pct"],
    &["procent"],
    &["proc"],
    &["prozent"],
    &["persen"],
    &["por", "ciento"],
    &["por", "cento"],
    &["pour", "cent"],
    &["per", "cento"],
];

/// Direction words (rule D), lowercase word runs with the direction they
/// mark.
pub(crate) const DIRECTION_WORDS: &[(&[&str], crate::quote::Direction)] = {
    use crate::quote::Direction::{Down, Unchanged, Up};
    &[
        (&["increased", "by"], Up),
        (&["decreased", "by"], Down),
        (&["no", "change"], Unchanged),
        (&["unchanged"], Unchanged),
        (&["unch"], Unchanged),
        (&["up"], Up),
        (&["down"], Down),
    ]
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_table_word_is_lowercase_and_short_enough() {
        let tables = [IDENTIFIERS, JOINERS, UNITS, PERIODS, FIELDS, MONTHS, ZONES];
        for word in tables.iter().flat_map(|t| t.iter()) {
            assert_eq!(word.to_lowercase(), *word, "{word}");
            assert!(word.len() <= LONGEST_KNOWN_WORD, "{word}");
            assert!(class_of(word).is_some(), "{word}");
        }
        for word in SENTENCE_WORDS {
            assert_eq!(word.to_lowercase(), *word, "{word}");
            assert!(
                word.len() <= LONGEST_KNOWN_WORD && continues_sentence(word),
                "{word}"
            );
        }
        assert!(continues_sentence("In") && !continues_sentence("methodology"));
        // The lexer looks for percent words only at a letter.
        for words in PERCENT_WORDS {
            assert!(
                words
                    .first()
                    .is_some_and(|w| w.as_bytes()[0].is_ascii_lowercase()),
                "{words:?}"
            );
        }
        // The lexer picks direction words by their first letter.
        for (words, _) in DIRECTION_WORDS {
            assert!(
                words
                    .first()
                    .is_some_and(|w| w.as_bytes()[0].is_ascii_lowercase()),
                "{words:?}"
            );
        }
        for (phrase, _) in HEADER {
            assert_eq!(phrase.to_lowercase(), *phrase, "{phrase}");
            assert!(phrase.split(' ').count() <= MAX_PHRASE_WORDS, "{phrase}");
            assert!(phrase.len() <= LONGEST_PHRASE, "{phrase}");
            let words: Vec<&str> = phrase.split(' ').collect();
            assert!(role_of_phrase(&words).is_some(), "{phrase}");
            let upper = phrase.to_uppercase();
            let words: Vec<&str> = upper.split(' ').collect();
            assert!(
                !phrase.is_ascii() || role_of_phrase(&words).is_some(),
                "{phrase}"
            );
        }
    }

    #[test]
    fn words_are_classed_in_any_case() {
        assert_eq!(class_of("Points"), Some(WordClass::Unit));
        assert_eq!(class_of("YTD"), Some(WordClass::Period));
        assert_eq!(class_of("IST"), Some(WordClass::Zone));
        assert_eq!(class_of("Schluss"), Some(WordClass::Field));
        assert_eq!(class_of("Dezember"), Some(WordClass::Month));
        assert_eq!(class_of("at"), Some(WordClass::Joiner));
        assert_eq!(class_of("Nordbank"), None);
        assert_eq!(class_of("Münchener"), None);
        // Every table word is found in any case, by the shape filter too.
        for (table, _) in CLASS_TABLES {
            for word in table.iter().filter(|w| w.is_ascii()) {
                assert!(class_of(&word.to_uppercase()).is_some(), "{word}");
            }
        }
    }

    #[test]
    fn ascii_phrases_are_read_as_any_phrase() {
        // The ASCII path against the general one, which lowercases every
        // phrase and looks it up.
        let general = |words: &[&str]| {
            let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
            let phrase = lower.join(" ");
            header_index().get(phrase.as_bytes()).copied()
        };
        let mut phrases: Vec<String> = HEADER.iter().map(|(p, _)| p.to_string()).collect();
        phrases.extend(
            [
                "",
                " ",
                "Last",
                "LAST PRICE",
                "Prev. Close",
                "last  price",
                "lastprice",
                "AGL",
                "Bitcoin BTC",
                "Net Chg x",
                "x Net Chg",
                "% Chg",
                "Société",
                "ÄNDERUNG in %",
                "Wkn",
                "a b c d",
            ]
            .map(String::from),
        );
        for phrase in &phrases {
            for cased in [phrase.clone(), phrase.to_uppercase(), phrase.to_lowercase()] {
                let words: Vec<&str> = cased.split(' ').collect();
                let expected = match words.len() {
                    1..=MAX_PHRASE_WORDS => general(&words),
                    _ => None,
                };
                assert_eq!(role_of_phrase(&words), expected, "{cased:?}");
                if words.len() == 1 {
                    assert_eq!(
                        is_caption(cased.as_bytes()),
                        expected.is_some(),
                        "{cased:?}"
                    );
                }
            }
        }
        assert!(!is_caption(b"\xffLast"));
    }

    #[test]
    fn a_word_is_known_as_both_tables_say() {
        // One lookup for a word's class and caption, against each table
        // asked alone.
        let class = |word: &str| {
            let lower = word.to_lowercase();
            match lower.len() <= LONGEST_KNOWN_WORD {
                true => class_index().get(lower.as_bytes()).copied(),
                false => None,
            }
        };
        let mut words: Vec<String> = HEADER.iter().map(|(p, _)| p.to_string()).collect();
        for (table, _) in CLASS_TABLES {
            words.extend(table.iter().map(|w| w.to_string()));
        }
        words.extend(
            [
                "",
                "AGL",
                "Last",
                "Vol.",
                "Société",
                "SOCIÉTÉ",
                "Münchener",
                "cryptocurrencies",
                "Veränderung",
                "points",
                "Close",
                "%",
                "#",
                "ytd",
                "ABCDEFGHIJKLMNOPQ",
            ]
            .map(String::from),
        );
        // A word has no space: phrases of several words are no word's.
        for word in words.iter().filter(|w| !w.contains(' ')) {
            for cased in [word.clone(), word.to_uppercase(), word.to_lowercase()] {
                let known = known_word(&cased);
                assert_eq!(known.class, class(&cased), "{cased:?}");
                assert_eq!(known.caption, is_caption(cased.as_bytes()), "{cased:?}");
                if cased.is_ascii() {
                    assert_eq!(ascii_known_word(cased.as_bytes()), known, "{cased:?}");
                }
            }
        }
    }

    #[test]
    fn header_phrases_match_whole() {
        assert_eq!(role_of_phrase(&["chg", "%"]), Some(Role::Percent));
        assert_eq!(
            role_of_phrase(&["prev.", "close"]),
            Some(Role::PreviousClose)
        );
        assert_eq!(role_of_phrase(&["last"]), Some(Role::Price));
        assert_eq!(role_of_phrase(&["last", "price", "now"]), None);
        assert_eq!(role_of_phrase(&[]), None);
    }
}
