//! One request through the gate, as named stages: admit it (the client's
//! address, the language of any refusal), make sure the instance is ready,
//! learn who asks, answer an anonymous read from the kept copy, screen a
//! write (CSRF, size, limits, blocked accounts, a newer schema), hold its
//! idempotency key, tell the feature what it may trust, forward, and dress
//! the answer (cookies, security headers, kept copies, work after a write).
//! Each stage either hands the next what it needs or ends the request with
//! its answer.

use std::sync::atomic::Ordering;

use bytes::Bytes;
use http::{HeaderValue, StatusCode, header};
use http_body_util::{BodyExt, Full};
use palabre_domain::Locale;
use palabre_kit::session::Key;
use palabre_kit::visitor::{
    BASE_URL_HEADER, CLIENT_HEADER, END_SESSION_HEADER, MAIL_ORIGIN_HEADER, ONCE_FIELD,
    ONCE_HEADER, ORIGIN_HEADER, PUBLIC_HEADER, SET_SESSION_HEADER, TOO_MANY_HEADER, VISITOR_HEADER,
};
use palabre_kit::{client, respond};
use spin_sdk::http::Request;
use spin_sdk::wasip3::http::types::Response as WasiResponse;
use spin_sdk::wasip3::http_compat::IncomingResponseBody;

use crate::{
    BLOCKED_MAY_POST, Identity, NEWER_SCHEMA, Refusal, base_url, check_limits, check_unsafe,
    count_accepted, form_field, identify, is_safe, kept_answer, key, locale_of, mail, needs_setup,
    oidc, once, origins, passthrough, prepare_database, proxies, public, reachable_before_setup,
    retention_after_write, security, session_cookies, wasi,
};

/// A stage's outcome: go on with `T`, or answer now.
type Stage<T> = Result<T, respond::Response>;

pub async fn serve(request: Request) -> anyhow::Result<WasiResponse> {
    let (mut parts, body) = request.into_parts();
    let locale = admit(&mut parts).await;
    if let Err(answer) = ready(&parts, locale).await {
        return wasi(answer);
    }
    let key = key().await.ok();
    let identity = identify(&parts.headers, parts.uri.path(), key).await;
    let copy = Copy::of(&parts, &identity).await;
    if let Some(kept) = copy.kept() {
        return wasi(kept_answer(kept, &identity, key, locale).await);
    }
    let safe = is_safe(&parts.method);
    let Screened {
        body,
        over_limit,
        count_if_accepted,
    } = match screen(&parts, body, &identity, key, locale).await {
        Ok(screened) => screened,
        Err(answer) => return wasi(answer),
    };
    // A sign-in with a provider: its start is answered here (the redirect),
    // its callback handed on with what was verified (`oidc`).
    let (origin, _) = origins(&parts).await;
    let mut opened_with = None;
    if over_limit.is_none() {
        match oidc::intercept(&mut parts, &identity, &origin).await {
            oidc::Step::Answer(answer) => {
                return wasi(kept_answer(answer, &identity, key, locale).await);
            }
            oidc::Step::Forward(verified) => opened_with = verified,
        }
    }
    // Over a rate limit: the feature answers with its own page (the site's
    // header, the real wait, what was typed) and runs nothing; its key is
    // not held, so the same form can be sent again once the wait is over.
    let held = if safe || over_limit.is_some() {
        None
    } else {
        match hold(&mut parts, &body, &identity, key, locale).await {
            Ok(held) => held,
            Err(answer) => return wasi(answer),
        }
    };
    tell_feature(&mut parts, &identity).await;
    // The census list's key, to the two routes that hash with it.
    if let Some(key) = key
        && palabre_kit::census::PATHS.contains(&parts.uri.path())
        && let Ok(value) =
            HeaderValue::from_str(&palabre_kit::session::pseudonym(key, "census-key", "v1"))
    {
        parts.headers.insert(palabre_kit::census::KEY_HEADER, value);
    }
    if let Some(seconds) = over_limit {
        parts
            .headers
            .insert(TOO_MANY_HEADER, HeaderValue::from(seconds.max(1)));
    }
    // Versioned public files (assets, uploaded images): cacheable even when
    // the visitor is signed in.
    let account_page = parts.uri.path().starts_with("/account");
    let is_static = ["/static/", "/images/"]
        .iter()
        .any(|p| parts.uri.path().starts_with(p));
    let path_of_write = (!safe).then(|| parts.uri.path().to_string());
    let forwarded = http::Request::from_parts(parts, Full::new(body));
    let response = match spin_sdk::http::next(forwarded).await {
        Ok(response) => response,
        Err(e) => {
            eprintln!("gate: the feature failed: {e:?}");
            return wasi(release(held.as_ref(), Refusal::Internal.page(locale)).await);
        }
    };
    let (mut rparts, rbody) = response.into_parts();
    if rparts.status.as_u16() < 400 {
        count_accepted(&count_if_accepted).await;
        if !safe {
            entered_at_the_desk(&identity, path_of_write.as_deref()).await;
        }
    }
    desk_asked(&rparts.headers, &identity, path_of_write.as_deref()).await;
    let session_change = rparts.headers.contains_key(SET_SESSION_HEADER)
        || rparts.headers.contains_key(END_SESSION_HEADER);
    let signing_out = rparts.headers.contains_key(END_SESSION_HEADER);
    let (cookies, signed_in, started) = match session_cookies(&rparts.headers, &identity, key).await
    {
        Ok(found) => found,
        Err(refusal) => return wasi(release(held.as_ref(), refusal.page(locale)).await),
    };
    // A session opened with FranceConnect is closed there too, whether the
    // callback opened it or a later step of the sign-in did (the linked
    // account's password, a staff member's code), in the same browser.
    let browser = identity
        .session
        .is_none()
        .then_some(identity.binding.as_deref())
        .flatten();
    match (opened_with, &started, browser) {
        (Some(verified), Some(started), _) => oidc::keep_for_logout(verified, started).await,
        // The account component asks for the step (its page), not refused.
        (Some(verified), None, Some(browser)) if rparts.status == http::StatusCode::OK => {
            oidc::keep_until_signed_in(verified, browser).await;
        }
        (None, Some(started), Some(browser)) => oidc::carry_to_session(browser, started).await,
        _ => {}
    }
    if signing_out
        && let Some(current) = &identity.session
        && let Some(location) = oidc::logout_location(current, &origin).await
    {
        rparts.headers.insert(header::LOCATION, location);
    }
    let public = rparts.headers.contains_key(PUBLIC_HEADER);
    security::strip_internal_headers(&mut rparts.headers);
    security::drop_gate_cookies(&mut rparts.headers);
    let body = match copy.keep(public, &mut rparts, rbody, locale).await {
        Ok(body) => body,
        Err(answer) => return wasi(answer),
    };
    let body = match keep_for_replays(held, &rparts, session_change, body, locale).await {
        Ok(body) => body,
        Err(answer) => return wasi(answer),
    };
    for cookie in cookies {
        if let Ok(value) = HeaderValue::from_str(&cookie) {
            rparts.headers.append(header::SET_COOKIE, value);
        }
    }
    security::add_headers(&mut rparts.headers, signed_in && !is_static);
    if account_page {
        let origins: Vec<&str> = oidc::provider::configured()
            .await
            .iter()
            .map(|c| c.origin.as_str())
            .collect();
        security::allow_form_action(&mut rparts.headers, &origins);
    }
    if !safe {
        mail::deliver_after_write().await;
        retention_after_write();
    }
    match body {
        Ok(bytes) => wasi(http::Response::from_parts(rparts, Full::new(bytes))),
        Err(stream) => passthrough(rparts, stream),
    }
}

/// Strips the headers only the platform may set, and establishes who is
/// asking once (the runtime's value, or behind the commune's proxies the
/// nearest hop they vouch for), handed on: the feature never reads a header
/// the visitor could have written. Returns the language of any refusal.
async fn admit(parts: &mut http::request::Parts) -> Locale {
    security::strip_internal_headers(&mut parts.headers);
    let client = proxies().await.client(&parts.headers);
    parts.headers.remove(client::RUNTIME_HEADER);
    if let Some(ip) = client
        && let Ok(value) = HeaderValue::from_str(&ip.to_string())
    {
        parts.headers.insert(CLIENT_HEADER, value);
    }
    locale_of(parts)
}

/// The schema is migrated, and an instance without an administrator sends
/// every page but the setup's to `/setup`.
async fn ready(parts: &http::request::Parts, locale: Locale) -> Stage<()> {
    if let Err(e) = prepare_database().await {
        eprintln!("gate: database not ready: {e}");
        return Err(Refusal::Unavailable.page(locale));
    }
    match needs_setup().await {
        Ok(true) if !reachable_before_setup(parts.uri.path()) => {
            let mut response = respond::redirect("/setup");
            security::add_headers(response.headers_mut(), true);
            Err(response)
        }
        Ok(_) => Ok(()),
        Err(e) => {
            eprintln!("gate: cannot tell whether the instance is set up: {e}");
            Err(Refusal::Unavailable.page(locale))
        }
    }
}

/// The short-lived copy of public pages, for anonymous reads.
struct Copy {
    key: Option<String>,
    ttl: u128,
    if_none_match: Option<HeaderValue>,
}

impl Copy {
    async fn of(parts: &http::request::Parts, identity: &Identity) -> Copy {
        let key = if identity.session.is_none() && !identity.clear_session {
            public::key(parts)
        } else {
            None
        };
        let ttl = match key {
            Some(_) => public::ttl_ms().await,
            None => 0,
        };
        Copy {
            key,
            ttl,
            if_none_match: parts.headers.get(header::IF_NONE_MATCH).cloned(),
        }
    }

    /// The kept answer to the same request, if one is fresh (304 when the
    /// browser holds it).
    fn kept(&self) -> Option<respond::Response> {
        let k = self.key.as_deref().filter(|_| self.ttl > 0)?;
        let (status, headers, body) = public::get(k, self.ttl)?;
        let mut response = http::Response::new(Full::new(body));
        *response.status_mut() = status;
        *response.headers_mut() = headers;
        if public::not_modified(self.if_none_match.as_ref(), response.headers()) {
            *response.status_mut() = public::drop_body(response.headers_mut());
            *response.body_mut() = Full::new(Bytes::new());
        }
        Some(response)
    }

    /// A public page rendered for nobody in particular (`public`): tagged
    /// (ETag, 304 when the browser holds it) and kept for the next visitors.
    /// Any other answer's body is handed on as a stream.
    async fn keep(
        self,
        public: bool,
        rparts: &mut http::response::Parts,
        rbody: IncomingResponseBody,
        locale: Locale,
    ) -> Stage<Result<Bytes, IncomingResponseBody>> {
        let (true, Some(k)) = (public, self.key) else {
            return Ok(Err(rbody));
        };
        let bytes = match rbody.collect().await {
            Ok(collected) => collected.to_bytes(),
            Err(e) => {
                eprintln!("gate: reading a public page: {e:?}");
                return Err(Refusal::Internal.page(locale));
            }
        };
        public::tag(&mut rparts.headers, &bytes);
        if self.ttl > 0 {
            public::put(k, rparts.status, &rparts.headers, &bytes);
        }
        if rparts.status == StatusCode::OK
            && public::not_modified(self.if_none_match.as_ref(), &rparts.headers)
        {
            rparts.status = public::drop_body(&mut rparts.headers);
            return Ok(Ok(Bytes::new()));
        }
        Ok(Ok(bytes))
    }
}

/// A request the screen let through: its body, the wait when it is over a
/// rate limit, and the buckets to count once the feature accepts it.
struct Screened {
    body: Bytes,
    over_limit: Option<i64>,
    count_if_accepted: Vec<(String, palabre_kit::ratelimit::Limit)>,
}

/// What may be written, before the feature sees it: nothing through the
/// read-only API (405 as its OpenAPI document says), nothing while the
/// schema is newer than this build, nothing from a blocked account but
/// leaving; then the CSRF token, the body's size and the rate limits. Returns
/// what to forward (an empty body for a read), or the answer.
async fn screen(
    parts: &http::request::Parts,
    body: spin_sdk::wasip3::http_compat::IncomingRequestBody,
    identity: &Identity,
    key: Option<&'static Key>,
    locale: Locale,
) -> Stage<Screened> {
    if is_safe(&parts.method) {
        drop(body);
        return Ok(Screened {
            body: Bytes::new(),
            over_limit: None,
            count_if_accepted: Vec::new(),
        });
    }
    if parts.uri.path().starts_with("/api/") {
        let mut response = respond::api_read_only();
        security::add_headers(response.headers_mut(), true);
        return Err(response);
    }
    if NEWER_SCHEMA.load(Ordering::Acquire) {
        return Err(Refusal::NewerSchema.page(locale));
    }
    if identity.blocked && !BLOCKED_MAY_POST.contains(&parts.uri.path()) {
        return Err(Refusal::Blocked.page(locale));
    }
    let authority = parts.uri.authority().map(|a| a.as_str());
    let bytes = check_unsafe(&parts.headers, authority, body, identity, key)
        .await
        .map_err(|refusal| refusal.page(locale))?;
    match check_limits(parts, identity.visitor.user_id, &bytes, key, locale).await {
        Ok(count_if_accepted) => Ok(Screened {
            body: bytes,
            over_limit: None,
            count_if_accepted,
        }),
        Err(Refusal::TooMany(seconds)) => Ok(Screened {
            body: bytes,
            over_limit: Some(seconds),
            count_if_accepted: Vec::new(),
        }),
        Err(refusal) => Err(refusal.page(locale)),
    }
}

/// A form's idempotency key: the first submit holds it (and the feature is
/// told, `palabre-once`); a replay gets the first answer, or waits for it.
async fn hold(
    parts: &mut http::request::Parts,
    body: &[u8],
    identity: &Identity,
    key: Option<&'static Key>,
    locale: Locale,
) -> Stage<Option<once::Held>> {
    let once_key = form_field(&parts.headers, body, ONCE_FIELD);
    let claim = once::claim(
        identity.binding.as_deref(),
        identity.visitor.user_id,
        once_key.as_deref(),
        parts.uri.path(),
    )
    .await;
    match claim {
        Ok(once::Claim::Free) => Ok(None),
        Ok(once::Claim::Held(held)) => {
            if let Ok(value) = HeaderValue::from_str(&held.header()) {
                parts.headers.insert(ONCE_HEADER, value);
            }
            Ok(Some(held))
        }
        Ok(once::Claim::Replay(response)) => {
            Err(kept_answer(response, identity, key, locale).await)
        }
        Ok(once::Claim::Pending) => Err(Refusal::Pending.page(locale)),
        Ok(once::Claim::Done) => Err(Refusal::Done.page(locale)),
        Err(e) => {
            eprintln!("gate: idempotency key: {e}");
            Err(Refusal::Unavailable.page(locale))
        }
    }
}

/// What the feature may trust, in headers only the gate sets: the verified
/// visitor, the public origin (and the one for mail), whether `base_url` is
/// configured.
async fn tell_feature(parts: &mut http::request::Parts, identity: &Identity) {
    if let Ok(value) = HeaderValue::from_str(&identity.visitor.to_header()) {
        parts.headers.insert(VISITOR_HEADER, value);
    }
    let (origin, mail_origin) = origins(parts).await;
    if let Ok(value) = HeaderValue::from_str(&origin) {
        parts.headers.insert(ORIGIN_HEADER, value);
    }
    if let Some(value) = mail_origin.and_then(|o| HeaderValue::from_str(&o).ok()) {
        parts.headers.insert(MAIL_ORIGIN_HEADER, value);
    }
    if base_url().await.is_some() {
        parts
            .headers
            .insert(BASE_URL_HEADER, HeaderValue::from_static("1"));
    }
}

/// The back-office's desk starts or ends the desk session of the staff
/// member's own session (only the desk's routes may ask, only for staff).
async fn desk_asked(headers: &http::HeaderMap, identity: &Identity, path: Option<&str>) {
    use palabre_kit::desk::{self, Ask};
    let Some(ask) = headers
        .get(palabre_kit::visitor::DESK_HEADER)
        .and_then(|v| v.to_str().ok())
        .and_then(Ask::parse)
    else {
        return;
    };
    let (Some(session), Some(staff), Some(path)) =
        (identity.session.as_ref(), identity.visitor.user_id, path)
    else {
        return;
    };
    if !identity.visitor.role.is_staff()
        || identity.visitor.desk.is_some()
        || !path.starts_with("/admin/desk/")
    {
        return;
    }
    let done = async {
        let conn = palabre_kit::db::open().await?;
        match ask {
            Ask::Start(resident) => {
                desk::start(
                    &conn,
                    &session.session_id,
                    staff,
                    resident,
                    palabre_kit::now(),
                )
                .await
            }
            Ask::End => desk::end(&conn, &session.session_id).await.map(|_| ()),
        }
    };
    if let Err(e) = done.await {
        eprintln!("gate: the desk session: {e}");
    }
}

/// A write a staff member entered for a resident at the desk, accepted:
/// in the audit log (who entered, for whom, where).
async fn entered_at_the_desk(identity: &Identity, path: Option<&str>) {
    let (Some(staff), Some(resident), Some(path)) =
        (identity.visitor.desk, identity.visitor.user_id, path)
    else {
        return;
    };
    let recorded = async {
        let conn = palabre_kit::db::open().await?;
        palabre_kit::audit::record(
            &conn,
            Some(staff),
            palabre_kit::desk::ENTERED,
            Some(&format!("user:{resident} {path}")),
            None,
        )
        .await
    };
    if let Err(e) = recorded.await {
        eprintln!("gate: a write entered at the desk is not in the audit log: {e}");
    }
}

/// Lets go of a held idempotency key before answering with `answer`.
async fn release(held: Option<&once::Held>, answer: respond::Response) -> respond::Response {
    if let Some(held) = held {
        once::release(held).await;
    }
    answer
}

/// A submit holding an idempotency key: its answer is kept for replays, or
/// the key released when there is nothing to give again.
async fn keep_for_replays(
    held: Option<once::Held>,
    rparts: &http::response::Parts,
    session_change: bool,
    body: Result<Bytes, IncomingResponseBody>,
    locale: Locale,
) -> Stage<Result<Bytes, IncomingResponseBody>> {
    let Some(held) = held else {
        return Ok(body);
    };
    if once::keepable(rparts.status, &rparts.headers, session_change) {
        let bytes = match body {
            Ok(bytes) => Ok(bytes),
            Err(stream) => stream.collect().await.map(|c| c.to_bytes()),
        };
        return match bytes {
            Ok(bytes) => {
                once::keep(&held, rparts.status, &rparts.headers, &bytes).await;
                Ok(Ok(bytes))
            }
            Err(e) => {
                eprintln!("gate: reading an answer to keep: {e:?}");
                once::release(&held).await;
                Err(Refusal::Internal.page(locale))
            }
        };
    }
    // A refusal (4xx) wrote nothing, even where a transaction ran to decide
    // it: the form may be sent again, corrected; an answer that shows a
    // secret is never given again: a replay runs anew (a fresh challenge,
    // fresh codes).
    if rparts.status.is_client_error() || respond::shows_a_secret(&rparts.headers) {
        once::release_for_rerun(&held).await;
    } else {
        once::release(&held).await;
    }
    Ok(body)
}
