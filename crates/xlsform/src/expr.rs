//! The two small pieces of XPath the importer understands (docs/xlsform.md §relevant,
//! §constraint). A `relevant` maps to phieu's skip logic only when it says "show this when earlier
//! questions were answered with these choices": `${q} = 'x'`, `selected(${q}, 'x')`, joined by
//! `and`, `or` and brackets (the poll's `show_if` combines them alike). A `constraint` maps only when it is a range: comparisons of `.`,
//! `count-selected(.)` or `string-length(.)` with numbers, joined by `and`. Anything else is
//! refused, never approximated: a condition phieu cannot enforce exactly is a problem to report.

/// One token of an expression.
#[derive(Debug, Clone, PartialEq)]
enum Token {
    /// `${name}`
    Ref(String),
    /// `'x'` or `"x"`
    Str(String),
    /// `12`, `-3`, `2.5`, as written.
    Num(String),
    /// `and`, `or`, `selected`, `count-selected`, …
    Ident(String),
    /// `.`, the answer itself.
    Dot,
    Open,
    Close,
    Comma,
    Op(Op),
}

/// A comparison operator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
}

impl Op {
    /// The operator seen from the other side: `3 <= .` is `. >= 3`.
    fn flipped(self) -> Op {
        match self {
            Op::Lt => Op::Gt,
            Op::Le => Op::Ge,
            Op::Gt => Op::Lt,
            Op::Ge => Op::Le,
            other => other,
        }
    }
}

fn tokens(s: &str) -> Option<Vec<Token>> {
    let chars: Vec<char> = s.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        match c {
            c if c.is_whitespace() => i += 1,
            '$' if next == Some('{') => {
                let end = chars[i + 2..].iter().position(|&c| c == '}')? + i + 2;
                out.push(Token::Ref(
                    chars[i + 2..end]
                        .iter()
                        .collect::<String>()
                        .trim()
                        .to_owned(),
                ));
                i = end + 1;
            }
            '\'' | '"' | '‘' | '’' | '“' | '”' => {
                // Excel's autocorrect turns straight quotes into curly ones; read them alike.
                let closing = |q: char| matches!(q, '\'' | '"' | '‘' | '’' | '“' | '”');
                let end = chars[i + 1..].iter().position(|&q| closing(q))? + i + 1;
                out.push(Token::Str(chars[i + 1..end].iter().collect()));
                i = end + 1;
            }
            '0'..='9' | '-' if c != '-' || next.is_some_and(|n| n.is_ascii_digit()) => {
                let mut end = i + 1;
                while end < chars.len() && (chars[end].is_ascii_digit() || chars[end] == '.') {
                    end += 1;
                }
                out.push(Token::Num(chars[i..end].iter().collect()));
                i = end;
            }
            '.' if next.is_some_and(|n| n.is_ascii_digit()) => {
                let mut end = i + 1;
                while end < chars.len() && chars[end].is_ascii_digit() {
                    end += 1;
                }
                out.push(Token::Num(chars[i..end].iter().collect()));
                i = end;
            }
            '.' => {
                out.push(Token::Dot);
                i += 1;
            }
            c if c.is_ascii_alphabetic() || c == '_' => {
                let mut end = i + 1;
                while end < chars.len()
                    && (chars[end].is_ascii_alphanumeric()
                        || chars[end] == '_'
                        || chars[end] == '-')
                {
                    end += 1;
                }
                out.push(Token::Ident(chars[i..end].iter().collect()));
                i = end;
            }
            '(' => {
                out.push(Token::Open);
                i += 1;
            }
            ')' => {
                out.push(Token::Close);
                i += 1;
            }
            ',' => {
                out.push(Token::Comma);
                i += 1;
            }
            '=' => {
                out.push(Token::Op(Op::Eq));
                i += 1;
            }
            '!' | '<' | '>' => {
                let eq = next == Some('=');
                let op = match (c, eq) {
                    ('!', true) => Op::Ne,
                    ('<', true) => Op::Le,
                    ('<', false) => Op::Lt,
                    ('>', true) => Op::Ge,
                    ('>', false) => Op::Gt,
                    _ => return None,
                };
                out.push(Token::Op(op));
                i += if eq { 2 } else { 1 };
            }
            _ => return None,
        }
    }
    Some(out)
}

/// A cursor over tokens for the two little recursive-descent parsers below.
struct Parser {
    tokens: Vec<Token>,
    at: usize,
}

impl Parser {
    fn peek(&self) -> Option<&Token> {
        self.tokens.get(self.at)
    }

    fn next(&mut self) -> Option<Token> {
        let t = self.tokens.get(self.at).cloned();
        self.at += 1;
        t
    }

    fn eat(&mut self, t: &Token) -> Option<()> {
        (self.next()? == *t).then_some(())
    }

    fn keyword(&self, word: &str) -> bool {
        matches!(self.peek(), Some(Token::Ident(w)) if w == word)
    }

    fn done(&self) -> bool {
        self.at >= self.tokens.len()
    }
}

/// One `${q} = 'x'` or `selected(${q}, 'x')` of a relevant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Test {
    /// The question's XLSForm name.
    pub question: String,
    /// The choice's XLSForm name.
    pub choice: String,
    /// Written with `=` rather than `selected()`.
    pub equals: bool,
}

/// A relevant as read: tests joined by `and` and `or`, as written (brackets give the nesting).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Expr {
    Test(Test),
    And(Vec<Expr>),
    Or(Vec<Expr>),
}

/// Reads a relevant of the supported forms; `None` when it is of any other form.
pub fn relevant(s: &str) -> Option<Expr> {
    let mut p = Parser {
        tokens: tokens(s)?,
        at: 0,
    };
    let e = disjunction(&mut p, 0)?;
    p.done().then_some(e)
}

/// How deeply brackets may nest: far beyond a real form, and no stack is exhausted.
const MAX_NESTING: usize = 32;

/// `a or b or …` of conjunctions; one part alone is itself.
fn disjunction(p: &mut Parser, depth: usize) -> Option<Expr> {
    let mut parts = vec![conjunction(p, depth)?];
    while p.keyword("or") {
        p.next();
        parts.push(conjunction(p, depth)?);
    }
    Some(if parts.len() == 1 {
        parts.remove(0)
    } else {
        Expr::Or(parts)
    })
}

/// `a and b and …` of tests or bracketed expressions (`and` binds tighter than `or`, as in XPath).
fn conjunction(p: &mut Parser, depth: usize) -> Option<Expr> {
    let mut parts = vec![test(p, depth)?];
    while p.keyword("and") {
        p.next();
        parts.push(test(p, depth)?);
    }
    Some(if parts.len() == 1 {
        parts.remove(0)
    } else {
        Expr::And(parts)
    })
}

fn literal(t: Token) -> Option<String> {
    match t {
        Token::Str(s) | Token::Num(s) => Some(s),
        _ => None,
    }
}

fn test(p: &mut Parser, depth: usize) -> Option<Expr> {
    match p.next()? {
        Token::Open if depth < MAX_NESTING => {
            let inner = disjunction(p, depth + 1)?;
            p.eat(&Token::Close)?;
            Some(inner)
        }
        Token::Ref(question) => {
            p.eat(&Token::Op(Op::Eq))?;
            let choice = literal(p.next()?)?;
            Some(Expr::Test(Test {
                question,
                choice,
                equals: true,
            }))
        }
        Token::Ident(f) if f == "selected" => {
            p.eat(&Token::Open)?;
            let Token::Ref(question) = p.next()? else {
                return None;
            };
            p.eat(&Token::Comma)?;
            let choice = literal(p.next()?)?;
            p.eat(&Token::Close)?;
            Some(Expr::Test(Test {
                question,
                choice,
                equals: false,
            }))
        }
        _ => None,
    }
}

/// The names in a label's `${name}` references, in order, each once.
pub fn references(label: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut rest = label;
    while let Some(start) = rest.find("${") {
        let after = &rest[start + 2..];
        let Some(end) = after.find('}') else {
            break;
        };
        let name = after[..end].trim().to_owned();
        if !name.is_empty() && !out.contains(&name) {
            out.push(name);
        }
        rest = &after[end + 1..];
    }
    out
}

/// What a constraint bounds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Subject {
    /// `.`: the number answered.
    Value,
    /// `count-selected(.)`: how many choices are ticked.
    CountSelected,
    /// `string-length(.)`: how long the text is.
    StringLength,
}

/// One comparison of a range constraint, read as `subject op number`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bound {
    pub op: Op,
    /// The number as written, such as `120` or `2.5`.
    pub number: String,
}

/// Reads a range constraint: comparisons of one subject with numbers, joined by `and`.
pub fn constraint(s: &str) -> Option<(Subject, Vec<Bound>)> {
    let mut p = Parser {
        tokens: tokens(s)?,
        at: 0,
    };
    let mut subject = None;
    let mut bounds = Vec::new();
    loop {
        let (s, b) = comparison(&mut p)?;
        if subject.is_some_and(|known| known != s) {
            return None;
        }
        subject = Some(s);
        bounds.push(b);
        if p.keyword("and") {
            p.next();
        } else {
            break;
        }
    }
    (p.done()).then_some((subject?, bounds))
}

fn subject(p: &mut Parser) -> Option<Subject> {
    match p.next()? {
        Token::Dot => Some(Subject::Value),
        Token::Ident(f) if f == "count-selected" || f == "string-length" => {
            p.eat(&Token::Open)?;
            p.eat(&Token::Dot)?;
            p.eat(&Token::Close)?;
            Some(if f == "count-selected" {
                Subject::CountSelected
            } else {
                Subject::StringLength
            })
        }
        _ => None,
    }
}

fn comparison(p: &mut Parser) -> Option<(Subject, Bound)> {
    if p.peek() == Some(&Token::Open) {
        p.next();
        let inner = comparison(p)?;
        p.eat(&Token::Close)?;
        return Some(inner);
    }
    if let Some(Token::Num(number)) = p.peek().cloned() {
        // `0 <= .`
        p.next();
        let Token::Op(op) = p.next()? else {
            return None;
        };
        let s = subject(p)?;
        return Some((
            s,
            Bound {
                op: op.flipped(),
                number,
            },
        ));
    }
    let s = subject(p)?;
    let Token::Op(op) = p.next()? else {
        return None;
    };
    let Token::Num(number) = p.next()? else {
        return None;
    };
    Some((s, Bound { op, number }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Any text is read or refused, never a panic (the cells come from anyone's workbook).
        #[test]
        fn any_text_is_read_or_refused(s in "\\PC{0,40}", t in "[${}()'\". <>=!,a-z0-9_-]{0,30}") {
            for text in [&s, &t] {
                let _ = relevant(text);
                let _ = constraint(text);
            }
        }
    }

    fn t(question: &str, choice: &str, equals: bool) -> Test {
        Test {
            question: question.into(),
            choice: choice.into(),
            equals,
        }
    }

    /// The tests of a relevant that only joins tests with `or` (what phieu read before `and`).
    fn or_tests(s: &str) -> Option<Vec<Test>> {
        match relevant(s)? {
            Expr::Test(t) => Some(vec![t]),
            Expr::Or(parts) => parts
                .into_iter()
                .map(|p| match p {
                    Expr::Test(t) => Some(t),
                    _ => None,
                })
                .collect(),
            Expr::And(_) => None,
        }
    }

    #[test]
    fn simple_relevants_are_read() {
        let cases: [(&str, Vec<Test>); 6] = [
            ("${q1} = 'yes'", vec![t("q1", "yes", true)]),
            ("${q1}='yes'", vec![t("q1", "yes", true)]),
            ("${ q1 } = \"yes\"", vec![t("q1", "yes", true)]),
            ("selected(${q2}, 'khac')", vec![t("q2", "khac", false)]),
            (
                "${q1} = 'a' or selected(${q1}, 'b')",
                vec![t("q1", "a", true), t("q1", "b", false)],
            ),
            (
                "(${q1} = 1) or (${q1} = 2)",
                vec![t("q1", "1", true), t("q1", "2", true)],
            ),
        ];
        for (s, expected) in cases {
            assert_eq!(or_tests(s), Some(expected), "{s}");
        }
        // Excel's autocorrected quotes.
        assert_eq!(or_tests("${q1} = ‘co’"), Some(vec![t("q1", "co", true)]));
    }

    #[test]
    fn and_binds_tighter_than_or_and_brackets_nest() {
        let test = |q: &str, c: &str| Expr::Test(t(q, c, true));
        assert_eq!(
            relevant("${a} = 'y' and ${b} = 'x' or ${c} = '1'"),
            Some(Expr::Or(vec![
                Expr::And(vec![test("a", "y"), test("b", "x")]),
                test("c", "1"),
            ]))
        );
        assert_eq!(
            relevant("${a} = 'y' and (${b} = 'x' or ${c} = '1')"),
            Some(Expr::And(vec![
                test("a", "y"),
                Expr::Or(vec![test("b", "x"), test("c", "1")]),
            ]))
        );
        let deep = format!("{}${{a}} = 'y'{}", "(".repeat(40), ")".repeat(40));
        assert_eq!(relevant(&deep), None);
        assert_eq!(
            references("Giới tính của ${ten} (${ ten }, ${tuoi} tuổi)?"),
            ["ten", "tuoi"]
        );
        assert!(references("no ${ reference").is_empty());
    }

    #[test]
    fn other_relevants_are_refused() {
        for s in [
            "",
            "${q1} != 'yes'",
            "${q1} = 'a' and",
            "not(selected(${q1}, 'a'))",
            "${age} > 18",
            "${q1} = ${q2}",
            "/data/q1 = 'yes'",
            "${q1} = 'yes' or",
            "count(${q1}) = 1",
            "${q1",
            "${q1} = 'unclosed",
        ] {
            assert_eq!(relevant(s), None, "{s}");
        }
    }

    fn b(op: Op, number: &str) -> Bound {
        Bound {
            op,
            number: number.into(),
        }
    }

    #[test]
    fn range_constraints_are_read() {
        assert_eq!(
            constraint(". >= 0 and . <= 120"),
            Some((Subject::Value, vec![b(Op::Ge, "0"), b(Op::Le, "120")]))
        );
        assert_eq!(
            constraint(".>=-5 and .<10"),
            Some((Subject::Value, vec![b(Op::Ge, "-5"), b(Op::Lt, "10")]))
        );
        assert_eq!(
            constraint("0 <= . and (. <= 2.5)"),
            Some((Subject::Value, vec![b(Op::Ge, "0"), b(Op::Le, "2.5")]))
        );
        assert_eq!(
            constraint("count-selected(.) <= 3"),
            Some((Subject::CountSelected, vec![b(Op::Le, "3")]))
        );
        assert_eq!(
            constraint("string-length(.) <= 200"),
            Some((Subject::StringLength, vec![b(Op::Le, "200")]))
        );
    }

    #[test]
    fn other_constraints_are_refused() {
        for s in [
            ". >= 0 or . <= 120",
            ". >= ${min}",
            "regex(., '^[0-9]+$')",
            ". >= 0 and count-selected(.) <= 2",
            ". > 0 and",
            "today() > .",
            ". + 1 < 5",
        ] {
            assert_eq!(constraint(s), None, "{s}");
        }
    }
}
