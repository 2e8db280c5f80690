package io.linnet.bench.chat;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FramesAndLatencyTest {

    @Test
    void a_client_msg_id_carries_its_counter_and_send_time_even_when_nano_time_is_negative() {
        ChatConnection connection = new ChatConnection(7, "u", (c, frame, at) -> { });
        connection.nextClientMsgId(1);
        String id = connection.nextClientMsgId(-42_000_000_000L);
        assertEquals("7.1.-42000000000", id);
        assertEquals(1, Frames.counter(id));
        assertEquals(-42_000_000_000L, Frames.sendNanos(id));
        assertEquals(Long.MIN_VALUE, Frames.sendNanos("someone-else"));
    }

    @Test
    void a_send_frame_is_json_with_the_time_at_the_head_of_its_text() {
        String frame = Frames.send("c0ffee00-0000-0000-0000-000000000000", "1.2.3", 3, 20);
        var json = Frames.JSON.readTree(frame);
        assertEquals("send", json.get("type").asString());
        assertEquals("1.2.3", json.get("clientMsgId").asString());
        assertEquals("bench 3 xxxxxxxxxxxx", json.get("body").get("text").asString());
    }

    @Test
    void small_samples_take_the_nearest_rank() {
        long[] nanos = new long[200];
        for (int i = 0; i < nanos.length; i++) {
            nanos[i] = (200 - i) * 1_000_000L;
        }
        Latency.Summary summary = Latency.Summary.ofNanos(nanos);
        assertEquals(100.0, summary.p50());
        assertEquals(198.0, summary.p99());
        assertEquals(200.0, summary.max());
    }

    @Test
    void the_histogram_keeps_three_significant_digits() {
        Latency latency = new Latency();
        for (int i = 1; i <= 1000; i++) {
            latency.recordNanos(i * 1_000_000L);
        }
        Latency.Summary summary = latency.summary();
        assertEquals(1000, summary.count());
        assertEquals(500.0, summary.p50(), 0.5);
        assertEquals(990.0, summary.p99(), 1.0);
        latency.reset();
        assertEquals(0, latency.summary().count());
    }
}
