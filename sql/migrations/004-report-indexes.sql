-- Covering index for the report figures: completions of a period, by
-- user and module, read from the index alone.
ALTER TABLE completions ADD KEY completions_report
	(completed_at, revoked_at, user_id, module_id);
