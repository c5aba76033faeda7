//! Signing in with an OpenID provider (FranceConnect, a commune's SSO): the
//! authorization code flow with PKCE (RFC 7636), `state` and `nonce`, done
//! by the gate, which alone holds the client secrets and may reach the
//! providers (`allowed_outbound_hosts` of the account component lists them).
//!
//! - `POST /account/oidc/<provider>/start` (CSRF-checked, rate-limited like a
//!   sign-in): a flow is written (the state's hash, the browser's binding's
//!   hash, the nonce, the PKCE verifier) and the browser sent to the provider.
//! - `GET /account/oidc/<provider>/callback`: the flow is taken (one use, ten
//!   minutes, the same browser, the same provider), the provider's `iss` is
//!   checked (RFC 9207, against mix-ups), the code exchanged, the ID token's
//!   signature and claims checked (`token`), the user info read for the same
//!   subject. The account component is then told what was verified, or why
//!   nothing was (`palabre_kit::oidc`), and ends the sign-in as a password
//!   sign-in ends; it never sees a token or a secret.
//!
//! docs/SECURITY.md, "OpenID Connect", gives the threats and their tests.

pub mod provider;
pub mod token;

use bytes::Bytes;
use http::{HeaderValue, StatusCode, header};
use http_body_util::Full;
use palabre_kit::db::{self, Value};
use palabre_kit::form;
use palabre_kit::oidc::{self, Failure, Provider, SignedIn};
use palabre_kit::respond;
use palabre_kit::tokens;
use sha2::Digest as _;

use crate::Identity;
use provider::{CallError, Config, Metadata, UserInfo};
use token::{Expect, TokenError};

/// How long a sign-in may stay at the provider, in seconds.
pub const FLOW_LIFETIME: i64 = 600;

const INSERT_FLOW: &str = "INSERT INTO oidc_flows \
     (state_hash, provider, binding_hash, nonce, code_verifier, created_at) \
     VALUES (?, ?, ?, ?, ?, ?)";
const PURGE_FLOWS: &str = "DELETE FROM oidc_flows WHERE created_at < ?";
const TAKE_FLOW: &str = "DELETE FROM oidc_flows WHERE state_hash = ? \
     RETURNING provider, binding_hash, nonce, code_verifier, created_at";

/// What the gate does with a request under `/account/`.
pub enum Step {
    /// Answer this (the redirect to the provider).
    Answer(respond::Response),
    /// Hand the request on (with what the gate verified, or why not), and,
    /// for a provider whose logout must follow ours, its ID token: kept with
    /// the session the account component then opens (`keep_for_logout`).
    Forward(Option<Opened>),
}

/// A sign-in with a provider that wants to hear of the logout.
pub struct Opened {
    provider: Provider,
    id_token: String,
}

const KEEP_SESSION: &str = "INSERT OR REPLACE INTO oidc_sessions \
     (session_hash, provider, id_token, expires_at) VALUES (?, ?, ?, ?)";
const PURGE_SESSIONS: &str = "DELETE FROM oidc_sessions WHERE expires_at < ?";
const TAKE_SESSION: &str = "DELETE FROM oidc_sessions WHERE session_hash = ? \
     RETURNING provider, id_token";
const TAKE_PENDING: &str = "DELETE FROM oidc_sessions WHERE session_hash = ? AND expires_at >= ? \
     RETURNING provider, id_token";

/// How long a sign-in's ID token waits for the later step that opens the
/// session (the linked account's password, a staff member's code): as long
/// as the account component's link and challenge last.
const PENDING_SECONDS: i64 = 900;

/// Intercepts the sign-in's two steps; on every other page of `/account/`
/// tells the account component which providers are on.
pub async fn intercept(
    parts: &mut http::request::Parts,
    identity: &Identity,
    origin: &str,
) -> Step {
    let path = parts.uri.path().to_string();
    if path != "/account" && !path.starts_with("/account/") {
        return Step::Forward(None);
    }
    let on: Vec<&str> = provider::configured()
        .await
        .iter()
        .map(|c| c.provider.id())
        .collect();
    if let Ok(value) = HeaderValue::from_str(&on.join(",")) {
        parts.headers.insert(oidc::PROVIDERS_HEADER, value);
    }
    let Some((provider, step)) = oidc::route(&path) else {
        return Step::Forward(None);
    };
    let outcome = match (step, &parts.method) {
        ("start", &http::Method::POST) => match start(provider, identity, origin).await {
            Ok(answer) => return Step::Answer(answer),
            Err(failure) => Err(failure),
        },
        ("callback", &http::Method::GET) => {
            let query = parts.uri.query().unwrap_or("").to_string();
            callback(provider, identity, origin, &query).await
        }
        _ => return Step::Forward(None),
    };
    match outcome {
        Ok((signed_in, id_token)) => {
            if let Ok(value) = HeaderValue::from_str(&signed_in.to_header()) {
                parts.headers.insert(oidc::SIGNED_IN_HEADER, value);
            }
            // FranceConnect's profile: its logout follows ours.
            let opened =
                (provider == Provider::FranceConnect).then_some(Opened { provider, id_token });
            Step::Forward(opened)
        }
        Err(failure) => {
            parts.headers.insert(
                oidc::FAILURE_HEADER,
                HeaderValue::from_static(failure.code()),
            );
            Step::Forward(None)
        }
    }
}

/// Keeps the ID token of a sign-in with the session it opened, until that
/// session's end at most.
pub async fn keep_for_logout(opened: Opened, session: &palabre_kit::session::SessionClaims) {
    let key = hash(&session.session_id);
    if let Err(e) = keep(key, opened, session.expires_at).await {
        eprintln!("gate: a session opened with a provider will not close there: {e}");
    }
}

/// Keeps the ID token of a sign-in whose session opens at a later step (the
/// password of the account the identity links to, a staff member's code),
/// under a hash of this browser's pre-session, until that step or for its
/// lifetime at most (`carry_to_session`).
pub async fn keep_until_signed_in(opened: Opened, binding: &str) {
    let until = palabre_kit::now() + PENDING_SECONDS;
    if let Err(e) = keep(pending_hash(binding), opened, until).await {
        eprintln!("gate: a sign-in with a provider will not close there: {e}");
    }
}

/// Keeps an ID token under `key` until `until`, forgetting the expired ones.
async fn keep(key: String, opened: Opened, until: i64) -> palabre_kit::Result<()> {
    let now = palabre_kit::now();
    let params = vec![
        Value::text(key),
        Value::text(opened.provider.id()),
        Value::text(opened.id_token),
        Value::Integer(until),
    ];
    let conn = db::open().await?;
    db::immediate(&conn, async |conn| {
        db::exec(conn, PURGE_SESSIONS, vec![Value::Integer(now)]).await?;
        db::exec(conn, KEEP_SESSION, params).await?;
        Ok::<_, palabre_kit::Error>(())
    })
    .await
}

/// A session this browser opened at a sign-in's later step: the ID token
/// its provider gave, if one waits, now goes with the session.
pub async fn carry_to_session(binding: &str, session: &palabre_kit::session::SessionClaims) {
    let now = palabre_kit::now();
    let taken = async {
        let conn = db::open().await?;
        db::query_one(
            &conn,
            TAKE_PENDING,
            vec![Value::text(pending_hash(binding)), Value::Integer(now)],
        )
        .await
    };
    let row = match taken.await {
        Ok(Some(row)) => row,
        Ok(None) => return,
        Err(e) => {
            eprintln!("gate: a sign-in's later step: {e}");
            return;
        }
    };
    if let Some(provider) = Provider::parse(&db::text(&row, 0)) {
        let opened = Opened {
            provider,
            id_token: db::text(&row, 1),
        };
        keep_for_logout(opened, session).await;
    }
}

/// The key of a sign-in's ID token waiting for its session: a hash of
/// another text than any session's, so the two never meet.
fn pending_hash(binding: &str) -> String {
    hash(&format!("pending {binding}"))
}

/// Where a sign-out goes when the session was opened with a provider whose
/// logout must follow (FranceConnect): its end-session endpoint, with the
/// ID token as a hint and the site's home as the way back.
pub async fn logout_location(
    session: &palabre_kit::session::SessionClaims,
    origin: &str,
) -> Option<HeaderValue> {
    let conn = db::open().await.ok()?;
    let row = db::query_one(
        &conn,
        TAKE_SESSION,
        vec![Value::text(hash(&session.session_id))],
    )
    .await
    .ok()??;
    let provider = Provider::parse(&db::text(&row, 0))?;
    let id_token = db::text(&row, 1);
    let config = provider::config(provider).await?;
    let metadata = match provider::metadata(config).await {
        Ok(metadata) => metadata,
        Err(e) => {
            eprintln!("gate: {} cannot be signed out of: {e:?}", provider.id());
            return None;
        }
    };
    let end = metadata.end_session_endpoint?;
    let state = tokens::new_token().ok()?;
    let query = [
        ("id_token_hint", id_token.as_str()),
        ("state", state.as_str()),
        ("post_logout_redirect_uri", &format!("{origin}/")),
    ]
    .iter()
    .map(|(k, v)| format!("{k}={}", form::encode_component(v)))
    .collect::<Vec<_>>()
    .join("&");
    let separator = if end.contains('?') { '&' } else { '?' };
    HeaderValue::from_str(&format!("{end}{separator}{query}")).ok()
}

fn hash(value: &str) -> String {
    tokens::hash_token(value)
}

/// The PKCE challenge of a verifier (S256).
fn challenge(verifier: &str) -> String {
    use base64::Engine as _;
    let digest = sha2::Sha256::digest(verifier.as_bytes());
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(digest)
}

fn redirect_uri(origin: &str, provider: Provider) -> String {
    format!("{origin}{}", provider.callback_path())
}

fn unavailable(what: &str, e: impl std::fmt::Display) -> Failure {
    eprintln!("gate: sign-in with a provider: {what}: {e}");
    Failure::Unavailable
}

async fn start(
    provider: Provider,
    identity: &Identity,
    origin: &str,
) -> Result<respond::Response, Failure> {
    let config = provider::config(provider)
        .await
        .ok_or(Failure::NotConfigured)?;
    let binding = identity.binding.as_deref().ok_or(Failure::Expired)?;
    let metadata = provider::metadata(config)
        .await
        .map_err(|e| unavailable(provider.id(), format!("{e:?}")))?;
    let fresh = || tokens::new_token().map_err(|e| unavailable("randomness", e));
    let (state, nonce, verifier) = (fresh()?, fresh()?, fresh()?);
    let now = palabre_kit::now();
    let conn = db::open().await.map_err(|e| unavailable("database", e))?;
    let params = vec![
        Value::text(hash(&state)),
        Value::text(provider.id()),
        Value::text(hash(binding)),
        Value::text(nonce.as_str()),
        Value::text(verifier.as_str()),
        Value::Integer(now),
    ];
    db::immediate(&conn, async |conn| {
        db::exec(conn, PURGE_FLOWS, vec![Value::Integer(now - FLOW_LIFETIME)]).await?;
        db::exec(conn, INSERT_FLOW, params).await?;
        Ok::<_, palabre_kit::Error>(())
    })
    .await
    .map_err(|e| unavailable("database", e))?;
    let location = authorization_url(config, &metadata, origin, &state, &nonce, &verifier);
    let mut response = http::Response::new(Full::new(Bytes::new()));
    *response.status_mut() = StatusCode::SEE_OTHER;
    let value = HeaderValue::from_str(&location).map_err(|e| unavailable("location", e))?;
    response.headers_mut().insert(header::LOCATION, value);
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    Ok(response)
}

fn authorization_url(
    config: &Config,
    metadata: &Metadata,
    origin: &str,
    state: &str,
    nonce: &str,
    verifier: &str,
) -> String {
    let mut params = vec![
        ("response_type", "code".to_string()),
        ("client_id", config.client_id.clone()),
        ("redirect_uri", redirect_uri(origin, config.provider)),
        ("scope", config.scopes.clone()),
        ("state", state.to_string()),
        ("nonce", nonce.to_string()),
        ("code_challenge", challenge(verifier)),
        ("code_challenge_method", "S256".to_string()),
    ];
    if !config.acr.is_empty() {
        params.push(("acr_values", config.acr.join(" ")));
    }
    let query = params
        .iter()
        .map(|(k, v)| format!("{k}={}", form::encode_component(v)))
        .collect::<Vec<_>>()
        .join("&");
    let separator = if metadata.authorization_endpoint.contains('?') {
        '&'
    } else {
        '?'
    };
    format!("{}{separator}{query}", metadata.authorization_endpoint)
}

/// A flow as `start` wrote it.
struct Flow {
    provider: String,
    binding_hash: String,
    nonce: String,
    verifier: String,
    created_at: i64,
}

async fn take_flow(state: &str) -> Result<Option<Flow>, Failure> {
    let conn = db::open().await.map_err(|e| unavailable("database", e))?;
    let row = db::query_one(&conn, TAKE_FLOW, vec![Value::text(hash(state))])
        .await
        .map_err(|e| unavailable("database", e))?;
    Ok(row.map(|row| Flow {
        provider: db::text(&row, 0),
        binding_hash: db::text(&row, 1),
        nonce: db::text(&row, 2),
        verifier: db::text(&row, 3),
        created_at: db::int(&row, 4),
    }))
}

async fn callback(
    provider: Provider,
    identity: &Identity,
    origin: &str,
    query: &str,
) -> Result<(SignedIn, String), Failure> {
    let config = provider::config(provider)
        .await
        .ok_or(Failure::NotConfigured)?;
    let pairs = form::parse_urlencoded(query.as_bytes());
    let param = |name: &str| form::field(&pairs, name).filter(|v| !v.is_empty());
    let state = param("state").ok_or(Failure::Expired)?;
    // One use: taken whatever follows, so that a callback seen once (a
    // replayed URL, a code read off a log) finds nothing the second time.
    let flow = take_flow(state).await?.ok_or(Failure::Expired)?;
    let now = palabre_kit::now();
    let same_browser = identity
        .binding
        .as_deref()
        .is_some_and(|b| hash(b) == flow.binding_hash);
    if flow.provider != provider.id() || !same_browser || now - flow.created_at > FLOW_LIFETIME {
        eprintln!("gate: a provider's callback matched no sign-in of this browser");
        return Err(Failure::Expired);
    }
    if let Some(error) = param("error") {
        eprintln!("gate: {} answered {error:?}", provider.id());
        return Err(Failure::Cancelled);
    }
    let metadata = provider::metadata(config)
        .await
        .map_err(|e| unavailable(provider.id(), format!("{e:?}")))?;
    match param("iss") {
        Some(iss) if iss != config.issuer => {
            eprintln!(
                "gate: a callback for {} names issuer {iss:?}: a mix-up",
                provider.id()
            );
            return Err(Failure::Invalid);
        }
        None if metadata.authorization_response_iss_parameter_supported => {
            eprintln!("gate: a callback for {} without its issuer", provider.id());
            return Err(Failure::Invalid);
        }
        _ => {}
    }
    let code = param("code").ok_or(Failure::Invalid)?;
    let tokens = provider::exchange(
        config,
        &metadata,
        code,
        &flow.verifier,
        &redirect_uri(origin, provider),
    )
    .await
    .map_err(|e| match e {
        CallError::Refused(why) => {
            eprintln!("gate: {} refused the code: {why}", provider.id());
            Failure::Invalid
        }
        CallError::Unavailable(why) => unavailable(provider.id(), why),
    })?;
    let expect = Expect {
        issuer: &config.issuer,
        client_id: &config.client_id,
        nonce: Some(&flow.nonce),
        acr: &config.acr,
        now,
    };
    let claims = verified(config, &metadata, &tokens.id_token, &expect).await?;
    let text = |map: &serde_json::Map<String, serde_json::Value>, name: &str| {
        map.get(name)
            .and_then(|v| v.as_str())
            .map(str::to_string)
            .filter(|v| !v.is_empty())
    };
    let subject = text(&claims, "sub").ok_or(Failure::Invalid)?;
    // The claims of the user info, of the same subject (Core 5.3.2), over
    // those of the ID token.
    let mut all = claims.clone();
    if let (Some(endpoint), Some(access)) = (&metadata.userinfo_endpoint, &tokens.access_token) {
        let info = provider::user_info(endpoint, access)
            .await
            .map_err(|e| unavailable(provider.id(), format!("{e:?}")))?;
        let info = match info {
            UserInfo::Plain(map) => map,
            UserInfo::Signed(jwt) => {
                let expect = Expect {
                    nonce: None,
                    acr: &[],
                    ..expect
                };
                verified(config, &metadata, &jwt, &expect).await?
            }
        };
        if text(&info, "sub").as_deref() != Some(subject.as_str()) {
            eprintln!("gate: {}'s user info is of another subject", provider.id());
            return Err(Failure::Invalid);
        }
        all.extend(info);
    }
    let email = text(&all, "email").map(|e| e.trim().to_lowercase());
    let email_verified = match provider {
        // FranceConnect's email is the identity provider's (the tax office,
        // the health insurance…), which it vouches for.
        Provider::FranceConnect => email.is_some(),
        Provider::Sso => all.get("email_verified").and_then(|v| v.as_bool()) == Some(true),
    };
    let signed_in = SignedIn {
        provider,
        subject,
        acr: text(&claims, "acr"),
        email,
        email_verified,
        given_name: text(&all, "given_name"),
        family_name: text(&all, "family_name"),
    };
    Ok((signed_in, tokens.id_token))
}

/// A token checked against the provider's keys, fetched again once if it
/// names one they do not hold.
async fn verified(
    config: &Config,
    metadata: &Metadata,
    jwt: &str,
    expect: &Expect<'_>,
) -> Result<serde_json::Map<String, serde_json::Value>, Failure> {
    let id = config.provider.id();
    let keys = provider::keys(config, metadata, false)
        .await
        .map_err(|e| unavailable(id, format!("{e:?}")))?;
    let checked = match token::verify(jwt, &keys, expect) {
        Err(TokenError::UnknownKey) => {
            let keys = provider::keys(config, metadata, true)
                .await
                .map_err(|e| unavailable(id, format!("{e:?}")))?;
            token::verify(jwt, &keys, expect)
        }
        other => other,
    };
    checked.map_err(|e| {
        eprintln!("gate: a token of {id} was refused: {e:?}");
        Failure::Invalid
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_pkce_challenge_is_rfc_7636s() {
        // RFC 7636, appendix B.
        assert_eq!(
            challenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"),
            "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"
        );
    }
}
