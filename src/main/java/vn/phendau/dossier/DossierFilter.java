package vn.phendau.dossier;

import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.List;
import vn.phendau.common.VietnameseText;
import vn.phendau.reference.Provinces;

/**
 * Which dossiers: by province (any of its names, with or without diacritics), verdict, and text in the id or name.
 * One SQL condition, for the search and for a replay's choice of dossiers.
 */
public record DossierFilter(String province, String verdict, String q) {

    public static final DossierFilter ALL = new DossierFilter(null, null, null);

    /** The filter as the client said it, checked: an unknown verdict is refused, texts are bounded. */
    public static DossierFilter of(String province, String verdict, String q) {
        return new DossierFilter(blank(Params.text("province", province)),
                blank(verdict) == null ? null : DossierService.verdict(verdict).name(), blank(Params.text("q", q)));
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** The SQL condition on table {@code dossier} (after WHERE), with its values in order from ?1 on. */
    public record Sql(String where, List<Object> values) {

        public Query bind(Query q, int first) {
            for (int i = 0; i < values.size(); i++) {
                q.setParameter(first + i, values.get(i));
            }
            return q;
        }
    }

    public Sql sql(Provinces provinces, int first) {
        StringBuilder where = new StringBuilder("1 = 1");
        List<Object> values = new ArrayList<>();
        if (province != null) {
            String name = provinces.resolve(province).map(m -> m.province().name()).orElse(province);
            values.add(VietnameseText.fold(name));
            where.append(" AND province_key = ?").append(first + values.size() - 1);
        }
        if (verdict != null) {
            values.add(verdict);
            where.append(" AND verdict = ?").append(first + values.size() - 1);
        }
        if (q != null) {
            values.add("%" + VietnameseText.fold(q).replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
            where.append(" AND search_text LIKE ?").append(first + values.size() - 1).append(" ESCAPE '!'");
        }
        return new Sql(where.toString(), values);
    }
}
