package org.cadre.server.web;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.core.AppenderBase;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.slf4j.LoggerFactory;

/**
 * Every log line written while it is open, as the text a log file would hold (the level, the logger's
 * name, the formatted message and each cause's class, message and stack frames): Cadre's own loggers at
 * every level (TRACE included), every other logger from INFO, the most an operator raises the server to
 * ({@code -Dorg.slf4j.simpleLogger.defaultLogLevel=info}). Libraries' DEBUG lines (Jetty's name request
 * URIs) are out of scope: README says not to run with them. Tests use it to prove what the server never
 * writes to its logs.
 */
final class LogCapture implements AutoCloseable {

    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final Level levelBefore = root.getLevel();
    private final List<Logger> own = List.of((Logger) LoggerFactory.getLogger("cadre"), (Logger) LoggerFactory.getLogger("org.cadre"));
    private final List<Level> ownBefore = own.stream().map(Logger::getLevel).toList();
    private final Queue<ILoggingEvent> events = new ConcurrentLinkedQueue<>();
    private final AppenderBase<ILoggingEvent> appender = new AppenderBase<>() {
        @Override
        protected void append(ILoggingEvent event) {
            event.prepareForDeferredProcessing();
            events.add(event);
        }
    };

    LogCapture() {
        appender.setName("log-capture");
        appender.setContext(root.getLoggerContext());
        appender.start();
        root.addAppender(appender);
        root.setLevel(Level.INFO);
        own.forEach(l -> l.setLevel(Level.TRACE));
    }

    /** The lines written so far, one per event, with their causes. */
    List<String> lines() {
        return events.stream().map(LogCapture::text).toList();
    }

    private static String text(ILoggingEvent e) {
        StringBuilder out = new StringBuilder().append(e.getLevel()).append(' ').append(e.getLoggerName()).append(" - ")
                .append(e.getFormattedMessage());
        for (IThrowableProxy t = e.getThrowableProxy(); t != null; t = t.getCause()) {
            out.append("\n  caused by ").append(t.getClassName()).append(": ").append(t.getMessage());
            for (StackTraceElementProxy frame : t.getStackTraceElementProxyArray()) {
                out.append("\n    ").append(frame.getSTEAsString());
            }
        }
        return out.toString();
    }

    @Override
    public void close() {
        root.setLevel(levelBefore);
        for (int i = 0; i < own.size(); i++) {
            own.get(i).setLevel(ownBefore.get(i));
        }
        root.detachAppender(appender);
        appender.stop();
    }
}
