package io.newsdesk.system;

/** Background work of an instance (the change-log sequencer, the change streams, WebSub deliveries). */
public final class Daemons {

    private Daemons() {}

    /** Starts {@code body} on a daemon thread of this name: it never keeps the JVM from stopping. */
    public static Thread start(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /** Sleeps, or returns early (interrupt flag kept) when the thread is interrupted; false then. */
    public static boolean pause(long millis) {
        try {
            Thread.sleep(millis);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
