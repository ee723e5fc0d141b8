package cn.spotcheck.catalog;

import java.util.List;

/** A target as a person or a spreadsheet row gives it: raw text, not yet validated. */
record TargetInput(String uscc, String registrationNo, String name, String category, String region,
                          String address, String legalRepresentative, String creditLevel, List<String> tags,
                          String status) {
}
