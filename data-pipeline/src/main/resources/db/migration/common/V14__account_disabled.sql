-- Issue 21: administrators disable office accounts in /admin instead of deleting them (the audit log
-- keeps naming them); a disabled account cannot sign in and its sessions end.
ALTER TABLE account ADD COLUMN disabled BOOLEAN DEFAULT FALSE NOT NULL;
