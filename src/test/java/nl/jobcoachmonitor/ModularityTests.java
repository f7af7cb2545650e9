package nl.jobcoachmonitor;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(JobcoachMonitorApplication.class);

    @Test
    void modulesHaveNoCyclesAndUseOnlyEachOthersPublicApi() {
        modules.verify();
    }

    @Test
    void writesTheModuleMap() {
        new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
    }
}
