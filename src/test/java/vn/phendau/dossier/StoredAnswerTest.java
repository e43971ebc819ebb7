package vn.phendau.dossier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import vn.phendau.Engine;
import vn.phendau.assessment.Assessment;
import vn.phendau.common.Json;

/** The answer as stored, and the digest of its judgement that a replay compares instead of the answers. */
class StoredAnswerTest {

    /** Two assessments of every sample: the same judgement, with other ids and times. */
    private static List<Assessment> twice() throws Exception {
        List<Assessment> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("samples"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                byte[] json = Files.readAllBytes(f);
                out.add(Engine.SERVICE.assess(Engine.READER.read(json)));
                out.add(Engine.SERVICE.assess(Engine.READER.read(json)));
            }
        }
        return out;
    }

    @Test
    void writesExactlyTheMappersBytesAndTheDigestAScanOfThemGives() throws Exception {
        // The service's inclusion of nulls and this file's: the marks must not depend on which members are written.
        ObjectMapper always = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).setSerializationInclusion(JsonInclude.Include.ALWAYS);
        for (ObjectMapper mapper : List.of(Json.MAPPER, always)) {
            ObjectMapper marking = StoredAnswer.marking(mapper);
            for (Assessment a : twice()) {
                StoredAnswer stored = StoredAnswer.write(marking, a);
                assertArrayEquals(mapper.writeValueAsBytes(a), stored.json(), a.projectId());
                assertNotNull(stored.judgementSha256(), a.projectId());
                assertEquals(StoredAnswer.judgementSha256(stored.json()), stored.judgementSha256(), a.projectId());
            }
        }
    }

    @Test
    void twoAnswersShareADigestExactlyWhenTheFullDiffFindsTheSameJudgement() throws Exception {
        ObjectMapper marking = StoredAnswer.marking(Json.MAPPER);
        List<StoredAnswer> answers = new ArrayList<>();
        for (Assessment a : twice()) {
            answers.add(StoredAnswer.write(marking, a));
        }
        for (int i = 0; i < answers.size(); i++) {
            for (int j = i; j < answers.size(); j++) {
                Diff d = Diff.of(null, null, Json.MAPPER.readTree(answers.get(i).json()), Json.MAPPER.readTree(answers.get(j).json()));
                boolean same = !d.verdict().changed() && !d.score().changed() && !d.findingsChanged();
                assertEquals(same, answers.get(i).judgementSha256().equals(answers.get(j).judgementSha256()), i + " and " + j);
            }
        }
        assertEquals(answers.get(0).judgementSha256(), answers.get(1).judgementSha256(), "one sample assessed twice");
    }

    @Test
    void aChangedFindingScoreOrVerdictChangesTheDigest() throws Exception {
        Assessment a = twice().get(0);
        ObjectMapper marking = StoredAnswer.marking(Json.MAPPER);
        String digest = StoredAnswer.write(marking, a).judgementSha256();
        Assessment fewer = new Assessment(a.assessmentId(), a.projectId(), a.projectName(), a.verdict(), a.summary(), a.score(),
                a.scoreBreakdown(), a.province(), a.projectGroup(), a.findings().subList(1, a.findings().size()), a.checklist(),
                a.ruleset(), a.pathToCompliance(), a.assessmentDate(), a.assessedAt());
        assertNotEquals(digest, StoredAnswer.write(marking, fewer).judgementSha256(), "a finding fewer");
        Assessment scored = new Assessment(a.assessmentId(), a.projectId(), a.projectName(), a.verdict(), a.summary(), a.score() + 1,
                a.scoreBreakdown(), a.province(), a.projectGroup(), a.findings(), a.checklist(), a.ruleset(),
                a.pathToCompliance(), a.assessmentDate(), a.assessedAt());
        assertNotEquals(digest, StoredAnswer.write(marking, scored).judgementSha256(), "another score");
        // What comes after the findings is not judgement: another ruleset or time, the same digest.
        Assessment later = new Assessment("other", a.projectId(), a.projectName(), a.verdict(), a.summary(), a.score(),
                a.scoreBreakdown(), a.province(), a.projectGroup(), a.findings(), a.checklist(),
                new Assessment.Ruleset("9.9.9", "sha256:other"), a.pathToCompliance(), a.assessmentDate(), a.assessedAt().plusSeconds(60));
        assertEquals(digest, StoredAnswer.write(marking, later).judgementSha256(), "another ruleset and time");
    }

    @Test
    void anAnswerWhoseFindingsTheMapperLeavesOutHasNoDigest() throws Exception {
        Assessment a = twice().get(0);
        Assessment none = new Assessment(a.assessmentId(), a.projectId(), a.projectName(), a.verdict(), a.summary(), a.score(),
                a.scoreBreakdown(), a.province(), a.projectGroup(), List.of(), a.checklist(), a.ruleset(), a.pathToCompliance(),
                a.assessmentDate(), a.assessedAt());
        ObjectMapper nonEmpty = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).setSerializationInclusion(JsonInclude.Include.NON_EMPTY);
        StoredAnswer stored = StoredAnswer.write(StoredAnswer.marking(nonEmpty), none);
        assertArrayEquals(nonEmpty.writeValueAsBytes(none), stored.json());
        assertNull(stored.judgementSha256(), "no findings written: compared by its bytes");
        assertNull(StoredAnswer.judgementSha256(stored.json()));
    }

    @Test
    void somethingThatIsNotAnAnswerHasNoDigest() {
        assertNull(StoredAnswer.judgementSha256("[1,2]".getBytes(StandardCharsets.UTF_8)));
        assertNull(StoredAnswer.judgementSha256("{\"verdict\":\"COMPLIANT\"}".getBytes(StandardCharsets.UTF_8)));
        assertNull(StoredAnswer.judgementSha256("{\"verdict\":\"COMPL".getBytes(StandardCharsets.UTF_8)));
    }
}
