//! Reading aloud (issue 20, item 1): what the model knows of it. Whether this device has a
//! Vietnamese voice, found once at start by `effects::speech`; the words themselves are composed
//! in `i18n::speech` and spoken by `edge::speech`. Nothing spoken is stored anywhere.

/// A Vietnamese voice of the browser's speech synthesis.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Voice {
    /// As the device names it ("Google tiếng Việt", "Vietnamese Vietnam"…), for the officer.
    pub name: String,
    /// The voice is on the device (`localService`): it reads with no network.
    pub offline: bool,
}

/// What the browser said of reading aloud.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Speech {
    /// Not asked yet, or the voices are still loading.
    #[default]
    Unknown,
    /// No Vietnamese voice (or no speech synthesis at all): the "Nghe" button is not shown.
    Missing,
    Ready(Voice),
}

impl Speech {
    /// Whether a voter's screens offer the "Nghe" button.
    pub fn ready(&self) -> bool {
        matches!(self, Speech::Ready(_))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_found_voice_offers_the_button() {
        assert!(!Speech::Unknown.ready());
        assert!(!Speech::Missing.ready());
        let v = Voice {
            name: "vi".into(),
            offline: false,
        };
        assert!(Speech::Ready(v).ready());
    }
}
