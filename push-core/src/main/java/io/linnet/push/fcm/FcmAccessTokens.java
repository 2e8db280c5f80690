package io.linnet.push.fcm;

import com.google.api.client.http.HttpResponseException;
import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * The OAuth access token one service account sends with: minted at the configured token endpoint by the
 * JWT-bearer grant (RFC 7523), reused until a minute before it expires, and replaced at once when FCM refuses it.
 * Concurrent sends share one minting request.
 */
final class FcmAccessTokens {

    static final String SCOPE = "https://www.googleapis.com/auth/firebase.messaging";
    private static final Duration EXPIRY_MARGIN = Duration.ofMinutes(1);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> OAUTH_ERRORS = Set.of("invalid_request", "invalid_client", "invalid_grant",
            "unauthorized_client", "unsupported_grant_type", "invalid_scope");

    /** The token endpoint refused the service account (revoked key, deleted account): retrying cannot help. */
    static final class TokenRefused extends IOException {
        TokenRefused(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The token endpoint could not be reached or failed: try again later. */
    static final class TokenUnavailable extends IOException {
        TokenUnavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final GoogleCredentials credentials;
    private final Executor minting;
    private final Clock clock;
    private final Object lock = new Object();
    private AccessToken current;
    private CompletableFuture<AccessToken> refreshing;

    FcmAccessTokens(GoogleCredentials credentials, Executor minting, Clock clock) {
        this.credentials = credentials;
        this.minting = minting;
        this.clock = clock;
    }

    /** A token good for at least another minute. */
    CompletableFuture<String> current() {
        synchronized (lock) {
            if (isFresh(current)) {
                return CompletableFuture.completedFuture(current.getTokenValue());
            }
            return refresh().thenApply(AccessToken::getTokenValue);
        }
    }

    /** A token other than {@code refused}, which FCM answered 401 to. */
    CompletableFuture<String> replacing(String refused) {
        synchronized (lock) {
            if (isFresh(current) && !current.getTokenValue().equals(refused)) {
                return CompletableFuture.completedFuture(current.getTokenValue());
            }
            current = null;
            return refresh().thenApply(AccessToken::getTokenValue);
        }
    }

    private boolean isFresh(AccessToken token) {
        return token != null && (token.getExpirationTime() == null
                || token.getExpirationTime().toInstant().isAfter(clock.instant().plus(EXPIRY_MARGIN)));
    }

    private CompletableFuture<AccessToken> refresh() {
        if (refreshing != null) {
            return refreshing;
        }
        CompletableFuture<AccessToken> minted = CompletableFuture.supplyAsync(this::mint, minting);
        refreshing = minted;
        minted.whenComplete((token, failure) -> {
            synchronized (lock) {
                if (token != null) {
                    current = token;
                }
                refreshing = null;
            }
        });
        return minted;
    }

    private AccessToken mint() {
        try {
            return credentials.refreshAccessToken();
        } catch (IOException e) {
            throw new CompletionException(classify(e));
        }
    }

    /**
     * The failure in words of its own: the answer's status and its OAuth error code, never the exception's message
     * or the answer's description, so that a delivery's reason says nothing the token endpoint did not mean to tell.
     */
    private static IOException classify(IOException failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof HttpResponseException response) {
                int status = response.getStatusCode();
                boolean permanent = status >= 400 && status < 500 && status != 408 && status != 429;
                String answer = status + oauthError(response.getContent()).map(error -> " " + error).orElse("");
                return permanent ? new TokenRefused(answer, failure) : new TokenUnavailable(answer, failure);
            }
        }
        return new TokenUnavailable("the token endpoint did not answer", failure);
    }

    /** The OAuth error code of a token endpoint answer (RFC 6749 section 5.2), if it is one of the registered ones. */
    private static Optional<String> oauthError(String content) {
        try {
            String code = JSON.readTree(content == null ? "" : content).path("error").asString("");
            return OAUTH_ERRORS.contains(code) ? Optional.of(code) : Optional.empty();
        } catch (JacksonException notJson) {
            return Optional.empty();
        }
    }

}
