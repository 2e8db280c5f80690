package io.linnet.messaging.message;

import io.linnet.messaging.MessageBody;
import io.linnet.messaging.SubmittedMessage;
import io.linnet.messaging.MessageRecall;
import io.linnet.messaging.MessageHistory;
import io.linnet.messaging.Message;
import io.linnet.messaging.HistoryPage;
import io.linnet.tenancy.AppRef;
import io.linnet.messaging.ConversationId;
import io.linnet.messaging.MessageId;
import io.linnet.messaging.MessagingSettings;
import io.linnet.messaging.UserId;
import io.linnet.tenancy.AppCaller;
import io.linnet.tenancy.Page;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.Optional;

/**
 * Messages for the developer's backend (scope {@code messages}): send on behalf of a member, read a
 * conversation's history by seq, recall.
 */
@RestController
class MessageController {

    static final String SCOPE = "messages";

    record SendRequest(String senderId, String clientMsgId, MessageBody body) {
    }

    record SendResponse(MessageId messageId, long seq) {
    }

    record RecallRequest(String userId) {
    }

    private final MessageSender sender;
    private final MessageHistory history;
    private final MessageRecall recall;
    private final MessagingSettings settings;

    MessageController(MessageSender sender, MessageHistory history, MessageRecall recall, MessagingSettings settings) {
        this.sender = sender;
        this.history = history;
        this.recall = recall;
        this.settings = settings;
    }

    /** Sends a message (201); a retry with the same sender and clientMsgId answers the original (200). */
    @PostMapping("/v1/conversations/{conversationId}/messages")
    ResponseEntity<SendResponse> send(AppCaller caller, @PathVariable String conversationId,
                                      @RequestBody SendRequest request) {
        caller.require(SCOPE);
        ConversationId id = ConversationId.of(conversationId);
        SubmittedMessage message = SubmittedMessage.of(request.senderId(), request.clientMsgId(), request.body(), settings);
        SendReceipt sent = sender.send(AppRef.of(caller), id, message);
        return ResponseEntity.status(sent.repeated() ? HttpStatus.OK : HttpStatus.CREATED)
                .body(new SendResponse(sent.messageId(), sent.seq()));
    }

    @GetMapping("/v1/conversations/{conversationId}/messages")
    HistoryPage history(AppCaller caller, @PathVariable String conversationId,
                        @RequestParam(required = false) Long afterSeq, @RequestParam(required = false) Long beforeSeq,
                        @RequestParam(required = false) Integer limit) {
        caller.require(SCOPE);
        ConversationId id = ConversationId.of(conversationId);
        return history.read(AppRef.of(caller), id, Optional.ofNullable(afterSeq), Optional.ofNullable(beforeSeq),
                Page.checkLimit(limit));
    }

    /** Recalls a message: by its sender ({@code userId}) within the recall window, or by the app (no body). */
    @PostMapping("/v1/messages/{messageId}/recall")
    Message recall(AppCaller caller, @PathVariable String messageId, @RequestBody(required = false) RecallRequest request) {
        caller.require(SCOPE);
        MessageId id = MessageId.of(messageId);
        Optional<UserId> by = Optional.ofNullable(request).map(RecallRequest::userId).map(UserId::of);
        return recall.recall(AppRef.of(caller), id, by);
    }
}
