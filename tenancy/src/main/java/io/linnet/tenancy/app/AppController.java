package io.linnet.tenancy.app;

import io.linnet.tenancy.Actor;
import io.linnet.tenancy.AppCaller;
import io.linnet.tenancy.AppId;
import io.linnet.tenancy.Page;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;

/** {@code /manage/v1/apps} for tenant members, and {@code GET /v1/app} for an app's own access token. */
@RestController
class AppController {

    record AppRequest(String name) {
    }

    private final AppManagement apps;

    AppController(AppManagement apps) {
        this.apps = apps;
    }

    @GetMapping("/manage/v1/apps")
    Page<App> list(Actor.Member actor, @RequestParam(required = false) Integer limit,
                   @RequestParam(required = false) String cursor) {
        return apps.list(actor, Page.Request.of(limit, cursor));
    }

    @PostMapping("/manage/v1/apps")
    ResponseEntity<App> create(Actor.Member actor, @RequestBody AppRequest request) {
        App app = apps.create(actor, request.name());
        return ResponseEntity.created(URI.create("/manage/v1/apps/" + app.id())).body(app);
    }

    @GetMapping("/manage/v1/apps/{appId}")
    App get(Actor.Member actor, @PathVariable String appId) {
        return apps.get(actor, AppId.of(appId));
    }

    @PatchMapping("/manage/v1/apps/{appId}")
    App rename(Actor.Member actor, @PathVariable String appId, @RequestBody AppRequest request) {
        return apps.rename(actor, AppId.of(appId), request.name());
    }

    @DeleteMapping("/manage/v1/apps/{appId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(Actor.Member actor, @PathVariable String appId) {
        apps.delete(actor, AppId.of(appId));
    }

    @GetMapping("/v1/app")
    App own(AppCaller caller) {
        return apps.get(caller);
    }
}
