-- Push, after review: credentials the providers refuse, and claims that are fair between apps.

-- The provider's latest refusal of a push credential as such (APNs InvalidProviderToken or
-- BadCertificate, a service-account key Google revoked, a VAPID signature a push service refuses).
-- The pipeline falls back to the app's other live credential meanwhile; this is how the app's admins
-- learn that one of the two needs replacing. Cleared when the provider accepts the credential again.
ALTER TABLE push_credentials
    ADD COLUMN last_rejection   text CHECK (length(last_rejection) <= 500),
    ADD COLUMN last_rejected_at timestamptz,
    ADD CHECK ((last_rejection IS NULL) = (last_rejected_at IS NULL));

-- The workers' claim shares each batch between the apps with due work (a skip scan over the apps,
-- then each app's oldest due rows), so the claim index leads with the app instead of the due time;
-- that also brings it in line with "every index leads with tenant_id". Still partial: final rows
-- leave it, so it stays the size of the work in progress.
DROP INDEX push_deliveries_due;
CREATE INDEX push_deliveries_due ON push_deliveries (tenant_id, app_id, due_at) WHERE state = 'queued';
