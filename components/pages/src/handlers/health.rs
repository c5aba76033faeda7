//! `/health`: 200 with the schema version when the database answers.

use palabre_kit::{Response, Result, respond};
use serde_json::json;

use crate::{Env, store};

pub async fn show(env: &Env) -> Result<Response> {
    let version = store::schema_version(&env.conn).await?;
    Ok(respond::cached(
        respond::json(
            http::StatusCode::OK,
            &json!({ "status": "ok", "schema_version": version }),
        ),
        respond::Cache::NoCache,
    ))
}
