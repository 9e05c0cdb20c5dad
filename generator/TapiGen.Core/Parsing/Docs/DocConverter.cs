using System;
using System.Collections.Generic;
using System.Text;

namespace TapiGen.Generator.Parsing
{
    /// <summary>
    /// Converts the documentation text of sdk-api pages (HTML mixed with CommonMark/GFM Markdown) into XML doc comment
    /// content and into plain text.
    /// </summary>
    /// <remarks>
    /// <para>
    /// Pipeline: the text is split into lines and a block scanner recognises the Markdown block structure (blank-line
    /// paragraphs, fenced code, ATX headings, <c>&gt;</c> quotes and <c>[!NOTE]</c> alerts, <c>-</c>/<c>*</c>/<c>1.</c>
    /// lists, pipe tables) and HTML blocks (CommonMark block types 1, 2 and 6, whose text gets no Markdown processing).
    /// Every run of text is then tokenised inline (HTML tags, entities, code spans, emphasis, links) and fed to a
    /// forgiving tree builder (a much simplified HTML tree construction: implicit closes, stray closers dropped,
    /// unclosed elements closed at the paragraph or at the end). The tree is finally rendered as XML doc content or as
    /// plain text. Only the renderers write markup, so the output is well-formed by construction.
    /// </para>
    /// <para>
    /// Choices: links become <c>&lt;see href&gt;</c> only for <c>http</c>/<c>https</c> URLs and site-relative URLs
    /// (resolved against https://learn.microsoft.com, a leading <c>//</c> gets <c>https:</c>); relative links
    /// (<c>nf-winuser-foo.md</c>, <c>#anchor</c>) and any other scheme keep only their text. Images are dropped (with
    /// their alt text). Two-column tables become <c>&lt;list type="table"&gt;</c> (a first row of <c>&lt;th&gt;</c>
    /// cells becomes the <c>&lt;listheader&gt;</c>); other tables become one <c>&lt;para&gt;</c> per row with the cells
    /// joined by <c>" | "</c> (empty cells kept, so columns stay in place). Table cells are flattened to one line
    /// (list items inside a cell are joined with <c>", "</c>). <c>&lt;dl&gt;</c> becomes a bullet list in which a
    /// <c>&lt;dt&gt;</c> followed by a <c>&lt;dd&gt;</c> is one item with a <c>&lt;term&gt;</c>. Headings (ATX,
    /// Setext and <c>&lt;h1&gt;</c>-<c>&lt;h6&gt;</c>) become a bold paragraph. Emphasis is conservative: <c>*x*</c>/<c>**x**</c> only
    /// when both delimiters are on the same line and neither touches a letter or digit on its outer side;
    /// <c>_x_</c> only around a single word with a lower-case letter and no underscore, so identifiers such as
    /// <c>ASE_NOT_READY</c>, <c>_SVGIO</c>, <c>_WORD_</c> or <c>__init__</c> stay as they are (<c>__x__</c> is never bold). Markdown backslash escapes are
    /// honoured outside HTML blocks; hard line breaks (two trailing spaces) and indented code blocks are not
    /// recognised (sdk-api pages are full of accidental trailing spaces and indentation).
    /// </para>
    /// <para>
    /// Robustness: no method throws (any internal failure falls back to escaped plain text), all scanning is linear
    /// (tags stop at the next <c>&lt;</c>, searches for closers are cached), nesting is capped, and the output never
    /// contains C# line terminators, control characters, bidirectional controls or unpaired surrogates.
    /// </para>
    /// </remarks>
    internal static partial class DocConverter
    {
        private const string SiteRoot = "https://learn.microsoft.com";
        private const int MaxBlockDepth = 32;
        private const int MaxInlineDepth = 32;
        private const int MaxQuoteDepth = 8;
        private const int MaxRenderDepth = 200;
        private const int MaxCodeSpanTicks = 32;

        /// <summary>
        /// Converts one block of sdk-api doc text into the content of an XML doc comment element (what goes between
        /// <c>&lt;summary&gt;</c> and <c>&lt;/summary&gt;</c>), one string per line, without the <c>///</c> prefix.
        /// A single paragraph is returned as bare text; several blocks use <c>&lt;para&gt;</c>, <c>&lt;list&gt;</c>
        /// and <c>&lt;code&gt;</c>. Never throws.
        /// </summary>
        public static string[] ToXmlDocLines(string text)
        {
            if (text is null || text.Length == 0)
            {
                return Array.Empty<string>();
            }

            try
            {
                Node root = Parse(text);
                var lines = new List<string>();
                Xml.RenderFlow(root, lines, bareSingle: true, depth: 0);
                return FinishLines(lines);
            }
            catch (Exception)
            {
                return FallbackLines(text);
            }
        }

        /// <summary>
        /// Converts one block of sdk-api doc text into plain text: markup removed, entities decoded, links reduced to
        /// their text, all white space (including U+00A0 and line breaks) collapsed to single spaces, trimmed.
        /// Returns <c>""</c> when there is no text. Never throws.
        /// </summary>
        public static string ToPlainText(string text)
        {
            if (text is null || text.Length == 0)
            {
                return "";
            }

            try
            {
                Node root = Parse(text);
                var writer = new PlainWriter();
                writer.Render(root, 0);
                return writer.Finish();
            }
            catch (Exception)
            {
                return RawPlain(text);
            }
        }

        // ------------------------------------------------------------------------------------------------------------
        // Entry helpers and fallbacks
        // ------------------------------------------------------------------------------------------------------------

        private static Node Parse(string text)
        {
            string normalized = Normalize(text);
            var lines = new List<string>(normalized.Split('\n'));
            var builder = new Builder();
            new BlockScanner(builder, 0).Run(lines);
            return builder.Finish();
        }

        /// <summary>Unifies line breaks to '\n'; the other C# line terminators become spaces; BOMs go.</summary>
        private static string Normalize(string text)
        {
            var sb = new StringBuilder(text.Length);
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                switch (c)
                {
                    case '\r':
                        if (i + 1 < text.Length && text[i + 1] == '\n')
                        {
                            i++;
                        }

                        sb.Append('\n');
                        break;
                    case '\u0085':
                    case '\u2028':
                    case '\u2029':
                        sb.Append(' ');
                        break;
                    case '\uFEFF':
                        break;
                    default:
                        sb.Append(c);
                        break;
                }
            }

            return sb.ToString();
        }

        private static string[] FallbackLines(string text)
        {
            try
            {
                string plain = ToPlainText(text);
                if (plain.Length == 0)
                {
                    return Array.Empty<string>();
                }

                var w = new InlineWriter();
                w.Text(plain);
                string line = w.Finish();
                return line.Length == 0 ? Array.Empty<string>() : new[] { line };
            }
            catch (Exception)
            {
                return Array.Empty<string>();
            }
        }

        /// <summary>Last-resort plain text: drops anything that looks like a tag, decodes entities, collapses space.</summary>
        private static string RawPlain(string text)
        {
            try
            {
                var decoded = new StringBuilder(text.Length);
                bool inTag = false;
                for (int i = 0; i < text.Length; i++)
                {
                    char c = text[i];
                    if (inTag)
                    {
                        if (c == '>')
                        {
                            inTag = false;
                            decoded.Append(' ');
                        }

                        continue;
                    }

                    if (c == '<' && i + 1 < text.Length && (IsAsciiLetter(text[i + 1]) || text[i + 1] == '/' || text[i + 1] == '!'))
                    {
                        inTag = true;
                        continue;
                    }

                    if (c == '&')
                    {
                        int len = TryEntity(text, i, text.Length, decoded);
                        if (len > 0)
                        {
                            i += len - 1;
                            continue;
                        }
                    }

                    decoded.Append(c);
                }

                var w = new PlainWriter();
                w.Text(decoded.ToString());
                return w.Finish();
            }
            catch (Exception)
            {
                return "";
            }
        }
    }
}
