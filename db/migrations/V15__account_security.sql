-- Account security: operator-issued password-reset links and two-factor sign-in (TOTP).
--
-- A reset link's token is kept only as a SHA-256 hash (it is 256 random bits), with its expiry;
-- using it clears both. session_epoch grows when a reset sets a new password: the console's session
-- guard signs out every session of the account that was opened under an older epoch.
--
-- The TOTP secret is encrypted under the master key (never stored in the clear); recovery codes are
-- kept as SHA-256 hashes, each removed from the array when used. totp_last_step refuses a code's
-- replay within its window; second_factor_failures and second_factor_locked_until slow code guessing
-- as sign-in slows password guessing (10 wrong codes lock the second step for 15 minutes).
ALTER TABLE accounts
    ADD COLUMN password_reset_hash        text UNIQUE,
    ADD COLUMN password_reset_expires_at  timestamptz,
    ADD COLUMN session_epoch              integer     NOT NULL DEFAULT 0,
    ADD COLUMN totp_secret                text,
    ADD COLUMN totp_enabled_at            timestamptz,
    ADD COLUMN totp_last_step             bigint,
    ADD COLUMN totp_recovery_hashes       text[],
    ADD COLUMN second_factor_failures     integer     NOT NULL DEFAULT 0,
    ADD COLUMN second_factor_locked_until timestamptz;
