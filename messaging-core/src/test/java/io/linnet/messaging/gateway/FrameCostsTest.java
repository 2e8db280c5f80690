package io.linnet.messaging.gateway;

import io.linnet.messaging.ConversationId;
import io.linnet.messaging.MessageBody;
import io.linnet.messaging.MessageId;
import io.linnet.messaging.UserId;
import io.linnet.tenancy.Ids;
import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** What each client frame draws from its connection's budget, and which frames also count as sends. */
class FrameCostsTest {

    private static final ConversationId CHAT = new ConversationId(Ids.next());
    private static final MessageId MESSAGE = new MessageId(Ids.next());

    private static final ClientFrame SEND = new ClientFrame.Send("r", "m-1", CHAT, new MessageBody("text", "hi", null, null, null, null));
    private static final ClientFrame READ = new ClientFrame.Read("r", CHAT, 3);
    private static final ClientFrame TYPING = new ClientFrame.Typing("r", CHAT);
    private static final ClientFrame RECALL = new ClientFrame.Recall("r", MESSAGE);
    private static final ClientFrame REPORT = new ClientFrame.Report("r", MESSAGE, "spam");
    private static final ClientFrame PING = new ClientFrame.Ping("r");
    private static final ClientFrame READ_COUNT = new ClientFrame.ReadCount("r", CHAT, 3);
    private static final ClientFrame AUTH = new ClientFrame.Auth("r", "token");

    @Test
    void a_frame_that_is_one_round_trip_costs_one_unit() {
        for (ClientFrame frame : List.of(SEND, READ, TYPING, RECALL, PING)) {
            assertThat(FrameCosts.upFront(frame)).as(frame.toString()).isEqualTo(1);
        }
    }

    @Test
    void dearer_frames_cost_what_they_make_the_server_do() {
        assertThat(FrameCosts.upFront(READ_COUNT)).isEqualTo(2);
        assertThat(FrameCosts.upFront(REPORT)).isEqualTo(5);
    }

    @Test
    void a_presence_query_pays_a_unit_plus_a_tenth_per_user_it_names_rounded_up() {
        assertThat(FrameCosts.upFront(presence(0))).isEqualTo(1);
        assertThat(FrameCosts.upFront(presence(1))).isEqualTo(2);
        assertThat(FrameCosts.upFront(presence(10))).isEqualTo(2);
        assertThat(FrameCosts.upFront(presence(11))).isEqualTo(3);
        assertThat(FrameCosts.upFront(presence(ClientFrame.MAX_PRESENCE_USERS))).isEqualTo(21);
    }

    @Test
    void a_sync_pays_for_its_listing_and_each_conversation_it_reads_up_front() {
        assertThat(FrameCosts.upFront(sync(0))).isEqualTo(FrameCosts.SYNC_BASE);
        assertThat(FrameCosts.upFront(sync(3))).isEqualTo(FrameCosts.SYNC_BASE + 3);
        assertThat(FrameCosts.upFront(sync(ClientFrame.MAX_SYNC_CONVERSATIONS))).isEqualTo(110);
    }

    @Test
    void authenticating_draws_nothing_from_the_budget() {
        assertThat(FrameCosts.upFront(AUTH)).isZero();
    }

    @Test
    void frames_that_write_or_make_other_devices_write_count_as_sends_and_queries_do_not() {
        assertThat(List.of(SEND, READ, TYPING, RECALL, REPORT)).allMatch(FrameCosts::isWrite);
        assertThat(List.of(PING, READ_COUNT, AUTH, presence(3), sync(2))).noneMatch(FrameCosts::isWrite);
    }

    @Test
    void a_budget_of_twice_its_rate_pays_for_a_burst_of_the_dearest_syncs_and_then_refuses() {
        Allowance budget = new Allowance(100, 200, 0);
        double dearest = FrameCosts.upFront(sync(ClientFrame.MAX_SYNC_CONVERSATIONS));

        assertThat(budget.take(dearest, 0)).isTrue();
        assertThat(budget.take(dearest, 0)).as("90 units left").isFalse();
        assertThat(budget.take(FrameCosts.upFront(PING), 0)).isTrue();
    }

    private static ClientFrame presence(int users) {
        return new ClientFrame.Presence("r", IntStream.range(0, users).mapToObj(i -> new UserId("user-" + i)).toList());
    }

    private static ClientFrame sync(int conversations) {
        return new ClientFrame.Sync("r", Collections.nCopies(conversations, new ClientFrame.Sync.Cursor(CHAT, 0)),
                ClientFrame.DEFAULT_SYNC_LIMIT);
    }
}
