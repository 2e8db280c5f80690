package io.linnet.push;

import io.linnet.tenancy.DomainException;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A device registration that has been checked: a token the provider could have issued, or a complete Web Push
 * subscription. {@code token} is what identifies the device at its provider (the Web Push endpoint for a
 * subscription); APNs tokens are kept in lower case, as APNs answers them.
 */
public record DeviceRegistration(PushProvider provider, String token, Optional<String> environment,
                                 Optional<String> p256dh, Optional<String> auth, Optional<String> appVersion,
                                 Optional<String> locale) {

    private static final Pattern APNS_TOKEN = Pattern.compile("[0-9a-fA-F]{64,200}");
    private static final Pattern FCM_TOKEN = Pattern.compile("[\\x21-\\x7e]{1,4096}");
    private static final Pattern APP_VERSION = Pattern.compile("[\\x20-\\x7e]{1,64}");
    private static final Pattern LOCALE = Pattern.compile("[A-Za-z]{2,8}([_-][A-Za-z0-9]{1,8}){0,4}");
    private static final int MAX_ENDPOINT = 2048;

    /** What a client sent: {@code subscription} for Web Push, {@code token} for the others. */
    public static DeviceRegistration of(String rawProvider, String token, String endpoint, String p256dh, String auth,
                                        String environment, String appVersion, String locale) {
        PushProvider provider = PushProvider.of(rawProvider == null ? null : rawProvider.strip().toLowerCase(Locale.ROOT));
        Optional<String> version = optional(appVersion, APP_VERSION,
                "appVersion must be 1 to 64 printable characters");
        Optional<String> language = optional(locale, LOCALE, "locale must be a language tag such as en, en-US or pt_BR");
        return switch (provider) {
            case APNS -> {
                if (token == null || token.isBlank()) {
                    throw DomainException.invalid("token is required: the APNs device token, in hex");
                }
                if (!APNS_TOKEN.matcher(token.strip()).matches()) {
                    throw DomainException.invalid("token must be an APNs device token: 64 or more hex digits");
                }
                yield new DeviceRegistration(provider, token.strip().toLowerCase(Locale.ROOT),
                        Optional.of(apnsEnvironment(environment)), Optional.empty(), Optional.empty(), version, language);
            }
            case FCM -> {
                if (token == null || token.isBlank()) {
                    throw DomainException.invalid("token is required: the FCM registration token");
                }
                if (!FCM_TOKEN.matcher(token.strip()).matches()) {
                    throw DomainException.invalid("token must be an FCM registration token: up to 4096 visible "
                            + "ASCII characters without spaces");
                }
                requireNoEnvironment(environment);
                yield new DeviceRegistration(provider, token.strip(), Optional.empty(), Optional.empty(),
                        Optional.empty(), version, language);
            }
            case WEBPUSH -> {
                if (token != null) {
                    throw DomainException.invalid("A Web Push device registers a subscription {endpoint, keys}, not a token");
                }
                requireNoEnvironment(environment);
                yield new DeviceRegistration(provider, endpoint(endpoint),
                        Optional.empty(), Optional.of(key(p256dh, "subscription.keys.p256dh", 65)),
                        Optional.of(key(auth, "subscription.keys.auth", 16)), version, language);
            }
        };
    }

    private static String apnsEnvironment(String raw) {
        if (raw == null || raw.isBlank()) {
            throw DomainException.invalid("environment is required for APNs: sandbox (development builds) or "
                    + "production (App Store and TestFlight builds)");
        }
        String environment = raw.strip().toLowerCase(Locale.ROOT);
        if (!environment.equals("sandbox") && !environment.equals("production")) {
            throw DomainException.invalid("environment must be sandbox or production");
        }
        return environment;
    }

    private static void requireNoEnvironment(String environment) {
        if (environment != null) {
            throw DomainException.invalid("environment applies to APNs devices only");
        }
    }

    /**
     * A push service's URL, as far as its text tells: which URLs the server will post to is the
     * {@link io.linnet.tenancy.outbound.OutboundGuard}'s decision, made when the device is stored.
     */
    private static String endpoint(String raw) {
        if (raw == null || raw.isBlank()) {
            throw DomainException.invalid("subscription.endpoint is required: the push service URL of the subscription");
        }
        String endpoint = raw.strip();
        if (endpoint.length() > MAX_ENDPOINT) {
            throw DomainException.invalid("subscription.endpoint is longer than " + MAX_ENDPOINT + " characters");
        }
        try {
            URI uri = new URI(endpoint);
            if (("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null) {
                return endpoint;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        throw DomainException.invalid("subscription.endpoint must be an https URL");
    }

    private static String key(String raw, String field, int bytes) {
        if (raw == null || raw.isBlank()) {
            throw DomainException.invalid(field + " is required");
        }
        byte[] decoded;
        try {
            decoded = Base64.getUrlDecoder().decode(raw.strip().replace('+', '-').replace('/', '_').replace("=", ""));
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid(field + " must be base64url");
        }
        if (decoded.length != bytes || (bytes == 65 && decoded[0] != 4)) {
            throw DomainException.invalid(field + (bytes == 65
                    ? " must be a P-256 public key: 65 bytes, an uncompressed point, base64url"
                    : " must be " + bytes + " bytes, base64url"));
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(decoded);
    }

    private static Optional<String> optional(String raw, Pattern pattern, String message) {
        if (raw == null) {
            return Optional.empty();
        }
        if (!pattern.matcher(raw.strip()).matches()) {
            throw DomainException.invalid(message);
        }
        return Optional.of(raw.strip());
    }
}
