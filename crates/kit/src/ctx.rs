//! The request context every handler starts from: method, path, query,
//! cookies, the gate-verified visitor, and the negotiated language.

use http::{HeaderValue, Method, header};
use palabre_domain::Locale;

use crate::form;
use crate::respond::Response;
use crate::visitor::{VISITOR_HEADER, Visitor};

/// Cookie remembering a language picked with the switch (an essential,
/// user-requested preference; no tracking).
pub const LANG_COOKIE: &str = "palabre-lang";

#[derive(Debug, Clone)]
pub struct Ctx {
    pub method: Method,
    /// Percent-encoded path, as received (never from Spin-specific headers).
    pub path: String,
    pub query: Vec<(String, String)>,
    pub visitor: Visitor,
    pub locale: Locale,
    /// The client's IP address, as the gate established it (`kit::client`).
    pub client_ip: Option<String>,
    /// The site's public origin (`https://ville.example`), for links in mails:
    /// set by the gate from its `base_url` variable, never from the Host header
    /// alone when an operator configured it.
    pub origin: String,
    /// The origin links in mails are made under (the gate's
    /// `palabre-mail-origin`); `None` when `base_url` is not configured and
    /// the request is not on loopback. Only through [`Ctx::mail_links`].
    mail_origin: Option<String>,
    /// Whether the commune configured its `base_url` (the gate's word).
    pub base_url_configured: bool,
    /// The request's `Content-Type` ("" when absent).
    pub content_type: String,
    /// The request's `If-None-Match` (conditional GET of versioned content).
    pub if_none_match: Option<String>,
    /// Unread notifications of the signed-in visitor (shown in the header).
    pub unread: i64,
    /// At the town-hall desk: the public name of the resident entered for
    /// (the layout's banner says so).
    pub desk_for: Option<String>,
    /// What the gate says of sign-ins with OpenID providers (`kit::oidc`).
    pub oidc: crate::oidc::FromGate,
    /// The census list's key, on the routes that hash with it (`kit::census`).
    pub census_key: Option<String>,
    /// Set when the visitor picked a language in this request (`?lang=`).
    chosen_locale: Option<Locale>,
    /// The request's cookies, without the gate's own (`__Host-palabre-…`).
    cookies: Vec<(String, String)>,
}

/// The value of cookie `name` in a `Cookie` header.
pub fn cookie<'a>(headers: &'a http::HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .find_map(|pair| {
            let (k, v) = pair.trim().split_once('=')?;
            (k == name).then_some(v)
        })
}

impl Ctx {
    /// Builds the context from request parts; `default_locale` is the commune's.
    pub fn new(parts: &http::request::Parts, default_locale: Locale) -> Ctx {
        let path = parts.uri.path().to_string();
        let query = parts
            .uri
            .query()
            .map(|q| form::parse_urlencoded(q.as_bytes()))
            .unwrap_or_default();
        let visitor = parts
            .headers
            .get(VISITOR_HEADER)
            .and_then(|v| v.to_str().ok())
            .and_then(Visitor::parse)
            .unwrap_or_default();
        let chosen_locale = form::field(&query, "lang").and_then(|l| l.parse().ok());
        // The language picked on this browser (the switch's cookie) wins over
        // the profile's, which is the default on a new browser and the
        // language of mails; saving the profile's language sets the cookie too.
        let locale = chosen_locale
            .or_else(|| cookie(&parts.headers, LANG_COOKIE).and_then(|l| l.parse().ok()))
            .or(visitor.locale)
            .or_else(|| {
                parts
                    .headers
                    .get(header::ACCEPT_LANGUAGE)
                    .and_then(|v| v.to_str().ok())
                    .and_then(Locale::from_accept_language)
            })
            .unwrap_or(default_locale);
        Ctx {
            method: parts.method.clone(),
            path,
            query,
            visitor,
            locale,
            client_ip: parts
                .headers
                .get(crate::visitor::CLIENT_HEADER)
                .and_then(|v| v.to_str().ok())
                .filter(|v| !v.is_empty())
                .map(str::to_string),
            origin: parts
                .headers
                .get(crate::visitor::ORIGIN_HEADER)
                .and_then(|v| v.to_str().ok())
                .unwrap_or("http://localhost")
                .to_string(),
            mail_origin: parts
                .headers
                .get(crate::visitor::MAIL_ORIGIN_HEADER)
                .and_then(|v| v.to_str().ok())
                .and_then(crate::mail::parse_origin),
            base_url_configured: parts.headers.contains_key(crate::visitor::BASE_URL_HEADER),
            content_type: parts
                .headers
                .get(header::CONTENT_TYPE)
                .and_then(|v| v.to_str().ok())
                .unwrap_or("")
                .to_string(),
            if_none_match: parts
                .headers
                .get(header::IF_NONE_MATCH)
                .and_then(|v| v.to_str().ok())
                .map(str::to_string),
            unread: 0,
            desk_for: None,
            oidc: crate::oidc::FromGate::of(&parts.headers),
            census_key: crate::census::key_of(&parts.headers),
            chosen_locale,
            cookies: parts
                .headers
                .get_all(header::COOKIE)
                .iter()
                .filter_map(|v| v.to_str().ok())
                .flat_map(|v| v.split(';'))
                .filter_map(|pair| {
                    let (k, v) = pair.trim().split_once('=')?;
                    (!k.starts_with("__Host-palabre-")).then(|| (k.to_string(), v.to_string()))
                })
                .collect(),
        }
    }

    /// Where links in mails point: the configured public origin, never the
    /// request's; refused (`Error::NoMailOrigin`, a 503 page saying why) when
    /// the site has none. Asked before anything is written.
    pub fn mail_links(&self) -> crate::error::Result<crate::mail::Links> {
        crate::mail::Links::under(self.mail_origin.as_deref())
    }

    /// The value of a feature's cookie (never the gate's session cookies).
    pub fn cookie(&self, name: &str) -> Option<&str> {
        form::field(&self.cookies, name)
    }

    /// The gate's verification key (`census::KEY_HEADER`), which it gives
    /// only to the routes that hash with it (`census::PATHS`).
    pub fn verification_key(&self) -> crate::Result<String> {
        self.census_key
            .clone()
            .ok_or_else(|| crate::Error::Internal("the gate gave no verification key".into()))
    }

    /// The signed-in user's id, or 403.
    pub fn require_signed_in(&self) -> crate::Result<i64> {
        self.visitor.user_id.ok_or(crate::Error::Forbidden)
    }

    /// The user's id when their role is at least `role`, or 403: the one way
    /// every component checks a role before a staff page or a write.
    pub fn require(&self, role: palabre_domain::Role) -> crate::Result<i64> {
        let user_id = self.require_signed_in()?;
        if self.visitor.role.at_least(role) {
            Ok(user_id)
        } else {
            Err(crate::Error::Forbidden)
        }
    }

    /// Shows this page in `locale` and remembers it on this browser, as the
    /// language switch does (a profile's language just saved).
    pub fn choose_locale(&mut self, locale: Locale) {
        self.locale = locale;
        self.chosen_locale = Some(locale);
    }

    /// This request's address: its path and parameters.
    pub fn href(&self) -> String {
        self.href_with(|_| true)
    }

    /// This page in `locale`: the same path and parameters, `lang` changed.
    pub fn in_language(&self, locale: Locale) -> String {
        let href = self.href_with(|name| name != "lang");
        let sep = if href.contains('?') { '&' } else { '?' };
        format!("{href}{sep}lang={}", locale.code())
    }

    /// The path and the parameters `keep` keeps, encoded.
    fn href_with(&self, keep: impl Fn(&str) -> bool) -> String {
        let mut href = self.path.clone();
        let mut sep = '?';
        for (k, v) in self.query.iter().filter(|(k, _)| keep(k)) {
            href.push(sep);
            href.push_str(&form::encode_component(k));
            href.push('=');
            href.push_str(&form::encode_component(v));
            sep = '&';
        }
        href
    }

    pub fn query(&self, name: &str) -> Option<&str> {
        form::field(&self.query, name)
    }

    /// Finishes a response for this request: remembers a language the visitor
    /// just picked, and says that pages vary by language.
    pub fn finish(&self, mut response: Response) -> Response {
        let headers = response.headers_mut();
        if let Some(locale) = self.chosen_locale {
            let cookie = format!(
                "{LANG_COOKIE}={}; Path=/; Max-Age=31536000; SameSite=Lax; Secure; HttpOnly",
                locale.code()
            );
            if let Ok(value) = HeaderValue::from_str(&cookie) {
                headers.append(header::SET_COOKIE, value);
            }
        }
        headers.insert(
            header::VARY,
            HeaderValue::from_static("Accept-Language, Cookie"),
        );
        response
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(uri: &str, headers: &[(&str, &str)]) -> http::request::Parts {
        let mut builder = http::Request::builder().uri(uri);
        for (k, v) in headers {
            builder = builder.header(*k, *v);
        }
        builder.body(()).unwrap().into_parts().0
    }

    #[test]
    fn locale_priority() {
        let cases = [
            ("/", vec![], Locale::Fr),
            ("/", vec![("accept-language", "de-DE")], Locale::De),
            (
                "/",
                vec![
                    ("cookie", "a=b; palabre-lang=en"),
                    ("accept-language", "de"),
                ],
                Locale::En,
            ),
            ("/?lang=de", vec![("cookie", "palabre-lang=en")], Locale::De),
            ("/?lang=xx", vec![("accept-language", "en")], Locale::En),
            (
                "/",
                vec![
                    (
                        "palabre-visitor",
                        "v1 uid=3 role=citizen locale=de csrf=x desk=-",
                    ),
                    ("cookie", "palabre-lang=en"),
                ],
                Locale::En,
            ),
            (
                "/",
                vec![
                    (
                        "palabre-visitor",
                        "v1 uid=3 role=citizen locale=de csrf=x desk=-",
                    ),
                    ("accept-language", "en"),
                ],
                Locale::De,
            ),
        ];
        for (uri, headers, expected) in cases {
            let ctx = Ctx::new(&parts(uri, &headers), Locale::Fr);
            assert_eq!(ctx.locale, expected, "{uri} {headers:?}");
        }
    }

    #[test]
    fn spoofed_or_malformed_visitor_is_anonymous() {
        let ctx = Ctx::new(
            &parts(
                "/",
                &[("palabre-visitor", "v1 uid=1 role=visitor locale=- csrf=-")],
            ),
            Locale::En,
        );
        assert_eq!(ctx.visitor, Visitor::default());
    }

    #[test]
    fn chosen_language_is_remembered() {
        let ctx = Ctx::new(&parts("/x?lang=en", &[]), Locale::Fr);
        let r = ctx.finish(crate::respond::html(http::StatusCode::OK, String::new()));
        let cookie = r.headers()[header::SET_COOKIE].to_str().unwrap();
        assert!(cookie.starts_with("palabre-lang=en;"));
        let ctx = Ctx::new(&parts("/x", &[]), Locale::Fr);
        let r = ctx.finish(crate::respond::html(http::StatusCode::OK, String::new()));
        assert!(r.headers().get(header::SET_COOKIE).is_none());
    }

    #[test]
    fn the_language_switch_keeps_the_parameters() {
        let ctx = Ctx::new(
            &parts("/proposals/new?process=quais&lang=fr&q=a%20b%26c", &[]),
            Locale::Fr,
        );
        assert_eq!(
            ctx.in_language(Locale::De),
            "/proposals/new?process=quais&q=a%20b%26c&lang=de"
        );
        let ctx = Ctx::new(&parts("/news", &[]), Locale::Fr);
        assert_eq!(ctx.in_language(Locale::En), "/news?lang=en");
    }

    #[test]
    fn cookies() {
        let p = parts("/", &[("cookie", "a=1; b=two=2"), ("cookie", "c=3")]);
        assert_eq!(cookie(&p.headers, "a"), Some("1"));
        assert_eq!(cookie(&p.headers, "b"), Some("two=2"));
        assert_eq!(cookie(&p.headers, "c"), Some("3"));
        assert_eq!(cookie(&p.headers, "d"), None);
    }
}
