//! Text put into HTML written by hand: the minutes that `phieu minutes --html` prints and the
//! page the collector serves at `/`. Poll text is the voters' and officers' own words, so every
//! piece of it goes through [`escape`] before it meets markup; the app never needs this (Yew
//! writes text nodes).

/// `text` with `&`, `<`, `>`, `"` and `'` written as character references, safe inside an
/// element and inside a quoted attribute.
///
/// ```
/// assert_eq!(
///     phieu_core::html::escape("<a href=\"x\">&'"),
///     "&lt;a href=&quot;x&quot;&gt;&amp;&#39;"
/// );
/// ```
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}
