package org.newsprism;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The application jar is built from an allow-list (the shade plugin's {@code artifactSet}): a library the job
 * uses at run time but the list lacks is missing on every executor of a cluster, and only a cluster run shows
 * it ({@code ClassNotFoundException} in a task). This test shows it on every build: each direct dependency in
 * the compile or runtime scope is in the list.
 */
class ApplicationJarTest {
    @Test
    void everyRunTimeDependencyIsInTheApplicationJar() throws Exception {
        Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Path.of("pom.xml").toFile());
        Element project = pom.getDocumentElement();
        Set<String> runTime = new TreeSet<>();
        for (Element dependency : children(child(project, "dependencies"), "dependency")) {
            String scope = text(dependency, "scope", "compile");
            if (scope.equals("compile") || scope.equals("runtime")) {
                runTime.add(text(dependency, "groupId", "") + ":" + text(dependency, "artifactId", ""));
            }
        }
        Set<String> included = new TreeSet<>();
        NodeList includes = pom.getElementsByTagName("include");
        for (int i = 0; i < includes.getLength(); i++) {
            Node include = includes.item(i);
            if (include.getParentNode().getParentNode().getNodeName().equals("artifactSet")) {
                included.add(include.getTextContent().trim());
            }
        }
        assertTrue(runTime.contains("com.typesafe:config"), "the dependencies were read: " + runTime);
        Set<String> missing = new TreeSet<>(runTime);
        missing.removeAll(included);
        assertEquals(Set.of(), missing, "run-time dependencies missing from the shade plugin's artifactSet in pom.xml");
    }

    private static Element child(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? null : found.get(0);
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        if (parent == null) {
            return found;
        }
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getNodeName().equals(name)) {
                found.add(e);
            }
        }
        return found;
    }

    private static String text(Element parent, String name, String otherwise) {
        Element element = child(parent, name);
        return element == null ? otherwise : element.getTextContent().trim();
    }
}
