-- 0009: images kept in the database (checked by their magic bytes when
-- uploaded: PNG, JPEG or WebP, at most 2 MB), with a required text alternative;
-- news and processes may carry one.

CREATE TABLE images (
    id           INTEGER PRIMARY KEY,
    -- SHA-256 of the bytes (hex): the version in the image's address and ETag.
    hash         TEXT NOT NULL CHECK (length(hash) = 64),
    content_type TEXT NOT NULL CHECK (content_type IN ('image/png', 'image/jpeg', 'image/webp')),
    bytes        BLOB NOT NULL CHECK (length(bytes) BETWEEN 1 AND 2097152),
    width        INTEGER NOT NULL CHECK (width BETWEEN 1 AND 20000),
    height       INTEGER NOT NULL CHECK (height BETWEEN 1 AND 20000),
    alt          TEXT NOT NULL CHECK (length(alt) BETWEEN 1 AND 300),
    -- Who uploaded it (NULL once their account is deleted).
    user_id      INTEGER REFERENCES users (id),
    created_at   INTEGER NOT NULL
);
CREATE INDEX images_by_user ON images (user_id);

ALTER TABLE news ADD COLUMN image_id INTEGER REFERENCES images (id);
ALTER TABLE processes ADD COLUMN image_id INTEGER REFERENCES images (id);
