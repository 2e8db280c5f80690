package io.linnet.messaging.gateway;

/**
 * How a failure is written to the log on the real-time path: its kind and where it happened, never
 * its message, which may quote what a client sent (message text, a token, custom data).
 */
final class Failures {

    private static final int FRAMES = 3;

    private Failures() {
    }

    /** For example {@code "IllegalStateException at a.B.c(B.java:12) < d.E.f(E.java:3), caused by SQLException"}. */
    static String summary(Throwable failure) {
        StringBuilder summary = new StringBuilder(failure.getClass().getName());
        StackTraceElement[] trace = failure.getStackTrace();
        for (int i = 0; i < Math.min(FRAMES, trace.length); i++) {
            summary.append(i == 0 ? " at " : " < ").append(trace[i]);
        }
        int depth = 0;
        for (Throwable cause = failure.getCause(); cause != null && cause != failure && depth < 5; cause = cause.getCause(), depth++) {
            summary.append(", caused by ").append(cause.getClass().getName());
        }
        return summary.toString();
    }
}
