//! Tests of the parent module.

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

/// An EXIF block (little-endian) with an orientation and a GPS note.
fn exif_tiff(orientation: u16) -> Vec<u8> {
    let mut t = b"II\x2a\0\x08\0\0\0".to_vec();
    t.extend_from_slice(&2u16.to_le_bytes());
    t.extend_from_slice(&0x0112u16.to_le_bytes());
    t.extend_from_slice(&3u16.to_le_bytes());
    t.extend_from_slice(&1u32.to_le_bytes());
    t.extend_from_slice(&orientation.to_le_bytes());
    t.extend_from_slice(&[0, 0]);
    t.extend_from_slice(&0x8825u16.to_le_bytes());
    t.extend_from_slice(&4u16.to_le_bytes());
    t.extend_from_slice(&1u32.to_le_bytes());
    t.extend_from_slice(&38u32.to_le_bytes());
    t.extend_from_slice(&0u32.to_le_bytes());
    t.extend_from_slice(b"GPS 47.2184N 1.5536W");
    t
}

fn segment(marker: u8, payload: &[u8]) -> Vec<u8> {
    let mut s = vec![0xFF, marker];
    s.extend_from_slice(&u16::try_from(payload.len() + 2).unwrap().to_be_bytes());
    s.extend_from_slice(payload);
    s
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

#[test]
fn photos_lose_where_and_when_but_keep_their_orientation() {
    let mut exif = b"Exif\0\0".to_vec();
    exif.extend_from_slice(&exif_tiff(6));
    let mut jpg = vec![0xFF, 0xD8];
    jpg.extend(segment(0xE0, b"JFIF\0\x01\x01\0\0\x01\0\x01\0\0"));
    jpg.extend(segment(0xE1, &exif));
    jpg.extend(segment(
        0xE1,
        b"http://ns.adobe.com/xap/1.0/\0<x:creator>Camille</x:creator>",
    ));
    jpg.extend(segment(0xED, b"Photoshop 3.0\0IPTC city Valbrune"));
    jpg.extend(segment(0xFE, b"Taken at home"));
    jpg.extend(segment(0xE2, b"ICC_PROFILE\0\x01\x01profile"));
    jpg.extend(segment(
        0xC0,
        &[8, 0, 200, 1, 44, 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1],
    ));
    jpg.extend([0xFF, 0xDA, 0, 2, 0x12, 0x34, 0xFF, 0xD9]);
    let checked = check(&jpg).unwrap();
    let clean = without_metadata(&jpg, checked.kind);
    for secret in [&b"GPS"[..], b"Camille", b"IPTC", b"Taken at home"] {
        assert!(
            !contains(&clean, secret),
            "{}",
            String::from_utf8_lossy(secret)
        );
    }
    assert!(contains(&clean, b"JFIF") && contains(&clean, b"ICC_PROFILE"));
    assert!(clean.ends_with(&[0xFF, 0xDA, 0, 2, 0x12, 0x34, 0xFF, 0xD9]));
    assert_eq!(check(&clean), Ok(checked), "still the same picture");
    let kept = clean
        .windows(6)
        .position(|w| w == b"Exif\0\0")
        .map(|at| orientation_of(&clean[at + 6..]));
    assert_eq!(kept, Some(Some(6)), "turned the right way");
    // An upright photo keeps no EXIF at all.
    let mut upright = b"Exif\0\0".to_vec();
    upright.extend_from_slice(&exif_tiff(1));
    let mut jpg1 = vec![0xFF, 0xD8];
    jpg1.extend(segment(0xE1, &upright));
    jpg1.extend(segment(0xC0, &[8, 0, 10, 0, 10, 1, 1, 0x11, 0]));
    let clean1 = without_metadata(&jpg1, Kind::Jpeg);
    assert!(!contains(&clean1, b"Exif"));

    // PNG: text and time chunks go, an orientation stays.
    let chunk = |kind: &[u8], data: &[u8]| {
        let mut c = u32::try_from(data.len()).unwrap().to_be_bytes().to_vec();
        c.extend_from_slice(kind);
        c.extend_from_slice(data);
        let crc = crc32(&c[4..]);
        c.extend_from_slice(&crc.to_be_bytes());
        c
    };
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    png.extend(chunk(b"IHDR", &[0, 0, 0, 4, 0, 0, 0, 3, 8, 6, 0, 0, 0]));
    png.extend(chunk(b"tEXt", b"Author\0Camille Martin"));
    png.extend(chunk(b"eXIf", &exif_tiff(8)));
    png.extend(chunk(b"tIME", &[7, 234, 11, 1, 12, 0, 0]));
    png.extend(chunk(b"IDAT", &[1, 2, 3]));
    png.extend(chunk(b"IEND", &[]));
    let clean = without_metadata(&png, Kind::Png);
    assert!(
        !contains(&clean, b"Camille") && !contains(&clean, b"GPS") && !contains(&clean, b"tIME")
    );
    assert!(contains(&clean, b"IDAT") && clean.ends_with(&chunk(b"IEND", &[])));
    let at = clean.windows(4).position(|w| w == b"eXIf").unwrap();
    assert_eq!(orientation_of(&clean[at + 4..]), Some(8));
    assert_eq!(check(&clean).map(|c| (c.width, c.height)), Ok((4, 3)));

    // WebP: EXIF and XMP chunks go, the header says so.
    let riff_chunk = |kind: &[u8], data: &[u8]| {
        let mut c = kind.to_vec();
        c.extend_from_slice(&u32::try_from(data.len()).unwrap().to_le_bytes());
        c.extend_from_slice(data);
        if data.len() % 2 == 1 {
            c.push(0);
        }
        c
    };
    let mut body = b"WEBP".to_vec();
    body.extend(riff_chunk(b"VP8X", &[0x0C, 0, 0, 0, 9, 0, 0, 4, 0, 0]));
    body.extend(riff_chunk(b"VP8L", &[0x2F, 9, 0x40, 1, 0]));
    body.extend(riff_chunk(b"EXIF", &exif_tiff(1)));
    body.extend(riff_chunk(b"XMP ", b"<x:creator>Camille</x:creator>"));
    let mut webp = b"RIFF".to_vec();
    webp.extend_from_slice(&u32::try_from(body.len()).unwrap().to_le_bytes());
    webp.extend(body);
    let clean = without_metadata(&webp, Kind::Webp);
    assert!(!contains(&clean, b"Camille") && !contains(&clean, b"GPS"));
    assert!(!contains(&clean, b"EXIF") && !contains(&clean, b"XMP "));
    assert_eq!(
        clean[20] & 0x0C,
        0,
        "the VP8X flags no longer announce EXIF or XMP"
    );
    let size = u32::from_le_bytes(clean[4..8].try_into().unwrap()) as usize;
    assert_eq!(size, clean.len() - 8);
    assert_eq!(check(&clean).map(|c| (c.width, c.height)), Ok((10, 5)));
}

#[test]
fn a_clean_image_is_kept_as_it_is() {
    let pixel = include_bytes!("../../../../tests/fixtures/images/pixel.png");
    assert_eq!(without_metadata(pixel, Kind::Png), pixel.to_vec());
}

#[test]
fn addresses_carry_the_version() {
    let h = hash(b"abc");
    assert_eq!(h.len(), 64);
    assert_eq!(url(7, &h), format!("/images/7-{}", &h[..16]));
}
