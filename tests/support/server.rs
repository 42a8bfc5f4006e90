//! A static file server on 127.0.0.1 for the release bundle: what a static host does, with
//! nothing from the internet, plus a log of every request so a test can prove that some action
//! made none.
//!
//! Each response closes its connection, and stopping the server shuts every open connection:
//! otherwise a browser could keep talking to a stopped server over a kept-alive (or
//! pre-connected) socket, and an offline test would be testing nothing.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{Shutdown, SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::Duration;

/// A client that connects and then says nothing (Chromium pre-connects) must not hold a
/// thread forever.
const READ_TIMEOUT: Duration = Duration::from_secs(10);

/// A running server; stops when dropped.
pub struct Server {
    port: u16,
    shared: Arc<Shared>,
    acceptor: Option<JoinHandle<()>>,
}

/// What the accepting thread, the connection threads and the test share.
struct Shared {
    root: PathBuf,
    /// The `Cache-Control` header of every reply.
    cache_control: String,
    /// "GET /path?query" for every request received, in order.
    log: Mutex<Vec<String>>,
    stopping: AtomicBool,
    /// Open connections by number, so stopping can shut them.
    open: Mutex<HashMap<usize, TcpStream>>,
}

impl Server {
    /// Serves `dir` on a port the OS picks.
    pub fn start(dir: impl Into<PathBuf>) -> Server {
        Server::start_on(dir, 0)
    }

    /// Serves `dir` on `port`: a later build on the same origin (scheme, host and port), as a
    /// reader's browser would meet it after a redeploy.
    pub fn start_on(dir: impl Into<PathBuf>, port: u16) -> Server {
        // no-cache: every load revalidates, so a test sees each build it serves, not a cached one.
        Server::start_with(dir, port, "no-cache")
    }

    /// Serves `dir` on `port` (0: any) as a host that lets browsers keep every file for
    /// `seconds` without asking again, as GitHub Pages does with 600.
    pub fn start_caching(dir: impl Into<PathBuf>, port: u16, seconds: u32) -> Server {
        Server::start_with(dir, port, &format!("max-age={seconds}"))
    }

    fn start_with(dir: impl Into<PathBuf>, port: u16, cache_control: &str) -> Server {
        let root = dir.into();
        assert!(root.is_dir(), "cannot serve {}: not a directory", root.display());
        let listener = TcpListener::bind(("127.0.0.1", port))
            .unwrap_or_else(|e| panic!("cannot listen on 127.0.0.1:{port}: {e}"));
        let port = listener.local_addr().map(|a| a.port()).expect("a bound listener has an address");
        let shared = Arc::new(Shared {
            root,
            cache_control: cache_control.to_owned(),
            log: Mutex::default(),
            stopping: AtomicBool::new(false),
            open: Mutex::default(),
        });
        let acceptor = {
            let shared = Arc::clone(&shared);
            std::thread::spawn(move || accept(&listener, &shared))
        };
        Server { port, shared, acceptor: Some(acceptor) }
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    /// `http://127.0.0.1:<port>`, without a trailing slash.
    pub fn origin(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// The absolute URL of `path` (which starts with `/`) on this server.
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.origin())
    }

    /// Every request so far (or since the last [`Server::clear_requests`]), as
    /// "METHOD /path?query" with the target exactly as sent.
    pub fn requests(&self) -> Vec<String> {
        self.shared.log.lock().unwrap().clone()
    }

    pub fn clear_requests(&self) {
        self.shared.log.lock().unwrap().clear();
    }

    /// Stops listening and cuts every open connection; the port is free again on return.
    pub fn stop(self) {}
}

impl Drop for Server {
    fn drop(&mut self) {
        let Some(acceptor) = self.acceptor.take() else { return };
        self.shared.stopping.store(true, Ordering::SeqCst);
        // `accept` blocks: a connection of our own wakes it to see the flag.
        let _ = TcpStream::connect(SocketAddr::from(([127, 0, 0, 1], self.port)));
        let _ = acceptor.join();
        // The acceptor registered every connection it accepted before it returned.
        for (_, stream) in self.shared.open.lock().unwrap().drain() {
            let _ = stream.shutdown(Shutdown::Both);
        }
    }
}

fn accept(listener: &TcpListener, shared: &Arc<Shared>) {
    for (number, stream) in listener.incoming().enumerate() {
        if shared.stopping.load(Ordering::SeqCst) {
            return;
        }
        let Ok(stream) = stream else { continue };
        if let Ok(clone) = stream.try_clone() {
            shared.open.lock().unwrap().insert(number, clone);
        }
        let shared = Arc::clone(shared);
        std::thread::spawn(move || {
            // A failed write means the client went away; there is no one to tell.
            let _ = serve(&shared, stream);
            shared.open.lock().unwrap().remove(&number);
        });
    }
}

/// Answers the one request on a connection.
fn serve(shared: &Shared, stream: TcpStream) -> std::io::Result<()> {
    stream.set_read_timeout(Some(READ_TIMEOUT))?;
    let mut reader = BufReader::new(&stream);
    let mut request_line = String::new();
    if reader.read_line(&mut request_line)? == 0 {
        return Ok(()); // connected, said nothing
    }
    // Read the whole request, even a body nobody wants: closing a socket with unread data
    // resets the connection, and the client would see that instead of the reply.
    let mut header = String::new();
    let mut body_length = 0;
    while reader.read_line(&mut header)? > 2 {
        if let Some((name, value)) = header.split_once(':') {
            if name.eq_ignore_ascii_case("content-length") {
                body_length = value.trim().parse().unwrap_or(0);
            }
        }
        header.clear();
    }
    std::io::copy(&mut reader.by_ref().take(body_length), &mut std::io::sink())?;
    let mut parts = request_line.split_whitespace();
    let (Some(method), Some(target)) = (parts.next(), parts.next()) else {
        return Reply::text(400, "malformed request line").send(&stream, &shared.cache_control, false);
    };
    shared.log.lock().unwrap().push(format!("{method} {target}"));
    let head_only = method == "HEAD";
    let reply = if method == "GET" || head_only {
        respond(&shared.root, target)
    } else {
        Reply::text(405, "only GET and HEAD")
    };
    reply.send(&stream, &shared.cache_control, head_only)
}

/// What a static host answers for `target`.
fn respond(root: &Path, target: &str) -> Reply {
    let path = match resolve(root, target) {
        Ok(path) => path,
        Err(reply) => return reply,
    };
    // As GitHub Pages, Netlify and Cloudflare Pages do: a folder's index.html, and an address
    // without an extension answered by its page (/ledger by ledger.html).
    let path = if path.is_dir() {
        path.join("index.html")
    } else if path.extension().is_none() && !path.exists() {
        path.with_extension("html")
    } else {
        path
    };
    match std::fs::read(&path) {
        Ok(body) => Reply { status: 200, content_type: content_type(&path), body },
        // Static hosts answer a missing page with the site's own 404.html, still as a 404.
        Err(_) => match std::fs::read(root.join("404.html")) {
            Ok(body) => Reply { status: 404, content_type: content_type(Path::new("404.html")), body },
            Err(_) => Reply::text(404, "not found"),
        },
    }
}

/// The file a request target names under `root`, refusing any way out of it.
fn resolve(root: &Path, target: &str) -> Result<PathBuf, Reply> {
    let path = target.split(['?', '#']).next().unwrap_or_default();
    let decoded = percent_decode(path).ok_or_else(|| Reply::text(400, "bad percent-encoding"))?;
    if !decoded.starts_with('/') {
        return Err(Reply::text(400, "the target must be an absolute path"));
    }
    let mut resolved = root.to_path_buf();
    for segment in decoded.split('/').filter(|s| !s.is_empty() && *s != ".") {
        // Decoding happens first, so `%2e%2e` and `%2f` cannot sneak past this check.
        if segment == ".." || segment.contains(['\\', '\0']) {
            return Err(Reply::text(403, "path traversal"));
        }
        resolved.push(segment);
    }
    Ok(resolved)
}

/// Decodes `%XX` escapes; `None` for a malformed escape or a result that is not UTF-8.
fn percent_decode(text: &str) -> Option<String> {
    let mut bytes = Vec::with_capacity(text.len());
    let mut rest = text.as_bytes();
    while let Some((&byte, tail)) = rest.split_first() {
        if byte == b'%' {
            let hex = std::str::from_utf8(tail.get(..2)?).ok()?;
            bytes.push(u8::from_str_radix(hex, 16).ok()?);
            rest = &tail[2..];
        } else {
            bytes.push(byte);
            rest = tail;
        }
    }
    String::from_utf8(bytes).ok()
}

/// The types a Trunk bundle needs; `application/wasm` matters most, since without it the
/// browser refuses `WebAssembly.instantiateStreaming`.
fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or_default() {
        "html" => "text/html; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "css" => "text/css; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "json" => "application/json",
        "webmanifest" => "application/manifest+json",
        "txt" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

struct Reply {
    status: u16,
    content_type: &'static str,
    body: Vec<u8>,
}

impl Reply {
    fn text(status: u16, message: &str) -> Reply {
        Reply { status, content_type: "text/plain; charset=utf-8", body: message.as_bytes().to_vec() }
    }

    fn send(&self, mut stream: &TcpStream, cache_control: &str, head_only: bool) -> std::io::Result<()> {
        let reason = match self.status {
            200 => "OK",
            400 => "Bad Request",
            403 => "Forbidden",
            404 => "Not Found",
            _ => "Method Not Allowed",
        };
        let head = format!(
            "HTTP/1.1 {} {reason}\r\nContent-Type: {}\r\nContent-Length: {}\r\nCache-Control: {cache_control}\r\nConnection: close\r\n\r\n",
            self.status,
            self.content_type,
            self.body.len()
        );
        stream.write_all(head.as_bytes())?;
        if !head_only {
            stream.write_all(&self.body)?;
        }
        stream.flush()
    }
}
