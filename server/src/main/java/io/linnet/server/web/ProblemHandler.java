package io.linnet.server.web;

import io.linnet.tenancy.DomainException;
import io.linnet.tenancy.ErrorCode;
import io.linnet.tenancy.LimitExceeded;
import io.linnet.tenancy.LogContext;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.TransactionException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.sql.SQLException;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Turns every failure of a REST endpoint into problem+json with a stable {@code code}. Bad input is
 * a 4xx that says what was wrong; only a fault of the server is a 500, logged with its cause.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    /** A limit of the tenant's plan: 429 with when to try again ({@code Retry-After}, and {@code resetsAt} for a quota). */
    @ExceptionHandler(LimitExceeded.class)
    ResponseEntity<Object> limited(LimitExceeded e) {
        ProblemDetail problem = Problems.limited(e);
        return ResponseEntity.status(problem.getStatus()).contentType(Problems.PROBLEM_JSON)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()))
                .body(problem);
    }

    @ExceptionHandler(DomainException.class)
    ResponseEntity<Object> domain(DomainException e) {
        return problem(Problems.of(e.code(), e.getMessage()));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException e) {
        return problem(Problems.of(ErrorCode.INVALID_REQUEST, "'" + e.getName() + "' has the wrong type"));
    }

    /** Tomcat could not decode the query (bytes that are no UTF-8, a lone surrogate): the request is bad, and its bytes stay out of the answer. */
    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<Object> undecodableParameters(InvalidParameterException e) {
        return problem(Problems.of(ErrorCode.INVALID_REQUEST, "The query string could not be decoded: its parameters must be UTF-8"));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Object> denied(AccessDeniedException e) {
        return problem(Problems.of(ErrorCode.FORBIDDEN, "You are not allowed to do this"));
    }

    /**
     * Logged by its kind only: PostgreSQL's message and detail quote the row's values, which may be a
     * message's text or a user's custom data. The {@code ref} in the answer finds the log line.
     */
    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<Object> integrity(DataIntegrityViolationException e) {
        String ref = requestRef();
        log.warn("Refused a write that broke a database constraint (ref {}): {}", ref, kindOf(e.getMostSpecificCause()));
        return problem(withRef(Problems.of(ErrorCode.CONFLICT, "The change conflicts with the current state"), ref));
    }

    /**
     * PostgreSQL or Redis is out of reach (restarting, say): 503 {@code unavailable} with
     * {@code Retry-After}, since the request will work once it is back. Any other failure of data
     * access is a fault of the server.
     */
    @ExceptionHandler({DataAccessException.class, TransactionException.class})
    ResponseEntity<Object> unavailable(RuntimeException e) {
        if (!Outages.isOutage(e)) {
            return unexpected(e);
        }
        // the exception's message may quote SQL: its kind says enough
        log.warn("A request failed while the database or Redis was out of reach: {}", e.getClass().getSimpleName());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).contentType(Problems.PROBLEM_JSON)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(Outages.RETRY_AFTER.toSeconds()))
                .body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", Outages.DETAIL));
    }

    /** Logged with its stack but without any exception's message, which may quote what was sent. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e) {
        String ref = requestRef();
        log.error("Unexpected failure (ref {})", ref, withoutMessages(e, 0));
        return problem(withRef(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal_error",
                "Something went wrong on our side; the error was logged with ref " + ref), ref));
    }

    /**
     * The request's id (its {@code X-Request-Id}), so the answer's ref, the log line's ref and the
     * request id every other line of the request carries are one and the same.
     */
    private static String requestRef() {
        String requestId = MDC.get(LogContext.REQUEST_ID);
        return requestId != null ? requestId : UUID.randomUUID().toString().substring(0, 13).replace("-", "");
    }

    private static ProblemDetail withRef(ProblemDetail problem, String ref) {
        problem.setProperty("ref", ref);
        return problem;
    }

    /** What cannot carry content: the exception's class and, from PostgreSQL, the SQLState, table and constraint. */
    private static String kindOf(Throwable e) {
        StringBuilder kind = new StringBuilder(e.getClass().getName());
        if (e instanceof PSQLException postgres && postgres.getServerErrorMessage() != null) {
            ServerErrorMessage server = postgres.getServerErrorMessage();
            kind.append(" SQLState ").append(server.getSQLState());
            if (server.getTable() != null) {
                kind.append(" table ").append(server.getTable());
            }
            if (server.getConstraint() != null) {
                kind.append(" constraint ").append(server.getConstraint());
            }
        } else if (e instanceof SQLException sql && sql.getSQLState() != null) {
            kind.append(" SQLState ").append(sql.getSQLState());
        }
        return kind.toString();
    }

    /** The same chain of causes with the same stacks, each message replaced by {@link #kindOf}. */
    private static Throwable withoutMessages(Throwable e, int depth) {
        Throwable cause = e.getCause() == null || e.getCause() == e || depth > 8 ? null : withoutMessages(e.getCause(), depth + 1);
        RedactedFailure redacted = new RedactedFailure(kindOf(e), cause);
        redacted.setStackTrace(e.getStackTrace());
        return redacted;
    }

    /** Stands in a log for an exception whose message may hold content. */
    private static final class RedactedFailure extends RuntimeException {
        RedactedFailure(String kind, Throwable cause) {
            super(kind, cause, false, true);
        }
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        OptionalInt exceeded = RequestBodyLimit.exceededLimit(e);
        if (exceeded.isPresent()) {
            return problem(Problems.of(ErrorCode.PAYLOAD_TOO_LARGE, "The request body is larger than "
                    + exceeded.getAsInt() / 1024 + " KiB"));
        }
        return problem(Problems.of(ErrorCode.INVALID_REQUEST, RequestBodies.describe(e)));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        String detail = e.getBindingResult().getFieldErrors().stream()
                .map(error -> error.getField() + " " + error.getDefaultMessage())
                .collect(Collectors.joining("; "));
        return problem(Problems.of(ErrorCode.INVALID_REQUEST, detail.isEmpty() ? "The request is not valid" : detail));
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
                                                             HttpStatusCode status, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(e, body, headers, status, request);
        if (response != null && response.getBody() instanceof ProblemDetail problem && problem.getProperties() == null) {
            problem.setProperty("code", codeFor(status));
        }
        return response;
    }

    private static String codeFor(HttpStatusCode status) {
        return switch (status.value()) {
            case 400 -> "invalid_request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 406 -> "not_acceptable";
            case 409 -> "conflict";
            case 413 -> "payload_too_large";
            case 415 -> "unsupported_media_type";
            default -> status.is4xxClientError() ? "invalid_request" : "internal_error";
        };
    }

    private static ResponseEntity<Object> problem(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(Problems.PROBLEM_JSON).body(problem);
    }
}
