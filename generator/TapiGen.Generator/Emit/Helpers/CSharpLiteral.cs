using System.Globalization;
using System.Text;

namespace TapiGen.Generator.Emit.Helpers
{
    /// <summary>Writes text from a manifest as C# string literals that can never end early or hide characters.</summary>
    internal static class CSharpLiteral
    {
        /// <summary>
        /// A regular (not verbatim) C# string literal. Quotes and backslashes are escaped; anything that is not a
        /// printable character (controls, non-ASCII spaces, line and paragraph separators, formatting characters such as bidirectional
        /// overrides, surrogates, private-use and unassigned code points) becomes a \uXXXX escape, so the literal is
        /// one line of plain, reviewable text and survives any encoding of the generated file.
        /// </summary>
        public static string String(string text)
        {
            var sb = new StringBuilder(text.Length + 2);
            sb.Append('"');
            foreach (char c in text)
            {
                switch (c)
                {
                    case '"':
                        sb.Append("\\\"");
                        break;
                    case '\\':
                        sb.Append("\\\\");
                        break;
                    default:
                        if (NeedsEscape(c))
                        {
                            sb.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                        }
                        else
                        {
                            sb.Append(c);
                        }

                        break;
                }
            }

            sb.Append('"');
            return sb.ToString();
        }

        private static bool NeedsEscape(char c)
        {
            if (c >= 0x20 && c < 0x7F)
            {
                return false;
            }

            if (c < 0x20 || c == 0x7F)
            {
                return true;
            }

            switch (CharUnicodeInfo.GetUnicodeCategory(c))
            {
                case UnicodeCategory.Control:
                case UnicodeCategory.Format:
                case UnicodeCategory.SpaceSeparator:
                case UnicodeCategory.LineSeparator:
                case UnicodeCategory.ParagraphSeparator:
                case UnicodeCategory.Surrogate:
                case UnicodeCategory.PrivateUse:
                case UnicodeCategory.OtherNotAssigned:
                    return true;
                default:
                    return false;
            }
        }
    }
}
