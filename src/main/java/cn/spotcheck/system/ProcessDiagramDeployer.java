package cn.spotcheck.system;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys each diagram of {@code processes/} together with the forms it references, as one deployment named
 * after the diagram. Forms bound with {@code camunda:formBinding="deployment"} are found because they travel
 * with their diagram; duplicate filtering per deployment name means an unchanged diagram creates no new version,
 * while a changed diagram (or one of its forms) creates one and running instances stay on theirs.
 */
@Component
public class ProcessDiagramDeployer {

    private static final Logger log = LoggerFactory.getLogger(ProcessDiagramDeployer.class);
    private static final Pattern FORM_REF = Pattern.compile("camunda:formRef=\"([^\"]+)\"");
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String SOURCE = "spot-check processes/";

    private final RepositoryService repositoryService;
    private final String processesLocation;
    private final String formsLocation;

    ProcessDiagramDeployer(RepositoryService repositoryService,
                           @Value("${spotcheck.processes-location:classpath*:processes/}") String processesLocation,
                           @Value("${spotcheck.forms-location:classpath*:forms/}") String formsLocation) {
        this.repositoryService = repositoryService;
        this.processesLocation = withSlash(processesLocation);
        this.formsLocation = withSlash(formsLocation);
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(Ordered.HIGHEST_PRECEDENCE)
    public void deployOnStart() {
        deployAll();
    }

    /** Deploys what changed since the last deployment of each diagram; returns the deployments made. */
    public List<Deployment> deployAll() {
        return deployFrom(processesLocation, formsLocation);
    }

    /**
     * Deploys the diagrams and forms of other folders (Spring resource locations such as {@code file:/opt/x/}),
     * e.g. an administrator's edited copies.
     */
    public synchronized List<Deployment> deployFrom(String processesFolder, String formsFolder) {
        try {
            PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
            Map<String, FormFile> forms = readForms(resolver.getResources(withSlash(formsFolder) + "*.form"));
            List<Deployment> made = new ArrayList<>();
            for (Resource diagram : resolver.getResources(withSlash(processesFolder) + "*.bpmn")) {
                Deployment deployment = deploy(diagram, forms);
                if (deployment != null) {
                    made.add(deployment);
                }
            }
            return made;
        } catch (IOException e) {
            throw new IllegalStateException("无法读取流程图或表单：" + e.getMessage(), e);
        }
    }

    private Deployment deploy(Resource diagram, Map<String, FormFile> forms) throws IOException {
        String fileName = diagram.getFilename();
        String xml = read(diagram);
        String name = fileName.substring(0, fileName.length() - ".bpmn".length());
        DeploymentBuilder builder = repositoryService.createDeployment()
                .name(name)
                .source(SOURCE)
                .enableDuplicateFiltering(false)
                .addString("processes/" + fileName, xml);
        for (String formId : referencedForms(xml)) {
            FormFile form = forms.get(formId);
            if (form == null) {
                throw new IllegalStateException("流程图 " + fileName + " 引用的表单 " + formId + " 在 forms/ 中不存在");
            }
            builder.addString("forms/" + form.fileName(), form.json());
        }
        DeploymentWithDefinitions deployment = builder.deployWithResult();
        List<ProcessDefinition> definitions = deployment.getDeployedProcessDefinitions();
        if (definitions == null || definitions.isEmpty()) {
            return null;
        }
        definitions.forEach(d -> log.info("已部署流程 {} 第 {} 版（部署 {}）", d.getKey(), d.getVersion(), deployment.getId()));
        return deployment;
    }

    private static Set<String> referencedForms(String xml) {
        Set<String> ids = new LinkedHashSet<>();
        Matcher m = FORM_REF.matcher(xml);
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

    private static Map<String, FormFile> readForms(Resource[] resources) throws IOException {
        Map<String, FormFile> forms = new LinkedHashMap<>();
        for (Resource resource : resources) {
            String json = read(resource);
            JsonNode id = JSON.readTree(json).path("id");
            if (!id.isTextual() || id.asText().isBlank()) {
                throw new IllegalStateException("表单 " + resource.getFilename() + " 缺少 id");
            }
            forms.put(id.asText(), new FormFile(resource.getFilename(), json));
        }
        return forms;
    }

    private static String read(Resource resource) throws IOException {
        try (InputStream in = resource.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String withSlash(String location) {
        return location.endsWith("/") ? location : location + "/";
    }

    private record FormFile(String fileName, String json) {
    }
}
