//! Verified residents, as a capability of the platform: the level each tool
//! of a process requires (staff choose it), each resident's verifications
//! (method, when, by whom; revocable, the revoked ones kept), and where a
//! person stands against a requirement. Features ask here before a binding
//! write (a ballot, a proposal); the page that verifies is the back-office's
//! (the town-hall desk, on a person's page), or the resident's own (FranceConnect
//! and a declared address; the census list, imported by staff and kept as
//! keyed hashes; a letter's code, printed by staff and typed back).

use palabre_domain::process::Tool;
use palabre_domain::verification::{self, Level, Method, Requirement, Standing};
use palabre_kit::db::{self, Connection, DbResult, Value};
use palabre_kit::feature::{Figure, Manifest};
use palabre_kit::privacy::{Erase, Source};

pub const MANIFEST: Manifest = Manifest {
    name: "identity",
    tables: &[
        "resident_verifications",
        "process_tool_levels",
        "census_imports",
        "census_entries",
        "letter_requests",
        "desk_accounts",
    ],
    privacy: PRIVACY,
    participation: None,
    figures: &[Figure {
        key: "verified_residents",
        total: "SELECT count(*) FROM resident_verifications WHERE revoked_at IS NULL",
        per_day: Some(
            "SELECT date(created_at, 'unixepoch') FROM resident_verifications \
             WHERE created_at >= ?1 AND revoked_at IS NULL",
        ),
    }],
    moderation: &[],
    commented: None,
    open_data: &[],
    search: None,
    tallies: &[],
    exports: None,
};

/// Its tables about a person, in erasure order.
const PRIVACY: &[Source] = &[
    Source {
        table: "resident_verifications",
        user_column: "user_id",
        export: &["method", "district_id", "created_at", "revoked_at"],
        erase: Erase::Delete,
    },
    Source {
        table: "resident_verifications",
        user_column: "verified_by",
        export: &["user_id", "method", "created_at"],
        // Who verified whom stays in the audit log; the row loses the name.
        erase: Erase::Sql(
            "UPDATE resident_verifications SET verified_by = NULL WHERE verified_by = ?1",
        ),
    },
    Source {
        // The row of the census list that verified them (a hash, no name).
        table: "census_entries",
        user_column: "used_by",
        export: &["district_id", "used_at"],
        // The row stays used (it verified someone once), without the name.
        erase: Erase::Sql("UPDATE census_entries SET used_by = NULL WHERE used_by = ?1"),
    },
    Source {
        table: "census_imports",
        user_column: "imported_by",
        export: &["rows", "refused", "imported_at"],
        erase: Erase::Sql("UPDATE census_imports SET imported_by = NULL WHERE imported_by = ?1"),
    },
    Source {
        // A letter asked for: its address until the code is typed back (or
        // the request cancelled, replaced or expired), then only its dates.
        table: "letter_requests",
        user_column: "user_id",
        export: &[
            "recipient",
            "address",
            "postal_code",
            "town",
            "district_id",
            "requested_at",
            "printed_at",
            "expires_at",
            "outcome",
        ],
        erase: Erase::Delete,
    },
    Source {
        // An account made at the town-hall desk: when, and when claimed.
        table: "desk_accounts",
        user_column: "user_id",
        export: &["registered_at", "code_expires_at", "claimed_at"],
        erase: Erase::Delete,
    },
    Source {
        table: "desk_accounts",
        user_column: "registered_by",
        export: &["user_id", "registered_at"],
        erase: Erase::Sql("UPDATE desk_accounts SET registered_by = NULL WHERE registered_by = ?1"),
    },
    Source {
        table: "letter_requests",
        user_column: "printed_by",
        export: &["printed_at"],
        erase: Erase::Sql("UPDATE letter_requests SET printed_by = NULL WHERE printed_by = ?1"),
    },
    Source {
        table: "resident_verifications",
        user_column: "revoked_by",
        export: &["user_id", "method", "revoked_at"],
        erase: Erase::Sql(
            "UPDATE resident_verifications SET revoked_by = NULL WHERE revoked_by = ?1",
        ),
    },
];

/// What [`requirement`] gives when staff chose nothing: a ballot counts, so
/// the vote asks a confirmed email. The other tools keep their own rule
/// instead ([`require`] checks nothing for them; a questionnaire may take
/// anonymous answers).
pub fn default_level(tool: Tool) -> Level {
    match tool {
        Tool::Budget => Level::Confirmed,
        Tool::Discussion | Tool::Questionnaire | Tool::Proposal => Level::SignedIn,
    }
}

/// What staff chose for `tool` of process `process_id`, if anything.
pub async fn chosen(
    conn: &Connection,
    process_id: i64,
    tool: Tool,
) -> DbResult<Option<Requirement>> {
    let row = db::query_one(
        conn,
        "SELECT level, district_id FROM process_tool_levels WHERE process_id = ? AND tool = ?",
        vec![Value::Integer(process_id), Value::text(tool.as_str())],
    )
    .await?;
    Ok(row.and_then(|r| {
        Some(Requirement {
            level: db::text(&r, 0).parse().ok()?,
            district: db::opt_int(&r, 1),
        })
    }))
}

/// What `tool` of process `process_id` requires: staff's choice, else the
/// tool's default.
pub async fn requirement(conn: &Connection, process_id: i64, tool: Tool) -> DbResult<Requirement> {
    Ok(chosen(conn, process_id, tool)
        .await?
        .unwrap_or(Requirement::of(default_level(tool))))
}

/// Before a write of `tool` in process `process_id` (a proposal published,
/// a support, an answer): the visitor meets what staff chose, or a 403
/// page that says what they lack and how to get it. Without a choice, the
/// tool's own rule applies.
pub async fn require(
    conn: &Connection,
    ctx: &palabre_kit::Ctx,
    process_id: i64,
    tool: Tool,
) -> palabre_kit::Result<()> {
    let Some(need) = chosen(conn, process_id, tool).await? else {
        return Ok(());
    };
    let standing = standing(conn, ctx.visitor.user_id).await?;
    verification::meets(standing, need).map_err(|missing| palabre_kit::Error::Closed {
        title: "verification-required-title",
        message: palabre_kit::i18n::t(ctx.locale, missing.message_id()),
    })
}

/// Before a write in a comment thread (`kit::thread`, whose routes `rest`
/// are): a new comment or reply anywhere in the process asks what staff
/// chose for its discussions ("comment" is the discussion tool's level);
/// reactions, reports and one's own edits do not.
pub async fn require_to_comment(
    conn: &Connection,
    ctx: &palabre_kit::Ctx,
    process_id: Option<i64>,
    rest: &[&str],
) -> palabre_kit::Result<()> {
    match process_id {
        Some(process_id) if ctx.method == http::Method::POST && rest == ["comments"] => {
            require(conn, ctx, process_id, Tool::Discussion).await
        }
        _ => Ok(()),
    }
}

/// What staff chose for each tool of a process (for its settings form).
pub async fn choices(
    conn: &Connection,
    process_id: i64,
) -> DbResult<Vec<(Tool, Option<Requirement>)>> {
    let mut out = Vec::new();
    for tool in Tool::ALL {
        out.push((tool, chosen(conn, process_id, tool).await?));
    }
    Ok(out)
}

/// Sets what `tool` requires; `None`: the tool's own rule again.
pub async fn set_requirement(
    conn: &Connection,
    process_id: i64,
    tool: Tool,
    need: Option<Requirement>,
    now: i64,
) -> DbResult<()> {
    let Some(need) = need else {
        return db::exec(
            conn,
            "DELETE FROM process_tool_levels WHERE process_id = ? AND tool = ?",
            vec![Value::Integer(process_id), Value::text(tool.as_str())],
        )
        .await;
    };
    db::exec(
        conn,
        "INSERT INTO process_tool_levels (process_id, tool, level, district_id, updated_at) \
         VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (process_id, tool) DO UPDATE SET \
         level = ?3, district_id = ?4, updated_at = ?5",
        vec![
            Value::Integer(process_id),
            Value::text(tool.as_str()),
            Value::text(need.level.as_str()),
            need.district.map_or(Value::Null, Value::Integer),
            Value::Integer(now),
        ],
    )
    .await
}

/// A current verification.
#[derive(Debug, Clone, PartialEq)]
pub struct Verification {
    pub method: Method,
    pub district: Option<(i64, String)>,
    /// The staff member who verified (their name), if any.
    pub by: Option<String>,
    pub at: i64,
}

/// The person's current verification, if any.
pub async fn current(conn: &Connection, user_id: i64) -> DbResult<Option<Verification>> {
    let row = db::query_one(
        conn,
        "SELECT v.method, d.id, d.name, s.display_name, v.created_at FROM resident_verifications v \
         LEFT JOIN districts d ON d.id = v.district_id LEFT JOIN users s ON s.id = v.verified_by \
         WHERE v.user_id = ? AND v.revoked_at IS NULL",
        vec![Value::Integer(user_id)],
    )
    .await?;
    Ok(row.and_then(|r| {
        Some(Verification {
            method: db::text(&r, 0).parse().ok()?,
            district: db::opt_int(&r, 1).map(|id| (id, db::text(&r, 2))),
            by: db::opt_text(&r, 3),
            at: db::int(&r, 4),
        })
    }))
}

/// Where the person stands: signed in (or not), email confirmed, verified.
pub async fn standing(conn: &Connection, user_id: Option<i64>) -> DbResult<Standing> {
    let Some(id) = user_id else {
        return Ok(Standing::default());
    };
    let row = db::query_one(
        conn,
        "SELECT u.email_confirmed_at IS NOT NULL, \
         EXISTS (SELECT 1 FROM resident_verifications v WHERE v.user_id = u.id AND v.revoked_at IS NULL), \
         (SELECT v.district_id FROM resident_verifications v WHERE v.user_id = u.id AND v.revoked_at IS NULL) \
         FROM users u WHERE u.id = ? AND u.deleted_at IS NULL",
        vec![Value::Integer(id)],
    )
    .await?;
    Ok(match row {
        Some(r) => Standing {
            signed_in: true,
            confirmed: db::int(&r, 0) == 1,
            verified: (db::int(&r, 1) == 1).then(|| db::opt_int(&r, 2)),
        },
        None => Standing::default(),
    })
}

/// Verifies `user_id` by `method` (in `district`, by staff `by`): a current
/// verification is revoked first, by the same person, so that one stays
/// current, and a letter still asked for is cancelled (its address
/// forgotten). In the caller's transaction.
pub async fn verify(
    conn: &Connection,
    user_id: i64,
    method: Method,
    district: Option<i64>,
    by: Option<i64>,
    now: i64,
) -> DbResult<()> {
    revoke(conn, user_id, by, now).await?;
    cancel_letter(conn, user_id, now).await?;
    db::exec(
        conn,
        "INSERT INTO resident_verifications (user_id, method, district_id, verified_by, created_at) \
         VALUES (?, ?, ?, ?, ?)",
        vec![
            Value::Integer(user_id),
            Value::text(method.as_str()),
            district.map_or(Value::Null, Value::Integer),
            by.map_or(Value::Null, Value::Integer),
            Value::Integer(now),
        ],
    )
    .await
}

/// Revokes the person's current verification, if any.
pub async fn revoke(conn: &Connection, user_id: i64, by: Option<i64>, now: i64) -> DbResult<()> {
    db::exec(
        conn,
        "UPDATE resident_verifications SET revoked_at = ?, revoked_by = ? \
         WHERE user_id = ? AND revoked_at IS NULL",
        vec![
            Value::Integer(now),
            by.map_or(Value::Null, Value::Integer),
            Value::Integer(user_id),
        ],
    )
    .await
}

/// The person's verifications, newest first: (method, district, verified
/// at, revoked at).
pub async fn history(
    conn: &Connection,
    user_id: i64,
) -> DbResult<Vec<(Method, Option<String>, i64, Option<i64>)>> {
    Ok(db::query(
        conn,
        "SELECT v.method, d.name, v.created_at, v.revoked_at FROM resident_verifications v \
         LEFT JOIN districts d ON d.id = v.district_id WHERE v.user_id = ? ORDER BY v.id DESC LIMIT 20",
        vec![Value::Integer(user_id)],
    )
    .await?
    .iter()
    .filter_map(|r| {
        Some((
            db::text(r, 0).parse().ok()?,
            db::opt_text(r, 1),
            db::int(r, 2),
            db::opt_int(r, 3),
        ))
    })
    .collect())
}

/// Replaces the census list's rows not used yet by `rows` (hash, district),
/// in the caller's transaction; gives how many rows the list now offers.
pub async fn import_census(
    conn: &Connection,
    rows: &[(String, Option<i64>)],
    refused: usize,
    by: Option<i64>,
    now: i64,
) -> DbResult<i64> {
    db::exec(
        conn,
        "DELETE FROM census_entries WHERE used_at IS NULL",
        Vec::new(),
    )
    .await?;
    let row = db::query_one(
        conn,
        "INSERT INTO census_imports (rows, refused, imported_by, imported_at) \
         VALUES (?, ?, ?, ?) RETURNING id",
        vec![
            Value::Integer(rows.len() as i64),
            Value::Integer(refused as i64),
            by.map_or(Value::Null, Value::Integer),
            Value::Integer(now),
        ],
    )
    .await?;
    let import_id = row.map_or(0, |r| db::int(&r, 0));
    for (hash, district) in rows {
        db::exec(
            conn,
            "INSERT OR IGNORE INTO census_entries (hash, district_id, import_id) VALUES (?, ?, ?)",
            vec![
                Value::text(hash.as_str()),
                district.map_or(Value::Null, Value::Integer),
                Value::Integer(import_id),
            ],
        )
        .await?;
    }
    census_open(conn).await
}

/// The rows of the census list not used yet.
pub async fn census_open(conn: &Connection) -> DbResult<i64> {
    let row = db::query_one(
        conn,
        "SELECT count(*) FROM census_entries WHERE used_at IS NULL",
        Vec::new(),
    )
    .await?;
    Ok(row.map_or(0, |r| db::int(&r, 0)))
}

/// The last import: (rows, refused, when).
pub async fn last_census_import(conn: &Connection) -> DbResult<Option<(i64, i64, i64)>> {
    let row = db::query_one(
        conn,
        "SELECT rows, refused, imported_at FROM census_imports ORDER BY id DESC LIMIT 1",
        Vec::new(),
    )
    .await?;
    Ok(row.map(|r| (db::int(&r, 0), db::int(&r, 1), db::int(&r, 2))))
}

/// A resident's declaration meets a row not used yet: the row becomes
/// theirs, and its district is given (`None` when nothing matched; `Some(None)`
/// for a row without a district).
pub async fn claim_census(
    conn: &Connection,
    hash: &str,
    user_id: i64,
    now: i64,
) -> DbResult<Option<Option<i64>>> {
    let row = db::query_one(
        conn,
        "UPDATE census_entries SET used_by = ?, used_at = ? \
         WHERE hash = ? AND used_at IS NULL RETURNING district_id",
        vec![
            Value::Integer(user_id),
            Value::Integer(now),
            Value::text(hash),
        ],
    )
    .await?;
    Ok(row.map(|r| db::opt_int(&r, 0)))
}

/// How long a printed letter's code can be typed back.
pub const LETTER_DAYS: i64 = 60;

/// What a resident asks a letter for: where to send it, and in which
/// district they live.
pub struct LetterAddress {
    pub recipient: String,
    pub address: String,
    pub postal_code: String,
    pub town: String,
    pub district: Option<i64>,
}

/// A person's open letter request: when asked, printed and until when its
/// code holds, and where it goes (postal code and town).
pub struct OpenLetter {
    pub requested_at: i64,
    pub printed_at: Option<i64>,
    pub expires_at: Option<i64>,
    pub postal_code: String,
    pub town: String,
}

/// A letter to print.
pub struct ToPrint {
    pub id: i64,
    pub locale: String,
    pub address: LetterAddress,
    pub requested_at: i64,
}

/// What closes a request keeps: no name, no address.
const CLOSE_LETTER: &str = "closed_at = ?, outcome = ?, recipient = '', address = '', town = ''";

/// Asks for a letter, replacing the person's open request (its code, if
/// printed, stops working); the letters expired meanwhile, anyone's, forget
/// their address. In the caller's transaction.
pub async fn request_letter(
    conn: &Connection,
    user_id: i64,
    locale: &str,
    to: &LetterAddress,
    now: i64,
) -> DbResult<()> {
    expire_letters(conn, now).await?;
    cancel_letter(conn, user_id, now).await?;
    db::exec(
        conn,
        "INSERT INTO letter_requests (user_id, locale, recipient, address, postal_code, town, \
         district_id, requested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        vec![
            Value::Integer(user_id),
            Value::text(locale),
            Value::text(to.recipient.as_str()),
            Value::text(to.address.as_str()),
            Value::text(to.postal_code.as_str()),
            Value::text(to.town.as_str()),
            to.district.map_or(Value::Null, Value::Integer),
            Value::Integer(now),
        ],
    )
    .await
}

/// Cancels the person's open request, if any.
pub async fn cancel_letter(conn: &Connection, user_id: i64, now: i64) -> DbResult<()> {
    db::exec(
        conn,
        &format!(
            "UPDATE letter_requests SET {CLOSE_LETTER} WHERE user_id = ? AND closed_at IS NULL"
        ),
        vec![
            Value::Integer(now),
            Value::text("cancelled"),
            Value::Integer(user_id),
        ],
    )
    .await
}

/// The person's open request, if any (one whose code expired is not).
pub async fn open_letter(
    conn: &Connection,
    user_id: i64,
    now: i64,
) -> DbResult<Option<OpenLetter>> {
    let row = db::query_one(
        conn,
        "SELECT requested_at, printed_at, expires_at, postal_code, town FROM letter_requests \
         WHERE user_id = ? AND closed_at IS NULL AND (expires_at IS NULL OR expires_at > ?)",
        vec![Value::Integer(user_id), Value::Integer(now)],
    )
    .await?;
    Ok(row.map(|r| OpenLetter {
        requested_at: db::int(&r, 0),
        printed_at: db::opt_int(&r, 1),
        expires_at: db::opt_int(&r, 2),
        postal_code: db::text(&r, 3),
        town: db::text(&r, 4),
    }))
}

/// Letters asked for and not printed yet, oldest first (at most `limit`).
pub async fn letters_to_print(conn: &Connection, limit: i64) -> DbResult<Vec<ToPrint>> {
    Ok(db::query(
        conn,
        "SELECT id, locale, recipient, address, postal_code, town, district_id, requested_at \
         FROM letter_requests WHERE printed_at IS NULL AND closed_at IS NULL \
         ORDER BY requested_at, id LIMIT ?",
        vec![Value::Integer(limit)],
    )
    .await?
    .iter()
    .map(|r| ToPrint {
        id: db::int(r, 0),
        locale: db::text(r, 1),
        address: LetterAddress {
            recipient: db::text(r, 2),
            address: db::text(r, 3),
            postal_code: db::text(r, 4),
            town: db::text(r, 5),
            district: db::opt_int(r, 6),
        },
        requested_at: db::int(r, 7),
    })
    .collect())
}

/// Records a letter as printed with the code whose hash is `hash`; false
/// when it was printed, cancelled or replaced meanwhile. In the caller's
/// transaction.
pub async fn letter_printed(
    conn: &Connection,
    id: i64,
    hash: &str,
    by: Option<i64>,
    now: i64,
) -> DbResult<bool> {
    let row = db::query_one(
        conn,
        "UPDATE letter_requests SET printed_at = ?, printed_by = ?, code_hash = ?, expires_at = ? \
         WHERE id = ? AND printed_at IS NULL AND closed_at IS NULL RETURNING id",
        vec![
            Value::Integer(now),
            by.map_or(Value::Null, Value::Integer),
            Value::text(hash),
            Value::Integer(now + LETTER_DAYS * 86_400),
            Value::Integer(id),
        ],
    )
    .await?;
    Ok(row.is_some())
}

/// A code typed back by `user_id`: the open, printed, unexpired request
/// whose code it is becomes used (its address forgotten), and its district
/// is given (`None` when the code is not theirs; `Some(None)` without a
/// district). In the caller's transaction.
pub async fn claim_letter(
    conn: &Connection,
    user_id: i64,
    hash: &str,
    now: i64,
) -> DbResult<Option<Option<i64>>> {
    let row = db::query_one(
        conn,
        &format!(
            "UPDATE letter_requests SET {CLOSE_LETTER} WHERE user_id = ? AND code_hash = ? \
             AND closed_at IS NULL AND expires_at > ? RETURNING district_id"
        ),
        vec![
            Value::Integer(now),
            Value::text("used"),
            Value::Integer(user_id),
            Value::text(hash),
            Value::Integer(now),
        ],
    )
    .await?;
    Ok(row.map(|r| db::opt_int(&r, 0)))
}

/// Forgets the addresses of letters whose code expired unused.
pub async fn expire_letters(conn: &Connection, now: i64) -> DbResult<()> {
    db::exec(
        conn,
        &format!(
            "UPDATE letter_requests SET {CLOSE_LETTER} WHERE closed_at IS NULL AND expires_at <= ?"
        ),
        vec![
            Value::Integer(now),
            Value::text("expired"),
            Value::Integer(now),
        ],
    )
    .await
}

/// The letters' figures: (to print, printed and waiting for their code,
/// codes typed back).
pub async fn letter_counts(conn: &Connection, now: i64) -> DbResult<(i64, i64, i64)> {
    let row = db::query_one(
        conn,
        "SELECT \
           count(*) FILTER (WHERE closed_at IS NULL AND printed_at IS NULL), \
           count(*) FILTER (WHERE closed_at IS NULL AND printed_at IS NOT NULL AND expires_at > ?), \
           count(*) FILTER (WHERE outcome = 'used') \
         FROM letter_requests",
        vec![Value::Integer(now)],
    )
    .await?;
    Ok(row.map_or((0, 0, 0), |r| {
        (db::int(&r, 0), db::int(&r, 1), db::int(&r, 2))
    }))
}

/// A batch of letters printed at once.
pub struct LetterBatch {
    pub printed_at: i64,
    /// Who printed it (their public name), if their account is still there.
    pub by: Option<String>,
    pub count: i64,
    /// Its letters still waiting for their code.
    pub open: i64,
}

/// The last ten batches printed, newest first.
pub async fn letter_batches(conn: &Connection, now: i64) -> DbResult<Vec<LetterBatch>> {
    Ok(db::query(
        conn,
        "SELECT l.printed_at, u.display_name, count(*), \
           count(*) FILTER (WHERE l.closed_at IS NULL AND l.expires_at > ?) \
         FROM letter_requests l LEFT JOIN users u ON u.id = l.printed_by \
         WHERE l.printed_at IS NOT NULL GROUP BY l.printed_at, l.printed_by \
         ORDER BY l.printed_at DESC LIMIT 10",
        vec![Value::Integer(now)],
    )
    .await?
    .iter()
    .map(|r| LetterBatch {
        printed_at: db::int(r, 0),
        by: db::opt_text(r, 1),
        count: db::int(r, 2),
        open: db::int(r, 3),
    })
    .collect())
}

/// Puts the letters of the batch printed at `printed_at` that still wait
/// for their code back to print: their codes stop working. Gives how many.
/// In the caller's transaction.
pub async fn letters_back_to_print(conn: &Connection, printed_at: i64, now: i64) -> DbResult<i64> {
    let rows = db::query(
        conn,
        "UPDATE letter_requests SET printed_at = NULL, printed_by = NULL, code_hash = NULL, \
         expires_at = NULL WHERE printed_at = ? AND closed_at IS NULL AND expires_at > ? RETURNING id",
        vec![Value::Integer(printed_at), Value::Integer(now)],
    )
    .await?;
    Ok(rows.len() as i64)
}

/// How long a desk account's claim code works.
pub const CLAIM_DAYS: i64 = 60;

/// An account staff created at the desk.
pub struct DeskAccount {
    pub user_id: i64,
    pub name: String,
    pub registered_at: i64,
    /// Who registered it (their public name), while their account exists.
    pub by: Option<String>,
    /// Until when its claim code works, if one was given and not used.
    pub code_expires_at: Option<i64>,
    pub claimed_at: Option<i64>,
}

const DESK_ACCOUNT: &str = "SELECT d.user_id, u.display_name, d.registered_at, s.display_name, \
     d.code_expires_at, d.claimed_at FROM desk_accounts d JOIN users u ON u.id = d.user_id \
     LEFT JOIN users s ON s.id = d.registered_by WHERE u.deleted_at IS NULL";

fn desk_account_of(r: &db::Row) -> DeskAccount {
    DeskAccount {
        user_id: db::int(r, 0),
        name: db::text(r, 1),
        registered_at: db::int(r, 2),
        by: db::opt_text(r, 3),
        code_expires_at: db::opt_int(r, 4),
        claimed_at: db::opt_int(r, 5),
    }
}

/// Records that staff `by` created `user_id` at the desk. In the caller's
/// transaction (with the account's creation and its verification).
pub async fn desk_registered(
    conn: &Connection,
    user_id: i64,
    by: Option<i64>,
    now: i64,
) -> DbResult<()> {
    db::exec(
        conn,
        "INSERT INTO desk_accounts (user_id, registered_by, registered_at) VALUES (?, ?, ?)",
        vec![
            Value::Integer(user_id),
            by.map_or(Value::Null, Value::Integer),
            Value::Integer(now),
        ],
    )
    .await
}

/// The desk's accounts, newest first (at most `limit`).
pub async fn desk_accounts(conn: &Connection, limit: i64) -> DbResult<Vec<DeskAccount>> {
    Ok(db::query(
        conn,
        &format!("{DESK_ACCOUNT} ORDER BY d.registered_at DESC, d.user_id DESC LIMIT ?"),
        vec![Value::Integer(limit)],
    )
    .await?
    .iter()
    .map(desk_account_of)
    .collect())
}

/// One account made at the desk, if `user_id` is one.
pub async fn desk_account(conn: &Connection, user_id: i64) -> DbResult<Option<DeskAccount>> {
    Ok(db::query_one(
        conn,
        &format!("{DESK_ACCOUNT} AND d.user_id = ?"),
        vec![Value::Integer(user_id)],
    )
    .await?
    .as_ref()
    .map(desk_account_of))
}

/// Gives a desk account not claimed yet a new claim code (its hash): the
/// one given before stops working. False for any other account.
pub async fn desk_claim_code(
    conn: &Connection,
    user_id: i64,
    hash: &str,
    now: i64,
) -> DbResult<bool> {
    let row = db::query_one(
        conn,
        "UPDATE desk_accounts SET code_hash = ?, code_expires_at = ? \
         WHERE user_id = ? AND claimed_at IS NULL RETURNING user_id",
        vec![
            Value::text(hash),
            Value::Integer(now + CLAIM_DAYS * 86_400),
            Value::Integer(user_id),
        ],
    )
    .await?;
    Ok(row.is_some())
}

/// The desk account whose unexpired claim code this is, if any (nothing
/// changes: [`desk_claimed`] does, once the rest of the form holds).
pub async fn desk_account_by_code(
    conn: &Connection,
    hash: &str,
    now: i64,
) -> DbResult<Option<i64>> {
    let row = db::query_one(
        conn,
        "SELECT d.user_id FROM desk_accounts d JOIN users u ON u.id = d.user_id \
         WHERE d.code_hash = ? AND d.code_expires_at > ? AND d.claimed_at IS NULL \
         AND u.deleted_at IS NULL AND u.email IS NULL",
        vec![Value::text(hash), Value::Integer(now)],
    )
    .await?;
    Ok(row.map(|r| db::int(&r, 0)))
}

/// The desk account is now its resident's own: its code is spent. False if
/// it was claimed meanwhile. In the caller's transaction.
pub async fn desk_claimed(conn: &Connection, user_id: i64, now: i64) -> DbResult<bool> {
    let row = db::query_one(
        conn,
        "UPDATE desk_accounts SET claimed_at = ?, code_hash = NULL, code_expires_at = NULL \
         WHERE user_id = ? AND claimed_at IS NULL RETURNING user_id",
        vec![Value::Integer(now), Value::Integer(user_id)],
    )
    .await?;
    Ok(row.is_some())
}

#[cfg(test)]
mod tests {
    use palabre_kit::testing;

    #[test]
    fn one_verification_is_current_and_a_revoked_one_stays() {
        let conn = testing::schema();
        conn.execute_batch(
            "INSERT INTO users (id, email, display_name, role, created_at) \
             VALUES (1, 'a@x.org', 'A', 'citizen', 0), (2, 'b@x.org', 'B', 'moderator', 0);",
        )
        .unwrap();
        let insert = "INSERT INTO resident_verifications (user_id, method, created_at) VALUES (1, 'desk', 0)";
        conn.execute(insert, []).unwrap();
        assert!(conn.execute(insert, []).is_err(), "a second current one");
        conn.execute(
            "UPDATE resident_verifications SET revoked_at = 1, revoked_by = 2",
            [],
        )
        .unwrap();
        conn.execute(insert, []).unwrap();
        assert!(
            conn.execute(
                "INSERT INTO resident_verifications (user_id, method, created_at) VALUES (1, 'mail', 0)",
                []
            )
            .is_err(),
            "an unknown method"
        );
        assert!(
            conn.execute(
                "INSERT INTO process_tool_levels (process_id, tool, level, district_id, updated_at) \
                 VALUES (1, 'budget', 'confirmed', 1, 0)",
                []
            )
            .is_err(),
            "a district only for verified residents"
        );
    }
}
