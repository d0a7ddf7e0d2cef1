//! Which lifecycle stages a search covers: ACTIVE_ONLY=1 (default), DELETED_ONLY=2, ALL=3.
//! Parsed from MLflow's names (any case) or numbers.

use std::fmt;
use std::str::FromStr;

use super::error::SearchError;

/// MLflow's `ViewType`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ViewType {
    #[default]
    ActiveOnly,
    DeletedOnly,
    All,
}

impl ViewType {
    /// MLflow's number for the view type.
    pub fn number(self) -> i64 {
        match self {
            ViewType::ActiveOnly => 1,
            ViewType::DeletedOnly => 2,
            ViewType::All => 3,
        }
    }

    /// From MLflow's number; anything else is `Invalid view type '<n>'`.
    pub fn from_number(n: i64) -> Result<ViewType, SearchError> {
        match n {
            1 => Ok(ViewType::ActiveOnly),
            2 => Ok(ViewType::DeletedOnly),
            3 => Ok(ViewType::All),
            other => Err(SearchError::new(format!("Invalid view type '{other}'"))),
        }
    }

    pub fn includes_active(self) -> bool {
        matches!(self, ViewType::ActiveOnly | ViewType::All)
    }

    pub fn includes_deleted(self) -> bool {
        matches!(self, ViewType::DeletedOnly | ViewType::All)
    }
}

impl FromStr for ViewType {
    type Err = SearchError;

    /// `active_only`, `deleted_only`, `all` in any case, or `1`, `2`, `3`.
    fn from_str(s: &str) -> Result<ViewType, SearchError> {
        match s.to_ascii_lowercase().as_str() {
            "active_only" | "1" => Ok(ViewType::ActiveOnly),
            "deleted_only" | "2" => Ok(ViewType::DeletedOnly),
            "all" | "3" => Ok(ViewType::All),
            _ => Err(SearchError::new(format!("Invalid view type '{s}'"))),
        }
    }
}

impl fmt::Display for ViewType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            ViewType::ActiveOnly => "ACTIVE_ONLY",
            ViewType::DeletedOnly => "DELETED_ONLY",
            ViewType::All => "ALL",
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn view_type_parses_names_in_any_case_and_numbers() {
        assert_eq!("ACTIVE_ONLY".parse(), Ok(ViewType::ActiveOnly));
        assert_eq!("Deleted_Only".parse(), Ok(ViewType::DeletedOnly));
        assert_eq!("all".parse(), Ok(ViewType::All));
        assert_eq!("3".parse(), Ok(ViewType::All));
        assert_eq!(ViewType::from_number(2), Ok(ViewType::DeletedOnly));
        assert_eq!(
            "4".parse::<ViewType>().unwrap_err().message,
            "Invalid view type '4'"
        );
        assert_eq!(
            ViewType::from_number(4).unwrap_err().message,
            "Invalid view type '4'"
        );
    }
}
