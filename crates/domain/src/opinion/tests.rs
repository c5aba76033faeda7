//! Tests of the parent module.

use super::*;
use Vote::{Agree as A, Disagree as D, Pass as P};

#[test]
fn statements_are_one_short_line() {
    assert_eq!(
        statement("  Plus d'arbres\r\n le long   de la Loire. "),
        Ok("Plus d'arbres le long de la Loire.".to_string())
    );
    assert_eq!(statement(" \n "), Err(FieldError::Required));
    assert_eq!(statement(&"é".repeat(140)), Ok("é".repeat(140)));
    assert_eq!(statement(&"é".repeat(141)), Err(FieldError::TooLong));
    assert_eq!(statement("a\u{7}b"), Err(FieldError::InvalidCharacters));
}

#[test]
fn votes_parse_from_their_names_only() {
    for v in Vote::ALL {
        assert_eq!(v.as_str().parse::<Vote>(), Ok(v));
    }
    assert_eq!("maybe".parse::<Vote>(), Err(FieldError::InvalidChoice));
    assert_eq!("".parse::<Vote>(), Err(FieldError::InvalidChoice));
}

/// Two camps of three: 0–2 agree with statements 0 and 1 and reject 2;
/// 3–5 the opposite; everyone agrees with 3. Participant 6 voted twice only.
fn two_camps() -> Votes {
    let rows = [
        [A, A, D, A],
        [A, A, D, A],
        [A, P, D, A],
        [D, D, A, A],
        [D, D, A, A],
        [D, D, A, P],
    ];
    let mut votes = Votes::new(7, 4);
    for (p, row) in rows.iter().enumerate() {
        for (s, v) in row.iter().enumerate() {
            votes.set(p, s, *v);
        }
    }
    votes.set(6, 0, A);
    votes.set(6, 1, A);
    votes
}

#[test]
fn two_camps_and_their_common_ground() {
    let map = map(&two_camps()).expect("a map");
    assert_eq!(map.groups.len(), 2, "{map:?}");
    let mut members: Vec<Vec<usize>> = map.groups.iter().map(|g| g.members.clone()).collect();
    members.sort();
    assert_eq!(members, vec![vec![0, 1, 2], vec![3, 4, 5]]);
    assert_eq!(
        map.points.len(),
        6,
        "the participant with two votes is left off"
    );
    assert!(map.silhouette > 0.8, "clear camps: {}", map.silhouette);
    // Statement 3 is the consensus: the first camp all agree, the second
    // two out of three (the third passed), so at least 2/3 of every group.
    assert_eq!(map.consensus.len(), 1);
    assert_eq!(map.consensus[0].statement, 3);
    assert!(map.consensus[0].agree);
    assert!((map.consensus[0].share - 2.0 / 3.0).abs() < 1e-12);
    // What sets the first camp apart: agreeing with 0 and 1, rejecting 2.
    let camp = map.groups.iter().find(|g| g.members.contains(&0)).unwrap();
    let statements: Vec<(usize, bool)> = camp
        .distinctive
        .iter()
        .map(|s| (s.statement, s.agree))
        .collect();
    assert!(
        statements.contains(&(0, true)) && statements.contains(&(2, false)),
        "{statements:?}"
    );
    assert!(
        !statements.iter().any(|(s, _)| *s == 3),
        "the consensus sets nobody apart"
    );
}

#[test]
fn too_few_participants_make_no_map() {
    let mut votes = Votes::new(3, 3);
    for p in 0..3 {
        for s in 0..3 {
            votes.set(p, s, A);
        }
    }
    assert!(map(&votes).is_none());
    assert!(map(&Votes::new(0, 0)).is_none());
}

#[test]
fn projection_separates_opposite_votes() {
    let votes = two_camps();
    let coords = project(&votes, &[0, 1, 3, 4]);
    // The camps land on opposite sides of the first axis.
    assert!(coords[0].0 * coords[2].0 < 0.0, "{coords:?}");
    assert!((coords[0].0 - coords[1].0).abs() < 1e-9);
}

#[test]
fn deterministic() {
    assert_eq!(map(&two_camps()), map(&two_camps()));
}
