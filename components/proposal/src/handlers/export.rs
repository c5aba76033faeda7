//! Exports (staff) and the open data of a process's proposals.

use palabre_domain::Role;
use palabre_domain::date::iso_date;
use palabre_kit::csv::{Flavour, Table};
use palabre_kit::respond::{self};
use palabre_kit::{Response, Result, i18n};
use serde_json::{Value, json};

use super::*;
use crate::Env;
use crate::store::{self};

// ---- exports (staff)

pub async fn export(env: &Env, csv: bool) -> Result<Response> {
    env.ctx.require(Role::Moderator)?;
    let process = process_of_query(env).await?;
    let items = store::all_published(&env.conn, process.id).await?;
    if csv {
        let flavour = Flavour::of(&env.ctx);
        let mut table = Table::new(flavour);
        table.heads(&[
            "id",
            "title",
            "author",
            "category",
            "district",
            "address",
            "latitude",
            "longitude",
            "status",
            "supports",
            "threshold_reached",
            "published",
        ]);
        for p in &items {
            table.row([
                p.id.to_string(),
                p.title.clone(),
                p.author.clone(),
                p.category.as_ref().map_or("", |c| c.1.as_str()).to_string(),
                p.district.as_ref().map_or("", |d| d.1.as_str()).to_string(),
                p.address.clone(),
                p.location.map(|l| flavour.decimal(l.0)).unwrap_or_default(),
                p.location.map(|l| flavour.decimal(l.1)).unwrap_or_default(),
                flavour.label(
                    p.status.as_str(),
                    &format!("proposal-status-{}", p.status.as_str()),
                ),
                p.supports.to_string(),
                flavour.yes_no(p.threshold_reached),
                p.published_at.map(i18n::iso_day).unwrap_or_default(),
            ]);
        }
        return Ok(table.download(&format!("proposals-{}", process.slug)));
    }
    let body = json!({
        "process": process.slug,
        "proposals": items.iter().map(|p| json!({
            "id": p.id,
            "title": p.title,
            "body": p.body,
            "author": p.author,
            "category": p.category.as_ref().map(|c| &c.1),
            "district": p.district.as_ref().map(|d| &d.1),
            "address": p.address,
            "location": p.location.map(|(lat, lon)| json!([lat, lon])),
            "status": p.status.as_str(),
            "supports": p.supports,
            "threshold_reached": p.threshold_reached,
            "published": p.published_at.map(iso_date),
            "created": i18n::iso_day(p.created_at),
        })).collect::<Vec<_>>(),
    });
    Ok(respond::download(
        "application/json",
        &format!("proposals-{}.json", process.slug),
        body.to_string().into_bytes(),
    ))
}

/// `GET /proposals/open-data.json?process=<slug>`: published proposals with
/// their statuses, counts and the commune's answers, and nothing about who
/// wrote or supported them.
pub async fn open_data(env: &Env) -> Result<Response> {
    let process = process_of_query(env).await?;
    let items = store::all_published(&env.conn, process.id).await?;
    let mut proposals = Vec::with_capacity(items.len());
    for p in &items {
        let answers: Vec<Value> = store::answers(&env.conn, p.id)
            .await?
            .into_iter()
            .map(|(s, body, at)| json!({ "status": s.as_str(), "answer": body, "date": i18n::iso_day(at) }))
            .collect();
        proposals.push(json!({
            "id": p.id,
            "url": format!("{}/proposals/{}", env.ctx.origin, p.id),
            "title": p.title,
            "body": p.body,
            "category": p.category.as_ref().map(|c| &c.1),
            "district": p.district.as_ref().map(|d| &d.1),
            "location": p.location.map(|(lat, lon)| json!([lat, lon])),
            "status": p.status.as_str(),
            "supports": p.supports,
            "threshold_reached": p.threshold_reached,
            "published": p.published_at.map(iso_date),
            "answers": answers,
        }));
    }
    let body = json!({
        "process": { "slug": process.slug, "title": process.title },
        "licence": i18n::t(env.ctx.locale, "open-data-licence"),
        "proposals": proposals,
    });
    Ok(respond::download(
        "application/json",
        &format!("proposals-{}-open-data.json", process.slug),
        body.to_string().into_bytes(),
    ))
}
