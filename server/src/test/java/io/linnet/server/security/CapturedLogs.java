package io.linnet.server.security;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.AppenderBase;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Every log line the server writes (all threads) while open, with its exception and causes, as text,
 * and Linnet's own loggers at DEBUG: the tests plant unique markers in their inputs and look for them
 * here, since no input (message text, custom data, a token) may reach a log.
 */
final class CapturedLogs extends AppenderBase<ILoggingEvent> implements AutoCloseable {

    private final ConcurrentLinkedQueue<String> lines = new ConcurrentLinkedQueue<>();
    private final Logger root;
    private final Logger linnet;
    private final Level linnetLevel;

    CapturedLogs() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        linnet = context.getLogger("io.linnet");
        linnetLevel = linnet.getLevel();
        setContext(context);
        setName("security-tests");
        start();
        root.addAppender(this);
        linnet.setLevel(Level.DEBUG);
    }

    static CapturedLogs attach() {
        return new CapturedLogs();
    }

    @Override
    protected void append(ILoggingEvent event) {
        lines.add(event.getLevel() + " " + event.getLoggerName() + " " + event.getFormattedMessage()
                + " " + event.getKeyValuePairs()
                + (event.getThrowableProxy() == null ? "" : "\n" + ThrowableProxyUtil.asString(event.getThrowableProxy())));
    }

    /** The captured lines that contain {@code marker}. */
    List<String> containing(String marker) {
        List<String> found = new ArrayList<>();
        for (String line : lines) {
            if (line.contains(marker)) {
                found.add(line);
            }
        }
        return found;
    }

    /** Every captured line, joined. */
    String text() {
        return String.join("\n", lines);
    }

    int size() {
        return lines.size();
    }

    int lines() {
        return size();
    }

    @Override
    public void close() {
        linnet.setLevel(linnetLevel);
        root.detachAppender(this);
        stop();
    }
}
