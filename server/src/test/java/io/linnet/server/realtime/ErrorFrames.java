package io.linnet.server.realtime;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway's {@code error} frames as the tests check them: the frame's type, the {@code ref} of the client frame
 * it answers, the stable code, and a human detail (the WebSocket twin of {@code Api.Response.assertProblem}).
 */
public final class ErrorFrames {

    private ErrorFrames() {
    }

    /** Asserts that {@code frame} is an error answering {@code ref} with {@code code} and a detail; answers the frame. */
    public static JsonNode assertError(JsonNode frame, String ref, String code) {
        assertThat(frame.get("type").asString()).as(frame.toString()).isEqualTo("error");
        assertThat(frame.get("ref").asString()).as(frame.toString()).isEqualTo(ref);
        assertThat(frame.get("code").asString()).as(frame.toString()).isEqualTo(code);
        assertThat(frame.get("detail").asString()).as(frame.toString()).isNotBlank();
        return frame;
    }
}
