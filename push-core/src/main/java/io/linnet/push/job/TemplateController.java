package io.linnet.push.job;

import io.linnet.push.TemplateId;
import io.linnet.tenancy.AppCaller;
import io.linnet.tenancy.AppRef;
import io.linnet.tenancy.DomainException;
import io.linnet.tenancy.Page;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;

/**
 * {@code /v1/push/templates}: an app's notification templates, {@code {name, notification, overrides}} whose texts
 * may hold {@code {{variables}}} (scope {@code push}).
 */
@RestController
@RequestMapping("/v1/push/templates")
class TemplateController {

    private final PushTemplates templates;

    TemplateController(PushTemplates templates) {
        this.templates = templates;
    }

    @PostMapping
    ResponseEntity<PushTemplate> create(AppCaller caller, @RequestBody(required = false) PushTemplates.TemplateRequest request) {
        caller.require(PushController.SCOPE);
        PushTemplate template = templates.create(AppRef.of(caller), required(request));
        return ResponseEntity.created(URI.create("/v1/push/templates/" + template.id())).body(template);
    }

    @GetMapping
    Page<PushTemplate> list(AppCaller caller, @RequestParam(required = false) Integer limit,
                            @RequestParam(required = false) String cursor) {
        caller.require(PushController.SCOPE);
        return templates.list(AppRef.of(caller), Page.Request.of(limit, cursor));
    }

    @GetMapping("/{templateId}")
    PushTemplate get(AppCaller caller, @PathVariable String templateId) {
        caller.require(PushController.SCOPE);
        return templates.get(AppRef.of(caller), TemplateId.of(templateId));
    }

    @PutMapping("/{templateId}")
    PushTemplate replace(AppCaller caller, @PathVariable String templateId,
                         @RequestBody(required = false) PushTemplates.TemplateRequest request) {
        caller.require(PushController.SCOPE);
        PushTemplates.TemplateRequest body = required(request);
        return templates.replace(AppRef.of(caller), TemplateId.of(templateId), body);
    }

    @DeleteMapping("/{templateId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(AppCaller caller, @PathVariable String templateId) {
        caller.require(PushController.SCOPE);
        templates.delete(AppRef.of(caller), TemplateId.of(templateId));
    }

    private static PushTemplates.TemplateRequest required(PushTemplates.TemplateRequest request) {
        if (request == null) {
            throw DomainException.invalid("The request body is missing: send {name, notification} as JSON");
        }
        return request;
    }
}
