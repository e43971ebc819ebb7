package vn.phendau.web;

import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.function.Function;
import vn.phendau.common.Text;
import vn.phendau.rules.RuleBase;

/** What the page resources share: the frame of a page, its language, and the page's own words in both languages. */
@ApplicationScoped
public class Pages {

    private final RuleBase ruleBase;
    private final io.quarkus.vertx.http.runtime.CurrentVertxRequest request;

    public Pages(RuleBase ruleBase, io.quarkus.vertx.http.runtime.CurrentVertxRequest request) {
        this.ruleBase = ruleBase;
        this.request = request;
    }

    public Page page(Viewer viewer, String self, String nav) {
        io.vertx.ext.web.RoutingContext ctx = request.getCurrent();
        return new Page(viewer.lang(), self, nav, ruleBase.version(), ruleBase.fingerprint(),
                ctx == null ? null : () -> vn.phendau.security.Csrf.token(ctx));
    }

    /** The template in the viewer's language: {msg:…} and the {vi, en} texts pick by it. */
    public static TemplateInstance in(Viewer viewer, TemplateInstance template) {
        return template.setLocale(viewer.locale());
    }

    public static Response html(int status, Viewer viewer, TemplateInstance template) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(in(viewer, template)).build();
    }

    public static Msg msg(String lang) {
        return MessageBundles.get(Msg.class, Localized.Literal.of(lang));
    }

    /** One of the pages' own messages as the service's two-language text, for a problem shown next to an input. */
    public static Text text(Function<Msg, String> message) {
        return Text.of(message.apply(msg("vi")), message.apply(msg("en")));
    }
}
