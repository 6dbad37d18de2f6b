//! `brief import` on addresses, against a server on 127.0.0.1 started by each test: a
//! page, a gzip-encoded feed, a 404, a redirect loop, a wrong content type, a server that
//! never answers.

#![allow(
    clippy::expect_used,
    reason = "test helpers: a failed expectation is a failed test"
)]

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::process::{Command, Output};
use std::time::Duration;

use tempfile::TempDir;

fn data(name: &str) -> Vec<u8> {
    std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/data")
            .join(name),
    )
    .expect("test data")
}

fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &byte in bytes {
        crc ^= u32::from(byte);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

/// A gzip member holding `data` in stored (uncompressed) deflate blocks: valid gzip
/// without a compression library.
fn gzip(data: &[u8]) -> Vec<u8> {
    let mut out = vec![0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 255];
    let chunks: Vec<&[u8]> = data.chunks(65_535).collect();
    for (index, chunk) in chunks.iter().enumerate() {
        out.push(u8::from(index + 1 == chunks.len()));
        let len = u16::try_from(chunk.len()).expect("chunk fits");
        out.extend(len.to_le_bytes());
        out.extend((!len).to_le_bytes());
        out.extend(*chunk);
    }
    out.extend(crc32(data).to_le_bytes());
    out.extend(u32::try_from(data.len()).expect("small").to_le_bytes());
    out
}

fn respond(mut stream: TcpStream, base: &str) {
    let mut reader = BufReader::new(stream.try_clone().expect("clone"));
    let mut request_line = String::new();
    if reader.read_line(&mut request_line).is_err() {
        return;
    }
    let mut line = String::new();
    while reader.read_line(&mut line).is_ok_and(|n| n > 2) {
        line.clear();
    }
    let path = request_line
        .split_whitespace()
        .nth(1)
        .unwrap_or("/")
        .to_owned();
    let (status, headers, body): (&str, Vec<(&str, &str)>, Vec<u8>) = match path.as_str() {
        "/article" => (
            "200 OK",
            vec![("Content-Type", "text/html; charset=utf-8")],
            data("import/en-basin-talks.html"),
        ),
        "/feed" => (
            "200 OK",
            vec![
                ("Content-Type", "application/rss+xml"),
                ("Content-Encoding", "gzip"),
            ],
            gzip(&data("import-feeds/news.rss")),
        ),
        "/linking-feed" => {
            let feed = format!(
                "<rss version=\"2.0\"><channel><title>River Wire</title><item>\
                 <title>Veyra basin talks resume in Geneva</title><link>{base}/article</link>\
                 <pubDate>Sat, 15 Mar 2025 08:30:00 +0100</pubDate>\
                 <description>Talks resumed today.</description></item></channel></rss>"
            );
            (
                "200 OK",
                vec![("Content-Type", "application/rss+xml")],
                feed.into_bytes(),
            )
        }
        "/loop" => ("302 Found", vec![("Location", "/loop")], Vec::new()),
        "/image" => (
            "200 OK",
            vec![("Content-Type", "image/png")],
            vec![0x89, b'P', b'N', b'G'],
        ),
        "/never" => {
            // Holds the connection without answering until the test process ends.
            std::thread::sleep(Duration::from_secs(600));
            return;
        }
        _ => (
            "404 Not Found",
            vec![("Content-Type", "text/plain")],
            b"not here".to_vec(),
        ),
    };
    let mut head = format!(
        "HTTP/1.1 {status}\r\nContent-Length: {}\r\nConnection: close\r\n",
        body.len()
    );
    for (name, value) in headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str("Set-Cookie: session=1\r\n\r\n");
    let _ = stream.write_all(head.as_bytes());
    let _ = stream.write_all(&body);
}

/// The address of a server answering on 127.0.0.1 for as long as the test runs.
fn server() -> String {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let address = listener.local_addr().expect("address");
    let base = format!("http://{address}");
    let shared = base.clone();
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let base = shared.clone();
            std::thread::spawn(move || respond(stream, &base));
        }
    });
    base
}

fn import(home: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_brief"))
        .arg("import")
        .args(args)
        .args(["--out", "out"])
        .current_dir(home)
        .env("HOME", home)
        .env("XDG_STATE_HOME", home)
        .env("XDG_CONFIG_HOME", home)
        .env("XDG_CACHE_HOME", home)
        .output()
        .expect("brief runs")
}

fn written(home: &Path) -> usize {
    std::fs::read_dir(home.join("out")).map_or(0, Iterator::count)
}

#[test]
fn a_page_by_address_becomes_a_briefing_with_the_address_as_its_source() {
    let home = TempDir::new().expect("temp");
    let address = format!("{}/article", server());
    let output = import(home.path(), &[&address]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let file = home
        .path()
        .join("out/2025-03-15-veyra-basin-talks-resume-in-geneva.json");
    let json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(file).expect("written")).expect("JSON");
    assert_eq!(json["import"]["source"], address.as_str());
    assert_eq!(json["source"]["name"], "River Wire");
}

#[test]
fn a_gzip_encoded_feed_by_address_gives_its_items() {
    let home = TempDir::new().expect("temp");
    let output = import(home.path(), &[&format!("{}/feed", server())]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert_eq!(written(home.path()), 2);
}

#[test]
fn errors_name_the_address_and_write_nothing() {
    let home = TempDir::new().expect("temp");
    let base = server();
    let cases = [
        ("/missing", "the server answered 404"),
        ("/loop", "more than 5 redirects"),
        (
            "/image",
            "content type image/png is not an article or a feed",
        ),
    ];
    for (path, message) in cases {
        let address = format!("{base}{path}");
        let output = import(home.path(), &[&address]);
        let errors = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(1), "{errors}");
        assert!(
            errors.contains(&format!("brief: {address}: {message}")),
            "{errors}"
        );
    }
    assert_eq!(written(home.path()), 0);
}

#[test]
fn a_server_that_never_answers_is_given_up_on() {
    let home = TempDir::new().expect("temp");
    let address = format!("{}/never", server());
    let output = import(home.path(), &[&address, "--timeout", "1"]);
    let errors = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{errors}");
    assert!(errors.contains("no answer within 1s"), "{errors}");
}

#[test]
fn feed_items_link_to_pages_that_are_fetched_only_with_follow() {
    let base = server();
    let feed = format!("{base}/linking-feed");
    let body_of = |args: &[&str]| {
        let home = TempDir::new().expect("temp");
        let output = import(home.path(), args);
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        let file = home
            .path()
            .join("out/2025-03-15-veyra-basin-talks-resume-in-geneva.json");
        let json: serde_json::Value =
            serde_json::from_slice(&std::fs::read(file).expect("written")).expect("JSON");
        json
    };
    let summary = body_of(&[&feed]);
    assert_eq!(summary["body"], serde_json::json!(["Talks resumed today."]));
    let followed = body_of(&[&feed, "--follow"]);
    let body = followed["body"].as_array().expect("body");
    assert!(body.len() > 5, "{body:?}");
    assert_eq!(followed["headline"], "Veyra basin talks resume in Geneva");
    assert_eq!(followed["import"]["source"], format!("{base}/article"));
    assert_eq!(followed["actors"][0]["name"], "Jane Doe");
}
