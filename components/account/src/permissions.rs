//! Who may do what in the account component.

use palabre_domain::Role;
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
    env.ctx.require_signed_in()
}

/// Two-factor sign-in is for staff.
pub fn staff(env: &Env) -> Result<i64> {
    env.ctx.require(Role::Moderator)
}

/// Instance-wide security settings are for administrators.
pub fn admin(env: &Env) -> Result<i64> {
    env.ctx.require(Role::Admin)
}
