//! A minimal HTTP/1.1 client for servers on 127.0.0.1: enough to talk to chromedriver where
//! fantoccini has no wrapper (its readiness and its browser log) and to check the file server
//! byte for byte, which a browser would hide (it normalises `..` away before sending).

use std::io::{self, BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::time::Duration;

/// Long enough for chromedriver to quit a browser, which answers a DELETE of the session.
const TIMEOUT: Duration = Duration::from_secs(30);

pub struct Response {
    pub status: u16,
    headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Response {
    /// The first header called `name`, ignoring case as HTTP does.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(key, _)| key.eq_ignore_ascii_case(name)).map(|(_, value)| value.as_str())
    }

    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

pub fn get(port: u16, target: &str) -> io::Result<Response> {
    request(port, "GET", target, None)
}

/// Sends one request and reads one reply, framed by its Content-Length (chromedriver may
/// keep the connection open despite `Connection: close`). A body is sent as JSON, all
/// chromedriver accepts.
pub fn request(port: u16, method: &str, target: &str, json: Option<&str>) -> io::Result<Response> {
    let mut stream = TcpStream::connect(("127.0.0.1", port))?;
    stream.set_read_timeout(Some(TIMEOUT))?;
    stream.set_write_timeout(Some(TIMEOUT))?;
    let body = match json {
        Some(json) => {
            format!("Content-Type: application/json\r\nContent-Length: {}\r\n\r\n{json}", json.len())
        }
        None => "\r\n".to_owned(),
    };
    write!(stream, "{method} {target} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n{body}")?;
    let mut reader = BufReader::new(stream);
    let mut response = read_head(&mut reader)?;
    if method != "HEAD" {
        match response.header("Content-Length").map(str::parse::<usize>) {
            Some(Ok(length)) => {
                response.body = vec![0; length];
                reader.read_exact(&mut response.body)?;
            }
            Some(Err(_)) => return Err(invalid("a malformed Content-Length")),
            None => {
                reader.read_to_end(&mut response.body)?;
            }
        }
    }
    Ok(response)
}

/// The status line and headers, with an empty body.
fn read_head(reader: &mut impl BufRead) -> io::Result<Response> {
    let mut line = String::new();
    reader.read_line(&mut line)?;
    let status = line
        .split_whitespace()
        .nth(1)
        .and_then(|code| code.parse().ok())
        .ok_or_else(|| invalid("no status line"))?;
    let mut headers = Vec::new();
    loop {
        line.clear();
        reader.read_line(&mut line)?;
        let Some((key, value)) = line.split_once(':') else { break };
        headers.push((key.trim().to_owned(), value.trim().to_owned()));
    }
    let response = Response { status, headers, body: Vec::new() };
    if response.header("Transfer-Encoding").is_some() {
        return Err(invalid("chunked replies are not supported"));
    }
    Ok(response)
}

fn invalid(what: &str) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, what.to_owned())
}
