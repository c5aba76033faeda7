//! The dashboard on `/admin`: who takes part, what they contribute (per
//! feature, per process, per day as an SVG chart with its table), and what
//! needs the staff's attention.

use crate::store;
use crate::{Env, views};
use palabre_kit::{Result, i18n};

/// The window of "new accounts" and of the daily chart.
pub const DAYS: i64 = 30;
/// The chart's drawing height (SVG units).
const CHART_HEIGHT: i64 = 120;
const BAR: i64 = 14;
/// Room for the counts left of the bars, above them and the days below.
const LEFT: i64 = 32;
const TOP: i64 = 8;
const BOTTOM: i64 = 22;

/// The dashboard's data for the `admin_index` template.
pub async fn data(env: &Env) -> Result<views::Dashboard> {
    let locale = env.ctx.locale;
    let now = palabre_kit::now();
    let today = palabre_kit::today();
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
    let first = today.plus_days(-DAYS);
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
            x: LEFT + i * (BAR + 2),
            y: TOP + CHART_HEIGHT - height,
            height,
            width: BAR,
            day: i18n::day(locale, day),
            count,
        });
        day = day.next();
    }
    let base = TOP + CHART_HEIGHT;
    let width = LEFT + (DAYS + 1) * (BAR + 2);
    // The counts: none, half the busiest day (when whole), the busiest day.
    let mut ticks: Vec<views::Tick> = [0, max / 2, max]
        .into_iter()
        .filter(|v| *v == 0 || *v == max || (max % 2 == 0 && *v > 0))
        .map(|v| views::Tick {
            x: LEFT - 6,
            y: base - v * CHART_HEIGHT / max + 4,
            label: n(v),
            anchor: "end".to_string(),
        })
        .collect();
    // The days: the first, the middle and the last (today).
    for (i, anchor) in [(0, "start"), (DAYS / 2, "middle"), (DAYS, "end")] {
        let x = match anchor {
            "start" => LEFT + i * (BAR + 2),
            "end" => width,
            _ => LEFT + i * (BAR + 2) + BAR / 2,
        };
        ticks.push(views::Tick {
            x,
            y: base + BOTTOM - 4,
            label: i18n::short_day(locale, first.plus_days(i)),
            anchor: anchor.to_string(),
        });
    }
    let calm = d.reports_pending == 0 && d.unanswered_all == 0 && d.phases.is_empty();
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
            width,
            height: TOP + CHART_HEIGHT + BOTTOM,
            bars,
            ticks,
            base,
            left: LEFT,
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
        unanswered_all: (d.unanswered_all > 0).then(|| views::Unanswered {
            href: "/proposals?status=open&sort=supported".to_string(),
            title: i18n::t_args(
                locale,
                "dashboard-unanswered-all",
                &[("count", &n(d.unanswered_all))],
            ),
        }),
        phases: d
            .phases
            .iter()
            .map(|(p, ph, on)| views::Soon {
                process: p.clone(),
                phase: ph.clone(),
                on: on.clone(),
                on_text: i18n::day_text(locale, on),
            })
            .collect(),
    })
}
