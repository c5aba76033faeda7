//! Who may do what with a questionnaire, in one place: its pages ask here
//! which links and forms to show, and each handler asks the same.

use palabre_domain::process::Status;
use palabre_kit::Visitor;

use crate::store::Questionnaire;

/// A draft is seen by the commune's staff only.
pub fn may_see(v: &Visitor, q: &Questionnaire) -> bool {
    q.published || v.role.is_staff()
}

/// Published and between its dates: answers are taken.
pub fn is_open(q: &Questionnaire) -> bool {
    q.published && palabre_kit::participation::status_of(&q.opens_on, &q.closes_on) == Status::Open
}

/// Staff made the results public, from the day they chose (`today`, ISO).
pub fn results_public_on(q: &Questionnaire, today: &str) -> bool {
    q.published && q.results_public && q.results_from.as_deref().is_none_or(|from| from <= today)
}

/// [`results_public_on`] today.
pub fn results_public(q: &Questionnaire) -> bool {
    results_public_on(q, &palabre_kit::today().iso())
}

/// Results are shown to staff, and to everyone once public.
pub fn may_see_results(v: &Visitor, q: &Questionnaire) -> bool {
    v.role.is_staff() || results_public(q)
}

/// Building, exporting, reading the free-text answers: staff.
pub fn may_build(v: &Visitor) -> bool {
    v.role.is_staff()
}

#[cfg(test)]
mod tests {
    use super::*;
    use palabre_domain::Role;

    fn questionnaire(published: bool, results_from: Option<&str>) -> Questionnaire {
        Questionnaire {
            id: 1,
            slug: "q".into(),
            title: "Q".into(),
            intro: String::new(),
            opens_on: "2000-01-01".into(),
            closes_on: "2999-12-31".into(),
            published,
            anonymous: false,
            results_public: true,
            results_from: results_from.map(str::to_string),
            open_data_text: false,
            version: 1,
            responses_count: 0,
            process: None,
        }
    }

    #[test]
    fn drafts_and_results_not_yet_public_are_the_staffs() {
        let staff = Visitor {
            user_id: Some(9),
            role: Role::Moderator,
            ..Visitor::default()
        };
        let resident = Visitor {
            user_id: Some(7),
            role: Role::Citizen,
            ..Visitor::default()
        };
        let draft = questionnaire(false, None);
        assert!(may_see(&staff, &draft) && !may_see(&resident, &draft));
        assert!(!is_open(&draft) && is_open(&questionnaire(true, None)));
        let later = questionnaire(true, Some("2999-01-01"));
        assert!(!results_public_on(&later, "2026-12-01"));
        assert!(results_public_on(&later, "2999-01-01"));
        assert!(may_see_results(&staff, &later) && !may_see_results(&resident, &later));
        assert!(!results_public_on(&draft, "2999-01-01"));
        assert!(may_build(&staff) && !may_build(&resident));
    }
}
