//! Loads a poll definition over HTTP (from the app's own `polls/` folder or a portal) and
//! validates it with the core.

use phieu_core::{Lang, Poll};

pub use crate::state::load_error::LoadError;

/// The demo poll shipped in `assets/polls/`, shown on the first page.
pub const DEMO_POLL_URL: &str = "polls/demo.json";

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

/// A template's title: Vietnamese always, any other language by its code (`"en"`, `"km"`…).
#[derive(Clone, Debug, PartialEq, serde::Deserialize)]
pub struct TemplateTitle {
    pub vi: String,
    #[serde(flatten)]
    pub other: std::collections::BTreeMap<String, Option<String>>,
}

impl TemplateEntry {
    /// The title in `lang`, or in Vietnamese when the list has none in `lang`.
    pub fn title(&self, lang: Lang) -> &str {
        self.title
            .other
            .get(lang.code())
            .and_then(Option::as_deref)
            .unwrap_or(&self.title.vi)
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
