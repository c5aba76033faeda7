-- 0024: the residents shown on the home page are read from a counter kept by
-- triggers instead of being counted on every signed-in home page. On a
-- libSQL/Turso database each row a count(*) considers is a billed row read:
-- a city's 25,000 accounts made that 97 % of its reads (docs/COSTS.md).
CREATE TABLE resident_count (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    n  INTEGER NOT NULL CHECK (n >= 0)
);
INSERT INTO resident_count (id, n)
    SELECT 1, count(*) FROM users WHERE deleted_at IS NULL AND role = 'citizen';

CREATE TRIGGER resident_count_i AFTER INSERT ON users
    WHEN new.deleted_at IS NULL AND new.role = 'citizen' BEGIN
    UPDATE resident_count SET n = n + 1 WHERE id = 1;
END;
CREATE TRIGGER resident_count_u AFTER UPDATE OF role, deleted_at ON users
    WHEN (old.deleted_at IS NULL AND old.role = 'citizen')
        IS NOT (new.deleted_at IS NULL AND new.role = 'citizen') BEGIN
    UPDATE resident_count
        SET n = n + CASE WHEN new.deleted_at IS NULL AND new.role = 'citizen' THEN 1 ELSE -1 END
        WHERE id = 1;
END;
CREATE TRIGGER resident_count_d AFTER DELETE ON users
    WHEN old.deleted_at IS NULL AND old.role = 'citizen' BEGIN
    UPDATE resident_count SET n = n - 1 WHERE id = 1;
END;
