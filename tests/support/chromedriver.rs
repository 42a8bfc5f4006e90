//! A chromedriver of our own on a free loopback port, so tests need nothing running beforehand
//! and never share a driver.

use super::http;
use std::net::TcpListener;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// Chromedriver is usually ready in well under a second; a loaded 2-core machine is slower.
const STARTUP: Duration = Duration::from_secs(20);

/// The running driver; killed when dropped.
pub struct Chromedriver {
    child: Child,
    port: u16,
}

impl Chromedriver {
    /// Starts `chromedriver` from PATH and waits until its /status says it is ready.
    pub async fn start() -> Chromedriver {
        let port = free_port();
        let child = Command::new("chromedriver")
            .arg(format!("--port={port}"))
            // Its banner and warnings would drown the test output; failures are reported below.
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| {
                panic!(
                    "cannot run chromedriver ({e}): install chromium and chromium-driver (scripts/test does)"
                )
            });
        let mut driver = Chromedriver { child, port };
        driver.wait_until_ready().await;
        driver
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    async fn wait_until_ready(&mut self) {
        let deadline = Instant::now() + STARTUP;
        loop {
            if let Ok(Some(status)) = self.child.try_wait() {
                panic!("chromedriver exited at startup with {status}");
            }
            let reply = http::get(self.port, "/status")
                .ok()
                .and_then(|r| serde_json::from_slice::<serde_json::Value>(&r.body).ok());
            if reply.as_ref().is_some_and(|status| status["value"]["ready"] == true) {
                return;
            }
            assert!(
                Instant::now() < deadline,
                "chromedriver on port {} was not ready within {STARTUP:?}; last /status: {reply:?}",
                self.port
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }
}

impl Drop for Chromedriver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A port nothing listens on now. Another process could take it before chromedriver does, but
/// on a test machine that race is remote, and chromedriver reports it at startup.
fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|listener| listener.local_addr())
        .expect("a free loopback port")
        .port()
}
