package org.newsprism.nlp;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import opennlp.tools.namefind.TokenNameFinderModel;

/** Reads and rewrites the entries of a model file (a zip) for tests that need a variant of the shipped model. */
final class ModelZip {
    private ModelZip() {}

    /** The model with its manifest's beam width set to {@code size}. */
    static TokenNameFinderModel withBeamSize(byte[] model, int size) throws IOException {
        String manifest = new String(entry(model, "manifest.properties"), StandardCharsets.ISO_8859_1);
        String changed = manifest.replaceAll("(?m)^BeamSize=.*$", "BeamSize=" + size);
        if (changed.equals(manifest)) {
            changed = manifest + "\nBeamSize=" + size + "\n";
        }
        return new TokenNameFinderModel(new ByteArrayInputStream(
                withEntry(model, "manifest.properties", changed.getBytes(StandardCharsets.ISO_8859_1))));
    }

    /** The bytes of one entry of a zip (an OpenNLP model is one). */
    static byte[] entry(byte[] zip, String name) throws IOException {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                if (e.getName().equals(name)) {
                    return in.readAllBytes();
                }
            }
        }
        throw new IOException("no " + name + " in the model");
    }

    /** The zip with one entry's bytes replaced, every other entry as it was. */
    static byte[] withEntry(byte[] zip, String name, byte[] content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip));
                ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                out.putNextEntry(new ZipEntry(e.getName()));
                out.write(e.getName().equals(name) ? content : in.readAllBytes());
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
