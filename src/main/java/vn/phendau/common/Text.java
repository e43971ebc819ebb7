package vn.phendau.common;

/** Text meant for a person: Vietnamese first, English second, as every answer of the service carries it. */
public record Text(String vi, String en) {

    public static Text of(String vi, String en) {
        return new Text(vi, en);
    }

    public String in(String lang) {
        return "en".equals(lang) ? en : vi;
    }
}
