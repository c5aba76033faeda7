//! What a thread shows of the rows it loaded, and in which order: pure, so
//! that the rules (hidden comments for moderators only, a withdrawn comment
//! kept only to hold its replies, the official answer first) are tested
//! without a database.

use std::collections::HashMap;

use palabre_domain::comment::{self, Stance};
use palabre_domain::ranking::{BestKey, Signals};

use super::{Sort, View, Viewer, stance_name};

/// A top-level comment's order figures (the first query).
pub struct TopRow {
    pub id: i64,
    pub stance: Option<String>,
    pub up: i64,
    pub down: i64,
    pub replies: i64,
    pub badge: Option<String>,
    pub created_at: i64,
    pub withdrawn: bool,
    pub hidden: bool,
}

/// A comment of the page (the second query: the page's top-level comments
/// and all their replies).
pub struct Row {
    pub id: i64,
    pub parent_id: Option<i64>,
    pub depth: u32,
    pub user_id: i64,
    pub author: String,
    pub body: String,
    pub stance: Option<String>,
    pub up: i64,
    pub down: i64,
    pub replies: i64,
    pub badge: Option<String>,
    pub created_at: i64,
    pub edited_at: Option<i64>,
    pub deleted_at: Option<i64>,
    pub hidden_at: Option<i64>,
    pub my_reaction: Option<String>,
    pub entered_at_desk: bool,
}

/// Visible top-level comments per stance, in [`Stance::ALL`] order.
pub fn stance_counts(rows: &[TopRow]) -> [i64; 3] {
    let mut counts = [0; 3];
    for r in rows.iter().filter(|r| !r.withdrawn && !r.hidden) {
        let index = Stance::ALL
            .iter()
            .position(|s| Some(s.as_str()) == r.stance.as_deref());
        if let Some(i) = index {
            counts[i] += 1;
        }
    }
    counts
}

/// The top-level comments `viewer` sees, of `stance` when one is chosen,
/// in `sort` order with the official answer first: their ids.
pub fn tops(
    rows: &[TopRow],
    viewer: Viewer,
    (sort, stance): (Sort, Option<Stance>),
    now: i64,
) -> Vec<i64> {
    struct Top {
        id: i64,
        best: BestKey,
        official: bool,
        created_at: i64,
    }
    let mut tops: Vec<Top> = rows
        .iter()
        .filter(|r| viewer.moderator || !r.hidden)
        // A withdrawn comment stays only to hold its replies.
        .filter(|r| !r.withdrawn || r.replies > 0)
        .filter(|r| stance.is_none_or(|s| stance_name(r.stance.as_deref()) == Some(s.as_str())))
        .map(|r| {
            let signals = Signals {
                up: u32::try_from(r.up).unwrap_or(0),
                down: u32::try_from(r.down).unwrap_or(0),
                replies: u32::try_from(r.replies).unwrap_or(0),
                impact: r.badge.as_deref() == Some("impact"),
                age_seconds: now - r.created_at,
            };
            Top {
                id: r.id,
                best: BestKey::of(&signals, r.id),
                official: r.badge.as_deref() == Some("official"),
                created_at: r.created_at,
            }
        })
        .collect();
    tops.sort_by(|a, b| {
        b.official.cmp(&a.official).then_with(|| match sort {
            Sort::Best => a.best.order(&b.best),
            Sort::Newest => b.created_at.cmp(&a.created_at).then(b.id.cmp(&a.id)),
            Sort::Oldest => a.created_at.cmp(&b.created_at).then(a.id.cmp(&b.id)),
        })
    });
    tops.into_iter().map(|t| t.id).collect()
}

/// The page's comments as `viewer` sees them: the top-level ones in
/// `shown`'s order, each with its replies (in the rows' order, oldest first).
pub fn tree(rows: &[Row], shown: &[i64], viewer: Viewer, now: i64) -> Vec<View> {
    let mut children: HashMap<Option<i64>, Vec<&Row>> = HashMap::new();
    for row in rows {
        children.entry(row.parent_id).or_default().push(row);
    }
    let by_id: HashMap<i64, &Row> = rows
        .iter()
        .filter(|r| r.parent_id.is_none())
        .map(|r| (r.id, r))
        .collect();
    shown
        .iter()
        .filter_map(|id| by_id.get(id))
        .filter_map(|r| view(r, &children, viewer, now))
        .collect()
}

fn view(
    row: &Row,
    children: &HashMap<Option<i64>, Vec<&Row>>,
    viewer: Viewer,
    now: i64,
) -> Option<View> {
    if row.hidden_at.is_some() && !viewer.moderator {
        return None;
    }
    let replies: Vec<View> = children
        .get(&Some(row.id))
        .map(|list| {
            list.iter()
                .filter_map(|r| view(r, children, viewer, now))
                .collect()
        })
        .unwrap_or_default();
    let withdrawn = row.deleted_at.is_some();
    if withdrawn && replies.is_empty() {
        return None;
    }
    let mine = viewer.user_id == Some(row.user_id);
    Some(View {
        id: row.id,
        depth: row.depth,
        author: if withdrawn {
            String::new()
        } else {
            row.author.clone()
        },
        author_id: (!withdrawn && row.author != crate::privacy::TOMBSTONE_NAME)
            .then_some(row.user_id),
        body: if withdrawn {
            String::new()
        } else {
            row.body.clone()
        },
        stance: stance_name(row.stance.as_deref()),
        up: row.up,
        down: row.down,
        replies: row.replies,
        badge: row.badge.clone(),
        created_at: row.created_at,
        edited: row.edited_at.is_some(),
        entered_at_desk: row.entered_at_desk,
        withdrawn,
        hidden: row.hidden_at.is_some(),
        mine,
        my_reaction: row.my_reaction.clone(),
        editable: mine && !withdrawn && comment::editable(row.created_at, now),
        can_reply: !withdrawn && comment::reply_depth(row.depth).is_some(),
        children: replies,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOW: i64 = 1_800_000_000;
    const READER: Viewer = Viewer {
        user_id: Some(7),
        moderator: false,
    };
    const MODERATOR: Viewer = Viewer {
        user_id: Some(9),
        moderator: true,
    };

    fn top(id: i64, up: i64, badge: Option<&str>) -> TopRow {
        TopRow {
            id,
            stance: Some("for".into()),
            up,
            down: 0,
            replies: 0,
            badge: badge.map(str::to_string),
            created_at: NOW - id * 60,
            withdrawn: false,
            hidden: false,
        }
    }

    fn row(id: i64, parent_id: Option<i64>, user_id: i64) -> Row {
        Row {
            id,
            parent_id,
            depth: if parent_id.is_some() { 2 } else { 1 },
            user_id,
            author: format!("A{id}"),
            body: format!("B{id}"),
            stance: None,
            up: 0,
            down: 0,
            replies: 0,
            badge: None,
            created_at: NOW - 60,
            edited_at: None,
            deleted_at: None,
            hidden_at: None,
            my_reaction: None,
            entered_at_desk: false,
        }
    }

    #[test]
    fn the_official_answer_comes_first_then_the_order_asked() {
        let rows = [
            top(1, 0, None),
            top(2, 9, None),
            top(3, 0, Some("official")),
        ];
        assert_eq!(tops(&rows, READER, (Sort::Best, None), NOW), vec![3, 2, 1]);
        assert_eq!(
            tops(&rows, READER, (Sort::Newest, None), NOW),
            vec![3, 1, 2]
        );
        assert_eq!(
            tops(&rows, READER, (Sort::Oldest, None), NOW),
            vec![3, 2, 1]
        );
    }

    #[test]
    fn hidden_comments_are_the_moderators_and_a_withdrawn_one_holds_its_replies() {
        let mut hidden = top(1, 0, None);
        hidden.hidden = true;
        let mut withdrawn = top(2, 0, None);
        withdrawn.withdrawn = true;
        let mut holding = top(3, 0, None);
        holding.withdrawn = true;
        holding.replies = 1;
        let mut against = top(4, 0, None);
        against.stance = Some("against".into());
        let rows = [hidden, withdrawn, holding, against];
        assert_eq!(tops(&rows, READER, (Sort::Oldest, None), NOW), vec![4, 3]);
        assert_eq!(
            tops(&rows, MODERATOR, (Sort::Oldest, None), NOW),
            vec![4, 3, 1]
        );
        let only = (Sort::Oldest, Some(Stance::Against));
        assert_eq!(tops(&rows, READER, only, NOW), vec![4]);
        // Only visible comments count, by stance.
        let counts = stance_counts(&rows);
        let against_at = Stance::ALL.iter().position(|s| *s == Stance::Against);
        assert_eq!(counts.iter().sum::<i64>(), 1);
        assert_eq!(against_at.map(|i| counts[i]), Some(1));
    }

    #[test]
    fn replies_nest_under_their_comment_in_the_page_order() {
        let mut gone = row(5, None, 8);
        gone.deleted_at = Some(NOW);
        let mut hidden_reply = row(4, Some(1), 8);
        hidden_reply.hidden_at = Some(NOW);
        let rows = [
            row(1, None, 7),
            row(2, Some(1), 8),
            row(3, None, 8),
            hidden_reply,
            gone,
        ];
        let page = tree(&rows, &[3, 1, 5], READER, NOW);
        let ids: Vec<i64> = page.iter().map(|v| v.id).collect();
        // 5 was withdrawn with no replies: gone.
        assert_eq!(ids, vec![3, 1]);
        let first = &page[1];
        assert_eq!(
            first.children.iter().map(|c| c.id).collect::<Vec<_>>(),
            vec![2]
        );
        assert!(first.mine && first.editable && first.can_reply);
        assert!(!page[0].mine);
        let seen = tree(&rows, &[1], MODERATOR, NOW);
        assert_eq!(seen[0].children.len(), 2);
        assert!(seen[0].children[1].hidden);
    }

    #[test]
    fn a_withdrawn_comment_with_replies_shows_no_author_or_text() {
        let mut withdrawn = row(1, None, 7);
        withdrawn.deleted_at = Some(NOW);
        let rows = [withdrawn, row(2, Some(1), 8)];
        let page = tree(&rows, &[1], READER, NOW);
        assert!(page[0].withdrawn);
        assert_eq!((page[0].author.as_str(), page[0].body.as_str()), ("", ""));
        assert_eq!(page[0].author_id, None);
        assert!(!page[0].editable && !page[0].can_reply);
    }
}
