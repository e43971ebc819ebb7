package vn.phendau.dossier;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Page sizes of the dossier endpoints (README, "Dossiers"). */
@ConfigMapping(prefix = "phendau.dossiers")
public interface DossierConfig {

    /** Versions or dossiers in a page when the request does not say. */
    @WithDefault("20")
    int pageSize();

    /** The most a request may ask for in one page. */
    @WithDefault("100")
    int maxPageSize();
}
