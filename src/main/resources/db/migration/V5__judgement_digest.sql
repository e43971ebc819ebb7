-- The digest of each stored answer's verdict, score and findings (StoredAnswer): a replay compares a dossier's new
-- answer with its last one by their digests instead of reading the last one back. Null for answers stored before
-- this column: a replay compares those by their bytes, as it did.
ALTER TABLE assessment ADD COLUMN judgement_sha256 VARCHAR(64);
