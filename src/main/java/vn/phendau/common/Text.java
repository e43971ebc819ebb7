package vn.phendau.common;

/** Text meant for a person: Vietnamese first, English second, as every answer of the service carries it. */
@com.fasterxml.jackson.databind.annotation.JsonSerialize(using = TextJson.class)
public record Text(String vi, String en) {

    public static Text of(String vi, String en) {
        return new Text(vi, en);
    }

    public String in(String lang) {
        return "en".equals(lang) ? en : vi;
    }
}
