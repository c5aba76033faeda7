//! The builder's page and the preview.

use crate::views;
use palabre_kit::app::link;
use palabre_kit::respond::{self, Cache};
use palabre_kit::{Response, Result, i18n};

use crate::Env;
use crate::handlers::answer::question_view;
use crate::store::{self};

use super::*;

pub async fn builder(env: &Env, slug: &str) -> Result<Response> {
    let locale = env.ctx.locale;
    let q = staff_questionnaire(env, slug).await?;
    let locked = store::has_responses(&env.conn, q.id).await?;
    let sections = store::structure(&env.conn, q.id).await?;
    let base = format!("/questionnaires/{}", q.slug);
    let mut n = 0;
    let built = sections
        .iter()
        .map(|s| {
            let questions = s
                .items
                .iter()
                .map(|item| {
                    n += 1;
                    let id = item.question.id;
                    views::BuiltQuestion {
                        n,
                        label: item.label.clone(),
                        kind: kind_label(env, item.question.kind),
                        required: item.question.required,
                        condition: item
                            .question
                            .condition
                            .map(|c| condition_text(env, &sections, c)),
                        edit: format!("{base}/questions/{id}"),
                        r#move: format!("{base}/questions/{id}/move"),
                        delete: format!("{base}/questions/{id}/delete"),
                    }
                })
                .collect();
            views::BuiltSection {
                title: s.title.clone(),
                edit: format!("{base}/sections/{}", s.id),
                r#move: format!("{base}/sections/{}/move", s.id),
                delete: format!("{base}/sections/{}/delete", s.id),
                id: s.id,
                questions,
            }
        })
        .collect();
    let data = views::Builder {
        questionnaire: views::BuiltQuestionnaire {
            title: q.title.clone(),
            href: base.clone(),
            status: palabre_kit::participation::dates(locale, &q.opens_on, &q.closes_on).1,
            draft: !q.published,
            version: i18n::t_args(
                locale,
                "questionnaire-version",
                &[("version", &q.version.to_string())],
            ),
            responses: i18n::t_args(
                locale,
                "questionnaire-responses",
                &[("count", &q.responses_count.to_string())],
            ),
        },
        saved: (env.ctx.query("saved") == Some("1")).then(|| i18n::t(locale, "admin-saved")),
        locked,
        sections: built,
        kinds: palabre_domain::questionnaire::Kind::ALL
            .iter()
            .map(|k| views::KindChoice {
                value: k.as_str().to_string(),
                label: kind_label(env, *k),
            })
            .collect(),
        links: vec![
            link(
                env,
                &format!("{base}/settings"),
                "questionnaire-settings-title",
            ),
            link(env, &format!("{base}/preview"), "questionnaire-preview"),
            link(env, &format!("{base}/results"), "questionnaire-results"),
            link(
                env,
                &format!("{base}/export.csv"),
                "questionnaire-export-csv",
            ),
            link(
                env,
                &format!("{base}/export.json"),
                "questionnaire-export-json",
            ),
        ],
        base,
    };
    let title = i18n::t_args(locale, "questionnaire-builder-of", &[("title", &q.title)]);
    let page = env.page("builder", &title, data)?;
    Ok(respond::cached(page, Cache::NoCache))
}

pub async fn preview(env: &Env, slug: &str) -> Result<Response> {
    let locale = env.ctx.locale;
    let q = staff_questionnaire(env, slug).await?;
    let sections = store::structure(&env.conn, q.id).await?;
    let none = |_: &str| Vec::new();
    let shown = sections
        .iter()
        .map(|s| crate::views::PreviewSection {
            title: s.title.clone(),
            description: s.description.clone(),
            questions: s
                .items
                .iter()
                .map(|item| crate::views::Question {
                    condition: item
                        .question
                        .condition
                        .map(|c| condition_text(env, &sections, c)),
                    ..question_view(env, item, &none, None)
                })
                .collect(),
        })
        .collect();
    let data = crate::views::Preview {
        questionnaire: palabre_kit::view::Titled {
            title: q.title.clone(),
            href: format!("/questionnaires/{}/edit", q.slug),
        },
        sections: shown,
    };
    let title = i18n::t_args(locale, "questionnaire-preview-of", &[("title", &q.title)]);
    let page = env.page("preview", &title, data)?;
    Ok(respond::cached(page, Cache::NoCache))
}
