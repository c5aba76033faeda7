//! The dashboard on `/admin`: who takes part, what they contribute (per
//! feature, per process, per day as an SVG chart with its table), and what
//! needs the staff's attention.

use crate::store;
use crate::{Env, views};
use palabre_domain::date::Day;
use palabre_kit::{Result, i18n};

/// The window of "new accounts" and of the daily chart.
pub const DAYS: i64 = 30;
/// The chart's drawing height (SVG units).
const CHART_HEIGHT: i64 = 120;
const BAR: i64 = 14;

/// The dashboard's data for the `admin_index` template.
pub async fn data(env: &Env) -> Result<views::Dashboard> {
    let locale = env.ctx.locale;
    let now = palabre_kit::now();
    let today = Day::of_unix(now);
    let since = now - DAYS * 86_400;
    let d = store::dashboard(&env.conn, since, &today.iso()).await?;
    let n = |v: i64| v.to_string();
    let features = d
        .features
        .iter()
        .map(|(key, count)| views::Figure {
            label: i18n::t(locale, &format!("dashboard-{key}")),
            count: n(*count),
        })
        .collect();
    // One bar per day of the window, empty days included, tallest = full height.
    let first = Day::of_unix(since);
    let mut bars = Vec::new();
    let max = d.days.iter().map(|(_, c)| *c).max().unwrap_or(0).max(1);
    let mut day = first;
    for i in 0..=DAYS {
        let iso = day.iso();
        let count = d
            .days
            .iter()
            .find(|(d, _)| *d == iso)
            .map_or(0, |(_, c)| *c);
        let height = count * CHART_HEIGHT / max;
        bars.push(views::Bar {
            x: i * (BAR + 2),
            y: CHART_HEIGHT - height,
            height,
            width: BAR,
            day: i18n::day(locale, day),
            count,
        });
        day = day.next();
    }
    let calm = d.reports_pending == 0 && d.unanswered.is_empty() && d.phases.is_empty();
    Ok(views::Dashboard {
        calm,
        participants: n(d.participants),
        new_accounts: i18n::t_args(
            locale,
            "dashboard-new-accounts",
            &[("count", &n(d.new_accounts)), ("days", &n(DAYS))],
        ),
        features,
        reports: (d.reports_pending > 0).then(|| {
            i18n::t_args(
                locale,
                "dashboard-reports",
                &[("count", &n(d.reports_pending))],
            )
        }),
        processes: d
            .processes
            .iter()
            .map(|(t, p, c)| views::ProcessFigures {
                title: t.clone(),
                participants: n(*p),
                contributions: n(*c),
            })
            .collect(),
        chart: views::Chart {
            width: (DAYS + 1) * (BAR + 2),
            height: CHART_HEIGHT,
            bars,
            title: i18n::t_args(locale, "dashboard-chart-title", &[("days", &n(DAYS))]),
            max: n(max),
        },
        unanswered: d
            .unanswered
            .iter()
            .map(|(id, t)| views::Unanswered {
                href: format!("/proposals/{id}#answers"),
                title: t.clone(),
            })
            .collect(),
        phases: d
            .phases
            .iter()
            .map(|(p, ph, on)| views::Soon {
                process: p.clone(),
                phase: ph.clone(),
                on: on.clone(),
            })
            .collect(),
    })
}
