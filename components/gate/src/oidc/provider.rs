//! A provider as the gate reaches it: its configuration (`spin.toml`
//! variables, read once), its metadata (OpenID Discovery) and keys (its JWK
//! set), kept for an hour per instance and fetched again when a token names a
//! key they do not hold (a rotation), and the two back-channel calls: the
//! code's exchange and the user info.

use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};

use bytes::Bytes;
use http::header;
use http_body_util::{BodyExt, Full, Limited};
use palabre_kit::form;
use palabre_kit::oidc::Provider;
use serde::Deserialize;

use super::token::JwkSet;

/// How long metadata and keys are kept, in seconds.
const KEEP: i64 = 3600;
/// Largest answer read from a provider.
const MAX_ANSWER: usize = 256 * 1024;

/// A provider the commune turned on.
#[derive(Debug, Clone)]
pub struct Config {
    pub provider: Provider,
    /// Its origin, as `allowed_outbound_hosts` lists it: every back-channel
    /// call goes there.
    pub origin: String,
    pub issuer: String,
    pub client_id: String,
    pub client_secret: String,
    pub scopes: String,
    /// The levels of assurance asked (`acr_values`) and accepted.
    pub acr: Vec<String>,
}

static CONFIGS: OnceLock<Vec<Config>> = OnceLock::new();

async fn variable(name: &str) -> String {
    spin_sdk::variables::get(name)
        .await
        .map(|v| v.trim().to_string())
        .unwrap_or_default()
}

/// The providers configured well enough to use, read once per instance.
pub async fn configured() -> &'static [Config] {
    if let Some(configs) = CONFIGS.get() {
        return configs;
    }
    let mut configs = Vec::new();
    for provider in Provider::ALL {
        let id = provider.id();
        let raw = Raw {
            origin: variable(&format!("oidc_{id}_origin")).await,
            issuer: variable(&format!("oidc_{id}_issuer")).await,
            client_id: variable(&format!("oidc_{id}_client_id")).await,
            client_secret: variable(&format!("oidc_{id}_client_secret")).await,
            scopes: variable(&format!("oidc_{id}_scopes")).await,
            acr: variable(&format!("oidc_{id}_acr")).await,
        };
        match configure(provider, raw) {
            Ok(Some(config)) => configs.push(config),
            Ok(None) => {}
            Err(e) => eprintln!(
                "gate: sign-in with {id} is off: {e} (docs/DEPLOY.md, \"OpenID Connect\")"
            ),
        }
    }
    CONFIGS.get_or_init(|| configs)
}

pub async fn config(provider: Provider) -> Option<&'static Config> {
    configured().await.iter().find(|c| c.provider == provider)
}

struct Raw {
    origin: String,
    issuer: String,
    client_id: String,
    client_secret: String,
    scopes: String,
    acr: String,
}

/// A provider is on once its issuer is set; it then needs a client id and
/// secret, and an issuer under its origin.
fn configure(provider: Provider, raw: Raw) -> Result<Option<Config>, String> {
    if raw.issuer.is_empty() {
        return Ok(None);
    }
    let origin = palabre_kit::mail::parse_origin(&raw.origin)
        .ok_or_else(|| format!("origin {:?} is not scheme://host[:port]", raw.origin))?;
    let issuer = raw.issuer.trim_end_matches('/').to_string();
    if issuer != origin && !issuer.starts_with(&format!("{origin}/")) {
        return Err(format!("issuer {issuer:?} is not under origin {origin}"));
    }
    if raw.client_id.is_empty() || raw.client_secret.is_empty() {
        return Err("its client id and secret are not both set".to_string());
    }
    let scopes = if raw.scopes.is_empty() {
        match provider {
            // FranceConnect asks one scope per claim.
            Provider::FranceConnect => "openid email given_name family_name",
            Provider::Sso => "openid email profile",
        }
        .to_string()
    } else {
        raw.scopes
    };
    if !scopes.split(' ').any(|s| s == "openid") {
        return Err("its scopes do not include openid".to_string());
    }
    let acr = match (provider, raw.acr.as_str()) {
        (Provider::FranceConnect, "") => vec!["eidas1".to_string()],
        (_, acr) => acr.split_whitespace().map(str::to_string).collect(),
    };
    Ok(Some(Config {
        provider,
        origin,
        issuer: raw.issuer,
        client_id: raw.client_id,
        client_secret: raw.client_secret,
        scopes,
        acr,
    }))
}

/// A provider's metadata, the part a relying party uses.
#[derive(Debug, Clone, Deserialize)]
pub struct Metadata {
    pub issuer: String,
    pub authorization_endpoint: String,
    pub token_endpoint: String,
    pub jwks_uri: String,
    #[serde(default)]
    pub userinfo_endpoint: Option<String>,
    /// Where a session with it is closed (RP-initiated logout).
    #[serde(default)]
    pub end_session_endpoint: Option<String>,
    /// It names itself in the authorization response (RFC 9207): its
    /// absence is then a mix-up.
    #[serde(default)]
    pub authorization_response_iss_parameter_supported: bool,
}

#[derive(Default)]
struct Cache {
    metadata: HashMap<&'static str, (i64, Metadata)>,
    keys: HashMap<&'static str, (i64, JwkSet)>,
}

static CACHE: Mutex<Option<Cache>> = Mutex::new(None);

fn cached<T: Clone>(pick: impl Fn(&Cache) -> Option<&(i64, T)>) -> Option<T> {
    let now = palabre_kit::now();
    let guard = CACHE.lock().ok()?;
    let (at, value) = pick(guard.as_ref()?)?;
    (now - at < KEEP).then(|| value.clone())
}

fn keep(put: impl FnOnce(&mut Cache)) {
    if let Ok(mut guard) = CACHE.lock() {
        put(guard.get_or_insert_with(Cache::default));
    }
}

/// Why a call to the provider failed.
#[derive(Debug)]
pub enum CallError {
    /// Unreachable, or an answer that is not what the protocol says.
    Unavailable(String),
    /// It answered, and refused (a code already used, a wrong verifier).
    Refused(String),
}

/// The provider's metadata, checked: it names the configured issuer (OpenID
/// Discovery 4.3; another would be a mix-up), its back-channel endpoints are
/// under its origin.
pub async fn metadata(config: &Config) -> Result<Metadata, CallError> {
    let id = config.provider.id();
    if let Some(found) = cached(|c| c.metadata.get(id)) {
        return Ok(found);
    }
    let url = format!(
        "{}/.well-known/openid-configuration",
        config.issuer.trim_end_matches('/')
    );
    let (_, bytes) = get(&url, None).await?;
    let metadata: Metadata = serde_json::from_slice(&bytes)
        .map_err(|e| CallError::Unavailable(format!("metadata: {e}")))?;
    if metadata.issuer != config.issuer {
        return Err(CallError::Unavailable(format!(
            "metadata names issuer {:?}, not {:?}",
            metadata.issuer, config.issuer
        )));
    }
    // The browser is sent to the authorization endpoint, which the sign-in
    // pages' `form-action` allows by the origin: it is under it too.
    for endpoint in [
        Some(&metadata.authorization_endpoint),
        Some(&metadata.token_endpoint),
        Some(&metadata.jwks_uri),
        metadata.userinfo_endpoint.as_ref(),
        metadata.end_session_endpoint.as_ref(),
    ]
    .into_iter()
    .flatten()
    {
        if !endpoint.starts_with(&format!("{}/", config.origin)) {
            return Err(CallError::Unavailable(format!(
                "endpoint {endpoint} is not under {}",
                config.origin
            )));
        }
    }
    let kept = metadata.clone();
    keep(|c| {
        c.metadata.insert(id, (palabre_kit::now(), kept));
    });
    Ok(metadata)
}

/// The provider's keys; `fresh` fetches them again (a token named a key the
/// kept set does not hold).
pub async fn keys(config: &Config, metadata: &Metadata, fresh: bool) -> Result<JwkSet, CallError> {
    let id = config.provider.id();
    if !fresh && let Some(found) = cached(|c| c.keys.get(id)) {
        return Ok(found);
    }
    let (_, bytes) = get(&metadata.jwks_uri, None).await?;
    let set: JwkSet =
        serde_json::from_slice(&bytes).map_err(|e| CallError::Unavailable(format!("keys: {e}")))?;
    let kept = set.clone();
    keep(|c| {
        c.keys.insert(id, (palabre_kit::now(), kept));
    });
    Ok(set)
}

/// What the token endpoint gives.
#[derive(Debug, Deserialize)]
pub struct Tokens {
    pub id_token: String,
    #[serde(default)]
    pub access_token: Option<String>,
}

/// Exchanges the code (with the PKCE verifier and the client's secret,
/// `client_secret_post`).
pub async fn exchange(
    config: &Config,
    metadata: &Metadata,
    code: &str,
    verifier: &str,
    redirect_uri: &str,
) -> Result<Tokens, CallError> {
    let body = [
        ("grant_type", "authorization_code"),
        ("code", code),
        ("redirect_uri", redirect_uri),
        ("code_verifier", verifier),
        ("client_id", config.client_id.as_str()),
        ("client_secret", config.client_secret.as_str()),
    ]
    .iter()
    .map(|(k, v)| format!("{k}={}", form::encode_component(v)))
    .collect::<Vec<_>>()
    .join("&");
    let request = http::Request::post(&metadata.token_endpoint)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::ACCEPT, "application/json")
        .header(header::CONTENT_LENGTH, body.len())
        .extension(crate::mail::timeouts())
        .body(Full::new(Bytes::from(body)))
        .map_err(|e| CallError::Unavailable(format!("request: {e}")))?;
    let (status, bytes) = send(request).await?;
    if status.is_client_error() {
        let detail = String::from_utf8_lossy(&bytes);
        return Err(CallError::Refused(format!(
            "token endpoint {status}: {}",
            detail.chars().take(200).collect::<String>()
        )));
    }
    if !status.is_success() {
        return Err(CallError::Unavailable(format!("token endpoint {status}")));
    }
    serde_json::from_slice(&bytes).map_err(|e| CallError::Unavailable(format!("tokens: {e}")))
}

/// The user info: JSON, or a signed JWT (FranceConnect v2), as the
/// provider's content type says.
pub async fn user_info(endpoint: &str, access_token: &str) -> Result<UserInfo, CallError> {
    let (content_type, bytes) = get(endpoint, Some(access_token)).await?;
    if content_type.starts_with("application/jwt") {
        let text = String::from_utf8(bytes.to_vec())
            .map_err(|_| CallError::Unavailable("user info is not text".to_string()))?;
        return Ok(UserInfo::Signed(text.trim().to_string()));
    }
    serde_json::from_slice(&bytes)
        .map(UserInfo::Plain)
        .map_err(|e| CallError::Unavailable(format!("user info: {e}")))
}

pub enum UserInfo {
    Plain(serde_json::Map<String, serde_json::Value>),
    Signed(String),
}

async fn get(url: &str, bearer: Option<&str>) -> Result<(String, Bytes), CallError> {
    let mut request = http::Request::get(url).header(header::ACCEPT, "application/json");
    if let Some(token) = bearer {
        request = request.header(header::AUTHORIZATION, format!("Bearer {token}"));
    }
    let request = request
        .extension(crate::mail::timeouts())
        .body(Full::new(Bytes::new()))
        .map_err(|e| CallError::Unavailable(format!("request: {e}")))?;
    let response = spin_sdk::http::send(request)
        .await
        .map_err(|e| CallError::Unavailable(format!("{url}: {e:?}")))?;
    let status = response.status();
    let content_type = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_ascii_lowercase();
    let bytes = Limited::new(response.into_body(), MAX_ANSWER)
        .collect()
        .await
        .map_err(|_| CallError::Unavailable(format!("{url}: unreadable answer")))?
        .to_bytes();
    if !status.is_success() {
        return Err(CallError::Unavailable(format!("{url}: {status}")));
    }
    Ok((content_type, bytes))
}

async fn send(request: http::Request<Full<Bytes>>) -> Result<(http::StatusCode, Bytes), CallError> {
    let url = request.uri().to_string();
    let response = spin_sdk::http::send(request)
        .await
        .map_err(|e| CallError::Unavailable(format!("{url}: {e:?}")))?;
    let status = response.status();
    let bytes = Limited::new(response.into_body(), MAX_ANSWER)
        .collect()
        .await
        .map_err(|_| CallError::Unavailable(format!("{url}: unreadable answer")))?
        .to_bytes();
    Ok((status, bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn raw(origin: &str, issuer: &str, id: &str, secret: &str) -> Raw {
        Raw {
            origin: origin.into(),
            issuer: issuer.into(),
            client_id: id.into(),
            client_secret: secret.into(),
            scopes: String::new(),
            acr: String::new(),
        }
    }

    #[test]
    fn a_provider_is_on_with_an_issuer_under_its_origin_and_its_credentials() {
        let fc = Provider::FranceConnect;
        assert!(matches!(configure(fc, raw("", "", "", "")), Ok(None)));
        let on = configure(
            fc,
            raw(
                "https://fc.example",
                "https://fc.example/api/v2",
                "id",
                "s3cret",
            ),
        )
        .unwrap()
        .unwrap();
        assert_eq!(on.acr, vec!["eidas1".to_string()]);
        assert!(on.scopes.contains("given_name"));
        for bad in [
            raw("fc.example", "https://fc.example/api/v2", "id", "s"),
            raw(
                "https://fc.example",
                "https://evil.example/api/v2",
                "id",
                "s",
            ),
            raw("https://fc.example", "https://fc.example.evil/x", "id", "s"),
            raw("https://fc.example", "https://fc.example/api/v2", "", "s"),
            raw("https://fc.example", "https://fc.example/api/v2", "id", ""),
        ] {
            assert!(configure(fc, bad).is_err());
        }
        let mut no_openid = raw("https://sso.example", "https://sso.example", "id", "s");
        no_openid.scopes = "email profile".into();
        assert!(configure(Provider::Sso, no_openid).is_err());
        let sso = configure(
            Provider::Sso,
            raw("https://sso.example", "https://sso.example", "id", "s"),
        )
        .unwrap()
        .unwrap();
        assert!(sso.acr.is_empty());
    }
}
