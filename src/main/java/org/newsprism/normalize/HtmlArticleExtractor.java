package org.newsprism.normalize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import net.dankito.readability4j.Article;
import net.dankito.readability4j.extended.Readability4JExtended;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Extracts an article from an HTML page: main text, title, publication date, language and canonical URL.
 *
 * <ol>
 *   <li>Metadata is read from the whole page first. Title: JSON-LD {@code headline}, {@code og:title},
 *       {@code twitter:title}, the first {@code <h1>}, {@code <title>}. Date: JSON-LD
 *       {@code datePublished}, {@code article:published_time} and similar meta tags,
 *       {@code itemprop=datePublished}, a {@code <time pubdate>} or the first {@code <time datetime>}
 *       of the article. Language: {@code <html lang>}, {@code content-language}, {@code og:locale},
 *       JSON-LD {@code inLanguage}. Canonical URL: {@code <link rel=canonical>}, {@code og:url}, JSON-LD
 *       {@code url}; relative links resolve against the page's own URL.</li>
 *   <li>Obvious page furniture is removed: scripts, styles, form controls, {@code nav}, {@code aside},
 *       {@code footer}, figures, ARIA navigation/banner/dialog regions, hidden elements, and elements whose
 *       class or id names a cookie/consent banner, share or social bar, newsletter box, related or
 *       recommended list, breadcrumb, comments, advertising or paywall (unless it holds the article:
 *       an article element or three long paragraphs).</li>
 *   <li>The main content is found by Readability4J (a port of Mozilla's Readability, the Firefox Reader
 *       View), falling back to {@code <article>}, {@code <main>} or {@code <body>} when it finds nothing.</li>
 *   <li>The content becomes plain text with one paragraph per block ({@code p}, headings, list items,
 *       quotes), separated by blank lines; a heading equal to the title, the byline and date lines are dropped.</li>
 * </ol>
 *
 * <p>Measured on the project's gold pages: see README ("HTML extraction quality").
 */
public final class HtmlArticleExtractor {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern FURNITURE = Pattern.compile(
            "(?i)(?:^|[\\s_-])(?:cookies?|consent|gdpr|cmp|share|sharing|shariff|social|socials|newsletter|related|"
                    + "recommended|recommendations|more-articles|read-more|breadcrumbs?|comments?|disqus|advert|"
                    + "advertisement|ads?|ad-slot|sponsored|promo|paywall|subscribe|outbrain|taboola|teaser-list|"
                    + "toolbar|skip-link|print-only)(?:$|[\\s_-])");
    private static final Set<String> BLOCKS = Set.of("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote",
            "pre", "dd", "dt", "div", "section", "article", "header", "main", "table", "tr", "td", "th", "ul", "ol",
            "dl", "figure", "figcaption", "hr", "address", "details", "summary");
    private static final String[] DATE_META = {
        "meta[property=article:published_time]", "meta[property=og:article:published_time]",
        "meta[property=og:published_time]", "meta[itemprop=datePublished]", "meta[name=article:published_time]",
        "meta[name=date]", "meta[name=pubdate]", "meta[name=publishdate]", "meta[name=publish-date]",
        "meta[name=published_time]", "meta[name=dc.date]", "meta[name=dc.date.issued]", "meta[name=dcterms.date]",
        "meta[name=dcterms.created]", "meta[name=sailthru.date]", "meta[name=parsely-pub-date]",
        "meta[name=article.published]", "meta[name=date.published]"
    };

    private HtmlArticleExtractor() {}

    /** What a page yields; each part is null when the page does not have it. */
    public record Extracted(String text, String title, String publishedAt, String language, String canonicalUrl) {}

    /**
     * @param html the page
     * @param pageUrl the page's own URL (resolves relative canonical links), or null
     */
    public static Extracted extract(String html, String pageUrl) {
        if (html == null || html.isBlank()) {
            return new Extracted(null, null, null, null, null);
        }
        String base = pageUrl == null ? "" : pageUrl.strip();
        Document doc = Jsoup.parse(html, base);
        List<JsonNode> jsonLd = jsonLd(doc);
        String title = title(doc, jsonLd);
        String publishedAt = publishedAt(doc, jsonLd);
        String language = language(doc, jsonLd);
        String canonical = canonicalUrl(doc, jsonLd);
        Set<String> dropLines = new HashSet<>();
        for (Element time : doc.select("time")) {
            dropLines.add(squash(time.text()));
        }

        removeFurniture(doc);
        Document fallback = doc.clone(); // Readability changes the document it works on
        Element content = null;
        try {
            Article article = new Readability4JExtended(base.isEmpty() ? "http://localhost/" : base, doc).parse();
            content = article.getArticleContent();
            if (article.getByline() != null) {
                dropLines.add(squash(article.getByline()));
            }
        } catch (RuntimeException e) {
            content = null; // Readability gave up on this page: fall back to the page structure
        }
        String text = content == null ? null : toText(content, title, dropLines);
        // Readability occasionally discards the article (e.g. when its wrapper's class sounds like a share
        // bar): the container with the most paragraph text is the fallback, used when it holds at least
        // twice as much text.
        Element root = densestContainer(fallback);
        String fallbackText = root == null ? null : toText(root, title, dropLines);
        if (fallbackText != null && (text == null || fallbackText.length() > 2 * text.length())) {
            text = fallbackText;
        }
        return new Extracted(text == null || text.isBlank() ? null : text, title, publishedAt, language, canonical);
    }

    private static void removeFurniture(Document doc) {
        doc.select("script, style, noscript, template, iframe, object, embed, svg, canvas, button, input, "
                + "select, textarea, nav, aside, footer, figure, dialog, [hidden], [aria-hidden=true], "
                + "[role=navigation], [role=banner], [role=contentinfo], [role=complementary], [role=dialog], "
                + "[role=alertdialog], [role=search]").remove();
        for (Element e : doc.body() == null ? List.<Element>of() : doc.body().getAllElements()) {
            if (e == doc.body() || e.parent() == null) {
                continue;
            }
            String tag = e.normalName();
            if (tag.equals("article") || tag.equals("main")) {
                continue;
            }
            String names = e.className() + " " + e.id();
            if (!names.isBlank() && FURNITURE.matcher(names).find() && !holdsArticle(e)) {
                e.remove();
            }
        }
    }

    /**
     * The element whose direct paragraph children ({@code p}, {@code h2}–{@code h4}, {@code blockquote},
     * lists) hold the most text; ties go to the first in document order.
     */
    private static Element densestContainer(Document doc) {
        if (doc.body() == null) {
            return null;
        }
        Element best = null;
        int bestChars = 0;
        for (Element e : doc.body().getAllElements()) {
            int chars = 0;
            for (Element child : e.children()) {
                if (child.normalName().equals("p") || child.normalName().equals("blockquote")
                        || child.normalName().matches("h[2-4]|ul|ol")) {
                    chars += child.text().length();
                }
            }
            if (chars > bestChars) {
                best = e;
                bestChars = chars;
            }
        }
        return best;
    }

    /**
     * Whether an element whose name sounds like furniture wraps the article after all
     * ({@code <div class="article js-share-container">}): it holds an article or main element, or three
     * or more paragraphs of running text.
     */
    private static boolean holdsArticle(Element e) {
        if (!e.select("article, main, [role=main]").isEmpty()) {
            return true;
        }
        int longParagraphs = 0;
        for (Element p : e.select("p")) {
            if (p.text().length() >= 120 && ++longParagraphs >= 3) {
                return true;
            }
        }
        return false;
    }

    /** Block-level text: one paragraph per block, {@code <br>} as a line break. */
    static String toText(Element root, String title, Set<String> dropLines) {
        List<String> paragraphs = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        String squashedTitle = title == null ? null : squash(title);
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    current.append(t.getWholeText());
                } else if (node instanceof Element e) {
                    if (e.normalName().equals("br")) {
                        current.append('\n');
                    } else if (BLOCKS.contains(e.normalName())) {
                        flush();
                    }
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element e && BLOCKS.contains(e.normalName())) {
                    flush();
                }
            }

            private void flush() {
                String p = current.toString().replaceAll("[ \\t\\r\\f\\u00A0]+", " ")
                        .replaceAll(" ?\\n ?", "\n").replaceAll("\\n{2,}", "\n").strip();
                current.setLength(0);
                if (p.isEmpty()) {
                    return;
                }
                String squashed = squash(p);
                if (dropLines.contains(squashed) || (paragraphs.isEmpty() && squashed.equals(squashedTitle))) {
                    return;
                }
                paragraphs.add(p);
            }
        }, root);
        String last = current.toString().strip();
        if (!last.isEmpty()) {
            paragraphs.add(last);
        }
        return paragraphs.isEmpty() ? null : String.join("\n\n", paragraphs);
    }

    private static String squash(String s) {
        return s.replaceAll("\\s+", " ").strip().toLowerCase(Locale.ROOT);
    }

    // ---- metadata ----

    private static List<JsonNode> jsonLd(Document doc) {
        List<JsonNode> objects = new ArrayList<>();
        for (Element script : doc.select("script[type=application/ld+json]")) {
            try {
                collect(JSON.readTree(script.data()), objects, 0);
            } catch (Exception e) {
                // broken JSON-LD is common; the other sources of metadata still apply
            }
        }
        // Article-like objects first: their headline and dates describe the page's article.
        List<JsonNode> ordered = new ArrayList<>();
        objects.stream().filter(HtmlArticleExtractor::isArticle).forEach(ordered::add);
        objects.stream().filter(o -> !isArticle(o)).forEach(ordered::add);
        return ordered;
    }

    private static void collect(JsonNode node, List<JsonNode> out, int depth) {
        if (node == null || depth > 5) {
            return;
        }
        if (node.isArray()) {
            node.forEach(n -> collect(n, out, depth + 1));
        } else if (node.isObject()) {
            out.add(node);
            collect(node.get("@graph"), out, depth + 1);
        }
    }

    private static boolean isArticle(JsonNode node) {
        JsonNode type = node.get("@type");
        String types = type == null ? "" : type.toString();
        return types.contains("Article") || types.contains("BlogPosting") || types.contains("Report");
    }

    private static String ld(List<JsonNode> objects, String field) {
        for (JsonNode o : objects) {
            JsonNode value = o.get(field);
            if (value != null && value.isTextual() && !value.asText().isBlank()) {
                return value.asText().strip();
            }
            if (value != null && value.isObject() && value.hasNonNull("@id")) {
                return value.get("@id").asText().strip();
            }
        }
        return null;
    }

    private static String meta(Document doc, String selector) {
        Element e = doc.selectFirst(selector);
        if (e == null) {
            return null;
        }
        String value = e.hasAttr("content") ? e.attr("content") : e.hasAttr("datetime") ? e.attr("datetime") : e.text();
        return value.isBlank() ? null : value.strip();
    }

    private static String title(Document doc, List<JsonNode> jsonLd) {
        String title = ld(jsonLd.stream().filter(HtmlArticleExtractor::isArticle).toList(), "headline");
        if (title == null) {
            title = meta(doc, "meta[property=og:title]");
        }
        if (title == null) {
            title = meta(doc, "meta[name=twitter:title]");
        }
        if (title == null) {
            Element h1 = doc.selectFirst("article h1, main h1, h1");
            title = h1 == null || h1.text().isBlank() ? null : h1.text().strip();
        }
        if (title == null && !doc.title().isBlank()) {
            title = doc.title().strip();
        }
        return title == null ? null : Jsoup.parse(title).text().strip();
    }

    private static String publishedAt(Document doc, List<JsonNode> jsonLd) {
        String date = ld(jsonLd, "datePublished");
        for (int i = 0; date == null && i < DATE_META.length; i++) {
            date = meta(doc, DATE_META[i]);
        }
        if (date == null) {
            date = meta(doc, "[itemprop=datePublished][datetime], time[pubdate][datetime], time[itemprop=datePublished]");
        }
        if (date == null) {
            date = meta(doc, "article time[datetime], main time[datetime]");
        }
        if (date == null) {
            date = ld(jsonLd, "dateCreated");
        }
        return date;
    }

    private static String language(Document doc, List<JsonNode> jsonLd) {
        Element html = doc.selectFirst("html");
        String lang = html == null ? null : html.hasAttr("lang") ? html.attr("lang") : html.attr("xml:lang");
        if (lang == null || lang.isBlank()) {
            lang = meta(doc, "meta[http-equiv=content-language]");
        }
        if (lang == null || lang.isBlank()) {
            lang = meta(doc, "meta[property=og:locale]");
        }
        if (lang == null || lang.isBlank()) {
            lang = ld(jsonLd, "inLanguage");
        }
        return lang == null || lang.isBlank() ? null : lang.strip();
    }

    private static String canonicalUrl(Document doc, List<JsonNode> jsonLd) {
        Element link = doc.selectFirst("link[rel=canonical][href]");
        String url = link == null ? null : link.absUrl("href");
        if (url == null || url.isBlank()) {
            Element og = doc.selectFirst("meta[property=og:url][content]");
            url = og == null ? null : og.absUrl("content");
            if ((url == null || url.isBlank()) && og != null && og.attr("content").matches("(?i)https?://.+")) {
                url = og.attr("content");
            }
        }
        if (url == null || url.isBlank()) {
            String ld = ld(jsonLd.stream().filter(HtmlArticleExtractor::isArticle).toList(), "url");
            url = ld != null && ld.matches("(?i)https?://.+") ? ld : null;
        }
        return url == null || url.isBlank() ? null : url.strip();
    }
}
