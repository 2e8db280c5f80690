package io.linnet.moderation.restriction;

import io.linnet.moderation.Restriction;
import io.linnet.moderation.RestrictionKind;
import io.linnet.moderation.Restrictions;
import io.linnet.messaging.UserId;
import io.linnet.tenancy.Actor;
import io.linnet.tenancy.AppId;
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
import java.time.Duration;
import java.util.Optional;

/**
 * {@code /manage/v1/apps/{appId}/moderation/mutes}, {@code /bans} and {@code /restrictions}: impose
 * mutes and bans, list them, lift them.
 */
@RestController
@RequestMapping("/manage/v1/apps/{appId}/moderation")
class RestrictionController {

    /** {@code durationSeconds} left out: until lifted. {@code conversationId} (mutes only) left out: the whole app. */
    record ImposeRequest(String userId, String conversationId, Long durationSeconds, String reason) {

        Optional<Duration> duration() {
            return Optional.ofNullable(durationSeconds).map(Duration::ofSeconds);
        }
    }

    record LiftRequest(String reason) {
    }

    private final Restrictions restrictions;

    RestrictionController(Restrictions restrictions) {
        this.restrictions = restrictions;
    }

    @PostMapping("/mutes")
    ResponseEntity<Restriction> mute(Actor.Member actor, @PathVariable String appId,
                                     @RequestBody(required = false) ImposeRequest request) {
        ImposeRequest body = required(request);
        return created(appId, restrictions.mute(actor, AppId.of(appId), body.userId(),
                Optional.ofNullable(body.conversationId()), body.duration(), body.reason()));
    }

    @PostMapping("/bans")
    ResponseEntity<Restriction> ban(Actor.Member actor, @PathVariable String appId,
                                    @RequestBody(required = false) ImposeRequest request) {
        ImposeRequest body = required(request);
        if (body.conversationId() != null) {
            throw DomainException.invalid("A ban is for the whole app: leave conversationId out (or mute in the conversation)");
        }
        return created(appId, restrictions.ban(actor, AppId.of(appId), body.userId(), body.duration(), body.reason()));
    }

    /** {@code active} defaults to true: only what is in force now. */
    @GetMapping("/restrictions")
    Page<Restriction> list(Actor.Member actor, @PathVariable String appId, @RequestParam(required = false) String kind,
                           @RequestParam(required = false) String userId, @RequestParam(required = false) Boolean active,
                           @RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor) {
        Restrictions.Filter filter = new Restrictions.Filter(kind == null ? null : RestrictionKind.of(kind),
                userId == null ? null : UserId.of(userId), active == null || active);
        return restrictions.list(actor, AppId.of(appId), filter, Page.Request.of(limit, cursor));
    }

    @GetMapping("/restrictions/{restrictionId}")
    Restriction get(Actor.Member actor, @PathVariable String appId, @PathVariable String restrictionId) {
        return restrictions.get(actor, AppId.of(appId), restrictionId);
    }

    @PostMapping("/restrictions/{restrictionId}/lift")
    Restriction lift(Actor.Member actor, @PathVariable String appId, @PathVariable String restrictionId,
                     @RequestBody(required = false) LiftRequest request) {
        return restrictions.lift(actor, AppId.of(appId), restrictionId, request == null ? null : request.reason());
    }

    private static ImposeRequest required(ImposeRequest request) {
        if (request == null || request.userId() == null) {
            throw DomainException.invalid("userId is required (send {userId, durationSeconds?, reason})");
        }
        return request;
    }

    private static ResponseEntity<Restriction> created(String appId, Restriction restriction) {
        return ResponseEntity.created(URI.create("/manage/v1/apps/" + appId + "/moderation/restrictions/" + restriction.id()))
                .body(restriction);
    }
}
