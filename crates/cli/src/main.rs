//! The `phieu` command.
fn main() {}
