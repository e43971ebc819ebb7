package vn.phendau.assessment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import vn.phendau.common.Text;
import vn.phendau.rules.Outcome;
import vn.phendau.rules.Severity;

/** The answer to one proposal (API.md, "Assess one project"). */
public record Assessment(
        String assessmentId,
        String projectId,
        String projectName,
        Verdict verdict,
        Text summary,
        int score,
        List<ScoreGroup> scoreBreakdown,
        ProvinceView province,
        GroupView projectGroup,
        List<Finding> findings,
        List<ChecklistItem> checklist,
        Ruleset ruleset,
        PathToCompliance pathToCompliance,
        LocalDate assessmentDate,
        Instant assessedAt) {

    /**
     * Every remedy of every holding-back finding applied together to a copy of the proposal, the copy
     * re-assessed by the same rules (again, while the re-assessment reveals new remedies), and what it then gets.
     */
    public record PathToCompliance(boolean reachable, Verdict verdict, int score, List<Finding.Change> changes,
                                   List<String> remaining, int rounds, Text note) {
    }

    public record ScoreGroup(String group, Text title, int points, int max) {
    }

    public record ProvinceView(String input, String name, String formerly, List<String> neighbours, boolean landBorder) {
    }

    /**
     * The group the law gives the project (never the declared one), under which law, and the time limit it sets.
     * {@code group} and {@code derived} are null for a project with no public-investment capital, which has no
     * public-investment group; {@code publicInvestment} says so (null: sources not stated), and {@code note} says why
     * the group is what it is.
     */
    public record GroupView(String group, String derived, String declared, String fieldClass, String law,
                            Integer maxCapitalAllocationYears, Boolean publicInvestment, Long publicCapitalVnd,
                            @com.fasterxml.jackson.databind.annotation.JsonSerialize(using = FormJson.class) Text note) {
    }

    public record ChecklistItem(String criterion, Text title, Outcome outcome, Severity severity) {
    }

    public record Ruleset(String version, String fingerprint) {
    }
}
