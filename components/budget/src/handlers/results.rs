//! The count and its results: computed by both methods when staff ask,
//! stored, shown with why each project was funded or not, and the
//! anonymised ballots to recompute them (pabulib `.pb`, CSV, JSON).

use palabre_domain::budget::Method;
use palabre_domain::budget::count::{self, Why};
use palabre_domain::budget::pabulib::{Export, ExportProject, ExportVote};
use palabre_kit::activity::{self, Activity};
use palabre_kit::app::audited;
use palabre_kit::csv::{Flavour, Table};
use palabre_kit::respond;
use palabre_kit::view::Link;
use palabre_kit::{Error, Response, Result, i18n};
use serde_json::json;

use super::*;

/// `GET /budgets/<e>/results` for visitors who are not signed in: the page
/// is kept (`kit::app::public_variant`, shared between instances) while the
/// envelope's [`store::results_version`] stays the same; a big vote's results
/// are read far more often than they change.
pub async fn public_page(env: &mut Env, raw: &str) -> Result<Response> {
    let version = match (env.ctx.query.is_empty(), id_of(raw)) {
        (true, Ok(id)) => store::results_version(&env.conn, id).await?,
        _ => None,
    };
    let variant = version.map(|v| palabre_kit::app::Variant {
        query: format!("version={v}"),
        shared: true,
    });
    let raw = raw.to_string();
    palabre_kit::app::public_variant(env, variant, async |env| page(env, &raw).await).await
}

/// `POST /budgets/<e>/count`: staff count the ballots by both methods.
pub async fn count(env: &mut Env, raw: &str) -> Result<Response> {
    env.ctx.require_signed_in()?;
    let e = envelope(env, raw).await?;
    let _ = env.submission().await?;
    if !permissions::may_manage(&env.ctx.visitor) {
        return Err(Error::Forbidden);
    }
    let now = palabre_kit::now();
    let subject = format!("budget:{}", e.id);
    audited(env, "budget-count", &subject, async |conn| {
        // Read and stored in one transaction: no ballot slips between.
        let instance = store::instance(conn, &e).await?;
        let outcomes: Vec<_> = Method::ALL
            .iter()
            .map(|m| count::count(&instance, *m))
            .collect();
        store::save_results(conn, e.id, &outcomes, instance.ballots.len() as i64, now).await?;
        Ok(())
    })
    .await?;
    Ok(respond::redirect(&format!("/budgets/{}/results", e.id)))
}

/// `POST /budgets/<e>/publish`: `publish=1` makes the last count public
/// (and tells the process's followers), `publish=0` takes it back.
pub async fn publish(env: &mut Env, raw: &str) -> Result<Response> {
    env.ctx.require_signed_in()?;
    let e = envelope(env, raw).await?;
    let form = env.submission().await?;
    if !permissions::may_manage(&env.ctx.visitor) {
        return Err(Error::Forbidden);
    }
    if e.counted_at.is_none() {
        return Err(Error::BadRequest("nothing counted yet"));
    }
    let on = form.get("publish") == "1";
    let now = palabre_kit::now();
    let subject = format!("budget:{}", e.id);
    let action = if on {
        "budget-publish"
    } else {
        "budget-unpublish"
    };
    audited(env, action, &subject, async |conn| {
        store::publish_results(conn, e.id, on.then_some(now)).await?;
        if on && e.published_at.is_none() {
            let url = format!("/budgets/{}/results", e.id);
            activity::record(
                conn,
                &Activity {
                    actor_id: None,
                    kind: "budget-results",
                    process_id: Some(e.process_id),
                    title: &e.name,
                    url: &url,
                    public: true,
                    followed: None,
                },
            )
            .await?;
        }
        Ok(())
    })
    .await?;
    Ok(respond::redirect(&format!("/budgets/{}/results", e.id)))
}

fn why_text(env: &Env, why: Why, left: i64) -> String {
    let locale = env.ctx.locale;
    i18n::t_args(
        locale,
        &format!("budget-why-{}", why.as_str().replace('_', "-")),
        &[("left", &i18n::euros(locale, left))],
    )
}

/// `GET /budgets/<e>/results`: each method's result, the official one first.
pub async fn page(env: &mut Env, raw: &str) -> Result<Response> {
    let locale = env.ctx.locale;
    let e = envelope(env, raw).await?;
    if !permissions::may_see_results(&env.ctx.visitor, &e) {
        return Err(Error::NotFound);
    }
    let mut methods = Vec::new();
    let mut order = vec![e.method];
    order.extend(Method::ALL.iter().filter(|m| **m != e.method));
    for m in order {
        let lines = store::results(&env.conn, e.id, m).await?;
        if lines.is_empty() {
            continue;
        }
        let most = lines.iter().map(|l| l.line.votes).max().unwrap_or(0).max(1);
        let spent: i64 = lines
            .iter()
            .filter(|l| l.line.why.funded())
            .map(|l| l.line.cost)
            .sum();
        let rows: Vec<views::ResultRow> = lines
            .iter()
            .enumerate()
            .map(|(i, l)| views::ResultRow {
                rank: i as i64 + 1,
                title: l.title.clone(),
                href: format!("/budgets/{}/projects/{}", e.id, l.line.id),
                votes: l.line.votes as i64,
                cost: i18n::euros(locale, l.line.cost),
                left: i18n::euros(locale, l.line.left),
                outcome: why_text(env, l.line.why, l.line.left),
                funded: l.line.why.funded(),
            })
            .collect();
        let bars = lines
            .iter()
            .map(|l| views::Bar {
                width: (l.line.votes * 100 / most) as i64,
                label: format!(
                    "{}{} · {}",
                    if l.line.why.funded() { "✓ " } else { "" },
                    l.title,
                    l.line.votes
                ),
                funded: l.line.why.funded(),
            })
            .collect();
        methods.push(views::Method {
            key: m.as_str().to_string(),
            title: i18n::t(
                locale,
                &format!("budget-method-{}", m.as_str().replace('_', "-")),
            ),
            explanation: i18n::t(
                locale,
                &format!("budget-method-{}-rule", m.as_str().replace('_', "-")),
            ),
            official: m == e.method,
            spent: i18n::t_args(
                locale,
                "budget-spent",
                &[
                    ("spent", &i18n::euros(locale, spent)),
                    ("amount", &i18n::euros(locale, e.amount)),
                ],
            ),
            chart: views::Chart { bars },
            rows,
        });
    }
    let districts = store::by_district(&env.conn, e.id)
        .await?
        .into_iter()
        .map(|(name, online, paper)| views::DistrictRow {
            name: if name.is_empty() {
                i18n::t(locale, "budget-no-district")
            } else {
                name
            },
            online,
            paper,
        })
        .collect();
    let count = |n: i64| i18n::t_args(locale, "budget-ballots", &[("count", &n.to_string())]);
    let staff = permissions::may_manage(&env.ctx.visitor).then(|| views::ResultsStaff {
        count_action: format!("/budgets/{}/count", e.id),
        publish_action: format!("/budgets/{}/publish", e.id),
        published: e.published_at.is_some(),
        counted: e.counted_at.is_some(),
    });
    let base = format!("/budgets/{}", e.id);
    let data = views::Results {
        back: Link::new(base.clone(), e.name.clone()),
        name: e.name.clone(),
        amount: i18n::euros(locale, e.amount),
        counted: e.counted_at.map(|t| {
            i18n::t_args(
                locale,
                "budget-counted-on",
                &[
                    ("date", &i18n::date_time(locale, t)),
                    ("count", &e.counted_ballots.unwrap_or(0).to_string()),
                ],
            )
        }),
        stale: (e.counted_at.is_some() && e.counted_ballots != Some(e.ballots)).then(|| {
            i18n::t_args(
                locale,
                "budget-count-stale",
                &[("count", &e.ballots.to_string())],
            )
        }),
        draft: e.published_at.is_none(),
        methods,
        figures: views::Figures {
            total: count(e.ballots),
            online: count(e.ballots - e.paper_ballots),
            paper: count(e.paper_ballots),
            districts,
        },
        downloads: vec![
            Link::to(locale, format!("{base}/ballots.pb"), "budget-download-pb"),
            Link::to(locale, format!("{base}/ballots.csv"), "budget-download-csv"),
            Link::to(
                locale,
                format!("{base}/results.json"),
                "budget-download-json",
            ),
        ],
        staff,
        transparency: Link::to(locale, "/transparency#budget", "budget-transparency-link"),
    };
    env.page("results", &i18n::t(locale, "budget-results-title"), data)
}

/// The files are public once the results are (staff: always).
async fn published(env: &Env, raw: &str) -> Result<Envelope> {
    let e = envelope(env, raw).await?;
    if !permissions::may_see_results(&env.ctx.visitor, &e) {
        return Err(Error::NotFound);
    }
    Ok(e)
}

/// `GET /budgets/<e>/ballots.pb`: the anonymised ballots, the projects and
/// the rule, in pabulib's format.
pub async fn pabulib(env: &mut Env, raw: &str) -> Result<Response> {
    let e = published(env, raw).await?;
    let projects = store::projects(&env.conn, e.id).await?;
    let funded = store::results(&env.conn, e.id, e.method).await?;
    let ballots = store::anonymous_ballots(&env.conn, e.id).await?;
    let phases = store::vote_phases(&env.conn, e.process_id).await?;
    let pb_day = |iso: &str| {
        let mut parts: Vec<&str> = iso.split('-').collect();
        parts.reverse();
        parts.join(".")
    };
    let (max_length, rule) = Export::rule_of(e.ballot, e.method);
    let export = Export {
        description: format!("{} — {}", e.process_title, e.name),
        unit: env.site.name.clone(),
        instance: e.process_slug.clone(),
        language: env.site.default_locale.code().to_string(),
        budget: e.amount,
        max_length,
        min_sum_cost: e.rule().minimum(),
        rule,
        date_begin: phases.first().map(|p| pb_day(&p.0)).unwrap_or_default(),
        date_end: phases.last().map(|p| pb_day(&p.1)).unwrap_or_default(),
        projects: projects
            .iter()
            .filter(|p| p.on_ballot())
            .map(|p| ExportProject {
                id: p.id,
                cost: p.cost,
                votes: u64::try_from(p.votes).unwrap_or(0),
                name: p.title.clone(),
                district: p.district.as_ref().map(|d| d.1.clone()).unwrap_or_default(),
                selected: funded
                    .iter()
                    .any(|l| l.line.id == p.id && l.line.why.funded()),
            })
            .collect(),
        votes: ballots
            .into_iter()
            .map(|b| ExportVote {
                projects: b.projects,
                voting_method: if b.paper { "paper" } else { "internet" }.to_string(),
                district: b.district,
            })
            .collect(),
    };
    Ok(respond::download(
        "text/plain; charset=utf-8",
        &format!("budget-{}-{}.pb", e.process_slug, e.id),
        export.write().into_bytes(),
    ))
}

/// `GET /budgets/<e>/ballots.csv`: one line per ballot, one column per
/// project (1: chosen).
pub async fn csv(env: &mut Env, raw: &str) -> Result<Response> {
    let e = published(env, raw).await?;
    let projects: Vec<_> = store::projects(&env.conn, e.id)
        .await?
        .into_iter()
        .filter(|p| p.on_ballot())
        .collect();
    let ballots = store::anonymous_ballots(&env.conn, e.id).await?;
    let mut table = Table::new(Flavour::of(&env.ctx));
    let mut heads: Vec<String> = vec!["ballot".into(), "channel".into(), "district".into()];
    heads.extend(projects.iter().map(|p| format!("project_{}", p.id)));
    let heads: Vec<&str> = heads.iter().map(String::as_str).collect();
    table.heads(&heads);
    for (i, b) in ballots.iter().enumerate() {
        let mut row = vec![
            (i + 1).to_string(),
            if b.paper { "paper" } else { "internet" }.to_string(),
            b.district.clone(),
        ];
        row.extend(
            projects
                .iter()
                .map(|p| if b.projects.contains(&p.id) { "1" } else { "0" }.to_string()),
        );
        table.row(row);
    }
    Ok(table.download(&format!("budget-{}-{}-ballots", e.process_slug, e.id)))
}

/// `GET /budgets/<e>/results.json`: the envelope, its projects and each
/// method's result.
pub async fn json(env: &mut Env, raw: &str) -> Result<Response> {
    let e = published(env, raw).await?;
    let mut body = palabre_budget::api::results(&env.conn, &e).await?;
    body["licence"] = json!(i18n::t(env.ctx.locale, "open-data-licence"));
    Ok(respond::json(http::StatusCode::OK, &body))
}
