//! `/admin/audit` and `/admin/mail` (administrators): the audit log (who did
//! what, when, from where; filtered by person, action and dates) and the mail
//! outbox (what was queued or sent, and how delivery went). Newest first,
//! 50 a page, older pages through the last id seen. `/admin/audit/settings`:
//! how long the audit log is kept (`kit::retention` deletes what is older).

use palabre_domain::content;
use palabre_domain::date::Day;
use palabre_kit::forms::{self, Entry, FormView};
use palabre_kit::view::FormPage;
use palabre_kit::{Response, Result, Site, db, i18n, retention};

use crate::handlers::{link, record_in, saved, saved_notice};
use crate::store::{self, AuditFilter};
use crate::{Env, views};

const PAGE: i64 = 50;
const MAIL_STATUSES: [&str; 3] = ["queued", "sent", "failed"];

fn when(env: &Env, at: i64) -> String {
    i18n::date_time(env.ctx.locale, at)
}

fn before(env: &Env) -> i64 {
    env.ctx
        .query("before")
        .and_then(|v| v.parse().ok())
        .filter(|v: &i64| *v > 0)
        .unwrap_or(0)
}

/// A day of the filter (`YYYY-MM-DD`), as unix seconds; `Err` when not a date.
fn day(env: &Env, name: &str) -> std::result::Result<Option<Day>, ()> {
    match env.ctx.query(name).map(str::trim).filter(|v| !v.is_empty()) {
        None => Ok(None),
        Some(raw) => Day::parse(raw).map(Some).ok_or(()),
    }
}

fn page(
    env: &Env,
    title_id: &str,
    filters: Vec<views::Filter>,
    (columns, rows): (&[&str], Vec<Vec<String>>),
    next: Option<String>,
    problem: Option<String>,
    note: Option<views::Note>,
) -> Result<Response> {
    let locale = env.ctx.locale;
    let status = if problem.is_some() {
        http::StatusCode::UNPROCESSABLE_ENTITY
    } else {
        http::StatusCode::OK
    };
    let data = views::Log {
        filters,
        columns: columns.iter().map(|c| i18n::t(locale, c)).collect(),
        rows,
        next,
        problem,
        action: env.ctx.path.clone(),
        note,
    };
    let title = i18n::t(locale, title_id);
    env.renderer
        .page(&env.ctx, &env.site, status, "log", &title, data)
}

/// A filter's text or date field.
fn field(name: &str, label: String, kind: &str, value: &str) -> views::Filter {
    views::Filter {
        name: name.to_string(),
        label,
        kind: kind.to_string(),
        value: value.to_string(),
        options: None,
    }
}

/// An option of a filter's choice, selected when it is `current`.
fn choice(value: &str, label: &str, current: &str) -> views::Choice {
    views::Choice {
        value: value.to_string(),
        label: label.to_string(),
        selected: value == current,
    }
}

/// The link to the page after `last`, keeping the filters.
fn next_link(env: &Env, names: &[&str], rows: usize, last: Option<i64>) -> Option<String> {
    let last = last.filter(|_| rows as i64 == PAGE)?;
    let mut pairs: Vec<String> = names
        .iter()
        .filter_map(|n| {
            let v = env.ctx.query(n).filter(|v| !v.is_empty())?;
            Some(format!("{n}={}", palabre_kit::form::encode_component(v)))
        })
        .collect();
    pairs.push(format!("before={last}"));
    Some(format!("{}?{}", env.ctx.path, pairs.join("&")))
}

pub async fn audit(env: &Env) -> Result<Response> {
    let locale = env.ctx.locale;
    let who = env.ctx.query("who").unwrap_or_default().trim().to_string();
    let action = env.ctx.query("action").unwrap_or_default().to_string();
    let actions = store::audit_actions(&env.conn).await?;
    let (from, to, problem) = match (day(env, "from"), day(env, "to")) {
        (Ok(from), Ok(to)) => (from, to, None),
        _ => (None, None, Some(i18n::t(locale, "field-invalid-date"))),
    };
    let mut options = vec![choice("", &i18n::t(locale, "proposal-filter-all"), &action)];
    options.extend(actions.iter().map(|a| choice(a, a, &action)));
    let filters = vec![
        field("who", i18n::t(locale, "audit-who"), "search", &who),
        views::Filter {
            options: Some(options),
            ..field("action", i18n::t(locale, "audit-action"), "", "")
        },
        field(
            "from",
            i18n::t(locale, "audit-from"),
            "date",
            env.ctx.query("from").unwrap_or_default(),
        ),
        field(
            "to",
            i18n::t(locale, "audit-to"),
            "date",
            env.ctx.query("to").unwrap_or_default(),
        ),
    ];
    let entries = if problem.is_some() {
        Vec::new()
    } else {
        let filter = AuditFilter {
            who: &who,
            action: if actions.contains(&action) {
                &action
            } else {
                ""
            },
            from: from.map_or(0, Day::unix),
            to: to.map_or(0, |d| d.next().unix()),
            before: before(env),
        };
        store::audit(&env.conn, &filter, PAGE).await?
    };
    let next = next_link(
        env,
        &["who", "action", "from", "to"],
        entries.len(),
        entries.last().map(|e| e.0),
    );
    let rows = entries
        .into_iter()
        .map(|(_, at, name, action, subject, ip)| vec![when(env, at), name, action, subject, ip])
        .collect();
    page(
        env,
        "audit-title",
        filters,
        (
            &[
                "audit-col-when",
                "audit-who",
                "audit-action",
                "audit-col-subject",
                "audit-col-ip",
            ],
            rows,
        ),
        next,
        problem,
        Some(views::Note {
            text: i18n::t_args(
                locale,
                "audit-kept",
                &[("days", &env.site.audit_days.to_string())],
            ),
            href: "/admin/audit/settings".to_string(),
            label: i18n::t(locale, "audit-retention-change"),
        }),
    )
}

pub async fn mail(env: &Env) -> Result<Response> {
    let locale = env.ctx.locale;
    let status = env
        .ctx
        .query("status")
        .filter(|s| MAIL_STATUSES.contains(s))
        .unwrap_or_default()
        .to_string();
    let mut options = vec![choice("", &i18n::t(locale, "proposal-filter-all"), &status)];
    options.extend(
        MAIL_STATUSES
            .iter()
            .map(|s| choice(s, &i18n::t(locale, &format!("mail-status-{s}")), &status)),
    );
    let filters = vec![views::Filter {
        options: Some(options),
        ..field("status", i18n::t(locale, "mail-col-status"), "", "")
    }];
    let mails = store::outbox(&env.conn, &status, before(env), PAGE).await?;
    let next = next_link(env, &["status"], mails.len(), mails.last().map(|m| m.id));
    let rows = mails
        .into_iter()
        .map(|m| {
            let outcome = match (m.sent_at, m.error.is_empty()) {
                (Some(at), _) => when(env, at),
                (None, false) => m.error,
                (None, true) => String::new(),
            };
            vec![
                when(env, m.created_at),
                m.to,
                m.kind,
                m.subject,
                i18n::t(locale, &format!("mail-status-{}", m.status)),
                m.attempts.to_string(),
                outcome,
            ]
        })
        .collect();
    page(
        env,
        "mail-title",
        filters,
        (
            &[
                "audit-col-when",
                "mail-col-to",
                "mail-col-kind",
                "mail-col-subject",
                "mail-col-status",
                "mail-col-attempts",
                "mail-col-outcome",
            ],
            rows,
        ),
        next,
        None,
        None,
    )
}

/// The version of the audit log's term a form is opened on.
fn retention_version(site: &Site) -> String {
    forms::version(&[&site.audit_days.to_string()])
}

fn render_retention(env: &Env, entry: &Entry, status: http::StatusCode) -> Result<Response> {
    let locale = env.ctx.locale;
    let form = FormView::of(locale, entry)
        .versioned(Some(retention_version(&env.site)), status)
        .input("days", "number", "audit-field-days", "off")
        .hint("audit-field-days-hint");
    let data = FormPage {
        intro: Some(i18n::t(locale, "audit-retention-intro")),
        saved: saved_notice(env),
        back: Some(link(env, "/admin/audit", "audit-title")),
        ..FormPage::new(
            "/admin/audit/settings",
            form.view(),
            i18n::t(locale, "admin-save"),
        )
    };
    let title = i18n::t(locale, "audit-retention-title");
    env.renderer
        .page(&env.ctx, &env.site, status, "form_page", &title, data)
}

pub async fn retention_settings(env: &Env) -> Result<Response> {
    let entry = Entry::new().with("days", env.site.audit_days.to_string());
    render_retention(env, &entry, http::StatusCode::OK)
}

pub async fn save_retention(env: &mut Env) -> Result<Response> {
    let form = env.submission().await?;
    let mut e = Entry::read(&form, &["days"]);
    let Some(days) = e.check("days", |v| {
        content::whole_number(v, retention::SETTABLE_DAYS)
    }) else {
        return render_retention(env, &e, http::StatusCode::UNPROCESSABLE_ENTITY);
    };
    let written = db::immediate(&env.conn, async |conn| {
        if form.stale(&retention_version(&Site::load(conn).await?)) {
            return Ok(false);
        }
        Site::set(conn, retention::AUDIT_DAYS, &days.to_string()).await?;
        record_in(conn, &env.ctx, "audit-retention-saved", &days.to_string()).await?;
        Ok::<bool, palabre_kit::Error>(true)
    })
    .await?;
    if !written {
        return render_retention(env, &e, http::StatusCode::CONFLICT);
    }
    Ok(saved("/admin/audit/settings"))
}
