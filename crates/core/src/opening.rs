//! A ballot's opening: its commitment, salt and answers as one JSON object, in exactly the shape
//! of one entry of an audit bundle's `ballots` list (docs/bundle-format.md §Ballots).
//!
//! The app keeps every cast ballot in IndexedDB in this form, keyed by its commitment, and
//! rebuilds the box after a reload by reading the openings back through the same checks a
//! verifier applies: the answers must fit the poll and the recomputed commitment must equal the
//! stored one. A record damaged in storage is therefore refused by name, never counted.

use crate::ballot::{Ballot, BallotCommitment, BallotError, Salt};
use crate::bundle::dto::BallotDto;
use crate::bundle::{answer_of, ballot_dto, digest_of, BundleError};
use crate::lang::Lang;
use crate::poll::Poll;

/// Why a stored opening could not be turned back into a ballot.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum OpeningError {
    #[error("{0}")]
    Format(BundleError),
    #[error("{0}")]
    Ballot(BallotError),
    #[error(
        "commitment: the stored commitment {claimed} does not match the recomputed {computed}"
    )]
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
            OpeningError::Commitment { claimed, computed } => lang.pick(
                format!(
                    "commitment: mã cam kết đã lưu {claimed} không khớp với mã tính lại {computed}"
                ),
                self.to_string(),
            ),
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
        let ballot = Ballot::new(poll, answers, salt).map_err(OpeningError::Ballot)?;
        if ballot.commitment() != claimed {
            return Err(OpeningError::Commitment {
                claimed,
                computed: ballot.commitment(),
            });
        }
        Ok(ballot)
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
