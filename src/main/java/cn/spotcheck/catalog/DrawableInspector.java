package cn.spotcheck.catalog;

import java.util.List;

/** An inspector who may be drawn for a task: what the draw needs of him, and nothing it would have to load besides. */
public record DrawableInspector(long id, String staffNo, String department, List<String> expertise) {
}
