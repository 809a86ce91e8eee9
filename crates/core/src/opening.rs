//! A ballot's opening: its commitment, salt and answers as one JSON object, in exactly the shape
//! of one entry of an audit bundle's `ballots` list (docs/bundle-format.md §Ballots).
//!
//! The app keeps every cast ballot in IndexedDB in this form, keyed by its commitment, and
//! rebuilds the box after a reload by reading the openings back through the same checks a
//! verifier applies: the answers must fit the poll and the recomputed commitment must equal the
//! stored one. A record damaged in storage is therefore refused by name, never counted.

use crate::ballot::{Ballot, BallotCommitment, BallotError, Salt};
use crate::ballot_box::{BallotBox, BoxBuilder};
use crate::bundle::ballot_list::{compact_opening, Opening};
use crate::bundle::dto::BallotDto;
use crate::bundle::{answer_of, ballot_dto, digest_of, BundleError};
use crate::encoding::Encoder;
use crate::i18n::ballot_words;
use crate::lang::Lang;
use crate::poll::Poll;

/// Why a stored opening could not be turned back into a ballot.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum OpeningError {
    #[error("{0}")]
    Format(BundleError),
    #[error("{0}")]
    Ballot(BallotError),
    #[error("{}", ballot_words(Lang::En).commitment_differs(claimed, computed))]
    Commitment {
        claimed: BallotCommitment,
        computed: BallotCommitment,
    },
}

impl OpeningError {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            OpeningError::Format(e) => e.message(lang),
            OpeningError::Ballot(e) => e.message(lang),
            OpeningError::Commitment { claimed, computed } => {
                ballot_words(lang).commitment_differs(claimed, computed)
            }
        }
    }
}

impl Ballot {
    /// The opening as compact JSON (one bundle `ballots` entry).
    pub fn to_opening_json(&self) -> String {
        // Serialising a struct of strings and integers cannot fail.
        serde_json::to_string(&ballot_dto(self)).unwrap_or_default()
    }

    /// Reads an opening written by [`Ballot::to_opening_json`] back into a ballot of `poll`,
    /// checking the answers against the poll and the commitment against the recomputed one.
    pub fn from_opening_json(poll: &Poll, json: &str) -> Result<Ballot, OpeningError> {
        read_opening(poll, json, &mut Encoder::default())
    }
}

/// As `Ballot::from_opening_json`, reusing an encoder's buffer. An opening in the exact form
/// the writer gives is read by the bundle's strict reader (no JSON tree, no field names
/// looked up); any other text takes serde's path, which names what is wrong with it. Both give
/// the same opening for the same text.
fn read_opening(poll: &Poll, json: &str, e: &mut Encoder) -> Result<Ballot, OpeningError> {
    let opening = match compact_opening(json, poll.items().len()) {
        Ok(opening) => opening,
        Err(_) => parse_opening(json)?,
    };
    let ballot =
        Ballot::new_with(poll, opening.answers, opening.salt, e).map_err(OpeningError::Ballot)?;
    if ballot.commitment() != opening.claimed {
        return Err(OpeningError::Commitment {
            claimed: opening.claimed,
            computed: ballot.commitment(),
        });
    }
    Ok(ballot)
}

/// The general path: serde's parse of any JSON spelling, naming the first problem.
fn parse_opening(json: &str) -> Result<Opening, OpeningError> {
    let dto: BallotDto = serde_json::from_str(json).map_err(|e| {
        OpeningError::Format(BundleError::Json {
            path: "opening".into(),
            line: e.line(),
            column: e.column(),
            detail: e.to_string(),
        })
    })?;
    let claimed = BallotCommitment::from_bytes(
        digest_of(&dto.commitment, "commitment").map_err(OpeningError::Format)?,
    );
    let salt = Salt::from_hex(&dto.salt).ok_or_else(|| {
        OpeningError::Format(BundleError::Hex {
            path: "salt".into(),
            found: dto.salt.clone(),
            bytes: 16,
        })
    })?;
    let answers = dto
        .answers
        .into_iter()
        .enumerate()
        .map(|(j, a)| answer_of(a, &format!("answers[{j}]")))
        .collect::<Result<Vec<_>, _>>()
        .map_err(OpeningError::Format)?;
    Ok(Opening {
        claimed,
        salt,
        answers,
    })
}

/// Rebuilds a box from stored openings, as the app does after a reload and when voting closes
/// (`src/effects.rs`): each opening read and checked as by [`Ballot::from_opening_json`], and
/// the box the same as casting each into a [`BallotBox`] in turn would give, but built in one
/// pass when the openings come sorted by commitment (as IndexedDB hands them over): no search
/// per ballot, one encoder buffer for every commitment.
#[derive(Debug)]
pub struct BoxLoader {
    builder: BoxBuilder,
    encoder: Encoder,
}

impl BoxLoader {
    pub fn new(poll: Poll) -> BoxLoader {
        BoxLoader {
            builder: BoxBuilder::new(poll),
            encoder: Encoder::default(),
        }
    }

    /// As [`BoxLoader::new`], with room for `openings` ballots made at once (the box of a
    /// meeting grows to 100,000 and more; growing it step by step copies it again and again).
    pub fn with_capacity(poll: Poll, openings: usize) -> BoxLoader {
        BoxLoader {
            builder: BoxBuilder::with_capacity(poll, openings),
            encoder: Encoder::default(),
        }
    }

    /// Reads one opening into the box; an error means it is not counted.
    pub fn add(&mut self, json: &str) -> Result<(), OpeningError> {
        let ballot = read_opening(self.builder.poll(), json, &mut self.encoder)?;
        self.builder.cast(ballot);
        Ok(())
    }

    /// The box, and how many openings repeated a commitment already in it: left out, as
    /// [`BallotBox::cast`] refuses them.
    pub fn finish(self) -> (BallotBox, usize) {
        self.builder.finish_counted()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ballot::Answer;

    fn demo() -> Poll {
        Poll::from_json(include_str!("../../../assets/polls/demo.json")).unwrap()
    }

    #[test]
    fn an_opening_round_trips_to_the_same_commitment() {
        let poll = demo();
        let ballot = Ballot::new(
            &poll,
            vec![Answer::Choice {
                option: "y_kien_khac".into(),
                free_text: Some("Làm đường rộng hơn".into()),
            }],
            Salt::from_bytes([7; 16]),
        )
        .unwrap();
        let back = Ballot::from_opening_json(&poll, &ballot.to_opening_json()).unwrap();
        assert_eq!(back.commitment(), ballot.commitment());
        assert_eq!(back.answers(), ballot.answers());
    }

    /// The strict reader and serde's path give the same ballot or the same error, and the
    /// loader the box casting one by one gives, whatever the spelling and the order.
    #[test]
    fn the_fast_reader_and_the_loader_answer_as_the_general_path() {
        let bundle =
            crate::AuditBundle::verify(include_str!("../tests/data/survey-audit-bundle.json"))
                .unwrap();
        let survey = bundle.poll().clone();
        let mut texts: Vec<(Poll, String)> = bundle
            .ballot_box()
            .ballots()
            .map(|b| (survey.clone(), b.to_opening_json()))
            .collect();
        let demo_ballot = Ballot::new(
            &demo(),
            vec![Answer::Choice {
                option: "y_kien_khac".into(),
                free_text: Some("\"trích\" \\ dòng\nmới\t\u{1}🗳".into()),
            }],
            Salt::from_bytes([3; 16]),
        )
        .unwrap();
        texts.push((demo(), demo_ballot.to_opening_json()));
        let mut variants = Vec::new();
        for (p, t) in &texts {
            variants.push((p.clone(), t.clone()));
            // Other spellings serde reads: spaces, pretty, fields reordered, upper-case hex.
            variants.push((p.clone(), t.replace(",\"", ", \"")));
            let v: serde_json::Value = serde_json::from_str(t).unwrap();
            variants.push((p.clone(), serde_json::to_string_pretty(&v).unwrap()));
            variants.push((
                p.clone(),
                t.replacen("\"commitment\":\"", "\"commitment\":\"A", 1),
            ));
            // Every byte changed, removed, or followed by another.
            for i in (0..t.len()).filter(|i| t.is_char_boundary(*i)) {
                for change in [b'0', b'"', b',', b'}', b'n', b'1', b'\\'] {
                    let mut b = t.clone().into_bytes();
                    b[i] = change;
                    if let Ok(s) = String::from_utf8(b) {
                        variants.push((p.clone(), s));
                    }
                }
                let mut b = t.clone().into_bytes();
                b.remove(i);
                if let Ok(s) = String::from_utf8(b) {
                    variants.push((p.clone(), s));
                }
            }
        }
        for (p, v) in &variants {
            let fast = read_opening(p, v, &mut Encoder::default());
            let general = parse_opening(v).and_then(|o| {
                let b = Ballot::new(p, o.answers, o.salt).map_err(OpeningError::Ballot)?;
                if b.commitment() != o.claimed {
                    return Err(OpeningError::Commitment {
                        claimed: o.claimed,
                        computed: b.commitment(),
                    });
                }
                Ok(b)
            });
            assert_eq!(fast, general, "{v}");
        }
        // The loader: in order, reversed, repeated, with damaged records among them.
        let sorted: Vec<&str> = texts[..texts.len() - 1]
            .iter()
            .map(|(_, t)| t.as_str())
            .collect();
        let mut reversed = sorted.clone();
        reversed.reverse();
        let repeated = [sorted[0], sorted[1], sorted[0], "{", sorted[2], sorted[1]];
        for list in [&sorted[..], &reversed[..], &repeated[..]] {
            let mut cast = BallotBox::new(survey.clone());
            let mut damaged = 0;
            for t in list {
                match Ballot::from_opening_json(&survey, t) {
                    Ok(b) => damaged += usize::from(cast.cast(b).is_err()),
                    Err(_) => damaged += 1,
                }
            }
            let mut loader = BoxLoader::new(survey.clone());
            let refused = list.iter().filter(|t| loader.add(t).is_err()).count();
            let (loaded, repeats) = loader.finish();
            assert_eq!(loaded, cast);
            assert_eq!(refused + repeats, damaged);
        }
    }

    #[test]
    fn a_changed_answer_is_refused_by_its_commitment() {
        let poll = demo();
        let ballot = Ballot::new(
            &poll,
            vec![Answer::choice("dong_y")],
            Salt::from_bytes([1; 16]),
        )
        .unwrap();
        let tampered = ballot.to_opening_json().replace("dong_y", "khong_dong_y");
        assert!(matches!(
            Ballot::from_opening_json(&poll, &tampered),
            Err(OpeningError::Commitment { .. })
        ));
        assert!(matches!(
            Ballot::from_opening_json(&poll, "{\"commitment\":"),
            Err(OpeningError::Format(_))
        ));
    }
}
