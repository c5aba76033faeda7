//! iCalendar (RFC 5545) for the phases of a process: one all-day event per
//! phase, so people can add the dates to their own calendar.

use palabre_domain::date::Day;

/// One all-day event (`ends` inclusive).
pub struct Event<'a> {
    pub uid: String,
    pub starts: Day,
    pub ends: Day,
    pub summary: &'a str,
    pub description: &'a str,
    pub url: &'a str,
}

/// Escapes a TEXT value (RFC 5545 §3.3.11).
fn text(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Folds a content line at 75 octets, never inside a UTF-8 character (§3.1).
fn fold(line: &str, out: &mut String) {
    let mut width = 0;
    for c in line.chars() {
        let len = c.len_utf8();
        if width + len > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += len;
    }
    out.push_str("\r\n");
}

/// A calendar named `name` holding `events`; `stamp` is the DTSTAMP (Unix time).
pub fn calendar(name: &str, events: &[Event<'_>], stamp: i64) -> String {
    let (y, mo, d) = palabre_domain::date::civil_from_unix(stamp);
    let secs = stamp.rem_euclid(86_400);
    let dtstamp = format!(
        "{y:04}{mo:02}{d:02}T{:02}{:02}{:02}Z",
        secs / 3600,
        secs % 3600 / 60,
        secs % 60
    );
    let mut out = String::new();
    for line in [
        "BEGIN:VCALENDAR".to_string(),
        "VERSION:2.0".to_string(),
        "PRODID:-//Palabre//Concertations//FR".to_string(),
        "CALSCALE:GREGORIAN".to_string(),
        format!("X-WR-CALNAME:{}", text(name)),
    ] {
        fold(&line, &mut out);
    }
    for event in events {
        for line in [
            "BEGIN:VEVENT".to_string(),
            format!("UID:{}", text(&event.uid)),
            format!("DTSTAMP:{dtstamp}"),
            format!("DTSTART;VALUE=DATE:{}", event.starts.compact()),
            // DTEND of an all-day event is exclusive.
            format!("DTEND;VALUE=DATE:{}", event.ends.next().compact()),
            format!("SUMMARY:{}", text(event.summary)),
            format!("DESCRIPTION:{}", text(event.description)),
            format!("URL:{}", event.url),
            "TRANSP:TRANSPARENT".to_string(),
            "END:VEVENT".to_string(),
        ] {
            fold(&line, &mut out);
        }
    }
    fold("END:VCALENDAR", &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_and_folds() {
        assert_eq!(text("a;b,c\\d\r\ne"), "a\\;b\\,c\\\\d\\ne");
        let mut out = String::new();
        fold(&format!("SUMMARY:{}", "é".repeat(50)), &mut out);
        for line in out.split("\r\n") {
            assert!(line.len() <= 75, "{line:?}");
        }
        assert_eq!(
            out.replace("\r\n ", ""),
            format!("SUMMARY:{}\r\n", "é".repeat(50))
        );
    }

    #[test]
    fn all_day_events() {
        let event = Event {
            uid: "phase-3@ville.example".into(),
            starts: Day::parse("2026-03-01").unwrap(),
            ends: Day::parse("2026-03-31").unwrap(),
            summary: "Concertation, phase 1",
            description: "Débattez",
            url: "https://ville.example/processes/quais",
        };
        let cal = calendar("Quais", &[event], 1_772_352_000);
        assert!(cal.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
        assert!(cal.contains("DTSTART;VALUE=DATE:20260301\r\n"));
        assert!(cal.contains("DTEND;VALUE=DATE:20260401\r\n"));
        assert!(cal.contains("DTSTAMP:20260301T080000Z\r\n"));
        assert!(cal.contains("SUMMARY:Concertation\\, phase 1\r\n"));
        assert!(cal.ends_with("END:VEVENT\r\nEND:VCALENDAR\r\n"));
    }
}
