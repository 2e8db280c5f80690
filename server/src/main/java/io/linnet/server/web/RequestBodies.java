package io.linnet.server.web;

import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.MismatchedInputException;

import java.util.stream.Collectors;

/** Says in one sentence why a request body could not be read, without echoing the body back. */
final class RequestBodies {

    private RequestBodies() {
    }

    static String describe(HttpMessageNotReadableException e) {
        Throwable cause = e.getCause();
        if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            return "'" + path(mismatch) + "' has the wrong type or shape";
        }
        if (cause instanceof DatabindException databind && !databind.getPath().isEmpty()) {
            return "'" + path(databind) + "' is not valid";
        }
        if (cause instanceof JacksonException) {
            return "The request body is not valid JSON";
        }
        return "The request body is missing or not readable";
    }

    private static String path(DatabindException e) {
        return e.getPath().stream()
                .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."));
    }
}
