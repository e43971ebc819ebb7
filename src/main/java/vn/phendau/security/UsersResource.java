package vn.phendau.security;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The embedded users, for ADMINs. A password goes in, never out. */
@Path("/api/v1/users")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.ADMIN_)
public class UsersResource {

    /** A new user; province as the API accepts it (any of its names, with or without diacritics), absent for all. */
    public record NewUser(String name, String password, String role, String province) {
    }

    private final Users users;
    private final Caller caller;

    public UsersResource(Users users, Caller caller) {
        this.users = users;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "The users: name, role, province (never a password)")
    public List<Users.UserView> list() {
        return users.list();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a user: name, password, role (OFFICER, REVIEWER, AUDITOR or ADMIN), province (absent for all)")
    public Response create(NewUser user) {
        if (user == null) {
            throw Users.invalid("$", "hãy gửi một đối tượng JSON {name, password, role, province}",
                    "send a JSON object {name, password, role, province}");
        }
        Role role = Role.of(user.role()).orElseThrow(() -> Users.invalid("$.role", "vai trò phải là một trong: " + Role.names(),
                "the role must be one of: " + Role.names()));
        Users.UserView made = users.create(user.name(), user.password(), role, user.province(), caller.name());
        return Response.created(UriBuilder.fromPath("/api/v1/users/{name}").build(made.name())).entity(made).build();
    }

    @DELETE
    @Path("/{name}")
    @Operation(summary = "Delete a user (not the last ADMIN)")
    public Response delete(@PathParam("name") String name) {
        users.delete(name, caller.name());
        return Response.noContent().build();
    }
}
