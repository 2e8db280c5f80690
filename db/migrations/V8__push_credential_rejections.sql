-- The provider's latest refusal of a push credential as such (APNs InvalidProviderToken or
-- BadCertificate, a service-account key Google revoked, a VAPID signature a push service refuses).
-- The pipeline falls back to the app's other live credential meanwhile; this is how the app's admins
-- learn that one of the two needs replacing. Cleared when the provider accepts the credential again.
ALTER TABLE push_credentials
    ADD COLUMN last_rejection   text CHECK (length(last_rejection) <= 500),
    ADD COLUMN last_rejected_at timestamptz,
    ADD CHECK ((last_rejection IS NULL) = (last_rejected_at IS NULL));
