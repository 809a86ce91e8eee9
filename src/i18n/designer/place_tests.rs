//! Where a problem is, named as the designer labels it, for the summary at the top.

use super::*;
use crate::state::designer::OptionField;

/// Issue 22, item 8: the summary at the top names the field ("Cần sửa: Câu 2, lựa chọn 1:
/// Không được để trống."), not only the problem.
#[test]
fn a_problem_is_placed_in_words() {
    let option = Field::Item(1, ItemField::Option(0, OptionField::Whole));
    assert_eq!(
        problem_place(option, Lang::Vi).as_deref(),
        Some("Câu 2, lựa chọn 1")
    );
    assert_eq!(
        problem_place(option, Lang::En).as_deref(),
        Some("Question 2, option 1")
    );
    assert_eq!(
        problem_place(Field::Title(Lang::Vi), Lang::Vi).as_deref(),
        Some("Tiêu đề phiếu")
    );
    assert_eq!(
        problem_place(Field::Subject(Lang::Vi), Lang::Vi).as_deref(),
        Some("Về việc")
    );
    assert_eq!(problem_place(Field::Poll, Lang::Vi), None);
}
