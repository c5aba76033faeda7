"""Checks a seeded database (scripts/test runs it on a small seed): every
counter the components keep equals what its rows say, and the schema is
the one the gate would apply.

    python3 scripts/seed.d/check.py DB
"""
import pathlib
import sqlite3
import sys

ROOT = pathlib.Path(__file__).resolve().parents[2]
conn = sqlite3.connect(sys.argv[1])
CHECKS = {
    "schema version": ("SELECT (SELECT user_version FROM pragma_user_version) - ?",
                       (len(list((ROOT / "db" / "migrations").glob("*.sql"))),)),
    "proposal supports": ("SELECT count(*) FROM proposals p WHERE supports != "
                          "(SELECT count(*) FROM proposal_supports s WHERE s.proposal_id = p.id)", ()),
    "proposal comments": ("SELECT count(*) FROM proposals p WHERE comments_count != (SELECT count(*) "
                          "FROM comments c WHERE c.resource = 'proposal' AND c.resource_id = p.id)", ()),
    "discussion comments": ("SELECT count(*) FROM discussions d WHERE comments_count != (SELECT count(*) "
                            "FROM comments c WHERE c.resource = 'discussion' AND c.resource_id = d.id)", ()),
    "replies": ("SELECT count(*) FROM comments p WHERE replies != "
                "(SELECT count(*) FROM comments c WHERE c.parent_id = p.id)", ()),
    "process proposals": ("SELECT count(*) FROM processes p WHERE proposals_count != (SELECT count(*) "
                          "FROM proposals x WHERE x.process_id = p.id AND x.state = 'published')", ()),
    # The demo commune's own processes show figures without rows behind them.
    "process participants": ("SELECT count(*) FROM processes p WHERE slug LIKE 'concertation-%' AND participants "
                             "!= (SELECT count(*) FROM process_participants x WHERE x.process_id = p.id)", ()),
    "questionnaire responses": ("SELECT count(*) FROM questionnaires q WHERE responses_count != (SELECT count(*) "
                                "FROM responses r WHERE r.questionnaire_id = q.id AND r.status = 'submitted')", ()),
    "answered tallies": ("SELECT count(*) FROM answer_tallies t WHERE bucket = 'answered' AND n != "
                         "(SELECT count(*) FROM answers a WHERE a.question_id = t.question_id)", ()),
    "residents": ("SELECT (SELECT n FROM resident_count) - "
                  "(SELECT count(*) FROM users WHERE deleted_at IS NULL AND role = 'citizen')", ()),
    "integrity": ("SELECT count(*) FROM pragma_integrity_check WHERE integrity_check != 'ok'", ()),
    "foreign keys": ("SELECT count(*) FROM pragma_foreign_key_check", ()),
}
bad = []
for name, (sql, params) in CHECKS.items():
    n = conn.execute(sql, params).fetchone()[0]
    if n:
        bad.append(f"{name}: {n}")
if bad:
    sys.exit("seed check failed: " + "; ".join(bad))
print(f"seed check: {len(CHECKS)} checks passed")
