-- A statement the text says was not made ("did not confirm", "declined to comment") is flagged,
-- so "who denied X" and "who would not confirm X" stay apart.
ALTER TABLE quotes ADD COLUMN negated INTEGER NOT NULL DEFAULT 0;
