using System;

namespace TapiGen.Generator.Parsing
{
    /// <summary>One doc text converted.</summary>
    /// <param name="XmlLines">The content of its XML doc element (what goes between <c>&lt;summary&gt;</c> and
    /// <c>&lt;/summary&gt;</c>), one string per line, without the <c>///</c> prefix.</param>
    /// <param name="PlainText">Markup removed, entities decoded, white space collapsed, trimmed; "" for no text.</param>
    internal sealed record ConvertedDoc(string[] XmlLines, string PlainText)
    {
        public static readonly ConvertedDoc Empty = new ConvertedDoc(Array.Empty<string>(), "");
    }

    /// <summary>
    /// Converts the documentation text of sdk-api pages (HTML mixed with Markdown) into XML doc comment content and
    /// into plain text. <see cref="DocBlockScanner"/> finds the blocks, <see cref="DocInlineScanner"/> the tags,
    /// entities and Markdown inside them, <see cref="DocTreeBuilder"/> makes a tree of them, and
    /// <see cref="DocXmlRenderer"/> and <see cref="DocPlainRenderer"/> print it. Only the renderers write markup, so the
    /// output is well-formed by construction.
    /// </summary>
    /// <remarks>
    /// Links become <c>&lt;see href&gt;</c> only for http(s) and site-relative URLs (resolved against
    /// https://learn.microsoft.com); other links and images keep only their text, or nothing. Untrusted text stays
    /// text: nothing throws (an internal failure falls back to the escaped raw text), all scanning is linear, nesting
    /// is capped, and the output never contains C# line terminators, control characters, bidirectional controls or
    /// unpaired surrogates.
    /// </remarks>
    internal static class DocConverter
    {
        /// <summary>Parses the text once and renders it both ways. Never throws.</summary>
        public static ConvertedDoc Convert(string text)
        {
            if (string.IsNullOrEmpty(text))
            {
                return ConvertedDoc.Empty;
            }

            try
            {
                DocNode root = DocBlockScanner.Parse(text);
                return new ConvertedDoc(DocXmlRenderer.Render(root).ToArray(), DocPlainRenderer.Render(root));
            }
            catch (Exception)
            {
                // Not expected; but a doc comment is not worth failing the build for.
                string line = DocWriter.Line(text, xml: true);
                return new ConvertedDoc(line.Length == 0 ? Array.Empty<string>() : new[] { line }, DocWriter.Line(text, xml: false));
            }
        }

        /// <summary>The XML doc content of the text (see <see cref="ConvertedDoc.XmlLines"/>). Never throws.</summary>
        public static string[] ToXmlDocLines(string text) => Convert(text).XmlLines;

        /// <summary>The plain text of the text (see <see cref="ConvertedDoc.PlainText"/>). Never throws.</summary>
        public static string ToPlainText(string text) => Convert(text).PlainText;
    }
}
