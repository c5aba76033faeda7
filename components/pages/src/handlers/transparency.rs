//! `/transparency/ranking`: how the "best" order of contributions is computed,
//! in plain words, with the weights the code uses (`domain::ranking`).

use palabre_domain::Locale;
use palabre_domain::proposal;
use palabre_domain::ranking::{Signals, WEIGHTS, points, score};
use palabre_kit::respond::{self, Cache};
use palabre_kit::{Response, Result, i18n};
use serde_json::json;

use crate::Env;

/// A number as people of `locale` write it (decimal comma in French and German).
fn number(locale: Locale, value: f64) -> String {
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
    let data = json!({
        "proposals": proposals,
        "weights": weights,
        "example": i18n::t_args(
            locale,
            "ranking-example",
            &[
                ("points", &n(points(&example, &w))),
                ("score", &n(score(&example, &w))),
            ],
        ),
    });
    let title = i18n::t(locale, "ranking-title");
    let page = env.page("ranking", &title, data)?;
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
