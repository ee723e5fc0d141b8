package cn.spotcheck.system;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The bureau that runs the platform ({@code spotcheck.bureau.*}): the name its documents are signed with and its
 * results published under, the text of its seal, and its address for the documents' footers.
 */
@ConfigurationProperties(prefix = "spotcheck.bureau")
public record Bureau(String name, String sealText, String address, String documentPrefix) {

    public Bureau {
        documentPrefix = documentPrefix == null || documentPrefix.isBlank() ? "交" : documentPrefix.strip();
        name = name == null || name.isBlank() ? "交通运输局" : name.strip();
        sealText = sealText == null || sealText.isBlank() ? name : sealText.strip();
        address = address == null ? "" : address.strip();
    }
}
