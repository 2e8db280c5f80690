package io.linnet.moderation;

import io.linnet.moderation.hook.HookDecision;
import com.fasterxml.jackson.annotation.JsonValue;
import io.linnet.tenancy.DomainException;
import io.linnet.tenancy.outbound.OutboundGuard;
import io.linnet.tenancy.outbound.OutboundRefused;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * How an app's pre-send hook is reached: the tenant's URL that rules on each message before it is stored, the shared
 * secret both sides sign with, how long a send may wait for the answer, and what happens when none comes in time.
 *
 * @param secret the shared HMAC key, plain (already decrypted); left out of {@link #toString()}
 */
public record PreSendHookSettings(URI url, String secret, Duration timeout, FailurePolicy onFailure) {

    /** The shortest wait an app may choose: below it a hook across a network could hardly ever answer. */
    public static final Duration MIN_TIMEOUT = Duration.ofMillis(100);
    /** The longest wait an app may choose, as every send of the app waits this long when the hook hangs. */
    public static final Duration MAX_TIMEOUT = Duration.ofSeconds(5);
    /** The wait when the app does not choose one. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(1);
    static final int MIN_SECRET_LENGTH = 16;
    static final int MAX_SECRET_LENGTH = 256;
    static final int MAX_URL_LENGTH = 2048;

    /** What a send does when the hook is slow, down, or answers nonsense. */
    public enum FailurePolicy {
        /** The message goes out unchecked: chat keeps working while the hook is down. */
        OPEN,
        /** The message is refused: nothing unchecked ever reaches the conversation. */
        CLOSED;

        @JsonValue
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The policy with this wire name; refuses anything but {@code open} and {@code closed}. */
        public static FailurePolicy of(String raw) {
            for (FailurePolicy policy : values()) {
                if (policy.wireName().equals(raw)) {
                    return policy;
                }
            }
            throw DomainException.invalid("onFailure must be 'open' or 'closed'");
        }

        /**
         * The decision to act on: a {@link HookDecision.Failed} becomes {@link HookDecision.Allow} under
         * {@code OPEN} and {@link HookDecision.Block} under {@code CLOSED}; any other decision stands.
         */
        public HookDecision settle(HookDecision decision) {
            if (!(decision instanceof HookDecision.Failed)) {
                return decision;
            }
            return this == OPEN
                    ? new HookDecision.Allow()
                    : new HookDecision.Block("The message could not be checked by the app's moderation hook; try again later");
        }
    }

    public PreSendHookSettings {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(onFailure, "onFailure");
    }

    /**
     * Settings from an app's input, each part checked: the URL's form passes the {@link OutboundGuard} (https, no user
     * name or password, no IP address inside the server's networks; plain http only to this machine or a private
     * address, and only when {@code allowInsecure}, for local fakes), the secret {@value #MIN_SECRET_LENGTH} to
     * {@value #MAX_SECRET_LENGTH} characters, the timeout 100 ms to 5 s. An absent timeout means 1 s, an absent
     * {@code onFailure} means {@code open}.
     *
     * @throws DomainException (invalid request) with a sentence saying what to fix
     */
    public static PreSendHookSettings checked(String url, String secret, Integer timeoutMillis, String onFailure,
                                              boolean allowInsecure) {
        return new PreSendHookSettings(url(url, allowInsecure), secret(secret), timeout(timeoutMillis),
                onFailure == null ? FailurePolicy.OPEN : FailurePolicy.of(onFailure));
    }

    private static URI url(String raw, boolean allowInsecure) {
        if (raw == null || raw.isBlank()) {
            throw DomainException.invalid("url is required: the https address of the app's pre-send hook");
        }
        if (raw.length() > MAX_URL_LENGTH) {
            throw DomainException.invalid("url must be at most " + MAX_URL_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(raw.strip());
        } catch (URISyntaxException e) {
            throw DomainException.invalid("url is not a valid URL: " + e.getReason());
        }
        try {
            // the form only: what the host resolves to is checked when the hook is saved and on every call
            new OutboundGuard(allowInsecure).checkForm(uri);
        } catch (OutboundRefused refused) {
            throw DomainException.invalid("url " + refused.getMessage());
        }
        return uri;
    }

    private static String secret(String secret) {
        if (secret == null || secret.isBlank()
                || secret.length() < MIN_SECRET_LENGTH || secret.length() > MAX_SECRET_LENGTH) {
            throw DomainException.invalid("secret must be " + MIN_SECRET_LENGTH + " to " + MAX_SECRET_LENGTH
                    + " characters: the key both sides sign with");
        }
        return secret;
    }

    private static Duration timeout(Integer millis) {
        if (millis == null) {
            return DEFAULT_TIMEOUT;
        }
        Duration timeout = Duration.ofMillis(millis);
        if (timeout.compareTo(MIN_TIMEOUT) < 0 || timeout.compareTo(MAX_TIMEOUT) > 0) {
            throw DomainException.invalid("timeoutMillis must be " + MIN_TIMEOUT.toMillis() + " to "
                    + MAX_TIMEOUT.toMillis() + " milliseconds, as every send waits for the hook");
        }
        return timeout;
    }

    /** Without the secret, so the settings may be logged. */
    @Override
    public String toString() {
        return "PreSendHookSettings[url=" + url + ", timeout=" + timeout + ", onFailure=" + onFailure.wireName() + "]";
    }
}
