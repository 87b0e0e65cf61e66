package com.maintenanceaccess.roletemplate;

/**
 * One thing wrong with the input, located as precisely as the input allows: the source
 * (file name or "request body"), line and column (1-based, 0 when unknown), the path of
 * the field inside the document, and what is wrong.
 */
public record Problem(String source, int line, int column, String path, String message) {

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(source);
        if (line > 0) {
            text.append(':').append(line).append(':').append(column);
        }
        if (path != null && !path.isEmpty()) {
            text.append(' ').append(path);
        }
        return text.append(": ").append(message).toString();
    }
}
