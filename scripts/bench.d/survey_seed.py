"""Adds a 20-question anonymous survey with RESPONSES submitted responses to a
Palabre database, for scripts/bench: answers and the per-question tallies the
questionnaire component keeps (the same buckets as
domain::questionnaire::Answer::buckets), drawn with a fixed seed.
Prints the survey's slug and one valid urlencoded submission.

    python3 scripts/bench.d/survey_seed.py DB [RESPONSES]
"""
import collections
import random
import sqlite3
import sys
import time
import urllib.parse

db = sys.argv[1]
count = int(sys.argv[2]) if len(sys.argv) > 2 else 100_000
rng = random.Random(7)
now = int(time.time())
day = now - now % 86400

KINDS = (["single"] * 4 + ["multiple"] * 3 + ["scale"] * 3 + ["yes_no"] * 3 + ["number"] * 2
         + ["ranking", "matrix", "date", "short_text", "long_text"])
conn = sqlite3.connect(db, timeout=30)
conn.execute("PRAGMA busy_timeout = 30000")
with conn:
    qid = conn.execute(
        "INSERT INTO questionnaires (slug, title, opens_on, closes_on, status, anonymous, results_public, "
        "created_at, updated_at) VALUES ('bench-enquete', 'Enquête (banc d''essai)', date('now', '-1 day'), "
        "date('now', '+30 days'), 'published', 1, 1, ?, ?)", (now, now)).lastrowid
    sid = conn.execute(
        "INSERT INTO questionnaire_sections (questionnaire_id, position, title) VALUES (?, 0, 'Questions')",
        (qid,)).lastrowid
    questions = []
    for pos, kind in enumerate(KINDS):
        options = {"single": 4, "multiple": 5, "ranking": 4, "matrix": 3}.get(kind, 0)
        rows = 3 if kind == "matrix" else 0
        top = 10 if (kind == "scale" and pos % 2) else 5
        qrow = conn.execute(
            "INSERT INTO questions (questionnaire_id, section_id, position, kind, label, required, options, rows, "
            "min, max) VALUES (?, ?, ?, ?, ?, 0, ?, ?, ?, ?)",
            (qid, sid, pos, kind, f"Question {pos + 1}",
             "\n".join(f"Choix {i + 1}" for i in range(options)),
             "\n".join(f"Ligne {i + 1}" for i in range(rows)),
             0 if kind == "number" else None,
             100 if kind == "number" else (top if kind == "scale" else None))).lastrowid
        questions.append((qrow, kind, options, rows, top))

    def answer(kind, options, rows, top):
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
            return (",".join(map(str, order)), [f"r{o}:{r}" for r, o in enumerate(order)], order)
        if kind == "matrix":
            cells = [rng.randrange(options) for _ in range(rows)]
            return ",".join(map(str, cells)), [f"m{r}:{c}" for r, c in enumerate(cells)], cells
        if kind == "date":
            d = f"2026-{rng.randint(1, 11):02d}-{rng.randint(1, 28):02d}"
            return d, [f"d{d[:7]}"], d
        text = rng.choice(["Très bien", "Plus de bancs", "Rien à ajouter", "Des arbres"])
        return text, [], text

    tallies = collections.Counter()
    sample = None
    batch_answers = []
    for n in range(count):
        rid = conn.execute(
            "INSERT INTO responses (questionnaire_id, token_hash, status, section, created_at, submitted_at) "
            "VALUES (?, ?, 'submitted', 1, ?, ?)", (qid, f"{n:064x}", day, day)).lastrowid
        form = []
        for (qrow, kind, options, rows, top) in questions:
            value, buckets, raw = answer(kind, options, rows, top)
            batch_answers.append((rid, qrow, value))
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
        if len(batch_answers) > 200_000:
            conn.executemany("INSERT INTO answers (response_id, question_id, value) VALUES (?, ?, ?)", batch_answers)
            batch_answers = []
    conn.executemany("INSERT INTO answers (response_id, question_id, value) VALUES (?, ?, ?)", batch_answers)
    conn.executemany("INSERT INTO answer_tallies (question_id, bucket, n) VALUES (?, ?, ?)",
                     [(q, b, n) for (q, b), n in tallies.items()])
    conn.execute("UPDATE questionnaires SET responses_count = ? WHERE id = ?", (count, qid))
print("bench-enquete", urllib.parse.urlencode(sample))
