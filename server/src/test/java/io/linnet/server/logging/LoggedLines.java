package io.linnet.server.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Every log line written while open, on any thread, with the MDC it was written with (copied on the
 * logging thread as the line is written: read later, it would be the reading thread's); the loggers
 * named on opening log at DEBUG meanwhile.
 */
final class LoggedLines extends AppenderBase<ILoggingEvent> implements AutoCloseable {

    record Line(String logger, String message, Map<String, String> mdc) {
    }

    private final List<Line> lines = new CopyOnWriteArrayList<>();
    private final Logger root;
    private final Map<Logger, Level> levelsBefore = new HashMap<>();

    LoggedLines(String... atDebug) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        for (String name : atDebug) {
            Logger logger = context.getLogger(name);
            levelsBefore.put(logger, logger.getLevel());
            logger.setLevel(Level.DEBUG);
        }
        setContext(context);
        setName("logged-lines");
        start();
        root.addAppender(this);
    }

    @Override
    protected void append(ILoggingEvent event) {
        lines.add(new Line(event.getLoggerName(), event.getFormattedMessage(), Map.copyOf(event.getMDCPropertyMap())));
    }

    /** The lines of one logger, in the order they were written. */
    List<Line> of(String logger) {
        return lines.stream().filter(line -> line.logger().equals(logger)).toList();
    }

    @Override
    public void close() {
        root.detachAppender(this);
        stop();
        levelsBefore.forEach(Logger::setLevel);
    }
}
