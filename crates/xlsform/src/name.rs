//! XLSForm names into phieu ids (docs/poll-format.md: 1-64 of `a-z`, `0-9`, `_`, `-`). Kobo's
//! form builder makes names such as `Q1_Ong_ba_co` and Vietnamese authors write `câu_1`, so a
//! name is lower-cased, its Vietnamese accents dropped (đ becomes d) and `.` or a space becomes
//! `_`; anything else that is not allowed makes the name unusable rather than silently different.

/// The letter without its Vietnamese accent, for a lower-case letter.
fn unaccent(c: char) -> char {
    const GROUPS: [(char, &str); 7] = [
        ('a', "àáảãạăằắẳẵặâầấẩẫậ"),
        ('e', "èéẻẽẹêềếểễệ"),
        ('i', "ìíỉĩị"),
        ('o', "òóỏõọôồốổỗộơờớởỡợ"),
        ('u', "ùúủũụưừứửữự"),
        ('y', "ỳýỷỹỵ"),
        ('d', "đ"),
    ];
    GROUPS
        .iter()
        .find(|(_, accented)| accented.contains(c))
        .map_or(c, |(base, _)| *base)
}

/// Lower-cases and drops Vietnamese accents.
fn fold(s: &str) -> impl Iterator<Item = char> + '_ {
    s.chars().flat_map(char::to_lowercase).map(unaccent)
}

/// The phieu id of an XLSForm question or choice name, or `None` when it cannot be one.
pub fn id_of(name: &str) -> Option<String> {
    let mut id = String::with_capacity(name.len());
    for c in fold(name.trim()) {
        match c {
            'a'..='z' | '0'..='9' | '_' | '-' => id.push(c),
            '.' | ' ' => id.push('_'),
            _ => return None,
        }
    }
    (!id.is_empty() && id.len() <= 64).then_some(id)
}

/// A poll id made from a form id or a file name: folded like [`id_of`], every run of other
/// characters becoming one `-`, cut to 64 characters. `None` when nothing is left.
pub fn slug(text: &str) -> Option<String> {
    let mut id = String::new();
    let mut gap = false;
    for c in fold(text) {
        if c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' {
            if gap && !id.is_empty() {
                id.push('-');
            }
            gap = false;
            id.push(c);
        } else {
            gap = true;
        }
    }
    id.truncate(64);
    let id = id.trim_end_matches('-').to_owned();
    (!id.is_empty()).then_some(id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn names_become_ids() {
        let cases = [
            ("q1", Some("q1")),
            ("Q1_Ong_ba", Some("q1_ong_ba")),
            ("câu_1", Some("cau_1")),
            ("Đường-làng", Some("duong-lang")),
            ("hai.long", Some("hai_long")),
            ("rất hài lòng", Some("rat_hai_long")),
            ("1", Some("1")),
            ("", None),
            ("a/b", None),
            ("如何", None),
        ];
        for (name, id) in cases {
            assert_eq!(id_of(name).as_deref(), id, "{name}");
        }
        assert_eq!(id_of(&"a".repeat(64)).map(|s| s.len()), Some(64));
        assert_eq!(id_of(&"a".repeat(65)), None);
    }

    #[test]
    fn slugs_of_titles_and_file_names() {
        assert_eq!(
            slug("Khảo sát MTTQ 2026").as_deref(),
            Some("khao-sat-mttq-2026")
        );
        assert_eq!(slug("  khao_sat  ").as_deref(), Some("khao_sat"));
        assert_eq!(slug("!!!"), None);
        assert_eq!(slug(&"ab ".repeat(40)).map(|s| s.len() <= 64), Some(true));
    }

    proptest! {
        #[test]
        fn an_id_is_always_a_valid_poll_id(name in "\\PC{0,80}") {
            for id in [id_of(&name), slug(&name)].into_iter().flatten() {
                prop_assert!(!id.is_empty() && id.len() <= 64);
                prop_assert!(id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_' || b == b'-'));
            }
        }
    }
}
