package io.linnet.push.credential;

import io.linnet.push.CredentialId;
import io.linnet.push.CredentialKind;
import io.linnet.push.CredentialUpload;
import io.linnet.push.PushCredential;
import io.linnet.push.PushCredentials;
import io.linnet.tenancy.Actor;
import io.linnet.tenancy.AppId;
import io.linnet.tenancy.DomainException;
import io.linnet.tenancy.Permission;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * {@code /manage/v1/apps/{appId}/push-credentials}: an app's push credentials. Uploads are JSON with
 * the file's content in base64 ({@code file}), so one request carries the file and its fields and
 * stays far below the 64 KiB body limit (a .p12 is a few KiB). Answers show metadata, never secrets.
 */
@RestController
@RequestMapping("/manage/v1/apps/{appId}/push-credentials")
class PushCredentialController {

    /**
     * An upload. {@code kind} decides which fields apply: APNS_TOKEN takes {@code file} (the .p8),
     * {@code keyId}, {@code teamId}, {@code topic} and optionally {@code environment}; APNS_CERTIFICATE
     * {@code file} (the .p12), {@code password} and optionally {@code environment}; FCM {@code file}
     * (the service account's JSON); WEBPUSH_VAPID {@code publicKey}, {@code privateKey} and
     * {@code subject}. {@code label} is optional.
     */
    record UploadRequest(String kind, String label, String file, String password, String keyId, String teamId,
                         String topic, String environment, String publicKey, String privateKey, String subject) {

        CredentialUpload toUpload() {
            CredentialKind parsed = CredentialKind.parse(kind);
            return switch (parsed) {
                case APNS_TOKEN -> new CredentialUpload.ApnsToken(label, fileBytes(), keyId, teamId, topic, environment);
                case APNS_CERTIFICATE -> new CredentialUpload.ApnsCertificate(label, fileBytes(), password, environment);
                case FCM -> new CredentialUpload.FcmServiceAccount(label, fileBytes());
                case WEBPUSH_VAPID -> new CredentialUpload.VapidKeys(label, publicKey, privateKey, subject);
            };
        }

        private byte[] fileBytes() {
            if (file == null || file.isBlank()) {
                return new byte[0];
            }
            try {
                // line breaks (base64 without -w0) are fine; anything else outside base64 is not
                return Base64.getDecoder().decode(file.replaceAll("\\s", ""));
            } catch (IllegalArgumentException e) {
                throw DomainException.invalid("file must be the file's content in base64 (e.g. `base64 -w0 AuthKey.p8`)");
            }
        }

        @Override
        public String toString() {
            return "UploadRequest[kind=" + kind + ", label=" + label + "]";
        }
    }

    /** Asks for a new VAPID key pair; {@code subject} is a mailto: address or an https: URL. */
    record VapidRequest(String label, String subject) {
    }

    private final PushCredentials credentials;

    PushCredentialController(PushCredentials credentials) {
        this.credentials = credentials;
    }

    @GetMapping
    Map<String, List<PushCredential>> list(Actor.Member actor, @PathVariable String appId) {
        return Map.of("items", credentials.list(actor, AppId.of(appId)));
    }

    @GetMapping("/{credentialId}")
    PushCredential get(Actor.Member actor, @PathVariable String appId, @PathVariable String credentialId) {
        AppId app = AppId.of(appId);
        // a member who may not read them hears so before whether the id is well-formed
        actor.require(Permission.PUSH_CREDENTIALS_READ);
        return credentials.get(actor, app, CredentialId.of(credentialId));
    }

    @PostMapping
    ResponseEntity<PushCredential> upload(Actor.Member actor, @PathVariable String appId,
                                          @RequestBody(required = false) UploadRequest request) {
        // a member who may not upload hears so before anything about what they sent
        actor.require(Permission.PUSH_CREDENTIALS_WRITE);
        if (request == null) {
            throw DomainException.invalid("The request body is missing: send {kind, file, ...} as JSON");
        }
        return created(appId, credentials.upload(actor, AppId.of(appId), request.toUpload()));
    }

    @PostMapping("/vapid")
    ResponseEntity<PushCredential> generateVapid(Actor.Member actor, @PathVariable String appId,
                                                 @RequestBody(required = false) VapidRequest request) {
        VapidRequest body = request == null ? new VapidRequest(null, null) : request;
        return created(appId, credentials.generateVapid(actor, AppId.of(appId), body.label(), body.subject()));
    }

    @DeleteMapping("/{credentialId}")
    ResponseEntity<Void> delete(Actor.Member actor, @PathVariable String appId, @PathVariable String credentialId) {
        AppId app = AppId.of(appId);
        actor.require(Permission.PUSH_CREDENTIALS_WRITE);
        credentials.delete(actor, app, CredentialId.of(credentialId));
        return ResponseEntity.noContent().build();
    }

    private static ResponseEntity<PushCredential> created(String appId, PushCredential credential) {
        return ResponseEntity.created(URI.create("/manage/v1/apps/" + appId + "/push-credentials/" + credential.id()))
                .body(credential);
    }
}
