//! Images people upload (news, processes, proposals, the commune's logo and icon): kept in
//! the database, recognised by their magic bytes (never by the name or the
//! type the browser claims), at most 2 MB, PNG, JPEG or WebP, with their
//! dimensions (so pages reserve the space) and a required text alternative.

use palabre_domain::account::{FieldError, line};
use sha2::{Digest, Sha256};

use crate::db::{self, Connection, DbResult, Value};
use crate::forms::{FormView, Submission};

pub const MAX_BYTES: usize = 2 * 1024 * 1024;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Png,
    Jpeg,
    Webp,
}

impl Kind {
    pub fn content_type(self) -> &'static str {
        match self {
            Kind::Png => "image/png",
            Kind::Jpeg => "image/jpeg",
            Kind::Webp => "image/webp",
        }
    }

    pub fn from_content_type(value: &str) -> Option<Kind> {
        match value {
            "image/png" => Some(Kind::Png),
            "image/jpeg" => Some(Kind::Jpeg),
            "image/webp" => Some(Kind::Webp),
            _ => None,
        }
    }
}

/// A checked image: its kind and size in pixels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Checked {
    pub kind: Kind,
    pub width: u32,
    pub height: u32,
}

fn be16(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from(u16::from_be_bytes([
        *b.get(at)?,
        *b.get(at + 1)?,
    ])))
}

fn le16(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from(u16::from_le_bytes([
        *b.get(at)?,
        *b.get(at + 1)?,
    ])))
}

fn le24(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes([
        *b.get(at)?,
        *b.get(at + 1)?,
        *b.get(at + 2)?,
        0,
    ]))
}

fn png(b: &[u8]) -> Option<(u32, u32)> {
    // Signature, then the IHDR chunk first.
    if b.get(12..16)? != b"IHDR" {
        return None;
    }
    let w = u32::from_be_bytes(b.get(16..20)?.try_into().ok()?);
    let h = u32::from_be_bytes(b.get(20..24)?.try_into().ok()?);
    Some((w, h))
}

fn jpeg(b: &[u8]) -> Option<(u32, u32)> {
    // Walk the segments to the first start-of-frame.
    let mut at = 2;
    loop {
        while *b.get(at)? == 0xFF && *b.get(at + 1)? == 0xFF {
            at += 1;
        }
        if *b.get(at)? != 0xFF {
            return None;
        }
        let marker = *b.get(at + 1)?;
        let len = be16(b, at + 2)? as usize;
        let sof = matches!(marker, 0xC0..=0xCF) && !matches!(marker, 0xC4 | 0xC8 | 0xCC);
        if sof {
            let h = be16(b, at + 5)?;
            let w = be16(b, at + 7)?;
            return Some((w, h));
        }
        if len < 2 {
            return None;
        }
        at += 2 + len;
    }
}

fn webp(b: &[u8]) -> Option<(u32, u32)> {
    match b.get(12..16)? {
        b"VP8 " => {
            // Key frame start code, then 14-bit width and height.
            if b.get(23..26)? != [0x9D, 0x01, 0x2A] {
                return None;
            }
            Some((le16(b, 26)? & 0x3FFF, le16(b, 28)? & 0x3FFF))
        }
        b"VP8L" => {
            if *b.get(20)? != 0x2F {
                return None;
            }
            let bits = u32::from_le_bytes(b.get(21..25)?.try_into().ok()?);
            Some(((bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1))
        }
        b"VP8X" => Some((le24(b, 24)? + 1, le24(b, 27)? + 1)),
        _ => None,
    }
}

/// Checks an uploaded file: a real PNG, JPEG or WebP of at most 2 MB.
pub fn check(bytes: &[u8]) -> Result<Checked, FieldError> {
    if bytes.is_empty() {
        return Err(FieldError::Required);
    }
    if bytes.len() > MAX_BYTES {
        return Err(FieldError::ImageTooLarge);
    }
    let (kind, size) = if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        (Kind::Png, png(bytes))
    } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        (Kind::Jpeg, jpeg(bytes))
    } else if bytes.len() >= 12 && &bytes[0..4] == b"RIFF" && &bytes[8..12] == b"WEBP" {
        (Kind::Webp, webp(bytes))
    } else {
        return Err(FieldError::ImageType);
    };
    match size {
        Some((width, height)) if width > 0 && height > 0 && width <= 20_000 && height <= 20_000 => {
            Ok(Checked {
                kind,
                width,
                height,
            })
        }
        _ => Err(FieldError::ImageBroken),
    }
}

/// SHA-256 of the bytes (hex): the image's version in its address and ETag.
pub fn hash(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The public address of an image.
pub fn url(id: i64, hash: &str) -> String {
    format!("/images/{id}-{}", hash.get(..16).unwrap_or(hash))
}

/// An image as a page shows it.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Shown {
    pub id: i64,
    pub url: String,
    pub alt: String,
    pub width: i64,
    pub height: i64,
}

impl Shown {
    /// From `id, hash, alt, width, height` columns (a join), `None` when the id is NULL.
    pub fn from_row(row: &db::Row, first: usize) -> Option<Shown> {
        let id = db::opt_int(row, first)?;
        let hash = db::text(row, first + 1);
        Some(Shown {
            id,
            url: url(id, &hash),
            alt: db::text(row, first + 2),
            width: db::int(row, first + 3),
            height: db::int(row, first + 4),
        })
    }
}

const INSERT: &str = "INSERT INTO images (hash, content_type, bytes, width, height, alt, user_id, created_at) \
     VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";
const SHOWN: &str = "SELECT id, hash, alt, width, height FROM images WHERE id = ?";
const SET_ALT: &str = "UPDATE images SET alt = ? WHERE id = ?";

/// Stores a checked image; returns its id.
pub async fn store(
    conn: &Connection,
    bytes: &[u8],
    checked: Checked,
    alt: &str,
    user_id: Option<i64>,
) -> DbResult<i64> {
    let row = db::query_one(
        conn,
        INSERT,
        vec![
            Value::text(hash(bytes)),
            Value::text(checked.kind.content_type()),
            Value::Blob(bytes.to_vec()),
            Value::Integer(i64::from(checked.width)),
            Value::Integer(i64::from(checked.height)),
            Value::text(alt),
            user_id.map_or(Value::Null, Value::Integer),
            Value::Integer(crate::now()),
        ],
    )
    .await?;
    Ok(row.map_or(0, |r| db::int(&r, 0)))
}

pub async fn shown(conn: &Connection, id: Option<i64>) -> DbResult<Option<Shown>> {
    let Some(id) = id else {
        return Ok(None);
    };
    let row = db::query_one(conn, SHOWN, vec![Value::Integer(id)]).await?;
    Ok(row.and_then(|r| Shown::from_row(&r, 0)))
}

pub async fn set_alt(conn: &Connection, id: i64, alt: &str) -> DbResult<()> {
    db::exec(conn, SET_ALT, vec![Value::text(alt), Value::Integer(id)]).await
}

/// What an image field asks for, once checked.
pub enum Change {
    /// Keep the current image (its alternative text possibly edited).
    Keep(Option<i64>, String),
    /// A new file, checked, with its alternative text.
    New(Vec<u8>, Checked, String),
    Remove,
}

impl Change {
    /// Reads the `image`, `image_alt` and `image_remove` fields; errors go
    /// beside the file or the text alternative.
    pub fn read(
        form: &Submission,
        current: Option<i64>,
        file_error: &mut Option<FieldError>,
        alt_error: &mut Option<FieldError>,
    ) -> Option<Change> {
        let typed_alt = form.get("image_alt");
        let alt = |error: &mut Option<FieldError>| {
            line(typed_alt, 300).map_err(|e| *error = Some(e)).ok()
        };
        if let Some(bytes) = form.file("image") {
            let checked = check(bytes).map_err(|e| *file_error = Some(e)).ok();
            let alt = alt(alt_error);
            return Some(Change::New(bytes.to_vec(), checked?, alt?));
        }
        if form.get("image_remove") == "yes" {
            return Some(Change::Remove);
        }
        match current {
            Some(_) => alt(alt_error).map(|alt| Change::Keep(current, alt)),
            None => Some(Change::Keep(None, String::new())),
        }
    }

    /// Stores what changed; the image id to keep on the row.
    pub async fn apply(self, env: &crate::app::Env) -> crate::Result<Option<i64>> {
        match self {
            Change::Keep(Some(id), alt) => {
                set_alt(&env.conn, id, &alt).await?;
                Ok(Some(id))
            }
            Change::Keep(None, _) | Change::Remove => Ok(None),
            Change::New(bytes, checked, alt) => Ok(Some(
                store(&env.conn, &bytes, checked, &alt, env.ctx.visitor.user_id).await?,
            )),
        }
    }
}

/// The image fields of a form: the file, its text alternative, and (when
/// there is one) a way to remove it.
pub fn fields(
    form: FormView,
    current: Option<&Shown>,
    alt: &str,
    errors: (Option<FieldError>, Option<FieldError>),
) -> FormView {
    let form = form
        .image("image", "admin-field-image", errors.0)
        .optional()
        .hint("admin-field-image-hint")
        .input(
            "image_alt",
            "text",
            "admin-field-image-alt",
            alt,
            "off",
            errors.1,
        )
        .optional()
        .hint("admin-field-image-alt-hint");
    match current {
        Some(_) => form
            .checkbox("image_remove", "admin-field-image-remove", false, None)
            .optional(),
        None => form,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn png_of(w: u32, h: u32) -> Vec<u8> {
        let mut b = b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR".to_vec();
        b.extend_from_slice(&w.to_be_bytes());
        b.extend_from_slice(&h.to_be_bytes());
        b.extend_from_slice(&[8, 6, 0, 0, 0, 0, 0, 0, 0]);
        b
    }

    #[test]
    fn recognises_png_jpeg_and_webp_by_their_bytes() {
        assert_eq!(
            check(&png_of(640, 480)),
            Ok(Checked {
                kind: Kind::Png,
                width: 640,
                height: 480
            })
        );
        // JPEG: SOI, an APP0 segment, then SOF0 with height 200 and width 300.
        let mut jpg = vec![0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x04, 0x00, 0x00];
        jpg.extend_from_slice(&[0xFF, 0xC0, 0x00, 0x11, 0x08, 0x00, 0xC8, 0x01, 0x2C, 0x03]);
        jpg.extend_from_slice(&[0; 12]);
        assert_eq!(
            check(&jpg).map(|c| (c.kind, c.width, c.height)),
            Ok((Kind::Jpeg, 300, 200))
        );
        // WebP lossless (VP8L): 100 × 50.
        let bits: u32 = 99 | (49 << 14);
        let mut webp = b"RIFF\0\0\0\0WEBPVP8L\0\0\0\0\x2f".to_vec();
        webp.extend_from_slice(&bits.to_le_bytes());
        assert_eq!(
            check(&webp).map(|c| (c.kind, c.width, c.height)),
            Ok((Kind::Webp, 100, 50))
        );
    }

    #[test]
    fn refuses_what_is_not_an_image() {
        assert_eq!(check(b""), Err(FieldError::Required));
        assert_eq!(check(b"GIF89a....."), Err(FieldError::ImageType));
        assert_eq!(check(b"<svg onload=alert(1)>"), Err(FieldError::ImageType));
        assert_eq!(
            check(b"\x89PNG\r\n\x1a\nbroken"),
            Err(FieldError::ImageBroken)
        );
        assert_eq!(
            check(&[0xFF, 0xD8, 0xFF, 0x00]),
            Err(FieldError::ImageBroken)
        );
        let mut big = png_of(10, 10);
        big.resize(MAX_BYTES + 1, 0);
        assert_eq!(check(&big), Err(FieldError::ImageTooLarge));
        assert_eq!(check(&png_of(0, 10)), Err(FieldError::ImageBroken));
    }

    #[test]
    fn addresses_carry_the_version() {
        let h = hash(b"abc");
        assert_eq!(h.len(), 64);
        assert_eq!(url(7, &h), format!("/images/7-{}", &h[..16]));
    }
}
