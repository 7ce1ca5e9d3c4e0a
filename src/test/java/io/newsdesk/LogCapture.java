package io.newsdesk;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.jboss.logmanager.ExtLogRecord;

/**
 * Captures every log record of the running application (a handler on the root logger) while open, with some
 * categories turned up; restores their levels on close. Each record is kept as the text an operator would
 * read: logger, thread, formatted message, parameters and the whole stack trace of its exception.
 */
public final class LogCapture extends Handler implements AutoCloseable {

    /** One captured record as text. */
    public record Line(String logger, String thread, String text) {}

    private final List<Line> lines = new CopyOnWriteArrayList<>();
    private final Map<Logger, Level> previous = new LinkedHashMap<>();

    private LogCapture() {
        setLevel(Level.ALL);
    }

    /** Starts capturing, with these categories at these levels (FINE is DEBUG, FINEST is TRACE). */
    public static LogCapture start(Map<String, Level> levels) {
        LogCapture capture = new LogCapture();
        levels.forEach((name, level) -> {
            Logger logger = Logger.getLogger(name);
            capture.previous.put(logger, logger.getLevel());
            logger.setLevel(level);
        });
        Logger.getLogger("").addHandler(capture);
        return capture;
    }

    public List<Line> lines() {
        return new ArrayList<>(lines);
    }

    @Override
    public void publish(LogRecord record) {
        StringBuilder text = new StringBuilder();
        text.append(record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage());
        if (record.getParameters() != null) {
            text.append(' ').append(Arrays.deepToString(record.getParameters()));
        }
        if (record.getThrown() != null) {
            StringWriter trace = new StringWriter();
            record.getThrown().printStackTrace(new PrintWriter(trace));
            text.append('\n').append(trace);
        }
        String thread = record instanceof ExtLogRecord ext ? ext.getThreadName() : "";
        lines.add(new Line(record.getLoggerName(), thread == null ? "" : thread, text.toString()));
    }

    @Override
    public void flush() {}

    @Override
    public void close() {
        Logger.getLogger("").removeHandler(this);
        previous.forEach(Logger::setLevel);
    }
}
