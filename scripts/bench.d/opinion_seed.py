"""Adds a discussion with a large opinion map to a Palabre database, for
scripts/bench: PARTICIPANTS residents voting on 60 % of STATEMENTS statements,
drawn from three hidden camps with a fixed seed (the same votes every run).

    python3 scripts/bench.d/opinion_seed.py DB [PARTICIPANTS] [STATEMENTS]
"""
import random
import sqlite3
import sys
import time

db = sys.argv[1]
participants = int(sys.argv[2]) if len(sys.argv) > 2 else 2000
statements = int(sys.argv[3]) if len(sys.argv) > 3 else 300
rng = random.Random(42)
conn = sqlite3.connect(db, timeout=30)
conn.execute("PRAGMA busy_timeout = 30000")
now = int(time.time())
with conn:
    admin = conn.execute("SELECT id FROM users WHERE role = 'admin' ORDER BY id LIMIT 1").fetchone()[0]
    cur = conn.execute(
        "INSERT INTO discussions (slug, question, opens_on, closes_on, status, opinion_map, created_at, updated_at) "
        "VALUES ('bench-carte', 'Carte des opinions (banc d''essai)', date('now', '-1 day'), date('now', '+30 days'), "
        "'published', 1, ?, ?)",
        (now, now),
    )
    discussion = cur.lastrowid
    conn.executemany(
        "INSERT INTO opinion_statements (discussion_id, user_id, body, status, created_at, moderated_at) "
        "VALUES (?, ?, ?, 'accepted', ?, ?)",
        [(discussion, admin, f"Affirmation numéro {s + 1} du banc d'essai.", now, now) for s in range(statements)],
    )
    ids = [r[0] for r in conn.execute(
        "SELECT id FROM opinion_statements WHERE discussion_id = ? ORDER BY id", (discussion,))]
    conn.executemany(
        "INSERT INTO users (email, display_name, created_at, email_confirmed_at) VALUES (?, ?, ?, ?)",
        [(f"banc-{p}@bench.invalid", f"Banc {p}", now, now) for p in range(participants)],
    )
    users = [r[0] for r in conn.execute(
        "SELECT id FROM users WHERE email LIKE 'banc-%@bench.invalid' ORDER BY id")]
    leanings = [[rng.uniform(-1, 1) for _ in ids] for _ in range(3)]
    rows = []
    for p, user in enumerate(users):
        camp = leanings[p % 3]
        for s, sid in enumerate(ids):
            if rng.random() > 0.6:
                continue
            r = rng.uniform(-1, 1)
            vote = "agree" if r < camp[s] - 0.3 else "disagree" if r > camp[s] + 0.3 else "pass"
            rows.append((sid, user, discussion, vote, now))
    conn.executemany(
        "INSERT INTO opinion_votes (statement_id, user_id, discussion_id, vote, created_at) VALUES (?, ?, ?, ?, ?)",
        rows,
    )
print(f"{discussion} {len(users)} {len(ids)} {len(rows)}")
