//! The sample XLSForm workbooks committed in tests/data (docs/xlsform.md §Samples), written cell
//! by cell as a Kobo user's file would be: Kobo's language headers (`label::Vietnamese (vi)`),
//! its `$kuid` column, its automatic `start`/`end`/`today` rows, `required` sometimes typed as
//! `yes` and sometimes an Excel TRUE, and choice names 1 … 5 typed as numbers. Included by path
//! by `examples/make_xlsforms.rs` (which writes the files) and by the tests (which check that the
//! committed files are exactly what this code makes).

use rust_xlsxwriter::{DocProperties, ExcelDateTime, Workbook, XlsxError};

/// A cell as typed in Excel.
#[derive(Clone, Copy)]
pub enum C {
    S(&'static str),
    N(f64),
    B(bool),
}

use C::{B, N, S};

const E: C = S("");

fn sheet(book: &mut Workbook, name: &str, rows: &[&[C]]) -> Result<(), XlsxError> {
    let ws = book.add_worksheet();
    ws.set_name(name)?;
    for (r, row) in (0u32..).zip(rows) {
        for (c, cell) in (0u16..).zip(row.iter()) {
            match *cell {
                S("") => {}
                S(s) => {
                    ws.write_string(r, c, s)?;
                }
                N(n) => {
                    ws.write_number(r, c, n)?;
                }
                B(b) => {
                    ws.write_boolean(r, c, b)?;
                }
            }
        }
    }
    Ok(())
}

/// A workbook with a fixed creation date, so the same cells always give the same bytes.
fn workbook(sheets: &[(&str, &[&[C]])]) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let created = ExcelDateTime::from_ymd(1980, 1, 1)?;
    book.set_properties(&DocProperties::new().set_creation_datetime(&created));
    for (name, rows) in sheets {
        sheet(&mut book, name, rows)?;
    }
    book.save_to_buffer()
}

const SURVEY_HEAD: &[C] = &[
    S("type"),
    S("name"),
    S("label::Vietnamese (vi)"),
    S("label::English (en)"),
    S("hint::Vietnamese (vi)"),
    S("hint::English (en)"),
    S("required"),
    S("relevant"),
    S("constraint"),
    S("constraint_message::Vietnamese (vi)"),
    S("appearance"),
    S("$kuid"),
];

const CHOICES_HEAD: &[C] = &[
    S("list_name"),
    S("name"),
    S("label::Vietnamese (vi)"),
    S("label::English (en)"),
    S("$kuid"),
];

/// A Fatherland Front opinion survey on grassroots democracy (Law 10/2022/QH15, Articles 25-28
/// and 34): eleven questions of every supported type, groups, notes, hints, conditions and
/// ranges, as a Kobo user would bring it.
pub fn good() -> Result<Vec<u8>, XlsxError> {
    let survey: &[&[C]] = &[
        SURVEY_HEAD,
        &[S("start"), S("start"), E, E, E, E, E, E, E, E, E, S("a1")],
        &[S("end"), S("end"), E, E, E, E, E, E, E, E, E, S("a2")],
        &[S("today"), S("today"), E, E, E, E, E, E, E, E, E, S("a3")],
        &[
            S("note"),
            S("gioi_thieu"),
            S("Ủy ban Mặt trận Tổ quốc xã lấy ý kiến nhân dân về việc thực hiện dân chủ ở cơ sở. Phiếu không ghi tên người trả lời."),
            S("The commune Fatherland Front committee asks residents about grassroots democracy. The form does not record who answers."),
            E, E, E, E, E, E, E, S("a4"),
        ],
        &[S("begin_group"), S("thong_tin"), S("Phần I. Thông tin chung"), S("Part I. About you"), E, E, E, E, E, E, S("field-list"), S("a5")],
        &[S("select_one gioi_tinh"), S("gioi_tinh"), S("Giới tính"), S("Sex"), E, E, B(true), E, E, E, E, S("a6")],
        &[S("select_one nhom_tuoi"), S("nhom_tuoi"), S("Ông/bà thuộc nhóm tuổi nào?"), S("Which age group are you in?"), E, E, S("yes"), E, E, E, S("minimal"), S("a7")],
        &[
            S("integer"),
            S("so_nguoi"),
            S("Hộ của ông/bà có bao nhiêu người?"),
            S("How many people live in your household?"),
            S("Tính cả người đi làm ăn xa"),
            S("Count those working away too"),
            S("yes"),
            E,
            S(". >= 1 and . <= 30"),
            S("Từ 1 đến 30 người"),
            E,
            S("a8"),
        ],
        &[S("end_group"), S("thong_tin"), E, E, E, E, E, E, E, E, E, S("a9")],
        &[S("begin_group"), S("cong_khai"), S("Phần II. Công khai thông tin"), S("Part II. Disclosure of information"), E, E, E, E, E, E, E, S("b1")],
        &[
            S("select_one co_khong"),
            S("duoc_biet"),
            S("Ông/bà có được biết các nội dung chính quyền xã, thôn công khai (thu chi ngân sách, các khoản đóng góp, quy hoạch sử dụng đất) không?"),
            S("Do you get to know what the commune and village disclose (budget, contributions, land-use plans)?"),
            E, E, B(true), E, E, E, E, S("b2"),
        ],
        &[
            S("select_multiple kenh or_other"),
            S("hinh_thuc"),
            S("Ông/bà biết qua những hình thức nào?"),
            S("How do you learn of it?"),
            S("Chọn tối đa 3"),
            S("Choose up to 3"),
            S("yes"),
            S("${duoc_biet} = 'co'"),
            S("count-selected(.) <= 3"),
            S("Chọn tối đa 3 hình thức"),
            E,
            S("b3"),
        ],
        &[
            S("select_one muc_do"),
            S("danh_gia_cong_khai"),
            S("Ông/bà đánh giá thế nào về việc công khai thông tin ở thôn?"),
            S("How do you rate the disclosure of information in the village?"),
            E, E, S("yes"), E, E, E, S("likert"), S("b4"),
        ],
        &[S("end_group"), S("cong_khai"), E, E, E, E, E, E, E, E, E, S("b5")],
        &[S("begin_group"), S("tham_gia"), S("Phần III. Bàn và quyết định"), S("Part III. Discussing and deciding"), E, E, E, E, E, E, E, S("c1")],
        &[
            S("select_one co_khong"),
            S("du_hoi_nghi"),
            S("Trong năm qua, ông/bà có dự hội nghị thôn bàn và quyết định công việc của thôn không?"),
            S("In the past year, did you attend a village meeting that discussed and decided village matters?"),
            E, E, S("yes"), E, E, E, E, S("c2"),
        ],
        &[
            S("integer"),
            S("so_lan"),
            S("Ông/bà đã dự mấy lần?"),
            S("How many times?"),
            E,
            E,
            S("no"),
            S("selected(${du_hoi_nghi}, 'co')"),
            S(". >= 1 and . <= 24"),
            E,
            E,
            S("c3"),
        ],
        &[
            S("select_one muc_do"),
            S("hai_long"),
            S("Ông/bà có hài lòng với cách thôn, xã lấy ý kiến nhân dân không?"),
            S("Are you satisfied with how the village and commune ask residents' opinions?"),
            E, E, S("yes"), E, E, E, S("likert"), S("c4"),
        ],
        &[
            S("text"),
            S("ly_do"),
            S("Vì sao ông/bà chưa hài lòng?"),
            S("Why are you not satisfied?"),
            E,
            E,
            E,
            S("${hai_long} = '1' or ${hai_long} = '2'"),
            S("string-length(.) <= 500"),
            E,
            S("multiline"),
            S("c5"),
        ],
        &[S("end_group"), S("tham_gia"), E, E, E, E, E, E, E, E, E, S("c6")],
        &[
            S("select_one co_khong"),
            S("biet_ban_tttnd"),
            S("Ông/bà có biết Ban Thanh tra nhân dân của xã không?"),
            S("Do you know the commune's People's Inspection Board?"),
            E, E, E, E, E, E, E, S("d1"),
        ],
        &[
            S("text"),
            S("kien_nghi"),
            S("Ông/bà có kiến nghị, đề xuất gì để thực hiện tốt hơn dân chủ ở cơ sở?"),
            S("What would you suggest to make grassroots democracy work better?"),
            S("Có thể để trống"),
            S("May be left blank"),
            S("no"),
            E, E, E, E, S("d2"),
        ],
        &[S("note"), S("cam_on"), S("Xin cảm ơn ông/bà!"), S("Thank you!"), E, E, E, E, E, E, E, S("d3")],
    ];
    let choices: &[&[C]] = &[
        CHOICES_HEAD,
        &[S("gioi_tinh"), S("nam"), S("Nam"), S("Male"), S("k1")],
        &[S("gioi_tinh"), S("nu"), S("Nữ"), S("Female"), S("k2")],
        &[
            S("nhom_tuoi"),
            S("duoi_30"),
            S("Dưới 30 tuổi"),
            S("Under 30"),
            S("k3"),
        ],
        &[
            S("nhom_tuoi"),
            S("tu_30_den_59"),
            S("Từ 30 đến 59 tuổi"),
            S("30 to 59"),
            S("k4"),
        ],
        &[
            S("nhom_tuoi"),
            S("tu_60"),
            S("Từ 60 tuổi trở lên"),
            S("60 or over"),
            S("k5"),
        ],
        &[S("co_khong"), S("co"), S("Có"), S("Yes"), S("k6")],
        &[S("co_khong"), S("khong"), S("Không"), S("No"), S("k7")],
        &[
            S("kenh"),
            S("bang_tin"),
            S("Bảng tin ở nhà văn hóa thôn, trụ sở xã"),
            S("Notice board at the village hall or commune office"),
            S("k8"),
        ],
        &[
            S("kenh"),
            S("loa"),
            S("Loa truyền thanh"),
            S("Public loudspeakers"),
            S("k9"),
        ],
        &[
            S("kenh"),
            S("hoi_nghi"),
            S("Hội nghị thôn"),
            S("Village meetings"),
            S("k10"),
        ],
        &[
            S("kenh"),
            S("zalo"),
            S("Nhóm Zalo của thôn, xã"),
            S("Village or commune Zalo group"),
            S("k11"),
        ],
        &[
            S("kenh"),
            S("truong_thon"),
            S("Trưởng thôn thông báo trực tiếp"),
            S("Told in person by the village head"),
            S("k12"),
        ],
        &[
            S("muc_do"),
            N(1.0),
            S("Rất không hài lòng"),
            S("Very dissatisfied"),
            S("k13"),
        ],
        &[
            S("muc_do"),
            N(2.0),
            S("Không hài lòng"),
            S("Dissatisfied"),
            S("k14"),
        ],
        &[
            S("muc_do"),
            N(3.0),
            S("Bình thường"),
            S("Neutral"),
            S("k15"),
        ],
        &[S("muc_do"), N(4.0), S("Hài lòng"), S("Satisfied"), S("k16")],
        &[
            S("muc_do"),
            N(5.0),
            S("Rất hài lòng"),
            S("Very satisfied"),
            S("k17"),
        ],
    ];
    let settings: &[&[C]] = &[
        &[
            S("form_title"),
            S("form_id"),
            S("version"),
            S("default_language"),
            S("commune"),
            S("village"),
        ],
        &[
            S("Phiếu lấy ý kiến nhân dân về thực hiện dân chủ ở cơ sở năm 2026"),
            S("mttq_dan_chu_co_so_2026"),
            S("2026030101"),
            S("Vietnamese (vi)"),
            S("Xã Tân Hòa"),
            S("Thôn Bình An"),
        ],
    ];
    workbook(&[
        ("survey", survey),
        ("choices", choices),
        ("settings", settings),
    ])
}

/// A form with a dozen mistakes, each of a different kind (one of them on three rows, listed as
/// one line with its rows), that the importer must list by row and column.
pub fn bad() -> Result<Vec<u8>, XlsxError> {
    let head: &[C] = &[
        S("type"),
        S("name"),
        S("label"),
        S("required"),
        S("relevant"),
        S("constraint"),
        S("default"),
    ];
    let survey: &[&[C]] = &[
        head,
        &[S("start"), S("start")],
        &[
            S("select_one co_khong"),
            S("q1"),
            S("Ông/bà có đồng ý không?"),
            S("yes"),
        ],
        &[S("geopoint"), S("vi_tri"), S("Vị trí nhà")],
        &[S("decimal"), S("dien_tich"), S("Diện tích đất (ha)")],
        &[S("select_one tinh_trang"), S("q2"), S("Tình trạng đường")],
        &[S("integer"), S("Q1"), S("Số người")],
        &[
            S("integer"),
            S("tuoi"),
            S("Tuổi"),
            E,
            E,
            S(". > 0 or . < 120"),
        ],
        &[S("text"), S("q3"), S("Ý kiến"), E, S("${tuoi} > 60")],
        &[S("text"), S("q4"), E],
        &[S("text"), S("q4b"), E],
        &[S("integer"), S("q4c"), E],
        &[
            S("select_one co_khong"),
            S("q5"),
            S("Có con đi học?"),
            S("có"),
        ],
        &[S("text"), S("q6"), S("Tên trường"), E, S("${q7} = 'co'")],
        &[
            S("select_one co_khong"),
            S("q7"),
            S("Có xe máy?"),
            E,
            E,
            E,
            S("co"),
        ],
        &[S("begin repeat"), S("thanh_vien"), S("Thành viên hộ")],
        &[S("text"), S("ten"), S("Họ tên")],
        &[S("end repeat")],
        &[S("select_one muc"), S("q8"), S("Mức độ")],
    ];
    let choices: &[&[C]] = &[
        &[S("list_name"), S("name"), S("label")],
        &[S("co_khong"), S("co"), S("Có")],
        &[S("co_khong"), S("khong"), S("Không")],
        &[S("muc"), S("tot"), S("Tốt")],
        &[S("muc"), S("a/b"), S("Khá")],
    ];
    let settings: &[&[C]] = &[
        &[S("form_title"), S("form_id")],
        &[S("Phiếu có lỗi"), S("phieu_co_loi")],
    ];
    workbook(&[
        ("survey", survey),
        ("choices", choices),
        ("settings", settings),
    ])
}

/// A survey of a Khmer village in the Mekong delta, in Vietnamese and Khmer as Kobo writes its
/// languages (`label::Khmer (km)`), with a French column too many: it imports with both, the
/// French left out and said so (issue 20, item 3).
pub fn khmer() -> Result<Vec<u8>, XlsxError> {
    let survey: &[&[C]] = &[
        &[
            S("type"),
            S("name"),
            S("label::Vietnamese (vi)"),
            S("label::Khmer (km)"),
            S("label::French (fr)"),
            S("required"),
        ],
        &[
            S("select_one co_khong"),
            S("lam_duong"),
            S("Ông/bà có đồng ý làm đường bê tông không?"),
            S("តើលោក/លោកស្រីយល់ព្រមសាងសង់ផ្លូវបេតុងទេ?"),
            S("Êtes-vous d'accord ?"),
            S("yes"),
        ],
        &[
            S("select_multiple nguon"),
            S("nguon_nuoc"),
            S("Gia đình dùng nước từ đâu?"),
            S("តើគ្រួសាររបស់អ្នកប្រើទឹកពីណា?"),
            E,
            E,
        ],
        &[
            S("text"),
            S("y_kien"),
            S("Ý kiến khác"),
            S("មតិផ្សេងទៀត"),
            E,
            E,
        ],
    ];
    let choices: &[&[C]] = &[
        &[
            S("list_name"),
            S("name"),
            S("label::Vietnamese (vi)"),
            S("label::Khmer (km)"),
        ],
        &[S("co_khong"), S("co"), S("Có"), S("បាទ/ចាស")],
        &[S("co_khong"), S("khong"), S("Không"), S("ទេ")],
        &[S("nguon"), S("gieng"), S("Giếng"), S("អណ្តូង")],
        &[S("nguon"), S("may"), S("Nước máy"), S("ទឹកម៉ាស៊ីន")],
        &[S("nguon"), S("song"), S("Sông"), S("ទន្លេ")],
    ];
    let settings: &[&[C]] = &[
        &[
            S("form_title"),
            S("form_id"),
            S("default_language"),
            S("commune"),
            S("village"),
        ],
        &[
            S("Khảo sát đường và nước sạch"),
            S("khao_sat_duong_nuoc"),
            S("Vietnamese (vi)"),
            S("Xã Hòa Tú"),
            S("Ấp Hòa Thượng"),
        ],
    ];
    workbook(&[
        ("survey", survey),
        ("choices", choices),
        ("settings", settings),
    ])
}

/// A form as it circulates: English only (issue 23, item 6). It imports with its English in the
/// English slot and every Vietnamese label empty, for the designer to finish.
pub fn english_only() -> Result<Vec<u8>, XlsxError> {
    let survey: &[&[C]] = &[
        &[
            S("type"),
            S("name"),
            S("label::English (en)"),
            S("required"),
        ],
        &[
            S("select_one yes_no"),
            S("road"),
            S("Do you agree to build the concrete road?"),
            S("yes"),
        ],
        &[S("text"), S("why"), S("Why?"), E],
    ];
    let choices: &[&[C]] = &[
        &[S("list_name"), S("name"), S("label::English (en)")],
        &[S("yes_no"), S("yes"), S("Yes")],
        &[S("yes_no"), S("no"), S("No")],
    ];
    let settings: &[&[C]] = &[
        &[
            S("form_title"),
            S("form_id"),
            S("default_language"),
            S("commune"),
        ],
        &[
            S("Road survey"),
            S("road_survey"),
            S("English (en)"),
            S("Xã Tân Hòa"),
        ],
    ];
    workbook(&[
        ("survey", survey),
        ("choices", choices),
        ("settings", settings),
    ])
}
