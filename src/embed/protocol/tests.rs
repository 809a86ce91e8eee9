use super::*;

fn check(text: &str, expected: Result<HostMessage, MessageError>) {
    assert_eq!(HostMessage::parse(text), expected, "{text}");
}

#[test]
fn host_messages_are_read() {
    check(
        r#"{"phieu":1,"type":"load-poll","url":" polls/demo.json "}"#,
        Ok(HostMessage::LoadPoll(PollSource::Url(
            "polls/demo.json".into(),
        ))),
    );
    check(
        r#"{"phieu":1,"type":"load-poll","poll":{"id":"x"}}"#,
        Ok(HostMessage::LoadPoll(PollSource::Inline(
            r#"{"id":"x"}"#.into(),
        ))),
    );
    check(
        r#"{"phieu":1,"type":"set-lang","lang":"en"}"#,
        Ok(HostMessage::SetLang(Lang::En)),
    );
    check(r#"{"phieu":1,"type":"close"}"#, Ok(HostMessage::Close));
    // A host that posted JSON text rather than an object.
    check(
        r#""{\"phieu\":1,\"type\":\"close\"}""#,
        Ok(HostMessage::Close),
    );
}

#[test]
fn wrong_host_messages_say_what_is_wrong() {
    check("", Err(MessageError::NotJson));
    check("[1]", Err(MessageError::NotPhieu));
    check(r#"{"type":"close"}"#, Err(MessageError::NotPhieu));
    check(
        r#"{"phieu":2,"type":"close"}"#,
        Err(MessageError::Version(json!(2))),
    );
    check(
        r#"{"phieu":"1","type":"close"}"#,
        Err(MessageError::Version(json!("1"))),
    );
    check(r#"{"phieu":1}"#, Err(MessageError::Field("type")));
    check(
        r#"{"phieu":1,"type":"vote","choice":"dong_y"}"#,
        Err(MessageError::UnknownType("vote".into())),
    );
    check(
        r#"{"phieu":1,"type":"load-poll"}"#,
        Err(MessageError::Field("url|poll")),
    );
    check(
        r#"{"phieu":1,"type":"load-poll","url":"a","poll":{}}"#,
        Err(MessageError::Field("url|poll")),
    );
    check(
        r#"{"phieu":1,"type":"load-poll","url":"  "}"#,
        Err(MessageError::Field("url")),
    );
    check(
        r#"{"phieu":1,"type":"load-poll","poll":3}"#,
        Err(MessageError::Field("poll")),
    );
    check(
        r#"{"phieu":1,"type":"set-lang","lang":"fr"}"#,
        Err(MessageError::Lang("fr".into())),
    );
    let huge = format!(
        r#"{{"phieu":1,"type":"close","pad":"{}"}}"#,
        "x".repeat(MAX_MESSAGE_BYTES)
    );
    assert!(matches!(
        HostMessage::parse(&huge),
        Err(MessageError::TooLarge(_))
    ));
    for e in [MessageError::NotJson, MessageError::Field("lang")] {
        assert!(Lang::ALL.iter().all(|&l| !e.message(l).is_empty()));
    }
}

#[test]
fn refusals_name_what_was_wrong_and_what_would_do() {
    // The words come from i18n/embed.toml; hosts and browser journeys read them as they were.
    let lang = MessageError::Lang("de".into());
    assert_eq!(
        lang.message(Lang::Vi),
        "Ngôn ngữ “de” không có: dùng vi hoặc en."
    );
    assert_eq!(
        lang.message(Lang::En),
        "There is no language “de”: use vi or en."
    );
    assert_eq!(
        MessageError::NotPhieu.message(Lang::En),
        "Not a phieu message: expected an object with \"phieu\": 1 and \"type\"."
    );
    assert_eq!(
        MessageError::Version(json!(2)).message(Lang::Vi),
        "Phiên bản tin nhắn 2 không được hỗ trợ: bản này dùng 1."
    );
    assert_eq!(
        MessageError::TooLarge(7).message(Lang::En),
        format!("The message is too large (7 bytes, at most {MAX_MESSAGE_BYTES}).")
    );
    assert_eq!(
        OriginError::NotJson.message(Lang::Vi),
        "embed-origins.json không đúng dạng {\"version\":1,\"origins\":[…]}."
    );
    assert_eq!(
        OptionError::Lang("de".into()).message(Lang::En),
        lang.message(Lang::En)
    );
}

#[test]
fn messages_to_the_host_carry_the_version_and_never_a_choice() {
    let cast = EmbedMessage::Cast {
        receipt: "ABCD-1234".into(),
    };
    assert_eq!(
        cast.to_value(),
        json!({"phieu": 1, "type": "cast", "receipt": "ABCD-1234"})
    );
    assert_eq!(cast.detail(), json!({"receipt": "ABCD-1234"}));
    assert_eq!(
        EmbedMessage::Resize { height: 640 }.to_value(),
        json!({"phieu": 1, "type": "resize", "height": 640})
    );
}

#[test]
fn modes_and_languages_are_read() {
    assert_eq!(Mode::parse(None), Ok(Mode::Kiosk));
    assert_eq!(Mode::parse(Some("survey")), Ok(Mode::Survey));
    assert_eq!(Mode::parse(Some("results")), Ok(Mode::Results));
    assert_eq!(Mode::parse(Some("x")), Err(OptionError::Mode("x".into())));
    assert_eq!(parse_lang(Some("en-GB")), Ok(Lang::En));
    assert_eq!(parse_lang(None), Ok(Lang::Vi));
    assert_eq!(parse_lang(Some("de")), Err(OptionError::Lang("de".into())));
}

#[test]
fn options_are_read_from_attributes() {
    assert_eq!(
        Options::parse(
            r#"{"mode":"survey","lang":"en","src":"p.json","box":" b ","electorate":"120"}"#
        ),
        Ok(Options {
            mode: Mode::Survey,
            lang: Lang::En,
            source: Some(PollSource::Url("p.json".into())),
            box_name: "b".into(),
            electorate: Some(120),
        })
    );
    let bare = Options::parse("{}").unwrap();
    assert_eq!(
        (bare.mode, bare.lang, bare.source),
        (Mode::Kiosk, Lang::Vi, None)
    );
    assert_eq!(
        Options::parse(r#"{"src":"a","poll":"{}"}"#),
        Err(OptionError::Source)
    );
    assert_eq!(
        Options::parse(r#"{"electorate":"0"}"#),
        Err(OptionError::Electorate("0".into()))
    );
    assert_eq!(
        Options::parse(r#"{"mode":"vote"}"#),
        Err(OptionError::Mode("vote".into()))
    );
}

#[test]
fn origins_are_exact() {
    let list = AllowList::parse(
        r#"{"version":1,"origins":["https://Xa.Example.gov.vn","http://127.0.0.1:8081"]}"#,
    )
    .unwrap();
    assert!(list.allows("https://xa.example.gov.vn"));
    assert!(list.allows("http://127.0.0.1:8081"));
    assert!(!list.allows("http://127.0.0.1:8082"));
    assert!(!list.allows("https://xa.example.gov.vn.evil.test"));
    assert!(!list.allows("http://xa.example.gov.vn"));
    assert!(!list.allows("null"));
    assert_eq!(
        list.parent(["null", "https://evil.test", "http://127.0.0.1:8081"]),
        Some("http://127.0.0.1:8081".into())
    );
    assert_eq!(list.parent(["https://evil.test"]), None);
    for bad in [
        "*",
        "https://a.test/path",
        "ftp://a.test",
        "https://",
        "https://a b",
    ] {
        assert_eq!(
            AllowList::parse(&format!(r#"{{"version":1,"origins":["{bad}"]}}"#)),
            Err(OriginError::Origin(format!("\"{bad}\""))),
            "{bad}"
        );
    }
    assert_eq!(AllowList::parse("{}"), Err(OriginError::NotJson));
    assert_eq!(
        normalize_origin("http://[::1]:8080"),
        Some("http://[::1]:8080".into())
    );
    assert_eq!(normalize_origin("http://a.test:99999"), None);
}

#[test]
fn the_tally_names_options_in_poll_order() {
    use phieu_core::{Answer, Ballot, BallotBox, Salt};
    let poll = Poll::from_json(include_str!("../../../assets/polls/demo.json")).unwrap();
    let mut bx = BallotBox::new(poll.clone());
    for (i, o) in ["dong_y", "dong_y", "khong_dong_y"].iter().enumerate() {
        let b = Ballot::new(
            &poll,
            vec![Answer::choice(*o)],
            Salt::from_bytes([i as u8; 16]),
        )
        .unwrap();
        bx.cast(b).unwrap();
    }
    let v = tally_value(&poll, bx.tally(), &bx.fingerprint());
    assert_eq!(v["ballots"], json!(3));
    assert_eq!(
        v["items"][0]["options"][0],
        json!({"id": "dong_y", "count": 2})
    );
    assert_eq!(
        v["items"][0]["options"][1],
        json!({"id": "khong_dong_y", "count": 1})
    );
    assert_eq!(v["fingerprint"], json!(bx.fingerprint().to_hex()));
}

#[test]
fn the_browser_names_the_parent_and_the_address_cannot_overrule_it() {
    let list = AllowList::parse(
        r#"{"version":1,"origins":["https://xa.example.gov.vn","http://127.0.0.1:8081"]}"#,
    )
    .unwrap();
    let portal = "https://xa.example.gov.vn";
    let evil = "https://evil.example";
    use ParentCheck::*;
    // Issue 17: a page not on the list claiming an allowed parent in the address.
    assert_eq!(list.check_parent(Some(evil), None, Some(portal)), Refused);
    assert_eq!(list.check_parent(None, Some(evil), Some(portal)), Refused);
    assert_eq!(
        list.check_parent(Some(evil), Some(portal), Some(portal)),
        Refused
    );
    assert_eq!(
        list.check_parent(Some(portal), None, None),
        Allowed(portal.into())
    );
    assert_eq!(
        list.check_parent(None, Some("https://xa.example.gov.vn"), Some(evil)),
        Allowed(portal.into())
    );
    // The browser says nothing: the address's claim, to be proved by the first message.
    assert_eq!(
        list.check_parent(None, None, Some(portal)),
        Claimed(portal.into())
    );
    assert_eq!(
        list.check_parent(None, Some(""), Some(portal)),
        Claimed(portal.into())
    );
    assert_eq!(list.check_parent(None, None, Some(evil)), Refused);
    assert_eq!(list.check_parent(None, None, None), Refused);
}

#[test]
fn resize_heights_come_in_steps_and_never_shrink() {
    assert_eq!(resize_height(1, 0), 160);
    assert_eq!(resize_height(160, 0), 160);
    assert_eq!(resize_height(161, 0), 320);
    assert_eq!(resize_height(300, 480), 480);
    assert_eq!(resize_height(0, 0), 0);
}
