package vn.phendau.web;

import io.quarkus.qute.i18n.MessageBundle;
import vn.phendau.assessment.Verdict;
import vn.phendau.rules.Outcome;
import vn.phendau.rules.Severity;

/**
 * The words of the pages themselves (headings, labels, buttons), in one place: Vietnamese in
 * {@code messages/msg_vi.properties}, English in {@code messages/msg_en.properties}. Templates read them as
 * {@code {msg:key}}; the template's locale picks the file. What the rules and the assessment say comes from them,
 * already in both languages, never from here.
 */
@MessageBundle(locale = "vi")
public interface Msg {

    // The frame of every page
    String appName();
    String tagline();
    String skipToContent();
    String navLabel();
    String navResolution();
    String navAssess();
    String languageLabel();
    String footer(String version, String fingerprint);
    String yes();
    String no();
    String none();

    // Coded values
    String verdict(Verdict v);
    String severity(Severity s);
    String outcome(Outcome o);
    String points(int n);

    // Home: the resolution and its rules
    String homeTitle();
    String homeIntro();
    String homeCounts(int paragraphs, int cited, int uncited, int rules);
    String resolutionLanguage();
    String issued(String date, String signer);
    String paragraph(String id);
    String citedBy();
    String notCited();
    String placeholders();

    // A rule
    String criterion();
    String outcomeLabel();
    String severityLabel();
    String pointsLabel();
    String explanation();
    String reads();
    String citesHeading();
    String lawsHeading();
    String sourceHeading(String file);
    String criterionRules();
    String backToResolution();

    // The form
    String assessTitle();
    String assessIntro();
    String pasteLegend();
    String pasteLabel();
    String pasteHelp();
    String sampleLabel();
    String fillSample();
    String fileLegend();
    String fileLabel();
    String fileHelp();
    String submit();
    String needInput();
    String notBoth();
    String unknownFileType(String name);
    String listTooLong(int items, int max);
    String problemsIn(String title);

    // The report
    String reportTitle();
    String verdictLabel();
    String scoreLabel();
    String scoreOf(int score);
    String projectId();
    String province();
    String formerly(String name);
    String noLandBorder();
    String projectGroup();
    String groupDerived(String derived, String declared);
    String law();
    String timeLimit();
    String years(int n);
    String assessmentDate();
    String assessedAt();
    String assessmentId();
    String breakdownHeading();
    String chartTitle(int score);
    String findingsHeading(int n);
    String findingsOf(int n);
    String rule();
    String evidence();
    String missingFields();
    String citations();
    String remedy();
    String changes();
    String notFixable();
    String basis();
    String checklistHeading();
    String criterionTitle();
    String result();
    String pathHeading();
    String pathReachable(int changes, int score);
    String pathVerdict();
    String pathRemaining();
    String rulesetHeading();
    String version();
    String fingerprint();
    String print();
    String assessAnother();

    // A list
    String listTitle();
    String listSource(String source);
    String listCounts(int total, int assessed, int invalid);
    String item();
    String projectName();
    String score();
    String report();
    String openReport(String projectId);
    String sortHint();
    String sortWholeHint();
    String pageOf(int page, int pages);
    String previousPage();
    String nextPage();
    String invalidHeading(int n);
    String problems();
    String portfolioHeading();
    String portfolioNone();
    String projects();
    String moreProjects(int n);

    // The guided form of a proposal, and the list templates
    String navNewProposal();
    String proposalTitle();
    String proposalIntro();
    String formGeneral();
    String formLocation();
    String formSector();
    String formInvestment();
    String formSchedule();
    String formPlanning();
    String formDefense();
    String formUrgency();
    String formImpact();
    String required();
    String notChosen();
    String unknown();
    String addRow(String list);
    String noneOf(String list);
    String row(int n);
    String assessProposal();
    String downloadJson();
    String loadLegend();
    String loadLabel();
    String loadHelp();
    String loadButton();
    String loadFile();
    String draftRestored();
    String discardDraft();
    String checking();
    String sectionValid();
    String formProblems(int n);
    String templatesLegend();
    String templatesHelp();
    String templateXlsx();
    String templateCsv();
    String orUseForm();

    // Not found
    String notFoundTitle();
    String reportGone();
    String listGone();

    // A report's legal basis: each paragraph quoted once
    String legalBasisHeading();
    String citedByFindings();

    // Home: what the tool does, the criteria, the folded preamble
    String whatHeading();
    String whatIntro();
    String whatVerdict();
    String whatFindings();
    String whatLists();
    String criteriaHeading(int count);
    String criteriaIntro();
    String criterionRulesShort();
    String resolutionHeading();
    String preambleFolded(int count);

    // A list's downloads
    String downloadLabel();
    String downloadCsv();
    String downloadExcel();
}
