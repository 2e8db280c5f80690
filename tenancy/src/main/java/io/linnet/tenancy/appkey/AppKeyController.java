package io.linnet.tenancy.appkey;

import io.linnet.tenancy.Actor;
import io.linnet.tenancy.AppId;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** {@code /manage/v1/apps/{appId}/keys}: an app's keys. The secret appears only in the answer that creates a key. */
@RestController
@RequestMapping("/manage/v1/apps/{appId}/keys")
class AppKeyController {

    record KeyRequest(String name, List<String> scopes) {
    }

    /** A new key with its secret, shown this once. */
    record NewKey(String id, String secret, String name, List<String> scopes, AppKey.Status status, Instant createdAt) {
        static NewKey of(CreatedAppKey created) {
            AppKey key = created.key();
            return new NewKey(key.id(), created.secret(), key.name(), key.scopes(), key.status(), key.createdAt());
        }
    }

    private final AppKeyManagement keys;

    AppKeyController(AppKeyManagement keys) {
        this.keys = keys;
    }

    @GetMapping
    Map<String, List<AppKey>> list(Actor.Member actor, @PathVariable String appId) {
        return Map.of("items", keys.list(actor, AppId.of(appId)));
    }

    @PostMapping
    ResponseEntity<NewKey> create(Actor.Member actor, @PathVariable String appId,
                                  @RequestBody(required = false) KeyRequest request) {
        KeyRequest body = request == null ? new KeyRequest(null, null) : request;
        CreatedAppKey created = keys.create(actor, AppId.of(appId), body.name(), body.scopes());
        return created(appId, created);
    }

    @GetMapping("/{keyId}")
    AppKey get(Actor.Member actor, @PathVariable String appId, @PathVariable String keyId) {
        return keys.get(actor, AppId.of(appId), keyId);
    }

    @PostMapping("/{keyId}/rotate")
    ResponseEntity<NewKey> rotate(Actor.Member actor, @PathVariable String appId, @PathVariable String keyId) {
        return created(appId, keys.rotate(actor, AppId.of(appId), keyId));
    }

    @PostMapping("/{keyId}/revoke")
    AppKey revoke(Actor.Member actor, @PathVariable String appId, @PathVariable String keyId) {
        return keys.revoke(actor, AppId.of(appId), keyId);
    }

    private static ResponseEntity<NewKey> created(String appId, CreatedAppKey created) {
        return ResponseEntity.created(URI.create("/manage/v1/apps/" + appId + "/keys/" + created.key().id()))
                .header("Cache-Control", "no-store")
                .body(NewKey.of(created));
    }
}
