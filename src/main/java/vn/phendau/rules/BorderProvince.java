package vn.phendau.rules;

/** The province the project lies in, as SCOPE-1 sees it. */
public record BorderProvince(String name, boolean landBorder) {
}
