//! The pabulib `.pb` format (pabulib.org): a vote's anonymised ballots, its
//! projects and its rule in one text file, so that anyone can recompute the
//! result with their own tools.
//!
//! Three sections, `META`, `PROJECTS` and `VOTES`, each a `;`-separated
//! table whose first line names its columns; a field holding `;`, `"` or a
//! line break is quoted as in CSV.

use super::count::{Instance, Project};
use super::{Ballot, Method};

/// What an export holds.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Export {
    pub description: String,
    pub unit: String,
    pub instance: String,
    pub language: String,
    pub budget: i64,
    /// `None`: a knapsack ballot; `Some(k)`: at most k projects.
    pub max_length: Option<u32>,
    pub min_sum_cost: i64,
    pub rule: String,
    pub date_begin: String,
    pub date_end: String,
    pub projects: Vec<ExportProject>,
    pub votes: Vec<ExportVote>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ExportProject {
    pub id: i64,
    pub cost: i64,
    pub votes: u64,
    pub name: String,
    pub district: String,
    pub selected: bool,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ExportVote {
    pub projects: Vec<i64>,
    /// "internet" or "paper".
    pub voting_method: String,
    pub district: String,
}

impl Export {
    pub fn rule_of(ballot: Ballot, method: Method) -> (Option<u32>, String) {
        let max = match ballot {
            Ballot::Knapsack => None,
            Ballot::Approval(k) => Some(k),
        };
        (max, method.pabulib().to_string())
    }

    /// The file. Ballots are numbered in the order given (callers sort them
    /// by content, so that the numbers say nothing of who voted when).
    pub fn write(&self) -> String {
        let mut out = String::with_capacity(64 + self.votes.len() * 24);
        out.push_str("META\nkey;value\n");
        let mut meta: Vec<(&str, String)> = vec![
            ("description", self.description.clone()),
            ("country", "France".to_string()),
            ("unit", self.unit.clone()),
            ("instance", self.instance.clone()),
            ("language", self.language.clone()),
            ("currency", "EUR".to_string()),
            ("num_projects", self.projects.len().to_string()),
            ("num_votes", self.votes.len().to_string()),
            ("budget", self.budget.to_string()),
            ("vote_type", "approval".to_string()),
            ("rule", self.rule.clone()),
            ("date_begin", self.date_begin.clone()),
            ("date_end", self.date_end.clone()),
            ("min_length", "1".to_string()),
        ];
        match self.max_length {
            Some(k) => meta.push(("max_length", k.to_string())),
            None => meta.push(("max_sum_cost", self.budget.to_string())),
        }
        if self.min_sum_cost > 0 {
            meta.push(("min_sum_cost", self.min_sum_cost.to_string()));
        }
        for (k, v) in meta {
            line(&mut out, &[k, &v]);
        }
        out.push_str("PROJECTS\nproject_id;cost;votes;name;district;selected\n");
        for p in &self.projects {
            line(
                &mut out,
                &[
                    &p.id.to_string(),
                    &p.cost.to_string(),
                    &p.votes.to_string(),
                    &p.name,
                    &p.district,
                    if p.selected { "1" } else { "0" },
                ],
            );
        }
        out.push_str("VOTES\nvoter_id;vote;voting_method;district\n");
        for (i, v) in self.votes.iter().enumerate() {
            let vote = v
                .projects
                .iter()
                .map(i64::to_string)
                .collect::<Vec<_>>()
                .join(",");
            line(
                &mut out,
                &[&(i + 1).to_string(), &vote, &v.voting_method, &v.district],
            );
        }
        out
    }
}

fn line(out: &mut String, fields: &[&str]) {
    for (i, f) in fields.iter().enumerate() {
        if i > 0 {
            out.push(';');
        }
        let f = f.replace(['\r', '\n'], " ");
        if f.contains([';', '"']) {
            out.push('"');
            out.push_str(&f.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(&f);
        }
    }
    out.push('\n');
}

/// Why a file could not be read.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ParseError {
    #[error("line {0}: outside a section")]
    OutsideSection(usize),
    #[error("line {0}: {1}")]
    Field(usize, &'static str),
    #[error("no budget in META")]
    NoBudget,
}

/// Reads a file back into what the count needs (the budget, the projects'
/// costs, each ballot's projects).
pub fn parse(text: &str) -> Result<Instance, ParseError> {
    #[derive(PartialEq)]
    enum Section {
        None,
        Meta,
        Projects,
        Votes,
    }
    let mut section = Section::None;
    let mut header: Vec<String> = Vec::new();
    let mut instance = Instance::default();
    let mut budget = None;
    for (n, raw) in text.lines().enumerate() {
        let n = n + 1;
        let raw = raw.trim_end_matches('\r');
        if raw.trim().is_empty() {
            continue;
        }
        let next = match raw.trim().to_ascii_uppercase().as_str() {
            "META" => Some(Section::Meta),
            "PROJECTS" => Some(Section::Projects),
            "VOTES" => Some(Section::Votes),
            _ => None,
        };
        if let Some(s) = next {
            section = s;
            header.clear();
            continue;
        }
        let fields = split(raw);
        if section == Section::None {
            return Err(ParseError::OutsideSection(n));
        }
        if header.is_empty() {
            header = fields
                .iter()
                .map(|f| f.trim().to_ascii_lowercase())
                .collect();
            continue;
        }
        let get = |name: &str| {
            header
                .iter()
                .position(|h| h == name)
                .and_then(|i| fields.get(i))
                .map(|f| f.trim())
        };
        match section {
            Section::Meta => {
                if fields.first().map(|k| k.trim()) == Some("budget") {
                    let value = fields.get(1).map(|v| v.trim()).unwrap_or("");
                    // pabulib writes some budgets with decimals ("1000.0").
                    let whole = value.split('.').next().unwrap_or("");
                    budget = Some(
                        whole
                            .parse::<i64>()
                            .map_err(|_| ParseError::Field(n, "budget"))?,
                    );
                }
            }
            Section::Projects => {
                let id = get("project_id")
                    .and_then(|v| v.parse::<i64>().ok())
                    .ok_or(ParseError::Field(n, "project_id"))?;
                let cost = get("cost")
                    .and_then(|v| v.split('.').next())
                    .and_then(|v| v.parse::<i64>().ok())
                    .ok_or(ParseError::Field(n, "cost"))?;
                instance.projects.push(Project { id, cost });
            }
            Section::Votes => {
                let vote = get("vote").ok_or(ParseError::Field(n, "vote"))?;
                let ids = vote
                    .split(',')
                    .filter(|v| !v.trim().is_empty())
                    .map(|v| v.trim().parse::<i64>())
                    .collect::<Result<Vec<i64>, _>>()
                    .map_err(|_| ParseError::Field(n, "vote"))?;
                instance.ballots.push(ids);
            }
            Section::None => {}
        }
    }
    instance.budget = budget.ok_or(ParseError::NoBudget)?;
    Ok(instance)
}

/// One line's fields, with CSV quotes.
fn split(line: &str) -> Vec<String> {
    let mut fields = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', true) if chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            ('"', true) => quoted = false,
            ('"', false) if field.is_empty() => quoted = true,
            (';', false) => fields.push(std::mem::take(&mut field)),
            (c, _) => field.push(c),
        }
    }
    fields.push(field);
    fields
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::budget::count::count;

    fn export() -> Export {
        Export {
            description: "Budget participatif 2026".into(),
            unit: "Valbrune".into(),
            instance: "2026".into(),
            language: "fr".into(),
            budget: 100,
            max_length: None,
            min_sum_cost: 0,
            rule: "greedy".into(),
            date_begin: "01.03.2026".into(),
            date_end: "31.03.2026".into(),
            projects: vec![
                ExportProject {
                    id: 1,
                    cost: 50,
                    votes: 6,
                    name: "Jardins; \"partagés\"".into(),
                    district: "Centre".into(),
                    selected: true,
                },
                ExportProject {
                    id: 3,
                    cost: 50,
                    votes: 4,
                    name: "Pistes\ncyclables".into(),
                    district: String::new(),
                    selected: true,
                },
            ],
            votes: vec![
                ExportVote {
                    projects: vec![1],
                    voting_method: "internet".into(),
                    district: "Centre".into(),
                },
                ExportVote {
                    projects: vec![1, 3],
                    voting_method: "paper".into(),
                    district: String::new(),
                },
            ],
        }
    }

    #[test]
    fn a_file_reads_back_to_its_instance() {
        let text = export().write();
        assert!(text.starts_with("META\nkey;value\ndescription;Budget participatif 2026\n"));
        assert!(text.contains("1;50;6;\"Jardins; \"\"partagés\"\"\";Centre;1\n"));
        assert!(text.contains("3;50;4;Pistes cyclables;;1\n"));
        assert!(text.contains(
            "VOTES\nvoter_id;vote;voting_method;district\n1;1;internet;Centre\n2;1,3;paper;\n"
        ));
        assert!(text.contains("max_sum_cost;100\n"));
        let i = parse(&text).unwrap();
        assert_eq!(i.budget, 100);
        assert_eq!(
            i.projects,
            vec![Project { id: 1, cost: 50 }, Project { id: 3, cost: 50 }]
        );
        assert_eq!(i.ballots, vec![vec![1], vec![1, 3]]);
        assert_eq!(count(&i, Method::Greedy).funded(), vec![1, 3]);
    }

    #[test]
    fn a_pabulib_file_from_elsewhere_reads() {
        let text = "META\nkey;value\nbudget;1000.0\nvote_type;approval\n\
                    PROJECTS\nproject_id;name;cost\n7;A;600\n8;B;500\n\
                    VOTES\nvoter_id;age;vote\nv1;30;7,8\nv2;40;8\n";
        let i = parse(text).unwrap();
        assert_eq!(i.budget, 1000);
        assert_eq!(i.ballots, vec![vec![7, 8], vec![8]]);
        assert_eq!(count(&i, Method::Greedy).funded(), vec![8]);
    }

    #[test]
    fn broken_files_say_where() {
        assert_eq!(parse("budget;10\n"), Err(ParseError::OutsideSection(1)));
        assert_eq!(
            parse("META\nkey;value\nbudget;ten\n"),
            Err(ParseError::Field(3, "budget"))
        );
        assert_eq!(
            parse("META\nkey;value\nbudget;10\nVOTES\nvoter_id;vote\n1;a\n"),
            Err(ParseError::Field(6, "vote"))
        );
        assert_eq!(
            parse("PROJECTS\nproject_id;cost\n"),
            Err(ParseError::NoBudget)
        );
    }
}
