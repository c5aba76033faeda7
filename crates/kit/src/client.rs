//! The client's address, as the gate establishes it once per request: the
//! runtime's own value, and behind the commune's trusted proxies the nearest
//! hop they vouch for. Every per-address limit and every audit line uses it.
//!
//! Spin copies the client's request headers first and appends its own
//! `spin-client-addr` after them, so a visitor who sends `spin-client-addr`
//! adds a value *before* the runtime's: only the last one is the runtime's.

use std::net::IpAddr;

/// The header in which the runtime names the peer of the connection.
pub const RUNTIME_HEADER: &str = "spin-client-addr";

/// A network of trusted proxies: an address and a prefix length.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cidr {
    network: IpAddr,
    prefix: u8,
}

impl Cidr {
    /// `10.0.0.0/8`, `192.0.2.7` (one address), `fd00::/8`, `2001:db8::1`.
    pub fn parse(text: &str) -> Option<Cidr> {
        let text = text.trim();
        let (ip, prefix) = match text.split_once('/') {
            Some((ip, prefix)) => (ip, Some(prefix.parse::<u8>().ok()?)),
            None => (text, None),
        };
        let network = canonical(ip.parse::<IpAddr>().ok()?);
        let max = if network.is_ipv4() { 32 } else { 128 };
        let prefix = prefix.unwrap_or(max);
        (prefix <= max).then_some(Cidr { network, prefix })
    }

    pub fn contains(&self, ip: IpAddr) -> bool {
        match (self.network, canonical(ip)) {
            (IpAddr::V4(net), IpAddr::V4(ip)) => {
                let mask = u32::MAX
                    .checked_shl(32 - u32::from(self.prefix))
                    .unwrap_or(0);
                u32::from(net) & mask == u32::from(ip) & mask
            }
            (IpAddr::V6(net), IpAddr::V6(ip)) => {
                let mask = u128::MAX
                    .checked_shl(128 - u32::from(self.prefix))
                    .unwrap_or(0);
                u128::from(net) & mask == u128::from(ip) & mask
            }
            _ => false,
        }
    }
}

/// An IPv4 address written as IPv6 (`::ffff:192.0.2.1`) is the IPv4 address.
fn canonical(ip: IpAddr) -> IpAddr {
    match ip {
        IpAddr::V6(v6) => v6
            .to_ipv4_mapped()
            .map(IpAddr::V4)
            .unwrap_or(IpAddr::V6(v6)),
        v4 => v4,
    }
}

/// Which header the commune's proxies write the chain of addresses into.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ForwardedHeader {
    /// `X-Forwarded-For: client, proxy1, proxy2`.
    XForwardedFor,
    /// `Forwarded: for=client, for=proxy1` (RFC 7239).
    Forwarded,
}

/// The commune's ingress, from the gate's `trusted_proxies` and
/// `forwarded_header` variables. Empty (the default): no proxy is trusted
/// and the runtime's peer is the client.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Proxies {
    trusted: Vec<Cidr>,
    header: ForwardedHeader,
}

impl Default for Proxies {
    fn default() -> Proxies {
        Proxies {
            trusted: Vec::new(),
            header: ForwardedHeader::XForwardedFor,
        }
    }
}

impl Proxies {
    /// Reads `trusted` (addresses or CIDRs, separated by commas or spaces)
    /// and `header` (`x-forwarded-for`, the default, or `forwarded`); the
    /// error names what could not be read.
    pub fn parse(trusted: &str, header: &str) -> Result<Proxies, String> {
        let header = match header.trim().to_ascii_lowercase().as_str() {
            "" | "x-forwarded-for" => ForwardedHeader::XForwardedFor,
            "forwarded" => ForwardedHeader::Forwarded,
            other => {
                return Err(format!(
                    "forwarded_header {other:?}: expected x-forwarded-for or forwarded"
                ));
            }
        };
        let mut list = Vec::new();
        for item in trusted
            .split(|c: char| c == ',' || c.is_whitespace())
            .filter(|s| !s.is_empty())
        {
            list.push(Cidr::parse(item).ok_or_else(|| {
                format!("trusted_proxies: {item:?} is not an address or a CIDR like 10.0.0.0/8")
            })?);
        }
        Ok(Proxies {
            trusted: list,
            header,
        })
    }

    fn trusts(&self, ip: IpAddr) -> bool {
        self.trusted.iter().any(|net| net.contains(ip))
    }

    /// The client of this request: the runtime's peer when it is not a
    /// trusted proxy; otherwise the nearest hop of the forwarded chain that
    /// is not one (read from the right, the side the proxies append to). A
    /// hop that cannot be read stops the walk at the last proxy that could.
    pub fn client(&self, headers: &http::HeaderMap) -> Option<IpAddr> {
        let mut client = runtime_peer(headers)?;
        if !self.trusts(client) {
            return Some(client);
        }
        for hop in self.chain(headers).iter().rev() {
            let Some(ip) = hop else {
                return Some(client);
            };
            client = *ip;
            if !self.trusts(client) {
                return Some(client);
            }
        }
        Some(client)
    }

    /// The forwarded chain, client first, each hop read or `None`.
    fn chain(&self, headers: &http::HeaderMap) -> Vec<Option<IpAddr>> {
        let name = match self.header {
            ForwardedHeader::XForwardedFor => "x-forwarded-for",
            ForwardedHeader::Forwarded => "forwarded",
        };
        let mut hops = Vec::new();
        for value in headers.get_all(name) {
            let Ok(value) = value.to_str() else {
                hops.push(None);
                continue;
            };
            for element in value.split(',') {
                hops.push(match self.header {
                    ForwardedHeader::XForwardedFor => parse_addr(element),
                    ForwardedHeader::Forwarded => forwarded_for(element),
                });
            }
        }
        hops
    }
}

/// The runtime's value of `spin-client-addr`: the last one.
pub fn runtime_peer(headers: &http::HeaderMap) -> Option<IpAddr> {
    let value = headers.get_all(RUNTIME_HEADER).iter().next_back()?;
    parse_addr(value.to_str().ok()?)
}

/// An address with or without a port: `192.0.2.1`, `192.0.2.1:5000`,
/// `2001:db8::1`, `[2001:db8::1]:443`.
fn parse_addr(text: &str) -> Option<IpAddr> {
    let text = text.trim().trim_matches('"');
    if let Ok(ip) = text.parse::<IpAddr>() {
        return Some(canonical(ip));
    }
    if let Ok(sock) = text.parse::<std::net::SocketAddr>() {
        return Some(canonical(sock.ip()));
    }
    let bracketed = text.strip_prefix('[')?;
    let inside = bracketed.split(']').next()?;
    inside.parse::<IpAddr>().ok().map(canonical)
}

/// The `for=` of one element of a `Forwarded` header.
fn forwarded_for(element: &str) -> Option<IpAddr> {
    element.split(';').find_map(|pair| {
        let (key, value) = pair.split_once('=')?;
        key.trim()
            .eq_ignore_ascii_case("for")
            .then(|| parse_addr(value))
            .flatten()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&str, &str)]) -> http::HeaderMap {
        let mut map = http::HeaderMap::new();
        for (k, v) in pairs {
            map.append(
                http::HeaderName::from_bytes(k.as_bytes()).unwrap(),
                http::HeaderValue::from_str(v).unwrap(),
            );
        }
        map
    }

    fn ip(text: &str) -> Option<IpAddr> {
        Some(text.parse().unwrap())
    }

    #[test]
    fn the_runtimes_value_is_the_last_one_so_a_visitor_cannot_choose_theirs() {
        // As Spin passes it: the visitor's forged header first, its own after.
        let forged = headers(&[
            (RUNTIME_HEADER, "203.0.113.9:1234"),
            (RUNTIME_HEADER, "198.51.100.20:50000"),
        ]);
        let none = Proxies::default();
        assert_eq!(none.client(&forged), ip("198.51.100.20"));
        assert_eq!(
            none.client(&headers(&[(RUNTIME_HEADER, "[2001:db8::7]:443")])),
            ip("2001:db8::7")
        );
        assert_eq!(none.client(&headers(&[])), None);
    }

    #[test]
    fn forwarded_headers_count_only_behind_a_trusted_proxy() {
        let proxies = Proxies::parse("10.0.0.0/8", "").unwrap();
        // Straight from the internet: the header is the visitor's own words.
        let direct = headers(&[
            ("x-forwarded-for", "192.0.2.1"),
            (RUNTIME_HEADER, "198.51.100.20:4000"),
        ]);
        assert_eq!(proxies.client(&direct), ip("198.51.100.20"));
        // Through the ingress: the nearest hop it did not add itself.
        let through = headers(&[
            ("x-forwarded-for", "192.0.2.1, 198.51.100.30, 10.1.2.3"),
            (RUNTIME_HEADER, "10.0.0.5:4000"),
        ]);
        assert_eq!(proxies.client(&through), ip("198.51.100.30"));
        // Several headers are one list, in order.
        let split = headers(&[
            ("x-forwarded-for", "192.0.2.1"),
            ("x-forwarded-for", "198.51.100.31"),
            (RUNTIME_HEADER, "10.0.0.5:4000"),
        ]);
        assert_eq!(proxies.client(&split), ip("198.51.100.31"));
        // Nothing but proxies: the farthest one.
        let internal = headers(&[
            ("x-forwarded-for", "10.9.9.9, 10.1.1.1"),
            (RUNTIME_HEADER, "10.0.0.5:4000"),
        ]);
        assert_eq!(proxies.client(&internal), ip("10.9.9.9"));
        // An unreadable hop: the last proxy that could be read.
        let garbled = headers(&[
            ("x-forwarded-for", "192.0.2.1, nonsense, 10.1.1.1"),
            (RUNTIME_HEADER, "10.0.0.5:4000"),
        ]);
        assert_eq!(proxies.client(&garbled), ip("10.1.1.1"));
        // A proxy that sends no header: itself.
        let bare = headers(&[(RUNTIME_HEADER, "10.0.0.5:4000")]);
        assert_eq!(proxies.client(&bare), ip("10.0.0.5"));
    }

    #[test]
    fn rfc_7239_forwarded_is_read_when_the_commune_says_so() {
        let proxies = Proxies::parse("10.0.0.5, fd00::/8", "Forwarded").unwrap();
        let h = headers(&[
            (
                "forwarded",
                "for=192.0.2.60;proto=https, for=\"[2001:db8:cafe::17]:4711\"",
            ),
            ("forwarded", "for=fd00::3;by=fd00::1"),
            ("x-forwarded-for", "203.0.113.1"),
            (RUNTIME_HEADER, "10.0.0.5:80"),
        ]);
        assert_eq!(proxies.client(&h), ip("2001:db8:cafe::17"));
        let hidden = headers(&[
            ("forwarded", "for=_hidden, for=fd00::3"),
            (RUNTIME_HEADER, "10.0.0.5:80"),
        ]);
        assert_eq!(proxies.client(&hidden), ip("fd00::3"));
    }

    #[test]
    fn networks_match_by_prefix_and_bad_settings_are_named() {
        let net = Cidr::parse("192.168.0.0/16").unwrap();
        assert!(net.contains("192.168.44.1".parse().unwrap()));
        assert!(net.contains("::ffff:192.168.1.1".parse().unwrap()));
        assert!(!net.contains("192.169.0.1".parse().unwrap()));
        assert!(
            Cidr::parse("0.0.0.0/0")
                .unwrap()
                .contains("8.8.8.8".parse().unwrap())
        );
        assert!(
            Cidr::parse("2001:db8::/32")
                .unwrap()
                .contains("2001:db8:1::1".parse().unwrap())
        );
        assert!(Cidr::parse("10.0.0.0/33").is_none());
        assert!(Cidr::parse("ingress").is_none());
        let err = Proxies::parse("10.0.0.0/8, ingress.local", "").unwrap_err();
        assert!(err.contains("ingress.local"), "{err}");
        assert!(Proxies::parse("", "via").is_err());
        assert_eq!(Proxies::parse(" ", "").unwrap(), Proxies::default());
    }
}
