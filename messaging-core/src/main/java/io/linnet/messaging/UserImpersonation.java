package io.linnet.messaging;

import io.linnet.messaging.message.MessageSender;
import io.linnet.messaging.message.SendReceipt;
import io.linnet.messaging.user.UserToken;
import io.linnet.messaging.user.UserTokens;
import io.linnet.tenancy.AppRef;
import io.linnet.tenancy.Ids;
import org.springframework.stereotype.Service;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What the console does as one of an app's end users, exactly as the developer API would do it for
 * them: send a text message as a member of a conversation (moderation and the plan's limits apply as
 * to any send), and mint a short-lived token to try a client with.
 */
@Service
public class UserImpersonation {

    /** How long a token minted to try a client lives. */
    public static final Duration TEST_TOKEN_TTL = Duration.ofHours(1);

    private final MessageSender sender;
    private final UserTokens tokens;
    private final MessagingSettings settings;

    public UserImpersonation(MessageSender sender, UserTokens tokens, MessagingSettings settings) {
        this.sender = sender;
        this.tokens = tokens;
        this.settings = settings;
    }

    /** A message stored by {@link #sendText}. */
    public record Sent(MessageId messageId, long seq) {
    }

    /** A token minted by {@link #mintTestToken}. */
    public record TestToken(String token, Instant expiresAt) {
    }

    /** Sends {@code text} as {@code member}, who must be a member of the conversation (otherwise it is not found). */
    public Sent sendText(AppRef app, ConversationId conversation, UserId member, String text) {
        SubmittedMessage message = SubmittedMessage.of(member.value(), "console-" + Ids.next(),
                new MessageBody("text", text, null, null, null, null), settings);
        SendReceipt receipt = sender.send(app, conversation, message);
        return new Sent(receipt.messageId(), receipt.seq());
    }

    /** A token for {@code user} that lives {@link #TEST_TOKEN_TTL} (or the longest allowed, if shorter). */
    public TestToken mintTestToken(AppRef app, UserId user) {
        Duration ttl = TEST_TOKEN_TTL.compareTo(settings.userTokenMaxTtl()) > 0 ? settings.userTokenMaxTtl() : TEST_TOKEN_TTL;
        UserToken minted = tokens.mint(app, user, Optional.of(ttl));
        return new TestToken(minted.token(), minted.expiresAt());
    }
}
