package cn.spotcheck.catalog;

import java.math.BigDecimal;
import java.util.List;

/** An item of the 随机抽查事项清单 as given; {@code type} is GENERAL or KEY. */
public record ItemInput(String code, String name, String type, List<String> categories, String legalBasis,
                        String department, List<String> expertise, BigDecimal defaultRatio, Boolean jointCheckable) {
}
