package io.linnet.server.security;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * The fuzzers' bad values, seeded and sampled. Every generated string carries a unique marker
 * ({@code zz-fuzz-<n>-}), remembered with where it was planted, so that a test can look for it in
 * the logs afterwards.
 */
final class BadInputs {

    private final Random random;
    private final int perInput;
    private final Map<String, String> plantedIn = new LinkedHashMap<>();
    private String current = "setup";

    BadInputs(long seed, int perInput) {
        this.random = new Random(seed);
        this.perInput = perInput;
    }

    /** Names what the next markers are planted in. */
    void plantingIn(String where) {
        current = where;
    }

    /** marker -> where it was planted. */
    Map<String, String> planted() {
        return plantedIn;
    }

    /** A new marker, remembered with where it was planted. */
    String marker(String kind) {
        String marker = "zz-fuzz-" + (plantedIn.size() + 1) + "-";
        plantedIn.put(marker, current + " (" + kind + ")");
        return marker;
    }

    /** Strings as JSON literals: huge, NUL, lone surrogates, odd Unicode, deep brackets, blank. */
    List<String> strings() {
        return List.of(
                "\"" + marker("a NUL") + "\\u0000nul\"",
                "\"" + marker("a lone high surrogate") + "\\ud800\"",
                "\"\\udfff" + marker("a lone low surrogate") + "\"",
                "\"" + marker("a huge string") + "z".repeat(30_000) + "\"",
                "\"" + marker("bidi and zero-width") + "\\u202e\\u200b\\u2066\\ufeff\\ufffe\"",
                "\"" + marker("combining marks") + "e" + "\\u0301".repeat(2000) + "\"",
                "\"" + marker("an emoji") + "\\ud83d\\ude00\\ud83c\\udff3\\ufe0f\\u200d\\ud83c\\udf08\"",
                "\"" + "(".repeat(3000) + marker("deep parentheses") + ")".repeat(3000) + "\"",
                "\"" + marker("a control character") + "\\u0007\\u001b[31m\\r\\n\"",
                "\"   \"",
                "\"\"");
    }

    /** JSON values for a field that holds {@code current}: the bad strings, and every wrong type. */
    List<String> jsonValues(JsonNode currentValue) {
        List<String> values = new ArrayList<>(strings());
        values.addAll(List.of(
                "null",
                "12345",
                "-1",
                "1e400",
                "-99999999999999999999999999999999999999",
                "true",
                "[\"" + marker("an array instead") + "\"]",
                "{\"" + marker("an object instead") + "\":{\"$ne\":null}}",
                "[".repeat(2000) + "]".repeat(2000),
                "[" + String.join(",", Collections.nCopies(20_000, "0")) + "]"));
        if (currentValue != null && currentValue.isString()) {
            values.add("\"" + UUID.randomUUID() + "\"");
        }
        return values;
    }

    /**
     * The field paths of a JSON object: its top-level fields, those of its nested objects, and the
     * first element of its arrays (ids, terms, tags are checked one by one).
     */
    static List<List<String>> fields(JsonNode tree) {
        List<List<String>> fields = new ArrayList<>();
        if (!tree.isObject()) {
            return fields;
        }
        for (String name : tree.propertyNames()) {
            fields.add(List.of(name));
            JsonNode value = tree.get(name);
            if (value.isObject()) {
                for (String inner : value.propertyNames()) {
                    fields.add(List.of(name, inner));
                }
            } else if (value.isArray() && !value.isEmpty()) {
                fields.add(List.of(name, "0"));
            }
        }
        return fields;
    }

    /** {@code tree} with the value at {@code field} replaced by the raw JSON {@code value}, as text. */
    static String replaced(JsonNode tree, List<String> field, String value) {
        JsonNode mutated = tree.deepCopy();
        JsonNode parent = mutated.at(pointer(field.subList(0, field.size() - 1)));
        String placeholder = "__fuzz_" + UUID.randomUUID() + "__";
        if (parent instanceof ArrayNode array) {
            array.set(Integer.parseInt(field.getLast()), placeholder);
        } else {
            ((ObjectNode) parent).put(field.getLast(), placeholder);
        }
        return mutated.toString().replace("\"" + placeholder + "\"", value);
    }

    static String pointer(List<String> field) {
        return field.isEmpty() ? "" : "/" + String.join("/", field);
    }

    /** {@code perInput} of {@code values}, drawn with the seed. */
    <T> List<T> sampled(List<T> values) {
        List<T> shuffled = new ArrayList<>(values);
        Collections.shuffle(shuffled, random);
        return shuffled.subList(0, Math.min(perInput, shuffled.size()));
    }
}
