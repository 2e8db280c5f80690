package io.linnet.push.offline;

import io.linnet.push.OfflinePushPolicies;
import io.linnet.push.OfflinePushPolicy;
import io.linnet.tenancy.AppCaller;
import io.linnet.tenancy.AppRef;
import io.linnet.tenancy.DomainException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /v1/push/offline}: whether and how chat messages are pushed to offline members (scope {@code push}). */
@RestController
@RequestMapping("/v1/push/offline")
class OfflinePushController {

    record PolicyRequest(Boolean enabled, String preview) {
    }

    private final OfflinePushPolicies policies;

    OfflinePushController(OfflinePushPolicies policies) {
        this.policies = policies;
    }

    @GetMapping
    OfflinePushPolicy get(AppCaller caller) {
        caller.require("push");
        return policies.get(AppRef.of(caller));
    }

    @PutMapping
    OfflinePushPolicy put(AppCaller caller, @RequestBody(required = false) PolicyRequest request) {
        caller.require("push");
        if (request == null) {
            throw DomainException.invalid("The request body is missing: send {enabled, preview}");
        }
        return policies.put(AppRef.of(caller), OfflinePushPolicy.check(request.enabled(), request.preview()));
    }
}
