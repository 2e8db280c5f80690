package io.linnet.push.credential;

import io.linnet.push.CredentialKind;
import io.linnet.push.CredentialUpload;
import io.linnet.tenancy.DomainException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a Firebase service account's key file, the JSON that FCM HTTP v1 signs in with: its
 * structure, that {@code private_key} is a usable RSA key, and that {@code token_uri} is Google's
 * token endpoint. The file is kept whole (encrypted), since the OAuth libraries read it as it is;
 * tokens are minted at the configured endpoint whatever it says.
 */
final class ServiceAccountFile {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern PROJECT_ID = Pattern.compile("[a-z][a-z0-9.:-]{0,98}[a-z0-9]");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final URI GOOGLE_TOKEN_URI = URI.create("https://oauth2.googleapis.com/token");
    private static final String WHERE = "the Firebase console, Project settings → Service accounts → Generate new private key";

    private ServiceAccountFile() {
    }

    /**
     * @param tokenUri where this server mints FCM access tokens ({@code linnet.push.fcm-token-uri}); a file naming
     *                 another token endpoint than this one or Google's is refused
     */
    static CheckedCredential check(CredentialUpload.FcmServiceAccount upload, URI tokenUri) {
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
        String fileTokenUri = tokenUri(text(account, "token_uri"), tokenUri);

        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("projectId", projectId);
        metadata.put("clientEmail", clientEmail);
        metadata.put("privateKeyId", privateKeyId);
        metadata.put("tokenUri", fileTokenUri);
        return new CheckedCredential(CredentialKind.FCM,
                CheckedCredential.label(upload.label(), "FCM " + projectId),
                metadata,
                Map.of("serviceAccount", text),
                null);
    }

    /**
     * The file's {@code token_uri}, when it is one this server accepts: Google's, as in every file the Firebase console
     * hands out, or the endpoint the server is configured to mint at (a local fake in tests). The file comes from a
     * tenant, and the server must not post signed assertions wherever it says.
     */
    private static String tokenUri(String raw, URI configured) {
        Set<String> accepted = new LinkedHashSet<>();
        accepted.add(GOOGLE_TOKEN_URI.toString());
        accepted.add(configured.toString());
        if (raw.isEmpty()) {
            throw DomainException.invalid("token_uri is missing (Google's is " + GOOGLE_TOKEN_URI + ")");
        }
        if (!accepted.contains(raw)) {
            throw DomainException.invalid("token_uri must be " + String.join(" or ", accepted)
                    + ", where this server gets FCM access tokens; got " + CheckedCredential.quoted(raw));
        }
        return raw;
    }

    private static String text(JsonNode account, String field) {
        JsonNode value = account.get(field);
        return value != null && value.isString() ? value.asString().strip() : "";
    }
}
