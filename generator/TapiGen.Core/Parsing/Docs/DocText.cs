using System;
using System.Collections.Generic;
using System.Text;

namespace TapiGen.Generator.Parsing
{
    internal static partial class DocConverter
    {
        // ------------------------------------------------------------------------------------------------------------
        // Output line sanitizing
        // ------------------------------------------------------------------------------------------------------------

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
        // URLs and attributes
        // ------------------------------------------------------------------------------------------------------------

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
    }
}
