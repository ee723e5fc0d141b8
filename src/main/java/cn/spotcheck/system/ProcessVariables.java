package cn.spotcheck.system;

import org.camunda.bpm.engine.delegate.VariableScope;

/** How the diagrams' adapters read a variable: as text, or as a number the diagram must hold. */
public final class ProcessVariables {

    private ProcessVariables() {
    }

    public static String text(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        return value == null ? null : value.toString();
    }

    /** A number variable (an id), given as a number or as its digits; a diagram without it is a broken diagram. */
    public static long number(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        if (value == null) {
            throw new IllegalStateException("流程缺少变量 " + name);
        }
        return value instanceof Number n ? n.longValue() : Long.parseLong(value.toString());
    }
}
