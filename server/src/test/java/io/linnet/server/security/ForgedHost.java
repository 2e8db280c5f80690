package io.linnet.server.security;

import io.linnet.server.support.Api;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Plain HTTP/1.0 requests with a {@code Host} header of the test's choosing, which the JDK's HTTP
 * client refuses to send. HTTP/1.0, so the answer is never chunked.
 */
final class ForgedHost {

    record Answer(int status, String head, String body) {

        JsonNode json() {
            return Api.JSON.readTree(body);
        }
    }

    private final int port;
    private final String host;

    ForgedHost(int port, String host) {
        this.port = port;
        this.host = host;
    }

    Answer get(String path, Map<String, String> headers) {
        return send("GET", path, headers, null, null);
    }

    Answer post(String path, Map<String, String> headers, String contentType, String body) {
        return send("POST", path, headers, contentType, body);
    }

    private Answer send(String method, String path, Map<String, String> headers, String contentType, String body) {
        StringBuilder request = new StringBuilder(method + " " + path + " HTTP/1.0\r\nHost: " + host + "\r\n");
        headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
        byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        if (body != null) {
            request.append("Content-Type: ").append(contentType).append("\r\nContent-Length: ").append(content.length).append("\r\n");
        }
        request.append("\r\n");
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.UTF_8));
            out.write(content);
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            String text = all.toString(StandardCharsets.UTF_8);
            int end = text.indexOf("\r\n\r\n");
            String head = end < 0 ? text : text.substring(0, end);
            String rest = end < 0 ? "" : text.substring(end + 4);
            return new Answer(Integer.parseInt(head.split(" ", 3)[1]), head, rest);
        } catch (IOException e) {
            throw new AssertionError("Request failed: " + e, e);
        }
    }
}
