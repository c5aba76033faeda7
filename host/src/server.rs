//! The HTTP side: hyper on 127.0.0.1, Spin's routing and `spin-*` headers,
//! body limits, and Wasmtime's `ProxyHandler` for instance reuse (as Spin's
//! trigger-http does for WASI 0.3 handlers).

use std::collections::HashMap;
use std::convert::Infallible;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::{Duration, Instant};

use anyhow::{Context as _, Result};
use bytes::Bytes;
use http::{HeaderValue, StatusCode, header};
use http_body_util::combinators::UnsyncBoxBody;
use http_body_util::{BodyExt, Full, Limited};
use hyper::body::Incoming;
use wasmtime::component::{Component, GuestTaskId, Linker, ResourceTable};
use wasmtime::{Engine, Store, StoreContextMut};
use wasmtime_wasi::{WasiCtx, WasiCtxView, WasiView};
use wasmtime_wasi_http::handler::{
    HandlerState, Instance, ProxyHandler, ProxyPre, ShouldAccept, WorkerExpiration, WorkerState,
    WorkerStatus,
};
use wasmtime_wasi_http::{WasiHttpCtx, WasiHttpCtxView, WasiHttpView};

use crate::manifest::{self, App, Database};
use crate::outbound::Outbound;
use crate::router::Router;
use crate::spin::{self, Pool, SpinCtx, SpinView};

#[derive(Debug, Clone)]
pub struct Options {
    pub manifest: PathBuf,
    pub listen: SocketAddr,
    pub state_dir: PathBuf,
    pub runtime_config: Option<PathBuf>,
    /// Requests one instance may serve in its lifetime (1 = no reuse).
    pub max_instance_reuse_count: usize,
    /// Requests one instance may serve at the same time.
    pub max_instance_concurrent_reuse_count: usize,
    /// How long an idle instance is kept for reuse.
    pub idle_instance_timeout: Duration,
    /// How long a request may take before its instance is dropped
    /// (`Duration::MAX`, as on Spin: no limit).
    pub request_timeout: Duration,
    /// Requests served by the components at once (the others queue); as on
    /// Spin, no limit unless one is given.
    pub max_concurrent_requests: usize,
    /// Largest request body accepted (413 beyond); 0, as on Spin: none (the
    /// gate refuses what is larger than a form).
    pub max_body: u64,
}

/// The data of one store (one component instance).
pub struct HostState {
    table: ResourceTable,
    wasi: WasiCtx,
    http: WasiHttpCtx,
    outbound: Outbound,
    spin: SpinCtx,
    memory: MemoryMeter,
}

/// Counts an instance's linear memory (all its core memories: the gate's and
/// the feature's) as it grows, and lets nothing else through unchanged:
/// Wasmtime asks it before every growth, including a memory's creation.
#[derive(Default)]
struct MemoryMeter {
    bytes: usize,
}

impl wasmtime::ResourceLimiter for MemoryMeter {
    fn memory_growing(
        &mut self,
        current: usize,
        desired: usize,
        _maximum: Option<usize>,
    ) -> wasmtime::Result<bool> {
        self.bytes += desired.saturating_sub(current);
        Ok(true)
    }

    fn table_growing(
        &mut self,
        _current: usize,
        _desired: usize,
        _maximum: Option<usize>,
    ) -> wasmtime::Result<bool> {
        Ok(true)
    }
}

/// What ended instances held, for the summary printed when the host stops
/// (`scripts/bench` reads it: memory per instance).
pub mod instances {
    use std::sync::atomic::{AtomicUsize, Ordering};

    static ENDED: AtomicUsize = AtomicUsize::new(0);
    static BYTES: AtomicUsize = AtomicUsize::new(0);
    static PEAK: AtomicUsize = AtomicUsize::new(0);

    pub(super) fn ended(bytes: usize) {
        ENDED.fetch_add(1, Ordering::Relaxed);
        BYTES.fetch_add(bytes, Ordering::Relaxed);
        PEAK.fetch_max(bytes, Ordering::Relaxed);
    }

    /// "N instances ended; linear memory per instance: mean X KiB, largest Y KiB"
    pub fn summary() -> String {
        let n = ENDED.load(Ordering::Relaxed);
        let mean = BYTES.load(Ordering::Relaxed) / n.max(1);
        format!(
            "{n} instances ended; linear memory per instance: mean {} KiB, largest {} KiB",
            mean / 1024,
            PEAK.load(Ordering::Relaxed) / 1024
        )
    }
}

impl WasiView for HostState {
    fn ctx(&mut self) -> WasiCtxView<'_> {
        WasiCtxView {
            ctx: &mut self.wasi,
            table: &mut self.table,
        }
    }
}

impl WasiHttpView for HostState {
    fn http(&mut self) -> WasiHttpCtxView<'_> {
        WasiHttpCtxView {
            ctx: &mut self.http,
            table: &mut self.table,
            hooks: &mut self.outbound,
        }
    }
}

fn spin_view(state: &mut HostState) -> SpinView<'_> {
    SpinView {
        ctx: &mut state.spin,
        table: &mut state.table,
    }
}

fn http_view(state: &mut HostState) -> WasiHttpCtxView<'_> {
    state.http()
}

/// Everything needed to make instances of one component.
struct ComponentState {
    id: String,
    engine: Engine,
    pre: ProxyPre<HostState>,
    databases: HashMap<String, Arc<Pool>>,
    variables: Arc<HashMap<String, String>>,
    allowed_hosts: Arc<Vec<String>>,
    options: Arc<Options>,
}

impl HandlerState for ComponentState {
    type StoreData = HostState;
    type WorkerExpiration = Expiry;
    type WorkerState = Worker;

    #[allow(
        clippy::manual_async_fn,
        reason = "the trait requires the future to be Send"
    )]
    fn instantiate(
        &self,
    ) -> impl Future<Output = wasmtime::Result<Instance<HostState, Expiry, Worker>>> + Send {
        async move {
            let mut wasi = WasiCtx::builder();
            wasi.inherit_stdout().inherit_stderr();
            let state = HostState {
                table: ResourceTable::new(),
                wasi: wasi.build(),
                http: WasiHttpCtx::new(),
                outbound: Outbound::new(self.allowed_hosts.clone()),
                spin: SpinCtx {
                    databases: self.databases.clone(),
                    variables: self.variables.clone(),
                },
                memory: MemoryMeter::default(),
            };
            let mut store = Store::new(&self.engine, state);
            store.limiter(|state| &mut state.memory);
            let proxy = self.pre.instantiate_async(&mut store).await?;
            Ok(Instance {
                store,
                proxy,
                view: http_view,
                expiration: Expiry::new(
                    self.options.idle_instance_timeout,
                    self.options.request_timeout,
                ),
                state: Worker {
                    id: self.id.clone(),
                    max_total: self.options.max_instance_reuse_count.max(1),
                    max_concurrent: self.options.max_instance_concurrent_reuse_count.max(1),
                    request_timeout: self.options.request_timeout,
                },
            })
        }
    }
}

pub struct Worker {
    id: String,
    max_total: usize,
    max_concurrent: usize,
    request_timeout: Duration,
}

impl WorkerState for Worker {
    type StoreData = HostState;
    type RequestData = ();

    fn should_accept_request(&self, concurrent: usize, total: usize) -> ShouldAccept {
        if total >= self.max_total {
            ShouldAccept::Never
        } else if concurrent >= self.max_concurrent {
            ShouldAccept::No
        } else {
            ShouldAccept::Yes
        }
    }

    fn on_request_start(
        &self,
        _store: StoreContextMut<'_, HostState>,
        _data: (),
        _task: GuestTaskId,
    ) -> Pin<Box<dyn Future<Output = ()> + 'static + Send + Sync>> {
        Box::pin(tokio::time::sleep(self.request_timeout))
    }

    fn drop(&self, store: Store<HostState>, result: wasmtime::Result<()>) {
        instances::ended(store.data().memory.bytes);
        if let Err(e) = result {
            eprintln!("[{}] instance ended with an error: {e:?}", self.id);
        }
    }
}

/// Drops an instance once it has been idle (or busy) for too long.
pub struct Expiry {
    idle: Duration,
    busy: Duration,
    timer: Pin<Box<tokio::time::Sleep>>,
}

impl Expiry {
    fn new(idle: Duration, busy: Duration) -> Expiry {
        Expiry {
            idle,
            busy,
            timer: Box::pin(tokio::time::sleep(idle)),
        }
    }
}

impl WorkerExpiration for Expiry {
    fn poll(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        status: WorkerStatus,
        start: Instant,
    ) -> Poll<()> {
        let this = self.get_mut();
        let limit = match status {
            WorkerStatus::Idle => this.idle,
            WorkerStatus::Requests | WorkerStatus::PostReturn => this.busy,
        };
        // No limit (Spin's default for a busy instance): never expires.
        let Some(deadline) = start.checked_add(limit) else {
            return Poll::Pending;
        };
        if Instant::now() >= deadline {
            return Poll::Ready(());
        }
        this.timer.as_mut().reset(deadline.into());
        this.timer.as_mut().poll(cx)
    }
}

type WasiBody = wasmtime_wasi_http::WasiBody;

/// Wasmtime has its own error type; this brings it into `anyhow` for the CLI.
trait Wt<T> {
    fn wt(self) -> Result<T>;
}

impl<T> Wt<T> for std::result::Result<T, wasmtime::Error> {
    fn wt(self) -> Result<T> {
        self.map_err(|e| anyhow::anyhow!("{e:?}"))
    }
}
type OutBody = UnsyncBoxBody<Bytes, Box<dyn std::error::Error + Send + Sync>>;

pub struct Server {
    app_name: String,
    components: Vec<(String, ProxyHandler<ComponentState>)>,
    router: Router,
    options: Arc<Options>,
    /// Requests inside the components at once; the next ones wait their turn
    /// rather than fail when the instance pool is full.
    admission: Arc<tokio::sync::Semaphore>,
}

pub fn engine() -> Result<Engine> {
    let mut config = wasmtime::Config::new();
    // `perf record` names the components' functions (with a build that keeps
    // them: CARGO_PROFILE_RELEASE_STRIP=none) from /tmp/perf-<pid>.map.
    if std::env::var("PALABRE_HOST_PROFILE").as_deref() == Ok("perfmap") {
        config.profiler(wasmtime::ProfilingStrategy::PerfMap);
    }
    config.wasm_component_model(true);
    config.wasm_component_model_async(true);
    // Spin's pool (crates/core in Spin's source), sized by the same
    // variable: a burst of simultaneous requests gets an instance each, and
    // past the pool they fail as they would on Spin.
    let instances: u32 = std::env::var("SPIN_MAX_INSTANCE_COUNT")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1_000);
    let mut pooling = wasmtime::PoolingAllocationConfig::default();
    pooling
        .total_component_instances(instances)
        .total_memories(instances)
        .total_tables(2 * instances)
        .total_stacks(instances)
        .total_core_instances(4 * instances)
        .max_memory_size(256 << 20);
    config.allocation_strategy(wasmtime::InstanceAllocationStrategy::Pooling(pooling));
    match Engine::new(&config).wt() {
        Ok(engine) => Ok(engine),
        Err(e) => {
            eprintln!(
                "palabre-host: pooling allocator unavailable ({e}); using on-demand allocation"
            );
            config.allocation_strategy(wasmtime::InstanceAllocationStrategy::OnDemand);
            Engine::new(&config)
                .wt()
                .context("cannot create the Wasmtime engine")
        }
    }
}

fn linker(engine: &Engine) -> Result<Linker<HostState>> {
    let mut linker = Linker::new(engine);
    wasmtime_wasi::p2::add_to_linker_async(&mut linker).wt()?;
    wasmtime_wasi::p3::clocks::add_to_linker(&mut linker).wt()?;
    wasmtime_wasi::p3::random::add_to_linker(&mut linker).wt()?;
    wasmtime_wasi::p3::cli::add_to_linker(&mut linker).wt()?;
    wasmtime_wasi_http::p3::add_to_linker(&mut linker).wt()?;
    spin::add_to_linker(&mut linker, spin_view).wt()?;
    Ok(linker)
}

impl Server {
    /// Loads the manifest, opens the databases and compiles every component once.
    pub async fn load(options: Options) -> Result<Server> {
        let app: App = manifest::load(&options.manifest, &|name| std::env::var(name).ok())?;
        std::fs::create_dir_all(&options.state_dir).with_context(|| {
            format!(
                "cannot create the state dir {}",
                options.state_dir.display()
            )
        })?;
        let mut pools: HashMap<String, Arc<Pool>> = HashMap::new();
        for (name, db) in
            manifest::databases(options.runtime_config.as_deref(), &options.state_dir)?
        {
            let pool = match db {
                Database::File(path) => Pool::local(path.clone()).with_context(|| {
                    format!("cannot open the database `{name}` at {}", path.display())
                })?,
                Database::LibSql { url, token } => {
                    // Some tools carry the token in the query: never printed.
                    let shown = url.split(['?', '#']).next().unwrap_or_default();
                    Pool::remote(&url, &token).await.with_context(|| {
                        format!("cannot reach the libSQL database `{name}` at {shown}")
                    })?
                }
            };
            pools.insert(name, Arc::new(pool));
        }
        let options = Arc::new(options);
        let engine = engine()?;
        let linker = linker(&engine)?;
        let mut components = Vec::new();
        let mut router = Router::default();
        for c in &app.components {
            let started = Instant::now();
            let component = Component::from_file(&engine, &c.source)
                .wt()
                .with_context(|| {
                    format!(
                        "cannot load component `{}` from {} (run scripts/build)",
                        c.id,
                        c.source.display()
                    )
                })?;
            let instance_pre = linker.instantiate_pre(&component).wt().with_context(|| {
                format!(
                    "component `{}` imports something palabre-host does not provide",
                    c.id
                )
            })?;
            let pre = wasmtime_wasi_http::p3::bindings::ServicePre::new(instance_pre)
                .wt()
                .with_context(|| {
                    format!(
                        "component `{}` does not export wasi:http/handler@0.3.0",
                        c.id
                    )
                })?;
            let mut databases = HashMap::new();
            for name in &c.sqlite_databases {
                let pool = pools.get(name).with_context(|| {
                    format!(
                        "component `{}` wants database `{name}`, which is not configured",
                        c.id
                    )
                })?;
                databases.insert(name.clone(), pool.clone());
            }
            eprintln!(
                "palabre-host: compiled `{}` in {:.2?}",
                c.id,
                started.elapsed()
            );
            let state = ComponentState {
                id: c.id.clone(),
                engine: engine.clone(),
                pre: ProxyPre::P3(pre),
                databases,
                variables: Arc::new(c.variables.clone()),
                allowed_hosts: Arc::new(c.allowed_outbound_hosts.clone()),
                options: options.clone(),
            };
            components.push((c.id.clone(), ProxyHandler::new(state)));
        }
        for t in &app.triggers {
            if let Some(route) = &t.route
                && let Some(index) = app.components.iter().position(|c| c.id == t.component)
            {
                router.add(route, index);
            }
        }
        let admission = Arc::new(tokio::sync::Semaphore::new(
            match options.max_concurrent_requests {
                0 => tokio::sync::Semaphore::MAX_PERMITS,
                n => n,
            },
        ));
        Ok(Server {
            app_name: app.name.clone(),
            components,
            router,
            options,
            admission,
        })
    }

    pub fn app_name(&self) -> &str {
        &self.app_name
    }

    pub fn describe_routes(&self, base: &str) -> Vec<String> {
        self.router
            .routes()
            .iter()
            .map(|r| format!("  {}: {base}{}", self.components[r.component].0, r.raw))
            .collect()
    }

    /// Serves until the process is stopped.
    pub async fn serve(self: Arc<Self>, listener: tokio::net::TcpListener) -> Result<()> {
        loop {
            let (stream, client) = match listener.accept().await {
                Ok(pair) => pair,
                Err(e) => {
                    eprintln!("palabre-host: accept failed: {e}");
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            };
            // Without this, keep-alive responses stall ~40 ms (Nagle / delayed ACK).
            let _ = stream.set_nodelay(true);
            let server = self.clone();
            tokio::spawn(async move {
                let service = hyper::service::service_fn(move |req| {
                    let server = server.clone();
                    async move { Ok::<_, Infallible>(server.handle(req, client).await) }
                });
                let io = wasmtime_wasi_http::io::TokioIo::new(stream);
                if let Err(e) = hyper::server::conn::http1::Builder::new()
                    .keep_alive(true)
                    .serve_connection(io, service)
                    .await
                    && !e.is_incomplete_message()
                {
                    eprintln!("palabre-host: connection from {client}: {e}");
                }
            });
        }
    }

    async fn handle(
        &self,
        req: hyper::Request<Incoming>,
        client: SocketAddr,
    ) -> hyper::Response<OutBody> {
        let path = req.uri().path().to_string();
        let Some(found) = self.router.find(&path) else {
            return plain(
                StatusCode::NOT_FOUND,
                "Not Found: no route in spin.toml matches this path\n",
            );
        };
        let declared = req
            .headers()
            .get(header::CONTENT_LENGTH)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.parse::<u64>().ok());
        if declared.is_some_and(|len| len > self.options.max_body) && self.options.max_body > 0 {
            return plain(StatusCode::PAYLOAD_TOO_LARGE, "Payload Too Large\n");
        }
        let (id, handler) = &self.components[found.component];
        let (mut parts, body) = req.into_parts();
        let host = parts
            .headers
            .get(header::HOST)
            .and_then(|h| h.to_str().ok())
            .map(str::to_string)
            .unwrap_or_else(|| self.options.listen.to_string());
        let path_and_query = parts
            .uri
            .path_and_query()
            .map_or("/", |pq| pq.as_str())
            .to_string();
        let full_url = format!("http://{host}{path_and_query}");
        match full_url.parse() {
            Ok(uri) => parts.uri = uri,
            Err(_) => return plain(StatusCode::BAD_REQUEST, "Bad Request: invalid URI\n"),
        }
        let spin_headers = [
            ("spin-full-url", full_url.clone()),
            ("spin-path-info", found.path_info.clone()),
            ("spin-matched-route", found.raw.to_string()),
            ("spin-raw-component-route", found.raw.to_string()),
            ("spin-component-route", found.component_route.to_string()),
            ("spin-base-path", "/".to_string()),
            ("spin-client-addr", client.to_string()),
        ];
        // As Spin does: appended after the client's own headers, so a client
        // that sends `spin-client-addr` itself is followed by the real one.
        for (name, value) in spin_headers {
            if let Ok(value) = HeaderValue::from_str(&value) {
                parts.headers.append(name, value);
            }
        }
        let limit = match self.options.max_body {
            0 => usize::MAX,
            max => usize::try_from(max).unwrap_or(usize::MAX),
        };
        let body: WasiBody = Limited::new(body, limit)
            .map_err(|e| {
                if e.downcast_ref::<http_body_util::LengthLimitError>()
                    .is_some()
                {
                    wasmtime_wasi_http::Error::HttpRequestBodySize(None)
                } else {
                    wasmtime_wasi_http::Error::HttpProtocolError
                }
            })
            .boxed_unsync();
        let request = http::Request::from_parts(parts, body);
        // Held until the response body is dropped (sent or abandoned).
        let Ok(permit) = self.admission.clone().acquire_owned().await else {
            return plain(StatusCode::SERVICE_UNAVAILABLE, "Service Unavailable\n");
        };
        match handler.handle((), request).await {
            Ok(response) => response.map(|b| {
                b.map_frame(move |frame| {
                    let _held = &permit;
                    frame
                })
                .map_err(|e| Box::new(e) as Box<dyn std::error::Error + Send + Sync>)
                .boxed_unsync()
            }),
            Err(e) => {
                eprintln!("[{id}] {path}: the component failed: {e:?}");
                plain(StatusCode::INTERNAL_SERVER_ERROR, ERROR_PAGE)
            }
        }
    }
}

const ERROR_PAGE: &str = "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>500 Internal Server Error</title></head>\n<body><main><h1>500 Internal Server Error</h1><p>The component failed; the details are in the server log.</p></main></body></html>\n";

fn plain(status: StatusCode, text: &'static str) -> hyper::Response<OutBody> {
    let content_type = if text.starts_with("<!doctype") {
        "text/html; charset=utf-8"
    } else {
        "text/plain; charset=utf-8"
    };
    let mut response = hyper::Response::new(
        Full::new(Bytes::from_static(text.as_bytes()))
            .map_err(|never| match never {})
            .boxed_unsync(),
    );
    *response.status_mut() = status;
    response
        .headers_mut()
        .insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    response
        .headers_mut()
        .insert(header::CONTENT_LENGTH, HeaderValue::from(text.len()));
    response
}
