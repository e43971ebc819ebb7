package vn.phendau;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import vn.phendau.rules.RuleCompiler;

/** The service's entry point: it starts loading the rules first, so that they load while the service starts. */
@QuarkusMain
public class Main {

    public static void main(String... args) {
        RuleCompiler.preload();
        Quarkus.run(args);
    }
}
