-- Issue 20: an optional second factor for administrators (TOTP, RFC 6238: 30-second codes from an
-- authenticator app). The shared secret (Base32) and the last 30-second step a code was accepted
-- for, so a code is used once.
ALTER TABLE account ADD COLUMN totp_secret VARCHAR(64);
ALTER TABLE account ADD COLUMN totp_last_step BIGINT;
