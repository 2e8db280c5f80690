package io.linnet.push.device;

import io.linnet.messaging.UserId;
import io.linnet.push.Device;
import io.linnet.push.DeviceId;
import io.linnet.push.DeviceRegistration;
import io.linnet.push.Devices;
import io.linnet.push.PushProvider;
import io.linnet.tenancy.AppCaller;
import io.linnet.tenancy.AppRef;
import io.linnet.tenancy.DomainException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code /v1/users/{userId}/devices}: where a user receives push notifications (scope {@code push}). */
@RestController
@RequestMapping("/v1/users/{userId}/devices")
class DeviceController {

    static final String SCOPE = "push";

    /**
     * A registration: {@code token} (and {@code environment}: sandbox or production) for APNs, {@code token} for
     * FCM, {@code subscription} ({@code PushSubscription.toJSON()}) for Web Push.
     */
    record RegisterRequest(String provider, String token, Subscription subscription, String environment,
                           String appVersion, String locale) {

        record Subscription(String endpoint, Keys keys) {
        }

        record Keys(String p256dh, String auth) {
        }

        DeviceRegistration checked() {
            boolean webPush = PushProvider.of(provider == null ? null : provider.strip().toLowerCase(Locale.ROOT))
                    == PushProvider.WEBPUSH;
            if (subscription != null && !webPush) {
                throw DomainException.invalid("subscription is for Web Push devices; APNs and FCM devices register a token");
            }
            if (subscription == null && webPush) {
                throw DomainException.invalid("subscription is required for Web Push: {endpoint, keys: {p256dh, auth}}");
            }
            Keys keys = subscription == null || subscription.keys() == null ? new Keys(null, null) : subscription.keys();
            return DeviceRegistration.of(provider, token, subscription == null ? null : subscription.endpoint(),
                    keys.p256dh(), keys.auth(), environment, appVersion, locale);
        }
    }

    private final Devices devices;

    DeviceController(Devices devices) {
        this.devices = devices;
    }

    /** Registers the device (201), or refreshes the one registered with the same token (200). */
    @PostMapping
    ResponseEntity<Device> register(AppCaller caller, @PathVariable String userId,
                                    @RequestBody(required = false) RegisterRequest request) {
        caller.require(SCOPE);
        UserId user = UserId.of(userId);
        if (request == null) {
            throw DomainException.invalid("The request body is missing: send {provider, token} or {provider, subscription}");
        }
        Devices.Registered registered = devices.register(AppRef.of(caller), user, request.checked());
        if (!registered.created()) {
            return ResponseEntity.ok(registered.device());
        }
        return ResponseEntity.created(URI.create("/v1/users/" + userId + "/devices/" + registered.device().id()))
                .body(registered.device());
    }

    @GetMapping
    Map<String, List<Device>> list(AppCaller caller, @PathVariable String userId) {
        caller.require(SCOPE);
        return Map.of("items", devices.list(AppRef.of(caller), UserId.of(userId)));
    }

    @DeleteMapping("/{deviceId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(AppCaller caller, @PathVariable String userId, @PathVariable String deviceId) {
        caller.require(SCOPE);
        devices.delete(AppRef.of(caller), UserId.of(userId), DeviceId.of(deviceId));
    }
}
