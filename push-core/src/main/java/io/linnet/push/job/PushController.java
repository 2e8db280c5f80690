package io.linnet.push.job;

import io.linnet.messaging.AppRef;
import io.linnet.tenancy.AppCaller;
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

/** {@code /v1/push}: push jobs for an app's developer backend (scope {@code push}). */
@RestController
@RequestMapping("/v1/push")
class PushController {

    static final String SCOPE = "push";

    /** The answer to a new push: it is accepted, and sent from {@code sendAt}. */
    record Accepted(String pushId, String state, Instant sendAt, Instant expiresAt) {
    }

    record OpenRequest(String deviceId) {
    }

    private final PushJobs jobs;

    PushController(PushJobs jobs) {
        this.jobs = jobs;
    }

    /** Accepts a push (202): the answer comes before any device is tried; {@code GET /v1/push/{pushId}} follows it. */
    @PostMapping
    ResponseEntity<Accepted> create(AppCaller caller, @RequestBody(required = false) PushRequest request) {
        caller.require(SCOPE);
        PushJob job = jobs.create(AppRef.of(caller), request, Origin.API);
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
        return jobs.get(AppRef.of(caller), pushId);
    }

    /** Cancels a scheduled push; one that has started sending is a conflict. */
    @PostMapping("/{pushId}/cancel")
    PushJob cancel(AppCaller caller, @PathVariable String pushId) {
        caller.require(SCOPE);
        return jobs.cancel(AppRef.of(caller), pushId);
    }

    /** A client opened the notification on {@code deviceId}; each device counts once. */
    @PostMapping("/{pushId}/opens")
    PushJobs.OpenReport open(AppCaller caller, @PathVariable String pushId,
                             @RequestBody(required = false) OpenRequest request) {
        caller.require(SCOPE);
        return jobs.open(AppRef.of(caller), pushId, request == null ? null : request.deviceId());
    }
}
