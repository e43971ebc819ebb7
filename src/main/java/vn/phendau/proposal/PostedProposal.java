package vn.phendau.proposal;

/**
 * The one proposal a request carries, read and validated by {@link PostedProposalReader} before the resource
 * method runs.
 *
 * @param tree     the proposal's JSON as it was read and validated (a finding names its fields)
 * @param proposal the same proposal as a record
 */
public record PostedProposal(com.fasterxml.jackson.databind.JsonNode tree, ProjectProposal proposal) {
}
