package cn.spotcheck.audit;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

import cn.spotcheck.identity.EngineTasks;

@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class AuditConfiguration {

    /**
     * After every authentication (the platform's, the engine REST API's), so that it knows who calls; around the
     * engine's guard, so that what the guard refuses is logged too.
     */
    @Bean
    FilterRegistrationBean<RequestAudit> requestAudit(AuditLog auditLog, IdentityService identityService, EngineTasks engineTasks) {
        FilterRegistrationBean<RequestAudit> registration = new FilterRegistrationBean<>(new RequestAudit(auditLog, identityService, engineTasks));
        registration.setName("request-audit");
        registration.addUrlPatterns("/*");
        registration.setOrder(Ordered.LOWEST_PRECEDENCE - 1);
        registration.setMatchAfter(true);
        return registration;
    }
}
