package io.linnet.tenancy.tenant;

import io.linnet.tenancy.Actor;
import io.linnet.tenancy.DomainException;
import io.linnet.tenancy.Page;
import io.linnet.tenancy.TenantId;
import io.linnet.tenancy.account.Invitation;
import io.linnet.tenancy.account.InvitationLinks;
import io.linnet.tenancy.account.MemberManagement;
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

/**
 * {@code /ops/v1/tenants}: platform operators create, list (and search), suspend, resume and delete tenants,
 * and send an owner who has not joined a fresh invitation link.
 */
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

    /** A fresh invitation link for a tenant's owner who has not joined yet. */
    record OwnerInvitationAnswer(Member owner, String invitationUrl, java.time.Instant expiresAt) {
    }

    private final TenantManagement tenants;
    private final MemberManagement members;
    private final InvitationLinks links;

    TenantController(TenantManagement tenants, MemberManagement members, InvitationLinks links) {
        this.tenants = tenants;
        this.members = members;
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
                      @RequestParam(required = false) String cursor, @RequestParam(required = false) String q) {
        if (q != null && q.length() > 200) {
            throw DomainException.invalid("q must be at most 200 characters");
        }
        return tenants.list(actor, Optional.ofNullable(q), Page.Request.of(limit, cursor));
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

    /** Sends the owner's invitation again: a new one-time link, the old one stops working. */
    @PostMapping("/{tenantId}/owner/invitation")
    ResponseEntity<OwnerInvitationAnswer> reinviteOwner(Actor.Operator actor, @PathVariable String tenantId) {
        Invitation invitation = members.reinviteOwner(actor, TenantId.of(tenantId));
        return ResponseEntity.ok().header("Cache-Control", "no-store")
                .body(new OwnerInvitationAnswer(invitation.member(), links.linkFor(invitation), invitation.expiresAt()));
    }

    @PostMapping("/{tenantId}/resume")
    Tenant resume(Actor.Operator actor, @PathVariable String tenantId) {
        return tenants.resume(actor, TenantId.of(tenantId));
    }
}
