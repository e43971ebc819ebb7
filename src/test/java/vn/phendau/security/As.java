package vn.phendau.security;

import static io.restassured.RestAssured.given;

import io.restassured.specification.RequestSpecification;

/** The tests' users (src/test/resources/users.txt), signed in with HTTP Basic. */
public final class As {

    private As() {
    }

    public static RequestSpecification officer() {
        return user("officer", "officer-pass");
    }

    public static RequestSpecification officerLangSon() {
        return user("officer-ls", "officer-pass");
    }

    public static RequestSpecification officerCaoBang() {
        return user("officer-cb", "officer-pass");
    }

    public static RequestSpecification reviewer() {
        return user("reviewer", "reviewer-pass");
    }

    public static RequestSpecification reviewerLangSon() {
        return user("reviewer-ls", "reviewer-pass");
    }

    public static RequestSpecification auditor() {
        return user("auditor", "auditor-pass");
    }

    public static RequestSpecification admin() {
        return user("admin-test", "admin-test-pass");
    }

    public static RequestSpecification user(String name, String password) {
        return given().auth().preemptive().basic(name, password);
    }
}
