using System;
using System.Collections.Generic;
using System.Text;

namespace TapiGen.Generator.Parsing
{
    internal static partial class DocConverter
    {
        // ------------------------------------------------------------------------------------------------------------
        // Entities
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
    }
}
