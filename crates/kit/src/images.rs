//! Images people upload (news, processes, proposals, the commune's logo and icon): kept in
//! the database, recognised by their magic bytes (never by the name or the
//! type the browser claims), at most 2 MB, PNG, JPEG or WebP, with their
//! dimensions (so pages reserve the space) and a required text alternative.

use palabre_domain::account::{FieldError, line};
use sha2::{Digest, Sha256};

use crate::crc::crc32;
use crate::db::{self, Connection, DbResult, Value};
use crate::forms::{Entry, FormView, Submission, TICKED};

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

// ---- Metadata: what a photo says beyond its pixels (where and when it was
// taken, by which device, by whom) is removed before it is kept; only its
// orientation stays, so that it is shown the right way up.

/// The orientation an EXIF (TIFF) block records (1 to 8), if any.
fn orientation_of(tiff: &[u8]) -> Option<u16> {
    let little = match tiff.get(0..2)? {
        b"II" => true,
        b"MM" => false,
        _ => return None,
    };
    let u16_at = |at: usize| -> Option<u16> {
        let b = [*tiff.get(at)?, *tiff.get(at + 1)?];
        Some(if little {
            u16::from_le_bytes(b)
        } else {
            u16::from_be_bytes(b)
        })
    };
    let u32_at = |at: usize| -> Option<u32> {
        let b: [u8; 4] = tiff.get(at..at + 4)?.try_into().ok()?;
        Some(if little {
            u32::from_le_bytes(b)
        } else {
            u32::from_be_bytes(b)
        })
    };
    let ifd = usize::try_from(u32_at(4)?).ok()?;
    let entries = usize::from(u16_at(ifd)?);
    (0..entries.min(512))
        .find_map(|i| {
            let at = ifd + 2 + i * 12;
            (u16_at(at)? == 0x0112 && u16_at(at + 2)? == 3)
                .then(|| u16_at(at + 8))
                .flatten()
        })
        .filter(|o| (1..=8).contains(o))
}

/// A TIFF block that holds only an orientation (big-endian, one entry).
fn orientation_tiff(orientation: u16) -> Vec<u8> {
    let mut t = b"MM\0\x2a\0\0\0\x08".to_vec();
    t.extend_from_slice(&1u16.to_be_bytes());
    t.extend_from_slice(&0x0112u16.to_be_bytes());
    t.extend_from_slice(&3u16.to_be_bytes());
    t.extend_from_slice(&1u32.to_be_bytes());
    t.extend_from_slice(&orientation.to_be_bytes());
    t.extend_from_slice(&[0, 0]);
    t.extend_from_slice(&0u32.to_be_bytes());
    t
}

/// The orientation worth keeping: anything but the upright default.
fn turned(tiff: &[u8]) -> Option<u16> {
    orientation_of(tiff).filter(|o| *o != 1)
}

/// A JPEG without its metadata segments: EXIF (but its orientation), XMP,
/// IPTC/Photoshop, comments and the other application segments go; the
/// JFIF header, the colour profile (ICC) and Adobe's colour transform stay,
/// and everything from the start of scan on is copied as it is.
fn jpeg_without_metadata(b: &[u8]) -> Vec<u8> {
    let mut out = b[..2].to_vec();
    let mut at = 2;
    while at + 4 <= b.len() {
        if b[at] != 0xFF {
            break;
        }
        let marker = b[at + 1];
        if marker == 0xFF {
            at += 1;
            continue;
        }
        if marker == 0xDA {
            out.extend_from_slice(&b[at..]);
            return out;
        }
        if matches!(marker, 0x01 | 0xD0..=0xD7) {
            // A marker without a length.
            out.extend_from_slice(&b[at..at + 2]);
            at += 2;
            continue;
        }
        let Some(len) = be16(b, at + 2).map(|l| l as usize) else {
            break;
        };
        let Some(segment) = b.get(at..at + 2 + len).filter(|_| len >= 2) else {
            break;
        };
        let payload = &segment[4..];
        let keep = match marker {
            0xE0 => payload.starts_with(b"JFIF\0") || payload.starts_with(b"JFXX\0"),
            0xE1 => {
                if let Some(o) = payload.strip_prefix(b"Exif\0\0").and_then(turned) {
                    let mut exif = b"Exif\0\0".to_vec();
                    exif.extend_from_slice(&orientation_tiff(o));
                    out.extend_from_slice(&[0xFF, 0xE1]);
                    out.extend_from_slice(
                        &u16::try_from(exif.len() + 2).unwrap_or(0).to_be_bytes(),
                    );
                    out.extend_from_slice(&exif);
                }
                false
            }
            0xE2 => payload.starts_with(b"ICC_PROFILE\0"),
            0xEE => payload.starts_with(b"Adobe"),
            0xE3..=0xEF | 0xFE => false,
            _ => true,
        };
        if keep {
            out.extend_from_slice(segment);
        }
        at += 2 + len;
    }
    // Nothing past what could be read: a broken file keeps no hidden tail.
    out
}

/// A PNG without its text, time and EXIF chunks (an EXIF orientation is
/// kept as a minimal `eXIf`).
fn png_without_metadata(b: &[u8]) -> Vec<u8> {
    let mut out = b[..8].to_vec();
    let mut at = 8;
    while at + 12 <= b.len() {
        let len = u32::from_be_bytes([b[at], b[at + 1], b[at + 2], b[at + 3]]) as usize;
        let Some(chunk) = b.get(at..at + 12 + len) else {
            break;
        };
        let kind = &chunk[4..8];
        match kind {
            b"tEXt" | b"zTXt" | b"iTXt" | b"tIME" => {}
            b"eXIf" => {
                if let Some(o) = turned(&chunk[8..8 + len]) {
                    let data = orientation_tiff(o);
                    let mut c = u32::try_from(data.len())
                        .unwrap_or(0)
                        .to_be_bytes()
                        .to_vec();
                    c.extend_from_slice(b"eXIf");
                    c.extend_from_slice(&data);
                    let crc = crc32(&c[4..]);
                    c.extend_from_slice(&crc.to_be_bytes());
                    out.extend_from_slice(&c);
                }
            }
            _ => out.extend_from_slice(chunk),
        }
        at += 12 + len;
        if kind == b"IEND" {
            break;
        }
    }
    out
}

/// A WebP without its EXIF (but the orientation) and XMP chunks, its header
/// flags and size set to match.
fn webp_without_metadata(b: &[u8]) -> Vec<u8> {
    let mut chunks = Vec::new();
    let mut exif_kept = false;
    let mut at = 12;
    while at + 8 <= b.len() {
        let len = u32::from_le_bytes([b[at + 4], b[at + 5], b[at + 6], b[at + 7]]) as usize;
        let padded = len + (len & 1);
        let Some(chunk) = b.get(at..(at + 8 + padded).min(b.len())) else {
            break;
        };
        match &chunk[..4] {
            b"XMP " => {}
            b"EXIF" => {
                let data = chunk.get(8..8 + len).unwrap_or(&[]);
                let data = data.strip_prefix(b"Exif\0\0").unwrap_or(data);
                if let Some(o) = turned(data) {
                    let tiff = orientation_tiff(o);
                    let mut c = b"EXIF".to_vec();
                    c.extend_from_slice(&u32::try_from(tiff.len()).unwrap_or(0).to_le_bytes());
                    c.extend_from_slice(&tiff);
                    chunks.push(c);
                    exif_kept = true;
                }
            }
            _ => chunks.push(chunk.to_vec()),
        }
        at += 8 + padded;
    }
    for chunk in &mut chunks {
        if chunk.starts_with(b"VP8X") && chunk.len() > 8 {
            // Flags: ICC 0x20, alpha 0x10, EXIF 0x08, XMP 0x04, animation 0x02.
            chunk[8] &= !0x04;
            if !exif_kept {
                chunk[8] &= !0x08;
            }
        }
    }
    let body: Vec<u8> = chunks.concat();
    let mut out = b"RIFF".to_vec();
    out.extend_from_slice(&u32::try_from(body.len() + 4).unwrap_or(0).to_le_bytes());
    out.extend_from_slice(b"WEBP");
    out.extend_from_slice(&body);
    out
}

/// The bytes of an image as they are published: without what it says of
/// where, when and by whom it was taken (its orientation kept).
pub fn without_metadata(bytes: &[u8], kind: Kind) -> Vec<u8> {
    match kind {
        Kind::Jpeg => jpeg_without_metadata(bytes),
        Kind::Png => png_without_metadata(bytes),
        Kind::Webp => webp_without_metadata(bytes),
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
#[cfg_attr(any(test, feature = "testing"), derive(serde::Deserialize))]
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
    // What is kept, and served, is never the upload's metadata.
    let bytes = &without_metadata(bytes, checked.kind);
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
    /// Reads the `image`, `image_alt` and `image_remove` fields into
    /// `entry`; errors go beside the file or the text alternative.
    pub fn read(form: &Submission, current: Option<i64>, entry: &mut Entry) -> Option<Change> {
        entry.set(ALT, form.get(ALT));
        let alt = |entry: &mut Entry| {
            entry.check(ALT, |v| line(v, palabre_domain::content::MAX_IMAGE_ALT))
        };
        if let Some(bytes) = form.file(FILE) {
            let checked = entry.check(FILE, |_| check(bytes));
            let alt = alt(entry);
            return Some(Change::New(bytes.to_vec(), checked?, alt?));
        }
        if form.get(REMOVE) == TICKED {
            return Some(Change::Remove);
        }
        match current {
            Some(_) => alt(entry).map(|alt| Change::Keep(current, alt)),
            None => Some(Change::Keep(None, String::new())),
        }
    }

    /// Stores what changed (in the caller's transaction, `conn`), the new
    /// image as `uploader`'s; the image id to keep on the row.
    pub async fn apply(self, conn: &Connection, uploader: Option<i64>) -> DbResult<Option<i64>> {
        match self {
            Change::Keep(Some(id), alt) => {
                set_alt(conn, id, &alt).await?;
                Ok(Some(id))
            }
            Change::Keep(None, _) | Change::Remove => Ok(None),
            Change::New(bytes, checked, alt) => {
                Ok(Some(store(conn, &bytes, checked, &alt, uploader).await?))
            }
        }
    }
}

/// The image fields of a form: the file, its text alternative, and (when
/// there is one) a way to remove it. The form's entry holds the text
/// alternative and the messages [`Change::read`] found.
pub fn fields(form: FormView, current: Option<&Shown>) -> FormView {
    let form = form
        .image(FILE, "admin-field-image")
        .optional()
        .hint("admin-field-image-hint")
        .input(ALT, "text", "admin-field-image-alt", "off")
        .optional()
        .hint("admin-field-image-alt-hint");
    match current {
        Some(_) => form.checkbox(REMOVE, "admin-field-image-remove").optional(),
        None => form,
    }
}

/// The image fields' names.
const FILE: &str = "image";
const ALT: &str = "image_alt";
const REMOVE: &str = "image_remove";

impl From<Shown> for crate::view::Image {
    fn from(shown: Shown) -> crate::view::Image {
        crate::view::Image {
            url: shown.url,
            alt: shown.alt,
            width: shown.width,
            height: shown.height,
        }
    }
}

#[cfg(test)]
mod tests;
