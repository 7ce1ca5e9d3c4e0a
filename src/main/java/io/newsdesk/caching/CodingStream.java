package io.newsdesk.caching;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * A response body coded as it is written, with bounded memory (the coder's window and buffers, whatever the
 * length). {@link #close} ends the coding and the response; {@link #abandon}, after a failure, frees the coder
 * (Brotli's lives in native memory, which no collector frees) without sending another byte, so that the caller
 * can still cut the connection rather than end a short body that looks complete.
 */
final class CodingStream extends OutputStream {

    /** The response's stream, until it is shut: then writes, flushes and the close go nowhere. */
    private static final class Gate extends FilterOutputStream {

        private volatile boolean shut;

        Gate(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            if (!shut) {
                out.write(b);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (!shut) {
                out.write(b, off, len);
            }
        }

        @Override
        public void flush() throws IOException {
            if (!shut) {
                out.flush();
            }
        }

        @Override
        public void close() throws IOException {
            if (!shut) {
                out.close();
            }
        }
    }

    /** Makes the coder that writes to the given stream. */
    @FunctionalInterface
    interface Coder {
        OutputStream over(OutputStream out) throws IOException;
    }

    private final Gate gate;
    private final OutputStream coder;

    CodingStream(OutputStream out, Coder coder) throws IOException {
        this.gate = new Gate(out);
        this.coder = coder.over(gate);
    }

    @Override
    public void write(int b) throws IOException {
        coder.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        coder.write(b, off, len);
    }

    /** Sends what was written so far (a sync flush), so that a streamed export reaches the client batch by batch. */
    @Override
    public void flush() throws IOException {
        coder.flush();
    }

    @Override
    public void close() throws IOException {
        coder.close();
    }

    void abandon() {
        gate.shut = true;
        try {
            coder.close();
        } catch (IOException | RuntimeException e) {
            // the coder is freed or was never usable; nothing reaches the client either way
        }
    }
}
