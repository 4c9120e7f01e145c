package org.newsprism;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code scripts/notebooks/newsprism.ipynb} is not run in CI (it needs PySpark, matplotlib and networkx), but it
 * must stay a valid notebook whose code compiles and which loads exactly the tables the job writes.
 */
class NotebookTest {
    private static final Path NOTEBOOK = Path.of("scripts/notebooks/newsprism.ipynb");

    private static List<String> codeCells() throws IOException {
        JsonNode notebook = new ObjectMapper().readTree(NOTEBOOK.toFile());
        assertEquals(4, notebook.get("nbformat").asInt());
        List<String> cells = new ArrayList<>();
        for (JsonNode cell : notebook.get("cells")) {
            if (cell.get("cell_type").asText().equals("code")) {
                StringBuilder code = new StringBuilder();
                cell.get("source").forEach(line -> code.append(line.asText()));
                cells.add(code.toString());
                assertEquals(0, cell.get("outputs").size(), "the notebook is stored without outputs");
            }
        }
        return cells;
    }

    @Test
    void theNotebookLoadsEveryTableTheJobWrites() throws IOException {
        String code = String.join("\n", codeCells());
        Matcher tables = Pattern.compile("TABLES = \\[([^]]*)]").matcher(code);
        assertTrue(tables.find(), "the notebook lists its tables");
        List<String> names = Pattern.compile("\"([a-z_]+)\"").matcher(tables.group(1)).results().map(m -> m.group(1)).toList();
        assertEquals(Job.TABLES, names);
        for (String chart : List.of("entity_daily", "entity_pairs", "nx.", "plt.")) {
            assertTrue(code.contains(chart), chart);
        }
    }

    @Test
    void everyCodeCellCompilesAsPython(@TempDir Path dir) throws Exception {
        boolean python;
        try {
            python = new ProcessBuilder("python3", "--version").start().waitFor() == 0;
        } catch (IOException e) {
            python = false;
        }
        Assumptions.assumeTrue(python, "python3 is not installed");
        List<String> cells = codeCells();
        assertTrue(cells.size() >= 5);
        for (int i = 0; i < cells.size(); i++) {
            Path file = dir.resolve("cell" + i + ".py");
            Files.writeString(file, cells.get(i), StandardCharsets.UTF_8);
            Process compile = new ProcessBuilder("python3", "-m", "py_compile", file.toString()).redirectErrorStream(true).start();
            assertTrue(compile.waitFor(60, TimeUnit.SECONDS));
            String output = new String(compile.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, compile.exitValue(), "cell " + i + ":\n" + cells.get(i) + "\n" + output);
        }
    }
}
