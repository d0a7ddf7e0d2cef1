//! Builds sqlparse's token tree: statement splitting (spec §2.2) and the grouping passes (§3).
//! MLflow decides what a clause is from this tree, and quotes its pieces in error messages.

use std::collections::VecDeque;

use super::lexer::{Kind, Token, tokenize};

/// sqlparse's `MAX_GROUPING_DEPTH` and `MAX_GROUPING_TOKENS`.
const MAX_DEPTH: usize = 100;
const MAX_TOKENS: usize = 10_000;

/// The sqlparse class of a node (`Leaf` for a plain token).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Class {
    Leaf,
    Statement,
    Parenthesis,
    SquareBrackets,
    Case,
    If,
    For,
    Begin,
    Function,
    Identifier,
    IdentifierList,
    Comparison,
    Operation,
    Comment,
    Where,
    Over,
    TypedLiteral,
    Assignment,
    Values,
}

impl Class {
    /// Groups whose first and last tokens are their own delimiters.
    fn is_delimited(self) -> bool {
        matches!(
            self,
            Class::Parenthesis
                | Class::SquareBrackets
                | Class::Case
                | Class::If
                | Class::For
                | Class::Begin
        )
    }
}

/// A token or a group of tokens, covering the byte range `start..end` of the source.
#[derive(Debug, Clone)]
pub(crate) struct Node {
    pub class: Class,
    /// The token type of a leaf; `None` for a group (as in sqlparse).
    pub ttype: Option<Kind>,
    pub start: usize,
    pub end: usize,
    pub children: Vec<Node>,
    /// Set on identifiers made by the aliasing pass (`<clause> <identifier>`).
    pub aliased: bool,
}

/// A copy of what the grouping predicates look at; sqlparse keeps looking at tokens that have
/// already been moved into a group, so the passes work on these snapshots.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Info {
    class: Class,
    ttype: Option<Kind>,
    start: usize,
    end: usize,
}

/// Grouping gave up (sqlparse's `SQLParseError`): too deep or too many tokens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct TooComplex;

impl Node {
    fn leaf(t: Token) -> Node {
        Node {
            class: Class::Leaf,
            ttype: Some(t.kind),
            start: t.start,
            end: t.end,
            children: Vec::new(),
            aliased: false,
        }
    }

    fn info(&self) -> Info {
        Info {
            class: self.class,
            ttype: self.ttype,
            start: self.start,
            end: self.end,
        }
    }

    pub(crate) fn text<'s>(&self, src: &'s str) -> &'s str {
        &src[self.start..self.end]
    }

    pub(crate) fn is_whitespace(&self) -> bool {
        self.ttype.is_some_and(Kind::is_whitespace)
    }

    pub(crate) fn is(&self, kind: Kind) -> bool {
        self.ttype == Some(kind)
    }

    /// sqlparse `token.match(T.Keyword, word)`: exactly `Keyword`, compared upper-cased.
    pub(crate) fn is_keyword_word(&self, src: &str, word: &str) -> bool {
        self.is(Kind::Keyword) && self.text(src).to_uppercase() == word
    }
}

impl Info {
    fn is_whitespace(self) -> bool {
        self.ttype.is_some_and(Kind::is_whitespace)
    }

    fn is(self, kind: Kind) -> bool {
        self.ttype == Some(kind)
    }

    fn is_any(self, kinds: &[Kind]) -> bool {
        self.ttype.is_some_and(|k| kinds.contains(&k))
    }

    fn is_keyword(self) -> bool {
        self.ttype.is_some_and(Kind::is_keyword)
    }

    fn text(self, src: &str) -> &str {
        &src[self.start..self.end]
    }

    /// sqlparse `normalized`: upper-cased for keywords.
    fn normalized(self, src: &str) -> String {
        if self.is_keyword() {
            self.text(src).to_uppercase()
        } else {
            self.text(src).to_string()
        }
    }

    /// sqlparse `token.match(ttype, values)` with case-insensitive keyword values.
    fn matches(self, src: &str, kind: Kind, values: &[&str]) -> bool {
        if !self.is(kind) {
            return false;
        }
        if values.is_empty() {
            return true;
        }
        let norm = self.normalized(src);
        if self.is_keyword() {
            values.iter().any(|v| v.to_uppercase() == norm)
        } else {
            values.contains(&norm.as_str())
        }
    }
}

/// sqlparse's `parse()`: split into statements and group each one.
pub(crate) fn parse(src: &str) -> Result<Vec<Node>, TooComplex> {
    let tokens = tokenize(src);
    let mut statements = Vec::new();
    for stmt in split_statements(src, &tokens) {
        let mut node = Node {
            class: Class::Statement,
            ttype: None,
            start: stmt.first().map_or(0, |t| t.start),
            end: stmt.last().map_or(0, |t| t.end),
            children: stmt.iter().copied().map(Node::leaf).collect(),
            aliased: false,
        };
        Grouper { src }.group(&mut node)?;
        statements.push(node);
    }
    Ok(statements)
}

/// sqlparse's `StatementSplitter`.
fn split_statements(src: &str, tokens: &[Token]) -> Vec<Vec<Token>> {
    let mut out = Vec::new();
    let mut splitter = Splitter::default();
    let mut current: Vec<Token> = Vec::new();
    for &tok in tokens {
        let text = &src[tok.start..tok.end];
        if splitter.consume_ws && !matches!(tok.kind, Kind::Whitespace | Kind::CommentSingle) {
            out.push(std::mem::take(&mut current));
            splitter = Splitter::default();
        }
        splitter.level += splitter.change_level(tok.kind, text);
        current.push(tok);
        if tok.kind == Kind::Punctuation && text == ";" {
            splitter.seen_begin = false;
            if splitter.level <= 0 && !splitter.block_stack.contains(&"BEGIN".to_string()) {
                splitter.consume_ws = true;
            }
        } else if tok.kind == Kind::Keyword
            && text.split(super::chars::is_space).find(|w| !w.is_empty()) == Some("GO")
        {
            splitter.consume_ws = true;
        } else if !(matches!(
            tok.kind,
            Kind::Whitespace | Kind::Newline | Kind::CommentSingle | Kind::CommentMultiline
        ) || tok.kind == Kind::Keyword && text.to_uppercase() == "BEGIN")
        {
            splitter.seen_begin = false;
        }
    }
    if !current.is_empty() && !current.iter().all(|t| t.kind.is_whitespace()) {
        out.push(current);
    }
    out
}

#[derive(Default)]
struct Splitter {
    block_stack: Vec<String>,
    unconfirmed_start: Option<&'static str>,
    is_create: bool,
    seen_begin: bool,
    consume_ws: bool,
    level: i64,
}

impl Splitter {
    fn change_level(&mut self, kind: Kind, value: &str) -> i64 {
        if kind == Kind::Punctuation && value == ";" {
            self.unconfirmed_start = None;
            if self.seen_begin {
                self.seen_begin = false;
                if self.block_stack.last().is_some_and(|b| b == "BEGIN") {
                    self.block_stack.pop();
                    return -1;
                }
            }
            return 0;
        }
        if kind == Kind::Punctuation && value == "(" {
            return 1;
        }
        if kind == Kind::Punctuation && value == ")" {
            return -1;
        }
        if !kind.is_keyword() {
            return 0;
        }
        let unified = value.to_uppercase();
        if kind == Kind::KeywordDdl && unified.starts_with("CREATE") {
            self.is_create = true;
            return 0;
        }
        if unified == "DECLARE" && self.is_create && self.block_stack.is_empty() {
            self.block_stack.push("DECLARE".into());
            return 1;
        }
        if unified == "BEGIN" {
            self.seen_begin = true;
            if self.block_stack.last().is_some_and(|b| b == "DECLARE") {
                self.block_stack.pop();
                self.block_stack.push("BEGIN".into());
                return 0;
            }
            self.block_stack.push("BEGIN".into());
            return 1;
        }
        if self.seen_begin
            && kind == Kind::Keyword
            && matches!(
                unified.as_str(),
                "TRANSACTION"
                    | "WORK"
                    | "TRAN"
                    | "DISTRIBUTED"
                    | "DEFERRED"
                    | "IMMEDIATE"
                    | "EXCLUSIVE"
            )
        {
            self.seen_begin = false;
            if self.block_stack.last().is_some_and(|b| b == "BEGIN") {
                self.block_stack.pop();
                return -1;
            }
            return 0;
        }
        if self.block_stack.iter().any(|b| b == "BEGIN")
            && let Some(delta) = self.nested_block(&unified)
        {
            return delta;
        }
        self.closing_keyword(&unified)
    }

    fn nested_block(&mut self, unified: &str) -> Option<i64> {
        match unified {
            "FOR" => {
                self.unconfirmed_start = Some("FOR");
                Some(0)
            }
            "WHILE" => {
                self.unconfirmed_start = Some("WHILE");
                Some(0)
            }
            "LOOP" | "DO" => {
                if let Some(start) = self.unconfirmed_start.take() {
                    self.block_stack.push(start.into());
                    return Some(1);
                }
                if unified == "LOOP" {
                    self.block_stack.push("LOOP".into());
                    return Some(1);
                }
                None
            }
            "IF" | "CASE" => {
                self.block_stack.push(unified.into());
                Some(1)
            }
            _ => None,
        }
    }

    fn closing_keyword(&mut self, unified: &str) -> i64 {
        let top = self.block_stack.last().map(String::as_str);
        let pops = match unified {
            "END IF" => top == Some("IF"),
            "END FOR" => top == Some("FOR"),
            "END WHILE" => top == Some("WHILE"),
            "END LOOP" => matches!(top, Some("LOOP" | "FOR" | "WHILE")),
            "END CASE" => top == Some("CASE"),
            "END" => {
                self.block_stack.pop();
                return -1;
            }
            _ => false,
        };
        if pops {
            self.block_stack.pop();
            -1
        } else {
            0
        }
    }
}

/// A token list being grouped. sqlparse replaces ranges of a Python list in place, which is
/// quadratic on long lists; here the list is split where grouping is happening, so a token
/// moves a constant number of times per pass.
struct Tokens {
    /// The list up to the current working position.
    done: Vec<Node>,
    /// The rest of the list.
    rest: VecDeque<Node>,
}

impl Tokens {
    fn new(list: Vec<Node>) -> Tokens {
        Tokens {
            done: Vec::with_capacity(list.len()),
            rest: list.into(),
        }
    }

    fn take(node: &mut Node) -> Tokens {
        Tokens::new(std::mem::take(&mut node.children))
    }

    fn put_back(self, node: &mut Node) {
        let mut list = self.done;
        list.extend(self.rest);
        node.children = list;
    }

    fn len(&self) -> usize {
        self.done.len() + self.rest.len()
    }

    /// Replaces `self[from..=to]` by a group of `class` (sqlparse `group_tokens`); with `extend`,
    /// a group of that class at `from` absorbs the others instead.
    fn group(&mut self, class: Class, from: usize, to: usize, extend: bool) -> Info {
        if to < from {
            // sqlparse slices `tokens[from:to+1]`, which is empty here (a token already taken
            // into an earlier group is met again): extending moves nothing, and a new group is
            // an empty one inserted at `from`.
            while self.done.len() <= from {
                match self.rest.pop_front() {
                    Some(n) => self.done.push(n),
                    None => break,
                }
            }
            let at = from.min(self.done.len().saturating_sub(1));
            if extend && self.done.get(at).is_some_and(|n| n.class == class) {
                return self.done[at].info();
            }
            let pos = self.done.get(at).map_or(0, |n| n.start);
            let grp = Node {
                class,
                ttype: None,
                start: pos,
                end: pos,
                children: Vec::new(),
                aliased: false,
            };
            let info = grp.info();
            self.done.insert(from.min(self.done.len()), grp);
            return info;
        }
        while self.done.len() <= to {
            match self.rest.pop_front() {
                Some(n) => self.done.push(n),
                None => break,
            }
        }
        if extend && self.done[from].class == class {
            let moved: Vec<Node> = self.done.drain(from + 1..=to).collect();
            let grp = &mut self.done[from];
            if let Some(last) = moved.last() {
                grp.end = last.end;
            }
            grp.children.extend(moved);
            return grp.info();
        }
        let children: Vec<Node> = self.done.drain(from..=to).collect();
        let grp = Node {
            class,
            ttype: None,
            start: children[0].start,
            end: children[children.len() - 1].end,
            children,
            aliased: false,
        };
        let info = grp.info();
        self.done.insert(from, grp);
        info
    }
}

impl std::ops::Index<usize> for Tokens {
    type Output = Node;

    fn index(&self, i: usize) -> &Node {
        match i.checked_sub(self.done.len()) {
            None => &self.done[i],
            Some(j) => &self.rest[j],
        }
    }
}

impl std::ops::IndexMut<usize> for Tokens {
    fn index_mut(&mut self, i: usize) -> &mut Node {
        match i.checked_sub(self.done.len()) {
            None => &mut self.done[i],
            Some(j) => &mut self.rest[j],
        }
    }
}

/// Index of the next token after `idx` that is not whitespace (sqlparse `token_next`).
fn token_next(list: &Tokens, idx: usize) -> Option<usize> {
    (idx + 1..list.len()).find(|&i| !list[i].is_whitespace())
}

/// Index of the previous non-whitespace token before `idx` (sqlparse `token_prev`).
fn token_prev(list: &Tokens, idx: usize) -> Option<usize> {
    (0..idx).rev().find(|&i| !list[i].is_whitespace())
}

/// Picks the range to group from (prev index, match index, next index).
type PostFn<'p> = dyn Fn(&Tokens, usize, usize, Option<usize>) -> (usize, usize) + 'p;

/// Parameters of sqlparse's generic `_group` pass.
struct Pass<'p> {
    class: Class,
    matches: &'p dyn Fn(Info) -> bool,
    valid_prev: &'p dyn Fn(Option<Info>) -> bool,
    valid_next: &'p dyn Fn(Option<Info>) -> bool,
    post: &'p PostFn<'p>,
    extend: bool,
    recurse: bool,
}

struct Grouper<'s> {
    src: &'s str,
}

const T_NUMERICAL_STRING_NAME: &[Kind] = &[
    Kind::Integer,
    Kind::Float,
    Kind::StringSingle,
    Kind::StringSymbol,
    Kind::Name,
    Kind::Placeholder,
];

impl Grouper<'_> {
    fn group(&self, stmt: &mut Node) -> Result<(), TooComplex> {
        self.group_comments(stmt);
        for (class, open, close) in [
            (
                Class::SquareBrackets,
                &[(Kind::Punctuation, "[")][..],
                &[(Kind::Punctuation, "]")][..],
            ),
            (
                Class::Parenthesis,
                &[(Kind::Punctuation, "(")],
                &[(Kind::Punctuation, ")")],
            ),
            (
                Class::Case,
                &[(Kind::Keyword, "CASE")],
                &[(Kind::Keyword, "END")],
            ),
            (
                Class::If,
                &[(Kind::Keyword, "IF")],
                &[(Kind::Keyword, "END IF")],
            ),
            (
                Class::For,
                &[(Kind::Keyword, "FOR"), (Kind::Keyword, "FOREACH")],
                &[(Kind::Keyword, "END LOOP")],
            ),
            (
                Class::Begin,
                &[(Kind::Keyword, "BEGIN")],
                &[(Kind::Keyword, "END")],
            ),
        ] {
            self.group_matching(stmt, class, open, close, 0)?;
        }
        self.group_over(stmt);
        self.group_functions(stmt);
        self.group_where(stmt);
        self.group_period(stmt)?;
        self.group_arrays(stmt)?;
        self.group_identifier(stmt);
        self.group_order(stmt);
        self.group_typecasts(stmt)?;
        self.group_tzcasts(stmt)?;
        self.group_typed_literal(stmt)?;
        self.group_operator(stmt)?;
        self.group_comparison(stmt)?;
        self.group_as(stmt)?;
        self.group_aliased(stmt);
        self.group_assignment(stmt)?;
        self.align_comments(stmt);
        self.group_identifier_list(stmt)?;
        self.group_values(stmt);
        Ok(())
    }

    /// Applies `f` to every sub-group not of the excluded classes, then to `node` (`@recurse`).
    fn recurse(&self, node: &mut Node, exclude: &[Class], f: &dyn Fn(&Self, &mut Node)) {
        for child in node.children.iter_mut() {
            if child.class != Class::Leaf && !exclude.contains(&child.class) {
                self.recurse(child, exclude, f);
            }
        }
        f(self, node);
    }

    fn group_comments(&self, node: &mut Node) {
        self.recurse(node, &[Class::Comment], &|_, n| {
            let mut list = Tokens::take(n);
            let is_comment = |x: &Node| x.ttype.is_some_and(Kind::is_comment);
            let mut from = 0;
            while let Some(tidx) = (from..list.len()).find(|&i| is_comment(&list[i])) {
                let Some(eidx) = (tidx..list.len())
                    .find(|&i| !(is_comment(&list[i]) || list[i].is(Kind::Newline)))
                else {
                    break;
                };
                list.group(Class::Comment, tidx, eidx - 1, false);
                from = tidx + 1;
            }
            list.put_back(n);
        });
    }

    /// sqlparse `_group_matching`: pairs an opening token with its closing token.
    fn group_matching(
        &self,
        node: &mut Node,
        class: Class,
        open: &[(Kind, &str)],
        close: &[(Kind, &str)],
        depth: usize,
    ) -> Result<(), TooComplex> {
        if depth > MAX_DEPTH || node.children.len() > MAX_TOKENS {
            return Err(TooComplex);
        }
        for child in node.children.iter_mut() {
            if child.class != Class::Leaf && child.class != class {
                self.group_matching(child, class, open, close, depth + 1)?;
            }
        }
        let snapshot: Vec<Info> = node.children.iter().map(Node::info).collect();
        let mut list = Tokens::take(node);
        let mut opens: Vec<usize> = Vec::new();
        let mut offset = 0;
        for (idx, info) in snapshot.into_iter().enumerate() {
            let tidx = idx - offset;
            if info.is_whitespace() {
                continue;
            }
            if info.class != Class::Leaf && info.class != class {
                continue;
            }
            let is =
                |pats: &[(Kind, &str)]| pats.iter().any(|&(k, v)| info.matches(self.src, k, &[v]));
            if is(open) {
                opens.push(tidx);
            } else if is(close)
                && let Some(open_idx) = opens.pop()
            {
                list.group(class, open_idx, tidx, false);
                offset += tidx - open_idx;
            }
        }
        list.put_back(node);
        Ok(())
    }

    /// sqlparse's generic `_group`, including its habit of revisiting grouped tokens.
    fn run_pass(&self, node: &mut Node, pass: &Pass, depth: usize) -> Result<(), TooComplex> {
        if depth > MAX_DEPTH || node.children.len() > MAX_TOKENS {
            return Err(TooComplex);
        }
        if pass.recurse {
            for child in node.children.iter_mut() {
                if child.class != Class::Leaf && child.class != pass.class {
                    self.run_pass(child, pass, depth + 1)?;
                }
            }
        }
        let delimiters = node.class.is_delimited().then(|| {
            (
                node.children.first().map(Node::info),
                node.children.last().map(Node::info),
            )
        });
        let is_delimiter = |x: Option<Info>| match (x, delimiters) {
            (Some(x), Some((first, last))) => Some(x) == first || Some(x) == last,
            _ => false,
        };
        let snapshot: Vec<Info> = node.children.iter().map(Node::info).collect();
        let mut list = Tokens::take(node);
        let mut offset: isize = 0;
        let mut prev: Option<(usize, Info)> = None;
        for (idx, info) in snapshot.into_iter().enumerate() {
            let tidx = idx as isize - offset;
            if tidx < 0 || info.is_whitespace() {
                continue;
            }
            let tidx = tidx as usize;
            if (pass.matches)(info) {
                let nidx = token_next(&list, tidx);
                let next = nidx.map(|i| list[i].info());
                if let Some((pidx, prev_info)) = prev
                    && (pass.valid_prev)(Some(prev_info))
                    && (pass.valid_next)(next)
                    && !is_delimiter(Some(prev_info))
                    && !is_delimiter(next)
                {
                    let (from, to) = (pass.post)(&list, pidx, tidx, nidx);
                    if pass.class == Class::Operation {
                        list[tidx].ttype = Some(Kind::Operator);
                    }
                    let grp = list.group(pass.class, from, to, pass.extend);
                    offset += to as isize - from as isize;
                    prev = Some((from, grp));
                    continue;
                }
            }
            prev = Some((tidx, info));
        }
        list.put_back(node);
        Ok(())
    }

    fn group_period(&self, node: &mut Node) -> Result<(), TooComplex> {
        let src = self.src;
        let pass = Pass {
            class: Class::Identifier,
            matches: &|t| {
                t.matches(src, Kind::Punctuation, &["."])
                    || t.matches(src, Kind::Operator, &["->"])
                    || t.matches(src, Kind::Operator, &["->>"])
            },
            valid_prev: &|t| {
                t.is_some_and(|t| {
                    matches!(t.class, Class::SquareBrackets | Class::Identifier)
                        || t.is_any(&[Kind::Name, Kind::StringSymbol])
                })
            },
            valid_next: &|_| true,
            post: &|list, pidx, tidx, nidx| {
                let next_ok = nidx.is_some_and(|n| {
                    let t = list[n].info();
                    matches!(t.class, Class::SquareBrackets | Class::Function)
                        || t.is_any(&[
                            Kind::Name,
                            Kind::StringSymbol,
                            Kind::Wildcard,
                            Kind::StringSingle,
                        ])
                });
                match nidx {
                    Some(n) if next_ok => (pidx, n),
                    _ => (pidx, tidx),
                }
            },
            extend: true,
            recurse: true,
        };
        self.run_pass(node, &pass, 0)
    }

    fn group_arrays(&self, node: &mut Node) -> Result<(), TooComplex> {
        let pass = Pass {
            class: Class::Identifier,
            matches: &|t| t.class == Class::SquareBrackets,
            valid_prev: &|t| {
                t.is_some_and(|t| {
                    matches!(
                        t.class,
                        Class::SquareBrackets | Class::Identifier | Class::Function
                    ) || t.is_any(&[Kind::Name, Kind::StringSymbol])
                })
            },
            valid_next: &|_| true,
            post: &|_, pidx, tidx, _| (pidx, tidx),
            extend: true,
            recurse: false,
        };
        self.run_pass(node, &pass, 0)
    }

    fn group_identifier(&self, node: &mut Node) {
        self.recurse(node, &[Class::Identifier], &|_, n| {
            for child in n.children.iter_mut() {
                if child.info().is_any(&[Kind::StringSymbol, Kind::Name]) {
                    let leaf = std::mem::replace(
                        child,
                        Node::leaf(Token {
                            kind: Kind::Error,
                            start: 0,
                            end: 0,
                        }),
                    );
                    *child = Node {
                        class: Class::Identifier,
                        ttype: None,
                        start: leaf.start,
                        end: leaf.end,
                        children: vec![leaf],
                        aliased: false,
                    };
                }
            }
        });
    }

    fn group_order(&self, node: &mut Node) {
        self.recurse(node, &[Class::Identifier], &|_, n| {
            let mut list = Tokens::take(n);
            let mut from = 0;
            while let Some(tidx) = (from..list.len()).find(|&i| list[i].is(Kind::KeywordOrder)) {
                let mut tidx = tidx;
                if let Some(pidx) = token_prev(&list, tidx) {
                    let p = &list[pidx];
                    if p.class == Class::Identifier || p.ttype.is_some_and(Kind::is_number) {
                        list.group(Class::Identifier, pidx, tidx, false);
                        tidx = pidx;
                    }
                }
                from = tidx + 1;
            }
            list.put_back(n);
        });
    }

    fn group_typecasts(&self, node: &mut Node) -> Result<(), TooComplex> {
        let src = self.src;
        let pass = Pass {
            class: Class::Identifier,
            matches: &|t| t.matches(src, Kind::Punctuation, &["::"]),
            valid_prev: &|t| t.is_some(),
            valid_next: &|t| t.is_some(),
            post: &|_, pidx, _, nidx| (pidx, nidx.unwrap_or(pidx)),
            extend: true,
            recurse: true,
        };
        self.run_pass(node, &pass, 0)
    }

    fn group_tzcasts(&self, node: &mut Node) -> Result<(), TooComplex> {
        let src = self.src;
        let pass = Pass {
            class: Class::Identifier,
            matches: &|t| t.is(Kind::KeywordTzCast),
            valid_prev: &|t| t.is_some(),
            valid_next: &|t| {
                t.is_some_and(|t| {
                    t.is_whitespace()
                        || t.matches(src, Kind::Keyword, &["AS"])
                        || t.is(Kind::StringSingle)
                })
            },
            post: &|_, pidx, _, nidx| (pidx, nidx.unwrap_or(pidx)),
            extend: true,
            recurse: true,
        };
        self.run_pass(node, &pass, 0)
    }

    fn group_typed_literal(&self, node: &mut Node) -> Result<(), TooComplex> {
        let src = self.src;
        let open = Pass {
            class: Class::TypedLiteral,
            matches: &|t| t.is(Kind::NameBuiltin) || t.matches(src, Kind::Keyword, &["TIMESTAMP"]),
            valid_prev: &|t| t.is_some(),
            valid_next: &|t| t.is_some_and(|t| t.is(Kind::StringSingle)),
            post: &|_, _, tidx, nidx| (tidx, nidx.unwrap_or(tidx)),
            extend: false,
            recurse: true,
        };
        self.run_pass(node, &open, 0)?;
        let extend = Pass {
            class: Class::TypedLiteral,
            matches: &|t| t.class == Class::TypedLiteral,
            valid_prev: &|t| t.is_some(),
            valid_next: &|t| {
                t.is_some_and(|t| {
                    t.matches(
                        src,
                        Kind::Keyword,
                        &["DAY", "HOUR", "MINUTE", "MONTH", "SECOND", "YEAR"],
                    )
                })
            },
            post: &|_, _, tidx, nidx| (tidx, nidx.unwrap_or(tidx)),
            extend: true,
            recurse: true,
        };
        self.run_pass(node, &extend, 0)
    }

    fn group_operator(&self, node: &mut Node) -> Result<(), TooComplex> {
        let src = self.src;
        let valid = |t: Option<Info>| {
            t.is_some_and(|t| {
                matches!(
                    t.class,
                    Class::SquareBrackets
                        | Class::Parenthesis
                        | Class::Function
                        | Class::Identifier
                        | Class::Operation
                        | Class::TypedLiteral
                ) || t.is_any(T_NUMERICAL_STRING_NAME)
                    || t.matches(
                        src,
                        Kind::Keyword,
                        &["CURRENT_DATE", "CURRENT_TIME", "CURRENT_TIMESTAMP"],
                    )
            })
        };
        let pass = Pass {
            class: Class::Operation,
            matches: &|t| t.is_any(&[Kind::Operator, Kind::Wildcard]),
            valid_prev: &valid,
            valid_next: &valid,
            post: &|_, pidx, _, nidx| (pidx, nidx.unwrap_or(pidx)),
            extend: false,
            recurse: true,
        };
        self.run_pass(node, &pass, 0)
    }

    fn group_comparison(&self, node: &mut Node) -> Result<(), TooComplex> {
        let src = self.src;
        let valid = |t: Option<Info>| {
            t.is_some_and(|t| {
                matches!(
                    t.class,
                    Class::Parenthesis
                        | Class::Function
                        | Class::Identifier
                        | Class::Operation
                        | Class::TypedLiteral
                ) || t.is_any(T_NUMERICAL_STRING_NAME)
                    || (t.is_keyword() && t.normalized(src) == "NULL")
            })
        };
        let pass = Pass {
            class: Class::Comparison,
            matches: &|t| t.is(Kind::Comparison),
            valid_prev: &valid,
            valid_next: &valid,
            post: &|_, pidx, _, nidx| (pidx, nidx.unwrap_or(pidx)),
            extend: false,
            recurse: true,
        };
        self.run_pass(node, &pass, 0)
    }

    fn group_as(&self, node: &mut Node) -> Result<(), TooComplex> {
        let src = self.src;
        let pass = Pass {
            class: Class::Identifier,
            matches: &|t| t.is_keyword() && t.normalized(src) == "AS",
            valid_prev: &|t| t.is_some_and(|t| t.normalized(src) == "NULL" || !t.is_keyword()),
            valid_next: &|t| {
                t.is_some_and(|t| {
                    !t.is_any(&[Kind::KeywordDml, Kind::KeywordDdl, Kind::KeywordCte])
                })
            },
            post: &|_, pidx, _, nidx| (pidx, nidx.unwrap_or(pidx)),
            extend: true,
            recurse: true,
        };
        self.run_pass(node, &pass, 0)
    }

    fn group_aliased(&self, node: &mut Node) {
        self.recurse(node, &[], &|_, n| {
            let mut list = Tokens::take(n);
            let is_alias_base = |x: &Node| {
                matches!(
                    x.class,
                    Class::Parenthesis
                        | Class::Function
                        | Class::Case
                        | Class::Identifier
                        | Class::Operation
                        | Class::Comparison
                ) || x.ttype.is_some_and(Kind::is_number)
            };
            let mut from = 0;
            while let Some(tidx) = (from..list.len()).find(|&i| is_alias_base(&list[i])) {
                if let Some(nidx) = token_next(&list, tidx)
                    && list[nidx].class == Class::Identifier
                {
                    list.group(Class::Identifier, tidx, nidx, true);
                    list[tidx].aliased = true;
                }
                from = tidx + 1;
            }
            list.put_back(n);
        });
    }

    fn group_assignment(&self, node: &mut Node) -> Result<(), TooComplex> {
        let src = self.src;
        let valid = |t: Option<Info>| t.is_some_and(|t| !t.is(Kind::Keyword));
        let pass = Pass {
            class: Class::Assignment,
            matches: &|t| t.matches(src, Kind::Assignment, &[":="]),
            valid_prev: &valid,
            valid_next: &valid,
            post: &|list, pidx, _, nidx| {
                let nidx = nidx.unwrap_or(pidx);
                let semicolon = (nidx + 1..list.len())
                    .find(|&i| list[i].info().matches(src, Kind::Punctuation, &[";"]));
                (pidx, semicolon.unwrap_or(nidx))
            },
            extend: true,
            recurse: true,
        };
        self.run_pass(node, &pass, 0)
    }

    fn align_comments(&self, node: &mut Node) {
        self.recurse(node, &[], &|_, n| {
            let mut list = Tokens::take(n);
            let mut from = 0;
            while let Some(tidx) = (from..list.len()).find(|&i| list[i].class == Class::Comment) {
                let mut tidx = tidx;
                if let Some(pidx) = token_prev(&list, tidx)
                    && list[pidx].class != Class::Leaf
                {
                    // `extend=True` with `TokenList` extends whatever group precedes.
                    let class = list[pidx].class;
                    list.group(class, pidx, tidx, true);
                    tidx = pidx;
                }
                from = tidx + 1;
            }
            list.put_back(n);
        });
    }

    fn group_identifier_list(&self, node: &mut Node) -> Result<(), TooComplex> {
        let src = self.src;
        let valid = |t: Option<Info>| {
            t.is_some_and(|t| {
                matches!(
                    t.class,
                    Class::Function
                        | Class::Case
                        | Class::Identifier
                        | Class::Comparison
                        | Class::IdentifierList
                        | Class::Operation
                ) || t.matches(src, Kind::Keyword, &["null", "role"])
                    || t.is_any(T_NUMERICAL_STRING_NAME)
                    || t.is_any(&[Kind::Keyword, Kind::Wildcard])
            })
        };
        let pass = Pass {
            class: Class::IdentifierList,
            matches: &|t| t.matches(src, Kind::Punctuation, &[","]),
            valid_prev: &valid,
            valid_next: &valid,
            post: &|_, pidx, _, nidx| (pidx, nidx.unwrap_or(pidx)),
            extend: true,
            recurse: true,
        };
        self.run_pass(node, &pass, 0)
    }

    fn group_over(&self, node: &mut Node) {
        let src = self.src;
        self.recurse(node, &[Class::Over], &|_, n| {
            let mut list = Tokens::take(n);
            let mut from = 0;
            while let Some(tidx) =
                (from..list.len()).find(|&i| list[i].info().matches(src, Kind::Keyword, &["OVER"]))
            {
                if let Some(nidx) = token_next(&list, tidx) {
                    let t = &list[nidx];
                    if t.class == Class::Parenthesis || t.ttype.is_some_and(is_name_type) {
                        list.group(Class::Over, tidx, nidx, false);
                    }
                }
                from = tidx + 1;
            }
            list.put_back(n);
        });
    }

    fn group_functions(&self, node: &mut Node) {
        let src = self.src;
        self.recurse(node, &[Class::Function], &|_, n| {
            let has = |w: &str| n.children.iter().any(|t| t.text(src).to_uppercase() == w);
            if has("CREATE") && has("TABLE") && !has("AS") {
                return;
            }
            let mut list = Tokens::take(n);
            let mut from = 0;
            while let Some(tidx) =
                (from..list.len()).find(|&i| list[i].ttype.is_some_and(is_name_type))
            {
                if let Some(nidx) = token_next(&list, tidx)
                    && list[nidx].class == Class::Parenthesis
                {
                    let eidx = match token_next(&list, nidx) {
                        Some(o) if list[o].class == Class::Over => o,
                        _ => nidx,
                    };
                    list.group(Class::Function, tidx, eidx, false);
                }
                from = tidx + 1;
            }
            list.put_back(n);
        });
    }

    fn group_where(&self, node: &mut Node) {
        let src = self.src;
        self.recurse(node, &[Class::Where], &|_, n| {
            let delimited = n.class == Class::Parenthesis || n.class == Class::SquareBrackets;
            let mut list = Tokens::take(n);
            let is_open = |x: &Node| x.info().matches(src, Kind::Keyword, &["WHERE"]);
            let is_close = |x: &Node| {
                x.info().matches(
                    src,
                    Kind::Keyword,
                    &[
                        "ORDER BY",
                        "GROUP BY",
                        "LIMIT",
                        "UNION",
                        "UNION ALL",
                        "EXCEPT",
                        "INTERSECT",
                        "HAVING",
                        "RETURNING",
                        "INTO",
                    ],
                )
            };
            let mut from = 0;
            while let Some(tidx) = (from..list.len()).find(|&i| is_open(&list[i])) {
                let eidx = match (tidx + 1..list.len()).find(|&i| is_close(&list[i])) {
                    Some(close) => close - 1,
                    None if delimited => list.len().saturating_sub(2),
                    None => list.len() - 1,
                };
                list.group(Class::Where, tidx, eidx.max(tidx), false);
                from = tidx + 1;
            }
            list.put_back(n);
        });
    }

    fn group_values(&self, node: &mut Node) {
        let Some(start) = node
            .children
            .iter()
            .position(|x| x.info().matches(self.src, Kind::Keyword, &["VALUES"]))
        else {
            return;
        };
        let mut list = Tokens::take(node);
        let mut end = None;
        let mut idx = Some(start);
        while let Some(i) = idx {
            if list[i].class == Class::Parenthesis {
                end = Some(i);
            }
            idx = token_next(&list, i);
        }
        if let Some(end) = end {
            list.group(Class::Values, start, end, true);
        }
        list.put_back(node);
    }
}

/// `ttype in T.Name`: names, placeholders and builtins.
fn is_name_type(k: Kind) -> bool {
    matches!(k, Kind::Name | Kind::Placeholder | Kind::NameBuiltin)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn top(src: &str) -> Vec<(Class, String)> {
        let stmts = parse(src).unwrap();
        assert_eq!(stmts.len(), 1, "{src:?}");
        stmts[0]
            .children
            .iter()
            .filter(|n| !n.is_whitespace())
            .map(|n| (n.class, n.text(src).to_string()))
            .collect()
    }

    #[test]
    fn comparisons_are_grouped() {
        assert_eq!(
            top("metrics.acc > 0.5 AND params.x = 'a'"),
            vec![
                (Class::Comparison, "metrics.acc > 0.5".into()),
                (Class::Leaf, "AND".into()),
                (Class::Comparison, "params.x = 'a'".into()),
            ]
        );
    }

    #[test]
    fn identifier_before_in_is_merged_into_preceding_comparison() {
        let t = top("params.o = 'adam' run_id IN ('a')");
        assert_eq!(t[0], (Class::Identifier, "params.o = 'adam' run_id".into()));
        assert_eq!(t[2].0, Class::Parenthesis);
    }

    #[test]
    fn chained_comparison_nests_to_the_left() {
        let stmts = parse("a > 0.5 > 0.1").unwrap();
        let c = &stmts[0].children[0];
        assert_eq!(c.class, Class::Comparison);
        assert_eq!(c.children[0].class, Class::Comparison);
    }

    #[test]
    fn statements_split_at_semicolon() {
        assert_eq!(parse("a = 'x'; b = 'y'").unwrap().len(), 2);
        assert_eq!(parse("a = 'x';  ").unwrap().len(), 1);
        assert_eq!(parse("a = 'x';\n").unwrap().len(), 1);
        assert_eq!(parse(" \n ").unwrap().len(), 0);
        assert_eq!(parse("(a;b)").unwrap().len(), 1);
    }

    #[test]
    fn too_many_tokens_is_an_error() {
        let long = "metrics.acc > 0 AND ".repeat(1200);
        assert_eq!(parse(&long).err(), Some(TooComplex));
    }

    #[test]
    fn deep_nesting_is_an_error() {
        let deep = format!("{}{}", "(".repeat(101), ")".repeat(101));
        assert_eq!(parse(&deep).err(), Some(TooComplex));
        let ok = format!("{}{}", "(".repeat(100), ")".repeat(100));
        assert!(parse(&ok).is_ok());
    }
}
