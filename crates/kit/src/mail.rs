//! Mail: every mail goes to the `mail_outbox` table (a shared table), as plain
//! text and HTML, in the recipient's language. Delivery through an HTTP API,
//! when configured, reads from there.

use palabre_domain::Locale;

use crate::db::{self, Connection, DbResult, Value};
use crate::respond::escape;

const INSERT: &str = "INSERT INTO mail_outbox \
     (created_at, to_email, user_id, locale, kind, subject, body_text, body_html) \
     VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";

/// A mail to queue: a subject, paragraphs, and an optional call to action.
pub struct Mail<'a> {
    pub to_email: &'a str,
    pub user_id: Option<i64>,
    pub locale: Locale,
    /// What it is (`confirm`, `reset`, `signup-existing`…), for the outbox viewer.
    pub kind: &'a str,
    pub subject: String,
    pub paragraphs: Vec<String>,
    /// (label, absolute URL)
    pub action: Option<(String, String)>,
    /// Who sends it (the commune's name).
    pub signature: String,
}

impl Mail<'_> {
    pub fn text(&self) -> String {
        let mut out = self.paragraphs.join("\n\n");
        if let Some((label, url)) = &self.action {
            out.push_str(&format!("\n\n{label}:\n{url}"));
        }
        out.push_str(&format!("\n\n-- \n{}\n", self.signature));
        out
    }

    pub fn html(&self) -> String {
        let mut out = format!(
            "<!doctype html>\n<html lang=\"{}\">\n<head><meta charset=\"utf-8\"><title>{}</title></head>\n<body>\n",
            self.locale.code(),
            escape(&self.subject)
        );
        for p in &self.paragraphs {
            out.push_str(&format!("<p>{}</p>\n", escape(p)));
        }
        if let Some((label, url)) = &self.action {
            out.push_str(&format!(
                "<p><a href=\"{}\">{}</a></p>\n",
                escape(url),
                escape(label)
            ));
        }
        out.push_str(&format!(
            "<p>— {}</p>\n</body>\n</html>\n",
            escape(&self.signature)
        ));
        out
    }
}

/// Queues a mail; returns its outbox id.
pub async fn queue(conn: &Connection, mail: &Mail<'_>) -> DbResult<i64> {
    let row = db::query_one(
        conn,
        INSERT,
        vec![
            Value::Integer(crate::now()),
            Value::text(mail.to_email),
            mail.user_id.map_or(Value::Null, Value::Integer),
            Value::text(mail.locale.code()),
            Value::text(mail.kind),
            Value::text(mail.subject.clone()),
            Value::text(mail.text()),
            Value::text(mail.html()),
        ],
    )
    .await?;
    Ok(row.map_or(0, |r| db::int(&r, 0)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_and_html_bodies() {
        let mail = Mail {
            to_email: "a@b.fr",
            user_id: None,
            locale: Locale::Fr,
            kind: "confirm",
            subject: "Confirmez <votre> adresse".into(),
            paragraphs: vec!["Bonjour & bienvenue".into()],
            action: Some((
                "Confirmer".into(),
                "https://ville.example/account/confirm?token=x&y".into(),
            )),
            signature: "Valbrune".into(),
        };
        let text = mail.text();
        assert!(text.starts_with(
            "Bonjour & bienvenue\n\nConfirmer:\nhttps://ville.example/account/confirm?token=x&y"
        ));
        let html = mail.html();
        assert!(html.contains("<html lang=\"fr\">"));
        assert!(html.contains("Confirmez &lt;votre&gt; adresse"));
        assert!(html.contains("href=\"https://ville.example/account/confirm?token=x&amp;y\""));
        assert!(html.contains("Bonjour &amp; bienvenue"));
    }
}
