package com.maintenanceaccess.roletemplate;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.maintenanceaccess.kernel.Problems.Problem;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one source (a YAML stream of one or more documents, or a JSON document) into
 * located {@link Node}s. Syntax errors and duplicate keys become problems with line and
 * column; reading stops at the first syntax error because nothing after it is reliable.
 */
public final class SourceReader {

    private static final YAMLFactory YAML = new YAMLFactory();
    private static final JsonFactory JSON = new JsonFactory();

    private SourceReader() {
    }

    /** The documents of a source; problems are added to {@code problems}. */
    public static List<Node> read(String source, String text, boolean json, List<Problem> problems) {
        List<Node> documents = new ArrayList<>();
        try (JsonParser parser = (json ? JSON : YAML).createParser(text)) {
            JsonToken token;
            while ((token = parser.nextToken()) != null) {
                documents.add(value(parser, token, source, "", problems));
            }
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            problems.add(Problem.located(source, at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr(),
                    "", "malformed " + (json ? "JSON" : "YAML") + ": " + e.getOriginalMessage()));
        } catch (IOException e) {
            problems.add(Problem.located(source, 0, 0, "", "unreadable: " + e.getMessage()));
        }
        return documents;
    }

    private static Node value(JsonParser parser, JsonToken token, String source, String path, List<Problem> problems)
            throws IOException {
        JsonLocation at = parser.currentTokenLocation();
        int line = at.getLineNr();
        int column = at.getColumnNr();
        switch (token) {
            case START_OBJECT -> {
                Map<String, Node> map = new LinkedHashMap<>();
                while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
                    String key = parser.currentName();
                    JsonLocation keyAt = parser.currentTokenLocation();
                    String childPath = path.isEmpty() ? key : path + "." + key;
                    Node child = value(parser, parser.nextToken(), source, childPath, problems);
                    if (map.containsKey(key)) {
                        problems.add(Problem.located(source, keyAt.getLineNr(), keyAt.getColumnNr(), childPath,
                                "duplicate key '" + key + "'"));
                    } else {
                        map.put(key, child);
                    }
                }
                return new Node(map, source, line, column, path);
            }
            case START_ARRAY -> {
                List<Node> list = new ArrayList<>();
                int index = 0;
                while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
                    list.add(value(parser, token, source, path + "[" + index++ + "]", problems));
                }
                return new Node(list, source, line, column, path);
            }
            case VALUE_STRING -> {
                return new Node(parser.getText(), source, line, column, path);
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return new Node(parser.getBooleanValue(), source, line, column, path);
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                return new Node(parser.getNumberValue(), source, line, column, path);
            }
            case VALUE_NULL -> {
                return new Node(null, source, line, column, path);
            }
            default -> {
                return new Node(parser.getText(), source, line, column, path);
            }
        }
    }
}
