//! `/admin/verification/census`: the commune's list of residents (its
//! electoral or population register) imported as a CSV file. Each row is
//! kept only as a keyed hash (`palabre_kit::census`), with its district; a
//! resident whose declared details match a row is verified (`/account/
//! verification`). A new import replaces the rows not used yet.
//!
//! Columns, in this order, with or without a header line: family name, given
//! name, birth date (`JJ/MM/AAAA` or `AAAA-MM-JJ`), postal code, district
//! (optional, by its name).

use palabre_domain::account::FieldError;
use palabre_domain::verification;
use palabre_kit::forms::{Entry, FormView};
use palabre_kit::view::FormPage;
use palabre_kit::{Error, Response, Result, census, csv, db, i18n, participation};

use crate::Env;
use crate::handlers::{link, record_in, saved_notice};

/// Rows a list may hold (the form's 2 MB hold about 40,000).
const MAX_ROWS: usize = 60_000;

fn render(
    env: &Env,
    entry: &Entry,
    open: i64,
    done: Option<String>,
    status: http::StatusCode,
) -> Result<Response> {
    let locale = env.ctx.locale;
    let form = FormView::of(locale, entry)
        .file("list", "census-field-list", ".csv,text/csv")
        .hint("census-field-list-hint");
    let mut intro = i18n::t(locale, "census-intro");
    intro.push(' ');
    intro.push_str(&i18n::t_args(
        locale,
        "census-open",
        &[("count", &open.to_string())],
    ));
    let data = FormPage {
        intro: Some(intro),
        saved: done.or_else(|| saved_notice(env)),
        back: Some(link(env, "/admin", "admin-back-to-index")),
        ..FormPage::new(
            "/admin/verification/census",
            form.view(),
            i18n::t(locale, "census-submit"),
        )
    };
    let title = i18n::t(locale, "census-title");
    env.renderer
        .page(&env.ctx, &env.site, status, "form_page", &title, data)
}

pub async fn form(env: &Env) -> Result<Response> {
    let open = palabre_identity::census_open(&env.conn).await?;
    render(env, &Entry::new(), open, None, http::StatusCode::OK)
}

/// The rows of a list, hashed: (hash, district) of each row read, and the
/// line numbers of those refused.
fn read(
    text: &str,
    key: &str,
    districts: &[(i64, String)],
) -> (Vec<(String, Option<i64>)>, Vec<usize>) {
    let mut rows = Vec::new();
    let mut refused = Vec::new();
    for (i, cells) in csv::parse(text).iter().enumerate() {
        let cell = |n: usize| cells.get(n).map(String::as_str).unwrap_or("");
        let identity = verification::census_identity(cell(0), cell(1), cell(2), cell(3));
        let district = match cell(4).trim() {
            "" => Some(None),
            name => districts
                .iter()
                .find(|(_, d)| verification::census_name(d) == verification::census_name(name))
                .map(|(id, _)| Some(*id)),
        };
        match (identity, district) {
            (Ok(identity), Some(district)) => {
                if let Some(hash) = census::hash(key, &identity) {
                    rows.push((hash, district));
                }
            }
            // A header line is not a refusal.
            _ if i == 0 && verification::census_birth_date(cell(2)).is_err() => {}
            _ => refused.push(i + 1),
        }
    }
    (rows, refused)
}

pub async fn import(env: &mut Env) -> Result<Response> {
    let form = env.submission().await?;
    let open = palabre_identity::census_open(&env.conn).await?;
    let mut entry = Entry::new();
    let key = env.ctx.verification_key()?;
    let districts = participation::districts(&env.conn).await?;
    // One refusal for the field: no file, not UTF-8, no row read, too many.
    let read = match form.file("list").map(std::str::from_utf8) {
        Some(Ok(text)) if !text.trim().is_empty() => match read(text, &key, &districts) {
            (rows, _) if rows.is_empty() => Err(FieldError::Required),
            (rows, _) if rows.len() > MAX_ROWS => Err(FieldError::TooLong),
            read => Ok(read),
        },
        Some(Err(_)) => Err(FieldError::InvalidCharacters),
        Some(Ok(_)) | None => Err(FieldError::Required),
    };
    let (rows, refused) = match read {
        Ok(read) => read,
        Err(error) => {
            entry.refuse("list", error);
            let status = http::StatusCode::UNPROCESSABLE_ENTITY;
            return render(env, &entry, open, None, status);
        }
    };
    let now = palabre_kit::now();
    let by = env.ctx.visitor.user_id;
    let summary = format!("{} rows, {} refused", rows.len(), refused.len());
    db::immediate(&env.conn, async |conn| {
        palabre_identity::import_census(conn, &rows, refused.len(), by, now).await?;
        record_in(conn, &env.ctx, "census-imported", &summary).await?;
        Ok::<_, Error>(())
    })
    .await?;
    let locale = env.ctx.locale;
    let lines: Vec<String> = refused.iter().take(20).map(|n| n.to_string()).collect();
    let message = if refused.is_empty() {
        i18n::t_args(
            locale,
            "census-imported",
            &[("count", &rows.len().to_string())],
        )
    } else {
        i18n::t_args(
            locale,
            "census-imported-refused",
            &[
                ("count", &rows.len().to_string()),
                ("refused", &refused.len().to_string()),
                ("lines", &lines.join(", ")),
            ],
        )
    };
    let open = palabre_identity::census_open(&env.conn).await?;
    render(
        env,
        &Entry::new(),
        open,
        Some(message),
        http::StatusCode::OK,
    )
}
