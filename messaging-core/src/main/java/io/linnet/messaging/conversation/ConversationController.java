package io.linnet.messaging.conversation;

import io.linnet.tenancy.AppRef;
import io.linnet.messaging.ConversationDirectory;
import io.linnet.messaging.ConversationId;
import io.linnet.messaging.ConversationSummary;
import io.linnet.messaging.UserId;
import io.linnet.messaging.MessagingSettings;
import io.linnet.tenancy.AppCaller;
import io.linnet.tenancy.DomainException;
import io.linnet.tenancy.Page;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;
import java.util.Optional;

/** {@code /v1/conversations}: an app's conversations and their members (scope {@code messages}). */
@RestController
@RequestMapping("/v1/conversations")
class ConversationController {

    static final String SCOPE = "messages";

    record NewConversationRequest(String type, List<String> members, String name, Integer memberLimit, String owner) {
    }

    record MembersRequest(List<String> members, String role) {
    }

    private final ConversationManagement conversations;
    private final ConversationDirectory directory;
    private final MessagingSettings settings;

    ConversationController(ConversationManagement conversations, ConversationDirectory directory,
                           MessagingSettings settings) {
        this.conversations = conversations;
        this.directory = directory;
        this.settings = settings;
    }

    /**
     * The app's conversations by id, paged: {@code query} matches an id, part of a name or a member's
     * user id; {@code member} keeps those the user belongs to. Each comes with its member count and
     * last activity.
     */
    @GetMapping
    Page<ConversationSummary> search(AppCaller caller, @RequestParam(required = false) String query,
                                     @RequestParam(required = false) String member,
                                     @RequestParam(required = false) String cursor,
                                     @RequestParam(required = false) Integer limit) {
        caller.require(SCOPE);
        Optional<UserId> user = member == null || member.isBlank() ? Optional.empty() : Optional.of(UserId.of(member.strip()));
        return directory.search(AppRef.of(caller), query, user, Page.Request.of(limit, cursor));
    }

    /** Creates a conversation (201); a direct one that exists between the same two users is answered as it is (200). */
    @PostMapping
    ResponseEntity<Conversation> create(AppCaller caller, @RequestBody NewConversationRequest request) {
        caller.require(SCOPE);
        NewConversation checked = NewConversation.of(request.type(), request.members(), request.name(),
                request.memberLimit(), request.owner(), settings);
        ConversationManagement.Created created = conversations.create(AppRef.of(caller), checked);
        if (!created.created()) {
            return ResponseEntity.ok(created.conversation());
        }
        return ResponseEntity.created(URI.create("/v1/conversations/" + created.conversation().id()))
                .body(created.conversation());
    }

    @GetMapping("/{conversationId}")
    Conversation get(AppCaller caller, @PathVariable String conversationId) {
        caller.require(SCOPE);
        return conversations.get(AppRef.of(caller), ConversationId.of(conversationId));
    }

    /** The members by user id, paged: {@code ?limit=&cursor=}. */
    @GetMapping("/{conversationId}/members")
    Page<ConversationMember> members(AppCaller caller, @PathVariable String conversationId,
                                     @RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor) {
        caller.require(SCOPE);
        return conversations.members(AppRef.of(caller), ConversationId.of(conversationId), Page.Request.of(limit, cursor));
    }

    /** Adds members to a group, as {@code member} unless {@code role} says {@code admin}. */
    @PostMapping("/{conversationId}/members")
    Conversation addMembers(AppCaller caller, @PathVariable String conversationId, @RequestBody MembersRequest request) {
        caller.require(SCOPE);
        ConversationId id = ConversationId.of(conversationId);
        MemberRole role = request.role() == null ? MemberRole.MEMBER : MemberRole.of(request.role());
        if (role == MemberRole.OWNER) {
            throw DomainException.invalid("role must be 'admin' or 'member'");
        }
        return conversations.addMembers(AppRef.of(caller), id,
                NewConversation.members(request.members(), settings.groupMemberLimit()), role);
    }

    @DeleteMapping("/{conversationId}/members")
    Conversation removeMembers(AppCaller caller, @PathVariable String conversationId, @RequestBody MembersRequest request) {
        caller.require(SCOPE);
        ConversationId id = ConversationId.of(conversationId);
        return conversations.removeMembers(AppRef.of(caller), id,
                NewConversation.members(request.members(), settings.groupMemberLimit()));
    }
}
