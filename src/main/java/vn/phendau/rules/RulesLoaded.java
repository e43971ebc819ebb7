package vn.phendau.rules;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.eclipse.microprofile.health.Startup;

/**
 * Ready once the rules are loaded: they load in the background while the rest of the service starts. A rule set
 * that cannot be loaded (a metadata defect, a rule that does not compile) stops the service, as it would if the
 * rules were loaded before anything else.
 */
@Startup
@Readiness
@ApplicationScoped
public class RulesLoaded implements HealthCheck {

    private final RuleBase rules;

    public RulesLoaded(RuleBase rules) {
        this.rules = rules;
    }

    void stopIfBroken(@Observes StartupEvent event) {
        rules.whenLoaded().exceptionally(failure -> {
            Quarkus.asyncExit(1);
            return null;
        });
    }

    @Override
    public HealthCheckResponse call() {
        // The rule set's fingerprint is known once its files are read, on the loader's thread: named when loaded.
        return rules.isLoaded()
                ? HealthCheckResponse.named("rules").up().withData("ruleset", rules.fingerprint()).build()
                : HealthCheckResponse.named("rules").down().build();
    }
}
