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
    internal static class DocConverter
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

        /// <summary>Final safety pass: no forbidden characters, no trailing white space, no empty first/last line.</summary>
        private static string[] FinishLines(List<string> lines)
        {
            var result = new List<string>(lines.Count);
            foreach (string raw in lines)
            {
                result.Add(SanitizeLine(raw).TrimEnd(' '));
            }

            int start = 0;
            while (start < result.Count && result[start].Length == 0)
            {
                start++;
            }

            int end = result.Count;
            while (end > start && result[end - 1].Length == 0)
            {
                end--;
            }

            return result.GetRange(start, end - start).ToArray();
        }

        private static string SanitizeLine(string line)
        {
            bool clean = true;
            for (int i = 0; i < line.Length && clean; i++)
            {
                char c = line[i];
                if (c == '\t' || c == '\r' || c == '\n' || c == '\u0085' || c == '\u2028' || c == '\u2029' || IsDropped(c) ||
                    c == '\uFFFE' || c == '\uFFFF')
                {
                    clean = false;
                }
                else if (char.IsHighSurrogate(c))
                {
                    if (i + 1 < line.Length && char.IsLowSurrogate(line[i + 1]))
                    {
                        i++;
                    }
                    else
                    {
                        clean = false;
                    }
                }
                else if (char.IsLowSurrogate(c))
                {
                    clean = false;
                }
            }

            if (clean)
            {
                return line;
            }

            var sb = new StringBuilder(line.Length);
            for (int i = 0; i < line.Length; i++)
            {
                char c = line[i];
                if (c == '\t' || c == '\r' || c == '\n' || c == '\u0085' || c == '\u2028' || c == '\u2029')
                {
                    sb.Append(' ');
                }
                else if (char.IsHighSurrogate(c))
                {
                    if (i + 1 < line.Length && char.IsLowSurrogate(line[i + 1]))
                    {
                        sb.Append(c).Append(line[i + 1]);
                        i++;
                    }
                    else
                    {
                        sb.Append('\uFFFD');
                    }
                }
                else if (char.IsLowSurrogate(c) || c == '\uFFFE' || c == '\uFFFF')
                {
                    sb.Append('\uFFFD');
                }
                else if (!IsDropped(c))
                {
                    sb.Append(c);
                }
            }

            return sb.ToString();
        }

        // ------------------------------------------------------------------------------------------------------------
        // Character classes
        // ------------------------------------------------------------------------------------------------------------

        /// <summary>
        /// Characters removed from the output: C0/C1 controls that are not white space, bidirectional controls
        /// (Trojan Source), the deprecated format controls next to them, and the BOM.
        /// </summary>
        private static bool IsDropped(char c) =>
            (c < '\u0020' && !char.IsWhiteSpace(c)) ||
            (c >= '\u007F' && c <= '\u009F' && c != '\u0085') ||
            c == '\u061C' || c == '\u200E' || c == '\u200F' ||
            (c >= '\u202A' && c <= '\u202E') ||
            (c >= '\u2066' && c <= '\u206F') ||
            c == '\uFEFF';

        private static bool IsAsciiLetter(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');

        private static bool IsAsciiDigit(char c) => c >= '0' && c <= '9';

        private static bool IsAsciiLetterOrDigit(char c) => IsAsciiLetter(c) || IsAsciiDigit(c);

        private static bool IsAsciiPunct(char c) =>
            (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') || (c >= '{' && c <= '~');

        private static bool IsWordChar(char c) => char.IsLetterOrDigit(c) || c == '_';

        private static bool IsAllWhite(string s)
        {
            foreach (char c in s)
            {
                if (!char.IsWhiteSpace(c))
                {
                    return false;
                }
            }

            return true;
        }

        private static bool IsAllWhite(string s, int from)
        {
            for (int i = from; i < s.Length; i++)
            {
                if (!char.IsWhiteSpace(s[i]))
                {
                    return false;
                }
            }

            return true;
        }

        private static void AppendEscaped(StringBuilder sb, char c)
        {
            switch (c)
            {
                case '&':
                    sb.Append("&amp;");
                    break;
                case '<':
                    sb.Append("&lt;");
                    break;
                case '>':
                    sb.Append("&gt;");
                    break;
                default:
                    sb.Append(c);
                    break;
            }
        }

        // ------------------------------------------------------------------------------------------------------------
        // Entities and URLs
        // ------------------------------------------------------------------------------------------------------------

        /// <summary>
        /// Decodes the character reference at <paramref name="i"/> (which holds '&amp;') into <paramref name="sb"/> and
        /// returns its length, or returns 0 (appending nothing) when it is not a known, ';'-terminated reference.
        /// </summary>
        private static int TryEntity(string s, int i, int limit, StringBuilder sb)
        {
            int j = i + 1;
            if (j < limit && s[j] == '#')
            {
                j++;
                bool hex = false;
                if (j < limit && (s[j] == 'x' || s[j] == 'X'))
                {
                    hex = true;
                    j++;
                }

                int digitsStart = j;
                int maxDigits = hex ? 6 : 7;
                int value = 0;
                while (j < limit && j - digitsStart < maxDigits)
                {
                    int d = HexValue(s[j]);
                    if (d < 0 || (!hex && d > 9))
                    {
                        break;
                    }

                    value = (value * (hex ? 16 : 10)) + d;
                    j++;
                }

                if (j == digitsStart || j >= limit || s[j] != ';')
                {
                    return 0;
                }

                AppendCodePoint(sb, value);
                return j + 1 - i;
            }

            int nameStart = j;
            while (j < limit && j - nameStart < 32 && IsAsciiLetterOrDigit(s[j]))
            {
                j++;
            }

            if (j == nameStart || j >= limit || s[j] != ';')
            {
                return 0;
            }

            if (!NamedEntities.TryGetValue(s.Substring(nameStart, j - nameStart), out string? value2))
            {
                return 0;
            }

            sb.Append(value2);
            return j + 1 - i;
        }

        private static int HexValue(char c)
        {
            if (c >= '0' && c <= '9')
            {
                return c - '0';
            }

            if (c >= 'a' && c <= 'f')
            {
                return c - 'a' + 10;
            }

            if (c >= 'A' && c <= 'F')
            {
                return c - 'A' + 10;
            }

            return -1;
        }

        private static void AppendCodePoint(StringBuilder sb, int cp)
        {
            if (cp >= 0x80 && cp <= 0x9F)
            {
                // As HTML does: these references mean the windows-1252 characters.
                sb.Append(Windows1252[cp - 0x80]);
                return;
            }

            if (cp <= 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            {
                sb.Append('\uFFFD');
                return;
            }

            if (cp < 0x10000)
            {
                sb.Append((char)cp);
            }
            else
            {
                sb.Append(char.ConvertFromUtf32(cp));
            }
        }

        private const string Windows1252 =
            "\u20AC\uFFFD\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\uFFFD\u017D\uFFFD" +
            "\uFFFD\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\uFFFD\u017E\u0178";

        private static readonly Dictionary<string, string> NamedEntities = CreateNamedEntities();

        private static Dictionary<string, string> CreateNamedEntities()
        {
            var d = new Dictionary<string, string>(StringComparer.Ordinal);
            void Add(string name, char c) => d[name] = c.ToString();
            Add("amp", '&'); Add("AMP", '&'); Add("lt", '<'); Add("LT", '<'); Add("gt", '>'); Add("GT", '>');
            Add("quot", '"'); Add("QUOT", '"'); Add("apos", '\'');
            Add("nbsp", '\u00A0'); Add("ensp", '\u2002'); Add("emsp", '\u2003'); Add("thinsp", '\u2009');
            Add("zwnj", '\u200C'); Add("zwj", '\u200D'); Add("lrm", '\u200E'); Add("rlm", '\u200F'); Add("shy", '\u00AD');
            Add("iexcl", '\u00A1'); Add("cent", '\u00A2'); Add("pound", '\u00A3'); Add("curren", '\u00A4'); Add("yen", '\u00A5');
            Add("brvbar", '\u00A6'); Add("sect", '\u00A7'); Add("uml", '\u00A8'); Add("copy", '\u00A9'); Add("ordf", '\u00AA');
            Add("laquo", '\u00AB'); Add("not", '\u00AC'); Add("reg", '\u00AE'); Add("macr", '\u00AF'); Add("deg", '\u00B0');
            Add("plusmn", '\u00B1'); Add("sup2", '\u00B2'); Add("sup3", '\u00B3'); Add("acute", '\u00B4'); Add("micro", '\u00B5');
            Add("para", '\u00B6'); Add("middot", '\u00B7'); Add("cedil", '\u00B8'); Add("sup1", '\u00B9'); Add("ordm", '\u00BA');
            Add("raquo", '\u00BB'); Add("frac14", '\u00BC'); Add("frac12", '\u00BD'); Add("frac34", '\u00BE'); Add("iquest", '\u00BF');
            Add("times", '\u00D7'); Add("divide", '\u00F7'); Add("szlig", '\u00DF');
            Add("Agrave", '\u00C0'); Add("Aacute", '\u00C1'); Add("Acirc", '\u00C2'); Add("Atilde", '\u00C3'); Add("Auml", '\u00C4');
            Add("Aring", '\u00C5'); Add("AElig", '\u00C6'); Add("Ccedil", '\u00C7'); Add("Egrave", '\u00C8'); Add("Eacute", '\u00C9');
            Add("Ecirc", '\u00CA'); Add("Euml", '\u00CB'); Add("Igrave", '\u00CC'); Add("Iacute", '\u00CD'); Add("Icirc", '\u00CE');
            Add("Iuml", '\u00CF'); Add("Ntilde", '\u00D1'); Add("Ograve", '\u00D2'); Add("Oacute", '\u00D3'); Add("Ocirc", '\u00D4');
            Add("Otilde", '\u00D5'); Add("Ouml", '\u00D6'); Add("Oslash", '\u00D8'); Add("Ugrave", '\u00D9'); Add("Uacute", '\u00DA');
            Add("Ucirc", '\u00DB'); Add("Uuml", '\u00DC'); Add("Yacute", '\u00DD');
            Add("agrave", '\u00E0'); Add("aacute", '\u00E1'); Add("acirc", '\u00E2'); Add("atilde", '\u00E3'); Add("auml", '\u00E4');
            Add("aring", '\u00E5'); Add("aelig", '\u00E6'); Add("ccedil", '\u00E7'); Add("egrave", '\u00E8'); Add("eacute", '\u00E9');
            Add("ecirc", '\u00EA'); Add("euml", '\u00EB'); Add("igrave", '\u00EC'); Add("iacute", '\u00ED'); Add("icirc", '\u00EE');
            Add("iuml", '\u00EF'); Add("ntilde", '\u00F1'); Add("ograve", '\u00F2'); Add("oacute", '\u00F3'); Add("ocirc", '\u00F4');
            Add("otilde", '\u00F5'); Add("ouml", '\u00F6'); Add("oslash", '\u00F8'); Add("ugrave", '\u00F9'); Add("uacute", '\u00FA');
            Add("ucirc", '\u00FB'); Add("uuml", '\u00FC'); Add("yacute", '\u00FD'); Add("yuml", '\u00FF');
            Add("ndash", '\u2013'); Add("mdash", '\u2014'); Add("lsquo", '\u2018'); Add("rsquo", '\u2019'); Add("sbquo", '\u201A');
            Add("ldquo", '\u201C'); Add("rdquo", '\u201D'); Add("bdquo", '\u201E'); Add("dagger", '\u2020'); Add("Dagger", '\u2021');
            Add("bull", '\u2022'); Add("hellip", '\u2026'); Add("permil", '\u2030'); Add("prime", '\u2032'); Add("Prime", '\u2033');
            Add("lsaquo", '\u2039'); Add("rsaquo", '\u203A'); Add("euro", '\u20AC'); Add("trade", '\u2122'); Add("TRADE", '\u2122');
            Add("larr", '\u2190'); Add("uarr", '\u2191'); Add("rarr", '\u2192'); Add("darr", '\u2193'); Add("harr", '\u2194');
            Add("lArr", '\u21D0'); Add("uArr", '\u21D1'); Add("rArr", '\u21D2'); Add("dArr", '\u21D3'); Add("hArr", '\u21D4');
            Add("minus", '\u2212'); Add("lowast", '\u2217'); Add("radic", '\u221A'); Add("infin", '\u221E'); Add("ne", '\u2260');
            Add("equiv", '\u2261'); Add("le", '\u2264'); Add("ge", '\u2265'); Add("asymp", '\u2248'); Add("sum", '\u2211');
            Add("prod", '\u220F'); Add("part", '\u2202'); Add("forall", '\u2200'); Add("exist", '\u2203'); Add("isin", '\u2208');
            Add("and", '\u2227'); Add("or", '\u2228'); Add("cap", '\u2229'); Add("cup", '\u222A'); Add("loz", '\u25CA');
            Add("Alpha", '\u0391'); Add("Beta", '\u0392'); Add("Gamma", '\u0393'); Add("Delta", '\u0394'); Add("Omega", '\u03A9');
            Add("Sigma", '\u03A3'); Add("Pi", '\u03A0'); Add("Theta", '\u0398'); Add("Lambda", '\u039B'); Add("Phi", '\u03A6');
            Add("alpha", '\u03B1'); Add("beta", '\u03B2'); Add("gamma", '\u03B3'); Add("delta", '\u03B4'); Add("epsilon", '\u03B5');
            Add("lambda", '\u03BB'); Add("mu", '\u03BC'); Add("pi", '\u03C0'); Add("sigma", '\u03C3'); Add("tau", '\u03C4');
            Add("phi", '\u03C6'); Add("omega", '\u03C9'); Add("theta", '\u03B8');
            Add("circ", '\u02C6'); Add("tilde", '\u02DC'); Add("OElig", '\u0152'); Add("oelig", '\u0153'); Add("Scaron", '\u0160');
            Add("scaron", '\u0161'); Add("Yuml", '\u0178'); Add("fnof", '\u0192'); Add("check", '\u2713'); Add("cross", '\u2717');
            return d;
        }

        private static string DecodeEntities(string s)
        {
            if (s.IndexOf('&') < 0)
            {
                return s;
            }

            var sb = new StringBuilder(s.Length);
            for (int i = 0; i < s.Length; i++)
            {
                if (s[i] == '&')
                {
                    int len = TryEntity(s, i, s.Length, sb);
                    if (len > 0)
                    {
                        i += len - 1;
                        continue;
                    }
                }

                sb.Append(s[i]);
            }

            return sb.ToString();
        }

        /// <summary>
        /// The absolute URL a link should point to, or null when the link must be reduced to its text: only http(s)
        /// and site-relative URLs are kept; relative links (e.g. <c>nf-winuser-foo.md</c>) and other schemes are not.
        /// </summary>
        private static string? ResolveHref(string? raw)
        {
            if (raw is null)
            {
                return null;
            }

            string url = raw.Trim();
            if (url.Length > 2 && url[0] == '<' && url[url.Length - 1] == '>')
            {
                url = url.Substring(1, url.Length - 2).Trim();
            }

            if (url.Length == 0)
            {
                return null;
            }

            if (url.StartsWith("//", StringComparison.Ordinal))
            {
                return url.Length > 2 ? "https:" + url : null;
            }

            if (url[0] == '/')
            {
                return SiteRoot + url;
            }

            if ((url.StartsWith("https://", StringComparison.OrdinalIgnoreCase) && url.Length > 8) ||
                (url.StartsWith("http://", StringComparison.OrdinalIgnoreCase) && url.Length > 7))
            {
                return url;
            }

            return null;
        }

        private static string EscapeAttribute(string value)
        {
            var sb = new StringBuilder(value.Length + 16);
            for (int i = 0; i < value.Length; i++)
            {
                char c = value[i];
                if (char.IsWhiteSpace(c))
                {
                    sb.Append("%20");
                }
                else if (char.IsHighSurrogate(c))
                {
                    if (i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                    {
                        sb.Append(c).Append(value[i + 1]);
                        i++;
                    }
                    else
                    {
                        sb.Append('\uFFFD');
                    }
                }
                else if (char.IsLowSurrogate(c) || c == '\uFFFE' || c == '\uFFFF')
                {
                    sb.Append('\uFFFD');
                }
                else if (IsDropped(c))
                {
                    // removed
                }
                else if (c == '"')
                {
                    sb.Append("&quot;");
                }
                else
                {
                    AppendEscaped(sb, c);
                }
            }

            return sb.ToString();
        }

        // ------------------------------------------------------------------------------------------------------------
        // Document tree
        // ------------------------------------------------------------------------------------------------------------

        private enum K : byte
        {
            Root,
            Para,
            Text,
            Bold,
            Italic,
            Code,
            Link,
            Break,
            CodeBlock,
            List,
            Item,
            Table,
            Row,
            Cell,
            Note,
            Group,
        }

        /// <summary>What the inline tokenizer and the tree builder make of an HTML tag name.</summary>
        private enum TagKind : byte
        {
            Unknown,
            Bold,
            Italic,
            Code,
            Link,
            Br,
            Img,
            Ignore,
            Break,
            Heading,
            P,
            Div,
            Blockquote,
            Ul,
            Ol,
            Dl,
            Li,
            Dt,
            Dd,
            Table,
            Tr,
            Td,
            Th,
            Pre,
            RawSkip,
            Count,
        }

        private sealed class Node
        {
            public Node(K kind)
            {
                Kind = kind;
            }

            public K Kind { get; }

            public List<Node>? Children { get; private set; }

            /// <summary>Text nodes: the text appended after the first piece (which is in <see cref="Str"/>).</summary>
            public StringBuilder? Sb { get; set; }

            /// <summary>Text nodes: their text.</summary>
            public string Text => Sb is null ? Str ?? "" : Sb.ToString();

            public void AppendText(string s)
            {
                if (Sb is null)
                {
                    Sb = new StringBuilder(Str);
                    Str = null;
                }

                Sb.Append(s);
            }

            /// <summary>Text: first piece of text; Link: absolute href or null (text only); Note: label; CodeBlock: the code.</summary>
            public string? Str { get; set; }

            /// <summary>List: ordered; Cell: header cell.</summary>
            public bool Flag { get; set; }

            /// <summary>Created by a Markdown construct (HTML closers cannot close it).</summary>
            public bool Md { get; set; }

            /// <summary>The HTML tag that created the node (None for implicit and Markdown nodes).</summary>
            public TagKind Tag { get; set; }

            public void Add(Node n) => (Children ??= new List<Node>()).Add(n);
        }

        private static readonly Dictionary<string, TagKind> TagKinds = CreateTagKinds();

        private static Dictionary<string, TagKind> CreateTagKinds()
        {
            var d = new Dictionary<string, TagKind>(StringComparer.Ordinal);
            void Add(TagKind kind, params string[] names)
            {
                foreach (string name in names)
                {
                    d[name] = kind;
                }
            }

            Add(TagKind.Bold, "b", "strong");
            Add(TagKind.Italic, "i", "em", "var", "cite", "dfn");
            Add(TagKind.Code, "code", "tt", "kbd", "samp");
            Add(TagKind.Link, "a");
            Add(TagKind.Br, "br");
            Add(TagKind.Img, "img", "image", "picture", "source", "video", "audio");
            Add(TagKind.Ignore, "thead", "tbody", "tfoot", "colgroup", "col");
            Add(TagKind.Break, "hr", "section", "article", "header", "footer", "nav", "main", "aside", "figure", "figcaption",
                "center", "address", "details", "summary", "fieldset", "form", "legend", "caption", "hgroup", "dialog", "menu",
                "search", "body", "html");
            Add(TagKind.Heading, "h1", "h2", "h3", "h4", "h5", "h6");
            Add(TagKind.P, "p");
            Add(TagKind.Div, "div");
            Add(TagKind.Blockquote, "blockquote");
            Add(TagKind.Ul, "ul");
            Add(TagKind.Ol, "ol");
            Add(TagKind.Dl, "dl");
            Add(TagKind.Li, "li");
            Add(TagKind.Dt, "dt");
            Add(TagKind.Dd, "dd");
            Add(TagKind.Table, "table");
            Add(TagKind.Tr, "tr");
            Add(TagKind.Td, "td");
            Add(TagKind.Th, "th");
            Add(TagKind.Pre, "pre", "xmp", "listing");
            Add(TagKind.RawSkip, "script", "style", "textarea", "title", "noscript", "iframe", "object", "template", "head", "svg", "math");
            return d;
        }

        /// <summary>CommonMark HTML block type 6 tag names (a line starting with one starts an HTML block).</summary>
        private static readonly HashSet<string> BlockTagNames = new HashSet<string>(StringComparer.Ordinal)
        {
            "address", "article", "aside", "base", "basefont", "blockquote", "body", "caption", "center", "col", "colgroup",
            "dd", "details", "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "frame",
            "frameset", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header", "hr", "html", "iframe", "legend", "li", "link",
            "main", "menu", "menuitem", "nav", "noframes", "ol", "optgroup", "option", "p", "param", "search", "section",
            "summary", "table", "tbody", "td", "tfoot", "th", "thead", "title", "tr", "track", "ul",
        };

        /// <summary>CommonMark HTML block type 1 tag names (the block runs to the line with the closing tag).</summary>
        private static readonly HashSet<string> RawBlockTagNames = new HashSet<string>(StringComparer.Ordinal)
        {
            "pre", "script", "style", "textarea",
        };

        // ------------------------------------------------------------------------------------------------------------
        // Tree builder
        // ------------------------------------------------------------------------------------------------------------

        private const int BoldIdx = 0;
        private const int ItalicIdx = 1;
        private const int CodeIdx = 2;
        private const int LinkIdx = 3;

        private static K InlineKind(int idx) => idx switch
        {
            BoldIdx => K.Bold,
            ItalicIdx => K.Italic,
            CodeIdx => K.Code,
            _ => K.Link,
        };

        private static int InlineIndex(K kind) => kind switch
        {
            K.Bold => BoldIdx,
            K.Italic => ItalicIdx,
            K.Code => CodeIdx,
            K.Link => LinkIdx,
            _ => -1,
        };

        /// <summary>
        /// Builds the tree from block and inline events. Forgiving like an HTML parser: implicit containers are created,
        /// stray closers are dropped, elements still open are closed at the end of their paragraph or container, and
        /// nesting deeper than the caps is flattened (the tags are ignored, the text kept).
        /// </summary>
        private sealed class Builder
        {
            private readonly List<Node> _blocks = new List<Node>();
            private readonly List<Node> _inline = new List<Node>();
            private readonly List<Node?> _md = new List<Node?>();
            private readonly int[] _open = new int[4];
            private readonly int[] _ignoredInline = new int[4];
            private readonly int[] _ignoredHtml = new int[(int)TagKind.Count];
            private readonly Node _root = new Node(K.Root);
            private Node? _para;

            public Builder()
            {
                _blocks.Add(_root);
            }

            private Node Top => _blocks[_blocks.Count - 1];

            public Node Finish()
            {
                EndPara();
                return _root;
            }

            public void Text(string s)
            {
                if (s.Length == 0)
                {
                    return;
                }

                if (_para is null)
                {
                    if (IsAllWhite(s))
                    {
                        return;
                    }

                    OpenPara();
                }

                AppendText(s);
            }

            private void AppendText(string s)
            {
                Node top = _inline[_inline.Count - 1];
                List<Node>? kids = top.Children;
                if (kids != null && kids.Count > 0 && kids[kids.Count - 1].Kind == K.Text)
                {
                    kids[kids.Count - 1].AppendText(s);
                }
                else
                {
                    top.Add(new Node(K.Text) { Str = s });
                }
            }

            private void OpenPara()
            {
                EnsureFlow();
                var p = new Node(K.Para);
                Top.Add(p);
                _para = p;
                _inline.Clear();
                _inline.Add(p);
            }

            public void EndPara()
            {
                if (_para is null)
                {
                    return;
                }

                _para = null;
                _inline.Clear();
                Array.Clear(_open, 0, _open.Length);
                Array.Clear(_ignoredInline, 0, _ignoredInline.Length);
            }

            public void InlineOpen(int idx, string? href)
            {
                if (_para is null)
                {
                    OpenPara();
                }

                if (_inline.Count > MaxInlineDepth || ((idx == LinkIdx || idx == CodeIdx) && _open[idx] > 0))
                {
                    _ignoredInline[idx]++;
                    return;
                }

                var n = new Node(InlineKind(idx)) { Str = href };
                _inline[_inline.Count - 1].Add(n);
                _inline.Add(n);
                _open[idx]++;
            }

            public void InlineClose(int idx)
            {
                if (_para is null)
                {
                    return;
                }

                if (_ignoredInline[idx] > 0)
                {
                    _ignoredInline[idx]--;
                    return;
                }

                if (_open[idx] == 0)
                {
                    return;
                }

                while (_inline.Count > 1)
                {
                    Node n = _inline[_inline.Count - 1];
                    _inline.RemoveAt(_inline.Count - 1);
                    int k = InlineIndex(n.Kind);
                    if (k >= 0)
                    {
                        _open[k]--;
                    }

                    if (k == idx)
                    {
                        break;
                    }
                }
            }

            public void LineBreak()
            {
                if (_para != null)
                {
                    _inline[_inline.Count - 1].Add(new Node(K.Break));
                }
            }

            public void CodeSpan(string s)
            {
                InlineOpen(CodeIdx, null);
                AppendText(s);
                InlineClose(CodeIdx);
            }

            public void CodeBlock(string code)
            {
                EndPara();
                if (IsAllWhite(code))
                {
                    return;
                }

                EnsureFlow();
                Top.Add(new Node(K.CodeBlock) { Str = code });
            }

            public void BeginHeading()
            {
                EndPara();
                InlineOpen(BoldIdx, null);
            }

            public void EndHeading()
            {
                InlineClose(BoldIdx);
                EndPara();
            }

            /// <summary>Makes the top of the stack a container that can hold paragraphs and blocks.</summary>
            private void EnsureFlow()
            {
                Node top = Top;
                if (top.Kind == K.List)
                {
                    TryPush(new Node(K.Item));
                }
                else if (top.Kind == K.Table)
                {
                    if (TryPush(new Node(K.Row)))
                    {
                        TryPush(new Node(K.Cell));
                    }
                }
                else if (top.Kind == K.Row)
                {
                    TryPush(new Node(K.Cell));
                }
            }

            private bool TryPush(Node n)
            {
                if (_blocks.Count >= MaxBlockDepth)
                {
                    return false;
                }

                Top.Add(n);
                _blocks.Add(n);
                return true;
            }

            private void PopAbove(int index) => _blocks.RemoveRange(index + 1, _blocks.Count - index - 1);

            // ---- Markdown containers: strictly nested open/close calls from the block scanner ----

            public void MdOpen(K kind, bool flag, string? label)
            {
                EndPara();
                if (kind != K.Item && kind != K.Row && kind != K.Cell)
                {
                    EnsureFlow();
                }

                var n = new Node(kind) { Md = true, Flag = flag, Str = label };
                _md.Add(TryPush(n) ? n : null);
            }

            public void MdClose()
            {
                EndPara();
                if (_md.Count == 0)
                {
                    return;
                }

                Node? n = _md[_md.Count - 1];
                _md.RemoveAt(_md.Count - 1);
                if (n is null)
                {
                    return;
                }

                int i = _blocks.LastIndexOf(n);
                if (i >= 1)
                {
                    _blocks.RemoveRange(i, _blocks.Count - i);
                }
            }

            // ---- HTML tags ----

            public void Html(TagKind t, bool close, string? href, bool alert)
            {
                switch (t)
                {
                    case TagKind.Bold:
                    case TagKind.Italic:
                    case TagKind.Code:
                    case TagKind.Link:
                        int idx = t == TagKind.Bold ? BoldIdx : t == TagKind.Italic ? ItalicIdx : t == TagKind.Code ? CodeIdx : LinkIdx;
                        if (close)
                        {
                            InlineClose(idx);
                        }
                        else
                        {
                            InlineOpen(idx, href);
                        }

                        return;
                    case TagKind.Br:
                        if (!close)
                        {
                            LineBreak();
                        }

                        return;
                    case TagKind.Break:
                        EndPara();
                        return;
                    case TagKind.Heading:
                        if (close)
                        {
                            EndHeading();
                        }
                        else
                        {
                            BeginHeading();
                        }

                        return;
                    case TagKind.P:
                    case TagKind.Div:
                    case TagKind.Blockquote:
                    case TagKind.Ul:
                    case TagKind.Ol:
                    case TagKind.Dl:
                    case TagKind.Table:
                        if (close)
                        {
                            CloseHtml(t);
                        }
                        else
                        {
                            OpenHtml(t, alert);
                        }

                        return;
                    case TagKind.Li:
                    case TagKind.Dt:
                    case TagKind.Dd:
                        if (close)
                        {
                            CloseHtml(t);
                        }
                        else
                        {
                            OpenItem(t);
                        }

                        return;
                    case TagKind.Tr:
                        if (close)
                        {
                            CloseHtml(t);
                        }
                        else
                        {
                            OpenRow();
                        }

                        return;
                    case TagKind.Td:
                    case TagKind.Th:
                        if (close)
                        {
                            CloseHtml(t);
                        }
                        else
                        {
                            OpenCell(t);
                        }

                        return;
                    default:
                        return;
                }
            }

            private void OpenHtml(TagKind t, bool alert)
            {
                EndPara();
                Node top = Top;
                if (t == TagKind.P && top.Kind == K.Group && top.Tag == TagKind.P && !top.Md)
                {
                    _blocks.RemoveAt(_blocks.Count - 1);
                }

                EnsureFlow();
                Node n = t switch
                {
                    TagKind.Div when alert => new Node(K.Note),
                    TagKind.Ul or TagKind.Ol or TagKind.Dl => new Node(K.List) { Flag = t == TagKind.Ol },
                    TagKind.Table => new Node(K.Table),
                    _ => new Node(K.Group),
                };
                n.Tag = t;
                if (!TryPush(n))
                {
                    _ignoredHtml[(int)t]++;
                }
            }

            private void OpenItem(TagKind t)
            {
                EndPara();
                for (int i = _blocks.Count - 1; i >= 1; i--)
                {
                    Node n = _blocks[i];
                    if (n.Md || n.Kind == K.Cell || n.Kind == K.Row || n.Kind == K.Table)
                    {
                        break;
                    }

                    if (n.Kind == K.List)
                    {
                        PopAbove(i);
                        if (!TryPush(new Node(K.Item) { Tag = t }))
                        {
                            _ignoredHtml[(int)t]++;
                        }

                        return;
                    }
                }

                // A stray <li>: give it an implicit list.
                EnsureFlow();
                if (!TryPush(new Node(K.List)) || !TryPush(new Node(K.Item) { Tag = t }))
                {
                    _ignoredHtml[(int)t]++;
                }
            }

            private void OpenRow()
            {
                EndPara();
                for (int i = _blocks.Count - 1; i >= 1; i--)
                {
                    Node n = _blocks[i];
                    if (n.Md)
                    {
                        return;
                    }

                    if (n.Kind == K.Table)
                    {
                        PopAbove(i);
                        if (!TryPush(new Node(K.Row) { Tag = TagKind.Tr }))
                        {
                            _ignoredHtml[(int)TagKind.Tr]++;
                        }

                        return;
                    }
                }
            }

            private void OpenCell(TagKind t)
            {
                EndPara();
                for (int i = _blocks.Count - 1; i >= 1; i--)
                {
                    Node n = _blocks[i];
                    if (n.Md)
                    {
                        return;
                    }

                    if (n.Kind == K.Row || n.Kind == K.Table)
                    {
                        PopAbove(i);
                        if (n.Kind == K.Table && !TryPush(new Node(K.Row)))
                        {
                            _ignoredHtml[(int)t]++;
                            return;
                        }

                        if (!TryPush(new Node(K.Cell) { Tag = t, Flag = t == TagKind.Th }))
                        {
                            _ignoredHtml[(int)t]++;
                        }

                        return;
                    }
                }
            }

            private void CloseHtml(TagKind t)
            {
                EndPara();
                if (_ignoredHtml[(int)t] > 0)
                {
                    _ignoredHtml[(int)t]--;
                    return;
                }

                for (int i = _blocks.Count - 1; i >= 1; i--)
                {
                    Node n = _blocks[i];
                    if (n.Md)
                    {
                        return;
                    }

                    if (Matches(n, t))
                    {
                        _blocks.RemoveRange(i, _blocks.Count - i);
                        return;
                    }

                    if (IsBarrier(n, t))
                    {
                        return;
                    }
                }
            }

            private static bool Matches(Node n, TagKind t) => t switch
            {
                TagKind.P => n.Kind == K.Group && n.Tag == TagKind.P,
                TagKind.Div => (n.Kind == K.Group || n.Kind == K.Note) && n.Tag == TagKind.Div,
                TagKind.Blockquote => n.Kind == K.Group && n.Tag == TagKind.Blockquote,
                TagKind.Ul or TagKind.Ol or TagKind.Dl => n.Kind == K.List && (n.Tag == t || n.Tag == TagKind.Unknown),
                TagKind.Li or TagKind.Dt or TagKind.Dd => n.Kind == K.Item,
                TagKind.Table => n.Kind == K.Table,
                TagKind.Tr => n.Kind == K.Row,
                TagKind.Td or TagKind.Th => n.Kind == K.Cell,
                _ => false,
            };

            private static bool IsBarrier(Node n, TagKind t)
            {
                bool tableish = n.Kind == K.Cell || n.Kind == K.Row || n.Kind == K.Table;
                return t switch
                {
                    TagKind.P => true,
                    TagKind.Li or TagKind.Dt or TagKind.Dd => tableish || n.Kind == K.List,
                    TagKind.Tr or TagKind.Td or TagKind.Th => n.Kind == K.Table,
                    TagKind.Table => false,
                    _ => tableish,
                };
            }
        }

        // ------------------------------------------------------------------------------------------------------------
        // Block scanner (Markdown block structure and HTML blocks)
        // ------------------------------------------------------------------------------------------------------------

        private sealed class BlockScanner
        {
            private readonly Builder _b;
            private readonly int _depth;
            private readonly StringBuilder _run = new StringBuilder();
            private readonly List<MdList> _lists = new List<MdList>();
            private bool _runHtml;
            private bool _htmlBlock;
            private bool _prevBlank = true;
            private string? _rawEnd;

            public BlockScanner(Builder builder, int depth)
            {
                _b = builder;
                _depth = depth;
            }

            private sealed class MdList
            {
                public bool Ordered { get; set; }

                public int ContentIndent { get; set; }
            }

            public void Run(List<string> lines)
            {
                int n = lines.Count;
                int i = 0;
                while (i < n)
                {
                    string line = lines[i];
                    if (_rawEnd != null)
                    {
                        AppendRun(line, html: true);
                        if (line.IndexOf(_rawEnd, StringComparison.OrdinalIgnoreCase) >= 0)
                        {
                            _rawEnd = null;
                            FlushRun();
                        }

                        i++;
                        continue;
                    }

                    if (IsAllWhite(line))
                    {
                        FlushRun();
                        _b.EndPara();
                        _htmlBlock = false;
                        _prevBlank = true;
                        i++;
                        continue;
                    }

                    if (_htmlBlock)
                    {
                        AppendRun(line, html: true);
                        i++;
                        continue;
                    }

                    int cs = IndentEnd(line, out int indent);
                    if (_run.Length > 0 && !_runHtml && !_prevBlank && IsSetextUnderline(line, cs) &&
                        (_lists.Count == 0 || indent >= _lists[_lists.Count - 1].ContentIndent))
                    {
                        // "Title\n=====": the paragraph so far is a heading.
                        string title = _run.ToString();
                        _run.Clear();
                        _b.BeginHeading();
                        InlineParser.Emit(title, true, _b);
                        _b.EndHeading();
                        _prevBlank = false;
                        i++;
                        continue;
                    }

                    if (IsThematicBreak(line, cs))
                    {
                        FlushRun();
                        while (_lists.Count > 0 && indent < _lists[_lists.Count - 1].ContentIndent)
                        {
                            CloseList();
                        }

                        _b.EndPara();
                        _prevBlank = false;
                        i++;
                        continue;
                    }

                    if (TryListMarker(line, cs, indent, out bool ordered, out int startNumber, out int contentIndent, out int contentStart))
                    {
                        bool inParagraph = _run.Length > 0 && !_runHtml && !_prevBlank;
                        bool emptyItem = IsAllWhite(line, contentStart);
                        if (inParagraph && _lists.Count == 0 && ((ordered && startNumber != 1) || emptyItem))
                        {
                            AppendRun(line, html: false);
                        }
                        else
                        {
                            FlushRun();
                            StartItem(ordered, indent, contentIndent);
                            if (!emptyItem)
                            {
                                ProcessContent(line.Substring(contentStart));
                            }
                        }

                        _prevBlank = false;
                        i++;
                        continue;
                    }

                    if (_lists.Count > 0)
                    {
                        if (!_prevBlank && !IsBlockStart(line, cs))
                        {
                            // Lazy continuation of the current item's paragraph.
                            AppendRun(line, html: false);
                            i++;
                            continue;
                        }

                        while (_lists.Count > 0 && indent < _lists[_lists.Count - 1].ContentIndent)
                        {
                            CloseList();
                        }
                    }

                    int baseIndent = _lists.Count > 0 ? _lists[_lists.Count - 1].ContentIndent : 0;
                    if (indent - baseIndent < 4)
                    {
                        if (TryFence(lines, ref i, line, cs, indent))
                        {
                            _prevBlank = false;
                            continue;
                        }

                        if (TryHeading(line, cs))
                        {
                            _prevBlank = false;
                            i++;
                            continue;
                        }

                        if (line[cs] == '>')
                        {
                            Quote(lines, ref i);
                            _prevBlank = false;
                            continue;
                        }

                        if (TryTable(lines, ref i, line))
                        {
                            _prevBlank = false;
                            continue;
                        }
                    }

                    ProcessContent(line.Substring(cs));
                    _prevBlank = false;
                    i++;
                }

                FlushRun();
                while (_lists.Count > 0)
                {
                    CloseList();
                }

                _b.EndPara();
            }

            private void ProcessContent(string content)
            {
                if (HtmlBlockStart(content, out string? rawEnd, out int markerEnd))
                {
                    AppendRun(content, html: true);
                    if (rawEnd is null)
                    {
                        _htmlBlock = true;
                    }
                    else if (content.IndexOf(rawEnd, markerEnd, StringComparison.OrdinalIgnoreCase) >= 0)
                    {
                        FlushRun();
                    }
                    else
                    {
                        _rawEnd = rawEnd;
                    }

                    return;
                }

                AppendRun(content, html: false);
            }

            private void AppendRun(string line, bool html)
            {
                if (_run.Length > 0 && _runHtml != html)
                {
                    FlushRun();
                }

                if (_run.Length > 0)
                {
                    _run.Append('\n');
                }

                _run.Append(line);
                _runHtml = html;
            }

            private void FlushRun()
            {
                if (_run.Length == 0)
                {
                    return;
                }

                string s = _run.ToString();
                _run.Clear();
                InlineParser.Emit(s, !_runHtml, _b);
                if (!_runHtml)
                {
                    // A Markdown paragraph ends with its run.
                    _b.EndPara();
                }
            }

            private void StartItem(bool ordered, int indent, int contentIndent)
            {
                bool sibling = false;
                while (_lists.Count > 0)
                {
                    MdList top = _lists[_lists.Count - 1];
                    if (indent >= top.ContentIndent)
                    {
                        break;
                    }

                    int parentContent = _lists.Count > 1 ? _lists[_lists.Count - 2].ContentIndent : 0;
                    if (indent >= parentContent)
                    {
                        sibling = true;
                        break;
                    }

                    CloseList();
                }

                if (sibling)
                {
                    MdList top = _lists[_lists.Count - 1];
                    _b.MdClose();
                    if (top.Ordered != ordered)
                    {
                        _b.MdClose();
                        _lists.RemoveAt(_lists.Count - 1);
                        OpenList(ordered, contentIndent);
                        return;
                    }

                    top.ContentIndent = contentIndent;
                    _b.MdOpen(K.Item, false, null);
                    return;
                }

                OpenList(ordered, contentIndent);
            }

            private void OpenList(bool ordered, int contentIndent)
            {
                _b.MdOpen(K.List, ordered, null);
                _b.MdOpen(K.Item, false, null);
                _lists.Add(new MdList { Ordered = ordered, ContentIndent = contentIndent });
            }

            private void CloseList()
            {
                FlushRun();
                _htmlBlock = false;
                _b.MdClose();
                _b.MdClose();
                _lists.RemoveAt(_lists.Count - 1);
            }

            private bool IsBlockStart(string line, int cs)
            {
                if (cs >= line.Length)
                {
                    return false;
                }

                char c = line[cs];
                return c == '>' ||
                       IsThematicBreak(line, cs) ||
                       ((c == '`' || c == '~') && FenceLength(line, cs) >= 3) ||
                       (c == '#' && HeadingLevel(line, cs) > 0) ||
                       (c == '<' && HtmlBlockStart(line.Substring(cs), out _, out _));
            }

            private static int IndentEnd(string line, out int indent)
            {
                indent = 0;
                int i = 0;
                while (i < line.Length)
                {
                    char c = line[i];
                    if (c == ' ' || c == '\u00A0')
                    {
                        indent++;
                    }
                    else if (c == '\t')
                    {
                        indent += 4 - (indent % 4);
                    }
                    else
                    {
                        break;
                    }

                    i++;
                }

                return i;
            }

            private static bool IsSetextUnderline(string line, int cs)
            {
                if (cs >= line.Length || (line[cs] != '=' && line[cs] != '-'))
                {
                    return false;
                }

                int k = cs;
                while (k < line.Length && line[k] == line[cs])
                {
                    k++;
                }

                return IsAllWhite(line, k);
            }

            private static bool IsThematicBreak(string line, int cs)
            {
                if (cs >= line.Length)
                {
                    return false;
                }

                char c = line[cs];
                if (c != '-' && c != '*' && c != '_')
                {
                    return false;
                }

                int count = 0;
                for (int i = cs; i < line.Length; i++)
                {
                    if (line[i] == c)
                    {
                        count++;
                    }
                    else if (line[i] != ' ' && line[i] != '\t')
                    {
                        return false;
                    }
                }

                return count >= 3;
            }

            private static bool TryListMarker(
                string line, int cs, int indent, out bool ordered, out int startNumber, out int contentIndent, out int contentStart)
            {
                ordered = false;
                startNumber = 0;
                contentIndent = 0;
                contentStart = line.Length;
                if (cs >= line.Length)
                {
                    return false;
                }

                char c = line[cs];
                int k;
                if (c == '-' || c == '*' || c == '+')
                {
                    k = cs + 1;
                }
                else if (IsAsciiDigit(c))
                {
                    k = cs;
                    int value = 0;
                    while (k < line.Length && k - cs < 9 && IsAsciiDigit(line[k]))
                    {
                        value = (value * 10) + (line[k] - '0');
                        k++;
                    }

                    if (k >= line.Length || (line[k] != '.' && line[k] != ')'))
                    {
                        return false;
                    }

                    k++;
                    ordered = true;
                    startNumber = value;
                }
                else
                {
                    return false;
                }

                if (k < line.Length && line[k] != ' ' && line[k] != '\t')
                {
                    return false;
                }

                int spaces = 0;
                int m = k;
                while (m < line.Length && (line[m] == ' ' || line[m] == '\t'))
                {
                    spaces += line[m] == '\t' ? 4 : 1;
                    m++;
                }

                if (m >= line.Length)
                {
                    spaces = 1;
                }
                else if (spaces > 4)
                {
                    spaces = 1;
                    m = k + 1;
                }

                contentIndent = indent + (k - cs) + spaces;
                contentStart = m;
                return true;
            }

            private static int FenceLength(string line, int cs)
            {
                char c = line[cs];
                int k = cs;
                while (k < line.Length && line[k] == c)
                {
                    k++;
                }

                if (k - cs < 3 || (c == '`' && line.IndexOf('`', k) >= 0))
                {
                    return 0;
                }

                return k - cs;
            }

            private bool TryFence(List<string> lines, ref int i, string line, int cs, int indent)
            {
                char fc = line[cs];
                if (fc != '`' && fc != '~')
                {
                    return false;
                }

                int length = FenceLength(line, cs);
                if (length < 3)
                {
                    return false;
                }

                FlushRun();
                _b.EndPara();
                var code = new StringBuilder();
                int j = i + 1;
                bool first = true;
                for (; j < lines.Count; j++)
                {
                    string l = lines[j];
                    int lcs = IndentEnd(l, out _);
                    if (IsFenceClose(l, lcs, fc, length))
                    {
                        j++;
                        break;
                    }

                    if (!first)
                    {
                        code.Append('\n');
                    }

                    first = false;
                    code.Append(StripIndent(l, indent));
                }

                _b.CodeBlock(code.ToString());
                i = j;
                return true;
            }

            private static bool IsFenceClose(string line, int cs, char fc, int length)
            {
                int k = cs;
                while (k < line.Length && line[k] == fc)
                {
                    k++;
                }

                return k - cs >= length && IsAllWhite(line, k);
            }

            private static string StripIndent(string line, int columns)
            {
                int i = 0;
                int col = 0;
                while (i < line.Length && col < columns && (line[i] == ' ' || line[i] == '\t'))
                {
                    col += line[i] == '\t' ? 4 : 1;
                    i++;
                }

                return i == 0 ? line : line.Substring(i);
            }

            private static int HeadingLevel(string line, int cs)
            {
                int k = cs;
                while (k < line.Length && line[k] == '#')
                {
                    k++;
                }

                int level = k - cs;
                if (level < 1 || level > 6 || (k < line.Length && line[k] != ' ' && line[k] != '\t'))
                {
                    return 0;
                }

                return level;
            }

            private bool TryHeading(string line, int cs)
            {
                int level = HeadingLevel(line, cs);
                if (level == 0)
                {
                    return false;
                }

                string text = line.Substring(cs + level).Trim();
                int end = text.Length;
                while (end > 0 && text[end - 1] == '#')
                {
                    end--;
                }

                if (end == 0 || text[end - 1] == ' ' || text[end - 1] == '\t')
                {
                    text = text.Substring(0, end).Trim();
                }

                FlushRun();
                _b.BeginHeading();
                InlineParser.Emit(text, true, _b);
                _b.EndHeading();
                return true;
            }

            private void Quote(List<string> lines, ref int i)
            {
                FlushRun();
                _b.EndPara();
                var inner = new List<string>();
                int j = i;
                while (j < lines.Count)
                {
                    string l = lines[j];
                    int lcs = IndentEnd(l, out _);
                    if (lcs >= l.Length || l[lcs] != '>')
                    {
                        break;
                    }

                    int k = lcs + 1;
                    if (k < l.Length && (l[k] == ' ' || l[k] == '\t'))
                    {
                        k++;
                    }

                    inner.Add(l.Substring(k));
                    j++;
                }

                i = j;
                string? label = null;
                if (inner.Count > 0)
                {
                    label = TryAlert(inner[0], out string rest);
                    if (label != null)
                    {
                        if (IsAllWhite(rest))
                        {
                            inner.RemoveAt(0);
                        }
                        else
                        {
                            inner[0] = rest;
                        }
                    }
                }

                _b.MdOpen(label is null ? K.Group : K.Note, false, label);
                if (_depth >= MaxQuoteDepth)
                {
                    // Too deep: no more structure, just the text.
                    var flat = new BlockScanner(_b, _depth + 1);
                    foreach (string l in inner)
                    {
                        int k = 0;
                        while (k < l.Length && (l[k] == '>' || char.IsWhiteSpace(l[k])))
                        {
                            k++;
                        }

                        if (k < l.Length)
                        {
                            flat.AppendRun(l.Substring(k), html: false);
                        }
                    }

                    flat.FlushRun();
                }
                else
                {
                    new BlockScanner(_b, _depth + 1).Run(inner);
                }

                _b.MdClose();
            }

            /// <summary>Recognises a GFM alert marker such as <c>[!NOTE]</c> and returns its label.</summary>
            private static string? TryAlert(string line, out string rest)
            {
                rest = "";
                int k = IndentEnd(line, out _);
                if (k + 2 >= line.Length || line[k] != '[' || line[k + 1] != '!')
                {
                    return null;
                }

                int start = k + 2;
                int e = start;
                while (e < line.Length && e - start <= 20 && IsAsciiLetter(line[e]))
                {
                    e++;
                }

                if (e == start || e - start > 20 || e >= line.Length || line[e] != ']')
                {
                    return null;
                }

                rest = line.Substring(e + 1);
                string word = line.Substring(start, e - start);
                return char.ToUpperInvariant(word[0]) + word.Substring(1).ToLowerInvariant();
            }

            private bool TryTable(List<string> lines, ref int i, string line)
            {
                if (line.IndexOf('|') < 0 || i + 1 >= lines.Count)
                {
                    return false;
                }

                List<string>? delimiter = DelimiterRow(lines[i + 1]);
                if (delimiter is null)
                {
                    return false;
                }

                List<string> header = SplitCells(line);
                if (header.Count != delimiter.Count)
                {
                    return false;
                }

                FlushRun();
                _b.EndPara();
                _b.MdOpen(K.Table, false, null);
                EmitRow(header, header.Count, true);
                int j = i + 2;
                while (j < lines.Count && !IsAllWhite(lines[j]) && lines[j].IndexOf('|') >= 0)
                {
                    EmitRow(SplitCells(lines[j]), header.Count, false);
                    j++;
                }

                _b.MdClose();
                i = j;
                return true;
            }

            private void EmitRow(List<string> cells, int columns, bool header)
            {
                _b.MdOpen(K.Row, false, null);
                for (int c = 0; c < columns; c++)
                {
                    _b.MdOpen(K.Cell, header, null);
                    if (c < cells.Count)
                    {
                        InlineParser.Emit(cells[c], true, _b);
                    }

                    _b.MdClose();
                }

                _b.MdClose();
            }

            private static List<string>? DelimiterRow(string line)
            {
                if (line.IndexOf('|') < 0 || line.IndexOf('-') < 0)
                {
                    return null;
                }

                List<string> cells = SplitCells(line);
                foreach (string cell in cells)
                {
                    string c = cell.Trim();
                    int a = 0;
                    int b = c.Length;
                    if (a < b && c[a] == ':')
                    {
                        a++;
                    }

                    if (b > a && c[b - 1] == ':')
                    {
                        b--;
                    }

                    if (b <= a)
                    {
                        return null;
                    }

                    for (int k = a; k < b; k++)
                    {
                        if (c[k] != '-')
                        {
                            return null;
                        }
                    }
                }

                return cells;
            }

            private static List<string> SplitCells(string line)
            {
                string s = line.Trim();
                if (s.StartsWith("|", StringComparison.Ordinal))
                {
                    s = s.Substring(1);
                }

                if (s.EndsWith("|", StringComparison.Ordinal) && !s.EndsWith("\\|", StringComparison.Ordinal))
                {
                    s = s.Substring(0, s.Length - 1);
                }

                var cells = new List<string>();
                var cell = new StringBuilder();
                for (int k = 0; k < s.Length; k++)
                {
                    char c = s[k];
                    if (c == '\\' && k + 1 < s.Length && s[k + 1] == '|')
                    {
                        cell.Append('|');
                        k++;
                    }
                    else if (c == '|')
                    {
                        cells.Add(cell.ToString().Trim());
                        cell.Clear();
                    }
                    else
                    {
                        cell.Append(c);
                    }
                }

                cells.Add(cell.ToString().Trim());
                return cells;
            }

            /// <summary>
            /// True when the line opens a CommonMark HTML block: type 6 (block-level tag, ends at a blank line; rawEnd
            /// null) or types 1 and 2 (pre/script/style/textarea and comments; ends at the line holding rawEnd).
            /// </summary>
            private static bool HtmlBlockStart(string content, out string? rawEnd, out int markerEnd)
            {
                rawEnd = null;
                markerEnd = 0;
                if (content.Length < 2 || content[0] != '<')
                {
                    return false;
                }

                if (content.StartsWith("<!--", StringComparison.Ordinal))
                {
                    rawEnd = "-->";
                    markerEnd = 4;
                    return true;
                }

                int j = 1;
                bool close = false;
                if (content[j] == '/')
                {
                    close = true;
                    j++;
                }

                int ns = j;
                while (j < content.Length && IsAsciiLetterOrDigit(content[j]))
                {
                    j++;
                }

                if (j == ns || !IsAsciiLetter(content[ns]))
                {
                    return false;
                }

                bool terminated = j >= content.Length || content[j] == '>' || char.IsWhiteSpace(content[j]) ||
                                  (content[j] == '/' && j + 1 < content.Length && content[j + 1] == '>');
                if (!terminated)
                {
                    return false;
                }

                string name = content.Substring(ns, j - ns).ToLowerInvariant();
                if (!close && RawBlockTagNames.Contains(name))
                {
                    rawEnd = "</" + name;
                    markerEnd = j;
                    return true;
                }

                return BlockTagNames.Contains(name);
            }
        }

        // ------------------------------------------------------------------------------------------------------------
        // Inline tokenizer
        // ------------------------------------------------------------------------------------------------------------

        private enum TokKind : byte
        {
            Text,
            Tag,
            Code,
            Delim,
            ParaBreak,
            CodeBlock,
        }

        private struct Tok
        {
            public TokKind Kind;
            public string? S;
            public TagKind Tag;
            public bool Close;
            public bool Alert;
            public int DelimCount;
            public bool CanOpen;
            public bool CanClose;
            public int Line;
            public int Pair;
        }

        private struct TagParse
        {
            public int End;
            public string Name;
            public bool Close;
            public bool SelfClose;
            public string? Href;
            public string? Class;
        }

        /// <summary>
        /// Tokenizes one run of text (a Markdown paragraph or an HTML block), resolves emphasis and replays the tokens
        /// into the builder. Linear: tags are only parsed up to the next '&lt;', closer searches are cached.
        /// </summary>
        private sealed class InlineParser
        {
            private readonly string _s;
            private readonly int _n;
            private readonly bool _md;
            private readonly List<Tok> _toks = new List<Tok>();
            private readonly StringBuilder _text = new StringBuilder();
            private readonly List<KeyValuePair<int, int>> _links = new List<KeyValuePair<int, int>>();
            private Dictionary<string, KeyValuePair<int, int>>? _findCache;
            private int _line;
            private List<int>? _tickStart;
            private List<int>? _tickLength;
            private int[]? _tickNext;
            private int _tickCursor;
            private Dictionary<int, int>? _brackets;

            private InlineParser(string s, bool md)
            {
                _s = s;
                _n = s.Length;
                _md = md;
            }

            public static void Emit(string s, bool md, Builder b)
            {
                if (IsPlain(s, md))
                {
                    b.Text(s);
                    return;
                }

                var p = new InlineParser(s, md);
                p.Tokenize();
                p.ResolveEmphasis();
                p.Replay(b);
            }

            /// <summary>True when the run holds nothing the tokenizer would treat specially.</summary>
            private static bool IsPlain(string s, bool md)
            {
                foreach (char c in s)
                {
                    switch (c)
                    {
                        case '<':
                        case '&':
                        case '\n':
                            return false;
                        case '\\':
                        case '`':
                        case '*':
                        case '_':
                        case '[':
                        case '!':
                            if (md)
                            {
                                return false;
                            }

                            break;
                    }
                }

                return true;
            }

            private void Tokenize()
            {
                int i = 0;
                while (i < _n)
                {
                    if (_links.Count > 0 && i >= _links[_links.Count - 1].Key)
                    {
                        KeyValuePair<int, int> link = _links[_links.Count - 1];
                        _links.RemoveAt(_links.Count - 1);
                        AddTag(TagKind.Link, close: true, null, false);
                        i = Math.Max(i, link.Value);
                        continue;
                    }

                    int limit = _links.Count > 0 ? _links[_links.Count - 1].Key : _n;
                    char c = _s[i];
                    int next = -1;
                    switch (c)
                    {
                        case '\\':
                            if (_md && i + 1 < limit && IsAsciiPunct(_s[i + 1]))
                            {
                                _text.Append(_s[i + 1]);
                                next = i + 2;
                            }

                            break;
                        case '&':
                            int len = TryEntity(_s, i, limit, _text);
                            if (len > 0)
                            {
                                next = i + len;
                            }

                            break;
                        case '<':
                            next = TryAngle(i, limit);
                            break;
                        case '`':
                            if (_md)
                            {
                                next = CodeSpanOrLiteral(i, limit);
                            }

                            break;
                        case '*':
                            if (_md)
                            {
                                next = StarRun(i, limit);
                            }

                            break;
                        case '_':
                            if (_md)
                            {
                                next = Underscore(i, limit);
                            }

                            break;
                        case '[':
                            if (_md)
                            {
                                next = TryLink(i, limit, image: false);
                            }

                            break;
                        case '!':
                            if (_md && i + 1 < limit && _s[i + 1] == '[')
                            {
                                next = TryLink(i + 1, limit, image: true);
                            }

                            break;
                        case '\n':
                            _line++;
                            int j = i + 1;
                            while (j < _n && _s[j] != '\n' && char.IsWhiteSpace(_s[j]))
                            {
                                j++;
                            }

                            if (j < _n && _s[j] == '\n' && j < limit)
                            {
                                // A blank line inside an HTML block: paragraph break.
                                FlushText();
                                _toks.Add(new Tok { Kind = TokKind.ParaBreak });
                                next = j;
                            }

                            break;
                    }

                    if (next > i)
                    {
                        i = next;
                        continue;
                    }

                    _text.Append(c);
                    i++;
                }

                while (_links.Count > 0)
                {
                    _links.RemoveAt(_links.Count - 1);
                    AddTag(TagKind.Link, close: true, null, false);
                }

                FlushText();
            }

            private void FlushText()
            {
                if (_text.Length > 0)
                {
                    _toks.Add(new Tok { Kind = TokKind.Text, S = _text.ToString() });
                    _text.Clear();
                }
            }

            private void AddTag(TagKind tag, bool close, string? href, bool alert)
            {
                FlushText();
                _toks.Add(new Tok { Kind = TokKind.Tag, Tag = tag, Close = close, S = href, Alert = alert });
            }

            /// <summary>Case-insensitive search with a cache, so repeated failing searches stay linear.</summary>
            private int Find(string needle, int from)
            {
                _findCache ??= new Dictionary<string, KeyValuePair<int, int>>(StringComparer.Ordinal);
                if (_findCache.TryGetValue(needle, out KeyValuePair<int, int> cached))
                {
                    if (cached.Value < 0 ? from >= cached.Key : (from >= cached.Key && from <= cached.Value))
                    {
                        return cached.Value;
                    }
                }

                int result = from >= _n ? -1 : _s.IndexOf(needle, from, StringComparison.OrdinalIgnoreCase);
                _findCache[needle] = new KeyValuePair<int, int>(from, result);
                return result;
            }

            private bool At(string literal, int i) =>
                i + literal.Length <= _n && string.CompareOrdinal(_s, i, literal, 0, literal.Length) == 0;

            private int ScanToGt(int j, int limit)
            {
                while (j < limit)
                {
                    char c = _s[j];
                    if (c == '>')
                    {
                        return j;
                    }

                    if (c == '<')
                    {
                        return -1;
                    }

                    j++;
                }

                return -1;
            }

            /// <summary>Handles '&lt;': comments, CDATA, declarations, autolinks and tags. Returns the next index or -1.</summary>
            private int TryAngle(int i, int limit)
            {
                if (At("<!--", i))
                {
                    int e = Find("-->", i + 4);
                    return e >= 0 && e + 3 <= limit ? e + 3 : -1;
                }

                if (At("<![CDATA[", i))
                {
                    int e = Find("]]>", i + 9);
                    if (e >= 0 && e + 3 <= limit)
                    {
                        _text.Append(_s, i + 9, e - i - 9);
                        return e + 3;
                    }

                    return -1;
                }

                if (i + 2 < limit && (_s[i + 1] == '?' || (_s[i + 1] == '!' && IsAsciiLetter(_s[i + 2]))))
                {
                    int e = ScanToGt(i + 2, limit);
                    return e >= 0 ? e + 1 : -1;
                }

                if (_md && (At("<http://", i) || At("<https://", i) || At("<HTTP://", i) || At("<HTTPS://", i)))
                {
                    int j = i + 1;
                    while (j < limit && _s[j] != '>' && _s[j] != '<' && !char.IsWhiteSpace(_s[j]))
                    {
                        j++;
                    }

                    if (j < limit && _s[j] == '>')
                    {
                        string url = _s.Substring(i + 1, j - i - 1);
                        AddTag(TagKind.Link, close: false, ResolveHref(url), false);
                        _text.Append(url);
                        AddTag(TagKind.Link, close: true, null, false);
                        return j + 1;
                    }

                    return -1;
                }

                TagParse tag = ParseTag(i, limit);
                if (tag.End < 0)
                {
                    return -1;
                }

                if (!TagKinds.TryGetValue(tag.Name, out TagKind kind))
                {
                    kind = TagKind.Unknown;
                }

                if (kind == TagKind.Pre && !tag.Close && !tag.SelfClose)
                {
                    return RawCode(tag, limit);
                }

                if (kind == TagKind.RawSkip && !tag.Close && !tag.SelfClose)
                {
                    int e = Find("</" + tag.Name, tag.End);
                    if (e >= 0 && e < limit)
                    {
                        int gt = ScanToGt(e + 2, limit);
                        FlushText();
                        return gt >= 0 ? gt + 1 : e + 2 + tag.Name.Length;
                    }

                    return tag.End;
                }

                string? href = kind == TagKind.Link && !tag.Close && tag.Href != null ? ResolveHref(DecodeEntities(tag.Href)) : null;
                bool alert = kind == TagKind.Div && tag.Class != null && HasClass(DecodeEntities(tag.Class), "alert");
                AddTag(kind, tag.Close, href, alert);
                if (tag.SelfClose && !tag.Close && kind != TagKind.Br)
                {
                    AddTag(kind, close: true, null, false);
                }

                return tag.End;
            }

            private static bool HasClass(string classes, string name)
            {
                foreach (string part in classes.Split(' ', '\t', '\n'))
                {
                    if (string.Equals(part, name, StringComparison.OrdinalIgnoreCase))
                    {
                        return true;
                    }
                }

                return false;
            }

            /// <summary>Parses an HTML start or end tag. End is -1 when it is not one (then '&lt;' is literal text).</summary>
            private TagParse ParseTag(int i, int limit)
            {
                var fail = new TagParse { End = -1, Name = "" };
                int j = i + 1;
                bool close = false;
                if (j < limit && _s[j] == '/')
                {
                    close = true;
                    j++;
                }

                if (j >= limit || !IsAsciiLetter(_s[j]))
                {
                    return fail;
                }

                int nameStart = j;
                while (j < limit && (IsAsciiLetterOrDigit(_s[j]) || _s[j] == '-'))
                {
                    j++;
                }

                if (j >= limit)
                {
                    return fail;
                }

                string name = _s.Substring(nameStart, j - nameStart).ToLowerInvariant();
                char ch = _s[j];
                if (ch != '>' && ch != '/' && !char.IsWhiteSpace(ch))
                {
                    return fail;
                }

                string? href = null;
                string? cls = null;
                bool selfClose = false;
                while (true)
                {
                    while (j < limit && char.IsWhiteSpace(_s[j]))
                    {
                        j++;
                    }

                    if (j >= limit)
                    {
                        return fail;
                    }

                    ch = _s[j];
                    if (ch == '>')
                    {
                        j++;
                        break;
                    }

                    if (ch == '<')
                    {
                        return fail;
                    }

                    if (ch == '/')
                    {
                        if (j + 1 < limit && _s[j + 1] == '>')
                        {
                            selfClose = true;
                            j += 2;
                            break;
                        }

                        j++;
                        continue;
                    }

                    int attrStart = j;
                    while (j < limit && !char.IsWhiteSpace(_s[j]) && _s[j] != '=' && _s[j] != '>' && _s[j] != '<' && _s[j] != '/')
                    {
                        j++;
                    }

                    if (j == attrStart)
                    {
                        // A stray '=': skip it.
                        j++;
                        continue;
                    }

                    string attr = _s.Substring(attrStart, j - attrStart);
                    while (j < limit && char.IsWhiteSpace(_s[j]))
                    {
                        j++;
                    }

                    string? value = null;
                    if (j < limit && _s[j] == '=')
                    {
                        j++;
                        while (j < limit && char.IsWhiteSpace(_s[j]))
                        {
                            j++;
                        }

                        if (j >= limit)
                        {
                            return fail;
                        }

                        ch = _s[j];
                        if (ch == '"' || ch == '\'')
                        {
                            int k = j + 1;
                            while (k < limit && _s[k] != ch && _s[k] != '<')
                            {
                                k++;
                            }

                            if (k >= limit || _s[k] != ch)
                            {
                                return fail;
                            }

                            value = _s.Substring(j + 1, k - j - 1);
                            j = k + 1;
                        }
                        else
                        {
                            int k = j;
                            while (k < limit && !char.IsWhiteSpace(_s[k]) && _s[k] != '>' && _s[k] != '<')
                            {
                                k++;
                            }

                            if (k < limit && _s[k] == '<')
                            {
                                return fail;
                            }

                            value = _s.Substring(j, k - j);
                            j = k;
                        }
                    }

                    if (string.Equals(attr, "href", StringComparison.OrdinalIgnoreCase))
                    {
                        href ??= value;
                    }
                    else if (string.Equals(attr, "class", StringComparison.OrdinalIgnoreCase))
                    {
                        cls ??= value;
                    }
                }

                return new TagParse { End = j, Name = name, Close = close, SelfClose = selfClose, Href = href, Class = cls };
            }

            /// <summary>&lt;pre&gt;: everything up to &lt;/pre&gt; is code; tags inside are dropped (&lt;br&gt; is a line break).</summary>
            private int RawCode(TagParse tag, int limit)
            {
                int start = tag.End;
                int close = Find("</" + tag.Name, start);
                int stop;
                int resume;
                if (close >= 0 && close < limit)
                {
                    stop = close;
                    int gt = ScanToGt(close + 2, limit);
                    resume = gt >= 0 ? gt + 1 : close + 2 + tag.Name.Length;
                }
                else
                {
                    stop = limit;
                    resume = limit;
                }

                var code = new StringBuilder(stop - start);
                int j = start;
                while (j < stop)
                {
                    char c = _s[j];
                    if (c == '<')
                    {
                        TagParse inner = ParseTag(j, stop);
                        if (inner.End > j)
                        {
                            if (inner.Name == "br")
                            {
                                code.Append('\n');
                            }

                            j = inner.End;
                            continue;
                        }
                    }
                    else if (c == '&')
                    {
                        int len = TryEntity(_s, j, stop, code);
                        if (len > 0)
                        {
                            j += len;
                            continue;
                        }
                    }

                    code.Append(c);
                    j++;
                }

                string text = code.ToString();
                if (text.StartsWith("\n", StringComparison.Ordinal))
                {
                    text = text.Substring(1);
                }

                FlushText();
                _toks.Add(new Tok { Kind = TokKind.CodeBlock, S = text });
                return resume;
            }

            private void EnsureTicks()
            {
                if (_tickStart != null)
                {
                    return;
                }

                _tickStart = new List<int>();
                _tickLength = new List<int>();
                int j = 0;
                while (j < _n)
                {
                    if (_s[j] == '`')
                    {
                        int k = j;
                        while (k < _n && _s[k] == '`')
                        {
                            k++;
                        }

                        _tickStart.Add(j);
                        _tickLength.Add(k - j);
                        j = k;
                    }
                    else
                    {
                        j++;
                    }
                }

                _tickNext = new int[_tickStart.Count];
                var lastByLength = new Dictionary<int, int>();
                for (int r = _tickStart.Count - 1; r >= 0; r--)
                {
                    int length = _tickLength[r];
                    _tickNext[r] = lastByLength.TryGetValue(length, out int nx) ? nx : -1;
                    lastByLength[length] = r;
                }
            }

            private int CodeSpanOrLiteral(int i, int limit)
            {
                EnsureTicks();
                List<int> starts = _tickStart!;
                while (_tickCursor < starts.Count && starts[_tickCursor] < i)
                {
                    _tickCursor++;
                }

                if (_tickCursor >= starts.Count || starts[_tickCursor] != i)
                {
                    _text.Append('`');
                    return i + 1;
                }

                int length = _tickLength![_tickCursor];
                int nx = _tickNext![_tickCursor];
                if (length <= MaxCodeSpanTicks && nx >= 0 && starts[nx] + length <= limit)
                {
                    string content = _s.Substring(i + length, starts[nx] - i - length).Replace('\n', ' ');
                    if (content.Length >= 2 && content[0] == ' ' && content[content.Length - 1] == ' ' && !IsAllWhite(content))
                    {
                        content = content.Substring(1, content.Length - 2);
                    }

                    FlushText();
                    _toks.Add(new Tok { Kind = TokKind.Code, S = content });
                    return starts[nx] + length;
                }

                _text.Append('`', length);
                return i + length;
            }

            private int StarRun(int i, int limit)
            {
                int k = i;
                while (k < limit && _s[k] == '*')
                {
                    k++;
                }

                int run = k - i;
                char before = i > 0 ? _s[i - 1] : ' ';
                char after = k < _n ? _s[k] : ' ';
                bool canOpen = run <= 2 && !char.IsWhiteSpace(after) && !char.IsLetterOrDigit(before);
                bool canClose = run <= 2 && !char.IsWhiteSpace(before) && !char.IsLetterOrDigit(after);
                if (!canOpen && !canClose)
                {
                    _text.Append('*', run);
                    return k;
                }

                FlushText();
                _toks.Add(new Tok { Kind = TokKind.Delim, DelimCount = run, CanOpen = canOpen, CanClose = canClose, Line = _line });
                return k;
            }

            /// <summary><c>_word_</c> around one word with a lower-case letter (<c>__x__</c> stays literal: think <c>__init__</c>).</summary>
            private int Underscore(int i, int limit)
            {
                int k = i;
                while (k < limit && _s[k] == '_')
                {
                    k++;
                }

                int run = k - i;
                if (run == 1 && (i == 0 || !IsWordChar(_s[i - 1])))
                {
                    int j = k;
                    bool lower = false;
                    while (j < limit)
                    {
                        char ch = _s[j];
                        if (char.IsLetterOrDigit(ch) || ch == '-' || ch == '\'')
                        {
                            lower |= char.IsLower(ch);
                            j++;
                        }
                        else
                        {
                            break;
                        }
                    }

                    if (j > k && lower && j < limit && _s[j] == '_')
                    {
                        int e = j;
                        while (e < limit && _s[e] == '_')
                        {
                            e++;
                        }

                        if (e - j == run && (e >= _n || !IsWordChar(_s[e])))
                        {
                            AddTag(TagKind.Italic, close: false, null, false);
                            _text.Append(_s, k, j - k);
                            AddTag(TagKind.Italic, close: true, null, false);
                            return e;
                        }
                    }
                }

                _text.Append('_', run);
                return k;
            }

            private void EnsureBrackets()
            {
                if (_brackets != null)
                {
                    return;
                }

                _brackets = new Dictionary<int, int>();
                var stack = new List<int>();
                for (int j = 0; j < _n; j++)
                {
                    char c = _s[j];
                    if (c == '\\' && j + 1 < _n && IsAsciiPunct(_s[j + 1]))
                    {
                        j++;
                    }
                    else if (c == '[')
                    {
                        stack.Add(j);
                    }
                    else if (c == ']' && stack.Count > 0)
                    {
                        _brackets[stack[stack.Count - 1]] = j;
                        stack.RemoveAt(stack.Count - 1);
                    }
                }
            }

            /// <summary>Markdown <c>[text](url)</c> (or an image, which is dropped whole).</summary>
            private int TryLink(int i, int limit, bool image)
            {
                EnsureBrackets();
                if (!_brackets!.TryGetValue(i, out int close) || close >= limit || close + 1 >= _n || _s[close + 1] != '(')
                {
                    return -1;
                }

                int end = ParseDestination(close + 2, limit, out string url);
                if (end < 0)
                {
                    return -1;
                }

                if (image)
                {
                    FlushText();
                    return end;
                }

                AddTag(TagKind.Link, close: false, ResolveHref(DecodeEntities(url)), false);
                _links.Add(new KeyValuePair<int, int>(close, end));
                return i + 1;
            }

            private int ParseDestination(int j, int limit, out string url)
            {
                url = "";
                while (j < limit && char.IsWhiteSpace(_s[j]))
                {
                    j++;
                }

                if (j < limit && _s[j] == '<')
                {
                    int k = j + 1;
                    while (k < limit && _s[k] != '>' && _s[k] != '<' && _s[k] != '\n')
                    {
                        k++;
                    }

                    if (k >= limit || _s[k] != '>')
                    {
                        return -1;
                    }

                    url = _s.Substring(j + 1, k - j - 1);
                    j = k + 1;
                }
                else
                {
                    var sb = new StringBuilder();
                    int depth = 0;
                    while (j < limit)
                    {
                        char c = _s[j];
                        if (char.IsWhiteSpace(c))
                        {
                            break;
                        }

                        if (c == '(')
                        {
                            depth++;
                        }
                        else if (c == ')')
                        {
                            if (depth == 0)
                            {
                                break;
                            }

                            depth--;
                        }
                        else if (c == '<' || c == '[' || c == ']')
                        {
                            return -1;
                        }
                        else if (c == '\\' && j + 1 < limit && IsAsciiPunct(_s[j + 1]))
                        {
                            j++;
                            c = _s[j];
                        }

                        sb.Append(c);
                        j++;
                    }

                    url = sb.ToString();
                }

                while (j < limit && char.IsWhiteSpace(_s[j]))
                {
                    j++;
                }

                if (j < limit && (_s[j] == '"' || _s[j] == '\'' || _s[j] == '('))
                {
                    char q = _s[j] == '(' ? ')' : _s[j];
                    int k = j + 1;
                    while (k < limit && _s[k] != q)
                    {
                        if (_s[k] == '[' || _s[k] == ']' || _s[k] == '<')
                        {
                            return -1;
                        }

                        k++;
                    }

                    if (k >= limit)
                    {
                        return -1;
                    }

                    j = k + 1;
                    while (j < limit && char.IsWhiteSpace(_s[j]))
                    {
                        j++;
                    }
                }

                return j < limit && _s[j] == ')' ? j + 1 : -1;
            }

            /// <summary>Pairs '*'/'**' delimiters: same line, same length, nothing block-level or a link in between.</summary>
            private void ResolveEmphasis()
            {
                var singles = new List<int>();
                var doubles = new List<int>();
                int line = -1;
                for (int idx = 0; idx < _toks.Count; idx++)
                {
                    Tok t = _toks[idx];
                    if (t.Kind == TokKind.ParaBreak || t.Kind == TokKind.CodeBlock || (t.Kind == TokKind.Tag && IsEmphasisBarrier(t.Tag)))
                    {
                        singles.Clear();
                        doubles.Clear();
                        continue;
                    }

                    if (t.Kind != TokKind.Delim)
                    {
                        continue;
                    }

                    if (t.Line != line)
                    {
                        singles.Clear();
                        doubles.Clear();
                        line = t.Line;
                    }

                    List<int> same = t.DelimCount == 1 ? singles : doubles;
                    List<int> other = t.DelimCount == 1 ? doubles : singles;
                    if (t.CanClose && same.Count > 0)
                    {
                        int opener = same[same.Count - 1];
                        same.RemoveAt(same.Count - 1);
                        Tok o = _toks[opener];
                        o.Pair = 1;
                        _toks[opener] = o;
                        t.Pair = 2;
                        _toks[idx] = t;
                        while (other.Count > 0 && other[other.Count - 1] > opener)
                        {
                            other.RemoveAt(other.Count - 1);
                        }
                    }
                    else if (t.CanOpen)
                    {
                        same.Add(idx);
                    }
                }
            }

            private static bool IsEmphasisBarrier(TagKind t) =>
                t != TagKind.Bold && t != TagKind.Italic && t != TagKind.Code && t != TagKind.Unknown && t != TagKind.Img &&
                t != TagKind.Ignore;

            private void Replay(Builder b)
            {
                foreach (Tok t in _toks)
                {
                    switch (t.Kind)
                    {
                        case TokKind.Text:
                            b.Text(t.S!);
                            break;
                        case TokKind.Tag:
                            b.Html(t.Tag, t.Close, t.S, t.Alert);
                            break;
                        case TokKind.Code:
                            b.CodeSpan(t.S!);
                            break;
                        case TokKind.Delim:
                            int idx = t.DelimCount == 2 ? BoldIdx : ItalicIdx;
                            if (t.Pair == 1)
                            {
                                b.InlineOpen(idx, null);
                            }
                            else if (t.Pair == 2)
                            {
                                b.InlineClose(idx);
                            }
                            else
                            {
                                b.Text(new string('*', t.DelimCount));
                            }

                            break;
                        case TokKind.ParaBreak:
                            b.EndPara();
                            break;
                        case TokKind.CodeBlock:
                            b.CodeBlock(t.S!);
                            break;
                    }
                }
            }
        }

        // ------------------------------------------------------------------------------------------------------------
        // Rendering
        // ------------------------------------------------------------------------------------------------------------

        /// <summary>
        /// Writes escaped inline XML: white space collapsed (a space is written only before the next visible content,
        /// so none leads or trails), forbidden characters removed, empty elements dropped.
        /// </summary>
        private sealed class InlineWriter
        {
            private readonly StringBuilder _sb = new StringBuilder();
            private bool _pending;
            private bool _lastSpace;
            private bool _lastBreak;

            public struct Mark
            {
                public int Length;
                public int AfterOpen;
                public bool LastSpace;
                public bool LastBreak;
                public bool Pending;
            }

            public void Text(string s)
            {
                for (int i = 0; i < s.Length; i++)
                {
                    char c = s[i];
                    if (char.IsWhiteSpace(c))
                    {
                        _pending = true;
                        continue;
                    }

                    if (char.IsHighSurrogate(c))
                    {
                        Flush();
                        if (i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
                        {
                            _sb.Append(c).Append(s[i + 1]);
                            i++;
                        }
                        else
                        {
                            _sb.Append('\uFFFD');
                        }

                        Wrote();
                        continue;
                    }

                    if (IsDropped(c))
                    {
                        continue;
                    }

                    if (char.IsLowSurrogate(c) || c == '\uFFFE' || c == '\uFFFF')
                    {
                        c = '\uFFFD';
                    }

                    Flush();
                    AppendEscaped(_sb, c);
                    Wrote();
                }
            }

            private void Wrote()
            {
                _lastSpace = false;
                _lastBreak = false;
            }

            private void Flush()
            {
                if (_pending)
                {
                    if (_sb.Length > 0 && !_lastSpace && !_lastBreak)
                    {
                        _sb.Append(' ');
                        _lastSpace = true;
                    }

                    _pending = false;
                }
            }

            public void Break()
            {
                if (_sb.Length == 0 || _lastBreak)
                {
                    return;
                }

                _pending = false;
                _sb.Append("<br/>");
                _lastBreak = true;
                _lastSpace = false;
            }

            public Mark Open(string tag)
            {
                var m = new Mark { Length = _sb.Length, LastSpace = _lastSpace, LastBreak = _lastBreak, Pending = _pending };
                Flush();
                _sb.Append(tag);
                _lastSpace = false;
                _lastBreak = false;
                m.AfterOpen = _sb.Length;
                return m;
            }

            /// <summary>Closes the element opened at <paramref name="m"/>; false (and the open tag removed) if it was empty.</summary>
            public bool Close(Mark m, string tag)
            {
                if (_sb.Length == m.AfterOpen)
                {
                    _sb.Length = m.Length;
                    _lastSpace = m.LastSpace;
                    _lastBreak = m.LastBreak;
                    _pending |= m.Pending;
                    return false;
                }

                _sb.Append(tag);
                _lastSpace = false;
                _lastBreak = false;
                return true;
            }

            public void Raw(string markup)
            {
                Flush();
                _sb.Append(markup);
                _lastSpace = false;
                _lastBreak = false;
            }

            public string Finish()
            {
                while (true)
                {
                    int len = _sb.Length;
                    if (len > 0 && _sb[len - 1] == ' ')
                    {
                        _sb.Length = len - 1;
                    }
                    else if (len >= 5 && _sb[len - 1] == '>' && _sb[len - 2] == '/' && _sb[len - 3] == 'r' && _sb[len - 4] == 'b' &&
                             _sb[len - 5] == '<')
                    {
                        _sb.Length = len - 5;
                    }
                    else
                    {
                        break;
                    }
                }

                return _sb.ToString();
            }
        }

        private static List<Node> Flatten(Node container)
        {
            var blocks = new List<Node>();
            FlattenInto(container, blocks, 0);
            return blocks;
        }

        /// <summary>The block children of a container, with transparent groups (and misplaced containers) spliced in.</summary>
        private static void FlattenInto(Node container, List<Node> blocks, int depth)
        {
            if (container.Children is null)
            {
                return;
            }

            foreach (Node child in container.Children)
            {
                bool transparent = child.Kind == K.Group || child.Kind == K.Root || child.Kind == K.Item || child.Kind == K.Row ||
                                   child.Kind == K.Cell;
                if (transparent && depth < MaxRenderDepth)
                {
                    FlattenInto(child, blocks, depth + 1);
                }
                else if (!transparent)
                {
                    blocks.Add(child);
                }
            }
        }

        /// <summary>
        /// Finds the label of an HTML note (<c>&lt;b&gt;Note&lt;/b&gt;</c> at its start), removes it from the tree and
        /// remembers it on the note. Returns "Note" when there is none.
        /// </summary>
        private static string NoteLabel(Node note, List<Node> blocks)
        {
            if (note.Str != null)
            {
                return note.Str;
            }

            string label = "Note";
            Node? para = blocks.Count > 0 && blocks[0].Kind == K.Para ? blocks[0] : null;
            List<Node>? kids = para?.Children;
            if (kids != null)
            {
                int k = 0;
                while (k < kids.Count && kids[k].Kind == K.Text && IsAllWhite(kids[k].Text))
                {
                    k++;
                }

                if (k < kids.Count && kids[k].Kind == K.Bold && kids[k].Children != null)
                {
                    var text = new StringBuilder();
                    bool onlyText = true;
                    foreach (Node n in kids[k].Children!)
                    {
                        if (n.Kind == K.Text)
                        {
                            text.Append(n.Text);
                        }
                        else
                        {
                            onlyText = false;
                        }
                    }

                    string candidate = text.ToString().Trim();
                    if (candidate.EndsWith(":", StringComparison.Ordinal))
                    {
                        candidate = candidate.Substring(0, candidate.Length - 1).Trim();
                    }

                    if (onlyText && IsLabel(candidate))
                    {
                        label = CollapseSpaces(candidate);
                        kids.RemoveRange(0, k + 1);
                        if (kids.Count > 0 && kids[0].Kind == K.Text)
                        {
                            string rest = kids[0].Text.TrimStart();
                            if (rest.StartsWith(":", StringComparison.Ordinal))
                            {
                                kids[0].Sb = null;
                                kids[0].Str = rest.Substring(1);
                            }
                        }
                    }
                }
            }

            note.Str = label;
            return label;
        }

        private static bool IsLabel(string s)
        {
            if (s.Length == 0 || s.Length > 40 || !char.IsLetter(s[0]))
            {
                return false;
            }

            foreach (char c in s)
            {
                if (!char.IsLetter(c) && !char.IsWhiteSpace(c))
                {
                    return false;
                }
            }

            return true;
        }

        private static string CollapseSpaces(string s)
        {
            var w = new PlainWriter();
            w.Text(s);
            return w.Finish();
        }

        /// <summary>Renders the tree as XML doc content lines.</summary>
        private static class Xml
        {
            private sealed class Piece
            {
                public string? Para { get; set; }

                public List<string>? Lines { get; set; }
            }

            public static void RenderFlow(Node container, List<string> lines, bool bareSingle, int depth)
            {
                RenderBlocks(Flatten(container), lines, bareSingle, depth);
            }

            private static void RenderBlocks(List<Node> blocks, List<string> lines, bool bareSingle, int depth)
            {
                if (depth > MaxRenderDepth)
                {
                    return;
                }

                var pieces = new List<Piece>();
                foreach (Node b in blocks)
                {
                    switch (b.Kind)
                    {
                        case K.Para:
                            string s = RenderPara(b, depth);
                            if (s.Length > 0)
                            {
                                pieces.Add(new Piece { Para = s });
                            }

                            break;
                        case K.CodeBlock:
                        case K.List:
                        case K.Table:
                        case K.Note:
                            var sub = new List<string>();
                            switch (b.Kind)
                            {
                                case K.CodeBlock:
                                    RenderCode(b, sub);
                                    break;
                                case K.List:
                                    RenderList(b, sub, depth + 1);
                                    break;
                                case K.Table:
                                    RenderTable(b, sub, depth + 1);
                                    break;
                                default:
                                    RenderNote(b, sub, depth + 1);
                                    break;
                            }

                            if (sub.Count > 0)
                            {
                                pieces.Add(new Piece { Lines = sub });
                            }

                            break;
                    }
                }

                if (bareSingle && pieces.Count == 1 && pieces[0].Para != null)
                {
                    lines.Add(pieces[0].Para!);
                    return;
                }

                foreach (Piece p in pieces)
                {
                    if (p.Para != null)
                    {
                        lines.Add("<para>" + p.Para + "</para>");
                    }
                    else
                    {
                        lines.AddRange(p.Lines!);
                    }
                }
            }

            public static string RenderPara(Node para, int depth)
            {
                var w = new InlineWriter();
                RenderInline(para, w, depth);
                return w.Finish();
            }

            private static void RenderInline(Node n, InlineWriter w, int depth)
            {
                if (n.Children is null || depth > MaxRenderDepth)
                {
                    return;
                }

                foreach (Node child in n.Children)
                {
                    switch (child.Kind)
                    {
                        case K.Text:
                            w.Text(child.Text);
                            break;
                        case K.Break:
                            w.Break();
                            break;
                        case K.Bold:
                        case K.Italic:
                        case K.Code:
                            string name = child.Kind == K.Bold ? "b" : child.Kind == K.Italic ? "i" : "c";
                            InlineWriter.Mark m = w.Open("<" + name + ">");
                            RenderInline(child, w, depth + 1);
                            w.Close(m, "</" + name + ">");
                            break;
                        case K.Link:
                            if (child.Str is null)
                            {
                                RenderInline(child, w, depth + 1);
                            }
                            else
                            {
                                string href = EscapeAttribute(child.Str);
                                InlineWriter.Mark lm = w.Open("<see href=\"" + href + "\">");
                                RenderInline(child, w, depth + 1);
                                if (!w.Close(lm, "</see>"))
                                {
                                    w.Raw("<see href=\"" + href + "\"/>");
                                }
                            }

                            break;
                        default:
                            RenderInline(child, w, depth + 1);
                            break;
                    }
                }
            }

            private static void RenderCode(Node code, List<string> lines)
            {
                string[] raw = (code.Str ?? "").Split('\n');
                var body = new List<string>(raw.Length);
                foreach (string line in raw)
                {
                    var sb = new StringBuilder(line.Length);
                    for (int i = 0; i < line.Length; i++)
                    {
                        char c = line[i];
                        if (c == '\t')
                        {
                            sb.Append("    ");
                        }
                        else if (char.IsWhiteSpace(c))
                        {
                            sb.Append(' ');
                        }
                        else if (char.IsHighSurrogate(c))
                        {
                            if (i + 1 < line.Length && char.IsLowSurrogate(line[i + 1]))
                            {
                                sb.Append(c).Append(line[i + 1]);
                                i++;
                            }
                            else
                            {
                                sb.Append('\uFFFD');
                            }
                        }
                        else if (char.IsLowSurrogate(c) || c == '\uFFFE' || c == '\uFFFF')
                        {
                            sb.Append('\uFFFD');
                        }
                        else if (!IsDropped(c))
                        {
                            AppendEscaped(sb, c);
                        }
                    }

                    body.Add(sb.ToString().TrimEnd(' '));
                }

                int start = 0;
                while (start < body.Count && body[start].Length == 0)
                {
                    start++;
                }

                int end = body.Count;
                while (end > start && body[end - 1].Length == 0)
                {
                    end--;
                }

                if (end == start)
                {
                    return;
                }

                lines.Add("<code>");
                for (int i = start; i < end; i++)
                {
                    lines.Add(body[i]);
                }

                lines.Add("</code>");
            }

            private static void RenderList(Node list, List<string> lines, int depth)
            {
                var items = new List<string>();
                List<Node>? children = list.Children;
                for (int ci = 0; children != null && ci < children.Count; ci++)
                {
                    Node child = children[ci];
                    if (child.Kind == K.Item && child.Tag == TagKind.Dt && ci + 1 < children.Count && children[ci + 1].Kind == K.Item &&
                        children[ci + 1].Tag == TagKind.Dd)
                    {
                        // <dt>term</dt><dd>definition</dd>: one item with a term.
                        string term = RenderFlat(child, depth + 1);
                        string definition = RenderFlat(children[ci + 1], depth + 1);
                        if (term.Length > 0 || definition.Length > 0)
                        {
                            items.Add("<item><term>" + term + "</term><description>" + definition + "</description></item>");
                        }

                        ci++;
                        continue;
                    }

                    var sub = new List<string>();
                    RenderBlocks(ItemBlocks(child), sub, bareSingle: true, depth + 1);
                    if (sub.Count == 1)
                    {
                        items.Add("<item><description>" + sub[0] + "</description></item>");
                    }
                    else if (sub.Count > 1)
                    {
                        items.Add("<item><description>");
                        items.AddRange(sub);
                        items.Add("</description></item>");
                    }
                }

                if (items.Count == 0)
                {
                    return;
                }

                lines.Add(list.Flag ? "<list type=\"number\">" : "<list type=\"bullet\">");
                lines.AddRange(items);
                lines.Add("</list>");
            }

            /// <summary>The blocks of a list item, table row or cell; anything else found there counts as one block.</summary>
            private static List<Node> ItemBlocks(Node child)
            {
                if (child.Kind == K.Item || child.Kind == K.Cell || child.Kind == K.Row || child.Kind == K.Group || child.Kind == K.Root)
                {
                    return Flatten(child);
                }

                return new List<Node> { child };
            }

            private static void RenderNote(Node note, List<string> lines, int depth)
            {
                List<Node> blocks = Flatten(note);
                string label = NoteLabel(note, blocks);
                var w = new InlineWriter();
                InlineWriter.Mark m = w.Open("<b>");
                w.Text(label + ":");
                w.Close(m, "</b>");
                string head = w.Finish();

                int first = 0;
                string? firstPara = null;
                while (first < blocks.Count && blocks[first].Kind == K.Para)
                {
                    string s = RenderPara(blocks[first], depth);
                    first++;
                    if (s.Length > 0)
                    {
                        firstPara = s;
                        break;
                    }
                }

                var rest = new List<string>();
                RenderBlocks(blocks.GetRange(first, blocks.Count - first), rest, bareSingle: false, depth + 1);
                if (firstPara != null)
                {
                    lines.Add("<para>" + head + " " + firstPara + "</para>");
                }
                else if (rest.Count > 0)
                {
                    lines.Add("<para>" + head + "</para>");
                }

                lines.AddRange(rest);
            }

            private static void RenderTable(Node table, List<string> lines, int depth)
            {
                var rows = new List<List<string>>();
                var headerRows = new List<bool>();
                if (table.Children != null)
                {
                    foreach (Node row in table.Children)
                    {
                        var cells = new List<string>();
                        bool header = true;
                        if (row.Kind == K.Row && row.Children != null)
                        {
                            foreach (Node cell in row.Children)
                            {
                                cells.Add(RenderFlat(cell, depth + 1));
                                header &= cell.Kind == K.Cell && cell.Flag;
                            }
                        }
                        else if (row.Kind != K.Row)
                        {
                            cells.Add(RenderFlat(row, depth + 1));
                            header = false;
                        }

                        bool any = false;
                        foreach (string c in cells)
                        {
                            any |= c.Length > 0;
                        }

                        if (any)
                        {
                            rows.Add(cells);
                            headerRows.Add(header);
                        }
                    }
                }

                if (rows.Count == 0)
                {
                    return;
                }

                int columns = 0;
                foreach (List<string> r in rows)
                {
                    columns = Math.Max(columns, r.Count);
                }

                if (columns == 2)
                {
                    lines.Add("<list type=\"table\">");
                    for (int i = 0; i < rows.Count; i++)
                    {
                        List<string> r = rows[i];
                        string element = i == 0 && headerRows[0] ? "listheader" : "item";
                        string body = r.Count == 2
                            ? "<term>" + r[0] + "</term><description>" + r[1] + "</description>"
                            : "<description>" + r[0] + "</description>";
                        lines.Add("<" + element + ">" + body + "</" + element + ">");
                    }

                    lines.Add("</list>");
                    return;
                }

                foreach (List<string> r in rows)
                {
                    var sb = new StringBuilder();
                    for (int c = 0; c < r.Count; c++)
                    {
                        if (c > 0)
                        {
                            sb.Append(" |");
                        }

                        if (r[c].Length > 0)
                        {
                            if (sb.Length > 0)
                            {
                                sb.Append(' ');
                            }

                            sb.Append(r[c]);
                        }
                    }

                    lines.Add("<para>" + sb + "</para>");
                }
            }

            /// <summary>A container rendered on one line: paragraphs joined by spaces, list items by ", ".</summary>
            private static string RenderFlat(Node container, int depth) => RenderFlatBlocks(ItemBlocks(container), depth);

            private static string RenderFlatBlocks(List<Node> blocks, int depth)
            {
                if (depth > MaxRenderDepth)
                {
                    return "";
                }

                var parts = new List<string>();
                foreach (Node b in blocks)
                {
                    string s;
                    switch (b.Kind)
                    {
                        case K.Para:
                            s = RenderPara(b, depth);
                            break;
                        case K.List:
                            var items = new List<string>();
                            if (b.Children != null)
                            {
                                foreach (Node item in b.Children)
                                {
                                    string flat = RenderFlat(item, depth + 1);
                                    if (flat.Length > 0)
                                    {
                                        items.Add(flat);
                                    }
                                }
                            }

                            s = string.Join(", ", items);
                            break;
                        case K.Table:
                            var rows = new List<string>();
                            if (b.Children != null)
                            {
                                foreach (Node row in b.Children)
                                {
                                    var cells = new List<string>();
                                    foreach (Node cell in ItemBlocks(row))
                                    {
                                        cells.Add(RenderFlat(cell, depth + 1));
                                    }

                                    string joined = string.Join(" | ", cells).Trim();
                                    if (joined.Length > 0)
                                    {
                                        rows.Add(joined);
                                    }
                                }
                            }

                            s = string.Join("; ", rows);
                            break;
                        case K.CodeBlock:
                            var cw = new InlineWriter();
                            InlineWriter.Mark m = cw.Open("<c>");
                            cw.Text(b.Str ?? "");
                            cw.Close(m, "</c>");
                            s = cw.Finish();
                            break;
                        case K.Note:
                            List<Node> noteBlocks = Flatten(b);
                            string label = NoteLabel(b, noteBlocks);
                            string content = RenderFlatBlocks(noteBlocks, depth + 1);
                            var lw = new InlineWriter();
                            InlineWriter.Mark lm = lw.Open("<b>");
                            lw.Text(label + ":");
                            lw.Close(lm, "</b>");
                            s = content.Length > 0 ? lw.Finish() + " " + content : "";
                            break;
                        default:
                            s = "";
                            break;
                    }

                    if (s.Length > 0)
                    {
                        parts.Add(s);
                    }
                }

                return string.Join(" ", parts);
            }
        }

        /// <summary>Renders the tree as one line of plain text.</summary>
        private sealed class PlainWriter
        {
            private readonly StringBuilder _sb = new StringBuilder();
            private bool _pending;

            public void Space() => _pending = true;

            public void Text(string s)
            {
                for (int i = 0; i < s.Length; i++)
                {
                    char c = s[i];
                    if (char.IsWhiteSpace(c))
                    {
                        _pending = true;
                        continue;
                    }

                    if (IsDropped(c))
                    {
                        continue;
                    }

                    if (_pending)
                    {
                        if (_sb.Length > 0)
                        {
                            _sb.Append(' ');
                        }

                        _pending = false;
                    }

                    if (char.IsHighSurrogate(c))
                    {
                        if (i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
                        {
                            _sb.Append(c).Append(s[i + 1]);
                            i++;
                        }
                        else
                        {
                            _sb.Append('\uFFFD');
                        }
                    }
                    else if (char.IsLowSurrogate(c) || c == '\uFFFE' || c == '\uFFFF')
                    {
                        _sb.Append('\uFFFD');
                    }
                    else
                    {
                        _sb.Append(c);
                    }
                }
            }

            public void Render(Node n, int depth)
            {
                if (depth > MaxRenderDepth)
                {
                    return;
                }

                switch (n.Kind)
                {
                    case K.Text:
                        Text(n.Text);
                        return;
                    case K.Break:
                        Space();
                        return;
                    case K.CodeBlock:
                        Space();
                        Text(n.Str ?? "");
                        Space();
                        return;
                    case K.Bold:
                    case K.Italic:
                    case K.Code:
                    case K.Link:
                        RenderChildren(n, depth);
                        return;
                    case K.Note:
                        string label = NoteLabel(n, Flatten(n));
                        var content = new PlainWriter();
                        content.RenderChildren(n, depth);
                        string body = content.Finish();
                        if (body.Length > 0)
                        {
                            Space();
                            Text(label + ": " + body);
                            Space();
                        }

                        return;
                    default:
                        Space();
                        RenderChildren(n, depth);
                        Space();
                        return;
                }
            }

            private void RenderChildren(Node n, int depth)
            {
                if (n.Children is null)
                {
                    return;
                }

                foreach (Node child in n.Children)
                {
                    Render(child, depth + 1);
                }
            }

            public string Finish() => _sb.ToString();
        }
    }
}
