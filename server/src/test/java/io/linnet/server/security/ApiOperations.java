package io.linnet.server.security;

import io.linnet.server.support.Api;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Every operation of the OpenAPI document the running server publishes at {@code /v3/api-docs}.
 * The security tests walk this list instead of a list of their own, so an endpoint added tomorrow
 * is walked without anyone editing them.
 */
record ApiOperations(JsonNode document, List<Operation> all) {

    /** One method on one path, with its parameters and request body as the document describes them. */
    record Operation(String method, String path, JsonNode spec) {

        String name() {
            return method + " " + path;
        }

        List<String> pathParameters() {
            return parameters("path");
        }

        List<String> queryParameters() {
            return parameters("query");
        }

        /** The OpenAPI type of a parameter ({@code string}, {@code integer}, {@code boolean}...). */
        String parameterType(String name) {
            for (JsonNode parameter : spec.path("parameters")) {
                if (parameter.path("name").asString().equals(name)) {
                    return parameter.path("schema").path("type").asString("string");
                }
            }
            return "string";
        }

        /** The request body's content type, or null when the operation takes none. */
        String bodyContentType() {
            JsonNode content = spec.path("requestBody").path("content");
            return content.isObject() && !content.isEmpty() ? content.propertyNames().iterator().next() : null;
        }

        boolean reads() {
            return method.equals("GET");
        }

        private List<String> parameters(String in) {
            List<String> names = new ArrayList<>();
            for (JsonNode parameter : spec.path("parameters")) {
                if (parameter.path("in").asString().equals(in)) {
                    names.add(parameter.path("name").asString());
                }
            }
            return names;
        }
    }

    static ApiOperations published(Api api) {
        Api.Response docs = api.anonymous().get("/v3/api-docs");
        if (docs.status() != 200) {
            throw new AssertionError("No OpenAPI document: " + docs);
        }
        JsonNode document = docs.json();
        List<Operation> operations = new ArrayList<>();
        for (String path : document.get("paths").propertyNames()) {
            JsonNode item = document.get("paths").get(path);
            for (String method : item.propertyNames()) {
                operations.add(new Operation(method.toUpperCase(Locale.ROOT), path, item.get(method)));
            }
        }
        operations.sort((a, b) -> a.name().compareTo(b.name()));
        return new ApiOperations(document, List.copyOf(operations));
    }

    /** A schema with its {@code $ref} followed. */
    JsonNode resolve(JsonNode schema) {
        JsonNode current = schema;
        while (current != null && current.has("$ref")) {
            String ref = current.get("$ref").asString();
            current = document.get("components").get("schemas").get(ref.substring(ref.lastIndexOf('/') + 1));
        }
        return current;
    }

    /** The request body schema of {@code operation}, resolved, or null. */
    JsonNode bodySchema(Operation operation) {
        String type = operation.bodyContentType();
        return type == null ? null : resolve(operation.spec().path("requestBody").path("content").path(type).path("schema"));
    }
}
