//! The words for a decision's matter and a board's seats (bundle format 2): each matter in the
//! law's words and the rule the law gives it, with its article; and the setup page's words for
//! the ways into the designer and the XLSForm import.

use phieu_core::{Lang, Matter};

include!(concat!(env!("OUT_DIR"), "/i18n/designer_matter.rs"));

/// A matter as the officer reads it: what is decided, in the law's words (L 15, D59 3.5, L 51).
pub fn matter_name(matter: Matter, lang: Lang) -> &'static str {
    let w = matter_words(lang);
    match matter {
        Matter::Contribution => w.name_contribution,
        Matter::VillageRules => w.name_village_rules,
        Matter::VillageHead => w.name_village_head,
        Matter::Boards => w.name_boards,
        Matter::SelfGovernance => w.name_self_governance,
        Matter::Procedural => w.name_procedural,
        Matter::Conference => w.name_conference,
    }
}

/// The rule the law gives `matter`, in words, with the article it comes from as docs/legal.md
/// records it (§1–3, §11). Never a preset id.
pub fn matter_rule(matter: Matter, lang: Lang) -> &'static str {
    let w = matter_words(lang);
    match matter {
        Matter::Contribution => w.rule_contribution,
        Matter::VillageRules => w.rule_village_rules,
        Matter::VillageHead => w.rule_village_head,
        Matter::Boards => w.rule_boards,
        Matter::SelfGovernance => w.rule_self_governance,
        Matter::Procedural => w.rule_procedural,
        Matter::Conference => w.rule_conference,
    }
}

include!(concat!(env!("OUT_DIR"), "/i18n/designer_setup.rs"));
