package io.linnet.push.fcm;

import com.google.api.client.http.HttpResponseException;
import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * The OAuth access token one service account sends with: minted at the account's {@code token_uri} by the
 * JWT-bearer grant (RFC 7523), reused until a minute before it expires, and replaced at once when FCM refuses it.
 * Concurrent sends share one minting request.
 */
final class FcmAccessTokens {

    static final String SCOPE = "https://www.googleapis.com/auth/firebase.messaging";
    private static final Duration EXPIRY_MARGIN = Duration.ofMinutes(1);
    private static final JsonMapper JSON = JsonMapper.builder().build();

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

    private static IOException classify(IOException failure) {
        String reason = failure.getMessage() == null ? failure.getClass().getSimpleName() : firstLine(failure.getMessage());
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof HttpResponseException response) {
                int status = response.getStatusCode();
                boolean permanent = status >= 400 && status < 500 && status != 408 && status != 429;
                String answer = status + " " + oauthError(response.getContent());
                return permanent ? new TokenRefused(answer, failure) : new TokenUnavailable(answer, failure);
            }
        }
        return new TokenUnavailable(reason, failure);
    }

    /** The OAuth error of a token endpoint answer (RFC 6749 section 5.2), e.g. {@code invalid_grant: ...}. */
    private static String oauthError(String content) {
        try {
            JsonNode error = JSON.readTree(content == null ? "" : content);
            String code = error.path("error").asString("");
            String description = error.path("error_description").asString("");
            return code.isEmpty() ? "from the token endpoint" : description.isEmpty() ? code : code + ": " + description;
        } catch (JacksonException notJson) {
            return "from the token endpoint";
        }
    }

    private static String firstLine(String message) {
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
