package vn.phendau.problem;

import io.quarkus.arc.Arc;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The methods each address of the service accepts, read from the resources' own annotations, for the Allow header
 * RFC 9110 (15.5.6) asks of a 405. Quarkus REST refuses the method without naming them, and its automatic OPTIONS
 * answer names more than an address accepts.
 */
final class AllowedMethods {

    private record Route(Pattern path, String method) {
    }

    private static final Pattern TEMPLATE = Pattern.compile("\\{\\s*\\w[\\w.-]*\\s*(?::\\s*((?:[^{}]|\\{[^{}]*})+))?}");
    private static volatile List<Route> routes;

    private AllowedMethods() {
    }

    /** The methods the address accepts, as an Allow header gives them, or null when it accepts none (not ours). */
    static String at(String path) {
        Set<String> allowed = new TreeSet<>();
        String normalised = "/" + strip(path);
        for (Route r : routes()) {
            if (r.path().matcher(normalised).matches()) {
                allowed.add(r.method());
            }
        }
        if (allowed.isEmpty()) {
            return null;
        }
        if (allowed.contains("GET")) {
            allowed.add("HEAD");
        }
        allowed.add("OPTIONS");
        return String.join(", ", allowed);
    }

    private static List<Route> routes() {
        List<Route> found = routes;
        if (found == null) {
            found = new ArrayList<>();
            for (Bean<?> bean : Arc.container().beanManager().getBeans(Object.class, Any.Literal.INSTANCE)) {
                Path root = bean.getBeanClass().getAnnotation(Path.class);
                if (root == null) {
                    continue;
                }
                for (Method m : bean.getBeanClass().getMethods()) {
                    String verb = verb(m);
                    if (verb != null) {
                        Path sub = m.getAnnotation(Path.class);
                        found.add(new Route(pattern(strip(root.value()) + "/" + (sub == null ? "" : strip(sub.value()))), verb));
                    }
                }
            }
            routes = found;
        }
        return found;
    }

    private static String verb(Method m) {
        for (Annotation a : m.getAnnotations()) {
            HttpMethod http = a.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return http.value();
            }
        }
        return null;
    }

    /** A JAX-RS path template as a pattern: {@code {name}} is one segment, {@code {name: regex}} its own regex. */
    static Pattern pattern(String template) {
        StringBuilder regex = new StringBuilder("/");
        String t = strip(template);
        Matcher m = TEMPLATE.matcher(t);
        int last = 0;
        while (m.find()) {
            regex.append(Pattern.quote(t.substring(last, m.start())));
            regex.append(m.group(1) == null ? "[^/]+" : "(?:" + m.group(1).strip() + ")");
            last = m.end();
        }
        regex.append(Pattern.quote(t.substring(last)));
        return Pattern.compile(regex + "/?");
    }

    private static String strip(String path) {
        int from = 0;
        int to = path.length();
        while (from < to && path.charAt(from) == '/') {
            from++;
        }
        while (to > from && path.charAt(to - 1) == '/') {
            to--;
        }
        return path.substring(from, to);
    }
}
