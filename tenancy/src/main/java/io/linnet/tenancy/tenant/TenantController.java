package io.linnet.tenancy.tenant;

import io.linnet.tenancy.Actor;
import io.linnet.tenancy.DomainException;
import io.linnet.tenancy.Page;
import io.linnet.tenancy.TenantId;
import io.linnet.tenancy.account.InvitationLinks;
import io.linnet.tenancy.account.Member;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.Optional;

/** {@code /ops/v1/tenants}: platform operators create, list, suspend, resume and delete tenants. */
@RestController
@RequestMapping("/ops/v1/tenants")
class TenantController {

    record OwnerRequest(String email, String password) {
    }

    record NewTenantRequest(String name, OwnerRequest owner) {
    }

    /** A created tenant; {@code invitationUrl} is set when the owner still has to choose a password. */
    record NewTenantAnswer(Tenant tenant, Member owner, String invitationUrl) {
    }

    private final TenantManagement tenants;
    private final InvitationLinks links;

    TenantController(TenantManagement tenants, InvitationLinks links) {
        this.tenants = tenants;
        this.links = links;
    }

    @PostMapping
    ResponseEntity<NewTenantAnswer> create(Actor.Operator actor, @RequestBody NewTenantRequest request) {
        if (request.owner() == null) {
            throw DomainException.invalid("owner is required: {\"email\": ..., \"password\"?: ...}");
        }
        CreatedTenant created = tenants.create(actor, request.name(), request.owner().email(),
                Optional.ofNullable(request.owner().password()));
        return ResponseEntity.created(URI.create("/ops/v1/tenants/" + created.tenant().id()))
                .header("Cache-Control", "no-store")
                .body(new NewTenantAnswer(created.tenant(), created.owner(), created.invitation().map(links::linkFor).orElse(null)));
    }

    @GetMapping
    Page<Tenant> list(Actor.Operator actor, @RequestParam(required = false) Integer limit,
                      @RequestParam(required = false) String cursor) {
        return tenants.list(actor, Page.Request.of(limit, cursor));
    }

    @GetMapping("/{tenantId}")
    Tenant get(Actor.Operator actor, @PathVariable String tenantId) {
        return tenants.get(actor, TenantId.of(tenantId));
    }

    @PostMapping("/{tenantId}/suspend")
    Tenant suspend(Actor.Operator actor, @PathVariable String tenantId) {
        return tenants.suspend(actor, TenantId.of(tenantId));
    }

    @DeleteMapping("/{tenantId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(Actor.Operator actor, @PathVariable String tenantId) {
        tenants.delete(actor, TenantId.of(tenantId));
    }

    @PostMapping("/{tenantId}/resume")
    Tenant resume(Actor.Operator actor, @PathVariable String tenantId) {
        return tenants.resume(actor, TenantId.of(tenantId));
    }
}
