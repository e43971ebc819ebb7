package vn.phendau.dossier;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.Instant;
import java.util.List;

/** What the dossier endpoints answer. Stored JSON (proposals, answers) goes out raw, as it was stored. */
public final class DossierViews {

    private DossierViews() {
    }

    /** The dossier a filing went to, and whether it added a version. */
    public record Ref(String projectId, int version, boolean unchanged) {
    }

    /** A filing's answer: the stored assessment as served, and where it went. */
    public record Filed(Ref dossier, byte[] answer) {
    }

    public record Page<T>(int page, int size, long total, List<T> items) {
    }

    /** One stored assessment, without its answer. */
    public record AssessmentRow(long id, @JsonIgnore long versionId, String kind, Long replayId, String verdict, int score,
                                String rulesetVersion, String rulesetFingerprint, Instant assessedAt) {
    }

    public record VersionView(int n, Instant filedAt, String filedBy, String proposalSha256, List<AssessmentRow> assessments) {
    }

    public record DossierView(String projectId, String projectName, String province, String verdict, int score,
                              int currentVersion, Decisions.Status status, Instant createdAt, Instant updatedAt, Page<VersionView> versions,
                              @JsonRawValue String current) {
    }

    /** A version: its proposal, and its assessment as first served. Later assessments (replays) are listed. */
    public record VersionDetail(String projectId, int version, Instant filedAt, String filedBy, String proposalSha256,
                                @JsonRawValue String proposal, @JsonRawValue String assessment, List<AssessmentRow> assessments) {
    }

    public record Summary(String projectId, String projectName, String province, String verdict, int score,
                          int currentVersion, Instant updatedAt) {
    }

    public record VersionDiff(String projectId, int from, int to, Diff diff) {
    }
}
