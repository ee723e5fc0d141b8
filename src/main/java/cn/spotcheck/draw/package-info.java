/**
 * 双随机: the draw of a spot-check task — targets, then inspectors — recorded with every input so anyone can
 * recompute it, chained by digests so no past draw can be altered unseen, confirmed and published, and followed by
 * the fan-out of one inspection per drawn target. The algorithm itself is pure Java in {@code draw.algorithm}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "双随机抽取")
package cn.spotcheck.draw;
