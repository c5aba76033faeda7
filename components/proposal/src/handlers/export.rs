//! Exports (staff) and the open data of a process's proposals.

use palabre_domain::Role;
use palabre_domain::date::iso_date;
use palabre_domain::questionnaire::csv_cell;
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
        let mut out = String::from(
            "id,title,author,category,district,address,latitude,longitude,status,supports,threshold_reached,published\r\n",
        );
        for p in &items {
            let row = [
                p.id.to_string(),
                csv_cell(&p.title),
                csv_cell(&p.author),
                csv_cell(p.category.as_ref().map_or("", |c| c.1.as_str())),
                csv_cell(p.district.as_ref().map_or("", |d| d.1.as_str())),
                csv_cell(&p.address),
                p.location.map(|l| l.0.to_string()).unwrap_or_default(),
                p.location.map(|l| l.1.to_string()).unwrap_or_default(),
                p.status.as_str().to_string(),
                p.supports.to_string(),
                if p.threshold_reached { "yes" } else { "no" }.to_string(),
                p.published_at.map(iso_date).unwrap_or_default(),
            ];
            out.push_str(&row.join(","));
            out.push_str("\r\n");
        }
        return Ok(respond::download(
            "text/csv; charset=utf-8",
            &format!("proposals-{}.csv", process.slug),
            out.into_bytes(),
        ));
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
            "created": iso_date(p.created_at),
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
            .map(|(s, body, at)| json!({ "status": s.as_str(), "answer": body, "date": iso_date(at) }))
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
