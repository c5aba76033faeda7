//! Reads a Spin application manifest (v2): variables, HTTP triggers and
//! components, plus the runtime config file for SQLite databases.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, anyhow, bail};
use serde::Deserialize;

#[derive(Debug, Deserialize)]
struct RawManifest {
    spin_manifest_version: i64,
    application: RawApplication,
    #[serde(default)]
    variables: BTreeMap<String, RawVariable>,
    #[serde(default)]
    trigger: RawTriggers,
    #[serde(default)]
    component: BTreeMap<String, RawComponent>,
}

#[derive(Debug, Deserialize)]
struct RawApplication {
    name: String,
}

#[derive(Debug, Deserialize, Default)]
struct RawVariable {
    default: Option<String>,
    #[serde(default)]
    required: bool,
    #[serde(default)]
    secret: bool,
}

#[derive(Debug, Deserialize, Default)]
struct RawTriggers {
    #[serde(default)]
    http: Vec<RawHttpTrigger>,
}

#[derive(Debug, Deserialize)]
struct RawHttpTrigger {
    route: RawRoute,
    component: String,
}

#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum RawRoute {
    Path(String),
    Private { private: bool },
}

#[derive(Debug, Deserialize)]
struct RawComponent {
    source: String,
    #[serde(default)]
    allowed_outbound_hosts: Vec<String>,
    #[serde(default)]
    sqlite_databases: Vec<String>,
    #[serde(default)]
    variables: BTreeMap<String, String>,
}

/// A variable of the application.
#[derive(Debug, Clone)]
pub struct Variable {
    pub default: Option<String>,
    pub required: bool,
    pub secret: bool,
}

#[derive(Debug, Clone)]
pub struct Component {
    pub id: String,
    pub source: PathBuf,
    pub allowed_outbound_hosts: Vec<String>,
    pub sqlite_databases: Vec<String>,
    /// The component's variables, already rendered from the application's.
    pub variables: HashMap<String, String>,
}

#[derive(Debug, Clone)]
pub struct Trigger {
    /// `None` for a private route (reachable only from other components).
    pub route: Option<String>,
    pub component: String,
}

#[derive(Debug, Clone)]
pub struct App {
    pub name: String,
    pub components: Vec<Component>,
    pub triggers: Vec<Trigger>,
}

/// Loads the manifest and resolves variables from `lookup` (the environment).
pub fn load(path: &Path, lookup: &dyn Fn(&str) -> Option<String>) -> Result<App> {
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("cannot read the manifest {}", path.display()))?;
    let base = path.parent().unwrap_or(Path::new("."));
    parse(&text, base, lookup).with_context(|| format!("in {}", path.display()))
}

pub fn parse(text: &str, base: &Path, lookup: &dyn Fn(&str) -> Option<String>) -> Result<App> {
    let raw: RawManifest = toml::from_str(text).context("invalid manifest")?;
    if raw.spin_manifest_version != 2 {
        bail!("only spin_manifest_version = 2 is supported");
    }
    let mut values: HashMap<String, String> = HashMap::new();
    for (name, var) in &raw.variables {
        let var = Variable {
            default: var.default.clone(),
            required: var.required,
            secret: var.secret,
        };
        let env_name = format!("SPIN_VARIABLE_{}", name.to_ascii_uppercase());
        match lookup(&env_name).or_else(|| var.default.clone()) {
            Some(value) => {
                values.insert(name.clone(), value);
            }
            None if var.required => bail!(
                "the variable `{name}` is required{}: set {env_name}",
                if var.secret { " (a secret)" } else { "" }
            ),
            None => {}
        }
    }
    let mut components = Vec::new();
    for (id, c) in raw.component {
        let mut variables = HashMap::new();
        for (name, template) in &c.variables {
            let value = render_template(template, &values)
                .with_context(|| format!("variable `{name}` of component `{id}`"))?;
            variables.insert(name.clone(), value);
        }
        // Spin renders variables in allowed hosts too ("{{ mail_api_url }}").
        let allowed_outbound_hosts = c
            .allowed_outbound_hosts
            .iter()
            .map(|h| render_template(h, &values))
            .collect::<Result<Vec<_>>>()
            .with_context(|| format!("allowed_outbound_hosts of component `{id}`"))?;
        for host in &allowed_outbound_hosts {
            crate::outbound::validate(host).map_err(|e| {
                anyhow!("`allowed_outbound_hosts` of component `{id}` is malformed: {e}")
            })?;
        }
        components.push(Component {
            source: base.join(&c.source),
            id,
            allowed_outbound_hosts,
            sqlite_databases: c.sqlite_databases,
            variables,
        });
    }
    let mut triggers = Vec::new();
    for t in raw.trigger.http {
        if !components.iter().any(|c| c.id == t.component) {
            bail!(
                "the route {:?} names an unknown component `{}`",
                t.route,
                t.component
            );
        }
        let route = match t.route {
            RawRoute::Path(p) => {
                if !p.starts_with('/') {
                    bail!("route {p:?} must start with /");
                }
                Some(p)
            }
            RawRoute::Private { private: true } => None,
            RawRoute::Private { private: false } => {
                bail!("route = {{ private = false }} is not valid")
            }
        };
        triggers.push(Trigger {
            route,
            component: t.component,
        });
    }
    Ok(App {
        name: raw.application.name,
        components,
        triggers,
    })
}

/// Renders `{{ name }}` references to application variables.
fn render_template(template: &str, values: &HashMap<String, String>) -> Result<String> {
    let mut out = String::new();
    let mut rest = template;
    while let Some(start) = rest.find("{{") {
        out.push_str(&rest[..start]);
        let end = rest[start..]
            .find("}}")
            .ok_or_else(|| anyhow!("unclosed {{{{ in {template:?}"))?;
        let name = rest[start + 2..start + end].trim();
        let value = values
            .get(name)
            .ok_or_else(|| anyhow!("no application variable `{name}` has a value"))?;
        out.push_str(value);
        rest = &rest[start + end + 2..];
    }
    out.push_str(rest);
    Ok(out)
}

/// Where the `default` database lives.
#[derive(Debug, Clone, PartialEq)]
pub enum Database {
    File(PathBuf),
    /// A libSQL server (Turso, `sqld`): its url and token.
    LibSql {
        url: String,
        token: String,
    },
}

#[derive(Debug, Deserialize)]
struct RawRuntimeConfig {
    #[serde(default)]
    sqlite_database: BTreeMap<String, RawDatabase>,
}

#[derive(Debug, Deserialize)]
struct RawDatabase {
    #[serde(rename = "type")]
    kind: String,
    path: Option<String>,
    url: Option<String>,
    token: Option<String>,
}

/// Reads the databases of a runtime config file (Spin's syntax); the default
/// database is `<state dir>/sqlite_db.db` unless the file says otherwise.
pub fn databases(
    runtime_config: Option<&Path>,
    state_dir: &Path,
) -> Result<HashMap<String, Database>> {
    let mut dbs = HashMap::new();
    dbs.insert(
        "default".to_string(),
        Database::File(state_dir.join("sqlite_db.db")),
    );
    let Some(path) = runtime_config else {
        return Ok(dbs);
    };
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("cannot read the runtime config {}", path.display()))?;
    let raw: RawRuntimeConfig = toml::from_str(&text)
        .with_context(|| format!("invalid runtime config {}", path.display()))?;
    for (name, db) in raw.sqlite_database {
        match db.kind.as_str() {
            "spin" => {
                let file = db
                    .path
                    .map_or_else(|| state_dir.join(format!("{name}.db")), PathBuf::from);
                dbs.insert(name, Database::File(file));
            }
            "libsql" => {
                let (Some(url), Some(token)) = (db.url, db.token) else {
                    bail!(
                        "sqlite_database.{name}: a libSQL database needs both `url` and `token` (as in Spin; the token may be empty for a server without authentication)"
                    );
                };
                dbs.insert(name, Database::LibSql { url, token });
            }
            other => bail!("sqlite_database.{name}: unknown type {other:?}"),
        }
    }
    Ok(dbs)
}

#[cfg(test)]
mod tests {
    use super::*;

    const MANIFEST: &str = r#"
spin_manifest_version = 2
[application]
name = "demo"
[variables]
session_key = { required = true, secret = true }
demo_seed = { default = "false" }
[[trigger.http]]
route = "/..."
component = "pages"
[[trigger.http]]
route = { private = true }
component = "pages"
[component.pages]
source = "target/pages.wasm"
sqlite_databases = ["default"]
allowed_outbound_hosts = ["https://{{ demo_seed }}.example.org"]
[component.pages.variables]
session_key = "key:{{ session_key }}"
demo = "{{demo_seed}}"
"#;

    #[test]
    fn parses_and_renders_variables() {
        let env = |name: &str| (name == "SPIN_VARIABLE_SESSION_KEY").then(|| "s3cret".to_string());
        let app = parse(MANIFEST, Path::new("/app"), &env).unwrap();
        assert_eq!(app.name, "demo");
        let c = &app.components[0];
        assert_eq!(c.source, PathBuf::from("/app/target/pages.wasm"));
        assert_eq!(c.variables["session_key"], "key:s3cret");
        assert_eq!(c.variables["demo"], "false");
        assert_eq!(
            c.allowed_outbound_hosts,
            vec!["https://false.example.org".to_string()]
        );
        assert_eq!(app.triggers[0].route.as_deref(), Some("/..."));
        assert_eq!(app.triggers[1].route, None);
    }

    #[test]
    fn malformed_allowed_hosts_are_refused_at_load() {
        let env = |name: &str| (name == "SPIN_VARIABLE_SESSION_KEY").then(|| "s3cret".to_string());
        let manifest = MANIFEST.replace(".example.org\"]", ".example.org/send\"]");
        let err = parse(&manifest, Path::new("/"), &env).unwrap_err();
        assert!(format!("{err:#}").contains("has a path"), "{err:#}");
    }

    #[test]
    fn missing_required_variable_is_an_error() {
        let err = parse(MANIFEST, Path::new("/"), &|_| None).unwrap_err();
        assert!(format!("{err:#}").contains("SPIN_VARIABLE_SESSION_KEY"));
    }

    #[test]
    fn runtime_config() {
        let dir = std::env::temp_dir().join(format!("palabre-rc-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("rc.toml");
        std::fs::write(
            &file,
            "[sqlite_database.default]\ntype = \"spin\"\npath = \"/tmp/x.db\"\n",
        )
        .unwrap();
        let dbs = databases(Some(&file), &dir).unwrap();
        assert_eq!(dbs["default"], Database::File(PathBuf::from("/tmp/x.db")));
        std::fs::write(
            &file,
            "[sqlite_database.default]\ntype = \"libsql\"\nurl = \"https://x\"\ntoken = \"t\"\n",
        )
        .unwrap();
        assert_eq!(
            databases(Some(&file), &dir).unwrap()["default"],
            Database::LibSql {
                url: "https://x".into(),
                token: "t".into()
            }
        );
        std::fs::write(
            &file,
            "[sqlite_database.default]\ntype = \"libsql\"\nurl = \"https://x\"\n",
        )
        .unwrap();
        let err = databases(Some(&file), &dir).unwrap_err();
        assert!(format!("{err:#}").contains("needs both `url` and `token`"));
        let example = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../runtime-config.libsql.toml.example"
        );
        match &databases(Some(Path::new(example)), &dir).unwrap()["default"] {
            Database::LibSql { url, .. } => assert!(url.starts_with("https://"), "{url}"),
            other => panic!("the example names {other:?}"),
        }
        assert_eq!(
            databases(None, &dir).unwrap()["default"],
            Database::File(dir.join("sqlite_db.db"))
        );
    }
}
