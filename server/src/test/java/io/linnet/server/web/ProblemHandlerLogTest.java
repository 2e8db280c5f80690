package io.linnet.server.web;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import io.linnet.tenancy.LogContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * PostgreSQL's errors quote the row they refused; the handler's log lines carry the error's kind and
 * a ref that the answer carries too, never a message.
 */
class ProblemHandlerLogTest {

    private static final String CONTENT = "my secret message";

    private final Logger logger = (Logger) LoggerFactory.getLogger(ProblemHandler.class);
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
    private final ProblemHandler handler = new ProblemHandler();

    @BeforeEach
    void capture() {
        appender.start();
        logger.addAppender(appender);
    }

    @AfterEach
    void release() {
        logger.detachAppender(appender);
    }

    @Test
    void a_broken_constraint_is_logged_by_sqlstate_table_and_constraint_with_the_ref_of_the_answer() {
        PSQLException postgres = new PSQLException(new ServerErrorMessage("SERROR\0C23514\0Mnew row for relation"
                + " \"messages\" violates check constraint \"body_shape\"\0DFailing row contains (" + CONTENT + ").\0"
                + "tmessages\0nbody_shape\0"));
        ResponseEntity<Object> answer = handler.integrity(new DataIntegrityViolationException("insert failed: " + CONTENT, postgres));

        String ref = ref(answer);
        assertThat(logged()).doesNotContain(CONTENT)
                .contains("ref " + ref).contains("SQLState 23514").contains("table messages").contains("constraint body_shape");
    }

    @Test
    void an_unexpected_failure_is_logged_with_its_stack_and_the_ref_of_the_answer_but_no_message() {
        RuntimeException failure = new IllegalStateException("could not handle " + CONTENT,
                new PSQLException("ERROR: invalid input syntax for type json: " + CONTENT, null));

        ResponseEntity<Object> answer = handler.unexpected(failure);

        String ref = ref(answer);
        assertThat(((ProblemDetail) answer.getBody()).getDetail()).contains(ref);
        assertThat(logged()).doesNotContain(CONTENT).contains("ref " + ref)
                .contains("java.lang.IllegalStateException").contains("org.postgresql.util.PSQLException")
                .contains(ProblemHandlerLogTest.class.getName());
    }

    @Test
    void the_ref_of_a_failure_while_serving_a_request_is_that_requests_id() {
        MDC.put(LogContext.REQUEST_ID, "4f2a9c01d3b5e7f9");
        try {
            ResponseEntity<Object> answer = handler.unexpected(new IllegalStateException("broken"));

            assertThat(ref(answer)).isEqualTo("4f2a9c01d3b5e7f9");
            assertThat(logged()).contains("ref 4f2a9c01d3b5e7f9");
        } finally {
            MDC.remove(LogContext.REQUEST_ID);
        }
    }

    private static String ref(ResponseEntity<Object> answer) {
        ProblemDetail problem = (ProblemDetail) answer.getBody();
        assertThat(problem).isNotNull();
        assertThat(problem.getProperties()).containsKey("ref");
        return problem.getProperties().get("ref").toString();
    }

    private String logged() {
        return appender.list.stream()
                .map(event -> event.getFormattedMessage()
                        + (event.getThrowableProxy() == null ? "" : "\n" + ThrowableProxyUtil.asString(event.getThrowableProxy())))
                .collect(Collectors.joining("\n"));
    }
}
