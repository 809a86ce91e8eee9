//! The code on the signed paper minutes that confirms a stored box (docs/collector.md
//! §Confirmation).

/// The code a person at the commune types (or scans) from the signed paper minutes to confirm
/// a stored box: the first 16 lower-case hex digits of the bundle's minutes code
/// (docs/bundle-format.md §Minutes code), which covers the tally, the outcomes and the
/// electorate as well as the box, so a box confirmed by it is the box whose result was signed.
/// The one place the collector computes it.
pub fn paper_code(bundle: &phieu_core::AuditBundle) -> String {
    let mut code = bundle.minutes_code().to_hex();
    code.truncate(16);
    code
}
