//! The typed form of a parsed filter: a list of clauses that are all ANDed together.
//! Comparators are kept as written (upper-cased) because MLflow checks them only at evaluation.

use std::fmt;

/// What a key refers to (MLflow's "entity type" of an identifier).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum KeyType {
    Metric,
    Param,
    Tag,
    Attribute,
    Dataset,
}

impl KeyType {
    /// MLflow's canonical name, as used in its messages.
    pub fn name(self) -> &'static str {
        match self {
            KeyType::Metric => "metric",
            KeyType::Param => "parameter",
            KeyType::Tag => "tag",
            KeyType::Attribute => "attribute",
            KeyType::Dataset => "dataset",
        }
    }
}

/// A resolved key: its type and its name with quotes and backticks removed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Key {
    pub key_type: KeyType,
    pub name: String,
}

/// A comparison operator. `Other` keeps an operator no key type accepts (`==`, `RLIKE`,
/// `NOT LIKE`, ...): MLflow only rejects it when an entity reaches the clause.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Comparator {
    Eq,
    NotEq,
    Lt,
    LtEq,
    Gt,
    GtEq,
    Like,
    ILike,
    In,
    NotIn,
    IsNull,
    IsNotNull,
    Other(String),
}

impl Comparator {
    /// From the upper-cased operator text.
    pub(crate) fn from_upper(text: &str) -> Comparator {
        match text {
            "=" => Comparator::Eq,
            "!=" => Comparator::NotEq,
            "<" => Comparator::Lt,
            "<=" => Comparator::LtEq,
            ">" => Comparator::Gt,
            ">=" => Comparator::GtEq,
            "LIKE" => Comparator::Like,
            "ILIKE" => Comparator::ILike,
            "IN" => Comparator::In,
            "NOT IN" => Comparator::NotIn,
            "IS NULL" => Comparator::IsNull,
            "IS NOT NULL" => Comparator::IsNotNull,
            other => Comparator::Other(other.to_string()),
        }
    }

    pub fn as_str(&self) -> &str {
        match self {
            Comparator::Eq => "=",
            Comparator::NotEq => "!=",
            Comparator::Lt => "<",
            Comparator::LtEq => "<=",
            Comparator::Gt => ">",
            Comparator::GtEq => ">=",
            Comparator::Like => "LIKE",
            Comparator::ILike => "ILIKE",
            Comparator::In => "IN",
            Comparator::NotIn => "NOT IN",
            Comparator::IsNull => "IS NULL",
            Comparator::IsNotNull => "IS NOT NULL",
            Comparator::Other(s) => s,
        }
    }
}

impl fmt::Display for Comparator {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The right-hand side of a clause.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// IS NULL / IS NOT NULL have no value.
    None,
    /// A quoted string, quotes removed, never unescaped.
    Str(String),
    /// A parenthesised list of strings (Python literal syntax).
    List(Vec<String>),
    /// An Integer token (Python `int`, saturated far outside `i128`).
    Int(i128),
    /// A Float token, or any number compared with a metric (Python `float`).
    Float(f64),
}

/// One comparison of the filter.
#[derive(Debug, Clone, PartialEq)]
pub struct Clause {
    pub key: Key,
    pub comparator: Comparator,
    pub value: Value,
}
