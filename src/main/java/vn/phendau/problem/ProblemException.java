package vn.phendau.problem;

import java.util.List;

/** A client error with its RFC 9457 details; the one exception mapper turns it into problem+json. */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String type;
    private final String titleVi;
    private final String titleEn;
    private final List<Problem> problems;

    public ProblemException(int status, String type, String titleVi, String titleEn, List<Problem> problems) {
        super(titleEn, null, false, false);
        this.status = status;
        this.type = type;
        this.titleVi = titleVi;
        this.titleEn = titleEn;
        this.problems = List.copyOf(problems);
    }

    public static ProblemException invalid(List<Problem> problems) {
        return new ProblemException(400, "validation", "Đề xuất dự án không hợp lệ", "Invalid project proposal", problems);
    }

    public static ProblemException notFound(String what, String path, String vi, String en) {
        return new ProblemException(404, "not-found", "Không tìm thấy " + what, "Not found: " + what,
                List.of(Problem.at(path, vi, en)));
    }

    public static ProblemException tooLarge(String path, String vi, String en) {
        return new ProblemException(413, "too-large", "Nội dung quá lớn", "Content too large", List.of(Problem.at(path, vi, en)));
    }

    public static ProblemException unsupportedMediaType(String got, String accepted) {
        return new ProblemException(415, "unsupported-media-type", "Kiểu nội dung không được hỗ trợ", "Unsupported media type",
                List.of(Problem.at("Content-Type",
                        "kiểu nội dung '" + got + "' không được hỗ trợ; hãy gửi " + accepted,
                        "content type '" + got + "' is not supported; send " + accepted)));
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String titleVi() {
        return titleVi;
    }

    public String titleEn() {
        return titleEn;
    }

    public List<Problem> problems() {
        return problems;
    }
}
