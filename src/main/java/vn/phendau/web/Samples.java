package vn.phendau.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.runtime.util.ClassPathUtils;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import vn.phendau.common.Json;

/**
 * The sample proposals of the project's samples/ folder (the build copies them to the classpath), offered by the
 * form's "fill in a sample" button exactly as they are written.
 */
@ApplicationScoped
public class Samples {

    /** @param label the number, province and project name, as a person picks one */
    public record Sample(String file, String label, String json) {
    }

    private final List<Sample> samples = new ArrayList<>();

    public Samples() {
        try {
            ClassPathUtils.consumeAsPaths("samples", dir -> {
                try (Stream<Path> files = Files.list(dir)) {
                    files.filter(f -> f.getFileName().toString().endsWith(".json")).forEach(f -> samples.add(read(f)));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        samples.sort(Comparator.comparing(Sample::file));
    }

    private static Sample read(Path f) {
        try {
            String json = Files.readString(f, StandardCharsets.UTF_8);
            JsonNode node = Json.MAPPER.readTree(json);
            String file = f.getFileName().toString();
            String label = file.substring(0, 2) + " · " + node.at("/location/province").asText() + " · " + node.path("name").asText();
            return new Sample(file, label, json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<Sample> all() {
        return List.copyOf(samples);
    }

    public Optional<Sample> byFile(String file) {
        return samples.stream().filter(s -> s.file().equals(file)).findFirst();
    }
}
