//! Fetching an article or feed by address: rustls, a timeout, a size limit, at most five
//! redirects, no cookies kept, and only the content types brief can import.

use std::time::Duration;

use anyhow::{Context, bail};

/// What came back: the text and the kind its content type names.
pub struct Fetched {
    pub text: String,
    pub content_type: String,
}

const MAX_REDIRECTS: u32 = 5;
const ACCEPTED: &[&str] = &[
    "text/html",
    "application/xhtml+xml",
    "text/plain",
    "text/markdown",
    "application/rss+xml",
    "application/atom+xml",
    "application/xml",
    "text/xml",
];

pub fn fetch(address: &str, timeout: Duration, max_bytes: u64) -> anyhow::Result<Fetched> {
    let config = ureq::Agent::config_builder()
        .timeout_global(Some(timeout))
        .max_redirects(MAX_REDIRECTS)
        .user_agent(concat!("brief/", env!("CARGO_PKG_VERSION")))
        .build();
    let agent = ureq::Agent::new_with_config(config);
    let mut response = agent
        .get(address)
        .header("Accept", ACCEPTED.join(", "))
        .call()
        .map_err(|error| match error {
            ureq::Error::StatusCode(code) => anyhow::anyhow!("the server answered {code}"),
            ureq::Error::TooManyRedirects => {
                anyhow::anyhow!("more than {MAX_REDIRECTS} redirects")
            }
            ureq::Error::Timeout(_) => anyhow::anyhow!("no answer within {timeout:?}"),
            other => anyhow::anyhow!("cannot fetch: {other}"),
        })?;
    let content_type = response
        .body()
        .mime_type()
        .unwrap_or("")
        .to_ascii_lowercase();
    if !ACCEPTED.contains(&content_type.as_str()) {
        let shown = if content_type.is_empty() {
            "none"
        } else {
            &content_type
        };
        bail!("content type {shown} is not an article or a feed");
    }
    let bytes = response
        .body_mut()
        .with_config()
        .limit(max_bytes)
        .read_to_vec()
        .map_err(|error| match error {
            ureq::Error::BodyExceedsLimit(_) => anyhow::anyhow!("larger than {max_bytes} bytes"),
            ureq::Error::Timeout(_) => anyhow::anyhow!("no answer within {timeout:?}"),
            other => anyhow::anyhow!("cannot read the answer: {other}"),
        })?;
    let text = String::from_utf8(bytes).context("the answer is not UTF-8 text")?;
    Ok(Fetched { text, content_type })
}
