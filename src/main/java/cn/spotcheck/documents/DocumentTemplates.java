package cn.spotcheck.documents;

import java.io.Reader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import org.apache.velocity.VelocityContext;
import org.apache.velocity.app.VelocityEngine;
import org.apache.velocity.exception.ResourceNotFoundException;
import org.apache.velocity.exception.VelocityException;
import org.apache.velocity.runtime.RuntimeConstants;
import org.apache.velocity.runtime.resource.loader.ClasspathResourceLoader;
import org.apache.velocity.runtime.resource.loader.FileResourceLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import cn.spotcheck.system.ApiException;

/**
 * The documents' Velocity templates. A bureau changes a document's wording without a new release by putting its own
 * {@code <kind>.vm} (or {@code _style.vm}, {@code _sign.vm}, which all share) in
 * {@code spotcheck.documents.templates-dir}; it is read again within ten seconds of a change. Whatever is not there
 * comes from the templates built in under {@code templates/docs/}; a template that fails is logged and the built-in
 * one used.
 */
@Component
class DocumentTemplates {

    private static final Logger log = LoggerFactory.getLogger(DocumentTemplates.class);

    private final VelocityEngine bureauFirst;
    private final VelocityEngine builtIn;

    DocumentTemplates(@Value("${spotcheck.documents.templates-dir}") Path overrides) {
        Properties properties = engine("builtin");
        properties.setProperty("resource.loader.file.class", FileResourceLoader.class.getName());
        properties.setProperty("resource.loader.file.path", overrides.toAbsolutePath().toString());
        properties.setProperty("resource.loader.file.cache", "true");
        properties.setProperty("resource.loader.file.modification_check_interval", "10");
        properties.setProperty(RuntimeConstants.RESOURCE_LOADERS, "file,builtin");
        bureauFirst = new VelocityEngine(properties);
        bureauFirst.init();
        builtIn = new VelocityEngine(engine("builtin"));
        builtIn.init();
        if (Files.isDirectory(overrides)) {
            log.info("文书模板：{} 中的模板优先于内置模板", overrides.toAbsolutePath());
        }
    }

    private static Properties engine(String loaders) {
        Properties properties = new Properties();
        properties.setProperty(RuntimeConstants.RESOURCE_LOADERS, loaders);
        properties.setProperty("resource.loader.builtin.class", BuiltIn.class.getName());
        // Parsed once: a fan-out issues tens of thousands of notices from the same template.
        properties.setProperty("resource.loader.builtin.cache", "true");
        properties.setProperty(RuntimeConstants.INPUT_ENCODING, "UTF-8");
        properties.setProperty("runtime.strict_mode.enable", "true");
        return properties;
    }

    /**
     * The document {@code kind} rendered from the bureau's template, or, when that one does not parse or names
     * something the document does not have, from the built-in one: a typo in a template must not stop a dispatch.
     */
    String render(String kind, VelocityContext context) {
        try {
            return merge(bureauFirst, kind, context);
        } catch (ResourceNotFoundException e) {
            throw ApiException.notFound("没有文书模板 " + kind + ".vm");
        } catch (VelocityException e) {
            log.error("文书模板 {}.vm 有误，本次改用内置模板：{}", kind, e.getMessage());
            return merge(builtIn, kind, context);
        }
    }

    private static String merge(VelocityEngine engine, String kind, VelocityContext context) {
        StringWriter html = new StringWriter();
        engine.getTemplate(kind + ".vm", "UTF-8").merge(context, html);
        return html.toString();
    }

    /** The templates shipped in the jar, under {@code templates/docs/}; templates name each other by file name alone. */
    public static final class BuiltIn extends ClasspathResourceLoader {
        @Override
        public Reader getResourceReader(String name, String encoding) {
            return super.getResourceReader("templates/docs/" + name, encoding);
        }
    }
}
