package floor;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

/** The one resource: a JSON body read and answered, so that the application registers what a JSON service does. */
@Path("/echo")
public class Echo {

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> echo(Map<String, Object> body) {
        return Map.of("fields", body.size());
    }
}
