/**
 * The 双随机 draw as a pure function: which targets are inspected (抽取检查对象) and which enforcement inspectors
 * inspect each of them (抽取执法检查人员), plus the digests that let anyone re-run and check a published draw.
 *
 * <p>Nothing here knows Spring, JPA or the database: the callers (the {@code draw} module's services) load the
 * candidates, the configured ratios, the eligible inspectors and the recusals, pass them in as immutable records,
 * and store what comes back. Only {@code java.*} is used, and every random value is a SHA-256 of the 32-byte seed
 * and a text label, so the same draw can be reproduced by hand or in any language ({@code docs/draw-algorithm.md},
 * {@code docs/draw-reference.py}). There is no floating point and no {@link java.util.Random} anywhere.
 *
 * <p>Entry points: {@link cn.spotcheck.draw.algorithm.TargetDraw}, {@link cn.spotcheck.draw.algorithm.InspectorDraw},
 * {@link cn.spotcheck.draw.algorithm.InspectorReplacement}, {@link cn.spotcheck.draw.algorithm.DrawVerifier} and
 * {@link cn.spotcheck.draw.algorithm.DrawRecordContent}. Bad input throws {@link
 * cn.spotcheck.draw.algorithm.InvalidDrawInputException}; input that is well formed but cannot be satisfied
 * (too few eligible inspectors, everyone recused) throws {@link cn.spotcheck.draw.algorithm.DrawImpossibleException}.
 * Both carry a Chinese message a user can act on. Nothing is ever drawn short.
 */
package cn.spotcheck.draw.algorithm;
