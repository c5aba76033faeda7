//! `/admin/verification/letters`: the letter codes. A resident asks for a
//! letter at their address in the commune (`/account/verification`); staff
//! print the letters waiting, as one PDF, and post them in window
//! envelopes; the resident types the code back and is verified.
//!
//! Each letter gets its code when printed: the code is in the PDF only, and
//! the database keeps its keyed hash (`kit::census::letter_hash`, the gate's
//! key). A PDF lost or misprinted is undone by putting its batch back to
//! print: the letters get new codes, and the printed ones stop working.

use palabre_domain::Locale;
use palabre_domain::verification;
use palabre_identity::{LETTER_DAYS, ToPrint};
use palabre_kit::forms::{Entry, FormView};
use palabre_kit::pdf::{Document, Font};
use palabre_kit::{Error, Response, Result, Site, census, db, i18n, respond};

use crate::Env;
use crate::handlers::{link, record_in, saved, saved_notice};

/// Letters in one PDF, at most.
const PER_FILE: i64 = 200;

const PATH: &str = "/admin/verification/letters";

pub async fn page(env: &Env) -> Result<Response> {
    let entry = Entry::new().with("sender", env.site.letter_sender.clone());
    render(env, &entry, http::StatusCode::OK).await
}

async fn render(env: &Env, entry: &Entry, status: http::StatusCode) -> Result<Response> {
    let locale = env.ctx.locale;
    let zone = env.site.zone;
    let now = palabre_kit::now();
    let (waiting, sent, used) = palabre_identity::letter_counts(&env.conn, now).await?;
    let rows = palabre_identity::letters_to_print(&env.conn, PER_FILE).await?;
    let waiting_rows = rows
        .iter()
        .map(|l| crate::views::LetterRow {
            recipient: l.address.recipient.clone(),
            place: format!("{} {}", l.address.postal_code, l.address.town),
            asked: i18n::long_date_in(locale, zone, l.requested_at),
        })
        .collect();
    let batches = palabre_identity::letter_batches(&env.conn, now)
        .await?
        .into_iter()
        .map(|b| crate::views::LetterBatch {
            at: b.printed_at,
            printed: i18n::date_time_in(locale, zone, b.printed_at),
            by: b
                .by
                .unwrap_or_else(|| i18n::t(locale, "verification-by-nobody")),
            count: b.count.to_string(),
            open: b.open.to_string(),
            reprint: b.open > 0,
        })
        .collect();
    let form = FormView::of(locale, entry)
        .textarea("sender", "letters-field-sender")
        .optional()
        .hint("letters-field-sender-hint")
        .view();
    let count = |n: i64| n.to_string();
    let data = crate::views::Letters {
        intro: i18n::t_args(
            locale,
            "letters-intro",
            &[("days", &LETTER_DAYS.to_string())],
        ),
        off: (!env.site.offers_letters()).then(|| i18n::t(locale, "letters-off")),
        saved: env
            .ctx
            .query("done")
            .and_then(|done| match done {
                "none" => Some(i18n::t(locale, "letters-nothing-printed")),
                n => n
                    .parse::<i64>()
                    .ok()
                    .map(|n| i18n::t_args(locale, "letters-reprinted", &[("count", &count(n))])),
            })
            .or_else(|| saved_notice(env)),
        counts: i18n::t_args(
            locale,
            "letters-counts",
            &[
                ("waiting", &count(waiting)),
                ("sent", &count(sent)),
                ("used", &count(used)),
            ],
        ),
        waiting: waiting_rows,
        print: i18n::t_args(
            locale,
            "letters-print",
            &[("count", &count(waiting.min(PER_FILE)))],
        ),
        print_hint: i18n::t_args(
            locale,
            "letters-print-hint",
            &[("max", &PER_FILE.to_string())],
        ),
        batches,
        form,
        back: link(env, "/admin", "admin-back-to-index"),
    };
    let title = i18n::t(locale, "letters-title");
    env.renderer
        .page(&env.ctx, &env.site, status, "letters", &title, data)
}

/// Saves the town hall's address printed as sender (empty: letters off).
pub async fn save(env: &mut Env) -> Result<Response> {
    let form = env.submission().await?;
    let mut e = Entry::read(&form, &["sender"]);
    let Some(sender) = e.check("sender", verification::letter_sender) else {
        return render(env, &e, http::StatusCode::UNPROCESSABLE_ENTITY).await;
    };
    db::immediate(&env.conn, async |conn| {
        Site::set(conn, palabre_kit::site::LETTER_SENDER, &sender).await?;
        record_in(conn, &env.ctx, "letters-settings-saved", "sender").await?;
        Ok::<_, Error>(())
    })
    .await?;
    Ok(saved(PATH))
}

/// Prints the letters waiting (the oldest `PER_FILE`): each gets a new code,
/// kept as its hash, and the PDF with every code is the answer, never kept
/// anywhere (`respond::secret`).
pub async fn print(env: &mut Env) -> Result<Response> {
    env.submission().await?;
    let key = env.ctx.verification_key()?;
    // The letters send people to their account: the site's public address.
    let link = env.ctx.mail_links()?.to("/account/verification");
    let now = palabre_kit::now();
    let by = env.ctx.visitor.user_id;
    let printed = db::immediate(&env.conn, async |conn| {
        palabre_identity::expire_letters(conn, now).await?;
        let mut printed = Vec::new();
        for letter in palabre_identity::letters_to_print(conn, PER_FILE).await? {
            let code = census::new_letter_code()
                .map_err(|e| Error::Internal(format!("no randomness: {e}")))?;
            let hash = census::letter_hash(&key, &code)
                .ok_or_else(|| Error::Internal("verification key too short".into()))?;
            if palabre_identity::letter_printed(conn, letter.id, &hash, by, now).await? {
                printed.push((letter, code));
            }
        }
        if !printed.is_empty() {
            let summary = format!("{} letters", printed.len());
            record_in(conn, &env.ctx, "letters-printed", &summary).await?;
        }
        Ok::<_, Error>(printed)
    })
    .await?;
    if printed.is_empty() {
        return Ok(respond::redirect(&format!("{PATH}?done=none")));
    }
    let title = i18n::t(env.ctx.locale, "letters-title");
    let mut doc = Document::new(&title, env.ctx.locale.code());
    let expires = now + LETTER_DAYS * 86_400;
    for (letter, code) in &printed {
        draw_letter(
            &mut doc,
            &env.site,
            link.as_str(),
            letter,
            code,
            now,
            expires,
        );
    }
    let name = format!("courriers-{}.pdf", i18n::iso_day(now));
    Ok(respond::secret(respond::download(
        "application/pdf",
        &name,
        doc.finish(),
    )))
}

/// Puts a printed batch's letters still waiting for their code back to
/// print (their printed codes stop working).
pub async fn reprint(env: &mut Env) -> Result<Response> {
    let form = env.submission().await?;
    let Ok(batch) = form.get("batch").parse::<i64>() else {
        return Err(Error::BadRequest("no batch of letters"));
    };
    let now = palabre_kit::now();
    let count = db::immediate(&env.conn, async |conn| {
        let count = palabre_identity::letters_back_to_print(conn, batch, now).await?;
        record_in(
            conn,
            &env.ctx,
            "letters-back-to-print",
            &format!("{count} letters"),
        )
        .await?;
        Ok::<_, Error>(count)
    })
    .await?;
    Ok(respond::redirect(&format!("{PATH}?done={count}")))
}

/// One A4 letter, laid out for a window envelope (the address where French
/// windows are, right, 50 mm from the top), in the language the resident
/// asked in.
fn draw_letter(
    doc: &mut Document,
    site: &Site,
    link: &str,
    letter: &ToPrint,
    code: &str,
    now: i64,
    expires: i64,
) {
    let locale: Locale = letter.locale.parse().unwrap_or(site.default_locale);
    let zone = site.zone;
    let t = |id: &str| i18n::t(locale, id);
    let page = doc.page();
    // The sender, top left.
    let mut y = 22.0;
    page.text(20.0, y, Font::Bold, 11.0, &site.name);
    for line in site.letter_sender.lines() {
        y += 4.8;
        page.text(20.0, y, Font::Regular, 10.0, line);
    }
    // The recipient, in the envelope's window.
    let to = &letter.address;
    let mut y = 58.0;
    let mut lines = vec![to.recipient.clone()];
    lines.extend(palabre_kit::pdf::wrap(
        &to.address,
        Font::Regular,
        11.0,
        80.0,
    ));
    lines.push(format!("{} {}", to.postal_code, to.town.to_uppercase()));
    for line in lines {
        page.text(112.0, y, Font::Regular, 11.0, &line);
        y += 5.2;
    }
    let date = i18n::t_args(
        locale,
        "letter-date",
        &[("date", &i18n::long_date_in(locale, zone, now))],
    );
    page.text(112.0, 100.0, Font::Regular, 10.0, &date);
    // The letter.
    let (left, width) = (20.0, 170.0);
    let mut y = page.paragraph(left, 118.0, width, Font::Bold, 11.0, &t("letter-subject"));
    y = page.paragraph(
        left,
        y + 4.0,
        width,
        Font::Regular,
        11.0,
        &t("letter-greeting"),
    );
    let body = i18n::t_args(locale, "letter-body", &[("commune", &site.name)]);
    y = page.paragraph(left, y, width, Font::Regular, 11.0, &body);
    let printed = verification::letter_code_printed(code);
    let code_width = palabre_kit::pdf::text_width(&printed, Font::Code, 22.0);
    page.frame(left, y, width, 16.0);
    page.text(
        left + (width - code_width) / 2.0,
        y + 10.5,
        Font::Code,
        22.0,
        &printed,
    );
    y += 24.0;
    let how = i18n::t_args(
        locale,
        "letter-how",
        &[
            ("link", link),
            ("expires", &i18n::long_date_in(locale, zone, expires)),
        ],
    );
    y = page.paragraph(left, y, width, Font::Regular, 11.0, &how);
    y = page.paragraph(left, y, width, Font::Regular, 11.0, &t("letter-once"));
    y = page.paragraph(
        left,
        y + 2.0,
        width,
        Font::Regular,
        11.0,
        &t("letter-closing"),
    );
    page.text(left, y + 2.0, Font::Bold, 11.0, &site.name);
    let reference = i18n::t_args(
        locale,
        "letter-reference",
        &[
            ("id", &letter.id.to_string()),
            (
                "date",
                &i18n::long_date_in(locale, zone, letter.requested_at),
            ),
        ],
    );
    page.text(left, 285.0, Font::Regular, 8.0, &reference);
}
