//! `/transparency`: how the platform decides what people see. The ranking
//! formula (`/transparency/ranking`, with the weights the code uses,
//! `domain::ranking`), the moderation rules with the counts of what was
//! hidden and why, how the process reports count, and the open data.

use crate::{Env, views};
use palabre_domain::Locale;
use palabre_domain::proposal;
use palabre_domain::ranking::{Signals, WEIGHTS, points, score};
use palabre_kit::db::{self, Value as Sql};
use palabre_kit::feature::Figure;
use palabre_kit::respond::{self, Cache};
use palabre_kit::{Response, Result, i18n};

/// A number as people of `locale` write it (decimal comma in French and German).
pub fn number(locale: Locale, value: f64) -> String {
    let rounded = (value * 100.0).round() / 100.0;
    let text = format!("{rounded}");
    match locale {
        Locale::En => text,
        Locale::Fr | Locale::De => text.replace('.', ","),
    }
}

pub fn ranking(env: &Env) -> Result<Response> {
    let locale = env.ctx.locale;
    let w = WEIGHTS;
    let n = |v: f64| number(locale, v);
    let example = Signals {
        up: 12,
        down: 2,
        replies: 4,
        impact: false,
        age_seconds: 7 * 86_400,
    };
    let weights = vec![
        i18n::t_args(locale, "ranking-up", &[("points", &n(w.up))]),
        i18n::t_args(locale, "ranking-down", &[("points", &n(w.down))]),
        i18n::t_args(
            locale,
            "ranking-reply",
            &[("points", &n(w.reply)), ("cap", &w.reply_cap.to_string())],
        ),
        i18n::t_args(locale, "ranking-impact", &[("points", &n(w.impact))]),
        i18n::t_args(locale, "ranking-age", &[("days", &n(w.half_life_days))]),
    ];
    // Proposals' "best" order (domain::proposal::best).
    let days = proposal::BEST_TENFOLD_SECONDS / 86_400.0;
    let proposals = vec![
        i18n::t_args(locale, "ranking-proposal-supports", &[]),
        i18n::t_args(locale, "ranking-proposal-age", &[("days", &n(days))]),
        // The example is the domain's tested claim: best(9, t) = best(0, t + 14 days).
        i18n::t_args(
            locale,
            "ranking-proposal-example",
            &[("days", &n(days)), ("twice", &n(2.0 * days))],
        ),
    ];
    let data = views::Ranking {
        proposals,
        weights,
        example: i18n::t_args(
            locale,
            "ranking-example",
            &[
                ("points", &n(points(&example, &w))),
                ("score", &n(score(&example, &w))),
            ],
        ),
    };
    let title = i18n::t(locale, "ranking-title");
    let page = env.page("ranking", &title, data)?;
    Ok(respond::cached(page, Cache::NoCache))
}

/// Hidden comments by cause, then the other moderation counts; every count
/// over all time, from the rows.
const MODERATION_COUNTS: &str = "SELECT \
     (SELECT count(*) FROM comments WHERE deleted_at IS NULL AND hidden_at IS NULL), \
     (SELECT count(*) FROM comments WHERE deleted_at IS NULL AND hidden_at IS NOT NULL AND hidden_reason = 'reports'), \
     (SELECT count(*) FROM comments WHERE deleted_at IS NULL AND hidden_at IS NOT NULL AND hidden_reason = 'keyword'), \
     (SELECT count(*) FROM comments WHERE deleted_at IS NULL AND hidden_at IS NOT NULL AND hidden_reason = 'moderator'), \
     (SELECT count(*) FROM comments WHERE deleted_at IS NULL AND hidden_at IS NOT NULL AND hidden_reason = 'blocked'), \
     (SELECT count(*) FROM comment_reports), \
     (SELECT count(*) FROM comment_reports WHERE resolution = 'hidden'), \
     (SELECT count(*) FROM comment_reports WHERE resolution IN ('restored', 'dismissed')), \
     (SELECT count(*) FROM comment_reports WHERE resolved_at IS NULL), \
     (SELECT count(*) FROM users WHERE blocked_at IS NOT NULL AND deleted_at IS NULL)";

/// Processes whose report is published, the latest first.
const PUBLISHED_REPORTS: &str = "SELECT p.slug, p.title, r.published_at FROM process_reports r \
     JOIN processes p ON p.id = r.process_id \
     WHERE r.published_at IS NOT NULL AND p.status = 'published' ORDER BY r.published_at DESC, p.id";

pub async fn index(env: &Env) -> Result<Response> {
    let locale = env.ctx.locale;
    // The shared counts, then each feature's (its manifest's), in one statement.
    let features: Vec<&Figure> = palabre_features::ALL
        .iter()
        .flat_map(|f| f.moderation.iter())
        .collect();
    let mut sql = MODERATION_COUNTS.to_string();
    for figure in &features {
        sql.push_str(&format!(", ({})", figure.total));
    }
    let row = db::query_one(&env.conn, &sql, Vec::<Sql>::new()).await?;
    let n = |i: usize| row.as_ref().map_or(0, |r| db::int(r, i));
    let line = |id: &str, count: i64| views::Count {
        label: i18n::t(locale, id),
        count,
    };
    let hidden = vec![
        line("transparency-hidden-reports", n(1)),
        line("transparency-hidden-keyword", n(2)),
        line("transparency-hidden-moderator", n(3)),
        line("transparency-hidden-blocked", n(4)),
    ];
    let mut others = vec![
        line("transparency-reports", n(5)),
        line("transparency-reports-upheld", n(6)),
        line("transparency-reports-rejected", n(7)),
        line("transparency-reports-open", n(8)),
    ];
    for (i, figure) in features.iter().enumerate() {
        others.push(line(&format!("transparency-{}", figure.key), n(10 + i)));
    }
    others.push(line("transparency-blocked-accounts", n(9)));
    let reports = db::query(&env.conn, PUBLISHED_REPORTS, Vec::<Sql>::new())
        .await?
        .iter()
        .map(|r| views::Report {
            href: format!("/processes/{}/bilan", db::text(r, 0)),
            title: db::text(r, 1),
            date: i18n::long_date(locale, db::int(r, 2)),
        })
        .collect();
    let data = views::Transparency {
        visible: n(0),
        hidden_total: n(1) + n(2) + n(3) + n(4),
        hidden,
        others,
        threshold: i18n::t_args(
            locale,
            "transparency-rule-reports",
            &[("count", &env.site.report_threshold.to_string())],
        ),
        reports,
    };
    let title = i18n::t(locale, "transparency-title");
    let page = env.page("transparency", &title, data)?;
    Ok(respond::cached(page, Cache::NoCache))
}

#[cfg(test)]
mod tests {
    use super::number;
    use palabre_domain::Locale;

    #[test]
    fn numbers_in_each_language() {
        assert_eq!(number(Locale::Fr, 0.5), "0,5");
        assert_eq!(number(Locale::En, 0.5), "0.5");
        assert_eq!(number(Locale::De, 8.0), "8");
        assert_eq!(number(Locale::En, 10.0 / 3.0), "3.33");
    }
}
