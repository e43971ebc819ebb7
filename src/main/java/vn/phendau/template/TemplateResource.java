package vn.phendau.template;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.jboss.resteasy.reactive.RestQuery;
import vn.phendau.batch.BatchFormat;

/**
 * The list templates: an Excel workbook and a CSV file to fill in and send back to the list endpoint. Both are
 * made once per language (the drop-downs' words; the reader takes either) from the schema and its labels.
 */
@Path("/api/v1/templates")
public class TemplateResource {

    static final String CSV = "text/csv; charset=UTF-8";

    private final ListTemplate template;
    private final Map<String, byte[]> made = new ConcurrentHashMap<>();

    public TemplateResource(ListTemplate template) {
        this.template = template;
    }

    @GET
    @Path("/list.xlsx")
    @Produces("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    @Operation(summary = "An Excel template of a list: the columns, their labels, drop-downs of labelled values, an example row and instructions")
    public Response xlsx(@Parameter(description = "vi (default) or en: the language of the drop-downs' values") @RestQuery("lang") String lang) {
        String l = language(lang);
        byte[] body = made.computeIfAbsent("xlsx-" + l, k -> write(out -> template.writeXlsx(out, l)));
        return attachment(body, BatchFormat.XLSX.mediaType, "danh-sach-de-xuat" + suffix(l) + ".xlsx");
    }

    @GET
    @Path("/list.csv")
    @Produces(CSV)
    @Operation(summary = "A CSV template of a list: the header of columns and an example row (UTF-8 with a byte-order mark)")
    public Response csv(@Parameter(description = "vi (default) or en: the language of the example's values") @RestQuery("lang") String lang) {
        String l = language(lang);
        byte[] body = made.computeIfAbsent("csv-" + l, k -> write(out -> template.writeCsv(out, l)));
        return attachment(body, CSV, "danh-sach-de-xuat" + suffix(l) + ".csv");
    }

    private static String language(String lang) {
        return "en".equalsIgnoreCase(lang) ? "en" : "vi";
    }

    private static String suffix(String lang) {
        return "en".equals(lang) ? "-en" : "";
    }

    private static Response attachment(byte[] body, String type, String file) {
        return Response.ok(body, type).header("Content-Disposition", "attachment; filename=\"" + file + "\"").build();
    }

    private interface Writer {
        void write(java.io.OutputStream out) throws IOException;
    }

    private static byte[] write(Writer writer) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            writer.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
