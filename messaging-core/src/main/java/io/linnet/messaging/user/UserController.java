package io.linnet.messaging.user;

import io.linnet.messaging.UserProfile;
import io.linnet.messaging.EndUser;
import io.linnet.messaging.UserManagement;
import io.linnet.tenancy.AppRef;
import io.linnet.messaging.GatewayAddress;
import io.linnet.messaging.MessagingSettings;
import io.linnet.messaging.UserId;
import io.linnet.tenancy.AppCaller;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** {@code /v1/users/{userId}}: an app's end users and their tokens, for the developer's backend (scope {@code users}). */
@RestController
@RequestMapping("/v1/users/{userId}")
class UserController {

    static final String SCOPE = "users";

    record UserRequest(String name, String avatarUrl, JsonNode custom, List<String> tags) {
    }

    /** A user token, and where the client it is for connects in real time. */
    record TokenResponse(String token, Instant expiresAt, URI websocketUrl) {
    }

    record TokenRequest(Long ttlSeconds) {
    }

    private final UserManagement users;
    private final UserTokens tokens;
    private final GatewayAddress gateway;
    private final MessagingSettings settings;

    UserController(UserManagement users, UserTokens tokens, MessagingSettings settings, GatewayAddress gateway) {
        this.gateway = gateway;
        this.users = users;
        this.tokens = tokens;
        this.settings = settings;
    }

    /** Creates the user (201) or replaces their profile (200). */
    @PutMapping
    ResponseEntity<EndUser> put(AppCaller caller, @PathVariable String userId,
                                @RequestBody(required = false) UserRequest request) {
        caller.require(SCOPE);
        UserId id = UserId.of(userId);
        UserRequest body = request == null ? new UserRequest(null, null, null, null) : request;
        UserProfile profile = UserProfile.of(body.name(), body.avatarUrl(), body.custom(), body.tags(), settings);
        UserManagement.Saved saved = users.put(AppRef.of(caller), id, profile);
        return ResponseEntity.status(saved.created() ? HttpStatus.CREATED : HttpStatus.OK).body(saved.user());
    }

    @GetMapping
    EndUser get(AppCaller caller, @PathVariable String userId) {
        caller.require(SCOPE);
        return users.get(AppRef.of(caller), UserId.of(userId));
    }

    /** Deletes the user; {@code ?purge=true} also erases the content of every message they sent. */
    @DeleteMapping
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(AppCaller caller, @PathVariable String userId, @RequestParam(defaultValue = "false") boolean purge) {
        caller.require(SCOPE);
        users.delete(AppRef.of(caller), UserId.of(userId), purge);
    }

    /** Mints a user token for one of the user's clients; {@code ttlSeconds} is optional. */
    @PostMapping("/tokens")
    TokenResponse mint(AppCaller caller, @PathVariable String userId, @RequestBody(required = false) TokenRequest request) {
        caller.require(SCOPE);
        Optional<Duration> ttl = Optional.ofNullable(request).map(TokenRequest::ttlSeconds).map(Duration::ofSeconds);
        UserToken minted = tokens.mint(AppRef.of(caller), UserId.of(userId), ttl);
        return new TokenResponse(minted.token(), minted.expiresAt(), gateway.websocketUrl());
    }

    /** Voids every token the user holds. */
    @PostMapping("/tokens/revoke")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(AppCaller caller, @PathVariable String userId) {
        caller.require(SCOPE);
        tokens.revoke(AppRef.of(caller), UserId.of(userId));
    }
}
