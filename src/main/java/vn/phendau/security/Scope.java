package vn.phendau.security;

import vn.phendau.common.VietnameseText;
import vn.phendau.reference.Provinces;

/**
 * The provinces whose dossiers a caller may see: one (its name today) or all (null). A dossier's province is
 * compared as Provinces resolves it, so a former name or one written without diacritics is the same province.
 */
public record Scope(String province) {

    public static final Scope ALL = new Scope(null);

    public boolean all() {
        return province == null;
    }

    public boolean sees(Provinces provinces, String dossierProvince) {
        if (all()) {
            return true;
        }
        if (dossierProvince == null) {
            return false;
        }
        String today = provinces.resolve(dossierProvince).map(m -> m.province().name()).orElse(dossierProvince);
        return key().equals(VietnameseText.fold(today));
    }

    /** The province as the dossier table's province_key column holds it. */
    public String key() {
        return province == null ? null : VietnameseText.fold(province);
    }
}
