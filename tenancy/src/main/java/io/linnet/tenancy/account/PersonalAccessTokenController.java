package io.linnet.tenancy.account;

import io.linnet.tenancy.Actor;
import io.linnet.tenancy.Ids;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code /manage/v1/access-tokens} and {@code /ops/v1/access-tokens}: the signed-in account's
 * personal access tokens, sent as {@code Authorization: Bearer lpat_...} instead of a password.
 */
@RestController
class PersonalAccessTokenController {

    record NewAccessTokenRequest(String name, Integer expiresInDays) {
    }

    /** A new token: {@code token} is its value, shown this once. */
    record NewToken(UUID id, String name, String token, Instant createdAt, Instant expiresAt) {
    }

    private final PersonalAccessTokens tokens;

    PersonalAccessTokenController(PersonalAccessTokens tokens) {
        this.tokens = tokens;
    }

    @GetMapping("/manage/v1/access-tokens")
    Map<String, List<PersonalAccessToken>> list(Actor.Member actor) {
        return Map.of("items", tokens.list(actor));
    }

    @PostMapping("/manage/v1/access-tokens")
    ResponseEntity<NewToken> create(Actor.Member actor, @RequestBody NewAccessTokenRequest request) {
        return created("/manage/v1/access-tokens/", create((Actor) actor, request));
    }

    @PostMapping("/manage/v1/access-tokens/{tokenId}/revoke")
    PersonalAccessToken revoke(Actor.Member actor, @PathVariable String tokenId) {
        return tokens.revoke(actor, Ids.parse(tokenId, "Access token"));
    }

    @GetMapping("/ops/v1/access-tokens")
    Map<String, List<PersonalAccessToken>> list(Actor.Operator actor) {
        return Map.of("items", tokens.list(actor));
    }

    @PostMapping("/ops/v1/access-tokens")
    ResponseEntity<NewToken> create(Actor.Operator actor, @RequestBody NewAccessTokenRequest request) {
        return created("/ops/v1/access-tokens/", create((Actor) actor, request));
    }

    @PostMapping("/ops/v1/access-tokens/{tokenId}/revoke")
    PersonalAccessToken revoke(Actor.Operator actor, @PathVariable String tokenId) {
        return tokens.revoke(actor, Ids.parse(tokenId, "Access token"));
    }

    private PersonalAccessToken.Created create(Actor actor, NewAccessTokenRequest request) {
        return tokens.create(actor, request.name(), Optional.ofNullable(request.expiresInDays()).map(Duration::ofDays));
    }

    private static ResponseEntity<NewToken> created(String base, PersonalAccessToken.Created created) {
        PersonalAccessToken token = created.token();
        return ResponseEntity.created(URI.create(base + token.id()))
                .header("Cache-Control", "no-store")
                .body(new NewToken(token.id(), token.name(), created.value(), token.createdAt(), token.expiresAt()));
    }
}
