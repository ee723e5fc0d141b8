package cn.spotcheck.catalog;

import java.util.List;

/** One page of a list, with the total for the filter and the key to ask for the next page. */
public record PageOf<T>(List<T> content, long totalElements, int page, int size, Long nextAfterId) {
}
