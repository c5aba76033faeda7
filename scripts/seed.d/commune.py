"""Writes a large commune into a new SQLite database, for scripts/bench and for
trying Palabre at scale: the schema (db/migrations, as the gate applies them),
the demo commune (db/seed/demo.sql), then, drawn from a seeded random generator:

  20,000 residents, 50 processes with their phases, 100,000 proposals with
  1,000,000 supports, 200,000 comments (5,000 in one discussion), a
  questionnaire with 100,000 responses, and an opinion map (2,000 residents
  voting on 60 % of 300 statements), and a participatory budget's vote (50,000
  ballots on 300 projects in one envelope).

Every counter the components keep (supports, comments, replies, participants,
contributions, tallies) is computed from the rows, and the triggers of the
schema run, so the database is what the components would have written. The
same seed, scale and day give the same database, byte for byte (all dates are
taken from --today, not from the clock).

    python3 scripts/seed.d/commune.py DB [--seed N] [--scale F] [--today YYYY-MM-DD]

Prints one line of facts for scripts/bench (key=value).
"""
import argparse
import collections
import datetime
import os
import pathlib
import random
import sqlite3
import sys
import time
import urllib.parse

ROOT = pathlib.Path(__file__).resolve().parents[2]

ap = argparse.ArgumentParser()
ap.add_argument("db")
ap.add_argument("--seed", type=int, default=2026)
ap.add_argument("--scale", type=float, default=1.0, help="multiplies every count (0.01 for a quick check)")
ap.add_argument("--today", default=datetime.datetime.now(datetime.timezone.utc).date().isoformat())
args = ap.parse_args()

if os.path.exists(args.db):
    sys.exit(f"seed: {args.db} exists; remove it first (the seed writes a new database)")


def scaled(n, least=1):
    return max(least, int(round(n * args.scale)))


N_USERS = scaled(20_000, 50)
N_PROCESSES = 50
N_PROPOSALS = scaled(100_000, 100)
N_SUPPORTS = scaled(1_000_000, 200)
N_COMMENTS = scaled(200_000, 200)
N_BIG_THREAD = min(5_000, N_COMMENTS // 4) if args.scale < 1 else 5_000
N_RESPONSES = scaled(100_000, 20)
N_VOTERS = min(scaled(2_000, 20), N_USERS)
N_STATEMENTS = scaled(300, 10) if args.scale < 1 else 300

rng = random.Random(args.seed)
today = datetime.date.fromisoformat(args.today)
midnight = int(datetime.datetime(today.year, today.month, today.day, tzinfo=datetime.timezone.utc).timestamp())
started = time.monotonic()


def day(offset):
    return (today + datetime.timedelta(days=offset)).isoformat()


def step(what):
    print(f"seed: {what} ({time.monotonic() - started:.1f} s)", file=sys.stderr)


conn = sqlite3.connect(args.db, isolation_level=None)
# A new file nobody else reads: no journal until the end.
conn.execute("PRAGMA journal_mode = OFF")
conn.execute("PRAGMA synchronous = OFF")
conn.execute("PRAGMA foreign_keys = ON")

# The schema, exactly as the gate applies it: every migration in order, then
# user_version (components/gate/src/migrations.rs).
migrations = sorted((ROOT / "db" / "migrations").glob("*.sql"))
for m in migrations:
    conn.executescript("BEGIN;\n" + m.read_text() + "\nCOMMIT;")
conn.execute(f"PRAGMA user_version = {len(migrations)}")
# The demo commune (settings, staff accounts, districts, categories, a few
# processes), with its clock pinned to --today.
demo = (ROOT / "db" / "seed" / "demo.sql").read_text().replace("'now'", f"'{args.today} 12:00:00'")
conn.executescript("BEGIN;\n" + demo + "\nCOMMIT;")
step(f"schema ({len(migrations)} migrations) and the demo commune")

conn.execute("BEGIN")
admin = conn.execute("SELECT id FROM users WHERE role = 'admin' ORDER BY id LIMIT 1").fetchone()[0]
districts = [r[0] for r in conn.execute("SELECT id FROM districts ORDER BY id")]
categories = [r[0] for r in conn.execute("SELECT id FROM proposal_categories ORDER BY id")] or [None]

FIRST = ("Camille Dominique Alix Sacha Charlie Lou Noa Eden Maxime Morgane Yanis Inès Jules Léa Adam "
         "Chloé Hugo Manon Nathan Zoé Karim Fatou Mei Ioana Tomasz").split()
LAST = ("Martin Bernard Dubois Thomas Robert Richard Petit Durand Leroy Moreau Simon Laurent Lefebvre "
        "Michel Garcia Nguyen Diallo Rossi Schmidt Kowalski").split()
conn.executemany(
    "INSERT INTO users (email, display_name, locale, created_at, email_confirmed_at) VALUES (?, ?, ?, ?, ?)",
    [(f"habitant-{u}@seed.invalid", f"{rng.choice(FIRST)} {rng.choice(LAST)[0]}.",
      rng.choice(("fr", "fr", "fr", "en", "de")), midnight - 86400 * rng.randint(1, 400), midnight)
     for u in range(N_USERS)])
users = [r[0] for r in conn.execute("SELECT id FROM users WHERE email LIKE 'habitant-%@seed.invalid' ORDER BY id")]
# The first 20 residents sign in with the demo citizen's password (scripts/bench
# signs them in to measure signed-in pages and supports).
conn.execute("UPDATE users SET password_hash = (SELECT password_hash FROM users WHERE email = "
             "'camille@valbrune.example.org') WHERE id IN (SELECT id FROM users WHERE email LIKE "
             "'habitant-%@seed.invalid' ORDER BY id LIMIT 20)")
step(f"{len(users)} residents")

# 50 processes: 20 under way, 20 finished, 10 to come; each takes part with
# one, two or three tools.
THEMES = ("Budget participatif", "Plan vélo", "Cœur de ville", "Écoles et cantines", "Parcs et jardins",
          "Mobilités douces", "Quartier de la gare", "Éclairage public", "Marché couvert", "Eau et climat")
TOOLS = ("proposal", "discussion", "questionnaire", "discussion,proposal", "proposal,questionnaire",
         "discussion,questionnaire", "discussion,proposal,questionnaire")
processes = []  # (id, slug, tools, ends_offset)
for i in range(N_PROCESSES):
    if i < 20:
        start, end = -rng.randint(5, 60), rng.randint(10, 90)
    elif i < 40:
        start = -rng.randint(200, 700)
        end = start + rng.randint(30, 150)
    else:
        start = rng.randint(5, 60)
        end = start + rng.randint(30, 120)
    # The first process is the big participatory budget; the second carries the
    # big questionnaire; the third the big discussion.
    tools = ("proposal" if i == 0 else "questionnaire" if i == 1 else "discussion" if i == 2
             else TOOLS[rng.randrange(len(TOOLS))])
    slug = f"concertation-{i + 1}"
    theme = THEMES[i % len(THEMES)]
    title = f"{theme} {2024 + i % 4}" if i else "Budget participatif : 100 000 idées"
    pid = conn.execute(
        "INSERT INTO processes (slug, title, summary, body, district_id, starts_on, ends_on, status, created_at, "
        "updated_at, support_threshold) VALUES (?, ?, ?, ?, ?, ?, ?, 'published', ?, ?, ?)",
        (slug, title, f"{theme} : la commune consulte ses habitants.",
         f"## {theme}\n\nLa commune ouvre une concertation. Chacun peut **participer** jusqu'au {day(end)}.",
         rng.choice(districts + [None]) if districts else None, day(start), day(end),
         midnight + 86400 * (start - 10), midnight + 86400 * (start - 10),
         500 if "proposal" in tools else None)).lastrowid
    # Under way: the participation phase is open today.
    mid = start + (-start) // 2 if start < 0 < end else start + (end - start) // 2
    phases = [("Information", start, mid - 1 if mid > start else start, ""),
              ("Participation", mid, end, tools)]
    for pos, (name, a, b, t) in enumerate(phases):
        conn.execute(
            "INSERT INTO process_phases (process_id, position, name, starts_on, ends_on, tools, opened_announced) "
            "VALUES (?, ?, ?, ?, ?, ?, 1)", (pid, pos, name, day(a), day(max(a, b)), t))
    processes.append((pid, slug, tools, end))
step(f"{len(processes)} processes")

# Proposals: half in the big process, the rest spread over the others that
# take proposals.
WORDS = ("jardin banc vélo parc école piste arbre fontaine marché place rue quai aire jeux éclairage trottoir "
         "bus navette composteur terrain ombre potager bibliothèque skatepark abri passage").split()
prop_procs = [p for p in processes if "proposal" in p[2]]
share = {prop_procs[0][0]: N_PROPOSALS // 2}
rest = N_PROPOSALS - share[prop_procs[0][0]]
for k, p in enumerate(prop_procs[1:]):
    share[p[0]] = rest // (len(prop_procs) - 1) + (1 if k < rest % (len(prop_procs) - 1) else 0)
rows = []
STATUSES = ["open"] * 90 + ["review"] * 4 + ["accepted"] * 2 + ["rejected"] * 2 + ["progress", "done"]
for pid, n in share.items():
    for i in range(n):
        words = " ".join(rng.choice(WORDS) for _ in range(6))
        at = midnight - 86400 * 60 + int(i * (86400 * 59 / max(n, 1)))
        located = rng.random() < 0.3
        rows.append((pid, rng.choice(users), f"Proposition {i + 1} : {words}",
                     f"Texte de la proposition {i + 1}.\n\n{words}, {words}.", rng.choice(categories),
                     rng.choice(districts) if districts else None,
                     47.39 + rng.uniform(-0.02, 0.02) if located else None,
                     0.98 + rng.uniform(-0.03, 0.03) if located else None,
                     rng.choice(STATUSES), rng.getrandbits(31), at, at, at))
conn.executemany(
    "INSERT INTO proposals (process_id, user_id, title, body, category_id, district_id, latitude, longitude, "
    "state, status, shuffle, published_at, created_at, updated_at) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'published', ?, ?, ?, ?, ?)", rows)
proposals = collections.defaultdict(list)
for pid_, id_ in conn.execute("SELECT process_id, id FROM proposals WHERE user_id IN "
                              "(SELECT id FROM users WHERE email LIKE 'habitant-%') ORDER BY id"):
    proposals[pid_].append(id_)
step(f"{len(rows)} proposals")

# Supports, in proportion to each process's proposals: a few popular
# proposals, a long tail (Pareto), never twice by the same person.
seen = set()
supports = []
for pid, ids in proposals.items():
    want = N_SUPPORTS * len(ids) // N_PROPOSALS
    if pid == prop_procs[0][0]:
        want += N_SUPPORTS - sum(N_SUPPORTS * len(v) // N_PROPOSALS for v in proposals.values())
    got = 0
    while got < want:
        if rng.random() < 0.3:
            p = ids[min(int(rng.paretovariate(1.2)) - 1, len(ids) - 1)]
        else:
            p = ids[rng.randrange(len(ids))]
        u = users[rng.randrange(len(users))]
        if (p, u) in seen:
            continue
        seen.add((p, u))
        supports.append((p, u, pid, midnight - rng.randint(0, 86400 * 59)))
        got += 1
del seen
conn.executemany(
    "INSERT INTO proposal_supports (proposal_id, user_id, process_id, created_at) VALUES (?, ?, ?, ?)", supports)
del supports
conn.execute("UPDATE proposals SET supports = s.n FROM (SELECT proposal_id, count(*) AS n FROM proposal_supports "
             "GROUP BY proposal_id) AS s WHERE s.proposal_id = proposals.id")
step(f"{N_SUPPORTS} supports")

# Discussions: one per process that takes them; the third process holds the
# big one, with the opinion map.
discussions = []  # (id, process_id)
for pid, slug, tools, end in processes:
    if "discussion" not in tools:
        continue
    big = not discussions and pid == processes[2][0]
    did = conn.execute(
        "INSERT INTO discussions (process_id, slug, question, context, opens_on, closes_on, status, user_id, "
        "opinion_map, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 'published', ?, ?, ?, ?)",
        (pid, "grand-debat" if big else f"debat-{slug}",
         "Quelle ville voulons-nous pour 2040 ?" if big else f"Que pensez-vous du projet « {slug} » ?",
         "Donnez votre avis, répondez aux autres, votez sur les affirmations.", day(-60), day(max(end, -1)),
         admin, 1 if big else 0, midnight - 86400 * 60, midnight - 86400 * 60)).lastrowid
    discussions.append((did, pid))

# Comments: 5,000 in the big discussion, the rest over the other discussions
# and over proposals (popular ones get more). A reply answers an earlier
# comment of the same thread.
PHRASES = ("Je suis d'accord, c'est une bonne idée.", "Attention au coût pour la commune.",
           "Il faudrait d'abord consulter les riverains.", "Pourquoi pas, mais pas à cet endroit.",
           "Très bonne proposition pour les enfants du quartier.", "Et l'entretien, qui s'en charge ?",
           "Je préfère la version de la proposition voisine.", "Merci pour ce projet, enfin !")
threads = [("discussion", discussions[0][0], discussions[0][1], N_BIG_THREAD)]
others = N_COMMENTS - N_BIG_THREAD
in_discussions = others // 4
for did, pid in discussions[1:]:
    threads.append(("discussion", did, pid, in_discussions // max(1, len(discussions) - 1)))
on_proposals = N_COMMENTS - sum(t[3] for t in threads)
all_props = [(p, pid) for pid, ids in proposals.items() for p in ids]
per_prop = collections.Counter()
for _ in range(on_proposals):
    if rng.random() < 0.4:
        per_prop[all_props[min(int(rng.paretovariate(1.1)) - 1, len(all_props) - 1)]] += 1
    else:
        per_prop[all_props[rng.randrange(len(all_props))]] += 1
for (p, pid), n in sorted(per_prop.items()):
    threads.append(("proposal", p, pid, n))
next_id = (conn.execute("SELECT coalesce(max(id), 0) FROM comments").fetchone()[0]) + 1
comment_rows = []
contributors = collections.Counter()  # (process, user) -> contributions
for resource, rid, pid, n in threads:
    tops = []
    t0 = midnight - 86400 * 50
    for k in range(n):
        at = t0 + int(k * 86400 * 49 / max(n, 1))
        user = users[rng.randrange(len(users))]
        body = " ".join(rng.choice(PHRASES) for _ in range(rng.randint(1, 3)))
        if tops and rng.random() < 0.3:
            parent = tops[rng.randrange(len(tops))]
            comment_rows.append((next_id, resource, rid, parent, 2, user, body, None, at))
        else:
            stance = rng.choice(("for", "against", "neutral")) if resource == "discussion" else None
            comment_rows.append((next_id, resource, rid, None, 1, user, body, stance, at))
            tops.append(next_id)
        contributors[(pid, user)] += 1
        next_id += 1
conn.executemany(
    "INSERT INTO comments (id, resource, resource_id, parent_id, depth, user_id, body, stance, created_at) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", comment_rows)
n_comments = len(comment_rows)
del comment_rows
conn.execute("UPDATE comments SET replies = r.n FROM (SELECT parent_id, count(*) AS n FROM comments "
             "WHERE parent_id IS NOT NULL GROUP BY parent_id) AS r WHERE r.parent_id = comments.id")
conn.execute("UPDATE discussions SET comments_count = c.n FROM (SELECT resource_id, count(*) AS n FROM comments "
             "WHERE resource = 'discussion' GROUP BY resource_id) AS c WHERE c.resource_id = discussions.id")
conn.execute("UPDATE proposals SET comments_count = c.n FROM (SELECT resource_id, count(*) AS n FROM comments "
             "WHERE resource = 'proposal' GROUP BY resource_id) AS c WHERE c.resource_id = proposals.id")
step(f"{n_comments} comments")

# The opinion map of the big discussion: N_VOTERS residents from three hidden
# camps vote on 60 % of the statements.
big_discussion, big_process = discussions[0]
conn.executemany(
    "INSERT INTO opinion_statements (discussion_id, user_id, body, status, created_at, moderated_at) "
    "VALUES (?, ?, ?, 'accepted', ?, ?)",
    [(big_discussion, admin, f"Affirmation numéro {s + 1} sur la ville de 2040.", midnight - 86400 * 40,
      midnight - 86400 * 40) for s in range(N_STATEMENTS)])
statements = [r[0] for r in conn.execute(
    "SELECT id FROM opinion_statements WHERE discussion_id = ? ORDER BY id", (big_discussion,))]
leanings = [[rng.uniform(-1, 1) for _ in statements] for _ in range(3)]
votes = []
for p, user in enumerate(users[:N_VOTERS]):
    camp = leanings[p % 3]
    for s, sid in enumerate(statements):
        if rng.random() > 0.6:
            continue
        r = rng.uniform(-1, 1)
        vote = "agree" if r < camp[s] - 0.3 else "disagree" if r > camp[s] + 0.3 else "pass"
        votes.append((sid, user, big_discussion, vote, midnight - 86400 * 30))
conn.executemany(
    "INSERT INTO opinion_votes (statement_id, user_id, discussion_id, vote, created_at) VALUES (?, ?, ?, ?, ?)", votes)
step(f"opinion map: {len(votes)} votes on {len(statements)} statements")
del votes

# The questionnaire: 20 questions of every kind, N_RESPONSES anonymous
# responses, and the tallies the questionnaire component keeps (the buckets of
# domain::questionnaire::Answer::buckets).
KINDS = (["single"] * 4 + ["multiple"] * 3 + ["scale"] * 3 + ["yes_no"] * 3 + ["number"] * 2
         + ["ranking", "matrix", "date", "short_text", "long_text"])
survey_process = processes[1][0]
qid = conn.execute(
    "INSERT INTO questionnaires (process_id, slug, title, opens_on, closes_on, status, anonymous, results_public, "
    "created_at, updated_at) VALUES (?, 'enquete-mobilites', 'Enquête sur les mobilités', ?, ?, 'published', 1, 1, "
    "?, ?)", (survey_process, day(-30), day(30), midnight - 86400 * 30, midnight - 86400 * 30)).lastrowid
sid = conn.execute(
    "INSERT INTO questionnaire_sections (questionnaire_id, position, title) VALUES (?, 0, 'Questions')",
    (qid,)).lastrowid
questions = []
for pos, kind in enumerate(KINDS):
    options = {"single": 4, "multiple": 5, "ranking": 4, "matrix": 3}.get(kind, 0)
    nrows = 3 if kind == "matrix" else 0
    top = 10 if (kind == "scale" and pos % 2) else 5
    qrow = conn.execute(
        "INSERT INTO questions (questionnaire_id, section_id, position, kind, label, required, options, rows, "
        "min, max) VALUES (?, ?, ?, ?, ?, 0, ?, ?, ?, ?)",
        (qid, sid, pos, kind, f"Question {pos + 1}", "\n".join(f"Choix {i + 1}" for i in range(options)),
         "\n".join(f"Ligne {i + 1}" for i in range(nrows)), 0 if kind == "number" else None,
         100 if kind == "number" else (top if kind == "scale" else None))).lastrowid
    questions.append((qrow, kind, options, nrows, top))


def answer(kind, options, nrows, top):
    """(stored value, tally buckets, form value)"""
    if kind == "single":
        i = rng.randrange(options)
        return f"o{i}", [f"o{i}"], str(i)
    if kind == "multiple":
        picked = sorted(rng.sample(range(options), rng.randint(1, 3)))
        return ",".join(map(str, picked)), [f"o{i}" for i in picked], [str(i) for i in picked]
    if kind == "scale":
        v = rng.randint(1, top)
        return str(v), [f"v{v}"], str(v)
    if kind == "yes_no":
        v = rng.choice(["yes", "no"])
        return v, [v], v
    if kind == "number":
        v = rng.randint(0, 100)
        return str(v), [f"n{v}"], str(v)
    if kind == "ranking":
        order = rng.sample(range(options), options)
        return ",".join(map(str, order)), [f"r{o}:{r}" for r, o in enumerate(order)], order
    if kind == "matrix":
        cells = [rng.randrange(options) for _ in range(nrows)]
        return ",".join(map(str, cells)), [f"m{r}:{c}" for r, c in enumerate(cells)], cells
    if kind == "date":
        d = f"{today.year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        return d, [f"d{d[:7]}"], d
    text = rng.choice(["Très bien", "Plus de bancs", "Rien à ajouter", "Des arbres"])
    return text, [], text


tallies = collections.Counter()
sample = []
batch = []
first_response = (conn.execute("SELECT coalesce(max(id), 0) FROM responses").fetchone()[0]) + 1
responses = []
for n in range(N_RESPONSES):
    rid = first_response + n
    at = midnight - 86400 * 30 + n * (86400 * 29) // N_RESPONSES
    responses.append((rid, qid, f"{args.seed:08x}{n:056x}", at, at))
    form = []
    for qrow, kind, options, nrows, top in questions:
        value, buckets, raw = answer(kind, options, nrows, top)
        batch.append((rid, qrow, value))
        tallies[(qrow, "answered")] += 1
        for b in buckets:
            tallies[(qrow, b)] += 1
        if kind == "multiple":
            form += [(f"q{qrow}", v) for v in raw]
        elif kind == "ranking":
            form += [(f"q{qrow}_r{o}", str(r + 1)) for r, o in enumerate(raw)]
        elif kind == "matrix":
            form += [(f"q{qrow}_m{r}", str(c)) for r, c in enumerate(raw)]
        else:
            form.append((f"q{qrow}", raw))
    sample = form
conn.executemany(
    "INSERT INTO responses (id, questionnaire_id, token_hash, status, section, created_at, submitted_at) "
    "VALUES (?, ?, ?, 'submitted', 1, ?, ?)", responses)
conn.executemany("INSERT INTO answers (response_id, question_id, value) VALUES (?, ?, ?)", batch)
conn.executemany("INSERT INTO answer_tallies (question_id, bucket, n) VALUES (?, ?, ?)",
                 [(q, b, k) for (q, b), k in sorted(tallies.items())])
conn.execute("UPDATE questionnaires SET responses_count = ? WHERE id = ?", (N_RESPONSES, qid))
del batch, responses
step(f"questionnaire: {N_RESPONSES} responses to {len(questions)} questions")

# The big process's participatory budget: a vote phase open today, one
# envelope of 1,500,000 € (knapsack, most votes first), 300 reviewed projects
# and 50,000 ballots: every resident but the first 100 online, the rest on
# paper (entered by staff). Residents 20 to 59 sign in (scripts/bench casts
# their ballots) and have a cart ready.
budget_process = processes[0][0]
conn.execute(
    "INSERT INTO process_phases (process_id, position, name, starts_on, ends_on, tools, opened_announced) "
    "VALUES (?, 2, 'Vote', ?, ?, 'budget', 1)", (budget_process, day(-3), day(processes[0][3])))
envelope = conn.execute(
    "INSERT INTO budget_envelopes (process_id, name, description, amount, ballot, method, changeable, "
    "created_at, updated_at) VALUES (?, 'Toute la commune', 'Les projets de toute la commune.', 1500000, "
    "'knapsack', 'greedy', 1, ?, ?)", (budget_process, midnight - 86400 * 10, midnight - 86400 * 10)).lastrowid
N_PROJECTS = 300
N_BALLOTS = scaled(50_000, 100)
costs = [rng.randrange(5_000, 90_001, 500) for _ in range(N_PROJECTS)]
conn.executemany(
    "INSERT INTO budget_projects (envelope_id, title, body, cost, district_id, category_id, feasibility, "
    "reviewed_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 'feasible', ?, ?, ?)",
    [(envelope, f"Projet {i + 1} : {' '.join(rng.choice(WORDS) for _ in range(4))}", f"Le projet {i + 1}.",
      costs[i], rng.choice(districts) if districts else None, rng.choice(categories),
      midnight - 86400 * 5, midnight - 86400 * 9, midnight - 86400 * 5) for i in range(N_PROJECTS)])
project_ids = [r[0] for r in conn.execute(
    "SELECT id FROM budget_projects WHERE envelope_id = ? ORDER BY id", (envelope,))]
cost_of = dict(zip(project_ids, costs))
# Popularity: a few projects most people choose, a long tail.
weights = [1.0 / (1 + i) ** 0.8 for i in range(N_PROJECTS)]
rng.shuffle(weights)
online = users[100:][:N_BALLOTS]
first_ballot = conn.execute("SELECT coalesce(max(id), 0) + 1 FROM budget_ballots").fetchone()[0]
ballot_rows, chosen_rows = [], []
for b in range(N_BALLOTS):
    picks, total = [], 0
    for p in rng.choices(project_ids, weights, k=rng.randint(3, 12)):
        if p not in picks and total + cost_of[p] <= 1_500_000:
            picks.append(p)
            total += cost_of[p]
    at = midnight - 86400 * 3 + b * (86400 * 3 // N_BALLOTS)
    voter = online[b] if b < len(online) else None
    ballot_rows.append((first_ballot + b, envelope, "online" if voter else "paper", voter,
                        None if voter else f"P-{b + 1:06d}", None if voter else admin,
                        rng.choice(districts) if districts else None, total,
                        "[" + ",".join(map(str, sorted(picks))) + "]", at, at))
    chosen_rows += [(first_ballot + b, p) for p in picks]
conn.executemany(
    "INSERT INTO budget_ballots (id, envelope_id, channel, user_id, paper_ref, entered_by, district_id, total, "
    "projects, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", ballot_rows)
conn.executemany("INSERT INTO budget_ballot_projects (ballot_id, project_id) VALUES (?, ?)", chosen_rows)
conn.execute("UPDATE budget_projects SET votes = (SELECT count(*) FROM budget_ballot_projects "
             "WHERE project_id = budget_projects.id) WHERE envelope_id = ?", (envelope,))
conn.execute("UPDATE budget_envelopes SET ballots = (SELECT count(*) FROM budget_ballots WHERE envelope_id = ?1), "
             "paper_ballots = (SELECT count(*) FROM budget_ballots WHERE envelope_id = ?1 AND channel = 'paper') "
             "WHERE id = ?1", (envelope,))
conn.execute("UPDATE users SET password_hash = (SELECT password_hash FROM users WHERE email = "
             "'camille@valbrune.example.org') WHERE id IN (SELECT id FROM users WHERE email LIKE "
             "'habitant-%@seed.invalid' ORDER BY id LIMIT 40 OFFSET 20)")
cheap = sorted(project_ids, key=lambda p: cost_of[p])[:3]
conn.executemany("INSERT INTO budget_carts (user_id, envelope_id, project_id, added_at) VALUES (?, ?, ?, ?)",
                 [(u, envelope, p, midnight) for u in users[20:60] for p in cheap])
del ballot_rows, chosen_rows
step(f"participatory budget: {N_BALLOTS} ballots on {N_PROJECTS} projects")

# Who took part, and how much (kit::activity::contributed / participated):
# proposals and comments are contributions; supports and votes make a
# participant without contributing.
conn.execute("INSERT OR IGNORE INTO process_participants (process_id, user_id) "
             "SELECT process_id, user_id FROM proposals WHERE state = 'published' "
             "UNION SELECT process_id, user_id FROM proposal_supports "
             "UNION SELECT ?1, user_id FROM opinion_votes WHERE discussion_id = ?2 "
             "UNION SELECT ?3, user_id FROM budget_ballots WHERE envelope_id = ?4 AND user_id IS NOT NULL",
             (big_process, big_discussion, budget_process, envelope))
conn.executemany("INSERT OR IGNORE INTO process_participants (process_id, user_id) VALUES (?, ?)",
                 sorted(contributors))
conn.execute("CREATE TEMP TABLE seed_contributions (process_id INTEGER PRIMARY KEY, n INTEGER)")
per_process = collections.Counter()
for (pid, _user), k in contributors.items():
    per_process[pid] += k
for pid, k in conn.execute("SELECT process_id, count(*) FROM proposals WHERE state = 'published' "
                           "GROUP BY process_id").fetchall():
    per_process[pid] += k
conn.executemany("INSERT INTO seed_contributions VALUES (?, ?)", sorted(per_process.items()))
conn.execute("UPDATE processes SET contributions = contributions + c.n FROM seed_contributions AS c "
             "WHERE c.process_id = processes.id")
conn.execute("UPDATE processes SET participants = p.n FROM (SELECT process_id, count(*) AS n "
             "FROM process_participants GROUP BY process_id) AS p WHERE p.process_id = processes.id")
conn.execute("COMMIT")
conn.execute("PRAGMA journal_mode = WAL")
conn.execute("VACUUM")
conn.close()
step("participants and contributions")

facts = {
    "process": processes[0][1],
    "survey": "enquete-mobilites",
    "survey_body": urllib.parse.urlencode(sample),
    "discussion": "grand-debat",
    "envelope": envelope,
    "ballots": N_BALLOTS,
    "budget_projects": N_PROJECTS,
    "users": len(users),
    "proposals": N_PROPOSALS,
    "supports": N_SUPPORTS,
    "comments": n_comments,
    "responses": N_RESPONSES,
    "seconds": f"{time.monotonic() - started:.0f}",
}
print(" ".join(f"{k}={v}" for k, v in facts.items()))
