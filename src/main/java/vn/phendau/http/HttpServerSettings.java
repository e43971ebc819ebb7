package vn.phendau.http;

import io.quarkus.vertx.http.HttpServerOptionsCustomizer;
import io.vertx.core.http.HttpServerOptions;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The HTTP server's options Quarkus has no setting for: the cleartext HTTP/2 upgrade (h2c), on in Vert.x by default,
 * is off unless {@code phendau.http.h2c} turns it on. A service reached over plain HTTP has no need of it, and an
 * upgrade a proxy in front does not understand is one more way to smuggle a request past it.
 */
@ApplicationScoped
public class HttpServerSettings implements HttpServerOptionsCustomizer {

    private final boolean h2c;

    public HttpServerSettings(@ConfigProperty(name = "phendau.http.h2c", defaultValue = "false") boolean h2c) {
        this.h2c = h2c;
    }

    @Override
    public void customizeHttpServer(HttpServerOptions options) {
        options.setHttp2ClearTextEnabled(h2c);
    }
}
