//! Signing in with OpenID Connect, as the gate and the account component
//! share it: the providers a commune may configure, and what the gate tells
//! the account component once it has checked a provider's answer (in headers
//! only the gate sets; every incoming `palabre-*` header is stripped first).
//!
//! The protocol itself (the redirect, PKCE, `state` and `nonce`, the token
//! exchange, the ID token's signature and claims) is the gate's
//! (`components/gate/src/oidc`), which alone holds the client secrets and
//! may reach the providers.

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD as B64;
use serde::{Deserialize, Serialize};

/// Request header: the identity the gate verified, on the callback
/// (`SignedIn`, JSON in base64url).
pub const SIGNED_IN_HEADER: &str = "palabre-oidc";
/// Request header: why the callback failed ([`Failure`]'s code).
pub const FAILURE_HEADER: &str = "palabre-oidc-failure";
/// Request header on `/account/…`: the providers configured, comma-separated
/// (`franceconnect,sso`), so that the sign-in page offers them.
pub const PROVIDERS_HEADER: &str = "palabre-oidc-providers";

/// The providers a commune may turn on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Provider {
    /// FranceConnect (v2), the State's identity federation.
    FranceConnect,
    /// Any other OpenID provider: a commune's or an intercommunality's SSO.
    Sso,
}

impl Provider {
    pub const ALL: [Provider; 2] = [Provider::FranceConnect, Provider::Sso];

    /// As in paths (`/account/oidc/<id>/…`), the database and variables.
    pub fn id(self) -> &'static str {
        match self {
            Provider::FranceConnect => "franceconnect",
            Provider::Sso => "sso",
        }
    }

    pub fn parse(id: &str) -> Option<Provider> {
        Provider::ALL.into_iter().find(|p| p.id() == id)
    }

    /// Where a sign-in with it starts (a POST, with the CSRF token).
    pub fn start_path(self) -> String {
        format!("/account/oidc/{}/start", self.id())
    }

    /// Where it sends the browser back (the registered redirect URI's path).
    pub fn callback_path(self) -> String {
        format!("/account/oidc/{}/callback", self.id())
    }
}

/// The provider and step a path names: `/account/oidc/<id>/<step>`.
pub fn route(path: &str) -> Option<(Provider, &str)> {
    let rest = path.strip_prefix("/account/oidc/")?;
    let (id, step) = rest.split_once('/')?;
    Some((Provider::parse(id)?, step))
}

/// An identity the gate verified: the ID token's signature, issuer,
/// audience, expiry and nonce, and the user info of the same subject.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignedIn {
    pub provider: Provider,
    /// The provider's subject (`sub`).
    pub subject: String,
    /// The level of assurance it asserted (`acr`), when it did.
    pub acr: Option<String>,
    pub email: Option<String>,
    /// The provider vouches for the email (FranceConnect always does).
    pub email_verified: bool,
    pub given_name: Option<String>,
    pub family_name: Option<String>,
}

impl SignedIn {
    pub fn to_header(&self) -> String {
        B64.encode(serde_json::to_vec(self).unwrap_or_default())
    }

    pub fn from_header(value: &str) -> Option<SignedIn> {
        let bytes = B64.decode(value.trim()).ok()?;
        serde_json::from_slice(&bytes).ok()
    }
}

/// Why a sign-in with a provider did not end in an identity, as the person
/// is told it (`oidc-failure-<code>`); nothing was created.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Failure {
    /// The provider is not configured (or not well).
    NotConfigured,
    /// The provider could not be reached, or answered nonsense.
    Unavailable,
    /// The person cancelled at the provider, or it refused.
    Cancelled,
    /// No sign-in under way matches (another browser, already used, too old).
    Expired,
    /// The provider's answer did not hold (signature, issuer, audience,
    /// expiry, nonce, a reused code).
    Invalid,
    /// The provider gave no email, which an account needs.
    NoEmail,
}

impl Failure {
    pub const ALL: [Failure; 6] = [
        Failure::NotConfigured,
        Failure::Unavailable,
        Failure::Cancelled,
        Failure::Expired,
        Failure::Invalid,
        Failure::NoEmail,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Failure::NotConfigured => "not-configured",
            Failure::Unavailable => "unavailable",
            Failure::Cancelled => "cancelled",
            Failure::Expired => "expired",
            Failure::Invalid => "invalid",
            Failure::NoEmail => "no-email",
        }
    }

    pub fn parse(code: &str) -> Option<Failure> {
        Failure::ALL.into_iter().find(|f| f.code() == code.trim())
    }

    /// The catalogue id of what the person is told.
    pub fn message_id(self) -> String {
        format!("oidc-failure-{}", self.code())
    }

    /// The page's status: the provider's fault (502/503) or the request's (400).
    pub fn status(self) -> http::StatusCode {
        match self {
            Failure::NotConfigured => http::StatusCode::NOT_FOUND,
            Failure::Unavailable => http::StatusCode::BAD_GATEWAY,
            Failure::Cancelled | Failure::Expired | Failure::Invalid | Failure::NoEmail => {
                http::StatusCode::BAD_REQUEST
            }
        }
    }
}

/// What the gate told the feature, read from its headers.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FromGate {
    /// The providers configured (on `/account/…` only).
    pub providers: Vec<Provider>,
    /// The identity it verified (on a callback).
    pub signed_in: Option<SignedIn>,
    /// Why a callback gave none (or why a start was not sent on).
    pub failure: Option<Failure>,
}

impl FromGate {
    pub fn of(headers: &http::HeaderMap) -> FromGate {
        let text = |name: &str| headers.get(name).and_then(|v| v.to_str().ok());
        FromGate {
            providers: text(PROVIDERS_HEADER)
                .map(parse_providers)
                .unwrap_or_default(),
            signed_in: text(SIGNED_IN_HEADER).and_then(SignedIn::from_header),
            failure: text(FAILURE_HEADER).and_then(Failure::parse),
        }
    }
}

/// The providers a `PROVIDERS_HEADER` lists.
pub fn parse_providers(header: &str) -> Vec<Provider> {
    header
        .split(',')
        .filter_map(|id| Provider::parse(id.trim()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn routes_name_a_provider_and_a_step() {
        assert_eq!(
            route("/account/oidc/franceconnect/callback"),
            Some((Provider::FranceConnect, "callback"))
        );
        assert_eq!(
            route("/account/oidc/sso/start"),
            Some((Provider::Sso, "start"))
        );
        assert_eq!(route("/account/oidc/google/start"), None);
        assert_eq!(route("/account/oidc/sso"), None);
        assert_eq!(route("/account/login"), None);
    }

    #[test]
    fn what_the_gate_verified_goes_through_a_header_unchanged() {
        let signed_in = SignedIn {
            provider: Provider::FranceConnect,
            subject: "b6048e95bb134ec5b1d1e1fa69f287172e91722b9354d637a1bcf2ebb0fd2ef5v1".into(),
            acr: Some("eidas1".into()),
            email: Some("hélène@example.fr".into()),
            email_verified: true,
            given_name: Some("Hélène".into()),
            family_name: Some("Dupré".into()),
        };
        let header = signed_in.to_header();
        assert!(header.bytes().all(|b| b.is_ascii_graphic()));
        assert_eq!(SignedIn::from_header(&header), Some(signed_in));
        assert_eq!(SignedIn::from_header("not base64 at all!"), None);
    }

    #[test]
    fn failures_have_codes_both_ways() {
        for failure in Failure::ALL {
            assert_eq!(Failure::parse(failure.code()), Some(failure));
        }
        assert_eq!(Failure::parse("other"), None);
        assert_eq!(
            parse_providers("sso, franceconnect,x"),
            vec![Provider::Sso, Provider::FranceConnect]
        );
    }
}
