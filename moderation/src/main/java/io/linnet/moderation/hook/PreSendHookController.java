package io.linnet.moderation.hook;

import io.linnet.moderation.PreSendHookConfig;
import io.linnet.moderation.PreSendHookSettings;
import io.linnet.tenancy.Actor;
import io.linnet.tenancy.AppId;
import io.linnet.tenancy.DomainException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /manage/v1/apps/{appId}/moderation/hook}: the app's pre-send hook (docs/moderation.md).
 * The signing secret is in the answer only when it was just made.
 */
@RestController
@RequestMapping("/manage/v1/apps/{appId}/moderation/hook")
class PreSendHookController {

    record HookRequest(String url, Integer timeoutMillis, String onFailure, Boolean newSecret) {
    }

    record HookAnswer(String url, int timeoutMillis, PreSendHookSettings.FailurePolicy onFailure,
                      java.time.Instant updatedAt, String secret) {

        static HookAnswer of(PreSendHookConfig.Hook hook, String secret) {
            return new HookAnswer(hook.url(), hook.timeoutMillis(), hook.onFailure(), hook.updatedAt(), secret);
        }
    }

    private final PreSendHookConfig hooks;

    PreSendHookController(PreSendHookConfig hooks) {
        this.hooks = hooks;
    }

    @GetMapping
    HookAnswer get(Actor.Member actor, @PathVariable String appId) {
        return hooks.get(actor, AppId.of(appId))
                .map(hook -> HookAnswer.of(hook, null))
                .orElseThrow(() -> DomainException.notFound("Pre-send hook"));
    }

    @PutMapping
    HookAnswer save(Actor.Member actor, @PathVariable String appId, @RequestBody(required = false) HookRequest request) {
        if (request == null) {
            throw DomainException.invalid("The request body is missing: send {url, timeoutMillis?, onFailure?}");
        }
        PreSendHookConfig.SavedHook saved = hooks.save(actor, AppId.of(appId), request.url(), request.timeoutMillis(),
                request.onFailure(), Boolean.TRUE.equals(request.newSecret()));
        return HookAnswer.of(saved.hook(), saved.secret().orElse(null));
    }

    @DeleteMapping
    ResponseEntity<Void> remove(Actor.Member actor, @PathVariable String appId) {
        hooks.remove(actor, AppId.of(appId));
        return ResponseEntity.noContent().build();
    }
}
