package io.linnet.server.security;

import io.linnet.server.support.Api;

/** Sends one operation's request with a body of whatever kind the operation takes. */
final class Requests {

    private Requests() {
    }

    /** {@code body}: null for none, a String for a text body (sent as {@code contentType}), anything else as JSON. */
    static Api.Response send(Api.Client client, String method, String path, String contentType, Object body) {
        if (body == null) {
            return switch (method) {
                case "GET" -> client.get(path);
                case "DELETE" -> client.delete(path);
                default -> client.raw(method, path, null, "");
            };
        }
        String type = contentType == null ? "application/json" : contentType;
        String text = body instanceof String raw ? raw : Api.JSON.writeValueAsString(body);
        return client.raw(method, path, type, text);
    }
}
