use super::*;

const LANGS: &str = r#"
[[language]]
code = "vi"
name = "Tiếng Việt"
[[language]]
code = "en"
name = "English"
"#;

fn langs() -> Vec<Language> {
    languages(LANGS, "languages.toml").unwrap()
}

const TABLE: Table = Table {
    file: "kiosk",
    ty: "Kiosk",
    func: "kiosk",
};

#[test]
fn vietnamese_comes_first_and_codes_are_codes() {
    let en_first = "[[language]]\ncode = \"en\"\nname = \"English\"\n";
    assert!(languages(en_first, "l")
        .unwrap_err()
        .0
        .contains("Vietnamese"));
    let bad = format!("{LANGS}[[language]]\ncode = \"k m\"\nname = \"x\"\n");
    assert!(languages(&bad, "l").unwrap_err().0.contains("«k m»"));
    let twice = format!("{LANGS}[[language]]\ncode = \"en\"\nname = \"x\"\n");
    assert!(languages(&twice, "l").unwrap_err().0.contains("twice"));
    assert_eq!(variant("zh-Hant").as_deref(), Some("ZhHant"));
    assert_eq!(variant("hmn").as_deref(), Some("Hmn"));
}

#[test]
fn a_third_language_is_a_line_in_languages_toml() {
    let three = format!("{LANGS}[[language]]\ncode = \"km\"\nname = \"ខ្មែរ\"\n");
    let langs = languages(&three, "l").unwrap();
    let code = lang_enum(&langs);
    assert!(code.contains("Km,"), "{code}");
    assert!(code.contains("pub const COUNT: usize = 3;"));
    assert!(code.contains("Lang::Km => \"ខ"), "{code}");
    // A table without its Khmer text names each entry missing it.
    let table =
        "[ok]\nvi = \"Đồng ý\"\nen = \"Agree\"\n[no]\nvi = \"Không\"\nen = \"No\"\nkm = \"ទេ\"\n";
    let err = table_code(table, TABLE, &langs, "crate").unwrap_err().0;
    assert!(err.contains("[ok]: no text in «km»"), "{err}");
    assert!(!err.contains("[no]"), "{err}");
}

#[test]
fn placeholders_are_read_in_order_with_braces_escaped() {
    assert_eq!(
        placeholders("Đã phát {n} / {total} phiếu, {n}").unwrap(),
        ["n", "total"]
    );
    assert_eq!(placeholders("{{literal}} {x}").unwrap(), ["x"]);
    assert!(placeholders("{ n}").is_err());
    assert!(placeholders("a } b").is_err());
    assert!(placeholders("{}").is_err());
    assert!(
        placeholders("{box}").is_err(),
        "a keyword cannot name an argument"
    );
}

#[test]
fn a_placeholder_missing_or_renamed_in_one_language_is_refused() {
    let table = "[issued]\nvi = \"Đã phát {n} phiếu\"\nen = \"{count} ballots issued\"\n";
    let err = table_code(table, TABLE, &langs(), "crate").unwrap_err().0;
    assert!(
        err.contains("[issued] en: placeholders {count} where Vietnamese has {n}"),
        "{err}"
    );
}

#[test]
fn unknown_languages_and_bad_keys_are_refused_all_at_once() {
    let table = "[Bad-Key]\nvi = \"a\"\nen = \"b\"\n[ok]\nvi = \"a\"\nen = \"b\"\nfr = \"c\"\n[type]\nvi = \"a\"\nen = \"b\"\n";
    let err = table_code(table, TABLE, &langs(), "crate").unwrap_err().0;
    assert!(err.contains("[Bad-Key]"), "{err}");
    assert!(err.contains("[ok]: «fr» is not a language"), "{err}");
    assert!(err.contains("[type]"), "{err}");
}

#[test]
fn an_entry_becomes_a_field_and_one_with_placeholders_a_method() {
    let table = "[title]\ndoc = \"The page's heading.\"\nvi = \"Bỏ phiếu\"\nen = \"Vote\"\n\
                 [issued]\nvi = \"Đã phát {n} phiếu\"\nen = \"{n} ballots issued\"\n";
    let code = table_code(table, TABLE, &langs(), "phieu_core").unwrap();
    assert!(
        code.contains("/// The page's heading.\n    pub title: &'static str,"),
        "{code}"
    );
    assert!(code.contains("    issued: &'static str,"), "{code}");
    assert!(
        code.contains("pub fn issued(&self, n: impl ::core::fmt::Display) -> String"),
        "{code}"
    );
    assert!(
        code.contains("phieu_core::lang::fill(self.issued"),
        "{code}"
    );
    assert!(
        code.contains("static KIOSK: [Kiosk; phieu_core::Lang::COUNT]"),
        "{code}"
    );
    assert!(code.contains("title: \"Bỏ phiếu\","), "{code}");
    assert!(
        code.contains("pub fn kiosk(lang: phieu_core::Lang) -> &'static Kiosk"),
        "{code}"
    );
}

#[test]
fn a_plain_entry_shows_its_braces_unescaped() {
    let table = "[shape]\nvi = \"{{\\\"https://a\\\": true}}\"\nen = \"{{ }}\"\n";
    let code = table_code(table, TABLE, &langs(), "crate").unwrap();
    assert!(
        code.contains(r#"shape: "{\"https://a\": true}","#),
        "{code}"
    );
    assert!(code.contains(r#"shape: "{ }","#), "{code}");
}

#[test]
fn entries_export_as_json_for_the_first_question_script() {
    let dir = std::env::temp_dir().join(format!("phieu-i18n-export-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("languages.toml"),
        "[[language]]\ncode = \"vi\"\nname = \"Tiếng Việt\"\n[[language]]\ncode = \"en\"\nname = \"English\"\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("kiosk.toml"),
        "[next]\nvi = \"Tiếp\"\nen = \"Next\"\n[of]\nvi = \"Câu {i} / {n} \\\"{{x}}\\\" </script>\"\nen = \"{i} of {n}\"\n",
    )
    .unwrap();
    let json = export_json(&dir, &["kiosk.of", "kiosk.next"]).unwrap();
    assert_eq!(
        json,
        "{\"languages\":[{\"code\":\"vi\",\"name\":\"Tiếng Việt\"},{\"code\":\"en\",\"name\":\"English\"}],\
         \"words\":{\"vi\":{\"kiosk.of\":\"Câu {i} / {n} \\\"{{x}}\\\" \\u003c/script>\",\"kiosk.next\":\"Tiếp\"},\
         \"en\":{\"kiosk.of\":\"{i} of {n}\",\"kiosk.next\":\"Next\"}}}"
    );
    let missing = export_json(&dir, &["kiosk.gone", "next"]).unwrap_err().0;
    assert!(
        missing.contains("no entry [gone] in i18n/kiosk.toml"),
        "{missing}"
    );
    assert!(missing.contains("«next»"), "{missing}");
    std::fs::remove_dir_all(&dir).unwrap();
}
