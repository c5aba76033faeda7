//! Spin's HTTP route syntax: exact paths, and `/prefix/...` wildcards that
//! match the prefix and everything below it. Exact beats wildcard; a longer
//! prefix beats a shorter one. Private routes are never reachable over HTTP.

#[derive(Debug, Clone, PartialEq, Eq)]
enum Pattern {
    Exact(String),
    Prefix(String),
}

#[derive(Debug, Clone)]
pub struct Route {
    pattern: Pattern,
    /// The route as written in the manifest.
    pub raw: String,
    /// Index of the component that serves it.
    pub component: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Match<'a> {
    pub component: usize,
    pub raw: &'a str,
    /// The route without its `/...` suffix (`spin-component-route`).
    pub component_route: &'a str,
    /// The rest of the path after the matched prefix (`spin-path-info`).
    pub path_info: String,
}

#[derive(Debug, Default)]
pub struct Router {
    routes: Vec<Route>,
}

fn normalize(prefix: &str) -> String {
    prefix.trim_end_matches('/').to_string()
}

impl Router {
    pub fn add(&mut self, route: &str, component: usize) {
        let pattern = match route.strip_suffix("/...") {
            Some(prefix) => Pattern::Prefix(normalize(prefix)),
            None if route == "/..." => Pattern::Prefix(String::new()),
            None => Pattern::Exact(if route == "/" {
                "/".into()
            } else {
                normalize(route)
            }),
        };
        self.routes.push(Route {
            pattern,
            raw: route.to_string(),
            component,
        });
    }

    pub fn routes(&self) -> &[Route] {
        &self.routes
    }

    pub fn find(&self, path: &str) -> Option<Match<'_>> {
        let mut best: Option<(usize, &Route)> = None;
        for route in &self.routes {
            let score = match &route.pattern {
                Pattern::Exact(p) => {
                    let wanted = if path == "/" {
                        "/"
                    } else {
                        path.trim_end_matches('/')
                    };
                    (p == wanted).then_some(usize::MAX)
                }
                Pattern::Prefix(p) => {
                    let below = path == p.as_str()
                        || (path.starts_with(p.as_str()) && path[p.len()..].starts_with('/'));
                    below.then_some(p.len())
                }
            };
            if let Some(score) = score
                && best.is_none_or(|(s, _)| score > s)
            {
                best = Some((score, route));
            }
        }
        best.map(|(_, route)| {
            let (component_route, path_info) = match &route.pattern {
                Pattern::Exact(p) => (p.as_str(), String::new()),
                Pattern::Prefix(p) => (p.as_str(), path[p.len()..].to_string()),
            };
            Match {
                component: route.component,
                raw: &route.raw,
                component_route,
                path_info,
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spin_route_precedence() {
        let mut r = Router::default();
        r.add("/...", 0);
        r.add("/account/...", 1);
        r.add("/account/special", 2);
        r.add("/health", 3);
        let cases = [
            ("/", 0, "/"),
            ("/pages/about", 0, "/pages/about"),
            ("/account", 1, ""),
            ("/account/", 1, "/"),
            ("/account/login", 1, "/login"),
            ("/accounting", 0, "/accounting"),
            ("/account/special", 2, ""),
            ("/health", 3, ""),
            ("/health/x", 0, "/health/x"),
        ];
        for (path, component, info) in cases {
            let m = r.find(path).unwrap();
            assert_eq!(
                (m.component, m.path_info.as_str()),
                (component, info),
                "{path}"
            );
        }
    }

    #[test]
    fn no_catch_all_means_404() {
        let mut r = Router::default();
        r.add("/api/...", 0);
        assert!(r.find("/").is_none());
        assert!(r.find("/apix").is_none());
        assert_eq!(r.find("/api/v1").unwrap().component_route, "/api");
    }
}
