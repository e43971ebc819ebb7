package vn.phendau.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.text.Normalizer;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** A province is found however an office writes it: through the API, as a client sends it. */
@QuarkusTest
class ProvinceMatchingTest {

    static JsonPath assess(String province) {
        return given().contentType("application/json").body(Payloads.withProvince(province))
                .when().post("/api/v1/assessments")
                .then().statusCode(200).extract().jsonPath();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Lạng Sơn", "lang son", "Lang Son", "LẠNG SƠN", "Tỉnh Lạng Sơn", "tinh lang son", "  Lạng   Sơn ",
            "Lạng-Sơn", "20"})
    void langSonInAnyForm(String written) {
        JsonPath a = assess(written);
        assertThat(a.getString("province.name"), equalTo("Lạng Sơn"));
        assertThat(a.getString("province.formerly"), nullValue());
        assertThat(a.getBoolean("province.landBorder"), equalTo(true));
        assertThat(a.getString("verdict"), not(equalTo("OUT_OF_SCOPE")));
    }

    @Test
    void decomposedUnicode() {
        String nfd = Normalizer.normalize("Lạng Sơn", Normalizer.Form.NFD);
        assertThat("the test really sends NFD", nfd.equals("Lạng Sơn"), equalTo(false));
        JsonPath a = assess(nfd);
        assertThat(a.getString("province.name"), equalTo("Lạng Sơn"));
        // What was typed is echoed back in the form the service stores: NFC.
        assertThat(a.getString("province.input"), equalTo("Lạng Sơn"));
    }

    @Test
    void zeroWidthSpaceInsideTheName() {
        JsonPath a = assess("Lạng\u200B Sơn");
        assertThat(a.getString("province.name"), equalTo("Lạng Sơn"));
        JsonPath b = assess("Lạ\u200Bng Sơn\uFEFF");
        assertThat(b.getString("province.name"), equalTo("Lạng Sơn"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Hà Giang", "Ha Giang", "HÀ GIANG", "Tỉnh Hà Giang"})
    void haGiangIsNowTuyenQuang(String written) {
        JsonPath a = assess(written);
        assertThat(a.getString("province.name"), equalTo("Tuyên Quang"));
        assertThat(a.getString("province.formerly"), equalTo("Hà Giang"));
        assertThat(a.getList("province.neighbours", String.class), equalTo(List.of("CN")));
        assertThat(a.getString("verdict"), not(equalTo("OUT_OF_SCOPE")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Hà Nội", "ha noi", "Thành phố Hà Nội"})
    void haNoiIsOutOfScope(String written) {
        JsonPath a = assess(written);
        assertThat(a.getString("province.name"), equalTo("Hà Nội"));
        assertThat(a.getBoolean("province.landBorder"), equalTo(false));
        assertThat(a.getString("verdict"), equalTo("OUT_OF_SCOPE"));
        assertThat(a.getList("checklist.criterion", String.class).size(), equalTo(Spec.CRITERIA.size()));
    }
}
