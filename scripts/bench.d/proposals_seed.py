"""Adds a large process to a Palabre database, for scripts/bench: PROPOSALS
published proposals and SUPPORTS supports from USERS residents, drawn with a
fixed seed. Prints the process slug, a proposal id, and the cursor of the
list's page 500 (newest first, 20 a page).

    python3 scripts/bench.d/proposals_seed.py DB [PROPOSALS] [SUPPORTS] [USERS]
"""
import random
import sqlite3
import sys
import time

db = sys.argv[1]
n_proposals = int(sys.argv[2]) if len(sys.argv) > 2 else 100_000
n_supports = int(sys.argv[3]) if len(sys.argv) > 3 else 1_000_000
n_users = int(sys.argv[4]) if len(sys.argv) > 4 else 20_000
rng = random.Random(11)
now = int(time.time())
conn = sqlite3.connect(db, timeout=60)
conn.execute("PRAGMA busy_timeout = 60000")
WORDS = ("jardin banc vélo parc école piste arbre fontaine marché place rue quai aire jeux "
         "éclairage trottoir bus navette composteur terrain").split()
with conn:
    pid = conn.execute(
        "INSERT INTO processes (slug, title, starts_on, ends_on, status, created_at, updated_at, support_threshold) "
        "VALUES ('bench-propositions', 'Propositions (banc d''essai)', date('now', '-30 days'), date('now', '+60 days'), "
        "'published', ?, ?, 500)", (now, now)).lastrowid
    conn.execute(
        "INSERT INTO process_phases (process_id, position, name, starts_on, ends_on, tools, opened_announced) "
        "VALUES (?, 0, 'Propositions', date('now', '-30 days'), date('now', '+60 days'), 'proposal', 1)", (pid,))
    categories = [r[0] for r in conn.execute("SELECT id FROM proposal_categories")] or [None]
    districts = [r[0] for r in conn.execute("SELECT id FROM districts")] or [None]
    first_user = conn.execute("SELECT coalesce(max(id), 0) + 1 FROM users").fetchone()[0]
    conn.executemany(
        "INSERT INTO users (email, display_name, created_at, email_confirmed_at) VALUES (?, ?, ?, ?)",
        [(f"prop-{u}@bench.invalid", f"Résident {u}", now, now) for u in range(n_users)])
    users = list(range(first_user, first_user + n_users))
    rows = []
    for i in range(n_proposals):
        words = " ".join(rng.choice(WORDS) for _ in range(6))
        at = now - 86400 * 30 + i * 20
        # A third are located, around one town centre.
        located = rng.random() < 0.3
        lat = 47.39 + rng.uniform(-0.02, 0.02) if located else None
        lon = 0.98 + rng.uniform(-0.03, 0.03) if located else None
        rows.append((pid, rng.choice(users), f"Proposition {i + 1} : {words}",
                     f"Texte de la proposition {i + 1}. {words} {words}.", rng.choice(categories),
                     rng.choice(districts), lat, lon, rng.getrandbits(31), at, at, at))
    conn.executemany(
        "INSERT INTO proposals (process_id, user_id, title, body, category_id, district_id, latitude, longitude, "
        "state, shuffle, published_at, created_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'published', ?, ?, ?, ?)", rows)
    ids = [r[0] for r in conn.execute("SELECT id FROM proposals WHERE process_id = ? ORDER BY id", (pid,))]
    # Supports: a few popular proposals, a long tail (Zipf-like), no duplicates.
    seen = set()
    supports = []
    while len(supports) < n_supports:
        p = ids[min(int(rng.paretovariate(1.2)) - 1, len(ids) - 1) if rng.random() < 0.3 else rng.randrange(len(ids))]
        u = rng.choice(users)
        if (p, u) in seen:
            continue
        seen.add((p, u))
        supports.append((p, u, pid, now))
    conn.executemany(
        "INSERT INTO proposal_supports (proposal_id, user_id, process_id, created_at) VALUES (?, ?, ?, ?)", supports)
    conn.execute(
        "UPDATE proposals SET supports = (SELECT count(*) FROM proposal_supports s WHERE s.proposal_id = proposals.id) "
        "WHERE process_id = ?", (pid,))
    page500 = conn.execute(
        "SELECT published_at, id FROM proposals WHERE process_id = ? AND state = 'published' "
        "ORDER BY published_at DESC, id DESC LIMIT 1 OFFSET 9979", (pid,)).fetchone()
    popular = conn.execute(
        "SELECT id FROM proposals WHERE process_id = ? ORDER BY supports DESC LIMIT 1", (pid,)).fetchone()[0]
print("bench-propositions", popular, f"{page500[0]}.{page500[1]}")
