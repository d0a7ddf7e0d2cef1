//! The model registry in MLflow's SQL schema (`registered_models`, `model_versions`,
//! `registered_model_tags`, `model_version_tags`, `registered_model_aliases`), written as
//! MLflow 3.17.2's `SqlAlchemyModelRegistryStore` writes it: rows in the `default` workspace,
//! deleted versions kept as `Deleted_Internal` rows with their source redacted (so numbers are
//! never reused), child rows renamed with their model. Every write is one transaction.

use std::collections::BTreeMap;

use rusqlite::{Connection, OptionalExtension, params};

use super::{SqlStore, now_ms};
use crate::backend::{LoggedModelRef, RegistryStore, TrackingStore, model_uri};
use crate::entities::registry::{ModelVersion, RegisteredModel, Stage, tags};
use crate::error::{Error, Result};
use crate::search::{SearchPage, SearchQuery};
use crate::store::FileStore;
use crate::store::registry::{NewVersion, latest_per_stage, model_exists_error};
use crate::store::uri;
use crate::validate;

/// The workspace MLflow's single-tenant registry reads and writes.
pub(super) const WS: &str = "default";

const VERSION_COLUMNS: &str = "name, version, creation_time, last_updated_time, description, user_id, current_stage, source, run_id, status, status_message, run_link, storage_location";

fn model_not_found(name: &str) -> Error {
    Error::not_found(format!("Registered Model with name={name} not found"))
}

fn version_not_found(name: &str, version: i64) -> Error {
    Error::not_found(format!(
        "Model Version (name={name}, version={version}) not found"
    ))
}

fn version_row(r: &rusqlite::Row) -> rusqlite::Result<ModelVersion> {
    let stage: Option<String> = r.get(6)?;
    Ok(ModelVersion {
        name: r.get(0)?,
        version: r.get(1)?,
        creation_timestamp: r.get(2)?,
        last_updated_timestamp: r.get(3)?,
        description: r.get(4)?,
        user_id: r.get(5)?,
        current_stage: Stage::from_stored(stage.as_deref()).unwrap_or(Stage::None),
        source: r.get(7)?,
        run_id: r.get(8)?,
        status: r.get::<_, Option<String>>(9)?.unwrap_or_default(),
        status_message: r.get(10)?,
        run_link: r.get(11)?,
        storage_location: r.get(12)?,
        // MLflow's SQL schema has no column for it.
        model_id: None,
        tags: BTreeMap::new(),
        aliases: Vec::new(),
    })
}

impl SqlStore {
    // ---- reading ----

    /// Whether a registered model row exists (and, if so, whether it is a prompt).
    pub(super) fn model_is_prompt(&self, conn: &Connection, name: &str) -> Result<Option<bool>> {
        let exists: Option<String> = conn
            .query_row(
                "SELECT name FROM registered_models WHERE workspace = ?1 AND name = ?2",
                params![WS, name],
                |r| r.get(0),
            )
            .optional()
            .map_err(|e| self.err(e))?;
        if exists.is_none() {
            return Ok(None);
        }
        let prompt: Option<String> = conn
            .query_row(
                "SELECT value FROM registered_model_tags WHERE workspace = ?1 AND name = ?2 AND key = ?3",
                params![WS, name, tags::IS_PROMPT],
                |r| r.get(0),
            )
            .optional()
            .map_err(|e| self.err(e))?;
        Ok(Some(prompt.is_some_and(|v| v.eq_ignore_ascii_case("true"))))
    }

    fn check_model_exists(&self, conn: &Connection, name: &str) -> Result<()> {
        validate::validate_model_name_mlflow(name)?;
        match self.model_is_prompt(conn, name)? {
            Some(_) => Ok(()),
            None => Err(model_not_found(name)),
        }
    }

    /// Model versions (tags and aliases filled), of one model or all, live ones only unless
    /// `deleted`; ordered by name, then version.
    pub(super) fn read_versions(
        &self,
        conn: &Connection,
        name: Option<&str>,
        version: Option<i64>,
        deleted: bool,
    ) -> Result<Vec<ModelVersion>> {
        let sql = format!(
            "SELECT {VERSION_COLUMNS} FROM model_versions WHERE workspace = ?1 AND (?4 OR current_stage IS NOT 'Deleted_Internal') AND (?2 IS NULL OR name = ?2) AND (?3 IS NULL OR version = ?3) ORDER BY name, version"
        );
        let mut st = conn.prepare_cached(&sql).map_err(|e| self.err(e))?;
        let rows = st
            .query_map(params![WS, name, version, deleted], version_row)
            .map_err(|e| self.err(e))?;
        let mut versions = Vec::new();
        for row in rows {
            versions.push(row.map_err(|e| self.err(e))?);
        }
        if versions.is_empty() {
            return Ok(versions);
        }
        let tag_rows = self.triples(
            conn,
            "SELECT name, version, key, value FROM model_version_tags WHERE workspace = ?1 AND (?2 IS NULL OR name = ?2) ORDER BY key",
            name,
        )?;
        let alias_rows = self.triples(
            conn,
            "SELECT name, version, alias, '' FROM registered_model_aliases WHERE workspace = ?1 AND (?2 IS NULL OR name = ?2) ORDER BY alias",
            name,
        )?;
        let mut index: BTreeMap<(String, i64), usize> = BTreeMap::new();
        for (i, mv) in versions.iter().enumerate() {
            index.insert((mv.name.clone(), mv.version), i);
        }
        for (n, v, key, value) in tag_rows {
            if let Some(&i) = index.get(&(n, v)) {
                versions[i].tags.insert(key, value);
            }
        }
        for (n, v, alias, _) in alias_rows {
            if let Some(&i) = index.get(&(n, v)) {
                versions[i].aliases.push(alias);
            }
        }
        Ok(versions)
    }

    /// Rows of (model name, version, text, text) for the model `name` or every model.
    fn triples(
        &self,
        conn: &Connection,
        sql: &str,
        name: Option<&str>,
    ) -> Result<Vec<(String, i64, String, String)>> {
        let mut st = conn.prepare_cached(sql).map_err(|e| self.err(e))?;
        let rows = st
            .query_map(params![WS, name], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, i64>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, Option<String>>(3)?.unwrap_or_default(),
                ))
            })
            .map_err(|e| self.err(e))?;
        rows.collect::<rusqlite::Result<Vec<_>>>()
            .map_err(|e| self.err(e))
    }

    /// Registered models (tags, aliases, latest versions filled), one or all, by name.
    pub(super) fn read_models(
        &self,
        conn: &Connection,
        name: Option<&str>,
    ) -> Result<Vec<RegisteredModel>> {
        let mut st = conn
            .prepare_cached(
                "SELECT name, description, creation_time, last_updated_time FROM registered_models WHERE workspace = ?1 AND (?2 IS NULL OR name = ?2) ORDER BY name",
            )
            .map_err(|e| self.err(e))?;
        let rows = st
            .query_map(params![WS, name], |r| {
                Ok(RegisteredModel {
                    name: r.get(0)?,
                    description: r.get(1)?,
                    creation_timestamp: r.get(2)?,
                    last_updated_timestamp: r.get(3)?,
                    tags: BTreeMap::new(),
                    aliases: BTreeMap::new(),
                    latest_versions: Vec::new(),
                })
            })
            .map_err(|e| self.err(e))?;
        let mut models = rows
            .collect::<rusqlite::Result<Vec<_>>>()
            .map_err(|e| self.err(e))?;
        if models.is_empty() {
            return Ok(models);
        }
        let index: BTreeMap<String, usize> = models
            .iter()
            .enumerate()
            .map(|(i, m)| (m.name.clone(), i))
            .collect();
        let mut st = conn
            .prepare_cached(
                "SELECT name, key, value FROM registered_model_tags WHERE workspace = ?1 AND (?2 IS NULL OR name = ?2)",
            )
            .map_err(|e| self.err(e))?;
        let rows = st
            .query_map(params![WS, name], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, Option<String>>(2)?.unwrap_or_default(),
                ))
            })
            .map_err(|e| self.err(e))?;
        for row in rows {
            let (n, k, v) = row.map_err(|e| self.err(e))?;
            if let Some(&i) = index.get(&n) {
                models[i].tags.insert(k, v);
            }
        }
        for (n, v, alias, _) in self.triples(
            conn,
            "SELECT name, version, alias, '' FROM registered_model_aliases WHERE workspace = ?1 AND (?2 IS NULL OR name = ?2)",
            name,
        )? {
            if let Some(&i) = index.get(&n) {
                models[i].aliases.insert(alias, v.to_string());
            }
        }
        let mut by_model: BTreeMap<String, Vec<ModelVersion>> = BTreeMap::new();
        for mv in self.read_versions(conn, name, None, false)? {
            by_model.entry(mv.name.clone()).or_default().push(mv);
        }
        for (n, versions) in by_model {
            if let Some(&i) = index.get(&n) {
                models[i].latest_versions = latest_per_stage(versions.into_iter(), &Stage::ALL);
            }
        }
        Ok(models)
    }

    pub(super) fn read_model(&self, conn: &Connection, name: &str) -> Result<RegisteredModel> {
        validate::validate_model_name_mlflow(name)?;
        self.read_models(conn, Some(name))?
            .pop()
            .ok_or_else(|| model_not_found(name))
    }

    /// A live version (tags and aliases filled), MLflow's `_get_sql_model_version`.
    pub(super) fn read_version(
        &self,
        conn: &Connection,
        name: &str,
        version: &str,
    ) -> Result<ModelVersion> {
        validate::validate_model_name_mlflow(name)?;
        let v = validate::validate_model_version(version)?;
        self.read_versions(conn, Some(name), Some(v), false)?
            .pop()
            .ok_or_else(|| version_not_found(name, v))
    }

    fn touch_model(&self, tx: &Connection, name: &str, now: i64) -> Result<()> {
        tx.execute(
            "UPDATE registered_models SET last_updated_time = ?3 WHERE workspace = ?1 AND name = ?2",
            params![WS, name, now],
        )
        .map_err(|e| self.err(e))?;
        Ok(())
    }

    // ---- registered models ----

    pub fn create_registered_model(
        &self,
        name: &str,
        description: Option<&str>,
        model_tags: &[(String, String)],
    ) -> Result<RegisteredModel> {
        validate::validate_model_name_mlflow(name)?;
        for (k, v) in model_tags {
            validate::validate_registry_tag(k, v)?;
        }
        self.write(|tx| {
            self.insert_model(tx, name, description, model_tags)?;
            self.read_model(tx, name)
        })
    }

    fn insert_model(
        &self,
        tx: &Connection,
        name: &str,
        description: Option<&str>,
        model_tags: &[(String, String)],
    ) -> Result<()> {
        if let Some(is_prompt) = self.model_is_prompt(tx, name)? {
            return Err(model_exists_error(name, is_prompt, model_tags));
        }
        let now = now_ms();
        self.insert_model_row(tx, name, description, Some(now), Some(now), model_tags)
    }

    pub fn get_registered_model(&self, name: &str) -> Result<RegisteredModel> {
        let conn = self.conn();
        self.read_model(&conn, name)
    }

    /// Every registered model but prompts, by name.
    pub fn list_registered_models(&self) -> Result<Vec<RegisteredModel>> {
        let conn = self.conn();
        Ok(self
            .read_models(&conn, None)?
            .into_iter()
            .filter(|m| m.tags.get(tags::IS_PROMPT).map(String::as_str) != Some("true"))
            .collect())
    }

    /// MLflow renames the model row and every version row (their `last_updated_time` too);
    /// the tag, alias and version-tag rows follow (MLflow relies on `ON UPDATE CASCADE`).
    pub fn rename_registered_model(&self, name: &str, new_name: &str) -> Result<RegisteredModel> {
        if new_name.trim().is_empty() {
            return Err(Error::invalid(
                "Missing value for required parameter 'new_name'.",
            ));
        }
        validate::validate_model_name_mlflow(new_name)?;
        self.write(|tx| {
            self.check_model_exists(tx, name)?;
            if new_name != name && self.model_is_prompt(tx, new_name)?.is_some() {
                return Err(Error::AlreadyExists(format!(
                    "Registered Model (name={new_name}) already exists."
                )));
            }
            let now = now_ms();
            for sql in [
                "UPDATE registered_models SET name = ?3, last_updated_time = ?4 WHERE workspace = ?1 AND name = ?2",
                "UPDATE model_versions SET name = ?3, last_updated_time = ?4 WHERE workspace = ?1 AND name = ?2",
            ] {
                tx.execute(sql, params![WS, name, new_name, now])
                    .map_err(|e| self.err(e))?;
            }
            for table in [
                "registered_model_tags",
                "model_version_tags",
                "registered_model_aliases",
            ] {
                tx.execute(
                    &format!("UPDATE {table} SET name = ?3 WHERE workspace = ?1 AND name = ?2"),
                    params![WS, name, new_name],
                )
                .map_err(|e| self.err(e))?;
            }
            self.read_model(tx, new_name)
        })
    }

    pub fn update_registered_model(
        &self,
        name: &str,
        description: Option<&str>,
    ) -> Result<RegisteredModel> {
        self.write(|tx| {
            self.check_model_exists(tx, name)?;
            tx.execute(
                "UPDATE registered_models SET description = ?3, last_updated_time = ?4 WHERE workspace = ?1 AND name = ?2",
                params![WS, name, description, now_ms()],
            )
            .map_err(|e| self.err(e))?;
            self.read_model(tx, name)
        })
    }

    /// A hard delete of the model, its versions (deleted ones too), their tags and aliases.
    pub fn delete_registered_model(&self, name: &str) -> Result<()> {
        self.write(|tx| {
            self.check_model_exists(tx, name)?;
            for table in [
                "model_version_tags",
                "registered_model_aliases",
                "model_versions",
                "registered_model_tags",
                "registered_models",
            ] {
                tx.execute(
                    &format!("DELETE FROM {table} WHERE workspace = ?1 AND name = ?2"),
                    params![WS, name],
                )
                .map_err(|e| self.err(e))?;
            }
            Ok(())
        })
    }

    pub fn set_registered_model_tag(&self, name: &str, key: &str, value: &str) -> Result<()> {
        validate::validate_model_name_mlflow(name)?;
        validate::validate_registry_tag(key, value)?;
        self.write(|tx| {
            self.check_model_exists(tx, name)?;
            tx.execute(
                "INSERT OR REPLACE INTO registered_model_tags (key, value, name, workspace) VALUES (?1, ?2, ?3, ?4)",
                params![key, value, name, WS],
            )
            .map_err(|e| self.err(e))?;
            Ok(())
        })
    }

    /// A missing tag is not an error.
    pub fn delete_registered_model_tag(&self, name: &str, key: &str) -> Result<()> {
        validate::validate_model_name_mlflow(name)?;
        validate::validate_tag_name(key, "key")?;
        self.write(|tx| {
            self.check_model_exists(tx, name)?;
            tx.execute(
                "DELETE FROM registered_model_tags WHERE workspace = ?1 AND name = ?2 AND key = ?3",
                params![WS, name, key],
            )
            .map_err(|e| self.err(e))?;
            Ok(())
        })
    }

    // ---- model versions ----

    /// MLflow's `create_model_version` (number = max over every version row, deleted ones
    /// included, + 1); with `create_model`, the registered model is created when missing.
    pub fn create_model_version(
        &self,
        name: &str,
        new: &NewVersion,
        create_model: bool,
    ) -> Result<ModelVersion> {
        validate::validate_model_name_mlflow(name)?;
        for (k, v) in &new.tags {
            validate::validate_registry_tag(k, v)?;
        }
        self.write(|tx| {
            if self.model_is_prompt(tx, name)?.is_none() {
                if !create_model {
                    return Err(model_not_found(name));
                }
                self.insert_model(tx, name, None, &[])?;
            }
            let now = now_ms();
            self.touch_model(tx, name, now)?;
            let max: Option<i64> = tx
                .query_row(
                    "SELECT max(version) FROM model_versions WHERE workspace = ?1 AND name = ?2",
                    params![WS, name],
                    |r| r.get(0),
                )
                .map_err(|e| self.err(e))?;
            let version = max.unwrap_or(0) + 1;
            tx.execute(
                "INSERT INTO model_versions (name, version, creation_time, last_updated_time, description, user_id, current_stage, source, run_id, status, status_message, run_link, storage_location, workspace) VALUES (?1, ?2, ?3, ?3, ?4, NULL, 'None', ?5, ?6, 'READY', NULL, NULL, ?7, ?8)",
                params![
                    name,
                    version,
                    now,
                    new.description,
                    new.source,
                    new.run_id,
                    new.storage_location,
                    WS
                ],
            )
            .map_err(|e| self.err(e))?;
            let deduped: BTreeMap<&str, &str> = new
                .tags
                .iter()
                .map(|(k, v)| (k.as_str(), v.as_str()))
                .collect();
            for (k, v) in deduped {
                tx.execute(
                    "INSERT INTO model_version_tags (key, value, name, version, workspace) VALUES (?1, ?2, ?3, ?4, ?5)",
                    params![k, v, name, version, WS],
                )
                .map_err(|e| self.err(e))?;
            }
            let mut mv = self.read_version(tx, name, &version.to_string())?;
            // Not stored by MLflow's schema, but known to the caller of this command.
            mv.model_id = new.model_id.clone();
            Ok(mv)
        })
    }

    pub fn list_model_versions(&self, name: &str) -> Result<Vec<ModelVersion>> {
        let conn = self.conn();
        self.check_model_exists(&conn, name)?;
        self.read_versions(&conn, Some(name), None, false)
    }

    pub fn get_model_version(&self, name: &str, version: &str) -> Result<ModelVersion> {
        let conn = self.conn();
        self.read_version(&conn, name, version)
    }

    /// MLflow's `update_model_version`: the description (the model's time is not touched).
    pub fn update_model_version(
        &self,
        name: &str,
        version: &str,
        description: Option<&str>,
    ) -> Result<ModelVersion> {
        self.write(|tx| {
            let mv = self.read_version(tx, name, version)?;
            tx.execute(
                "UPDATE model_versions SET description = ?4, last_updated_time = ?5 WHERE workspace = ?1 AND name = ?2 AND version = ?3",
                params![WS, name, mv.version, description, now_ms()],
            )
            .map_err(|e| self.err(e))?;
            self.read_version(tx, name, version)
        })
    }

    /// MLflow's soft delete: the row stays as `Deleted_Internal` with its source, run and link
    /// redacted; its aliases go, its tags stay.
    pub fn delete_model_version(&self, name: &str, version: &str) -> Result<()> {
        let v = validate::validate_model_version(version)?;
        self.write(|tx| {
            self.read_version(tx, name, version)?;
            let now = now_ms();
            self.touch_model(tx, name, now)?;
            tx.execute(
                "DELETE FROM registered_model_aliases WHERE workspace = ?1 AND name = ?2 AND version = ?3",
                params![WS, name, v],
            )
            .map_err(|e| self.err(e))?;
            tx.execute(
                "UPDATE model_versions SET current_stage = 'Deleted_Internal', last_updated_time = ?4, description = NULL, user_id = NULL, source = 'REDACTED-SOURCE-PATH', run_id = 'REDACTED-RUN-ID', run_link = 'REDACTED-RUN-LINK', status_message = NULL WHERE workspace = ?1 AND name = ?2 AND version = ?3",
                params![WS, name, v, now],
            )
            .map_err(|e| self.err(e))?;
            Ok(())
        })
    }

    pub fn set_model_version_tag(
        &self,
        name: &str,
        version: &str,
        key: &str,
        value: &str,
    ) -> Result<()> {
        validate::validate_model_name_mlflow(name)?;
        let v = validate::validate_model_version(version)?;
        validate::validate_registry_tag(key, value)?;
        self.write(|tx| {
            self.read_version(tx, name, version)?;
            tx.execute(
                "INSERT OR REPLACE INTO model_version_tags (key, value, name, version, workspace) VALUES (?1, ?2, ?3, ?4, ?5)",
                params![key, value, name, v, WS],
            )
            .map_err(|e| self.err(e))?;
            Ok(())
        })
    }

    /// A missing tag is not an error.
    pub fn delete_model_version_tag(&self, name: &str, version: &str, key: &str) -> Result<()> {
        validate::validate_model_name_mlflow(name)?;
        let v = validate::validate_model_version(version)?;
        validate::validate_tag_name(key, "key")?;
        self.write(|tx| {
            self.read_version(tx, name, version)?;
            tx.execute(
                "DELETE FROM model_version_tags WHERE workspace = ?1 AND name = ?2 AND version = ?3 AND key = ?4",
                params![WS, name, v, key],
            )
            .map_err(|e| self.err(e))?;
            Ok(())
        })
    }

    /// MLflow's `transition_model_version_stage`; the model's time is bumped too.
    pub fn transition_model_version_stage(
        &self,
        name: &str,
        version: &str,
        stage: &str,
        archive_existing_versions: bool,
    ) -> Result<ModelVersion> {
        let canonical = Stage::parse_transition(stage, archive_existing_versions)?;
        self.write(|tx| {
            let mv = self.read_version(tx, name, version)?;
            let now = now_ms();
            if archive_existing_versions {
                tx.execute(
                    "UPDATE model_versions SET current_stage = 'Archived', last_updated_time = ?5 WHERE workspace = ?1 AND name = ?2 AND version != ?3 AND current_stage = ?4",
                    params![WS, name, mv.version, canonical.as_str(), now],
                )
                .map_err(|e| self.err(e))?;
            }
            tx.execute(
                "UPDATE model_versions SET current_stage = ?4, last_updated_time = ?5 WHERE workspace = ?1 AND name = ?2 AND version = ?3",
                params![WS, name, mv.version, canonical.as_str(), now],
            )
            .map_err(|e| self.err(e))?;
            self.touch_model(tx, name, now)?;
            self.read_version(tx, name, version)
        })
    }

    /// MLflow's `get_latest_versions`, listed in the fixed order None, Staging, Production,
    /// Archived.
    pub fn get_latest_versions(&self, name: &str, stages: &[String]) -> Result<Vec<ModelVersion>> {
        let wanted = Stage::requested(stages)?;
        let conn = self.conn();
        self.check_model_exists(&conn, name)?;
        let versions = self.read_versions(&conn, Some(name), None, false)?;
        Ok(latest_per_stage(versions.into_iter(), &wanted))
    }

    // ---- aliases ----

    pub fn set_registered_model_alias(&self, name: &str, alias: &str, version: &str) -> Result<()> {
        validate::validate_model_name_mlflow(name)?;
        validate::validate_alias_name(alias)?;
        validate::validate_alias_name_not_reserved(alias)?;
        let v = validate::validate_model_version(version)?;
        self.write(|tx| {
            self.read_version(tx, name, version)?;
            tx.execute(
                "INSERT OR REPLACE INTO registered_model_aliases (alias, version, name, workspace) VALUES (?1, ?2, ?3, ?4)",
                params![alias, v, name, WS],
            )
            .map_err(|e| self.err(e))?;
            Ok(())
        })
    }

    /// A missing alias is not an error.
    pub fn delete_registered_model_alias(&self, name: &str, alias: &str) -> Result<()> {
        validate::validate_model_name_mlflow(name)?;
        validate::validate_alias_name(alias)?;
        self.write(|tx| {
            self.check_model_exists(tx, name)?;
            tx.execute(
                "DELETE FROM registered_model_aliases WHERE workspace = ?1 AND name = ?2 AND alias = ?3",
                params![WS, name, alias],
            )
            .map_err(|e| self.err(e))?;
            Ok(())
        })
    }

    /// MLflow's `get_model_version_by_alias`; `latest` (any case) is the highest live version.
    pub fn get_model_version_by_alias(&self, name: &str, alias: &str) -> Result<ModelVersion> {
        validate::validate_model_name_mlflow(name)?;
        validate::validate_alias_name(alias)?;
        let conn = self.conn();
        self.check_model_exists(&conn, name)?;
        if alias.to_lowercase() == "latest" {
            return self
                .read_versions(&conn, Some(name), None, false)?
                .into_iter()
                .max_by_key(|v| v.version)
                .ok_or_else(|| {
                    Error::not_found(format!("Latest version not found for model {name}."))
                });
        }
        let version: Option<i64> = conn
            .query_row(
                "SELECT version FROM registered_model_aliases WHERE workspace = ?1 AND name = ?2 AND alias = ?3",
                params![WS, name, alias],
                |r| r.get(0),
            )
            .optional()
            .map_err(|e| self.err(e))?;
        match version {
            Some(v) => self.read_version(&conn, name, &v.to_string()),
            None => Err(Error::not_found(format!(
                "Registered model alias {alias} not found."
            ))),
        }
    }

    // ---- search ----

    /// MLflow's SqlAlchemyModelRegistryStore `search_registered_models` (registry_search.rs).
    pub fn search_registered_models(&self, q: &SearchQuery) -> Result<SearchPage<RegisteredModel>> {
        self.sql_search_registered_models(q)
    }

    /// MLflow's SqlAlchemyModelRegistryStore `search_model_versions` (registry_search.rs).
    pub fn search_model_versions(&self, q: &SearchQuery) -> Result<SearchPage<ModelVersion>> {
        self.sql_search_model_versions(q)
    }

    // ---- logged models (MLflow 3), as the registry needs them ----

    fn logged_model_from_row(
        &self,
        model_id: String,
        source_run_id: Option<String>,
        artifact_location: String,
    ) -> Result<LoggedModelRef> {
        let artifacts = uri::local_artifact_path(&artifact_location).ok_or_else(|| {
            Error::Failed(format!(
                "artifact location '{artifact_location}' of logged model {model_id} is not on the local file system; mlrs reads local artifacts only"
            ))
        })?;
        Ok(LoggedModelRef {
            model_id,
            source_run_id,
            storage_location: artifact_location,
            artifacts,
        })
    }

    pub fn find_logged_model(&self, model_id: &str) -> Result<Option<LoggedModelRef>> {
        let row: Option<(String, Option<String>, String)> = self
            .conn()
            .query_row(
                "SELECT model_id, source_run_id, artifact_location FROM logged_models WHERE model_id = ?1 AND lifecycle_stage IS NOT 'deleted'",
                [model_id],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()
            .map_err(|e| self.err(e))?;
        row.map(|(id, run, loc)| self.logged_model_from_row(id, run, loc))
            .transpose()
    }

    /// With several logged models of that name, the one output at the highest step, then the
    /// newest (as MLflow's `register_model` picks).
    pub fn logged_model_of_run(&self, run_id: &str, name: &str) -> Result<Option<LoggedModelRef>> {
        let row: Option<(String, Option<String>, String)> = self
            .conn()
            .query_row(
                "SELECT m.model_id, m.source_run_id, m.artifact_location FROM logged_models m LEFT JOIN inputs i ON i.source_type = 'RUN_OUTPUT' AND i.source_id = m.source_run_id AND i.destination_type = 'MODEL_OUTPUT' AND i.destination_id = m.model_id WHERE m.source_run_id = ?1 AND m.name = ?2 AND m.lifecycle_stage IS NOT 'deleted' ORDER BY coalesce(i.step, -9223372036854775808) DESC, m.creation_timestamp_ms DESC, m.model_id DESC LIMIT 1",
                params![run_id, name],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()
            .map_err(|e| self.err(e))?;
        row.map(|(id, run, loc)| self.logged_model_from_row(id, run, loc))
            .transpose()
    }

    /// Appends `{"name", "version"}` to the `mlflow.modelVersions` tag of a logged model.
    pub fn record_model_version_on_logged_model(
        &self,
        model_id: &str,
        name: &str,
        version: i64,
    ) -> Result<()> {
        self.write(|tx| {
            let experiment_id: Option<i64> = tx
                .query_row(
                    "SELECT experiment_id FROM logged_models WHERE model_id = ?1",
                    [model_id],
                    |r| r.get(0),
                )
                .optional()
                .map_err(|e| self.err(e))?;
            let Some(experiment_id) = experiment_id else {
                return Err(Error::not_found(format!("Model '{model_id}' not found")));
            };
            let existing: Option<String> = tx
                .query_row(
                    "SELECT tag_value FROM logged_model_tags WHERE model_id = ?1 AND tag_key = ?2",
                    params![model_id, tags::MODEL_VERSIONS],
                    |r| r.get(0),
                )
                .optional()
                .map_err(|e| self.err(e))?;
            let mut items: Vec<serde_json::Value> = existing
                .and_then(|t| serde_json::from_str(&t).ok())
                .unwrap_or_default();
            items.push(serde_json::json!({ "name": name, "version": version }));
            let text = crate::store::registry::python_json_dumps(&serde_json::Value::Array(items));
            tx.execute(
                "INSERT OR REPLACE INTO logged_model_tags (model_id, experiment_id, tag_key, tag_value) VALUES (?1, ?2, ?3, ?4)",
                params![model_id, experiment_id, tags::MODEL_VERSIONS, text],
            )
            .map_err(|e| self.err(e))?;
            Ok(())
        })
    }
}

impl RegistryStore for SqlStore {
    fn as_file_store(&self) -> Option<&FileStore> {
        None
    }

    fn as_sql_store(&self) -> Option<&SqlStore> {
        Some(self)
    }

    fn create_registered_model(
        &self,
        name: &str,
        description: Option<&str>,
        tags: &[(String, String)],
    ) -> Result<RegisteredModel> {
        SqlStore::create_registered_model(self, name, description, tags)
    }

    fn get_registered_model(&self, name: &str) -> Result<RegisteredModel> {
        SqlStore::get_registered_model(self, name)
    }

    fn list_registered_models(&self) -> Result<Vec<RegisteredModel>> {
        SqlStore::list_registered_models(self)
    }

    fn rename_registered_model(&self, name: &str, new_name: &str) -> Result<RegisteredModel> {
        SqlStore::rename_registered_model(self, name, new_name)
    }

    fn update_registered_model(
        &self,
        name: &str,
        description: Option<&str>,
    ) -> Result<RegisteredModel> {
        SqlStore::update_registered_model(self, name, description)
    }

    fn delete_registered_model(&self, name: &str) -> Result<()> {
        SqlStore::delete_registered_model(self, name)
    }

    fn set_registered_model_tag(&self, name: &str, key: &str, value: &str) -> Result<()> {
        SqlStore::set_registered_model_tag(self, name, key, value)
    }

    fn delete_registered_model_tag(&self, name: &str, key: &str) -> Result<()> {
        SqlStore::delete_registered_model_tag(self, name, key)
    }

    fn search_registered_models(&self, query: &SearchQuery) -> Result<SearchPage<RegisteredModel>> {
        SqlStore::search_registered_models(self, query)
    }

    fn check_registration_source(
        &self,
        tracking: &dyn TrackingStore,
        model_uri: &str,
    ) -> Result<()> {
        model_uri::registration_source(self, tracking, model_uri).map(drop)
    }

    fn register_model(
        &self,
        tracking: &dyn TrackingStore,
        model_uri: &str,
        name: &str,
        tags: &[(String, String)],
        description: Option<&str>,
    ) -> Result<ModelVersion> {
        validate::validate_model_name_mlflow(name)?;
        for (k, v) in tags {
            validate::validate_registry_tag(k, v)?;
        }
        let (mut new, logged_model) = model_uri::registration_source(self, tracking, model_uri)?;
        new.tags = tags.to_vec();
        new.description = description.map(str::to_string);
        let mv = self.create_model_version(name, &new, true)?;
        if let Some(lm) = logged_model
            && let Err(e) =
                tracking.record_model_version_on_logged_model(&lm.model_id, &mv.name, mv.version)
        {
            self.warn(&format!(
                "version {} of '{}' was created, but the logged model {} could not be tagged: {e}",
                mv.version, mv.name, lm.model_id
            ));
        }
        Ok(mv)
    }

    fn list_model_versions(&self, name: &str) -> Result<Vec<ModelVersion>> {
        SqlStore::list_model_versions(self, name)
    }

    fn get_model_version(&self, name: &str, version: &str) -> Result<ModelVersion> {
        SqlStore::get_model_version(self, name, version)
    }

    fn get_model_version_by_alias(&self, name: &str, alias: &str) -> Result<ModelVersion> {
        SqlStore::get_model_version_by_alias(self, name, alias)
    }

    fn update_model_version(
        &self,
        name: &str,
        version: &str,
        description: Option<&str>,
    ) -> Result<ModelVersion> {
        SqlStore::update_model_version(self, name, version, description)
    }

    fn delete_model_version(&self, name: &str, version: &str) -> Result<()> {
        SqlStore::delete_model_version(self, name, version)
    }

    fn set_model_version_tag(
        &self,
        name: &str,
        version: &str,
        key: &str,
        value: &str,
    ) -> Result<()> {
        SqlStore::set_model_version_tag(self, name, version, key, value)
    }

    fn delete_model_version_tag(&self, name: &str, version: &str, key: &str) -> Result<()> {
        SqlStore::delete_model_version_tag(self, name, version, key)
    }

    fn transition_model_version_stage(
        &self,
        name: &str,
        version: &str,
        stage: &str,
        archive_existing_versions: bool,
    ) -> Result<ModelVersion> {
        SqlStore::transition_model_version_stage(
            self,
            name,
            version,
            stage,
            archive_existing_versions,
        )
    }

    fn get_latest_versions(&self, name: &str, stages: &[String]) -> Result<Vec<ModelVersion>> {
        SqlStore::get_latest_versions(self, name, stages)
    }

    fn search_model_versions(&self, query: &SearchQuery) -> Result<SearchPage<ModelVersion>> {
        SqlStore::search_model_versions(self, query)
    }

    fn whole_registry(&self) -> Result<Vec<(RegisteredModel, Vec<ModelVersion>)>> {
        let conn = self.conn();
        let mut versions: BTreeMap<String, Vec<ModelVersion>> = BTreeMap::new();
        for v in self.read_versions(&conn, None, None, true)? {
            versions.entry(v.name.clone()).or_default().push(v);
        }
        Ok(self
            .read_models(&conn, None)?
            .into_iter()
            .map(|m| {
                let vs = versions.remove(&m.name).unwrap_or_default();
                (m, vs)
            })
            .collect())
    }

    fn set_registered_model_alias(&self, name: &str, alias: &str, version: &str) -> Result<()> {
        SqlStore::set_registered_model_alias(self, name, alias, version)
    }

    fn delete_registered_model_alias(&self, name: &str, alias: &str) -> Result<()> {
        SqlStore::delete_registered_model_alias(self, name, alias)
    }

    fn resolve_model_uri(
        &self,
        tracking: &dyn TrackingStore,
        model_uri: &str,
    ) -> Result<std::path::PathBuf> {
        model_uri::resolve_model_uri(self, tracking, model_uri)
    }
}
