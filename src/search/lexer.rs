//! Splits a filter or order_by string into the tokens sqlparse 0.6.1 would produce.
//! MLflow's error messages quote these tokens, so the rules follow spec §2.1 exactly.

use std::collections::HashMap;

use super::chars::{ascii_ci_eq, is_digit, is_letter, is_space, is_word};
use super::tables::KEYWORDS;

/// A token type, named after sqlparse's `ttype`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    CommentSingle,
    CommentSingleHint,
    CommentMultiline,
    CommentMultilineHint,
    Newline,
    Whitespace,
    Assignment,
    Punctuation,
    Wildcard,
    Name,
    Placeholder,
    Command,
    Keyword,
    KeywordDml,
    KeywordDdl,
    KeywordDcl,
    KeywordCte,
    KeywordOrder,
    KeywordTzCast,
    NameBuiltin,
    Hex,
    Float,
    Integer,
    StringSingle,
    StringSymbol,
    /// A dollar-quoted literal `$tag$...$tag$`.
    Literal,
    Operator,
    Comparison,
    Error,
}

impl Kind {
    /// sqlparse `is_whitespace` (newlines included).
    pub(crate) fn is_whitespace(self) -> bool {
        matches!(self, Kind::Whitespace | Kind::Newline)
    }

    /// sqlparse `is_keyword` (`ttype in T.Keyword`).
    pub(crate) fn is_keyword(self) -> bool {
        matches!(
            self,
            Kind::Keyword
                | Kind::KeywordDml
                | Kind::KeywordDdl
                | Kind::KeywordDcl
                | Kind::KeywordCte
                | Kind::KeywordOrder
                | Kind::KeywordTzCast
        )
    }

    pub(crate) fn is_comment(self) -> bool {
        matches!(
            self,
            Kind::CommentSingle
                | Kind::CommentSingleHint
                | Kind::CommentMultiline
                | Kind::CommentMultilineHint
        )
    }

    /// `T.Number` and its subtypes.
    pub(crate) fn is_number(self) -> bool {
        matches!(self, Kind::Hex | Kind::Float | Kind::Integer)
    }
}

/// One token: its type and its byte range in the source text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Token {
    pub kind: Kind,
    pub start: usize,
    pub end: usize,
}

/// Tokenizes `text` (spec §2.1). Never fails: unknown characters become `Error` tokens.
pub(crate) fn tokenize(text: &str) -> Vec<Token> {
    let lexer = Lexer::new(text);
    lexer.run()
}

struct Lexer<'a> {
    text: &'a str,
    cs: Vec<char>,
    /// Byte offset of each char index (plus one past the end).
    bytes: Vec<usize>,
    spans: Spans,
    /// Lazily computed ends of quoted tokens, per quote character and escape rule.
    quote_ends: HashMap<(char, bool), Vec<u32>>,
}

/// Openers and closers of `/* */` comments and `$tag$` literals (rule 0).
#[derive(Default)]
struct Spans {
    /// Ascending by position: (char index, index just past the opener, tag id, kind).
    openers: Vec<(usize, usize, usize, Kind)>,
    /// Per tag id, ascending (start, end) of its closers.
    closers: Vec<Vec<(usize, usize)>>,
}

impl<'a> Lexer<'a> {
    fn new(text: &'a str) -> Self {
        let cs: Vec<char> = text.chars().collect();
        let mut bytes = Vec::with_capacity(cs.len() + 1);
        let mut b = 0;
        for c in &cs {
            bytes.push(b);
            b += c.len_utf8();
        }
        bytes.push(b);
        let spans = Spans::find(&cs);
        Lexer {
            text,
            cs,
            bytes,
            spans,
            quote_ends: HashMap::new(),
        }
    }

    fn at(&self, i: usize) -> Option<char> {
        self.cs.get(i).copied()
    }

    fn is(&self, i: usize, c: char) -> bool {
        self.at(i) == Some(c)
    }

    /// Case-insensitive match of an upper-case ASCII word at `i`; returns the end index.
    fn word_ci(&self, i: usize, word: &str) -> Option<usize> {
        let mut j = i;
        for b in word.bytes() {
            match self.at(j) {
                Some(c) if ascii_ci_eq(c, b) => j += 1,
                _ => return None,
            }
        }
        Some(j)
    }

    /// Python `\b` at char index `i`.
    fn boundary(&self, i: usize) -> bool {
        let before = i > 0 && self.at(i - 1).is_some_and(is_word);
        let after = self.at(i).is_some_and(is_word);
        before != after
    }

    fn keyword_b(&self, i: usize, word: &str) -> Option<usize> {
        self.word_ci(i, word).filter(|&j| self.boundary(j))
    }

    fn spaces1(&self, i: usize) -> Option<usize> {
        let mut j = i;
        while self.at(j).is_some_and(is_space) {
            j += 1;
        }
        (j > i).then_some(j)
    }

    fn words_run(&self, i: usize) -> usize {
        let mut j = i;
        while self.at(j).is_some_and(is_word) {
            j += 1;
        }
        j
    }

    fn digits_run(&self, i: usize) -> usize {
        let mut j = i;
        while self.at(j).is_some_and(is_digit) {
            j += 1;
        }
        j
    }

    fn not_letter_or_underscore(&self, i: usize) -> bool {
        !self.at(i).is_some_and(|c| c == '_' || is_letter(c))
    }

    fn run(mut self) -> Vec<Token> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < self.cs.len() {
            let (kind, end) = self.next_token(i);
            out.push(Token {
                kind,
                start: self.bytes[i],
                end: self.bytes[end],
            });
            i = end;
        }
        debug_assert_eq!(out.last().map_or(0, |t| t.end), self.text.len());
        out
    }

    /// The token starting at char index `i` (rules 0–27 in order).
    fn next_token(&mut self, i: usize) -> (Kind, usize) {
        let c = self.cs[i];
        if (c == '$' || c == '/')
            && let Some(found) = self.spans.resolve(i)
        {
            return found;
        }
        if let Some(t) = self.comment(i) {
            return t;
        }
        if c == '\r' {
            return (
                Kind::Newline,
                if self.is(i + 1, '\n') { i + 2 } else { i + 1 },
            );
        }
        if c == '\n' {
            return (Kind::Newline, i + 1);
        }
        if is_space(c) {
            return (Kind::Whitespace, i + 1);
        }
        if c == ':' && self.is(i + 1, '=') {
            return (Kind::Assignment, i + 2);
        }
        if c == ':' && self.is(i + 1, ':') {
            return (Kind::Punctuation, i + 2);
        }
        if c == '*' {
            return (Kind::Wildcard, i + 1);
        }
        if (c == '`' || c == '\u{b4}')
            && let Some(end) = self.quoted_end(i, c, false)
        {
            return (Kind::Name, end);
        }
        if matches!(c, '?' | '%' | '$' | ':' | '\\')
            && let Some(t) = self.placeholder_or_command(i)
        {
            return t;
        }
        let letter = is_letter(c);
        if letter {
            for word in ["CASE", "IN", "VALUES", "USING", "FROM", "AS"] {
                if let Some(end) = self.keyword_b(i, word) {
                    return (Kind::Keyword, end);
                }
            }
        }
        if (c == '@' || c == '#')
            && let Some(end) = self.at_name(i)
        {
            return (Kind::Name, end);
        }
        if letter {
            let end = self.words_run(i + 1);
            if self.followed_by_dot(end) || (i > 0 && self.is(i - 1, '.')) || self.is(end, '(') {
                return (Kind::Name, end);
            }
        }
        if (c == '-' || c == '.' || is_digit(c))
            && let Some(t) = self.number(i)
        {
            return t;
        }
        if c == '\''
            && let Some(end) = self.quoted_end(i, '\'', true)
        {
            return (Kind::StringSingle, end);
        }
        if c == '"'
            && let Some(end) = self.quoted_end(i, '"', true)
        {
            return (Kind::StringSymbol, end);
        }
        if c == '[' {
            let prev_ok = i == 0
                || !self
                    .at(i - 1)
                    .is_some_and(|p| is_word(p) || p == ']' || p == ')');
            if prev_ok {
                let mut j = i + 1;
                while self.at(j).is_some_and(|x| x != '[' && x != ']') {
                    j += 1;
                }
                if j > i + 1 && self.is(j, ']') {
                    return (Kind::Name, j + 1);
                }
            }
        }
        if letter && let Some(t) = self.multi_word(i) {
            return t;
        }
        if is_word(c) {
            let mut end = i + 1;
            while self
                .at(end)
                .is_some_and(|x| is_word(x) || x == '$' || x == '#')
            {
                end += 1;
            }
            return (keyword_kind(&self.cs[i..end]), end);
        }
        if matches!(c, ';' | ':' | '(' | ')' | '[' | ']' | ',' | '.') {
            return (Kind::Punctuation, i + 1);
        }
        if let Some(end) = self.json_operator(i) {
            return (Kind::Operator, end);
        }
        if matches!(c, '<' | '>' | '=' | '~' | '!') {
            let mut end = i + 1;
            while self
                .at(end)
                .is_some_and(|x| matches!(x, '<' | '>' | '=' | '~' | '!'))
            {
                end += 1;
            }
            return (Kind::Comparison, end);
        }
        if is_operator_char(c) {
            let mut end = i + 1;
            while self.at(end).is_some_and(is_operator_char) {
                end += 1;
            }
            return (Kind::Operator, end);
        }
        (Kind::Error, i + 1)
    }

    /// Rule 1: `--` or `# ` up to and including the first line break.
    fn comment(&self, i: usize) -> Option<(Kind, usize)> {
        let opener =
            (self.is(i, '-') && self.is(i + 1, '-')) || (self.is(i, '#') && self.is(i + 1, ' '));
        if !opener {
            return None;
        }
        let kind = if self.is(i + 2, '+') {
            Kind::CommentSingleHint
        } else {
            Kind::CommentSingle
        };
        let mut j = i + 2;
        while let Some(c) = self.at(j) {
            if c == '\r' {
                return Some((kind, if self.is(j + 1, '\n') { j + 2 } else { j + 1 }));
            }
            if c == '\n' {
                return Some((kind, j + 1));
            }
            j += 1;
        }
        Some((kind, j))
    }

    /// Rules 6 and 7: placeholders and backslash commands.
    fn placeholder_or_command(&self, i: usize) -> Option<(Kind, usize)> {
        let c = self.cs[i];
        if c == '?' {
            return Some((Kind::Placeholder, i + 1));
        }
        if c == '%' {
            if self.is(i + 1, '(') {
                let end = self.words_run(i + 2);
                if end > i + 2
                    && self.is(end, ')')
                    && self.at(end + 1).is_some_and(|s| ascii_ci_eq(s, b'S'))
                {
                    return Some((Kind::Placeholder, end + 2));
                }
            }
            if self.at(i + 1).is_some_and(|s| ascii_ci_eq(s, b'S')) {
                return Some((Kind::Placeholder, i + 2));
            }
        }
        if matches!(c, '$' | ':' | '?') && !(i > 0 && self.at(i - 1).is_some_and(is_word)) {
            let end = self.words_run(i + 1);
            if end > i + 1 {
                return Some((Kind::Placeholder, end));
            }
        }
        if c == '\\' {
            let end = self.words_run(i + 1);
            if end > i + 1 {
                return Some((Kind::Command, end));
            }
        }
        None
    }

    /// Rule 9: `@word`, `##word`, `#word` with a letter and at least one more word char.
    fn at_name(&self, i: usize) -> Option<usize> {
        let prefixes: &[&str] = &["@", "##", "#"];
        for p in prefixes {
            let mut j = i;
            let mut ok = true;
            for pc in p.chars() {
                if self.is(j, pc) {
                    j += 1;
                } else {
                    ok = false;
                    break;
                }
            }
            if ok && self.at(j).is_some_and(is_letter) {
                let end = self.words_run(j + 1);
                if end > j + 1 {
                    return Some(end);
                }
            }
        }
        None
    }

    /// Lookahead of rule 10: optional whitespace, then a `.` not followed by a digit.
    fn followed_by_dot(&self, i: usize) -> bool {
        let mut j = i;
        while self.at(j).is_some_and(is_space) {
            j += 1;
        }
        self.is(j, '.') && !self.at(j + 1).is_some_and(is_digit)
    }

    /// Rules 13–16: hexadecimal, exponent float, decimal float, integer.
    fn number(&self, i: usize) -> Option<(Kind, usize)> {
        let q = if self.is(i, '-') { i + 1 } else { i };
        // Hexadecimal: -?0x[\dA-F]+
        if self.is(q, '0') && self.at(q + 1).is_some_and(|x| ascii_ci_eq(x, b'X')) {
            let mut j = q + 2;
            while self
                .at(j)
                .is_some_and(|x| is_digit(x) || matches!(x.to_ascii_uppercase(), 'A'..='F'))
            {
                j += 1;
            }
            if j > q + 2 {
                return Some((Kind::Hex, j));
            }
        }
        // Exponent float: -?\d+(\.\d+)?E-?\d+
        let d_end = self.digits_run(q);
        if d_end > q {
            let mut j = d_end;
            if self.is(j, '.') {
                let f_end = self.digits_run(j + 1);
                if f_end > j + 1 {
                    j = f_end;
                }
            }
            if self.at(j).is_some_and(|x| ascii_ci_eq(x, b'E')) {
                let k = if self.is(j + 1, '-') { j + 2 } else { j + 1 };
                let e_end = self.digits_run(k);
                if e_end > k {
                    return Some((Kind::Float, e_end));
                }
            }
        }
        // Decimal float: -?(\d+\.\d*|\.\d+) not followed by a letter or `_` (with backtracking).
        if d_end > q && self.is(d_end, '.') {
            let f_end = self.digits_run(d_end + 1);
            if self.not_letter_or_underscore(f_end) {
                return Some((Kind::Float, f_end));
            }
            if f_end > d_end + 1 {
                return Some((Kind::Float, f_end - 1));
            }
        }
        if d_end == q && self.is(q, '.') {
            let f_end = self.digits_run(q + 1);
            if f_end > q + 1 {
                if self.not_letter_or_underscore(f_end) {
                    return Some((Kind::Float, f_end));
                }
                if f_end > q + 2 {
                    return Some((Kind::Float, f_end - 1));
                }
            }
        }
        // Integer: -?\d+ not followed by a letter or `_` (with backtracking).
        if d_end > q {
            if self.not_letter_or_underscore(d_end) {
                return Some((Kind::Integer, d_end));
            }
            if d_end > q + 1 {
                return Some((Kind::Integer, d_end - 1));
            }
        }
        None
    }

    /// End of a quoted token starting at `i` with quote `q`, following the backtracking of
    /// `q(qq|\\q|[^q])*q` (`backslash` false drops the `\q` alternative).
    fn quoted_end(&mut self, i: usize, q: char, backslash: bool) -> Option<usize> {
        let table = self
            .quote_ends
            .entry((q, backslash))
            .or_insert_with(|| quote_table(&self.cs, q, backslash));
        match table[i + 1] {
            NO_END => None,
            end => Some(end as usize),
        }
    }

    /// Rules 20 and 21: keywords made of several words, and LIKE-style comparison operators.
    fn multi_word(&self, i: usize) -> Option<(Kind, usize)> {
        if let Some(end) = self.join(i) {
            return Some((Kind::Keyword, end));
        }
        if let Some(end) = self.word_ci(i, "END") {
            for w in ["IF", "LOOP", "WHILE", "FOR", "CASE"] {
                if let Some(e) = self.spaces1(end).and_then(|s| self.keyword_b(s, w)) {
                    return Some((Kind::Keyword, e));
                }
            }
            if self.boundary(end) {
                return Some((Kind::Keyword, end));
            }
        }
        if let Some(s) = self.word_ci(i, "IF").and_then(|e| self.spaces1(e)) {
            let s2 = self.word_ci(s, "NOT").and_then(|e| self.spaces1(e));
            for start in [s2, Some(s)].into_iter().flatten() {
                if let Some(e) = self.keyword_b(start, "EXISTS") {
                    return Some((Kind::Keyword, e));
                }
            }
        }
        if let Some(e) = self.two_words(i, "NOT", "NULL") {
            return Some((Kind::Keyword, e));
        }
        for w in ["ASC", "DESC"] {
            if let Some(end) = self.word_ci(i, w) {
                let nulls = self
                    .spaces1(end)
                    .and_then(|s| self.word_ci(s, "NULLS"))
                    .and_then(|e| self.spaces1(e));
                if let Some(s) = nulls {
                    for fl in ["FIRST", "LAST"] {
                        if let Some(e) = self.keyword_b(s, fl) {
                            return Some((Kind::KeywordOrder, e));
                        }
                    }
                }
                if self.boundary(end) {
                    return Some((Kind::KeywordOrder, end));
                }
            }
        }
        for fl in ["FIRST", "LAST"] {
            if let Some(e) = self.two_words(i, "NULLS", fl) {
                return Some((Kind::KeywordOrder, e));
            }
        }
        if let Some(e) = self.two_words(i, "UNION", "ALL") {
            return Some((Kind::Keyword, e));
        }
        if let Some(end) = self.word_ci(i, "CREATE") {
            let or_replace = self
                .spaces1(end)
                .and_then(|s| self.word_ci(s, "OR"))
                .and_then(|e| self.spaces1(e))
                .and_then(|s| self.keyword_b(s, "REPLACE"));
            if let Some(e) = or_replace {
                return Some((Kind::KeywordDdl, e));
            }
            if self.boundary(end) {
                return Some((Kind::KeywordDdl, end));
            }
        }
        if let Some(e) = self.two_words(i, "DOUBLE", "PRECISION") {
            return Some((Kind::NameBuiltin, e));
        }
        for (a, b) in [
            ("GROUP", "BY"),
            ("ORDER", "BY"),
            ("PRIMARY", "KEY"),
            ("HANDLER", "FOR"),
        ] {
            if let Some(e) = self.two_words(i, a, b) {
                return Some((Kind::Keyword, e));
            }
        }
        if let Some(end) = self.word_ci(i, "GO")
            && self.at(end).is_some_and(is_space)
        {
            let e = self.digits_run(end + 1);
            if e > end + 1 && self.boundary(e) {
                return Some((Kind::Keyword, e));
            }
        }
        if let Some(s) = self
            .word_ci(i, "LATERAL")
            .and_then(|e| self.spaces1(e))
            .and_then(|s| self.word_ci(s, "VIEW"))
            .and_then(|e| self.spaces1(e))
        {
            for w in [
                "EXPLODE",
                "INLINE",
                "PARSE_URL_TUPLE",
                "POSEXPLODE",
                "STACK",
            ] {
                if let Some(e) = self.keyword_b(s, w) {
                    return Some((Kind::Keyword, e));
                }
            }
        }
        if let Some(e) = self.tz_cast(i) {
            return Some((Kind::KeywordTzCast, e));
        }
        let after_not = self.word_ci(i, "NOT").and_then(|e| self.spaces1(e));
        for start in [after_not, Some(i)].into_iter().flatten() {
            for w in ["LIKE", "ILIKE", "RLIKE"] {
                if let Some(e) = self.keyword_b(start, w) {
                    return Some((Kind::Comparison, e));
                }
            }
        }
        for start in [after_not, Some(i)].into_iter().flatten() {
            if let Some(end) = self.word_ci(start, "REGEXP") {
                let binary = self.spaces1(end).and_then(|s| self.keyword_b(s, "BINARY"));
                if let Some(e) = binary {
                    return Some((Kind::Comparison, e));
                }
                if self.boundary(end) {
                    return Some((Kind::Comparison, end));
                }
            }
        }
        None
    }

    /// `A\s+B\b`.
    fn two_words(&self, i: usize, a: &str, b: &str) -> Option<usize> {
        self.word_ci(i, a)
            .and_then(|e| self.spaces1(e))
            .and_then(|s| self.keyword_b(s, b))
    }

    /// `((LEFT|RIGHT|FULL\s+)?(INNER|OUTER|STRAIGHT\s+)?|(CROSS|NATURAL\s+)?)?JOIN\b`.
    fn join(&self, i: usize) -> Option<usize> {
        let opt = |start: usize, words: &[&str]| -> Option<usize> {
            words
                .iter()
                .find_map(|w| self.word_ci(start, w).and_then(|e| self.spaces1(e)))
        };
        let mut starts = Vec::new();
        let first = opt(i, &["LEFT", "RIGHT", "FULL"]);
        for s in [first, Some(i)].into_iter().flatten() {
            if let Some(s2) = opt(s, &["INNER", "OUTER", "STRAIGHT"]) {
                starts.push(s2);
            }
            starts.push(s);
        }
        if let Some(s) = opt(i, &["CROSS", "NATURAL"]) {
            starts.push(s);
        }
        starts.into_iter().find_map(|s| self.keyword_b(s, "JOIN"))
    }

    /// `(AT|WITH')\s+TIME\s+ZONE\s+'[^']+'`.
    fn tz_cast(&self, i: usize) -> Option<usize> {
        let after = self.word_ci(i, "AT").or_else(|| {
            self.word_ci(i, "WITH")
                .filter(|&e| self.is(e, '\''))
                .map(|e| e + 1)
        })?;
        let s = self
            .spaces1(after)
            .and_then(|s| self.word_ci(s, "TIME"))
            .and_then(|e| self.spaces1(e))
            .and_then(|s| self.word_ci(s, "ZONE"))
            .and_then(|e| self.spaces1(e))?;
        if !self.is(s, '\'') {
            return None;
        }
        let mut j = s + 1;
        while self.at(j).is_some_and(|c| c != '\'') {
            j += 1;
        }
        (j > s + 1 && self.is(j, '\'')).then_some(j + 1)
    }

    /// Rule 24: `->`, `->>`, `#>`, `#>>`, `@>`, `<@`, `?&`, `-`, `#-`.
    fn json_operator(&self, i: usize) -> Option<usize> {
        let c = self.cs[i];
        let n = self.at(i + 1);
        match c {
            '-' if n == Some('>') => Some(if self.is(i + 2, '>') { i + 3 } else { i + 2 }),
            '#' if n == Some('>') => Some(if self.is(i + 2, '>') { i + 3 } else { i + 2 }),
            '@' if n == Some('>') => Some(i + 2),
            '<' if n == Some('@') => Some(i + 2),
            '?' if n == Some('&') => Some(i + 2),
            '-' => Some(i + 1),
            '#' if n == Some('-') => Some(i + 2),
            _ => None,
        }
    }
}

fn is_operator_char(c: char) -> bool {
    matches!(c, '+' | '/' | '@' | '#' | '%' | '^' | '&' | '|' | '-')
}

/// Rule 22: the upper-cased word is looked up in sqlparse's keyword table.
fn keyword_kind(word: &[char]) -> Kind {
    let upper: String = word.iter().collect::<String>().to_uppercase();
    match KEYWORDS.binary_search_by(|(k, _)| (*k).cmp(upper.as_str())) {
        Ok(idx) => KEYWORDS[idx].1,
        Err(_) => Kind::Name,
    }
}

const NO_END: u32 = u32::MAX;

/// For every char index `b`, where `q(qq|\\q|[^q])*q` ends if its body starts at `b`
/// (the first success of the regex engine's backtracking, computed right to left).
fn quote_table(cs: &[char], q: char, backslash: bool) -> Vec<u32> {
    let n = cs.len();
    let or = |a: u32, b: u32| if a == NO_END { b } else { a };
    let mut f: Vec<u32> = vec![NO_END; n + 2];
    for b in (0..n).rev() {
        let c = cs[b];
        let next_is_q = cs.get(b + 1) == Some(&q);
        let close_here = u32::try_from(b + 1).unwrap_or(NO_END);
        f[b] = if c == q {
            // Prefer another `qq` iteration; otherwise close here.
            if next_is_q {
                or(f[b + 2], close_here)
            } else {
                close_here
            }
        } else if backslash && c == '\\' && next_is_q {
            or(f[b + 2], f[b + 1])
        } else {
            f[b + 1]
        };
    }
    f
}

impl Spans {
    fn find(cs: &[char]) -> Spans {
        let mut spans = Spans::default();
        if !cs.iter().any(|&c| c == '$' || c == '/') {
            return spans;
        }
        // Tag id 0 is the comment closer `*/`; dollar tags get ids as they are met.
        spans.closers.push(Vec::new());
        let mut tag_ids: HashMap<&[char], usize> = HashMap::new();
        for i in 0..cs.len() {
            match cs[i] {
                '$' => {
                    let end = if cs.get(i + 1) == Some(&'$') {
                        Some(i + 2)
                    } else if cs.get(i + 1).is_some_and(|&c| c == '_' || is_letter(c)) {
                        let mut k = i + 2;
                        while cs.get(k).is_some_and(|&c| is_word(c)) {
                            k += 1;
                        }
                        (cs.get(k) == Some(&'$')).then_some(k + 1)
                    } else {
                        None
                    };
                    if let Some(end) = end {
                        let next_id = spans.closers.len();
                        let id = *tag_ids.entry(&cs[i..end]).or_insert(next_id);
                        if id == next_id {
                            spans.closers.push(Vec::new());
                        }
                        spans.closers[id].push((i, end));
                        let opener_ok =
                            i == 0 || !(is_word(cs[i - 1]) || cs[i - 1] == '"' || cs[i - 1] == '$');
                        if opener_ok {
                            spans.openers.push((i, end, id, Kind::Literal));
                        }
                    }
                }
                '/' if cs.get(i + 1) == Some(&'*') => {
                    let kind = if cs.get(i + 2) == Some(&'+') {
                        Kind::CommentMultilineHint
                    } else {
                        Kind::CommentMultiline
                    };
                    spans.openers.push((i, i + 2, 0, kind));
                }
                '*' if cs.get(i + 1) == Some(&'/') => spans.closers[0].push((i, i + 2)),
                _ => {}
            }
        }
        spans
    }

    /// The span opening at `i`, if it has a closer.
    fn resolve(&self, i: usize) -> Option<(Kind, usize)> {
        let at = self.openers.binary_search_by_key(&i, |o| o.0).ok()?;
        let (_, opener_end, tag, kind) = self.openers[at];
        let closers = &self.closers[tag];
        let idx = closers.partition_point(|&(s, _)| s < opener_end);
        closers.get(idx).map(|&(_, end)| (kind, end))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lex(s: &str) -> Vec<(Kind, &str)> {
        tokenize(s)
            .into_iter()
            .map(|t| (t.kind, &s[t.start..t.end]))
            .collect()
    }

    fn kinds(s: &str) -> Vec<(Kind, &str)> {
        lex(s)
            .into_iter()
            .filter(|(k, _)| !k.is_whitespace())
            .collect()
    }

    #[test]
    fn prefix_before_dot_is_a_name() {
        assert_eq!(
            kinds("metrics.acc > 0.5"),
            vec![
                (Kind::Name, "metrics"),
                (Kind::Punctuation, "."),
                (Kind::Name, "acc"),
                (Kind::Comparison, ">"),
                (Kind::Float, "0.5"),
            ]
        );
    }

    #[test]
    fn integer_backtracks_before_a_letter() {
        assert_eq!(
            kinds("12and"),
            vec![(Kind::Integer, "1"), (Kind::Name, "2and")]
        );
        assert_eq!(
            kinds("10_000"),
            vec![(Kind::Integer, "1"), (Kind::Name, "0_000")]
        );
        assert_eq!(kinds("1and"), vec![(Kind::Name, "1and")]);
    }

    #[test]
    fn float_forms_follow_sqlparse() {
        assert_eq!(kinds("1.5e"), vec![(Kind::Float, "1."), (Kind::Name, "5e")]);
        assert_eq!(kinds("5."), vec![(Kind::Float, "5.")]);
        assert_eq!(kinds("-1e-5"), vec![(Kind::Float, "-1e-5")]);
        assert_eq!(
            kinds("1.e3"),
            vec![
                (Kind::Integer, "1"),
                (Kind::Punctuation, "."),
                (Kind::Name, "e3")
            ]
        );
        assert_eq!(kinds("x.5"), vec![(Kind::Name, "x"), (Kind::Float, ".5")]);
        assert_eq!(kinds("0x1F"), vec![(Kind::Hex, "0x1F")]);
    }

    #[test]
    fn keywords_after_a_dot_are_names_except_the_six() {
        assert_eq!(kinds("tags.select")[2], (Kind::Name, "select"));
        assert_eq!(kinds("metrics.in")[2], (Kind::Keyword, "in"));
    }

    #[test]
    fn single_quoted_string_backtracks_over_backslash_quote() {
        assert_eq!(kinds(r"'a\'"), vec![(Kind::StringSingle, r"'a\'")]);
        assert_eq!(kinds("'it''s'"), vec![(Kind::StringSingle, "'it''s'")]);
        assert_eq!(kinds("'abc"), vec![(Kind::Error, "'"), (Kind::Name, "abc")]);
    }

    #[test]
    fn multi_word_keywords_are_one_token() {
        assert_eq!(kinds("x IS NOT NULL")[2], (Kind::Keyword, "NOT NULL"));
        assert_eq!(kinds("x NOT  LIKE 'a'")[1], (Kind::Comparison, "NOT  LIKE"));
        assert_eq!(
            kinds("x DESC NULLS LAST")[1],
            (Kind::KeywordOrder, "DESC NULLS LAST")
        );
    }

    #[test]
    fn comments_and_dollar_literals() {
        assert_eq!(kinds("a -- hi\nb")[1], (Kind::CommentSingle, "-- hi\n"));
        assert_eq!(kinds("/* x */")[0], (Kind::CommentMultiline, "/* x */"));
        assert_eq!(kinds("$$a$$")[0], (Kind::Literal, "$$a$$"));
        assert_eq!(kinds("/* x")[0], (Kind::Operator, "/"));
    }

    #[test]
    fn comparison_operators_are_runs() {
        assert_eq!(kinds("a !== b")[1], (Kind::Comparison, "!=="));
        assert_eq!(kinds("a <@ b")[1], (Kind::Operator, "<@"));
    }

    #[test]
    fn keyword_table_types() {
        assert_eq!(kinds("timestamp"), vec![(Kind::NameBuiltin, "timestamp")]);
        assert_eq!(kinds("select"), vec![(Kind::KeywordDml, "select")]);
        assert_eq!(kinds("and"), vec![(Kind::Keyword, "and")]);
        assert_eq!(kinds("status"), vec![(Kind::Name, "status")]);
    }
}
