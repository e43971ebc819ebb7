package vn.phendau.http;

import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.file.AsyncFile;
import io.vertx.core.file.OpenOptions;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.streams.ReadStream;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;
import vn.phendau.problem.Problem;
import vn.phendau.problem.ProblemException;

/**
 * Request bodies on the I/O side, so that a slow client holds a connection and nothing else:
 * <ul>
 * <li>every POST body must keep {@code phendau.limits.body-min-rate} over each {@code body-rate-window}, and arrive
 * whole within {@code body-deadline}; past either the client gets 408 and its connection is closed;</li>
 * <li>a list's body ({@link #LISTS}) is spooled to a temporary file by the event loop, within
 * {@code phendau.limits.batch-bytes}, and only then is the request handed on (to a worker thread), with the file
 * under {@link #SPOOLED}; the file is deleted when the exchange ends, whatever its outcome;</li>
 * <li>a page's form ({@link #FORMS}, multipart) is decoded the same way, its file spooled, under {@link #FORM}.</li>
 * </ul>
 */
@ApplicationScoped
public class BodyGuard {

    /** The routing context's key for the path of a spooled list body. */
    public static final String SPOOLED = "phendau.spooled-body";

    /** The routing context's key for "the body has arrived whole", set by the readers here. */
    private static final String ARRIVED = "phendau.body-arrived";

    /** The routing context's key for the {@link Form} of a page's upload. */
    public static final String FORM = "phendau.form";

    /** The pages' form that takes an upload (multipart). */
    static final Set<String> FORMS = Set.of("/assess");

    /** The endpoints whose whole body is a list. */
    static final Set<String> LISTS = Set.of("/api/v1/assessments/batch", "/api/v1/dossiers/batch");

    private static final Logger LOG = Logger.getLogger(BodyGuard.class);

    private final Limits limits;
    private final Vertx vertx;
    private final vn.phendau.ops.Metrics metrics;

    public BodyGuard(Limits limits, Vertx vertx, vn.phendau.ops.Metrics metrics) {
        this.limits = limits;
        this.vertx = vertx;
        this.metrics = metrics;
    }

    void install(@Observes Router router) {
        // After Quarkus's own max-body-size check (ROUTE_ORDER_UPLOAD_LIMIT), before any resource.
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT + 1).handler(this::guard);
    }

    /** The spooled body of this exchange, for a list endpoint. */
    public static Path spooled(RoutingContext ctx) {
        return read(ctx, SPOOLED);
    }

    private static <T> T read(RoutingContext ctx, String key) {
        T value = ctx.get(key);
        if (value == null) {
            throw new IllegalStateException("no " + key + ": BodyGuard did not run for " + ctx.request().path());
        }
        return value;
    }

    private void guard(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        if (request.method() != HttpMethod.POST || request.isEnded()) {
            ctx.next();
            return;
        }
        watch(ctx);
        String path = trimmed(request.path());
        String type = request.getHeader(HttpHeaders.CONTENT_TYPE);
        if (LISTS.contains(path)) {
            spool(ctx);
        } else if (FORMS.contains(path) && type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/form-data")) {
            readForm(ctx);
        } else {
            ctx.next();
        }
    }

    /** The rate and the deadline, checked once a window until the body has arrived. */
    private void watch(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        long window = Math.max(1, limits.bodyRateWindow().toMillis());
        long deadline = System.nanoTime() + limits.bodyDeadline().toNanos();
        long least = limits.bodyMinRate() * window / 1000;
        long[] before = {request.bytesRead()};
        long timer = vertx.setPeriodic(Math.min(window, Math.max(1, limits.bodyDeadline().toMillis())), id -> {
            if (arrived(ctx) || ctx.response().closed() || ctx.response().headWritten()) {
                vertx.cancelTimer(id);
                return;
            }
            long read = request.bytesRead();
            boolean late = System.nanoTime() - deadline > 0;
            if (late || read - before[0] < least) {
                vertx.cancelTimer(id);
                LOG.debugf("%s %s: body cut off after %d bytes (%s)", request.method(), request.path(), read,
                        late ? "deadline" : "too slow");
                refuse(ctx, late
                        ? ProblemException.tooSlow("nội dung không đến hết trong " + limits.bodyDeadline().toSeconds() + " giây",
                                "the body did not arrive whole within " + limits.bodyDeadline().toSeconds() + " s")
                        : ProblemException.tooSlow("nội dung đến chậm hơn " + limits.bodyMinRate() + " byte mỗi giây",
                                "the body came slower than " + limits.bodyMinRate() + " bytes a second"));
            }
            before[0] = read;
        });
        ctx.addEndHandler(v -> vertx.cancelTimer(timer));
    }

    /**
     * Whether the body is all in: said by the readers here, or by Vert.x, or by the count of its announced length.
     * (Vert.x's isEnded alone is false for a request paused after its end, as one handed to a worker is.)
     */
    private static boolean arrived(RoutingContext ctx) {
        if (Boolean.TRUE.equals(ctx.get(ARRIVED)) || ctx.request().isEnded()) {
            return true;
        }
        long announced = BodyPrechecks.declaredLength(ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH));
        return announced >= 0 && ctx.request().bytesRead() >= announced;
    }

    private void spool(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        request.pause();
        Path file;
        try {
            file = Files.createTempFile("phendau-list", ".body");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ctx.addEndHandler(v -> vertx.fileSystem().delete(file.toString()));
        vertx.fileSystem().open(file.toString(), new OpenOptions().setWrite(true).setTruncateExisting(true))
                .onFailure(ctx::fail)
                .onSuccess(out -> copy(ctx, out, file));
    }

    private void copy(RoutingContext ctx, AsyncFile out, Path file) {
        HttpServerRequest request = ctx.request();
        long limit = limits.batchBytes();
        long[] total = {0};
        boolean[] failed = {false};
        // Closed once only: a second close of an AsyncFile throws on the event loop (a client that breaks off after
        // its list went over the limit would otherwise log an uncaught exception).
        boolean[] closed = {false};
        Runnable close = () -> {
            if (!closed[0]) {
                closed[0] = true;
                out.close();
            }
        };
        out.exceptionHandler(e -> {
            failed[0] = true;
            ctx.fail(e);
        });
        request.handler(buffer -> {
            if (failed[0]) {
                return;
            }
            total[0] += buffer.length();
            if (total[0] > limit) {
                failed[0] = true;
                close.run();
                refuse(ctx, ProblemException.tooLarge("$", "danh sách vượt giới hạn " + limit + " byte",
                        "the list is over the limit of " + limit + " bytes"));
                return;
            }
            write(out, buffer, request);
        });
        request.exceptionHandler(e -> {
            // The client broke off mid-body: nobody is left to answer; the end handler deletes the file.
            failed[0] = true;
            LOG.debugf("%s %s: body broken off after %d bytes: %s", request.method(), request.path(), total[0], e.toString());
            close.run();
        });
        request.endHandler(v -> {
            if (failed[0]) {
                return;
            }
            ctx.put(ARRIVED, true);
            closed[0] = true;
            out.close().onFailure(ctx::fail).onSuccess(done -> {
                ctx.put(SPOOLED, file);
                ctx.next();
            });
        });
        request.resume();
    }

    /**
     * A page's form as it arrived: the pasted text, and the uploaded file spooled to a temporary file (deleted when
     * the exchange ends). Other fields and further files are read past and dropped.
     */
    public static final class Form {
        private final Map<String, String> fields = new HashMap<>();
        private Path file;
        private String fileName;

        public String field(String name) {
            return fields.get(name);
        }

        /** The uploaded file, or null when none was sent. */
        public Path file() {
            return file;
        }

        public String fileName() {
            return fileName;
        }
    }

    /** The form of this exchange, read by {@link BodyGuard}. */
    public static Form form(RoutingContext ctx) {
        return read(ctx, FORM);
    }

    /**
     * A multipart form read by Vert.x's decoder on the event loop (so no worker waits on a slow upload), its file
     * written as it comes; too many parts ({@code quarkus.http.limits.max-form-fields}), a malformed or a truncated
     * body is 400, a client gone is logged at DEBUG.
     */
    private void readForm(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        Form form = new Form();
        List<Future<Void>> written = new ArrayList<>();
        boolean[] failed = {false};
        // Uploads begun and not yet ended: one left when the body ends is a form cut short (no closing boundary).
        int[] open = {0};
        long limit = limits.batchBytes();
        request.setExpectMultipart(true);
        request.uploadHandler(upload -> {
            if (failed[0] || !"file".equals(upload.name()) || form.file != null) {
                upload.handler(ignored -> { });
                return;
            }
            Path file;
            try {
                file = Files.createTempFile("phendau-upload", ".body");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            ctx.addEndHandler(v -> vertx.fileSystem().delete(file.toString()));
            form.file = file;
            form.fileName = upload.filename();
            upload.pause();
            open[0]++;
            Promise<Void> done = Promise.promise();
            written.add(done.future());
            vertx.fileSystem().open(file.toString(), new OpenOptions().setWrite(true).setTruncateExisting(true))
                    .onFailure(done::fail)
                    .onSuccess(out -> {
                        long[] total = {0};
                        upload.handler(buffer -> {
                            total[0] += buffer.length();
                            if (failed[0] || total[0] > limit) {
                                if (!failed[0]) {
                                    failed[0] = true;
                                    refuse(ctx, ProblemException.tooLarge("file", "tệp vượt giới hạn " + limit + " byte",
                                            "the file is over the limit of " + limit + " bytes"));
                                }
                                return;
                            }
                            write(out, buffer, upload);
                        });
                        upload.exceptionHandler(e -> out.close());
                        upload.endHandler(v -> {
                            open[0]--;
                            out.close().onComplete(done);
                        });
                        upload.resume();
                    });
        });
        request.exceptionHandler(e -> {
            // Once the form is whole it is no longer the form that failed (the exchange's own handlers see to that).
            if (failed[0] || Boolean.TRUE.equals(ctx.get(ARRIVED))) {
                return;
            }
            failed[0] = true;
            if (ctx.response().closed() || e instanceof HttpClosedException) {
                LOG.debugf("%s %s: the client left mid-form after %d bytes", request.method(), request.path(), request.bytesRead());
                return;
            }
            LOG.debugf("%s %s: form refused: %s", request.method(), request.path(), e.toString());
            refuse(ctx, ProblemException.invalid(List.of(Problem.at("$",
                    "biểu mẫu multipart không hợp lệ, bị cắt ngắn hoặc có quá nhiều phần",
                    "the multipart form is malformed, truncated or has too many parts"))));
        });
        request.endHandler(v -> {
            ctx.put(ARRIVED, true);
            if (open[0] > 0) {
                // A file still open when the body has ended: its end is on its way (the file was paused while it
                // opened), or never comes (no closing boundary). Give it a window of the rate, then it is cut short.
                vertx.setTimer(Math.max(1, limits.bodyRateWindow().toMillis()), id -> {
                    if (open[0] > 0 && !failed[0]) {
                        failed[0] = true;
                        LOG.debugf("%s %s: form cut short in its file", request.method(), request.path());
                        refuse(ctx, ProblemException.invalid(List.of(Problem.at("$",
                                "biểu mẫu multipart bị cắt ngắn: tệp không có ranh giới kết thúc",
                                "the multipart form is truncated: the file has no closing boundary"))));
                    }
                });
            }
            Future.all(written).onComplete(all -> {
                if (failed[0]) {
                    return;
                }
                if (all.failed()) {
                    ctx.fail(all.cause());
                    return;
                }
                request.formAttributes().forEach(field -> form.fields.putIfAbsent(field.getKey(), field.getValue()));
                ctx.put(FORM, form);
                ctx.next();
            });
        });
    }

    /** A piece of a body to its file, its source paused while the file catches up. */
    private static void write(AsyncFile out, Buffer buffer, ReadStream<?> from) {
        out.write(buffer);
        if (out.writeQueueFull()) {
            from.pause();
            out.drainHandler(v -> from.resume());
        }
    }

    /** An answer to a body that will not be read further, then the connection closed. */
    private void refuse(RoutingContext ctx, ProblemException problem) {
        if (ctx.response().closed() || ctx.response().ended()) {
            return;
        }
        if (ctx.response().headWritten()) {
            ctx.request().connection().close();
            return;
        }
        // The context's end handlers, not the response's own: setting the response's end handler would replace the
        // one the router runs them from, and the spooled file (deleted by one of them) would stay on the disk.
        ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
        ctx.addEndHandler(v -> ctx.request().connection().close());
        HttpLayerProblems.send(ctx, problem, metrics);
    }

    private static String trimmed(String path) {
        String p = path == null ? "" : path;
        while (p.length() > 1 && p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p;
    }
}
