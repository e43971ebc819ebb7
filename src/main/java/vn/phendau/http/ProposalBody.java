package vn.phendau.http;

/**
 * The body of a request that carries one proposal, read within {@code phendau.limits.body-bytes} by
 * {@link ProposalBodyReader} before the resource method runs. The bytes are the client's, unchecked: the proposal
 * reader checks them.
 */
public record ProposalBody(byte[] bytes) {
}
