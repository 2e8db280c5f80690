package io.linnet.tenancy.account;

import io.linnet.tenancy.AccountId;
import io.linnet.tenancy.Actor;
import io.linnet.tenancy.Page;
import io.linnet.tenancy.Role;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.Instant;

/** {@code /manage/v1/members}: the tenant's team. */
@RestController
@RequestMapping("/manage/v1/members")
class MemberController {

    record InviteRequest(String email, String role) {
    }

    record RoleRequest(String role) {
    }

    /** An invited member, with the one-time link to pass on to them. */
    record InvitedMember(Member member, String invitationUrl, Instant expiresAt) {
    }

    private final MemberManagement members;
    private final InvitationLinks links;

    MemberController(MemberManagement members, InvitationLinks links) {
        this.members = members;
        this.links = links;
    }

    @GetMapping
    Page<Member> list(Actor.Member actor, @RequestParam(required = false) Integer limit,
                      @RequestParam(required = false) String cursor) {
        return members.list(actor, Page.Request.of(limit, cursor));
    }

    @PostMapping
    ResponseEntity<InvitedMember> invite(Actor.Member actor, @RequestBody InviteRequest request) {
        Invitation invitation = members.invite(actor, request.email(), Role.parse(request.role()));
        return ResponseEntity.created(URI.create("/manage/v1/members/" + invitation.member().id()))
                .header("Cache-Control", "no-store")
                .body(new InvitedMember(invitation.member(), links.linkFor(invitation), invitation.expiresAt()));
    }

    @GetMapping("/{memberId}")
    Member get(Actor.Member actor, @PathVariable String memberId) {
        return members.get(actor, AccountId.of(memberId));
    }

    @PostMapping("/{memberId}/invitation")
    InvitedMember reinvite(Actor.Member actor, @PathVariable String memberId) {
        Invitation invitation = members.reinvite(actor, AccountId.of(memberId));
        return new InvitedMember(invitation.member(), links.linkFor(invitation), invitation.expiresAt());
    }

    @PatchMapping("/{memberId}")
    Member changeRole(Actor.Member actor, @PathVariable String memberId, @RequestBody RoleRequest request) {
        return members.changeRole(actor, AccountId.of(memberId), Role.parse(request.role()));
    }

    @DeleteMapping("/{memberId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void remove(Actor.Member actor, @PathVariable String memberId) {
        members.remove(actor, AccountId.of(memberId));
    }
}
