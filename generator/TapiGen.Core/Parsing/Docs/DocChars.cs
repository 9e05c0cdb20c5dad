using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace TapiGen.Generator.Parsing
{
    /// <summary>
    /// The character rules every part of the doc converter shares: which characters never reach the output, how text
    /// is escaped for XML, which entities are decoded and which link targets are kept.
    /// </summary>
    internal static class DocChars
    {
        private const string SiteRoot = "https://learn.microsoft.com";

        /// <summary>What <c>&amp;#128;</c> to <c>&amp;#159;</c> mean in HTML: the Windows-1252 characters.</summary>
        private const string Cp1252 =
            "\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F" +
            "\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178";

        /// <summary>The named entities sdk-api pages use, and a few common typographic ones; others stay text.</summary>
        private static readonly Dictionary<string, string> Named = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["lt"] = "<", ["gt"] = ">", ["amp"] = "&", ["quot"] = "\"", ["apos"] = "'", ["nbsp"] = "\u00A0",
            ["copy"] = "\u00A9", ["reg"] = "\u00AE", ["trade"] = "\u2122", ["mdash"] = "\u2014", ["ndash"] = "\u2013",
            ["hellip"] = "\u2026", ["lsquo"] = "\u2018", ["rsquo"] = "\u2019", ["ldquo"] = "\u201C", ["rdquo"] = "\u201D",
        };

        /// <summary>
        /// Characters removed from the output: C0/C1 controls that are not white space, bidirectional controls
        /// (Trojan Source), the deprecated format controls next to them, and the BOM.
        /// </summary>
        public static bool IsDropped(char c) =>
            (c < '\u0020' && !char.IsWhiteSpace(c)) ||
            (c >= '\u007F' && c <= '\u009F' && c != '\u0085') ||
            c == '\u061C' || c == '\u200E' || c == '\u200F' ||
            (c >= '\u202A' && c <= '\u202E') ||
            (c >= '\u2066' && c <= '\u206F') ||
            c == '\uFEFF';

        public static bool IsAsciiLetter(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');

        public static bool IsAsciiPunctuation(char c) =>
            (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') || (c >= '{' && c <= '~');

        public static bool IsAllWhite(string s, int from = 0) => s.Skip(from).All(char.IsWhiteSpace);

        /// <summary>
        /// Appends the character at <paramref name="i"/> as output text and returns how many characters it took (2 for
        /// a surrogate pair). Dropped characters write nothing, broken surrogates and noncharacters write U+FFFD and,
        /// with <paramref name="xml"/>, <c>&amp;</c>, <c>&lt;</c> and <c>&gt;</c> are escaped. White space is the caller's.
        /// </summary>
        public static int AppendChar(StringBuilder sb, string s, int i, bool xml)
        {
            char c = s[i];
            if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                sb.Append(c).Append(s[i + 1]);
                return 2;
            }

            string? replaced = char.IsSurrogate(c) || c == '\uFFFE' || c == '\uFFFF' ? "\uFFFD" :
                !xml ? null : c == '&' ? "&amp;" : c == '<' ? "&lt;" : c == '>' ? "&gt;" : null;
            if (replaced != null)
            {
                sb.Append(replaced);
            }
            else if (!IsDropped(c))
            {
                sb.Append(c);
            }

            return 1;
        }

        /// <summary>
        /// Decodes the entity that starts at <paramref name="i"/> (a '&amp;') into <paramref name="into"/> and returns
        /// its length, or returns 0 when there is none (the '&amp;' is then text).
        /// </summary>
        public static int DecodeEntity(string s, int i, int end, StringBuilder into)
        {
            int j = i + 1;
            if (j < end && s[j] == '#')
            {
                bool hex = j + 1 < end && (s[j + 1] == 'x' || s[j + 1] == 'X');
                int start = hex ? j + 2 : j + 1;
                int k = start;
                int value = 0;
                for (int d; k < end && k - start < 7 && (d = "0123456789abcdef".IndexOf(char.ToLowerInvariant(s[k]))) >= 0 && d < (hex ? 16 : 10); k++)
                {
                    value = (value * (hex ? 16 : 10)) + d;
                }

                if (k == start || k >= end || s[k] != ';')
                {
                    return 0;
                }

                into.Append(
                    value >= 0x80 && value <= 0x9F ? Cp1252[value - 0x80].ToString() :
                    value == 0 || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF) ? "\uFFFD" : char.ConvertFromUtf32(value));
                return k + 1 - i;
            }

            int n = j;
            while (n < end && n - j < 8 && char.IsLetterOrDigit(s[n]))
            {
                n++;
            }

            if (n < end && s[n] == ';' && Named.TryGetValue(s.Substring(j, n - j), out string? decoded))
            {
                into.Append(decoded);
                return n + 1 - i;
            }

            return 0;
        }

        /// <summary>Decodes every entity of an attribute value.</summary>
        public static string DecodeEntities(string s)
        {
            var sb = new StringBuilder(s.Length);
            for (int i = 0; i < s.Length; i++)
            {
                int length = s[i] == '&' ? DecodeEntity(s, i, s.Length, sb) : 0;
                i += length > 0 ? length - 1 : 0;
                sb.Append(length > 0 ? "" : s[i].ToString());
            }

            return sb.ToString();
        }

        /// <summary>
        /// The absolute URL a link should point to, or null when the link must be reduced to its text: only http(s)
        /// and site-relative URLs are kept; relative links (e.g. <c>nf-winuser-foo.md</c>) and other schemes are not.
        /// </summary>
        public static string? ResolveHref(string? raw)
        {
            string url = raw?.Trim() ?? "";
            bool web = (url.StartsWith("https://", StringComparison.OrdinalIgnoreCase) && url.Length > 8) ||
                       (url.StartsWith("http://", StringComparison.OrdinalIgnoreCase) && url.Length > 7);
            return url.StartsWith("//", StringComparison.Ordinal) ? (url.Length > 2 ? "https:" + url : null) :
                url.StartsWith("/", StringComparison.Ordinal) ? SiteRoot + url : web ? url : null;
        }

        /// <summary>A URL as an XML attribute value: white space as %20, quotes and markup escaped, forbidden characters gone.</summary>
        public static string EscapeAttribute(string value)
        {
            var sb = new StringBuilder(value.Length + 16);
            for (int i = 0; i < value.Length;)
            {
                string? special = char.IsWhiteSpace(value[i]) ? "%20" : value[i] == '"' ? "&quot;" : null;
                i += special is null ? AppendChar(sb, value, i, xml: true) : 1;
                sb.Append(special);
            }

            return sb.ToString();
        }
    }
}
