package io.linnet.push.credential;

import io.linnet.tenancy.DomainException;
import io.linnet.tenancy.LoopbackHost;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks a Firebase service account's key file, the JSON that FCM HTTP v1 signs in with: its
 * structure, and that {@code private_key} is a usable RSA key. The file is kept whole (encrypted),
 * since the OAuth libraries read it as it is.
 */
final class ServiceAccountFile {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern PROJECT_ID = Pattern.compile("[a-z][a-z0-9.:-]{0,98}[a-z0-9]");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final String WHERE = "the Firebase console, Project settings → Service accounts → Generate new private key";

    private ServiceAccountFile() {
    }

    static CheckedCredential check(CredentialUpload.FcmServiceAccount upload) {
        if (upload.json() == null || upload.json().length == 0) {
            throw DomainException.invalid("file is required: the service account's key file (.json) from " + WHERE);
        }
        String text = new String(upload.json(), StandardCharsets.UTF_8);
        JsonNode account;
        try {
            account = JSON.readTree(text);
        } catch (JacksonException e) {
            throw DomainException.invalid("The file is not JSON: upload the service account's key file (.json) from " + WHERE);
        }
        if (account == null || !account.isObject()) {
            throw DomainException.invalid("The file is not a JSON object: upload the service account's key file from " + WHERE);
        }
        String type = text(account, "type");
        if (!"service_account".equals(type)) {
            throw DomainException.invalid("type must be \"service_account\"; got " + CheckedCredential.quoted(type)
                    + ": upload a service account's key file from " + WHERE);
        }
        String projectId = text(account, "project_id");
        if (!PROJECT_ID.matcher(projectId).matches()) {
            throw DomainException.invalid(projectId.isEmpty() ? "project_id is missing"
                    : "project_id is not a Google Cloud project id: " + CheckedCredential.quoted(projectId));
        }
        String privateKeyId = text(account, "private_key_id");
        if (privateKeyId.isEmpty()) {
            throw DomainException.invalid("private_key_id is missing");
        }
        PemKeys.read(text(account, "private_key"), PemKeys.Expected.RSA, "private_key");
        String clientEmail = text(account, "client_email");
        if (!EMAIL.matcher(clientEmail).matches()) {
            throw DomainException.invalid(clientEmail.isEmpty() ? "client_email is missing"
                    : "client_email is not an e-mail address: " + CheckedCredential.quoted(clientEmail));
        }
        String tokenUri = tokenUri(text(account, "token_uri"));

        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("projectId", projectId);
        metadata.put("clientEmail", clientEmail);
        metadata.put("privateKeyId", privateKeyId);
        metadata.put("tokenUri", tokenUri);
        return new CheckedCredential(CredentialKind.FCM,
                CheckedCredential.label(upload.label(), "FCM " + projectId),
                metadata,
                Map.of("serviceAccount", text),
                null);
    }

    /**
     * Where the OAuth token is fetched from. Only https, so a signed assertion never travels in clear;
     * plain http only to this machine, for local fakes in tests and development.
     */
    private static String tokenUri(String raw) {
        if (raw.isEmpty()) {
            throw DomainException.invalid("token_uri is missing (Google's is https://oauth2.googleapis.com/token)");
        }
        try {
            URI uri = new URI(raw);
            boolean https = "https".equals(uri.getScheme()) && uri.getHost() != null;
            boolean local = "http".equals(uri.getScheme()) && uri.getHost() != null && LoopbackHost.is(uri.getHost());
            if (https || local) {
                return raw;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw DomainException.invalid("token_uri must be an https URL (Google's is https://oauth2.googleapis.com/token); got "
                + CheckedCredential.quoted(raw));
    }

    private static String text(JsonNode account, String field) {
        JsonNode value = account.get(field);
        return value != null && value.isString() ? value.asString().strip() : "";
    }
}
