// CRC-32 (IEEE 802.3, the one of gzip and PNG), bit by bit: used at build
// time for the gzipped assets (`build.rs` includes this file, which is why
// it has no inner doc comment) and at run time for the PNG chunks `images`
// writes back.

/// The CRC-32 of `bytes`.
pub fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &b in bytes {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}
