//! palabre-host: a local runner for the Palabre Spin app on the real Wasmtime
//! crates. It reads the same `spin.toml` and runs the very same `.wasm` files.
//! For development and tests only; production is Spin.

mod manifest;
mod outbound;
mod router;
mod server;
mod spin;
mod tools;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use anyhow::{Context, Result, bail};

const USAGE: &str = "palabre-host — run the Palabre Spin app locally on Wasmtime

USAGE:
  palabre-host up [--from spin.toml] [--listen 127.0.0.1:3000] [--state-dir .spin]
                  [--runtime-config-file FILE] [--no-reuse]
                  [--max-instance-reuse-count 128] [--max-instance-concurrent-reuse-count 16]
                  [--idle-instance-timeout-ms 1000] [--request-timeout-s 0] [--max-body-bytes 0]
                  [--max-concurrent-requests 0]
  palabre-host compose SOCKET.wasm --plug PLUG.wasm -o OUT.wasm
  palabre-host check --wit DIR --world palabre:platform/feature FILE.wasm

Variables come from SPIN_VARIABLE_<NAME> and the manifest's defaults.
The runtime config file is Spin's: [sqlite_database.<name>] with type = \"spin\"
(a local file, `path`) or type = \"libsql\" (`url` and `token`; reached at startup).
PALABRE_HOST_SLOW_SQL_MS=N logs every SQL statement that takes N ms or more (local files).
PALABRE_HOST_PROFILE=perfmap writes /tmp/perf-<pid>.map for `perf record`.";

struct Args(Vec<String>);

impl Args {
    fn flag(&mut self, name: &str) -> bool {
        match self.0.iter().position(|a| a == name) {
            Some(i) => {
                self.0.remove(i);
                true
            }
            None => false,
        }
    }

    /// The value of option `name`; when given several times, the last one wins
    /// (so `scripts/up --listen …` overrides the script's default).
    fn value(&mut self, name: &str) -> Result<Option<String>> {
        let mut found = None;
        while let Some(i) = self.0.iter().position(|a| a == name) {
            if i + 1 >= self.0.len() {
                bail!("{name} needs a value");
            }
            found = Some(self.0.remove(i + 1));
            self.0.remove(i);
        }
        Ok(found)
    }

    fn parsed<T: std::str::FromStr>(&mut self, name: &str, default: T) -> Result<T> {
        match self.value(name)? {
            Some(v) => v
                .parse()
                .map_err(|_| anyhow::anyhow!("{name}: invalid value {v:?}")),
            None => Ok(default),
        }
    }

    fn finish(self) -> Result<Vec<String>> {
        if let Some(unknown) = self.0.iter().find(|a| a.starts_with("--")) {
            bail!("unknown option {unknown}\n\n{USAGE}");
        }
        Ok(self.0)
    }
}

fn main() {
    let argv: Vec<String> = std::env::args().skip(1).collect();
    if let Err(e) = run(argv) {
        eprintln!("palabre-host: {e:#}");
        std::process::exit(1);
    }
}

fn run(mut argv: Vec<String>) -> Result<()> {
    if argv.is_empty() || argv.iter().any(|a| a == "--help" || a == "-h") {
        println!("{USAGE}");
        return Ok(());
    }
    let command = argv.remove(0);
    let mut args = Args(argv);
    match command.as_str() {
        "up" => up(args),
        "compose" => {
            let plug = args.value("--plug")?.context("compose needs --plug")?;
            let out = args.value("-o")?.context("compose needs -o OUT.wasm")?;
            let rest = args.finish()?;
            let [socket] = rest.as_slice() else {
                bail!("compose needs exactly one SOCKET.wasm\n\n{USAGE}");
            };
            tools::compose(socket.as_ref(), plug.as_ref(), out.as_ref())
        }
        "check" => {
            let wit = args.value("--wit")?.unwrap_or_else(|| "wit".into());
            let world = args.value("--world")?.context("check needs --world")?;
            let files = args.finish()?;
            if files.is_empty() {
                bail!("check needs at least one FILE.wasm");
            }
            let mut failed = Vec::new();
            for file in &files {
                match tools::check(wit.as_ref(), &world, file.as_ref()) {
                    Ok(()) => println!("ok: {file} targets {world}"),
                    Err(e) => failed.push(format!("{e:#}")),
                }
            }
            if !failed.is_empty() {
                bail!("component check failed:\n{}", failed.join("\n"));
            }
            Ok(())
        }
        other => bail!("unknown command {other:?}\n\n{USAGE}"),
    }
}

fn up(mut args: Args) -> Result<()> {
    let manifest = PathBuf::from(args.value("--from")?.unwrap_or_else(|| "spin.toml".into()));
    let listen: SocketAddr = args.parsed("--listen", "127.0.0.1:3000".parse()?)?;
    let state_dir = PathBuf::from(args.value("--state-dir")?.unwrap_or_else(|| ".spin".into()));
    let runtime_config = args.value("--runtime-config-file")?.map(PathBuf::from);
    let no_reuse = args.flag("--no-reuse");
    let mut reuse: usize = args.parsed("--max-instance-reuse-count", 128)?;
    let mut concurrent: usize = args.parsed("--max-instance-concurrent-reuse-count", 16)?;
    let idle_ms: u64 = args.parsed("--idle-instance-timeout-ms", 1000)?;
    // Spin's defaults: no request timeout, no body limit (the gate refuses
    // what is larger than a form), no queue before the components; 0 means none.
    let timeout_s: u64 = args.parsed("--request-timeout-s", 0)?;
    let max_body: u64 = args.parsed("--max-body-bytes", 0)?;
    let max_concurrent_requests: usize = args.parsed("--max-concurrent-requests", 0)?;
    let rest = args.finish()?;
    if !rest.is_empty() {
        bail!("unexpected arguments {rest:?}\n\n{USAGE}");
    }
    if no_reuse {
        reuse = 1;
        concurrent = 1;
    }
    let options = server::Options {
        manifest,
        listen,
        state_dir,
        runtime_config,
        max_instance_reuse_count: reuse,
        max_instance_concurrent_reuse_count: concurrent,
        idle_instance_timeout: Duration::from_millis(idle_ms),
        request_timeout: match timeout_s {
            0 => Duration::MAX,
            s => Duration::from_secs(s),
        },
        max_body,
        max_concurrent_requests,
    };
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("cannot start the async runtime")?;
    runtime.block_on(async move {
        let server = Arc::new(server::Server::load(options).await?);
        let listener = listen_on(listen).with_context(|| format!("cannot listen on {listen}"))?;
        let local = listener.local_addr()?;
        let base = format!("http://{local}");
        println!("Serving {} at {base}", server.app_name());
        println!("Available Routes:");
        for line in server.describe_routes(&base) {
            println!("{line}");
        }
        use std::io::Write as _;
        let _ = std::io::stdout().flush();
        tokio::select! {
            result = server.serve(listener) => result,
            _ = tokio::signal::ctrl_c() => {
                eprintln!("palabre-host: stopping; {}", server::instances::summary());
                Ok(())
            }
        }
    })
}

/// A listening socket whose queue holds a burst of new connections (a
/// thousand people pressing "support" at once): tokio's `bind` stops at 1,024,
/// and a full queue resets connections.
fn listen_on(addr: std::net::SocketAddr) -> std::io::Result<tokio::net::TcpListener> {
    let socket = if addr.is_ipv4() {
        tokio::net::TcpSocket::new_v4()?
    } else {
        tokio::net::TcpSocket::new_v6()?
    };
    socket.set_reuseaddr(true)?;
    socket.bind(addr)?;
    // Spin listens with the standard library's queue of 128 connections.
    socket.listen(128)
}
