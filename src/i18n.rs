//! The app's own words in Vietnamese and English.
//!
//! Poll texts come with the poll ([`phieu_core::Text`]); errors from the core render
//! themselves through `message(lang)`. Everything else the interface says is here, in one
//! table per language, so a missing translation is a compile error rather than a blank.

use phieu_core::{Lang, Poll, PollKind, Preset};

pub mod designer;
pub mod field;
pub mod hands;
pub mod kiosk;
pub mod paper;
pub mod past;
pub mod results;
pub mod speech;
pub mod upload;

include!(concat!(env!("OUT_DIR"), "/i18n/app.rs"));

/// Who makes up a poll's electorate, which names its denominator on the setup form, the
/// results and the minutes (domain brief, "Who votes, and the denominator"): never "cử tri
/// (hộ)" for the delegates of a People's Council or the staff of a conference.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Electors {
    /// One representative per household of the village or residential group (L 18.2).
    Households,
    /// The delegates of a People's Council: confidence ratings and votes (L87 63-64).
    Delegates,
    /// Those convened to an agency or enterprise staff conference (L 51, L 69).
    Convened,
    /// The households or people an opinion survey asks.
    Asked,
}

impl Electors {
    pub fn of(poll: &Poll) -> Electors {
        match (poll.kind(), poll.rule().preset()) {
            (PollKind::ConfidenceRating | PollKind::ConfidenceVote, _) => Electors::Delegates,
            (_, Preset::Conference) => Electors::Convened,
            (_, Preset::None) => Electors::Asked,
            _ => Electors::Households,
        }
    }
}

/// The language the switch button moves to: the next one of `i18n/languages.toml`, round.
pub fn other(lang: Lang) -> Lang {
    Lang::ALL[(lang.index() + 1) % Lang::COUNT]
}

/// The rule preset in words, with the article it comes from (domain brief, "Rule presets").
pub fn rule_name(preset: Preset, lang: Lang) -> &'static str {
    let w = strings(lang);
    match preset {
        Preset::TwoThirdsHouseholds => w.rule_two_thirds_households,
        Preset::MajorityHouseholds => w.rule_majority_households,
        Preset::MajorityPresent => w.rule_majority_present,
        Preset::ConfidenceRating => w.rule_confidence_rating,
        Preset::ConfidenceVote => w.rule_confidence_vote,
        Preset::Conference => w.rule_conference,
        Preset::None => w.rule_none,
    }
}

#[cfg(test)]
mod tests {
    use phieu_core::{Lang, Poll};

    use super::Electors as E;
    use crate::i18n::results::electorate_words;

    fn template(file: &str) -> Poll {
        let path = format!("{}/assets/templates/{file}", env!("CARGO_MANIFEST_DIR"));
        let json = std::fs::read_to_string(&path).expect("the template is readable");
        Poll::from_json(&json).expect("the template is a poll")
    }

    /// Issue 16, item 10: delegates and conference staff are never named "cử tri (hộ)" or
    /// households (the minutes' words are the core's: `phieu_core::minutes::layout`).
    #[test]
    fn the_electorate_is_named_for_who_votes() {
        for (file, electors, total_vi) in [
            ("huong-uoc.json", E::Households, "Tổng số hộ gia đình"),
            ("bau-truong-thon.json", E::Households, "Tổng số hộ gia đình"),
            ("lay-phieu-tin-nhiem.json", E::Delegates, "Tổng số đại biểu"),
            ("bo-phieu-tin-nhiem.json", E::Delegates, "Tổng số đại biểu"),
            (
                "hoi-nghi-can-bo.json",
                E::Convened,
                "Tổng số người được triệu tập",
            ),
            (
                "khao-sat-mttq.json",
                E::Asked,
                "Tổng số hộ, người được lấy ý kiến",
            ),
        ] {
            assert_eq!(E::of(&template(file)), electors, "{file}");
            assert_eq!(
                electorate_words(electors, Lang::Vi).total,
                total_vi,
                "{file}"
            );
        }
    }
}
