//! Request bodies: `application/x-www-form-urlencoded` decoding, and finding one
//! field in a `multipart/form-data` body (the gate's CSRF check).

/// Decodes a urlencoded body or query string into (name, value) pairs.
/// Invalid percent-escapes are kept literally; invalid UTF-8 is replaced
/// (U+FFFD) so that the form comes back to the visitor instead of failing.
pub fn parse_urlencoded(input: &[u8]) -> Vec<(String, String)> {
    input
        .split(|&b| b == b'&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| {
            let mut it = pair.splitn(2, |&b| b == b'=');
            let name = decode_component(it.next().unwrap_or_default());
            let value = decode_component(it.next().unwrap_or_default());
            (name, value)
        })
        .collect()
}

fn decode_component(input: &[u8]) -> String {
    let mut out = Vec::with_capacity(input.len());
    let mut i = 0;
    while i < input.len() {
        match input[i] {
            b'+' => out.push(b' '),
            b'%' => match (hex(input.get(i + 1)), hex(input.get(i + 2))) {
                (Some(h), Some(l)) => {
                    out.push(h << 4 | l);
                    i += 2;
                }
                _ => out.push(b'%'),
            },
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn hex(b: Option<&u8>) -> Option<u8> {
    let b = *b?;
    (b as char).to_digit(16).map(|d| d as u8)
}

/// Percent-encodes a string for a URL query component.
pub fn encode_component(input: &str) -> String {
    let mut out = String::with_capacity(input.len());
    for b in input.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The first value of `name` in decoded pairs.
pub fn field<'a>(pairs: &'a [(String, String)], name: &str) -> Option<&'a str> {
    pairs
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
}

/// Extracts the boundary from a `multipart/form-data` content type.
pub fn multipart_boundary(content_type: &str) -> Option<String> {
    let (mime, params) = content_type.split_once(';')?;
    if !mime.trim().eq_ignore_ascii_case("multipart/form-data") {
        return None;
    }
    params.split(';').find_map(|p| {
        let (k, v) = p.trim().split_once('=')?;
        if !k.trim().eq_ignore_ascii_case("boundary") {
            return None;
        }
        let v = v.trim().trim_matches('"');
        (!v.is_empty() && v.len() <= 70).then(|| v.to_string())
    })
}

/// Finds the value of a simple (non-file) text field in a multipart body.
pub fn multipart_field(body: &[u8], boundary: &str, name: &str) -> Option<String> {
    let delimiter = format!("--{boundary}");
    let wanted = format!("name=\"{name}\"");
    let mut rest = body;
    while let Some(start) = find(rest, delimiter.as_bytes()) {
        rest = &rest[start + delimiter.len()..];
        if rest.starts_with(b"--") {
            return None;
        }
        let headers_end = find(rest, b"\r\n\r\n")?;
        let headers = std::str::from_utf8(&rest[..headers_end]).ok()?;
        let content = &rest[headers_end + 4..];
        let end = find(content, format!("\r\n{delimiter}").as_bytes())?;
        let disposition = headers
            .lines()
            .find(|l| l.to_ascii_lowercase().starts_with("content-disposition:"))?;
        if disposition.split(';').any(|p| p.trim() == wanted) && !disposition.contains("filename=")
        {
            return std::str::from_utf8(&content[..end])
                .ok()
                .map(str::to_string);
        }
        rest = &content[end..];
    }
    None
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    if needle.is_empty() || haystack.len() < needle.len() {
        return None;
    }
    haystack.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urlencoded() {
        let pairs = parse_urlencoded(b"a=1&b=hello+world&c=%C3%A9t%C3%A9&d=&e&f=%zz%4&&g=100%25");
        let expect = [
            ("a", "1"),
            ("b", "hello world"),
            ("c", "été"),
            ("d", ""),
            ("e", ""),
            ("f", "%zz%4"),
            ("g", "100%"),
        ];
        assert_eq!(pairs.len(), expect.len());
        for ((k, v), (ek, ev)) in pairs.iter().zip(expect) {
            assert_eq!((k.as_str(), v.as_str()), (ek, ev));
        }
        assert_eq!(field(&pairs, "c"), Some("été"));
        assert_eq!(field(&pairs, "zz"), None);
        // Invalid UTF-8 does not fail, it is replaced.
        assert_eq!(parse_urlencoded(b"x=%FF")[0].1, "\u{FFFD}");
    }

    #[test]
    fn encode_round_trip() {
        let s = "/a b?c=d&é";
        let encoded = encode_component(s);
        assert_eq!(encoded, "%2Fa%20b%3Fc%3Dd%26%C3%A9");
        let decoded = parse_urlencoded(format!("x={encoded}").as_bytes());
        assert_eq!(decoded[0].1, s);
    }

    #[test]
    fn multipart() {
        let ct = "multipart/form-data; boundary=----XyZ";
        let boundary = multipart_boundary(ct).unwrap();
        assert_eq!(boundary, "----XyZ");
        let body = b"------XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"_csrf\"\r\n\r\nbinary\r\n------XyZ\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nHello\r\n------XyZ\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\ntok123\r\n------XyZ--\r\n";
        assert_eq!(
            multipart_field(body, &boundary, "_csrf").as_deref(),
            Some("tok123")
        );
        assert_eq!(
            multipart_field(body, &boundary, "title").as_deref(),
            Some("Hello")
        );
        assert_eq!(multipart_field(body, &boundary, "missing"), None);
        assert_eq!(multipart_field(b"garbage", &boundary, "_csrf"), None);
        assert_eq!(multipart_boundary("text/plain; boundary=x"), None);
        assert_eq!(multipart_boundary("multipart/form-data"), None);
    }
}
