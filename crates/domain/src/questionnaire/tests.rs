//! Tests of the parent module.

use super::*;

fn q(kind: Kind) -> Question {
    Question {
        id: 7,
        kind,
        required: false,
        options: vec!["Vélo".into(), "Bus".into(), "Voiture".into()],
        rows: vec!["Matin".into(), "Soir".into()],
        other: false,
        min: None,
        max: None,
        condition: None,
    }
}

fn form(pairs: &[(&str, &str)]) -> impl Fn(&str) -> Vec<String> {
    let pairs: Vec<(String, String)> = pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    move |name: &str| {
        pairs
            .iter()
            .filter(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
            .collect()
    }
}

#[test]
fn texts() {
    let mut short = q(Kind::ShortText);
    assert_eq!(
        parse(&short, &form(&[("q7", "  Bonjour ")])),
        Ok(Some(Answer::Text("Bonjour".into())))
    );
    assert_eq!(parse(&short, &form(&[])), Ok(None));
    short.required = true;
    assert_eq!(
        parse(&short, &form(&[("q7", " ")])),
        Err(AnswerError::Required)
    );
    let long = "a".repeat(MAX_SHORT_TEXT + 1);
    assert_eq!(
        parse(&short, &form(&[("q7", &long)])),
        Err(AnswerError::TooLong(MAX_SHORT_TEXT))
    );
    assert!(parse(&q(Kind::LongText), &form(&[("q7", &long)])).is_ok());
}

#[test]
fn single_choice_with_other() {
    let mut single = q(Kind::Single);
    assert_eq!(
        parse(&single, &form(&[("q7", "1")])),
        Ok(Some(Answer::Choice(Pick::Option(1))))
    );
    assert_eq!(
        parse(&single, &form(&[("q7", "3")])),
        Err(AnswerError::InvalidChoice)
    );
    assert_eq!(
        parse(&single, &form(&[("q7", "other")])),
        Err(AnswerError::InvalidChoice)
    );
    single.other = true;
    assert_eq!(
        parse(&single, &form(&[("q7", "other")])),
        Err(AnswerError::OtherMissing)
    );
    let a = parse(
        &single,
        &form(&[("q7", "other"), ("q7_other", "Trottinette")]),
    )
    .unwrap()
    .unwrap();
    assert_eq!(a, Answer::Choice(Pick::Other("Trottinette".into())));
    assert_eq!(Answer::decode(Kind::Single, &a.encode()), Some(a.clone()));
    assert_eq!(a.buckets(), vec!["answered", "other"]);
}

#[test]
fn multiple_choice_counts_options_within_bounds() {
    let mut multiple = q(Kind::Multiple);
    multiple.min = Some(2);
    multiple.max = Some(2);
    multiple.other = true;
    assert_eq!(
        parse(&multiple, &form(&[("q7", "0")])),
        Err(AnswerError::TooFew(2))
    );
    assert_eq!(
        parse(&multiple, &form(&[("q7", "0"), ("q7", "1"), ("q7", "2")])),
        Err(AnswerError::TooMany(2))
    );
    let a = parse(
        &multiple,
        &form(&[
            ("q7", "2"),
            ("q7", "other"),
            ("q7_other", "À pied, souvent"),
        ]),
    )
    .unwrap()
    .unwrap();
    assert_eq!(a, Answer::Choices(vec![2], Some("À pied, souvent".into())));
    assert_eq!(Answer::decode(Kind::Multiple, &a.encode()), Some(a.clone()));
    assert_eq!(a.buckets(), vec!["answered", "o2", "other"]);
    // The same option twice counts once.
    multiple.min = None;
    multiple.max = None;
    assert_eq!(
        parse(&multiple, &form(&[("q7", "1"), ("q7", "1")])),
        Ok(Some(Answer::Choices(vec![1], None)))
    );
}

#[test]
fn scales_numbers_dates_yes_no() {
    let mut scale = q(Kind::Scale);
    scale.max = Some(10);
    assert_eq!(
        parse(&scale, &form(&[("q7", "10")])),
        Ok(Some(Answer::Scale(10)))
    );
    assert_eq!(
        parse(&scale, &form(&[("q7", "11")])),
        Err(AnswerError::OutOfRange(1, 10))
    );
    assert_eq!(
        parse(&scale, &form(&[("q7", "0")])),
        Err(AnswerError::OutOfRange(1, 10))
    );
    let mut number = q(Kind::Number);
    number.min = Some(0);
    number.max = Some(120);
    assert_eq!(
        parse(&number, &form(&[("q7", "42,5")])),
        Ok(Some(Answer::Number(42.5)))
    );
    assert_eq!(
        parse(&number, &form(&[("q7", "douze")])),
        Err(AnswerError::NotANumber)
    );
    assert_eq!(
        parse(&number, &form(&[("q7", "NaN")])),
        Err(AnswerError::NotANumber)
    );
    assert_eq!(
        parse(&number, &form(&[("q7", "-1")])),
        Err(AnswerError::BelowMin(0))
    );
    assert_eq!(
        parse(&number, &form(&[("q7", "121")])),
        Err(AnswerError::AboveMax(120))
    );
    assert_eq!(Answer::Number(42.5).encode(), "42.5");
    assert_eq!(Answer::Number(3.0).encode(), "3");
    let date = q(Kind::Date);
    assert_eq!(
        parse(&date, &form(&[("q7", "2026-02-30")])),
        Err(AnswerError::InvalidDate)
    );
    let d = parse(&date, &form(&[("q7", "2026-11-26")]))
        .unwrap()
        .unwrap();
    assert_eq!(d.buckets(), vec!["answered", "d2026-11"]);
    let yes_no = q(Kind::YesNo);
    assert_eq!(
        parse(&yes_no, &form(&[("q7", "no")])),
        Ok(Some(Answer::YesNo(false)))
    );
    assert_eq!(
        parse(&yes_no, &form(&[("q7", "peut-être")])),
        Err(AnswerError::InvalidChoice)
    );
}

#[test]
fn rankings_are_complete_and_without_repeats() {
    let ranking = q(Kind::Ranking);
    let a = parse(
        &ranking,
        &form(&[("q7_r0", "2"), ("q7_r1", "3"), ("q7_r2", "1")]),
    )
    .unwrap()
    .unwrap();
    // Voiture first, then Vélo, then Bus.
    assert_eq!(a, Answer::Ranking(vec![2, 0, 1]));
    assert_eq!(Answer::decode(Kind::Ranking, &a.encode()), Some(a.clone()));
    assert_eq!(
        parse(&ranking, &form(&[("q7_r0", "1"), ("q7_r1", "2")])),
        Err(AnswerError::RankingIncomplete)
    );
    assert_eq!(
        parse(
            &ranking,
            &form(&[("q7_r0", "1"), ("q7_r1", "1"), ("q7_r2", "2")])
        ),
        Err(AnswerError::RankingRepeated)
    );
    assert_eq!(
        parse(
            &ranking,
            &form(&[("q7_r0", "1"), ("q7_r1", "2"), ("q7_r2", "4")])
        ),
        Err(AnswerError::InvalidChoice)
    );
}

#[test]
fn matrices_need_every_row_when_required() {
    let mut matrix = q(Kind::Matrix);
    let a = parse(&matrix, &form(&[("q7_m0", "2")])).unwrap().unwrap();
    assert_eq!(a, Answer::Matrix(vec![Some(2), None]));
    assert_eq!(Answer::decode(Kind::Matrix, &a.encode()), Some(a.clone()));
    assert_eq!(a.buckets(), vec!["answered", "m0:2"]);
    matrix.required = true;
    assert_eq!(
        parse(&matrix, &form(&[("q7_m0", "2")])),
        Err(AnswerError::RowMissing)
    );
    assert_eq!(
        parse(&matrix, &form(&[("q7_m0", "3"), ("q7_m1", "0")])),
        Err(AnswerError::InvalidChoice)
    );
}

#[test]
fn answers_go_back_to_their_form() {
    let mut base = q(Kind::Multiple);
    base.other = true;
    for (kind, answer) in [
        (Kind::ShortText, Answer::Text("Oui".into())),
        (Kind::Single, Answer::Choice(Pick::Other("Train".into()))),
        (
            Kind::Multiple,
            Answer::Choices(vec![0, 2], Some("Train".into())),
        ),
        (Kind::Scale, Answer::Scale(4)),
        (Kind::Number, Answer::Number(12.5)),
        (Kind::YesNo, Answer::YesNo(true)),
        (Kind::Ranking, Answer::Ranking(vec![1, 2, 0])),
        (Kind::Matrix, Answer::Matrix(vec![None, Some(1)])),
    ] {
        let question = Question {
            kind,
            ..base.clone()
        };
        let fields = answer.to_form(7);
        let pairs: Vec<(&str, &str)> = fields
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        assert_eq!(
            parse(&question, &form(&pairs)),
            Ok(Some(answer.clone())),
            "{kind}"
        );
    }
}

#[test]
fn conditions_follow_earlier_answers() {
    let mut later = q(Kind::ShortText);
    later.condition = Some(Condition {
        question_id: 3,
        option: 1,
    });
    let mut answers = HashMap::new();
    assert!(!shown(&later, &answers));
    answers.insert(3, Answer::Choices(vec![0, 1], None));
    assert!(shown(&later, &answers));
    answers.insert(3, Answer::Choice(Pick::Option(0)));
    assert!(!shown(&later, &answers));
    answers.insert(3, Answer::YesNo(false));
    assert!(shown(&later, &answers));
}

/// Hand-computed: five people, multiple choice. A: Vélo+Bus, B: Bus,
/// C: Vélo+Bus+Voiture, D: Bus+other, E: nothing (did not answer).
#[test]
fn results_count_options_not_combinations() {
    let mut multiple = q(Kind::Multiple);
    multiple.other = true;
    let mut tallies: HashMap<String, i64> = HashMap::new();
    for a in [
        Answer::Choices(vec![0, 1], None),
        Answer::Choices(vec![1], None),
        Answer::Choices(vec![0, 1, 2], None),
        Answer::Choices(vec![1], Some("Train".into())),
    ] {
        for b in a.buckets() {
            *tallies.entry(b).or_default() += 1;
        }
    }
    let r = results(&multiple, &tallies);
    assert_eq!(r.answered, 4);
    let Summary::Choices(lines) = r.summary else {
        panic!()
    };
    let counts: Vec<i64> = lines.iter().map(|l| l.count).collect();
    assert_eq!(counts, vec![2, 4, 1, 1]);
    assert_eq!(lines[1].percent, 100.0);
    assert_eq!(lines[0].percent, 50.0);
}

#[test]
fn scales_have_a_mean_and_median_rankings_a_borda_score() {
    let scale = q(Kind::Scale);
    let mut tallies = HashMap::new();
    // 1, 2, 2, 5 → mean 2.5, median 2.
    tallies.insert("answered".to_string(), 4);
    tallies.insert("v1".to_string(), 1);
    tallies.insert("v2".to_string(), 2);
    tallies.insert("v5".to_string(), 1);
    let Summary::Scale {
        mean,
        median,
        lines,
    } = results(&scale, &tallies).summary
    else {
        panic!()
    };
    assert_eq!((mean, median), (2.5, 2.0));
    assert_eq!(lines.len(), 5);
    // Rankings: [2,0,1] and [0,2,1] → Vélo 2+1, Bus 0+0, Voiture 1+2.
    let ranking = q(Kind::Ranking);
    let mut tallies: HashMap<String, i64> = HashMap::new();
    for a in [
        Answer::Ranking(vec![2, 0, 1]),
        Answer::Ranking(vec![0, 2, 1]),
    ] {
        for b in a.buckets() {
            *tallies.entry(b).or_default() += 1;
        }
    }
    let Summary::Ranking { scores, .. } = results(&ranking, &tallies).summary else {
        panic!()
    };
    assert_eq!(scores, vec![3, 0, 3]);
}

#[test]
fn medians() {
    assert_eq!(median(&[]), None);
    assert_eq!(median(&[(3.0, 1)]), Some(3.0));
    assert_eq!(median(&[(1.0, 1), (4.0, 1)]), Some(2.5));
    assert_eq!(median(&[(1.0, 3), (9.0, 1)]), Some(1.0));
    // Numbers with decimals are tallied by their exact value.
    let number = q(Kind::Number);
    let mut tallies: HashMap<String, i64> = HashMap::new();
    for v in [1.5, 10.0, 2.0] {
        for b in Answer::Number(v).buckets() {
            *tallies.entry(b).or_default() += 1;
        }
    }
    assert_eq!(
        results(&number, &tallies).summary,
        Summary::Number {
            mean: 4.5,
            median: 2.0,
            min: 1.5,
            max: 10.0
        }
    );
}

#[test]
fn csv_cells_are_quoted_and_defused() {
    assert_eq!(csv_cell("simple"), "simple");
    assert_eq!(csv_cell("a, b"), "\"a, b\"");
    assert_eq!(csv_cell("dit \"oui\""), "\"dit \"\"oui\"\"\"");
    assert_eq!(csv_cell("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
    assert_eq!(csv_cell("+33 6"), "'+33 6");
    assert_eq!(csv_cell("-2"), "'-2");
    assert_eq!(csv_cell("@SUM"), "'@SUM");
    assert_eq!(csv_cell("a\nb"), "\"a\nb\"");
}

#[test]
fn option_lists() {
    assert_eq!(
        option_list(" a \n\n b\r\n"),
        Ok(vec!["a".to_string(), "b".to_string()])
    );
    assert!(option_list(&"x\n".repeat(MAX_OPTIONS + 1)).is_err());
}
