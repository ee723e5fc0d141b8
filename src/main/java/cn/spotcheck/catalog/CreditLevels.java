package cn.spotcheck.catalog;

import java.util.List;
import java.util.Optional;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The credit risk levels (信用风险分类): codes A–D and the names a bureau shows for them. Schemes differ
 * (守信/警示/失信/严重失信 in transport, A/B/C/D in market regulation), so the names are configuration.
 */
@ConfigurationProperties(prefix = "spotcheck.credit")
public record CreditLevels(List<Level> levels) {

    public CreditLevels {
        levels = levels == null || levels.isEmpty()
                ? List.of(new Level("A", "守信"), new Level("B", "警示"), new Level("C", "失信"), new Level("D", "严重失信"))
                : List.copyOf(levels);
    }

    public record Level(String code, String name) {
    }

    public List<String> codes() {
        return levels.stream().map(Level::code).toList();
    }

    /** A code, or a display name, to its code: import files carry either. */
    public Optional<String> resolve(String codeOrName) {
        String value = codeOrName == null ? "" : codeOrName.trim();
        return levels.stream()
                .filter(l -> l.code().equalsIgnoreCase(value) || l.name().equals(value))
                .map(Level::code)
                .findFirst();
    }

    public String nameOf(String code) {
        return levels.stream().filter(l -> l.code().equals(code)).map(Level::name).findFirst().orElse(code);
    }

    public String describe() {
        return String.join("、", levels.stream().map(l -> l.code() + "（" + l.name() + "）").toList());
    }
}
