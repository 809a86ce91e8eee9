//! Loads a poll definition over HTTP (from the app's own `polls/` folder or a portal) and
//! validates it with the core.

use phieu_core::{Lang, Poll, PollError};

/// The demo poll shipped in `assets/polls/`, shown on the first page.
pub const DEMO_POLL_URL: &str = "polls/demo.json";

/// Why a poll could not be loaded. Each says what went wrong in the voter's language.
#[derive(Clone, Debug, PartialEq)]
pub enum LoadError {
    /// No answer at all: offline, blocked, or a malformed URL.
    Network(String),
    /// The server answered with an error status.
    Http { status: u16 },
    /// The file arrived but is not a valid poll.
    Invalid(PollError),
}

impl LoadError {
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (LoadError::Network(detail), Lang::Vi) => {
                format!("Không tải được tệp phiếu (mạng hoặc địa chỉ): {detail}")
            }
            (LoadError::Network(detail), Lang::En) => {
                format!("The poll file could not be fetched (network or address): {detail}")
            }
            (LoadError::Http { status }, Lang::Vi) => {
                format!("Máy chủ trả lời lỗi {status} khi tải tệp phiếu.")
            }
            (LoadError::Http { status }, Lang::En) => {
                format!("The server answered {status} when asked for the poll file.")
            }
            (LoadError::Invalid(error), lang) => error.message(lang),
        }
    }
}

/// Fetches the text at `url`, or why not.
async fn fetch_text(url: &str) -> Result<String, LoadError> {
    let response = gloo::net::http::Request::get(url)
        .send()
        .await
        .map_err(|e| LoadError::Network(e.to_string()))?;
    if !response.ok() {
        return Err(LoadError::Http {
            status: response.status(),
        });
    }
    response
        .text()
        .await
        .map_err(|e| LoadError::Network(e.to_string()))
}

/// Fetches `url` and parses it as a poll.
pub async fn load_poll(url: &str) -> Result<Poll, LoadError> {
    Poll::from_json(&fetch_text(url).await?).map_err(LoadError::Invalid)
}

/// Fetches `url` and parses it as a poll with the core's smaller reader
/// ([`Poll::from_json_plain`]: a JSON error names its line and column, not its field path),
/// for the field-survey page, which must stay small.
pub async fn load_poll_plain(url: &str) -> Result<Poll, LoadError> {
    Poll::from_json_plain(&fetch_text(url).await?).map_err(LoadError::Invalid)
}

/// The list of poll templates shipped in `assets/templates/`.
pub const TEMPLATES_URL: &str = "templates/index.json";

/// One entry of the template list: its file and its title in both languages.
#[derive(Clone, Debug, PartialEq, serde::Deserialize)]
pub struct TemplateEntry {
    pub file: String,
    pub title: TemplateTitle,
}

#[derive(Clone, Debug, PartialEq, serde::Deserialize)]
pub struct TemplateTitle {
    pub vi: String,
    pub en: Option<String>,
}

impl TemplateEntry {
    pub fn title(&self, lang: Lang) -> &str {
        match (lang, &self.title.en) {
            (Lang::En, Some(en)) => en,
            _ => &self.title.vi,
        }
    }

    /// The template's address, relative to the app.
    pub fn url(&self) -> String {
        format!("templates/{}", self.file)
    }
}

/// Fetches the list of templates.
pub async fn load_templates() -> Result<Vec<TemplateEntry>, LoadError> {
    serde_json::from_str(&fetch_text(TEMPLATES_URL).await?)
        .map_err(|e| LoadError::Network(e.to_string()))
}
