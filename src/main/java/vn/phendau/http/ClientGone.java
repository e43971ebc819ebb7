package vn.phendau.http;

/** The client left before its answer was whole: the work for it stops, and nobody is left to answer. */
public final class ClientGone extends RuntimeException {

    public ClientGone() {
        super("the client left before its answer was whole", null, false, false);
    }
}
