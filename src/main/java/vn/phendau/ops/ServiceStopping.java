package vn.phendau.ops;

import java.io.InterruptedIOException;

/**
 * Work cut short because the service is stopping (SIGTERM, past {@code quarkus.shutdown.timeout}). Before an answer
 * has begun it is a 503 problem, to be tried again elsewhere; once a list's answer is under way, that answer ends
 * short of its summary.
 */
public final class ServiceStopping extends InterruptedIOException {

    public ServiceStopping(String what) {
        super("the service is stopping: " + what);
    }
}
