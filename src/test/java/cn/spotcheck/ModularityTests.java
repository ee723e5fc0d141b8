package cn.spotcheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.EventType;
import org.springframework.modulith.docs.Documenter;

import com.tngtech.archunit.core.domain.JavaClass;

/**
 * Each capability is a module; they may use each other's public API only, never in a cycle, and a module that must
 * react to another's progress does so through that module's events rather than by being called.
 */
class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(SpotCheckApplication.class);

    @Test
    void moduleBoundariesHold() {
        modules.verify();
    }

    @Test
    void inspectionsAnnounceTheirProgressAndTheDrawAndDisclosureListen() {
        assertThat(module("inspection").getPublishedEvents()).map(EventType::getType).map(JavaClass::getSimpleName)
                .contains("InspectionPublished", "InspectionClosed");
        assertThat(module("disclosure").getEventsListenedTo(modules)).map(JavaClass::getSimpleName)
                .contains("InspectionPublished");
        assertThat(module("draw").getEventsListenedTo(modules)).map(JavaClass::getSimpleName)
                .contains("InspectionPublished", "InspectionClosed");
    }

    @Test
    void theModuleDocumentationShowsTheEvents() throws IOException {
        Path out = Path.of("target", "spring-modulith-docs");
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder(out.toString()))
                .writeModulesAsPlantUml().writeIndividualModulesAsPlantUml().writeModuleCanvases();
        assertThat(Files.readString(out.resolve("module-disclosure.adoc"))).contains("InspectionPublished");
        assertThat(out.resolve("components.puml")).content().contains("listens to");
    }

    private ApplicationModule module(String name) {
        return modules.getModuleByName(name).orElseThrow();
    }
}
