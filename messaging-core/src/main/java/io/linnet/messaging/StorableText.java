package io.linnet.messaging;

import io.linnet.tenancy.DomainException;
import tools.jackson.databind.JsonNode;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;

/**
 * The check that every string a client or backend sends is one PostgreSQL can store as sent: text
 * and jsonb columns cannot hold U+0000 (the write fails, and the database's error quotes the row),
 * and a lone UTF-16 surrogate (half of a character, which JSON's {@code \ud800} escape can produce)
 * would be stored as {@code ?}. Checked where input enters, so such a character is a 400 that names
 * the field and never repeats its content.
 */
public final class StorableText {

    private StorableText() {
    }

    /** {@code value} (null passes), or a 400 naming {@code field}. */
    public static String check(String value, String field) {
        if (value != null && !storable(value)) {
            throw refused(field);
        }
        return value;
    }

    /** {@code json} (null passes) when every property name and string value in it is storable, or a 400 naming {@code field}. */
    public static JsonNode check(JsonNode json, String field) {
        if (json == null) {
            return null;
        }
        Deque<JsonNode> pending = new ArrayDeque<>();
        pending.push(json);
        while (!pending.isEmpty()) {
            JsonNode node = pending.pop();
            if (node.isString() && !storable(node.asString())) {
                throw refused(field);
            }
            if (node.isObject()) {
                for (Map.Entry<String, JsonNode> property : node.properties()) {
                    if (!storable(property.getKey())) {
                        throw refused(field);
                    }
                    pending.push(property.getValue());
                }
            } else if (node.isArray()) {
                for (JsonNode element : node) {
                    pending.push(element);
                }
            }
        }
        return json;
    }

    /** Whether {@code text} has neither U+0000 nor a surrogate without its other half. */
    public static boolean storable(String text) {
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 == length || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    private static DomainException refused(String field) {
        return DomainException.invalid(field + " must not contain the NUL character (U+0000) or half of a UTF-16"
                + " surrogate pair (an unpaired \\ud800-\\udfff)");
    }
}
