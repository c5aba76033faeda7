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

/// One part of a `multipart/form-data` body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Part<'a> {
    pub name: String,
    /// Set for a file input (possibly empty when no file was chosen).
    pub filename: Option<String>,
    pub data: &'a [u8],
}

/// A parameter of a `Content-Disposition` header (`name="x"`).
fn disposition_param(disposition: &str, key: &str) -> Option<String> {
    disposition.split(';').skip(1).find_map(|p| {
        let (k, v) = p.trim().split_once('=')?;
        k.trim()
            .eq_ignore_ascii_case(key)
            .then(|| v.trim().trim_matches('"').to_string())
    })
}

/// Splits a multipart body into its parts; stops at the first malformed one.
pub fn multipart_parts<'a>(body: &'a [u8], boundary: &str) -> Vec<Part<'a>> {
    let delimiter = format!("--{boundary}");
    let closing = format!("\r\n{delimiter}");
    let mut parts = Vec::new();
    let Some(start) = find(body, delimiter.as_bytes()) else {
        return parts;
    };
    let mut rest = &body[start + delimiter.len()..];
    loop {
        if rest.starts_with(b"--") {
            break;
        }
        let Some(headers_end) = find(rest, b"\r\n\r\n") else {
            break;
        };
        let Ok(headers) = std::str::from_utf8(&rest[..headers_end]) else {
            break;
        };
        let content = &rest[headers_end + 4..];
        let Some(end) = find_delimiter(content, closing.as_bytes()) else {
            break;
        };
        let disposition = headers
            .lines()
            .find(|l| l.to_ascii_lowercase().starts_with("content-disposition:"));
        if let Some(name) = disposition.and_then(|d| disposition_param(d, "name")) {
            parts.push(Part {
                name,
                filename: disposition.and_then(|d| disposition_param(d, "filename")),
                data: &content[..end],
            });
        }
        rest = &content[end + closing.len()..];
    }
    parts
}

/// Finds the value of a simple (non-file) text field in a multipart body.
pub fn multipart_field(body: &[u8], boundary: &str, name: &str) -> Option<String> {
    multipart_parts(body, boundary)
        .into_iter()
        .find(|p| p.name == name && p.filename.is_none())
        .and_then(|p| std::str::from_utf8(p.data).ok().map(str::to_string))
}

/// The next delimiter line: the boundary followed by CRLF or by `--` (the
/// last one), so a look-alike inside a file does not cut it.
fn find_delimiter(haystack: &[u8], delimiter: &[u8]) -> Option<usize> {
    let mut from = 0;
    while let Some(at) = find(&haystack[from..], delimiter) {
        let end = from + at + delimiter.len();
        match haystack.get(end..end + 2) {
            Some(b"\r\n") | Some(b"--") => return Some(from + at),
            _ => from += at + 1,
        }
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
    fn multipart_files_and_fields() {
        let body = b"--XyZ\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\ntok\r\n\
--XyZ\r\nContent-Disposition: form-data; name=\"image\"; filename=\"a.png\"\r\n\
Content-Type: image/png\r\n\r\n\x89PNG\r\n--XyZ-\r\n\r\n--XyZ\r\n\
Content-Disposition: form-data; name=\"alt\"\r\n\r\nLe parc\r\n--XyZ--\r\n";
        let parts = multipart_parts(body, "XyZ");
        assert_eq!(parts.len(), 3);
        assert_eq!(parts[1].name, "image");
        assert_eq!(parts[1].filename.as_deref(), Some("a.png"));
        assert_eq!(parts[1].data, b"\x89PNG\r\n--XyZ-\r\n");
        assert_eq!(
            multipart_field(body, "XyZ", "alt").as_deref(),
            Some("Le parc")
        );
        assert_eq!(
            multipart_field(body, "XyZ", "_csrf").as_deref(),
            Some("tok")
        );
        assert_eq!(
            multipart_field(body, "XyZ", "image"),
            None,
            "files are not fields"
        );
        assert!(multipart_parts(b"garbage", "XyZ").is_empty());
        assert!(multipart_parts(b"--XyZ\r\nno headers end", "XyZ").is_empty());
    }

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
