package io.linnet.push.job;

import io.linnet.push.DeviceId;
import io.linnet.push.JobState;
import io.linnet.push.NewPush;
import io.linnet.push.Origin;
import io.linnet.push.PushJob;
import io.linnet.push.PushJobId;
import io.linnet.push.PushJobs;
import io.linnet.push.PushRequest;
import io.linnet.push.PushSettings;
import io.linnet.tenancy.AppCaller;
import io.linnet.tenancy.AppRef;
import io.linnet.tenancy.DomainException;
import io.linnet.tenancy.Page;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

/** {@code /v1/push}: push jobs for an app's developer backend (scope {@code push}). */
@RestController
@RequestMapping("/v1/push")
class PushController {

    static final String SCOPE = "push";

    /** The answer to a new push: it is accepted, and sent from {@code sendAt}. */
    record Accepted(PushJobId pushId, JobState state, Instant sendAt, Instant expiresAt) {
    }

    record OpenRequest(String deviceId) {

        /** The device that opened the notification; a missing or malformed id is bad input. */
        DeviceId device() {
            if (deviceId == null || deviceId.isBlank()) {
                throw DomainException.invalid("deviceId is required: the device that opened the notification");
            }
            try {
                return new DeviceId(UUID.fromString(deviceId.strip()));
            } catch (IllegalArgumentException e) {
                throw DomainException.invalid("deviceId is not a device id");
            }
        }
    }

    private final PushJobs jobs;
    private final PushSettings settings;

    PushController(PushJobs jobs, PushSettings settings) {
        this.jobs = jobs;
        this.settings = settings;
    }

    /** Accepts a push (202): the answer comes before any device is tried; {@code GET /v1/push/{pushId}} follows it. */
    @PostMapping
    ResponseEntity<Accepted> create(AppCaller caller, @RequestBody(required = false) PushRequest request) {
        caller.require(SCOPE);
        PushJob job = jobs.create(AppRef.of(caller), NewPush.of(request, settings), Origin.API);
        return ResponseEntity.accepted().location(URI.create("/v1/push/" + job.id()))
                .body(new Accepted(job.id(), job.state(), job.sendAt(), job.expiresAt()));
    }

    @GetMapping
    Page<PushJob> list(AppCaller caller, @RequestParam(required = false) Integer limit,
                       @RequestParam(required = false) String cursor) {
        caller.require(SCOPE);
        return jobs.list(AppRef.of(caller), Page.Request.of(limit, cursor));
    }

    @GetMapping("/{pushId}")
    PushJob get(AppCaller caller, @PathVariable String pushId) {
        caller.require(SCOPE);
        return jobs.get(AppRef.of(caller), PushJobId.of(pushId));
    }

    /** Cancels a scheduled push; one that has started sending is a conflict. */
    @PostMapping("/{pushId}/cancel")
    PushJob cancel(AppCaller caller, @PathVariable String pushId) {
        caller.require(SCOPE);
        return jobs.cancel(AppRef.of(caller), PushJobId.of(pushId));
    }

    /** A client opened the notification on {@code deviceId}; each device counts once. */
    @PostMapping("/{pushId}/opens")
    PushJobs.OpenReport open(AppCaller caller, @PathVariable String pushId,
                             @RequestBody(required = false) OpenRequest request) {
        caller.require(SCOPE);
        PushJobId id = PushJobId.of(pushId);
        DeviceId device = (request == null ? new OpenRequest(null) : request).device();
        return jobs.open(AppRef.of(caller), id, device);
    }
}
