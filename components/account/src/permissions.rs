//! Who may do what in the account component.

use palabre_kit::app::Env;
use palabre_kit::{Error, Result};

use crate::store;

/// `/setup` exists only while the instance has no administrator.
pub async fn setup_open(env: &Env) -> Result<()> {
    if store::has_admin(&env.conn).await? {
        Err(Error::NotFound)
    } else {
        Ok(())
    }
}

/// Pages of one's own account need a session.
pub fn signed_in(env: &Env) -> Result<i64> {
    env.ctx.visitor.user_id.ok_or(Error::Forbidden)
}
