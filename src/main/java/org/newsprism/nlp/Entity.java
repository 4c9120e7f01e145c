package org.newsprism.nlp;

import java.io.Serializable;
import java.util.List;

/**
 * A catalogue entity.
 *
 * @param id stable id ({@code vladimir-putin})
 * @param type PER, ORG, LOC or MISC
 * @param name canonical name
 * @param aliases surface forms that name the entity
 * @param derived adjectives and demonyms that refer to it ({@code russische} → Russia), flagged derived
 */
public record Entity(String id, String type, String name, List<String> aliases, List<String> derived)
        implements Serializable {}
