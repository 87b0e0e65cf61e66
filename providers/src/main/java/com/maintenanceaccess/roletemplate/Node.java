package com.maintenanceaccess.roletemplate;

import com.maintenanceaccess.kernel.Problems.Problem;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML/JSON value that remembers where it was written, so that semantic problems
 * ("unknown area") can be reported with the line and column of the offending value, not
 * just malformed syntax. Values are a {@code Map<String, Node>}, a {@code List<Node>}, a
 * String, a Boolean, a Number, or null.
 */
public record Node(Object value, String source, int line, int column, String path) {

    public boolean isMap() {
        return value instanceof Map;
    }

    public boolean isList() {
        return value instanceof List;
    }

    public boolean isText() {
        return value instanceof String;
    }

    @SuppressWarnings("unchecked")
    public Map<String, Node> map() {
        return isMap() ? (Map<String, Node>) value : new LinkedHashMap<>();
    }

    @SuppressWarnings("unchecked")
    public List<Node> list() {
        return isList() ? (List<Node>) value : List.of();
    }

    public Node get(String key) {
        return map().get(key);
    }

    public Problem problem(String message) {
        return Problem.located(source, line, column, path, message);
    }

    public String describeType() {
        if (value == null) {
            return "nothing";
        }
        if (isMap()) {
            return "a mapping";
        }
        if (isList()) {
            return "a list";
        }
        return value instanceof String ? "text" : value instanceof Boolean ? "a boolean" : "a number";
    }
}
