"""Backup and restore of a commune's local SQLite database (scripts/backup,
scripts/restore). Standard library only."""
import os
import sqlite3
import sys
import time


def check(path):
    """Integrity and foreign keys of a database file; its facts, or exits."""
    conn = sqlite3.connect(path)
    try:
        integrity = conn.execute("PRAGMA integrity_check").fetchall()
        broken = conn.execute("PRAGMA foreign_key_check").fetchall()
        if integrity != [("ok",)] or broken:
            sys.exit(f"{path}: not a sound database (integrity: {integrity[:3]}, "
                     f"foreign keys: {len(broken)} broken)")
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version == 0:
            sys.exit(f"{path}: no Palabre schema in it (user_version 0)")
        tables = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%' "
            "AND name NOT LIKE 'sqlite_%'")]
        rows = sum(conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables)
        return {"schema_version": version, "tables": len(tables), "rows": rows}
    finally:
        conn.close()


def copy(source, target):
    """SQLite's online backup of `source` into a new file `target`, in one
    step: one read transaction, so it finishes whatever the writers do (they
    go on meanwhile under the write-ahead log). Copied a few pages at a time,
    as before, a backup restarts at every write and may never finish."""
    src = sqlite3.connect(source, timeout=30)
    dst = sqlite3.connect(target)
    try:
        src.backup(dst, pages=-1)
        dst.execute("PRAGMA journal_mode = DELETE")
    finally:
        dst.close()
        src.close()


def copy_into(source, live):
    """`source` copied into the database at `live` through SQLite itself:
    the write lock taken (waiting for a running app's writer), the pages
    replaced in one transaction, the write-ahead log kept coherent. Nothing
    is deleted or swapped under an app that has the file open."""
    src = sqlite3.connect(source)
    dst = sqlite3.connect(live, timeout=60)
    try:
        src.backup(dst, pages=-1)
    finally:
        dst.close()
        src.close()


def facts(path, about):
    about["bytes"] = os.path.getsize(path)
    return " ".join(f"{k}={v}" for k, v in about.items())


def backup(db, out):
    partial = out + ".partial"
    if os.path.exists(partial):
        os.remove(partial)
    copy(db, partial)
    about = check(partial)
    os.replace(partial, out)
    print(f"backup={out} {facts(out, about)}")


def restore(backup_path, db):
    check(backup_path)
    incoming = db + ".restoring"
    for leftover in (incoming, incoming + "-wal", incoming + "-shm"):
        if os.path.exists(leftover):
            os.remove(leftover)
    copy(backup_path, incoming)
    about = check(incoming)
    if os.path.exists(db):
        # The database replaced, whole: a copy of it kept first (its
        # write-ahead log included), then the backup written into it under
        # its write lock, so that an app still serving it sees one database
        # or the other, never a file swapped under it.
        kept = f"{db}.before-restore-{time.strftime('%Y%m%dT%H%M%SZ', time.gmtime())}"
        copy(db, kept)
        print(f"kept={kept}")
        copy_into(incoming, db)
        for leftover in (incoming, incoming + "-wal", incoming + "-shm"):
            if os.path.exists(leftover):
                os.remove(leftover)
        print("restart the app if it is running: its instances forget what they cached",
              file=sys.stderr)
    else:
        os.replace(incoming, db)
    print(f"restored={db} {facts(db, about)}")


if __name__ == "__main__":
    if len(sys.argv) != 4 or sys.argv[1] not in ("backup", "restore"):
        sys.exit("usage: ops.py backup DB OUT | ops.py restore BACKUP DB")
    {"backup": backup, "restore": restore}[sys.argv[1]](sys.argv[2], sys.argv[3])
