package cn.spotcheck.identity;

import java.util.Set;
import java.util.TreeSet;

import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** Every page and API edge the platform maps, as "METHOD /path/{variable}"; a mapping without methods answers GET and POST. */
final class MappedEdges {

    private MappedEdges() {
    }

    static Set<String> of(RequestMappingHandlerMapping mappings) {
        Set<String> edges = new TreeSet<>();
        mappings.getHandlerMethods().keySet().forEach(info -> {
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods().isEmpty()
                    ? Set.of(RequestMethod.GET, RequestMethod.POST) : info.getMethodsCondition().getMethods();
            info.getPatternValues().forEach(pattern -> methods.forEach(m -> edges.add(m + " " + pattern)));
        });
        return edges;
    }
}
