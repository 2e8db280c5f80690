package io.linnet.messaging.message;

import io.linnet.messaging.CheckedBody;
import io.linnet.messaging.Message;
import io.linnet.messaging.ConversationId;
import io.linnet.messaging.MessageId;
import io.linnet.messaging.UserId;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.UUID;

/** Reads {@link Message}s from rows selected with {@link #COLUMNS}. */
public final class MessageRows {

    public static final String COLUMNS = "id, conversation_id, seq, sender_id, client_msg_id, body::text as body, created_at, recalled_at";

    private MessageRows() {
    }

    public static Message message(ResultSet rs, int row) throws SQLException {
        Timestamp recalledAt = rs.getTimestamp("recalled_at");
        return new Message(new MessageId(rs.getObject("id", UUID.class)),
                new ConversationId(rs.getObject("conversation_id", UUID.class)), rs.getLong("seq"),
                new UserId(rs.getString("sender_id")), rs.getString("client_msg_id"),
                CheckedBody.JSON.readTree(rs.getString("body")), rs.getTimestamp("created_at").toInstant(),
                recalledAt == null ? null : recalledAt.toInstant());
    }
}
