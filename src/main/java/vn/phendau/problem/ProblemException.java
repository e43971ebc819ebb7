package vn.phendau.problem;

import java.util.List;

/** A client error with its RFC 9457 details; the one exception mapper turns it into problem+json. */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String type;
    private final String titleVi;
    private final String titleEn;
    private final List<Problem> problems;
    /** Seconds after which the client may try again (503), or 0. */
    private final int retryAfter;

    public ProblemException(int status, String type, String titleVi, String titleEn, List<Problem> problems) {
        this(status, type, titleVi, titleEn, problems, 0);
    }

    private ProblemException(int status, String type, String titleVi, String titleEn, List<Problem> problems, int retryAfter) {
        super(titleEn, null, false, false);
        this.retryAfter = retryAfter;
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

    /** 503: the service is at a limit of work under way; the client may try again after the given seconds. */
    public static ProblemException busy(int retryAfterSeconds, String vi, String en) {
        return new ProblemException(503, "busy", "Dịch vụ đang bận", "Service busy", List.of(Problem.at("$", vi, en)),
                retryAfterSeconds);
    }

    /** 408: the request body came too slowly, or not whole in time. */
    public static ProblemException tooSlow(String vi, String en) {
        return new ProblemException(408, "request-timeout", "Gửi nội dung quá chậm", "Request body too slow",
                List.of(Problem.at("$", vi, en)));
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

    public int retryAfter() {
        return retryAfter;
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
