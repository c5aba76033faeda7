//! The CSV downloads, in two flavours: the machine's (UTF-8, `,`, English
//! column names and values, as scripts expect) and the spreadsheet's, for
//! `?excel=1` (a UTF-8 byte-order mark so that Excel reads the accents, the
//! separator and decimal mark of the staff member's language: `;` and `,` in
//! French and German, `,` and `.` in English; headers and values in that
//! language). Every cell goes through `csv_cell`, which quotes and defuses
//! formulas.

use palabre_domain::Locale;
use palabre_domain::questionnaire::csv_cell;

use crate::Ctx;
use crate::i18n;
use crate::respond::{self, Response};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flavour {
    Machine,
    /// A spreadsheet in this language.
    Spreadsheet(Locale),
}

impl Flavour {
    /// `?excel=1` asks for the spreadsheet's.
    pub fn of(ctx: &Ctx) -> Flavour {
        if ctx.query("excel") == Some("1") {
            Flavour::Spreadsheet(ctx.locale)
        } else {
            Flavour::Machine
        }
    }

    fn separator(self) -> char {
        match self {
            Flavour::Spreadsheet(Locale::Fr | Locale::De) => ';',
            _ => ',',
        }
    }

    /// A decimal number as the spreadsheet reads it.
    pub fn decimal(self, value: f64) -> String {
        let text = value.to_string();
        match self {
            Flavour::Spreadsheet(Locale::Fr | Locale::De) => text.replace('.', ","),
            _ => text,
        }
    }

    /// A yes or no, in words.
    pub fn yes_no(self, yes: bool) -> String {
        match self {
            Flavour::Machine => if yes { "yes" } else { "no" }.to_string(),
            Flavour::Spreadsheet(locale) => i18n::t(locale, if yes { "csv-yes" } else { "csv-no" }),
        }
    }

    /// A value with a label: its code for machines, `label_key` for people.
    pub fn label(self, code: &str, label_key: &str) -> String {
        match self {
            Flavour::Machine => code.to_string(),
            Flavour::Spreadsheet(locale) => i18n::t(locale, label_key),
        }
    }

    /// A column's head: its machine name, or the catalogue's `csv-col-<name>`.
    pub fn head(self, name: &str) -> String {
        match self {
            Flavour::Machine => name.to_string(),
            Flavour::Spreadsheet(locale) => i18n::t(locale, &format!("csv-col-{name}")),
        }
    }
}

/// A CSV file being written.
pub struct Table {
    flavour: Flavour,
    out: String,
}

impl Table {
    pub fn new(flavour: Flavour) -> Table {
        let out = match flavour {
            Flavour::Spreadsheet(_) => String::from('\u{feff}'),
            Flavour::Machine => String::new(),
        };
        Table { flavour, out }
    }

    /// The head row from machine names (`Flavour::head`).
    pub fn heads(&mut self, names: &[&str]) {
        let heads: Vec<String> = names.iter().map(|n| self.flavour.head(n)).collect();
        self.row(heads);
    }

    /// One row; every cell quoted and defused as needed.
    pub fn row<S: AsRef<str>>(&mut self, cells: impl IntoIterator<Item = S>) {
        let separator = self.flavour.separator().to_string();
        let cells: Vec<String> = cells.into_iter().map(|c| csv_cell(c.as_ref())).collect();
        self.out.push_str(&cells.join(&separator));
        self.out.push_str("\r\n");
    }

    /// The download, named `<stem>.csv` (`<stem>-excel.csv` for a spreadsheet).
    pub fn download(self, stem: &str) -> Response {
        let name = match self.flavour {
            Flavour::Machine => format!("{stem}.csv"),
            Flavour::Spreadsheet(_) => format!("{stem}-excel.csv"),
        };
        respond::download("text/csv; charset=utf-8", &name, self.out.into_bytes())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_machine_flavour_is_plain() {
        let mut t = Table::new(Flavour::Machine);
        t.heads(&["id", "title"]);
        t.row(["1", "Des bancs; à l'ombre"]);
        assert_eq!(t.out, "id,title\r\n1,\"Des bancs; à l'ombre\"\r\n");
        assert_eq!(Flavour::Machine.decimal(47.5), "47.5");
        assert_eq!(Flavour::Machine.yes_no(true), "yes");
    }

    #[test]
    fn the_spreadsheet_flavour_speaks_the_language() {
        let fr = Flavour::Spreadsheet(Locale::Fr);
        let mut t = Table::new(fr);
        t.heads(&["id", "title"]);
        t.row(["1", "=cmd", "Quai, nord"]);
        assert!(t.out.starts_with('\u{feff}'));
        assert_eq!(
            t.out.trim_start_matches('\u{feff}'),
            "Numéro;Titre\r\n1;'=cmd;\"Quai, nord\"\r\n"
        );
        assert_eq!(fr.decimal(47.5), "47,5");
        assert_eq!(fr.yes_no(false), "non");
        let en = Flavour::Spreadsheet(Locale::En);
        assert_eq!(en.separator(), ',');
        assert_eq!(en.decimal(47.5), "47.5");
    }
}

/// The rows of an uploaded CSV file, as a spreadsheet writes it: a UTF-8
/// byte-order mark dropped, `;` or `,` as the separator (whichever the first
/// line has more of), cells quoted with `"` (`""` inside), CRLF or LF.
/// Blank lines are skipped.
pub fn parse(text: &str) -> Vec<Vec<String>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let first = text.lines().next().unwrap_or("");
    let separator = if first.matches(';').count() >= first.matches(',').count() {
        ';'
    } else {
        ','
    };
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut cell = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                chars.next();
                cell.push('"');
            }
            '"' if quoted => quoted = false,
            '"' if cell.is_empty() => quoted = true,
            c if c == separator && !quoted => row.push(std::mem::take(&mut cell)),
            '\r' if !quoted => {}
            '\n' if !quoted => {
                row.push(std::mem::take(&mut cell));
                if row.iter().any(|c| !c.trim().is_empty()) {
                    rows.push(std::mem::take(&mut row));
                } else {
                    row.clear();
                }
            }
            c => cell.push(c),
        }
    }
    row.push(cell);
    if row.iter().any(|c| !c.trim().is_empty()) {
        rows.push(row);
    }
    rows
}

#[cfg(test)]
mod parse_tests {
    use super::parse;

    #[test]
    fn a_spreadsheets_file_reads_back_as_its_rows() {
        let text = "\u{feff}nom;prénom\r\n\"Le Gall; dit \"\"Yann\"\"\";Hervé\r\n\r\nDupré;Hélène";
        assert_eq!(
            parse(text),
            vec![
                vec!["nom".to_string(), "prénom".to_string()],
                vec!["Le Gall; dit \"Yann\"".to_string(), "Hervé".to_string()],
                vec!["Dupré".to_string(), "Hélène".to_string()],
            ]
        );
        assert_eq!(parse("a,b\nc,d\n"), vec![vec!["a", "b"], vec!["c", "d"]]);
        assert!(parse("").is_empty());
    }
}
