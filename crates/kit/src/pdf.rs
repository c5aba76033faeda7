//! A small PDF writer for what the back-office prints (the letter codes'
//! sheet): A4 pages of text in the standard fonts every PDF reader has
//! (Helvetica, Helvetica-Bold, Courier-Bold), so that nothing is embedded.
//! Text is encoded in WinAnsi (Windows-1252), which holds French, English and
//! German; a character outside it prints as `?` (`encode`). Lengths are in
//! millimetres from the page's top-left corner, as a letter is laid out.

use std::fmt::Write as _;

/// A4, in points (1/72 inch).
const PAGE_WIDTH: f32 = 595.28;
const PAGE_HEIGHT: f32 = 841.89;

fn pt(mm: f32) -> f32 {
    mm * 72.0 / 25.4
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Font {
    Regular,
    Bold,
    /// Fixed width, for a code to type back (every character as wide).
    Code,
}

impl Font {
    fn resource(self) -> &'static str {
        match self {
            Font::Regular => "F1",
            Font::Bold => "F2",
            Font::Code => "F3",
        }
    }
}

/// The width of `c` in thousandths of the font size (Helvetica's metrics;
/// bold is given a little more, so that a measured line never overflows).
fn width(c: char, font: Font) -> u32 {
    if font == Font::Code {
        return 600;
    }
    const ASCII: [u16; 95] = [
        278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278,
        278, // space../
        556, 556, 556, 556, 556, 556, 556, 556, 556, 556, // 0-9
        278, 278, 584, 584, 584, 556, 1015, // :..@
        667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722,
        667, 611, 722, 667, 944, 667, 667, 611, // A-Z
        278, 278, 278, 469, 556, 333, // [..`
        556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333,
        500, 278, 556, 500, 722, 500, 500, 500, // a-z
        334, 260, 334, 584, // {..~
    ];
    let regular = match c {
        ' '..='~' => u32::from(ASCII[c as usize - 32]),
        'À'..='Å' | 'Ý' | 'Þ' => 667,
        'Ç' | 'Ð' | 'Ñ' | 'Ù'..='Ü' => 722,
        'È'..='Ë' => 667,
        'Ì'..='Ï' | 'ì'..='ï' => 278,
        'Ò'..='Ö' | 'Ø' => 778,
        'Æ' | 'Œ' | '—' | '…' => 1000,
        'æ' => 889,
        'œ' => 944,
        'ß' => 611,
        'ç' | 'ý' | 'ÿ' => 500,
        '’' | '‘' => 222,
        '\u{a0}' | '\u{202f}' | '\u{2009}' => 278,
        '°' => 400,
        _ => 556,
    };
    if font == Font::Bold {
        regular * 110 / 100
    } else {
        regular
    }
}

/// How wide `text` prints, in millimetres.
pub fn text_width(text: &str, font: Font, size: f32) -> f32 {
    let units: u32 = text.chars().map(|c| width(c, font)).sum();
    units as f32 * size / 1000.0 * 25.4 / 72.0
}

/// `text` in WinAnsi bytes: Latin-1's letters as they are, the few
/// Windows-1252 adds (€, œ, ’, –…), thin spaces as no-break spaces, and `?`
/// for the rest.
pub fn encode(text: &str) -> Vec<u8> {
    text.chars()
        .filter(|c| !c.is_control())
        .map(|c| match c {
            ' '..='~' | '\u{a0}'..='\u{ff}' => c as u8,
            '\u{202f}' | '\u{2009}' | '\u{2007}' => 0xa0,
            '€' => 0x80,
            '‚' => 0x82,
            'ƒ' => 0x83,
            '„' => 0x84,
            '…' => 0x85,
            '†' => 0x86,
            '‡' => 0x87,
            'ˆ' => 0x88,
            '‰' => 0x89,
            'Š' => 0x8a,
            '‹' => 0x8b,
            'Œ' => 0x8c,
            'Ž' => 0x8e,
            '‘' => 0x91,
            '’' => 0x92,
            '“' => 0x93,
            '”' => 0x94,
            '•' => 0x95,
            '–' | '‐' | '‑' => 0x96,
            '—' => 0x97,
            '˜' => 0x98,
            '™' => 0x99,
            'š' => 0x9a,
            '›' => 0x9b,
            'œ' => 0x9c,
            'ž' => 0x9e,
            'Ÿ' => 0x9f,
            _ => b'?',
        })
        .collect()
}

/// A PDF literal string of WinAnsi bytes: parentheses and backslashes
/// escaped, bytes past ASCII as octal escapes.
fn literal(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() + 2);
    out.push('(');
    for &b in bytes {
        match b {
            b'(' | b')' | b'\\' => {
                out.push('\\');
                out.push(b as char);
            }
            0x20..=0x7e => out.push(b as char),
            _ => {
                let _ = write!(out, "\\{b:03o}");
            }
        }
    }
    out.push(')');
    out
}

/// Splits `text` into lines no wider than `width_mm` (a word longer than
/// the line stands alone on its own).
pub fn wrap(text: &str, font: Font, size: f32, width_mm: f32) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let candidate = if line.is_empty() {
            word.to_string()
        } else {
            format!("{line} {word}")
        };
        if !line.is_empty() && text_width(&candidate, font, size) > width_mm {
            lines.push(std::mem::replace(&mut line, word.to_string()));
        } else {
            line = candidate;
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// One page being drawn.
#[derive(Default)]
pub struct Page {
    content: String,
}

impl Page {
    /// Writes `text` on one line, its baseline `top` mm from the page's top.
    pub fn text(&mut self, left: f32, top: f32, font: Font, size: f32, text: &str) {
        let _ = writeln!(
            self.content,
            "BT /{} {size:.1} Tf {:.2} {:.2} Td {} Tj ET",
            font.resource(),
            pt(left),
            PAGE_HEIGHT - pt(top),
            literal(&encode(text))
        );
    }

    /// Writes `text` wrapped to `width` mm, from `top`; gives the top of
    /// what follows (one blank half-line after).
    pub fn paragraph(
        &mut self,
        left: f32,
        top: f32,
        width: f32,
        font: Font,
        size: f32,
        text: &str,
    ) -> f32 {
        let leading = size * 1.35 * 25.4 / 72.0;
        let mut y = top;
        for line in wrap(text, font, size, width) {
            self.text(left, y, font, size, &line);
            y += leading;
        }
        y + leading / 2.0
    }

    /// A rectangle's outline, `top` and `height` in mm.
    pub fn frame(&mut self, left: f32, top: f32, width: f32, height: f32) {
        let _ = writeln!(
            self.content,
            "0.8 w {:.2} {:.2} {:.2} {:.2} re S",
            pt(left),
            PAGE_HEIGHT - pt(top + height),
            pt(width),
            pt(height)
        );
    }
}

/// A document: its pages, then `finish` for the bytes.
pub struct Document {
    title: String,
    lang: String,
    pages: Vec<Page>,
}

impl Document {
    pub fn new(title: &str, lang: &str) -> Document {
        Document {
            title: title.to_string(),
            lang: lang.to_string(),
            pages: Vec::new(),
        }
    }

    /// A new page at the end, to draw on.
    pub fn page(&mut self) -> &mut Page {
        self.pages.push(Page::default());
        let last = self.pages.len() - 1;
        &mut self.pages[last]
    }

    pub fn pages(&self) -> usize {
        self.pages.len()
    }

    /// The file: a catalogue, the page tree, three standard fonts, then each
    /// page and its content, and the cross-reference table that finds them.
    pub fn finish(self) -> Vec<u8> {
        let fonts = ["Helvetica", "Helvetica-Bold", "Courier-Bold"];
        // Objects: 1 catalogue, 2 pages, 3 info, 4-6 fonts, then two per page.
        let first_page = 7;
        let kids: Vec<String> = (0..self.pages.len())
            .map(|i| format!("{} 0 R", first_page + 2 * i))
            .collect();
        let mut objects: Vec<Vec<u8>> = vec![
            format!(
                "<< /Type /Catalog /Pages 2 0 R /Lang {} >>",
                literal(&encode(&self.lang))
            )
            .into_bytes(),
            format!(
                "<< /Type /Pages /Kids [{}] /Count {} >>",
                kids.join(" "),
                self.pages.len()
            )
            .into_bytes(),
            format!(
                "<< /Title {} /Producer (Palabre) >>",
                literal(&encode(&self.title))
            )
            .into_bytes(),
        ];
        for font in fonts {
            objects.push(
                format!(
                    "<< /Type /Font /Subtype /Type1 /BaseFont /{font} /Encoding /WinAnsiEncoding >>"
                )
                .into_bytes(),
            );
        }
        for (i, page) in self.pages.iter().enumerate() {
            let content = first_page + 2 * i + 1;
            objects.push(
                format!(
                    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {PAGE_WIDTH} {PAGE_HEIGHT}] \
                     /Resources << /Font << /F1 4 0 R /F2 5 0 R /F3 6 0 R >> >> /Contents {content} 0 R >>"
                )
                .into_bytes(),
            );
            let mut stream = format!("<< /Length {} >>\nstream\n", page.content.len()).into_bytes();
            stream.extend_from_slice(page.content.as_bytes());
            stream.extend_from_slice(b"\nendstream");
            objects.push(stream);
        }
        let mut out = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n".to_vec();
        let mut offsets = Vec::with_capacity(objects.len());
        for (i, object) in objects.iter().enumerate() {
            offsets.push(out.len());
            out.extend_from_slice(format!("{} 0 obj\n", i + 1).as_bytes());
            out.extend_from_slice(object);
            out.extend_from_slice(b"\nendobj\n");
        }
        let xref = out.len();
        let mut table = format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1);
        for offset in offsets {
            let _ = writeln!(table, "{offset:010} 00000 n ");
        }
        let _ = write!(
            table,
            "trailer\n<< /Size {} /Root 1 0 R /Info 3 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        );
        out.extend_from_slice(table.as_bytes());
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn french_and_german_text_is_winansi_and_the_rest_a_question_mark() {
        assert_eq!(encode("Blois"), b"Blois");
        assert_eq!(encode("é"), vec![0xe9]);
        assert_eq!(encode("Œuvre – l’été"), b"\x8cuvre \x96 l\x92\xe9t\xe9");
        assert_eq!(encode("Straße"), b"Stra\xdfe");
        assert_eq!(encode("4\u{202f}déc."), b"4\xa0d\xe9c.");
        assert_eq!(encode("Łódź"), b"?\xf3d?");
        assert_eq!(encode("a\u{7}b"), b"ab", "control characters dropped");
    }

    #[test]
    fn literals_escape_what_would_end_them() {
        assert_eq!(literal(b"a(b)c\\"), "(a\\(b\\)c\\\\)");
        assert_eq!(literal(&[0xe9]), "(\\351)");
    }

    #[test]
    fn lines_wrap_at_the_width_and_long_words_stand_alone() {
        let text = "Votre code de vérification vous permet de devenir habitant vérifié";
        let lines = wrap(text, Font::Regular, 11.0, 60.0);
        assert!(lines.len() > 1);
        for line in &lines {
            assert!(text_width(line, Font::Regular, 11.0) <= 60.0, "{line}");
        }
        assert_eq!(lines.join(" "), text);
        assert_eq!(
            wrap(
                "Donaudampfschifffahrtsgesellschaft ja",
                Font::Bold,
                30.0,
                20.0
            ),
            vec!["Donaudampfschifffahrtsgesellschaft", "ja"]
        );
        assert!(wrap("   ", Font::Regular, 11.0, 60.0).is_empty());
    }

    /// Every cross-reference entry points at its object, and `startxref` at
    /// the table: what a reader follows.
    #[test]
    fn the_cross_reference_table_finds_every_object() {
        let mut doc = Document::new("Courriers (test)", "fr");
        for n in 0..3 {
            let page = doc.page();
            page.text(20.0, 30.0, Font::Bold, 14.0, &format!("Page {n} é"));
            page.frame(20.0, 40.0, 50.0, 10.0);
        }
        let bytes = doc.finish();
        assert!(bytes.starts_with(b"%PDF-1.4\n"));
        // Past the header's binary marker, the file is ASCII (its literals escaped).
        let text = std::str::from_utf8(&bytes[15..]).unwrap();
        let at = |offset: usize| &bytes[offset..];
        let start: usize = text
            .rsplit("startxref\n")
            .next()
            .and_then(|t| t.lines().next())
            .and_then(|n| n.parse().ok())
            .unwrap();
        assert!(at(start).starts_with(b"xref\n0 13\n"));
        let table = std::str::from_utf8(at(start)).unwrap();
        let entries: Vec<usize> = table
            .lines()
            .skip(3)
            .take(12)
            .map(|l| l[..10].parse().unwrap())
            .collect();
        for (i, offset) in entries.iter().enumerate() {
            assert!(
                at(*offset).starts_with(format!("{} 0 obj\n", i + 1).as_bytes()),
                "object {}",
                i + 1
            );
        }
        assert!(text.contains("/Count 3"));
        assert!(text.contains("(Page 1 \\351) Tj"));
    }
}
