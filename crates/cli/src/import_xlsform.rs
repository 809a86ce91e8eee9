//! `phieu import-xlsform FORM.xlsx -o POLL.json`: an XLSForm survey (the form Kobo and ODK users
//! already have) into a phieu poll of kind `survey`, with `phieu_xlsform::import`, the same code
//! the office page runs (docs/xlsform.md). Every problem is printed to stderr with its sheet,
//! row and column as Excel shows them, and the command exits 1 without writing anything; what
//! phieu left out on purpose (ODK's automatic `start`/`end` fields, a closing note) is listed
//! on stdout beside the poll it wrote.

use std::io::Write;

use phieu_core::Lang;
use phieu_xlsform::{import, ImportOptions};

use crate::args::ImportXlsformArgs;
use crate::error::CliError;
use crate::status::Status;

pub fn run(args: &ImportXlsformArgs, lang: Lang, out: &mut dyn Write) -> Result<Status, CliError> {
    run_with(args, lang, out, &mut std::io::stderr().lock())
}

/// As [`run`], writing the problems to `err`.
pub fn run_with(
    args: &ImportXlsformArgs,
    lang: Lang,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<Status, CliError> {
    let bytes = std::fs::read(&args.form).map_err(|source| CliError::Read {
        path: args.form.clone(),
        source,
    })?;
    let options = ImportOptions {
        commune: args.commune.clone(),
        village: args.village.clone(),
        file_stem: args
            .form
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default(),
    };
    let stdout_err = |source| CliError::Write {
        path: "-".into(),
        source,
    };
    let form = args.form.display();
    let imported = match import(&bytes, &options) {
        Ok(i) => i,
        Err(problems) => {
            let n = problems.len();
            let head = lang.pick(
                format!("phieu: {form}: {n} chỗ cần sửa trước khi nhập biểu mẫu:"),
                format!("phieu: {form}: {n} problems to fix before the form can be imported:"),
            );
            let mut text = head;
            for p in &problems {
                text.push_str(&format!("\n  - {}", p.message(lang)));
            }
            writeln!(err, "{text}").map_err(stdout_err)?;
            return Ok(Status::Bad);
        }
    };
    let poll = imported.poll();
    std::fs::write(&args.out, poll.to_json()).map_err(|source| CliError::Write {
        path: args.out.clone(),
        source,
    })?;
    let (n, id, path) = (poll.items().len(), poll.id(), args.out.display());
    let mut text = lang.pick(format!("Đã nhập {form} vào {path}: cuộc khảo sát ý kiến \"{id}\", {n} câu hỏi. Tổng số cử tri (mẫu số của các tỷ lệ) do người tổ chức nhập khi thiết lập."),
        format!("Imported {form} into {path}: opinion survey \"{id}\", {n} questions. The total electorate (the denominator of every share) is entered by the officer at setup."),
    );
    if !imported.skipped().is_empty() {
        text.push_str(lang.pick("\nĐã bỏ qua:", "\nLeft out:"));
        for s in imported.skipped() {
            text.push_str(&format!("\n  - {}", s.message(lang)));
        }
    }
    writeln!(out, "{text}").map_err(stdout_err)?;
    Ok(Status::Good)
}
