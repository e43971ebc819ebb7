package vn.phendau.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import vn.phendau.problem.Problem;
import vn.phendau.problem.ProblemException;
import vn.phendau.problem.ProblemMapper;

/**
 * 401 and 403 as the service's other problems (problem+json, both languages) for the API; a page asked for without
 * sign-in sends the browser to the login page instead, and back to the page once signed in.
 */
public class SecurityProblems {

    public static final String REALM = "Basic realm=\"phendau\", charset=\"UTF-8\"";

    public static ProblemException unauthorized() {
        return new ProblemException(401, "unauthorized", "Cần đăng nhập", "Sign-in required",
                List.of(Problem.at("Authorization", "hãy đăng nhập (HTTP Basic, hoặc mã truy cập Bearer)",
                        "sign in (HTTP Basic, or a Bearer access token)")));
    }

    public static ProblemException forbidden(String vi, String en) {
        return new ProblemException(403, "forbidden", "Không được phép", "Forbidden", List.of(Problem.at("$", vi, en)));
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthorized(RoutingContext exchange) {
        String path = exchange.normalizedPath();
        if (!path.startsWith("/api/") && "GET".equals(exchange.request().method().name())) {
            // Quarkus's form sign-in brings the browser back to this cookie's address once signed in.
            String back = exchange.request().absoluteURI();
            exchange.response().addCookie(Cookie.cookie("quarkus-redirect-location", back).setPath("/").setHttpOnly(true)
                    .setSameSite(io.vertx.core.http.CookieSameSite.LAX));
            return Response.seeOther(URI.create("/login")).build();
        }
        return Response.fromResponse(ProblemMapper.answer(unauthorized())).header("WWW-Authenticate", REALM).build();
    }

    @ServerExceptionMapper(ForbiddenException.class)
    public Response forbidden() {
        return ProblemMapper.answer(forbidden("vai trò của bạn không được làm việc này", "your role may not do this"));
    }
}
