package io.linnet.server.support;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** A small HTTP client for the tests: real requests over the network to the running server. */
public final class Api {

    public static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final String baseUrl;

    public Api(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public String baseUrl() {
        return baseUrl;
    }

    public Client anonymous() {
        return new Client(Map.of());
    }

    public Client basic(String user, String password) {
        return new Client(Map.of("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8))));
    }

    public Client bearer(String token) {
        return new Client(Map.of("Authorization", "Bearer " + token));
    }

    /** An app key's access token from the token endpoint; fails the test when there is none. */
    public String accessToken(String keyId, String secret) {
        Response response = basic(keyId, secret).form("/oauth2/token", Map.of("grant_type", "client_credentials"));
        if (response.status() != 200) {
            throw new AssertionError("No token for " + keyId + ": " + response);
        }
        return response.json().get("access_token").asString();
    }

    /** A response: its status, headers and body (parsed as JSON when it is JSON). */
    public record Response(int status, HttpResponse<String> raw) {

        public JsonNode json() {
            return JSON.readTree(raw.body());
        }

        public String body() {
            return raw.body();
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        public String contentType() {
            return header("Content-Type");
        }

        /** The stable error code of a problem+json answer. */
        public String code() {
            JsonNode code = json().get("code");
            return code == null ? null : code.asString();
        }

        /** Asserts a problem+json answer with {@code status}, the stable {@code code} and a human detail. */
        public Response assertProblem(int status, String code) {
            org.assertj.core.api.Assertions.assertThat(this.status).as(toString()).isEqualTo(status);
            org.assertj.core.api.Assertions.assertThat(contentType()).as(toString()).startsWith("application/problem+json");
            org.assertj.core.api.Assertions.assertThat(code()).as(toString()).isEqualTo(code);
            org.assertj.core.api.Assertions.assertThat(json().get("detail").asString()).as("a human sentence").isNotBlank();
            return this;
        }

        @Override
        public String toString() {
            return status + " " + raw.body();
        }
    }

    public final class Client {

        private final Map<String, String> headers;

        private Client(Map<String, String> headers) {
            this.headers = headers;
        }

        public Client header(String name, String value) {
            Map<String, String> more = new LinkedHashMap<>(headers);
            more.put(name, value);
            return new Client(more);
        }

        public Response get(String path) {
            return send(request(path).GET());
        }

        public Response delete(String path) {
            return send(request(path).DELETE());
        }

        public Response post(String path, Object body) {
            return raw("POST", path, "application/json", body == null ? "" : json(body));
        }

        public Response patch(String path, Object body) {
            return raw("PATCH", path, "application/json", json(body));
        }

        public Response put(String path, Object body) {
            return raw("PUT", path, "application/json", json(body));
        }

        public Response form(String path, Map<String, String> fields) {
            String body = fields.entrySet().stream()
                    .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                            + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            return raw("POST", path, "application/x-www-form-urlencoded", body);
        }

        /** Sends {@code body} exactly as given, for malformed and oversized input. */
        public Response raw(String method, String path, String contentType, String body) {
            HttpRequest.Builder request = request(path).method(method, HttpRequest.BodyPublishers.ofString(body));
            if (contentType != null) {
                request.header("Content-Type", contentType);
            }
            return send(request);
        }

        private HttpRequest.Builder request(String path) {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30));
            headers.forEach(builder::header);
            return builder;
        }

        private Response send(HttpRequest.Builder request) {
            try {
                HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
                return new Response(response.statusCode(), response);
            } catch (IOException e) {
                throw new AssertionError("Request failed: " + e, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private static String json(Object body) {
        return body instanceof String s ? s : JSON.writeValueAsString(body);
    }
}
